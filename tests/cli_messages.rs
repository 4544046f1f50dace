//! Messages that say what is wrong and where, on the real binary (issue 12, class 7).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod cli_support;

use cli_support::{assert_one_line_error, run, stdout, temp_dir, write_scenario};

#[test]
fn compare_on_scenarios_with_no_common_year_says_so() {
    let dir = temp_dir("msg-years");
    let late = write_scenario(
        &dir,
        "late.ron",
        &[
            ("base_year: 2025", "base_year: 2090"),
            ("start_year: 2026", "start_year: 2091"),
        ],
    );
    let late = late.to_str().unwrap();
    let out = run(&["compare", "-", late]);
    assert_one_line_error(&out, "share no year", "compare");
    let err = cli_support::stderr(&out);
    assert!(!err.contains("--year"), "{err}");
    assert!(
        err.contains("2025..=2035") && err.contains("2090..=2095"),
        "{err}"
    );
}

#[test]
fn a_number_that_is_not_an_integer_names_the_field() {
    let dir = temp_dir("msg-integer");
    for (replacement, needle) in [
        ("horizon_years: 5.5", "horizon_years"),
        ("horizon_years: 5e0", "horizon_years"),
        ("horizon_years: 0x1.8", "horizon_years"),
    ] {
        let file = write_scenario(&dir, "f.ron", &[("horizon_years: 5", replacement)]);
        let out = run(&["validate", file.to_str().unwrap()]);
        assert_one_line_error(&out, needle, replacement);
        assert_one_line_error(&out, "whole number", replacement);
        assert!(
            cli_support::stderr(&out).contains("f.ron:5:"),
            "{}",
            cli_support::stderr(&out)
        );
    }
}

#[test]
fn a_missing_required_argument_is_named() {
    let out = run(&["sensitivity", "-", "--measure", "revenue", "--year", "2030"]);
    assert_one_line_error(&out, "--provider", "missing --provider");
}

#[test]
fn the_residual_written_as_a_provider_points_to_others() {
    let dir = temp_dir("msg-residual");
    let file = write_scenario(
        &dir,
        "r.ron",
        &[(
            "halo: 0.5,",
            "halo: 0.5,\n    uncertainty: {\"providers[Others].margin\": Normal(sd: 0.1)},",
        )],
    );
    let out = run(&["validate", file.to_str().unwrap()]);
    assert_one_line_error(&out, "write `others.margin`", "uncertainty key");
    let out = run(&[
        "solve",
        "-",
        "--param",
        "providers[Others].ev_sales",
        "--provider",
        "AWS",
        "--measure",
        "revenue",
        "--year",
        "2030",
        "--target",
        "1",
    ]);
    assert_one_line_error(&out, "write `others.ev_sales`", "--param");
}

#[test]
fn negative_samples_are_out_of_range_not_an_unknown_argument() {
    let out = run(&["simulate", "-", "--samples", "-1"]);
    assert_one_line_error(
        &out,
        "--samples: -1 is outside 100..=1000000",
        "--samples -1",
    );
}

#[test]
fn tiny_numbers_are_short_in_messages_and_tables() {
    let dir = temp_dir("msg-tiny");
    let file = write_scenario(&dir, "t.ron", &[("share: 0.4", "share: -1e-320")]);
    let out = run(&["validate", file.to_str().unwrap()]);
    assert_one_line_error(&out, "-1e-320 is outside the valid range", "share -1e-320");
    assert!(cli_support::stderr(&out).len() < 300);
    let drift = write_scenario(&dir, "d.ron", &[("drift: 0.0", "drift: -1e-320")]);
    let out = run(&["compare", "-", drift.to_str().unwrap()]);
    assert!(out.status.success(), "{}", cli_support::stderr(&out));
    assert!(stdout(&out).contains("-1e-320"), "{}", stdout(&out));
    assert!(
        !stdout(&out).contains("0.0000000000000000000000"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_share_to_raise_never_reads_as_the_share_it_already_has() {
    // A: 3.6% of a $100B market is $3.6B; the workload puts $3.604B on it.
    let dir = temp_dir("msg-raise");
    let file = write_scenario(
        &dir,
        "raise.ron",
        &[
            ("share: 0.4", "share: 0.036"),
            ("spend: 10.0", "spend: 3.604"),
            (
                r#"placement_base: {"A": 0.5, "Others": 0.5}"#,
                r#"placement_base: {"A": 1.0}"#,
            ),
        ],
    );
    let out = run(&["validate", file.to_str().unwrap()]);
    assert_one_line_error(&out, "raise the share to at least 3.7%", "raise");
    assert!(cli_support::stderr(&out).contains("reported share 3.6%"));
}

#[test]
fn validate_dash_checks_the_built_in_baseline() {
    let out = run(&["validate", "-"]);
    assert_eq!(out.status.code(), Some(0), "{}", cli_support::stderr(&out));
    assert_eq!(stdout(&out), "ok -\n");
}
