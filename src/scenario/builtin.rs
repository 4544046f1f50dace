//! The default scenario, embedded in the binary so the app and the CLI work without any file.

use super::load::load_str;
use crate::model::{Curve, Market, Migration, Others, Provider, Rgb, Scenario, Workload};

/// The text of `scenarios/baseline.ron`.
pub const BASELINE_RON: &str = include_str!("../../scenarios/baseline.ron");

/// The embedded baseline. A test checks that it loads; should it ever fail, a minimal valid
/// market (no workload) is returned rather than a panic.
pub fn builtin_baseline() -> Scenario {
    load_str(BASELINE_RON, "baseline.ron").unwrap_or_else(|_| fallback())
}

fn fallback() -> Scenario {
    Scenario {
        name: "Empty market".to_owned(),
        description: String::new(),
        base_year: 2025,
        horizon_years: 10,
        market: Market {
            size_usd_bn: 419.0,
            growth_start: 0.2,
            growth_end: 0.12,
        },
        halo: 0.0,
        halo_loss: None,
        valuation: None,
        providers: vec![Provider {
            name: "AWS".to_owned(),
            color: Rgb([0xFF, 0x99, 0x00]),
            share: 0.29,
            drift_per_year: 0.0,
            margin: 0.35,
            margin_drift_per_year: 0.0,
            ev_sales: 6.0,
            company: None,
        }],
        others: Others {
            name: "Others".to_owned(),
            color: Rgb([0x8C, 0x8C, 0x8C]),
            margin: 0.1,
            margin_drift_per_year: 0.0,
            ev_sales: 3.0,
        },
        workloads: vec![Workload {
            name: "Tenant".to_owned(),
            spend_usd_bn: 0.0,
            growth_start: 0.0,
            growth_end: 0.0,
            margin: None,
            placement_base: vec![0.0, 1.0],
            placement_target: vec![0.0, 1.0],
            extent: 0.0,
            migration: Migration {
                start_year: 2026.0,
                duration_years: 1.0,
                curve: Curve::Linear,
            },
        }],
        uncertainty: Vec::new(),
        correlations: Vec::new(),
        monte_carlo: None,
        sources: Vec::new(),
    }
}
