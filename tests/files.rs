//! File-layer tests: a failed save leaves the old file byte-for-byte, and a recovery copy
//! survives a "restart" (a new app state on the same recovery directory) intact.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};

use cloudshift::scenario::recovery::RecoveryStore;
use cloudshift::scenario::{builtin_baseline, save_path};
use cloudshift::ui::CloudshiftApp;
use cloudshift::ui::document::Document;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cloudshift-files-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A target that cannot be written: a file in a read-only directory, or (as root, whom
/// permissions do not stop) a file whose parent is a regular file.
fn unwritable_target(dir: &Path, existing: &[u8]) -> (PathBuf, Box<dyn FnOnce()>) {
    let locked = dir.join("locked");
    std::fs::create_dir_all(&locked).unwrap();
    let target = locked.join("scenario.ron");
    std::fs::write(&target, existing).unwrap();
    #[cfg(unix)]
    {
        set_mode(&locked, 0o555);
        let probe = locked.join("probe");
        if std::fs::write(&probe, b"x").is_err() {
            let unlock = locked.clone();
            return (target, Box::new(move || set_mode(&unlock, 0o755)));
        }
        // Running as root: chmod does not stop writes.
        let _ = std::fs::remove_file(&probe);
        set_mode(&locked, 0o755);
    }
    let not_a_dir = dir.join("not-a-directory");
    std::fs::write(&not_a_dir, existing).unwrap();
    (not_a_dir.join("scenario.ron"), Box::new(|| ()))
}

#[test]
fn a_save_that_cannot_write_fails_cleanly_and_leaves_the_old_file() {
    let dir = temp_dir("readonly");
    let old = b"old bytes, not even a scenario\n".to_vec();
    let (target, restore) = unwritable_target(&dir, &old);
    let mut scenario = builtin_baseline();
    scenario.name = "Changed".to_owned();

    let error = save_path(&scenario, &target).expect_err("the save must fail");
    restore();
    let message = error.to_string();
    assert!(message.contains("cannot save"), "{message}");
    if target.exists() {
        assert_eq!(
            std::fs::read(&target).unwrap(),
            old,
            "old file byte-for-byte"
        );
    }
    let parent = target.parent().unwrap();
    if parent.is_dir() {
        let leftovers: Vec<_> = std::fs::read_dir(parent)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp-"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "no temporary files left: {leftovers:?}"
        );
    }
    assert_eq!(
        std::fs::read(dir.join("not-a-directory"))
            .ok()
            .unwrap_or_else(|| old.clone()),
        old
    );
}

#[test]
fn a_failed_save_in_the_app_says_so_and_keeps_the_scenario() {
    let dir = temp_dir("app-save-fails");
    let old = b"keep me\n".to_vec();
    let (target, restore) = unwritable_target(&dir, &old);
    let app = CloudshiftApp::with_document(Document::new(builtin_baseline(), Some(target.clone())));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 1000.0))
        .build_ui_state(|ui, app: &mut CloudshiftApp| app.show(ui), app);
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .set_value_accesskit(1.5);
    harness.run();
    let edited = harness.state().scenario().clone();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    restore();
    assert!(
        harness.query_by_label_contains("Could not save").is_some(),
        "the failure is shown"
    );
    assert_eq!(
        harness.state().scenario(),
        &edited,
        "scenario in memory kept"
    );
    assert!(harness.state().doc().is_dirty(), "still unsaved");
    if target.exists() {
        assert_eq!(std::fs::read(&target).unwrap(), old);
    }
}

#[test]
fn a_recovery_copy_survives_a_restart_intact() {
    let dir = temp_dir("recovery");
    let original = dir.join("work.ron");
    save_path(&builtin_baseline(), &original).unwrap();
    let store = RecoveryStore::new(dir.join("recovery"));

    // First run: edit, then the 30-second timer writes a copy (called directly here).
    let mut app =
        CloudshiftApp::with_document(Document::new(builtin_baseline(), Some(original.clone())))
            .with_recovery(store.clone());
    let mut edited = builtin_baseline();
    edited.name = "Unsaved analysis".to_owned();
    edited.providers[0].drift_per_year = 0.0123;
    assert!(app.apply_edit(&cloudshift::edits::Edit::RenameScenario(
        edited.name.clone()
    )));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 1000.0))
        .build_ui_state(|ui, app: &mut CloudshiftApp| app.show(ui), app);
    harness.run();
    harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .set_value_accesskit(1.23);
    harness.run();
    let before_crash = harness.state().scenario().clone();
    assert!(harness.state().doc().is_dirty());
    harness.state_mut().write_recovery_now();
    assert!(store.exists());
    drop(harness); // "killed": no save, no discard

    // Second run: a new app on the same recovery directory offers the copy.
    let app = CloudshiftApp::new(builtin_baseline()).with_recovery(store.clone());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 1000.0))
        .build_ui_state(|ui, app: &mut CloudshiftApp| app.show(ui), app);
    harness.run();
    assert!(harness.query_by_label("Restore unsaved work?").is_some());
    harness.get_by_label("Restore").click();
    harness.run();
    let app = harness.state();
    assert_eq!(app.scenario(), &before_crash, "restored intact");
    assert_eq!(app.doc().path(), Some(original.as_path()), "with its file");
    assert!(app.doc().is_dirty(), "still unsaved until saved");

    // A normal save removes the copy.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    assert!(!harness.state().doc().is_dirty());
    assert!(!store.exists(), "saved: recovery copy removed");
}

#[test]
fn a_corrupt_recovery_copy_is_reported_and_kept_aside() {
    let dir = temp_dir("corrupt");
    let store = RecoveryStore::new(dir.join("recovery"));
    std::fs::create_dir_all(store.dir()).unwrap();
    std::fs::write(store.scenario_path(), "(version: 1, name: ").unwrap();
    let app = CloudshiftApp::new(builtin_baseline()).with_recovery(store.clone());
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 1000.0))
        .build_ui_state(|ui, app: &mut CloudshiftApp| app.show(ui), app);
    harness.run();
    assert!(
        harness
            .query_by_label_contains("could not be read")
            .is_some()
    );
    assert!(!store.exists(), "moved aside, so the next start is clean");
    let kept = std::fs::read_dir(store.dir())
        .unwrap()
        .filter_map(Result::ok)
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("recovery.ron.corrupt-")
        });
    assert!(kept, "the corrupt copy is kept");
    assert_eq!(harness.state().scenario(), &builtin_baseline());
}
