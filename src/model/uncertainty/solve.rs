//! Goal seek: the value of one input, within its valid range, at which an output hits a target.
//!
//! The output need not be monotone or continuous in the input (`max(0, ..)`, margin clamps,
//! normalisation, Step curves), so the range is scanned on a grid of [`GRID_INTERVALS`] for
//! brackets (sign changes of `output - target`, or grid points already on target); brackets are
//! tried nearest the input's current value first and refined by bisection until the output is
//! within 1e-9 relative of the target. Every loop is bounded; nothing panics.

use super::output::{Output, OutputError, Quantity};
use crate::model::{Measure, ParamPath, Projection, Scenario};

/// Intervals of the scan grid over the input's valid range.
pub const GRID_INTERVALS: usize = 512;
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
    let range = path.valid_range(scenario);
    let mut trial = scenario.clone();
    let mut projection = Projection::default();
    let mut at = |x: f64| {
        path.set(&mut trial, x);
        output.evaluate(&trial, &mut projection)
    };

    let grid: Vec<(f64, f64)> = (0..=GRID_INTERVALS)
        .map(|i| {
            let x = if i == GRID_INTERVALS {
                range.max
            } else {
                range.min + (range.max - range.min) * i as f64 / GRID_INTERVALS as f64
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
