//! Monte Carlo: seeded, parallel simulation of every uncertain input in bounded memory, with
//! exact percentiles, in time linear in the number of draws.
//!
//! Design:
//! - **Draws** are reproducible one by one (`draws`): draw `i`'s inputs depend only on the seed
//!   and `i`, so the draws can be run in any split over threads, and run again in a later pass.
//! - **Waves** (`engine`): draws run in parallel in waves of a fixed size (about 2 MiB of
//!   values and at least 1,024 draws, at most 16 MiB; set by the number of output series, not by
//!   the thread count), the next wave's draws running while every output series (measure x year x
//!   provider) takes in the last one, each series in one task, with its values in draw order.
//!   So every sum is added in one fixed order: output is bit-identical on any thread count.
//! - **Means** are Neumaier-compensated sums of the `f64` values; the standard error comes from
//!   sums of `value - deterministic value` and their squares.
//! - **Percentiles are exact**: linear interpolation between the exact `f64` order statistics
//!   (MODEL.md), of which a summary needs at most 18 ranks (`percentiles::Ranks`). Pass one
//!   (`histogram`) builds, per series, a histogram whose equal-width bins are set by the first
//!   wave's minimum and maximum (the pilot), and collects the values of the bins that can still
//!   hold a wanted rank, narrowing that set after each wave to the predicted rank +/- 6 standard
//!   deviations. Ranks that fall on the minimum or maximum (point masses from clamps included) are
//!   known from exact counts. Most runs end here: one pass, each draw run once.
//! - **Fallback** (`targets`): for a series whose collected bins outgrew its share of
//!   [`STORE_BUDGET_BYTES`] (thousands of series at a million draws), or a rank outside the
//!   predicted window, pass two re-runs the draws and collects just the bins holding the pending
//!   ranks; if those would not fit the budget, pass two splits each large bin into 256 finer bins
//!   and pass three collects only the finer bins holding a rank. Groups of series that fit the
//!   budget take one pass each, so memory stays bounded for any scenario (an interior point
//!   mass of many equal values is the one case that can need several groups).
//! - **Value at stake** is `ev_sales x revenue delta` in every draw; when no EV/sales multiple is
//!   uncertain its order statistics are the revenue delta's times the (non-negative) multiple,
//!   bit for bit, so its series are not stored; its mean is summed separately.
//!
//! Memory: two wave buffers (2 MiB each, up to 16 MiB when there are more series),
//! pass one's histograms (40 MiB; 96 MiB when pass one only counts, so that the bins pass two
//! collects are small enough to fit the budget in one group more often), and collected values
//! with their bins (at most [`STORE_BUDGET_BYTES`], 128 MiB, plus one series' largest bin).
//! With thousands of series (16 providers x 16 workloads x 50 years: 5,219) a series' share of
//! the budget could not hold a few waves' worth of values, so pass one only counts and pass two
//! collects.
//!
//! Measured (shared 2-core machine, December 2026, whole process): the baseline at 100,000
//! draws about 0.23 s wall and at 1,000,000 about 1.7 s, one pass each; `benches/whole_process.sh`
//! has the current figures.

use rayon::prelude::*;

use super::draws::Draws;
use super::engine::Engine;
use super::histogram::{Accumulator, Finished, Plan, expected_collected};
use super::percentiles::{Ranks, Stats};
use super::targets::Target;
use crate::model::{
    Measure, OthersParam, ParamPath, Projection, ProviderParam, Scenario, ValueMeasure, project,
};

pub use super::control::{Progress, RunControl, SimulationError};
pub use super::engine::CHUNK_DRAWS;

/// Most draws one run may take (MODEL.md: samples 100..=1,000,000; the engine accepts from 1 so
/// the app's quick refresh and tests can use fewer).
pub const MAX_SAMPLES: u32 = 1_000_000;
/// Most bytes of collected draw values a run holds at once (pass one's collected bins, or one
/// group of a later pass).
pub const STORE_BUDGET_BYTES: usize = 128 << 20;
/// Bytes of pass one's histograms (12 bytes a bin: its count and state, its first value; all
/// series together).
const HISTOGRAM_BYTES: usize = 40 << 20;
/// Bytes of pass one's histograms when it collects nothing (see `simulate_within`).
const COUNTING_HISTOGRAM_BYTES: usize = 96 << 20;
/// Inner histogram bins per series, at most and at least.
const MOST_BINS: usize = 2048;
const FEWEST_BINS: usize = 256;

/// Mean and percentiles of the uncertain measures for every year and provider.
#[derive(Clone, Debug, PartialEq)]
pub struct SimulationSummary {
    pub samples: u32,
    pub seed: u64,
    pub base_year: i32,
    /// Years, base year included.
    pub years: usize,
    /// Providers, Others included (last).
    pub providers: usize,
    /// The model at every parameter's own value (the line to tell apart from the bands).
    pub deterministic: Projection,
    /// Each measure of [`Measure::UNCERTAIN`] with its statistics, indexed `[t * providers + p]`.
    stats: Vec<(Measure, Vec<Stats>)>,
    /// Statistics of the measures without a year: the present value of every provider, the
    /// market-cap impact of every provider with a company, in [`value_series`] order.
    value_stats: Vec<((ValueMeasure, usize), Stats)>,
}

/// The series of the measures without a year that a run summarises: `present_value_delta` for
/// every provider (Others last), then `market_cap_impact` for each provider with a company.
pub fn value_series(scenario: &Scenario) -> Vec<(ValueMeasure, usize)> {
    let providers = scenario.provider_count_with_others();
    let mut series: Vec<(ValueMeasure, usize)> = (0..providers)
        .map(|p| (ValueMeasure::PresentValueDelta, p))
        .collect();
    series.extend(
        (0..providers)
            .filter(|p| scenario.company(*p).is_some())
            .map(|p| (ValueMeasure::MarketCapImpact, p)),
    );
    series
}

impl SimulationSummary {
    /// Statistics of `measure` for provider `p` in year index `t` (0 = base year); `None` for a
    /// measure outside [`Measure::UNCERTAIN`] or an index out of range.
    pub fn stats(&self, measure: Measure, t: usize, p: usize) -> Option<&Stats> {
        if t >= self.years || p >= self.providers {
            return None;
        }
        self.series(measure)?.get(t * self.providers + p)
    }

    /// Statistics of a measure without a year for provider `p`; `None` for a market-cap impact
    /// of a provider without a company, or an index out of range.
    pub fn value_stats(&self, measure: ValueMeasure, p: usize) -> Option<&Stats> {
        self.value_stats
            .iter()
            .find(|(key, _)| *key == (measure, p))
            .map(|(_, stats)| stats)
    }

    /// Every summarised measure without a year, in `simulate`'s row order.
    pub fn value_entries(&self) -> impl Iterator<Item = (ValueMeasure, usize, &Stats)> {
        self.value_stats
            .iter()
            .map(|((m, p), stats)| (*m, *p, stats))
    }

    /// All statistics of one measure, indexed `[t * providers + p]` like [`Projection::series`].
    pub fn series(&self, measure: Measure) -> Option<&[Stats]> {
        self.stats
            .iter()
            .find(|(m, _)| *m == measure)
            .map(|(_, stats)| stats.as_slice())
    }
}
/// Runs `samples` draws of every uncertain input through the whole model (counterfactual
/// included) and summarises the uncertain measures per year and provider.
///
/// Deterministic: the same scenario, `samples` and `seed` give bit-identical output on any
/// number of threads. Runs on the current rayon pool. Checks `control` for cancellation between
/// chunks and reports progress in draws.
pub fn simulate(
    scenario: &Scenario,
    samples: u32,
    seed: u64,
    control: &RunControl,
) -> Result<SimulationSummary, SimulationError> {
    simulate_within(scenario, samples, seed, control, STORE_BUDGET_BYTES)
}

/// [`simulate`] with collected values limited to `budget` bytes.
#[allow(clippy::too_many_lines)] // the engine's passes in order; each step is documented in the module
fn simulate_within(
    scenario: &Scenario,
    samples: u32,
    seed: u64,
    control: &RunControl,
    budget: usize,
) -> Result<SimulationSummary, SimulationError> {
    if samples == 0 || samples > MAX_SAMPLES {
        return Err(SimulationError::Samples(samples));
    }
    let deterministic = project(scenario);
    let cells = deterministic.years * deterministic.providers;
    let providers = deterministic.providers;
    let n = samples as usize;
    let draws = Draws::of(scenario);
    let inputs = &draws.inputs;
    let mut summary = SimulationSummary {
        samples,
        seed,
        base_year: scenario.base_year,
        years: deterministic.years,
        providers,
        stats: Vec::new(),
        value_stats: Vec::new(),
        deterministic,
    };
    let values = value_series(scenario);
    control.progress.start(u64::from(samples));
    if inputs.is_empty() {
        // Every draw is the deterministic run: skip evaluating it n times.
        control.progress.add(u64::from(samples));
        summary.stats = Measure::UNCERTAIN
            .iter()
            .map(|m| {
                let values = summary.deterministic.series(*m);
                (*m, values.iter().map(|v| Stats::constant(*v)).collect())
            })
            .collect();
        summary.value_stats = values
            .iter()
            .map(|&(m, p)| {
                let value = summary
                    .deterministic
                    .value_measure(m, p)
                    .unwrap_or(f64::NAN);
                ((m, p), Stats::constant(value))
            })
            .collect();
        return Ok(summary);
    }

    // Value at stake from revenue delta when no EV/sales multiple is uncertain (see above).
    let derive = Measure::UNCERTAIN.contains(&Measure::RevenueDelta)
        && !inputs.iter().any(|input| {
            matches!(
                input.path,
                ParamPath::Provider(_, ProviderParam::EvSales)
                    | ParamPath::Others(OthersParam::EvSales)
            )
        });
    let derived = |m: Measure| derive && m == Measure::ValueAtStake;
    let stored: Vec<Measure> = Measure::UNCERTAIN
        .into_iter()
        .filter(|m| !derived(*m))
        .collect();
    let engine = Engine {
        scenario,
        draws: &draws,
        seed,
        n,
        measures: &stored,
        cells,
        values: &values,
        control,
    };
    let series = engine.series();
    // Each series' share of the budget, in values: half of it counted at 8 bytes a value, as a
    // growing buffer's capacity can reach twice its length (with each value's 2-byte bin that
    // is at most 5/8 of the budget). None at all when it could not hold a few waves' worth of
    // collected values, or what a series is expected to collect (thousands of series, or a
    // million draws over many series): pass one then only counts, and pass two collects,
    // rather than collecting in pass one only to overflow and run every draw again.
    let ranks = Ranks::new(n);
    let bins_within = |bytes: usize| (bytes / 12 / series.max(1)).clamp(FEWEST_BINS, MOST_BINS);
    let bins = bins_within(HISTOGRAM_BYTES);
    let cap = budget / 2 / size_of::<f64>() / series.max(1);
    let cap = if cap < 4 * engine.wave_draws().min(n) || cap < expected_collected(&ranks, bins) {
        0
    } else {
        cap
    };
    // A pass one that only counts holds no collected values beside its histograms, so it takes
    // finer ones: the bins pass two collects hold fewer values, and more runs fit the budget
    // in one more pass rather than two.
    let bins = if cap == 0 {
        bins_within(COUNTING_HISTOGRAM_BYTES)
    } else {
        bins
    };
    let plan = Plan { ranks, bins, cap };
    let det = &summary.deterministic;
    let yearly = stored.len() * cells;
    let mut accumulators: Vec<(usize, Accumulator)> = (0..series)
        .map(|s| {
            if let Some(&(measure, p)) = s.checked_sub(yearly).and_then(|e| values.get(e)) {
                let value = det.value_measure(measure, p).unwrap_or(f64::NAN);
                return (s, Accumulator::new(value, None));
            }
            let (measure, c) = (stored[s / cells], s % cells);
            let factor = (derive && measure == Measure::RevenueDelta)
                .then(|| scenario.provider_ev_sales(c % providers));
            (s, Accumulator::new(det.series(measure)[c], factor))
        })
        .collect();
    engine.pass(&mut accumulators, |acc, values| acc.feed(&plan, values))?;
    let mut finished: Vec<Finished> = accumulators
        .into_par_iter()
        .map(|(_, acc)| acc.finish(&plan))
        .collect();
    later_passes(&engine, &plan, &mut finished, budget)?;

    for measure in Measure::UNCERTAIN {
        let source = if derived(measure) {
            Measure::RevenueDelta
        } else {
            measure
        };
        let Some(m) = stored.iter().position(|s| *s == source) else {
            continue;
        };
        let stats = finished[m * cells..(m + 1) * cells]
            .iter()
            .enumerate()
            .map(|(c, f)| {
                if derived(measure) {
                    let factor = scenario.provider_ev_sales(c % providers);
                    let order: Vec<f64> = f.order.iter().map(|v| factor * v).collect();
                    let mean = f.scaled_mean.unwrap_or(factor * f.mean);
                    plan.ranks.stats(&order, mean, factor * f.std_error)
                } else {
                    plan.ranks.stats(&f.order, f.mean, f.std_error)
                }
            })
            .collect();
        summary.stats.push((measure, stats));
    }
    summary.value_stats = values
        .iter()
        .zip(&finished[yearly..])
        .map(|(key, f)| (*key, plan.ranks.stats(&f.order, f.mean, f.std_error)))
        .collect();
    Ok(summary)
}

/// Passes two (and three) for the ranks pass one left pending, in groups that fit `budget`.
fn later_passes(
    engine: &Engine<'_>,
    plan: &Plan,
    finished: &mut [Finished],
    budget: usize,
) -> Result<(), SimulationError> {
    let pending_bytes: usize = finished
        .iter()
        .flat_map(|f| {
            let mut bins: Vec<(usize, usize)> =
                f.pending.iter().map(|p| (p.bin, p.count)).collect();
            bins.dedup();
            bins.into_iter().map(|(_, count)| count * size_of::<f64>())
        })
        .sum();
    let split = pending_bytes > budget;
    let mut targets: Vec<(usize, Target)> = finished
        .par_iter()
        .enumerate()
        .filter_map(|(s, f)| Target::new(f, split).map(|t| (s, t)))
        .collect();
    for round in 0..2 {
        if round == 1 {
            for (_, target) in &mut targets {
                target.advance();
            }
        }
        targets.retain(|(_, t)| t.is_active());
        let mut start = 0;
        while start < targets.len() {
            let mut end = start + 1;
            let mut bytes = targets[start].1.memory();
            while end < targets.len() && bytes + targets[end].1.memory() <= budget {
                bytes += targets[end].1.memory();
                end += 1;
            }
            let group = &mut targets[start..end];
            // In the pool's threads, whose allocator arenas hold the memory pass one's
            // histograms freed: reserved there, it is reused rather than added to the peak.
            group
                .par_iter_mut()
                .for_each(|(_, target)| target.prepare());
            engine.control.progress.add_total(engine.n as u64);
            engine.pass(group, Target::visit)?;
            for (s, target) in group.iter_mut() {
                target.resolve_collected(&plan.ranks.ranks, &mut finished[*s].order);
            }
            start = end;
        }
    }
    Ok(())
}

/// Pieces of [`simulate`] run alone, single-threaded, for the benchmark's breakdown of where
/// the time goes. Not part of the supported API.
#[doc(hidden)]
pub mod profile {
    use super::super::draws::{Draws, Scratch};
    use super::{RunControl, Scenario, SimulationError, SimulationSummary, simulate_within};
    use crate::model::{Projection, project_into};

    /// Draws `samples` sets of inputs into a scenario (no model run); returns a checksum.
    pub fn draws_only(scenario: &Scenario, samples: u32, seed: u64) -> f64 {
        let draws = Draws::of(scenario);
        let mut draw = scenario.clone();
        let mut scratch = Scratch::default();
        let mut checksum = 0.0;
        for i in 0..u64::from(samples) {
            draws.apply(seed, i, &mut draw, &mut scratch);
            checksum += draw.halo + draw.market.growth_start;
        }
        checksum
    }

    /// Draws `samples` sets of inputs and runs the model on each (nothing stored); returns a
    /// checksum.
    pub fn draws_and_model(scenario: &Scenario, samples: u32, seed: u64) -> f64 {
        let draws = Draws::of(scenario);
        let mut draw = scenario.clone();
        let mut scratch = Scratch::default();
        let mut projection = Projection::default();
        (0..u64::from(samples))
            .map(|i| {
                draws.apply(seed, i, &mut draw, &mut scratch);
                checksum(&draw, &mut projection)
            })
            .sum()
    }

    /// Runs the model `samples` times on the scenario as it is (no draws); returns a checksum.
    pub fn model_only(scenario: &Scenario, samples: u32) -> f64 {
        let mut projection = Projection::default();
        (0..samples)
            .map(|_| checksum(scenario, &mut projection))
            .sum()
    }

    /// Runs the model once and reads one of its outputs, so the run cannot be optimised away.
    fn checksum(scenario: &Scenario, projection: &mut Projection) -> f64 {
        project_into(scenario, projection);
        projection
            .value_at_stake_usd_bn
            .last()
            .copied()
            .unwrap_or(0.0)
    }

    /// [`simulate`](super::simulate) with a smaller budget for collected values, so tests can
    /// check that the later passes (and their groups) give the same result as one pass.
    pub fn simulate_with_store_budget(
        scenario: &Scenario,
        samples: u32,
        seed: u64,
        store_budget_bytes: usize,
    ) -> Result<SimulationSummary, SimulationError> {
        simulate_within(
            scenario,
            samples,
            seed,
            &RunControl::default(),
            store_budget_bytes,
        )
    }
}
