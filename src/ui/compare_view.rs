//! The Compare view: two or more open scenarios overlaid on the same plots (provider colors kept,
//! one line style per scenario) and the tables of inputs and KPIs that differ, the same tables
//! `cloudshift compare` prints.

use egui_plot::{Line, LineStyle, PlotPoints};

use crate::cli::{Report, compare_reports, human};
use crate::model::{Measure, Projection, Scenario};
use crate::ui::documents::Documents;
use crate::ui::plot_kit::{ChartData, EndLabel, YUnit, end_labels_ui, year_plot};
use crate::ui::present::{PresentState, Shown};
use crate::ui::widgets::color32;

/// One scenario as the compare view reads it.
pub struct Compared<'a> {
    /// Its tab index.
    pub index: usize,
    pub scenario: &'a Scenario,
    pub projection: &'a Projection,
}

/// The line style of the `i`-th compared scenario: solid, dashed, dotted, then looser variants.
pub fn line_style(i: usize) -> LineStyle {
    match i % 5 {
        0 => LineStyle::Solid,
        1 => LineStyle::dashed_dense(),
        2 => LineStyle::dotted_dense(),
        3 => LineStyle::dashed_loose(),
        _ => LineStyle::dotted_loose(),
    }
}

/// The name of the style, for the key under the tick boxes.
fn style_name(i: usize) -> &'static str {
    ["solid", "dashed", "dotted", "long dashes", "sparse dots"][i % 5]
}

/// The Compare view of the open documents, with the ticks and year kept in `present`. Returns
/// where the plots were drawn.
pub fn compare_frame_ui(
    ui: &mut egui::Ui,
    docs: &Documents,
    present: &mut PresentState,
) -> Option<egui::Rect> {
    let all: Vec<(String, usize)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (d.scenario().name.clone(), i))
        .collect();
    let ticked = present.ticked(docs);
    let mut ticks: Vec<bool> = (0..docs.count()).map(|i| ticked.contains(&i)).collect();
    let compared: Vec<Compared<'_>> = ticked
        .iter()
        .filter_map(|i| {
            docs.get(*i).map(|d| Compared {
                index: *i,
                scenario: d.scenario(),
                projection: d.projection(),
            })
        })
        .collect();
    let rect = compare_ui(
        ui,
        &all,
        &mut ticks,
        &compared,
        &mut present.compare_year,
        &mut present.compare_shown,
    );
    present.compare_unticked = docs
        .iter()
        .zip(&ticks)
        .filter(|(_, ticked)| !**ticked)
        .map(|(d, _)| d.id())
        .collect();
    rect
}

/// The whole view: scenario tick boxes (`ticked[i]` by tab index), plots and tables.
pub fn compare_ui(
    ui: &mut egui::Ui,
    all: &[(String, usize)],
    ticked: &mut Vec<bool>,
    compared: &[Compared<'_>],
    year: &mut Option<i32>,
    right: &mut Shown,
) -> Option<egui::Rect> {
    ticked.resize(all.len(), true);
    ui.horizontal_wrapped(|ui| {
        ui.strong("Compare:");
        let mut style = 0;
        for (name, index) in all {
            let label = if ticked[*index] {
                style += 1;
                format!("{name} ({})", style_name(style - 1))
            } else {
                name.clone()
            };
            ui.checkbox(&mut ticked[*index], label)
                .on_hover_text("Tick the scenarios to overlay and compare.");
        }
    });
    ui.separator();
    if compared.len() < 2 {
        ui.label("Tick two or more open scenarios to compare them. Open more with File > Open… or branch one with Duplicate.");
        return None;
    }
    key_ui(ui, compared);
    let scenarios: Vec<&Scenario> = compared.iter().map(|c| c.scenario).collect();
    let last = crate::model::compare::last_common_year(&scenarios)?;
    let first = scenarios.iter().map(|s| s.base_year).max().unwrap_or(last);
    let chosen = year.get_or_insert(last);
    *chosen = (*chosen).clamp(first, last);
    // Each document's cached projection: the compare view never runs the model itself.
    let pairs: Vec<(&Scenario, &Projection)> = compared
        .iter()
        .map(|c| (c.scenario, c.projection))
        .collect();
    let reports = compare_reports(&pairs, Some(*chosen), true);

    let table_height = (ui.available_height() * 0.42).max(160.0);
    egui::Panel::bottom("compare-tables")
        .resizable(true)
        .default_size(table_height)
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add(
                    egui::Slider::new(chosen, first..=last)
                        .text("Compare year")
                        .clamping(egui::SliderClamping::Always),
                );
            });
            egui::ScrollArea::both()
                .id_salt("compare-tables-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| match &reports {
                    Ok((inputs, kpis, _)) => {
                        ui.strong("Inputs that differ");
                        if inputs.rows.is_empty() {
                            ui.label("None: the scenarios have the same inputs.");
                        } else {
                            report_grid_ui(ui, "compare-inputs", inputs);
                        }
                        ui.add_space(8.0);
                        ui.strong(format!("Share, revenue and value at stake in {chosen}"));
                        report_grid_ui(ui, "compare-kpis", kpis);
                    }
                    Err(error) => {
                        ui.label(&error.0);
                    }
                });
        });
    let size = ui.available_size();
    let top = ui.cursor().min;
    let spacing = ui.spacing().item_spacing;
    let cell = egui::vec2((size.x - spacing.x) / 2.0, size.y - 24.0);
    let first_name = compared.first().map_or("", |c| c.scenario.name.as_str());
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.strong("Revenue");
            overlay_ui(ui, compared, Measure::Revenue, Shown::Values, cell);
        });
        ui.vertical(|ui| {
            ui.horizontal(|ui| {
                ui.selectable_value(right, Shown::Values, "Market share");
                ui.selectable_value(right, Shown::Difference, "Revenue difference")
                    .on_hover_text(format!(
                        "Each scenario's revenue minus that of \"{first_name}\", the first ticked."
                    ));
            });
            let measure = match right {
                Shown::Values => Measure::Share,
                Shown::Difference => Measure::Revenue,
            };
            overlay_ui(ui, compared, measure, *right, cell);
        });
    });
    Some(egui::Rect::from_min_size(top, size))
}

/// The key above the plots: each provider's colour (line styles are named by the tick boxes).
fn key_ui(ui: &mut egui::Ui, compared: &[Compared<'_>]) {
    let mut named: Vec<&str> = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new("Colours:").weak());
        for c in compared {
            for p in 0..c.scenario.provider_count_with_others() {
                let name = c.scenario.provider_name(p);
                if named.contains(&name) {
                    continue;
                }
                named.push(name);
                crate::ui::widgets::swatch(ui, color32(c.scenario.provider_color(p)));
                ui.label(name);
            }
        }
    });
}

/// One plot with a line per provider per scenario, named "AWS · Baseline", each provider named
/// at its line's end; `shown` overlays the values or each scenario minus the first.
fn overlay_ui(
    ui: &mut egui::Ui,
    compared: &[Compared<'_>],
    measure: Measure,
    shown: Shown,
    size: egui::Vec2,
) {
    let Some(first) = compared.first() else {
        return;
    };
    let size = egui::vec2(size.x.max(200.0), size.y.max(120.0));
    let data = ChartData::new(first.scenario, first.projection, first.scenario.base_year);
    let (unit, label, id) = match (measure, shown) {
        (Measure::Share, _) => (YUnit::Percent, "Share of the market", "compare-share"),
        (_, Shown::Difference) => (YUnit::UsdBn, "Revenue minus the first", "compare-diff"),
        _ => (YUnit::UsdBn, "Revenue", "compare-revenue"),
    };
    let plot = year_plot(id, unit, label, &data)
        .width(size.x)
        .height(size.y)
        .include_y(0.0);
    // The first scenario's value of `p` in calendar `year` (for differences).
    let first_value = |year: i32, p: usize| {
        let t = first.projection.year_index(year)?;
        first.projection.value(measure, t, p)
    };
    plot.show(ui, |pui| {
        let mut labels = Vec::new();
        for (i, c) in compared.iter().enumerate() {
            if shown == Shown::Difference && i == 0 {
                continue;
            }
            let projection = c.projection;
            for p in 0..projection.providers {
                let name = format!("{} · {}", c.scenario.provider_name(p), c.scenario.name);
                // Differences match providers by name: a provider the first lacks has none.
                let in_first = first.scenario.provider_index(c.scenario.provider_name(p));
                let points: Vec<[f64; 2]> = (0..projection.years)
                    .filter_map(|t| {
                        let year = projection.year(t);
                        let value = projection.value(measure, t, p)?;
                        let value = match shown {
                            Shown::Values => value,
                            Shown::Difference => value - first_value(year, in_first?)?,
                        };
                        Some([f64::from(year), value])
                    })
                    .collect();
                let first_line = labels
                    .iter()
                    .all(|l: &EndLabel| l.text != c.scenario.provider_name(p));
                if let (Some(last), true) = (points.last(), first_line) {
                    labels.push(EndLabel {
                        text: c.scenario.provider_name(p).to_owned(),
                        color: color32(c.scenario.provider_color(p)),
                        y: last[1],
                    });
                }
                pui.line(
                    Line::new(name, PlotPoints::from(points))
                        .color(color32(c.scenario.provider_color(p)))
                        .style(line_style(i))
                        .width(2.0)
                        .id((id, c.index, p)),
                );
            }
        }
        end_labels_ui(pui, &data, labels);
    });
}

/// A report (as `cloudshift compare` prints it for people) as a striped grid.
fn report_grid_ui(ui: &mut egui::Ui, id: &str, report: &Report) {
    egui::Grid::new(id).striped(true).show(ui, |ui| {
        for (title, _) in &report.columns {
            ui.strong(title);
        }
        ui.end_row();
        for row in &report.rows {
            for (cell, (_, kind)) in row.iter().zip(&report.columns) {
                ui.label(human(cell, *kind));
            }
            ui.end_row();
        }
    });
}
