//! CPU cost of one frame of the desktop app while a slider is dragged on the baseline: each frame
//! applies a new "AWS drift" value (edit, check, model run, event scan), lays out every panel and
//! chart, and tessellates the result. Headless (`egui::Context::run_ui`), no GPU.

use std::hint::black_box;

use cloudshift::edits::Edit;
use cloudshift::model::{ParamPath, ProviderParam};
use cloudshift::scenario::builtin_baseline;
use cloudshift::ui::CloudshiftApp;
use cloudshift::ui::command::PlotLayout;
use criterion::{Criterion, criterion_group, criterion_main};

fn raw_input(width: f32, height: f32, time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(width, height),
        )),
        time: Some(time),
        ..Default::default()
    }
}

fn frame(ctx: &egui::Context, app: &mut CloudshiftApp, frame_index: u64) -> usize {
    let out = ctx.run_ui(raw_input(1440.0, 900.0, frame_index as f64 / 60.0), |ui| {
        app.show(ui);
    });
    let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
    primitives.len()
}

fn bench_frames(c: &mut Criterion) {
    let drift = ParamPath::Provider(0, ProviderParam::Drift);
    for layout in [PlotLayout::Tabs, PlotLayout::Grid] {
        let ctx = egui::Context::default();
        let mut app = CloudshiftApp::new(builtin_baseline());
        app.prefs.layout = layout;
        for i in 0..3 {
            frame(&ctx, &mut app, i);
        }
        let mut i = 3_u64;
        let name = format!("frame while dragging AWS drift ({layout:?})");
        c.bench_function(&name, |b| {
            b.iter(|| {
                // A drag sweeps the slider back and forth: -1.0 .. +1.0 points a year.
                let value = ((i % 200) as f64 - 100.0) / 10_000.0;
                app.apply_edit(&Edit::Value(drift, value));
                i += 1;
                black_box(frame(&ctx, &mut app, i))
            });
        });
    }
}

// No plots: criterion's PDF plots need system fonts, which a fresh machine may lack (it panics).
criterion_group! {
    name = benches;
    config = Criterion::default().without_plots();
    targets = bench_frames
}
criterion_main!(benches);
