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
