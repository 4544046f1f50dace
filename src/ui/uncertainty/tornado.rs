//! The tornado: for one provider, measure and year, each uncertain input moved to its P10 and
//! P90 with the others at their values; bars around the deterministic value, widest on top.
//! Rows are named as the sliders are, with the input's two values in its units; hovering a bar
//! gives the input value and the output in theirs. The key sits above the plot, never on a bar.

use egui::{Color32, RichText, Vec2};
use egui_plot::{Bar, BarChart, GridMark, Plot, VLine, uniform_grid_spacer};

use crate::model::Measure;
use crate::model::uncertainty::TornadoBar;
use crate::ui::plot_kit::{ChartData, value_steps};
use crate::ui::widgets::swatch;
use crate::units;

/// Key names.
pub const LOW_INPUT: &str = "Input at its P10";
pub const HIGH_INPUT: &str = "Input at its P90";
const LOW_COLOR: Color32 = Color32::from_rgb(0xD6, 0x4F, 0x4F);
const HIGH_COLOR: Color32 = Color32::from_rgb(0x3C, 0xA0, 0x5A);
/// Height of one row, points: enough for its label (`egui_plot` hides labels under 20 apart).
pub const ROW_HEIGHT: f32 = 28.0;
/// Height of the value axis and margins below the rows, points.
const AXIS_HEIGHT: f32 = 48.0;

fn value_text(measure: Measure, value: f64) -> String {
    if measure.is_fraction() {
        units::percent(value)
    } else {
        units::usd_bn(value)
    }
}

/// The height the tornado of `rows` inputs needs, key and axis included.
pub fn needed_height(rows: usize, ui: &egui::Ui) -> f32 {
    ROW_HEIGHT * rows.max(1) as f32 + AXIS_HEIGHT + 3.0 * ui.spacing().interact_size.y
}

/// Draws the tornado of `bars` (largest swing first) into a `size` area.
#[allow(clippy::too_many_lines)] // the tornado's rows, key and plot laid out top to bottom
pub fn tornado_ui(
    ui: &mut egui::Ui,
    data: &ChartData<'_>,
    bars: &[TornadoBar],
    measure: Measure,
    p: usize,
    year: i32,
    size: Vec2,
) {
    let Some(base) = data
        .projection
        .year_index(year)
        .and_then(|t| data.projection.value(measure, t, p))
    else {
        return;
    };
    let top = ui.cursor().min.y;
    ui.label(format!(
        "Tornado: {} of {} in {year}, {} at every input's value",
        measure.label(),
        data.scenario.provider_name(p),
        value_text(measure, base)
    ));
    ui.horizontal_wrapped(|ui| {
        for (color, name) in [(LOW_COLOR, LOW_INPUT), (HIGH_COLOR, HIGH_INPUT)] {
            swatch(ui, color);
            ui.label(RichText::new(name).small());
        }
        ui.label(
            RichText::new("· grey line: every input at its value")
                .small()
                .weak(),
        );
    });
    let n = bars.len();
    let scenario = data.scenario;
    // Row names as on the sliders, with the two input values in the input's units.
    let names: Vec<String> = bars
        .iter()
        .map(|b| {
            format!(
                "{} ({} … {})",
                b.path.label(scenario),
                b.input_text(b.low_input),
                b.input_text(b.high_input)
            )
        })
        .collect();
    // Widest bar on top: bar i sits at y = n - 1 - i.
    let y_of = |i: usize| (n - 1 - i) as f64;
    let side = |high: bool| -> Vec<Bar> {
        bars.iter()
            .enumerate()
            .map(|(i, b)| {
                let (input, output) = if high {
                    (b.high_input, b.high_output)
                } else {
                    (b.low_input, b.low_output)
                };
                let text = format!(
                    "{} at {}: {} {}",
                    b.path.label(scenario),
                    b.input_text(input),
                    measure.label(),
                    value_text(measure, output)
                );
                Bar::new(y_of(i), output - base)
                    .base_offset(base)
                    .name(text)
                    .width(0.6)
            })
            .collect()
    };
    let (low, high) = (side(false), side(true));
    let axis_names = names;
    let used = ui.cursor().min.y - top;
    let height = (size.y - used).max(ROW_HEIGHT * n.max(1) as f32 + AXIS_HEIGHT);
    let formatter = || Box::new(|bar: &Bar, _: &BarChart| bar.name.clone());
    Plot::new("uncertainty-tornado")
        .width(size.x)
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_y(-0.5)
        .include_y(n as f64 - 0.5)
        .y_axis_min_width(260.0)
        .x_axis_label(format!("{} in {year}", measure.label()))
        .y_axis_formatter(move |mark: GridMark, _| {
            let i = mark.value.round();
            if (mark.value - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < n {
                axis_names
                    .get(n - 1 - i as usize)
                    .cloned()
                    .unwrap_or_default()
            } else {
                String::new()
            }
        })
        .x_grid_spacer(uniform_grid_spacer(|input| value_steps(&input)))
        .x_axis_formatter(move |mark: GridMark, _| value_text(measure, mark.value))
        .show(ui, |pui| {
            pui.bar_chart(
                BarChart::new(LOW_INPUT, low)
                    .horizontal()
                    .color(LOW_COLOR)
                    .element_formatter(formatter()),
            );
            pui.bar_chart(
                BarChart::new(HIGH_INPUT, high)
                    .horizontal()
                    .color(HIGH_COLOR)
                    .element_formatter(formatter()),
            );
            pui.vline(
                VLine::new("Deterministic value", base)
                    .color(Color32::GRAY)
                    .allow_hover(false),
            );
        });
}
