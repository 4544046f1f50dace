//! The workloads group of the inputs panel: one section per workload (spend, growth, margin,
//! placements, migration) and adding or removing workloads.

use egui::RichText;

use super::placement::placement_ui;
use super::{Rows, rejection_for, slider_row_ui};
use crate::edits::{Edit, Group, Placement, Rejection};
use crate::model::{Curve, MAX_WORKLOADS, ParamPath, Scenario, Section};
use crate::ui::widgets::{fit_sliders, name_editor};

/// Every workload, and the button that adds one.
pub fn workloads_ui(
    ui: &mut egui::Ui,
    rows: Rows<'_>,
    rejection: Option<&Rejection>,
    edits: &mut Vec<Edit>,
) {
    let scenario = rows.scenario;
    if scenario.workloads.is_empty() {
        ui.label(RichText::new("No workloads: the market moves only by drift.").weak());
    }
    for (w, workload) in scenario.workloads.iter().enumerate() {
        egui::CollapsingHeader::new(RichText::new(&workload.name).strong())
            .id_salt(("workload", w))
            .default_open(true)
            .show(ui, |ui| {
                workload_ui(ui, rows, w, edits);
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

/// The slider rows of workload `w`'s inputs in `section`.
fn workload_section_ui(
    ui: &mut egui::Ui,
    rows: Rows<'_>,
    w: usize,
    section: Section,
    edits: &mut Vec<Edit>,
) {
    for path in ParamPath::in_section(rows.scenario, section) {
        if matches!(path, ParamPath::Workload(j, _) if j == w) {
            slider_row_ui(ui, rows, path, edits);
        }
    }
}

fn workload_ui(ui: &mut egui::Ui, rows: Rows<'_>, w: usize, edits: &mut Vec<Edit>) {
    let scenario = rows.scenario;
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
    if let Some(new_name) = name_editor(ui, ("workload-name", w), "Name", name) {
        edits.push(Edit::RenameWorkload(w, new_name));
    }
    workload_section_ui(ui, rows, w, Section::WorkloadSpend, edits);
    margin_ui(ui, rows, w, edits);

    ui.add_space(4.0);
    ui.label(RichText::new("Base placement").strong());
    placement_ui(ui, scenario, w, Placement::Base, edits);
    ui.add_space(4.0);
    super::outcomes::outcomes_ui(ui, scenario, w, edits);
    placement_ui(ui, scenario, w, Placement::Target, edits);

    ui.add_space(4.0);
    ui.label(RichText::new("Migration").strong());
    workload_section_ui(ui, rows, w, Section::Migration, edits);
    curve_ui(ui, scenario, w, edits);

    let remove = ui
        .button(format!("Remove {name}"))
        .on_hover_text("Removes the workload; its spend leaves the market.");
    if remove.clicked() {
        edits.push(Edit::RemoveWorkload(w));
    }
}

/// The optional margin: a checkbox that sets or unsets it, and its slider when set.
fn margin_ui(ui: &mut egui::Ui, rows: Rows<'_>, w: usize, edits: &mut Vec<Edit>) {
    let scenario = rows.scenario;
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
        workload_section_ui(ui, rows, w, Section::WorkloadMargin, edits);
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
