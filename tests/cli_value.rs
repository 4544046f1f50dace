//! Command line, version 2, on the real binary: `value`, the operating-income delta column,
//! measures without a year in `sensitivity` and `solve`, and model-limit warnings on stderr.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use cloudshift::model::{ValueMeasure, project};
use cloudshift::scenario::load_path;

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_cloudshift"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn v1(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/v1")
        .join(name)
}

const VALUE_HEADER: &str =
    "provider,company,market_cap,price_move,present_value_delta,market_cap_impact";

#[test]
fn value_csv_follows_the_contract() {
    for (path, _) in common::shipped() {
        let file = path.to_str().unwrap();
        let out = run(&["value", file, "--format", "csv"]);
        assert!(out.status.success(), "{file}: {}", stderr(&out));
        let text = stdout(&out);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], VALUE_HEADER);
        let scenario = load_path(&path).unwrap();
        let projection = project(&scenario);
        assert_eq!(lines.len(), 1 + scenario.provider_count_with_others());
        for (p, line) in lines[1..].iter().enumerate() {
            let cells: Vec<&str> = line.split(',').collect();
            assert_eq!(cells.len(), 6, "{line}");
            assert_eq!(cells[0], scenario.provider_name(p));
            let pv: f64 = cells[4].parse().unwrap();
            let expected = projection
                .value_measure(ValueMeasure::PresentValueDelta, p)
                .unwrap();
            // The machine formats keep 15 significant digits.
            assert!(
                (pv - expected).abs() <= 1e-14 * expected.abs(),
                "{file}: {line}"
            );
            match scenario.company(p) {
                None => assert!(
                    cells[1].is_empty() && cells[2].is_empty() && cells[3].is_empty(),
                    "{line}"
                ),
                Some(company) => {
                    assert_eq!(cells[1], company.name);
                    let cap: f64 = cells[2].parse().unwrap();
                    assert!((cap - company.market_cap_usd_bn).abs() < 1e-9);
                    assert_eq!(cells[3].is_empty(), company.price_move.is_none(), "{line}");
                    let impact: f64 = cells[5].parse().unwrap();
                    assert!((impact - pv / company.market_cap_usd_bn).abs() <= 1e-12);
                }
            }
            if scenario.company(p).is_none() {
                assert!(cells[5].is_empty(), "no company, no impact: {line}");
            }
        }
        assert!(
            lines
                .last()
                .unwrap()
                .starts_with(&format!("{},,,,", scenario.others.name))
        );
    }
}

#[test]
fn value_json_and_table_read_the_same_numbers() {
    let json = stdout(&run(&["value", "-", "--format", "json"]));
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    let others = rows.as_array().unwrap().last().unwrap();
    assert!(others["company"].is_null() && others["market_cap_impact"].is_null());
    let table = stdout(&run(&["value", "-"]));
    assert!(table.starts_with("provider"), "{table}");
    assert!(table.contains("present_value_delta"));
}

#[test]
fn project_has_the_operating_income_delta_column() {
    let text = stdout(&run(&["project", "-", "--format", "csv"]));
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with(",value_at_stake,operating_income_delta")
    );
}

#[test]
fn measures_without_a_year_refuse_year_and_work_without_it() {
    for command in ["sensitivity", "solve"] {
        let mut args = vec![
            command,
            "-",
            "--provider",
            "Azure",
            "--measure",
            "present_value_delta",
        ];
        if command == "solve" {
            args.extend(["--param", "workloads[OpenAI].extent", "--target", "-20"]);
        }
        let without_year = run(&args);
        assert!(
            without_year.status.success(),
            "{command}: {}",
            stderr(&without_year)
        );
        args.extend(["--year", "2030"]);
        let with_year = run(&args);
        assert_eq!(with_year.status.code(), Some(1));
        let message = stderr(&with_year);
        assert!(
            message.contains("--year") && message.contains("has no year"),
            "{message}"
        );
        assert_eq!(message.lines().count(), 1);
    }
    // A yearly measure still needs its year.
    let out = run(&[
        "sensitivity",
        "-",
        "--provider",
        "Azure",
        "--measure",
        "revenue",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--year"));
    // The impact needs a company.
    let out = run(&[
        "sensitivity",
        v1("baseline.ron").to_str().unwrap(),
        "--provider",
        "Azure",
        "--measure",
        "market_cap_impact",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("needs a company"), "{}", stderr(&out));
}

#[test]
fn solve_on_the_impact_hits_its_target() {
    let out = run(&[
        "solve",
        "-",
        "--param",
        "workloads[OpenAI].extent",
        "--provider",
        "Azure",
        "--measure",
        "market_cap_impact",
        "--target",
        "-0.01",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let row: Vec<&str> = text.lines().nth(1).unwrap().split(',').collect();
    assert_eq!(row[3], "market_cap_impact");
    assert_eq!(row[4], "", "no year");
    let output: f64 = row[6].parse().unwrap();
    assert!((output + 0.01).abs() < 1e-9, "{output}");
}

#[test]
fn model_limits_are_warnings_on_stderr_with_exit_0() {
    // The version 1 AWS move: a halo of 0.8 on every dollar OpenAI moves takes all of Azure's
    // other business by 2034 (issue 11).
    let file = v1("openai-moves-to-aws.ron");
    for command in ["project", "value"] {
        let out = run(&[command, file.to_str().unwrap(), "--format", "csv"]);
        assert!(out.status.success());
        let warnings = stderr(&out);
        assert!(
            warnings.contains(
                "warning: the halo removes all of Azure's other business by 2034: each $1 of \
                 OpenAI spend Azure loses costs $0.8 of other business; a smaller halo_loss may \
                 fit better"
            ),
            "{command}: {warnings}"
        );
        assert!(
            warnings.lines().all(|l| l.starts_with("warning: ")),
            "{warnings}"
        );
        assert!(!stdout(&out).contains("warning"), "stdout stays data");
    }
}

#[test]
fn shipped_scenarios_print_no_warning() {
    for (path, _) in common::shipped() {
        for command in ["project", "value"] {
            let out = run(&[command, path.to_str().unwrap(), "--format", "csv"]);
            assert!(out.status.success());
            let warnings = stderr(&out);
            assert!(
                !warnings.contains("warning:"),
                "{command} {}: {warnings}",
                path.display()
            );
        }
    }
}

#[test]
fn version_1_tornado_and_goal_seek_print_what_version_1_printed() {
    let file = v1("openai-moves-to-aws.ron");
    let file = file.to_str().unwrap();
    let tornado = run(&[
        "sensitivity",
        file,
        "--provider",
        "Azure",
        "--measure",
        "revenue",
        "--year",
        "2030",
        "--format",
        "csv",
    ]);
    let expected =
        std::fs::read_to_string(v1("openai-moves-to-aws.sensitivity-azure-revenue-2030.csv"))
            .unwrap();
    common::assert_same_csv(&stdout(&tornado), &expected, "tornado");
    let solved = run(&[
        "solve",
        file,
        "--param",
        "workloads[OpenAI].extent",
        "--provider",
        "Azure",
        "--measure",
        "revenue",
        "--year",
        "2030",
        "--target",
        "380",
        "--format",
        "csv",
    ]);
    let expected = std::fs::read_to_string(v1(
        "openai-moves-to-aws.solve-extent-azure-revenue-2030-380.csv",
    ))
    .unwrap();
    common::assert_same_csv(&stdout(&solved), &expected, "goal seek");
}

#[test]
fn simulate_adds_the_value_rows_on_the_base_year() {
    let file = common::shipped()
        .into_iter()
        .find(|(p, _)| p.ends_with("openai-moves-to-aws.ron"))
        .unwrap()
        .0;
    let scenario = load_path(&file).unwrap();
    let out = run(&[
        "simulate",
        file.to_str().unwrap(),
        "--samples",
        "200",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let rows: Vec<Vec<&str>> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').collect())
        .collect();
    let yearly = 11 * 6 * 6;
    assert!(rows[..yearly].iter().all(|r| r[2] != "present_value_delta"));
    let value_rows = &rows[yearly..];
    let keys: Vec<(&str, &str, &str)> = value_rows.iter().map(|r| (r[0], r[1], r[2])).collect();
    let mut expected: Vec<(&str, &str, &str)> = (0..6)
        .map(|p| ("2025", scenario.provider_name(p), "present_value_delta"))
        .collect();
    expected.extend(
        ["AWS", "Azure", "Google Cloud", "Oracle"].map(|p| ("2025", p, "market_cap_impact")),
    );
    assert_eq!(keys, expected);
    for row in value_rows {
        let numbers: Vec<f64> = row[3..].iter().map(|n| n.parse().unwrap()).collect();
        assert!(numbers[1..].windows(2).all(|w| w[0] <= w[1]), "{row:?}");
    }
    // operating_income_delta is a yearly measure of simulate too.
    assert!(
        rows.iter()
            .any(|r| r[0] == "2030" && r[2] == "operating_income_delta")
    );
}

#[test]
fn solve_on_a_statistic_of_the_impact_hits_it() {
    let out = run(&[
        "solve",
        "-",
        "--param",
        "workloads[OpenAI].margin",
        "--provider",
        "Azure",
        "--measure",
        "market_cap_impact",
        "--target",
        "-0.02",
        "--statistic",
        "p50",
        "--samples",
        "200",
        "--format",
        "csv",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let row: Vec<&str> = text.lines().nth(1).unwrap().split(',').collect();
    let output: f64 = row[6].parse().unwrap();
    assert!((output + 0.02).abs() < 1e-9, "{output}");
}
