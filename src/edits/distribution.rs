//! Distributions under edits: a triangular range follows its input's value, and what is wrong
//! with a refused distribution, said in the input's units.

use crate::model::{Distribution, ParamPath, Scenario, Unit, ValidRange};

/// The distribution of an input whose value moves from `old` to `new`: a triangular range that
/// no longer holds the value moves with it (same offsets, kept inside the valid range, in the
/// slider's precision), so the slider never locks; uniform and normal ones need no change.
pub(super) fn follow_value(
    dist: &Distribution,
    old: f64,
    new: f64,
    range: ValidRange,
    unit: Unit,
) -> Distribution {
    let Distribution::Triangular { low, high } = *dist else {
        return dist.clone();
    };
    if low <= new && new <= high {
        return dist.clone();
    }
    let tidy = |v: f64| range.clamp(unit.round_model(v, 1));
    let (mut low, mut high) = (tidy(low + (new - old)), tidy(high + (new - old)));
    low = low.min(new);
    high = high.max(new);
    if low >= high {
        // Pressed against an end of the valid range: keep the old width on the open side.
        let width = dist_width(dist).max(f64::EPSILON);
        low = range.clamp(new - width).min(new);
        high = range.clamp(new + width).max(new);
    }
    Distribution::Triangular { low, high }
}

fn dist_width(dist: &Distribution) -> f64 {
    match dist {
        Distribution::Triangular { low, high } | Distribution::Uniform { low, high } => high - low,
        Distribution::Normal { sd } => 2.0 * sd,
        Distribution::Discrete { values, .. } => {
            let (min, max) = values
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| {
                    (a.min(*x), b.max(*x))
                });
            (max - min).max(0.0)
        }
        Distribution::Outcomes(_) => 0.0,
    }
}

/// What is wrong with `dist` on `path` in `s`, in the input's units (`Triangular from 17.6% to
/// 10.0% must contain the slider's value, 22.0%`), or `None` if nothing is.
pub fn distribution_problem(s: &Scenario, path: ParamPath, dist: &Distribution) -> Option<String> {
    let value = path.get(s)?;
    let unit = path.unit();
    let f = |v: f64| unit.format(v);
    match *dist {
        Distribution::Triangular { low, high }
            if !(low < high && low <= value && value <= high) =>
        {
            Some(format!(
                "Triangular from {} to {} must run from low to high and contain the slider's \
                 value, {}",
                f(low),
                f(high),
                f(value)
            ))
        }
        Distribution::Uniform { low, high } if low >= high || low.is_nan() || high.is_nan() => {
            Some(format!(
                "Uniform from {} to {} needs its low below its high",
                f(low),
                f(high)
            ))
        }
        Distribution::Normal { sd } if sd <= 0.0 || sd.is_nan() => {
            Some("Normal needs a standard deviation above 0".to_owned())
        }
        Distribution::Discrete { ref values, .. } => {
            let range = path.valid_range(s);
            values.iter().find(|x| !range.contains(**x)).map(|x| {
                format!(
                    "Discrete value {} is outside the input's valid range, {} to {}",
                    f(*x),
                    f(range.min),
                    f(range.max)
                )
            })
        }
        _ => None,
    }
}
