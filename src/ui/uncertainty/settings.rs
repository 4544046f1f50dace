//! Monte Carlo settings saved with the scenario: sample count and seed.

use crate::edits::Edit;
use crate::model::Scenario;
use crate::scenario::SAMPLES_RANGE;

/// The sample-count and seed editors; a change pushes `Edit::MonteCarlo`.
pub fn settings_ui(ui: &mut egui::Ui, scenario: &Scenario, edits: &mut Vec<Edit>) {
    let current = scenario.monte_carlo.unwrap_or_default();
    let mut mc = current;
    let label = ui.label("Monte Carlo samples");
    let samples = ui
        .add(
            egui::DragValue::new(&mut mc.samples)
                .range(SAMPLES_RANGE.0..=SAMPLES_RANGE.1)
                .speed(100.0),
        )
        .labelled_by(label.id)
        .on_hover_text("Draws per full run (saved in the file). While a slider is dragged a quick pass of at most 2,000 draws runs. Typing takes effect on Enter.");
    let label = ui.label("Monte Carlo seed");
    let seed = ui
        .add(egui::DragValue::new(&mut mc.seed))
        .labelled_by(label.id)
        .on_hover_text(
            "The same seed gives the same draws, so bands move smoothly as inputs change.",
        );
    // While a number is being typed nothing runs; Enter (or leaving the box) takes it.
    let typing = samples.has_focus() || seed.has_focus();
    if mc != current && !typing {
        edits.push(Edit::MonteCarlo(mc));
    }
}
