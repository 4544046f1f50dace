//! Equal-width histogram bins whose index is a non-decreasing function of the value.

/// Equal-width bins between `lo` and `lo + bins / scale`; bin 0 holds values below, bin
/// `bins + 1` values at or above. `scale == 0` (no spread) gives three bins: below, at, above.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Layout {
    lo: f64,
    scale: f64,
    bins: usize,
}

/// 2^52: added to a number in `0..2^31`, leaves it rounded to an integer in the low bits.
const ROUNDING: f64 = 4_503_599_627_370_496.0;

impl Layout {
    pub fn new(min: f64, max: f64, bins: usize) -> Self {
        let spread = max - min;
        let scale = bins as f64 / spread;
        if min.is_finite() && spread > 0.0 && spread.is_finite() && scale.is_finite() {
            Self {
                lo: min,
                scale,
                bins,
            }
        } else {
            Self {
                lo: min,
                scale: 0.0,
                bins: 1,
            }
        }
    }

    /// Number of bins, the two outer ones included.
    pub fn len(&self) -> usize {
        self.bins + 2
    }

    /// The bin of `x`: non-decreasing in `x`, so each bin holds a run of the sorted values.
    /// `floor((x - lo) * scale + 1)` clamped to the bins, computed as the rounding of
    /// `(x - lo) * scale + 0.5` (a value exactly on an edge may fall in either bin): adding
    /// 2^52 rounds a number in `0..2^31` to an integer in the low bits, which vectorises where
    /// a float-to-integer conversion does not. NaN falls in bin 0.
    #[inline]
    pub fn bin(&self, x: f64) -> usize {
        if self.scale == 0.0 {
            return usize::from(x >= self.lo) + usize::from(x > self.lo);
        }
        let y = ((x - self.lo) * self.scale + 0.5)
            .max(0.0)
            .min((self.bins + 1) as f64);
        (y + ROUNDING).to_bits() as u32 as usize
    }

    /// The bin of each value of `run` into `out` (as [`bin`](Self::bin); `out` at least as long
    /// as `run`), with the no-spread case decided once, so the loop vectorises.
    #[inline]
    pub fn bins_into(&self, run: &[f64], out: &mut [u32]) {
        if self.scale == 0.0 {
            for (slot, &x) in out.iter_mut().zip(run) {
                *slot = self.bin(x) as u32;
            }
            return;
        }
        let (lo, scale, top) = (self.lo, self.scale, (self.bins + 1) as f64);
        for (slot, &x) in out.iter_mut().zip(run) {
            let y = ((x - lo) * scale + 0.5).max(0.0).min(top);
            *slot = (y + ROUNDING).to_bits() as u32;
        }
    }

    /// Roughly the values bin `b` holds, given the series' extremes (for finer bins inside it;
    /// a value mapped to the bin but outside this range falls in an outer finer bin).
    pub fn range(&self, b: usize, min: f64, max: f64) -> (f64, f64) {
        if self.scale == 0.0 {
            return match b {
                0 => (min, self.lo),
                1 => (self.lo, self.lo),
                _ => (self.lo, max),
            };
        }
        let edge = |i: usize| self.lo + i as f64 / self.scale;
        match b {
            0 => (min, self.lo),
            b if b > self.bins => (edge(self.bins), max),
            b => (edge(b - 1), edge(b)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bins_are_in_order_of_the_values_and_hold_the_extremes() {
        // 10 inner bins over 0..10: bin 1 holds [0, 1), bin 10 holds [9, 10), 0 and 11 the rest.
        let layout = Layout::new(0.0, 10.0, 10);
        assert_eq!(layout.len(), 12);
        assert_eq!(layout.bin(0.25), 1);
        assert_eq!(layout.bin(4.5), 5);
        assert_eq!(layout.bin(9.75), 10);
        assert_eq!(layout.bin(-0.25), 0);
        assert_eq!(layout.bin(10.25), 11);
        for x in [f64::NEG_INFINITY, -1e300, f64::MIN, f64::NAN] {
            assert_eq!(layout.bin(x), 0, "{x}");
        }
        for x in [1e300, f64::MAX, f64::INFINITY] {
            assert_eq!(layout.bin(x), 11, "{x}");
        }
        // Non-decreasing over a fine sweep, edges included.
        let mut previous = 0;
        for i in -200..=1200 {
            let b = layout.bin(f64::from(i) / 100.0);
            assert!(
                b >= previous && b < layout.len(),
                "{i}: {b} after {previous}"
            );
            previous = b;
        }
        // The run form gives the same bins as one by one, edges and outer values included.
        let run: Vec<f64> = (-40..=240)
            .map(|i| f64::from(i) / 20.0)
            .chain([f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300])
            .collect();
        for layout in [layout, Layout::new(3.0, 3.0, 10)] {
            let mut bins = vec![0_u32; run.len()];
            layout.bins_into(&run, &mut bins);
            for (&x, &b) in run.iter().zip(&bins) {
                assert_eq!(b as usize, layout.bin(x), "{x}");
            }
        }
        // No spread: below, at, above.
        let point = Layout::new(3.0, 3.0, 10);
        assert_eq!([point.bin(2.0), point.bin(3.0), point.bin(4.0)], [0, 1, 2]);
    }
}
