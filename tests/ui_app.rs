//! Headless UI tests of the desktop app (`egui_kittest`, no GPU): sliders found by their accessible
//! labels drive the scenario, the summary, the placements, validation and the events list.

mod common;

use cloudshift::insight::events::EventKind;
use cloudshift::model::{Measure, project};
use cloudshift::scenario::{builtin_baseline, check};
use cloudshift::ui::CloudshiftApp;
use cloudshift::ui::summary::summary_rows;
use common::ui::harness_for;
use egui::accesskit::Role;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

fn summary_index(app: &CloudshiftApp) -> usize {
    app.projection()
        .year_index(app.doc().summary_year())
        .unwrap_or(usize::MAX)
}

#[test]
fn a_slider_found_by_its_label_changes_the_summary_numbers() {
    let mut harness = harness_for(CloudshiftApp::new(builtin_baseline()));
    let before = {
        let app = harness.state();
        summary_rows(app.scenario(), app.projection(), summary_index(app))
    };
    assert!(
        harness
            .query_all_by_label(&before[0].revenue)
            .next()
            .is_some(),
        "AWS revenue shown"
    );

    // "AWS drift" is in points a year on screen; the model holds a fraction.
    harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .set_value_accesskit(1.5);
    harness.run();

    let app = harness.state();
    assert!((app.scenario().providers[0].drift_per_year - 0.015).abs() < 1e-12);
    let after = summary_rows(app.scenario(), app.projection(), summary_index(app));
    assert_ne!(before[0].revenue, after[0].revenue, "AWS revenue moved");
    assert_ne!(before[0].share, after[0].share, "AWS share moved");
    assert_eq!(
        app.projection(),
        &project(app.scenario()),
        "the cached projection is the model's"
    );
    assert!(
        harness
            .query_all_by_label(&after[0].revenue)
            .next()
            .is_some(),
        "new AWS revenue shown"
    );
    assert!(
        harness.query_all_by_label(&after[0].share).next().is_some(),
        "new AWS share shown"
    );
    assert!(
        app.doc().is_dirty() && app.title().contains('•'),
        "unsaved mark in {}",
        app.title()
    );
}

#[test]
fn the_summary_year_slider_picks_the_year() {
    let mut harness = harness_for(CloudshiftApp::new(builtin_baseline()));
    harness
        .get_by_role_and_label(Role::Slider, "Summary year")
        .set_value_accesskit(2025.0);
    harness.run();
    let app = harness.state();
    assert_eq!(app.doc().summary_year(), 2025);
    let rows = summary_rows(app.scenario(), app.projection(), 0);
    assert_eq!(
        rows[0].share, "29.0%",
        "base year is calibrated to the reported share"
    );
    assert!(harness.query_all_by_label("29.0%").next().is_some());
}

#[test]
fn a_placement_edit_keeps_the_sum_at_100_percent() {
    let mut harness = harness_for(CloudshiftApp::new(builtin_baseline()));
    let azure = harness.state().scenario().provider_index("Azure").unwrap();
    let coreweave = harness
        .state()
        .scenario()
        .provider_index("CoreWeave")
        .unwrap();
    // Target: Azure 75%, CoreWeave 10%, Oracle 10%, Google 5%. Azure to 40%: the rest (25%) grows to 60%.
    harness
        .get_by_role_and_label(Role::Slider, "OpenAI target Azure")
        .set_value_accesskit(40.0);
    harness.run();

    let app = harness.state();
    let target = &app.scenario().workloads[0].placement_target;
    let sum: f64 = target.iter().sum();
    assert!((sum - 1.0).abs() < 1e-12, "sum {sum}");
    assert!((target[azure] - 0.4).abs() < 1e-12);
    assert!(
        (target[coreweave] - 0.1 * 0.6 / 0.25).abs() < 1e-12,
        "others give way in proportion"
    );
    assert!(check(app.scenario()).is_ok());
    assert!(
        harness.query_all_by_label("Sum: 100.0%").count() >= 2,
        "both placements show their sum"
    );
    let shown = harness
        .get_by_role_and_label(Role::Slider, "OpenAI target CoreWeave")
        .accesskit_node()
        .numeric_value();
    assert!((shown.unwrap() - 24.0).abs() < 1e-9, "{shown:?}");
}

#[test]
fn an_invalid_edit_never_reaches_the_model_and_shows_its_message() {
    let mut harness = harness_for(CloudshiftApp::new(builtin_baseline()));
    let original = harness.state().scenario().clone();
    let runs = harness.state().doc().model_runs();

    // Named shares over 100%.
    harness
        .get_by_role_and_label(Role::Slider, "AWS share")
        .set_value_accesskit(95.0);
    harness.run();
    {
        let app = harness.state();
        assert_eq!(
            app.scenario(),
            &original,
            "the refused edit is not committed"
        );
        assert_eq!(app.doc().model_runs(), runs, "the model did not run");
        let message = app.rejection_message().expect("a message");
        assert!(message.contains("providers"), "{message}");
        assert!(
            harness.query_by_label_contains("Not applied").is_some(),
            "shown inline"
        );
        let shown = harness
            .get_by_role_and_label(Role::Slider, "AWS share")
            .accesskit_node()
            .numeric_value();
        assert!(
            (shown.unwrap() - 29.0).abs() < 1e-9,
            "the slider snaps back to the committed value: {shown:?}"
        );
    }

    // A reported share too small for the workload revenue Azure already has in the base year.
    harness
        .get_by_role_and_label(Role::Slider, "Azure share")
        .set_value_accesskit(1.0);
    harness.run();
    let app = harness.state();
    assert_eq!(app.scenario(), &original);
    assert_eq!(app.doc().model_runs(), runs);
    assert!(
        app.rejection_message().unwrap().contains("Azure"),
        "{:?}",
        app.rejection_message()
    );
    assert!(
        check(app.scenario()).is_ok(),
        "the model only ever sees a valid scenario"
    );
    assert_eq!(app.projection(), &project(&original));

    // A valid edit afterwards clears the message.
    harness
        .get_by_role_and_label(Role::Slider, "Azure share")
        .set_value_accesskit(22.0);
    harness.run();
    assert!(harness.state().rejection_message().is_none());
    assert!(harness.query_by_label_contains("Not applied").is_none());
}

#[test]
fn the_events_list_names_a_crossover_the_scenario_contains() {
    let mut scenario = builtin_baseline();
    let google = scenario.provider_index("Google Cloud").unwrap();
    let aws = scenario.provider_index("AWS").unwrap();
    scenario.providers[google].drift_per_year = 0.03;
    check(&scenario).unwrap();

    // Where the model puts the crossover, found independently of the UI.
    let projection = project(&scenario);
    let t = (1..projection.years)
        .find(|&t| {
            projection.value(Measure::Revenue, t - 1, google).unwrap()
                < projection.value(Measure::Revenue, t - 1, aws).unwrap()
                && projection.value(Measure::Revenue, t, google).unwrap()
                    > projection.value(Measure::Revenue, t, aws).unwrap()
        })
        .expect("Google Cloud passes AWS in this scenario");
    let expected = format!(
        "Google Cloud's revenue passes AWS's in {}",
        projection.year(t)
    );

    let harness = harness_for(CloudshiftApp::new(scenario));
    let app = harness.state();
    assert!(
        app.doc()
            .events()
            .iter()
            .any(|e| e.kind == EventKind::Crossover && e.text == expected),
        "{expected} in {:?}",
        app.doc().events()
    );
    assert!(
        harness.query_by_label_contains(&expected).is_some(),
        "shown in the events list"
    );
}

#[test]
fn adding_and_removing_a_provider_keeps_the_scenario_valid() {
    let mut harness = harness_for(CloudshiftApp::new(builtin_baseline()));
    let count = harness.state().scenario().providers.len();
    harness.get_by_label("Add provider").click_accesskit();
    harness.run();
    assert_eq!(harness.state().scenario().providers.len(), count + 1);
    harness
        .get_by_role_and_label(Role::Slider, "Provider 1 share")
        .set_value_accesskit(2.0);
    harness.run();
    assert!(check(harness.state().scenario()).is_ok());
    assert!((harness.state().scenario().providers[count].share - 0.02).abs() < 1e-12);
    harness.get_by_label("Remove Provider 1").click_accesskit();
    harness.run();
    let app = harness.state();
    assert_eq!(app.scenario().providers.len(), count);
    assert!(check(app.scenario()).is_ok());
}

/// The input sliders keep their accessible names (the test API) and their ranges on screen.
#[test]
fn provider_others_and_workload_sliders_keep_their_labels_and_ranges() {
    let mut harness = harness_for(CloudshiftApp::new(builtin_baseline()));
    let scenario = builtin_baseline();
    harness
        .get_by_label(&format!("{} (the rest)", scenario.others.name))
        .click_accesskit();
    harness.run();
    let mut expected: Vec<(String, f64, f64)> = Vec::new();
    for provider in &scenario.providers {
        for (suffix, min, max) in [
            ("share", 0.0, 100.0),
            ("drift", -3.0, 3.0),
            ("margin", -20.0, 80.0),
            ("margin drift", -3.0, 3.0),
            ("EV/sales", 0.0, 30.0),
        ] {
            expected.push((format!("{} {suffix}", provider.name), min, max));
        }
    }
    for (suffix, min, max) in [
        ("margin", -20.0, 80.0),
        ("margin drift", -3.0, 3.0),
        ("EV/sales", 0.0, 30.0),
    ] {
        expected.push((format!("{} {suffix}", scenario.others.name), min, max));
    }
    for workload in &scenario.workloads {
        for (suffix, min, max) in [
            ("spend", 0.1, 1000.0),
            ("growth start", -20.0, 200.0),
            ("growth end", -20.0, 200.0),
            ("extent", 0.0, 100.0),
            ("duration", 0.0, 15.0),
        ] {
            expected.push((format!("{} {suffix}", workload.name), min, max));
        }
    }
    for (label, min, max) in expected {
        let slider = harness.get_by_role_and_label(Role::Slider, &label);
        let node = slider.accesskit_node();
        assert_eq!(
            (node.min_numeric_value(), node.max_numeric_value()),
            (Some(min), Some(max)),
            "{label}"
        );
    }
}
