//! Headless UI tests of details a person notices (`egui_kittest`): a rename is one undo step and
//! never restarts the Monte Carlo, Save As says "Saved", zero reads one way, the presenter starts
//! on the chart on screen.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use cloudshift::edits::Edit;
use cloudshift::ui::command::{Chart, Command, PresentCommand};
use cloudshift::ui::uncertainty::Status;
use common::ui::{
    baseline_harness as harness, press, run_monte_carlo, scripted_harness, step_until, temp_dir,
};
use egui_kittest::kittest::Queryable as _;

#[test]
fn renaming_the_scenario_is_one_undo_step_taken_on_enter() {
    let mut harness = harness();
    let steps = harness.state().doc().undo_steps();
    let field = harness.get_all_by_label("Name").next().unwrap();
    field.focus();
    field.type_text(" (edited)");
    harness.run();
    let original = cloudshift::scenario::builtin_baseline().name;
    assert_eq!(
        harness.state().scenario().name,
        original,
        "not while typing"
    );
    press(&mut harness, egui::Modifiers::NONE, egui::Key::Enter);
    assert_eq!(
        harness.state().scenario().name,
        format!("{original} (edited)")
    );
    assert_eq!(
        harness.state().doc().undo_steps(),
        steps + 1,
        "one step for the whole name"
    );
    harness.hover_at(egui::pos2(5.0, 995.0));
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(
        harness.state().scenario().name,
        original,
        "one undo puts it back"
    );
}

#[test]
fn renaming_never_restarts_the_monte_carlo() {
    let mut harness = harness();
    run_monte_carlo(&mut harness, 2_000);
    let before = harness.state().uncertainty().summary().unwrap().clone();
    assert!(
        harness
            .state_mut()
            .apply_edit(&Edit::RenameScenario("Renamed".to_owned()))
    );
    assert!(
        harness
            .state_mut()
            .apply_edit(&Edit::RenameProvider(0, "Amazon".to_owned()))
    );
    for _ in 0..5 {
        harness.step();
    }
    let app = harness.state();
    assert_eq!(
        app.uncertainty().status(app.scenario()),
        Status::Idle,
        "no run started"
    );
    assert_eq!(
        app.uncertainty().summary().unwrap(),
        &before,
        "the same summary"
    );
}

#[test]
fn save_as_says_saved_in_the_status_line() {
    let dir = temp_dir("details-saved");
    let target = dir.join("mine.ron");
    let mut harness = scripted_harness(&dir, vec![Some(target.clone())]);
    press(
        &mut harness,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    harness.run();
    assert!(target.is_file());
    let saved = format!("Saved {}", target.display());
    assert!(harness.query_by_label(&saved).is_some(), "{saved} shown");
}

#[test]
fn presenting_starts_on_the_chart_on_screen() {
    let mut harness = harness();
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .run(&ctx, Command::ShowChart(Chart::Placement));
    harness.run();
    harness
        .state_mut()
        .run(&ctx, Command::Present(PresentCommand::Start));
    harness.run();
    let slide = harness.state().present().presenter.unwrap().slide;
    assert_eq!(slide, 2, "Workload placement is the third slide");
    assert!(
        harness
            .query_by_label_contains("Workload placement")
            .is_some()
    );
    step_until(&mut harness, "still presenting", |app| {
        app.present().presenting()
    });
}

#[test]
fn zero_reads_one_way() {
    use cloudshift::units::{usd_bn, usd_bn_delta};
    for value in [0.0, -0.0, 0.001, -0.001] {
        assert_eq!(usd_bn(value), "$0.00B");
        assert_eq!(usd_bn_delta(value), "$0.00B");
    }
}

#[test]
fn renaming_a_provider_says_which_history_is_missing() {
    let mut harness = harness();
    assert!(
        harness
            .state_mut()
            .apply_edit(&Edit::RenameProvider(0, "Amazon".to_owned()))
    );
    harness.run();
    assert!(
        harness
            .query_by_label_contains("No history for Amazon")
            .is_some(),
        "the share chart says why the history stops"
    );
    let app = harness.state();
    assert!(
        app.learn().history_to_draw(app.scenario(), true).is_some(),
        "Azure and Google Cloud keep their history"
    );
}

#[test]
fn about_this_input_follows_base_year_and_horizon() {
    let mut harness = harness();
    for (label, path) in [("Base year", "base_year"), ("Horizon", "horizon_years")] {
        harness
            .get_by_role_and_label(egui::accesskit::Role::Slider, label)
            .focus();
        harness.run();
        let text = format!("Path in the file: {path}");
        assert!(
            harness.query_by_label(&text).is_some(),
            "About this input shows {label}"
        );
    }
}
