//! The Sources window: every input's path and where its value comes from, assumptions flagged,
//! filterable by text.

use egui::RichText;

use super::LearnState;
use crate::insight::sources::source_rows;
use crate::model::Scenario;

pub(super) fn sources_window(ctx: &egui::Context, state: &mut LearnState, scenario: &Scenario) {
    let mut open = state.sources_open;
    egui::Window::new("Sources")
        .open(&mut open)
        .default_size([640.0, 480.0])
        .default_pos([720.0, 70.0])
        .show(ctx, |ui| {
            ui.horizontal(|ui| {
                let label = ui.label("Filter");
                ui.add(
                    egui::TextEdit::singleline(&mut state.sources_filter)
                        .hint_text("path or source text, e.g. Synergy or AWS")
                        .desired_width(260.0),
                )
                .labelled_by(label.id);
            });
            let rows = source_rows(scenario, &state.sources_filter);
            let assumed = rows.iter().filter(|r| r.2).count();
            ui.label(
                RichText::new(format!(
                    "{} inputs shown, {assumed} of them assumptions (in italics, marked A).",
                    rows.len()
                ))
                .weak(),
            );
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("sources-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    egui::Grid::new("sources-grid")
                        .num_columns(3)
                        .striped(true)
                        .spacing([8.0, 4.0])
                        .show(ui, |ui| {
                            for (path, source, assumption) in rows {
                                ui.label(if assumption { "A" } else { "" }).on_hover_text(
                                    if assumption { "Assumption" } else { "Sourced" },
                                );
                                ui.monospace(path);
                                let text = RichText::new(source);
                                ui.add(
                                    egui::Label::new(if assumption {
                                        text.italics()
                                    } else {
                                        text
                                    })
                                    .wrap(),
                                );
                                ui.end_row();
                            }
                        });
                });
        });
    state.sources_open = open;
}
