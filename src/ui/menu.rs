//! The menu bar and the tab strip, built from the command list: each item is a command, shown
//! with its label, tooltip and shortcut, and enabled by what the app's state allows.

use std::path::{Path, PathBuf};

use crate::ui::command::{
    Chart, Command, CommandQueue, DocCommand, ExportCommand, ExportKind, FileCommand, LearnCommand,
    PlotLayout, PresentCommand, ThemeChoice,
};
use crate::ui::documents::Documents;
use crate::ui::prefs::Prefs;

/// What the menus need to know of the app.
#[allow(clippy::struct_excessive_bools)] // independent menu states, not a state machine
#[derive(Clone, Debug)]
pub struct MenuState<'a> {
    pub dirty: bool,
    pub recent_files: &'a [PathBuf],
    pub can_undo: bool,
    pub can_redo: bool,
    /// The open documents' tab labels and file paths (hover), in tab order, and the active one.
    pub documents: Vec<(String, Option<&'a Path>)>,
    pub active: usize,
    /// Whether the active document has a simulation summary to export.
    pub has_summary: bool,
    pub comparing: bool,
    pub theme: ThemeChoice,
    pub layout: PlotLayout,
    pub show_inputs: bool,
    pub show_summary: bool,
    pub show_history: bool,
    /// Why the history cannot be drawn under this scenario, if it cannot.
    pub history_unavailable: Option<&'a str>,
}

impl<'a> MenuState<'a> {
    /// What the menus show for these documents and preferences.
    pub fn new(
        docs: &'a Documents,
        prefs: &'a Prefs,
        comparing: bool,
        history_unavailable: Option<&'a str>,
    ) -> Self {
        let doc = docs.active();
        Self {
            dirty: doc.is_dirty(),
            recent_files: &prefs.recent_files,
            can_undo: doc.can_undo(),
            can_redo: doc.can_redo(),
            documents: docs.iter().map(|d| (d.tab_label(), d.path())).collect(),
            active: docs.active_index(),
            has_summary: doc.uncertainty().summary().is_some(),
            comparing,
            theme: prefs.theme,
            layout: prefs.layout,
            show_inputs: prefs.show_inputs,
            show_summary: prefs.show_summary,
            show_history: prefs.show_history,
            history_unavailable,
        }
    }
}

/// A menu item that queues `command`, with its shortcut and tooltip.
fn item(ui: &mut egui::Ui, enabled: bool, command: Command, queue: &mut CommandQueue) {
    let mut button = egui::Button::new(command.label());
    if let Some(text) = command.shortcut_text(ui.ctx()) {
        button = button.shortcut_text(text);
    }
    let mut response = ui.add_enabled(enabled, button);
    // The accessible name is the label alone, not the label and the shortcut text.
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::accesskit::Role::Button, enabled, command.label())
    });
    if !command.tooltip().is_empty() {
        response = response.on_hover_text(command.tooltip());
    }
    if response.clicked() {
        queue.push(command);
    }
}

/// A checkbox item that queues `command` when clicked.
fn check_item(ui: &mut egui::Ui, checked: bool, command: Command, queue: &mut CommandQueue) {
    let mut shown = checked;
    let response = ui.checkbox(&mut shown, command.label());
    if response.clicked() {
        queue.push(command);
    }
}

/// The menu bar.
pub fn menu_bar_ui(ui: &mut egui::Ui, state: &MenuState<'_>, queue: &mut CommandQueue) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, state, queue));
        ui.menu_button("Edit", |ui| {
            item(ui, state.can_undo, Command::Undo, queue);
            item(ui, state.can_redo, Command::Redo, queue);
            ui.separator();
            item(ui, true, Command::Export(ExportCommand::CopyRon), queue);
            item(ui, true, Command::Export(ExportCommand::PasteDialog), queue);
        });
        ui.menu_button("Scenarios", |ui| scenarios_menu_ui(ui, state, queue));
        ui.menu_button("View", |ui| view_menu_ui(ui, state, queue));
        ui.menu_button("Tools", |ui| item(ui, true, Command::GoalSeek, queue));
        ui.menu_button("Help", |ui| {
            item(ui, true, Command::Learn(LearnCommand::HowItWorks), queue);
            item(ui, true, Command::Learn(LearnCommand::WhatIfs), queue);
            item(ui, true, Command::About, queue);
        });
    });
}

fn file_menu_ui(ui: &mut egui::Ui, state: &MenuState<'_>, queue: &mut CommandQueue) {
    item(ui, true, Command::File(FileCommand::New), queue);
    item(ui, true, Command::File(FileCommand::Open), queue);
    ui.menu_button(Command::File(FileCommand::OpenRecent(0)).label(), |ui| {
        if state.recent_files.is_empty() {
            ui.label("No recent files");
        }
        for (index, path) in state.recent_files.iter().enumerate() {
            let name = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            );
            let button = ui.button(name).on_hover_text(path.display().to_string());
            if button.clicked() {
                queue.push(Command::File(FileCommand::OpenRecent(index)));
            }
        }
        ui.separator();
        let any = !state.recent_files.is_empty();
        item(ui, any, Command::File(FileCommand::ClearRecent), queue);
    });
    item(ui, true, Command::File(FileCommand::TypePath), queue);
    ui.separator();
    item(ui, true, Command::File(FileCommand::Save), queue);
    item(ui, true, Command::File(FileCommand::SaveAs), queue);
    ui.separator();
    for kind in [
        ExportKind::ProjectionCsv,
        ExportKind::SummaryCsv,
        ExportKind::ChartPng,
        ExportKind::ChartSvg,
        ExportKind::ReportHtml,
    ] {
        if kind != ExportKind::SummaryCsv || state.has_summary {
            item(ui, true, Command::Export(ExportCommand::Start(kind)), queue);
        }
    }
    ui.separator();
    item(ui, state.dirty, Command::Revert, queue);
    ui.separator();
    item(ui, true, Command::Quit, queue);
}

/// The Scenarios menu: the open documents, Duplicate, Close, Compare and presenter mode.
fn scenarios_menu_ui(ui: &mut egui::Ui, state: &MenuState<'_>, queue: &mut CommandQueue) {
    for (index, (label, _)) in state.documents.iter().enumerate() {
        let command = Command::Doc(DocCommand::Switch(index));
        let mut button = egui::Button::selectable(index == state.active, label.as_str());
        if let Some(text) = command.shortcut_text(ui.ctx()) {
            button = button.shortcut_text(text);
        }
        if ui.add(button).clicked() {
            queue.push(command);
            queue.push(Command::SetComparing(false));
        }
    }
    ui.separator();
    for command in [
        DocCommand::Next,
        DocCommand::Previous,
        DocCommand::Duplicate,
        DocCommand::Close,
    ] {
        item(ui, true, Command::Doc(command), queue);
    }
    ui.separator();
    check_item(
        ui,
        state.comparing,
        Command::SetComparing(!state.comparing),
        queue,
    );
    item(ui, true, Command::Present(PresentCommand::Start), queue);
}

fn view_menu_ui(ui: &mut egui::Ui, state: &MenuState<'_>, queue: &mut CommandQueue) {
    for theme in ThemeChoice::ALL {
        let command = Command::SetTheme(theme);
        if ui.radio(state.theme == theme, command.label()).clicked() {
            queue.push(command);
        }
    }
    item(ui, true, Command::ToggleTheme, queue);
    ui.separator();
    for layout in [PlotLayout::Tabs, PlotLayout::Grid] {
        let command = Command::SetLayout(layout);
        if ui.radio(state.layout == layout, command.label()).clicked() {
            queue.push(command);
        }
    }
    for chart in Chart::ALL {
        item(ui, true, Command::ShowChart(chart), queue);
    }
    ui.separator();
    check_item(ui, state.show_inputs, Command::ToggleInputs, queue);
    check_item(ui, state.show_summary, Command::ToggleSummary, queue);
    let history = Command::Learn(LearnCommand::ToggleHistory);
    let mut shown = state.show_history;
    let response = ui.checkbox(&mut shown, history.label());
    let response = response.on_hover_text(state.history_unavailable.unwrap_or(history.tooltip()));
    if response.clicked() {
        queue.push(history);
    }
    item(ui, true, Command::Learn(LearnCommand::Sources), queue);
    ui.separator();
    for command in [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
        item(ui, true, command, queue);
    }
}

/// The tab strip under the menu bar: one tab per document, then Compare, Duplicate and Close,
/// and at the right the status line (what the last save or export did), in the same row.
pub fn tabs_ui(
    ui: &mut egui::Ui,
    state: &MenuState<'_>,
    status: Option<&str>,
    queue: &mut CommandQueue,
) {
    ui.horizontal_wrapped(|ui| {
        for (index, (label, path)) in state.documents.iter().enumerate() {
            let selected = index == state.active && !state.comparing;
            let tab =
                ui.selectable_label(selected, label)
                    .on_hover_text(path.as_ref().map_or_else(
                        || "Not saved to a file yet".to_owned(),
                        |p| p.display().to_string(),
                    ));
            if tab.clicked() {
                queue.push(Command::Doc(DocCommand::Switch(index)));
                queue.push(Command::SetComparing(false));
            }
        }
        ui.separator();
        let compare = Command::SetComparing(!state.comparing);
        if ui
            .selectable_label(state.comparing, "Compare")
            .on_hover_text(compare.tooltip())
            .clicked()
        {
            queue.push(compare);
        }
        for (text, command) in [
            ("Duplicate", DocCommand::Duplicate),
            ("Close tab", DocCommand::Close),
        ] {
            let command = Command::Doc(command);
            if ui.button(text).on_hover_text(command.tooltip()).clicked() {
                queue.push(command);
            }
        }
        if let Some(status) = status {
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.add(egui::Label::new(egui::RichText::new(status).weak()).truncate());
            });
        }
    });
}
