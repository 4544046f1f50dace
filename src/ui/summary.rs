//! The summary panel: for a chosen year, each provider's share, revenue, operating income, revenue
//! delta and value at stake, and the events found in the projection, in words.

use egui::{Align, Layout, RichText};

use crate::insight::events::Event;
use crate::model::{Measure, Projection, Scenario};
use crate::ui::widgets::{color32, swatch};
use crate::units;

/// One provider's row of the summary table, formatted for people.
#[derive(Clone, Debug, PartialEq)]
pub struct SummaryRow {
    pub provider: String,
    pub color: egui::Color32,
    pub share: String,
    pub revenue: String,
    pub operating_income: String,
    pub revenue_delta: String,
    pub value_at_stake: String,
}

/// The table rows for year index `t` (Others last).
pub fn summary_rows(scenario: &Scenario, projection: &Projection, t: usize) -> Vec<SummaryRow> {
    (0..projection.providers)
        .filter_map(|p| {
            let at = projection.at(t, p)?;
            Some(SummaryRow {
                provider: scenario.provider_name(p).to_owned(),
                color: color32(scenario.provider_color(p)),
                share: units::percent(at.get(Measure::Share)),
                revenue: units::usd_bn(at.get(Measure::Revenue)),
                operating_income: units::usd_bn(at.get(Measure::OperatingIncome)),
                revenue_delta: units::usd_bn_delta(at.get(Measure::RevenueDelta)),
                value_at_stake: units::usd_bn_delta(at.get(Measure::ValueAtStake)),
            })
        })
        .collect()
}

/// Column headers with what each means.
const COLUMNS: [(&str, &str); 5] = [
    ("Share", "Share of the whole market that year."),
    (
        "Revenue",
        "Revenue that year, rest of market and workloads together.",
    ),
    (
        "Op. income",
        "Operating income: margin times revenue, with workload margins where set.",
    ),
    (
        "Δ revenue",
        "Revenue minus the revenue the provider would have without any migration.",
    ),
    (
        "Value at stake",
        "Revenue delta times the provider's EV/sales multiple.",
    ),
];

/// The summary panel's contents.
/// The summary panel at the bottom.
pub fn panel_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    projection: &Projection,
    events: &[Event],
    summary_year: &mut i32,
) {
    egui::Panel::bottom("summary-panel")
        .resizable(true)
        .default_size(250.0)
        .size_range(120.0..=600.0)
        .show(ui, |ui| {
            ui.add_space(4.0);
            summary_ui(ui, scenario, projection, events, summary_year);
        });
}

pub fn summary_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    projection: &Projection,
    events: &[Event],
    summary_year: &mut i32,
) {
    let first = projection.base_year;
    let last = projection.year(projection.years.saturating_sub(1));
    *summary_year = (*summary_year).clamp(first, last);
    let t = projection.year_index(*summary_year).unwrap_or(0);

    let wide = ui.available_width() >= 780.0;
    let table_width = if wide {
        540.0_f32.min(ui.available_width() * 0.6)
    } else {
        ui.available_width().min(540.0)
    };
    if wide {
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(table_width, ui.available_height()),
                Layout::top_down(Align::Min),
                |ui| {
                    table_ui(ui, scenario, projection, t, summary_year);
                },
            );
            ui.separator();
            ui.vertical(|ui| events_ui(ui, events, *summary_year));
        });
    } else {
        egui::ScrollArea::vertical()
            .id_salt("summary-scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                ui.scope(|ui| {
                    ui.set_max_width(table_width);
                    table_ui(ui, scenario, projection, t, summary_year);
                });
                ui.separator();
                events_ui(ui, events, *summary_year);
            });
    }
}

fn table_ui(
    ui: &mut egui::Ui,
    scenario: &Scenario,
    projection: &Projection,
    t: usize,
    summary_year: &mut i32,
) {
    let first = projection.base_year;
    let last = projection.year(projection.years.saturating_sub(1));
    ui.horizontal(|ui| {
        ui.add(egui::Slider::new(summary_year, first..=last).text("Summary year"))
            .on_hover_text(
                "The year the table below describes; it is also marked (dashed) on the charts.",
            );
        let market = projection.market_usd_bn.get(t).copied().unwrap_or(0.0);
        let workloads: f64 = (0..projection.workloads)
            .map(|w| projection.workload_spend_at(t, w))
            .sum();
        ui.label(
            RichText::new(format!(
                "Market {} · workloads {}",
                units::usd_bn(market),
                units::usd_bn(workloads)
            ))
            .weak(),
        );
    });
    // A seventh, empty column takes the spare width, so the right-aligned ones fit their contents.
    egui::Grid::new("summary-grid")
        .striped(true)
        .num_columns(7)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            ui.strong("Provider");
            for (title, hover) in COLUMNS {
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    ui.strong(title).on_hover_text(hover);
                });
            }
            ui.allocate_space(egui::Vec2::ZERO);
            ui.end_row();
            for row in summary_rows(scenario, projection, t) {
                ui.horizontal(|ui| {
                    swatch(ui, row.color);
                    ui.label(&row.provider);
                });
                for cell in [
                    &row.share,
                    &row.revenue,
                    &row.operating_income,
                    &row.revenue_delta,
                    &row.value_at_stake,
                ] {
                    ui.with_layout(Layout::right_to_left(Align::Center), |ui| ui.label(cell));
                }
                ui.allocate_space(egui::Vec2::ZERO);
                ui.end_row();
            }
        });
}

fn events_ui(ui: &mut egui::Ui, events: &[Event], summary_year: i32) {
    ui.strong(format!("Events ({})", events.len()))
        .on_hover_text("Found by scanning the projection: revenue crossovers, workload spend passing round amounts, share peaks and troughs. Bold: in the summary year.");
    if events.is_empty() {
        ui.label(
            RichText::new("Nothing notable: no crossovers, thresholds or peaks in this horizon.")
                .weak(),
        );
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("events-scroll")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for event in events {
                let text = RichText::new(format!("• {}", event.text));
                let text = if event.year == summary_year {
                    text.strong()
                } else {
                    text
                };
                ui.add(egui::Label::new(text).wrap());
            }
        });
}
