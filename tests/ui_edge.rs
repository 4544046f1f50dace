//! Edge cases a user can load: no workloads and no named provider over one year, and the most
//! extreme valid values over 50 years. Every view must draw them without a panic, in a normal
//! and in the smallest window, and the command line must handle them too.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use cloudshift::scenario::load_str;
use cloudshift::ui::CloudshiftApp;
use common::ui::{AppHarness, click, harness_for, press, run_monte_carlo};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable as _;

const MINIMAL: &str = include_str!("data/edge-minimal.ron");
const EXTREME: &str = include_str!("data/edge-extreme.ron");

fn harness(text: &str) -> AppHarness {
    harness_for(CloudshiftApp::new(load_str(text, "edge.ron").unwrap()))
}

/// Shows each chart tab, the grid, the compare view (with a duplicate) and presenter mode.
fn visit_every_view(harness: &mut AppHarness) {
    for key in [Key::Num1, Key::Num2, Key::Num3, Key::Num4] {
        press(harness, Modifiers::ALT, key);
    }
    press(harness, Modifiers::COMMAND, Key::G);
    press(harness, Modifiers::COMMAND, Key::G);
    press(harness, Modifiers::COMMAND, Key::D);
    click(harness, "Compare");
    click(harness, "Compare");
    harness.key_press(Key::F5);
    for _ in 0..10 {
        harness.key_press(Key::ArrowRight);
        harness.step();
    }
    harness.key_press(Key::Escape);
    harness.step();
    harness.step();
    assert!(!harness.state().present().presenting());
}

#[test]
fn a_scenario_without_workloads_or_named_providers_draws_everywhere() {
    let mut harness = harness(MINIMAL);
    assert_eq!(harness.state().scenario().providers.len(), 0);
    visit_every_view(&mut harness);
    // No uncertainty: the tab explains how to add some instead of running anything.
    press(&mut harness, Modifiers::ALT, Key::Num5);
    assert!(
        harness
            .query_by_label_contains("pick a distribution")
            .is_some()
    );
}

#[test]
fn extreme_values_over_fifty_years_draw_everywhere() {
    let mut harness = harness(EXTREME);
    assert_eq!(harness.state().scenario().horizon_years, 50);
    visit_every_view(&mut harness);
    run_monte_carlo(&mut harness, 100);
    let summary = harness.state().uncertainty().summary().unwrap();
    assert_eq!(summary.years, 51);
}

#[test]
fn the_smallest_window_still_draws_every_view() {
    for text in [MINIMAL, EXTREME] {
        let mut harness = harness(text);
        harness.set_size(egui::vec2(800.0, 560.0));
        harness.run();
        visit_every_view(&mut harness);
    }
}
