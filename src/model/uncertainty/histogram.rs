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

use super::collected::Collected;
use super::engine::{CHUNK_DRAWS, WaveValues};
pub(super) use super::layout::Layout;
use super::percentiles::{CompensatedSum, Ranks, mean_and_error};

/// Fixed facts of one run that every series' accumulator needs.
#[derive(Debug)]
pub(super) struct Plan {
    pub ranks: Ranks,
    /// Inner bins of the histogram.
    pub bins: usize,
    /// Most values one series may collect in pass one (0: collect nothing in pass one).
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

/// One histogram bin in 32 bits: its count (the low 30 bits) and its [`state`](MIXED), so a
/// series' bins (a few thousand) take a few KiB and stay in cache. Its first value is kept
/// apart (`Accumulator::firsts`), read only until the bin is mixed.
#[derive(Clone, Copy, Debug, Default)]
struct Bin(u32);

/// State bit: a value different from the first has fallen in the bin.
const MIXED: u32 = 1 << 30;
/// State bit: the bin's values are collected.
const KEEP: u32 = 1 << 31;
/// The count's bits (at most a million draws: far below 2^30).
const COUNT: u32 = MIXED - 1;

impl Bin {
    fn count(self) -> u32 {
        self.0 & COUNT
    }

    fn mixed(self) -> bool {
        self.0 & MIXED != 0
    }

    fn keep(self) -> bool {
        self.0 & KEEP != 0
    }
}

/// Sum of `run`, and of `x - shift` and its square, in four independent lanes (so the loop
/// vectorises; the order is fixed, so the bits are too).
/// Without `SCALED` the fourth sum is 0 (only a derived series needs it).
#[inline]
fn run_sums<const SCALED: bool>(run: &[f64], shift: f64, factor: f64) -> [f64; 4] {
    let mut lanes = [[0.0_f64; 4]; 4];
    let chunks = run.chunks_exact(4);
    let rest = chunks.remainder();
    for chunk in chunks {
        for k in 0..4 {
            let x = chunk[k];
            let d = x - shift;
            lanes[0][k] += x;
            lanes[1][k] += d;
            lanes[2][k] += d * d;
            if SCALED {
                lanes[3][k] += factor * x;
            }
        }
    }
    for &x in rest {
        let d = x - shift;
        lanes[0][0] += x;
        lanes[1][0] += d;
        lanes[2][0] += d * d;
        if SCALED {
            lanes[3][0] += factor * x;
        }
    }
    lanes.map(|l| (l[0] + l[1]) + (l[2] + l[3]))
}

/// Least and greatest of `run` (NaN ignored), in four independent lanes: a single chain of
/// `min` would wait on each comparison in turn.
#[inline]
fn run_extremes(run: &[f64]) -> (f64, f64) {
    let mut low = [f64::INFINITY; 4];
    let mut high = [f64::NEG_INFINITY; 4];
    let chunks = run.chunks_exact(4);
    let rest = chunks.remainder();
    for chunk in chunks {
        for k in 0..4 {
            low[k] = low[k].min(chunk[k]);
            high[k] = high[k].max(chunk[k]);
        }
    }
    for &x in rest {
        low[0] = low[0].min(x);
        high[0] = high[0].max(x);
    }
    (
        low[0].min(low[1]).min(low[2].min(low[3])),
        high[0].max(high[1]).max(high[2].max(high[3])),
    )
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
    /// Length of the buffer after it was last compacted (values of dropped bins removed).
    compacted: usize,
    layout: Option<Layout>,
    bins: Vec<Bin>,
    /// Each bin's first value.
    firsts: Vec<f64>,
    /// The values of the kept bins that are mixed.
    collected: Collected,
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
            compacted: 0,
            layout: None,
            bins: Vec::new(),
            firsts: Vec::new(),
            collected: Collected::default(),
            collecting: true,
        }
    }

    /// Adds one wave of the series' values, in draw order, then (from time to
    /// time, and after the last wave) narrows the collected bins to those that may hold a
    /// wanted rank.
    pub fn feed(&mut self, plan: &Plan, values: WaveValues<'_>) {
        let layout = *self.layout.get_or_insert_with(|| {
            let (lo, hi) = values
                .iter()
                .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
                    (lo.min(x), hi.max(x))
                });
            Layout::new(lo, hi, plan.bins)
        });
        if self.bins.is_empty() {
            self.collecting = plan.cap > 0;
            let bin = Bin(if self.collecting { KEEP } else { 0 });
            self.bins = vec![bin; layout.len()];
            self.firsts = vec![0.0; layout.len()];
        }
        // Local slices: the compiler keeps their pointers and lengths in registers, where the
        // vectors' fields would be reloaded after every push.
        let bins: &mut [Bin] = &mut self.bins;
        let firsts: &mut [f64] = &mut self.firsts;
        // Bins that became mixed while kept: their earlier values (all equal to the first) are
        // collected after the run.
        let mut fills: Vec<(u16, f64, usize)> = Vec::new();
        let factor = self.scaled.map_or(0.0, |(factor, _)| factor);
        let mut index = [0_u32; CHUNK_DRAWS];
        for run in values.pieces() {
            // Every value so far the same (bit for bit): a run of that value again only counts.
            let constant =
                (self.seen > 0 && self.min.to_bits() == self.max.to_bits()).then_some(self.min);
            self.seen += run.len();
            let [total, shifted, shifted_sq, scaled] = if self.scaled.is_some() {
                run_sums::<true>(run, self.shift, factor)
            } else {
                run_sums::<false>(run, self.shift, factor)
            };
            self.sum.add(total);
            self.shifted += shifted;
            self.shifted_sq += shifted_sq;
            if let Some((_, sum)) = &mut self.scaled {
                sum.add(scaled);
            }
            if let Some(value) = constant
                && run.iter().all(|x| x.to_bits() == value.to_bits())
                && let Some(bin) = bins.get_mut(layout.bin(value))
            {
                // What the general path below does for such a run: the value is both extremes,
                // and its bin (of that one value, not mixed) only counts.
                self.at_min += run.len();
                self.at_max += run.len();
                bin.0 += run.len() as u32;
                continue;
            }
            let (low, high) = run_extremes(run);
            if low <= self.min {
                let equal = run.iter().filter(|x| **x <= low).count();
                self.at_min = if low < self.min {
                    equal
                } else {
                    self.at_min + equal
                };
                self.min = low;
            }
            if high >= self.max {
                let equal = run.iter().filter(|x| **x >= high).count();
                self.at_max = if high > self.max {
                    equal
                } else {
                    self.at_max + equal
                };
                self.max = high;
            }
            layout.bins_into(run, &mut index);
            if !self.collecting {
                // No bin is kept: the loop below without its collection.
                count_only(bins, firsts, &index, run);
                continue;
            }
            let mut spare = self.collected.spare(run.len());
            for (&b, &x) in index.iter().zip(run) {
                let b = b as usize;
                let Some(bin) = bins.get_mut(b) else {
                    continue;
                };
                bin.0 += 1;
                if !bin.mixed() {
                    let Some(first) = firsts.get_mut(b) else {
                        continue;
                    };
                    if !add_unmixed(bin, first, x) {
                        continue;
                    }
                    if bin.keep() {
                        fills.push((b as u16, *first, bin.count() as usize - 1));
                    }
                }
                // A mixed bin: the value is written to the next spare slot, which is held only
                // if the bin is kept (no branch on it).
                spare.put(x, b as u16, bin.keep());
            }
            drop(spare);
            for (b, first, copies) in fills.drain(..) {
                self.collected.push_copies(first, b, copies);
            }
        }
        if self.collecting && (self.seen >= self.next_narrow || self.seen >= plan.ranks.n) {
            self.narrow(plan);
            self.next_narrow = self.seen + self.seen / 4;
        }
    }

    /// Stops collecting the bins no wanted rank can fall in (given the draws seen so far); stops
    /// collecting altogether when the collected values outgrow the series' share.
    fn narrow(&mut self, plan: &Plan) {
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
            if !mark {
                bin.0 &= !KEEP;
            }
        }
        // Dropped bins take no new values; the old ones are removed when the buffer has doubled
        // since the last compaction (amortised cost), at the end, or near the memory cap.
        let last = self.seen >= plan.ranks.n;
        let held = self.collected.len();
        if last || held > 2 * self.compacted.max(2048) || held > plan.cap {
            let bins = &self.bins;
            self.collected
                .retain_bins(|b| bins.get(usize::from(b)).is_some_and(|bin| bin.keep()));
            self.compacted = self.collected.len();
        }
        if self.collected.len() > plan.cap {
            self.collecting = false;
            self.collected.free();
            for bin in &mut self.bins {
                bin.0 &= !KEEP;
            }
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
        let sorted = std::mem::take(&mut self.collected).into_sorted();
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
            if !bin.mixed() {
                order.push(self.firsts.get(b).copied().unwrap_or(f64::NAN));
            } else if self.collecting && bin.keep() {
                let earlier: usize = self.bins[..b]
                    .iter()
                    .filter(|i| i.keep() && i.mixed())
                    .map(|i| i.count() as usize)
                    .sum();
                let value = sorted.get(earlier + rank - before).copied();
                order.push(value.unwrap_or(f64::NAN));
            } else {
                order.push(f64::NAN);
                pending.push(Pending {
                    rank,
                    bin: b,
                    before,
                    count: bin.count() as usize,
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

/// Counts each value of `run` in its bin (`index`) and notes first values and mixed bins, as
/// the feed does when nothing is collected.
fn count_only(bins: &mut [Bin], firsts: &mut [f64], index: &[u32], run: &[f64]) {
    for (&b, &x) in index.iter().zip(run) {
        let b = b as usize;
        if let Some(bin) = bins.get_mut(b) {
            bin.0 += 1;
            if !bin.mixed()
                && let Some(first) = firsts.get_mut(b)
            {
                add_unmixed(bin, first, x);
            }
        }
    }
}

/// A value that fell in a bin not yet mixed (its count already includes it): notes the first
/// value, or marks the bin mixed at the first different value. Whether the bin is now mixed.
fn add_unmixed(bin: &mut Bin, first: &mut f64, x: f64) -> bool {
    if bin.count() == 1 {
        *first = x;
        false
    } else if x.to_bits() == first.to_bits() {
        false
    } else {
        bin.0 |= MIXED;
        true
    }
}

/// Running totals of the counts: entry `b` is the number of values in bins `0..=b`.
fn cumulative(bins: &[Bin]) -> Vec<usize> {
    bins.iter()
        .scan(0_usize, |total, bin| {
            *total += bin.count() as usize;
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

/// About how many values a series collects in pass one when its windows are widest (half the
/// draws seen): the union of the wanted ranks' windows, plus about one bin's values at each end
/// of each window. Past its share of the budget a series stops collecting and a later pass
/// re-runs every draw, so a run whose series would outgrow their share should not collect in
/// pass one at all.
pub(super) fn expected_collected(ranks: &Ranks, bins: usize) -> usize {
    let n = ranks.n;
    let seen = n / 2;
    let mut windows: Vec<(usize, usize)> = ranks
        .ranks
        .iter()
        .map(|&rank| window(rank, n, seen))
        .collect();
    windows.sort_unstable();
    let mut total = 0;
    let mut pieces = 0;
    let mut current: Option<(usize, usize)> = None;
    for (low, high) in windows {
        match current {
            Some((start, end)) if low <= end + 1 => current = Some((start, end.max(high))),
            _ => {
                if let Some((start, end)) = current {
                    total += end - start + 1;
                    pieces += 1;
                }
                current = Some((low, high));
            }
        }
    }
    if let Some((start, end)) = current {
        total += end - start + 1;
        pieces += 1;
    }
    total + pieces * 2 * seen / bins.max(1)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expected_collection_grows_with_the_square_root_of_the_draws() {
        // At a million draws the widest windows (six standard deviations of the hypergeometric
        // at half the draws) are each some 1,500 ranks either side of the median's, less for
        // the outer percentiles: some ten to twenty thousand values in all.
        let at = |n| expected_collected(&Ranks::new(n), 2048);
        let million = at(1_000_000);
        assert!((10_000..30_000).contains(&million), "{million}");
        let ratio = million as f64 / at(10_000) as f64;
        assert!((5.0..20.0).contains(&ratio), "{ratio}");
    }
}
