//! The size of the worker pool behind Monte Carlo: one thread per core, or
//! `RAYON_NUM_THREADS`, capped at a few per core. Rayon's cost of coordinating its workers grows
//! with their number, so 5,000 threads on 2 cores made a 0.4 s run take a minute.

use std::num::NonZeroUsize;

/// Most worker threads per core, whatever `RAYON_NUM_THREADS` asks for.
pub const MAX_THREADS_PER_CORE: usize = 4;

/// Threads for `cores` cores when `RAYON_NUM_THREADS` is `requested`: the request (a positive
/// integer) capped at [`MAX_THREADS_PER_CORE`] per core; otherwise, as rayon does for `0`, a
/// missing or unreadable value, one per core.
pub fn pool_threads(requested: Option<&str>, cores: usize) -> usize {
    let cores = cores.max(1);
    requested
        .and_then(|text| text.trim().parse::<usize>().ok())
        .filter(|threads| *threads > 0)
        .map_or(cores, |threads| threads.min(cores * MAX_THREADS_PER_CORE))
}

/// Sets up rayon's global pool by [`pool_threads`]; call once, before any parallel work. If the
/// pool already exists (a test harness made it), it is left as it is.
pub fn configure_pool() {
    let cores = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let requested = std::env::var("RAYON_NUM_THREADS").ok();
    let threads = pool_threads(requested.as_deref(), cores);
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_capped_at_a_few_threads_per_core() {
        assert_eq!(pool_threads(None, 2), 2);
        assert_eq!(pool_threads(Some("0"), 2), 2);
        assert_eq!(pool_threads(Some("lots"), 2), 2);
        assert_eq!(pool_threads(Some("-3"), 2), 2);
        assert_eq!(pool_threads(Some("1"), 2), 1);
        assert_eq!(pool_threads(Some(" 6 "), 2), 6);
        assert_eq!(pool_threads(Some("5000"), 2), 8);
        assert_eq!(pool_threads(Some("99999999999999999999999"), 2), 2);
        assert_eq!(pool_threads(Some("5000"), 0), 4);
    }
}
