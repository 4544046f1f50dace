//! Summary statistics of Monte Carlo draws: mean and the seven percentiles, by exact selection.
//!
//! Percentiles use linear interpolation between order statistics at position `(n - 1) p`
//! (MODEL.md; the default of `NumPy`). Values arrive as `f32` deltas from the deterministic value and
//! are mapped to `u32` keys whose integer order is the float order, so selection runs on plain
//! integers; `select_nth_unstable` on nested sub-ranges finds the (up to 14) order statistics
//! needed in a few linear passes instead of a full sort.

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

/// Maps a float to a key whose unsigned order is the float's total order.
#[inline]
pub(crate) fn key(value: f32) -> u32 {
    let bits = value.to_bits();
    if bits & 0x8000_0000 == 0 {
        bits | 0x8000_0000
    } else {
        !bits
    }
}

/// Inverse of [`key`].
#[inline]
fn from_key(key: u32) -> f32 {
    if key & 0x8000_0000 == 0 {
        f32::from_bits(!key)
    } else {
        f32::from_bits(key & 0x7FFF_FFFF)
    }
}

/// The seven percentiles of the values whose keys are `keys` (reordered in place), as `f64`.
///
/// Each interpolated value is kept between its two order statistics, and the seven are made
/// non-decreasing, so rounding can never put P10 below P5. Empty input gives zeros.
pub(crate) fn percentiles_of_keys(keys: &mut [u32]) -> [f64; 7] {
    let n = keys.len();
    if n == 0 {
        return [0.0; 7];
    }
    // Order-statistic positions needed: floor and ceiling of (n - 1) p for each p.
    let mut wanted = [0_usize; 14];
    let mut count = 0;
    for p in PERCENTILE_PROBABILITIES {
        let position = (n - 1) as f64 * p;
        let below = position.floor() as usize;
        wanted[count] = below;
        count += 1;
        if below + 1 < n {
            wanted[count] = below + 1;
            count += 1;
        }
    }
    let wanted = &mut wanted[..count];
    wanted.sort_unstable();
    let mut unique = [0_usize; 14];
    let mut unique_count = 0;
    for &w in wanted.iter() {
        if unique_count == 0 || unique[unique_count - 1] != w {
            unique[unique_count] = w;
            unique_count += 1;
        }
    }
    select_positions(keys, 0, &unique[..unique_count]);

    let mut out = [0.0; 7];
    let mut previous = f64::NEG_INFINITY;
    for (slot, p) in out.iter_mut().zip(PERCENTILE_PROBABILITIES) {
        let position = (n - 1) as f64 * p;
        let below = position.floor() as usize;
        let fraction = position - below as f64;
        let low = f64::from(from_key(keys[below]));
        let value = if below + 1 < n && fraction > 0.0 {
            let high = f64::from(from_key(keys[below + 1]));
            (low + fraction * (high - low)).clamp(low, high)
        } else {
            low
        };
        *slot = value.max(previous);
        previous = *slot;
    }
    out
}

/// Puts the order statistics at the absolute positions `wanted` (sorted, unique, each within
/// `offset..offset + keys.len()`) in place, by selecting the middle one and recursing either side.
fn select_positions(keys: &mut [u32], offset: usize, wanted: &[usize]) {
    if wanted.is_empty() || keys.is_empty() {
        return;
    }
    let middle = wanted.len() / 2;
    let at = wanted[middle] - offset;
    let (left, _, right) = keys.select_nth_unstable(at);
    select_positions(left, offset, &wanted[..middle]);
    select_positions(right, offset + at + 1, &wanted[middle + 1..]);
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

    fn by_selection(values: &[f32]) -> [f64; 7] {
        let mut keys: Vec<u32> = values.iter().map(|v| key(*v)).collect();
        percentiles_of_keys(&mut keys)
    }

    #[test]
    fn keys_preserve_order_and_round_trip() {
        let values = [
            f32::NEG_INFINITY,
            -3.5,
            -1e-30,
            -0.0,
            0.0,
            1e-30,
            2.0,
            f32::INFINITY,
        ];
        for pair in values.windows(2) {
            assert!(key(pair[0]) < key(pair[1]), "{pair:?}");
        }
        for v in values {
            assert_eq!(from_key(key(v)).to_bits(), v.to_bits());
        }
    }

    #[test]
    fn interpolates_like_numpy() {
        // n = 5 values 10, 20, 30, 40, 50: position 4p.
        // p5: 0.2 -> 10 + 0.2 * 10 = 12; p10: 0.4 -> 14; p25: 1 -> 20; p50: 2 -> 30;
        // p75: 3 -> 40; p90: 3.6 -> 46; p95: 3.8 -> 48.
        let got = by_selection(&[50.0, 10.0, 40.0, 20.0, 30.0]);
        let expected = [12.0, 14.0, 20.0, 30.0, 40.0, 46.0, 48.0];
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() < 1e-12, "{got:?}");
        }
        assert_eq!(by_selection(&[7.0]), [7.0; 7]);
    }

    proptest! {
        #[test]
        fn selection_matches_sorting_and_is_ordered(values in prop::collection::vec(-1e6_f32..1e6, 1..400)) {
            let got = by_selection(&values);
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
