//! The File, Edit and Scenarios menus: open, save, export, recent files, undo and redo, copy and
//! paste, the open scenarios. They only push commands.

use std::path::PathBuf;

use crate::ui::export::{ExportCommand, ExportKind};
use crate::ui::file_state::FileCommand;
use crate::ui::menu::Command;
use crate::ui::present::PresentCommand;
use crate::ui::tabs::DocCommand;

/// What the File and Edit menus need to know.
#[allow(clippy::struct_excessive_bools)] // independent menu states, not a state machine
#[derive(Clone, Copy, Debug)]
pub struct FileMenuState<'a> {
    pub dirty: bool,
    pub recent_files: &'a [PathBuf],
    pub can_undo: bool,
    pub can_redo: bool,
    /// The open documents' tab labels, in tab order, and the active one.
    pub documents: &'a [String],
    pub active: usize,
    /// Whether the active document has a simulation summary to export.
    pub has_summary: bool,
    pub comparing: bool,
}

fn item(
    ui: &mut egui::Ui,
    enabled: bool,
    label: &str,
    command: Command,
    commands: &mut Vec<Command>,
) {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        commands.push(command);
    }
}

/// The File menu's file items (the caller adds Revert and Quit).
pub fn file_items_ui(ui: &mut egui::Ui, state: &FileMenuState<'_>, commands: &mut Vec<Command>) {
    let file = |c| Command::File(c);
    item(ui, true, "New", file(FileCommand::New), commands);
    item(ui, true, "Open…", file(FileCommand::Open), commands);
    ui.menu_button("Open recent", |ui| {
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
                commands.push(file(FileCommand::OpenRecent(index)));
            }
        }
        ui.separator();
        item(
            ui,
            !state.recent_files.is_empty(),
            "Clear recent files",
            file(FileCommand::ClearRecent),
            commands,
        );
    });
    item(
        ui,
        true,
        "Type a path…",
        file(FileCommand::TypePath),
        commands,
    );
    ui.separator();
    item(ui, true, "Save", file(FileCommand::Save), commands);
    item(ui, true, "Save As…", file(FileCommand::SaveAs), commands);
    ui.separator();
    let export = |kind| Command::Export(ExportCommand::Export(kind));
    item(
        ui,
        true,
        "Export projection as CSV…",
        export(ExportKind::ProjectionCsv),
        commands,
    );
    if state.has_summary {
        item(
            ui,
            true,
            "Export simulation summary as CSV…",
            export(ExportKind::SummaryCsv),
            commands,
        );
    }
    item(
        ui,
        true,
        "Export chart as PNG…",
        export(ExportKind::ChartPng),
        commands,
    );
}

/// The Scenarios menu: the open documents, Duplicate, Close, Compare and presenter mode.
pub fn scenarios_menu_ui(
    ui: &mut egui::Ui,
    state: &FileMenuState<'_>,
    commands: &mut Vec<Command>,
) {
    ui.menu_button("Scenarios", |ui| {
        for (index, label) in state.documents.iter().enumerate() {
            let mut button = egui::Button::selectable(index == state.active, label.as_str());
            if let Some(shortcut) = Command::Doc(DocCommand::Switch(index)).shortcut() {
                button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
            }
            if ui.add(button).clicked() {
                commands.push(Command::Doc(DocCommand::Switch(index)));
                commands.push(Command::SetComparing(false));
            }
        }
        ui.separator();
        let doc = |c| Command::Doc(c);
        item(ui, true, "Next scenario", doc(DocCommand::Next), commands);
        item(
            ui,
            true,
            "Previous scenario",
            doc(DocCommand::Previous),
            commands,
        );
        item(
            ui,
            true,
            "Duplicate as a what-if",
            doc(DocCommand::Duplicate),
            commands,
        );
        item(ui, true, "Close scenario", doc(DocCommand::Close), commands);
        ui.separator();
        let compare = Command::SetComparing(!state.comparing);
        if ui
            .checkbox(&mut state.comparing.clone(), "Compare scenarios")
            .clicked()
        {
            commands.push(compare);
        }
        item(
            ui,
            true,
            "Presenter mode",
            Command::Present(PresentCommand::Start),
            commands,
        );
    });
}

/// The Edit menu: undo and redo, enabled when there is something to undo or redo.
pub fn edit_menu_ui(ui: &mut egui::Ui, state: &FileMenuState<'_>, commands: &mut Vec<Command>) {
    ui.menu_button("Edit", |ui| {
        item(ui, state.can_undo, "Undo", Command::Undo, commands);
        item(ui, state.can_redo, "Redo", Command::Redo, commands);
        ui.separator();
        let clip = |c| Command::Export(c);
        item(
            ui,
            true,
            "Copy scenario as RON",
            clip(ExportCommand::CopyRon),
            commands,
        );
        item(
            ui,
            true,
            "Paste scenario…",
            clip(ExportCommand::PasteDialog),
            commands,
        );
    });
}
