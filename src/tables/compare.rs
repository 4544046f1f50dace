//! The comparison tables (`cloudshift compare`, the app's Compare view): the inputs that differ
//! between scenarios, and their KPIs side by side.

use std::fmt::Write as _;

use super::report::{Cell, ColumnKind, Report};
use crate::model::compare::{InputValue, input_differences, kpi_rows, last_common_year};
use crate::model::{Distribution, ParamPath, Projection, Scenario, Unit};
use crate::units::{percent, points_delta, readable_number, usd_bn, usd_bn_delta};

/// The two tables of a comparison: inputs that differ, and KPI differences in `year`.
/// `for_people` formats numbers with their units (%, $B); otherwise they stay raw for CSV.
pub fn reports(
    compared: &[(&Scenario, &Projection)],
    year: Option<i32>,
    for_people: bool,
) -> Result<(Report, Report, i32), String> {
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
        return Err(format!(
            "the scenarios share no year, so there is nothing to compare: {}",
            spans.join(", ")
        ));
    }
    let year = year.unwrap_or(last);
    if year < first || year > last {
        return Err(format!(
            "--year: {year} is outside the years every scenario projects, {first}..={last}"
        ));
    }
    let names = column_names(scenarios);

    let inputs = inputs_report(scenarios, &names, for_people);

    let mut kpis = Report::with_columns(&[
        ("year", ColumnKind::Integer),
        ("provider", ColumnKind::Text),
        ("measure", ColumnKind::Text),
    ]);
    for name in &names {
        kpis.columns.push((name.clone(), ColumnKind::Number));
    }
    for name in names.iter().skip(1) {
        // People read "B − first" (the first scenario is named two columns to the left); CSV
        // and JSON keep the full "B minus A" key.
        let title = if for_people {
            format!("{name} − first")
        } else {
            format!("{name} minus {}", names[0])
        };
        kpis.columns.push((title, ColumnKind::Number));
    }
    for row in kpi_rows(compared, year) {
        let mut cells = vec![
            Cell::Integer(i64::from(year)),
            Cell::Text(row.provider),
            Cell::Text(if for_people {
                row.measure.label().to_owned()
            } else {
                row.measure.key().to_owned()
            }),
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

/// The table of inputs that differ, one column per scenario (`names`).
fn inputs_report(scenarios: &[&Scenario], names: &[String], for_people: bool) -> Report {
    let mut inputs = Report::with_columns(&[("input", ColumnKind::Text)]);
    for name in names {
        inputs.columns.push((name.clone(), ColumnKind::Text));
    }
    for difference in input_differences(scenarios) {
        let first_with_it = difference
            .values
            .iter()
            .position(Option::is_some)
            .and_then(|i| scenarios.get(i).copied());
        let unit = first_with_it.and_then(|s| input_unit(&difference.path, s));
        let title = match (for_people, first_with_it) {
            (true, Some(s)) => input_label(&difference.path, s),
            _ => difference.path.clone(),
        };
        let distribution_of = difference
            .path
            .strip_prefix("uncertainty[\"")
            .and_then(|r| r.strip_suffix("\"]"))
            .map(str::to_owned);
        let mut row = vec![Cell::Text(title)];
        row.extend(
            difference
                .values
                .into_iter()
                .zip(scenarios)
                .map(|(value, s)| {
                    if for_people
                        && let Some(inner) = &distribution_of
                        && let Some(path) = parse_path(inner, s)
                        && let Some(dist) = s.distribution(path)
                    {
                        return Cell::Text(distribution_words(dist, path));
                    }
                    match value {
                        Some(InputValue::Number(x)) if for_people => {
                            Cell::Text(people_input(x, unit))
                        }
                        Some(InputValue::Number(x)) if counts_whole(x, unit) => {
                            Cell::Integer(x as i64)
                        }
                        Some(InputValue::Number(x)) => Cell::Number(x),
                        Some(InputValue::Text(text)) => Cell::Text(text),
                        None => Cell::Text(String::new()),
                    }
                }),
        );
        inputs.rows.push(row);
    }
    // Inputs mix units: plain numbers, aligned right.
    for column in inputs.columns.iter_mut().skip(1) {
        column.1 = ColumnKind::Formatted;
    }
    inputs
}

/// The unit an input of the comparison is read in, from its path text.
fn input_unit(path: &str, scenario: &Scenario) -> Option<Unit> {
    match path {
        "base_year" => return Some(Unit::Year),
        "horizon_years" => return Some(Unit::WholeYears),
        _ => {}
    }
    if path.contains(".placement_base[") || path.contains(".placement_target[") {
        return Some(Unit::Percent);
    }
    parse_path(path, scenario).map(ParamPath::unit)
}

/// Whether an input's value is a count or a calendar year that CSV writes as a whole number
/// (the seed `42`, not `42.0000000`): a whole value with no unit (seed, draws) or in years.
fn counts_whole(value: f64, unit: Option<Unit>) -> bool {
    let whole = value.fract() == 0.0 && value.abs() < 9.0e15;
    whole && matches!(unit, None | Some(Unit::Year | Unit::WholeYears))
}

/// The input's name as on its slider (`AWS drift`); for inputs without one, words for the path
/// (`OpenAI target: AWS`, `± Halo`, `Monte Carlo seed`), else the path itself.
fn input_label(path: &str, scenario: &Scenario) -> String {
    if let Some(p) = parse_path(path, scenario) {
        return p.label(scenario);
    }
    let quoted = |rest: &str| {
        rest.trim_start_matches('"')
            .split('"')
            .next()
            .map(str::to_owned)
    };
    if let Some(inner) = path
        .strip_prefix("uncertainty[")
        .and_then(|r| r.strip_suffix(']'))
    {
        let inner = inner.trim_matches('"');
        return format!("± {}", input_label(inner, scenario));
    }
    if let Some(rest) = path.strip_prefix("monte_carlo.") {
        return format!("Monte Carlo {rest}");
    }
    if let Some(rest) = path.strip_prefix("workloads[")
        && let Some((workload, field)) = rest.split_once("].")
    {
        for (key, words) in [
            ("placement_target[", "target"),
            ("placement_base[", "today"),
        ] {
            if let Some(provider) = field.strip_prefix(key).and_then(quoted) {
                return format!("{workload} {words}: {provider}");
            }
        }
        return format!("{workload} {}", field.replace(['.', '_'], " "));
    }
    path.to_owned()
}

/// A distribution in words and in its input's units (`triangular 16.0%–24.0%`, `one of
/// 2026 (50.0%), 2028 (50.0%)`, `2 outcomes (60.0%, 40.0%)`), for people's tables
/// and tooltips; files and CSV keep `distribution_text`.
pub fn distribution_words(dist: &Distribution, path: ParamPath) -> String {
    let unit = path.unit();
    let value = |x: f64| {
        if path.is_fraction() {
            percent(x)
        } else {
            unit.format(x)
        }
    };
    match dist {
        Distribution::Triangular { low, high } => {
            format!("triangular {}–{}", value(*low), value(*high))
        }
        Distribution::Uniform { low, high } => {
            format!("uniform {}–{}", value(*low), value(*high))
        }
        Distribution::Normal { sd } => format!("normal, sd {}", value(*sd)),
        Distribution::Discrete {
            values,
            probabilities,
        } => {
            let each: Vec<String> = values
                .iter()
                .zip(probabilities)
                .map(|(x, p)| format!("{} ({})", value(*x), percent(*p)))
                .collect();
            format!("one of {}", each.join(", "))
        }
        Distribution::Outcomes(outcomes) => {
            let each: Vec<String> = outcomes.iter().map(|o| percent(o.probability)).collect();
            format!("{} outcomes ({})", outcomes.len(), each.join(", "))
        }
    }
}

/// Column letters for people's tables (`A`, `B`, ... `Z`, then `S27`...), with a key line per
/// scenario, so that a comparison of several long-named scenarios stays narrow.
pub fn letter_columns(inputs: &mut Report, kpis: &mut Report, scenarios: &[&Scenario]) -> String {
    let letter = |i: usize| {
        u8::try_from(i).ok().filter(|i| *i < 26).map_or_else(
            || format!("S{}", i + 1),
            |i| char::from(b'A' + i).to_string(),
        )
    };
    let names = column_names(scenarios);
    let n = names.len();
    let mut key = String::new();
    // By position, never by title: a scenario may be called "year" or "input".
    for (i, name) in names.iter().enumerate() {
        let l = letter(i);
        let _ = writeln!(key, "{l}  {name}");
        if let Some(column) = inputs.columns.get_mut(1 + i) {
            column.0.clone_from(&l);
        }
        if let Some(column) = kpis.columns.get_mut(KPI_KEY_COLUMNS + i) {
            column.0.clone_from(&l);
        }
        if i > 0
            && let Some(column) = kpis.columns.get_mut(KPI_KEY_COLUMNS + n + i - 1)
        {
            column.0 = format!("{l} − A");
        }
    }
    key
}

/// The KPI table's columns before the scenarios' (year, provider, measure).
const KPI_KEY_COLUMNS: usize = 3;

fn parse_path(path: &str, scenario: &Scenario) -> Option<ParamPath> {
    let providers: Vec<&str> = scenario.providers.iter().map(|p| p.name.as_str()).collect();
    let workloads: Vec<&str> = scenario.workloads.iter().map(|w| w.name.as_str()).collect();
    ParamPath::parse(path, &providers, &workloads).ok()
}

/// An input value for people, in its unit (`29.0%`, `-0.50 pts/yr`); a value too small to show
/// in the unit's precision keeps its exact short form, so it never reads as zero.
fn people_input(value: f64, unit: Option<Unit>) -> String {
    let Some(unit) = unit else {
        return readable_number(value);
    };
    let shown = unit.format(value);
    if value != 0.0 && unit.round_model(value, 0) == 0.0 {
        return readable_number(value);
    }
    shown
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
