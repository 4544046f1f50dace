//! The inputs panel: every input of the scenario in collapsible groups (scenario, timeline,
//! market, providers, others, workloads, halo). It reads the scenario and returns edits; each
//! slider's label, unit, range and tooltip come from the model's table of inputs.

mod correlations;
mod distribution;
mod inspector;
mod outcomes;
mod placement;
mod providers;
mod slider_row;
mod workloads;

use slider_row::take_reveal;
pub use slider_row::{
    AboutInput, Rows, file_value, focused_input, remember_focus, request_reveal, tooltip,
};

use crate::edits::{Edit, Group, Rejection};
use crate::model::Unit;
use crate::model::{MAX_HORIZON_YEARS, ParamPath, Section};
use crate::scenario::BASE_YEAR_RANGE;
use crate::ui::widgets::{fit_sliders, name_editor, rejection_ui, unit_slider};
use slider_row::slider_row_ui;

/// Shows the rejection message if it belongs to `group` and to no single input (those show under
/// their slider).
fn rejection_for(ui: &mut egui::Ui, rejection: Option<&Rejection>, group: Group) {
    if let Some(r) = rejection.filter(|r| r.group == group && r.path.is_none()) {
        rejection_ui(ui, &r.message);
    }
}

/// The slider rows of every input in `section` that has a value.
fn section_ui(ui: &mut egui::Ui, rows: Rows<'_>, section: Section, edits: &mut Vec<Edit>) {
    for path in ParamPath::in_section(rows.scenario, section) {
        slider_row_ui(ui, rows, path, edits);
    }
}

/// The inputs panel at the left: "About this input", then every input in a scroll area.
pub fn panel_ui(
    ui: &mut egui::Ui,
    rows: Rows<'_>,
    rejection: Option<&Rejection>,
    edits: &mut Vec<Edit>,
) {
    egui::Panel::left("inputs-panel")
        .resizable(true)
        .default_size(380.0)
        .size_range(280.0..=640.0)
        .show(ui, |ui| {
            ui.add_space(4.0);
            ui.heading("Inputs");
            inspector::inspector_ui(ui, rows.scenario, rows.saved);
            egui::ScrollArea::vertical()
                .id_salt("inputs-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| inputs_ui(ui, rows, rejection, edits));
        });
}

/// The whole inputs panel's contents.
fn inputs_ui(
    ui: &mut egui::Ui,
    rows: Rows<'_>,
    rejection: Option<&Rejection>,
    edits: &mut Vec<Edit>,
) {
    let scenario = rows.scenario;
    egui::CollapsingHeader::new("Scenario")
        .default_open(true)
        .show(ui, |ui| {
            if let Some(name) = name_editor(ui, "scenario-name", "Name", &scenario.name) {
                edits.push(Edit::RenameScenario(name));
            }
            if !scenario.description.is_empty() {
                ui.add(egui::Label::new(egui::RichText::new(&scenario.description).weak()).wrap());
            }
            rejection_for(ui, rejection, Group::Scenario);
        });
    egui::CollapsingHeader::new("Timeline")
        .default_open(true)
        .show(ui, |ui| {
            fit_sliders(ui, "Market growth start");
            timeline_ui(ui, rows, edits);
            rejection_for(ui, rejection, Group::Timeline);
        });
    section_group_ui(
        ui,
        "Market",
        rows,
        (Section::Market, Group::Market),
        rejection,
        edits,
    );
    egui::CollapsingHeader::new("Providers")
        .default_open(true)
        .show(ui, |ui| {
            providers::providers_ui(ui, rows, rejection, edits);
        });
    egui::CollapsingHeader::new(format!("{} (the rest)", scenario.others.name))
        .id_salt("others-group")
        .default_open(false)
        .show(ui, |ui| {
            providers::others_ui(ui, rows, edits);
            rejection_for(ui, rejection, Group::Others);
        });
    egui::CollapsingHeader::new("Workloads")
        .default_open(true)
        .show(ui, |ui| {
            workloads::workloads_ui(ui, rows, rejection, edits);
        });
    section_group_ui(
        ui,
        "Halo",
        rows,
        (Section::Halo, Group::Halo),
        rejection,
        edits,
    );
    section_group_ui(
        ui,
        "Valuation",
        rows,
        (Section::Valuation, Group::Valuation),
        rejection,
        edits,
    );
    if !scenario.uncertainty.is_empty() {
        egui::CollapsingHeader::new("Correlations")
            .default_open(!scenario.correlations.is_empty())
            .show(ui, |ui| {
                correlations::correlations_ui(ui, scenario, edits);
                rejection_for(ui, rejection, Group::Correlations);
            });
    }
}

/// A group holding every input of a scenario-wide section, one slider row each.
fn section_group_ui(
    ui: &mut egui::Ui,
    title: &str,
    rows: Rows<'_>,
    (section, group): (Section, Group),
    rejection: Option<&Rejection>,
    edits: &mut Vec<Edit>,
) {
    egui::CollapsingHeader::new(title)
        .default_open(true)
        .show(ui, |ui| {
            fit_sliders(ui, "Market growth start");
            if section == Section::Halo {
                halo_loss_toggle_ui(ui, rows.scenario, edits);
            }
            section_ui(ui, rows, section, edits);
            rejection_for(ui, rejection, group);
        });
}

/// Whether losses have a halo of their own: off, a lost dollar of workload spend costs `halo`
/// dollars of other business, as a won dollar brings. Takes a reveal of the halo on losses while
/// it is unset (a model limit's advice is to set it).
fn halo_loss_toggle_ui(
    ui: &mut egui::Ui,
    scenario: &crate::model::Scenario,
    edits: &mut Vec<Edit>,
) {
    let mut separate = scenario.halo_loss.is_some();
    let check = ui
        .checkbox(&mut separate, "Separate halo on losses")
        .on_hover_text("Off: a provider that loses workload spend loses as much other business per dollar as a winner gains (the halo). On: set a smaller one, for customers kept by switching costs.");
    if scenario.halo_loss.is_none() && take_reveal(ui.ctx(), ParamPath::HaloLoss) {
        check.request_focus();
        check.scroll_to_me(Some(egui::Align::Center));
    }
    if check.changed() {
        edits.push(Edit::HaloLoss(separate.then_some(scenario.halo)));
    }
}

fn timeline_ui(ui: &mut egui::Ui, rows: Rows<'_>, edits: &mut Vec<Edit>) {
    let scenario = rows.scenario;
    let hover = "First year of the projection: calibrated to reported figures, before any migration.\nSource: the scenario file";
    let (first, last) = BASE_YEAR_RANGE;
    let (year, response) = unit_slider(
        ui,
        f64::from(scenario.base_year),
        "Base year",
        Unit::Year,
        2015.0..=2035.0,
        hover,
    );
    remember_focus(ui, &response, AboutInput::BaseYear, "Base year");
    if let Some(year) = year {
        edits.push(Edit::BaseYear((year as i32).clamp(first, last)));
    }
    let hover = "Number of years projected after the base year.\nSource: the scenario file";
    let max = f64::from(MAX_HORIZON_YEARS);
    let (years, response) = unit_slider(
        ui,
        f64::from(scenario.horizon_years),
        "Horizon",
        Unit::WholeYears,
        1.0..=max,
        hover,
    );
    remember_focus(ui, &response, AboutInput::Horizon, "Horizon");
    if let Some(years) = years {
        edits.push(Edit::HorizonYears(years.round().clamp(1.0, max) as u32));
    }
    ui.label(
        egui::RichText::new(format!(
            "Projects {} to {}",
            scenario.base_year,
            scenario.base_year + scenario.horizon_years as i32
        ))
        .weak(),
    );
}
