//! The File and Edit menus: open, save, recent files, undo and redo. They only push commands.

use std::path::PathBuf;

use crate::ui::file_state::FileCommand;
use crate::ui::menu::Command;

/// What the File and Edit menus need to know.
#[derive(Clone, Copy, Debug)]
pub struct FileMenuState<'a> {
    pub dirty: bool,
    pub recent_files: &'a [PathBuf],
    pub can_undo: bool,
    pub can_redo: bool,
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
}

/// The Edit menu: undo and redo, enabled when there is something to undo or redo.
pub fn edit_menu_ui(ui: &mut egui::Ui, state: &FileMenuState<'_>, commands: &mut Vec<Command>) {
    ui.menu_button("Edit", |ui| {
        item(ui, state.can_undo, "Undo", Command::Undo, commands);
        item(ui, state.can_redo, "Redo", Command::Redo, commands);
    });
}
