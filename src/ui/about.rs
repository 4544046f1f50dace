//! The About window: what cloudshift is, in four lines.

/// The About window, while `open`.
pub fn about_ui(ctx: &egui::Context, open: &mut bool) {
    egui::Window::new("About cloudshift")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.label("cloudshift models the cloud-infrastructure market and giant tenants moving between clouds.");
            ui.label("Every input is on a slider on the left; every output is on a chart. Hover a slider for what it means and where its value comes from.");
            ui.label("The same model runs on the command line: see `cloudshift --help`.");
            ui.label(format!("Version {}", env!("CARGO_PKG_VERSION")));
        });
}
