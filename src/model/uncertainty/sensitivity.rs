//! Tornado sensitivity: each uncertain input alone at its P10 and P90, the swing of one output.

use super::distributions::p10_p90;
use super::output::{Output, OutputError, Quantity};
use crate::model::{Distribution, Measure, Outcome, ParamPath, Projection, Scenario};

/// One bar of a tornado chart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TornadoBar {
    pub path: ParamPath,
    /// The input at its distribution's 10th percentile (clamped to its valid range); for an
    /// `Outcomes` input, the 1-based number of the outcome giving the lowest output.
    pub low_input: f64,
    /// The input at its distribution's 90th percentile (clamped); for `Outcomes`, the number of
    /// the outcome giving the highest output.
    pub high_input: f64,
    /// The output with the input at `low_input`, every other input at its value.
    pub low_output: f64,
    /// The output with the input at `high_input`.
    pub high_output: f64,
    /// `|high_output - low_output|`.
    pub swing: f64,
}

impl TornadoBar {
    /// Whether the bar is an `Outcomes` input's, whose inputs are outcome numbers (1-based).
    pub fn picks_outcomes(&self) -> bool {
        matches!(
            self.path,
            ParamPath::Workload(_, crate::model::WorkloadParam::PlacementTarget)
        )
    }

    /// One end's input for people: in the input's unit, or `outcome 2`.
    pub fn input_text(&self, input: f64) -> String {
        if self.picks_outcomes() {
            format!("outcome {input}")
        } else {
            self.path.unit().format(input)
        }
    }
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
    for (path, dist) in &scenario.uncertainty {
        let path = *path;
        if let (Distribution::Outcomes(outcomes), ParamPath::Workload(w, _)) = (dist, path) {
            if let Some(bar) = outcome_bar(&mut trial, &mut projection, &output, path, w, outcomes)
            {
                bars.push(bar);
            }
            continue;
        }
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
    sort_bars(&mut bars);
    Ok(bars)
}

/// The bar of an `Outcomes` input: the outcomes giving the lowest and highest output (the first
/// of equal ones), each other input at its value.
fn outcome_bar(
    trial: &mut Scenario,
    projection: &mut Projection,
    output: &Output,
    path: ParamPath,
    w: usize,
    outcomes: &[Outcome],
) -> Option<TornadoBar> {
    let file_target = trial.workloads.get(w)?.placement_target.clone();
    let mut low: Option<(usize, f64)> = None;
    let mut high: Option<(usize, f64)> = None;
    for (k, outcome) in outcomes.iter().enumerate() {
        trial
            .workloads
            .get_mut(w)?
            .placement_target
            .clone_from(&outcome.target);
        let y = output.evaluate(trial, projection);
        if low.is_none_or(|(_, v)| y < v) {
            low = Some((k, y));
        }
        if high.is_none_or(|(_, v)| y > v) {
            high = Some((k, y));
        }
    }
    trial.workloads.get_mut(w)?.placement_target = file_target;
    let ((lk, low_output), (hk, high_output)) = (low?, high?);
    Some(TornadoBar {
        path,
        low_input: (lk + 1) as f64,
        high_input: (hk + 1) as f64,
        low_output,
        high_output,
        swing: (high_output - low_output).abs(),
    })
}

/// Largest swing first.
fn sort_bars(bars: &mut [TornadoBar]) {
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
}
