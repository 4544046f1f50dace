//! Summary statistics of Monte Carlo draws: mean, its standard error, the seven percentiles and
//! an interval for the median, from exact order statistics.
//!
//! Percentiles use linear interpolation between order statistics at position `(n - 1) p`
//! (MODEL.md; the default of `NumPy`). Which order statistics a summary needs depends only on
//! `n` ([`Ranks`]); the engine finds them exactly without sorting all draws (see `simulate`).

/// Probabilities of the summary percentiles, in the order of [`Stats::percentiles`].
pub const PERCENTILE_PROBABILITIES: [f64; 7] = [0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95];

/// Half-width of the median's interval in standard errors of a binomial proportion (95%).
const MEDIAN_Z: f64 = 1.96;

/// The summary of one output (year, provider, measure) over all draws.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stats {
    pub mean: f64,
    /// Monte Carlo standard error of the mean: sample standard deviation / sqrt(n).
    pub std_error: f64,
    pub p5: f64,
    pub p10: f64,
    pub p25: f64,
    pub p50: f64,
    pub p75: f64,
    pub p90: f64,
    pub p95: f64,
    /// A distribution-free 95% interval for the true median: the order statistics of ranks
    /// `floor(n/2 - 0.98 sqrt n)` and `ceil(1 + n/2 + 0.98 sqrt n)` (1-based, clamped to 1..=n).
    pub median_low: f64,
    pub median_high: f64,
}

impl Stats {
    /// Every statistic equal to `value` (an output no draw moves), standard error 0.
    pub const fn constant(value: f64) -> Self {
        Self {
            mean: value,
            std_error: 0.0,
            p5: value,
            p10: value,
            p25: value,
            p50: value,
            p75: value,
            p90: value,
            p95: value,
            median_low: value,
            median_high: value,
        }
    }

    /// P5, P10, P25, P50, P75, P90, P95, in the order of [`PERCENTILE_PROBABILITIES`].
    pub const fn percentiles(&self) -> [f64; 7] {
        [
            self.p5, self.p10, self.p25, self.p50, self.p75, self.p90, self.p95,
        ]
    }
}

/// `low + fraction (high - low)`, kept within `[low, high]` (exactly `low` when they are equal).
#[inline]
fn interpolate(low: f64, high: f64, fraction: f64) -> f64 {
    if fraction > 0.0 && high > low {
        (low + fraction * (high - low)).clamp(low, high)
    } else {
        low
    }
}

/// The order statistics (0-based ranks) a summary of `n` draws needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Ranks {
    pub n: usize,
    /// Sorted, unique.
    pub ranks: Vec<usize>,
}

impl Ranks {
    pub fn new(n: usize) -> Self {
        let mut ranks = Vec::with_capacity(18);
        if n > 0 {
            for p in PERCENTILE_PROBABILITIES {
                let (below, _) = position(n, p);
                ranks.push(below);
                ranks.push((below + 1).min(n - 1));
            }
            let (low, high) = median_ranks(n);
            ranks.extend([low, high, 0, n - 1]);
        }
        ranks.sort_unstable();
        ranks.dedup();
        Self { n, ranks }
    }

    /// The summary from the order statistics `values[i]` of rank `self.ranks[i]`, the mean and
    /// its standard error.
    pub fn stats(&self, values: &[f64], mean: f64, std_error: f64) -> Stats {
        let at = |rank: usize| {
            self.ranks
                .binary_search(&rank)
                .ok()
                .and_then(|i| values.get(i).copied())
                .unwrap_or(f64::NAN)
        };
        let p = PERCENTILE_PROBABILITIES.map(|p| {
            let (below, fraction) = position(self.n, p);
            let low = at(below);
            if below + 1 < self.n {
                interpolate(low, at(below + 1), fraction)
            } else {
                low
            }
        });
        let (low, high) = median_ranks(self.n);
        Stats {
            mean,
            std_error,
            p5: p[0],
            p10: p[1],
            p25: p[2],
            p50: p[3],
            p75: p[4],
            p90: p[5],
            p95: p[6],
            median_low: at(low),
            median_high: at(high),
        }
    }
}

/// Rank below position `(n - 1) p` and the fraction past it.
fn position(n: usize, p: f64) -> (usize, f64) {
    let position = (n.saturating_sub(1)) as f64 * p;
    let below = position.floor();
    (below as usize, position - below)
}

/// 0-based ranks of the median interval's ends.
fn median_ranks(n: usize) -> (usize, usize) {
    let half = n as f64 / 2.0;
    let spread = MEDIAN_Z / 2.0 * (n as f64).sqrt();
    let low = ((half - spread).floor().max(1.0) as usize).min(n);
    let high = ((1.0 + half + spread).ceil().max(1.0) as usize).min(n);
    (low.saturating_sub(1), high.saturating_sub(1))
}

/// Mean and standard error from running sums: `sum` of the values (compensated), and the sum
/// and sum of squares of `value - shift` for the variance.
pub(crate) fn mean_and_error(n: usize, sum: f64, shifted: f64, shifted_sq: f64) -> (f64, f64) {
    if n == 0 {
        return (f64::NAN, f64::NAN);
    }
    let count = n as f64;
    let mean = sum / count;
    if n < 2 {
        return (mean, 0.0);
    }
    let variance = ((shifted_sq - shifted * shifted / count) / (count - 1.0)).max(0.0);
    (mean, (variance / count).sqrt())
}

/// A Neumaier-compensated running sum: accurate to about one rounding of the total, whatever the
/// number of terms. Added to in a fixed order, it gives the same bits every time.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CompensatedSum {
    sum: f64,
    compensation: f64,
}

impl CompensatedSum {
    #[inline]
    pub fn add(&mut self, x: f64) {
        let t = self.sum + x;
        if self.sum.abs() >= x.abs() {
            self.compensation += (self.sum - t) + x;
        } else {
            self.compensation += (x - t) + self.sum;
        }
        self.sum = t;
    }

    pub fn total(self) -> f64 {
        self.sum + self.compensation
    }
}

/// The seven percentiles of `values` by a full sort, in `f64` (reference and tests).
pub fn percentiles_by_sorting(values: &[f64]) -> [f64; 7] {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n == 0 {
        return [0.0; 7];
    }
    PERCENTILE_PROBABILITIES.map(|p| {
        let (below, fraction) = position(n, p);
        if below + 1 < n {
            interpolate(sorted[below], sorted[below + 1], fraction)
        } else {
            sorted[below]
        }
    })
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact results are the point of these tests
mod tests {
    use super::*;

    fn by_ranks(values: &[f64]) -> Stats {
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        let ranks = Ranks::new(values.len());
        let order: Vec<f64> = ranks.ranks.iter().map(|r| sorted[*r]).collect();
        ranks.stats(&order, 0.0, 0.0)
    }

    #[test]
    fn interpolates_like_numpy() {
        // n = 5 values 10, 20, 30, 40, 50: position 4p.
        // p5: 0.2 -> 10 + 0.2 * 10 = 12; p10: 0.4 -> 14; p25: 1 -> 20; p50: 2 -> 30;
        // p75: 3 -> 40; p90: 3.6 -> 46; p95: 3.8 -> 48.
        let got = by_ranks(&[50.0, 10.0, 40.0, 20.0, 30.0]).percentiles();
        let expected = [12.0, 14.0, 20.0, 30.0, 40.0, 46.0, 48.0];
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() < 1e-12, "{got:?}");
        }
        assert_eq!(got, percentiles_by_sorting(&[50.0, 10.0, 40.0, 20.0, 30.0]));
        assert_eq!(by_ranks(&[7.0]).percentiles(), [7.0; 7]);
    }

    #[test]
    fn median_interval_follows_the_order_statistic_formula() {
        // n = 100: 50 -/+ 0.98 * 10 = 40.2 and 60.8: ranks floor(40.2) = 40 and
        // ceil(1 + 59.8) = 61 (1-based), values 40 and 61 for the values 1..=100.
        let values: Vec<f64> = (1..=100).map(f64::from).collect();
        let stats = by_ranks(&values);
        assert_eq!((stats.median_low, stats.median_high), (40.0, 61.0));
        // n = 1: both ends are the one value.
        assert_eq!(median_ranks(1), (0, 0));
    }

    #[test]
    fn equal_values_give_exactly_that_value() {
        let v = 0.1 + 0.2; // not representable in f32
        let stats = by_ranks(&[v; 1001]);
        assert_eq!(stats.percentiles(), [v; 7]);
        assert_eq!((stats.median_low, stats.median_high), (v, v));
    }

    #[test]
    fn mean_and_error_by_hand() {
        // Values 1, 2, 3, 4 shifted by 2: d = -1, 0, 1, 2; sum 2, squares 6.
        // Variance (6 - 4 / 4) / 3 = 5 / 3; standard error sqrt(5 / 12).
        let (mean, error) = mean_and_error(4, 10.0, 2.0, 6.0);
        assert_eq!(mean, 2.5);
        assert!((error - (5.0_f64 / 12.0).sqrt()).abs() < 1e-15);
        let mut sum = CompensatedSum::default();
        for x in [1e16, 1.0, -1e16, 1.0] {
            sum.add(x);
        }
        assert_eq!(sum.total(), 2.0);
    }
}
