//! The fan chart: P5–P95 and P25–P75 bands of one measure for one provider, the median line, and
//! the deterministic line (dashed) to tell the single run apart from the distribution.

use egui::{Color32, Vec2};
use egui_plot::{FilledArea, Legend, Line, LineStyle, PlotPoints};

use crate::model::Measure;
use crate::model::uncertainty::{SimulationSummary, Stats};
use crate::ui::plot_kit::{ChartData, YUnit, year_markers, year_plot};
use crate::ui::widgets::color32;

/// Legend names (also the accessible names of the legend entries).
pub const OUTER_BAND: &str = "P5–P95";
pub const INNER_BAND: &str = "P25–P75";
pub const MEDIAN: &str = "Median";
pub const DETERMINISTIC: &str = "Deterministic";

fn column(stats: &[Stats], pick: fn(&Stats) -> f64) -> Vec<f64> {
    stats.iter().map(pick).collect()
}

fn line_points(xs: &[f64], ys: &[f64]) -> PlotPoints<'static> {
    PlotPoints::from(
        xs.iter()
            .zip(ys)
            .map(|(x, y)| [*x, *y])
            .collect::<Vec<[f64; 2]>>(),
    )
}

/// Draws the fan of `measure` for provider `p` into a `size` area.
pub fn fan_chart_ui(
    ui: &mut egui::Ui,
    data: &ChartData<'_>,
    summary: &SimulationSummary,
    measure: Measure,
    p: usize,
    size: Vec2,
) {
    let stats: Vec<Stats> = (0..summary.years)
        .filter_map(|t| summary.stats(measure, t, p).copied())
        .collect();
    if stats.len() != summary.years || stats.is_empty() {
        ui.label("The last run does not cover this provider yet.");
        return;
    }
    let years: Vec<f64> = (0..summary.years)
        .map(|t| f64::from(summary.deterministic.year(t)))
        .collect();
    let deterministic: Vec<f64> = (0..summary.years)
        .filter_map(|t| summary.deterministic.value(measure, t, p))
        .collect();
    let (p5, p95) = (column(&stats, |s| s.p5), column(&stats, |s| s.p95));
    let (p25, p75) = (column(&stats, |s| s.p25), column(&stats, |s| s.p75));
    let p50 = column(&stats, |s| s.p50);

    let dark = ui.visuals().dark_mode;
    let color = color32(data.scenario.provider_color(p));
    let neutral = if dark {
        Color32::from_gray(230)
    } else {
        Color32::from_gray(30)
    };
    let unit = if measure.is_fraction() {
        YUnit::Percent
    } else {
        YUnit::UsdBn
    };
    let title = format!("{} — {}", data.scenario.provider_name(p), measure.label());
    year_plot("uncertainty-fan", unit, &title, data)
        .width(size.x)
        .height(size.y)
        .legend(Legend::default().follow_insertion_order(true))
        .show(ui, |pui| {
            pui.add(
                FilledArea::new(OUTER_BAND, &years, &p5, &p95)
                    .fill_color(color.gamma_multiply(0.25)),
            );
            pui.add(
                FilledArea::new(INNER_BAND, &years, &p25, &p75)
                    .fill_color(color.gamma_multiply(0.55)),
            );
            pui.line(
                Line::new(MEDIAN, line_points(&years, &p50))
                    .color(color)
                    .width(2.0),
            );
            pui.line(
                Line::new(DETERMINISTIC, line_points(&years, &deterministic))
                    .color(neutral)
                    .style(LineStyle::dashed_dense())
                    .width(1.5),
            );
            year_markers(pui, data, dark);
        });
}
