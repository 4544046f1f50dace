//! `--output PATH` on the real binary: the write rules of the README (issue 12, class 3).
//! Nothing is written where the user did not ask; a refused write exits 1 and changes nothing.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod cli_support;

use std::os::unix::fs::{FileTypeExt as _, PermissionsExt as _};
use std::path::Path;

use cli_support::{assert_one_line_error, mkfifo, run, scenario, temp_dir};

fn project_to(output: &Path) -> std::process::Output {
    run(&[
        "project",
        "-",
        "--format",
        "csv",
        "--output",
        output.to_str().unwrap(),
    ])
}

/// Names in `dir`, sorted (to see that no temporary file is left behind).
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_fifo_target_is_refused_without_blocking_and_stays_a_fifo() {
    let dir = temp_dir("out-fifo");
    let fifo = dir.join("out.csv");
    mkfifo(&fifo);
    let out = project_to(&fifo);
    assert_one_line_error(&out, "a FIFO (named pipe), not a regular file", "fifo");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    assert_eq!(names(&dir), ["out.csv"]);
}

#[test]
fn a_link_to_a_device_is_refused_and_the_link_kept() {
    let dir = temp_dir("out-dev");
    let link = dir.join("null.csv");
    std::os::unix::fs::symlink("/dev/null", &link).unwrap();
    let out = project_to(&link);
    assert_one_line_error(&out, "a device, not a regular file", "link to /dev/null");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_link(&link).unwrap(), Path::new("/dev/null"));
    assert_eq!(names(&dir), ["null.csv"]);
}

#[test]
fn a_link_to_a_regular_file_is_written_through() {
    let dir = temp_dir("out-link");
    let real = dir.join("real.csv");
    std::fs::write(&real, "old").unwrap();
    let link = dir.join("link.csv");
    std::os::unix::fs::symlink("real.csv", &link).unwrap();
    let out = project_to(&link);
    assert!(out.status.success(), "{}", cli_support::stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&real)
            .unwrap()
            .starts_with("year,provider,")
    );
    assert_eq!(names(&dir), ["link.csv", "real.csv"]);
}

#[test]
fn a_read_only_target_is_refused_and_unchanged() {
    let dir = temp_dir("out-ro");
    let target = dir.join("ro.csv");
    std::fs::write(&target, "keep").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = project_to(&target);
    assert_one_line_error(&out, "read-only", "read-only target");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep");
    assert_eq!(names(&dir), ["ro.csv"]);
}

#[test]
fn an_existing_file_keeps_its_mode() {
    let dir = temp_dir("out-mode");
    let target = dir.join("private.csv");
    std::fs::write(&target, "old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = project_to(&target);
    assert!(out.status.success(), "{}", cli_support::stderr(&out));
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600);
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("year,")
    );
}

#[test]
fn a_hard_linked_target_is_refused_and_both_names_unchanged() {
    let dir = temp_dir("out-hard");
    let target = dir.join("a.csv");
    std::fs::write(&target, "shared").unwrap();
    std::fs::hard_link(&target, dir.join("b.csv")).unwrap();
    let out = project_to(&target);
    assert_one_line_error(&out, "2 hard links", "hard link");
    assert_eq!(
        std::fs::read_to_string(dir.join("b.csv")).unwrap(),
        "shared"
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "shared");
    assert_eq!(names(&dir), ["a.csv", "b.csv"]);
}

#[test]
fn output_naming_the_input_scenario_is_refused_under_any_name() {
    let dir = temp_dir("out-input");
    let input = dir.join("my.ron");
    std::fs::copy(scenario("baseline.ron"), &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let link = dir.join("link.ron");
    std::os::unix::fs::symlink("my.ron", &link).unwrap();
    let same = [input.clone(), dir.join(".").join("my.ron"), link];
    for output in &same {
        let out = run(&[
            "project",
            input.to_str().unwrap(),
            "--format",
            "csv",
            "--output",
            output.to_str().unwrap(),
        ]);
        assert_one_line_error(&out, "it is the input file", &output.display().to_string());
    }
    let out = run(&[
        "compare",
        "-",
        input.to_str().unwrap(),
        "--output",
        input.to_str().unwrap(),
    ]);
    assert_one_line_error(&out, "it is the input file", "compare");
    assert_eq!(std::fs::read(&input).unwrap(), before);
}

#[test]
fn a_long_legal_file_name_can_be_written() {
    let dir = temp_dir("out-long");
    let target = dir.join(format!("{}.csv", "n".repeat(240)));
    let out = project_to(&target);
    assert!(out.status.success(), "{}", cli_support::stderr(&out));
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .starts_with("year,")
    );
    assert_eq!(names(&dir).len(), 1);
}

#[test]
fn a_directory_gets_a_clear_message() {
    let dir = temp_dir("out-dir");
    let slash = format!("{}/", dir.join("new").display());
    let out = run(&["project", "-", "--output", &slash]);
    assert_one_line_error(&out, "it names a directory (it ends with '/')", "dir/");
    let out = project_to(&dir);
    assert_one_line_error(&out, "it is a directory", "existing directory");
    let missing = dir.join("no-such-folder").join("out.csv");
    let out = project_to(&missing);
    assert_one_line_error(&out, "no-such-folder cannot be used", "missing folder");
    assert!(names(&dir).is_empty());
}

#[test]
fn output_dash_is_standard_output() {
    let out = run(&["project", "-", "--format", "csv", "--output", "-"]);
    assert!(out.status.success(), "{}", cli_support::stderr(&out));
    assert!(cli_support::stdout(&out).starts_with("year,provider,"));
}
