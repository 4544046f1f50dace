//! Comparing scenarios: differences by name, KPIs side by side.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use cloudshift::model::compare::{input_differences, kpi_rows, last_common_year};
use cloudshift::model::{Measure, project};
use cloudshift::scenario::builtin_baseline;

#[test]
fn identical_scenarios_have_no_differences() {
    let a = builtin_baseline();
    assert!(input_differences(&[&a, &a.clone()]).is_empty());
}

#[test]
fn a_changed_input_and_an_added_provider_are_listed_by_name() {
    let a = builtin_baseline();
    let mut b = a.clone();
    b.providers[0].drift_per_year = 0.01;
    b.horizon_years = 5;
    let differences = input_differences(&[&a, &b]);
    let paths: Vec<&str> = differences.iter().map(|d| d.path.as_str()).collect();
    assert_eq!(paths, ["horizon_years", "providers[AWS].drift"]);
    assert_eq!(last_common_year(&[&a, &b]), Some(2030));
}

#[test]
fn kpis_match_each_projection() {
    let a = builtin_baseline();
    let mut b = a.clone();
    b.workloads[0].extent = 0.0;
    let pa = project(&a);
    let pb = project(&b);
    let rows = kpi_rows(&[(&a, &pa), (&b, &pb)], 2030);
    let row = rows
        .iter()
        .find(|r| r.provider == "Azure" && r.measure == Measure::RevenueDelta)
        .unwrap();
    assert_eq!(row.values[0], pa.value(Measure::RevenueDelta, 5, 1));
    assert_eq!(row.values[1], Some(0.0), "no migration, no delta");
    assert_eq!(rows.len(), 6 * 4, "six providers, four measures");
}
