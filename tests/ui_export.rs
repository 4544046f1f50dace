//! Headless UI tests of File → Export (`egui_kittest`, no GPU): the projection and the simulation
//! summary as CSV match the command line byte for byte, a bad target changes nothing, and the
//! chart PNG is cropped and encoded from a synthetic screenshot.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::collections::VecDeque;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use cloudshift::cli::{Invocation, run};
use cloudshift::scenario::recovery::RecoveryStore;
use cloudshift::scenario::{builtin_baseline, save_path};
use cloudshift::ui::CloudshiftApp;
use cloudshift::ui::export::chart_png;
use cloudshift::ui::picker::{FilePicker, PickRequest};
use cloudshift::ui::uncertainty::Status;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;

const PROJECTION_HEADER: &str = "year,provider,share,revenue,workload_revenue,operating_income,\
counterfactual_revenue,revenue_delta,value_at_stake";
const SUMMARY_HEADER: &str = "year,provider,measure,mean,p5,p10,p25,p50,p75,p90,p95";

/// Answers each pick with the next scripted path (`None` = cancelled).
struct ScriptedPicker(VecDeque<Option<PathBuf>>);

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

/// A fresh, empty directory under the system temp dir.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "cloudshift-ui-export-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn harness(dir: &Path, picks: Vec<Option<PathBuf>>) -> Harness<'static, CloudshiftApp> {
    let app = CloudshiftApp::new(builtin_baseline())
        .with_file_picker(Box::new(ScriptedPicker(picks.into())))
        .with_recovery(RecoveryStore::new(dir.join("recovery")));
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1440.0, 1000.0))
        .build_ui_state(|ui, app: &mut CloudshiftApp| app.show(ui), app);
    harness.run();
    harness
}

fn click(harness: &mut Harness<'_, CloudshiftApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

fn open_menu_item(harness: &mut Harness<'_, CloudshiftApp>, menu: &str, item: &str) {
    click(harness, menu);
    click(harness, item);
}

/// Runs `cloudshift <args> --format csv --output <out>` in-process and returns what it wrote.
fn cli_csv(args: &[&str], out: &Path) -> String {
    let mut argv: Vec<OsString> = std::iter::once("cloudshift")
        .chain(args.iter().copied())
        .chain(["--format", "csv", "--output"])
        .map(OsString::from)
        .collect();
    argv.push(out.as_os_str().to_owned());
    let Invocation::Exit(code) = run(argv) else {
        panic!("{args:?} opened a window");
    };
    assert_eq!(code, std::process::ExitCode::SUCCESS, "{args:?}");
    std::fs::read_to_string(out).unwrap()
}

/// Steps frames (with short sleeps for the worker thread) until `done` holds; panics after 20 s.
fn step_until(
    harness: &mut Harness<'static, CloudshiftApp>,
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

#[test]
fn exporting_the_projection_writes_the_cli_csv() {
    let dir = temp_dir("projection");
    let target = dir.join("out.csv");
    let mut harness = harness(&dir, vec![Some(target.clone())]);
    // An edited scenario, so the export is of what is on screen rather than the file.
    harness
        .get_by_role_and_label(Role::Slider, "AWS drift")
        .set_value_accesskit(1.5);
    harness.run();

    open_menu_item(&mut harness, "File", "Export projection as CSV…");
    harness.run();

    let exported = std::fs::read_to_string(&target).expect("the export was written");
    assert_eq!(exported.lines().next(), Some(PROJECTION_HEADER));
    let scenario_file = dir.join("shown.ron");
    save_path(harness.state().scenario(), &scenario_file).unwrap();
    let cli = cli_csv(
        &["project", scenario_file.to_str().unwrap()],
        &dir.join("cli.csv"),
    );
    assert_eq!(
        exported, cli,
        "same bytes as `cloudshift project --format csv`"
    );
    let rows = exported.lines().count() - 1;
    let scenario = harness.state().scenario();
    assert_eq!(
        rows,
        harness.state().projection().years * (scenario.providers.len() + 1),
        "one row per year and provider, Others included"
    );
    assert!(
        harness
            .query_by_label_contains("Could not export")
            .is_none(),
        "no error"
    );
}

#[test]
fn exporting_into_a_missing_directory_shows_an_error_and_changes_nothing() {
    let dir = temp_dir("missing-dir");
    let missing = dir.join("no-such-dir");
    let target = missing.join("out.csv");
    let mut harness = harness(&dir, vec![Some(target.clone())]);
    let before = harness.state().scenario().clone();

    open_menu_item(&mut harness, "File", "Export projection as CSV…");
    harness.run();

    assert!(
        harness
            .query_by_label_contains("Could not export")
            .is_some(),
        "the error is shown"
    );
    assert!(!target.exists(), "no file");
    assert!(!missing.exists(), "no directory created");
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "recovery")
        .collect();
    assert!(left.is_empty(), "nothing else written: {left:?}");
    assert_eq!(harness.state().scenario(), &before, "scenario untouched");
    assert!(!harness.state().doc.dirty, "still not dirty");

    click(&mut harness, "OK");
    assert!(
        harness
            .query_by_label_contains("Could not export")
            .is_none(),
        "dismissed"
    );
}

#[test]
fn exporting_the_simulation_summary_after_a_run_writes_the_cli_csv() {
    let dir = temp_dir("summary");
    let target = dir.join("simulation.csv");
    let mut harness = harness(&dir, vec![Some(target.clone())]);
    click(&mut harness, "File");
    assert!(
        harness
            .query_by_label("Export projection as CSV…")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("Export simulation summary as CSV…")
            .is_none(),
        "no summary export before a run"
    );
    harness.key_press(egui::Key::Escape);
    harness.run();
    click(&mut harness, "Uncertainty");
    harness
        .get_by_role_and_label(Role::SpinButton, "Monte Carlo samples")
        .set_value_accesskit(500.0);
    harness.step();
    harness.step();
    step_until(&mut harness, "a finished run", |app| {
        app.uncertainty()
            .summary()
            .is_some_and(|s| s.samples == 500)
            && app.uncertainty().status(app.scenario()) == Status::Idle
    });
    harness.run();

    open_menu_item(&mut harness, "File", "Export simulation summary as CSV…");
    harness.run();

    let exported = std::fs::read_to_string(&target).expect("the export was written");
    assert_eq!(exported.lines().next(), Some(SUMMARY_HEADER));
    assert!(exported.lines().count() > 1, "rows after the header");
    // The run used the scenario's own samples and seed, so `simulate` on it gives the same table.
    let scenario_file = dir.join("shown.ron");
    save_path(harness.state().scenario(), &scenario_file).unwrap();
    let cli = cli_csv(
        &["simulate", scenario_file.to_str().unwrap()],
        &dir.join("cli.csv"),
    );
    assert_eq!(
        exported, cli,
        "same bytes as `cloudshift simulate --format csv`"
    );
}

#[test]
fn the_chart_png_is_the_crop_of_the_screenshot() {
    // A 40×30 pixel "window" at 2 pixels per point: red, with a blue 10×8-point chart at (5, 4).
    let mut image = egui::ColorImage::filled([40, 30], egui::Color32::RED);
    for y in 8..24 {
        for x in 10..30 {
            image.pixels[y * 40 + x] = egui::Color32::BLUE;
        }
    }
    let chart = egui::Rect::from_min_size(egui::pos2(5.0, 4.0), egui::vec2(10.0, 8.0));
    let png = chart_png(&image, chart, 2.0).unwrap();
    let decoded = image::load_from_memory_with_format(&png, image::ImageFormat::Png)
        .unwrap()
        .to_rgba8();
    assert_eq!(decoded.dimensions(), (20, 16), "the chart at 2 px a point");
    assert!(
        decoded.pixels().all(|p| p.0 == [0, 0, 255, 255]),
        "only the chart, no window around it"
    );

    // A chart reaching past the window (resized since) is cut at the edge, not a panic.
    let past = egui::Rect::from_min_size(egui::pos2(15.0, 10.0), egui::vec2(50.0, 50.0));
    let png = chart_png(&image, past, 2.0).unwrap();
    let decoded = image::load_from_memory(&png).unwrap();
    assert_eq!((decoded.width(), decoded.height()), (10, 10));

    // Nothing on screen: an error to show, not an empty file.
    let off = egui::Rect::from_min_size(egui::pos2(100.0, 100.0), egui::vec2(5.0, 5.0));
    assert!(chart_png(&image, off, 2.0).is_err());
}
