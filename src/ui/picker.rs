//! Choosing a file: native dialogs (rfd) awaited off the UI thread, behind a trait so tests can
//! answer with paths of their own and never open a dialog. It knows file filters, not features.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// The kind of file a dialog offers: its name and extensions (without dots).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileFilter {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

/// Whether the dialog picks an existing file or a place to write one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PickMode {
    Open,
    Save,
}

/// A request for a path.
#[derive(Clone, Debug)]
pub struct PickRequest {
    pub title: &'static str,
    pub mode: PickMode,
    pub filter: FileFilter,
    /// The folder to start in, if known.
    pub directory: Option<PathBuf>,
    /// The file name to propose when saving.
    pub file_name: Option<String>,
}

/// Something that answers [`PickRequest`]s. The answer arrives on the returned channel, later;
/// `None` means cancelled (or no dialog could be shown). The UI polls it each frame.
pub trait FilePicker {
    /// Whether a native dialog is likely to appear; if not, the app asks for a typed path.
    fn is_native_available(&self) -> bool;
    /// Starts picking. Must not block.
    fn pick(&mut self, ctx: &egui::Context, request: &PickRequest) -> Receiver<Option<PathBuf>>;
}

/// Native dialogs through rfd (desktop portal or zenity on Linux).
#[derive(Debug, Default)]
pub struct NativePicker;

impl FilePicker for NativePicker {
    fn is_native_available(&self) -> bool {
        native_dialog_likely_available()
    }

    fn pick(&mut self, ctx: &egui::Context, request: &PickRequest) -> Receiver<Option<PathBuf>> {
        // rfd asks for the dialog to be built on the main thread and awaited elsewhere.
        let mut dialog = rfd::AsyncFileDialog::new()
            .add_filter(request.filter.name, request.filter.extensions)
            .set_title(request.title);
        if let Some(dir) = request
            .directory
            .as_ref()
            .filter(|d| !d.as_os_str().is_empty())
        {
            dialog = dialog.set_directory(dir);
        }
        if let Some(name) = &request.file_name {
            dialog = dialog.set_file_name(name);
        }
        let future: std::pin::Pin<Box<dyn Future<Output = Option<rfd::FileHandle>> + Send>> =
            match request.mode {
                PickMode::Open => Box::pin(dialog.pick_file()),
                PickMode::Save => Box::pin(dialog.save_file()),
            };
        let (sender, receiver) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name("file-dialog".to_owned())
            .spawn(move || {
                let picked = pollster::block_on(future).map(|h| h.path().to_path_buf());
                // The app may have closed meanwhile; nobody is left to tell.
                let _ = sender.send(picked);
                ctx.request_repaint();
            });
        if spawned.is_err() {
            // No thread: the receiver reports a closed channel, which the app treats as "no dialog".
            return channel().1;
        }
        receiver
    }
}

/// Whether a native file dialog is likely to work: a session bus (for the desktop portal) or
/// `zenity` on PATH. Without either, rfd returns `None` at once, exactly like a cancel.
pub fn native_dialog_likely_available() -> bool {
    if cfg!(not(target_os = "linux")) {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
    bus || zenity_on_path()
}

fn zenity_on_path() -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("zenity").is_file()))
}

/// A picker that never opens anything: every request is answered `None` and the app asks for a
/// typed path instead. Used by tests and by the app when built without eframe.
#[derive(Debug, Default)]
pub struct NoPicker;

impl FilePicker for NoPicker {
    fn is_native_available(&self) -> bool {
        false
    }

    fn pick(&mut self, _ctx: &egui::Context, _request: &PickRequest) -> Receiver<Option<PathBuf>> {
        let (sender, receiver) = channel();
        let _ = sender.send(None);
        receiver
    }
}
