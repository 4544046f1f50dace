//! Recovery copies: written every 30 s while a tab has unsaved changes, offered on the next
//! start after a crash, removed once nothing is unsaved.

use super::{FileState, RECOVERY_INTERVAL_S};
use crate::scenario::{self, recovery::RecoveryStore};
use crate::ui::command::{Command, CommandQueue, FileCommand};
use crate::ui::documents::Documents;

impl FileState {
    /// Keeps recovery copies in `store`, and offers one left by an earlier session.
    pub fn set_recovery(&mut self, store: RecoveryStore) {
        self.recovery = Some(store);
        self.check_recovery();
    }

    /// Looks for a copy an earlier session left (on start).
    pub fn check_recovery(&mut self) {
        let Some(store) = &self.recovery else {
            return;
        };
        match store.read() {
            Ok(found) => self.recovery_offer = found,
            Err(error) => {
                let kept = match store.set_aside() {
                    Ok(path) => format!("It was kept as {}.", path.display()),
                    Err(e) => format!("It could not be moved aside: {e}."),
                };
                self.error = Some(format!(
                    "The recovery copy from an earlier session could not be read: {error}. {kept}"
                ));
            }
        }
    }

    /// Once per frame: queues a copy when one is due, or its removal when nothing is unsaved.
    pub fn recovery_timer(
        &mut self,
        ctx: &egui::Context,
        docs: &Documents,
        queue: &mut CommandQueue,
    ) {
        let now = ctx.input(|i| i.time);
        if !docs.active().is_dirty() {
            if !docs.any_dirty() && self.recovery_written.take().is_some() {
                queue.push(Command::File(FileCommand::RemoveRecovery));
            }
            self.next_recovery_at = None;
            return;
        }
        let due = *self
            .next_recovery_at
            .get_or_insert(now + RECOVERY_INTERVAL_S);
        if now >= due {
            queue.push(Command::File(FileCommand::WriteRecovery));
            self.next_recovery_at = Some(now + RECOVERY_INTERVAL_S);
        }
        let wait = self
            .next_recovery_at
            .map_or(RECOVERY_INTERVAL_S, |t| t - now);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait.max(0.1)));
    }

    pub(super) fn remove_recovery(&mut self) {
        if let Some(store) = &self.recovery {
            store.remove();
        }
        self.recovery_written = None;
        self.next_recovery_at = None;
    }

    pub(super) fn restore_recovery(&mut self, docs: &mut Documents) {
        let Some(recovered) = self.recovery_offer.take() else {
            return;
        };
        let original = recovered
            .original_path
            .as_deref()
            .and_then(|p| scenario::load_path(p).ok());
        docs.active_mut()
            .restore(recovered.scenario, original, recovered.original_path);
    }

    /// Writes the active document's copy, unless it is clean or already written.
    pub fn write_recovery(&mut self, docs: &Documents) {
        let doc = docs.active();
        let key = (doc.id(), doc.generation());
        if !doc.is_dirty() || self.recovery_written == Some(key) {
            return;
        }
        let Some(store) = &self.recovery else {
            return;
        };
        let outcome = store.write(doc.scenario(), doc.path());
        if outcome.is_ok() {
            self.recovery_written = Some(key);
        }
        // Shown once, not every 30 s; the next attempt is made all the same.
        if let Some(problem) = self.recovery_failure.news(&outcome) {
            self.error = Some(format!(
                "The recovery copy of your unsaved changes could not be written: {problem}. \
                 Your changes are still here; save them to a file to keep them safe."
            ));
        }
    }
}
