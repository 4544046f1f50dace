//! Monte Carlo: seeded, parallel, bounded-memory simulation of every uncertain input.
//!
//! Design (why it is fast, deterministic and small):
//! - **Seeding.** Draw `i` gets its own generator, `Pcg64Mcg` seeded from `(seed, i)`, and takes
//!   one uniform per uncertain parameter in the scenario's `uncertainty` order. No generator is
//!   shared, so the result does not depend on how rayon splits the work or on the thread count.
//! - **Storage.** For every output series (5 measures x years x providers) each draw stores
//!   `f32(value - deterministic value)`. Rounding is monotone, so order statistics are exact up
//!   to the `f32` rounding of the *spread* (about 1e-7 of it, far below any analyst's interest);
//!   an output no draw moves stores exact zeros and reports exactly the deterministic value.
//!   Each series' lowest and highest value are also kept exactly (`f64`): when every draw gives
//!   the same value the statistics are that value exactly, and otherwise percentiles and mean are
//!   clamped into that range.
//!   Means are summed in `f64` from the unrounded deltas. A series whose deltas overflow `f32`
//!   (only reachable with extreme inputs) is summarised again exactly, in `f64`.
//! - **Value at stake** is `ev_sales x revenue delta` in every draw; when no EV/sales multiple is
//!   uncertain its statistics are derived from the revenue delta's (exact: the multiple is a
//!   non-negative constant), so only 4 of the 5 measures are stored.
//! - **Bounded memory.** Stored values are limited to [`STORE_BUDGET_BYTES`] (128 MiB): when
//!   `draws x series x 4 bytes` exceeds it, the series are processed in passes, each pass
//!   re-running the (deterministic) draws and keeping only its block of series. The baseline's
//!   264 stored series at 100,000 draws fit one pass (106 MB); 1,000,000 draws take 8 passes
//!   (measured peak RSS 160 MB: the 128 MiB store plus per-thread buffers).
//! - **Order.** Draws are processed in fixed chunks of [`CHUNK_DRAWS`] (independent of the thread
//!   count). A chunk writes each draw's deltas into a cache-resident row buffer, then transposes
//!   it into the store as `[series][draw]` runs; it keeps per-series `f64` partial sums and
//!   `f32` min/max, combined afterwards in chunk order.
//! - **Percentiles**, one series per task: its runs are gathered into a cache-resident buffer
//!   and summarised exactly by a histogram between the series' min and max that locates the
//!   wanted order statistics, then a sort of only those bins' values (see `percentiles`).
//!
//! Where the time goes (baseline, 100,000 draws, one thread, 250 ms of CPU; two threads take
//! 130 ms wall for the whole process): the model about 35%, percentiles about 35%, storing the
//! deltas about 10% plus 20% in the kernel for the store's first-touch page faults; drawing the
//! inputs about 2%. Next steps: a faster `project_into` (it allocates its calibration vector per
//! call), and a reused store for repeated runs in the app.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
use rayon::prelude::*;

use super::distributions::sample;
use super::percentiles::{HistogramScratch, Stats, percentiles_by_sorting, percentiles_of_runs};
use crate::model::{
    Distribution, Measure, OthersParam, ParamPath, Projection, ProviderParam, Scenario, ValidRange,
    project, project_into,
};

/// Most draws one run may take (MODEL.md: samples 100..=1,000,000; the engine accepts from 1 so
/// the app's quick refresh and tests can use fewer).
pub const MAX_SAMPLES: u32 = 1_000_000;
/// Most bytes of stored draw values one pass may hold.
pub const STORE_BUDGET_BYTES: usize = 128 << 20;
/// Draws per work item: fixed, so partial sums are added in the same order on any thread count.
pub const CHUNK_DRAWS: usize = 256;

/// How far a run has got: draws evaluated (over all passes) out of the total it will evaluate.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    /// Draws evaluated so far.
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    /// Draws the run will evaluate (0 until it has started).
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// Fraction done, 0..=1 (0 before the run starts).
    pub fn fraction(&self) -> f64 {
        let total = self.total();
        if total == 0 {
            0.0
        } else {
            (self.done() as f64 / total as f64).min(1.0)
        }
    }

    fn start(&self, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    fn add(&self, draws: u64) {
        self.done.fetch_add(draws, Ordering::Relaxed);
    }
}

/// Lets another thread watch a run's progress and cancel it. Clones share the same flag and
/// counters; `RunControl::default()` is a control nobody else holds (never cancelled).
#[derive(Clone, Debug, Default)]
pub struct RunControl {
    pub cancel: Arc<AtomicBool>,
    pub progress: Arc<Progress>,
}

impl RunControl {
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the run to stop; it returns [`SimulationError::Cancelled`] within one chunk of draws
    /// per thread (well under a millisecond).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Fraction of the run done, 0..=1.
    pub fn fraction_done(&self) -> f64 {
        self.progress.fraction()
    }
}

/// Why a simulation gave no summary.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SimulationError {
    #[error("samples must be between 1 and {MAX_SAMPLES}, not {0}")]
    Samples(u32),
    #[error("the simulation was cancelled")]
    Cancelled,
}

/// Mean and percentiles of the five uncertain measures for every year and provider.
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
    /// Indexed `[(m * years + t) * providers + p]`, `m` the index in [`Measure::UNCERTAIN`].
    stats: Vec<Stats>,
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

    /// All statistics of one measure, indexed `[t * providers + p]` like [`Projection::series`].
    pub fn series(&self, measure: Measure) -> Option<&[Stats]> {
        let m = Measure::UNCERTAIN.iter().position(|u| *u == measure)?;
        let cells = self.years * self.providers;
        self.stats.get(m * cells..(m + 1) * cells)
    }
}

/// One uncertain input, resolved against the scenario.
#[derive(Clone, Copy, Debug)]
struct Uncertain {
    path: ParamPath,
    dist: Distribution,
    value: f64,
    range: ValidRange,
}

/// The scenario's uncertain inputs in file order (a path without a value is skipped).
fn uncertain_inputs(scenario: &Scenario) -> Vec<Uncertain> {
    scenario
        .uncertainty
        .iter()
        .filter_map(|&(path, dist)| {
            let value = path.get(scenario)?;
            Some(Uncertain {
                path,
                dist,
                value,
                range: path.valid_range(scenario),
            })
        })
        .collect()
}

/// The generator of draw `draw` under `seed`: independent of every other draw's.
fn draw_rng(seed: u64, draw: u64) -> Pcg64Mcg {
    // Spread the draw index over all bits (odd multiplier: injective), then let the seeding
    // routine (a PCG32 expansion to 128 bits) decorrelate neighbouring draws.
    Pcg64Mcg::seed_from_u64(seed ^ draw.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// A uniform in the open interval (0, 1) from 53 random bits.
#[inline]
fn open_unit(bits: u64) -> f64 {
    ((bits >> 11) as f64 + 0.5) * (1.0 / (1_u64 << 53) as f64)
}

/// Writes draw `draw`'s values of every uncertain input into `scenario`.
fn apply_draw(inputs: &[Uncertain], seed: u64, draw: u64, scenario: &mut Scenario) {
    let mut rng = draw_rng(seed, draw);
    for input in inputs {
        let u = open_unit(rng.next_u64());
        input
            .path
            .set(scenario, sample(input.dist, input.value, u, input.range));
    }
}

/// The values draw `draw` under `seed` gives each uncertain input, in the scenario's order.
pub fn draw_inputs(scenario: &Scenario, seed: u64, draw: u64) -> Vec<(ParamPath, f64)> {
    let mut rng = draw_rng(seed, draw);
    uncertain_inputs(scenario)
        .iter()
        .map(|input| {
            let u = open_unit(rng.next_u64());
            (input.path, sample(input.dist, input.value, u, input.range))
        })
        .collect()
}

/// Runs `samples` draws of every uncertain input through the whole model (counterfactual
/// included) and summarises the five uncertain measures per year and provider.
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

/// [`simulate`] with stored values limited to `store_budget_bytes` (at least one series per pass).
fn simulate_within(
    scenario: &Scenario,
    samples: u32,
    seed: u64,
    control: &RunControl,
    store_budget_bytes: usize,
) -> Result<SimulationSummary, SimulationError> {
    if samples == 0 || samples > MAX_SAMPLES {
        return Err(SimulationError::Samples(samples));
    }
    let deterministic = project(scenario);
    let years = deterministic.years;
    let providers = deterministic.providers;
    let cells = years * providers;
    let all_series = Measure::UNCERTAIN.len() * cells;
    let n = samples as usize;
    let inputs = uncertain_inputs(scenario);

    let mut summary = SimulationSummary {
        samples,
        seed,
        base_year: scenario.base_year,
        years,
        providers,
        stats: Vec::with_capacity(all_series),
        deterministic,
    };
    let det: Vec<f64> = Measure::UNCERTAIN
        .iter()
        .flat_map(|m| summary.deterministic.series(*m).iter().copied())
        .collect();

    if inputs.is_empty() {
        // Every draw is the deterministic run: skip evaluating it n times.
        control.progress.start(u64::from(samples));
        control.progress.add(u64::from(samples));
        summary.stats = det.iter().map(|v| Stats::constant(*v)).collect();
        return Ok(summary);
    }

    // Value at stake is `ev_sales * revenue delta` in every draw. When no EV/sales multiple is
    // uncertain, its statistics are those of the revenue delta times the (non-negative) multiple,
    // so its series are not stored: a fifth less memory and work. It is the last measure.
    let derive_value_at_stake = !inputs.iter().any(|input| {
        matches!(
            input.path,
            ParamPath::Provider(_, ProviderParam::EvSales)
                | ParamPath::Others(OthersParam::EvSales)
        )
    });
    let series_total = if derive_value_at_stake {
        all_series - cells
    } else {
        all_series
    };
    let block = (store_budget_bytes / size_of::<f32>() / n).clamp(1, series_total);
    let passes = series_total.div_ceil(block);
    control.progress.start(u64::from(samples) * passes as u64);
    let chunks = n.div_ceil(CHUNK_DRAWS);
    let mut store = vec![0.0_f32; n * block];
    let mut chunk_stats = vec![ChunkStat::default(); chunks * block];

    for pass in 0..passes {
        let first = pass * block;
        let width = block.min(series_total - first);
        let store = &mut store[..n * width];
        let chunk_stats = &mut chunk_stats[..chunks * width];
        let det_block = &det[first..first + width];
        store
            .par_chunks_mut(CHUNK_DRAWS * width)
            .zip(chunk_stats.par_chunks_mut(width))
            .enumerate()
            .for_each_init(
                || (scenario.clone(), Projection::default(), Vec::new()),
                |(draw_scenario, projection, rows), (chunk, (values, stats))| {
                    if control.is_cancelled() {
                        return;
                    }
                    let len = values.len() / width;
                    // Deltas go first into a small row-major buffer [draw][series] that stays in
                    // cache, then are transposed into the store as contiguous per-series runs.
                    rows.clear();
                    rows.resize(len * width, 0.0_f32);
                    stats.fill(ChunkStat::default());
                    for (j, row) in rows.chunks_exact_mut(width).enumerate() {
                        let draw = (chunk * CHUNK_DRAWS + j) as u64;
                        apply_draw(&inputs, seed, draw, draw_scenario);
                        project_into(draw_scenario, projection);
                        store_draw(projection, first, cells, det_block, row, stats);
                    }
                    for (k, run) in values.chunks_exact_mut(len).enumerate() {
                        for (j, slot) in run.iter_mut().enumerate() {
                            *slot = rows[j * width + k];
                        }
                    }
                    control.progress.add(len as u64);
                },
            );
        if control.is_cancelled() {
            return Err(SimulationError::Cancelled);
        }
        let store = &*store;
        let chunk_stats = &*chunk_stats;
        let block_stats: Vec<Stats> = (0..width)
            .into_par_iter()
            .map_init(
                || (Vec::with_capacity(n), HistogramScratch::default()),
                |scratch: &mut (Vec<f32>, HistogramScratch), k| {
                    let mut total = 0.0;
                    let mut min = f32::INFINITY;
                    let mut max = f32::NEG_INFINITY;
                    let (mut lowest, mut highest) = (f64::INFINITY, f64::NEG_INFINITY);
                    for chunk in 0..chunks {
                        let stat = chunk_stats[chunk * width + k];
                        total += stat.sum;
                        min = min.min(stat.min);
                        max = max.max(stat.max);
                        lowest = lowest.min(stat.lowest);
                        highest = highest.max(stat.highest);
                    }
                    // Every draw the same value: that value, exactly (no f32 offset rounding).
                    #[allow(clippy::float_cmp)] // exactly equal is the point
                    let identical = lowest == highest;
                    if identical {
                        return Stats::constant(lowest);
                    }
                    // Gather the series' runs (one per chunk, each in its own page) into one
                    // cache-resident buffer: one scattered read instead of two.
                    let (values, histogram) = scratch;
                    values.clear();
                    for chunk in 0..chunks {
                        let start = chunk * CHUNK_DRAWS * width;
                        let len = CHUNK_DRAWS.min(n - chunk * CHUNK_DRAWS);
                        values.extend_from_slice(&store[start + k * len..start + (k + 1) * len]);
                    }
                    let deltas = percentiles_of_runs(
                        std::iter::once(values.as_slice()),
                        n,
                        min,
                        max,
                        histogram,
                    );
                    let base = det_block[k];
                    let mut percentiles = [0.0; 7];
                    let mut previous = f64::NEG_INFINITY;
                    for (slot, delta) in percentiles.iter_mut().zip(deltas) {
                        // Adding the base can round; keep the percentiles non-decreasing and
                        // within the draws' exact range.
                        *slot = (base + delta).max(previous).clamp(lowest, highest);
                        previous = *slot;
                    }
                    let mean = (base + total / n as f64).clamp(lowest, highest);
                    Stats::from_parts(mean, percentiles)
                },
            )
            .collect();
        summary.stats.extend(block_stats);
        // A delta beyond f32's range (only extreme scenarios: huge markets growing fast for
        // decades) was stored as infinity: summarise those series again, exactly, in f64.
        let overflowed: Vec<usize> = (0..width)
            .filter(|&k| {
                (0..chunks).any(|chunk| {
                    let stat = chunk_stats[chunk * width + k];
                    !(stat.min.is_finite() && stat.max.is_finite())
                })
            })
            .map(|k| first + k)
            .collect();
        if !overflowed.is_empty() {
            let exact = exact_stats(
                scenario,
                &inputs,
                seed,
                n,
                &overflowed,
                cells,
                control,
                store_budget_bytes,
            )?;
            for (series, stats) in overflowed.iter().zip(exact) {
                summary.stats[*series] = stats;
            }
        }
    }
    if derive_value_at_stake {
        let delta_first = (Measure::UNCERTAIN.len() - 2) * cells;
        for c in 0..cells {
            let ev_sales = scenario.provider_ev_sales(c % providers);
            let delta = summary.stats[delta_first + c];
            let scaled = delta.percentiles().map(|v| ev_sales * v);
            summary
                .stats
                .push(Stats::from_parts(ev_sales * delta.mean, scaled));
        }
    }
    Ok(summary)
}

/// Mean and percentiles of `series` (global indices, `m * cells + c`) from every draw's value
/// in `f64`, sorted: the slow, exact path for series whose deltas do not fit an `f32`. Draws are
/// re-run (they are deterministic) in groups of series that fit `store_budget_bytes`.
#[allow(clippy::too_many_arguments)]
fn exact_stats(
    scenario: &Scenario,
    inputs: &[Uncertain],
    seed: u64,
    n: usize,
    series: &[usize],
    cells: usize,
    control: &RunControl,
    store_budget_bytes: usize,
) -> Result<Vec<Stats>, SimulationError> {
    let group = (store_budget_bytes / size_of::<f64>() / n).clamp(1, series.len());
    let mut stats = Vec::with_capacity(series.len());
    for ids in series.chunks(group) {
        let width = ids.len();
        // Row-major [draw][series]: each draw writes one row; positions do not depend on threads.
        let mut values = vec![0.0_f64; n * width];
        values
            .par_chunks_mut(CHUNK_DRAWS * width)
            .enumerate()
            .for_each_init(
                || (scenario.clone(), Projection::default()),
                |(draw_scenario, projection), (chunk, rows)| {
                    if control.is_cancelled() {
                        return;
                    }
                    for (j, row) in rows.chunks_exact_mut(width).enumerate() {
                        apply_draw(
                            inputs,
                            seed,
                            (chunk * CHUNK_DRAWS + j) as u64,
                            draw_scenario,
                        );
                        project_into(draw_scenario, projection);
                        for (slot, id) in row.iter_mut().zip(ids) {
                            let measure = Measure::UNCERTAIN[id / cells];
                            *slot = projection.series(measure)[id % cells];
                        }
                    }
                },
            );
        if control.is_cancelled() {
            return Err(SimulationError::Cancelled);
        }
        let mut column = Vec::with_capacity(n);
        for k in 0..width {
            column.clear();
            column.extend(values.iter().skip(k).step_by(width));
            let lowest = column.iter().copied().fold(f64::INFINITY, f64::min);
            let highest = column.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            #[allow(clippy::float_cmp)] // exactly equal is the point
            let identical = lowest == highest;
            if identical {
                stats.push(Stats::constant(lowest));
                continue;
            }
            let mean = (column.iter().sum::<f64>() / n as f64).clamp(lowest, highest);
            stats.push(Stats::from_parts(mean, percentiles_by_sorting(&column)));
        }
    }
    Ok(stats)
}

/// Sum (unrounded), minimum and maximum (as stored) of one series' deltas over one chunk, and
/// the lowest and highest value itself (exact, in `f64`).
#[derive(Clone, Copy, Debug)]
struct ChunkStat {
    sum: f64,
    min: f32,
    max: f32,
    lowest: f64,
    highest: f64,
}

impl Default for ChunkStat {
    fn default() -> Self {
        Self {
            sum: 0.0,
            min: f32::INFINITY,
            max: f32::NEG_INFINITY,
            lowest: f64::INFINITY,
            highest: f64::NEG_INFINITY,
        }
    }
}

/// Stores one draw: its deltas for series `first..first + row.len()` into `row`, and updates
/// the chunk's statistics of each series.
#[inline]
fn store_draw(
    projection: &Projection,
    first: usize,
    cells: usize,
    det_block: &[f64],
    row: &mut [f32],
    stats: &mut [ChunkStat],
) {
    let width = row.len();
    let mut k = 0;
    while k < width {
        let s = first + k;
        let m = s / cells;
        let c = s % cells;
        let run = (cells - c).min(width - k);
        let series = &projection.series(Measure::UNCERTAIN[m])[c..c + run];
        let det = &det_block[k..k + run];
        let out = &mut row[k..k + run];
        let stat = &mut stats[k..k + run];
        for (((value, base), slot), stat) in series.iter().zip(det).zip(out).zip(stat) {
            let delta = value - base;
            let stored = delta as f32;
            *slot = stored;
            stat.sum += delta;
            stat.min = stat.min.min(stored);
            stat.max = stat.max.max(stored);
            stat.lowest = stat.lowest.min(*value);
            stat.highest = stat.highest.max(*value);
        }
        k += run;
    }
}

/// Pieces of [`simulate`] run alone, single-threaded, for the benchmark's breakdown of where
/// the time goes. Not part of the supported API.
#[doc(hidden)]
pub mod profile {
    use super::{
        Projection, RunControl, Scenario, SimulationError, SimulationSummary, apply_draw,
        percentiles_of_runs, project_into, simulate_within, uncertain_inputs,
    };
    pub use crate::model::uncertainty::percentiles::HistogramScratch;

    /// Draws `samples` sets of inputs into a scenario (no model run); returns a checksum.
    pub fn draws_only(scenario: &Scenario, samples: u32, seed: u64) -> f64 {
        let inputs = uncertain_inputs(scenario);
        let mut draw = scenario.clone();
        let mut checksum = 0.0;
        for i in 0..u64::from(samples) {
            apply_draw(&inputs, seed, i, &mut draw);
            checksum += draw.halo + draw.market.growth_start;
        }
        checksum
    }

    /// Runs the model `samples` times on the scenario as it is (no draws); returns a checksum.
    pub fn model_only(scenario: &Scenario, samples: u32) -> f64 {
        let mut projection = Projection::default();
        let mut checksum = 0.0;
        for _ in 0..samples {
            project_into(scenario, &mut projection);
            checksum +=
                projection.value_at_stake_usd_bn[projection.value_at_stake_usd_bn.len() - 1];
        }
        checksum
    }

    /// [`simulate`](super::simulate) with a smaller store, so tests can check that several
    /// passes give the same result as one.
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

    /// The seven percentiles of `values` as the engine computes them (histogram selection).
    pub fn percentiles_only(values: &[f32], scratch: &mut HistogramScratch) -> [f64; 7] {
        let min = values.iter().copied().fold(f32::INFINITY, f32::min);
        let max = values.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        percentiles_of_runs(std::iter::once(values), values.len(), min, max, scratch)
    }
}
