//! The simulation summary table (`cloudshift simulate`, the app's CSV export): mean and
//! percentiles per year, provider and measure.

use super::report::{Cell, ColumnKind, Report, owned};
use crate::model::Scenario;
use crate::model::uncertainty::{SimulationSummary, Stats};
use crate::model::{Measure, Unit, ValueMeasure};

/// The rows of a summary in `simulate`'s order: every year, provider (Others last) and measure of
/// [`Measure::UNCERTAIN`]; then, on rows whose year is the base year, `present_value_delta` of
/// every provider and `market_cap_impact` of every provider with a company.
pub fn summary_entries(summary: &SimulationSummary) -> Vec<(i32, usize, &'static str, &Stats)> {
    let mut entries = Vec::new();
    for t in 0..summary.years {
        for p in 0..summary.providers {
            for measure in Measure::UNCERTAIN {
                if let Some(stats) = summary.stats(measure, t, p) {
                    entries.push((summary.base_year + t as i32, p, measure.key(), stats));
                }
            }
        }
    }
    for (measure, p, stats) in summary.value_entries() {
        entries.push((summary.base_year, p, measure.key(), stats));
    }
    entries
}

/// The unit people read a summarised measure in, by its key (percent for shares and the
/// market-cap impact, $B for money).
pub fn measure_unit(key: &str) -> Unit {
    Measure::from_key(key)
        .map(Measure::unit)
        .or_else(|| ValueMeasure::from_key(key).map(ValueMeasure::unit))
        .unwrap_or(Unit::UsdBn)
}

/// A simulation summary as a report: mean and percentiles per year, provider and measure.
pub fn summary_report(scenario: &Scenario, summary: &SimulationSummary) -> Report {
    let mut columns = vec![
        ("year", ColumnKind::Integer),
        ("provider", ColumnKind::Text),
        ("measure", ColumnKind::Text),
    ];
    for name in ["mean", "p5", "p10", "p25", "p50", "p75", "p90", "p95"] {
        columns.push((name, ColumnKind::Number));
    }
    let rows = summary_entries(summary)
        .into_iter()
        .map(|(year, p, key, stats)| {
            let mut row = vec![
                Cell::Integer(i64::from(year)),
                Cell::Text(scenario.provider_name(p).to_owned()),
                Cell::Text(key.to_owned()),
                Cell::Quantity(stats.mean, measure_unit(key)),
            ];
            let unit = measure_unit(key);
            row.extend(stats.percentiles().iter().map(|v| Cell::Quantity(*v, unit)));
            row
        })
        .collect();
    Report {
        columns: owned(&columns),
        rows,
    }
}
