//! The providers group of the inputs panel: one section per named provider (share, drift, margin,
//! margin drift, EV/sales, color, name, remove), adding providers, and the residual Others.

use egui::RichText;

use super::{Rows, rejection_for, slider_row_ui};
use crate::edits::{Edit, Group, Rejection};
use crate::model::{MAX_PROVIDERS, ParamPath, Rgb, Section};
use crate::ui::widgets::{color32, fit_sliders, name_editor};
use crate::units;

/// Every named provider, the total of their shares, and the button that adds one.
pub fn providers_ui(
    ui: &mut egui::Ui,
    rows: Rows<'_>,
    rejection: Option<&Rejection>,
    edits: &mut Vec<Edit>,
) {
    let scenario = rows.scenario;
    for (i, provider) in scenario.providers.iter().enumerate() {
        let header = RichText::new(&provider.name)
            .color(color32(provider.color))
            .strong();
        egui::CollapsingHeader::new(header)
            .id_salt(("provider", i))
            .default_open(true)
            .show(ui, |ui| {
                provider_ui(ui, rows, i, edits);
                rejection_for(ui, rejection, Group::Provider(i));
            });
    }
    let named: f64 = scenario.providers.iter().map(|p| p.share).sum();
    ui.horizontal(|ui| {
        ui.label(format!(
            "Named providers hold {} of the market;",
            units::percent(named)
        ));
        ui.label(format!(
            "{} holds {}.",
            scenario.others.name,
            units::percent((1.0 - named).max(0.0))
        ));
    });
    let can_add = scenario.providers.len() < MAX_PROVIDERS;
    let add = ui
        .add_enabled(can_add, egui::Button::new("Add provider"))
        .on_hover_text(
            "Adds a provider with no share; give it a share, a drift or a place in a workload.",
        )
        .on_disabled_hover_text(format!(
            "A scenario holds at most {MAX_PROVIDERS} named providers."
        ));
    if add.clicked() {
        edits.push(Edit::AddProvider);
    }
    rejection_for(ui, rejection, Group::Providers);
}

fn provider_ui(ui: &mut egui::Ui, rows: Rows<'_>, i: usize, edits: &mut Vec<Edit>) {
    let scenario = rows.scenario;
    let Some(provider) = scenario.providers.get(i) else {
        return;
    };
    let name = provider.name.as_str();
    fit_sliders(ui, &format!("{name} margin drift"));
    for section in [Section::Provider, Section::Company] {
        for path in ParamPath::in_section(scenario, section) {
            if matches!(path, ParamPath::Provider(j, _) if j == i) {
                slider_row_ui(ui, rows, path, edits);
            }
        }
    }
    ui.horizontal(|ui| {
        if let Some(color) = color_button(ui, provider.color, &format!("{name} color")) {
            edits.push(Edit::ProviderColor(i, color));
        }
        if let Some(new_name) = name_editor(ui, ("provider-name", i), "Name", name) {
            edits.push(Edit::RenameProvider(i, new_name));
        }
    });
    let remove = ui
        .add_enabled(
            scenario.providers.len() > 1,
            egui::Button::new(format!("Remove {name}")),
        )
        .on_hover_text(
            "Removes the provider; what workloads placed on it moves to the rest of the market.",
        );
    if remove.clicked() {
        edits.push(Edit::RemoveProvider(i));
    }
}

/// The residual provider: margin, margin drift, EV/sales, color and name.
pub fn others_ui(ui: &mut egui::Ui, rows: Rows<'_>, edits: &mut Vec<Edit>) {
    let scenario = rows.scenario;
    let name = scenario.others.name.as_str();
    ui.label(RichText::new("Its share is whatever the named providers leave.").weak());
    fit_sliders(ui, &format!("{name} margin drift"));
    for path in ParamPath::in_section(scenario, Section::Others) {
        slider_row_ui(ui, rows, path, edits);
    }
    ui.horizontal(|ui| {
        if let Some(color) = color_button(ui, scenario.others.color, &format!("{name} color")) {
            edits.push(Edit::OthersColor(color));
        }
        if let Some(new_name) = name_editor(ui, "others-name", "Name", name) {
            edits.push(Edit::RenameOthers(new_name));
        }
    });
}

/// A color button with an accessible label; returns the new color when it changed.
fn color_button(ui: &mut egui::Ui, color: Rgb, label: &str) -> Option<Rgb> {
    let mut rgb = color.0;
    let response = ui.color_edit_button_srgb(&mut rgb).on_hover_text(label);
    response
        .widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::ColorWell, true, label));
    (response.changed() && rgb != color.0).then_some(Rgb(rgb))
}
