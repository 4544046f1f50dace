//! Tornado sensitivity: each uncertain input alone at its P10 and P90, the swing of one output.

use super::distributions::p10_p90;
use super::output::{Output, OutputError, Quantity};
use crate::model::{Measure, ParamPath, Projection, Scenario};

/// One bar of a tornado chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TornadoBar {
    pub path: ParamPath,
    /// The input at its distribution's 10th percentile (clamped to its valid range).
    pub low_input: f64,
    /// The input at its distribution's 90th percentile (clamped).
    pub high_input: f64,
    /// The output with the input at `low_input`, every other input at its value.
    pub low_output: f64,
    /// The output with the input at `high_input`.
    pub high_output: f64,
    /// `|high_output - low_output|`.
    pub swing: f64,
}

/// The tornado of `measure` for provider `provider` (Others = `providers.len()`) in calendar
/// year `year`: one bar per uncertain input, largest swing first; equal swings keep the
/// scenario's `uncertainty` order.
pub fn sensitivity(
    scenario: &Scenario,
    provider: usize,
    measure: Measure,
    year: i32,
) -> Result<Vec<TornadoBar>, OutputError> {
    sensitivity_of(scenario, provider, Quantity::InYear(measure, year))
}

/// The tornado of any [`Quantity`] of provider `provider`, a yearly measure or one without a
/// year (present value, market-cap impact); otherwise as [`sensitivity`].
pub fn sensitivity_of(
    scenario: &Scenario,
    provider: usize,
    quantity: Quantity,
) -> Result<Vec<TornadoBar>, OutputError> {
    let output = Output::of(scenario, provider, quantity)?;
    let mut trial = scenario.clone();
    let mut projection = Projection::default();
    let mut bars = Vec::with_capacity(scenario.uncertainty.len());
    for &(path, dist) in &scenario.uncertainty {
        let Some(value) = path.get(scenario) else {
            continue;
        };
        let range = path.valid_range(scenario);
        let (low_input, high_input) = p10_p90(dist, value, range);
        path.set(&mut trial, low_input);
        let low_output = output.evaluate(&trial, &mut projection);
        path.set(&mut trial, high_input);
        let high_output = output.evaluate(&trial, &mut projection);
        path.set(&mut trial, value);
        bars.push(TornadoBar {
            path,
            low_input,
            high_input,
            low_output,
            high_output,
            swing: (high_output - low_output).abs(),
        });
    }
    // Stable sort: ties keep file order. NaN swings (impossible for valid scenarios) sort last.
    bars.sort_by(|a, b| {
        let key = |bar: &TornadoBar| {
            if bar.swing.is_nan() {
                f64::NEG_INFINITY
            } else {
                bar.swing
            }
        };
        key(b).total_cmp(&key(a))
    });
    Ok(bars)
}
