//! The central area: the charts as tabs or as a 2×2 grid. Each chart reads the cached projection;
//! the Uncertainty tab is drawn by the caller with the document's Monte Carlo state.

pub mod history;
mod lines;

pub use lines::chart_ui;

use crate::ui::command::{Chart, PlotLayout};
pub use crate::ui::plot_kit::ChartData;

/// The central area: chart selector and the charts; `app_ui` draws the tabs that need the app's
/// state (Uncertainty, Investor).
/// Returns where the chart (plot and axes) was drawn, for "Export chart as PNG…".
pub fn plots_ui(
    ui: &mut egui::Ui,
    data: &ChartData<'_>,
    layout: &mut PlotLayout,
    chart: &mut Chart,
    app_ui: &mut dyn FnMut(&mut egui::Ui, &ChartData<'_>, Chart),
) -> Option<egui::Rect> {
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(layout, PlotLayout::Tabs, "Tabs")
            .on_hover_text("Show one chart at a time.");
        ui.selectable_value(layout, PlotLayout::Grid, "Grid")
            .on_hover_text("Show all four charts at once.");
        ui.separator();
        if *layout == PlotLayout::Tabs {
            for c in Chart::ALL {
                ui.selectable_value(chart, c, c.title())
                    .on_hover_text(c.description());
            }
        } else {
            ui.label(
                egui::RichText::new("Hover for values · drag to pan · double-click to reset")
                    .weak(),
            );
        }
    });
    ui.separator();
    match *layout {
        PlotLayout::Tabs => {
            ui.label(egui::RichText::new(chart.description()).weak());
            if let Some(note) = data
                .history
                .filter(|_| matches!(*chart, Chart::Share | Chart::Revenue))
                .and_then(|h| history::gaps_note(h, data.scenario))
            {
                ui.label(egui::RichText::new(note).small().weak());
            }
            if let Some(reason) = data
                .history_hidden
                .as_deref()
                .filter(|_| matches!(*chart, Chart::Share | Chart::Revenue))
            {
                ui.label(egui::RichText::new(reason).small().weak());
            }
            if matches!(*chart, Chart::Uncertainty | Chart::Investor) {
                app_ui(ui, data, *chart);
                None
            } else {
                let size = ui.available_size();
                let rect = egui::Rect::from_min_size(ui.cursor().min, size);
                chart_ui(ui, data, *chart, size);
                Some(rect)
            }
        }
        PlotLayout::Grid => {
            let rect = ui.available_rect_before_wrap();
            grid_ui(ui, data);
            Some(rect)
        }
    }
}

fn grid_ui(ui: &mut egui::Ui, data: &ChartData<'_>) {
    let spacing = ui.spacing().item_spacing;
    let total = ui.available_size();
    let cell = egui::vec2((total.x - spacing.x) / 2.0, (total.y - spacing.y) / 2.0);
    let origin = ui.cursor().min;
    for (i, chart) in Chart::GRID.into_iter().enumerate() {
        let col = (i % 2) as f32;
        let row = (i / 2) as f32;
        let min = origin + egui::vec2(col * (cell.x + spacing.x), row * (cell.y + spacing.y));
        let rect = egui::Rect::from_min_size(min, cell);
        ui.scope_builder(
            egui::UiBuilder::new()
                .max_rect(rect)
                .id_salt(("grid-cell", i)),
            |ui| {
                ui.strong(chart.title()).on_hover_text(chart.description());
                let size = ui.available_size();
                chart_ui(ui, data, chart, size);
            },
        );
    }
    ui.allocate_rect(
        egui::Rect::from_min_size(origin, total),
        egui::Sense::hover(),
    );
}
