//! The Investor tab's spread of the market-cap impact under the scenario's uncertainty: per
//! company a box (P25–P75), whiskers (P5–P95) and the median from the document's last Monte Carlo
//! run, with the observed price move and the deterministic impact marked, and the same numbers in
//! words.

use egui::{Color32, RichText};
use egui_plot::{
    BoxElem, BoxPlot, BoxSpread, GridMark, MarkerShape, Plot, Points, uniform_grid_spacer,
};

use crate::model::uncertainty::SimulationSummary;
use crate::model::{Projection, Scenario, ValueMeasure};
use crate::ui::widgets::color32;
use crate::units::percent;

/// Height of one company's row in the chart, and of the axis below.
const ROW_HEIGHT: f32 = 34.0;
const AXIS_HEIGHT: f32 = 44.0;

/// The spread of each company's impact; `companies` are the providers with a company.
pub fn impact_spread_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    projection: &Projection,
    summary: Option<&SimulationSummary>,
    companies: &[usize],
) {
    ui.heading("Spread of the impact under uncertainty");
    let Some(summary) = summary else {
        ui.label(RichText::new("Running the Monte Carlo for the impact's spread…").weak());
        return;
    };
    let rows: Vec<(usize, [f64; 5], f64)> = companies
        .iter()
        .filter_map(|&p| {
            let stats = summary.value_stats(ValueMeasure::MarketCapImpact, p)?;
            Some((
                p,
                [stats.p5, stats.p25, stats.p50, stats.p75, stats.p95],
                stats.mean,
            ))
        })
        .collect();
    if rows.is_empty() {
        ui.label(RichText::new("The last run has no impact to show.").weak());
        return;
    }
    ui.label(
        RichText::new(format!(
            "{} Monte Carlo draws. Box: the middle half of the draws (P25–P75); whiskers: 90% of \
             them (P5–P95); line: the median; diamond: the observed price move; circle: the impact \
             at the inputs' own values.",
            summary.samples
        ))
        .small(),
    );
    for (p, [p5, _, p50, _, p95], mean) in &rows {
        let company = scenario.company(*p).map_or("", |c| c.name.as_str());
        ui.label(format!(
            "{company}: median {}, 90% of draws between {} and {}; probability-weighted expected \
             value (mean) {}.",
            percent(*p50),
            percent(*p5),
            percent(*p95),
            percent(*mean)
        ));
    }
    spread_plot(ui, scenario, projection, &rows);
}

fn spread_plot(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    projection: &Projection,
    rows: &[(usize, [f64; 5], f64)],
) {
    let n = rows.len();
    // The first company on top: row i sits at y = n - 1 - i.
    let y_of = |i: usize| (n - 1 - i) as f64;
    let names: Vec<String> = rows
        .iter()
        .map(|(p, ..)| {
            scenario
                .company(*p)
                .map_or(String::new(), |c| c.name.clone())
        })
        .collect();
    let boxes: Vec<BoxElem> = rows
        .iter()
        .enumerate()
        .map(|(i, (p, [p5, p25, p50, p75, p95], _))| {
            let color = color32(scenario.providers[*p].color);
            BoxElem::new(y_of(i), BoxSpread::new(*p5, *p25, *p50, *p75, *p95))
                .name(&names[i])
                .fill(color.gamma_multiply(0.35))
                .stroke(egui::Stroke::new(1.5, color))
                .box_width(0.5)
                .whisker_width(0.3)
        })
        .collect();
    let observed: Vec<[f64; 2]> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, (p, ..))| Some([scenario.company(*p)?.price_move?, y_of(i)]))
        .collect();
    let modelled: Vec<[f64; 2]> = rows
        .iter()
        .enumerate()
        .filter_map(|(i, (p, ..))| {
            let impact = projection.value_measure(ValueMeasure::MarketCapImpact, *p)?;
            Some([impact, y_of(i)])
        })
        .collect();
    let height = ROW_HEIGHT * n as f32 + AXIS_HEIGHT;
    let formatter = |elem: &BoxElem, _: &BoxPlot| {
        let s = &elem.spread;
        format!(
            "{}\nP5 {} · P25 {} · median {} · P75 {} · P95 {}",
            elem.name,
            percent(s.lower_whisker),
            percent(s.quartile1),
            percent(s.median),
            percent(s.quartile3),
            percent(s.upper_whisker)
        )
    };
    Plot::new("investor-impact-spread")
        .height(height)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .include_y(-0.6)
        .include_y(n as f64 - 0.4)
        .include_x(0.0)
        .y_axis_min_width(110.0)
        .x_axis_label("Market-cap impact (percent of market cap)")
        .y_grid_spacer(uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .y_axis_formatter(move |mark: GridMark, _| {
            let i = mark.value.round();
            let exact = (mark.value - i).abs() < 1e-6 && i >= 0.0 && (i as usize) < n;
            if exact {
                names.get(n - 1 - i as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .x_axis_formatter(|mark: GridMark, _| percent(mark.value))
        .show(ui, |pui| {
            pui.box_plot(
                BoxPlot::new("Impact spread", boxes)
                    .horizontal()
                    .element_formatter(Box::new(formatter)),
            );
            pui.points(
                Points::new("Observed price move", observed)
                    .shape(MarkerShape::Diamond)
                    .radius(6.0)
                    .color(Color32::from_rgb(230, 160, 40)),
            );
            pui.points(
                Points::new("Impact at the inputs' values", modelled)
                    .shape(MarkerShape::Circle)
                    .radius(4.0)
                    .color(Color32::GRAY),
            );
        });
}
