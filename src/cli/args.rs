//! The command-line grammar (clap): subcommands, flags and their help.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use super::report::Format;

/// Model the cloud market and what happens when a giant tenant moves between clouds.
///
/// With no subcommand, opens the desktop app on FILE (or on the built-in baseline scenario).
#[derive(Debug, Parser)]
#[command(name = "cloudshift", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Scenario file (.ron) to open in the app.
    pub file: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files; prints `ok FILE` or the error for each. Exit 1 if any is bad.
    Validate {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Project a scenario: one row per year and provider (Others last).
    Project {
        /// Scenario file; `-` for the built-in baseline.
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
}

/// Where and how a data command writes its result.
#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}
