//! The tornado: for one provider, measure and year, each uncertain input moved to its P10 and
//! P90 with the others at their values; bars around the deterministic value, widest on top.

use egui::{Color32, Vec2};
use egui_plot::{Bar, BarChart, GridMark, Legend, Plot, VLine, uniform_grid_spacer};

use crate::model::Measure;
use crate::model::uncertainty::TornadoBar;
use crate::ui::plot_kit::{ChartData, value_steps};
use crate::units;

/// Legend names.
pub const LOW_INPUT: &str = "Input at its P10";
pub const HIGH_INPUT: &str = "Input at its P90";

fn value_text(measure: Measure, value: f64) -> String {
    if measure.is_fraction() {
        units::percent(value)
    } else {
        units::usd_bn(value)
    }
}

/// Draws the tornado of `bars` (largest swing first) into a `size` area.
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
    ui.label(format!(
        "Tornado: {} of {} in {year}, {} at every input's value",
        measure.label(),
        data.scenario.provider_name(p),
        value_text(measure, base)
    ));
    let n = bars.len();
    // Widest bar on top: bar i sits at y = n - 1 - i.
    let names: Vec<String> = bars.iter().map(|b| b.path.to_text(data.scenario)).collect();
    let y_of = |i: usize| (n - 1 - i) as f64;
    let low: Vec<Bar> = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            Bar::new(y_of(i), b.low_output - base)
                .base_offset(base)
                .name(&names[i])
                .width(0.6)
        })
        .collect();
    let high: Vec<Bar> = bars
        .iter()
        .enumerate()
        .map(|(i, b)| {
            Bar::new(y_of(i), b.high_output - base)
                .base_offset(base)
                .name(&names[i])
                .width(0.6)
        })
        .collect();
    let axis_names = names.clone();
    Plot::new("uncertainty-tornado")
        .width(size.x)
        .height((size.y - ui.spacing().interact_size.y).max(120.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .legend(Legend::default())
        .include_y(-0.5)
        .include_y(n as f64 - 0.5)
        .y_axis_min_width(240.0)
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
                    .color(Color32::from_rgb(0xD6, 0x4F, 0x4F)),
            );
            pui.bar_chart(
                BarChart::new(HIGH_INPUT, high)
                    .horizontal()
                    .color(Color32::from_rgb(0x3C, 0xA0, 0x5A)),
            );
            pui.vline(VLine::new("Deterministic value", base).color(Color32::GRAY));
        });
}
