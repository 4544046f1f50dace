//! Comparing scenarios: which inputs differ, and how the outputs of one year differ.
//!
//! Scenarios are matched by names (`providers[AWS].share`), not positions, so two files that list
//! providers in different orders, or that add a provider, still compare sensibly.

use super::inputs::{Distribution, Scenario};
use super::params::ParamPath;
use super::projection::{Measure, Projection};

/// One input's value, as a number where it is one.
#[derive(Clone, Debug, PartialEq)]
pub enum InputValue {
    Number(f64),
    Text(String),
}

/// An input whose value is not the same in every scenario (`None`: the scenario lacks it).
#[derive(Clone, Debug, PartialEq)]
pub struct InputDifference {
    pub path: String,
    pub values: Vec<Option<InputValue>>,
}

/// One provider's measure in the chosen year, per scenario (`None`: the scenario lacks it).
#[derive(Clone, Debug, PartialEq)]
pub struct KpiRow {
    pub provider: String,
    pub measure: Measure,
    pub values: Vec<Option<f64>>,
}

/// The measures the comparison reports per provider.
pub const COMPARED_MEASURES: [Measure; 4] = Measure::COMPARED;

/// Every input of a scenario as `(path, value)`, in file order.
pub fn flatten_inputs(s: &Scenario) -> Vec<(String, InputValue)> {
    let num = InputValue::Number;
    let mut out = vec![
        ("base_year".to_owned(), num(f64::from(s.base_year))),
        ("horizon_years".to_owned(), num(f64::from(s.horizon_years))),
    ];
    let all = ParamPath::all(s);
    let values = |owner: &dyn Fn(ParamPath) -> bool| -> Vec<(String, InputValue)> {
        all.iter()
            .filter(|path| owner(**path))
            .filter_map(|path| Some((path.to_text(s), num(path.get(s)?))))
            .collect()
    };
    out.extend(values(&|path| path.info().section.is_scenario_wide()));
    for (i, p) in s.providers.iter().enumerate() {
        out.push((
            format!("providers[{}].color", p.name),
            InputValue::Text(p.color.to_hex()),
        ));
        out.extend(values(
            &|path| matches!(path, ParamPath::Provider(j, _) if j == i),
        ));
    }
    out.push((
        "others.name".to_owned(),
        InputValue::Text(s.others.name.clone()),
    ));
    out.extend(values(&|path| matches!(path, ParamPath::Others(_))));
    for (i, w) in s.workloads.iter().enumerate() {
        out.extend(values(
            &|path| matches!(path, ParamPath::Workload(j, _) if j == i),
        ));
        out.push((
            format!("workloads[{}].migration.curve", w.name),
            InputValue::Text(format!("{:?}", w.migration.curve)),
        ));
        for (which, placement) in [
            ("placement_base", &w.placement_base),
            ("placement_target", &w.placement_target),
        ] {
            for (p, fraction) in placement.iter().enumerate() {
                out.push((
                    format!("workloads[{}].{which}[\"{}\"]", w.name, s.provider_name(p)),
                    num(*fraction),
                ));
            }
        }
    }
    for (path, dist) in &s.uncertainty {
        out.push((
            format!("uncertainty[\"{}\"]", path.to_text(s)),
            InputValue::Text(distribution_text(dist, s)),
        ));
    }
    for c in &s.correlations {
        out.push((
            format!("correlations[{}, {}].rho", c.a.to_text(s), c.b.to_text(s)),
            num(c.rho),
        ));
    }
    let mc = s.monte_carlo.unwrap_or_default();
    out.push(("monte_carlo.samples".to_owned(), num(f64::from(mc.samples))));
    out.push(("monte_carlo.seed".to_owned(), num(mc.seed as f64)));
    out
}

/// A distribution as written in files (an outcome's target by provider name, non-zero entries).
pub fn distribution_text(dist: &Distribution, s: &Scenario) -> String {
    let list = |xs: &[f64]| xs.iter().map(f64::to_string).collect::<Vec<_>>().join(", ");
    match dist {
        Distribution::Triangular { low, high } => format!("Triangular(low: {low}, high: {high})"),
        Distribution::Uniform { low, high } => format!("Uniform(low: {low}, high: {high})"),
        Distribution::Normal { sd } => format!("Normal(sd: {sd})"),
        Distribution::Discrete {
            values,
            probabilities,
        } => format!(
            "Discrete(values: [{}], probabilities: [{}])",
            list(values),
            list(probabilities)
        ),
        Distribution::Outcomes(outcomes) => {
            let each: Vec<String> = outcomes
                .iter()
                .map(|o| {
                    let target: Vec<String> = o
                        .target
                        .iter()
                        .enumerate()
                        .filter(|(_, f)| **f != 0.0)
                        .map(|(p, f)| format!("\"{}\": {f}", s.provider_name(p)))
                        .collect();
                    format!(
                        "(probability: {}, target: {{{}}})",
                        o.probability,
                        target.join(", ")
                    )
                })
                .collect();
            format!("Outcomes([{}])", each.join(", "))
        }
    }
}

/// Inputs that differ between the scenarios, in order of first appearance. A placement entry of 0
/// and a missing entry count as the same.
pub fn input_differences(scenarios: &[&Scenario]) -> Vec<InputDifference> {
    let flat: Vec<Vec<(String, InputValue)>> =
        scenarios.iter().map(|s| flatten_inputs(s)).collect();
    let mut paths: Vec<&str> = Vec::new();
    for inputs in &flat {
        for (path, _) in inputs {
            if !paths.contains(&path.as_str()) {
                paths.push(path);
            }
        }
    }
    paths
        .into_iter()
        .filter_map(|path| {
            let values: Vec<Option<InputValue>> = flat
                .iter()
                .map(|inputs| {
                    inputs
                        .iter()
                        .find(|(p, _)| p == path)
                        .map(|(_, v)| v.clone())
                })
                .collect();
            let normal = |v: &Option<InputValue>| match v {
                None if path.contains("].placement_") => Some(InputValue::Number(0.0)),
                other => other.clone(),
            };
            let first = normal(&values[0]);
            values
                .iter()
                .any(|v| normal(v) != first)
                .then(|| InputDifference {
                    path: path.to_owned(),
                    values,
                })
        })
        .collect()
}

/// The last calendar year every scenario projects.
pub fn last_common_year(scenarios: &[&Scenario]) -> Option<i32> {
    scenarios
        .iter()
        .map(|s| s.base_year + s.horizon_years as i32)
        .min()
}

/// Share, revenue, delta and value at stake in `year` per provider (matched by name; providers
/// of the first scenario first, Others last), read from each scenario's projection.
pub fn kpi_rows(compared: &[(&Scenario, &Projection)], year: i32) -> Vec<KpiRow> {
    let mut names: Vec<&str> = Vec::new();
    for (s, _) in compared {
        for p in &s.providers {
            if !names.contains(&p.name.as_str()) {
                names.push(&p.name);
            }
        }
    }
    let others_name = compared
        .first()
        .map_or("Others", |(s, _)| s.others.name.as_str());
    names.push(others_name);
    let mut rows = Vec::new();
    for name in names {
        for measure in COMPARED_MEASURES {
            let values = compared
                .iter()
                .map(|(s, projection)| {
                    let p = if name == others_name {
                        Some(s.others_index())
                    } else {
                        s.provider_index(name)
                    }?;
                    let t = projection.year_index(year)?;
                    projection.value(measure, t, p)
                })
                .collect();
            rows.push(KpiRow {
                provider: name.to_owned(),
                measure,
                values,
            });
        }
    }
    rows
}
