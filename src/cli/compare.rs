//! `cloudshift compare`: the inputs that differ between scenarios, and their KPIs side by side.

use super::report::{Cell, ColumnKind, Report};
use crate::model::compare::{InputValue, input_differences, kpi_rows, last_common_year};
use crate::model::{Projection, Scenario};
use crate::units::{percent, points_delta, readable_number, usd_bn, usd_bn_delta};

/// The two tables of a comparison: inputs that differ, and KPI differences in `year`.
/// `for_people` formats numbers with their units (%, $B); otherwise they stay raw for CSV.
pub fn reports(
    compared: &[(&Scenario, &Projection)],
    year: Option<i32>,
    for_people: bool,
) -> Result<(Report, Report, i32), super::CliError> {
    let scenarios: Vec<&Scenario> = compared.iter().map(|(s, _)| *s).collect();
    let scenarios = scenarios.as_slice();
    let last = last_common_year(scenarios).unwrap_or(0);
    let first = scenarios.iter().map(|s| s.base_year).max().unwrap_or(0);
    if first > last {
        let spans: Vec<String> = scenarios
            .iter()
            .map(|s| {
                format!(
                    "\"{}\" projects {}..={}",
                    s.name,
                    s.base_year,
                    s.base_year + s.horizon_years as i32
                )
            })
            .collect();
        return Err(super::CliError(format!(
            "the scenarios share no year, so there is nothing to compare: {}",
            spans.join(", ")
        )));
    }
    let year = year.unwrap_or(last);
    if year < first || year > last {
        return Err(super::CliError(format!(
            "--year: {year} is outside the years every scenario projects, {first}..={last}"
        )));
    }
    let names = column_names(scenarios);

    let mut inputs = Report::with_columns(&[("input", ColumnKind::Text)]);
    for name in &names {
        inputs.columns.push((name.clone(), ColumnKind::Text));
    }
    for difference in input_differences(scenarios) {
        let mut row = vec![Cell::Text(difference.path)];
        row.extend(difference.values.into_iter().map(|value| match value {
            Some(InputValue::Number(x)) if for_people => Cell::Text(readable_number(x)),
            Some(InputValue::Number(x)) => Cell::Number(x),
            Some(InputValue::Text(text)) => Cell::Text(text),
            None => Cell::Text(String::new()),
        }));
        inputs.rows.push(row);
    }
    // Inputs mix units: plain numbers, aligned right.
    for column in inputs.columns.iter_mut().skip(1) {
        column.1 = ColumnKind::Formatted;
    }

    let mut kpis = Report::with_columns(&[
        ("year", ColumnKind::Integer),
        ("provider", ColumnKind::Text),
        ("measure", ColumnKind::Text),
    ]);
    for name in &names {
        kpis.columns.push((name.clone(), ColumnKind::Number));
    }
    for name in names.iter().skip(1) {
        kpis.columns
            .push((format!("{name} minus {}", names[0]), ColumnKind::Number));
    }
    for row in kpi_rows(compared, year) {
        let mut cells = vec![
            Cell::Integer(i64::from(year)),
            Cell::Text(row.provider),
            Cell::Text(row.measure.key().to_owned()),
        ];
        let fraction = row.measure.is_fraction();
        let value = |v: Option<f64>, change: bool| match v {
            None => Cell::Text(String::new()),
            Some(x) if !for_people => Cell::Number(x),
            Some(x) => Cell::Text(match (fraction, change) {
                (true, false) => percent(x),
                (true, true) => points_delta(x),
                (false, false) => usd_bn(x),
                (false, true) => usd_bn_delta(x),
            }),
        };
        cells.extend(row.values.iter().map(|v| value(*v, false)));
        for other in row.values.iter().skip(1) {
            cells.push(value(other.zip(row.values[0]).map(|(b, a)| b - a), true));
        }
        kpis.rows.push(cells);
    }
    Ok((inputs, kpis, year))
}

/// Scenario names as column titles, made unique when two files share a name.
fn column_names(scenarios: &[&Scenario]) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for (i, s) in scenarios.iter().enumerate() {
        let mut name = s.name.clone();
        if names.contains(&name) {
            name = format!("{name} ({})", i + 1);
        }
        names.push(name);
    }
    names
}
