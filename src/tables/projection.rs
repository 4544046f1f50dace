//! The projection table (`cloudshift project`, the app's CSV export): one row per year and
//! provider.

use super::report::{Cell, ColumnKind, Report, owned};
use crate::model::{Measure, Scenario, project};

/// The columns of MODEL.md's projection CSV, in order.
const MEASURES: &[Measure] = &Measure::PROJECTION_COLUMNS;

/// Rows ordered by year, then providers in file order with Others last.
pub fn report(scenario: &Scenario) -> Report {
    let projection = project(scenario);
    let mut columns = vec![
        ("year", ColumnKind::Integer),
        ("provider", ColumnKind::Text),
    ];
    for measure in MEASURES {
        let kind = if measure.is_fraction() {
            ColumnKind::Fraction
        } else {
            ColumnKind::Money
        };
        columns.push((measure.key(), kind));
    }
    let mut rows = Vec::with_capacity(projection.years * projection.providers);
    for t in 0..projection.years {
        for p in 0..projection.providers {
            let mut row = vec![
                Cell::Integer(i64::from(projection.year(t))),
                Cell::Text(scenario.provider_name(p).to_owned()),
            ];
            row.extend(
                MEASURES
                    .iter()
                    .filter_map(|m| projection.value(*m, t, p).map(Cell::Number)),
            );
            rows.push(row);
        }
    }
    Report {
        columns: owned(&columns),
        rows,
    }
}
