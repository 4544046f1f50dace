//! The values one series collects in pass one, each with its histogram bin, in a buffer that
//! takes a whole run of values without a capacity check per value.
//!
//! The buffer's vectors are kept longer than the values they hold (`len`): a run of up to
//! `room` values is written into the spare slots unconditionally, and the count advances only by
//! the values that are kept, so the feed loop collects without a branch per value.

/// Collected values and the bin of each (so dropping a bin's values needs no recomputation).
#[derive(Debug, Default)]
pub(super) struct Collected {
    values: Vec<f64>,
    bins: Vec<u16>,
    /// Values held: `values[..len]`.
    len: usize,
}

impl Collected {
    /// Number of values held.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Spare slots for `room` more values (grown by doubling), to fill with [`Spare::put`].
    pub fn spare(&mut self, room: usize) -> Spare<'_> {
        let needed = self.len + room;
        if self.values.len() < needed {
            let size = needed.max(2 * self.values.len()).max(256);
            self.values.resize(size, 0.0);
            self.bins.resize(size, 0);
        }
        let start = self.len;
        Spare {
            values: &mut self.values[start..needed],
            bins: &mut self.bins[start..needed],
            len: &mut self.len,
            start,
            used: 0,
        }
    }

    /// Adds `copies` copies of `x`, of bin `b`.
    pub fn push_copies(&mut self, x: f64, b: u16, copies: usize) {
        let mut spare = self.spare(copies);
        for _ in 0..copies {
            spare.put(x, b, true);
        }
    }

    /// Keeps only the values whose bin passes `keep`, in their order.
    pub fn retain_bins(&mut self, keep: impl Fn(u16) -> bool) {
        let mut kept = 0;
        for i in 0..self.len {
            let (x, b) = (self.values[i], self.bins[i]);
            self.values[kept] = x;
            self.bins[kept] = b;
            kept += usize::from(keep(b));
        }
        self.len = kept;
    }

    /// Drops every value and frees the memory.
    pub fn free(&mut self) {
        *self = Self::default();
    }

    /// The values held, sorted (their bins are dropped).
    pub fn into_sorted(mut self) -> Vec<f64> {
        self.values.truncate(self.len);
        self.values.sort_unstable_by(f64::total_cmp);
        self.values
    }
}

/// Spare slots of a [`Collected`]; the values put and kept are held when it is dropped.
pub(super) struct Spare<'a> {
    values: &'a mut [f64],
    bins: &'a mut [u16],
    len: &'a mut usize,
    start: usize,
    used: usize,
}

impl Spare<'_> {
    /// Writes `x` (of bin `b`) into the next slot, which is held if `keep`. At most as many
    /// values as the room asked for are written; any more are ignored.
    #[inline]
    pub fn put(&mut self, x: f64, b: u16, keep: bool) {
        if let (Some(value), Some(bin)) =
            (self.values.get_mut(self.used), self.bins.get_mut(self.used))
        {
            *value = x;
            *bin = b;
            self.used += usize::from(keep);
        }
    }
}

impl Drop for Spare<'_> {
    fn drop(&mut self) {
        *self.len = self.start + self.used;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holds_only_the_kept_values_and_drops_bins_on_request() {
        let mut collected = Collected::default();
        {
            let mut spare = collected.spare(3);
            spare.put(1.0, 1, true);
            spare.put(2.0, 2, false);
            spare.put(3.0, 3, true);
            spare.put(4.0, 4, true);
            spare.put(5.0, 5, true); // past the room asked for: ignored
        }
        assert_eq!(collected.len(), 3);
        collected.push_copies(0.5, 7, 300);
        assert_eq!(collected.len(), 303);
        collected.retain_bins(|b| b != 3);
        assert_eq!(collected.len(), 302);
        let sorted = collected.into_sorted();
        assert_eq!(sorted.len(), 302);
        assert!(
            sorted[..300]
                .iter()
                .all(|x| x.to_bits() == 0.5_f64.to_bits())
        );
        assert_eq!(&sorted[300..], &[1.0, 4.0]);
    }
}
