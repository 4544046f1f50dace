//! The placement editor: one slider per provider for a workload's base or target placement. Moving
//! one slider makes the others give way in proportion, so the sum stays at exactly 100%.

use egui::{Color32, RichText};

use super::tooltip;
use crate::edits::{Edit, Placement};
use crate::model::Unit;
use crate::model::{ParamPath, Scenario, WorkloadParam};
use crate::ui::widgets::{color32, unit_slider};
use crate::units;

/// The editor for one placement of workload `w`.
pub fn placement_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    w: usize,
    which: Placement,
    edits: &mut Vec<Edit>,
) {
    let Some(workload) = scenario.workloads.get(w) else {
        return;
    };
    let (fractions, word, param) = match which {
        Placement::Base => (
            &workload.placement_base,
            "base",
            WorkloadParam::PlacementBase,
        ),
        Placement::Target => (
            &workload.placement_target,
            "target",
            WorkloadParam::PlacementTarget,
        ),
    };
    let hover = tooltip(scenario, ParamPath::Workload(w, param));
    placement_bar(ui, scenario, fractions);
    for (p, &fraction) in fractions.iter().enumerate() {
        let label = format!("{} {word} {}", workload.name, scenario.provider_name(p));
        if let Some(new_fraction) =
            unit_slider(ui, fraction, &label, Unit::Percent, 0.0..=100.0, &hover).0
        {
            edits.push(Edit::PlacementShare {
                workload: w,
                which,
                provider: p,
                fraction: new_fraction,
            });
        }
    }
    let sum: f64 = fractions.iter().sum();
    let ok = (sum - 1.0).abs() < 1e-9;
    let text = RichText::new(format!("Sum: {}", units::percent(sum))).small();
    ui.label(if ok { text.weak() } else { text.color(Color32::RED) })
        .on_hover_text("A placement always sums to 100%: moving one provider makes the others give way in proportion.");
}

/// A thin bar split in the providers' colors, one segment per provider's fraction.
fn placement_bar(ui: &mut egui::Ui, scenario: &Scenario, fractions: &[f64]) {
    let width = ui.available_width().min(ui.spacing().slider_width + 120.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 8.0), egui::Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter_at(rect);
    let mut left = rect.left();
    for (p, &fraction) in fractions.iter().enumerate() {
        let right = left + rect.width() * fraction.clamp(0.0, 1.0) as f32;
        let segment = egui::Rect::from_min_max(
            egui::pos2(left, rect.top()),
            egui::pos2(right, rect.bottom()),
        );
        painter.rect_filled(segment, 0.0, color32(scenario.provider_color(p)));
        left = right;
    }
    let listing: Vec<String> = fractions
        .iter()
        .enumerate()
        .filter(|(_, f)| **f > 0.0)
        .map(|(p, f)| format!("{} {}", scenario.provider_name(p), units::percent(*f)))
        .collect();
    response.on_hover_text(listing.join("\n"));
}
