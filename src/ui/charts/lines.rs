//! The four charts: (a) market share stacked by provider, (b) revenue with the no-migration
//! counterfactual dashed, (c) each workload's placement, (d) revenue delta and value at stake.
//! Each reads the cached projection; hover read-outs give the year and exact values.

use egui::{Color32, Vec2};
use egui_plot::{FilledArea, HLine, HoverPosition, Line, LineStyle, PlotPoints};

use super::history as history_plot;
use crate::model::Measure;
use crate::ui::command::Chart;
use crate::ui::plot_kit::{
    ChartData, EndLabel, YUnit, end_labels_ui, with_legend, year_markers, year_plot,
};
use crate::ui::widgets::color32;
use crate::units;

/// Legend name of the dashed counterfactual lines (one legend entry for all of them).
const WITHOUT_MIGRATION: &str = "Without migration";

/// Draws `chart` into a `size` area.
pub fn chart_ui(ui: &mut egui::Ui, data: &ChartData<'_>, chart: Chart, size: Vec2) {
    let size = egui::vec2(size.x.max(120.0), size.y.max(100.0));
    match chart {
        Chart::Share => share_ui(ui, data, size),
        Chart::Revenue => revenue_ui(ui, data, size),
        Chart::Placement => placement_ui(ui, data, size),
        Chart::Delta => delta_ui(ui, data, size),
        // Drawn by `plots_ui` with the app's Monte Carlo state.
        Chart::Uncertainty | Chart::Investor => {}
    }
}

/// Hover text: the item's name, the year and `value(name, t, y)` (or just the year off the data).
fn hover_text(
    pos: &HoverPosition<'_>,
    value: impl Fn(&str, usize, f64) -> Option<String>,
) -> Option<String> {
    match pos {
        HoverPosition::NearDataPoint {
            plot_name,
            position,
            index,
        } => {
            let year = ChartData::year_text(position.x);
            let text = value(plot_name, *index, position.y)?;
            Some(format!("{plot_name}\n{year}: {text}"))
        }
        HoverPosition::Elsewhere { position } => Some(ChartData::year_text(position.x)),
    }
}

/// Each provider's name at its value of `measure` in the last year.
fn last_values(data: &ChartData<'_>, measure: Measure) -> Vec<EndLabel> {
    let last = data.projection.years.saturating_sub(1);
    (0..data.projection.providers)
        .filter_map(|p| {
            Some(EndLabel {
                text: data.scenario.provider_name(p).to_owned(),
                color: color32(data.scenario.provider_color(p)),
                y: data.projection.value(measure, last, p)?,
            })
        })
        .collect()
}

fn points(xs: &[f64], ys: impl Iterator<Item = f64>) -> PlotPoints<'static> {
    PlotPoints::from(
        xs.iter()
            .zip(ys)
            .map(|(x, y)| [*x, y])
            .collect::<Vec<[f64; 2]>>(),
    )
}

/// Index of the provider (Others included) with this display name.
fn provider_named(data: &ChartData<'_>, name: &str) -> Option<usize> {
    (0..data.projection.providers).find(|&p| data.scenario.provider_name(p) == name)
}

/// Series of one measure for provider `p`, year by year.
fn series<'d>(
    data: &'d ChartData<'_>,
    measure: Measure,
    p: usize,
) -> impl Iterator<Item = f64> + 'd {
    (0..data.projection.years).filter_map(move |t| data.projection.value(measure, t, p))
}

fn share_ui(ui: &mut egui::Ui, data: &ChartData<'_>, size: Vec2) {
    let dark = ui.visuals().dark_mode;
    let projection = data.projection;
    let plot = year_plot("share-plot", YUnit::Percent, "Share of the market", data);
    let plot = history_plot::include_history(plot, data)
        .include_y(0.0)
        .include_y(1.0)
        .width(size.x)
        .height(size.y)
        .label_formatter(|pos| {
            if let Some(text) = history_plot::hover(data, pos, false) {
                return Some(text);
            }
            hover_text(pos, |name, t, _| {
                let p = provider_named(data, name)?;
                Some(format!(
                    "{} of the market ({})",
                    units::percent(projection.value(Measure::Share, t, p)?),
                    units::usd_bn(projection.value(Measure::Revenue, t, p)?)
                ))
            })
        });
    with_legend(plot, size).show(ui, |pui| {
        let mut lower = vec![0.0; projection.years];
        let mut labels = Vec::new();
        for p in 0..projection.providers {
            let color = color32(data.scenario.provider_color(p));
            let name = data.scenario.provider_name(p).to_owned();
            let upper: Vec<f64> = lower
                .iter()
                .zip(series(data, Measure::Share, p))
                .map(|(l, s)| l + s)
                .collect();
            if let (Some(top), Some(bottom)) = (upper.last(), lower.last()) {
                labels.push(EndLabel {
                    text: name.clone(),
                    color,
                    y: (top + bottom) / 2.0,
                });
            }
            pui.add(
                FilledArea::new(name.clone(), &data.years, &lower, &upper)
                    .fill_color(color.gamma_multiply(if dark { 0.55 } else { 0.65 }))
                    .id(("share-area", p)),
            );
            pui.line(
                Line::new(name, points(&data.years, upper.iter().copied()))
                    .color(color)
                    .width(1.5)
                    .id(("share-top", p)),
            );
            lower = upper;
        }
        history_plot::share_history_ui(pui, data);
        year_markers(pui, data, dark);
        end_labels_ui(pui, data, labels);
    });
}

fn revenue_ui(ui: &mut egui::Ui, data: &ChartData<'_>, size: Vec2) {
    let dark = ui.visuals().dark_mode;
    let projection = data.projection;
    let plot = year_plot("revenue-plot", YUnit::UsdBn, "Revenue ($B)", data);
    let plot = history_plot::include_history(plot, data)
        .include_y(0.0)
        .width(size.x)
        .height(size.y)
        .label_formatter(|pos| {
            if let Some(text) = history_plot::hover(data, pos, true) {
                return Some(text);
            }
            hover_text(pos, |name, t, y| {
                if name == WITHOUT_MIGRATION {
                    // The nearest provider's counterfactual at that year.
                    let distance = |p: usize| {
                        projection
                            .value(Measure::CounterfactualRevenue, t, p)
                            .map_or(f64::INFINITY, |v| (v - y).abs())
                    };
                    let p = (0..projection.providers)
                        .min_by(|&a, &b| distance(a).total_cmp(&distance(b)))?;
                    return Some(format!(
                        "{} {}",
                        data.scenario.provider_name(p),
                        units::usd_bn(projection.value(Measure::CounterfactualRevenue, t, p)?)
                    ));
                }
                let p = provider_named(data, name)?;
                Some(format!(
                    "{} ({} vs no migration)",
                    units::usd_bn(projection.value(Measure::Revenue, t, p)?),
                    units::usd_bn_delta(projection.value(Measure::RevenueDelta, t, p)?)
                ))
            })
        });
    with_legend(plot, size).show(ui, |pui| {
        for p in 0..projection.providers {
            let color = color32(data.scenario.provider_color(p));
            let cf = points(&data.years, series(data, Measure::CounterfactualRevenue, p));
            pui.line(
                Line::new(WITHOUT_MIGRATION, cf)
                    .color(color.gamma_multiply(0.8))
                    .style(LineStyle::dashed_dense())
                    .width(1.2)
                    .id(("revenue-cf", p)),
            );
            let revenue = points(&data.years, series(data, Measure::Revenue, p));
            pui.line(
                Line::new(data.scenario.provider_name(p), revenue)
                    .color(color)
                    .width(2.0)
                    .id(("revenue", p)),
            );
        }
        history_plot::revenue_history_ui(pui, data);
        year_markers(pui, data, dark);
        end_labels_ui(pui, data, last_values(data, Measure::Revenue));
    });
}

fn placement_ui(ui: &mut egui::Ui, data: &ChartData<'_>, size: Vec2) {
    let workloads = data.projection.workloads;
    if workloads == 0 {
        ui.label("No workloads in this scenario: add one in the inputs panel.");
        return;
    }
    let title_height = if workloads > 1 {
        ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y
    } else {
        0.0
    };
    let each = ((size.y - ui.spacing().item_spacing.y * (workloads - 1) as f32) / workloads as f32
        - title_height)
        .max(140.0);
    egui::ScrollArea::vertical()
        .id_salt("placement-scroll")
        .max_height(size.y)
        .show(ui, |ui| {
            for w in 0..workloads {
                if workloads > 1 {
                    ui.strong(&data.scenario.workloads[w].name);
                }
                workload_placement_ui(ui, data, w, egui::vec2(size.x, each));
            }
        });
}

fn workload_placement_ui(ui: &mut egui::Ui, data: &ChartData<'_>, w: usize, size: Vec2) {
    let dark = ui.visuals().dark_mode;
    let projection = data.projection;
    let Some(workload) = data.scenario.workloads.get(w) else {
        return;
    };
    let used: Vec<usize> = (0..projection.providers)
        .filter(|&p| (0..projection.years).any(|t| projection.placement_at(t, w, p) > 0.0))
        .collect();
    let plot = year_plot(
        &format!("placement-plot-{w}"),
        YUnit::Percent,
        &format!("{} spend placed", workload.name),
        data,
    )
    .include_y(0.0)
    .include_y(1.0)
    .width(size.x)
    .height(size.y)
    .label_formatter(move |pos| {
        hover_text(pos, |name, t, _| {
            let p = provider_named(data, name)?;
            let fraction = projection.placement_at(t, w, p);
            Some(format!(
                "{} of {} ({})",
                units::percent(fraction),
                workload.name,
                units::usd_bn(fraction * projection.workload_spend_at(t, w))
            ))
        })
    });
    with_legend(plot, size).show(ui, |pui| {
        let mut lower = vec![0.0; projection.years];
        let mut labels = Vec::new();
        for &p in &used {
            let color = color32(data.scenario.provider_color(p));
            let name = data.scenario.provider_name(p).to_owned();
            let upper: Vec<f64> = lower
                .iter()
                .enumerate()
                .map(|(t, l)| l + projection.placement_at(t, w, p))
                .collect();
            pui.add(
                FilledArea::new(name.clone(), &data.years, &lower, &upper)
                    .fill_color(color.gamma_multiply(if dark { 0.55 } else { 0.65 }))
                    .id(("placement-area", w, p)),
            );
            if let (Some(top), Some(bottom)) = (upper.last(), lower.last()) {
                labels.push(EndLabel {
                    text: name.clone(),
                    color,
                    y: (top + bottom) / 2.0,
                });
            }
            pui.line(
                Line::new(name, points(&data.years, upper.iter().copied()))
                    .color(color)
                    .width(1.5)
                    .id(("placement-top", w, p)),
            );
            lower = upper;
        }
        year_markers(pui, data, dark);
        end_labels_ui(pui, data, labels);
    });
}

/// Width of the y axis (tick labels and title) of both Delta subplots, in points: enough for
/// "-$1,000B".
const DELTA_AXIS_WIDTH: f32 = 76.0;

/// Below this height a subplot's y-axis title is the short one (the long one would run past
/// the plot).
const SHORT_TITLE_BELOW: f32 = 260.0;

fn delta_ui(ui: &mut egui::Ui, data: &ChartData<'_>, size: Vec2) {
    let gap = ui.spacing().item_spacing.y;
    let each = egui::vec2(size.x, ((size.y - gap) / 2.0).max(60.0));
    let (delta, value) = if each.y < SHORT_TITLE_BELOW {
        ("Δ revenue", "Value at stake")
    } else {
        ("Δ revenue ($B)", "Value at stake, 1-yr EV/sales × Δ ($B)")
    };
    measure_lines_ui(ui, data, Measure::RevenueDelta, delta, each);
    measure_lines_ui(ui, data, Measure::ValueAtStake, value, each);
}

/// One line per provider of a money measure, with a zero line.
fn measure_lines_ui(
    ui: &mut egui::Ui,
    data: &ChartData<'_>,
    measure: Measure,
    y_label: &str,
    size: Vec2,
) {
    let dark = ui.visuals().dark_mode;
    let projection = data.projection;
    // One y-axis width for both Delta subplots, so their plot areas (and years) line up.
    let plot = year_plot(measure.key(), YUnit::UsdBn, y_label, data)
        .y_axis_min_width(DELTA_AXIS_WIDTH)
        .width(size.x)
        .height(size.y)
        .label_formatter(move |pos| {
            hover_text(pos, |name, t, _| {
                let p = provider_named(data, name)?;
                let value = units::usd_bn_delta(projection.value(measure, t, p)?);
                Some(match measure {
                    Measure::ValueAtStake => {
                        format!(
                            "{value} of value ({:.1}× EV/sales)",
                            data.scenario.provider_ev_sales(p)
                        )
                    }
                    _ => format!("{value} revenue vs no migration"),
                })
            })
        });
    with_legend(plot, size).show(ui, |pui| {
        let zero = if dark {
            Color32::from_gray(120)
        } else {
            Color32::from_gray(140)
        };
        pui.hline(
            HLine::new("", 0.0)
                .color(zero)
                .width(1.0)
                .allow_hover(false),
        );
        for p in 0..projection.providers {
            let color = color32(data.scenario.provider_color(p));
            let line = points(&data.years, series(data, measure, p));
            pui.line(
                Line::new(data.scenario.provider_name(p), line)
                    .color(color)
                    .width(2.0)
                    .id((measure.key(), p)),
            );
        }
        year_markers(pui, data, dark);
        end_labels_ui(pui, data, last_values(data, measure));
    });
}
