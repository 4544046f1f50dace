//! Commands and the menu bar: menu items and keyboard shortcuts only push a `Command`; the app
//! runs the queue after the frame (no side effects while drawing).

use egui::{Key, KeyboardShortcut, Modifiers};
use serde::{Deserialize, Serialize};

use crate::ui::file_menu::{self, FileMenuState};
use crate::ui::file_state::FileCommand;
use crate::ui::plots::{Chart, PlotLayout};
use crate::ui::present::PresentCommand;
use crate::ui::tabs::DocCommand;

/// Light, dark, or whatever the system uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Dark,
    Light,
    System,
}

impl ThemeChoice {
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            Self::Dark => egui::ThemePreference::Dark,
            Self::Light => egui::ThemePreference::Light,
            Self::System => egui::ThemePreference::System,
        }
    }
}

/// Something the person asked for from a menu or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Command {
    /// Back to the scenario as opened, dropping every edit.
    Revert,
    Quit,
    SetTheme(ThemeChoice),
    ToggleTheme,
    SetLayout(PlotLayout),
    ToggleLayout,
    ShowChart(Chart),
    ToggleInputs,
    ToggleSummary,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    About,
    /// Opens the goal-seek dialog (in the Uncertainty tab).
    GoalSeek,
    /// A File menu item (New, Open…, Save, …).
    File(FileCommand),
    /// History, sources, "How the model works", guided what-ifs.
    Learn(crate::ui::learn::LearnCommand),
    Undo,
    Redo,
    /// Switch, cycle, duplicate or close open documents.
    Doc(crate::ui::tabs::DocCommand),
    /// Show or leave the Compare view.
    SetComparing(bool),
    /// Presenter mode: start, stop, step.
    Present(crate::ui::present::PresentCommand),
    /// Exports and the clipboard.
    Export(crate::ui::export::ExportCommand),
}

const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
/// A second Redo shortcut, as on Windows.
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);

const CHART_KEYS: [Key; 5] = [Key::Num1, Key::Num2, Key::Num3, Key::Num4, Key::Num5];
/// Ctrl+1..9 show the open documents (the charts moved to Alt+1..5).
const DOC_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

impl Command {
    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            Self::Quit => cmd(Key::Q),
            Self::ToggleTheme => cmd(Key::T),
            Self::ToggleLayout => cmd(Key::G),
            Self::ToggleInputs => cmd(Key::B),
            Self::ShowChart(chart) => Chart::ALL
                .iter()
                .position(|c| *c == chart)
                .map(|i| KeyboardShortcut::new(Modifiers::ALT, CHART_KEYS[i])),
            Self::Doc(DocCommand::Switch(i)) => DOC_KEYS.get(i).and_then(|k| cmd(*k)),
            Self::Doc(DocCommand::Next) => cmd(Key::Tab),
            Self::Doc(DocCommand::Previous) => Some(KeyboardShortcut::new(COMMAND_SHIFT, Key::Tab)),
            Self::Doc(DocCommand::Duplicate) => cmd(Key::D),
            Self::Doc(DocCommand::Close) => cmd(Key::W),
            Self::Present(PresentCommand::Start) => {
                Some(KeyboardShortcut::new(Modifiers::NONE, Key::F5))
            }
            Self::ZoomIn => Some(egui::gui_zoom::kb_shortcuts::ZOOM_IN),
            Self::ZoomOut => Some(egui::gui_zoom::kb_shortcuts::ZOOM_OUT),
            Self::ZoomReset => Some(egui::gui_zoom::kb_shortcuts::ZOOM_RESET),
            Self::File(FileCommand::New) => cmd(Key::N),
            Self::File(FileCommand::Open) => cmd(Key::O),
            Self::File(FileCommand::Save) => cmd(Key::S),
            Self::File(FileCommand::SaveAs) => Some(KeyboardShortcut::new(COMMAND_SHIFT, Key::S)),
            Self::Undo => cmd(Key::Z),
            Self::Redo => Some(KeyboardShortcut::new(COMMAND_SHIFT, Key::Z)),
            _ => None,
        }
    }

    /// Commands whose shortcuts the app handles itself (egui handles the zoom keys).
    /// The more specific shortcuts (with Shift) come first: `consume_shortcut` ignores extra Shift.
    fn with_own_shortcuts() -> impl Iterator<Item = Self> {
        [
            Self::Doc(DocCommand::Previous),
            Self::Doc(DocCommand::Next),
            Self::Doc(DocCommand::Duplicate),
            Self::Doc(DocCommand::Close),
            Self::File(FileCommand::SaveAs),
            Self::File(FileCommand::Save),
            Self::File(FileCommand::New),
            Self::File(FileCommand::Open),
            Self::Redo,
            Self::Undo,
            Self::Quit,
            Self::ToggleTheme,
            Self::ToggleLayout,
            Self::ToggleInputs,
        ]
        .into_iter()
        .chain(Chart::ALL.map(Self::ShowChart))
        .chain((0..DOC_KEYS.len()).map(|i| Self::Doc(DocCommand::Switch(i))))
    }
}

/// Pushes the commands whose shortcuts were pressed this frame (not while typing in a field).
pub fn shortcuts(ctx: &egui::Context, commands: &mut Vec<Command>) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    for command in Command::with_own_shortcuts() {
        if let Some(shortcut) = command.shortcut()
            && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
        {
            commands.push(command);
        }
    }
    if ctx.input_mut(|i| i.consume_shortcut(&REDO_Y)) {
        commands.push(Command::Redo);
    }
}

/// A menu item that pushes `command`, with its shortcut shown.
fn item(ui: &mut egui::Ui, label: &str, command: Command, commands: &mut Vec<Command>) {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add(button).clicked() {
        commands.push(command);
    }
}

/// What the View menu shows as selected.
pub struct ViewState {
    pub theme: ThemeChoice,
    pub layout: PlotLayout,
    pub show_inputs: bool,
    pub show_summary: bool,
    pub show_history: bool,
    /// Why the history cannot be drawn under this scenario, if it cannot.
    pub history_unavailable: Option<String>,
}

/// The menu bar.
pub fn menu_bar_ui(
    ui: &mut egui::Ui,
    view: &ViewState,
    file: &FileMenuState<'_>,
    commands: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            file_menu::file_items_ui(ui, file, commands);
            ui.separator();
            let revert = ui
                .add_enabled(file.dirty, egui::Button::new("Revert changes"))
                .on_hover_text("Drop every edit and go back to the scenario as it was opened.");
            if revert.clicked() {
                commands.push(Command::Revert);
            }
            ui.separator();
            item(ui, "Quit", Command::Quit, commands);
        });
        file_menu::edit_menu_ui(ui, file, commands);
        file_menu::scenarios_menu_ui(ui, file, commands);
        ui.menu_button("View", |ui| {
            for (choice, label) in [
                (ThemeChoice::Dark, "Dark theme"),
                (ThemeChoice::Light, "Light theme"),
                (ThemeChoice::System, "Follow system theme"),
            ] {
                if ui.radio(view.theme == choice, label).clicked() {
                    commands.push(Command::SetTheme(choice));
                }
            }
            item(ui, "Toggle dark/light", Command::ToggleTheme, commands);
            ui.separator();
            for (layout, label) in [
                (PlotLayout::Tabs, "Charts as tabs"),
                (PlotLayout::Grid, "Charts in a grid"),
            ] {
                if ui.radio(view.layout == layout, label).clicked() {
                    commands.push(Command::SetLayout(layout));
                }
            }
            for chart in Chart::ALL {
                item(ui, chart.title(), Command::ShowChart(chart), commands);
            }
            ui.separator();
            if ui
                .checkbox(&mut view.show_inputs.clone(), "Inputs panel")
                .clicked()
            {
                commands.push(Command::ToggleInputs);
            }
            if ui
                .checkbox(&mut view.show_summary.clone(), "Summary panel")
                .clicked()
            {
                commands.push(Command::ToggleSummary);
            }
            crate::ui::learn::view_menu_items_ui(
                ui,
                view.show_history,
                view.history_unavailable.as_deref(),
                commands,
            );
            ui.separator();
            item(ui, "Zoom in", Command::ZoomIn, commands);
            item(ui, "Zoom out", Command::ZoomOut, commands);
            item(ui, "Reset zoom", Command::ZoomReset, commands);
        });
        ui.menu_button("Tools", |ui| {
            item(ui, "Goal seek…", Command::GoalSeek, commands);
        });
        ui.menu_button("Help", |ui| {
            crate::ui::learn::help_menu_items_ui(ui, commands);
            item(ui, "About cloudshift", Command::About, commands);
        });
    });
}
