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
