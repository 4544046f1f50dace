//! The file dialogs drawn in the window: "Save changes?", errors, a typed path, the recovery
//! offer, and the "drop to open" overlay. Drawing only: answers become commands.

use super::FileState;
use crate::ui::command::{Command, CommandQueue, FileCommand, PickPurpose, Then, UnsavedChoice};

/// Draws whichever file dialog is open (at most one at a time, most urgent first).
pub fn dialogs_ui(ctx: &egui::Context, files: &mut FileState, queue: &mut CommandQueue) {
    let mut actions = Vec::new();
    if files.hovering_files {
        drop_overlay_ui(ctx);
    }
    if let Some(error) = &files.error {
        error_ui(ctx, error, &mut actions);
    } else if let Some(recovered) = &files.recovery_offer {
        let origin = recovered.original_path.as_ref().map_or_else(
            || "a scenario that was never saved".to_owned(),
            |p| p.display().to_string(),
        );
        recovery_ui(ctx, &recovered.scenario.name, &origin, &mut actions);
    } else if let Some(then) = &files.unsaved_prompt {
        unsaved_ui(ctx, then, &mut actions);
    } else if let Some(entry) = &mut files.path_entry {
        path_entry_ui(ctx, &entry.purpose, &mut entry.text, &mut actions);
    }
    queue.extend(actions);
}

fn modal(ctx: &egui::Context, id: &str, content: impl FnOnce(&mut egui::Ui)) -> bool {
    egui::Modal::new(egui::Id::unique(id))
        .show(ctx, |ui| {
            ui.set_max_width(520.0);
            content(ui);
        })
        .should_close()
}

fn error_ui(ctx: &egui::Context, error: &str, actions: &mut Vec<Command>) {
    let closed = modal(ctx, "file-error", |ui| {
        ui.heading("Something went wrong");
        ui.label(error);
        ui.add_space(8.0);
        if ui.button("OK").clicked() {
            actions.push(Command::File(FileCommand::DismissError));
        }
    });
    if closed {
        actions.push(Command::File(FileCommand::DismissError));
    }
}

fn recovery_ui(ctx: &egui::Context, name: &str, origin: &str, actions: &mut Vec<Command>) {
    modal(ctx, "recovery-offer", |ui| {
        ui.heading("Restore unsaved work?");
        ui.label(format!(
            "cloudshift did not close normally last time. A recovery copy of \"{name}\" \
             (from {origin}) was kept."
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                actions.push(Command::File(FileCommand::RestoreRecovery));
            }
            if ui.button("Discard").clicked() {
                actions.push(Command::File(FileCommand::DiscardRecovery));
            }
        });
    });
}

fn unsaved_ui(ctx: &egui::Context, then: &Then, actions: &mut Vec<Command>) {
    let doing = match then {
        Then::New => "starting a new scenario",
        Then::Open | Then::OpenPath(_) => "opening another file",
        Then::Close => "closing",
        Then::CloseDocument => "closing its tab",
    };
    let closed = modal(ctx, "unsaved-prompt", |ui| {
        ui.heading("Save changes?");
        ui.label(format!(
            "This scenario has unsaved changes. Save them before {doing}?"
        ));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, choice) in [
                ("Save", UnsavedChoice::Save),
                ("Discard", UnsavedChoice::Discard),
                ("Cancel", UnsavedChoice::Cancel),
            ] {
                if ui.button(label).clicked() {
                    actions.push(Command::File(FileCommand::Answer(choice)));
                }
            }
        });
    });
    if closed {
        actions.push(Command::File(FileCommand::Answer(UnsavedChoice::Cancel)));
    }
}

fn path_entry_ui(
    ctx: &egui::Context,
    purpose: &PickPurpose,
    text: &mut String,
    actions: &mut Vec<Command>,
) {
    let (title, ok) = match purpose {
        PickPurpose::Open => ("Open scenario", "Open"),
        PickPurpose::SaveAs { .. } => ("Save scenario as", "Save"),
        PickPurpose::Export(kind) => (kind.title(), "Export"),
    };
    let closed = modal(ctx, "path-entry", |ui| {
        ui.heading(title);
        ui.label("No file dialog is available here; type the file's path.");
        let label = ui.label("File path");
        let field = ui.add(
            egui::TextEdit::singleline(text)
                .hint_text("/path/to/scenario.ron")
                .desired_width(480.0),
        );
        let field = field.labelled_by(label.id);
        if !field.has_focus() && !field.lost_focus() {
            field.request_focus();
        }
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let ready = !text.trim().is_empty();
            if ui.add_enabled(ready, egui::Button::new(ok)).clicked() || (entered && ready) {
                actions.push(Command::File(FileCommand::PathEntered));
            }
            if ui.button("Cancel").clicked() {
                actions.push(Command::File(FileCommand::PathCancelled));
            }
        });
    });
    if closed {
        actions.push(Command::File(FileCommand::PathCancelled));
    }
}

fn drop_overlay_ui(ctx: &egui::Context) {
    let screen = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-overlay"),
    ));
    painter.rect_filled(screen, 0.0, egui::Color32::from_black_alpha(170));
    painter.text(
        screen.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a .ron scenario to open it",
        egui::FontId::proportional(28.0),
        egui::Color32::WHITE,
    );
}
