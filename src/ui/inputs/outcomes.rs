//! The editor of a workload's alternative placement targets (`Outcomes`): each outcome's
//! probability and placement, edited like the placement editor (the others give way so a
//! placement, and the probabilities, keep summing to 100%), with Add and Remove.

use egui::{Id, RichText};

use super::distribution::{probability_ui, toggle_button_ui};
use crate::edits::{Edit, set_share_keeping_sum};
use crate::model::{Distribution, Outcome, ParamPath, Scenario, Unit, WorkloadParam};
use crate::ui::widgets::unit_slider;

/// Most outcomes the editor offers (MODEL.md allows 16).
const MAX_OUTCOMES: usize = 16;

/// The "±" toggle beside the target placement of workload `w` and, when open, its outcomes.
pub fn outcomes_ui(ui: &mut egui::Ui, scenario: &Scenario, w: usize, edits: &mut Vec<Edit>) {
    let Some(workload) = scenario.workloads.get(w) else {
        return;
    };
    let path = ParamPath::Workload(w, WorkloadParam::PlacementTarget);
    let current = match scenario.distribution(path) {
        Some(Distribution::Outcomes(outcomes)) => Some(outcomes.clone()),
        _ => None,
    };
    let label = format!("{} target placement", workload.name);
    let open = ui
        .horizontal(|ui| {
            ui.label(RichText::new("Target placement").strong());
            let open = toggle_button_ui(
                ui,
                Id::unique(("outcomes-editor-open", w)),
                current.is_some(),
                &label,
            );
            if let Some(outcomes) = &current {
                ui.label(
                    RichText::new(format!("{} alternative outcomes", outcomes.len()))
                        .small()
                        .weak(),
                );
            }
            open
        })
        .inner;
    if !open {
        return;
    }
    ui.indent(("outcomes-editor", w), |ui| {
        let Some(mut outcomes) = current else {
            ui.label(
                RichText::new(
                    "Certain. Alternative outcomes weigh several possible targets with \
                     probabilities (each Monte Carlo draw picks one); the single run keeps the \
                     target below.",
                )
                .small()
                .weak(),
            );
            if ui
                .button(format!("Add alternative targets to {}", workload.name))
                .clicked()
            {
                let target = workload.placement_target.clone();
                let two = vec![
                    Outcome {
                        probability: 0.5,
                        target: target.clone(),
                    },
                    Outcome {
                        probability: 0.5,
                        target,
                    },
                ];
                edits.push(Edit::Distribution(path, Some(Distribution::Outcomes(two))));
            }
            return;
        };
        if let Some(changed) = outcome_rows_ui(ui, scenario, &workload.name, &mut outcomes) {
            let dist = (!changed.is_empty()).then_some(Distribution::Outcomes(changed));
            edits.push(Edit::Distribution(path, dist));
        }
    });
}

/// One block per outcome; returns the new list when something changed (empty: remove them all).
fn outcome_rows_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    name: &str,
    outcomes: &mut Vec<Outcome>,
) -> Option<Vec<Outcome>> {
    let mut changed = false;
    let mut remove = None;
    let mut probabilities: Vec<f64> = outcomes.iter().map(|o| o.probability).collect();
    for (k, outcome) in outcomes.iter_mut().enumerate() {
        let number = k + 1;
        ui.horizontal(|ui| {
            ui.label(RichText::new(format!("Outcome {number}")).strong());
            if let Some(p) = probability_ui(
                ui,
                &format!("{name} outcome {number} probability"),
                probabilities[k],
            ) {
                set_share_keeping_sum(&mut probabilities, k, p);
                changed = true;
            }
            if crate::ui::widgets::remove_button(ui, &format!("Remove {name} outcome {number}")) {
                remove = Some(k);
            }
        });
        for p in 0..outcome.target.len() {
            let label = format!("{name} outcome {number} {}", scenario.provider_name(p));
            let hover = "This outcome's share of the workload on the provider; the others give way, so the placement keeps summing to 100%.";
            if let Some(fraction) = unit_slider(
                ui,
                outcome.target[p],
                &label,
                Unit::Percent,
                0.0..=100.0,
                hover,
            )
            .0
            {
                set_share_keeping_sum(&mut outcome.target, p, fraction);
                changed = true;
            }
        }
    }
    for (outcome, p) in outcomes.iter_mut().zip(&probabilities) {
        outcome.probability = *p;
    }
    if outcomes.len() < MAX_OUTCOMES && ui.button(format!("Add an outcome to {name}")).clicked() {
        let n = outcomes.len() as f64;
        for o in outcomes.iter_mut() {
            o.probability *= n / (n + 1.0);
        }
        let target = outcomes
            .last()
            .map(|o| o.target.clone())
            .unwrap_or_default();
        outcomes.push(Outcome {
            probability: 1.0 / (n + 1.0),
            target,
        });
        changed = true;
    }
    if let Some(k) = remove {
        outcomes.remove(k);
        let sum: f64 = outcomes.iter().map(|o| o.probability).sum();
        if sum > 0.0 {
            for o in outcomes.iter_mut() {
                o.probability /= sum;
            }
        }
        changed = true;
    }
    changed.then(|| outcomes.clone())
}
