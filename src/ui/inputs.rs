//! The inputs panel: every input of the scenario in collapsible groups (scenario, timeline,
//! market, halo, providers, others, workloads). It reads the scenario and returns edits.

use crate::model::{MAX_HORIZON_YEARS, ParamPath, Scenario};
use crate::ui::edits::{Edit, Group};
use crate::ui::widgets::{Unit, fit_sliders, name_editor, param_slider, rejection_ui, unit_slider};
use crate::ui::{providers, workloads};

/// The last edit that was refused, and why; shown inline in its group.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    pub group: Group,
    pub message: String,
}

/// Shows the rejection message if it belongs to `group`.
pub fn rejection_for(ui: &mut egui::Ui, rejection: Option<&Rejection>, group: Group) {
    if let Some(r) = rejection.filter(|r| r.group == group) {
        rejection_ui(ui, &r.message);
    }
}

/// Years a base year may take (MODEL.md).
const BASE_YEAR_RANGE: std::ops::RangeInclusive<i32> = 1990..=2100;

/// The whole inputs panel's contents (the caller provides the panel and its scroll area).
pub fn inputs_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    rejection: Option<&Rejection>,
    edits: &mut Vec<Edit>,
) {
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
            timeline_ui(ui, scenario, edits);
            rejection_for(ui, rejection, Group::Timeline);
        });

    egui::CollapsingHeader::new("Market")
        .default_open(true)
        .show(ui, |ui| {
            fit_sliders(ui, "Market growth start");
            param_slider(
                ui,
                scenario,
                ParamPath::MarketSize,
                "Market size",
                Unit::UsdBn,
                10.0..=10_000.0,
                edits,
            );
            param_slider(
                ui,
                scenario,
                ParamPath::MarketGrowthStart,
                "Market growth start",
                Unit::Percent,
                -20.0..=60.0,
                edits,
            );
            param_slider(
                ui,
                scenario,
                ParamPath::MarketGrowthEnd,
                "Market growth end",
                Unit::Percent,
                -20.0..=60.0,
                edits,
            );
            rejection_for(ui, rejection, Group::Market);
        });

    egui::CollapsingHeader::new("Providers")
        .default_open(true)
        .show(ui, |ui| {
            providers::providers_ui(ui, scenario, rejection, edits);
        });

    egui::CollapsingHeader::new(format!("{} (the rest)", scenario.others.name))
        .id_salt("others-group")
        .default_open(false)
        .show(ui, |ui| {
            providers::others_ui(ui, scenario, edits);
            rejection_for(ui, rejection, Group::Others);
        });

    egui::CollapsingHeader::new("Workloads")
        .default_open(true)
        .show(ui, |ui| {
            workloads::workloads_ui(ui, scenario, rejection, edits);
        });

    egui::CollapsingHeader::new("Halo")
        .default_open(true)
        .show(ui, |ui| {
            fit_sliders(ui, "Market growth start");
            param_slider(
                ui,
                scenario,
                ParamPath::Halo,
                "Halo",
                Unit::Times,
                0.0..=3.0,
                edits,
            );
            rejection_for(ui, rejection, Group::Halo);
        });
}

fn timeline_ui(ui: &mut egui::Ui, scenario: &Scenario, edits: &mut Vec<Edit>) {
    let hover = "First year of the projection: calibrated to reported figures, before any migration.\nSource: the scenario file";
    if let Some(year) = unit_slider(
        ui,
        f64::from(scenario.base_year),
        "Base year",
        Unit::Year,
        2015.0..=2035.0,
        hover,
    ) {
        let year = (year as i32).clamp(*BASE_YEAR_RANGE.start(), *BASE_YEAR_RANGE.end());
        edits.push(Edit::BaseYear(year));
    }
    let hover = "Number of years projected after the base year.\nSource: the scenario file";
    let max = f64::from(MAX_HORIZON_YEARS);
    if let Some(years) = unit_slider(
        ui,
        f64::from(scenario.horizon_years),
        "Horizon",
        Unit::WholeYears,
        1.0..=max,
        hover,
    ) {
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
