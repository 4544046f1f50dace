//! The command line: parse arguments, run a subcommand, or hand over to the desktop app.

mod args;
mod share;
mod threads;
mod uncertainty;
mod value;

use std::ffi::OsString;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser as _;

pub use crate::tables::{
    Cell, ColumnKind, Format, Report, csv_text, human, plain_decimal, shortest_decimal,
};
pub use crate::tables::{compare_reports, projection_report, summary_report};
pub use args::{Cli, Command, ImageFormat, OutputArgs, OutputSelector, StatisticArgs};
pub use threads::{configure_pool, pool_threads};
pub use value::report as value_report;

use crate::model::{Projection, Scenario, diagnostics, project};
use crate::scenario::{builtin_baseline, load_path, write_output};

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
            emit(&projection_report(&scenario), &output, &[&file])?;
            warn_about_limits(&scenario, &project(&scenario));
            Ok(())
        }),
        Command::Value { file, output } => load_scenario(&file).and_then(|scenario| {
            let projection = project(&scenario);
            emit(&value::report(&scenario, &projection), &output, &[&file])?;
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
            timings,
            output,
        } => load_scenario(&file)
            .and_then(|scenario| {
                let errors = output.format == Format::Json;
                uncertainty::simulate_report(&scenario, samples, seed, errors, timings)
            })
            .and_then(|report| emit(&report, &output, &[&file])),
        Command::Sensitivity {
            file,
            selector,
            output,
        } => load_scenario(&file)
            .and_then(|scenario| uncertainty::sensitivity_report(&scenario, &selector))
            .and_then(|report| emit(&report, &output, &[&file])),
        Command::Solve {
            file,
            param,
            selector,
            target,
            statistic,
            output,
        } => load_scenario(&file)
            .and_then(|scenario| {
                uncertainty::solve_report(&scenario, &param, &selector, target, &statistic)
            })
            .and_then(|report| emit(&report, &output, &[&file])),
        Command::Plot {
            file,
            chart,
            width,
            height,
            theme,
            provider,
            format,
            output,
        } => share::plot(
            &file,
            &share::PlotRequest {
                chart,
                width,
                height,
                theme,
                provider,
                format,
            },
            output.as_deref(),
        ),
        Command::Report { files, output } => share::report(&files, output.as_deref()),
    };
    Invocation::Exit(exit_code(result))
}

/// 0 on success; otherwise the error as one line on stderr, and 1.
fn exit_code(result: Result<(), CliError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError(message)) => {
            eprint_line(&format!("error: {message}"));
            ExitCode::FAILURE
        }
    }
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
        return exit_code(print_text(&error.render().to_string()));
    }
    if error.kind() == ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
        let _ = exit_code(print_text(&error.render().to_string()));
        return ExitCode::FAILURE;
    }
    // The first paragraph, on one line: it names what is wrong (a missing argument is on the
    // line after "the following required arguments were not provided:").
    let rendered = error.render().to_string();
    let first: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .collect();
    let first = if first.is_empty() {
        "error: bad arguments".to_owned()
    } else {
        first.join(" ")
    };
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
    let (mut inputs, mut kpis, year) =
        compare_reports(&compared, year, output.format == Format::Table)?;
    refuse_non_finite(&inputs)?;
    refuse_non_finite(&kpis)?;
    let text = if output.format == Format::Csv {
        format!("{}\n{}", inputs.to_csv(), kpis.to_csv())
    } else {
        let scenarios: Vec<&Scenario> = scenarios.iter().collect();
        let key = crate::tables::letter_columns(&mut inputs, &mut kpis, &scenarios);
        format!(
            "Scenarios\n\n{key}\nInputs that differ ({} of them)\n\n{}\nKey figures in {year}\n\n{}",
            inputs.rows.len(),
            inputs.to_table(),
            kpis.to_table()
        )
    };
    let inputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    write_text(&text, output.output.as_deref(), &inputs)
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut all_ok = true;
    for file in files {
        match load_scenario(file) {
            Ok(_) => {
                if let Err(CliError(message)) = print_text(&format!("ok {}\n", file.display())) {
                    eprint_line(&format!("error: {message}"));
                    return ExitCode::FAILURE;
                }
            }
            Err(CliError(message)) => {
                all_ok = false;
                eprint_line(&message);
            }
        }
    }
    if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Writes a report to stdout or to `--output`, never over one of the command's `inputs`.
pub fn emit(report: &Report, output: &OutputArgs, inputs: &[&Path]) -> Result<(), CliError> {
    refuse_non_finite(report)?;
    write_text(
        &report.render(output.format),
        output.output.as_deref(),
        inputs,
    )
}

/// An error naming the first non-finite number of `report`: results are finite or not printed.
fn refuse_non_finite(report: &Report) -> Result<(), CliError> {
    match report.first_non_finite() {
        Some(place) => Err(CliError(format!(
            "the model gave a non-finite result ({place}); the scenario's values are beyond what \
             it can compute"
        ))),
        None => Ok(()),
    }
}

/// To `--output` by the write rules (`scenario::write_output`), or to stdout (also for
/// `--output -`). `-` as an input is the built-in baseline, not a file, so it protects nothing.
fn write_text(text: &str, path: Option<&Path>, inputs: &[&Path]) -> Result<(), CliError> {
    write_bytes(text.as_bytes(), path, inputs)
}

/// [`write_text`] for any bytes (a PNG).
fn write_bytes(bytes: &[u8], path: Option<&Path>, inputs: &[&Path]) -> Result<(), CliError> {
    if let Some(path) = path.filter(|p| p.as_os_str() != "-") {
        let files: Vec<&Path> = inputs
            .iter()
            .copied()
            .filter(|input| input.as_os_str() != "-")
            .collect();
        return Ok(write_output(path, bytes, &files)?);
    }
    print_bytes(bytes)
}

/// Prints to stdout, checking the write and the final flush: a failure (disk full, a closed
/// descriptor) is an error. A reader that went away (`| head`) is not: like Unix tools, the
/// command then ends quietly, with the exit code it would have had.
fn print_text(text: &str) -> Result<(), CliError> {
    print_bytes(text.as_bytes())
}

/// [`print_text`] for any bytes.
fn print_bytes(bytes: &[u8]) -> Result<(), CliError> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(error) if error.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError(format!(
            "cannot write to standard output: {error}"
        ))),
        _ => Ok(()),
    }
}

/// One line on stderr, newlines inside the message folded so it stays one line.
pub fn eprint_line(message: &str) {
    let one_line = message.replace('\n', " ");
    let _ = writeln!(std::io::stderr().lock(), "{}", one_line.trim_end());
}
