//! "About this input": the meaning, source (assumptions flagged), path and file value of the
//! slider last focused or hovered in the inputs panel.

use egui::RichText;

use super::{AboutInput, file_value, focused_input};
use crate::insight::sources::is_assumption;
use crate::model::{ParamPath, Scenario};

/// Height of the "About this input" area (about five lines).
const INSPECTOR_HEIGHT: f32 = 110.0;

/// The collapsible "About this input" area above the inputs; `saved` is the scenario as opened.
pub fn inspector_ui(ui: &mut egui::Ui, scenario: &Scenario, saved: &Scenario) {
    let focused = focused_input(ui.ctx());
    egui::CollapsingHeader::new("About this input")
        .id_salt("about-this-input")
        .default_open(true)
        .show(ui, |ui| {
            // A fixed height, so hovering a slider never moves the sliders below.
            egui::ScrollArea::vertical()
                .id_salt("about-this-input-scroll")
                .max_height(INSPECTOR_HEIGHT)
                .min_scrolled_height(INSPECTOR_HEIGHT)
                .auto_shrink([false, false])
                .show(ui, |ui| about_ui(ui, scenario, saved, focused));
        });
}

fn about_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    saved: &Scenario,
    focused: Option<(AboutInput, String)>,
) {
    match focused {
        Some((AboutInput::Param(path), label)) if path.get(scenario).is_some() => {
            param_about_ui(ui, scenario, saved, path, &label);
        }
        Some((timeline @ (AboutInput::BaseYear | AboutInput::Horizon), label)) => {
            timeline_about_ui(ui, scenario, saved, timeline, &label);
        }
        _ => {
            ui.label(
                RichText::new("Hover or focus (Tab) a slider to see what it means and where its value comes from.")
                    .weak(),
            );
        }
    }
}

fn param_about_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    saved: &Scenario,
    path: ParamPath,
    label: &str,
) {
    ui.strong(label);
    ui.label(path.meaning());
    let source = scenario.source(path);
    let text = format!(
        "Source: {}",
        source.unwrap_or("Assumption: no source given")
    );
    if is_assumption(source) {
        ui.label(RichText::new(text).italics())
            .on_hover_text("An assumption: a judgement, not a published figure.");
    } else {
        ui.label(text);
    }
    ui.label(
        RichText::new(format!("Path in the file: {}", path.to_text(scenario)))
            .small()
            .weak(),
    );
    if let (Some(now), Some(then)) = (path.get(scenario), file_value(saved, scenario, path))
        && (now - then).abs() > 1e-12
    {
        let unit = path.unit();
        let (then, now) = (unit.format(then), unit.format(now));
        ui.label(RichText::new(format!("Changed: the file says {then}, now {now}.")).small());
    }
}

/// What Base year and Horizon mean: they set the projection's years, not a model parameter.
fn timeline_about_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    saved: &Scenario,
    input: AboutInput,
    label: &str,
) {
    let (meaning, path, now, then) = match input {
        AboutInput::Horizon => (
            "How many years the projection runs after the base year. The present value adds up \
             the change in cash flow over these years, then carries the last year's change on at \
             the terminal growth rate, so a longer horizon moves the valuation too.",
            "horizon_years",
            i64::from(scenario.horizon_years),
            i64::from(saved.horizon_years),
        ),
        _ => (
            "The first year of the projection: the year the shares, market size and placements \
             are reported for (the calibration), before any migration starts. The present value \
             discounts to this year.",
            "base_year",
            i64::from(scenario.base_year),
            i64::from(saved.base_year),
        ),
    };
    ui.strong(label);
    ui.label(meaning);
    ui.label("Source: the scenario file (the year its figures are reported for).");
    ui.label(
        RichText::new(format!("Path in the file: {path}"))
            .small()
            .weak(),
    );
    if now != then {
        ui.label(RichText::new(format!("Changed: the file says {then}, now {now}.")).small());
    }
}
