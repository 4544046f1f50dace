//! Values at the edges on the real binary: placement tolerance, non-finite results, exact
//! percentiles and the thread cap (issue 12, classes 5, 6, 10 and 11).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod cli_support;

use cli_support::{
    assert_one_line_error, bin, run, run_command, stderr, stdout, temp_dir, write_scenario,
};

const BASE: &str = r#"placement_base: {"A": 0.5, "Others": 0.5}"#;

#[test]
fn placements_within_the_tolerance_are_accepted_at_both_ends() {
    let dir = temp_dir("tolerance");
    for (i, base) in [
        r#"placement_base: {"A": 0.5, "Others": 0.495}"#,
        r#"placement_base: {"A": 0.5, "Others": 0.505}"#,
        r#"placement_base: {"A": 0.995}"#,
        r#"placement_base: {"A": 1.005}"#,
        r#"placement_base: {"A": 1.004}"#,
        r#"placement_base: {"A": 1.0000000000000002}"#,
    ]
    .iter()
    .enumerate()
    {
        let file = write_scenario(&dir, &format!("ok{i}.ron"), &[(BASE, base)]);
        let out = run(&["validate", file.to_str().unwrap()]);
        assert!(out.status.success(), "{base}: {}", stderr(&out));
    }
    for (i, base) in [
        r#"placement_base: {"A": 0.5, "Others": 0.494}"#,
        r#"placement_base: {"A": 1.006}"#,
    ]
    .iter()
    .enumerate()
    {
        let file = write_scenario(&dir, &format!("bad{i}.ron"), &[(BASE, base)]);
        let out = run(&["validate", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{base}");
        assert!(
            stderr(&out).contains("placement_base"),
            "{base}: {}",
            stderr(&out)
        );
    }
    // The message states the tolerance it applies.
    let file = write_scenario(
        &dir,
        "far.ron",
        &[(BASE, r#"placement_base: {"A": 0.5, "Others": 0.4}"#)],
    );
    let out = run(&["validate", file.to_str().unwrap()]);
    assert_one_line_error(&out, "within 0.005", "far off");
}

fn no_nan_or_inf(out: &std::process::Output, what: &str) {
    let all = format!("{}{}", stdout(out), stderr(out)).to_lowercase();
    assert!(
        !all.contains("nan") && !all.contains("inf"),
        "{what}: {all}"
    );
}

#[test]
fn a_market_that_would_underflow_is_refused_by_name() {
    let dir = temp_dir("underflow");
    let shrinking = "market: (size: 1e-300, growth_start: -0.9, growth_end: -0.9)";
    let file = write_scenario(
        &dir,
        "tiny.ron",
        &[
            (
                "market: (size: 100.0, growth_start: 0.1, growth_end: 0.1)",
                shrinking,
            ),
            ("horizon_years: 5", "horizon_years: 50"),
            ("spend: 10.0", "spend: 1e-301"),
        ],
    );
    let out = run(&["project", file.to_str().unwrap(), "--format", "csv"]);
    assert_one_line_error(&out, "market.size", "tiny market");
    no_nan_or_inf(&out, "tiny market");
}

#[test]
fn the_smallest_valid_market_shrinking_for_50_years_stays_finite_everywhere() {
    let dir = temp_dir("smallest");
    let file = write_scenario(
        &dir,
        "smallest.ron",
        &[
            (
                "market: (size: 100.0, growth_start: 0.1, growth_end: 0.1)",
                "market: (size: 1e-6, growth_start: -0.9, growth_end: -0.9),
    uncertainty: {\"market.growth_end\": Uniform(low: -0.9, high: 5), \"halo\": Normal(sd: 3)}",
            ),
            ("horizon_years: 5", "horizon_years: 50"),
            ("spend: 10.0", "spend: 5e-7"),
            (
                "growth_start: 0.2, growth_end: 0.1",
                "growth_start: 5, growth_end: 5",
            ),
        ],
    );
    let file = file.to_str().unwrap();
    let select = ["--provider", "A", "--measure", "share", "--year", "2075"];
    let commands: Vec<Vec<&str>> = vec![
        vec!["project", file, "--format", "csv"],
        vec!["simulate", file, "--samples", "200", "--format", "csv"],
        [&["sensitivity", file][..], &select, &["--format", "csv"]].concat(),
        [
            &["solve", file, "--param", "halo"][..],
            &select,
            &["--target", "0.5"],
        ]
        .concat(),
        vec!["compare", file, "-", "--format", "csv"],
    ];
    for args in commands {
        let out = run(&args);
        assert!(
            matches!(out.status.code(), Some(0 | 1)),
            "{args:?}: {}",
            stderr(&out)
        );
        if args[0] != "solve" {
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        }
        no_nan_or_inf(&out, &format!("{args:?}"));
    }
}

#[test]
fn a_uniform_whose_spread_overflows_is_refused() {
    let dir = temp_dir("uniform-overflow");
    for dist in [
        "Uniform(low: -1e308, high: 1e308)",
        "Triangular(low: -1e308, high: 1e308)",
    ] {
        let file = write_scenario(
            &dir,
            "wide.ron",
            &[(
                "halo: 0.5,",
                &format!("halo: 0.5,\n    uncertainty: {{\"halo\": {dist}}},"),
            )],
        );
        let out = run(&["simulate", file.to_str().unwrap(), "--samples", "100"]);
        assert_one_line_error(&out, "high - low", dist);
    }
}

#[test]
fn identical_draws_give_exact_percentiles() {
    // Every draw of the halo is clamped to its maximum, 10: all draws are the same run, which
    // differs from the deterministic one (halo 0.5).
    let dir = temp_dir("identical");
    let file = write_scenario(
        &dir,
        "clamped.ron",
        &[(
            "halo: 0.5,",
            "halo: 0.5,\n    uncertainty: {\"halo\": Uniform(low: 20, high: 30)},",
        )],
    );
    let out = run(&[
        "simulate",
        file.to_str().unwrap(),
        "--samples",
        "300",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut moved = 0;
    for line in stdout(&out).lines().skip(1) {
        let cells: Vec<&str> = line.split(',').collect();
        let values: Vec<f64> = cells[3..].iter().map(|c| c.parse().unwrap()).collect();
        assert!(
            values.iter().all(|v| v.to_bits() == values[0].to_bits()),
            "not exact: {line}"
        );
        moved += usize::from(cells[0] != "2025");
    }
    assert!(moved > 0);
    // And they are the values of that one run: the projection with halo 10.
    let halo_10 = write_scenario(&dir, "halo10.ron", &[("halo: 0.5,", "halo: 10,")]);
    let projected = run(&["project", halo_10.to_str().unwrap(), "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&stdout(&projected)).unwrap();
    let simulated = run(&[
        "simulate",
        file.to_str().unwrap(),
        "--samples",
        "300",
        "--format",
        "json",
    ]);
    let stats: serde_json::Value = serde_json::from_str(&stdout(&simulated)).unwrap();
    let last = rows.as_array().unwrap().last().unwrap();
    let same = stats
        .as_array()
        .unwrap()
        .iter()
        .find(|s| {
            s["year"] == last["year"]
                && s["provider"] == last["provider"]
                && s["measure"] == "revenue"
        })
        .unwrap();
    assert_eq!(same["p50"], last["revenue"]);
    assert_eq!(same["mean"], last["revenue"]);
}

#[test]
fn a_huge_thread_request_is_capped() {
    // Without a cap rayon starts every one of these threads and coordinates them all: the run
    // takes minutes (or cannot start them), and the deadline of the harness fails the test.
    let out = run_command(
        bin().env("RAYON_NUM_THREADS", "20000").args([
            "simulate",
            "-",
            "--samples",
            "2000",
            "--format",
            "csv",
        ]),
        "simulate with RAYON_NUM_THREADS=20000",
    );
    assert!(out.status.success(), "{}", stderr(&out));
    // Version 2 rows: header, six yearly measures for 11 years and 6 providers, the present value
    // of each provider and the impact of the baseline's four companies (MODEL.md, simulate).
    assert_eq!(stdout(&out).lines().count(), 1 + 11 * 6 * 6 + 6 + 4);
}
