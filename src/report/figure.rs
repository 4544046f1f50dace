//! What a chart shows, as plain data: panels of yearly series (lines, stacked areas, bands) or
//! bars of market-cap impact. Built from a scenario and its projection; drawn by `draw`.

use crate::model::uncertainty::{SimulationSummary, Stats};
use crate::model::{Measure, Projection, Rgb, Scenario};

/// How a panel's values read on its axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YUnit {
    /// Fractions, labelled as percent.
    Percent,
    /// Billions of US dollars.
    UsdBn,
}

/// One yearly series drawn as a line (or, in a stacked panel, as a layer).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub color: Rgb,
    /// One value per year of the panel.
    pub values: Vec<f64>,
    /// Dashed (the counterfactual, the deterministic run of a fan).
    pub dashed: bool,
}

/// A filled band between two yearly series (Monte Carlo percentiles).
#[derive(Clone, Debug, PartialEq)]
pub struct Band {
    pub name: String,
    pub color: Rgb,
    pub low: Vec<f64>,
    pub high: Vec<f64>,
    /// Fill opacity, 0..=1.
    pub opacity: f64,
}

/// One chart area with a year axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    pub title: String,
    pub unit: YUnit,
    /// Calendar years, one per value of every series.
    pub years: Vec<i32>,
    /// The observed year, marked with a dashed vertical rule.
    pub base_year: i32,
    /// Series stacked as filled layers (shares, placements) instead of lines.
    pub stacked: bool,
    pub bands: Vec<Band>,
    pub series: Vec<Series>,
    /// A legend entry that explains a line style ("dashed: no migration").
    pub style_note: Option<String>,
}

/// One company's bar in the impact chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ImpactBar {
    pub company: String,
    pub color: Rgb,
    /// Present value of the migration over market cap (-0.02 = -2%).
    pub impact_fraction: f64,
    /// The observed share-price move over the period the file names, if given.
    pub observed_move_fraction: Option<f64>,
}

/// A whole chart: stacked year panels, or impact bars.
#[derive(Clone, Debug, PartialEq)]
pub enum Figure {
    Years(Vec<Panel>),
    Impact { title: String, bars: Vec<ImpactBar> },
}

/// Calendar years of a projection.
fn years_of(projection: &Projection) -> Vec<i32> {
    (0..projection.years).map(|t| projection.year(t)).collect()
}

/// One measure of provider `p` for every year (missing values read 0).
fn provider_series(projection: &Projection, measure: Measure, p: usize) -> Vec<f64> {
    (0..projection.years)
        .map(|t| projection.value(measure, t, p).unwrap_or(0.0))
        .collect()
}

fn panel(scenario: &Scenario, projection: &Projection, title: String, unit: YUnit) -> Panel {
    Panel {
        title,
        unit,
        years: years_of(projection),
        base_year: scenario.base_year,
        stacked: false,
        bands: Vec::new(),
        series: Vec::new(),
        style_note: None,
    }
}

/// One series per provider (Others last) of `measure`; with `skip_flat`, providers whose series
/// is zero throughout are left out.
fn provider_lines(
    scenario: &Scenario,
    projection: &Projection,
    measure: Measure,
    skip_flat: bool,
) -> Vec<Series> {
    (0..projection.providers)
        .map(|p| Series {
            name: scenario.provider_name(p).to_owned(),
            color: scenario.provider_color(p),
            values: provider_series(projection, measure, p),
            dashed: false,
        })
        .filter(|s| !skip_flat || s.values.iter().any(|v| v.abs() > 1e-12))
        .collect()
}

/// Total market share, providers stacked (Others on top).
pub fn share(scenario: &Scenario, projection: &Projection) -> Figure {
    let mut chart = panel(
        scenario,
        projection,
        "Share of the cloud market".to_owned(),
        YUnit::Percent,
    );
    chart.stacked = true;
    chart.series = provider_lines(scenario, projection, Measure::Share, false);
    Figure::Years(vec![chart])
}

/// Revenue per provider, with the counterfactual (no migration) dashed in the same colour.
pub fn revenue(scenario: &Scenario, projection: &Projection) -> Figure {
    let mut chart = panel(
        scenario,
        projection,
        "Revenue, with the migration (solid) and without it (dashed)".to_owned(),
        YUnit::UsdBn,
    );
    for p in 0..projection.providers {
        let name = scenario.provider_name(p).to_owned();
        let color = scenario.provider_color(p);
        chart.series.push(Series {
            name: name.clone(),
            color,
            values: provider_series(projection, Measure::Revenue, p),
            dashed: false,
        });
        chart.series.push(Series {
            name,
            color,
            values: provider_series(projection, Measure::CounterfactualRevenue, p),
            dashed: true,
        });
    }
    chart.style_note = Some("dashed: no migration".to_owned());
    Figure::Years(vec![chart])
}

/// Each workload's placement across providers, stacked, one panel per workload.
pub fn placement(scenario: &Scenario, projection: &Projection) -> Figure {
    let panels = scenario
        .workloads
        .iter()
        .enumerate()
        .map(|(w, workload)| {
            let mut chart = panel(
                scenario,
                projection,
                format!("Where {} runs (share of its spend)", workload.name),
                YUnit::Percent,
            );
            chart.stacked = true;
            chart.series = (0..projection.providers)
                .map(|p| Series {
                    name: scenario.provider_name(p).to_owned(),
                    color: scenario.provider_color(p),
                    values: (0..projection.years)
                        .map(|t| projection.placement_at(t, w, p))
                        .collect(),
                    dashed: false,
                })
                .filter(|s| s.values.iter().any(|v| *v > 1e-12))
                .collect();
            chart
        })
        .collect();
    Figure::Years(panels)
}

/// Revenue delta (with minus without the migration) and value at stake, one panel each.
pub fn delta(scenario: &Scenario, projection: &Projection) -> Figure {
    let mut revenue = panel(
        scenario,
        projection,
        "Revenue delta: with minus without the migration".to_owned(),
        YUnit::UsdBn,
    );
    revenue.series = provider_lines(scenario, projection, Measure::RevenueDelta, true);
    let mut value = panel(
        scenario,
        projection,
        "Value at stake: EV/sales multiple × revenue delta (one year, not a present value)"
            .to_owned(),
        YUnit::UsdBn,
    );
    value.series = provider_lines(scenario, projection, Measure::ValueAtStake, true);
    Figure::Years(vec![revenue, value])
}

/// Monte Carlo fan of `measure` for provider `p`: P5–P95 and P25–P75 bands, the median, and
/// the deterministic run dashed.
pub fn fan(scenario: &Scenario, summary: &SimulationSummary, measure: Measure, p: usize) -> Panel {
    let projection = &summary.deterministic;
    let stats: Vec<Stats> = (0..summary.years)
        .map(|t| {
            summary
                .stats(measure, t, p)
                .copied()
                .unwrap_or(Stats::constant(0.0))
        })
        .collect();
    let column = |pick: fn(&Stats) -> f64| stats.iter().map(pick).collect::<Vec<f64>>();
    let color = scenario.provider_color(p);
    let unit = if measure.is_fraction() {
        YUnit::Percent
    } else {
        YUnit::UsdBn
    };
    let title = format!("{}: {}", scenario.provider_name(p), measure.label());
    let mut chart = panel(scenario, projection, title, unit);
    chart.bands = vec![
        Band {
            name: "P5–P95".to_owned(),
            color,
            low: column(|s| s.p5),
            high: column(|s| s.p95),
            opacity: 0.22,
        },
        Band {
            name: "P25–P75".to_owned(),
            color,
            low: column(|s| s.p25),
            high: column(|s| s.p75),
            opacity: 0.45,
        },
    ];
    chart.series = vec![
        Series {
            name: "Median".to_owned(),
            color,
            values: column(|s| s.p50),
            dashed: false,
        },
        Series {
            name: "Deterministic".to_owned(),
            color: Rgb([110, 110, 110]),
            values: provider_series(projection, measure, p),
            dashed: true,
        },
    ];
    chart
}

/// For each scenario after the first, its revenue minus the first's, per provider present in
/// both (matched by name), over the years both project.
pub fn difference(compared: &[(&Scenario, &Projection)]) -> Figure {
    let Some(((first, first_projection), others)) = compared.split_first() else {
        return Figure::Years(Vec::new());
    };
    let panels = others
        .iter()
        .map(|(scenario, projection)| {
            let start = first.base_year.max(scenario.base_year);
            let end = (first_projection.year(first_projection.years.saturating_sub(1)))
                .min(projection.year(projection.years.saturating_sub(1)));
            let years: Vec<i32> = (start..=end).collect();
            let series = (0..projection.providers)
                .filter_map(|p| {
                    let name = scenario.provider_name(p);
                    let q = (0..first_projection.providers)
                        .find(|q| first.provider_name(*q) == name)?;
                    let values = years
                        .iter()
                        .map(|year| {
                            let here = projection.year_index(*year)?;
                            let there = first_projection.year_index(*year)?;
                            Some(
                                projection.value(Measure::Revenue, here, p)?
                                    - first_projection.value(Measure::Revenue, there, q)?,
                            )
                        })
                        .collect::<Option<Vec<f64>>>()?;
                    Some(Series {
                        name: name.to_owned(),
                        color: scenario.provider_color(p),
                        values,
                        dashed: false,
                    })
                })
                .collect();
            Panel {
                title: format!(
                    "Revenue of \u{201c}{}\u{201d} minus \u{201c}{}\u{201d}",
                    scenario.name, first.name
                ),
                unit: YUnit::UsdBn,
                years,
                base_year: start,
                stacked: false,
                bands: Vec::new(),
                series,
                style_note: None,
            }
        })
        .collect();
    Figure::Years(panels)
}
