//! Command-line tests on the real binary: output formats, exit codes, one-line errors.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_cloudshift"))
}

fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cloudshift-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn project_csv_follows_the_contract() {
    let path = scenario("baseline.ron");
    let out = run(&["project", path.to_str().unwrap(), "--format", "csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "year,provider,share,revenue,workload_revenue,operating_income,counterfactual_revenue,revenue_delta,value_at_stake,operating_income_delta"
    );
    // 11 years x (5 named providers + Others), year-major, providers in file order, Others last.
    assert_eq!(lines.len(), 1 + 11 * 6);
    let order: Vec<&str> = lines[1..7]
        .iter()
        .map(|l| l.split(',').nth(1).unwrap())
        .collect();
    assert_eq!(
        order,
        [
            "AWS",
            "Azure",
            "Google Cloud",
            "Oracle",
            "CoreWeave",
            "Others"
        ]
    );
    assert!(
        lines[1].starts_with("2025,AWS,0.290000000,121.5"),
        "{}",
        lines[1]
    );
    assert!(lines[66].starts_with("2035,Others,"));
    for line in &lines[1..] {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 10);
        for number in &fields[2..] {
            let value: f64 = number
                .parse()
                .unwrap_or_else(|_| panic!("not a number: {number}"));
            assert!(value.is_finite());
            assert!(
                !number.contains('e') && !number.contains('E'),
                "scientific notation: {number}"
            );
            let digits: String = number.chars().filter(char::is_ascii_digit).collect();
            assert!(
                digits.trim_start_matches('0').len() >= 9 || value == 0.0,
                "fewer than 9 significant digits: {number}"
            );
        }
    }
    // Revenues of one year add up to the market: base year 419.
    let base_total: f64 = lines[1..7]
        .iter()
        .map(|l| l.split(',').nth(3).unwrap().parse::<f64>().unwrap())
        .sum();
    assert!((base_total - 419.0).abs() < 1e-9);
}

#[test]
fn project_table_is_aligned_for_people() {
    let path = scenario("baseline.ron");
    let out = run(&["project", path.to_str().unwrap()]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("year  provider"));
    assert!(lines[1].starts_with("----"));
    assert!(
        lines[2].contains("29.0%") && lines[2].contains("$122B"),
        "{}",
        lines[2]
    );
    let widths: std::collections::BTreeSet<usize> =
        lines.iter().map(|l| l.trim_end().len()).collect();
    assert!(widths.len() <= 3, "rows should line up: {widths:?}");
}

#[test]
fn project_json_and_output_file() {
    let path = scenario("openai-moves-to-aws.ron");
    let target = temp("projection.json");
    let out = run(&[
        "project",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--output",
        target.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&target).unwrap()).unwrap();
    let rows = value.as_array().unwrap();
    assert_eq!(rows.len(), 11 * 6);
    assert_eq!(rows[0]["year"], 2025);
    assert_eq!(rows[0]["provider"], "AWS");
    // AWS wins the migration: positive delta by the horizon.
    assert!(rows[60]["revenue_delta"].as_f64().unwrap() > 0.0);
}

#[test]
fn dash_projects_the_built_in_baseline() {
    let from_file = run(&[
        "project",
        scenario("baseline.ron").to_str().unwrap(),
        "--format",
        "csv",
    ]);
    let builtin = run(&["project", "-", "--format", "csv"]);
    assert_eq!(from_file.stdout, builtin.stdout);
}

#[test]
fn validate_reports_each_file() {
    let good = scenario("baseline.ron");
    let bad = temp("bad.ron");
    std::fs::write(
        &bad,
        "(version: 1, name: \"x\", base_year: 2025,\n horizon_years: oops)",
    )
    .unwrap();
    let started = Instant::now();
    let out = run(&["validate", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), format!("ok {}\n", good.display()));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(&format!("{}:2:", bad.display())), "{err}");

    let all_good = run(&["validate", good.to_str().unwrap()]);
    assert_eq!(all_good.status.code(), Some(0));
}

#[test]
fn every_bad_input_exits_1_with_one_line_and_no_panic() {
    let bad = temp("garbage.ron");
    std::fs::write(&bad, [0xFF, 0xFE, 0x00, 0x28]).unwrap();
    let cases: Vec<Vec<String>> = vec![
        vec!["project".into(), "/no/such/file.ron".into()],
        vec!["project".into(), bad.display().to_string()],
        vec![
            "project".into(),
            "-".into(),
            "--format".into(),
            "xml".into(),
        ],
        vec!["project".into()],
        vec!["validate".into(), "/".into()],
        vec!["--no-such-flag".into()],
        vec![
            "project".into(),
            "-".into(),
            "--output".into(),
            "/no/such/dir/out.csv".into(),
        ],
        vec!["frobnicate".into(), "x".into(), "y".into()],
    ];
    for args in cases {
        let started = Instant::now();
        let out = bin().args(&args).output().unwrap();
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{args:?} was slow"
        );
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        let err = stderr(&out);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn help_and_version_exit_0() {
    let help = run(&["--help"]);
    assert!(help.status.success());
    assert!(stdout(&help).contains("validate"));
    assert!(stdout(&help).contains("project"));
    assert!(run(&["--version"]).status.success());
}

#[test]
fn simulate_csv_follows_the_contract_and_is_repeatable() {
    let args = [
        "simulate",
        "-",
        "--samples",
        "500",
        "--seed",
        "7",
        "--format",
        "csv",
    ];
    let first = run(&args);
    assert!(first.status.success(), "{}", stderr(&first));
    let text = stdout(&first);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "year,provider,measure,mean,p5,p10,p25,p50,p75,p90,p95"
    );
    // Version 2: 11 years x 6 providers x 6 measures, then present_value_delta for the 6
    // providers and market_cap_impact for the 4 with a company.
    assert_eq!(lines.len(), 1 + 11 * 6 * 6 + 6 + 4);
    let measures: Vec<&str> = lines[1..7]
        .iter()
        .map(|l| l.split(',').nth(2).unwrap())
        .collect();
    assert_eq!(
        measures,
        [
            "share",
            "revenue",
            "operating_income",
            "operating_income_delta",
            "revenue_delta",
            "value_at_stake"
        ]
    );
    for line in &lines[1..] {
        let numbers: Vec<f64> = line
            .split(',')
            .skip(3)
            .map(|n| n.parse().unwrap())
            .collect();
        assert!(
            numbers[1..].windows(2).all(|w| w[0] <= w[1]),
            "percentiles out of order: {line}"
        );
    }
    assert_eq!(
        run(&args).stdout,
        first.stdout,
        "same seed and samples, same output"
    );
    let other_seed = run(&[
        "simulate",
        "-",
        "--samples",
        "500",
        "--seed",
        "8",
        "--format",
        "csv",
    ]);
    assert_ne!(other_seed.stdout, first.stdout);
}

#[test]
fn sensitivity_csv_is_sorted_by_swing() {
    let out = run(&[
        "sensitivity",
        "-",
        "--provider",
        "AWS",
        "--measure",
        "revenue",
        "--year",
        "2030",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "parameter,low_input,high_input,low_output,high_output,swing"
    );
    let swings: Vec<f64> = lines[1..]
        .iter()
        .map(|l| l.rsplit(',').next().unwrap().parse().unwrap())
        .collect();
    assert!(swings.len() >= 5);
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
    assert!(lines[1].starts_with("market.growth_start,"), "{}", lines[1]);
}

#[test]
fn solve_finds_a_reachable_target_and_refuses_an_unreachable_one() {
    let base = [
        "solve",
        "-",
        "--param",
        "workloads[OpenAI].extent",
        "--provider",
        "Azure",
        "--measure",
        "revenue",
        "--year",
        "2030",
    ];
    let out = bin()
        .args(base)
        .args(["--target", "380", "--format", "csv"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let row: Vec<&str> = text.lines().nth(1).unwrap().split(',').collect();
    let extent: f64 = row[1].parse().unwrap();
    let output: f64 = row[6].parse().unwrap();
    assert!((0.0..=1.0).contains(&extent));
    assert!((output - 380.0).abs() <= 1e-9 * 380.0, "{output}");

    let far = bin()
        .args(base)
        .args(["--target", "6000"])
        .output()
        .unwrap();
    assert_eq!(far.status.code(), Some(1));
    assert!(stderr(&far).contains("out of reach"), "{}", stderr(&far));
}

#[test]
fn uncertainty_commands_refuse_bad_flags_in_one_line() {
    let cases: [&[&str]; 5] = [
        &["simulate", "-", "--samples", "5"],
        &[
            "sensitivity",
            "-",
            "--provider",
            "Nope",
            "--measure",
            "revenue",
            "--year",
            "2030",
        ],
        &[
            "sensitivity",
            "-",
            "--provider",
            "AWS",
            "--measure",
            "profit",
            "--year",
            "2030",
        ],
        &[
            "sensitivity",
            "-",
            "--provider",
            "AWS",
            "--measure",
            "revenue",
            "--year",
            "1999",
        ],
        &[
            "solve",
            "-",
            "--param",
            "market.size",
            "--provider",
            "AWS",
            "--measure",
            "revenue",
            "--year",
            "2030",
            "--target",
            "1",
        ],
    ];
    for args in cases {
        let out = run(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(
            stderr(&out).trim_end().lines().count(),
            1,
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn compare_names_the_changed_inputs_and_the_kpi_differences() {
    let a = scenario("baseline.ron");
    let b = scenario("openai-moves-to-aws.ron");
    let out = run(&[
        "compare",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--year",
        "2030",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let (inputs, kpis) = text.split_once("\n\n").unwrap();
    let inputs: Vec<&str> = inputs.lines().collect();
    assert_eq!(
        inputs[0],
        "input,Baseline: OpenAI stays on Azure,OpenAI moves to AWS"
    );
    assert!(
        inputs.contains(&"halo,0.500000000,0.800000000"),
        "{inputs:?}"
    );
    assert!(inputs.iter().any(|l| l.starts_with(
        "\"workloads[OpenAI].placement_target[\"\"AWS\"\"]\",0.00000000,0.700000000"
    )));
    assert!(
        !inputs.iter().any(|l| l.starts_with("market.size")),
        "equal inputs are not listed"
    );
    let kpis: Vec<&str> = kpis.lines().collect();
    assert_eq!(
        kpis[0],
        "year,provider,measure,Baseline: OpenAI stays on Azure,OpenAI moves to AWS,OpenAI moves to AWS minus Baseline: OpenAI stays on Azure"
    );
    let aws_revenue: Vec<f64> = kpis
        .iter()
        .find(|l| l.starts_with("2030,AWS,revenue,"))
        .unwrap()
        .split(',')
        .skip(3)
        .map(|v| v.parse().unwrap())
        .collect();
    assert!((aws_revenue[1] - aws_revenue[0] - aws_revenue[2]).abs() < 1e-9);
    assert!(
        aws_revenue[2] > 100.0,
        "AWS gains from the move: {aws_revenue:?}"
    );

    let table = run(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert!(stdout(&table).contains("Key figures in 2035"));
    assert!(run(&["compare", "-", "-", "--year", "2090"]).status.code() == Some(1));
}

#[test]
fn the_compare_table_stays_narrow_with_letters_a_key_and_words_for_inputs() {
    let shipped: Vec<String> = common::shipped()
        .into_iter()
        .map(|(p, _)| p.to_str().unwrap().to_owned())
        .collect();
    let mut args = vec!["compare"];
    args.extend(shipped.iter().map(String::as_str));
    let out = run(&args);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap();
    // Five long-named scenarios: columns A..E, named once in the key above the tables.
    assert!(widest <= 180, "{widest} characters wide:\n{text}");
    assert!(
        text.contains("A  Baseline: OpenAI stays on Azure"),
        "{text}"
    );
    assert!(text.contains("B − A"), "{text}");
    // Inputs in words and units, not file syntax or paths.
    assert!(
        !text.contains("Uniform(") && !text.contains("placement_target["),
        "{text}"
    );
    assert!(text.contains("OpenAI target: AWS"), "{text}");
    assert!(text.contains("2 outcomes (60.0%, 40.0%)"), "{text}");
    let two = run(&["compare", &shipped[0], &shipped[1]]);
    let widest = stdout(&two)
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert!(widest <= 110, "{widest} characters wide");
}

#[test]
fn edge_scenarios_run_through_every_command() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for (file, provider) in [("edge-minimal.ron", "Others"), ("edge-extreme.ron", "A")] {
        let path = data.join(file);
        let path = path.to_str().unwrap();
        let commands: [&[&str]; 5] = [
            &["project", path, "--format", "csv"],
            &["project", path],
            &["simulate", path, "--samples", "100", "--format", "csv"],
            &[
                "sensitivity",
                path,
                "--provider",
                provider,
                "--measure",
                "revenue",
                "--year",
                "2026",
            ],
            &["compare", path, path, "--format", "csv"],
        ];
        for args in commands {
            let out = run(args);
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
            let text = stdout(&out);
            assert!(
                !text.contains("NaN") && !text.contains("inf"),
                "{args:?}: {text}"
            );
        }
    }
}

#[test]
fn a_scenario_named_like_a_column_keeps_the_tables_own_columns() {
    let text = std::fs::read_to_string(scenario("baseline.ron"))
        .unwrap()
        .replace(
            "name: \"Baseline: OpenAI stays on Azure\"",
            "name: \"year\"",
        );
    let path = std::env::temp_dir().join(format!("cloudshift-year-{}.ron", std::process::id()));
    std::fs::write(&path, text).unwrap();
    let out = run(&[
        "compare",
        path.to_str().unwrap(),
        scenario("openai-moves-to-aws.ron").to_str().unwrap(),
    ]);
    let _ = std::fs::remove_file(&path);
    let text = stdout(&out);
    assert!(text.contains("A  year\n"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("year  provider") && l.ends_with("B − A")),
        "{text}"
    );
}
