//! Summary statistics of Monte Carlo draws: mean and the seven percentiles, by exact selection.
//!
//! Percentiles use linear interpolation between order statistics at position `(n - 1) p`
//! (MODEL.md; the default of `NumPy`). Values arrive as `f32` deltas from the deterministic
//! value. The (up to 14) order statistics needed are found exactly in two linear passes, a
//! histogram and then a collection of the few bins that hold them, instead of a full sort.

/// Probabilities of the summary percentiles, in the order of [`Stats::percentiles`].
pub const PERCENTILE_PROBABILITIES: [f64; 7] = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];

/// The summary of one output (year, provider, measure) over all draws.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stats {
    pub mean: f64,
    pub p5: f64,
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
    pub p95: f64,
}

impl Stats {
    /// Every statistic equal to `value` (an output no draw moves).
    pub const fn constant(value: f64) -> Self {
        Self {
            mean: value,
            p5: value,
            p10: value,
            p25: value,
            p50: value,
            p75: value,
            p90: value,
            p95: value,
        }
    }

    /// P5, P10, P25, P50, P75, P90, P95, in the order of [`PERCENTILE_PROBABILITIES`].
    pub const fn percentiles(&self) -> [f64; 7] {
        [
            self.p5, self.p10, self.p25, self.p50, self.p75, self.p90, self.p95,
        ]
    }

    pub(crate) const fn from_parts(mean: f64, p: [f64; 7]) -> Self {
        Self {
            mean,
            p5: p[0],
            p10: p[1],
            p25: p[2],
            p50: p[3],
            p75: p[4],
            p90: p[5],
            p95: p[6],
        }
    }
}

/// Bins of the histogram selection.
const BINS: usize = 2048;
/// Values whose bins are computed at once.
const BLOCK: usize = 64;
/// Marks a bin that holds no wanted order statistic.
const NOT_WANTED: u8 = u8::MAX;

/// Reusable buffers of [`percentiles_of_runs`] (one per worker thread).
#[derive(Debug, Default)]
pub struct HistogramScratch {
    counts: Vec<u32>,
    slot_of_bin: Vec<u8>,
    candidates: Vec<Vec<f32>>,
}

/// Order-statistic positions needed for the seven percentiles of `n` values: floor and
/// ceiling of `(n - 1) p`, sorted and unique, and how many there are.
fn wanted_positions(n: usize) -> ([usize; 14], usize) {
    let mut wanted = [0_usize; 14];
    let mut count = 0;
    for p in PERCENTILE_PROBABILITIES {
        let below = ((n - 1) as f64 * p).floor() as usize;
        for position in [below, below + 1] {
            if position < n && (count == 0 || wanted[count - 1] != position) {
                wanted[count] = position;
                count += 1;
            }
        }
    }
    // Positions come in non-decreasing order because the probabilities do.
    (wanted, count)
}

/// Interpolates the seven percentiles from a lookup of order statistics (by position).
fn interpolate(n: usize, order_statistic: impl Fn(usize) -> f64) -> [f64; 7] {
    let mut out = [0.0; 7];
    let mut previous = f64::NEG_INFINITY;
    for (slot, p) in out.iter_mut().zip(PERCENTILE_PROBABILITIES) {
        let position = (n - 1) as f64 * p;
        let below = position.floor() as usize;
        let fraction = position - below as f64;
        let low = order_statistic(below);
        let value = if below + 1 < n && fraction > 0.0 {
            let high = order_statistic(below + 1);
            (low + fraction * (high - low)).clamp(low, high)
        } else {
            low
        };
        *slot = value.max(previous);
        previous = *slot;
    }
    out
}

/// The seven percentiles of `n` values given as runs of slices, with their `min` and `max`,
/// exactly, in two streaming passes and no copy of the data: a histogram of [`BINS`] equal-width
/// bins between `min` and `max` finds the bin of each wanted order statistic; a second pass
/// collects only those bins' values, which are sorted to read the order statistics off.
///
/// The bin of a value, `floor((x - min) * scale)`, is monotone in `x`, so each bin holds a
/// contiguous stretch of the sorted values and the result is exact. A bin holding a point mass
/// (many equal values) costs a larger sort, never a wrong answer. Values must not be NaN.
pub(crate) fn percentiles_of_runs<'a>(
    runs: impl Iterator<Item = &'a [f32]> + Clone,
    n: usize,
    min: f32,
    max: f32,
    scratch: &mut HistogramScratch,
) -> [f64; 7] {
    if n == 0 {
        return [0.0; 7];
    }
    if min >= max {
        return [f64::from(min); 7];
    }
    // In f32 (twice the SIMD lanes of f64); a spread that overflows or a scale that is not
    // finite puts every value in bin 0, which stays exact (one big sort) for such odd data.
    let spread = max - min;
    let scale = BINS as f32 / spread;
    let scale = if spread.is_finite() && scale.is_finite() {
        scale
    } else {
        0.0
    };
    let top = (BINS - 1) as f32;
    // Bins of a block of values, computed branch-free so the loop vectorises.
    let bins_of = |values: &[f32], bins: &mut [u16; BLOCK]| {
        for (b, &x) in bins.iter_mut().zip(values) {
            *b = ((x - min) * scale).clamp(0.0, top) as u16;
        }
    };

    let counts = &mut scratch.counts;
    counts.clear();
    counts.resize(BINS, 0);
    let mut bins = [0_u16; BLOCK];
    for run in runs.clone() {
        for values in run.chunks(BLOCK) {
            bins_of(values, &mut bins);
            for &b in &bins[..values.len()] {
                counts[usize::from(b)] += 1;
            }
        }
    }

    // The bin of each wanted position and the number of values in earlier bins.
    let (wanted, count) = wanted_positions(n);
    let wanted = &wanted[..count];
    let mut position_bin = [(0_usize, 0_usize); 14];
    let mut before = 0_usize;
    let mut b = 0;
    for (i, &position) in wanted.iter().enumerate() {
        while b < BINS && before + counts[b] as usize <= position {
            before += counts[b] as usize;
            b += 1;
        }
        position_bin[i] = (b.min(BINS - 1), before);
    }

    let slot_of_bin = &mut scratch.slot_of_bin;
    slot_of_bin.clear();
    slot_of_bin.resize(BINS, NOT_WANTED);
    let mut slots = 0_usize;
    for &(b, _) in &position_bin[..count] {
        if slot_of_bin[b] == NOT_WANTED {
            slot_of_bin[b] = slots as u8;
            slots += 1;
        }
    }
    let candidates = &mut scratch.candidates;
    if candidates.len() < slots {
        candidates.resize_with(slots, Vec::new);
    }
    for slot in candidates.iter_mut() {
        slot.clear();
    }
    for run in runs {
        for values in run.chunks(BLOCK) {
            bins_of(values, &mut bins);
            for (&b, &x) in bins.iter().zip(values) {
                let slot = slot_of_bin[usize::from(b)];
                if slot != NOT_WANTED {
                    candidates[usize::from(slot)].push(x);
                }
            }
        }
    }
    for slot in candidates.iter_mut().take(slots) {
        slot.sort_unstable_by(f32::total_cmp);
    }
    interpolate(n, |position| {
        let i = wanted.iter().position(|w| *w == position).unwrap_or(0);
        let (b, before) = position_bin[i];
        let slot = &candidates[slot_of_bin[b] as usize];
        slot.get(position - before)
            .map_or(f64::NAN, |v| f64::from(*v))
    })
}

/// The seven percentiles of `values` by a full sort, in `f64` (reference and tests).
pub fn percentiles_by_sorting(values: &[f64]) -> [f64; 7] {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    let mut out = [0.0; 7];
    if n == 0 {
        return out;
    }
    for (slot, p) in out.iter_mut().zip(PERCENTILE_PROBABILITIES) {
        let position = (n - 1) as f64 * p;
        let below = position.floor() as usize;
        let fraction = position - below as f64;
        *slot = if below + 1 < n {
            sorted[below] + fraction * (sorted[below + 1] - sorted[below])
        } else {
            sorted[below]
        };
    }
    out
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact results are the point of these tests
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The histogram path, with the values cut into runs of `run` values.
    fn by_histogram(values: &[f32], run: usize) -> [f64; 7] {
        let min = values.iter().copied().fold(f32::INFINITY, f32::min);
        let max = values.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mut scratch = HistogramScratch::default();
        percentiles_of_runs(
            values.chunks(run.max(1)),
            values.len(),
            min,
            max,
            &mut scratch,
        )
    }

    #[test]
    fn histogram_handles_point_masses_infinities_and_constants() {
        // 60% zeros (a clamp at 0) and a spread: P5..P50 are 0.
        let mut values: Vec<f32> = (0..10_000)
            .map(|i| if i % 5 < 3 { 0.0 } else { i as f32 })
            .collect();
        values.push(f32::INFINITY);
        values.push(f32::NEG_INFINITY);
        let wide: Vec<f64> = values.iter().map(|v| f64::from(*v)).collect();
        assert_eq!(by_histogram(&values, 97), percentiles_by_sorting(&wide));
        assert_eq!(by_histogram(&[3.5; 1000], 10), [3.5; 7]);
        assert_eq!(by_histogram(&[2.0], 1), [2.0; 7]);
    }

    #[test]
    fn interpolates_like_numpy() {
        // n = 5 values 10, 20, 30, 40, 50: position 4p.
        // p5: 0.2 -> 10 + 0.2 * 10 = 12; p10: 0.4 -> 14; p25: 1 -> 20; p50: 2 -> 30;
        // p75: 3 -> 40; p90: 3.6 -> 46; p95: 3.8 -> 48.
        let got = by_histogram(&[50.0, 10.0, 40.0, 20.0, 30.0], 2);
        let expected = [12.0, 14.0, 20.0, 30.0, 40.0, 46.0, 48.0];
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() < 1e-12, "{got:?}");
        }
        assert_eq!(by_histogram(&[7.0], 1), [7.0; 7]);
    }

    proptest! {
        #[test]
        fn histogram_matches_sorting_and_is_ordered(values in prop::collection::vec(-1e6_f32..1e6, 1..400)) {
            let got = by_histogram(&values, 37);
            let wide: Vec<f64> = values.iter().map(|v| f64::from(*v)).collect();
            let expected = percentiles_by_sorting(&wide);
            for (g, e) in got.iter().zip(expected) {
                prop_assert!((g - e).abs() <= 1e-9 * e.abs().max(1.0), "{got:?} vs {expected:?}");
            }
            for pair in got.windows(2) {
                prop_assert!(pair[0] <= pair[1]);
            }
            prop_assert!(got.iter().all(|v| !v.is_nan()));
        }
    }
}
