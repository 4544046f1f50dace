#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Headless UI tests of the Uncertainty tab (`egui_kittest`, no GPU): the fan chart and tornado
//! appear, a distribution edit re-runs the Monte Carlo, and a 1,000,000-draw run keeps frames
//! coming and stops on Cancel.

mod common;

use std::time::{Duration, Instant};

use cloudshift::edits::Edit;
use cloudshift::model::{Distribution, Measure, ParamPath};
use cloudshift::scenario::builtin_baseline;
use cloudshift::ui::CloudshiftApp;
use cloudshift::ui::uncertainty::Status;
use common::ui::{
    AppHarness, baseline_harness as harness, harness_for, run_monte_carlo, set_samples, step_until,
};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

/// The Uncertainty tab open on the baseline, with a finished run of `samples` draws.
fn uncertainty_tab(samples: u32) -> AppHarness {
    let mut harness = harness();
    run_monte_carlo(&mut harness, samples);
    harness
}

fn aws_revenue_p95(app: &CloudshiftApp) -> f64 {
    let summary = app.uncertainty().summary().unwrap();
    summary
        .stats(Measure::Revenue, summary.years - 1, 0)
        .unwrap()
        .p95
}

#[test]
fn fan_chart_and_tornado_appear_for_a_scenario_with_uncertainty() {
    let harness = uncertainty_tab(500);
    for legend in ["P5–P95", "P25–P75", "Median", "Deterministic"] {
        assert!(harness.query_by_label(legend).is_some(), "legend {legend}");
    }
    assert!(harness.query_by_label("Input at its P10").is_some());
    assert!(harness.query_by_label("Input at its P90").is_some());
    let app = harness.state();
    assert_eq!(app.scenario().monte_carlo.unwrap().samples, 500);
    let bars = app.uncertainty().tornado_bars().expect("tornado computed");
    assert_eq!(bars.len(), app.scenario().uncertainty.len());
    let names: Vec<String> = bars
        .iter()
        .map(|b| b.path.to_text(app.scenario()))
        .collect();
    assert!(
        names.iter().any(|n| n == "market.growth_start"),
        "{names:?}"
    );
    let stats = app
        .uncertainty()
        .summary()
        .unwrap()
        .stats(Measure::Revenue, 5, 0)
        .copied()
        .unwrap();
    assert!(stats.p5 < stats.p50 && stats.p50 < stats.p95, "{stats:?}");
}

#[test]
fn editing_a_distribution_updates_the_bands_and_the_tornado() {
    let mut harness = uncertainty_tab(500);
    let before = aws_revenue_p95(harness.state());
    let path = ParamPath::MarketGrowthStart;
    harness
        .get_by_label("Market growth start distribution")
        .click();
    harness.run(); // the open editor's widgets pass the accessibility check
    assert!(
        harness
            .query_by_label("Market growth start distribution kind")
            .is_some()
    );
    // Widen the triangle: high bound 40% a year (display units are percent).
    harness
        .get_by_role_and_label(Role::SpinButton, "high")
        .set_value_accesskit(40.0);
    harness.step();
    let app = harness.state();
    match app.scenario().distribution(path) {
        Some(&Distribution::Triangular { high, .. }) => assert!((high - 0.40).abs() < 1e-9),
        other => panic!("{other:?}"),
    }
    step_until(&mut harness, "summary after the edit", |app| {
        (aws_revenue_p95(app) - before).abs() > 1e-9
    });
    assert!(
        aws_revenue_p95(harness.state()) > before,
        "a wider top widens P95"
    );
    harness.step();
    let bar = harness
        .state()
        .uncertainty()
        .tornado_bars()
        .unwrap()
        .iter()
        .find(|b| b.path == path)
        .copied()
        .unwrap();
    assert!(
        bar.high_input > 0.27,
        "tornado uses the new bounds: {bar:?}"
    );
}

#[test]
fn a_distribution_that_fails_the_check_is_refused_with_its_message() {
    let mut harness = uncertainty_tab(500);
    harness
        .get_by_label("Market growth start distribution")
        .click();
    harness.step();
    harness.step();
    let before = harness.state().scenario().clone();
    // A triangle must contain the value (22%).
    harness
        .get_by_role_and_label(Role::SpinButton, "high")
        .set_value_accesskit(10.0);
    harness.step();
    let app = harness.state();
    assert_eq!(app.scenario(), &before);
    assert!(
        app.rejection_message().unwrap().contains("Triangular"),
        "{:?}",
        app.rejection_message()
    );
}

#[test]
fn frames_keep_coming_during_a_million_draw_run_and_cancel_stops_it() {
    let mut harness = uncertainty_tab(500);
    set_samples(&mut harness, 1_000_000.0);
    assert_eq!(
        harness.state().scenario().monte_carlo.unwrap().samples,
        1_000_000
    );
    let running = |app: &CloudshiftApp| {
        matches!(app.uncertainty().status(app.scenario()),
            Status::Running(r) if r.samples == 1_000_000)
    };
    assert!(running(harness.state()));

    // Frames keep coming, each quickly, and the UI still takes input.
    for _ in 0..5 {
        let start = Instant::now();
        harness.step();
        assert!(
            start.elapsed() < Duration::from_secs(2),
            "a frame took {:?}",
            start.elapsed()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(running(harness.state()), "still running after 5 frames");
    let last_year = harness.state().projection().year(3);
    harness
        .get_by_role_and_label(Role::SpinButton, "Tornado year")
        .set_value_accesskit(f64::from(last_year));
    harness.step();
    assert_eq!(harness.state().uncertainty().tornado_year, Some(last_year));
    assert!(running(harness.state()));

    harness.get_by_label("Cancel").click();
    let start = Instant::now();
    step_until(&mut harness, "cancelled", |app| {
        app.uncertainty().status(app.scenario()) == Status::Cancelled
    });
    assert!(start.elapsed() < Duration::from_secs(5));
    // The bands still show the last finished run; "Run again" restarts the full count.
    assert_eq!(
        harness.state().uncertainty().summary().unwrap().samples,
        500
    );
    harness.step();
    harness.get_by_label("Run again").click();
    harness.step();
    harness.step();
    assert!(running(harness.state()));
    harness.get_by_label("Cancel").click();
    step_until(&mut harness, "cancelled again", |app| {
        app.uncertainty().status(app.scenario()) == Status::Cancelled
    });
}

#[test]
fn a_scenario_without_uncertainty_says_how_to_add_some() {
    let mut scenario = builtin_baseline();
    scenario.uncertainty.clear();
    let mut harness = harness_for(CloudshiftApp::new(scenario));
    harness.get_by_label("Uncertainty").click();
    harness.run();
    assert!(
        harness
            .query_by_label("This scenario has no uncertain input.")
            .is_some()
    );
    assert!(harness.query_by_label("P5–P95").is_none());
    let app = harness.state();
    assert_eq!(
        app.uncertainty().status(app.scenario()),
        Status::NoUncertainty
    );
    assert!(app.uncertainty().summary().is_none());
}

/// Opens the goal-seek dialog and solves for AWS revenue in the last year by varying the first
/// input (`market.growth_start`); returns the result line.
fn goal_seek(harness: &mut AppHarness, target_usd_bn: f64) -> String {
    if harness.query_by_label("Solve").is_none() {
        harness.get_by_label("Goal seek…").click();
        harness.step();
        harness.step();
    }
    harness
        .get_by_role_and_label(Role::SpinButton, "Target")
        .set_value_accesskit(target_usd_bn);
    harness.step();
    harness.get_by_label("Solve").click();
    harness.step();
    harness.step();
    harness
        .get_by_label_contains("hits the target")
        .accesskit_node()
        .value()
        .unwrap_or_default()
}

#[test]
fn goal_seek_finds_a_value_and_applies_it() {
    let mut harness = uncertainty_tab(500);
    // 51% growth lies outside market.growth_start's triangle (17%..27%): the triangle moves with
    // the value (issue 14), so Apply is not refused.
    let found = goal_seek(&mut harness, 1500.0);
    assert!(found.starts_with("market.growth_start = 51.1%"), "{found}");
    assert!(harness.query_by_label_contains("Cannot apply").is_none());

    let found = goal_seek(&mut harness, 500.0);
    assert!(found.starts_with("market.growth_start = "), "{found}");
    harness.get_by_label("Apply").click();
    harness.step();
    harness.step();
    let app = harness.state();
    let t = app.projection().years - 1;
    let revenue = app.projection().value(Measure::Revenue, t, 0).unwrap();
    assert!((revenue - 500.0).abs() < 1e-3, "AWS revenue {revenue}");
    assert!(app.rejection_message().is_none());
    assert!(
        harness
            .query_by_label("Applied: the input is at the value found.")
            .is_some(),
        "after Apply the result reads as applied, not as stale"
    );
}

#[test]
fn dragging_a_slider_runs_quick_passes_and_release_runs_the_full_count() {
    let mut harness = uncertainty_tab(5000);
    let seed = harness.state().uncertainty().summary().unwrap().seed;
    let size_before = harness.state().scenario().market.size_usd_bn;
    let rect = harness
        .get_by_role_and_label(Role::Slider, "Market size")
        .rect();
    // The handle sits at $419B on a logarithmic $10B..$10T slider; drag it a little right
    // (far left would make the market smaller than its workloads, which the check refuses).
    let handle = rect.left() + rect.width() * (41.9_f32.log10() / 3.0);
    let from = egui::pos2(handle, rect.center().y);
    let to = from + egui::vec2(12.0, 0.0);
    harness.hover_at(from);
    harness.step();
    harness.drag_at(from);
    harness.step();
    harness.hover_at(to);
    harness.step();
    assert!(
        (harness.state().scenario().market.size_usd_bn - size_before).abs() > 1e-9,
        "the drag moved the market size"
    );
    step_until(
        &mut harness,
        "quick pass while the pointer is down",
        |app| app.uncertainty().summary().unwrap().samples == 2000,
    );
    harness.drop_at(to);
    harness.step();
    step_until(&mut harness, "full run after release", |app| {
        app.uncertainty().summary().unwrap().samples == 5000
    });
    assert_eq!(harness.state().uncertainty().summary().unwrap().seed, seed);
}

#[test]
fn the_tools_menu_opens_goal_seek_on_the_uncertainty_tab() {
    let mut harness = harness();
    harness.get_by_label("Tools").click();
    harness.step();
    harness.step();
    harness.get_by_label("Goal seek…").click();
    harness.step();
    harness.step();
    harness.step();
    assert_eq!(
        harness.state().prefs.chart,
        cloudshift::ui::command::Chart::Uncertainty
    );
    assert!(harness.query_by_label("Solve").is_some());
}

#[test]
fn goal_seek_on_a_percentile_runs_the_monte_carlo_inside_the_search() {
    use cloudshift::model::uncertainty::{Statistic, solve_statistic};
    let mut harness = uncertainty_tab(200);
    harness.get_by_label("Goal seek…").click();
    harness.step();
    harness.step();
    harness.get_by_role_and_label(Role::ComboBox, "Of").click();
    harness.step();
    harness.step();
    harness
        .get_by_label("P50 (median) of the Monte Carlo")
        .click();
    harness.step();
    harness
        .get_by_role_and_label(Role::SpinButton, "Target")
        .set_value_accesskit(700.0);
    harness.step();
    harness.get_by_label("Solve").click();
    harness.step();
    let deadline = Instant::now() + Duration::from_mins(1);
    while harness.query_by_label_contains("hits the target").is_none() {
        assert!(
            harness.query_by_label_contains("No value found").is_none(),
            "the search failed"
        );
        assert!(Instant::now() < deadline, "the search did not finish");
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    let found = harness
        .get_by_label_contains("hits the target")
        .accesskit_node()
        .value()
        .unwrap_or_default();
    let app = harness.state();
    let scenario = app.scenario();
    let settings = scenario.monte_carlo.unwrap();
    let last = app.projection().year(app.projection().years - 1);
    let expected = solve_statistic(
        scenario,
        ParamPath::all_uncertain_capable(scenario)[0],
        0,
        Measure::Revenue,
        last,
        700.0,
        Statistic::P50,
        settings.samples,
        settings.seed,
    )
    .unwrap();
    let text = format!(
        "market.growth_start = {}",
        cloudshift::units::percent(expected)
    );
    assert!(found.starts_with(&text), "{found} vs {text}");
}

#[test]
fn a_goal_seek_result_found_for_other_inputs_is_stale_and_a_search_can_be_cancelled() {
    let mut harness = uncertainty_tab(200);
    let found = goal_seek(&mut harness, 500.0);
    assert!(found.starts_with("market.growth_start = "), "{found}");
    let size = harness.state().scenario().market.size_usd_bn;
    assert!(
        harness
            .state_mut()
            .apply_edit(&Edit::Value(ParamPath::MarketSize, size + 10.0))
    );
    harness.step();
    harness.step();
    assert!(
        harness
            .query_by_label("The inputs have changed since the last search: Solve again.")
            .is_some()
    );
    assert!(
        harness.query_by_label("Apply").is_none(),
        "no Apply of a stale value"
    );

    // A percentile search, cancelled at once: Solve comes back and no result is shown.
    harness.get_by_role_and_label(Role::ComboBox, "Of").click();
    harness.step();
    harness.step();
    harness
        .get_by_label("P50 (median) of the Monte Carlo")
        .click();
    harness.step();
    harness.get_by_label("Solve").click();
    harness.step();
    harness.step();
    assert!(
        harness
            .query_by_label_contains("Monte Carlo draws at each step of the search")
            .is_some(),
        "the search runs"
    );
    harness.get_by_label("Cancel search").click();
    harness.step();
    harness.step();
    assert!(harness.query_by_label("Solve").is_some());
    assert!(harness.query_by_label_contains("hits the target").is_none());
    assert!(harness.query_by_label_contains("Running").is_none());
}

#[test]
fn a_goal_seek_result_is_hidden_once_the_request_changes() {
    let mut harness = uncertainty_tab(200);
    let found = goal_seek(&mut harness, 500.0);
    assert!(found.starts_with("market.growth_start = "), "{found}");
    harness
        .get_by_role_and_label(Role::SpinButton, "Target")
        .set_value_accesskit(650.0);
    harness.step();
    harness.step();
    assert!(
        harness.query_by_label_contains("hits the target").is_none(),
        "the result for $500B is not shown against a $650B target"
    );
    assert!(harness.query_by_label("Apply").is_none());
}
