//! Running every draw once, in waves, and handing each output series its values in draw order.
//!
//! A wave is a fixed number of draws (set by the series count alone, never by the thread count).
//! Its draws run in parallel in chunks of [`CHUNK_DRAWS`]; each chunk writes its values into a
//! wave buffer laid out `[chunk][series][draw]`. Then the series are processed in parallel, each
//! by one task that reads its runs chunk by chunk, so every series sees its values in draw order
//! whatever the thread count: sums added in that order give the same bits on any machine.

use rayon::prelude::*;

use super::draws::{Uncertain, apply_draw};
use super::simulate::{RunControl, SimulationError};
use crate::model::{Measure, Projection, Scenario, project_into};

/// Draws per work item of a wave.
pub const CHUNK_DRAWS: usize = 64;
/// Bytes of the wave buffer (values of every stored series for one wave of draws).
const WAVE_BYTES: usize = 32 << 20;

/// One run's fixed inputs: what to draw and which series to keep.
pub(super) struct Engine<'a> {
    pub scenario: &'a Scenario,
    pub inputs: &'a [Uncertain],
    pub seed: u64,
    pub n: usize,
    /// Stored measures; series `s` is measure `s / cells`, cell `s % cells`.
    pub measures: &'a [Measure],
    pub cells: usize,
    pub control: &'a RunControl,
}

impl Engine<'_> {
    /// Number of stored series.
    pub fn series(&self) -> usize {
        self.measures.len() * self.cells
    }

    /// Draws per wave: about [`WAVE_BYTES`] of values, a whole number of chunks.
    pub fn wave_draws(&self) -> usize {
        let per_wave = WAVE_BYTES / (size_of::<f64>() * self.series().max(1));
        let chunks = (per_wave / CHUNK_DRAWS).max(1);
        (chunks * CHUNK_DRAWS).min(self.n.div_ceil(CHUNK_DRAWS) * CHUNK_DRAWS)
    }

    /// Runs every draw once. After each wave, calls `visit(state, runs)` for every
    /// `(series, state)` in `states` (in parallel over states) with that series' values of the
    /// wave in draw order.
    pub fn pass<S: Send>(
        &self,
        states: &mut [(usize, S)],
        visit: impl Fn(&mut S, Runs<'_>) + Sync,
    ) -> Result<(), SimulationError> {
        let series = self.series();
        let wave = self.wave_draws();
        let mut buffer = vec![0.0_f64; wave * series];
        let mut start = 0;
        while start < self.n {
            let len = wave.min(self.n - start);
            let values = &mut buffer[..len * series];
            values
                .par_chunks_mut(CHUNK_DRAWS * series)
                .enumerate()
                .for_each_init(
                    || (self.scenario.clone(), Projection::default()),
                    |(scenario, projection), (chunk, block)| {
                        if self.control.is_cancelled() {
                            return;
                        }
                        let first = start + chunk * CHUNK_DRAWS;
                        self.run_chunk(first, block, scenario, projection);
                    },
                );
            if self.control.is_cancelled() {
                return Err(SimulationError::Cancelled);
            }
            let values = &*values;
            states.par_iter_mut().for_each(|(s, state)| {
                visit(
                    state,
                    Runs {
                        values,
                        series,
                        s: *s,
                        len,
                        chunk: 0,
                    },
                );
            });
            start += len;
        }
        Ok(())
    }

    /// Runs draws `first..first + block.len() / series` into `block`, `[series][draw]`.
    fn run_chunk(
        &self,
        first: usize,
        block: &mut [f64],
        scenario: &mut Scenario,
        projection: &mut Projection,
    ) {
        let series = self.series();
        let len = block.len() / series;
        for j in 0..len {
            apply_draw(self.inputs, self.seed, (first + j) as u64, scenario);
            project_into(scenario, projection);
            let mut s = 0;
            for measure in self.measures {
                for value in projection.series(*measure) {
                    if let Some(slot) = block.get_mut(s * len + j) {
                        *slot = *value;
                    }
                    s += 1;
                }
            }
        }
        self.control.progress.add(len as u64);
    }
}

/// One series' values of one wave, as runs (one per chunk) in draw order.
#[derive(Clone, Debug)]
pub(super) struct Runs<'a> {
    values: &'a [f64],
    series: usize,
    s: usize,
    len: usize,
    chunk: usize,
}

impl<'a> Iterator for Runs<'a> {
    type Item = &'a [f64];

    fn next(&mut self) -> Option<&'a [f64]> {
        let first = self.chunk * CHUNK_DRAWS;
        if first >= self.len {
            return None;
        }
        let run = CHUNK_DRAWS.min(self.len - first);
        let start = first * self.series + self.s * run;
        self.chunk += 1;
        self.values.get(start..start + run)
    }
}
