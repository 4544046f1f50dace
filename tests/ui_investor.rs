//! Headless UI tests of the Investor tab (`egui_kittest`): each company's modelled impact, the
//! priced-in sentence whose value is goal seek's (`priced_in`, as `cloudshift solve`), Apply as
//! one undo step, and a move out of reach said in words.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use cloudshift::model::{Scenario, ValueMeasure, priced_in};
use cloudshift::scenario::load_path;
use cloudshift::ui::CloudshiftApp;
use cloudshift::ui::command::{Chart, Command};
use common::ui::{AppHarness, harness_for, settle};
use egui_kittest::kittest::Queryable as _;

fn shipped(name: &str) -> Scenario {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    load_path(&dir.join(name)).unwrap()
}

/// A shipped scenario and a provider whose company's move the model can price in.
fn priceable() -> (Scenario, usize) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let scenario = load_path(&file).unwrap();
        for p in 0..scenario.providers.len() {
            if priced_in(&scenario, p, None).is_ok() {
                return (scenario, p);
            }
        }
    }
    panic!("no shipped scenario prices in a move");
}

fn investor_harness(scenario: Scenario) -> AppHarness {
    let mut harness = harness_for(CloudshiftApp::new(scenario));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run(&ctx, Command::ShowChart(Chart::Investor));
    settle(&mut harness);
    harness
}

#[test]
fn the_investor_tab_prices_in_the_observed_move_and_applies_it_as_one_step() {
    let (scenario, p) = priceable();
    let company = scenario.company(p).unwrap().name.clone();
    let found = priced_in(&scenario, p, None).unwrap();
    let mut harness = investor_harness(scenario.clone());
    assert!(harness.query_all_by_label_contains(&company).count() >= 1);
    assert!(harness.query_by_label("Model limits reached").is_some());
    let steps = harness.state().doc().undo_steps();
    harness.get_by_label(&format!("Apply to {company}")).click();
    settle(&mut harness);
    let app = harness.state();
    let applied = found.path.get(app.scenario()).unwrap();
    assert!(
        (applied - found.value).abs() < 1e-12,
        "{applied} vs {}",
        found.value
    );
    assert_eq!(app.doc().undo_steps(), steps + 1, "one undo step");
    let impact = app
        .projection()
        .value_measure(ValueMeasure::MarketCapImpact, p)
        .unwrap();
    let observed = scenario.company(p).unwrap().price_move.unwrap();
    assert!(
        (impact - observed).abs() < 1e-6,
        "impact {impact} equals the move {observed}"
    );
}

#[test]
fn a_move_out_of_reach_is_said_in_a_sentence() {
    let harness = investor_harness(shipped("openai-moves-to-aws.ron"));
    assert!(harness.query_all_by_label_contains("Microsoft's").count() >= 1);
    assert!(
        harness.query_by_label("Apply to Microsoft").is_none(),
        "nothing to apply"
    );
}

/// The shipped scenario with a halo on losses so large that Azure's other business is cut to
/// nothing: a model limit to click.
fn with_a_limit() -> Scenario {
    let mut scenario = shipped("openai-moves-to-aws.ron");
    scenario.halo_loss = Some(10.0);
    scenario
}

#[test]
fn clicking_a_model_limit_focuses_the_input_that_drives_it() {
    use cloudshift::model::{diagnostics, project};
    let scenario = with_a_limit();
    let limits = diagnostics(&scenario, &project(&scenario));
    let limit = limits
        .first()
        .expect("the scenario reaches a limit")
        .clone();
    let label = limit.input.label(&scenario);
    let mut harness = investor_harness(scenario);
    harness.get_by_label(&limit.sentence).click();
    settle(&mut harness);
    settle(&mut harness);
    let focused = harness
        .query_all_by_label(&label)
        .any(|node| node.is_focused());
    assert!(focused, "the slider of {label} has the keyboard focus");
    // "About this input" describes it.
    assert!(
        harness.query_all_by_label(&label).count() >= 2,
        "{label} named in About this input as well as on its slider"
    );
}

#[test]
fn an_uncertain_scenario_shows_the_spread_of_each_companys_impact() {
    let (scenario, p) = priceable();
    assert!(
        !scenario.uncertainty.is_empty(),
        "the shipped scenario is uncertain"
    );
    let company = scenario.company(p).unwrap().name.clone();
    let mut harness = investor_harness(scenario);
    common::ui::step_until(&mut harness, "the impact's spread", |app| {
        app.uncertainty().summary().is_some()
    });
    settle(&mut harness);
    assert!(
        harness
            .query_by_label("Spread of the impact under uncertainty")
            .is_some()
    );
    let summary = harness.state().uncertainty().summary().unwrap();
    let median = summary
        .value_stats(ValueMeasure::MarketCapImpact, p)
        .unwrap()
        .p50;
    let sentence = format!("{company}: median {}", cloudshift::units::percent(median));
    assert!(
        harness.query_all_by_label_contains(&sentence).count() >= 1,
        "{sentence}"
    );
    assert!(
        harness
            .query_all_by_label_contains("probability-weighted expected value")
            .count()
            >= 1
    );
}

#[test]
fn a_limit_whose_input_is_unset_focuses_the_switch_that_sets_it() {
    use cloudshift::model::{ParamPath, diagnostics, project};
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/v1");
    let scenario = load_path(&dir.join("openai-moves-to-aws.ron")).unwrap();
    assert!(scenario.halo_loss.is_none(), "a version 1 file");
    let limit = diagnostics(&scenario, &project(&scenario))
        .into_iter()
        .find(|d| d.input == ParamPath::HaloLoss)
        .expect("the halo limit");
    let mut harness = investor_harness(scenario);
    harness.get_by_label(&limit.sentence).click();
    settle(&mut harness);
    let switch = harness.get_by_label("Separate halo on losses");
    assert!(switch.is_focused(), "the switch has the keyboard focus");
    switch.click();
    settle(&mut harness);
    let app = harness.state();
    assert_eq!(app.scenario().halo_loss, Some(app.scenario().halo));
    assert!(
        harness
            .query_by_role_and_label(egui::accesskit::Role::Slider, "Halo on losses")
            .is_some(),
        "its slider now shows"
    );
}

#[test]
fn without_companies_the_tab_says_so_and_shows_no_empty_table() {
    let mut scenario = shipped("openai-moves-to-aws.ron");
    for provider in &mut scenario.providers {
        provider.company = None;
    }
    let harness = investor_harness(scenario);
    assert!(
        harness
            .query_by_label_contains("No provider in this scenario names its company")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("What the market has priced in")
            .is_none()
    );
    assert!(harness.query_by_label("Market cap").is_none());
    assert!(harness.query_by_label("Model limits reached").is_some());
}

#[test]
fn switching_the_separate_halo_on_losses_off_drops_its_distribution_and_is_accepted() {
    use cloudshift::edits::{Edit, apply};
    use cloudshift::model::ParamPath;
    let scenario = shipped("openai-moves-to-aws.ron");
    assert!(scenario.distribution(ParamPath::HaloLoss).is_some());
    let off = apply(&scenario, &Edit::HaloLoss(None));
    assert_eq!(off.halo_loss, None);
    assert!(off.distribution(ParamPath::HaloLoss).is_none());
    cloudshift::scenario::check(&off).expect("losses follow the halo again");
    let on = apply(&off, &Edit::HaloLoss(Some(off.halo)));
    assert_eq!(on.halo_loss, Some(off.halo));
    cloudshift::scenario::check(&on).expect("a halo on losses equal to the halo");
}
