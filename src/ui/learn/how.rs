//! "How the model works": each equation in plain words with a live worked example for a chosen
//! provider and year (numbers read from the projection), and the glossary.

use egui::RichText;

use crate::insight::explain::{GLOSSARY, explanations};
use crate::model::{Projection, Scenario};
use crate::ui::learn::LearnState;

pub(super) fn how_window(
    ctx: &egui::Context,
    state: &mut LearnState,
    scenario: &Scenario,
    projection: &Projection,
) {
    let mut open = state.how_open;
    egui::Window::new("How the model works")
        .open(&mut open)
        .default_size([620.0, 560.0])
        .default_pos([780.0, 70.0])
        .show(ctx, |ui| {
            let providers = projection.providers;
            if providers == 0 || projection.years < 2 {
                ui.label("Nothing projected yet.");
                return;
            }
            state.how_provider = state.how_provider.min(providers - 1);
            let first = projection.year(1);
            let last = projection.year(projection.years - 1);
            let mut year = state
                .how_year
                .unwrap_or((first + 4).min(last))
                .clamp(first, last);
            ui.horizontal_wrapped(|ui| {
                ui.label("Worked example for");
                egui::ComboBox::from_id_salt("how-provider")
                    .selected_text(scenario.provider_name(state.how_provider))
                    .show_ui(ui, |ui| {
                        for p in 0..providers {
                            ui.selectable_value(
                                &mut state.how_provider,
                                p,
                                scenario.provider_name(p),
                            );
                        }
                    })
                    .response
                    .on_hover_text("Provider of the worked examples");
                ui.add(
                    egui::Slider::new(&mut year, first..=last)
                        .integer()
                        .text("Example year"),
                );
            });
            state.how_year = Some(year);
            let t = projection.year_index(year).unwrap_or(1);
            ui.separator();
            egui::ScrollArea::vertical()
                .id_salt("how-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    for e in explanations(scenario, projection, state.how_provider, t) {
                        ui.strong(e.title);
                        ui.monospace(e.formula);
                        ui.add(egui::Label::new(e.plain).wrap());
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!("Now: {}", e.example))
                                    .color(ui.visuals().hyperlink_color),
                            )
                            .wrap(),
                        );
                        ui.add_space(8.0);
                    }
                    ui.separator();
                    ui.heading("Glossary");
                    egui::Grid::new("glossary")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            for (term, meaning) in GLOSSARY {
                                ui.strong(*term);
                                ui.add(egui::Label::new(*meaning).wrap());
                                ui.end_row();
                            }
                        });
                });
        });
    state.how_open = open;
}
