//! The command-line grammar (clap): subcommands, flags and their help.
#![allow(clippy::doc_markdown)] // doc comments here are --help text, read without Markdown

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::report::{ChartKind, Theme};
use crate::tables::Format;

/// Model the cloud market and what happens when a giant tenant moves between clouds.
///
/// With no subcommand, opens the desktop app on the FILEs, one tab each (or on the built-in
/// baseline scenario).
#[derive(Debug, Parser)]
#[command(name = "cloudshift", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Scenario files (.ron) to open in the app, one tab each.
    pub files: Vec<PathBuf>,
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
    /// Project a scenario: one row per year and provider (Others last). Model limits reached
    /// are warnings on standard error.
    Project {
        /// Scenario file; `-` for the built-in baseline.
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// What the migration is worth today: per provider (Others last), its company, market cap
    /// and observed price move, the present value of the change in cash flow (DCF) and the
    /// market-cap impact. Model limits reached are warnings on standard error.
    Value {
        /// Scenario file; `-` for the built-in baseline.
        file: PathBuf,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Compare scenarios: the inputs that differ, then share, revenue, delta and value at stake
    /// per provider in one year, side by side (CSV: the two tables separated by a blank line).
    Compare {
        /// Two or more scenario files; `-` for the built-in baseline.
        #[arg(required = true, num_args = 2..)]
        files: Vec<PathBuf>,
        /// Year of the KPI table; default: the last year every scenario projects.
        #[arg(long, allow_negative_numbers = true)]
        year: Option<i32>,
        /// Output format (table or csv).
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Monte Carlo: mean and P5..P95 per year, provider and measure.
    Simulate {
        /// Scenario file; `-` for the built-in baseline.
        file: PathBuf,
        /// Number of draws (100..=1000000); default: the file's monte_carlo.samples, else 10000.
        #[arg(long, allow_negative_numbers = true)]
        samples: Option<i64>,
        /// Seed of the random draws (0..=18446744073709551615); default: the file's
        /// monte_carlo.seed, else 42.
        #[arg(long, allow_negative_numbers = true)]
        seed: Option<u64>,
        /// Also print the run's wall time, threads and passes over the draws to standard error.
        #[arg(long)]
        timings: bool,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Tornado: each uncertain input at its P10 and P90, largest swing first.
    Sensitivity {
        /// Scenario file; `-` for the built-in baseline.
        file: PathBuf,
        #[command(flatten)]
        selector: OutputSelector,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Goal seek: the input value (within its valid range) at which an output hits a target.
    Solve {
        /// Scenario file; `-` for the built-in baseline.
        file: PathBuf,
        /// Parameter path, e.g. "workloads[OpenAI].extent".
        #[arg(long)]
        param: String,
        #[command(flatten)]
        selector: OutputSelector,
        /// Target value of the output (fractions for share, $B for money).
        #[arg(long, allow_negative_numbers = true)]
        target: f64,
        #[command(flatten)]
        statistic: StatisticArgs,
        #[command(flatten)]
        output: OutputArgs,
    },
    /// Draw one chart as SVG or PNG, for slide decks and scripted pipelines.
    Plot {
        /// Scenario file; `-` for the built-in baseline.
        file: PathBuf,
        /// Which chart.
        #[arg(long, value_enum)]
        chart: ChartKind,
        /// Width in pixels (200..=4000).
        #[arg(long, default_value_t = 1200, value_parser = clap::value_parser!(u32).range(200..=4000))]
        width: u32,
        /// Height in pixels (200..=4000).
        #[arg(long, default_value_t = 600, value_parser = clap::value_parser!(u32).range(200..=4000))]
        height: u32,
        /// Colours of the text, axes and background.
        #[arg(long, value_enum, default_value_t = Theme::Light)]
        theme: Theme,
        /// Provider of the fan chart; default: the one whose revenue the migration changes most.
        #[arg(long)]
        provider: Option<String>,
        /// Image format; default: from the --output name (.svg, .png), else svg.
        #[arg(long, value_enum)]
        format: Option<ImageFormat>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Write one self-contained HTML page: inputs with sources, key numbers, charts; for
    /// several files also the comparison tables and the difference chart.
    Report {
        /// Scenario files; `-` for the built-in baseline. The first is the reference of the
        /// comparison.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write to this file (atomically) instead of standard output.
        #[arg(long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
}

/// Image formats of `cloudshift plot`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ImageFormat {
    /// Scalable vector graphics (text stays text).
    Svg,
    /// A bitmap (8-bit RGB).
    Png,
}

/// Goal seek on a Monte Carlo statistic of the output rather than its deterministic value.
#[derive(Debug, clap::Args)]
pub struct StatisticArgs {
    /// Seek a Monte Carlo statistic of the output (mean, p5, p10, p25, p50, p75, p90 or p95),
    /// with the same draws (fixed seed) at every trial value.
    #[arg(long)]
    pub statistic: Option<String>,
    /// With --statistic: draws per run (100..=1000000); default: the file's monte_carlo.samples,
    /// else 10000.
    #[arg(long, requires = "statistic")]
    pub samples: Option<i64>,
    /// With --statistic: seed of the draws; default: the file's monte_carlo.seed, else 42.
    #[arg(long, requires = "statistic")]
    pub seed: Option<u64>,
}

/// Which output to look at: one provider, measure and year.
#[derive(Debug, clap::Args)]
pub struct OutputSelector {
    /// Provider name as in the file (the residual included, e.g. "Others").
    #[arg(long)]
    pub provider: String,
    /// share, revenue, workload_revenue, operating_income, counterfactual_revenue,
    /// revenue_delta, value_at_stake or operating_income_delta (each needs --year); or
    /// present_value_delta or market_cap_impact (no year).
    #[arg(long)]
    pub measure: String,
    /// Calendar year within the projection (for the measures that have one).
    #[arg(long, allow_negative_numbers = true)]
    pub year: Option<i32>,
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
