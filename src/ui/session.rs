//! Undo/redo and recovery copies for the app: the history of the scenario in the window, the
//! 30-second recovery timer, and the restore-or-discard offer on start.

use crate::scenario::{self, recovery::RecoveryStore};
use crate::ui::CloudshiftApp;
use crate::ui::file_state::{FileAction, RECOVERY_INTERVAL_S};
use crate::ui::undo::History;

impl CloudshiftApp {
    /// Keeps recovery copies in `store`, and offers to restore one left there by an earlier run.
    #[must_use]
    pub fn with_recovery(mut self, store: RecoveryStore) -> Self {
        self.files.recovery = Some(store);
        self.check_recovery();
        self
    }

    /// Looks for a recovery copy from an earlier run: offers it, or sets a corrupt one aside.
    pub(super) fn check_recovery(&mut self) {
        let Some(store) = &self.files.recovery else {
            return;
        };
        match store.read() {
            Ok(found) => self.files.recovery_offer = found,
            Err(error) => {
                let kept = match store.set_aside() {
                    Ok(path) => format!("It was kept as {}.", path.display()),
                    Err(e) => format!("It could not be moved aside: {e}."),
                };
                self.files.error = Some(format!(
                    "The recovery copy from an earlier session could not be read: {error}. {kept}"
                ));
            }
        }
    }

    /// Whether there is a step to undo.
    pub fn can_undo(&self) -> bool {
        self.doc.history.can_undo(&self.doc.scenario)
    }

    /// How many recorded steps can be undone (a gesture in progress is not yet one).
    pub fn undo_steps(&self) -> usize {
        self.doc.history.undo_len()
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        self.doc.history.can_redo()
    }

    /// Undoes the last gesture (or the one in progress).
    pub fn undo(&mut self) {
        if let Some(previous) = self
            .doc
            .history
            .undo(&self.doc.scenario, self.doc.generation)
        {
            self.commit(previous);
            self.doc
                .history
                .moved_to(&self.doc.scenario, self.doc.generation);
        }
    }

    /// Redoes the last undone gesture.
    pub fn redo(&mut self) {
        if let Some(next) = self
            .doc
            .history
            .redo(&self.doc.scenario, self.doc.generation)
        {
            self.commit(next);
            self.doc
                .history
                .moved_to(&self.doc.scenario, self.doc.generation);
        }
    }

    /// Writes a recovery copy now, if there are unsaved changes and a recovery directory.
    pub fn write_recovery_now(&mut self) {
        self.files.actions.push(FileAction::WriteRecovery);
        self.run_file_actions_now();
    }

    pub(super) fn recovery_timer(&mut self, ctx: &egui::Context, now: f64) {
        if !self.doc.dirty {
            // Another open document's unsaved work keeps its copy.
            if !self.any_dirty() && self.files.recovery_generation.take().is_some() {
                self.files.actions.push(FileAction::RemoveRecovery);
            }
            self.files.next_recovery_at = None;
            return;
        }
        let due = *self
            .files
            .next_recovery_at
            .get_or_insert(now + RECOVERY_INTERVAL_S);
        if now >= due {
            self.files.actions.push(FileAction::WriteRecovery);
            self.files.next_recovery_at = Some(now + RECOVERY_INTERVAL_S);
        }
        let wait = self
            .files
            .next_recovery_at
            .map_or(RECOVERY_INTERVAL_S, |t| t - now);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.1)));
    }

    pub(super) fn remove_recovery(&mut self) {
        if let Some(store) = &self.files.recovery {
            store.remove();
        }
        self.files.recovery_generation = None;
        self.files.next_recovery_at = None;
    }

    pub(super) fn restore_recovery(&mut self) {
        let Some(recovered) = self.files.recovery_offer.take() else {
            return;
        };
        // The original file, if it still loads, is what "unsaved" is measured against.
        if let Some(original) = recovered
            .original_path
            .as_deref()
            .and_then(|p| scenario::load_path(p).ok())
        {
            self.doc.saved = original;
        }
        self.doc.summary_year =
            recovered.scenario.base_year + recovered.scenario.horizon_years as i32;
        self.commit(recovered.scenario);
        self.doc.path = recovered.original_path;
        self.doc.history = History::new(&self.doc.scenario, self.doc.generation);
    }

    pub(super) fn write_recovery(&mut self) {
        if !self.doc.dirty || self.files.recovery_generation == Some(self.doc.generation) {
            return;
        }
        let Some(store) = &self.files.recovery else {
            return;
        };
        let outcome = store.write(&self.doc.scenario, self.doc.path.as_deref());
        if outcome.is_ok() {
            self.files.recovery_generation = Some(self.doc.generation);
        }
        // Shown once, not every 30 s; the next attempt is made all the same.
        if let Some(problem) = self.files.recovery_failure.news(&outcome) {
            self.files.error = Some(format!(
                "The recovery copy of your unsaved changes could not be written: {problem}. \
                 Your changes are still here; save them to a file to keep them safe."
            ));
        }
    }
}
