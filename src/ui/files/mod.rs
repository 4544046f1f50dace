//! Opening and saving: the picker and any pick in progress, the unsaved-changes prompt, the typed
//! path, errors, recent files and recovery copies. Its handlers run only from the command queue,
//! after the frame, and are the only code of the app that reads or writes scenario files.

mod dialogs;
mod open_save;
mod recent;
mod recovery;

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};

pub use dialogs::dialogs_ui;
pub use recent::{prune_recent, remember_recent};

use crate::scenario::recovery::{FailureOnce, Recovered, RecoveryStore};
use crate::ui::command::{Command, CommandQueue, FileCommand, PickPurpose, Then};
use crate::ui::documents::Documents;
use crate::ui::picker::{FilePicker, NativePicker};

/// How often a recovery copy is written while there are unsaved changes.
pub const RECOVERY_INTERVAL_S: f64 = 30.0;

/// The typed-path modal: for what, and the text so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathEntry {
    pub purpose: PickPurpose,
    pub text: String,
}

/// What a file handler may change besides the file state itself.
pub struct FileContext<'a> {
    pub ctx: &'a egui::Context,
    pub docs: &'a mut Documents,
    /// Most recent first (the persisted preference).
    pub recent: &'a mut Vec<PathBuf>,
    pub queue: &'a mut CommandQueue,
}

/// The state of the file features.
pub struct FileState {
    picker: Box<dyn FilePicker>,
    /// A native dialog is open; its answer arrives here.
    pending_pick: Option<(PickPurpose, Receiver<Option<PathBuf>>)>,
    /// "Save changes?" is showing; what follows the answer.
    unsaved_prompt: Option<Then>,
    /// An error shown in a modal until dismissed.
    error: Option<String>,
    path_entry: Option<PathEntry>,
    recovery_offer: Option<Recovered>,
    recovery: Option<RecoveryStore>,
    /// When the next recovery copy is due (egui time), while there are unsaved changes.
    next_recovery_at: Option<f64>,
    /// The document (id) and generation last written as a recovery copy.
    recovery_written: Option<(u64, u64)>,
    /// Says a failed recovery copy once, not at every attempt.
    recovery_failure: FailureOnce,
    /// Whether the window may close now (the person answered the prompt).
    close_confirmed: bool,
    /// Files are hovering over the window (draws the "drop to open" overlay).
    hovering_files: bool,
    /// What the last command did, for the status line ("Saved …").
    note: Option<String>,
}

impl FileState {
    /// Native dialogs, recovery copies in the platform data directory.
    pub fn native() -> Self {
        let mut state = Self::new(Box::new(NativePicker));
        state.recovery = RecoveryStore::platform();
        state
    }

    /// `picker` answers file requests; no recovery copies until [`FileState::set_recovery`].
    pub fn new(picker: Box<dyn FilePicker>) -> Self {
        Self {
            picker,
            pending_pick: None,
            unsaved_prompt: None,
            error: None,
            path_entry: None,
            recovery_offer: None,
            recovery: None,
            next_recovery_at: None,
            recovery_written: None,
            recovery_failure: FailureOnce::default(),
            close_confirmed: false,
            hovering_files: false,
            note: None,
        }
    }

    /// What the last commands did, for the status line, once.
    pub fn take_note(&mut self) -> Option<String> {
        self.note.take()
    }

    /// Answers file requests with `picker`.
    pub fn set_picker(&mut self, picker: Box<dyn FilePicker>) {
        self.picker = picker;
    }

    /// Whether any modal is open (shortcuts that change the scenario wait).
    pub fn modal_open(&self) -> bool {
        self.unsaved_prompt.is_some()
            || self.error.is_some()
            || self.path_entry.is_some()
            || self.recovery_offer.is_some()
    }

    /// Shows `message` in the error modal.
    pub fn show_error(&mut self, message: String) {
        self.error = Some(message);
    }

    /// Reads this frame's input: dropped files, the window's close button, a dialog's answer.
    pub fn frame_input(&mut self, ctx: &egui::Context, docs: &Documents, queue: &mut CommandQueue) {
        let (dropped, hovering, close) = ctx.input(|i| {
            // One file at a time: the first dropped.
            let dropped = i.raw.dropped_files.first().and_then(|f| match f.path() {
                p if !p.as_os_str().is_empty() => Some(FileCommand::Dropped(p.to_path_buf())),
                _ => f
                    .bytes()
                    .ok()
                    .map(|b| FileCommand::DroppedBytes("<dropped file>".to_owned(), b)),
            });
            let close = i.viewport().close_requested();
            (dropped, !i.raw.hovered_files.is_empty(), close)
        });
        self.hovering_files = hovering;
        if let Some(command) = dropped {
            queue.push(Command::File(command));
        }
        if close && docs.any_dirty() && !self.close_confirmed {
            // The close must be cancelled in this frame; the prompt follows from the queue.
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            queue.push(Command::File(FileCommand::CloseRequested));
        } else if close && !docs.any_dirty() {
            queue.push(Command::File(FileCommand::RemoveRecovery));
        }
        self.poll_pick(queue);
    }

    fn poll_pick(&mut self, queue: &mut CommandQueue) {
        let Some((purpose, receiver)) = &self.pending_pick else {
            return;
        };
        let command = match receiver.try_recv() {
            Err(TryRecvError::Empty) => return,
            Ok(Some(path)) => Some(FileCommand::Picked(purpose.clone(), path)),
            Ok(None) => None,
            Err(TryRecvError::Disconnected) => Some(FileCommand::PickFailed(purpose.clone())),
        };
        self.pending_pick = None;
        if let Some(command) = command {
            queue.push(Command::File(command));
        }
    }

    /// Runs one file command.
    pub fn run(&mut self, command: FileCommand, cx: &mut FileContext<'_>) {
        match command {
            // New and Open add a tab, so the active tab's unsaved changes stay without asking.
            FileCommand::New => self.proceed(Then::New, cx),
            FileCommand::Open => self.proceed(Then::Open, cx),
            FileCommand::TypePath => self.open_path_entry(PickPurpose::Open, cx.docs),
            FileCommand::OpenRecent(index) => {
                if let Some(path) = cx.recent.get(index).cloned() {
                    self.proceed(Then::OpenPath(path), cx);
                }
            }
            FileCommand::ClearRecent => cx.recent.clear(),
            FileCommand::Save => self.save(None, cx),
            FileCommand::SaveAs => self.start_pick(PickPurpose::SaveAs { then: None }, cx),
            FileCommand::SaveThen(then) => self.save(then, cx),
            FileCommand::Pick(purpose) => self.start_pick(purpose, cx),
            FileCommand::Picked(purpose, path) => self.picked(purpose, &path, cx),
            FileCommand::PickFailed(purpose) => self.open_path_entry(purpose, cx.docs),
            FileCommand::Proceed(then) => self.proceed(then, cx),
            FileCommand::Dropped(path) => self.proceed(Then::OpenPath(path), cx),
            FileCommand::DroppedBytes(name, bytes) => self.open_bytes(&name, &bytes, cx),
            FileCommand::CloseRequested => {
                if let Some(index) = cx.docs.first_dirty() {
                    // Ask about each unsaved document in turn, showing it.
                    cx.docs.switch_to(index);
                    self.unsaved_prompt = Some(Then::Close);
                }
            }
            FileCommand::Answer(choice) => self.answer_unsaved(choice, cx),
            FileCommand::PathEntered => {
                if let Some(entry) = self.path_entry.take() {
                    let path = PathBuf::from(entry.text.trim());
                    self.picked(entry.purpose, &path, cx);
                }
            }
            FileCommand::PathCancelled => self.path_entry = None,
            FileCommand::DismissError => self.error = None,
            FileCommand::RestoreRecovery => self.restore_recovery(cx.docs),
            FileCommand::DiscardRecovery => {
                self.recovery_offer = None;
                self.remove_recovery();
            }
            FileCommand::WriteRecovery => self.write_recovery(cx.docs),
            FileCommand::RemoveRecovery => self.remove_recovery(),
        }
    }

    /// Does `then` now, or first asks about the active document's unsaved changes.
    pub fn unless_unsaved(&mut self, then: Then, cx: &mut FileContext<'_>) {
        if cx.docs.active().is_dirty() {
            self.unsaved_prompt = Some(then);
        } else {
            self.proceed(then, cx);
        }
    }
}
