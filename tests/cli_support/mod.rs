//! Helpers of the command-line tests that run the real binary: temporary files, FIFOs, and a
//! deadline so a hang fails the test instead of stalling the suite.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Longest a command may take before the test calls it a hang (generous: a debug build on a
/// busy machine; the commands here finish in well under a second).
pub const HANG_DEADLINE: Duration = Duration::from_mins(1);

/// The binary (or the one `CLOUDSHIFT_TEST_BIN` names, to run these tests against another
/// build, e.g. one from before a fix), with no display so nothing can open a window.
pub fn bin() -> Command {
    let program = std::env::var_os("CLOUDSHIFT_TEST_BIN")
        .unwrap_or_else(|| env!("CARGO_BIN_EXE_cloudshift").into());
    let mut command = Command::new(program);
    command.env_remove("DISPLAY").env_remove("WAYLAND_DISPLAY");
    command
}

pub fn scenario(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scenarios")
        .join(name)
}

/// A fresh directory for one test (`tag` keeps tests apart).
pub fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cloudshift-hostile-{}-{tag}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Makes a FIFO at `path` (with the `mkfifo` tool: the crate forbids unsafe code).
pub fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Waits for `child` until the deadline; kills it and panics if it is still running then.
/// Its piped output is read meanwhile, so a child writing more than a pipe holds never blocks.
pub fn wait_with_deadline(mut child: Child, what: &str) -> Output {
    fn drain(
        pipe: Option<impl std::io::Read + Send + 'static>,
    ) -> std::thread::JoinHandle<Vec<u8>> {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    }
    let stdout = drain(child.stdout.take());
    let stderr = drain(child.stderr.take());
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Output {
                status,
                stdout: stdout.join().unwrap(),
                stderr: stderr.join().unwrap(),
            };
        }
        if started.elapsed() > HANG_DEADLINE {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {HANG_DEADLINE:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs the binary with `args` (stdin empty), failing the test if it hangs.
pub fn run(args: &[&str]) -> Output {
    run_command(bin().args(args), &format!("{args:?}"))
}

/// Runs a prepared command (stdout and stderr captured, stdin empty) with the deadline.
pub fn run_command(command: &mut Command, what: &str) -> Output {
    let child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_with_deadline(child, what)
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Exit 1 with exactly one line on stderr, no panic, and that line contains `needle`.
pub fn assert_one_line_error(out: &Output, needle: &str, what: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{what}: {err}");
    assert_eq!(err.trim_end().lines().count(), 1, "{what}: {err}");
    assert!(!err.contains("panicked"), "{what}: {err}");
    assert!(
        err.contains(needle),
        "{what}: expected {needle:?} in: {err}"
    );
}

/// A small valid scenario: provider `"A"`, residual `"Others"`, workload `"W"`; tests change it
/// by text replacement (`"A"` renames the provider everywhere, placement keys included).
pub const SMALL_SCENARIO: &str = r##"(
    version: 1,
    name: "Small",
    base_year: 2025,
    horizon_years: 5,
    market: (size: 100.0, growth_start: 0.1, growth_end: 0.1),
    halo: 0.5,
    providers: [(name: "A", color: "#FF0000", share: 0.4, drift: 0.0, margin: 0.3, margin_drift: 0.0, ev_sales: 5.0)],
    others: (name: "Others", color: "#8C8C8C", margin: 0.1, margin_drift: 0.0, ev_sales: 3.0),
    workloads: [(name: "W", spend: 10.0, growth_start: 0.2, growth_end: 0.1, placement_base: {"A": 0.5, "Others": 0.5}, placement_target: {"A": 1.0}, extent: 1.0, migration: (start_year: 2026, duration_years: 2, curve: Linear))],
)
"##;

/// Writes [`SMALL_SCENARIO`] with each `(from, to)` replaced, as `dir/file`; returns its path.
pub fn write_scenario(dir: &Path, file: &str, replacements: &[(&str, &str)]) -> PathBuf {
    let mut text = SMALL_SCENARIO.to_owned();
    for (from, to) in replacements {
        assert!(text.contains(from), "{from} is not in the template");
        text = text.replace(from, to);
    }
    let path = dir.join(file);
    std::fs::write(&path, text).unwrap();
    path
}
