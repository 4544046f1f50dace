//! Presenter mode and the Compare view's choices: full screen, large type, no editing panels, one
//! chart and the scenario's description at a time; arrows or Page Up/Down step through the
//! charts and then the open scenarios; Esc leaves.

use crate::ui::charts::{self, ChartData};
use crate::ui::command::{Chart, PlotLayout, PresentCommand};
use crate::ui::documents::Documents;

/// The charts a presentation steps through, for each open scenario.
pub const SLIDE_CHARTS: [Chart; 4] = [Chart::Share, Chart::Revenue, Chart::Placement, Chart::Delta];

/// How much larger everything is drawn while presenting.
const PRESENTER_ZOOM: f32 = 1.5;

/// What the Compare view's right plot shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Shown {
    /// Each scenario's values, overlaid.
    #[default]
    Values,
    /// Each later scenario minus the first, the question a comparison asks.
    Difference,
}

/// A running presentation: the slide shown and what to restore on leaving.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Presenter {
    /// Slide index: scenario `slide / 4`, chart `SLIDE_CHARTS[slide % 4]`.
    pub slide: usize,
    zoom_before: f32,
}

/// Compare and presenter state (across documents; never persisted).
#[derive(Debug, Default)]
pub struct PresentState {
    /// The Compare view is shown instead of the active document's charts.
    pub comparing: bool,
    /// The documents (by id) left out of the comparison; every other open one is compared.
    pub compare_unticked: Vec<u64>,
    /// The year of the KPI table (None: the last common year).
    pub compare_year: Option<i32>,
    /// What the compare view's right plot shows.
    pub compare_shown: Shown,
    pub presenter: Option<Presenter>,
}

impl PresentState {
    pub fn presenting(&self) -> bool {
        self.presenter.is_some()
    }

    /// The one chart on screen, if one is: the slide's while presenting, else the chosen tab's
    /// (none in the grid or the Compare view).
    pub fn chart_shown(&self, chart: Chart, layout: PlotLayout) -> Option<Chart> {
        if let Some(presenter) = self.presenter {
            return Some(SLIDE_CHARTS[presenter.slide % SLIDE_CHARTS.len()]);
        }
        (!self.comparing && layout == PlotLayout::Tabs).then_some(chart)
    }

    /// Tab indices of the documents ticked for comparing.
    pub fn ticked(&self, docs: &Documents) -> Vec<usize> {
        docs.iter()
            .enumerate()
            .filter(|(_, d)| !self.compare_unticked.contains(&d.id()))
            .map(|(i, _)| i)
            .collect()
    }

    /// Runs a presenter command; `chart` is the chart on screen (presenting starts on it).
    pub fn run(
        &mut self,
        command: PresentCommand,
        ctx: &egui::Context,
        docs: &mut Documents,
        chart: Chart,
    ) {
        match command {
            PresentCommand::Start => {
                self.comparing = false;
                self.start(ctx, docs.active_index(), chart);
            }
            PresentCommand::Stop => self.stop(ctx),
            PresentCommand::Next | PresentCommand::Previous => {
                let forward = command == PresentCommand::Next;
                if let Some(index) = self.step(forward, docs.count()) {
                    docs.switch_to(index);
                }
            }
        }
    }

    fn start(&mut self, ctx: &egui::Context, active: usize, chart: Chart) {
        if self.presenter.is_some() {
            return;
        }
        let chart_slide = SLIDE_CHARTS.iter().position(|c| *c == chart).unwrap_or(0);
        self.presenter = Some(Presenter {
            slide: active * SLIDE_CHARTS.len() + chart_slide,
            zoom_before: ctx.zoom_factor(),
        });
        ctx.set_zoom_factor(PRESENTER_ZOOM);
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    fn stop(&mut self, ctx: &egui::Context) {
        if let Some(presenter) = self.presenter.take() {
            ctx.set_zoom_factor(presenter.zoom_before);
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }

    /// Moves one slide; returns the document the new slide belongs to.
    fn step(&mut self, forward: bool, documents: usize) -> Option<usize> {
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

/// One slide: the scenario's name and description, and one chart filling the rest. Returns where
/// the chart was drawn.
pub fn presenter_ui(
    ui: &mut egui::Ui,
    data: &ChartData<'_>,
    slide: usize,
    slides: usize,
) -> egui::Rect {
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
    charts::chart_ui(ui, data, chart, size);
    egui::Rect::from_min_size(top, size)
}
