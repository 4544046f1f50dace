//! The correlations group: a short list of pairs of uncertain inputs, each with a ρ slider
//! (Gaussian copula, MODEL.md v2). A set that cannot hold together is refused by the checker,
//! and the refusal shows in the group.

use egui::RichText;

use crate::edits::Edit;
use crate::model::{Correlation, MAX_ABS_RHO, ParamPath, Scenario};

/// The pairs and their sliders; pushes one `Edit::Correlations` with the whole new list.
pub fn correlations_ui(ui: &mut egui::Ui, scenario: &Scenario, edits: &mut Vec<Edit>) {
    let uncertain: Vec<ParamPath> = scenario.uncertainty.iter().map(|(p, _)| *p).collect();
    if uncertain.len() < 2 {
        ui.label(
            RichText::new("Give two or more inputs a distribution (±) to correlate them.").weak(),
        );
        return;
    }
    ui.label(
        RichText::new(
            "Inputs that tend to move together: ρ > 0 draws them high together, ρ < 0 one high \
             when the other is low. Rank correlation ≈ (6/π)·asin(ρ/2).",
        )
        .small()
        .weak(),
    );
    let mut list = scenario.correlations.clone();
    let mut changed = false;
    let mut remove = None;
    for (i, c) in list.iter_mut().enumerate() {
        let number = i + 1;
        ui.horizontal_wrapped(|ui| {
            changed |= pick_ui(
                ui,
                scenario,
                &uncertain,
                &mut c.a,
                &format!("Correlation {number} first input"),
            );
            ui.label("with");
            changed |= pick_ui(
                ui,
                scenario,
                &uncertain,
                &mut c.b,
                &format!("Correlation {number} second input"),
            );
        });
        ui.horizontal(|ui| {
            let mut rho = c.rho;
            let slider = egui::Slider::new(&mut rho, -MAX_ABS_RHO..=MAX_ABS_RHO)
                .step_by(0.01)
                .fixed_decimals(2)
                .text(format!("Correlation {number} ρ"));
            if ui
                .add(slider)
                .on_hover_text("The copula's correlation ρ, from -0.99 to 0.99.")
                .changed()
            {
                c.rho = (rho * 100.0).round() / 100.0;
                changed = true;
            }
            if crate::ui::widgets::remove_button(ui, &format!("Remove correlation {number}")) {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        list.remove(i);
        changed = true;
    }
    if let Some(pair) = unpaired(&uncertain, &list)
        && ui.button("Add a correlation").clicked()
    {
        list.push(Correlation {
            a: pair.0,
            b: pair.1,
            rho: 0.5,
        });
        changed = true;
    }
    if changed {
        edits.push(Edit::Correlations(list));
    }
}

/// The first pair of uncertain inputs not yet correlated.
fn unpaired(uncertain: &[ParamPath], list: &[Correlation]) -> Option<(ParamPath, ParamPath)> {
    for (i, &a) in uncertain.iter().enumerate() {
        for &b in &uncertain[i + 1..] {
            let taken = list
                .iter()
                .any(|c| (c.a == a && c.b == b) || (c.a == b && c.b == a));
            if !taken {
                return Some((a, b));
            }
        }
    }
    None
}

/// A choice of one uncertain input; returns whether it changed.
fn pick_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    uncertain: &[ParamPath],
    path: &mut ParamPath,
    name: &str,
) -> bool {
    let before = *path;
    egui::ComboBox::from_id_salt(name)
        .selected_text(path.label(scenario))
        .show_ui(ui, |ui| {
            for &choice in uncertain {
                ui.selectable_value(path, choice, choice.label(scenario));
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ComboBox, true, name));
    *path != before
}
