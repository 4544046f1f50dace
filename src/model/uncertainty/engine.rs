//! Running every draw once, in waves, and handing each output series its values in draw order.
//!
//! A wave is a fixed number of draws (set by the series count alone, never by the thread count).
//! Its draws run in parallel in chunks of [`CHUNK_DRAWS`]; each chunk writes its values into a
//! wave buffer laid out `[series][draw]`. Then the series are processed in parallel, each by
//! one task that reads its row (contiguous, so the memory system streams it), so every series
//! sees its values in draw order whatever the thread count: sums added in that order give the
//! same bits on any machine.

use rayon::prelude::*;

use super::draws::{Draws, Scratch};
use super::simulate::{RunControl, SimulationError};
use crate::model::{Measure, Projection, Scenario, ValueMeasure, project_into};

/// Draws per work item of a wave.
pub const CHUNK_DRAWS: usize = 64;
/// Bytes of the wave buffer (values of every stored series for one wave of draws).
const WAVE_BYTES: usize = 32 << 20;
/// Values of padding after each series' row in the wave buffer (one cache line).
const ROW_PAD: usize = 8;

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

    /// Draws per wave: about [`WAVE_BYTES`] of values, a whole number of chunks.
    pub fn wave_draws(&self) -> usize {
        let per_wave = WAVE_BYTES / (size_of::<f64>() * self.series().max(1));
        let chunks = (per_wave / CHUNK_DRAWS).max(1);
        (chunks * CHUNK_DRAWS).min(self.n.div_ceil(CHUNK_DRAWS) * CHUNK_DRAWS)
    }

    /// Runs every draw once. After each wave, calls `visit(state, values)` for every
    /// `(series, state)` in `states` (in parallel over states) with that series' values of the
    /// wave in draw order.
    pub fn pass<S: Send>(
        &self,
        states: &mut [(usize, S)],
        visit: impl Fn(&mut S, &[f64]) + Sync,
    ) -> Result<(), SimulationError> {
        let series = self.series();
        let wave = self.wave_draws();
        // Rows are padded by one cache line: a row length that is a multiple of 4 KiB would
        // map every series' write of one draw to the same cache set.
        let mut buffer = vec![0.0_f64; (wave + ROW_PAD) * series];
        let mut start = 0;
        while start < self.n {
            let len = wave.min(self.n - start);
            let stride = len + ROW_PAD;
            let values = &mut buffer[..stride * series];
            // Each chunk of draws gets its piece of every series' row.
            let chunks = len.div_ceil(CHUNK_DRAWS);
            let mut pieces: Vec<Vec<&mut [f64]>> =
                (0..chunks).map(|_| Vec::with_capacity(series)).collect();
            for row in values.chunks_mut(stride) {
                for (piece, chunk) in row[..len].chunks_mut(CHUNK_DRAWS).zip(&mut pieces) {
                    chunk.push(piece);
                }
            }
            pieces.into_par_iter().enumerate().for_each_init(
                || (self.scenario.clone(), Projection::default()),
                |(scenario, projection), (chunk, mut rows)| {
                    if self.control.is_cancelled() {
                        return;
                    }
                    let first = start + chunk * CHUNK_DRAWS;
                    self.run_chunk(first, &mut rows, scenario, projection);
                },
            );
            if self.control.is_cancelled() {
                return Err(SimulationError::Cancelled);
            }
            let values = &*values;
            states.par_iter_mut().for_each(|(s, state)| {
                if let Some(row) = values.get(*s * stride..*s * stride + len) {
                    visit(state, row);
                }
            });
            start += len;
        }
        Ok(())
    }

    /// Runs draws `first..` into `rows` (one piece per series, all the same length).
    fn run_chunk(
        &self,
        first: usize,
        rows: &mut [&mut [f64]],
        scenario: &mut Scenario,
        projection: &mut Projection,
    ) {
        let len = rows.first().map_or(0, |row| row.len());
        let mut scratch = Scratch::default();
        for j in 0..len {
            self.draws
                .apply(self.seed, (first + j) as u64, scenario, &mut scratch);
            project_into(scenario, projection);
            let mut rows = rows.iter_mut();
            for measure in self.measures {
                for (value, row) in projection.series(*measure).iter().zip(&mut rows) {
                    if let Some(slot) = row.get_mut(j) {
                        *slot = *value;
                    }
                }
            }
            for (&(measure, p), row) in self.values.iter().zip(&mut rows) {
                if let Some(slot) = row.get_mut(j) {
                    *slot = projection.value_measure(measure, p).unwrap_or(f64::NAN);
                }
            }
        }
        self.control.progress.add(len as u64);
    }
}
