//! The providers group of the inputs panel: one section per named provider (share, drift, margin,
//! margin drift, EV/sales, color, name, remove), adding providers, and the residual Others.

use std::ops::RangeInclusive;

use egui::RichText;

use crate::model::{MAX_PROVIDERS, OthersParam, ParamPath, ProviderParam, Rgb, Scenario};
use crate::ui::edits::{Edit, Group};
use crate::ui::inputs::{Rejection, rejection_for};
use crate::ui::widgets::{Unit, color32, fit_sliders, name_editor, param_slider};
use crate::units;

/// Slider ranges on screen (in the slider's unit), shared by named providers and Others.
const SHARE: RangeInclusive<f64> = 0.0..=100.0;
const DRIFT: RangeInclusive<f64> = -3.0..=3.0;
const MARGIN: RangeInclusive<f64> = -20.0..=80.0;
const EV_SALES: RangeInclusive<f64> = 0.0..=30.0;

/// A named provider's sliders, in order: input, label after the provider's name, unit, range.
/// The labels (`AWS drift`) are also the sliders' accessible names.
const PROVIDER_SLIDERS: [(ProviderParam, &str, Unit, RangeInclusive<f64>); 5] = [
    (ProviderParam::Share, "share", Unit::Percent, SHARE),
    (ProviderParam::Drift, "drift", Unit::PointsPerYear, DRIFT),
    (ProviderParam::Margin, "margin", Unit::Percent, MARGIN),
    (
        ProviderParam::MarginDrift,
        "margin drift",
        Unit::PointsPerYear,
        DRIFT,
    ),
    (ProviderParam::EvSales, "EV/sales", Unit::Times, EV_SALES),
];

/// The residual provider's sliders, as [`PROVIDER_SLIDERS`] (it has no share or drift).
const OTHERS_SLIDERS: [(OthersParam, &str, Unit, RangeInclusive<f64>); 3] = [
    (OthersParam::Margin, "margin", Unit::Percent, MARGIN),
    (
        OthersParam::MarginDrift,
        "margin drift",
        Unit::PointsPerYear,
        DRIFT,
    ),
    (OthersParam::EvSales, "EV/sales", Unit::Times, EV_SALES),
];

/// Every named provider, the total of their shares, and the button that adds one.
pub fn providers_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    rejection: Option<&Rejection>,
    edits: &mut Vec<Edit>,
) {
    for (i, provider) in scenario.providers.iter().enumerate() {
        let header = RichText::new(&provider.name)
            .color(color32(provider.color))
            .strong();
        egui::CollapsingHeader::new(header)
            .id_salt(("provider", i))
            .default_open(true)
            .show(ui, |ui| {
                provider_ui(ui, scenario, i, edits);
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

fn provider_ui(ui: &mut egui::Ui, scenario: &Scenario, i: usize, edits: &mut Vec<Edit>) {
    let Some(provider) = scenario.providers.get(i) else {
        return;
    };
    let name = provider.name.as_str();
    fit_sliders(ui, &format!("{name} margin drift"));
    for (param, suffix, unit, range) in PROVIDER_SLIDERS {
        let label = format!("{name} {suffix}");
        let path = ParamPath::Provider(i, param);
        param_slider(ui, scenario, path, &label, unit, range, edits);
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
pub fn others_ui(ui: &mut egui::Ui, scenario: &Scenario, edits: &mut Vec<Edit>) {
    let name = scenario.others.name.as_str();
    ui.label(RichText::new("Its share is whatever the named providers leave.").weak());
    fit_sliders(ui, &format!("{name} margin drift"));
    for (param, suffix, unit, range) in OTHERS_SLIDERS {
        let label = format!("{name} {suffix}");
        let path = ParamPath::Others(param);
        param_slider(ui, scenario, path, &label, unit, range, edits);
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
