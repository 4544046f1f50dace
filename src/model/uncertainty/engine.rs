//! Running every draw once, in waves, and handing each output series its values in draw order.
//!
//! A wave is a fixed number of draws (set by the series count alone, never by the thread count).
//! Its draws run in parallel in chunks of [`CHUNK_DRAWS`]; each chunk writes its values into its
//! own block of the wave buffer, laid out `[series][draw of the chunk]`. A draw's values go
//! first into a small per-worker group buffer of 8 draws (`[series][draw of the group]`, one
//! cache line a series, a few dozen KiB: in the first-level cache), and each full group is
//! copied to the block a whole line per series, so neither step stores to a line out of cache.
//! Then the series are processed in parallel, each by one task that reads its piece of every
//! block in chunk order, so every series sees its values in draw order whatever the thread
//! count: sums added in that order give the same bits on any machine.
//!
//! The wave is kept small enough to stay in the second-level caches (a few MiB) but holds at
//! least [`MIN_WAVE_DRAWS`] draws, as the first wave is the histograms' pilot, unless that would
//! pass [`MAX_WAVE_BYTES`] (thousands of series). There are two wave buffers: the next wave's
//! draws run while the series take in the last one.

use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use super::draws::{Draws, Scratch};
use super::simulate::{RunControl, SimulationError};
use crate::model::{Measure, Projection, Scenario, ValueMeasure, project_into};

/// Draws per work item of a wave.
pub const CHUNK_DRAWS: usize = 64;
/// Draws of a worker's group buffer: one cache line of each series' values.
const GROUP_DRAWS: usize = 8;
/// Bytes of a wave buffer (values of every stored series for one wave of draws): small enough
/// to stay in the second-level caches.
const WAVE_BYTES: usize = 2 << 20;
/// Fewest draws in a wave (the pilot that sets the histograms' bins)...
const MIN_WAVE_DRAWS: usize = 1024;
/// ...unless that would take more than this many bytes a buffer (thousands of series): memory
/// stays bounded, and such runs collect in later passes anyway.
const MAX_WAVE_BYTES: usize = 16 << 20;

/// One series' values of one wave: a piece of up to [`CHUNK_DRAWS`] values from each chunk's
/// block, in draw order.
#[derive(Clone, Copy)]
pub(super) struct WaveValues<'a> {
    buffer: &'a [f64],
    /// Values of one chunk's block (`series * CHUNK_DRAWS`).
    block: usize,
    offset: usize,
    len: usize,
}

impl<'a> WaveValues<'a> {
    /// The pieces in draw order, each one chunk's draws (all [`CHUNK_DRAWS`] long but the last).
    pub fn pieces(self) -> impl Iterator<Item = &'a [f64]> {
        let chunks = self.len.div_ceil(CHUNK_DRAWS);
        (0..chunks).map(move |c| {
            let len = CHUNK_DRAWS.min(self.len - c * CHUNK_DRAWS);
            let start = c * self.block + self.offset;
            self.buffer.get(start..start + len).unwrap_or(&[])
        })
    }

    /// The values in draw order.
    pub fn iter(self) -> impl Iterator<Item = f64> + 'a {
        self.pieces().flatten().copied()
    }
}

/// The first `draws` values of a series' group line into its place in the block: a whole
/// line as a fixed-size copy (a few vector moves, not a call to memcpy), the last short group
/// of a run value by value.
#[inline]
fn copy_line(line: &[f64], place: &mut [f64], draws: usize) {
    match (
        <&[f64; GROUP_DRAWS]>::try_from(line),
        place.first_chunk_mut::<GROUP_DRAWS>(),
    ) {
        (Ok(line), Some(place)) if draws == GROUP_DRAWS => *place = *line,
        _ => {
            for (slot, x) in place.iter_mut().zip(line).take(draws) {
                *slot = *x;
            }
        }
    }
}

/// What one worker thread keeps between chunks: its copy of the scenario to draw into, the
/// projection's buffers and the draws' scratch space.
struct Worker {
    scenario: Scenario,
    projection: Projection,
    scratch: Scratch,
    /// The last few draws' values, `[series][draw of the group]`.
    group: Vec<f64>,
}

/// One run's fixed inputs: what to draw and which series to keep.
pub(super) struct Engine<'a> {
    pub scenario: &'a Scenario,
    pub draws: &'a Draws,
    pub seed: u64,
    pub n: usize,
    /// Stored measures; series `s` is measure `s / cells`, cell `s % cells`.
    pub measures: &'a [Measure],
    pub cells: usize,
    /// Stored measures without a year, one series each after the yearly ones: (measure,
    /// provider).
    pub values: &'a [(ValueMeasure, usize)],
    pub control: &'a RunControl,
}

impl Engine<'_> {
    /// Number of stored series.
    pub fn series(&self) -> usize {
        self.measures.len() * self.cells + self.values.len()
    }

    /// Draws per wave: about [`WAVE_BYTES`] of values, at least [`MIN_WAVE_DRAWS`] within
    /// [`MAX_WAVE_BYTES`], a whole number of chunks.
    pub fn wave_draws(&self) -> usize {
        let bytes_per_draw = size_of::<f64>() * self.series().max(1);
        let per_wave = (WAVE_BYTES / bytes_per_draw)
            .max(MIN_WAVE_DRAWS)
            .min(MAX_WAVE_BYTES / bytes_per_draw);
        let chunks = per_wave.div_ceil(CHUNK_DRAWS).max(1);
        (chunks * CHUNK_DRAWS).min(self.n.div_ceil(CHUNK_DRAWS) * CHUNK_DRAWS)
    }

    /// Runs every draw once. After each wave, calls `visit(state, values)` for every
    /// `(series, state)` in `states` (in parallel over states) with that series' values of the
    /// wave in draw order. The next wave's draws run while the series take in the last one (two
    /// wave buffers), so no core waits at the end of either step.
    pub fn pass<S: Send>(
        &self,
        states: &mut [(usize, S)],
        visit: impl Fn(&mut S, WaveValues<'_>) + Sync,
    ) -> Result<(), SimulationError> {
        let series = self.series();
        let wave = self.wave_draws();
        let block = series * CHUNK_DRAWS;
        let workers: Vec<Mutex<Worker>> = (0..rayon::current_num_threads().max(1))
            .map(|_| {
                Mutex::new(Worker {
                    scenario: self.scenario.clone(),
                    projection: Projection::default(),
                    scratch: Scratch::default(),
                    group: vec![0.0; self.series() * GROUP_DRAWS],
                })
            })
            .collect();
        // (first draw, draws) of each wave.
        let waves: Vec<(usize, usize)> = (0..self.n)
            .step_by(wave.max(1))
            .map(|start| (start, wave.min(self.n - start)))
            .collect();
        let run_wave = |buffer: &mut [f64], (start, len): (usize, usize)| {
            buffer[..len.div_ceil(CHUNK_DRAWS) * block]
                .par_chunks_mut(block)
                .enumerate()
                .for_each(|(chunk, values)| {
                    if self.control.is_cancelled() {
                        return;
                    }
                    let index = rayon::current_thread_index().unwrap_or(0) % workers.len();
                    let mut worker = workers[index]
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner);
                    let first = start + chunk * CHUNK_DRAWS;
                    let draws = CHUNK_DRAWS.min(len - chunk * CHUNK_DRAWS);
                    self.run_chunk(first, draws, values, &mut worker);
                });
        };
        let take_in = |buffer: &[f64], len: usize, states: &mut [(usize, S)]| {
            states.par_iter_mut().for_each(|(s, state)| {
                let values = WaveValues {
                    buffer,
                    block,
                    offset: *s * CHUNK_DRAWS,
                    len,
                };
                visit(state, values);
            });
        };
        let Some(&first_wave) = waves.first() else {
            return Ok(());
        };
        let size = wave.div_ceil(CHUNK_DRAWS) * block;
        let mut current = vec![0.0_f64; size];
        let mut next = vec![0.0_f64; if waves.len() > 1 { size } else { 0 }];
        run_wave(&mut current, first_wave);
        for k in 0..waves.len() {
            // A cancelled run leaves chunks unwritten: never take in a wave after that.
            if self.control.is_cancelled() {
                return Err(SimulationError::Cancelled);
            }
            let (_, len) = waves[k];
            match waves.get(k + 1) {
                Some(&following) => {
                    rayon::join(
                        || run_wave(&mut next, following),
                        || take_in(&current, len, states),
                    );
                }
                None => take_in(&current, len, states),
            }
            std::mem::swap(&mut current, &mut next);
        }
        Ok(())
    }

    /// Runs draws `first..first + len` into a chunk's block (`[series][draw]`, each series
    /// [`CHUNK_DRAWS`] values apart).
    fn run_chunk(&self, first: usize, len: usize, block: &mut [f64], worker: &mut Worker) {
        let Worker {
            scenario,
            projection,
            scratch,
            group,
        } = worker;
        for start in (0..len).step_by(GROUP_DRAWS) {
            let draws = GROUP_DRAWS.min(len - start);
            for j in 0..draws {
                self.draws
                    .apply(self.seed, (first + start + j) as u64, scenario, scratch);
                project_into(scenario, projection);
                let mut slots = group.iter_mut().skip(j).step_by(GROUP_DRAWS);
                for measure in self.measures {
                    for (value, slot) in projection.series(*measure).iter().zip(&mut slots) {
                        *slot = *value;
                    }
                }
                for (&(measure, p), slot) in self.values.iter().zip(&mut slots) {
                    *slot = projection.value_measure(measure, p).unwrap_or(f64::NAN);
                }
            }
            // Each series' line of the group to its place in the block.
            let lines = group.chunks_exact(GROUP_DRAWS);
            let places = block.chunks_exact_mut(CHUNK_DRAWS);
            for (line, place) in lines.zip(places) {
                if let Some(place) = place.get_mut(start..) {
                    copy_line(line, place, draws);
                }
            }
        }
        self.control.progress.add(len as u64);
    }
}
