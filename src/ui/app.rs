//! The app state: the committed scenario (always valid), its cached projection and events, the
//! view preferences, and the frame: menu, inputs, summary, charts, then the command queue.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::model::{Projection, Scenario};
use crate::ui::dialogs;
use crate::ui::document::Document;
use crate::ui::edits::Edit;
use crate::ui::events::Event;
use crate::ui::file_menu::FileMenuState;
use crate::ui::file_state::FileState;
use crate::ui::inputs;
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
    /// The document shown and edited (the active tab).
    pub doc: Document,
    /// The other open documents, in tab order without the active one.
    pub(super) parked: Vec<Document>,
    /// The tab index of `doc` among all open documents.
    pub(super) active: usize,
    /// Compare view, presenter mode and exports (app-level, across documents).
    pub(super) present: crate::ui::present::PresentState,
    pub prefs: Prefs,
    applied_theme: Option<ThemeChoice>,
    pub(super) commands: Vec<Command>,
    sent_title: String,
    show_about: bool,
    /// Open/save dialogs, the unsaved-changes prompt, recovery copies.
    pub(super) files: FileState,
    /// History, sources, "How the model works" and the guided what-ifs.
    pub(super) learn: LearnState,
}

impl CloudshiftApp {
    /// The app on `scenario`, which must be valid (as `scenario::load_*` returns it).
    pub fn new(scenario: Scenario) -> Self {
        Self {
            doc: Document::new(scenario, None),
            parked: Vec::new(),
            active: 0,
            present: crate::ui::present::PresentState::default(),
            prefs: Prefs::default(),
            applied_theme: None,
            commands: Vec::new(),
            sent_title: String::new(),
            show_about: false,
            files: FileState::new(Box::new(crate::ui::picker::NoPicker)),
            learn: LearnState::default(),
        }
    }

    /// The app on `scenario` opened from `path`, with preferences from eframe's storage.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        scenario: Scenario,
        path: Option<PathBuf>,
    ) -> Self {
        let mut app = Self::new(scenario);
        app.doc.path = path;
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
        &self.doc.scenario
    }

    /// The projection of the committed scenario.
    pub fn projection(&self) -> &Projection {
        &self.doc.projection
    }

    /// The Monte Carlo state: latest summary, run status, tornado.
    pub fn uncertainty(&self) -> &UncertaintyState {
        &self.doc.uncertainty
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
        &self.doc.events
    }

    /// The message of the last refused edit, if it is still shown.
    pub fn rejection_message(&self) -> Option<&str> {
        self.doc.rejection.as_ref().map(|r| r.message.as_str())
    }

    /// How many times the model has run since the app started.
    pub fn model_runs(&self) -> u64 {
        self.doc.model_runs
    }

    /// The year the summary describes.
    pub fn summary_year(&self) -> i32 {
        self.doc.summary_year
    }

    /// Sets the year the summary describes (clamped to the projection when drawn).
    pub fn set_summary_year(&mut self, year: i32) {
        self.doc.summary_year = year;
    }

    /// The window title: `<name> — cloudshift`, with `•` while there are unsaved changes.
    pub fn title(&self) -> String {
        let mark = if self.doc.dirty { "• " } else { "" };
        format!("{mark}{} — cloudshift", self.doc.scenario.name)
    }

    /// Applies an edit to a copy, and commits the copy only if it passes `scenario::check`.
    /// Returns whether the edit was committed.
    pub fn apply_edit(&mut self, edit: &Edit) -> bool {
        self.doc.apply_edit(edit)
    }

    pub(super) fn commit(&mut self, scenario: Scenario) {
        self.doc.commit(scenario);
    }

    /// Runs the model if the scenario changed since the last run.
    fn refresh_projection(&mut self) {
        self.doc.refresh_projection();
    }

    /// Draws one frame into `ui` and runs the commands it produced.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.apply_theme(&ctx);
        if !self.files.modal_open() {
            menu::shortcuts(&ctx, &mut self.commands);
            crate::ui::present::present_keys(&ctx, self.present.presenting(), &mut self.commands);
            self.capture_paste(&ctx);
        }
        let (can_undo, can_redo) = (self.can_undo(), self.can_redo());
        let presenting = self.present.presenting();
        let comparing = self.present.comparing && !presenting;
        let labels: Vec<String> = self.documents().map(Document::tab_label).collect();

        let mut menu_shown = !presenting;
        egui::Panel::top("menu-bar").show_collapsible(ui, &mut menu_shown, |ui| {
            let view = ViewState {
                theme: self.prefs.theme,
                layout: self.prefs.layout,
                show_inputs: self.prefs.show_inputs,
                show_summary: self.prefs.show_summary,
                show_history: self.prefs.show_history,
                history_unavailable: self.learn.history_unavailable(&self.doc.scenario),
            };
            let file_menu = FileMenuState {
                dirty: self.doc.dirty,
                recent_files: &self.prefs.recent_files,
                can_undo,
                can_redo,
                documents: &labels,
                active: self.active,
                has_summary: self.doc.uncertainty.summary().is_some(),
                comparing,
            };
            menu::menu_bar_ui(ui, &view, &file_menu, &mut self.commands);
            let mut tab_commands = Vec::new();
            self.tabs_ui(ui, &mut tab_commands);
            self.commands.extend(tab_commands);
            self.status_ui(ui);
        });

        learn::publish_saved(&ctx, &self.doc.saved);
        if self.prefs.show_inputs && !presenting && !comparing {
            let mut edits = Vec::new();
            egui::Panel::left("inputs-panel")
                .resizable(true)
                .default_size(380.0)
                .size_range(280.0..=640.0)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    ui.heading("Inputs");
                    learn::inspector_ui(ui, &self.doc.scenario);
                    egui::ScrollArea::vertical()
                        .id_salt("inputs-scroll")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            inputs::inputs_ui(
                                ui,
                                &self.doc.scenario,
                                self.doc.rejection.as_ref(),
                                &mut edits,
                            );
                        });
                });
            for edit in &edits {
                self.apply_edit(edit);
            }
        }
        self.refresh_projection();

        if self.prefs.show_summary && !presenting && !comparing {
            egui::Panel::bottom("summary-panel")
                .resizable(true)
                .default_size(250.0)
                .size_range(120.0..=600.0)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    summary::summary_ui(
                        ui,
                        &self.doc.scenario,
                        &self.doc.projection,
                        &self.doc.events,
                        &mut self.doc.summary_year,
                    );
                });
        }

        let uncertainty_shown = self.prefs.layout == PlotLayout::Tabs
            && self.prefs.chart == Chart::Uncertainty
            && !presenting
            && !comparing;
        self.doc.uncertainty.update(
            &ctx,
            &self.doc.scenario,
            self.doc.generation,
            uncertainty_shown,
        );
        let mut uncertainty_edits = Vec::new();
        if presenting {
            self.presenter_frame(ui);
        } else if comparing {
            self.compare_frame(ui);
        } else {
            egui::CentralPanel::default().show(ui, |ui| {
                let mut data = ChartData::new(
                    &self.doc.scenario,
                    &self.doc.projection,
                    self.doc.summary_year,
                );
                data.history = self
                    .learn
                    .history_to_draw(&self.doc.scenario, self.prefs.show_history);
                let generation = self.doc.generation;
                let uncertainty = &mut self.doc.uncertainty;
                plots::plots_ui(
                    ui,
                    &data,
                    &mut self.prefs.layout,
                    &mut self.prefs.chart,
                    &mut |ui, data| {
                        uncertainty.tab_ui(ui, data, generation, &mut uncertainty_edits);
                    },
                );
            });
            self.present.chart_rect =
                ctx.data(|d| d.get_temp::<egui::Rect>(crate::ui::views::chart_rect_id()));
        }
        for edit in &uncertainty_edits {
            self.apply_edit(edit);
        }
        let mut learn_edits = Vec::new();
        self.learn.windows_ui(
            &ctx,
            &self.doc.scenario,
            &self.doc.projection,
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
        self.paste_dialog_ui(&ctx);
        self.update_title(&ctx);
        for command in std::mem::take(&mut self.commands) {
            self.run(&ctx, command);
        }
        self.run_file_actions(&ctx);
        self.poll_chart_png(&ctx);
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
                let saved = self.doc.saved.clone();
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
                self.doc.uncertainty.open_goal_seek();
            }
            Command::Learn(command) => self.learn.run(command, &mut self.prefs.show_history),
            Command::File(command) => self.run_file_command(ctx, command),
            Command::Undo => self.undo(),
            Command::Redo => self.redo(),
            Command::Doc(command) => self.run_doc_command(ctx, command),
            Command::SetComparing(on) => self.present.comparing = on,
            Command::Present(command) => self.run_present_command(ctx, command),
            Command::Export(command) => self.run_export_command(ctx, command),
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
