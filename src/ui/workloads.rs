//! The workloads group of the inputs panel: one section per workload (spend, growth, margin,
//! placements, migration) and adding or removing workloads.

use std::ops::RangeInclusive;

use egui::RichText;

use crate::model::{Curve, MAX_WORKLOADS, ParamPath, Scenario, WorkloadParam};
use crate::ui::edits::{Edit, Group, Placement};
use crate::ui::inputs::{Rejection, rejection_for};
use crate::ui::placement::placement_ui;
use crate::ui::widgets::{Unit, fit_sliders, name_editor, param_slider};

/// A workload's spend sliders, in order: input, label after the workload's name, unit, range on
/// screen. The labels (`OpenAI spend`) are also the sliders' accessible names.
const SPEND_SLIDERS: [(WorkloadParam, &str, Unit, RangeInclusive<f64>); 3] = [
    (WorkloadParam::Spend, "spend", Unit::UsdBn, 0.1..=1000.0),
    (
        WorkloadParam::GrowthStart,
        "growth start",
        Unit::Percent,
        -20.0..=200.0,
    ),
    (
        WorkloadParam::GrowthEnd,
        "growth end",
        Unit::Percent,
        -20.0..=200.0,
    ),
];

/// Every workload, and the button that adds one.
pub fn workloads_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    rejection: Option<&Rejection>,
    edits: &mut Vec<Edit>,
) {
    if scenario.workloads.is_empty() {
        ui.label(RichText::new("No workloads: the market moves only by drift.").weak());
    }
    for (w, workload) in scenario.workloads.iter().enumerate() {
        egui::CollapsingHeader::new(RichText::new(&workload.name).strong())
            .id_salt(("workload", w))
            .default_open(true)
            .show(ui, |ui| {
                workload_ui(ui, scenario, w, edits);
                rejection_for(ui, rejection, Group::Workload(w));
            });
    }
    let add = ui
        .add_enabled(
            scenario.workloads.len() < MAX_WORKLOADS,
            egui::Button::new("Add workload"),
        )
        .on_hover_text(
            "Adds a small workload placed like the market; edit its spend and placements.",
        )
        .on_disabled_hover_text(format!(
            "A scenario holds at most {MAX_WORKLOADS} workloads."
        ));
    if add.clicked() {
        edits.push(Edit::AddWorkload);
    }
    rejection_for(ui, rejection, Group::Workloads);
}

fn workload_ui(ui: &mut egui::Ui, scenario: &Scenario, w: usize, edits: &mut Vec<Edit>) {
    let Some(workload) = scenario.workloads.get(w) else {
        return;
    };
    let name = workload.name.as_str();
    let longest_provider = (0..scenario.provider_count_with_others())
        .map(|p| scenario.provider_name(p))
        .max_by_key(|n| n.chars().count())
        .unwrap_or_default();
    let labels = [
        format!("{name} migration start"),
        format!("{name} target {longest_provider}"),
    ];
    let longest = labels
        .iter()
        .max_by_key(|l| l.chars().count())
        .map_or("", String::as_str);
    fit_sliders(ui, longest);
    let path = |param| ParamPath::Workload(w, param);
    if let Some(new_name) = name_editor(ui, ("workload-name", w), "Name", name) {
        edits.push(Edit::RenameWorkload(w, new_name));
    }
    for (param, suffix, unit, range) in SPEND_SLIDERS {
        let label = format!("{name} {suffix}");
        param_slider(ui, scenario, path(param), &label, unit, range, edits);
    }
    margin_ui(ui, scenario, w, edits);

    ui.add_space(4.0);
    ui.label(RichText::new("Base placement").strong());
    placement_ui(ui, scenario, w, Placement::Base, edits);
    ui.add_space(4.0);
    ui.label(RichText::new("Target placement").strong());
    placement_ui(ui, scenario, w, Placement::Target, edits);

    ui.add_space(4.0);
    ui.label(RichText::new("Migration").strong());
    param_slider(
        ui,
        scenario,
        path(WorkloadParam::Extent),
        &format!("{name} extent"),
        Unit::Percent,
        0.0..=100.0,
        edits,
    );
    let first = f64::from(scenario.base_year);
    let last = first + f64::from(scenario.horizon_years);
    param_slider(
        ui,
        scenario,
        path(WorkloadParam::StartYear),
        &format!("{name} migration start"),
        Unit::Year,
        first..=last,
        edits,
    );
    param_slider(
        ui,
        scenario,
        path(WorkloadParam::DurationYears),
        &format!("{name} duration"),
        Unit::Years,
        0.0..=15.0,
        edits,
    );
    curve_ui(ui, scenario, w, edits);

    let remove = ui
        .button(format!("Remove {name}"))
        .on_hover_text("Removes the workload; its spend leaves the market.");
    if remove.clicked() {
        edits.push(Edit::RemoveWorkload(w));
    }
}

/// The optional margin: a checkbox that sets or unsets it, and its slider when set.
fn margin_ui(ui: &mut egui::Ui, scenario: &Scenario, w: usize, edits: &mut Vec<Edit>) {
    let Some(workload) = scenario.workloads.get(w) else {
        return;
    };
    let name = workload.name.as_str();
    let mut has_margin = workload.margin.is_some();
    let check = ui
        .checkbox(&mut has_margin, format!("{name} has its own margin"))
        .on_hover_text("Off: each provider earns its own operating margin on this workload.");
    if check.changed() {
        let margin = has_margin.then(|| scenario.others.margin.max(0.0));
        edits.push(Edit::WorkloadMargin(w, margin));
    }
    if workload.margin.is_some() {
        let path = ParamPath::Workload(w, WorkloadParam::Margin);
        param_slider(
            ui,
            scenario,
            path,
            &format!("{name} margin"),
            Unit::Percent,
            -20.0..=80.0,
            edits,
        );
    }
}

fn curve_ui(ui: &mut egui::Ui, scenario: &Scenario, w: usize, edits: &mut Vec<Edit>) {
    let Some(workload) = scenario.workloads.get(w) else {
        return;
    };
    let current = workload.migration.curve;
    let mut chosen = current;
    egui::ComboBox::from_label(format!("{} curve", workload.name))
        .selected_text(current.label())
        .show_ui(ui, |ui| {
            for curve in Curve::ALL {
                ui.selectable_value(&mut chosen, curve, curve.label());
            }
        })
        .response
        .on_hover_text("How the placement moves from base to target: evenly (linear), slowly then fast then slowly (S-curve), or all at once at the end (step).");
    if chosen != current {
        edits.push(Edit::Curve(w, chosen));
    }
}
