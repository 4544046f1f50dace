//! Passes two and three over the draws, for the order statistics pass one left pending: each
//! pending rank's bin is known with the number of values before it, so a later pass either
//! collects that bin's values (then sorts them and reads the rank off) or, when the bins to
//! collect would not fit the memory budget, first splits each large bin into [`SUB_BINS`] finer
//! bins and collects only the finer bins that hold a wanted rank, in a third pass.
//!
//! The finer bin of a value is a non-decreasing function of it within its bin, so the pair
//! (bin, finer bin) orders values like the values themselves and every answer stays exact.

use super::engine::WaveValues;
use super::histogram::{Finished, Layout, Pending, bin_of_rank};

/// Finer bins a large bin is split into.
pub(super) const SUB_BINS: usize = 256;
/// Bins holding more values than this are split rather than collected (when splitting is on).
const SPLIT_ABOVE: usize = 2 * SUB_BINS;
/// Marks a bin that holds no wanted rank.
const NONE: u8 = u8::MAX;

/// The pending order statistics of one series and what the next pass does for them.
#[derive(Debug)]
pub(super) struct Target {
    layout: Layout,
    slot_of_bin: Vec<u8>,
    slots: Vec<Slot>,
}

/// One bin holding at least one pending rank.
#[derive(Debug)]
struct Slot {
    before: usize,
    count: usize,
    ranks: Vec<usize>,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    /// Every value of the bin.
    Collect(Vec<f64>),
    /// Counts of the bin's values by finer bin, with each finer bin's first value and whether
    /// a different one followed.
    Split {
        sub: Layout,
        counts: Vec<u32>,
        first: Vec<f64>,
        mixed: Vec<bool>,
    },
    /// Every value of the finer bins that hold a wanted rank.
    Finer {
        sub: Layout,
        part_of_sub: Vec<u8>,
        parts: Vec<Part>,
    },
    /// Its ranks are found (and written out).
    Done,
}

/// A finer bin holding at least one pending rank.
#[derive(Debug)]
struct Part {
    before: usize,
    count: usize,
    /// The one value of a finer bin of equal values (nothing to collect).
    equal: Option<f64>,
    values: Vec<f64>,
}

impl Target {
    /// The plan for a series' pending ranks (`None` if nothing is pending); `split`: split large
    /// bins rather than collect them.
    pub fn new(finished: &Finished, split: bool) -> Option<Self> {
        if finished.pending.is_empty() {
            return None;
        }
        let layout = finished.layout;
        let mut slot_of_bin = vec![NONE; layout.len()];
        let mut slots: Vec<Slot> = Vec::new();
        for &Pending {
            rank,
            bin,
            before,
            count,
        } in &finished.pending
        {
            let Some(entry) = slot_of_bin.get_mut(bin) else {
                continue;
            };
            if *entry != NONE {
                slots[usize::from(*entry)].ranks.push(rank);
                continue;
            }
            *entry = slots.len() as u8;
            let kind = if split && count > SPLIT_ABOVE {
                let (lo, hi) = layout.range(bin, finished.min, finished.max);
                let sub = Layout::new(lo, hi, SUB_BINS);
                Kind::Split {
                    sub,
                    counts: Vec::new(),
                    first: Vec::new(),
                    mixed: Vec::new(),
                }
            } else {
                Kind::Collect(Vec::new())
            };
            slots.push(Slot {
                before,
                count,
                ranks: vec![rank],
                kind,
            });
        }
        Some(Self {
            layout,
            slot_of_bin,
            slots,
        })
    }

    /// Bytes the next pass will hold for this series.
    pub fn memory(&self) -> usize {
        self.slots
            .iter()
            .map(|slot| match &slot.kind {
                Kind::Done => 0,
                Kind::Collect(_) => slot.count * size_of::<f64>(),
                Kind::Split { sub, .. } => {
                    sub.len() * (size_of::<u32>() + size_of::<f64>() + size_of::<bool>())
                }
                Kind::Finer { parts, .. } => parts
                    .iter()
                    .filter(|p| p.equal.is_none())
                    .map(|p| p.count * size_of::<f64>())
                    .sum(),
            })
            .sum()
    }

    /// Allocates what the next pass fills (just before it, so only one group holds memory).
    pub fn prepare(&mut self) {
        for slot in &mut self.slots {
            match &mut slot.kind {
                Kind::Done => {}
                Kind::Collect(values) => values.reserve_exact(slot.count),
                Kind::Split {
                    sub,
                    counts,
                    first,
                    mixed,
                } => {
                    counts.resize(sub.len(), 0);
                    first.resize(sub.len(), 0.0);
                    mixed.resize(sub.len(), false);
                }
                Kind::Finer { parts, .. } => {
                    for part in parts.iter_mut().filter(|p| p.equal.is_none()) {
                        part.values.reserve_exact(part.count);
                    }
                }
            }
        }
    }

    /// Whether a pass still has work for this series.
    pub fn is_active(&self) -> bool {
        self.slots.iter().any(|s| !matches!(s.kind, Kind::Done))
    }

    /// Feeds one wave of the series' values.
    pub fn visit(&mut self, values: WaveValues<'_>) {
        for x in values.iter() {
            let s = self.slot_of_bin[self.layout.bin(x)];
            if s == NONE {
                continue;
            }
            match &mut self.slots[usize::from(s)].kind {
                Kind::Done => {}
                Kind::Collect(values) => values.push(x),
                Kind::Split {
                    sub,
                    counts,
                    first,
                    mixed,
                } => {
                    let b = sub.bin(x);
                    if counts[b] == 0 {
                        first[b] = x;
                    } else if x.to_bits() != first[b].to_bits() {
                        mixed[b] = true;
                    }
                    counts[b] += 1;
                }
                Kind::Finer {
                    sub,
                    part_of_sub,
                    parts,
                } => {
                    let k = part_of_sub[sub.bin(x)];
                    if let Some(part) = parts.get_mut(usize::from(k))
                        && part.equal.is_none()
                    {
                        part.values.push(x);
                    }
                }
            }
        }
    }

    /// After the pass that split bins: their finer bins holding wanted ranks are collected next.
    pub fn advance(&mut self) {
        for slot in &mut self.slots {
            let Kind::Split {
                sub,
                counts,
                first,
                mixed,
            } = &slot.kind
            else {
                continue;
            };
            let sub = *sub;
            let cumulative: Vec<usize> = counts
                .iter()
                .scan(0_usize, |total, c| {
                    *total += *c as usize;
                    Some(*total)
                })
                .collect();
            let mut part_of_sub = vec![NONE; sub.len()];
            let mut parts: Vec<Part> = Vec::new();
            for &rank in &slot.ranks {
                let within = rank.saturating_sub(slot.before);
                let b = bin_of_rank(&cumulative, within);
                if part_of_sub[b] == NONE {
                    part_of_sub[b] = parts.len() as u8;
                    let earlier = if b == 0 { 0 } else { cumulative[b - 1] };
                    let count = counts[b] as usize;
                    parts.push(Part {
                        before: slot.before + earlier,
                        count,
                        equal: (!mixed[b]).then_some(first[b]),
                        values: Vec::new(),
                    });
                }
            }
            slot.kind = Kind::Finer {
                sub,
                part_of_sub,
                parts,
            };
        }
    }

    /// After a pass: writes the order statistics of every collected bin into `order` (aligned
    /// with `ranks`) and frees its values; split bins are left for the next pass.
    pub fn resolve_collected(&mut self, ranks: &[usize], order: &mut [f64]) {
        for slot in &mut self.slots {
            let found: Vec<(usize, f64)> = match &mut slot.kind {
                Kind::Collect(values) => {
                    values.sort_unstable_by(f64::total_cmp);
                    slot.ranks
                        .iter()
                        .map(|r| {
                            let v = values.get(r.wrapping_sub(slot.before)).copied();
                            (*r, v.unwrap_or(f64::NAN))
                        })
                        .collect()
                }
                Kind::Finer { parts, .. } => {
                    for part in parts.iter_mut() {
                        part.values.sort_unstable_by(f64::total_cmp);
                    }
                    slot.ranks
                        .iter()
                        .map(|r| {
                            let v = parts
                                .iter()
                                .find(|p| *r >= p.before && *r < p.before + p.count)
                                .and_then(|p| {
                                    p.equal.or_else(|| p.values.get(r - p.before).copied())
                                });
                            (*r, v.unwrap_or(f64::NAN))
                        })
                        .collect()
                }
                Kind::Split { .. } | Kind::Done => continue,
            };
            slot.kind = Kind::Done;
            for (rank, value) in found {
                if let Ok(i) = ranks.binary_search(&rank) {
                    order[i] = value;
                }
            }
        }
    }
}
