//! Opens the desktop app on the embedded baseline (until `main.rs` starts it itself).

fn main() {
    if let Err(error) = cloudshift::ui::run_native(cloudshift::scenario::builtin_baseline(), None) {
        eprintln!("cloudshift: {error}");
        std::process::exit(1);
    }
}
