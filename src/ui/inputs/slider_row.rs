//! One input's row in the inputs panel: its slider (label, unit, comfortable range and tooltip
//! from the table of inputs), the "A" assumption badge, the reset-to-file-value button, and the
//! "±" toggle of its distribution editor. Remembers which input was last focused or hovered.

use egui::{Id, RichText};

use super::distribution::{distribution_editor_ui, distribution_toggle_ui};
use crate::edits::{Edit, Rejection};
use crate::insight::sources::is_assumption;
use crate::model::{ParamPath, Scenario};
use crate::ui::widgets::{rejection_ui, unit_slider};

/// Width the badge and the reset button take beside a slider.
const BESIDE_SLIDER_WIDTH: f32 = 44.0;
/// Width of the "±" toggle.
const TOGGLE_WIDTH: f32 = 28.0;
/// Frames a reveal request waits for its slider to be drawn.
const REVEAL_FRAMES: u64 = 3;

/// What every row reads: the committed scenario and the scenario as saved (for reset).
#[derive(Clone, Copy)]
pub struct Rows<'a> {
    pub scenario: &'a Scenario,
    pub saved: &'a Scenario,
    /// The last refused edit, shown under the slider of its input.
    pub rejection: Option<&'a Rejection>,
}

fn focused_id() -> Id {
    Id::unique("inputs-focused-input")
}

/// An input "About this input" can describe: one of the table of inputs, or one of the two
/// timeline settings (which are not model parameters: they set the projection's years).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AboutInput {
    Param(ParamPath),
    BaseYear,
    Horizon,
}

/// The input last focused or hovered in the inputs panel, with its label.
pub fn focused_input(ctx: &egui::Context) -> Option<(AboutInput, String)> {
    ctx.data(|d| d.get_temp::<(AboutInput, String)>(focused_id()))
}

/// Remembers `input` as the one to describe when `response` is hovered, focused or dragged.
pub fn remember_focus(ui: &egui::Ui, response: &egui::Response, input: AboutInput, label: &str) {
    if response.has_focus() || response.hovered() || response.dragged() {
        set_focused(ui.ctx(), input, label);
    }
}

fn set_focused(ctx: &egui::Context, input: AboutInput, label: &str) {
    ctx.data_mut(|d| d.insert_temp(focused_id(), (input, label.to_owned())));
}

fn reveal_id() -> Id {
    Id::unique("inputs-reveal-input")
}

/// Shows the inputs panel (`show_inputs`) and asks it to scroll to `path`'s slider and focus it,
/// in one of the next frames (the request lapses after a few frames if the slider is not drawn,
/// say in a closed group).
pub fn request_reveal(ctx: &egui::Context, path: ParamPath, show_inputs: &mut bool) {
    *show_inputs = true;
    let frame = ctx.cumulative_frame_nr();
    ctx.data_mut(|d| d.insert_temp(reveal_id(), (path, frame)));
    ctx.request_repaint();
}

/// Whether `path`'s slider was asked to show itself; the request is taken.
pub(super) fn take_reveal(ctx: &egui::Context, path: ParamPath) -> bool {
    let frame = ctx.cumulative_frame_nr();
    let asked = ctx.data(|d| d.get_temp::<(ParamPath, u64)>(reveal_id()));
    let Some((asked, at)) = asked else {
        return false;
    };
    let lapsed = frame > at + REVEAL_FRAMES;
    if lapsed || asked == path {
        ctx.data_mut(|d| d.remove::<(ParamPath, u64)>(reveal_id()));
    }
    asked == path && !lapsed
}

/// The value of `path` in `saved`, matched by name (indices may have moved since).
pub fn file_value(saved: &Scenario, scenario: &Scenario, path: ParamPath) -> Option<f64> {
    let text = path.to_text(scenario);
    let provider_names: Vec<&str> = saved.providers.iter().map(|p| p.name.as_str()).collect();
    let workload_names: Vec<&str> = saved.workloads.iter().map(|w| w.name.as_str()).collect();
    ParamPath::parse(&text, &provider_names, &workload_names)
        .ok()?
        .get(saved)
}

/// The tooltip of an input: its meaning, its source, and its distribution if it has one.
pub fn tooltip(scenario: &Scenario, path: ParamPath) -> String {
    let source = scenario
        .source(path)
        .unwrap_or("Assumption: no source given");
    let mut text = format!("{}\nSource: {source}", path.meaning());
    if let Some(dist) = scenario.distribution(path) {
        let d = crate::tables::distribution_words(dist, path);
        let correlated: Vec<String> = scenario
            .correlations
            .iter()
            .filter_map(|c| {
                let other = if c.a == path {
                    c.b
                } else if c.b == path {
                    c.a
                } else {
                    return None;
                };
                Some(format!("{} (ρ {:.2})", other.label(scenario), c.rho))
            })
            .collect();
        if !correlated.is_empty() {
            text.push_str("\nCorrelated with: ");
            text.push_str(&correlated.join(", "));
        }
        text.push_str("\nUncertainty: ");
        text.push_str(&d);
    }
    text
}

/// The row of one real-valued input; pushes an `Edit::Value` when the person changes it.
pub fn slider_row_ui(ui: &mut egui::Ui, rows: Rows<'_>, path: ParamPath, edits: &mut Vec<Edit>) {
    let scenario = rows.scenario;
    let Some(model_value) = path.get(scenario) else {
        return;
    };
    let label = path.label(scenario);
    let unit = path.unit();
    let (low, high) = path.slider_range(scenario);
    let range = unit.to_screen(low)..=unit.to_screen(high);
    let hover = tooltip(scenario, path);
    let uncertain = path.can_be_uncertain();
    let open = ui
        .horizontal(|ui| {
            let toggle = if uncertain { TOGGLE_WIDTH } else { 0.0 };
            let width = ui.spacing().slider_width - toggle - BESIDE_SLIDER_WIDTH;
            ui.spacing_mut().slider_width = width.max(40.0);
            let (new_value, response) = unit_slider(ui, model_value, &label, unit, range, &hover);
            if let Some(new_value) = new_value {
                edits.push(Edit::Value(path, new_value));
            }
            beside_slider_ui(ui, &response, rows, path, &label, edits);
            uncertain && distribution_toggle_ui(ui, scenario, path, &label)
        })
        .inner;
    if open {
        distribution_editor_ui(ui, scenario, path, &label, unit, edits);
    }
    if let Some(rejection) = rows.rejection.filter(|r| r.path == Some(path)) {
        rejection_ui(ui, &rejection.message);
    }
}

/// The badge and the reset button after a slider; remembers the slider as the one to explain
/// when it has focus or the pointer.
fn beside_slider_ui(
    ui: &mut egui::Ui,
    response: &egui::Response,
    rows: Rows<'_>,
    path: ParamPath,
    label: &str,
    edits: &mut Vec<Edit>,
) {
    if take_reveal(ui.ctx(), path) {
        response.request_focus();
        response.scroll_to_me(Some(egui::Align::Center));
        set_focused(ui.ctx(), AboutInput::Param(path), label);
    } else {
        remember_focus(ui, response, AboutInput::Param(path), label);
    }
    let source = rows.scenario.source(path);
    if is_assumption(source) {
        let text = source.unwrap_or("Assumption: no source given");
        ui.label(RichText::new("A").small().italics().weak())
            .on_hover_text(format!("{label} is an assumption.\n{text}"));
    } else {
        ui.add_space(ui.spacing().interact_size.y * 0.5);
    }
    let file = file_value(rows.saved, rows.scenario, path);
    let differs = match (path.get(rows.scenario), file) {
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
    // The rail senses drags only, so the menu listens on the whole slider (rail and number).
    response.container_context_menu(|ui| {
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
