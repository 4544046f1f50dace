//! The simulation summary table (`cloudshift simulate`, the app's CSV export): mean and
//! percentiles per year, provider and measure.

use super::report::{Cell, ColumnKind, Report, owned};
use crate::model::Measure;
use crate::model::Scenario;
use crate::model::uncertainty::SimulationSummary;

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
    let mut rows = Vec::new();
    for t in 0..summary.years {
        for p in 0..summary.providers {
            for measure in Measure::UNCERTAIN {
                let Some(stats) = summary.stats(measure, t, p) else {
                    continue;
                };
                let mut row = vec![
                    Cell::Integer(i64::from(summary.base_year) + t as i64),
                    Cell::Text(scenario.provider_name(p).to_owned()),
                    Cell::Text(measure.key().to_owned()),
                    Cell::Number(stats.mean),
                ];
                row.extend(stats.percentiles().iter().map(|v| Cell::Number(*v)));
                rows.push(row);
            }
        }
    }
    Report {
        columns: owned(&columns),
        rows,
    }
}
