//! The app state: the committed scenario (always valid), its cached projection and events, the
//! view preferences, and the frame: menu, inputs, summary, charts, then the command queue.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::{Projection, Scenario, project_into};
use crate::scenario;
use crate::ui::dialogs;
use crate::ui::edits::{self, Edit};
use crate::ui::events::{self, Event};
use crate::ui::file_menu::FileMenuState;
use crate::ui::file_state::FileState;
use crate::ui::inputs::{self, Rejection};
use crate::ui::learn::{self, LearnState};
use crate::ui::menu::{self, Command, ThemeChoice, ViewState};
use crate::ui::plots::{self, Chart, ChartData, PlotLayout};
use crate::ui::summary;
use crate::ui::uncertainty::UncertaintyState;

/// View preferences kept between runs (never the scenario itself).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub theme: ThemeChoice,
    pub layout: PlotLayout,
    pub chart: Chart,
    pub show_inputs: bool,
    pub show_summary: bool,
    /// Draw the observed history (2017–2025) before the projection.
    pub show_history: bool,
    /// Most recent first, at most 10; missing files are pruned on start.
    pub recent_files: Vec<PathBuf>,
}

impl Default for Prefs {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::Dark,
            layout: PlotLayout::Tabs,
            chart: Chart::Share,
            show_inputs: true,
            show_summary: true,
            show_history: true,
            recent_files: Vec::new(),
        }
    }
}

/// The desktop app. Build it with [`CloudshiftApp::new`] and draw it with [`CloudshiftApp::show`]
/// (tests and benchmarks do exactly that, without eframe).
pub struct CloudshiftApp {
    /// The scenario the model runs on; it has passed `scenario::check`.
    pub(super) scenario: Scenario,
    /// The scenario as opened (or last saved), for "Revert" and the unsaved-changes mark.
    pub(super) saved: Scenario,
    /// Bumped whenever `scenario` changes.
    pub(super) generation: u64,
    projection: Projection,
    projected_generation: Option<u64>,
    events: Vec<Event>,
    /// How many times the model has run (tests check it does not run on refused edits).
    model_runs: u64,
    pub path: Option<PathBuf>,
    pub dirty: bool,
    rejection: Option<Rejection>,
    pub prefs: Prefs,
    applied_theme: Option<ThemeChoice>,
    pub(super) summary_year: i32,
    commands: Vec<Command>,
    sent_title: String,
    show_about: bool,
    /// Open/save dialogs, the unsaved-changes prompt, recovery copies.
    pub(super) files: FileState,
    /// Undo/redo of this scenario (never persisted).
    pub(super) history: crate::ui::undo::History,
    /// Monte Carlo runs, their latest summary and the Uncertainty tab's choices.
    uncertainty: UncertaintyState,
    /// History, sources, "How the model works" and the guided what-ifs.
    learn: LearnState,
}

impl CloudshiftApp {
    /// The app on `scenario`, which must be valid (as `scenario::load_*` returns it).
    pub fn new(scenario: Scenario) -> Self {
        let summary_year = scenario.base_year + scenario.horizon_years as i32;
        let history = crate::ui::undo::History::new(&scenario, 0);
        let mut app = Self {
            saved: scenario.clone(),
            scenario,
            generation: 0,
            projection: Projection::default(),
            projected_generation: None,
            events: Vec::new(),
            model_runs: 0,
            path: None,
            dirty: false,
            rejection: None,
            prefs: Prefs::default(),
            applied_theme: None,
            summary_year,
            commands: Vec::new(),
            sent_title: String::new(),
            show_about: false,
            files: FileState::new(Box::new(crate::ui::picker::NoPicker)),
            history,
            uncertainty: UncertaintyState::default(),
            learn: LearnState::default(),
        };
        app.refresh_projection();
        app
    }

    /// The app on `scenario` opened from `path`, with preferences from eframe's storage.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        scenario: Scenario,
        path: Option<PathBuf>,
    ) -> Self {
        let mut app = Self::new(scenario);
        app.path = path;
        app.files = FileState::native();
        if let Some(prefs) = cc
            .storage
            .and_then(|s| eframe::get_value::<Prefs>(s, eframe::APP_KEY))
        {
            app.prefs = prefs;
        }
        app.prune_recent_files();
        app.check_recovery();
        app
    }

    /// The committed scenario (always valid).
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// The projection of the committed scenario.
    pub fn projection(&self) -> &Projection {
        &self.projection
    }

    /// The Monte Carlo state: latest summary, run status, tornado.
    pub fn uncertainty(&self) -> &UncertaintyState {
        &self.uncertainty
    }

    /// The Learn windows' state (history, sources, worked examples, guided what-ifs).
    pub fn learn(&self) -> &LearnState {
        &self.learn
    }

    /// The Learn windows' state, to open them or pick a worked example (tests).
    pub fn learn_mut(&mut self) -> &mut LearnState {
        &mut self.learn
    }

    /// The events found in the projection.
    pub fn events(&self) -> &[Event] {
        &self.events
    }

    /// The message of the last refused edit, if it is still shown.
    pub fn rejection_message(&self) -> Option<&str> {
        self.rejection.as_ref().map(|r| r.message.as_str())
    }

    /// How many times the model has run since the app started.
    pub fn model_runs(&self) -> u64 {
        self.model_runs
    }

    /// The year the summary describes.
    pub fn summary_year(&self) -> i32 {
        self.summary_year
    }

    /// Sets the year the summary describes (clamped to the projection when drawn).
    pub fn set_summary_year(&mut self, year: i32) {
        self.summary_year = year;
    }

    /// The window title: `<name> — cloudshift`, with `•` while there are unsaved changes.
    pub fn title(&self) -> String {
        let mark = if self.dirty { "• " } else { "" };
        format!("{mark}{} — cloudshift", self.scenario.name)
    }

    /// Applies an edit to a copy, and commits the copy only if it passes `scenario::check`.
    /// Returns whether the edit was committed.
    pub fn apply_edit(&mut self, edit: &Edit) -> bool {
        let candidate = edits::apply(&self.scenario, edit);
        if candidate == self.scenario {
            return true;
        }
        match scenario::check(&candidate) {
            Ok(()) => {
                self.commit(candidate);
                true
            }
            Err(error) => {
                self.rejection = Some(Rejection {
                    group: edit.group(),
                    message: error.to_string(),
                });
                false
            }
        }
    }

    pub(super) fn commit(&mut self, scenario: Scenario) {
        self.scenario = scenario;
        self.generation += 1;
        self.dirty = self.scenario != self.saved;
        self.rejection = None;
        self.refresh_projection();
    }

    /// Runs the model if the scenario changed since the last run.
    fn refresh_projection(&mut self) {
        if self.projected_generation == Some(self.generation) {
            return;
        }
        project_into(&self.scenario, &mut self.projection);
        self.events = events::scan(&self.scenario, &self.projection);
        self.projected_generation = Some(self.generation);
        self.model_runs += 1;
    }

    /// Draws one frame into `ui` and runs the commands it produced.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        if !self.files.modal_open() {
            menu::shortcuts(&ctx, &mut self.commands);
        }
        let (can_undo, can_redo) = (self.can_undo(), self.can_redo());

        egui::Panel::top("menu-bar").show(ui, |ui| {
            let view = ViewState {
                theme: self.prefs.theme,
                layout: self.prefs.layout,
                show_inputs: self.prefs.show_inputs,
                show_summary: self.prefs.show_summary,
                show_history: self.prefs.show_history,
                history_unavailable: self.learn.history_unavailable(&self.scenario),
            };
            let file_menu = FileMenuState {
                dirty: self.dirty,
                recent_files: &self.prefs.recent_files,
                can_undo,
                can_redo,
            };
            menu::menu_bar_ui(ui, &view, &file_menu, &mut self.commands);
        });

        learn::publish_saved(&ctx, &self.saved);
        if self.prefs.show_inputs {
            let mut edits = Vec::new();
            egui::Panel::left("inputs-panel")
                .resizable(true)
                .default_size(380.0)
                .size_range(280.0..=640.0)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    ui.heading("Inputs");
                    learn::inspector_ui(ui, &self.scenario);
                    egui::ScrollArea::vertical()
                        .id_salt("inputs-scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            inputs::inputs_ui(
                                ui,
                                &self.scenario,
                                self.rejection.as_ref(),
                                &mut edits,
                            );
                        });
                });
            for edit in &edits {
                self.apply_edit(edit);
            }
        }
        self.refresh_projection();

        if self.prefs.show_summary {
            egui::Panel::bottom("summary-panel")
                .resizable(true)
                .default_size(250.0)
                .size_range(120.0..=600.0)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    summary::summary_ui(
                        ui,
                        &self.scenario,
                        &self.projection,
                        &self.events,
                        &mut self.summary_year,
                    );
                });
        }

        let uncertainty_shown =
            self.prefs.layout == PlotLayout::Tabs && self.prefs.chart == Chart::Uncertainty;
        self.uncertainty
            .update(&ctx, &self.scenario, self.generation, uncertainty_shown);
        let mut uncertainty_edits = Vec::new();
        egui::CentralPanel::default().show(ui, |ui| {
            let mut data = ChartData::new(&self.scenario, &self.projection, self.summary_year);
            data.history = self
                .learn
                .history_to_draw(&self.scenario, self.prefs.show_history);
            let generation = self.generation;
            let uncertainty = &mut self.uncertainty;
            plots::plots_ui(
                ui,
                &data,
                &mut self.prefs.layout,
                &mut self.prefs.chart,
                &mut |ui, data| uncertainty.tab_ui(ui, data, generation, &mut uncertainty_edits),
            );
        });
        for edit in &uncertainty_edits {
            self.apply_edit(edit);
        }
        let mut learn_edits = Vec::new();
        self.learn.windows_ui(
            &ctx,
            &self.scenario,
            &self.projection,
            &mut learn_edits,
            &mut self.commands,
        );
        for edit in &learn_edits {
            self.apply_edit(edit);
        }
        self.refresh_projection();

        self.files_frame(&ctx);
        dialogs::dialogs_ui(&ctx, &mut self.files);
        self.about_ui(&ctx);
        self.update_title(&ctx);
        for command in std::mem::take(&mut self.commands) {
            self.run(&ctx, command);
        }
        self.run_file_actions(&ctx);
    }

    fn apply_theme(&mut self, ctx: &egui::Context) {
        if self.applied_theme != Some(self.prefs.theme) {
            ctx.set_theme(self.prefs.theme.preference());
            self.applied_theme = Some(self.prefs.theme);
        }
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
    }

    /// Runs one command (after the frame is drawn).
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        match command {
            Command::Revert => {
                let saved = self.saved.clone();
                self.commit(saved);
            }
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::SetTheme(theme) => self.prefs.theme = theme,
            Command::ToggleTheme => {
                self.prefs.theme = if ctx.theme() == egui::Theme::Dark {
                    ThemeChoice::Light
                } else {
                    ThemeChoice::Dark
                };
            }
            Command::SetLayout(layout) => self.prefs.layout = layout,
            Command::ToggleLayout => {
                self.prefs.layout = match self.prefs.layout {
                    PlotLayout::Tabs => PlotLayout::Grid,
                    PlotLayout::Grid => PlotLayout::Tabs,
                };
            }
            Command::ShowChart(chart) => {
                self.prefs.chart = chart;
                self.prefs.layout = PlotLayout::Tabs;
            }
            Command::ToggleInputs => self.prefs.show_inputs = !self.prefs.show_inputs,
            Command::ToggleSummary => self.prefs.show_summary = !self.prefs.show_summary,
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::About => self.show_about = true,
            Command::GoalSeek => {
                self.prefs.chart = Chart::Uncertainty;
                self.prefs.layout = PlotLayout::Tabs;
                self.uncertainty.open_goal_seek();
            }
            Command::Learn(command) => self.learn.run(command, &mut self.prefs.show_history),
            Command::File(command) => self.run_file_command(ctx, command),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
        }
        ctx.request_repaint();
    }

    fn about_ui(&mut self, ctx: &egui::Context) {
        let mut open = self.show_about;
        egui::Window::new("About cloudshift").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
            ui.label("cloudshift models the cloud-infrastructure market and giant tenants moving between clouds.");
            ui.label("Every input is on a slider on the left; every output is on a chart. Hover a slider for what it means and where its value comes from.");
            ui.label("The same model runs on the command line: see `cloudshift --help`.");
            ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
        });
        self.show_about = open;
    }
}

impl eframe::App for CloudshiftApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.prefs);
    }
}
