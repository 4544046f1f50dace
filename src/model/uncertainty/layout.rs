//! Equal-width histogram bins whose index is a non-decreasing function of the value.

/// Equal-width bins between `lo` and `lo + bins / scale`; bin 0 holds values below, bin
/// `bins + 1` values at or above. `scale == 0` (no spread) gives three bins: below, at, above.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Layout {
    lo: f64,
    scale: f64,
    bins: usize,
}

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
    #[inline]
    pub fn bin(&self, x: f64) -> usize {
        if self.scale == 0.0 {
            return usize::from(x >= self.lo) + usize::from(x > self.lo);
        }
        // Through i32: one conversion instruction (the clamp keeps it in range).
        ((x - self.lo) * self.scale + 1.0).clamp(0.0, (self.bins + 1) as f64) as i32 as usize
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
