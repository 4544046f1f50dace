//! The `cloudshift` binary: a subcommand, or the desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use cloudshift::cli::{Invocation, eprint_line, load_scenario, run};

fn main() -> ExitCode {
    match run(std::env::args_os()) {
        Invocation::Exit(code) => code,
        Invocation::Window(file) => open_window(file),
    }
}

/// Opens the app on `file` (or the built-in baseline); a bad file or no display exits 1.
fn open_window(file: Option<PathBuf>) -> ExitCode {
    let scenario = match &file {
        Some(path) => match load_scenario(path) {
            Ok(scenario) => scenario,
            Err(error) => {
                eprint_line(&format!("error: {}", error.0));
                return ExitCode::FAILURE;
            }
        },
        None => cloudshift::scenario::builtin_baseline(),
    };
    let path = file.filter(|p| p.as_os_str() != "-");
    match cloudshift::ui::run_native(scenario, path) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprint_line(&format!("error: {error}"));
            ExitCode::FAILURE
        }
    }
}
