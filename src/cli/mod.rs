//! The command line: parse arguments, run a subcommand, or hand over to the desktop app.

mod args;
mod compare;
mod project;
mod report;
mod uncertainty;
mod value;

use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser as _;

pub use args::{Cli, Command, OutputArgs, OutputSelector};
pub use compare::reports as compare_reports;
pub use project::report as projection_report;
pub use report::{Cell, ColumnKind, Format, Report, plain_decimal, shortest_decimal};
pub use uncertainty::summary_report;
pub use value::report as value_report;

use crate::model::{Projection, Scenario, diagnostics, project};
use crate::scenario::{builtin_baseline, load_path, write_atomically};

/// What `main` should do after the arguments are read.
#[derive(Debug)]
pub enum Invocation {
    /// Open the desktop app on these files (one tab each), or on the built-in baseline.
    Window(Vec<PathBuf>),
    /// A subcommand ran (or the arguments were bad); exit with this code.
    Exit(ExitCode),
}

/// A failure to report as one line on standard error, exit code 1.
#[derive(Debug)]
pub struct CliError(pub String);

impl<E: std::fmt::Display> From<E> for CliError {
    fn from(error: E) -> Self {
        Self(error.to_string())
    }
}

/// Parses `args` (program name first) and runs the subcommand, if any.
pub fn run(args: impl IntoIterator<Item = OsString>) -> Invocation {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => return Invocation::Exit(clap_exit(&error)),
    };
    let Some(command) = cli.command else {
        return Invocation::Window(cli.files);
    };
    let result = match command {
        Command::Validate { files } => return Invocation::Exit(validate(&files)),
        Command::Project { file, output } => load_scenario(&file).and_then(|scenario| {
            emit(&project::report(&scenario), &output)?;
            warn_about_limits(&scenario, &project(&scenario));
            Ok(())
        }),
        Command::Value { file, output } => load_scenario(&file).and_then(|scenario| {
            let projection = project(&scenario);
            emit(&value::report(&scenario, &projection), &output)?;
            warn_about_limits(&scenario, &projection);
            Ok(())
        }),
        Command::Compare {
            files,
            year,
            format,
            output,
        } => compare(&files, year, &OutputArgs { format, output }),
        Command::Simulate {
            file,
            samples,
            seed,
            output,
        } => load_scenario(&file)
            .and_then(|scenario| uncertainty::simulate_report(&scenario, samples, seed))
            .and_then(|report| emit(&report, &output)),
        Command::Sensitivity {
            file,
            selector,
            output,
        } => load_scenario(&file)
            .and_then(|scenario| uncertainty::sensitivity_report(&scenario, &selector))
            .and_then(|report| emit(&report, &output)),
        Command::Solve {
            file,
            param,
            selector,
            target,
            output,
        } => load_scenario(&file)
            .and_then(|scenario| uncertainty::solve_report(&scenario, &param, &selector, target))
            .and_then(|report| emit(&report, &output)),
    };
    Invocation::Exit(match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError(message)) => {
            eprint_line(&format!("error: {message}"));
            ExitCode::FAILURE
        }
    })
}

/// One `warning: ` line on stderr per model limit the projection reaches (the exit code stays 0).
fn warn_about_limits(scenario: &Scenario, projection: &Projection) {
    for diagnostic in diagnostics(scenario, projection) {
        eprint_line(&format!("warning: {}", diagnostic.warning));
    }
}

/// Help and version go to stdout with exit 0; usage errors are one line with exit 1.
fn clap_exit(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        print_text(&error.render().to_string());
        return ExitCode::SUCCESS;
    }
    if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        print_text(&error.render().to_string());
        return ExitCode::FAILURE;
    }
    let rendered = error.render().to_string();
    let first = rendered
        .lines()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("error: bad arguments");
    eprint_line(&format!("{first} (see 'cloudshift --help')"));
    ExitCode::FAILURE
}

/// Loads a scenario file; `-` means the built-in baseline.
pub fn load_scenario(path: &Path) -> Result<Scenario, CliError> {
    if path.as_os_str() == "-" {
        return Ok(builtin_baseline());
    }
    Ok(load_path(path)?)
}

fn compare(files: &[PathBuf], year: Option<i32>, output: &OutputArgs) -> Result<(), CliError> {
    if output.format == Format::Json {
        return Err(CliError("--format: compare writes table or csv".to_owned()));
    }
    let scenarios = files
        .iter()
        .map(|f| load_scenario(f))
        .collect::<Result<Vec<_>, _>>()?;
    let projections: Vec<Projection> = scenarios.iter().map(project).collect();
    let compared: Vec<(&Scenario, &Projection)> = scenarios.iter().zip(&projections).collect();
    let (inputs, kpis, year) = compare::reports(&compared, year, output.format == Format::Table)?;
    let text = match output.format {
        Format::Csv => format!("{}\n{}", inputs.to_csv(), kpis.to_csv()),
        _ => format!(
            "Inputs that differ ({} of them)\n\n{}\nKey figures in {year}\n\n{}",
            inputs.rows.len(),
            inputs.to_table(),
            kpis.to_table()
        ),
    };
    write_text(&text, output.output.as_deref())
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut all_ok = true;
    for file in files {
        match load_path(file) {
            Ok(_) => print_text(&format!("ok {}\n", file.display())),
            Err(error) => {
                all_ok = false;
                eprint_line(&error.to_string());
            }
        }
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Writes a report to stdout or to `--output`.
pub fn emit(report: &Report, output: &OutputArgs) -> Result<(), CliError> {
    write_text(&report.render(output.format), output.output.as_deref())
}

fn write_text(text: &str, path: Option<&Path>) -> Result<(), CliError> {
    if let Some(path) = path {
        return Ok(write_atomically(path, text.as_bytes())?);
    }
    print_text(text);
    Ok(())
}

/// Prints to stdout; a closed pipe (`| head`) is not an error worth a panic.
fn print_text(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

/// One line on stderr, newlines inside the message folded so it stays one line.
pub fn eprint_line(message: &str) {
    let one_line = message.replace('\n', " ");
    let _ = writeln!(std::io::stderr().lock(), "{}", one_line.trim_end());
}
