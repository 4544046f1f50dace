//! Goal seek: the value of one input, within its valid range, at which an output hits a target:
//! the deterministic output ([`solve`]) or a Monte Carlo statistic of it at a fixed seed and
//! sample count ([`solve_statistic`]; common random numbers make the statistic a piecewise
//! smooth function of the input, so the same bracketing search applies).
//!
//! The output need not be monotone or continuous in the input (`max(0, ..)`, margin clamps,
//! normalisation, Step curves), so the range is scanned on a grid of [`GRID_INTERVALS`] for
//! brackets (sign changes of `output - target`, or grid points already on target); brackets are
//! tried nearest the input's current value first and refined by bisection until the output is
//! within 1e-9 relative of the target. Every loop is bounded; nothing panics.

use super::output::{Output, OutputError, Quantity};
use super::percentiles::Stats;
use super::simulate::{RunControl, SimulationError, SimulationSummary, simulate};
use crate::model::{Measure, ParamPath, Projection, Scenario, ValidRange};

/// Intervals of the scan grid over the input's valid range.
pub const GRID_INTERVALS: usize = 512;
/// Intervals of the scan grid when each point is a whole Monte Carlo run.
pub const STATISTIC_GRID_INTERVALS: usize = 64;
/// Relative tolerance on the output.
const RELATIVE_TOLERANCE: f64 = 1e-9;
/// Most bisection steps per bracket (52 halvings reach adjacent doubles).
const MAX_BISECTIONS: usize = 200;
/// Most brackets refined before giving up.
const MAX_BRACKETS: usize = 64;

/// Why goal seek found no value.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SolveError {
    #[error(transparent)]
    Output(#[from] OutputError),
    #[error(
        "`{path}` has no single value to vary (a placement, or a margin the file leaves unset)"
    )]
    NotScalar { path: String },
    #[error(
        "`{path}` is a base-year observation the model is calibrated to; goal seek varies assumptions only"
    )]
    Observation { path: String },
    #[error(
        "target {target} is out of reach: over the valid range the output goes from {min_output} to {max_output}"
    )]
    OutOfReach {
        target: f64,
        min_output: f64,
        max_output: f64,
    },
    #[error(
        "the output jumps over target {target} at {param_value} (from {output_below} to {output_above}); no value hits it exactly"
    )]
    Jump {
        target: f64,
        param_value: f64,
        output_below: f64,
        output_above: f64,
    },
    #[error("`{measure}` is not summarised by Monte Carlo")]
    NotSummarised { measure: &'static str },
    #[error(transparent)]
    Simulation(#[from] SimulationError),
}

/// A summary statistic of a Monte Carlo output.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Statistic {
    Mean,
    P5,
    P10,
    P25,
    P50,
    P75,
    P90,
    P95,
}

impl Statistic {
    pub const ALL: [Self; 8] = [
        Self::Mean,
        Self::P5,
        Self::P10,
        Self::P25,
        Self::P50,
        Self::P75,
        Self::P90,
        Self::P95,
    ];

    /// Name on the command line and in CSV headers.
    pub fn key(self) -> &'static str {
        match self {
            Self::Mean => "mean",
            Self::P5 => "p5",
            Self::P10 => "p10",
            Self::P25 => "p25",
            Self::P50 => "p50",
            Self::P75 => "p75",
            Self::P90 => "p90",
            Self::P95 => "p95",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// This statistic of `stats`.
    pub fn of(self, stats: &Stats) -> f64 {
        match self {
            Self::Mean => stats.mean,
            Self::P5 => stats.p5,
            Self::P10 => stats.p10,
            Self::P25 => stats.p25,
            Self::P50 => stats.p50,
            Self::P75 => stats.p75,
            Self::P90 => stats.p90,
            Self::P95 => stats.p95,
        }
    }
}

/// Finds the value of `path` within its valid range at which `measure` of provider `provider`
/// in calendar year `year` equals `target` (to 1e-9 relative; for a zero target, 1e-9 of the
/// largest output seen on the scan). Where several values do, the one nearest the input's
/// current value is returned (the current value itself if it already hits the target).
///
/// The scan can miss a target reached only between two grid points without a sign change
/// (a narrow peak of width under 1/512 of the range); it then reports `OutOfReach`.
pub fn solve(
    scenario: &Scenario,
    path: ParamPath,
    provider: usize,
    measure: Measure,
    year: i32,
    target: f64,
) -> Result<f64, SolveError> {
    solve_for(
        scenario,
        path,
        provider,
        Quantity::InYear(measure, year),
        target,
    )
}

/// Goal seek on any [`Quantity`] of provider `provider`, a yearly measure or one without a year
/// (present value, market-cap impact); otherwise as [`solve`].
pub fn solve_for(
    scenario: &Scenario,
    path: ParamPath,
    provider: usize,
    quantity: Quantity,
    target: f64,
) -> Result<f64, SolveError> {
    let output = Output::of(scenario, provider, quantity)?;
    let (current, range) = varied(scenario, path)?;
    let mut trial = scenario.clone();
    let mut projection = Projection::default();
    let at = |x: f64| {
        path.set(&mut trial, x);
        output.evaluate(&trial, &mut projection)
    };
    search(current, range, GRID_INTERVALS, at, target)
}

/// Like [`solve`], but the output is `statistic` of `measure` over a Monte Carlo run of
/// `samples` draws with `seed` (the same draws at every trial value). Each trial is a whole run:
/// the scan grid has [`STATISTIC_GRID_INTERVALS`] intervals.
#[allow(clippy::too_many_arguments)]
pub fn solve_statistic(
    scenario: &Scenario,
    path: ParamPath,
    provider: usize,
    measure: Measure,
    year: i32,
    target: f64,
    statistic: Statistic,
    samples: u32,
    seed: u64,
) -> Result<f64, SolveError> {
    let quantity = Quantity::InYear(measure, year);
    let control = RunControl::default();
    solve_statistic_of(
        scenario, path, provider, quantity, target, statistic, samples, seed, &control,
    )
}

/// [`solve_statistic`] on any [`Quantity`]: a yearly measure of [`Measure::UNCERTAIN`], or a
/// measure without a year (the run summarises both). Each trial run watches `control`: once it
/// is cancelled (from another thread) the search stops running draws and returns the run's
/// "cancelled" error.
#[allow(clippy::too_many_arguments)]
pub fn solve_statistic_of(
    scenario: &Scenario,
    path: ParamPath,
    provider: usize,
    quantity: Quantity,
    target: f64,
    statistic: Statistic,
    samples: u32,
    seed: u64,
    control: &RunControl,
) -> Result<f64, SolveError> {
    Output::of(scenario, provider, quantity)?;
    if let Quantity::InYear(measure, _) = quantity
        && !Measure::UNCERTAIN.contains(&measure)
    {
        return Err(SolveError::NotSummarised {
            measure: measure.key(),
        });
    }
    let (current, range) = varied(scenario, path)?;
    let mut trial = scenario.clone();
    let mut failure = None;
    let at = |x: f64| {
        if failure.is_some() {
            return f64::NAN;
        }
        path.set(&mut trial, x);
        match simulate(&trial, samples, seed, control) {
            Ok(summary) => summary_statistic(&summary, provider, quantity)
                .map_or(f64::NAN, |s| statistic.of(s)),
            Err(error) => {
                failure.get_or_insert(error);
                f64::NAN
            }
        }
    };
    let found = search(current, range, STATISTIC_GRID_INTERVALS, at, target);
    match failure {
        Some(error) => Err(error.into()),
        None => found,
    }
}

/// The statistics of `quantity` for `provider` in a summary, if it summarises them.
pub fn summary_statistic(
    summary: &SimulationSummary,
    provider: usize,
    quantity: Quantity,
) -> Option<&Stats> {
    match quantity {
        Quantity::InYear(measure, year) => {
            let t = summary.deterministic.year_index(year)?;
            summary.stats(measure, t, provider)
        }
        Quantity::Whole(measure) => summary.value_stats(measure, provider),
    }
}

/// The current value and valid range of an input goal seek may vary.
fn varied(scenario: &Scenario, path: ParamPath) -> Result<(f64, ValidRange), SolveError> {
    if !path.can_be_uncertain() {
        return Err(SolveError::Observation {
            path: path.to_text(scenario),
        });
    }
    let Some(current) = path.get(scenario) else {
        return Err(SolveError::NotScalar {
            path: path.to_text(scenario),
        });
    };
    Ok((current, path.valid_range(scenario)))
}

/// The bracketing search of [`solve`] over `range` with `intervals` grid intervals.
fn search(
    current: f64,
    range: ValidRange,
    intervals: usize,
    mut at: impl FnMut(f64) -> f64,
    target: f64,
) -> Result<f64, SolveError> {
    let grid: Vec<(f64, f64)> = (0..=intervals)
        .map(|i| {
            let x = if i == intervals {
                range.max
            } else {
                range.min + (range.max - range.min) * i as f64 / intervals as f64
            };
            (x, at(x))
        })
        .collect();
    let current_output = at(current);
    let finite = || {
        grid.iter()
            .map(|(_, y)| *y)
            .chain([current_output])
            .filter(|y| y.is_finite())
    };
    let min_output = finite().fold(f64::INFINITY, f64::min);
    let max_output = finite().fold(f64::NEG_INFINITY, f64::max);
    let tolerance = if target == 0.0 {
        RELATIVE_TOLERANCE
            * min_output
                .abs()
                .max(max_output.abs())
                .max(f64::MIN_POSITIVE)
    } else {
        RELATIVE_TOLERANCE * target.abs()
    };
    let hits = |y: f64| (y - target).abs() <= tolerance;
    if hits(current_output) {
        return Ok(current);
    }

    // Brackets: grid points on target (zero width) and sign changes between neighbours.
    let mut brackets: Vec<(f64, f64, f64, f64)> = Vec::new();
    for (i, &(x, y)) in grid.iter().enumerate() {
        if hits(y) {
            brackets.push((x, y, x, y));
        } else if let Some(&(x1, y1)) = grid.get(i + 1)
            && y.is_finite()
            && y1.is_finite()
            && !hits(y1)
            && (y < target) != (y1 < target)
        {
            brackets.push((x, y, x1, y1));
        }
    }
    if brackets.is_empty() {
        return Err(SolveError::OutOfReach {
            target,
            min_output,
            max_output,
        });
    }
    let distance = |&(a, _, b, _): &(f64, f64, f64, f64)| {
        if current < a {
            a - current
        } else if current > b {
            current - b
        } else {
            0.0
        }
    };
    brackets.sort_by(|p, q| distance(p).total_cmp(&distance(q)));

    let mut first_jump = None;
    for &(mut lo, mut y_lo, mut hi, mut y_hi) in brackets.iter().take(MAX_BRACKETS) {
        if hits(y_lo) {
            return Ok(lo);
        }
        for _ in 0..MAX_BISECTIONS {
            let mid = lo + (hi - lo) / 2.0;
            if mid <= lo || mid >= hi {
                break;
            }
            let y_mid = at(mid);
            if hits(y_mid) {
                return Ok(mid);
            }
            if !y_mid.is_finite() {
                break;
            }
            if (y_mid < target) == (y_lo < target) {
                (lo, y_lo) = (mid, y_mid);
            } else {
                (hi, y_hi) = (mid, y_mid);
            }
        }
        if hits(y_hi) {
            return Ok(hi);
        }
        first_jump.get_or_insert(SolveError::Jump {
            target,
            param_value: hi,
            output_below: y_lo,
            output_above: y_hi,
        });
    }
    Err(first_jump.unwrap_or(SolveError::OutOfReach {
        target,
        min_output,
        max_output,
    }))
}
