//! Scenario files: shipped files load and round-trip; each kind of bad file gets its own error.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use cloudshift::model::{Measure, project};
use cloudshift::scenario::{
    BASELINE_RON, LoadError, builtin_baseline, load_bytes, load_path, load_str, save_path,
    to_ron_string,
};

#[test]
fn every_shipped_scenario_loads_and_round_trips() {
    let shipped = common::shipped();
    assert!(
        shipped.len() >= 4,
        "expected at least four shipped scenarios"
    );
    let dir = tempdir();
    for (path, _) in shipped {
        let scenario = load_path(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !scenario.description.is_empty(),
            "{} has no description",
            path.display()
        );
        assert!(
            !scenario.sources.is_empty(),
            "{} has no sources",
            path.display()
        );
        let text = to_ron_string(&scenario).unwrap();
        assert_eq!(
            load_str(&text, "saved").unwrap(),
            scenario,
            "{}",
            path.display()
        );
        let copy = dir.join(path.file_name().unwrap());
        save_path(&scenario, &copy).unwrap();
        assert_eq!(load_path(&copy).unwrap(), scenario);
    }
}

#[test]
fn every_input_of_the_shipped_scenarios_has_a_source() {
    for (path, _) in common::shipped() {
        let s = load_path(&path).unwrap();
        let mut missing = Vec::new();
        let mut expect = |key: String| {
            if !s.sources.iter().any(|(p, _)| p.to_text(&s) == key) {
                missing.push(key);
            }
        };
        for key in [
            "market.size",
            "market.growth_start",
            "market.growth_end",
            "halo",
        ] {
            expect(key.to_owned());
        }
        // Version 2: the shipped files set every version 2 input, each with its source.
        for key in [
            "halo_loss",
            "valuation.discount_rate",
            "valuation.tax_rate",
            "valuation.reinvestment_rate",
            "valuation.terminal_growth",
        ] {
            expect(key.to_owned());
        }
        for p in &s.providers {
            for f in ["share", "drift", "margin", "margin_drift", "ev_sales"] {
                expect(format!("providers[{}].{f}", p.name));
            }
            if let Some(company) = &p.company {
                expect(format!("providers[{}].company.market_cap", p.name));
                if company.price_move.is_some() {
                    expect(format!("providers[{}].company.price_move", p.name));
                }
            }
        }
        for w in &s.workloads {
            for f in [
                "spend",
                "growth_start",
                "growth_end",
                "placement_base",
                "placement_target",
                "extent",
            ] {
                expect(format!("workloads[{}].{f}", w.name));
            }
        }
        assert!(
            missing.is_empty(),
            "{}: no source for {missing:?}",
            path.display()
        );
    }
}

#[test]
fn the_embedded_baseline_is_the_shipped_file() {
    let from_file =
        load_path(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/baseline.ron"))
            .unwrap();
    assert_eq!(builtin_baseline(), from_file);
    assert_eq!(load_str(BASELINE_RON, "baseline.ron").unwrap(), from_file);
    assert_eq!(from_file.base_year, 2025);
    assert!(
        (from_file.market.size_usd_bn - 419.0).abs() < 1e-12,
        "Synergy 2025 market size"
    );
}

#[test]
fn saving_writes_readable_ron_with_sources() {
    let text = to_ron_string(&builtin_baseline()).unwrap();
    // Saving always writes the newest version, whatever version the file was read from.
    assert!(text.starts_with("(\n    version: 2,\n"), "{text}");
    assert!(text.contains("sources: {"));
    assert!(text.contains("\"market.size\": \"Synergy Research Group"));
    assert!(
        text.contains("monte_carlo: (samples: 10000, seed: 42)")
            || text.contains("monte_carlo: (\n")
    );
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "cloudshift-test-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

// The baseline text with one replacement, which must be present.
fn edited(from: &str, to: &str) -> String {
    assert!(BASELINE_RON.contains(from), "baseline lacks {from:?}");
    BASELINE_RON.replacen(from, to, 1)
}

fn error_of(text: &str) -> String {
    match load_str(text, "bad.ron") {
        Ok(_) => panic!("loaded a bad file"),
        Err(e) => e.to_string(),
    }
}

fn assert_error(text: &str, expected_parts: &[&str]) {
    let message = error_of(text);
    for part in expected_parts {
        assert!(message.contains(part), "message {message:?} lacks {part:?}");
    }
    assert!(
        !message.contains('\n'),
        "message is not one line: {message:?}"
    );
}

#[test]
fn syntax_error_names_line_and_column() {
    let text = edited("    halo: 0.5,\n", "    halo: 0.5\n");
    let message = error_of(&text);
    // The missing comma is noticed where the next field starts.
    assert!(
        message.starts_with("bad.ron:9:5: Expected comma"),
        "{message}"
    );
}

#[test]
fn wrong_type_names_its_position() {
    let text = edited("horizon_years: 10", "horizon_years: \"ten\"");
    assert_error(&text, &["bad.ron:6:", "integer"]);
}

#[test]
fn unknown_field_is_an_error_not_ignored() {
    let text = edited("    halo: 0.5,", "    halo: 0.5,\n    haloo: 0.1,");
    assert_error(&text, &["bad.ron:9:", "haloo"]);
}

#[test]
fn unknown_variant_is_named() {
    let text = edited("curve: SCurve", "curve: Bezier");
    assert_error(&text, &["bad.ron:", "Bezier"]);
}

#[test]
fn missing_field_is_named() {
    let text = edited("    halo: 0.5,\n", "");
    assert_error(&text, &["bad.ron:", "halo"]);
}

#[test]
fn newer_version_says_so_before_anything_else() {
    let text = edited("version: 2,", "version: 3,\n    new_field_of_v3: true,");
    assert_error(&text, &["version 3", "newer", "update cloudshift"]);
}

#[test]
fn shares_over_100_percent_are_refused() {
    let text = edited("share: 0.29,", "share: 0.79,");
    assert_error(&text, &["bad.ron: providers:", "over 100%"]);
}

#[test]
fn share_out_of_range_names_the_field_and_range() {
    let text = edited("share: 0.29,", "share: 1.5,");
    assert_error(&text, &["providers[AWS].share", "1.5", "0..=1"]);
}

#[test]
fn placement_that_does_not_sum_to_one_is_refused() {
    let text = edited("\"Azure\": 0.75,", "\"Azure\": 0.70,");
    assert_error(
        &text,
        &["workloads[OpenAI].placement_target", "must add up to 1"],
    );
}

#[test]
fn placement_within_tolerance_is_normalised() {
    let text = edited("\"Azure\": 0.75,", "\"Azure\": 0.752,");
    let s = load_str(&text, "ok.ron").unwrap();
    let sum: f64 = s.workloads[0].placement_target.iter().sum();
    assert!((sum - 1.0).abs() < 1e-12);
}

#[test]
fn reported_share_too_small_for_its_workload_revenue_is_refused() {
    // CoreWeave holds 1.2% ($5.0B) but OpenAI already spends 10% of $15B = $1.5B there; 0.2% is too small.
    let text = edited("share: 0.012,", "share: 0.002,");
    assert_error(
        &text,
        &[
            "providers[CoreWeave].share",
            "too small",
            "workload revenue",
        ],
    );
}

#[test]
fn workloads_larger_than_the_market_are_refused() {
    let text = edited("spend: 15.0,", "spend: 500.0,");
    assert_error(&text, &["workloads:", "OpenAI", "less than market.size"]);
}

#[test]
fn unknown_provider_in_a_placement_is_named() {
    let text = edited("\"Oracle\": 0.03,", "\"Oracel\": 0.03,");
    assert_error(&text, &["workloads[OpenAI].placement_base", "Oracel"]);
}

#[test]
fn unknown_provider_in_a_path_is_named() {
    let text = edited(
        "\"providers[AWS].drift\": Normal",
        "\"providers[AWZ].drift\": Normal",
    );
    assert_error(&text, &["uncertainty[\"providers[AWZ].drift\"]", "AWZ"]);
}

#[test]
fn unknown_source_path_is_refused() {
    let text = edited("\"market.size\":", "\"market.sise\":");
    assert_error(
        &text,
        &["sources[\"market.sise\"]", "unknown parameter path"],
    );
}

#[test]
fn distribution_on_a_base_year_figure_is_refused() {
    let text = edited(
        "uncertainty: {",
        "uncertainty: {\n        \"market.size\": Normal(sd: 10.0),",
    );
    assert_error(&text, &["market.size", "cannot take a distribution"]);
}

#[test]
fn triangular_that_excludes_its_value_is_refused() {
    let text = edited(
        "Triangular(low: 0.17, high: 0.27)",
        "Triangular(low: 0.25, high: 0.27)",
    );
    assert_error(&text, &["market.growth_start", "Triangular"]);
}

#[test]
fn bad_color_is_refused() {
    let text = edited("\"#FF9900\"", "\"orange\"");
    assert_error(&text, &["providers[AWS].color", "#RRGGBB"]);
}

#[test]
fn duplicate_provider_name_is_refused() {
    let text = edited("(name: \"Azure\",", "(name: \"AWS\",");
    let message = error_of(&text);
    assert!(message.contains("AWS"), "{message}");
}

#[test]
fn absurd_horizon_and_sample_counts_are_refused() {
    assert_error(
        &edited("horizon_years: 10", "horizon_years: 100000"),
        &["horizon_years", "1..=50"],
    );
    assert_error(
        &edited("horizon_years: 10", "horizon_years: 0"),
        &["horizon_years"],
    );
    assert_error(
        &edited("samples: 10000", "samples: 4000000000"),
        &["monte_carlo.samples", "100..=1000000"],
    );
    assert_error(
        &edited("horizon_years: 10", "horizon_years: 99999999999999999999"),
        &["bad.ron:6:"],
    );
}

#[test]
fn non_finite_numbers_are_refused() {
    assert_error(&edited("halo: 0.5", "halo: NaN"), &["halo", "non-finite"]);
    assert_error(&edited("halo: 0.5", "halo: inf"), &["halo", "non-finite"]);
    assert_error(&edited("size: 419.0", "size: -inf"), &["market.size"]);
    assert_error(&edited("size: 419.0", "size: 1e400"), &["market.size"]);
}

#[test]
fn oversized_file_is_refused_at_once() {
    let mut text = BASELINE_RON.to_owned();
    text.push_str(&" ".repeat(1024 * 1024));
    let started = std::time::Instant::now();
    assert!(matches!(
        load_str(&text, "big.ron"),
        Err(LoadError::TooLarge { .. })
    ));
    assert!(started.elapsed().as_secs() < 1);
}

#[test]
fn invalid_utf8_names_its_position() {
    let mut bytes = BASELINE_RON.as_bytes().to_vec();
    let at = BASELINE_RON.find("Baseline").unwrap();
    bytes[at] = 0xFF;
    let message = load_bytes(&bytes, "bin.ron").unwrap_err().to_string();
    assert!(message.starts_with("bin.ron:3:"), "{message}");
    assert!(message.contains("UTF-8"));
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let text = format!(
        "(version: 1, name: {}{})",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert!(load_str(&text, "deep.ron").is_err());
    let probe = format!(
        "(extra: {}{}, version: 1)",
        "(".repeat(50_000),
        ")".repeat(50_000)
    );
    assert!(load_str(&probe, "deep.ron").is_err());
}

#[test]
fn a_directory_or_missing_file_gives_a_clear_error() {
    let missing = load_path(std::path::Path::new("/no/such/scenario.ron"))
        .unwrap_err()
        .to_string();
    assert!(
        missing.starts_with("/no/such/scenario.ron: cannot read the file"),
        "{missing}"
    );
    let dir = load_path(std::path::Path::new(env!("CARGO_MANIFEST_DIR")))
        .unwrap_err()
        .to_string();
    assert!(dir.contains("cannot read"), "{dir}");
}

#[test]
fn a_failed_save_leaves_the_old_file_untouched() {
    let dir = tempdir();
    let target = dir.join("kept.ron");
    std::fs::write(&target, "old contents").unwrap();
    // A directory that does not exist: nothing can be written, and nothing is.
    let gone = dir.join("gone").join("x.ron");
    assert!(save_path(&builtin_baseline(), &gone).is_err());
    // A target that is a directory: the rename fails, the temporary is removed.
    let as_dir = dir.join("is-a-dir.ron");
    std::fs::create_dir(&as_dir).unwrap();
    let message = save_path(&builtin_baseline(), &as_dir)
        .unwrap_err()
        .to_string();
    assert!(message.contains("cannot save"), "{message}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "old contents");
    let leftovers: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "temporary files left behind: {leftovers:?}"
    );
}

#[test]
fn shipped_scenarios_project_to_finite_numbers() {
    for (path, _) in common::shipped() {
        let p = project(&load_path(&path).unwrap());
        for m in Measure::ALL {
            assert!(
                p.series(m).iter().all(|v| v.is_finite()),
                "{}: {m:?}",
                path.display()
            );
        }
    }
}
