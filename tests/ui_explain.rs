#![allow(clippy::unwrap_used, clippy::expect_used, clippy::float_cmp)]
//! Headless UI tests of issue 7 (`egui_kittest`, no GPU): the "About this input" inspector, the
//! Sources window, the worked example against the projection, guided what-ifs, reset to the file
//! value and the history series on the charts.

mod common;

use cloudshift::insight::explain::revenue_example;
use cloudshift::model::{Measure, ParamPath, ProviderParam, WorkloadParam};
use cloudshift::scenario::builtin_baseline;
use cloudshift::ui::CloudshiftApp;
use cloudshift::ui::command::Command;
use common::ui::{baseline_harness as harness, open_menu_item};
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

#[test]
fn focusing_a_slider_shows_its_meaning_and_source() {
    let mut harness = harness();
    assert!(
        harness
            .query_by_label_contains("Hover or focus (Tab) a slider")
            .is_some()
    );
    harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .focus();
    harness.run();
    harness.run();
    let source = builtin_baseline()
        .source(ParamPath::Provider(0, ProviderParam::Drift))
        .unwrap()
        .to_owned();
    assert!(
        harness
            .query_by_label(&format!("Source: {source}"))
            .is_some(),
        "the inspector shows the source"
    );
    assert!(
        harness
            .query_by_label_contains("share of the rest of the market each year")
            .is_some(),
        "the inspector shows the meaning"
    );
}

#[test]
fn the_sources_window_lists_every_input_and_filters() {
    let mut harness = harness();
    open_menu_item(&mut harness, "View", "Sources");
    assert!(harness.query_by_label("market.size").is_some());
    assert!(harness.query_by_label("halo").is_some());
    harness.get_by_label("Filter").click();
    harness.run();
    harness.get_by_label("Filter").type_text("Google");
    harness.run();
    assert!(harness.query_by_label("market.size").is_none());
    assert!(
        harness
            .query_by_label("providers[Google Cloud].drift")
            .is_some()
    );
}

#[test]
fn the_worked_example_equals_the_projection() {
    let mut harness = harness();
    open_menu_item(&mut harness, "Help", "How the model works…");
    let app = harness.state();
    let year = 2030;
    let t = app.projection().year_index(year).unwrap();
    let example = revenue_example(app.scenario(), app.projection(), 0, t).unwrap();
    let revenue = app.projection().value(Measure::Revenue, t, 0).unwrap();
    assert!((example.sum_of_terms() - revenue).abs() < 1e-9 * revenue);
    let sentence = format!("Now: {}", example.sentence());
    assert!(sentence.contains("AWS 2030 revenue = "), "{sentence}");
    assert!(
        harness.query_by_label(&sentence).is_some(),
        "the window shows {sentence}"
    );
    assert!(harness.query_by_label("Glossary").is_some());
    assert!(
        harness
            .query_by_label_contains("Dollars of other customers")
            .is_some()
    );
}

#[test]
fn a_guided_what_if_moves_the_sliders_it_names_one_undo_step_each() {
    let mut harness = harness();
    open_menu_item(&mut harness, "Help", "Guided what-ifs…");
    harness
        .get_by_label("What if OpenAI moves half its work to AWS by 2028?")
        .click();
    harness.run();
    let steps_before = harness.state().doc().undo_steps();
    for _ in 0..3 {
        harness.get_by_label("Next").click();
        harness.run();
    }
    let app = harness.state();
    let openai = &app.scenario().workloads[0];
    let aws = app.scenario().provider_index("AWS").unwrap();
    assert!((openai.placement_target[aws] - 0.5).abs() < 1e-9);
    assert_eq!(openai.migration.start_year, 2026.0);
    assert_eq!(openai.migration.duration_years, 2.0);
    assert_eq!(openai.extent, 1.0);
    // The baseline's extent is already 100%: step 3 changes nothing, so it records no step.
    assert_eq!(
        app.doc().undo_steps(),
        steps_before + 2,
        "one undo step per changing step"
    );
    assert!(harness.query_by_label_contains("Notice:").is_some());
    // The inputs panel's sliders show the new values.
    let duration = harness.get_by_role_and_label(Role::Slider, "OpenAI duration");
    assert_eq!(duration.accesskit_node().numeric_value(), Some(2.0));

    harness.get_by_label("Back").click();
    harness.run();
    let openai = &harness.state().scenario().workloads[0];
    assert_eq!(
        openai.migration.duration_years, 2.0,
        "step 3 changed nothing to undo"
    );
    harness.get_by_label("Back").click();
    harness.run();
    let openai = &harness.state().scenario().workloads[0];
    assert_eq!(openai.migration.duration_years, 3.0, "Back undid step 2");
    assert!(
        (openai.placement_target[aws] - 0.5).abs() < 1e-9,
        "step 1 stays"
    );
    assert_eq!(harness.state().doc().undo_steps(), steps_before + 1);
}

#[test]
fn reset_puts_an_input_back_to_its_file_value_and_revert_restores_all() {
    let mut harness = harness();
    let file_halo = builtin_baseline().halo;
    harness
        .get_by_role_and_label(Role::Slider, "Halo")
        .set_value_accesskit(1.5);
    harness.run();
    assert_eq!(harness.state().scenario().halo, 1.5);
    // Off-screen in the scrolled inputs panel: click through AccessKit, as a screen reader would.
    harness
        .get_by_label("Reset Halo to its value in the file")
        .click_accesskit();
    harness.run();
    assert_eq!(harness.state().scenario().halo, file_halo);

    harness
        .get_by_role_and_label(Role::Slider, "Halo")
        .set_value_accesskit(2.0);
    harness.run();
    let extent = ParamPath::Workload(0, WorkloadParam::Extent);
    harness
        .state_mut()
        .apply_edit(&cloudshift::edits::Edit::Value(extent, 0.25));
    harness.run();
    let ctx = harness.ctx.clone();
    harness.state_mut().run(&ctx, Command::Revert);
    harness.run();
    assert_eq!(harness.state().scenario(), &builtin_baseline());
}

#[test]
fn the_history_series_appears_in_the_share_and_revenue_charts() {
    let mut harness = harness();
    assert!(harness.state().prefs.show_history);
    assert!(harness.state().learn().history().is_some());
    harness.get_by_role_and_label(Role::CheckBox, "AWS (history)");
    harness.get_by_role_and_label(Role::CheckBox, "Azure (history)");
    assert!(
        harness
            .query_by_label("Microsoft re-segmented (Q3 2024)")
            .is_some()
    );
    harness.state_mut().prefs.chart = cloudshift::ui::command::Chart::Revenue;
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, "Google Cloud (history)");

    // View → Show history turns it off.
    open_menu_item(&mut harness, "View", "Show history");
    assert!(!harness.state().prefs.show_history);
    assert!(harness.query_by_label("AWS (history)").is_none());
}

#[test]
fn history_is_not_drawn_when_the_base_year_differs() {
    let mut scenario = builtin_baseline();
    scenario.base_year = 2024;
    for w in &mut scenario.workloads {
        w.migration.start_year = 2025.0;
    }
    let app = CloudshiftApp::new(scenario);
    let reason = app.learn().history_unavailable(app.scenario()).unwrap();
    assert!(reason.contains("2025"), "{reason}");
    assert!(app.learn().history_to_draw(app.scenario(), true).is_none());
}
