//! File handling for the app: New, Open, Save, Save As, drops, the unsaved-changes prompt,
//! recovery copies and undo. Only these handlers touch the disk, and only after the frame.

use std::path::{Path, PathBuf};
use std::sync::mpsc::TryRecvError;

use crate::scenario;
use crate::ui::CloudshiftApp;
use crate::ui::document::Document;
use crate::ui::file_state::{
    FileAction, FileCommand, PathEntry, Then, UnsavedChoice, prune_recent, remember_recent,
};
use crate::ui::picker::{FilePicker, PickPurpose, PickRequest};

impl CloudshiftApp {
    /// Answers file requests with `picker` instead of native dialogs (tests).
    #[must_use]
    pub fn with_file_picker(mut self, picker: Box<dyn FilePicker>) -> Self {
        self.files.picker = picker;
        self
    }

    /// Per-frame bookkeeping before commands run: drops, close requests, finished dialogs, the
    /// undo gesture and the recovery timer. Reads input only; anything with I/O becomes an action.
    pub(super) fn files_frame(&mut self, ctx: &egui::Context) {
        let (dropped, hovering, close, pointer_down, now) = ctx.input(|i| {
            let dropped: Vec<FileAction> = i
                .raw
                .dropped_files
                .iter()
                .filter_map(|f| match f.path() {
                    p if !p.as_os_str().is_empty() => Some(FileAction::Dropped(p.to_path_buf())),
                    _ => f
                        .bytes()
                        .ok()
                        .map(|b| FileAction::DroppedBytes("<dropped file>".to_owned(), b)),
                })
                .collect();
            let close = i.viewport().close_requested();
            (
                dropped,
                !i.raw.hovered_files.is_empty(),
                close,
                i.pointer.any_down(),
                i.time,
            )
        });
        self.files.hovering_files = hovering;
        // One file at a time: the first dropped.
        self.files.actions.extend(dropped.into_iter().take(1));
        if close && self.any_dirty() && !self.files.close_confirmed {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            // Ask about each unsaved document in turn, showing it.
            if let Some(index) = self.first_dirty() {
                self.switch_to(index);
            }
            self.files.unsaved_prompt = Some(Then::Close);
        } else if close && !self.any_dirty() {
            self.files.actions.push(FileAction::RemoveRecovery);
        }
        self.poll_pick();
        self.doc
            .history
            .observe(&self.doc.scenario, self.doc.generation, pointer_down);
        self.recovery_timer(ctx, now);
    }

    fn poll_pick(&mut self) {
        let Some((purpose, receiver)) = &self.files.pending_pick else {
            return;
        };
        let purpose = *purpose;
        let answer = match receiver.try_recv() {
            Err(TryRecvError::Empty) => return,
            Ok(answer) => answer,
            Err(TryRecvError::Disconnected) => {
                // The dialog could not run: ask for a typed path instead.
                self.open_path_entry(purpose);
                None
            }
        };
        self.files.pending_pick = None;
        match (answer, purpose) {
            (Some(path), PickPurpose::Open) => self.files.actions.push(FileAction::OpenPath(path)),
            (Some(path), PickPurpose::SaveAs) => {
                self.files.actions.push(FileAction::SaveToPath(path));
            }
            (Some(path), PickPurpose::Export(kind)) => {
                self.files.actions.push(FileAction::ExportTo(kind, path));
            }
            (None, _) => {
                if self.files.path_entry.is_none() {
                    self.files.after_save = None;
                }
            }
        }
    }

    pub(super) fn open_path_entry(&mut self, purpose: PickPurpose) {
        let text = match (purpose, &self.doc.path) {
            (PickPurpose::SaveAs, Some(path)) => path.display().to_string(),
            (PickPurpose::Export(kind), path) => kind.suggested_path(path.as_deref()),
            _ => String::new(),
        };
        self.files.path_entry = Some(PathEntry { purpose, text });
    }

    /// Starts picking a file: a native dialog if one is likely to appear, else a typed path.
    pub(super) fn start_pick(&mut self, ctx: &egui::Context, purpose: PickPurpose) {
        if self.files.pending_pick.is_some() {
            return;
        }
        if self.files.picker.is_native_available() {
            let request = PickRequest {
                purpose,
                suggested: self.doc.path.clone(),
            };
            let receiver = self.files.picker.pick(ctx, &request);
            self.files.pending_pick = Some((purpose, receiver));
        } else {
            self.open_path_entry(purpose);
        }
    }

    /// Runs a File menu command.
    pub(super) fn run_file_command(&mut self, ctx: &egui::Context, command: FileCommand) {
        match command {
            FileCommand::New => self.proceed(ctx, Then::New),
            FileCommand::Open => self.proceed(ctx, Then::Open),
            FileCommand::TypePath => self.open_path_entry(PickPurpose::Open),
            FileCommand::OpenRecent(index) => {
                if let Some(path) = self.prefs.recent_files.get(index).cloned() {
                    self.proceed(ctx, Then::OpenPath(path));
                }
            }
            FileCommand::ClearRecent => self.prefs.recent_files.clear(),
            FileCommand::Save => self.save(ctx),
            FileCommand::SaveAs => self.start_pick(ctx, PickPurpose::SaveAs),
        }
    }

    /// Does `then` now, or first asks about unsaved changes.
    pub(super) fn unless_unsaved(&mut self, ctx: &egui::Context, then: Then) {
        if self.doc.dirty {
            self.files.unsaved_prompt = Some(then);
        } else {
            self.proceed(ctx, then);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, then: Then) {
        match then {
            Then::New => self.add_document(Document::new(scenario::builtin_baseline(), None)),
            Then::Open => self.start_pick(ctx, PickPurpose::Open),
            Then::OpenPath(path) => self.open_path(&path),
            Then::Close => {
                if let Some(index) = self.first_dirty() {
                    // The next unsaved document: show it and ask again.
                    self.switch_to(index);
                    self.files.unsaved_prompt = Some(Then::Close);
                } else {
                    self.files.close_confirmed = true;
                    ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Then::CloseDocument => self.close_active(),
        }
    }

    pub(super) fn save(&mut self, ctx: &egui::Context) {
        match self.doc.path.clone() {
            Some(path) => self.save_to(ctx, &path),
            None => self.start_pick(ctx, PickPurpose::SaveAs),
        }
    }

    /// Opens `path` as a new tab (or shows it if it is open); on failure shows the error and
    /// changes nothing.
    fn open_path(&mut self, path: &Path) {
        if let Some(index) = self.index_of_path(path) {
            self.switch_to(index);
            return;
        }
        match scenario::load_path(path) {
            Ok(loaded) => {
                self.add_document(Document::new(loaded, Some(path.to_path_buf())));
                remember_recent(&mut self.prefs.recent_files, path);
            }
            Err(error) => {
                self.files.error = Some(format!("Could not open the file.\n{error}"));
                if !path.is_file() {
                    self.prefs.recent_files.retain(|p| p != path);
                }
            }
        }
    }

    /// Saves to `path`; on failure says so and changes nothing.
    fn save_to(&mut self, ctx: &egui::Context, path: &Path) {
        let path = with_ron_extension(path);
        match scenario::save_path(&self.doc.scenario, &path) {
            Ok(()) => {
                remember_recent(&mut self.prefs.recent_files, &path);
                self.doc.mark_saved(path);
                self.remove_recovery();
                if let Some(then) = self.files.after_save.take() {
                    self.proceed(ctx, then);
                }
            }
            Err(error) => {
                self.files.after_save = None;
                self.files.error = Some(format!(
                    "Could not save; nothing was changed on disk.\n{error}"
                ));
            }
        }
    }

    /// Runs the actions the dialogs and the frame produced (after the commands).
    pub(super) fn run_file_actions(&mut self, ctx: &egui::Context) {
        for action in std::mem::take(&mut self.files.actions) {
            self.run_file_action(ctx, action);
        }
    }

    pub(super) fn run_file_actions_now(&mut self) {
        let ctx = egui::Context::default();
        self.run_file_actions(&ctx);
    }

    fn run_file_action(&mut self, ctx: &egui::Context, action: FileAction) {
        match action {
            FileAction::OpenPath(path) => self.open_path(&path),
            FileAction::SaveToPath(path) => self.save_to(ctx, &path),
            FileAction::Dropped(path) => self.proceed(ctx, Then::OpenPath(path)),
            FileAction::DroppedBytes(name, bytes) => match scenario::load_bytes(&bytes, &name) {
                Ok(loaded) => self.add_document(Document::new(loaded, None)),
                Err(error) => self.files.error = Some(format!("Could not open the file.\n{error}")),
            },
            FileAction::Unsaved(choice) => self.answer_unsaved(ctx, choice),
            FileAction::PathEntered => {
                if let Some(entry) = self.files.path_entry.take() {
                    let path = PathBuf::from(entry.text.trim());
                    match entry.purpose {
                        PickPurpose::Open => self.open_path(&path),
                        PickPurpose::SaveAs => self.save_to(ctx, &path),
                        PickPurpose::Export(kind) => self.export_to(ctx, kind, &path),
                    }
                }
            }
            FileAction::PathCancelled => {
                self.files.path_entry = None;
                self.files.after_save = None;
            }
            FileAction::DismissError => self.files.error = None,
            FileAction::ExportTo(kind, path) => self.export_to(ctx, kind, &path),
            FileAction::RestoreRecovery => self.restore_recovery(),
            FileAction::DiscardRecovery => {
                self.files.recovery_offer = None;
                self.remove_recovery();
            }
            FileAction::WriteRecovery => self.write_recovery(),
            FileAction::RemoveRecovery => self.remove_recovery(),
        }
    }

    fn answer_unsaved(&mut self, ctx: &egui::Context, choice: UnsavedChoice) {
        let Some(then) = self.files.unsaved_prompt.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => {
                self.remove_recovery();
                self.doc.dirty = false;
                self.proceed(ctx, then);
            }
            UnsavedChoice::Save => {
                self.files.after_save = Some(then);
                self.save(ctx);
            }
        }
    }

    /// Prunes recent files that no longer exist (on start).
    pub(super) fn prune_recent_files(&mut self) {
        prune_recent(&mut self.prefs.recent_files);
    }
}

/// `path`, with `.ron` added if it has no extension.
fn with_ron_extension(path: &Path) -> PathBuf {
    if path.extension().is_none() {
        path.with_extension("ron")
    } else {
        path.to_path_buf()
    }
}
