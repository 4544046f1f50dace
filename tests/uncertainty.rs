//! Uncertainty engine: distributions, Monte Carlo summaries, tornado and goal seek (MODEL.md).
#![allow(clippy::float_cmp)] // exact equality with the deterministic model is what several tests check

use cloudshift::model::uncertainty::{
    RunControl, SimulationError, SolveError, Statistic, draw_inputs, percentiles_by_sorting,
    profile, sensitivity, simulate, solve, solve_statistic, triangular_inverse_cdf,
};
use cloudshift::model::{
    Curve, Distribution, Market, Measure, Migration, Others, ParamPath, Provider, ProviderParam,
    Rgb, Scenario, Workload, WorkloadParam, project,
};
use proptest::prelude::*;

fn provider(name: &str, share: f64, drift: f64) -> Provider {
    Provider {
        name: name.to_owned(),
        color: Rgb([0, 0, 0]),
        share,
        drift_per_year: drift,
        margin: 0.2,
        margin_drift_per_year: 0.0,
        ev_sales: 5.0,
        company: None,
    }
}

/// One provider A (30%) and Others, no workload, one projected year.
fn tiny(uncertainty: Vec<(ParamPath, Distribution)>) -> Scenario {
    Scenario {
        name: "tiny".to_owned(),
        description: String::new(),
        base_year: 2025,
        horizon_years: 1,
        market: Market {
            size_usd_bn: 100.0,
            growth_start: 0.1,
            growth_end: 0.1,
        },
        halo: 0.0,
        halo_loss: None,
        valuation: None,
        providers: vec![provider("A", 0.3, 0.01)],
        others: Others {
            name: "Others".to_owned(),
            color: Rgb([1, 1, 1]),
            margin: 0.1,
            margin_drift_per_year: 0.0,
            ev_sales: 3.0,
        },
        workloads: Vec::new(),
        uncertainty,
        correlations: Vec::new(),
        monte_carlo: None,
        sources: Vec::new(),
    }
}

/// Baseline-like: five named providers, one workload moving off Azure, ten years.
fn baseline_like() -> Scenario {
    let mut s = tiny(Vec::new());
    s.horizon_years = 10;
    s.market = Market {
        size_usd_bn: 400.0,
        growth_start: 0.2,
        growth_end: 0.12,
    };
    s.halo = 0.5;
    s.providers = vec![
        provider("AWS", 0.30, -0.005),
        provider("Azure", 0.21, 0.004),
        provider("Google", 0.13, 0.007),
        provider("Oracle", 0.025, 0.003),
        provider("CoreWeave", 0.012, 0.002),
    ];
    s.workloads = vec![Workload {
        name: "OpenAI".to_owned(),
        spend_usd_bn: 15.0,
        growth_start: 0.9,
        growth_end: 0.1,
        margin: Some(0.2),
        //                AWS  Azure Google Oracle CoreWeave Others
        placement_base: vec![0.0, 0.85, 0.02, 0.03, 0.10, 0.0],
        placement_target: vec![0.3, 0.45, 0.05, 0.10, 0.10, 0.0],
        extent: 1.0,
        migration: Migration {
            start_year: 2026.0,
            duration_years: 3.0,
            curve: Curve::SCurve,
        },
    }];
    s.uncertainty = vec![
        (
            ParamPath::MarketGrowthStart,
            Distribution::Triangular {
                low: 0.15,
                high: 0.28,
            },
        ),
        (
            ParamPath::Workload(0, WorkloadParam::Extent),
            Distribution::Uniform {
                low: 0.3,
                high: 1.0,
            },
        ),
        (ParamPath::Halo, Distribution::Normal { sd: 0.2 }),
        (
            ParamPath::Workload(0, WorkloadParam::GrowthStart),
            Distribution::Triangular {
                low: 0.5,
                high: 1.2,
            },
        ),
        (
            ParamPath::Provider(0, ProviderParam::Drift),
            Distribution::Normal { sd: 0.003 },
        ),
    ];
    s
}

fn mean(values: &[f64]) -> f64 {
    values.iter().sum::<f64>() / values.len() as f64
}

/// 20,000 draws of the one uncertain input of `tiny` with `dist` on `path`.
fn draws(path: ParamPath, dist: Distribution, value: f64) -> Vec<f64> {
    let mut s = tiny(vec![(path, dist)]);
    path.set(&mut s, value);
    (0..20_000).map(|i| draw_inputs(&s, 7, i)[0].1).collect()
}

#[test]
fn triangular_draws_match_mean_and_quantiles() {
    // Triangular(a 0, c 0.05, b 0.2) on market.growth_start: mean (a + b + c) / 3 = 0.25 / 3.
    let dist = Distribution::Triangular {
        low: 0.0,
        high: 0.2,
    };
    let values = draws(ParamPath::MarketGrowthStart, dist, 0.05);
    assert!(
        (mean(&values) - 0.25 / 3.0).abs() < 0.002,
        "{}",
        mean(&values)
    );
    let p = percentiles_by_sorting(&values);
    for (got, prob) in p.iter().zip([0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95]) {
        let expected = triangular_inverse_cdf(0.0, 0.05, 0.2, prob);
        assert!(
            (got - expected).abs() < 0.004,
            "p{prob}: {got} vs {expected}"
        );
    }
}

#[test]
fn uniform_draws_match_mean_and_quantiles_and_ignore_the_value() {
    // Uniform(2, 6) on ev_sales, value 100 outside: mean 4, quantile 2 + 4p.
    let dist = Distribution::Uniform {
        low: 2.0,
        high: 6.0,
    };
    let values = draws(ParamPath::Provider(0, ProviderParam::EvSales), dist, 100.0);
    assert!((mean(&values) - 4.0).abs() < 0.03);
    let p = percentiles_by_sorting(&values);
    for (got, prob) in p.iter().zip([0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95]) {
        assert!((got - (2.0 + 4.0 * prob)).abs() < 0.05, "p{prob}: {got}");
    }
}

#[test]
fn normal_draws_match_mean_sd_and_quantiles() {
    // Normal(mean 0.5, sd 0.1) on halo, far from its bounds: P10/P90 = 0.5 -/+ 1.2815516 * 0.1.
    let values = draws(ParamPath::Halo, Distribution::Normal { sd: 0.1 }, 0.5);
    let m = mean(&values);
    let sd = (values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / values.len() as f64).sqrt();
    assert!((m - 0.5).abs() < 0.003, "{m}");
    assert!((sd - 0.1).abs() < 0.003, "{sd}");
    let p = percentiles_by_sorting(&values);
    assert!((p[1] - (0.5 - 0.128_155_16)).abs() < 0.005, "{p:?}");
    assert!((p[3] - 0.5).abs() < 0.004, "{p:?}");
    assert!((p[5] - (0.5 + 0.128_155_16)).abs() < 0.005, "{p:?}");
}

#[test]
fn draws_are_clamped_to_the_valid_range() {
    // Normal(sd 1) on halo at 0.1: about 46% of draws fall below 0 and are clamped to 0.
    let values = draws(ParamPath::Halo, Distribution::Normal { sd: 1.0 }, 0.1);
    assert!(values.iter().all(|v| (0.0..=10.0).contains(v)));
    let zeros = values.iter().filter(|v| **v == 0.0).count() as f64 / values.len() as f64;
    assert!((zeros - 0.46).abs() < 0.02, "{zeros}");
}

#[test]
fn no_uncertainty_gives_the_deterministic_value_everywhere() {
    let mut s = baseline_like();
    s.uncertainty.clear();
    let summary = simulate(&s, 1000, 1, &RunControl::default()).unwrap();
    let det = project(&s);
    for measure in Measure::UNCERTAIN {
        for t in 0..det.years {
            for p in 0..det.providers {
                let stats = summary.stats(measure, t, p).unwrap();
                let v = det.value(measure, t, p).unwrap();
                assert_eq!((stats.p5, stats.p50, stats.p95, stats.mean), (v, v, v, v));
            }
        }
    }
}

#[test]
fn outputs_no_draw_moves_report_exactly_the_deterministic_value() {
    // Only Others' EV/sales is uncertain: it moves Others' value at stake and nothing else.
    let mut s = baseline_like();
    s.uncertainty = vec![(
        ParamPath::Others(cloudshift::model::OthersParam::EvSales),
        Distribution::Normal { sd: 1.0 },
    )];
    let summary = simulate(&s, 500, 3, &RunControl::default()).unwrap();
    let det = project(&s);
    let others = s.others_index();
    for measure in Measure::UNCERTAIN {
        for t in 0..det.years {
            for p in 0..det.providers {
                let stats = summary.stats(measure, t, p).unwrap();
                let v = det.value(measure, t, p).unwrap();
                if measure == Measure::ValueAtStake && p == others && v != 0.0 {
                    assert!(stats.p95 > stats.p5, "t {t}");
                } else {
                    assert_eq!(stats.percentiles(), [v; 7], "{measure:?} t {t} p {p}");
                    assert_eq!(stats.mean, v);
                }
            }
        }
    }
}

#[test]
fn same_output_on_one_and_two_threads_and_repeatable() {
    let s = baseline_like();
    let run = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| simulate(&s, 3_001, 42, &RunControl::default()).unwrap())
    };
    let one = run(1);
    let two = run(2);
    assert_eq!(one, two);
    assert_eq!(one, run(2));
    let other_seed = simulate(&s, 3_001, 43, &RunControl::default()).unwrap();
    assert_ne!(one, other_seed);
}

#[test]
fn several_store_passes_give_the_same_result_as_one() {
    let s = baseline_like();
    let one = simulate(&s, 2_000, 11, &RunControl::default()).unwrap();
    // 40 series of 2,000 draws per pass: 264 stored series take 7 passes.
    let passes = profile::simulate_with_store_budget(&s, 2_000, 11, 40 * 2_000 * 4).unwrap();
    assert_eq!(one, passes);
}

#[test]
fn summary_matches_a_naive_computation() {
    // Re-run every draw by hand and compare mean and percentiles (sorting in f64).
    let s = baseline_like();
    let n = 700;
    let summary = simulate(&s, n, 9, &RunControl::default()).unwrap();
    let (t, p) = (6, 1); // Azure in 2031
    for measure in Measure::UNCERTAIN {
        let values: Vec<f64> = (0..u64::from(n))
            .map(|i| {
                let mut d = s.clone();
                for (path, value) in draw_inputs(&s, 9, i) {
                    path.set(&mut d, value);
                }
                project(&d).value(measure, t, p).unwrap()
            })
            .collect();
        let stats = summary.stats(measure, t, p).unwrap();
        let expected = percentiles_by_sorting(&values);
        let scale = values
            .iter()
            .fold(0.0_f64, |m, v| m.max(v.abs()))
            .max(1e-12);
        assert!(
            (stats.mean - mean(&values)).abs() <= 1e-12 * scale,
            "{measure:?}"
        );
        for (got, want) in stats.percentiles().iter().zip(expected) {
            // Deltas are stored as f32: error about 1e-7 of the spread.
            assert!(
                (got - want).abs() <= 1e-6 * scale,
                "{measure:?}: {got} vs {want}"
            );
        }
    }
}

#[test]
fn cancel_stops_a_run_and_bad_sample_counts_are_errors() {
    let s = baseline_like();
    let control = RunControl::new();
    control.cancel();
    assert_eq!(
        simulate(&s, 1_000_000, 1, &control),
        Err(SimulationError::Cancelled)
    );
    assert_eq!(
        simulate(&s, 0, 1, &RunControl::default()),
        Err(SimulationError::Samples(0))
    );
    assert_eq!(
        simulate(&s, 1_000_001, 1, &RunControl::default()),
        Err(SimulationError::Samples(1_000_001))
    );
    let control = RunControl::new();
    simulate(&s, 1000, 1, &control).unwrap();
    assert_eq!(control.progress.done(), 1000);
    assert_eq!(control.fraction_done(), 1.0);
}

#[test]
fn cancel_from_another_thread_stops_a_million_draw_run_promptly() {
    let s = baseline_like();
    let control = RunControl::new();
    let watcher = control.clone();
    let started = std::time::Instant::now();
    let result = std::thread::scope(|scope| {
        let run = scope.spawn(|| simulate(&s, 1_000_000, 5, &control));
        while watcher.progress.done() == 0 {
            std::thread::yield_now();
        }
        watcher.cancel();
        run.join().unwrap()
    });
    assert_eq!(result, Err(SimulationError::Cancelled));
    assert!(watcher.fraction_done() < 0.5, "{}", watcher.fraction_done());
    assert!(started.elapsed().as_secs() < 20);
}

#[test]
fn hand_built_tornado() {
    // tiny: M0 100, A's q = 0.3, no workloads, H = 1; 2026 revenue of A = (0.3 + drift) * 100 * (1 + g).
    let s = tiny(vec![
        (ParamPath::Halo, Distribution::Normal { sd: 0.5 }),
        (
            ParamPath::Provider(0, ProviderParam::Drift),
            Distribution::Triangular {
                low: -0.01,
                high: 0.03,
            },
        ),
        (
            ParamPath::Provider(0, ProviderParam::EvSales),
            Distribution::Normal { sd: 1.0 },
        ),
        (
            ParamPath::MarketGrowthStart,
            Distribution::Uniform {
                low: 0.0,
                high: 0.2,
            },
        ),
    ]);
    let bars = sensitivity(&s, 0, Measure::Revenue, 2026).unwrap();
    let order: Vec<ParamPath> = bars.iter().map(|b| b.path).collect();
    assert_eq!(
        order,
        [
            ParamPath::MarketGrowthStart,
            ParamPath::Provider(0, ProviderParam::Drift),
            ParamPath::Halo, // swing 0: no workload to win; before EV/sales as in the file
            ParamPath::Provider(0, ProviderParam::EvSales),
        ]
    );
    let close = |a: f64, b: f64| (a - b).abs() < 1e-12;
    // Growth Uniform(0, 0.2): P10 0.02, P90 0.18; revenue 0.31 * 102 = 31.62 and 0.31 * 118 = 36.58.
    let g = bars[0];
    assert!(close(g.low_input, 0.02) && close(g.high_input, 0.18));
    assert!(close(g.low_output, 31.62) && close(g.high_output, 36.58) && close(g.swing, 4.96));
    // Drift Triangular(-0.01, mode 0.01, 0.03): F(c) = 0.5; P10 = -0.01 + sqrt(0.1 * 0.04 * 0.02)
    // = -0.01 + sqrt(8e-5) = -0.001 055 728; P90 = 0.03 - sqrt(8e-5) = 0.021 055 728.
    // Revenue (0.3 + d) * 110: swing 110 * (0.04 - 2 sqrt(8e-5)) = 2.432 260 0...
    let d = bars[1];
    let root = 8e-5_f64.sqrt();
    assert!(close(d.low_input, -0.01 + root) && close(d.high_input, 0.03 - root));
    assert!(close(d.swing, 110.0 * (0.04 - 2.0 * root)));
    assert!((d.swing - 2.432_26).abs() < 1e-5);
    // Halo Normal(sd 0.5) at 0: P10 = -0.64 clamped to 0, P90 = 1.2815516 * 0.5.
    let h = bars[2];
    assert_eq!(
        (h.low_input, h.high_input, h.swing),
        (0.0, 0.640_775_8, 0.0)
    );
    // Value at stake of A is 0 without workloads, and EV/sales moves nothing else.
    assert_eq!(bars[3].swing, 0.0);
    assert!(sensitivity(&s, 2, Measure::Revenue, 2026).is_err());
    assert!(sensitivity(&s, 0, Measure::Revenue, 2027).is_err());
}

#[test]
fn goal_seek_finds_a_known_root() {
    // 2026 revenue of A = 0.31 * 100 * (1 + g): 37.2 needs g = 0.2.
    let s = tiny(Vec::new());
    let g = solve(
        &s,
        ParamPath::MarketGrowthStart,
        0,
        Measure::Revenue,
        2026,
        37.2,
    )
    .unwrap();
    assert!((g - 0.2).abs() < 1e-9, "{g}");
    let mut check = s.clone();
    check.market.growth_start = g;
    let revenue = project(&check).value(Measure::Revenue, 1, 0).unwrap();
    assert!((revenue - 37.2).abs() <= 1e-9 * 37.2);
    // Already on target: the current value.
    assert_eq!(
        solve(
            &s,
            ParamPath::MarketGrowthStart,
            0,
            Measure::Revenue,
            2026,
            34.1
        ),
        Ok(0.1)
    );
}

#[test]
fn goal_seek_reports_targets_out_of_reach_and_bad_requests() {
    // g in -0.9..=5: revenue from 0.31 * 10 = 3.1 to 0.31 * 600 = 186.
    let s = tiny(Vec::new());
    match solve(
        &s,
        ParamPath::MarketGrowthStart,
        0,
        Measure::Revenue,
        2026,
        200.0,
    ) {
        Err(SolveError::OutOfReach {
            min_output,
            max_output,
            ..
        }) => {
            assert!((min_output - 3.1).abs() < 1e-9 && (max_output - 186.0).abs() < 1e-9);
        }
        other => panic!("{other:?}"),
    }
    let b = baseline_like();
    let placement = ParamPath::Workload(0, WorkloadParam::PlacementBase);
    assert!(matches!(
        solve(&b, placement, 0, Measure::Revenue, 2030, 1.0),
        Err(SolveError::Observation { .. })
    ));
    let mut no_margin = b.clone();
    no_margin.workloads[0].margin = None;
    let margin = ParamPath::Workload(0, WorkloadParam::Margin);
    assert!(matches!(
        solve(&no_margin, margin, 0, Measure::Revenue, 2030, 1.0),
        Err(SolveError::NotScalar { .. })
    ));
    assert!(matches!(
        solve(&b, ParamPath::MarketSize, 0, Measure::Revenue, 2030, 1.0),
        Err(SolveError::Observation { .. })
    ));
    assert!(matches!(
        solve(&b, ParamPath::Halo, 9, Measure::Revenue, 2030, 1.0),
        Err(SolveError::Output(_))
    ));
}

#[test]
fn goal_seek_handles_steps_and_non_monotone_outputs() {
    // A Step migration: AWS's 2030 workload revenue jumps when the start year passes 2027.
    let mut s = baseline_like();
    s.workloads[0].migration.curve = Curve::Step;
    let start = ParamPath::Workload(0, WorkloadParam::StartYear);
    let det = |year: f64| {
        let mut d = s.clone();
        d.workloads[0].migration.start_year = year;
        project(&d).value(Measure::WorkloadRevenue, 5, 0).unwrap()
    };
    let (before, after) = (det(2026.0), det(2028.0));
    assert!(before > after && after == 0.0);
    match solve(&s, start, 0, Measure::WorkloadRevenue, 2030, before / 2.0) {
        Err(SolveError::Jump { param_value, .. }) => {
            assert!((param_value - 2027.0).abs() < 1e-6, "{param_value}");
        }
        other => panic!("{other:?}"),
    }
    // Hitting a level on the step is fine: any value does; the current one is returned.
    assert_eq!(
        solve(&s, start, 0, Measure::WorkloadRevenue, 2030, before),
        Ok(2026.0)
    );
    // Azure's 2030 revenue delta is zero at extent 0 and negative otherwise: a root at the bound.
    let extent = ParamPath::Workload(0, WorkloadParam::Extent);
    let e = solve(
        &baseline_like(),
        extent,
        1,
        Measure::RevenueDelta,
        2030,
        0.0,
    )
    .unwrap();
    assert!(e.abs() < 1e-9, "{e}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn percentiles_are_ordered_and_never_nan(
        seed in any::<u64>(),
        samples in 100_u32..600,
        halo_sd in 0.01_f64..3.0,
        low in -0.9_f64..0.2,
        width in 0.01_f64..2.0,
    ) {
        let mut s = baseline_like();
        s.uncertainty.push((ParamPath::Workload(0, WorkloadParam::DurationYears), Distribution::Normal { sd: 2.0 }));
        s.uncertainty[2].1 = Distribution::Normal { sd: halo_sd };
        s.uncertainty[0].1 = Distribution::Uniform { low, high: low + width };
        let summary = simulate(&s, samples, seed, &RunControl::default()).unwrap();
        for measure in Measure::UNCERTAIN {
            for stats in summary.series(measure).unwrap() {
                let p = stats.percentiles();
                prop_assert!(p.iter().chain([&stats.mean]).all(|v| v.is_finite()));
                prop_assert!(p.windows(2).all(|w| w[0] <= w[1]), "{p:?}");
            }
        }
    }
}

#[test]
fn outputs_beyond_f32_range_are_summarised_exactly() {
    // A $1e6B market growing 500% a year for 50 years reaches ~1e44: deltas overflow f32, so
    // those series take the exact f64 path. Compare with a naive run of every draw.
    let text = include_str!("data/edge-extreme.ron");
    let s = cloudshift::scenario::load_str(text, "edge-extreme.ron").unwrap();
    let n = 300;
    let summary = simulate(&s, n, 5, &RunControl::default()).unwrap();
    for measure in Measure::UNCERTAIN {
        for stats in summary.series(measure).unwrap() {
            assert!(stats.mean.is_finite(), "{measure:?}: {stats:?}");
            assert!(
                stats.percentiles().iter().all(|v| v.is_finite()),
                "{measure:?}"
            );
        }
    }
    let (t, p) = (50, 0);
    let values: Vec<f64> = (0..u64::from(n))
        .map(|i| {
            let mut d = s.clone();
            for (path, value) in draw_inputs(&s, 5, i) {
                path.set(&mut d, value);
            }
            project(&d).value(Measure::Revenue, t, p).unwrap()
        })
        .collect();
    assert!(
        values.iter().any(|v| v.abs() > 2.0 * f64::from(f32::MAX)),
        "the test needs values past f32's range"
    );
    let stats = summary.stats(Measure::Revenue, t, p).unwrap();
    let scale = values.iter().fold(0.0_f64, |m, v| m.max(v.abs()));
    assert!((stats.mean - mean(&values)).abs() <= 1e-12 * scale);
    for (got, want) in stats
        .percentiles()
        .iter()
        .zip(percentiles_by_sorting(&values))
    {
        assert!((got - want).abs() <= 1e-12 * scale, "{got} vs {want}");
    }
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| simulate(&s, n, 5, &RunControl::default()).unwrap());
    assert_eq!(one_thread, summary, "same output on one thread");
}

/// Every value of `measure` at year index `t`, provider `p`, over draws `0..n`, by hand.
fn naive_values(s: &Scenario, seed: u64, n: u32, measure: Measure, t: usize, p: usize) -> Vec<f64> {
    (0..u64::from(n))
        .map(|i| {
            let mut d = s.clone();
            for (path, value) in draw_inputs(s, seed, i) {
                path.set(&mut d, value);
            }
            project(&d).value(measure, t, p).unwrap_or(f64::NAN)
        })
        .collect()
}

#[test]
fn percentiles_are_the_exact_order_statistics() {
    // No f32 rounding any more: bit-identical to sorting every draw's f64 value.
    let s = baseline_like();
    let n = 701;
    let summary = simulate(&s, n, 9, &RunControl::default()).unwrap();
    for (t, p) in [(6, 1), (10, 0), (3, 5)] {
        for measure in Measure::UNCERTAIN {
            let values = naive_values(&s, 9, n, measure, t, p);
            let stats = summary.stats(measure, t, p).unwrap();
            assert_eq!(
                stats.percentiles(),
                percentiles_by_sorting(&values),
                "{measure:?} t {t} p {p}"
            );
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            // n = 701: ranks floor(350.5 - 0.98 sqrt 701) = 324 and ceil(1 + 350.5 + 25.95) = 378.
            assert_eq!(
                (stats.median_low, stats.median_high),
                (sorted[323], sorted[377])
            );
            let m = mean(&values);
            assert!(
                (stats.mean - m).abs() <= 1e-13 * m.abs().max(1e-9),
                "{measure:?}"
            );
            let sd =
                (values.iter().map(|v| (v - m).powi(2)).sum::<f64>() / f64::from(n - 1)).sqrt();
            let se = sd / f64::from(n).sqrt();
            assert!(
                (stats.std_error - se).abs() <= 1e-9 * se.max(1e-12),
                "{measure:?}"
            );
        }
    }
}

#[test]
fn identical_draws_give_exactly_their_value() {
    // Extent drawn from Uniform(1.5, 2) is always clamped to 1; the file's value is 0.5. Every
    // draw is the same run, away from the deterministic one: each statistic is its value exactly.
    let mut s = baseline_like();
    s.workloads[0].extent = 0.5;
    s.uncertainty = vec![(
        ParamPath::Workload(0, WorkloadParam::Extent),
        Distribution::Uniform {
            low: 1.5,
            high: 2.0,
        },
    )];
    let mut drawn = s.clone();
    drawn.workloads[0].extent = 1.0;
    let expected = project(&drawn);
    let summary = simulate(&s, 1_000, 4, &RunControl::default()).unwrap();
    for measure in Measure::UNCERTAIN {
        for t in 0..expected.years {
            for p in 0..expected.providers {
                let v = expected.value(measure, t, p).unwrap();
                let stats = summary.stats(measure, t, p).unwrap();
                assert_eq!(stats.percentiles(), [v; 7], "{measure:?} t {t} p {p}");
                assert_eq!((stats.mean, stats.std_error), (v, 0.0));
                assert_eq!((stats.median_low, stats.median_high), (v, v));
            }
        }
    }
}

#[test]
fn many_waves_and_later_passes_are_exact_and_thread_independent() {
    // 40,000 draws of some 300 stored series: about forty waves of pass one (and the last one
    // partial), the next wave drawn while the last is taken in. A 64 KiB budget stops every
    // series collecting in pass one, so passes two and three (split bins, groups) do the work.
    let s = baseline_like();
    let n = 40_000;
    let run = |threads: usize, budget: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| profile::simulate_with_store_budget(&s, n, 21, budget).unwrap())
    };
    let one_pass = run(2, 128 << 20);
    let passes = run(2, 64 << 10);
    assert_eq!(one_pass, passes);
    assert_eq!(one_pass, run(1, 128 << 20));
    assert_eq!(passes, run(1, 64 << 10));
    for measure in [Measure::Revenue, Measure::ValueAtStake] {
        let values = naive_values(&s, 21, n, measure, 10, 0);
        let stats = one_pass.stats(measure, 10, 0).unwrap();
        assert_eq!(
            stats.percentiles(),
            percentiles_by_sorting(&values),
            "{measure:?}"
        );
    }
}

#[test]
fn point_masses_at_the_extremes_are_exact() {
    // Halo Normal(sd 1) at 0.1 is clamped to 0 in about 46% of draws. With a large negative
    // drift AWS's rest-of-market share hits 0 in some draws too. Compare every AWS series.
    let mut s = baseline_like();
    s.halo = 0.1;
    s.providers[0].drift_per_year = -0.04;
    s.uncertainty = vec![
        (ParamPath::Halo, Distribution::Normal { sd: 1.0 }),
        (
            ParamPath::Provider(0, ProviderParam::Drift),
            Distribution::Normal { sd: 0.01 },
        ),
    ];
    let n = 3_000;
    let summary = profile::simulate_with_store_budget(&s, n, 2, 32 << 10).unwrap();
    for measure in Measure::UNCERTAIN {
        let values = naive_values(&s, 2, n, measure, 10, 0);
        let stats = summary.stats(measure, 10, 0).unwrap();
        assert_eq!(
            stats.percentiles(),
            percentiles_by_sorting(&values),
            "{measure:?}"
        );
    }
}

#[test]
fn goal_seek_on_a_percentile_at_a_fixed_seed() {
    // tiny: A's 2026 revenue is (0.3 + d) * 100 * (1 + g) with the drift d uncertain and g the
    // market's growth. Scaling by 100 (1 + g) > 0 keeps the order of the draws, so
    // P50 = 100 (1 + g) * P50(0.3 + d): the g that gives P50 = 40 is 40 / (100 m) - 1, m the
    // median of the drawn 0.3 + d.
    let s = tiny(vec![(
        ParamPath::Provider(0, ProviderParam::Drift),
        Distribution::Normal { sd: 0.01 },
    )]);
    let n = 501;
    let shares: Vec<f64> = (0..u64::from(n))
        .map(|i| 0.3 + draw_inputs(&s, 3, i)[0].1)
        .collect();
    let m = percentiles_by_sorting(&shares)[3];
    let expected = 40.0 / (100.0 * m) - 1.0;
    let g = solve_statistic(
        &s,
        ParamPath::MarketGrowthStart,
        0,
        Measure::Revenue,
        2026,
        40.0,
        Statistic::P50,
        n,
        3,
    )
    .unwrap();
    assert!((g - expected).abs() < 1e-8, "{g} vs {expected}");
    // The deterministic solve gives another answer: 40 / 31 - 1.
    let deterministic = solve(
        &s,
        ParamPath::MarketGrowthStart,
        0,
        Measure::Revenue,
        2026,
        40.0,
    );
    assert!((deterministic.unwrap() - (40.0 / 31.0 - 1.0)).abs() < 1e-8);
    // Measures Monte Carlo does not summarise are refused.
    assert!(matches!(
        solve_statistic(
            &s,
            ParamPath::MarketGrowthStart,
            0,
            Measure::WorkloadRevenue,
            2026,
            1.0,
            Statistic::Mean,
            n,
            3
        ),
        Err(SolveError::NotSummarised { .. })
    ));
}
