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
//!   Means are summed in `f64` from the unrounded deltas.
//! - **Bounded memory.** Stored values are limited to [`STORE_BUDGET_BYTES`] (128 MiB): when
//!   `draws x series x 4 bytes` exceeds it, the series are processed in passes, each pass
//!   re-running the (deterministic) draws and keeping only its block of series. The baseline's
//!   330 series at 100,000 draws fit one pass (132 MB); 1,000,000 draws take 10 passes.
//! - **Order.** Draws are processed in fixed chunks of [`CHUNK_DRAWS`] (independent of the thread
//!   count); each chunk stores its block as `[series][draw]` so a series' values are contiguous
//!   runs, and keeps its own `f64` partial sums, added up afterwards in chunk order.
//! - **Percentiles** by selection on integer keys (see `percentiles`), one series per task.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;
use rayon::prelude::*;

use super::distributions::sample;
use super::percentiles::{Stats, key, percentiles_of_keys};
use crate::model::{
    Distribution, Measure, ParamPath, Projection, Scenario, ValidRange, project, project_into,
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
    if samples == 0 || samples > MAX_SAMPLES {
        return Err(SimulationError::Samples(samples));
    }
    let deterministic = project(scenario);
    let years = deterministic.years;
    let providers = deterministic.providers;
    let cells = years * providers;
    let series_total = Measure::UNCERTAIN.len() * cells;
    let n = samples as usize;
    let inputs = uncertain_inputs(scenario);

    let mut summary = SimulationSummary {
        samples,
        seed,
        base_year: scenario.base_year,
        years,
        providers,
        stats: Vec::with_capacity(series_total),
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

    let block = (STORE_BUDGET_BYTES / size_of::<f32>() / n).clamp(1, series_total);
    let passes = series_total.div_ceil(block);
    control.progress.start(u64::from(samples) * passes as u64);
    let chunks = n.div_ceil(CHUNK_DRAWS);
    let mut store = vec![0.0_f32; n * block];
    let mut sums = vec![0.0_f64; chunks * block];

    for pass in 0..passes {
        let first = pass * block;
        let width = block.min(series_total - first);
        let store = &mut store[..n * width];
        let sums = &mut sums[..chunks * width];
        let det_block = &det[first..first + width];
        store
            .par_chunks_mut(CHUNK_DRAWS * width)
            .zip(sums.par_chunks_mut(width))
            .enumerate()
            .for_each_init(
                || (scenario.clone(), Projection::default()),
                |(draw_scenario, projection), (chunk, (values, chunk_sums))| {
                    if control.is_cancelled() {
                        return;
                    }
                    let len = values.len() / width;
                    chunk_sums.fill(0.0);
                    for j in 0..len {
                        let draw = (chunk * CHUNK_DRAWS + j) as u64;
                        apply_draw(&inputs, seed, draw, draw_scenario);
                        project_into(draw_scenario, projection);
                        store_draw(
                            projection, first, width, cells, det_block, values, chunk_sums, len, j,
                        );
                    }
                    control.progress.add(len as u64);
                },
            );
        if control.is_cancelled() {
            return Err(SimulationError::Cancelled);
        }
        let store = &*store;
        let sums = &*sums;
        let block_stats: Vec<Stats> = (0..width)
            .into_par_iter()
            .map_init(
                || Vec::with_capacity(n),
                |keys: &mut Vec<u32>, k| {
                    keys.clear();
                    let mut total = 0.0;
                    for chunk in 0..chunks {
                        let start = chunk * CHUNK_DRAWS * width;
                        let len = CHUNK_DRAWS.min(n - chunk * CHUNK_DRAWS);
                        let run = &store[start + k * len..start + (k + 1) * len];
                        keys.extend(run.iter().map(|v| key(*v)));
                        total += sums[chunk * width + k];
                    }
                    let base = det_block[k];
                    let deltas = percentiles_of_keys(keys);
                    let mut percentiles = [0.0; 7];
                    let mut previous = f64::NEG_INFINITY;
                    for (slot, delta) in percentiles.iter_mut().zip(deltas) {
                        // Adding the base can round; keep the percentiles non-decreasing.
                        *slot = (base + delta).max(previous);
                        previous = *slot;
                    }
                    Stats::from_parts(base + total / n as f64, percentiles)
                },
            )
            .collect();
        summary.stats.extend(block_stats);
    }
    Ok(summary)
}

/// Stores draw `j` of a chunk: its deltas for series `first..first + width` into `values`
/// (laid out `[series][draw]`, `len` draws per series) and into the chunk's sums.
#[allow(clippy::too_many_arguments)]
#[inline]
fn store_draw(
    projection: &Projection,
    first: usize,
    width: usize,
    cells: usize,
    det_block: &[f64],
    values: &mut [f32],
    chunk_sums: &mut [f64],
    len: usize,
    j: usize,
) {
    let mut k = 0;
    while k < width {
        let s = first + k;
        let m = s / cells;
        let c = s % cells;
        let run = (cells - c).min(width - k);
        let series = &projection.series(Measure::UNCERTAIN[m])[c..c + run];
        for (i, value) in series.iter().enumerate() {
            let delta = value - det_block[k + i];
            values[(k + i) * len + j] = delta as f32;
            chunk_sums[k + i] += delta;
        }
        k += run;
    }
}
