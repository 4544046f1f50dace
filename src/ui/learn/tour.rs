//! The guided what-ifs window: pick a tour, then Next applies one step (through the app's
//! validated edits, one undo step each) and says what to notice; Back takes the last step back.
//!
//! Back undoes the step when nothing changed since it; if the person moved a slider in between,
//! Back puts back only the inputs the step set, and the slider move stays.

use egui::RichText;

use super::{LearnState, TourProgress};
use crate::edits::{self, Edit};
use crate::insight::tours::what_ifs;
use crate::model::Scenario;
use crate::ui::command::{Command, CommandQueue};

/// How to take back one applied step.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct StepRecord {
    /// The scenario the step should have led to (`None`: the step changed nothing).
    after: Option<Scenario>,
    /// Edits that put back what the step set, as it was before the step.
    undoing: Vec<Edit>,
}

impl StepRecord {
    fn new(before: &Scenario, step_edits: &[Edit]) -> Self {
        let after = step_edits
            .iter()
            .fold(before.clone(), |s, edit| edits::apply(&s, edit));
        // Undo in reverse order, each edit against the scenario just before it.
        let mut state = before.clone();
        let mut undoing = Vec::new();
        for edit in step_edits {
            undoing.extend(edit.undoing(&state));
            state = edits::apply(&state, edit);
        }
        undoing.reverse();
        Self {
            after: (after != *before).then_some(after),
            undoing,
        }
    }

    /// The commands that take the step back from `current`.
    fn back(self, current: &Scenario) -> Vec<Command> {
        match self.after {
            None => Vec::new(),
            Some(after) if after == *current => vec![Command::Undo],
            Some(_) => self.undoing.into_iter().map(Command::Edit).collect(),
        }
    }
}

pub(super) fn tour_window(
    ctx: &egui::Context,
    state: &mut LearnState,
    scenario: &Scenario,
    queue: &mut CommandQueue,
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
                        state.step_records.clear();
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
                if back.on_hover_text("Take the last step back").clicked() {
                    if let Some(record) = state.step_records.pop() {
                        queue.extend(record.back(scenario));
                    }
                    state.tour = Some(TourProgress { applied: progress.applied - 1, ..progress });
                }
                let next = tour.steps.get(progress.applied);
                if ui.add_enabled(next.is_some(), egui::Button::new("Next")).clicked()
                    && let Some(step) = next
                {
                    state.step_records.push(StepRecord::new(scenario, &step.edits));
                    queue.extend(step.edits.iter().cloned().map(Command::Edit));
                    // Scroll the inputs panel to the (first) slider the step moves.
                    let moved = step.edits.iter().find_map(|edit| match edit {
                        Edit::Value(path, _) => Some(*path),
                        _ => None,
                    });
                    queue.extend(moved.map(Command::RevealInput));
                    state.tour = Some(TourProgress { applied: progress.applied + 1, ..progress });
                }
                if ui.button("All tours").clicked() {
                    state.tour = None;
                }
            });
        });
    state.tours_open = open;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ParamPath, WorkloadParam};
    use crate::scenario::builtin_baseline;

    #[test]
    fn back_undoes_an_untouched_step_and_keeps_a_later_slider_move() {
        let before = builtin_baseline();
        let duration = ParamPath::Workload(0, WorkloadParam::DurationYears);
        let halo = ParamPath::Halo;
        let step = vec![Edit::Value(duration, 2.0)];
        let record = StepRecord::new(&before, &step);
        let after = edits::apply(&before, &step[0]);
        assert_eq!(record.clone().back(&after), vec![Command::Undo]);

        let moved = edits::apply(&after, &Edit::Value(halo, 2.0));
        let back = record.back(&moved);
        let original = duration.get(&before).unwrap();
        assert_eq!(back, vec![Command::Edit(Edit::Value(duration, original))]);
    }

    #[test]
    fn a_step_that_changes_nothing_takes_nothing_back() {
        let before = builtin_baseline();
        let extent = ParamPath::Workload(0, WorkloadParam::Extent);
        let value = extent.get(&before).unwrap();
        let record = StepRecord::new(&before, &[Edit::Value(extent, value)]);
        assert!(record.back(&before).is_empty());
    }
}
