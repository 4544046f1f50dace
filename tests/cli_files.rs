//! Hostile files on the real binary: a FIFO or device as the scenario never hangs, and a write
//! that fails never exits 0 (issue 12, classes 1 and 2).
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod cli_support;

use cli_support::{assert_one_line_error, mkfifo, run, temp_dir};

#[test]
fn a_fifo_as_the_scenario_is_refused_at_once_by_every_command() {
    let dir = temp_dir("fifo");
    let fifo = dir.join("scenario.ron");
    mkfifo(&fifo);
    let fifo = fifo.to_str().unwrap();
    let commands: [&[&str]; 6] = [
        &["validate", fifo],
        &["project", fifo],
        &["simulate", fifo, "--samples", "100"],
        &[
            "sensitivity",
            fifo,
            "--provider",
            "AWS",
            "--measure",
            "revenue",
            "--year",
            "2030",
        ],
        &["compare", "-", fifo],
        &[
            "solve",
            fifo,
            "--param",
            "halo",
            "--provider",
            "AWS",
            "--measure",
            "revenue",
            "--year",
            "2030",
            "--target",
            "1",
        ],
    ];
    for args in commands {
        let out = run(args);
        assert_one_line_error(
            &out,
            "a FIFO (named pipe), not a regular file",
            &format!("{args:?}"),
        );
        assert!(cli_support::stderr(&out).contains(fifo), "names the file");
    }
    // The app refuses it too, before any window (no display is needed to see that).
    let out = run(&[fifo]);
    assert_one_line_error(&out, "not a regular file", "cloudshift FIFO");
}

#[test]
fn devices_and_directories_are_refused_as_scenarios() {
    for path in ["/dev/zero", "/dev/null", "/tmp"] {
        let out = run(&["project", path]);
        assert_one_line_error(&out, "not a regular file", path);
    }
}

#[test]
fn a_failed_write_to_standard_output_exits_1_with_a_message() {
    for args in [
        &["project", "-", "--format", "csv"][..],
        &["project", "-"],
        &["validate", "-"],
        &["simulate", "-", "--samples", "100", "--format", "json"],
        &["--help"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let child = cli_support::bin()
            .args(args)
            .stdin(std::process::Stdio::null())
            .stdout(full)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        let out = cli_support::wait_with_deadline(child, &format!("{args:?} > /dev/full"));
        assert_one_line_error(
            &out,
            "cannot write to standard output",
            &format!("{args:?}"),
        );
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = cli_support::bin()
        .args(["simulate", "-", "--samples", "100", "--format", "csv"])
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // The reader goes away at once, as `| head -0` would.
    drop(child.stdout.take());
    let out = cli_support::wait_with_deadline(child, "simulate | (closed)");
    assert_eq!(out.status.code(), Some(0), "{}", cli_support::stderr(&out));
    assert!(out.stderr.is_empty(), "{}", cli_support::stderr(&out));
}
