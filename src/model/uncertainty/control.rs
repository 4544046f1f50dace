//! Watching and cancelling a Monte Carlo run from another thread, and why a run gives no summary.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use super::simulate::MAX_SAMPLES;

/// How far a run has got: draws evaluated (over all passes) out of the total it will evaluate.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicU64,
    total: AtomicU64,
}

impl Progress {
    /// Draws evaluated so far.
    pub fn done(&self) -> u64 {
        self.done.load(Ordering::Relaxed)
    }

    /// Draws the run will evaluate (0 until it has started).
    pub fn total(&self) -> u64 {
        self.total.load(Ordering::Relaxed)
    }

    /// Fraction done, 0..=1 (0 before the run starts).
    pub fn fraction(&self) -> f64 {
        let total = self.total();
        if total == 0 {
            0.0
        } else {
            (self.done() as f64 / total as f64).min(1.0)
        }
    }

    pub(super) fn start(&self, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
    }

    pub(super) fn add_total(&self, draws: u64) {
        self.total.fetch_add(draws, Ordering::Relaxed);
    }

    pub(super) fn add(&self, draws: u64) {
        self.done.fetch_add(draws, Ordering::Relaxed);
    }
}

/// Lets another thread watch a run's progress and cancel it. Clones share the same flag and
/// counters; `RunControl::default()` is a control nobody else holds (never cancelled).
#[derive(Clone, Debug, Default)]
pub struct RunControl {
    pub cancel: Arc<AtomicBool>,
    pub progress: Arc<Progress>,
}

impl RunControl {
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the run to stop; it returns [`SimulationError::Cancelled`] within one chunk of draws
    /// per thread (well under a millisecond).
    pub fn cancel(&self) {
        self.cancel.store(true, Ordering::Relaxed);
    }

    pub fn is_cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Fraction of the run done, 0..=1.
    pub fn fraction_done(&self) -> f64 {
        self.progress.fraction()
    }
}

/// Why a simulation gave no summary.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SimulationError {
    #[error("samples must be between 1 and {MAX_SAMPLES}, not {0}")]
    Samples(u32),
    #[error("the simulation was cancelled")]
    Cancelled,
}
