//! The file handlers: New, Open, Save, Save As, the unsaved-changes prompt and choosing paths.

use std::path::{Path, PathBuf};

use super::{FileContext, FileState, PathEntry};
use crate::scenario;
use crate::ui::command::{
    Command, ExportCommand, ExportKind, FileCommand, PickPurpose, Then, UnsavedChoice,
};
use crate::ui::document::Document;
use crate::ui::picker::{FileFilter, PickMode, PickRequest};

/// Scenario files in dialogs.
const SCENARIO_FILTER: FileFilter = FileFilter {
    name: "cloudshift scenario",
    extensions: &["ron"],
};

impl FileState {
    /// Does `then`: the unsaved changes (if any) were saved or discarded.
    pub(super) fn proceed(&mut self, then: Then, cx: &mut FileContext<'_>) {
        match then {
            Then::New => cx
                .docs
                .add(Document::new(scenario::builtin_baseline(), None)),
            Then::Open => self.start_pick(PickPurpose::Open, cx),
            Then::OpenPath(path) => self.open_path(&path, cx),
            Then::Close => {
                if let Some(index) = cx.docs.first_dirty() {
                    // The next unsaved document: show it and ask again.
                    cx.docs.switch_to(index);
                    self.unsaved_prompt = Some(Then::Close);
                } else {
                    self.close_confirmed = true;
                    cx.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            Then::CloseDocument => cx.docs.close_active(),
        }
    }

    pub(super) fn answer_unsaved(&mut self, choice: UnsavedChoice, cx: &mut FileContext<'_>) {
        let Some(then) = self.unsaved_prompt.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => {}
            UnsavedChoice::Discard => {
                self.remove_recovery();
                cx.docs.active_mut().discard_changes();
                self.proceed(then, cx);
            }
            UnsavedChoice::Save => self.save(Some(then), cx),
        }
    }

    /// Saves the active document to its file, or asks where; then does `then`.
    pub(super) fn save(&mut self, then: Option<Then>, cx: &mut FileContext<'_>) {
        match cx.docs.active().path().map(Path::to_path_buf) {
            Some(path) => self.save_to(&path, then, cx),
            None => self.start_pick(PickPurpose::SaveAs { then }, cx),
        }
    }

    /// A path was chosen (in a dialog or typed) for `purpose`.
    pub(super) fn picked(&mut self, purpose: PickPurpose, path: &Path, cx: &mut FileContext<'_>) {
        match purpose {
            PickPurpose::Open => self.open_path(path, cx),
            PickPurpose::SaveAs { then } => self.save_to(path, then, cx),
            PickPurpose::Export(kind) => {
                self.last_export_dir = path.parent().map(Path::to_path_buf);
                cx.queue
                    .push(Command::Export(ExportCommand::To(kind, path.to_path_buf())));
            }
        }
    }

    /// Saves to `path`, then does `then`; on failure says so and changes nothing.
    fn save_to(&mut self, path: &Path, then: Option<Then>, cx: &mut FileContext<'_>) {
        let path = with_ron_extension(path);
        match scenario::save_path(cx.docs.active().scenario(), &path) {
            Ok(()) => {
                super::remember_recent(cx.recent, &path);
                self.note = Some(format!("Saved {}", path.display()));
                cx.docs.active_mut().mark_saved(path);
                self.remove_recovery();
                if let Some(then) = then {
                    cx.queue.push(Command::File(FileCommand::Proceed(then)));
                }
            }
            Err(error) => {
                self.error = Some(format!(
                    "Could not save; nothing was changed on disk.\n{error}"
                ));
            }
        }
    }

    /// Opens `path` as a new tab (or shows it if it is open); on failure shows the error and
    /// changes nothing.
    fn open_path(&mut self, path: &Path, cx: &mut FileContext<'_>) {
        if let Some(index) = cx.docs.index_of_path(path) {
            cx.docs.switch_to(index);
            return;
        }
        match scenario::load_path(path) {
            Ok(loaded) => {
                cx.docs.add(Document::new(loaded, Some(path.to_path_buf())));
                super::remember_recent(cx.recent, path);
            }
            Err(error) => {
                self.error = Some(format!("Could not open the file.\n{error}"));
                if !path.is_file() {
                    cx.recent.retain(|p| p != path);
                }
            }
        }
    }

    /// Opens a dropped file's bytes as a new tab.
    pub(super) fn open_bytes(&mut self, name: &str, bytes: &[u8], cx: &mut FileContext<'_>) {
        match scenario::load_bytes(bytes, name) {
            Ok(loaded) => cx.docs.add(Document::new(loaded, None)),
            Err(error) => self.error = Some(format!("Could not open the file.\n{error}")),
        }
    }

    /// Asks for a typed path for `purpose`, proposing a sensible one.
    pub(super) fn open_path_entry(
        &mut self,
        purpose: PickPurpose,
        docs: &crate::ui::documents::Documents,
    ) {
        let current = docs.active().path();
        let text = match (&purpose, current) {
            (PickPurpose::SaveAs { .. }, Some(path)) => path.display().to_string(),
            (PickPurpose::Export(kind), path) => {
                let dir = self.last_export_dir.clone().or_else(documents_dir);
                let stem = path
                    .and_then(Path::file_stem)
                    .map(|s| s.to_string_lossy().into_owned());
                kind.suggested_path(dir.as_deref(), stem.as_deref())
            }
            _ => String::new(),
        };
        self.path_entry = Some(PathEntry { purpose, text });
    }

    /// Starts picking a file: a native dialog if one is likely to appear, else a typed path.
    pub(super) fn start_pick(&mut self, purpose: PickPurpose, cx: &mut FileContext<'_>) {
        if self.pending_pick.is_some() {
            return;
        }
        if !self.picker.is_native_available() {
            self.open_path_entry(purpose, cx.docs);
            return;
        }
        let current = cx.docs.active().path();
        let export_dir = self.last_export_dir.clone().or_else(documents_dir);
        let request = pick_request(&purpose, current, export_dir);
        let receiver = self.picker.pick(cx.ctx, &request);
        self.pending_pick = Some((purpose, receiver));
    }
}

/// The dialog for `purpose`: its title, filter, starting folder and proposed name. An export
/// starts in `export_dir` (the last export's folder, else the documents folder), never beside a
/// shipped scenario, and proposes the scenario's stem with the export's suffix.
fn pick_request(
    purpose: &PickPurpose,
    current: Option<&Path>,
    export_dir: Option<PathBuf>,
) -> PickRequest {
    let directory = current.and_then(Path::parent).map(Path::to_path_buf);
    match purpose {
        PickPurpose::Open => PickRequest {
            title: "Open scenario",
            mode: PickMode::Open,
            filter: SCENARIO_FILTER,
            directory,
            file_name: None,
        },
        PickPurpose::SaveAs { .. } => PickRequest {
            title: "Save scenario as",
            mode: PickMode::Save,
            filter: SCENARIO_FILTER,
            directory,
            file_name: Some(current.and_then(Path::file_name).map_or_else(
                || "scenario.ron".to_owned(),
                |n| n.to_string_lossy().into_owned(),
            )),
        },
        PickPurpose::Export(kind) => PickRequest {
            title: kind.title(),
            mode: PickMode::Save,
            filter: export_filter(*kind),
            directory: export_dir,
            file_name: Some(
                kind.suggested_path(
                    None,
                    current
                        .and_then(Path::file_stem)
                        .map(|s| s.to_string_lossy())
                        .as_deref(),
                ),
            ),
        },
    }
}

/// The person's documents folder (else their home), where a first export is proposed: never the
/// folder of a shipped scenario or the working directory.
fn documents_dir() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(
        dirs.document_dir()
            .map_or_else(|| dirs.home_dir().to_path_buf(), Path::to_path_buf),
    )
}

/// The file type an export is written as.
fn export_filter(kind: ExportKind) -> FileFilter {
    let extensions: &'static [&'static str] = match kind.extension() {
        "png" => &["png"],
        "svg" => &["svg"],
        "html" => &["html"],
        _ => &["csv"],
    };
    FileFilter {
        name: kind.filter_name(),
        extensions,
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
