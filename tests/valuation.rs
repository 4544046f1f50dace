//! Model version 2: the halo on losses, the operating-income delta, the present value and the
//! market-cap impact, worked by hand on the tiny scenario; v2 invariants over random scenarios.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
#![allow(clippy::float_cmp)] // exact zeros (no migration, base year) are what several tests check

mod common;

use cloudshift::model::{Company, Measure, Scenario, Valuation, ValueMeasure, project};
use proptest::prelude::*;

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "got {actual}, expected {expected}"
    );
}

fn company(market_cap_usd_bn: f64) -> Company {
    Company {
        name: "Co".to_owned(),
        market_cap_usd_bn,
        price_move: Some(-0.2),
    }
}

// The tiny scenario of tests/model.rs (A wins part of W in 2027; see the arithmetic there).
// Year 1: placement = base, so OI = OI_cf and dOI = 0.
// Year 2 (margin_A = 0.4, R = 118.8, S = 15):
//   OI_A    = 0.4 * 55.536 (rest, halo included) + 0.4 * 6 (workload) = 24.6144
//   OI_cf_A = 0.4 * 52.536                       + 0.4 * 3            = 22.2144   dOI_A = 2.4
//   OI_O    = 0.1 * (118.8 - 55.536) + 0.1 * 9  = 7.2264
//   OI_cf_O = 0.1 * (118.8 - 52.536) + 0.1 * 12 = 7.8264                         dOI_O = -0.6
// Defaults r = 0.09, tau = 0.21, k = 0.3, g = 0.03: CF = 0.79 * 0.7 * dOI = 0.553 dOI.
//   PV = CF_2 / 1.09^2 + CF_2 * 1.03 / (0.06 * 1.09^2) = CF_2 / 1.1881 * (1 + 1.03 / 0.06).
#[test]
fn tiny_case_present_value_by_hand() {
    let mut s = common::tiny();
    s.providers[0].company = Some(company(100.0));
    let p = project(&s);
    let (a, o) = (0, 1);
    for provider in [a, o] {
        close(
            p.value(Measure::OperatingIncomeDelta, 0, provider).unwrap(),
            0.0,
        );
        close(
            p.value(Measure::OperatingIncomeDelta, 1, provider).unwrap(),
            0.0,
        );
    }
    close(p.counterfactual_operating_income_usd_bn[2 * 2 + a], 22.2144);
    close(p.value(Measure::OperatingIncomeDelta, 2, a).unwrap(), 2.4);
    close(p.value(Measure::OperatingIncomeDelta, 2, o).unwrap(), -0.6);

    let factor = 1.0 / 1.1881 * (1.0 + 1.03 / 0.06);
    let pv_a = 0.553 * 2.4 * factor; // 1.3272 / 1.1881 * 18.1667 = 20.2936
    let pv_o = 0.553 * -0.6 * factor;
    close(pv_a, 20.293_577_981_651_38);
    close(
        p.value_measure(ValueMeasure::PresentValueDelta, a).unwrap(),
        pv_a,
    );
    close(
        p.value_measure(ValueMeasure::PresentValueDelta, o).unwrap(),
        pv_o,
    );
    close(
        p.value_measure(ValueMeasure::MarketCapImpact, a).unwrap(),
        pv_a / 100.0,
    );
    assert_eq!(p.value_measure(ValueMeasure::MarketCapImpact, o), None);
}

// The file's valuation replaces the defaults: r = 0.1, tau = 0.5, k = 0.2, g = 0.02.
// CF_2 = 0.5 * 0.8 * 2.4 = 0.96; PV_A = 0.96 / 1.21 * (1 + 1.02 / 0.08) = 10.909090...
#[test]
fn tiny_case_with_the_files_valuation() {
    let mut s = common::tiny();
    s.valuation = Some(Valuation {
        discount_rate: 0.1,
        tax_rate: 0.5,
        reinvestment_rate: 0.2,
        terminal_growth: 0.02,
    });
    let p = project(&s);
    close(
        p.present_value_delta_usd_bn[0],
        0.96 / 1.21 * (1.0 + 1.02 / 0.08),
    );
    close(p.present_value_delta_usd_bn[0], 10.909_090_909_090_91);
}

// A loses part of W: target A 0, Others 1. Year 2: a_A = 0.2 + 0.25 * (0 - 0.2) = 0.15,
// G_A = 15 * (0.15 - 0.2) = -0.75. Rest of A before the halo: 50.16 + 2.376 = 52.536.
//   halo_loss unset (follows halo = 1): 52.536 - 0.75 = 51.786, Rev_A = 51.786 + 2.25 = 54.036.
//   halo_loss = 0.5: 52.536 - 0.375 = 52.161, Rev_A = 54.411.
//   halo_loss = 0: the loss costs no other business: 52.536 + 2.25 = 54.786.
#[test]
fn halo_loss_is_charged_on_net_losses_only() {
    let mut s = common::tiny();
    s.workloads[0].placement_target = vec![0.0, 1.0];
    close(project(&s).value(Measure::Revenue, 2, 0).unwrap(), 54.036);
    s.halo_loss = Some(0.5);
    close(project(&s).value(Measure::Revenue, 2, 0).unwrap(), 54.411);
    s.halo_loss = Some(0.0);
    close(project(&s).value(Measure::Revenue, 2, 0).unwrap(), 54.786);

    // On a net gain the halo on losses plays no part.
    let mut gain = common::tiny();
    let before = project(&gain);
    gain.halo_loss = Some(0.0);
    assert_eq!(project(&gain), before);
}

#[test]
fn halo_loss_equal_to_halo_is_the_version_1_model() {
    let mut s = common::tiny();
    s.workloads[0].placement_target = vec![0.0, 1.0];
    let unset = project(&s);
    s.halo_loss = Some(s.halo);
    assert_eq!(project(&s), unset);
}

#[test]
fn limits_report_the_first_year() {
    // A loses the whole workload and a halo of 10 on losses: its rest share is cut at 0 in 2027.
    let mut s = common::tiny();
    s.workloads[0].placement_target = vec![0.0, 1.0];
    s.workloads[0].extent = 1.0;
    s.workloads[0].migration.duration_years = 0.0;
    s.workloads[0].spend_usd_bn = 30.0;
    s.providers[0].share = 0.5;
    s.halo_loss = Some(10.0);
    let p = project(&s);
    assert_eq!(p.limits[0].rest_share_floor, Some(1));
    assert!((p.rest_share[2] - 0.0).abs() < f64::MIN_POSITIVE);
    assert_eq!(p.limits[0].others_squeezed, None);
    assert_eq!(p.limits[1].margin_clamped, None);

    // A margin drifting past 100% is held at 100% from the year it gets there.
    let mut m = common::tiny();
    m.providers[0].margin = 0.95;
    m.providers[0].margin_drift_per_year = 0.05;
    assert_eq!(project(&m).limits[0].margin_clamped, Some(1));
}

/// Random version 2 scenarios: tiny's shape with random v2 inputs and a random horizon.
fn arb_v2() -> impl Strategy<Value = Scenario> {
    (
        (0.0..=10.0_f64, proptest::option::of(0.0..=10.0_f64)),
        (0.01..=0.5_f64, 0.0..=0.6_f64, 0.0..=1.0_f64, -0.5..=0.2_f64),
        (1..=30_u32, 0.0..=1.0_f64, 0.0..=1.0_f64, 1.0..1e4_f64),
        (-0.2..=0.2_f64, -0.2..=0.2_f64, -0.9..=2.0_f64),
    )
        .prop_map(
            |((halo, halo_loss), (r, tau, k, g), (horizon, target, extent, cap), (d, md, gw))| {
                let mut s = common::tiny();
                s.halo = halo;
                s.halo_loss = halo_loss;
                s.valuation = Some(Valuation {
                    discount_rate: r,
                    tax_rate: tau,
                    reinvestment_rate: k,
                    terminal_growth: g.min(r - 0.01),
                });
                s.horizon_years = horizon;
                s.workloads[0].placement_target = vec![target, 1.0 - target];
                s.workloads[0].extent = extent;
                s.workloads[0].growth_start = gw;
                s.providers[0].drift_per_year = d;
                s.providers[0].margin_drift_per_year = md;
                s.providers[0].company = Some(company(cap));
                s
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn version_2_invariants_hold(s in arb_v2()) {
        prop_assert!(cloudshift::scenario::check(&s).is_ok());
        let p = project(&s);
        let v = s.valuation_used();
        for t in 0..p.years {
            let total: f64 = (0..p.providers).map(|i| p.value(Measure::Revenue, t, i).unwrap()).sum();
            prop_assert!((total - p.market_usd_bn[t]).abs() <= 1e-9 * p.market_usd_bn[t]);
            for i in 0..p.providers {
                let doi = p.value(Measure::OperatingIncomeDelta, t, i).unwrap();
                let expected = p.value(Measure::OperatingIncome, t, i).unwrap()
                    - p.counterfactual_operating_income_usd_bn[t * p.providers + i];
                let ok = if t == 0 { doi == 0.0 } else { (doi - expected).abs() <= 1e-9 * expected.abs().max(1.0) };
                prop_assert!(ok, "year {t}, provider {i}: {doi} vs {expected}");
            }
        }
        // The present value recomputed with powers rather than running products.
        let (r, g) = (v.discount_rate, v.terminal_growth);
        let h = p.years - 1;
        for i in 0..p.providers {
            let cf = |t: usize| (1.0 - v.tax_rate) * (1.0 - v.reinvestment_rate) * p.value(Measure::OperatingIncomeDelta, t, i).unwrap();
            let mut pv: f64 = (1..=h).map(|t| cf(t) / (1.0 + r).powi(t as i32)).sum();
            pv += cf(h) * (1.0 + g) / ((r - g) * (1.0 + r).powi(h as i32));
            let got = p.present_value_delta_usd_bn[i];
            prop_assert!((got - pv).abs() <= 1e-9 * pv.abs().max(1.0), "{got} vs {pv}");
            prop_assert!(got.is_finite());
        }
        let impact = p.value_measure(ValueMeasure::MarketCapImpact, 0).unwrap();
        prop_assert!((impact - p.present_value_delta_usd_bn[0] / s.providers[0].company.as_ref().unwrap().market_cap_usd_bn).abs() <= 1e-12 * impact.abs().max(1.0));
        // A reported limit is visible in the numbers.
        for (i, limits) in p.limits.iter().enumerate() {
            if let Some(t) = limits.rest_share_floor {
                prop_assert!(p.rest_share[t * p.providers + i] == 0.0);
            }
            if let Some(t) = limits.others_squeezed {
                prop_assert!(p.rest_share[t * p.providers + p.providers - 1] == 0.0);
            }
        }
    }

    #[test]
    fn no_migration_is_worth_nothing(mut s in arb_v2()) {
        s.workloads[0].extent = 0.0;
        let p = project(&s);
        prop_assert!(p.operating_income_delta_usd_bn.iter().all(|d| *d == 0.0));
        prop_assert!(p.present_value_delta_usd_bn.iter().all(|d| *d == 0.0));
    }
}

#[test]
fn an_unset_halo_loss_follows_the_halo_in_every_monte_carlo_draw() {
    use cloudshift::model::uncertainty::{RunControl, simulate};
    use cloudshift::model::{Distribution, ParamPath};
    // A only loses W, so its revenue moves with the halo only through the halo on losses.
    let mut s = common::tiny();
    s.workloads[0].placement_target = vec![0.0, 1.0];
    s.uncertainty = vec![(
        ParamPath::Halo,
        Distribution::Uniform {
            low: 0.0,
            high: 2.0,
        },
    )];
    let spread = |s: &Scenario| {
        let summary = simulate(s, 500, 3, &RunControl::new()).unwrap();
        let stats = summary.stats(Measure::Revenue, 2, 0).unwrap();
        stats.p95 - stats.p5
    };
    assert!(spread(&s) > 0.1, "unset: the loss follows each drawn halo");
    s.halo_loss = Some(0.5);
    assert!(
        spread(&s).abs() < 1e-9,
        "set: the drawn halo plays no part in a loss"
    );
}

#[test]
fn terminal_growth_drawn_above_the_discount_rate_is_held_a_point_below_it() {
    use cloudshift::model::uncertainty::{Quantity, sensitivity_of};
    use cloudshift::model::{Distribution, ParamPath, ValuationParam};
    let mut s = common::tiny();
    s.valuation = Some(Valuation {
        discount_rate: 0.05,
        tax_rate: 0.21,
        reinvestment_rate: 0.3,
        terminal_growth: 0.04,
    });
    let g = ParamPath::Valuation(ValuationParam::TerminalGrowth);
    s.uncertainty = vec![(
        g,
        Distribution::Uniform {
            low: 0.0,
            high: 0.2,
        },
    )];
    assert!(cloudshift::scenario::check(&s).is_ok());
    let bars = sensitivity_of(&s, 0, Quantity::Whole(ValueMeasure::PresentValueDelta)).unwrap();
    // P90 of Uniform(0, 0.2) is 0.18, above r - 0.01 = 0.04: the model uses 0.04, the file's g.
    assert!((bars[0].high_input - 0.18).abs() < 1e-12);
    let at_cap = project(&s).present_value_delta_usd_bn[0];
    assert!((bars[0].high_output - at_cap).abs() <= 1e-9 * at_cap.abs());
    assert!(bars[0].high_output.is_finite() && bars[0].low_output < bars[0].high_output);
}

#[test]
fn monte_carlo_summarises_present_value_and_impact_like_a_brute_force_run() {
    use cloudshift::model::uncertainty::{
        RunControl, draw_inputs, percentiles_by_sorting, simulate,
    };
    let s = cloudshift::scenario::load_path(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/openai-moves-to-aws.ron"),
    )
    .unwrap();
    let (samples, seed) = (300_u32, 11_u64);
    let summary = simulate(&s, samples, seed, &RunControl::new()).unwrap();
    let azure = s.provider_index("Azure").unwrap();
    let cap = s.company(azure).unwrap().market_cap_usd_bn;
    let mut pvs = Vec::new();
    for draw in 0..u64::from(samples) {
        let mut drawn = s.clone();
        for (path, value) in draw_inputs(&s, seed, draw) {
            path.set(&mut drawn, value);
        }
        pvs.push(project(&drawn).present_value_delta_usd_bn[azure]);
    }
    let pv = summary
        .value_stats(ValueMeasure::PresentValueDelta, azure)
        .unwrap();
    let impact = summary
        .value_stats(ValueMeasure::MarketCapImpact, azure)
        .unwrap();
    let expected = percentiles_by_sorting(&pvs);
    for (got, want) in pv.percentiles().iter().zip(expected) {
        assert!((got - want).abs() <= 1e-9 * want.abs(), "{got} vs {want}");
    }
    let mean = pvs.iter().sum::<f64>() / f64::from(samples);
    assert!((pv.mean - mean).abs() <= 1e-9 * mean.abs());
    for (got, want) in impact.percentiles().iter().zip(expected) {
        assert!((got - want / cap).abs() <= 1e-12, "{got} vs {}", want / cap);
    }
    // Others and CoreWeave have no company: no impact row; every provider has a present value.
    assert!(
        summary
            .value_stats(ValueMeasure::MarketCapImpact, s.others_index())
            .is_none()
    );
    assert_eq!(summary.value_entries().count(), 6 + 4);
}

#[test]
fn without_uncertainty_the_value_rows_are_the_deterministic_values() {
    use cloudshift::model::uncertainty::{RunControl, simulate};
    let mut s = common::tiny();
    s.providers[0].company = Some(company(100.0));
    let summary = simulate(&s, 100, 1, &RunControl::new()).unwrap();
    let p = project(&s);
    let pv = summary
        .value_stats(ValueMeasure::PresentValueDelta, 0)
        .unwrap();
    assert!(
        pv.percentiles()
            .iter()
            .all(|v| *v == p.present_value_delta_usd_bn[0])
    );
    let impact = summary
        .value_stats(ValueMeasure::MarketCapImpact, 0)
        .unwrap();
    assert_eq!(impact.p50, p.market_cap_impact[0].unwrap());
}
