//! The desktop app (eframe/egui): inputs on sliders, outputs on charts, a summary with events.
//!
//! The UI edits a copy of the scenario, checks it, and reads a cached projection; the model itself
//! lives in `crate::model` and knows nothing of egui.

mod about;
mod app;
pub mod charts;
pub mod command;
mod compare_view;
pub mod document;
pub mod documents;
pub mod export;
mod files;
mod impact_spread;
mod inputs;
mod investor;
pub mod learn;
mod menu;
pub mod picker;
mod plot_kit;
mod prefs;
pub mod present;
mod status;
pub mod summary;
pub mod uncertainty;
mod undo;
mod widgets;

use std::path::PathBuf;

pub use app::CloudshiftApp;
pub use prefs::Prefs;

use crate::model::Scenario;

/// Why the window could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum UiStartError {
    #[error(
        "no display available (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open; \
         the command line works without one: see `cloudshift --help`"
    )]
    NoDisplay,
    #[error(
        "the window could not be opened: {0}; the command line works without one: see `cloudshift --help`"
    )]
    Eframe(String),
}

/// Whether a graphical session seems to be available.
fn display_available() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|var| std::env::var_os(var).is_some_and(|v| !v.is_empty()))
}

/// Opens the window on `documents` (each a scenario and the file it came from; the built-in
/// baseline if empty), one tab each, and runs until it is closed.
pub fn run_native(documents: Vec<(Scenario, Option<PathBuf>)>) -> Result<(), UiStartError> {
    if !display_available() {
        return Err(UiStartError::NoDisplay);
    }
    let mut documents = documents.into_iter();
    let (scenario, path) = documents
        .next()
        .unwrap_or_else(|| (crate::scenario::builtin_baseline(), None));
    let others: Vec<_> = documents.collect();
    let title = format!("{} — cloudshift", scenario.name);
    let persistence_path = directories::ProjectDirs::from("", "", "cloudshift")
        .map(|dirs| dirs.data_dir().join("app.ron"));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(title)
            .with_app_id("cloudshift")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([800.0, 560.0]),
        persistence_path,
        ..Default::default()
    };
    eframe::run_native(
        "cloudshift",
        options,
        Box::new(move |cc| {
            let mut app = CloudshiftApp::from_creation_context(cc, scenario, path);
            for (scenario, path) in others {
                app.add_document(document::Document::new(scenario, path));
            }
            app.switch_to(0);
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| UiStartError::Eframe(e.to_string()))
}
