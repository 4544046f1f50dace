//! The Uncertainty tab: Monte Carlo fan charts, the tornado, the run's progress and settings, and
//! the goal-seek dialog.

mod fan;
mod goal_seek;
mod histogram;
pub mod runner;
mod settings;
mod tornado;

use std::sync::Arc;

use runner::{Outcome, QUICK_SAMPLES, RunKind, Runner, Running};

use crate::edits::Edit;
use crate::model::uncertainty::{SimulationSummary, TornadoBar, sensitivity};
use crate::model::{Measure, Scenario};
use crate::ui::plot_kit::ChartData;

/// Where the Monte Carlo stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// The scenario has no uncertain input.
    NoUncertainty,
    Idle,
    Running(Running),
    /// The last run was cancelled (the bands show the last finished run, if any).
    Cancelled,
    Failed(String),
}

/// `scenario` without what no draw depends on (names, colours, description, sources), so that
/// renaming or recolouring never restarts a run.
fn model_inputs(scenario: &Scenario) -> Scenario {
    let mut inputs = scenario.clone();
    inputs.name.clear();
    inputs.description.clear();
    inputs.sources.clear();
    for provider in &mut inputs.providers {
        provider.name.clear();
        provider.color = crate::model::Rgb([0, 0, 0]);
    }
    inputs.others.name.clear();
    inputs.others.color = crate::model::Rgb([0, 0, 0]);
    for workload in &mut inputs.workloads {
        workload.name.clear();
    }
    inputs
}

/// Tornado bars for one (scenario generation, provider, measure, year).
struct TornadoCache {
    key: (u64, usize, Measure, i32),
    bars: Result<Vec<TornadoBar>, String>,
}

/// The Uncertainty tab's state: the runner, the latest summary and the choices on screen.
pub struct UncertaintyState {
    runner: Runner,
    summary: Option<Arc<SimulationSummary>>,
    /// What the last run started was run on (the scenario without names, colours and sources,
    /// which do not change a draw), and its kind.
    requested: Option<(Scenario, RunKind)>,
    notice: Option<Status>,
    /// Provider shown (Others = number of named providers).
    pub provider: usize,
    pub measure: Measure,
    /// Year of the tornado; `None` until chosen (the last projected year).
    pub tornado_year: Option<i32>,
    tornado: Option<TornadoCache>,
    /// Runs landed so far (names the summary the histogram was counted for).
    runs_landed: usize,
    histogram: Option<histogram::HistogramCache>,
    goal_seek: goal_seek::GoalSeek,
}

impl Default for UncertaintyState {
    fn default() -> Self {
        Self {
            runner: Runner::default(),
            summary: None,
            requested: None,
            notice: None,
            provider: 0,
            measure: Measure::Revenue,
            tornado_year: None,
            tornado: None,
            runs_landed: 0,
            histogram: None,
            goal_seek: goal_seek::GoalSeek::default(),
        }
    }
}

impl UncertaintyState {
    /// The summary of the last finished run.
    pub fn summary(&self) -> Option<&SimulationSummary> {
        self.summary.as_deref()
    }

    /// Where the Monte Carlo stands.
    pub fn status(&self, scenario: &Scenario) -> Status {
        if scenario.uncertainty.is_empty() {
            return Status::NoUncertainty;
        }
        if let Some(running) = self.runner.running() {
            return Status::Running(running);
        }
        self.notice.clone().unwrap_or(Status::Idle)
    }

    /// The tornado bars last computed, if any.
    pub fn tornado_bars(&self) -> Option<&[TornadoBar]> {
        self.tornado
            .as_ref()
            .and_then(|cache| cache.bars.as_deref().ok())
    }

    /// Opens the goal-seek dialog.
    pub fn open_goal_seek(&mut self) {
        self.goal_seek.open = true;
    }

    /// Collects finished runs and starts the one the scenario needs (call once per frame, before
    /// drawing). Runs only while the tab is `visible`.
    pub fn update(&mut self, ctx: &egui::Context, scenario: &Scenario, visible: bool) {
        match self.runner.poll() {
            Some(Outcome::Done(_, summary)) => {
                self.summary = Some(summary);
                self.runs_landed += 1;
                self.notice = None;
            }
            Some(Outcome::Cancelled(_)) => self.notice = Some(Status::Cancelled),
            Some(Outcome::Failed(_, message)) => self.notice = Some(Status::Failed(message)),
            None => {}
        }
        if scenario.uncertainty.is_empty() {
            self.runner.cancel();
            self.summary = None;
            self.requested = None;
            return;
        }
        if visible {
            self.request_run(ctx, scenario);
        }
        if self.runner.running().is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn request_run(&mut self, ctx: &egui::Context, scenario: &Scenario) {
        let dragging = ctx.input(|i| i.pointer.any_down());
        let wanted = if dragging {
            RunKind::Quick
        } else {
            RunKind::Full
        };
        let inputs = model_inputs(scenario);
        let up_to_date = matches!(&self.requested, Some((last, kind))
            if *last == inputs && (*kind == RunKind::Full || wanted == RunKind::Quick));
        if up_to_date {
            return;
        }
        let mc = scenario.monte_carlo.unwrap_or_default();
        // A long first run shows a quick pass first, so the tab is never blank for long.
        let first_look = self.summary.is_none() && self.requested.is_none();
        let wanted = if first_look && mc.samples > QUICK_SAMPLES {
            RunKind::Quick
        } else {
            wanted
        };
        let samples = match wanted {
            RunKind::Quick => mc.samples.min(QUICK_SAMPLES),
            RunKind::Full => mc.samples,
        };
        let repaint = ctx.clone();
        self.runner
            .start(scenario.clone(), samples, mc.seed, wanted, move || {
                repaint.request_repaint();
            });
        self.requested = Some((inputs, wanted));
        self.notice = None;
    }

    /// The tab's contents; edits (settings, goal seek's Apply) go to `edits`.
    pub fn tab_ui(
        &mut self,
        ui: &mut egui::Ui,
        data: &ChartData<'_>,
        generation: u64,
        edits: &mut Vec<Edit>,
    ) {
        let scenario = data.scenario;
        ui.horizontal_wrapped(|ui| {
            settings::settings_ui(ui, scenario, edits);
            ui.separator();
            if ui
                .button("Goal seek…")
                .on_hover_text("Find the input value at which an output hits a target.")
                .clicked()
            {
                self.goal_seek.open = true;
            }
        });
        self.status_ui(ui, scenario);
        self.goal_seek.window_ui(ui.ctx(), data, edits);
        if scenario.uncertainty.is_empty() {
            ui.add_space(24.0);
            ui.vertical_centered(|ui| {
                ui.heading("This scenario has no uncertain input.");
                ui.label(
                    "Click the ± button beside a slider in the inputs panel (a growth rate, a drift, \
                     the halo…) and pick a distribution: the bands and the tornado appear here.",
                );
            });
            return;
        }
        self.selectors_ui(ui, data);
        let Some(summary) = self.summary.clone() else {
            ui.label("Running the first Monte Carlo…");
            return;
        };
        let available = ui.available_size();
        let year = self.tornado_year(data);
        self.refresh_tornado(scenario, generation, year);
        let bar_count = self
            .tornado
            .as_ref()
            .and_then(|cache| cache.bars.as_ref().ok())
            .map_or(0, Vec::len);
        let tornado_height = tornado::needed_height(bar_count, ui);
        if available.y < 200.0 + tornado_height {
            // Too short for both: each chart at a readable height, in a scroll area.
            egui::ScrollArea::vertical()
                .id_salt("uncertainty-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let width = ui.available_width();
                    let fan_size = egui::vec2(width, 220.0);
                    self.fan_and_histogram_ui(ui, data, &summary, year, fan_size);
                    self.tornado_area_ui(ui, data, year, egui::vec2(width, tornado_height));
                });
            return;
        }
        let fan_height = (available.y - tornado_height).max(200.0);
        self.fan_and_histogram_ui(
            ui,
            data,
            &summary,
            year,
            egui::vec2(available.x, fan_height),
        );
        let size = egui::vec2(available.x, ui.available_height().max(160.0));
        self.tornado_area_ui(ui, data, year, size);
    }

    /// The fan and, to its right, the histogram of `year` (the tornado's year), in `size`.
    fn fan_and_histogram_ui(
        &mut self,
        ui: &mut egui::Ui,
        data: &ChartData<'_>,
        summary: &SimulationSummary,
        year: i32,
        size: egui::Vec2,
    ) {
        let choice = (self.provider, self.measure, year);
        histogram::refresh(
            &mut self.histogram,
            data.scenario,
            summary,
            self.runs_landed,
            choice,
        );
        let t = (year - summary.base_year).max(0) as usize;
        let mean = summary
            .stats(self.measure, t, self.provider)
            .map(|s| s.mean);
        let single = summary.deterministic.value(self.measure, t, self.provider);
        let gap = ui.spacing().item_spacing.x;
        let histogram_width = (size.x * 0.3).clamp(200.0, 420.0);
        let fan_width = (size.x - histogram_width - gap).max(240.0);
        ui.horizontal(|ui| {
            fan::fan_chart_ui(
                ui,
                data,
                summary,
                self.measure,
                self.provider,
                egui::vec2(fan_width, size.y),
            );
            histogram::histogram_ui(
                ui,
                self.histogram.as_ref(),
                data.scenario,
                choice,
                mean,
                single,
                egui::vec2(histogram_width, size.y),
            );
        });
    }

    /// The tornado for the chosen provider and measure in `year`, or why there is none.
    fn tornado_area_ui(
        &self,
        ui: &mut egui::Ui,
        data: &ChartData<'_>,
        year: i32,
        size: egui::Vec2,
    ) {
        if let Some(cache) = &self.tornado {
            match &cache.bars {
                Ok(bars) => {
                    tornado::tornado_ui(ui, data, bars, self.measure, self.provider, year, size);
                }
                Err(message) => {
                    ui.label(format!("No tornado: {message}"));
                }
            }
        }
    }

    fn tornado_year(&self, data: &ChartData<'_>) -> i32 {
        let first = data.projection.base_year;
        let last = data
            .projection
            .year(data.projection.years.saturating_sub(1));
        self.tornado_year.unwrap_or(last).clamp(first, last)
    }

    fn refresh_tornado(&mut self, scenario: &Scenario, generation: u64, year: i32) {
        let key = (generation, self.provider, self.measure, year);
        if self.tornado.as_ref().is_some_and(|c| c.key == key) {
            return;
        }
        let bars =
            sensitivity(scenario, self.provider, self.measure, year).map_err(|e| e.to_string());
        self.tornado = Some(TornadoCache { key, bars });
    }

    fn status_ui(&mut self, ui: &mut egui::Ui, scenario: &Scenario) {
        match self.status(scenario) {
            Status::Running(running) => {
                ui.horizontal(|ui| {
                    let what = match running.kind {
                        RunKind::Quick => "Quick pass",
                        RunKind::Full => "Monte Carlo",
                    };
                    ui.add(
                        egui::ProgressBar::new(running.fraction as f32)
                            .desired_width(240.0)
                            .show_percentage()
                            .text(format!(
                                "{what}: {} draws, {:.0}%",
                                running.samples,
                                running.fraction * 100.0
                            )),
                    );
                    if ui.button("Cancel").clicked() {
                        self.runner.cancel();
                    }
                });
            }
            Status::Cancelled => {
                ui.horizontal(|ui| {
                    ui.label("Cancelled: the bands show the last finished run.");
                    if ui.button("Run again").clicked() {
                        self.requested = None;
                    }
                });
            }
            Status::Failed(message) => {
                ui.label(format!("Monte Carlo failed: {message}"));
            }
            Status::Idle => {
                if let Some(summary) = &self.summary {
                    ui.label(
                        egui::RichText::new(format!(
                            "{} draws, seed {}",
                            summary.samples, summary.seed
                        ))
                        .weak(),
                    );
                }
            }
            Status::NoUncertainty => {}
        }
    }

    fn selectors_ui(&mut self, ui: &mut egui::Ui, data: &ChartData<'_>) {
        let scenario = data.scenario;
        let providers = scenario.providers.len() + 1;
        if self.provider >= providers {
            self.provider = 0;
        }
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_label("Provider")
                .selected_text(scenario.provider_name(self.provider))
                .show_ui(ui, |ui| {
                    for p in 0..providers {
                        ui.selectable_value(&mut self.provider, p, scenario.provider_name(p));
                    }
                });
            egui::ComboBox::from_label("Measure")
                .selected_text(self.measure.label())
                .show_ui(ui, |ui| {
                    for m in Measure::UNCERTAIN {
                        ui.selectable_value(&mut self.measure, m, m.label());
                    }
                });
            let mut year = self.tornado_year(data);
            let first = data.projection.base_year;
            let last = data
                .projection
                .year(data.projection.years.saturating_sub(1));
            let label = ui.label("Tornado year");
            if ui
                .add(egui::DragValue::new(&mut year).range(first..=last))
                .labelled_by(label.id)
                .changed()
            {
                self.tornado_year = Some(year);
            }
        });
    }
}
