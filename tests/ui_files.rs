//! Headless UI tests of files, the unsaved-changes prompt, drops and undo (`egui_kittest`):
//! file pickers are scripted, so no native dialog is ever opened.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use cloudshift::scenario::{builtin_baseline, load_path, save_path};
use cloudshift::ui::CloudshiftApp;
use common::ui::{baseline_harness, click, open_typed, press, scripted_harness, temp_dir};
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

#[derive(Debug)]
struct FakeDrop(PathBuf);

impl egui::DroppedFile for FakeDrop {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

fn drift(harness: &Harness<'_, CloudshiftApp>) -> f64 {
    harness.state().scenario().providers[0].drift_per_year
}

#[test]
fn opening_a_bad_file_keeps_the_scenario_and_shows_the_error() {
    let dir = temp_dir("files-bad-open");
    let bad = dir.join("bad.ron");
    std::fs::write(&bad, "(\n  version: 1,\n  name: oops\n").unwrap();
    let mut harness = scripted_harness(&dir, vec![Some(bad.clone())]);
    harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .set_value_accesskit(1.5);
    harness.run();
    let before = harness.state().scenario().clone();

    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::O);
    // Opening adds a tab, so unsaved changes are kept without asking.
    assert!(harness.query_by_label("Save changes?").is_none());
    assert_eq!(harness.state().document_count(), 1, "no tab for a bad file");

    assert_eq!(harness.state().scenario(), &before, "scenario untouched");
    assert!(
        harness.query_by_label_contains("bad.ron:3:").is_some(),
        "the error with its line and column is shown"
    );
    click(&mut harness, "OK");
    assert!(
        harness.query_by_label_contains("bad.ron:3:").is_none(),
        "dismissed"
    );
    assert_eq!(harness.state().scenario(), &before);
}

#[test]
fn undo_of_a_slider_drag_is_one_step() {
    let dir = temp_dir("files-undo-drag");
    let mut harness = scripted_harness(&dir, vec![]);
    let original = drift(&harness);
    let rect = harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .rect();

    // A real drag: press on the slider, move across it over several frames, release.
    let y = rect.center().y;
    harness.hover_at(egui::pos2(rect.center().x, y));
    harness.run();
    harness.input_mut().events.push(egui::Event::PointerButton {
        pos: egui::pos2(rect.center().x, y),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    harness.step();
    let mut seen = vec![drift(&harness)];
    for i in 1..=6 {
        let x = rect.center().x + rect.width() * 0.06 * f32::from(i as u8);
        harness.hover_at(egui::pos2(x, y));
        harness.step();
        seen.push(drift(&harness));
    }
    seen.dedup();
    assert!(
        seen.len() >= 3,
        "several frames changed the value: {seen:?}"
    );
    harness.input_mut().events.push(egui::Event::PointerButton {
        pos: egui::pos2(rect.center().x + rect.width() * 0.36, y),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run();
    let dragged = drift(&harness);
    assert!((dragged - original).abs() > 1e-9);
    assert_eq!(
        harness.state().doc().undo_steps(),
        1,
        "one step for the whole drag"
    );

    harness.hover_at(egui::pos2(5.0, 995.0));
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    assert!(
        (drift(&harness) - original).abs() < 1e-12,
        "one undo goes back before the drag"
    );
    assert!(!harness.state().doc().can_undo());
    assert!(
        !harness.state().doc().is_dirty(),
        "back to the saved scenario: not dirty"
    );

    // Ctrl+Shift+Z and Ctrl+Y both redo.
    press(
        &mut harness,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::Z,
    );
    assert!((drift(&harness) - dragged).abs() < 1e-12);
    assert!(harness.state().doc().is_dirty());
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Z);
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::Y);
    assert!((drift(&harness) - dragged).abs() < 1e-12);
}

#[test]
fn the_unsaved_mark_appears_on_an_edit_and_clears_on_save() {
    let dir = temp_dir("files-mark");
    let target = dir.join("saved.ron");
    let mut harness = scripted_harness(&dir, vec![Some(target.clone())]);
    assert!(!harness.state().title().contains('•'));
    harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .set_value_accesskit(1.5);
    harness.run();
    assert!(
        harness.state().title().starts_with("• "),
        "{}",
        harness.state().title()
    );

    // No path yet: Ctrl+S asks where (scripted), then saves.
    press(&mut harness, egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let app = harness.state();
    assert!(
        !app.doc().is_dirty() && !app.title().contains('•'),
        "{}",
        app.title()
    );
    assert_eq!(app.doc().path(), Some(target.as_path()));
    assert_eq!(
        &load_path(&target).unwrap(),
        app.scenario(),
        "saved what is shown"
    );
    assert_eq!(app.prefs.recent_files.first(), Some(&target));
}

#[test]
fn closing_with_unsaved_changes_asks_first() {
    let dir = temp_dir("files-close");
    let mut harness = scripted_harness(&dir, vec![]);
    harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .set_value_accesskit(1.5);
    harness.run();

    let request_close = |harness: &mut Harness<'_, CloudshiftApp>| {
        harness
            .input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        harness.run();
    };
    request_close(&mut harness);
    assert!(
        harness.query_by_label("Save changes?").is_some(),
        "asked before closing"
    );
    click(&mut harness, "Cancel");
    assert!(harness.query_by_label("Save changes?").is_none());
    assert!(harness.state().doc().is_dirty(), "work kept");

    request_close(&mut harness);
    click(&mut harness, "Discard");
    assert!(harness.query_by_label("Save changes?").is_none());
}

#[test]
fn a_dropped_file_opens() {
    let dir = temp_dir("files-drop");
    let file = dir.join("dropped.ron");
    let mut scenario = builtin_baseline();
    scenario.name = "Dropped scenario".to_owned();
    save_path(&scenario, &file).unwrap();
    let mut harness = scripted_harness(&dir, vec![]);

    harness.input_mut().hovered_files.push(egui::HoveredFile {
        path: Some(file.clone()),
        ..Default::default()
    });
    // egui repaints while files hover (the overlay is painted, not an accessible node).
    harness.run_steps(2);
    assert!(harness.state().scenario().name != "Dropped scenario");
    harness.input_mut().hovered_files.clear();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(FakeDrop(file.clone())));
    harness.run();
    let app = harness.state();
    assert_eq!(app.scenario().name, "Dropped scenario");
    assert_eq!(app.doc().path(), Some(file.as_path()));
    assert!(!app.doc().is_dirty());
}

#[test]
fn without_a_native_dialog_a_typed_path_opens_the_file() {
    let dir = temp_dir("files-typed");
    let file = dir.join("typed.ron");
    let mut scenario = builtin_baseline();
    scenario.name = "Typed".to_owned();
    save_path(&scenario, &file).unwrap();
    let mut harness = baseline_harness(); // no native picker by default
    open_typed(&mut harness, &file);
    assert_eq!(harness.state().scenario().name, "Typed");
}
