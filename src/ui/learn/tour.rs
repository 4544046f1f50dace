//! The guided what-ifs window: pick a tour, then Next applies one step (through the app's
//! validated edits, one undo step each) and says what to notice; Back undoes the last step.

use egui::RichText;

use crate::model::Scenario;
use crate::ui::edits::{self, Edit};
use crate::ui::learn::whatifs::what_ifs;
use crate::ui::learn::{LearnState, TourProgress};
use crate::ui::menu::Command;

pub(super) fn tour_window(
    ctx: &egui::Context,
    state: &mut LearnState,
    scenario: &Scenario,
    edits: &mut Vec<Edit>,
    commands: &mut Vec<Command>,
) {
    let mut open = state.tours_open;
    egui::Window::new("Guided what-ifs")
        .open(&mut open)
        .default_size([460.0, 360.0])
        .default_pos([860.0, 90.0])
        .show(ctx, |ui| {
            let tours = what_ifs(scenario);
            let progress = state.tour.filter(|p| p.tour < tours.len());
            let Some(progress) = progress else {
                ui.label("Each tour sets a few inputs, one step at a time, and says what to look for. Undo (Ctrl+Z) or Back takes a step back.");
                ui.separator();
                for (i, tour) in tours.iter().enumerate() {
                    if ui.button(&tour.title).on_hover_text(&tour.intro).clicked() {
                        state.tour = Some(TourProgress { tour: i, applied: 0 });
                        state.step_changed.clear();
                    }
                }
                return;
            };
            let tour = &tours[progress.tour];
            let total = tour.steps.len();
            ui.heading(&tour.title);
            ui.label(&tour.intro);
            ui.separator();
            if progress.applied > 0
                && let Some(done) = tour.steps.get(progress.applied - 1)
            {
                ui.label(RichText::new(format!("Step {} done: {}", progress.applied, done.does)).strong());
                ui.label(format!("Notice: {}", done.notice));
                ui.add_space(6.0);
            }
            match tour.steps.get(progress.applied) {
                Some(next) => {
                    ui.label(format!("Next ({} of {total}): {}", progress.applied + 1, next.does));
                }
                None => {
                    ui.label("That was the last step. Undo takes you back; File > Revert changes returns to the file.");
                }
            }
            ui.horizontal(|ui| {
                let back = ui.add_enabled(progress.applied > 0, egui::Button::new("Back"));
                if back.on_hover_text("Undo the last step").clicked() {
                    if state.step_changed.pop().unwrap_or(false) {
                        commands.push(Command::Undo);
                    }
                    state.tour = Some(TourProgress { applied: progress.applied - 1, ..progress });
                }
                let next = tour.steps.get(progress.applied);
                if ui.add_enabled(next.is_some(), egui::Button::new("Next")).clicked()
                    && let Some(step) = next
                {
                    let after = step
                        .edits
                        .iter()
                        .fold(scenario.clone(), |s, edit| edits::apply(&s, edit));
                    state.step_changed.push(after != *scenario);
                    edits.extend(step.edits.iter().cloned());
                    state.tour = Some(TourProgress { applied: progress.applied + 1, ..progress });
                }
                if ui.button("All tours").clicked() {
                    state.tour = None;
                }
            });
        });
    state.tours_open = open;
}
