//! Headless UI tests of the sliders as a person uses them (`egui_kittest`): a distribution moves
//! with its input's value instead of locking the slider, a refused bound is explained in the
//! slider's units under the slider, values reach the file in the slider's precision, Shift makes
//! a drag fine, and the secondary button opens the menu without moving the value.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use cloudshift::model::{Distribution, ParamPath, WorkloadParam};
use cloudshift::scenario::{builtin_baseline, check};
use cloudshift::ui::CloudshiftApp;
use common::ui::{AppHarness, harness_for};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

fn harness() -> AppHarness {
    harness_for(CloudshiftApp::new(builtin_baseline()))
}

#[test]
fn a_triangular_range_moves_with_its_slider_instead_of_locking_it() {
    let mut harness = harness();
    let path = ParamPath::MarketGrowthStart;
    let Some(&Distribution::Triangular { low, high }) =
        harness.state().scenario().distribution(path)
    else {
        panic!("the baseline's market growth start is triangular");
    };
    assert!(high < 0.5);
    harness
        .get_by_role_and_label(Role::Slider, "Market growth start")
        .set_value_accesskit(50.0);
    harness.run();
    let app = harness.state();
    assert!(
        app.rejection_message().is_none(),
        "{:?}",
        app.rejection_message()
    );
    assert!((path.get(app.scenario()).unwrap() - 0.5).abs() < 1e-12);
    match app.scenario().distribution(path) {
        Some(&Distribution::Triangular { low: l, high: h }) => {
            assert!(l <= 0.5 && 0.5 <= h, "{l}..{h} holds the value");
            assert!(((h - l) - (high - low)).abs() < 1e-3, "same width");
        }
        other => panic!("{other:?}"),
    }
    check(app.scenario()).unwrap();
}

#[test]
fn a_refused_bound_is_explained_in_the_sliders_units_under_it() {
    let mut harness = harness();
    harness
        .get_by_label("Market growth start distribution")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(Role::SpinButton, "high")
        .set_value_accesskit(10.0);
    harness.run();
    let message = harness.state().rejection_message().unwrap().to_owned();
    assert!(
        message.contains("10.0%") && message.contains("22.0%"),
        "{message}"
    );
    assert!(
        !message.contains("0.1,") && !message.contains("0.22"),
        "{message}"
    );
    let shown = harness.get_by_label_contains("Not applied: Triangular");
    let slider = harness.get_by_role_and_label(Role::Slider, "Market growth start");
    let below = shown.rect().top() - slider.rect().bottom();
    assert!(
        (0.0..80.0).contains(&below),
        "the message sits just under its slider ({below} points)"
    );
}

#[test]
fn a_value_from_the_screen_reaches_the_file_in_the_sliders_precision() {
    let mut harness = harness();
    harness
        .get_by_role_and_label(Role::Slider, "OpenAI extent")
        .set_value_accesskit(58.437_508_344_650_27);
    harness.run();
    let extent = ParamPath::Workload(0, WorkloadParam::Extent);
    let value = extent.get(harness.state().scenario()).unwrap();
    assert_eq!(value.to_string(), "0.584");
}

/// Presses the primary button on the slider's centre, moves `dx` points, releases; returns the
/// value before and after.
fn drag(harness: &mut AppHarness, label: &str, dx: f32, shift: bool) -> (f64, f64) {
    let path = ParamPath::Provider(0, cloudshift::model::ProviderParam::Drift);
    let before = path.get(harness.state().scenario()).unwrap();
    let start = harness
        .get_by_role_and_label(Role::Slider, label)
        .rect()
        .center();
    let modifiers = if shift {
        egui::Modifiers::SHIFT
    } else {
        egui::Modifiers::NONE
    };
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers,
    };
    harness
        .input_mut()
        .events
        .push(egui::Event::ModifiersChanged(modifiers));
    harness
        .input_mut()
        .events
        .push(egui::Event::PointerMoved(start));
    harness.step();
    harness.input_mut().events.push(button(start, true));
    harness.step();
    for i in 1..=4 {
        let at = start + egui::vec2(dx * i as f32 / 4.0, 0.0);
        harness
            .input_mut()
            .events
            .push(egui::Event::PointerMoved(at));
        harness.step();
    }
    harness
        .input_mut()
        .events
        .push(button(start + egui::vec2(dx, 0.0), false));
    harness.step();
    harness
        .input_mut()
        .events
        .push(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    harness.run();
    (before, path.get(harness.state().scenario()).unwrap())
}

#[test]
fn shift_makes_a_drag_ten_times_finer() {
    let mut plain = harness();
    let (before, after_plain) = drag(&mut plain, "AWS drift", 40.0, false);
    let mut fine = harness();
    let (_, after_fine) = drag(&mut fine, "AWS drift", 40.0, true);
    let plain_move = (after_plain - before).abs();
    let fine_move = (after_fine - before).abs();
    assert!(
        plain_move > 0.002,
        "a plain drag moves the value: {plain_move}"
    );
    assert!(fine_move > 0.0, "a fine drag moves it too");
    assert!(
        fine_move < plain_move / 4.0,
        "fine {fine_move} vs plain {plain_move}"
    );
}

#[test]
fn the_secondary_button_opens_the_menu_and_never_moves_the_value() {
    let mut harness = harness();
    let before = harness.state().scenario().clone();
    harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .click_secondary();
    harness.run();
    assert_eq!(harness.state().scenario(), &before);
    assert!(
        harness.query_by_label("Reset to file value").is_some(),
        "its menu opened"
    );
}
