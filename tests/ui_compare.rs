//! Headless UI tests of several open scenarios, the Compare view, presenter mode and the
//! clipboard (`egui_kittest`, no GPU).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::path::PathBuf;

use cloudshift::model::ParamPath;
use cloudshift::model::compare::input_differences;
use cloudshift::scenario::{builtin_baseline, save_path};
use common::ui::{baseline_harness as harness, click, open_typed, press, temp_dir};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

/// A what-if of the baseline with a faster AWS drift, saved as a file.
fn what_if_file() -> (PathBuf, cloudshift::model::Scenario) {
    let dir = temp_dir("compare");
    let mut scenario = builtin_baseline();
    "Fast AWS".clone_into(&mut scenario.name);
    scenario.providers[0].drift_per_year += 0.01;
    let path = dir.join("fast-aws.ron");
    save_path(&scenario, &path).unwrap();
    (path, scenario)
}

#[test]
fn two_scenarios_open_switch_and_compare() {
    let mut harness = harness();
    let (path, what_if) = what_if_file();
    open_typed(&mut harness, &path);
    assert_eq!(
        harness.state().document_count(),
        2,
        "opened as a second tab"
    );
    assert_eq!(harness.state().scenario().name, "Fast AWS");

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Num1);
    assert_eq!(harness.state().scenario().name, builtin_baseline().name);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Num2);
    assert_eq!(harness.state().scenario().name, "Fast AWS");
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Tab);
    assert_eq!(harness.state().active_index(), 0, "Ctrl+Tab cycles");
    click(&mut harness, "Fast AWS");
    assert_eq!(harness.state().active_index(), 1, "clicking a tab shows it");

    click(&mut harness, "Compare");
    assert!(harness.state().present().comparing);
    let baseline = builtin_baseline();
    let aws = baseline.providers[0].name.clone();
    // Series are named by a key outside the plots (issue 14: a legend inside covered them): the
    // tick boxes name each scenario's line style, the key each provider's colour.
    for (name, style) in [(&baseline.name, "solid"), (&what_if.name, "dashed")] {
        let key = format!("{name} ({style})");
        assert!(harness.query_by_label(&key).is_some(), "key entry {key}");
    }
    assert!(
        harness.query_all_by_label(&aws).count() >= 1,
        "colour key names {aws}"
    );
    let changed = input_differences(&[&baseline, &what_if]);
    assert!(!changed.is_empty());
    for difference in &changed {
        // The table names each input as its slider does ("AWS drift"), in its unit.
        let providers: Vec<&str> = baseline.providers.iter().map(|p| p.name.as_str()).collect();
        let workloads: Vec<&str> = baseline.workloads.iter().map(|w| w.name.as_str()).collect();
        let label = ParamPath::parse(&difference.path, &providers, &workloads)
            .map_or_else(|_| difference.path.clone(), |p| p.label(&baseline));
        assert!(
            harness.query_by_label(&label).is_some(),
            "the difference table names {label}"
        );
    }
    // The KPI table has a column per scenario.
    assert!(harness.query_all_by_label(&what_if.name).count() >= 1);
}

#[test]
fn duplicate_branches_an_unsaved_what_if() {
    let mut harness = harness();
    click(&mut harness, "Duplicate");
    let app = harness.state();
    assert_eq!(app.document_count(), 2);
    assert_eq!(
        app.scenario().name,
        format!("{} (copy)", builtin_baseline().name)
    );
    assert!(app.doc().is_dirty() && app.doc().path().is_none());
    assert!(
        harness.query_by_label_contains("(copy) •").is_some(),
        "tab marked unsaved"
    );
}

#[test]
fn presenter_mode_hides_the_inputs_and_esc_brings_them_back() {
    let mut harness = harness();
    assert!(
        harness
            .query_by_role_and_label(Role::Slider, "AWS drift")
            .is_some()
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::F5);
    assert!(harness.state().present().presenting());
    assert!(
        harness
            .query_by_role_and_label(Role::Slider, "AWS drift")
            .is_none(),
        "inputs hidden while presenting"
    );
    assert!(harness.query_by_label("File").is_none(), "menu hidden");
    let before = harness.state().present().presenter.unwrap().slide;
    press(&mut harness, egui::Modifiers::NONE, egui::Key::ArrowRight);
    assert_eq!(
        harness.state().present().presenter.unwrap().slide,
        before + 1
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Escape);
    assert!(!harness.state().present().presenting());
    assert!(
        harness
            .query_by_role_and_label(Role::Slider, "AWS drift")
            .is_some(),
        "inputs back after Esc"
    );
}

#[test]
fn copy_then_paste_gives_an_equal_scenario() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .set_value_accesskit(1.5);
    harness.run();
    let original = harness.state().scenario().clone();
    click(&mut harness, "Edit");
    click(&mut harness, "Copy scenario as RON");
    let copied = harness
        .state()
        .exporter()
        .last_copied()
        .map(str::to_owned)
        .expect("copied");
    harness
        .input_mut()
        .events
        .push(egui::Event::Paste(copied.clone()));
    harness.run();
    let app = harness.state();
    assert_eq!(app.document_count(), 2, "pasted as a new tab");
    assert_eq!(app.scenario(), &original, "equal scenario");
    assert!(
        app.doc().path().is_none() && app.doc().is_dirty(),
        "not saved anywhere yet"
    );
}

#[test]
fn a_bad_paste_changes_nothing_and_says_why() {
    let mut harness = harness();
    let before = harness.state().scenario().clone();
    harness.input_mut().events.push(egui::Event::Paste(
        "(\n  version: 1,\n  name: oops\n".to_owned(),
    ));
    harness.run();
    assert_eq!(harness.state().document_count(), 1, "no new tab");
    assert_eq!(harness.state().scenario(), &before);
    assert!(
        harness.query_by_label_contains("<clipboard>:").is_some(),
        "the error with its line and column is shown"
    );
    click(&mut harness, "OK");
    assert_eq!(harness.state().document_count(), 1);
}

#[test]
fn the_paste_dialog_opens_a_pasted_scenario() {
    let mut harness = harness();
    let mut other = builtin_baseline();
    "From the dialog".clone_into(&mut other.name);
    let text = cloudshift::scenario::to_ron_string(&other).unwrap();
    click(&mut harness, "Edit");
    click(&mut harness, "Paste scenario…");
    harness.get_by_label("Scenario text").click();
    harness.run();
    harness.input_mut().events.push(egui::Event::Paste(text));
    harness.run();
    click(&mut harness, "Open as new tab");
    assert_eq!(harness.state().scenario(), &other);
    assert_eq!(harness.state().document_count(), 2);
}
