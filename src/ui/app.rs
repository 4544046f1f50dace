//! The app: it owns the open documents and every feature's state, draws the frame (menu, tabs,
//! inputs, summary, charts, windows), then drains the one command queue, handing each command to
//! the state it changes.

use std::path::PathBuf;

use crate::edits::Edit;
use crate::model::{Projection, Scenario};
use crate::ui::about;
use crate::ui::charts::{self, ChartData};
use crate::ui::command::{self, Chart, Command, CommandQueue, DocCommand, PlotLayout, ThemeChoice};
use crate::ui::compare_view;
use crate::ui::document::Document;
use crate::ui::documents::Documents;
use crate::ui::export::{ExportOutcome, Exporter};
use crate::ui::files::{self, FileContext, FileState};
use crate::ui::inputs::{self, Rows};
use crate::ui::investor;
use crate::ui::learn::LearnState;
use crate::ui::menu::{self, MenuState};
use crate::ui::picker::{FilePicker, NoPicker};
use crate::ui::prefs::Prefs;
use crate::ui::present::{self, PresentState, SLIDE_CHARTS};
use crate::ui::status::StatusLine;
use crate::ui::summary;
use crate::ui::uncertainty::UncertaintyState;

/// The desktop app. Build it with [`CloudshiftApp::new`] and draw it with [`CloudshiftApp::show`]
/// (tests and benchmarks do exactly that, without eframe).
pub struct CloudshiftApp {
    docs: Documents,
    pub prefs: Prefs,
    files: FileState,
    exporter: Exporter,
    present: PresentState,
    /// History, sources, "How the model works" and the guided what-ifs.
    learn: LearnState,
    queue: CommandQueue,
    applied_theme: Option<ThemeChoice>,
    sent_title: String,
    show_about: bool,
    /// The last save, export or copy, shown beside the tabs for a few seconds.
    status: StatusLine,
}

impl CloudshiftApp {
    /// The app on `scenario`, which must be valid (as `scenario::load_*` returns it).
    pub fn new(scenario: Scenario) -> Self {
        Self::with_document(Document::new(scenario, None))
    }

    /// The app on one document.
    pub fn with_document(doc: Document) -> Self {
        Self {
            docs: Documents::new(doc),
            prefs: Prefs::default(),
            files: FileState::new(Box::new(NoPicker)),
            exporter: Exporter::default(),
            present: PresentState::default(),
            learn: LearnState::default(),
            queue: CommandQueue::default(),
            applied_theme: None,
            sent_title: String::new(),
            show_about: false,
            status: StatusLine::default(),
        }
    }

    /// The app on `scenario` opened from `path`, with preferences from eframe's storage.
    pub fn from_creation_context(
        cc: &eframe::CreationContext<'_>,
        scenario: Scenario,
        path: Option<PathBuf>,
    ) -> Self {
        let mut app = Self::with_document(Document::new(scenario, path));
        app.files = FileState::native();
        if let Some(prefs) = cc
            .storage
            .and_then(|s| eframe::get_value::<Prefs>(s, eframe::APP_KEY))
        {
            app.prefs = prefs;
        }
        files::prune_recent(&mut app.prefs.recent_files);
        app.files.check_recovery();
        app
    }

    /// Answers file requests with `picker` instead of native dialogs (tests).
    #[must_use]
    pub fn with_file_picker(mut self, picker: Box<dyn FilePicker>) -> Self {
        self.files.set_picker(picker);
        self
    }

    /// Keeps recovery copies in `store` (and offers one an earlier session left).
    #[must_use]
    pub fn with_recovery(mut self, store: crate::scenario::recovery::RecoveryStore) -> Self {
        self.files.set_recovery(store);
        self
    }

    /// The active document.
    pub fn doc(&self) -> &Document {
        self.docs.active()
    }

    /// Adds `doc` as a new tab and shows it.
    pub fn add_document(&mut self, doc: Document) {
        self.docs.add(doc);
    }

    /// Shows tab `index`.
    pub fn switch_to(&mut self, index: usize) {
        self.docs.switch_to(index);
    }

    pub fn document_count(&self) -> usize {
        self.docs.count()
    }

    pub fn active_index(&self) -> usize {
        self.docs.active_index()
    }

    /// The committed scenario of the active tab (always valid).
    pub fn scenario(&self) -> &Scenario {
        self.doc().scenario()
    }

    pub fn projection(&self) -> &Projection {
        self.doc().projection()
    }

    pub fn uncertainty(&self) -> &UncertaintyState {
        self.doc().uncertainty()
    }

    pub fn present(&self) -> &PresentState {
        &self.present
    }

    pub fn exporter(&self) -> &Exporter {
        &self.exporter
    }

    pub fn learn(&self) -> &LearnState {
        &self.learn
    }

    /// The message of the last refused edit, if it is still shown.
    pub fn rejection_message(&self) -> Option<&str> {
        self.doc().rejection().map(|r| r.message.as_str())
    }

    /// The window title: `<name> — cloudshift`, with `•` while there are unsaved changes.
    pub fn title(&self) -> String {
        let mark = if self.doc().is_dirty() { "• " } else { "" };
        format!("{mark}{} — cloudshift", self.scenario().name)
    }

    /// Applies an edit to the active document; returns whether it was committed.
    pub fn apply_edit(&mut self, edit: &Edit) -> bool {
        self.docs.active_mut().apply_edit(edit)
    }

    /// Writes the active document's recovery copy now (tests; the app does it every 30 s).
    pub fn write_recovery_now(&mut self) {
        self.files.write_recovery(&self.docs);
    }

    /// Draws one frame into `ui`, then runs the commands it produced.
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        self.queue.begin_frame();
        if self.applied_theme != Some(self.prefs.theme) {
            ctx.set_theme(self.prefs.theme.preference());
            self.applied_theme = Some(self.prefs.theme);
        }
        let presenting = self.present.presenting();
        if !self.files.modal_open() {
            command::shortcuts(&ctx, presenting, &mut self.queue);
            self.exporter.capture_paste(&ctx, &mut self.queue);
        }
        self.files.frame_input(&ctx, &self.docs, &mut self.queue);
        let comparing = self.present.comparing && !presenting;
        self.bars_ui(ui, presenting, comparing);
        let uncertainty_shown = self.prefs.shows_monte_carlo() && !presenting && !comparing;
        self.docs
            .active_mut()
            .update_uncertainty(&ctx, uncertainty_shown);
        let chart_rect = if presenting {
            self.presenter_ui(ui)
        } else if comparing {
            egui::CentralPanel::default()
                .show(ui, |ui| {
                    compare_view::compare_frame_ui(ui, &self.docs, &mut self.present)
                })
                .inner
        } else {
            self.panels_ui(ui)
        };
        let shown = self
            .present
            .chart_shown(self.prefs.chart, self.prefs.layout);
        let compared = comparing.then(|| self.present.ticked(&self.docs));
        let dark = ui.visuals().dark_mode;
        self.exporter.set_screen(chart_rect, shown, dark, compared);
        let doc = self.docs.active();
        let (scenario, projection) = (doc.scenario(), doc.projection());
        self.learn
            .windows_ui(&ctx, scenario, projection, &mut self.queue);
        files::dialogs_ui(&ctx, &mut self.files, &mut self.queue);
        about::about_ui(&ctx, &mut self.show_about);
        self.exporter.paste_dialog_ui(&ctx, &mut self.queue);
        // Commands that handlers queue run in this frame too; deferred ones wait for the next.
        loop {
            let commands = self.queue.take();
            if commands.is_empty() {
                break;
            }
            for command in commands {
                self.run(&ctx, command);
            }
        }
        let pointer_down = ctx.input(|i| i.pointer.any_down());
        self.docs.active_mut().observe_gesture(pointer_down);
        self.files.recovery_timer(&ctx, &self.docs, &mut self.queue);
        let title = self.title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
        if self.queue.has_later() {
            ctx.request_repaint();
        }
    }

    /// The menu bar with the tab strip and status line (hidden while presenting).
    fn bars_ui(&mut self, ui: &mut egui::Ui, presenting: bool, comparing: bool) {
        let unavailable = self
            .learn
            .history_unavailable(self.docs.active().scenario());
        let state = MenuState::new(&self.docs, &self.prefs, comparing, unavailable.as_deref());
        let mut shown = !presenting;
        let queue = &mut self.queue;
        let status = self.status.current(ui.ctx());
        egui::Panel::top("menu-bar").show_collapsible(ui, &mut shown, |ui| {
            menu::menu_bar_ui(ui, &state, queue);
            menu::tabs_ui(ui, &state, status, queue);
        });
    }

    /// Inputs, summary and the charts of the active document; returns where the chart was drawn.
    fn panels_ui(&mut self, ui: &mut egui::Ui) -> Option<egui::Rect> {
        let history = self
            .learn
            .history_to_draw(self.docs.active().scenario(), self.prefs.show_history);
        let history_hidden = self
            .learn
            .history_hidden(self.docs.active().scenario(), self.prefs.show_history);
        let view = self.docs.active_mut().view();
        let queue = &mut self.queue;
        let mut edits = Vec::new();
        let mut reveal = None;
        if self.prefs.show_inputs {
            let rows = Rows {
                scenario: view.scenario,
                saved: view.saved,
                rejection: view.rejection,
            };
            inputs::panel_ui(ui, rows, view.rejection, &mut edits);
        }
        if self.prefs.show_summary {
            let (projection, events) = (view.projection, view.events);
            summary::panel_ui(ui, view.scenario, projection, events, view.summary_year);
        }
        let mut data = ChartData::new(view.scenario, view.projection, *view.summary_year);
        data.history = history;
        data.history_hidden = history_hidden;
        let (layout, chart) = (&mut self.prefs.layout, &mut self.prefs.chart);
        let (uncertainty, generation) = (view.uncertainty, view.generation);
        let rect = egui::CentralPanel::default()
            .show(ui, |ui| {
                charts::plots_ui(ui, &data, layout, chart, &mut |ui, data, shown| {
                    if shown == Chart::Investor {
                        reveal = investor::investor_ui(ui, data, uncertainty.summary(), &mut edits);
                    } else {
                        uncertainty.tab_ui(ui, data, generation, &mut edits);
                    }
                })
            })
            .inner;
        queue.extend(edits.into_iter().map(Command::Edit));
        queue.extend(reveal.map(Command::RevealInput));
        rect
    }

    fn presenter_ui(&mut self, ui: &mut egui::Ui) -> Option<egui::Rect> {
        let presenter = self.present.presenter?;
        let slides = self.docs.count() * SLIDE_CHARTS.len();
        let doc = self.docs.active();
        let mut data = ChartData::new(doc.scenario(), doc.projection(), doc.summary_year());
        data.history = self
            .learn
            .history_to_draw(doc.scenario(), self.prefs.show_history);
        let frame = egui::Frame::central_panel(ui.style()).inner_margin(24.0);
        let shown = egui::CentralPanel::default().frame(frame).show(ui, |ui| {
            present::presenter_ui(ui, &data, presenter.slide, slides)
        });
        Some(shown.inner)
    }

    /// Runs one command, handing it to the state it changes.
    pub fn run(&mut self, ctx: &egui::Context, command: Command) {
        let prefs = &mut self.prefs;
        match command {
            Command::Edit(edit) => {
                self.docs.active_mut().apply_edit(&edit);
            }
            Command::Revert => self.docs.active_mut().revert(),
            Command::Undo => self.docs.active_mut().undo(),
            Command::Redo => self.docs.active_mut().redo(),
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            view @ (Command::SetTheme(_)
            | Command::ToggleTheme
            | Command::SetLayout(_)
            | Command::ToggleLayout
            | Command::ShowChart(_)
            | Command::ToggleInputs
            | Command::ToggleSummary) => prefs.run(&view, ctx.theme()),
            Command::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            Command::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            Command::ZoomReset => ctx.set_zoom_factor(1.0),
            Command::About => self.show_about = true,
            Command::GoalSeek => {
                prefs.chart = Chart::Uncertainty;
                prefs.layout = PlotLayout::Tabs;
                self.docs.active_mut().uncertainty_mut().open_goal_seek();
            }
            Command::Learn(command) => self.learn.run(command, &mut prefs.show_history),
            Command::Doc(DocCommand::Close) => {
                let close = command::FileCommand::Proceed(command::Then::CloseDocument);
                self.file_command(ctx, close, true);
            }
            Command::Doc(command) => self.docs.run(command),
            Command::SetComparing(on) => self.present.comparing = on,
            Command::RevealInput(path) => inputs::request_reveal(ctx, path, &mut prefs.show_inputs),
            Command::Present(command) => {
                self.present.run(command, ctx, &mut self.docs, prefs.chart);
            }
            Command::File(command) => self.file_command(ctx, command, false),
            Command::Export(command) => {
                match self
                    .exporter
                    .run(command, ctx, &mut self.docs, &mut self.queue)
                {
                    ExportOutcome::Quiet => {}
                    ExportOutcome::Done(status) => self.status.set(ctx, status),
                    ExportOutcome::Failed(error) => self.files.show_error(error),
                    ExportOutcome::Opened => self.present.comparing = false,
                }
            }
        }
        ctx.request_repaint();
    }

    /// Runs a file command; `ask_first` asks about unsaved changes before proceeding.
    fn file_command(
        &mut self,
        ctx: &egui::Context,
        command: command::FileCommand,
        ask_first: bool,
    ) {
        let mut cx = FileContext {
            ctx,
            docs: &mut self.docs,
            recent: &mut self.prefs.recent_files,
            queue: &mut self.queue,
        };
        match command {
            command::FileCommand::Proceed(then) if ask_first => {
                self.files.unless_unsaved(then, &mut cx);
            }
            command => self.files.run(command, &mut cx),
        }
        if let Some(note) = self.files.take_note() {
            self.status.set(ctx, note);
        }
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
