//! What the file features remember between frames: the picker and any pending pick, the open
//! modal (unsaved changes, error, typed path, recovery offer), the recovery timer. No I/O here.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;

use crate::scenario::recovery::{FailureOnce, Recovered, RecoveryStore};
use crate::ui::picker::{FilePicker, NativePicker, PickPurpose};

/// File and Edit menu items (the menus push these as `Command::File`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileCommand {
    New,
    Open,
    Save,
    SaveAs,
    /// Open by typing a path (when no native dialog appears).
    TypePath,
    /// Open `prefs.recent_files[i]`.
    OpenRecent(usize),
    ClearRecent,
}

/// What to do once unsaved changes are saved or discarded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Then {
    New,
    Open,
    OpenPath(PathBuf),
    /// Close the window (asks about each unsaved document in turn).
    Close,
    /// Close the active document's tab.
    CloseDocument,
}

/// The answer to "Save changes?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// Things the dialogs ask for; run after the frame, like commands.
#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
    OpenPath(PathBuf),
    SaveToPath(PathBuf),
    /// A file dropped on the window (asks first if there are unsaved changes).
    Dropped(PathBuf),
    /// A dropped file with no path (web): its bytes.
    DroppedBytes(String, Vec<u8>),
    Unsaved(UnsavedChoice),
    /// Write an export (CSV or PNG) to this path.
    ExportTo(crate::ui::export::ExportKind, PathBuf),
    PathEntered,
    PathCancelled,
    DismissError,
    RestoreRecovery,
    DiscardRecovery,
    WriteRecovery,
    RemoveRecovery,
}

/// The typed-path modal: for what, and the text so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathEntry {
    pub purpose: PickPurpose,
    pub text: String,
}

/// How often a recovery copy is written while there are unsaved changes.
pub const RECOVERY_INTERVAL_S: f64 = 30.0;

/// The state of the file features.
pub struct FileState {
    pub(crate) picker: Box<dyn FilePicker>,
    pub(crate) pending_pick: Option<(PickPurpose, Receiver<Option<PathBuf>>)>,
    /// "Save changes?" is showing; what follows the answer.
    pub unsaved_prompt: Option<Then>,
    /// What to do once the save in progress (perhaps waiting on Save As) succeeds.
    pub(crate) after_save: Option<Then>,
    /// An error shown in a modal until dismissed.
    pub error: Option<String>,
    pub path_entry: Option<PathEntry>,
    pub recovery_offer: Option<Recovered>,
    pub(crate) recovery: Option<RecoveryStore>,
    /// When the next recovery copy is due (egui time), while there are unsaved changes.
    pub(crate) next_recovery_at: Option<f64>,
    /// The scenario generation last written as a recovery copy.
    pub(crate) recovery_generation: Option<u64>,
    /// The last recovery-write failure, so it is shown once.
    pub(crate) recovery_failure: FailureOnce,
    /// Whether the window may close now (the person answered the prompt).
    pub(crate) close_confirmed: bool,
    pub(crate) actions: Vec<FileAction>,
    /// Files are hovering over the window (draws the "drop to open" overlay).
    pub hovering_files: bool,
}

impl FileState {
    /// Native dialogs, recovery copies in the platform data directory.
    pub fn native() -> Self {
        let mut state = Self::new(Box::new(NativePicker));
        state.recovery = RecoveryStore::platform();
        state
    }

    /// `picker` answers file requests; no recovery copies until [`FileState::recovery`] is set.
    pub fn new(picker: Box<dyn FilePicker>) -> Self {
        Self {
            picker,
            pending_pick: None,
            unsaved_prompt: None,
            after_save: None,
            error: None,
            path_entry: None,
            recovery_offer: None,
            recovery: None,
            next_recovery_at: None,
            recovery_generation: None,
            recovery_failure: FailureOnce::default(),
            close_confirmed: false,
            actions: Vec::new(),
            hovering_files: false,
        }
    }

    /// Whether any modal is open (shortcuts that change the scenario wait).
    pub fn modal_open(&self) -> bool {
        self.unsaved_prompt.is_some()
            || self.error.is_some()
            || self.path_entry.is_some()
            || self.recovery_offer.is_some()
    }
}

/// Most recent files remembered.
pub const MAX_RECENT: usize = 10;

/// Puts `path` first in `recent`, without duplicates, keeping at most [`MAX_RECENT`].
pub fn remember_recent(recent: &mut Vec<PathBuf>, path: &std::path::Path) {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    recent.retain(|p| *p != path);
    recent.insert(0, path);
    recent.truncate(MAX_RECENT);
}

/// Drops files that no longer exist (and any duplicates), keeping at most [`MAX_RECENT`].
pub fn prune_recent(recent: &mut Vec<PathBuf>) {
    let mut seen = std::collections::HashSet::new();
    recent.retain(|p| p.is_file() && seen.insert(p.clone()));
    recent.truncate(MAX_RECENT);
}
