//! The background Monte Carlo runner: one `simulate` at a time on its own thread, results by
//! channel, a newer request cancelling the older one. No egui, no I/O: the caller passes a
//! `notify` callback (the app's `request_repaint`). Runs use every core, on a rayon pool of the
//! runner's own (the result does not depend on the thread count).

use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, OnceLock};

use crate::model::Scenario;
use crate::model::uncertainty::{RunControl, SimulationError, SimulationSummary, simulate};

/// Draws of the quick pass run while a slider is dragged.
pub const QUICK_SAMPLES: u32 = 2000;

/// Whether a run is the quick pass during a drag or the full count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RunKind {
    Quick,
    Full,
}

/// How a run ended.
#[derive(Clone, Debug)]
pub enum Outcome {
    Done(RunKind, Arc<SimulationSummary>),
    Cancelled(RunKind),
    Failed(RunKind, String),
}

/// The run in flight.
#[derive(Debug)]
struct Job {
    id: u64,
    kind: RunKind,
    samples: u32,
    control: RunControl,
}

/// What a running job looks like from outside.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Running {
    pub kind: RunKind,
    pub samples: u32,
    /// 0..=1.
    pub fraction: f64,
}

type Message = (u64, Result<SimulationSummary, SimulationError>);

/// The pool simulations run on: one thread per core, built once (`None` if the system refuses
/// threads; runs then use rayon's global pool).
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: OnceLock<Option<rayon::ThreadPool>> = OnceLock::new();
    POOL.get_or_init(|| {
        let threads = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("monte-carlo-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// Runs simulations off the calling thread.
#[derive(Debug)]
pub struct Runner {
    job: Option<Job>,
    next_id: u64,
    sender: Sender<Message>,
    receiver: Receiver<Message>,
}

impl Default for Runner {
    fn default() -> Self {
        let (sender, receiver) = channel();
        Self {
            job: None,
            next_id: 0,
            sender,
            receiver,
        }
    }
}

impl Runner {
    /// Starts `samples` draws of `scenario` with `seed`, cancelling any run in flight.
    /// `notify` is called from the worker thread when the run ends.
    pub fn start(
        &mut self,
        scenario: Scenario,
        samples: u32,
        seed: u64,
        kind: RunKind,
        notify: impl FnOnce() + Send + 'static,
    ) {
        self.cancel();
        self.next_id += 1;
        let id = self.next_id;
        let control = RunControl::new();
        let worker_control = control.clone();
        let sender = self.sender.clone();
        std::thread::spawn(move || {
            let run = || simulate(&scenario, samples, seed, &worker_control);
            let result = pool().map_or_else(run, |pool| pool.install(run));
            // The receiver is gone only when the app has closed; nothing is left to tell.
            let _ = sender.send((id, result));
            notify();
        });
        self.job = Some(Job {
            id,
            kind,
            samples,
            control,
        });
    }

    /// Asks the run in flight to stop; its outcome (`Cancelled`) arrives through `poll`.
    pub fn cancel(&self) {
        if let Some(job) = &self.job {
            job.control.cancel();
        }
    }

    /// The run in flight, if any.
    pub fn running(&self) -> Option<Running> {
        self.job.as_ref().map(|job| Running {
            kind: job.kind,
            samples: job.samples,
            fraction: job.control.fraction_done(),
        })
    }

    /// The outcome of the current run if it has ended (results of superseded runs are dropped).
    pub fn poll(&mut self) -> Option<Outcome> {
        let mut outcome = None;
        while let Ok((id, result)) = self.receiver.try_recv() {
            let Some(job) = self.job.as_ref().filter(|job| job.id == id) else {
                continue;
            };
            let kind = job.kind;
            outcome = Some(match result {
                Ok(summary) => Outcome::Done(kind, Arc::new(summary)),
                Err(SimulationError::Cancelled) => Outcome::Cancelled(kind),
                Err(error) => Outcome::Failed(kind, error.to_string()),
            });
            self.job = None;
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin_baseline;

    fn wait(runner: &mut Runner) -> Outcome {
        for _ in 0..2000 {
            if let Some(outcome) = runner.poll() {
                return outcome;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("no outcome within 10 s");
    }

    #[test]
    fn a_run_delivers_its_summary() {
        let mut runner = Runner::default();
        runner.start(builtin_baseline(), 200, 1, RunKind::Full, || {});
        assert!(runner.running().is_some());
        match wait(&mut runner) {
            Outcome::Done(RunKind::Full, summary) => assert_eq!(summary.samples, 200),
            other => panic!("{other:?}"),
        }
        assert!(runner.running().is_none());
    }

    #[test]
    fn a_newer_request_supersedes_the_older() {
        let mut runner = Runner::default();
        runner.start(builtin_baseline(), 1_000_000, 1, RunKind::Full, || {});
        runner.start(builtin_baseline(), 300, 1, RunKind::Quick, || {});
        match wait(&mut runner) {
            Outcome::Done(RunKind::Quick, summary) => assert_eq!(summary.samples, 300),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn cancel_reports_cancelled() {
        let mut runner = Runner::default();
        runner.start(builtin_baseline(), 1_000_000, 1, RunKind::Full, || {});
        runner.cancel();
        assert!(matches!(
            wait(&mut runner),
            Outcome::Cancelled(RunKind::Full)
        ));
    }
}
