//! The `cloudshift` binary: a subcommand, or the desktop app.

use std::path::PathBuf;
use std::process::ExitCode;

use cloudshift::cli::{Invocation, configure_pool, eprint_line, load_scenario, run};

fn main() -> ExitCode {
    configure_pool();
    match run(std::env::args_os()) {
        Invocation::Exit(code) => code,
        Invocation::Window(file) => open_window(file),
    }
}

/// Opens the app on `files` (or the built-in baseline), one tab each; a bad file or no display
/// exits 1.
fn open_window(files: Vec<PathBuf>) -> ExitCode {
    let mut documents = Vec::new();
    for path in files {
        match load_scenario(&path) {
            Ok(scenario) => {
                let path = Some(path).filter(|p| p.as_os_str() != "-");
                documents.push((scenario, path));
            }
            Err(error) => {
                eprint_line(&format!("error: {}", error.0));
                return ExitCode::FAILURE;
            }
        }
    }
    match cloudshift::ui::run_native(documents) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprint_line(&format!("error: {error}"));
            ExitCode::FAILURE
        }
    }
}
