//! Builders shared by the integration tests: tiny hand-checkable scenarios and random valid ones.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

pub mod ui;

use cloudshift::model::{Curve, Market, Migration, Others, Provider, Rgb, Scenario, Workload};

/// One provider `A` plus Others, one workload `W`, two years (see tests/model.rs for the numbers).
pub fn tiny() -> Scenario {
    Scenario {
        name: "Tiny".to_owned(),
        description: String::new(),
        base_year: 2025,
        horizon_years: 2,
        market: Market {
            size_usd_bn: 100.0,
            growth_start: 0.1,
            growth_end: 0.2,
        },
        halo: 1.0,
        halo_loss: None,
        valuation: None,
        providers: vec![Provider {
            name: "A".to_owned(),
            color: Rgb([255, 0, 0]),
            share: 0.4,
            drift_per_year: 0.01,
            margin: 0.3,
            margin_drift_per_year: 0.05,
            ev_sales: 5.0,
            company: None,
        }],
        others: Others {
            name: "Others".to_owned(),
            color: Rgb([128, 128, 128]),
            margin: 0.1,
            margin_drift_per_year: 0.0,
            ev_sales: 2.0,
        },
        workloads: vec![Workload {
            name: "W".to_owned(),
            spend_usd_bn: 10.0,
            growth_start: 0.5,
            growth_end: 0.0,
            margin: None,
            placement_base: vec![0.2, 0.8],
            placement_target: vec![1.0, 0.0],
            extent: 0.5,
            migration: Migration {
                start_year: 2026.0,
                duration_years: 2.0,
                curve: Curve::Linear,
            },
        }],
        uncertainty: Vec::new(),
        correlations: Vec::new(),
        monte_carlo: None,
        sources: Vec::new(),
    }
}

/// The shipped scenario files, with their paths.
pub fn shipped() -> Vec<(std::path::PathBuf, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap();
            (p, text)
        })
        .collect()
}

/// Asserts that two CSV texts hold the same cells: text cells equal, number cells equal to 15
/// significant digits (the machine formats round away the float noise past them), or a
/// difference of two equal sums written as exactly 0 where the other side has float noise: a
/// value (or a multiple of one) within 1e-12 of the row's largest number.
pub fn assert_same_csv(actual: &str, expected: &str, what: &str) {
    let actual: Vec<&str> = actual.lines().collect();
    let expected: Vec<&str> = expected.lines().collect();
    assert_eq!(actual.len(), expected.len(), "{what}: line count");
    for (a_line, e_line) in actual.iter().zip(&expected) {
        let a_cells: Vec<&str> = a_line.split(',').collect();
        let e_cells: Vec<&str> = e_line.split(',').collect();
        assert_eq!(a_cells.len(), e_cells.len(), "{what}: {a_line} vs {e_line}");
        let row_max = e_cells
            .iter()
            .filter_map(|c| c.parse::<f64>().ok())
            .fold(0.0_f64, |m, v| m.max(v.abs()));
        for (a, e) in a_cells.iter().zip(&e_cells) {
            match (a.parse::<f64>(), e.parse::<f64>()) {
                (Ok(x), Ok(y)) => assert!(
                    (x - y).abs() <= 1e-14 * x.abs().max(y.abs())
                        || (x == 0.0 && y.abs() <= 1e-12 * row_max),
                    "{what}: {a} vs {e} in\n{a_line}\n{e_line}"
                ),
                _ => assert_eq!(a, e, "{what}: {a_line} vs {e_line}"),
            }
        }
    }
}
