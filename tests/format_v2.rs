//! File format version 2: version 1 files keep their numbers; the added fields load, save and
//! round-trip; each bad value of a new field gets its own one-line error.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::path::Path;

use cloudshift::cli::projection_report;
use cloudshift::model::{Measure, ParamPath, ProviderParam, ValuationParam, project};
use cloudshift::scenario::{LoadError, load_path, load_str, to_ron_string};

fn v1_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1")
}

/// The version 1 baseline as committed before version 2, turned into a version 2 file.
fn v2_text(edits: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(v1_dir().join("baseline.ron"))
        .unwrap()
        .replacen("version: 1,", "version: 2,", 1);
    for (from, to) in edits {
        assert!(text.contains(from), "baseline lacks {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}

fn error_of(text: &str) -> String {
    match load_str(text, "v2.ron") {
        Ok(_) => panic!("loaded a bad file"),
        Err(e) => {
            let message = e.to_string();
            assert!(!message.contains('\n'), "not one line: {message}");
            message
        }
    }
}

fn assert_error(text: &str, parts: &[&str]) {
    let message = error_of(text);
    for part in parts {
        assert!(message.contains(part), "{message:?} lacks {part:?}");
    }
}

const AWS: &str = "ev_sales: 8.0),";
const AWS_WITH_COMPANY: &str =
    r#"ev_sales: 8.0, company: (name: "Amazon", market_cap: 2600.0, price_move: 0.07)),"#;

#[test]
fn version_1_files_project_to_the_numbers_version_1_printed() {
    let mut checked = 0;
    for entry in std::fs::read_dir(v1_dir()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ron") {
            continue;
        }
        let scenario = load_path(&path).unwrap();
        let expected = std::fs::read_to_string(path.with_extension("project.csv")).unwrap();
        let csv = projection_report(&scenario).to_csv();
        // The first nine columns are version 1's numbers (to the 15 significant digits the CSV
        // keeps); version 2 only appends.
        let first_nine: Vec<String> = csv
            .lines()
            .map(|line| line.splitn(10, ',').take(9).collect::<Vec<_>>().join(","))
            .collect();
        common::assert_same_csv(
            &first_nine.join("\n"),
            &expected,
            &path.display().to_string(),
        );
        checked += 1;
    }
    assert!(checked >= 7, "only {checked} version 1 fixtures");
}

#[test]
fn version_2_fields_load_save_and_round_trip() {
    let text = v2_text(&[
        (
            "    halo: 0.5,\n",
            "    halo: 0.5,\n    halo_loss: 0.2,\n    valuation: (discount_rate: 0.1, tax_rate: 0.2, reinvestment_rate: 0.25, terminal_growth: 0.02),\n",
        ),
        (AWS, AWS_WITH_COMPANY),
        (
            "    sources: {\n",
            "    sources: {\n        \"providers[AWS].company.market_cap\": \"AP, Jan 2026\",\n        \"halo_loss\": \"Assumption: switching costs\",\n",
        ),
        (
            "    uncertainty: {\n",
            "    uncertainty: {\n        \"halo_loss\": Uniform(low: 0.0, high: 0.5),\n        \"valuation.discount_rate\": Triangular(low: 0.08, high: 0.12),\n",
        ),
    ]);
    let s = load_str(&text, "v2.ron").unwrap();
    assert_eq!(s.halo_loss, Some(0.2));
    assert!(!s.valuation_is_default());
    assert_eq!(
        ParamPath::Valuation(ValuationParam::TerminalGrowth).get(&s),
        Some(0.02)
    );
    let company = s.company(0).unwrap();
    assert_eq!(
        (
            company.name.as_str(),
            company.market_cap_usd_bn,
            company.price_move
        ),
        ("Amazon", 2600.0, Some(0.07))
    );
    assert!(
        s.source(ParamPath::Provider(0, ProviderParam::MarketCap))
            .is_some()
    );
    let saved = to_ron_string(&s).unwrap();
    assert!(saved.contains("version: 2,"));
    assert!(saved.contains("halo_loss: 0.2,"), "{saved}");
    for written in [
        "company: (",
        "name: \"Amazon\"",
        "market_cap: 2600.0",
        "price_move: 0.07,",
    ] {
        assert!(saved.contains(written), "{written} not in {saved}");
    }
    assert_eq!(load_str(&saved, "saved").unwrap(), s);
    assert!(project(&s).market_cap_impact[0].is_some());
}

#[test]
fn absent_version_2_fields_take_their_defaults() {
    let s = load_str(&v2_text(&[]), "v2.ron").unwrap();
    assert_eq!(s.halo_loss, None);
    assert!((s.halo_loss_used() - s.halo).abs() < f64::MIN_POSITIVE);
    assert!(s.valuation_is_default());
    assert_eq!(
        ParamPath::Valuation(ValuationParam::DiscountRate).get(&s),
        Some(0.09)
    );
    let saved = to_ron_string(&s).unwrap();
    assert!(!saved.contains("halo_loss") && !saved.contains("valuation:"));
    // Setting one valuation input writes the whole block, the defaults with that one changed.
    let mut edited = s.clone();
    ParamPath::Valuation(ValuationParam::TaxRate).set(&mut edited, 0.25);
    let v = edited.valuation.unwrap();
    assert_eq!((v.discount_rate, v.tax_rate), (0.09, 0.25));
}

#[test]
fn a_version_1_file_may_not_use_version_2_fields() {
    let text = std::fs::read_to_string(v1_dir().join("baseline.ron"))
        .unwrap()
        .replacen(
            "    halo: 0.5,\n",
            "    halo: 0.5,\n    halo_loss: 0.2,\n",
            1,
        );
    assert_error(&text, &["halo_loss", "version 2", "version: 1"]);
}

#[test]
fn newer_and_unknown_versions_say_so() {
    let message = error_of(&v2_text(&[(
        "version: 2,",
        "version: 3,\n    new_thing: 1,",
    )]));
    assert!(
        message.contains("version 3") && message.contains("newer"),
        "{message}"
    );
    let message = error_of(&v2_text(&[("version: 2,", "version: 0,")]));
    assert!(message.contains("reads 1 and 2"), "{message}");
}

#[test]
fn terminal_growth_must_stay_a_point_below_the_discount_rate() {
    let valuation = |r: &str, g: &str| {
        format!(
            "    halo: 0.5,\n    valuation: (discount_rate: {r}, tax_rate: 0.21, reinvestment_rate: 0.3, terminal_growth: {g}),\n"
        )
    };
    let text = v2_text(&[("    halo: 0.5,\n", &valuation("0.05", "0.045"))]);
    assert_error(
        &text,
        &[
            "valuation.terminal_growth",
            "valuation.discount_rate",
            "0.05",
            "0.04",
        ],
    );
    // Exactly one point below is allowed, despite 0.09 - 0.01 rounding below 0.08.
    let ok = v2_text(&[("    halo: 0.5,\n", &valuation("0.09", "0.08"))]);
    assert!(load_str(&ok, "v2.ron").is_ok());
    let text = v2_text(&[("    halo: 0.5,\n", &valuation("0.6", "0.02"))]);
    assert_error(&text, &["valuation.discount_rate", "0.6", "0.01..=0.5"]);
    let text = v2_text(&[("    halo: 0.5,\n", &valuation("0.09", "-0.6"))]);
    assert_error(&text, &["valuation.terminal_growth", "-0.5..=0.2"]);
}

#[test]
fn bad_company_and_halo_loss_values_name_the_field_and_range() {
    let with = |company: &str| v2_text(&[(AWS, &format!("ev_sales: 8.0, company: {company}),"))]);
    assert_error(
        &with(r#"(name: "Amazon", market_cap: 0.0)"#),
        &["providers[AWS].company.market_cap", "more than 0"],
    );
    assert_error(
        &with(r#"(name: "Amazon", market_cap: 10.0, price_move: 11.0)"#),
        &["providers[AWS].company.price_move", "-1..=10"],
    );
    assert_error(
        &with(r#"(name: "", market_cap: 10.0)"#),
        &["providers[AWS].company.name", "1 to 64"],
    );
    let twice = v2_text(&[
        (AWS, AWS_WITH_COMPANY),
        (
            "ev_sales: 13.0),",
            r#"ev_sales: 13.0, company: (name: "Amazon", market_cap: 10.0)),"#,
        ),
    ]);
    assert_error(&twice, &["providers[Azure].company.name", "Amazon", "AWS"]);
    let text = v2_text(&[("    halo: 0.5,\n", "    halo: 0.5,\n    halo_loss: 11.0,\n")]);
    assert_error(&text, &["halo_loss", "0..=10"]);
    let text = v2_text(&[("    halo: 0.5,\n", "    halo: 0.5,\n    halo_lost: 0.2,\n")]);
    let message = error_of(&text);
    assert!(message.contains("halo_lost"), "{message}");
    assert!(
        matches!(load_str(&text, "v2.ron"), Err(LoadError::Syntax { .. })),
        "an unknown field is a text error with line and column"
    );
}

#[test]
fn distributions_on_version_2_inputs_follow_the_rules() {
    let unset = v2_text(&[(
        "    uncertainty: {\n",
        "    uncertainty: {\n        \"halo_loss\": Uniform(low: 0.0, high: 0.5),\n",
    )]);
    assert_error(&unset, &["uncertainty[\"halo_loss\"]", "unset"]);
    let observation = v2_text(&[
        (AWS, AWS_WITH_COMPANY),
        (
            "    uncertainty: {\n",
            "    uncertainty: {\n        \"providers[AWS].company.market_cap\": Normal(sd: 100.0),\n",
        ),
    ]);
    assert_error(&observation, &["company.market_cap", "observation"]);
    let defaults = v2_text(&[(
        "    uncertainty: {\n",
        "    uncertainty: {\n        \"valuation.terminal_growth\": Uniform(low: 0.0, high: 0.1),\n",
    )]);
    assert!(
        load_str(&defaults, "v2.ron").is_ok(),
        "a valuation input at its default may be uncertain"
    );
}

#[test]
fn shipped_scenarios_are_version_2_and_read_like_an_analyst_would_defend() {
    for (path, text) in common::shipped() {
        let name = path.display();
        assert!(
            text.contains("\n    version: 2,\n"),
            "{name} is not version 2"
        );
        let s = load_path(&path).unwrap();
        let moves: Vec<(&str, Option<f64>)> = s
            .providers
            .iter()
            .filter_map(|p| p.company.as_ref())
            .map(|c| (c.name.as_str(), c.price_move))
            .collect();
        assert!(
            moves.contains(&("Microsoft", Some(-0.2))),
            "{name}: {moves:?}"
        );
        assert!(moves.contains(&("Amazon", Some(0.07))), "{name}: {moves:?}");
        assert!(
            s.halo_loss.is_some_and(|h| h < s.halo),
            "{name}: losses cost less than wins"
        );
        let p = project(&s);
        for i in 0..p.providers {
            let rest = |t: usize| {
                p.value(Measure::Revenue, t, i).unwrap()
                    - p.value(Measure::WorkloadRevenue, t, i).unwrap()
            };
            for t in 1..p.years {
                // No business withers: other business never falls below its base-year level.
                assert!(rest(t) >= rest(0), "{name}: provider {i} in year {t}");
                let step = p.value(Measure::Share, t, i).unwrap()
                    - p.value(Measure::Share, t - 1, i).unwrap();
                assert!(
                    step.abs() < 0.08,
                    "{name}: provider {i} share jumps {step} in year {t}"
                );
            }
            if let Some(company) = s.company(i) {
                assert!(p.present_value_delta_usd_bn[i].abs() < company.market_cap_usd_bn);
            }
        }
    }
}
