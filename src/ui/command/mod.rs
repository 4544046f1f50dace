//! Every command of the app in one place, with its label, tooltip and shortcut, and the one queue
//! they travel through. Menus, the tab strip, dialogs, panels and shortcuts only push commands;
//! the app drains the queue once per frame, after drawing. This module imports nothing else from
//! the UI.

mod chart;
mod kinds;
mod queue;

pub use chart::{Chart, PlotLayout, ThemeChoice};
pub use kinds::{
    DocCommand, ExportCommand, ExportKind, FileCommand, LearnCommand, PickPurpose, PresentCommand,
    Screenshot, Then, UnsavedChoice,
};
pub use queue::{CommandQueue, CommandSender};

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::edits::Edit;
use crate::model::ParamPath;

/// Something the person asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// An edit of the active scenario (checked before it is committed).
    Edit(Edit),
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
    File(FileCommand),
    Learn(LearnCommand),
    Undo,
    Redo,
    Doc(DocCommand),
    /// Show or leave the Compare view.
    SetComparing(bool),
    Present(PresentCommand),
    Export(ExportCommand),
    /// Shows the inputs panel, scrolls to this input's slider and focuses it (a model limit's
    /// driving input, a tour step's input).
    RevealInput(ParamPath),
}

const COMMAND_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
/// A second Redo shortcut, as on Windows.
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
/// Ctrl+1..9 show the open documents (the charts are on Alt+1..5).
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
    /// Menu and button text (dialogs end with `…`).
    pub fn label(&self) -> &'static str {
        match self {
            Self::Revert => "Revert changes",
            Self::Quit => "Quit",
            Self::SetTheme(theme) => theme.label(),
            Self::ToggleTheme => "Toggle dark/light",
            Self::SetLayout(PlotLayout::Tabs) => "Charts as tabs",
            Self::SetLayout(PlotLayout::Grid) => "Charts in a grid",
            Self::ToggleLayout => "Toggle tabs/grid",
            Self::ShowChart(chart) => chart.title(),
            Self::ToggleInputs => "Inputs panel",
            Self::ToggleSummary => "Summary panel",
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomReset => "Reset zoom",
            Self::About => "About cloudshift",
            Self::GoalSeek => "Goal seek…",
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::SetComparing(_) => "Compare scenarios",
            Self::File(command) => file_label(command),
            Self::Learn(command) => match command {
                LearnCommand::ToggleHistory => "Show history",
                LearnCommand::Sources => "Sources",
                LearnCommand::HowItWorks => "How the model works…",
                LearnCommand::WhatIfs => "Guided what-ifs…",
            },
            Self::Doc(command) => match command {
                DocCommand::Switch(_) => "Show scenario",
                DocCommand::Next => "Next scenario",
                DocCommand::Previous => "Previous scenario",
                DocCommand::Duplicate => "Duplicate as a what-if",
                DocCommand::Close => "Close scenario",
            },
            Self::Present(command) => match command {
                PresentCommand::Start => "Presenter mode",
                PresentCommand::Stop => "Leave presenter mode",
                PresentCommand::Next => "Next slide",
                PresentCommand::Previous => "Previous slide",
            },
            Self::Export(command) => match command {
                ExportCommand::Start(ExportKind::ProjectionCsv) => "Export projection as CSV…",
                ExportCommand::Start(ExportKind::SummaryCsv) => "Export simulation summary as CSV…",
                ExportCommand::Start(ExportKind::ChartPng) => "Export chart as PNG…",
                ExportCommand::Start(ExportKind::ChartSvg) => "Export chart as SVG…",
                ExportCommand::Start(ExportKind::ReportHtml) => "Export report…",
                ExportCommand::CopyRon => "Copy scenario as RON",
                ExportCommand::PasteDialog => "Paste scenario…",
                _ => "Export",
            },
            Self::Edit(_) => "Edit",
            Self::RevealInput(_) => "Show input",
        }
    }

    /// What the command does, for its tooltip ("" where the label says it all).
    pub fn tooltip(&self) -> &'static str {
        match self {
            Self::Revert => "Drop every edit and go back to the scenario as it was opened.",
            Self::SetComparing(_) => "Overlay several open scenarios and list what differs.",
            Self::GoalSeek => "Find the input value at which an output hits a target.",
            Self::Doc(DocCommand::Duplicate) => {
                "Branch a what-if from this scenario, as a new unsaved tab."
            }
            Self::Doc(DocCommand::Close) => {
                "Close this scenario (asks first if it has unsaved changes)."
            }
            Self::File(FileCommand::TypePath) => "Open a scenario by typing its path.",
            Self::Learn(LearnCommand::ToggleHistory) => {
                "Draw Synergy Research's 2017–2025 figures before the projection."
            }
            Self::Learn(LearnCommand::Sources) => {
                "Every input with where its value comes from; assumptions flagged."
            }
            Self::Present(PresentCommand::Start) => {
                "Full screen, one chart at a time; arrows step, Esc leaves."
            }
            Self::Export(ExportCommand::Start(ExportKind::ReportHtml)) => {
                "One self-contained HTML page (charts, numbers, inputs with sources) that opens in any browser and prints well. In the Compare view: the compare report of the ticked scenarios."
            }
            Self::Export(ExportCommand::Start(ExportKind::ChartSvg)) => {
                "The chart on screen as a scalable drawing for slides."
            }
            _ => "",
        }
    }

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let cmd = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            Self::Quit => cmd(Key::Q),
            Self::ToggleTheme => cmd(Key::T),
            Self::ToggleLayout => cmd(Key::G),
            Self::ToggleInputs => cmd(Key::B),
            Self::ShowChart(chart) => Some(KeyboardShortcut::new(Modifiers::ALT, chart.key())),
            Self::Doc(DocCommand::Switch(i)) => DOC_KEYS.get(*i).and_then(|k| cmd(*k)),
            Self::Doc(DocCommand::Next) => cmd(Key::Tab),
            Self::Doc(DocCommand::Previous) => Some(KeyboardShortcut::new(COMMAND_SHIFT, Key::Tab)),
            Self::Doc(DocCommand::Duplicate) => cmd(Key::D),
            Self::Doc(DocCommand::Close) => cmd(Key::W),
            Self::Present(PresentCommand::Start) => {
                Some(KeyboardShortcut::new(Modifiers::NONE, Key::F5))
            }
            Self::Present(PresentCommand::Stop) => {
                Some(KeyboardShortcut::new(Modifiers::NONE, Key::Escape))
            }
            Self::Present(PresentCommand::Next) => {
                Some(KeyboardShortcut::new(Modifiers::NONE, Key::ArrowRight))
            }
            Self::Present(PresentCommand::Previous) => {
                Some(KeyboardShortcut::new(Modifiers::NONE, Key::ArrowLeft))
            }
            Self::ZoomIn => Some(egui::gui_zoom::kb_shortcuts::ZOOM_IN),
            Self::ZoomOut => Some(egui::gui_zoom::kb_shortcuts::ZOOM_OUT),
            Self::ZoomReset => Some(egui::gui_zoom::kb_shortcuts::ZOOM_RESET),
            Self::File(FileCommand::New) => cmd(Key::N),
            Self::File(FileCommand::Open) => cmd(Key::O),
            Self::File(FileCommand::Save) => cmd(Key::S),
            Self::File(FileCommand::SaveAs) => Some(KeyboardShortcut::new(COMMAND_SHIFT, Key::S)),
            Self::Export(ExportCommand::Start(ExportKind::ProjectionCsv)) => cmd(Key::E),
            Self::Export(ExportCommand::Start(ExportKind::ChartPng)) => {
                Some(KeyboardShortcut::new(COMMAND_SHIFT, Key::E))
            }
            Self::Undo => cmd(Key::Z),
            Self::Redo => Some(KeyboardShortcut::new(COMMAND_SHIFT, Key::Z)),
            _ => None,
        }
    }

    /// The shortcut as the person's platform writes it (`Ctrl+S`), if there is one.
    pub fn shortcut_text(&self, ctx: &egui::Context) -> Option<String> {
        self.shortcut().map(|s| ctx.format_shortcut(&s))
    }

    /// Commands whose shortcuts the app handles itself outside presenter mode (egui handles the
    /// zoom keys). The more specific shortcuts (with Shift) come first: `consume_shortcut`
    /// ignores extra Shift.
    fn with_own_shortcuts() -> impl Iterator<Item = Self> {
        [
            Self::Doc(DocCommand::Previous),
            Self::Doc(DocCommand::Next),
            Self::Doc(DocCommand::Duplicate),
            Self::Doc(DocCommand::Close),
            Self::File(FileCommand::SaveAs),
            Self::File(FileCommand::Save),
            Self::Export(ExportCommand::Start(ExportKind::ChartPng)),
            Self::Export(ExportCommand::Start(ExportKind::ProjectionCsv)),
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

fn file_label(command: &FileCommand) -> &'static str {
    match command {
        FileCommand::New => "New",
        FileCommand::Open => "Open…",
        FileCommand::Save => "Save",
        FileCommand::SaveAs => "Save As…",
        FileCommand::TypePath => "Type a path…",
        FileCommand::OpenRecent(_) => "Open recent",
        FileCommand::ClearRecent => "Clear recent files",
        _ => "File",
    }
}

/// Pushes the commands whose shortcuts were pressed this frame (not while typing in a field). In
/// presenter mode only the presenter's keys work.
pub fn shortcuts(ctx: &egui::Context, presenting: bool, queue: &mut CommandQueue) {
    if ctx.egui_wants_keyboard_input() {
        return;
    }
    let pressed = |key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
    if pressed(Key::F5) || pressed(Key::F11) {
        queue.push(Command::Present(if presenting {
            PresentCommand::Stop
        } else {
            PresentCommand::Start
        }));
    }
    if presenting {
        for (key, command) in [
            (Key::Escape, PresentCommand::Stop),
            (Key::ArrowRight, PresentCommand::Next),
            (Key::PageDown, PresentCommand::Next),
            (Key::Space, PresentCommand::Next),
            (Key::ArrowLeft, PresentCommand::Previous),
            (Key::PageUp, PresentCommand::Previous),
        ] {
            if pressed(key) {
                queue.push(Command::Present(command));
            }
        }
        return;
    }
    for command in Command::with_own_shortcuts() {
        if let Some(shortcut) = command.shortcut()
            && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
        {
            queue.push(command);
        }
    }
    if ctx.input_mut(|i| i.consume_shortcut(&REDO_Y)) {
        queue.push(Command::Redo);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_chart_has_its_own_shortcut() {
        let keys: Vec<_> = Chart::ALL
            .iter()
            .map(|c| Command::ShowChart(*c).shortcut())
            .collect();
        for (i, key) in keys.iter().enumerate() {
            assert!(key.is_some());
            assert!(
                !keys[..i].contains(key),
                "{:?} shares a shortcut",
                Chart::ALL[i]
            );
        }
    }

    #[test]
    fn dialogs_end_with_an_ellipsis() {
        for command in [
            Command::File(FileCommand::Open),
            Command::File(FileCommand::SaveAs),
            Command::Export(ExportCommand::Start(ExportKind::ChartPng)),
            Command::GoalSeek,
        ] {
            assert!(command.label().ends_with('…'), "{command:?}");
        }
    }
}
