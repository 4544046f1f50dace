//! Command-line tests of the Monte Carlo additions: Monte Carlo error in `simulate`'s JSON and
//! goal seek on a percentile (`solve --statistic`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudshift"))
        .args(args)
        .output()
        .unwrap()
}

fn json(out: &Output) -> Vec<serde_json::Value> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn simulate_json_carries_standard_errors_and_median_intervals() {
    let out = run(&[
        "simulate",
        "-",
        "--samples",
        "400",
        "--seed",
        "3",
        "--format",
        "json",
    ]);
    let rows = json(&out);
    // 11 years x 6 providers x 6 measures, 6 present values and 4 market-cap impacts.
    assert_eq!(rows.len(), 406);
    for row in &rows {
        let number = |key: &str| row[key].as_f64().unwrap();
        let (low, median, high) = (number("median_low"), number("p50"), number("median_high"));
        assert!(low <= median && median <= high, "{row}");
        assert!(number("std_error") >= 0.0, "{row}");
    }
    // The base year is observed: no spread, no error.
    assert_eq!(rows[0]["std_error"].as_f64(), Some(0.0));
    // CSV keeps MODEL.md's header exactly.
    let csv = run(&["simulate", "-", "--samples", "100", "--format", "csv"]);
    let text = String::from_utf8(csv.stdout).unwrap();
    assert!(text.starts_with("year,provider,measure,mean,p5,p10,p25,p50,p75,p90,p95\n"));
}

#[test]
fn solve_on_a_percentile_hits_it_at_the_fixed_seed() {
    let args = [
        "solve",
        "-",
        "--param",
        "workloads[OpenAI].growth_end",
        "--provider",
        "Azure",
        "--measure",
        "revenue",
        "--year",
        "2030",
        "--target",
        "370",
        "--statistic",
        "p50",
        "--samples",
        "500",
        "--format",
        "json",
    ];
    let rows = json(&run(&args));
    let output = rows[0]["output"].as_f64().unwrap();
    assert!((output - 370.0).abs() <= 1e-6 * 370.0, "{output}");
    let value = rows[0]["value"].as_f64().unwrap();
    assert!((-0.9..=5.0).contains(&value), "{value}");
    // Asking for an unknown statistic is a one-line error.
    let mut bad = args;
    bad[13] = "p42";
    let out = run(&bad);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a statistic"));
}

#[test]
fn simulate_timings_go_to_standard_error_and_leave_the_output_alone() {
    let args = ["simulate", "-", "--samples", "500", "--format", "csv"];
    let plain = run(&args);
    let timed = run(&[&args[..], &["--timings"]].concat());
    assert!(timed.status.success());
    assert_eq!(
        plain.stdout, timed.stdout,
        "the CSV is the same with --timings"
    );
    assert!(plain.stderr.is_empty());
    let stderr = String::from_utf8(timed.stderr).unwrap();
    let line = stderr.trim_end();
    assert_eq!(line.lines().count(), 1, "{stderr}");
    assert!(line.starts_with("timings: 500 draws in "), "{line}");
    // The built-in baseline's 500 draws: one pass, every draw evaluated once.
    assert!(
        line.ends_with("; 1 passes over the draws (500 draws evaluated)"),
        "{line}"
    );
}
