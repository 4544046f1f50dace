//! Pass one over the draws, for one output series: exact sums and extremes, a histogram, and the
//! values of the few bins that can still hold a wanted order statistic.
//!
//! The first wave of draws is the pilot: its minimum and maximum fix equal-width bins (plus one
//! bin below and one above). Every bin starts out *collected*; after each wave the bins that can
//! no longer hold a wanted rank, by a wide margin (see [`window`]), stop being collected and
//! their values are dropped. A bin is either collected from the first draw or not at all, so a
//! collected bin holds all its values and the order statistics in it are exact. A series whose
//! collected values outgrow its share of the memory budget stops collecting; its order
//! statistics are then found by later passes (`targets`).
//!
//! Each bin also remembers its first value and whether any other value has fallen in it: a bin
//! of equal values (a point mass: outputs that take a few distinct values, such as rounding
//! noise around zero) gives its order statistics at once, without collecting anything.

use super::percentiles::{CompensatedSum, Ranks, mean_and_error};

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
        ((x - self.lo) * self.scale + 1.0).clamp(0.0, (self.bins + 1) as f64) as usize
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

/// Fixed facts of one run that every series' accumulator needs.
#[derive(Debug)]
pub(super) struct Plan {
    pub ranks: Ranks,
    /// Inner bins of the histogram.
    pub bins: usize,
    /// Most values one series may collect in pass one.
    pub cap: usize,
}

/// A wanted order statistic not yet found: it lies in bin `bin` of `layout`, after `before`
/// values of lower bins; the bin holds `count` values.
#[derive(Clone, Copy, Debug)]
pub(super) struct Pending {
    pub rank: usize,
    pub bin: usize,
    pub before: usize,
    pub count: usize,
}

/// What pass one knows of a series at the end.
#[derive(Debug)]
pub(super) struct Finished {
    pub mean: f64,
    pub std_error: f64,
    /// Mean of the series times a constant factor (value at stake from revenue delta).
    pub scaled_mean: Option<f64>,
    pub min: f64,
    pub max: f64,
    pub layout: Layout,
    /// The order statistic of each of `plan.ranks`, NaN where still pending.
    pub order: Vec<f64>,
    pub pending: Vec<Pending>,
}

/// One histogram bin: its count, its first value, whether a different value followed, and
/// whether its values are still collected. 16 bytes: one cache access per value.
#[derive(Clone, Copy, Debug, Default)]
struct Bin {
    count: u32,
    mixed: bool,
    keep: bool,
    first: f64,
}

/// Pass-one state of one series.
#[derive(Debug)]
pub(super) struct Accumulator {
    sum: CompensatedSum,
    shift: f64,
    shifted: f64,
    shifted_sq: f64,
    scaled: Option<(f64, CompensatedSum)>,
    min: f64,
    max: f64,
    at_min: usize,
    at_max: usize,
    seen: usize,
    /// Narrow the collected bins once `seen` reaches this.
    next_narrow: usize,
    layout: Option<Layout>,
    bins: Vec<Bin>,
    /// The values of the kept bins that are mixed.
    buffer: Vec<f64>,
    collecting: bool,
}

impl Accumulator {
    /// `shift`: a typical value (the deterministic one) for a well-conditioned variance;
    /// `factor`: also sum `factor * value` for a derived series' mean.
    pub fn new(shift: f64, factor: Option<f64>) -> Self {
        Self {
            sum: CompensatedSum::default(),
            shift: if shift.is_finite() { shift } else { 0.0 },
            shifted: 0.0,
            shifted_sq: 0.0,
            scaled: factor.map(|f| (f, CompensatedSum::default())),
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
            at_min: 0,
            at_max: 0,
            seen: 0,
            next_narrow: 0,
            layout: None,
            bins: Vec::new(),
            buffer: Vec::new(),
            collecting: true,
        }
    }

    /// Adds one wave of the series' values, in draw order (`runs` in order), then (from time to
    /// time, and after the last wave) narrows the collected bins to those that may hold a
    /// wanted rank.
    pub fn feed<'a>(&mut self, plan: &Plan, runs: impl Iterator<Item = &'a [f64]> + Clone) {
        let layout = *self.layout.get_or_insert_with(|| {
            let (lo, hi) = runs
                .clone()
                .flatten()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &x| {
                    (lo.min(x), hi.max(x))
                });
            Layout::new(lo, hi, plan.bins)
        });
        if self.bins.is_empty() {
            let bin = Bin {
                keep: true,
                ..Bin::default()
            };
            self.bins = vec![bin; layout.len()];
        }
        // Locals, so the loop keeps them in registers.
        let (mut sum, shift, mut shifted, mut shifted_sq) =
            (self.sum, self.shift, self.shifted, self.shifted_sq);
        let (mut min, mut max, mut at_min, mut at_max) =
            (self.min, self.max, self.at_min, self.at_max);
        let collecting = self.collecting;
        let bins = &mut self.bins;
        // Read the bins once in order first: the hardware prefetcher brings them into cache far
        // faster than the scattered first touches of the loop below would.
        std::hint::black_box(bins.iter().fold(0_u32, |total, bin| total ^ bin.count));
        let buffer = &mut self.buffer;
        for run in runs {
            self.seen += run.len();
            for &x in run {
                sum.add(x);
                let d = x - shift;
                shifted += d;
                shifted_sq += d * d;
                if x <= min {
                    if x < min {
                        min = x;
                        at_min = 0;
                    }
                    at_min += 1;
                }
                if x >= max {
                    if x > max {
                        max = x;
                        at_max = 0;
                    }
                    at_max += 1;
                }
                let Some(bin) = bins.get_mut(layout.bin(x)) else {
                    continue;
                };
                let before = bin.count;
                bin.count = before + 1;
                if before == 0 {
                    bin.first = x;
                } else if bin.mixed {
                    if collecting && bin.keep {
                        buffer.push(x);
                    }
                } else if x.to_bits() != bin.first.to_bits() {
                    bin.mixed = true;
                    if collecting && bin.keep {
                        buffer.extend(std::iter::repeat_n(bin.first, before as usize));
                        buffer.push(x);
                    }
                }
            }
            if let Some((factor, scaled)) = &mut self.scaled {
                for &x in run {
                    scaled.add(*factor * x);
                }
            }
        }
        (self.sum, self.shifted, self.shifted_sq) = (sum, shifted, shifted_sq);
        (self.min, self.max, self.at_min, self.at_max) = (min, max, at_min, at_max);
        if self.collecting && (self.seen >= self.next_narrow || self.seen >= plan.ranks.n) {
            self.narrow(plan, layout);
            self.next_narrow = self.seen + self.seen / 4;
        }
    }

    /// Stops collecting the bins no wanted rank can fall in (given the draws seen so far).
    fn narrow(&mut self, plan: &Plan, layout: Layout) {
        let cumulative = cumulative(&self.bins);
        let mut mark = vec![false; self.bins.len()];
        for &rank in &plan.ranks.ranks {
            let (low, high) = window(rank, plan.ranks.n, self.seen);
            let first = bin_of_rank(&cumulative, low);
            let last = bin_of_rank(&cumulative, high);
            for m in &mut mark[first..=last.max(first)] {
                *m = true;
            }
        }
        for (bin, mark) in self.bins.iter_mut().zip(mark) {
            bin.keep &= mark;
        }
        let bins = &self.bins;
        self.buffer
            .retain(|x| bins.get(layout.bin(*x)).is_some_and(|b| b.keep));
        if self.buffer.len() > plan.cap {
            self.collecting = false;
            self.buffer = Vec::new();
        }
    }

    /// The summary pass one can give: exact mean, extremes, and every wanted order statistic
    /// that is an extreme or lies in a collected bin; the rest as [`Pending`].
    pub fn finish(mut self, plan: &Plan) -> Finished {
        let n = self.seen;
        // Every value equal (bit for bit in its extremes): report it exactly.
        let constant = self.min.to_bits() == self.max.to_bits();
        let total = self.sum.total();
        let (mean, std_error) = mean_and_error(n, total, self.shifted, self.shifted_sq);
        let mean = if constant { self.min } else { mean };
        let std_error = if constant { 0.0 } else { std_error };
        let scaled_mean = self.scaled.map(|(factor, sum)| {
            if constant {
                factor * self.min
            } else {
                sum.total() / n as f64
            }
        });
        let layout = self.layout.unwrap_or(Layout::new(0.0, 0.0, 1));
        let cumulative = cumulative(&self.bins);
        self.buffer.sort_unstable_by(f64::total_cmp);
        let mut order = Vec::with_capacity(plan.ranks.ranks.len());
        let mut pending = Vec::new();
        for &rank in &plan.ranks.ranks {
            if rank < self.at_min {
                order.push(self.min);
                continue;
            }
            if rank + self.at_max >= n {
                order.push(self.max);
                continue;
            }
            let b = bin_of_rank(&cumulative, rank);
            let before = if b == 0 { 0 } else { cumulative[b - 1] };
            let bin = self.bins.get(b).copied().unwrap_or_default();
            if !bin.mixed {
                order.push(bin.first);
            } else if self.collecting && bin.keep {
                let earlier: usize = self.bins[..b]
                    .iter()
                    .filter(|i| i.keep && i.mixed)
                    .map(|i| i.count as usize)
                    .sum();
                let value = self.buffer.get(earlier + rank - before).copied();
                order.push(value.unwrap_or(f64::NAN));
            } else {
                order.push(f64::NAN);
                pending.push(Pending {
                    rank,
                    bin: b,
                    before,
                    count: bin.count as usize,
                });
            }
        }
        Finished {
            mean,
            std_error,
            scaled_mean,
            min: self.min,
            max: self.max,
            layout,
            order,
            pending,
        }
    }
}

/// Running totals of the counts: entry `b` is the number of values in bins `0..=b`.
fn cumulative(bins: &[Bin]) -> Vec<usize> {
    bins.iter()
        .scan(0_usize, |total, bin| {
            *total += bin.count as usize;
            Some(*total)
        })
        .collect()
}

/// The bin holding the value of 0-based rank `rank` (the last bin if past the end).
pub(super) fn bin_of_rank(cumulative: &[usize], rank: usize) -> usize {
    cumulative
        .partition_point(|c| *c <= rank)
        .min(cumulative.len().saturating_sub(1))
}

/// Standard deviations of margin around a rank's predicted place in the draws seen so far.
const MARGIN_SIGMAS: f64 = 6.0;
/// Ranks of margin beyond that, for small counts.
const MARGIN_RANKS: f64 = 16.0;

/// The ranks, among the `seen` draws so far, where rank `rank` of all `n` draws can still be.
/// The draws are exchangeable, so the first `seen` are a random subset of all `n`: the number
/// of them below the final order statistic is hypergeometric, mean `p seen` with `p = rank /
/// (n - 1)`, variance `seen p (1 - p) (n - seen) / (n - 1)`. The window is that mean plus or
/// minus six standard deviations and 16 ranks (a miss costs a later pass, never a wrong
/// answer). With every draw seen, exactly `rank`.
fn window(rank: usize, n: usize, seen: usize) -> (usize, usize) {
    if seen >= n || n < 2 || seen == 0 {
        return (
            rank.min(seen.saturating_sub(1)),
            rank.min(seen.saturating_sub(1)),
        );
    }
    let p = rank as f64 / (n - 1) as f64;
    let predicted = p * (seen - 1) as f64;
    let variance = seen as f64 * p * (1.0 - p) * (n - seen) as f64 / (n - 1) as f64;
    let margin = MARGIN_SIGMAS * variance.sqrt() + MARGIN_RANKS;
    let low = (predicted - margin).floor().max(0.0) as usize;
    let high = ((predicted + margin).ceil() as usize).min(seen - 1);
    (low, high)
}
