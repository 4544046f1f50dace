//! `cloudshift simulate`, `sensitivity` and `solve`: the uncertainty engine as reports.

use std::time::Instant;

use super::CliError;
use super::args::{OutputSelector, StatisticArgs};
use crate::model::uncertainty::{
    Quantity, RunControl, SimulationSummary, Statistic, sensitivity_of, simulate, solve_for,
    solve_statistic_of, summary_statistic,
};
use crate::model::{Measure, ParamPath, Scenario, ValueMeasure, project};
use crate::scenario::{SAMPLES_RANGE, residual_path_hint};
use crate::tables::{
    Cell, ColumnKind, Report, measure_unit, owned, solve_error_text, summary_entries,
    summary_report,
};

/// Mean and percentiles per year, provider (Others last) and measure; with `errors` (JSON), also
/// the standard error of each mean and the 95% interval of each median. With `timings`, the
/// run's wall time, thread count and passes over the draws go to standard error.
pub fn simulate_report(
    scenario: &Scenario,
    samples: Option<i64>,
    seed: Option<u64>,
    errors: bool,
    timings: bool,
) -> Result<Report, CliError> {
    let (samples, seed) = samples_and_seed(scenario, samples, seed)?;
    let control = RunControl::new();
    let started = Instant::now();
    let summary = simulate(scenario, samples, seed, &control)?;
    if timings {
        let evaluated = control.progress.done();
        eprintln!(
            "timings: {samples} draws in {:.3} s on {} threads; {} passes over the draws ({evaluated} draws evaluated)",
            started.elapsed().as_secs_f64(),
            rayon::current_num_threads(),
            evaluated / u64::from(samples),
        );
    }
    let mut report = summary_report(scenario, &summary);
    if errors {
        add_errors(&mut report, &summary);
    }
    Ok(report)
}

/// `--samples` and `--seed`, else the file's Monte Carlo settings, else the defaults.
fn samples_and_seed(
    scenario: &Scenario,
    samples: Option<i64>,
    seed: Option<u64>,
) -> Result<(u32, u64), CliError> {
    let settings = scenario.monte_carlo.unwrap_or_default();
    let samples = samples.unwrap_or(i64::from(settings.samples));
    let (fewest, most) = SAMPLES_RANGE;
    let samples = u32::try_from(samples)
        .ok()
        .filter(|n| (fewest..=most).contains(n))
        .ok_or_else(|| CliError(format!("--samples: {samples} is outside {fewest}..={most}")))?;
    Ok((samples, seed.unwrap_or(settings.seed)))
}

/// Appends `std_error`, `median_low` and `median_high` to each row of [`summary_report`].
fn add_errors(report: &mut Report, summary: &SimulationSummary) {
    for name in ["std_error", "median_low", "median_high"] {
        report.columns.push((name.to_owned(), ColumnKind::Number));
    }
    for (row, (_, _, key, stats)) in report.rows.iter_mut().zip(summary_entries(summary)) {
        let unit = measure_unit(key);
        row.extend(
            [stats.std_error, stats.median_low, stats.median_high].map(|x| Cell::Quantity(x, unit)),
        );
    }
}

/// A tornado end's input: in its unit, or an outcome's 1-based number.
fn input_cell(bar: &crate::model::uncertainty::TornadoBar, input: f64) -> Cell {
    if bar.picks_outcomes() {
        Cell::Integer(input as i64)
    } else {
        Cell::Quantity(input, bar.path.unit())
    }
}

/// Tornado bars for one output, largest swing first.
pub fn sensitivity_report(
    scenario: &Scenario,
    selector: &OutputSelector,
) -> Result<Report, CliError> {
    let (provider, quantity) = resolve(scenario, selector)?;
    let bars = sensitivity_of(scenario, provider, quantity)?;
    let kind = if quantity.is_fraction() {
        ColumnKind::Fraction
    } else {
        ColumnKind::Money
    };
    let columns = vec![
        ("parameter", ColumnKind::Text),
        ("low_input", ColumnKind::Number),
        ("high_input", ColumnKind::Number),
        ("low_output", kind),
        ("high_output", kind),
        ("swing", kind),
    ];
    let rows = bars
        .iter()
        .map(|bar| {
            vec![
                Cell::Text(bar.path.to_text(scenario)),
                input_cell(bar, bar.low_input),
                input_cell(bar, bar.high_input),
                Cell::Number(bar.low_output),
                Cell::Number(bar.high_output),
                Cell::Number(bar.swing),
            ]
        })
        .collect();
    Ok(Report {
        columns: owned(&columns),
        rows,
    })
}

/// The parameter value that makes the output (or, with `--statistic`, that Monte Carlo statistic
/// of it) hit `target`, and the output there.
pub fn solve_report(
    scenario: &Scenario,
    param: &str,
    selector: &OutputSelector,
    target: f64,
    statistic: &StatisticArgs,
) -> Result<Report, CliError> {
    if !target.is_finite() {
        return Err(CliError(format!(
            "--target: {target} is not a finite number"
        )));
    }
    let (provider, quantity) = resolve(scenario, selector)?;
    let path = parse_path(scenario, param)?;
    let (value, output) = if let Some(key) = &statistic.statistic {
        let Some(stat) = Statistic::from_key(key) else {
            let keys: Vec<&str> = Statistic::ALL.iter().map(|s| s.key()).collect();
            return Err(CliError(format!(
                "--statistic: \"{key}\" is not a statistic (one of: {})",
                keys.join(", ")
            )));
        };
        let (samples, seed) = samples_and_seed(scenario, statistic.samples, statistic.seed)?;
        let value = solve_statistic_of(
            scenario,
            path,
            provider,
            quantity,
            target,
            stat,
            samples,
            seed,
            &RunControl::new(),
        )
        .map_err(|e| CliError(solve_error_text(&e, quantity, path)))?;
        let mut solved = scenario.clone();
        path.set(&mut solved, value);
        let summary = simulate(&solved, samples, seed, &RunControl::new())?;
        let output = summary_statistic(&summary, provider, quantity)
            .map_or(f64::NAN, |stats| stat.of(stats));
        (value, output)
    } else {
        let value = solve_for(scenario, path, provider, quantity, target)
            .map_err(|e| CliError(solve_error_text(&e, quantity, path)))?;
        let mut solved = scenario.clone();
        path.set(&mut solved, value);
        let projection = project(&solved);
        let output = match quantity {
            Quantity::InYear(measure, year) => projection
                .year_index(year)
                .and_then(|t| projection.value(measure, t, provider)),
            Quantity::Whole(measure) => projection.value_measure(measure, provider),
        }
        .unwrap_or(f64::NAN);
        (value, output)
    };
    let kind = if quantity.is_fraction() {
        ColumnKind::Fraction
    } else {
        ColumnKind::Money
    };
    Ok(Report {
        columns: owned(&[
            ("parameter", ColumnKind::Text),
            ("value", ColumnKind::Number),
            ("provider", ColumnKind::Text),
            ("measure", ColumnKind::Text),
            ("year", ColumnKind::Integer),
            ("target", kind),
            ("output", kind),
        ]),
        rows: vec![vec![
            Cell::Text(path.to_text(scenario)),
            Cell::Quantity(value, path.unit()),
            Cell::Text(scenario.provider_name(provider).to_owned()),
            Cell::Text(quantity.key().to_owned()),
            quantity
                .year()
                .map_or(Cell::Empty, |year| Cell::Integer(i64::from(year))),
            Cell::Number(target),
            Cell::Number(output),
        ]],
    })
}

fn resolve(scenario: &Scenario, selector: &OutputSelector) -> Result<(usize, Quantity), CliError> {
    let provider = scenario.provider_index(&selector.provider).ok_or_else(|| {
        let names: Vec<&str> = (0..scenario.provider_count_with_others())
            .map(|p| scenario.provider_name(p))
            .collect();
        CliError(format!(
            "--provider: no provider named \"{}\" (the scenario has: {})",
            selector.provider,
            names.join(", ")
        ))
    })?;
    let key = selector.measure.as_str();
    let quantity = match (
        Measure::from_key(key),
        ValueMeasure::from_key(key),
        selector.year,
    ) {
        (Some(measure), _, Some(year)) => Quantity::InYear(measure, year),
        (Some(_), _, None) => {
            return Err(CliError(format!(
                "--year: {key} has a value every year; say which with --year Y"
            )));
        }
        (None, Some(measure), None) => Quantity::Whole(measure),
        (None, Some(_), Some(_)) => {
            return Err(CliError(format!(
                "--year: {key} has no year (it covers the whole projection, discounted to the \
                 base year); leave out --year"
            )));
        }
        (None, None, _) => {
            let mut keys = Measure::keys(&Measure::ALL);
            keys.extend(ValueMeasure::ALL.map(ValueMeasure::key));
            return Err(CliError(format!(
                "--measure: \"{key}\" is not a measure (one of: {})",
                keys.join(", ")
            )));
        }
    };
    Ok((provider, quantity))
}

fn parse_path(scenario: &Scenario, text: &str) -> Result<ParamPath, CliError> {
    let providers: Vec<&str> = scenario.providers.iter().map(|p| p.name.as_str()).collect();
    let workloads: Vec<&str> = scenario.workloads.iter().map(|w| w.name.as_str()).collect();
    ParamPath::parse(text, &providers, &workloads).map_err(|e| {
        let residual = &scenario.others.name;
        CliError(match residual_path_hint(text, residual) {
            Some(hint) => {
                format!("--param: {e}: {residual} is the residual provider; write `{hint}`")
            }
            None => format!("--param: {e}"),
        })
    })
}
