//! Beside each slider: the "A" assumption badge and the reset-to-file-value button; and the
//! "About this input" inspector that follows the focused or hovered slider.

use std::sync::Arc;

use egui::{Id, RichText};

use crate::model::{ParamPath, Scenario};
use crate::ui::edits::Edit;
use crate::ui::learn::is_assumption;
use crate::ui::widgets::meaning;

/// Width the badge and the reset button take beside a slider.
pub const BESIDE_SLIDER_WIDTH: f32 = 44.0;

/// Height of the "About this input" area (about five lines).
const INSPECTOR_HEIGHT: f32 = 110.0;

fn saved_id() -> Id {
    Id::unique("learn-saved-scenario")
}

fn focused_id() -> Id {
    Id::unique("learn-focused-input")
}

/// Makes the scenario as saved (or opened) available to the sliders' reset buttons this frame.
pub fn publish_saved(ctx: &egui::Context, saved: &Scenario) {
    let stale = ctx.data(|d| {
        d.get_temp::<Arc<Scenario>>(saved_id())
            .is_none_or(|s| *s != *saved)
    });
    if stale {
        ctx.data_mut(|d| d.insert_temp(saved_id(), Arc::new(saved.clone())));
    }
}

/// The value of `path` in the saved scenario, matched by name (indices may have moved).
fn file_value(ctx: &egui::Context, scenario: &Scenario, path: ParamPath) -> Option<f64> {
    let saved = ctx.data(|d| d.get_temp::<Arc<Scenario>>(saved_id()))?;
    let text = path.to_text(scenario);
    let provider_names: Vec<&str> = saved.providers.iter().map(|p| p.name.as_str()).collect();
    let workload_names: Vec<&str> = saved.workloads.iter().map(|w| w.name.as_str()).collect();
    ParamPath::parse(&text, &provider_names, &workload_names)
        .ok()?
        .get(&saved)
}

/// The badge and the reset button after a slider, and remembers the slider as the one to explain
/// when it has focus or the pointer.
pub fn beside_slider_ui(
    ui: &mut egui::Ui,
    response: &egui::Response,
    scenario: &Scenario,
    path: ParamPath,
    label: &str,
    edits: &mut Vec<Edit>,
) {
    if response.has_focus() || response.hovered() || response.dragged() {
        ui.data_mut(|d| d.insert_temp(focused_id(), (path, label.to_owned())));
    }
    let source = scenario.source(path);
    if is_assumption(source) {
        let text = source.unwrap_or("Assumption: no source given");
        ui.label(RichText::new("A").small().italics().weak())
            .on_hover_text(format!("{label} is an assumption.\n{text}"));
    } else {
        ui.add_space(ui.spacing().interact_size.y * 0.5);
    }
    let current = path.get(scenario);
    let file = file_value(ui.ctx(), scenario, path);
    let differs = match (current, file) {
        (Some(now), Some(then)) => (now - then).abs() > 1e-12,
        _ => false,
    };
    let reset = reset_button(
        ui,
        differs,
        &format!("Reset {label} to its value in the file"),
    )
    .on_disabled_hover_text(format!("{label} has its value from the file"));
    let mut reset_clicked = reset.clicked();
    response.context_menu(|ui| {
        if ui
            .add_enabled(differs, egui::Button::new("Reset to file value"))
            .clicked()
        {
            reset_clicked = true;
            ui.close();
        }
    });
    if reset_clicked && let Some(value) = file {
        edits.push(Edit::Value(path, value));
    }
}

/// A small circular-arrow button (drawn: the default fonts have no arrow glyphs), named `name`
/// for screen readers and tests.
fn reset_button(ui: &mut egui::Ui, enabled: bool, name: &str) -> egui::Response {
    let size = egui::vec2(16.0, ui.spacing().interact_size.y);
    let sense = if enabled {
        egui::Sense::click()
    } else {
        egui::Sense::hover()
    };
    let (rect, response) = ui.allocate_exact_size(size, sense);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name));
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        let color = if enabled {
            visuals.fg_stroke.color
        } else {
            ui.visuals().weak_text_color().gamma_multiply(0.5)
        };
        let stroke = egui::Stroke::new(1.4, color);
        let center = rect.center();
        let radius = 5.0;
        let arc: Vec<egui::Pos2> = (0..=20)
            .map(|i| {
                let angle = -0.6 + 4.9 * i as f32 / 20.0;
                center + radius * egui::vec2(angle.cos(), angle.sin())
            })
            .collect();
        let tip = arc[0];
        ui.painter().add(egui::Shape::line(arc, stroke));
        ui.painter()
            .line_segment([tip, tip + egui::vec2(-3.5, -0.5)], stroke);
        ui.painter()
            .line_segment([tip, tip + egui::vec2(0.5, -3.5)], stroke);
    }
    response.on_hover_text(name)
}

/// "About this input": meaning, source (assumptions flagged) and file value of the slider last
/// focused or hovered.
pub fn inspector_ui(ui: &mut egui::Ui, scenario: &Scenario) {
    let focused = ui.data(|d| d.get_temp::<(ParamPath, String)>(focused_id()));
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
                .show(ui, |ui| about_ui(ui, scenario, focused));
        });
}

fn about_ui(ui: &mut egui::Ui, scenario: &Scenario, focused: Option<(ParamPath, String)>) {
    let Some((path, label)) = focused.filter(|(p, _)| p.get(scenario).is_some()) else {
        ui.label(
            RichText::new("Hover or focus (Tab) a slider to see what it means and where its value comes from.")
                .weak(),
        );
        return;
    };
    ui.strong(&label);
    ui.label(meaning(path));
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
    if let (Some(now), Some(then)) = (path.get(scenario), file_value(ui.ctx(), scenario, path))
        && (now - then).abs() > 1e-12
    {
        let unit = crate::ui::widgets::unit_of(path);
        let (then, now) = (unit.format(then), unit.format(now));
        ui.label(RichText::new(format!("Changed: the file says {then}, now {now}.")).small());
    }
}
