//! Builders shared by the headless UI tests (`egui_kittest`): the app harness, a scripted file
//! picker, click/press/menu helpers, a Monte Carlo run to completion, and fresh temp directories.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use cloudshift::scenario::builtin_baseline;
use cloudshift::scenario::recovery::RecoveryStore;
use cloudshift::ui::CloudshiftApp;
use cloudshift::ui::picker::{FilePicker, PickRequest};
use cloudshift::ui::uncertainty::Status;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

/// The harness every UI test drives: the whole app in a 1440×1000 window.
pub type AppHarness = Harness<'static, CloudshiftApp>;

/// `app` in a 1440×1000 harness, after its first frames.
pub fn harness_for(app: CloudshiftApp) -> AppHarness {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 1000.0))
        .build_ui_state(|ui, app: &mut CloudshiftApp| app.show(ui), app);
    harness.run();
    harness
}

/// The app on the built-in baseline (no native picker: file requests ask for a typed path).
pub fn baseline_harness() -> AppHarness {
    harness_for(CloudshiftApp::new(builtin_baseline()))
}

/// The baseline app answering file requests with `picks`, in order, and keeping its recovery
/// copies under `dir`.
pub fn scripted_harness(dir: &Path, picks: Vec<Option<PathBuf>>) -> AppHarness {
    harness_for(
        CloudshiftApp::new(builtin_baseline())
            .with_file_picker(Box::new(ScriptedPicker(picks.into())))
            .with_recovery(RecoveryStore::new(dir.join("recovery"))),
    )
}

/// Answers each pick with the next scripted path (`None` = cancelled).
pub struct ScriptedPicker(pub VecDeque<Option<PathBuf>>);

impl FilePicker for ScriptedPicker {
    fn is_native_available(&self) -> bool {
        true
    }
    fn pick(&mut self, _ctx: &egui::Context, _request: &PickRequest) -> Receiver<Option<PathBuf>> {
        let (sender, receiver) = channel();
        sender.send(self.0.pop_front().flatten()).unwrap();
        receiver
    }
}

/// A fresh, empty directory `cloudshift-ui-<name>-<pid>` under the system temp dir.
pub fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cloudshift-ui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Presses `key` with `modifiers`, then lets the app settle.
pub fn press(harness: &mut Harness<'_, CloudshiftApp>, modifiers: egui::Modifiers, key: egui::Key) {
    harness.key_press_modifiers(modifiers, key);
    settle(harness);
}

/// Clicks the node labelled `label`, then lets the app settle.
pub fn click(harness: &mut Harness<'_, CloudshiftApp>, label: &str) {
    harness.get_by_label(label).click();
    settle(harness);
}

/// Opens `menu` in the menu bar and clicks `item` in it.
pub fn open_menu_item(harness: &mut Harness<'_, CloudshiftApp>, menu: &str, item: &str) {
    click(harness, menu);
    click(harness, item);
}

/// Opens `path` with File → Open… and the typed-path fallback (no native dialog in tests).
pub fn open_typed(harness: &mut Harness<'_, CloudshiftApp>, path: &Path) {
    press(harness, egui::Modifiers::COMMAND, egui::Key::O);
    harness
        .get_by_label("File path")
        .type_text(&path.display().to_string());
    harness.run();
    click(harness, "Open");
}

/// Steps frames (with short sleeps for the worker thread) until `done` holds; panics after 20 s.
pub fn step_until(
    harness: &mut Harness<'_, CloudshiftApp>,
    what: &str,
    done: impl Fn(&CloudshiftApp) -> bool,
) {
    let start = Instant::now();
    while !done(harness.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(10));
        harness.step();
    }
}

/// Lets the app settle after an input: steps until no Monte Carlo run is in progress (its worker
/// keeps the frames coming, and on a slow machine it outlasts `run`'s step budget), then `run`s.
pub fn settle(harness: &mut Harness<'_, CloudshiftApp>) {
    harness.step();
    harness.step();
    step_until(harness, "the Monte Carlo run to finish", |app| {
        !matches!(app.uncertainty().status(app.scenario()), Status::Running(_))
    });
    harness.run();
}

/// Types `samples` into the Monte Carlo sample count (the Uncertainty tab must be open).
pub fn set_samples(harness: &mut AppHarness, samples: f64) {
    harness
        .get_by_role_and_label(Role::SpinButton, "Monte Carlo samples")
        .set_value_accesskit(samples);
    harness.step();
    harness.step();
}

/// Opens the Uncertainty tab and waits for a finished run of `samples` draws.
pub fn run_monte_carlo(harness: &mut AppHarness, samples: u32) {
    harness.get_by_label("Uncertainty").click();
    harness.step();
    harness.step();
    set_samples(harness, f64::from(samples));
    step_until(harness, "first summary", |app| {
        app.uncertainty()
            .summary()
            .is_some_and(|s| s.samples == samples)
            && app.uncertainty().status(app.scenario()) == Status::Idle
    });
    // Idle: no repaints pending, so `run` settles, and checks every widget has an accessible name.
    harness.run();
}
