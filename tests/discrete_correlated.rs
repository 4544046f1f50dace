//! Version 2 uncertainty (MODEL.md): Discrete values, Outcomes (alternative placement targets)
//! and correlated inputs by a Gaussian copula: their files, their refusals, their draws, the
//! tornado and the Monte Carlo summary against a draw-by-draw computation.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)] // tests fail loudly

use cloudshift::model::uncertainty::{
    RunControl, drawn_scenario, percentiles_by_sorting, sensitivity, simulate,
};
use cloudshift::model::{
    Correlation, Distribution, Measure, ParamPath, Scenario, WorkloadParam, project,
};
use cloudshift::scenario::{load_path, load_str, to_ron_string};

fn shipped(name: &str) -> Scenario {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    load_path(&dir.join(name)).unwrap()
}

/// The shipped scenario with two outcomes, its halo made Discrete and two correlations.
fn every_kind() -> Scenario {
    let mut s = shipped("openai-diversifies.ron");
    let halo = s
        .uncertainty
        .iter_mut()
        .find(|(p, _)| *p == ParamPath::Halo)
        .unwrap();
    halo.1 = Distribution::Discrete {
        values: vec![0.2, 0.5, 0.8],
        probabilities: vec![0.3, 0.5, 0.2],
    };
    s.correlations = vec![
        Correlation {
            a: ParamPath::MarketGrowthStart,
            b: ParamPath::Workload(0, WorkloadParam::GrowthStart),
            rho: 0.7,
        },
        Correlation {
            a: ParamPath::Workload(0, WorkloadParam::PlacementTarget),
            b: ParamPath::Workload(0, WorkloadParam::Extent),
            rho: -0.5,
        },
        Correlation {
            a: ParamPath::Halo,
            b: ParamPath::MarketGrowthStart,
            rho: 0.3,
        },
    ];
    cloudshift::scenario::check(&s).unwrap();
    s
}

/// Spearman's rank correlation of two equally long samples (ties get their average rank).
fn rank_correlation(x: &[f64], y: &[f64]) -> f64 {
    fn ranks(v: &[f64]) -> Vec<f64> {
        let mut order: Vec<usize> = (0..v.len()).collect();
        order.sort_by(|a, b| v[*a].total_cmp(&v[*b]));
        let mut r = vec![0.0; v.len()];
        let mut i = 0;
        while i < order.len() {
            let mut j = i;
            while j + 1 < order.len() && v[order[j + 1]] == v[order[i]] {
                j += 1;
            }
            let average = (i + j) as f64 / 2.0;
            for k in &order[i..=j] {
                r[*k] = average;
            }
            i = j + 1;
        }
        r
    }
    let (rx, ry) = (ranks(x), ranks(y));
    let n = x.len() as f64;
    let mx = rx.iter().sum::<f64>() / n;
    let my = ry.iter().sum::<f64>() / n;
    let cov: f64 = rx.iter().zip(&ry).map(|(a, b)| (a - mx) * (b - my)).sum();
    let vx: f64 = rx.iter().map(|a| (a - mx).powi(2)).sum();
    let vy: f64 = ry.iter().map(|b| (b - my).powi(2)).sum();
    cov / (vx * vy).sqrt()
}

#[test]
fn the_copula_gives_the_rank_correlation_of_its_rho() {
    let mut s = shipped("openai-diversifies.ron");
    s.correlations = Vec::new();
    let a = ParamPath::MarketGrowthStart;
    let b = ParamPath::Workload(0, WorkloadParam::Extent);
    for rho in [0.6, -0.4, 0.9] {
        s.correlations = vec![Correlation { a, b, rho }];
        cloudshift::scenario::check(&s).unwrap();
        let (mut xs, mut ys) = (Vec::new(), Vec::new());
        for i in 0..20_000 {
            let d = drawn_scenario(&s, 11, i);
            xs.push(a.get(&d).unwrap());
            ys.push(b.get(&d).unwrap());
        }
        let want = 6.0 / std::f64::consts::PI * (rho / 2.0_f64).asin();
        let got = rank_correlation(&xs, &ys);
        // Standard error of Spearman's rho at n = 20,000 is about 0.007.
        assert!((got - want).abs() < 0.025, "rho {rho}: {got} vs {want}");
    }
    // An input in no pair keeps its independent draws: the halo stays uncorrelated.
    let halo: Vec<f64> = (0..20_000)
        .map(|i| drawn_scenario(&s, 11, i).halo)
        .collect();
    let growth: Vec<f64> = (0..20_000)
        .map(|i| a.get(&drawn_scenario(&s, 11, i)).unwrap())
        .collect();
    assert!(rank_correlation(&halo, &growth).abs() < 0.03);
}

#[test]
fn without_correlations_the_draws_are_those_of_version_1() {
    // The same uniforms, unchanged: a file without `correlations` draws bit for bit as before.
    let s = shipped("openai-moves-to-aws.ron");
    assert!(s.correlations.is_empty());
    let mut with_empty_pair_list = s.clone();
    with_empty_pair_list.correlations.clear();
    for i in [0, 1, 77, 9_999] {
        assert_eq!(
            drawn_scenario(&s, 42, i),
            drawn_scenario(&with_empty_pair_list, 42, i)
        );
    }
}

#[test]
fn discrete_draws_take_each_value_with_its_probability() {
    let s = every_kind();
    let n = 20_000;
    let mut counts = [0_u32; 3];
    for i in 0..n {
        let halo = drawn_scenario(&s, 3, i).halo;
        let k = [0.2, 0.5, 0.8]
            .iter()
            .position(|v| *v == halo)
            .expect("one of the values");
        counts[k] += 1;
    }
    for (count, p) in counts.iter().zip([0.3, 0.5, 0.2]) {
        let share = f64::from(*count) / n as f64;
        assert!((share - p).abs() < 0.015, "{counts:?}");
    }
}

#[test]
fn outcomes_pick_each_target_with_its_probability_and_the_projection_keeps_the_files() {
    let s = shipped("openai-diversifies.ron");
    let Some(Distribution::Outcomes(outcomes)) =
        s.distribution(ParamPath::Workload(0, WorkloadParam::PlacementTarget))
    else {
        panic!("the shipped scenario has outcomes");
    };
    assert_eq!(outcomes.len(), 2);
    assert_eq!(outcomes[0].probability, 0.6);
    let n = 20_000;
    let second = (0..n)
        .filter(|i| {
            let target = &drawn_scenario(&s, 5, *i).workloads[0].placement_target;
            assert!(outcomes.iter().any(|o| &o.target == target));
            target == &outcomes[1].target
        })
        .count();
    assert!((second as f64 / n as f64 - 0.4).abs() < 0.015, "{second}");
    // The single run keeps the file's target.
    let summary = simulate(&s, 1_000, 5, &RunControl::default()).unwrap();
    assert_eq!(summary.deterministic, project(&s));
}

#[test]
fn the_tornado_of_outcomes_names_the_lowest_and_highest_outcome() {
    let s = shipped("openai-diversifies.ron");
    let path = ParamPath::Workload(0, WorkloadParam::PlacementTarget);
    let aws = s.provider_index("AWS").unwrap();
    let bars = sensitivity(&s, aws, Measure::Revenue, 2030).unwrap();
    let bar = bars
        .iter()
        .find(|b| b.path == path)
        .expect("a bar for the outcomes");
    // Outcome 2 (the AWS partnership) gives AWS more revenue than outcome 1.
    assert_eq!((bar.low_input, bar.high_input), (1.0, 2.0));
    let Some(Distribution::Outcomes(outcomes)) = s.distribution(path) else {
        unreachable!()
    };
    for (k, output) in [(0, bar.low_output), (1, bar.high_output)] {
        let mut trial = s.clone();
        trial.workloads[0]
            .placement_target
            .clone_from(&outcomes[k].target);
        let t = (2030 - s.base_year) as usize;
        assert_eq!(
            project(&trial).value(Measure::Revenue, t, aws),
            Some(output)
        );
    }
    assert_eq!(bar.swing, (bar.high_output - bar.low_output).abs());
}

#[test]
fn simulate_with_every_kind_equals_a_draw_by_draw_computation() {
    let s = every_kind();
    let n = 1_001;
    let summary = simulate(&s, n, 8, &RunControl::default()).unwrap();
    let aws = s.provider_index("AWS").unwrap();
    let azure = s.provider_index("Azure").unwrap();
    for (measure, t, p) in [
        (Measure::Revenue, 5, aws),
        (Measure::Share, 10, azure),
        (Measure::RevenueDelta, 3, aws),
    ] {
        let values: Vec<f64> = (0..u64::from(n))
            .map(|i| {
                project(&drawn_scenario(&s, 8, i))
                    .value(measure, t, p)
                    .unwrap()
            })
            .collect();
        let stats = summary.stats(measure, t, p).unwrap();
        assert_eq!(stats.percentiles(), percentiles_by_sorting(&values));
        let mean = values.iter().sum::<f64>() / f64::from(n);
        assert!((stats.mean - mean).abs() <= 1e-12 * mean.abs().max(1.0));
    }
    // Byte-for-byte the same on one thread.
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| simulate(&s, n, 8, &RunControl::default()).unwrap());
    assert_eq!(one_thread, summary);
}

#[test]
fn discrete_outcomes_and_correlations_survive_a_round_trip_through_the_file() {
    let s = every_kind();
    let text = to_ron_string(&s).unwrap();
    assert!(text.contains("\"halo\": Discrete("), "{text}");
    assert!(text.contains("Outcomes(["));
    assert!(text.contains("correlations: ["));
    let back = load_str(&text, "round-trip.ron").unwrap();
    assert_eq!(back, s);
}

/// The shipped file's text with `extra` inserted before `monte_carlo`.
fn with_extra(extra: &str) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let text = std::fs::read_to_string(dir.join("openai-diversifies.ron")).unwrap();
    text.replace("    monte_carlo:", &format!("{extra}\n    monte_carlo:"))
}

fn error_of(text: &str) -> String {
    load_str(text, "bad.ron").unwrap_err().to_string()
}

#[test]
fn correlations_that_cannot_hold_together_are_refused() {
    let text = with_extra(
        r#"    correlations: [
        (a: "market.growth_start", b: "halo", rho: 0.9),
        (a: "halo", b: "workloads[OpenAI].extent", rho: 0.9),
        (a: "market.growth_start", b: "workloads[OpenAI].extent", rho: -0.9),
    ],"#,
    );
    let message = error_of(&text);
    assert!(message.contains("cannot hold together"), "{message}");
    assert!(message.starts_with("bad.ron"), "{message}");
}

#[test]
fn each_kind_of_bad_correlation_or_discrete_input_says_what_is_wrong() {
    let cases = [
        (
            r#"    correlations: [(a: "halo", b: "halo", rho: 0.5)],"#,
            "a and b must differ",
        ),
        (
            r#"    correlations: [(a: "halo", b: "market.growth_end", rho: 1.2)],"#,
            "-0.99..=0.99",
        ),
        (
            r#"    correlations: [(a: "halo", b: "providers[AWS].margin", rho: 0.2)],"#,
            "has no distribution",
        ),
        (
            r#"    correlations: [(a: "halo", b: "market.growth_end", rho: 0.2), (a: "market.growth_end", b: "halo", rho: 0.1)],"#,
            "listed twice",
        ),
        (
            r#"    correlations: [(a: "halo", b: "market.bogus", rho: 0.2)],"#,
            "unknown parameter path",
        ),
    ];
    for (extra, want) in cases {
        let message = error_of(&with_extra(extra));
        assert!(message.contains(want), "{extra}: {message}");
    }
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let text = std::fs::read_to_string(dir.join("openai-diversifies.ron")).unwrap();
    let replace = |from: &str, to: &str| {
        assert!(text.contains(from), "{from}");
        error_of(&text.replace(from, to))
    };
    let halo = r#""halo": Uniform(low: 0.0, high: 1.0),"#;
    for (to, want) in [
        (
            r#""halo": Discrete(values: [0.1, 0.2], probabilities: [0.5, 0.4]),"#,
            "add up to 0.9",
        ),
        (
            r#""halo": Discrete(values: [0.1, 0.2], probabilities: [1.0]),"#,
            "2 values but 1 probabilities",
        ),
        (
            r#""halo": Discrete(values: [0.1, 20.0], probabilities: [0.5, 0.5]),"#,
            "value 2",
        ),
        (
            r#""halo": Discrete(values: [], probabilities: []),"#,
            "1 to 32",
        ),
        (
            r#""halo": Discrete(values: [0.1, 0.2], probabilities: [1.0, 0.0]),"#,
            "above 0",
        ),
        (
            r#""halo": Outcomes([(probability: 1.0, target: {"AWS": 1.0})]),"#,
            "belongs only to",
        ),
    ] {
        let message = replace(halo, to);
        assert!(message.contains(want), "{to}: {message}");
    }
    let message = replace(
        "(probability: 0.4, target: {",
        "(probability: 0.3, target: {",
    );
    assert!(message.contains("probabilities add up to 0.9"), "{message}");
    let message = replace(r#""AWS": 0.4, "CoreWeave""#, r#""AWS": 0.5, "CoreWeave""#);
    assert!(message.contains("outcome 2 target"), "{message}");
    let message = replace(
        r#""Azure": 0.3, "Oracle": 0.25"#,
        r#""Amazon": 0.3, "Oracle": 0.25"#,
    );
    assert!(message.contains("names provider \"Amazon\""), "{message}");
    // Probabilities a rounding away from 1 are scaled, as placements are.
    let s = load_str(
        &text.replace(
            "(probability: 0.4, target: {",
            "(probability: 0.402, target: {",
        ),
        "near.ron",
    )
    .unwrap();
    let Some(Distribution::Outcomes(o)) =
        s.distribution(ParamPath::Workload(0, WorkloadParam::PlacementTarget))
    else {
        unreachable!()
    };
    assert!((o[0].probability + o[1].probability - 1.0).abs() < 1e-15);
}

#[test]
fn a_version_1_file_may_not_use_version_2_uncertainty() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let text = std::fs::read_to_string(dir.join("openai-diversifies.ron")).unwrap();
    // Version 1 with the valuation fields would fail on those first: test the outcomes alone on
    // a file whose version 2 parts are only the outcomes.
    let v1 = text.replace("version: 2", "version: 1");
    let message = error_of(&v1);
    assert!(message.contains("format version 2"), "{message}");
}

#[test]
fn removing_a_workload_drops_the_correlations_of_its_inputs_and_keeps_the_rest() {
    let s = every_kind();
    let removed = cloudshift::edits::apply(&s, &cloudshift::edits::Edit::RemoveWorkload(0));
    // Only the pair of market growth and halo names no input of the removed workload.
    assert_eq!(
        removed.correlations,
        vec![Correlation {
            a: ParamPath::Halo,
            b: ParamPath::MarketGrowthStart,
            rho: 0.3,
        }]
    );
    // Removing a provider keeps every pair: none names a provider's input.
    let fewer = cloudshift::edits::apply(&s, &cloudshift::edits::Edit::RemoveProvider(0));
    assert_eq!(fewer.correlations, s.correlations);
}
