//! The `cloudshift` binary: a subcommand, or the desktop app.

use std::process::ExitCode;

use cloudshift::cli::{Invocation, run};

fn main() -> ExitCode {
    match run(std::env::args_os()) {
        Invocation::Exit(code) => code,
        Invocation::Window(file) => open_window(file),
    }
}

/// Until the desktop app lands, point to the command line.
fn open_window(_file: Option<std::path::PathBuf>) -> ExitCode {
    let _ = run(["cloudshift".into(), "--help".into()]);
    ExitCode::SUCCESS
}
