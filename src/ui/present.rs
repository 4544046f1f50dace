//! Presenter mode and the app-level state of compare, presenting and exports: full screen, large
//! type, no editing panels, one chart and the scenario's description at a time; arrows or Page
//! Up/Down step through the charts and then the open scenarios; Esc leaves.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use egui::{Key, Modifiers};

use crate::ui::menu::Command;
use crate::ui::plots::{Chart, ChartData};

/// The charts a presentation steps through, for each open scenario.
pub const SLIDE_CHARTS: [Chart; 4] = [Chart::Share, Chart::Revenue, Chart::Placement, Chart::Delta];

/// How much larger everything is drawn while presenting.
const PRESENTER_ZOOM: f32 = 1.5;

/// Presenter mode commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentCommand {
    Start,
    Stop,
    Next,
    Previous,
}

/// A running presentation: the slide shown and what to restore on leaving.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Presenter {
    /// Slide index: scenario `slide / 4`, chart `SLIDE_CHARTS[slide % 4]`.
    pub slide: usize,
    zoom_before: f32,
}

/// A screenshot the app asked for, delivered by the renderer on a later frame.
pub type ScreenshotSlot = Arc<Mutex<Option<Arc<egui::ColorImage>>>>;

/// Compare, presenter and export state (across documents; never persisted).
#[derive(Default)]
pub struct PresentState {
    /// The Compare view is shown instead of the active document's charts.
    pub comparing: bool,
    /// Which tabs are ticked for comparing (by tab index; missing = ticked).
    pub compare_ticked: Vec<bool>,
    /// The year of the KPI table (None: the last common year).
    pub compare_year: Option<i32>,
    pub presenter: Option<Presenter>,
    /// Text from a paste event or the paste dialog, opened after the frame.
    pub(crate) pending_paste: Option<String>,
    /// The "Paste scenario" dialog and its text, while open.
    pub paste_dialog: Option<String>,
    /// The RON last copied with "Copy scenario as RON".
    pub last_copied: Option<String>,
    /// The plot area (with axes) of the chart last drawn in the central panel, in points.
    pub(crate) chart_rect: Option<egui::Rect>,
    /// A chart PNG to take once the dialogs are gone: where, which rect, frames left to wait.
    pub(crate) pending_png: Option<(PathBuf, egui::Rect, u8)>,
    /// A chart PNG whose screenshot has been asked for.
    pub(crate) png_waiting: Option<(PathBuf, egui::Rect)>,
    pub(crate) screenshot: ScreenshotSlot,
    /// A one-line status ("Exported …"), shown until the next one.
    pub status: Option<String>,
}

impl PresentState {
    /// Whether presenter mode is on.
    pub fn presenting(&self) -> bool {
        self.presenter.is_some()
    }

    /// Tab indices ticked for comparing, out of `count` open documents.
    pub fn ticked(&self, count: usize) -> Vec<usize> {
        (0..count)
            .filter(|i| self.compare_ticked.get(*i).copied().unwrap_or(true))
            .collect()
    }

    /// Drops the tick of a closed tab so the others keep theirs.
    pub fn forget_document(&mut self, index: usize) {
        if index < self.compare_ticked.len() {
            self.compare_ticked.remove(index);
        }
    }

    /// Starts presenting at the first chart of `active`: full screen, large type.
    pub fn start(&mut self, ctx: &egui::Context, active: usize) {
        if self.presenter.is_some() {
            return;
        }
        self.presenter = Some(Presenter {
            slide: active * SLIDE_CHARTS.len(),
            zoom_before: ctx.zoom_factor(),
        });
        ctx.set_zoom_factor(PRESENTER_ZOOM);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Leaves presenter mode, restoring the zoom and the window.
    pub fn stop(&mut self, ctx: &egui::Context) {
        if let Some(presenter) = self.presenter.take() {
            ctx.set_zoom_factor(presenter.zoom_before);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }

    /// Steps one slide; returns the tab index of the scenario to show.
    pub fn step(&mut self, forward: bool, documents: usize) -> Option<usize> {
        let presenter = self.presenter.as_mut()?;
        let slides = documents * SLIDE_CHARTS.len();
        presenter.slide = if forward {
            (presenter.slide + 1) % slides
        } else {
            (presenter.slide + slides - 1) % slides
        };
        Some(presenter.slide / SLIDE_CHARTS.len())
    }
}

/// Pushes presenter commands for F5/F11, and while presenting for Esc, arrows and Page Up/Down.
pub fn present_keys(ctx: &egui::Context, presenting: bool, commands: &mut Vec<Command>) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let pressed = |key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    if pressed(Key::F5) || pressed(Key::F11) {
        commands.push(Command::Present(if presenting {
            PresentCommand::Stop
        } else {
            PresentCommand::Start
        }));
    }
    if !presenting {
        return;
    }
    if pressed(Key::Escape) {
        commands.push(Command::Present(PresentCommand::Stop));
    }
    for (key, command) in [
        (Key::ArrowRight, PresentCommand::Next),
        (Key::PageDown, PresentCommand::Next),
        (Key::Space, PresentCommand::Next),
        (Key::ArrowLeft, PresentCommand::Previous),
        (Key::PageUp, PresentCommand::Previous),
    ] {
        if pressed(key) {
            commands.push(Command::Present(command));
        }
    }
}

/// The presenter screen: the scenario's name and description, one chart, the way on.
pub fn presenter_ui(
    ui: &mut egui::Ui,
    data: &ChartData<'_>,
    slide: usize,
    slides: usize,
) -> Option<egui::Rect> {
    let chart = SLIDE_CHARTS[slide % SLIDE_CHARTS.len()];
    ui.horizontal(|ui| {
        ui.heading(egui::RichText::new(&data.scenario.name).strong());
        ui.label(egui::RichText::new(format!("— {}", chart.title())).heading());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(
                egui::RichText::new(format!(
                    "{} / {slides}   Left/Right: step · Esc: leave",
                    slide + 1
                ))
                .weak(),
            );
        });
    });
    if !data.scenario.description.is_empty() {
        ui.label(&data.scenario.description);
    }
    ui.label(egui::RichText::new(chart.description()).weak());
    ui.add_space(4.0);
    let size = ui.available_size();
    let top = ui.cursor().min;
    crate::ui::charts::chart_ui(ui, data, chart, size);
    Some(egui::Rect::from_min_size(top, size))
}
