//! Headless UI tests of File → Export (`egui_kittest`, no GPU): the projection and the simulation
//! summary as CSV match the command line byte for byte, a bad target changes nothing, and the
//! chart PNG is cropped and encoded from a synthetic screenshot.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use std::ffi::OsString;
use std::path::Path;

use cloudshift::cli::{Invocation, run};
use cloudshift::scenario::save_path;
use cloudshift::ui::export::chart_png;
use common::ui::{click, open_menu_item, run_monte_carlo, scripted_harness, temp_dir};
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;

const PROJECTION_HEADER: &str = "year,provider,share,revenue,workload_revenue,operating_income,\
counterfactual_revenue,revenue_delta,value_at_stake,operating_income_delta";
const SUMMARY_HEADER: &str = "year,provider,measure,mean,p5,p10,p25,p50,p75,p90,p95";

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

#[test]
fn exporting_the_projection_writes_the_cli_csv() {
    let dir = temp_dir("export-projection");
    let target = dir.join("out.csv");
    let mut harness = scripted_harness(&dir, vec![Some(target.clone())]);
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
    let dir = temp_dir("export-missing-dir");
    let missing = dir.join("no-such-dir");
    let target = missing.join("out.csv");
    let mut harness = scripted_harness(&dir, vec![Some(target.clone())]);
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
    assert!(!harness.state().doc().is_dirty(), "still not dirty");

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
    let dir = temp_dir("export-summary");
    let target = dir.join("simulation.csv");
    let mut harness = scripted_harness(&dir, vec![Some(target.clone())]);
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
    run_monte_carlo(&mut harness, 500);

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

#[test]
fn exporting_a_report_and_an_svg_chart_writes_them() {
    let dir = temp_dir("export-report");
    let report = dir.join("report.html");
    let svg = dir.join("chart.svg");
    let mut harness = scripted_harness(&dir, vec![Some(report.clone()), Some(svg.clone())]);
    open_menu_item(&mut harness, "File", "Export report…");
    harness.run();
    let html = std::fs::read_to_string(&report).expect("the report was written");
    assert!(html.contains("<html") && html.contains(&harness.state().scenario().name));
    assert!(html.contains("<svg"), "charts inline");

    open_menu_item(&mut harness, "File", "Export chart as SVG…");
    harness.run();
    let drawing = std::fs::read_to_string(&svg).expect("the chart was written");
    assert!(
        drawing.contains("<svg"),
        "{}",
        &drawing[..drawing.len().min(200)]
    );
    assert!(drawing.contains("AWS"), "the providers are named");
}

#[test]
fn an_export_is_proposed_outside_the_working_folder_and_a_wrong_extension_is_refused() {
    let dir = temp_dir("export-defaults");
    let mut harness = common::ui::baseline_harness();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::E);
    harness.run();
    let proposed = harness
        .get_by_label("File path")
        .value()
        .unwrap_or_default();
    assert!(proposed.ends_with("projection.csv"), "{proposed}");
    assert!(
        std::path::Path::new(&proposed).is_absolute(),
        "a full path in the documents or home folder, not the working folder: {proposed}"
    );
    let wrong = dir.join("grid.png");
    harness.get_by_label("File path").focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness
        .get_by_label("File path")
        .type_text(&wrong.display().to_string());
    harness.run();
    click(&mut harness, "Export");
    assert!(!wrong.exists(), "nothing written under the wrong name");
    assert!(
        harness.query_by_label_contains("ends in .png").is_some(),
        "the mismatch is explained"
    );
}

#[test]
fn in_the_compare_view_export_report_writes_the_compare_report_of_the_ticked_scenarios() {
    let dir = temp_dir("export-compare-report");
    let report = dir.join("compare");
    let mut harness = scripted_harness(&dir, vec![Some(report.clone())]);
    let ctx = harness.ctx.clone();
    let other = cloudshift::scenario::load_path(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/openai-moves-to-aws.ron"),
    )
    .unwrap();
    let other_name = other.name.clone();
    harness
        .state_mut()
        .add_document(cloudshift::ui::document::Document::new(other, None));
    harness
        .state_mut()
        .run(&ctx, cloudshift::ui::command::Command::SetComparing(true));
    harness.run();
    open_menu_item(&mut harness, "File", "Export report…");
    harness.run();
    let written = report.with_extension("html");
    let html = std::fs::read_to_string(&written).expect("the compare report was written");
    assert!(
        html.contains("Comparison of 2 scenarios"),
        "a compare report"
    );
    assert!(html.contains("Difference chart"));
    assert!(html.contains(&other_name) && html.contains(&harness.state().doc().scenario().name));
    assert!(
        harness
            .query_all_by_label_contains("compare report of 2 scenarios")
            .count()
            >= 1,
        "the status line says what was written"
    );
}
