//! The histogram of the chosen output in the chosen year, beside the fan: bands hide a
//! two-humped spread (alternative outcomes, a discrete input), bars show it. It counts the run's
//! own first draws (same seed and inputs as the bands), recomputed only when a run lands or the
//! provider, measure or year changes, and marks the single run and the probability-weighted
//! expected value (the mean).

use egui::{Color32, RichText, Vec2};
use egui_plot::{Bar, BarChart, Plot, VLine};

use crate::model::uncertainty::{Quantity, SimulationSummary, output_values};
use crate::model::{Measure, Scenario};
use crate::ui::widgets::color32;
use crate::units;

/// Most draws the histogram counts (the first ones of the run).
pub const HISTOGRAM_DRAWS: u32 = 10_000;
/// Bars of the histogram.
const BINS: usize = 30;

/// One histogram's counts and what they were counted for.
pub struct HistogramCache {
    key: (usize, usize, Measure, i32),
    bars: Result<Counted, String>,
}

/// A histogram's bars.
struct Counted {
    /// (bin centre, share of the draws) of each bar.
    bars: Vec<(f64, f64)>,
    width: f64,
    /// Draws counted.
    draws: u32,
}

/// The counts for the key, recomputed when it changes (`summary_id` names the run).
pub fn refresh(
    cache: &mut Option<HistogramCache>,
    scenario: &Scenario,
    summary: &SimulationSummary,
    summary_id: usize,
    (provider, measure, year): (usize, Measure, i32),
) {
    let key = (summary_id, provider, measure, year);
    if cache.as_ref().is_some_and(|c| c.key == key) {
        return;
    }
    let draws = summary.samples.min(HISTOGRAM_DRAWS);
    let bars = output_values(
        scenario,
        summary.seed,
        draws,
        provider,
        Quantity::InYear(measure, year),
    )
    .map(|values| {
        let (bars, width) = bin(&values);
        Counted { bars, width, draws }
    })
    .map_err(|e| e.to_string());
    *cache = Some(HistogramCache { key, bars });
}

/// Equal-width bins from the least to the greatest value: (centre, share) and the width.
fn bin(values: &[f64]) -> (Vec<(f64, f64)>, f64) {
    let finite: Vec<f64> = values.iter().copied().filter(|v| v.is_finite()).collect();
    let (lo, hi) = finite
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        });
    if finite.is_empty() {
        return (Vec::new(), 1.0);
    }
    let span = hi - lo;
    if span <= 1e-12 * hi.abs().max(1.0) {
        return (vec![(lo, 1.0)], lo.abs().max(1.0) * 0.02);
    }
    let width = span / BINS as f64;
    let mut counts = [0_u32; BINS];
    for v in &finite {
        let i = (((v - lo) / width) as usize).min(BINS - 1);
        counts[i] += 1;
    }
    let n = finite.len() as f64;
    let bars = counts
        .iter()
        .enumerate()
        .map(|(i, c)| (lo + (i as f64 + 0.5) * width, f64::from(*c) / n))
        .collect();
    (bars, width)
}

/// Draws the histogram into a `size` area; `deterministic` is the single run's value.
#[allow(clippy::too_many_arguments)]
pub fn histogram_ui(
    ui: &mut egui::Ui,
    cache: Option<&HistogramCache>,
    scenario: &Scenario,
    (provider, measure, year): (usize, Measure, i32),
    mean: Option<f64>,
    deterministic: Option<f64>,
    size: Vec2,
) {
    let Some(cache) = cache else {
        return;
    };
    let Counted { bars, width, draws } = match &cache.bars {
        Ok(found) => found,
        Err(message) => {
            ui.label(format!("No histogram: {message}"));
            return;
        }
    };
    let fraction = measure.is_fraction();
    let text = move |v: f64| {
        if fraction {
            units::percent(v)
        } else {
            units::usd_bn(v)
        }
    };
    let screen = move |v: f64| if fraction { v * 100.0 } else { v };
    let color = color32(scenario.provider_color(provider));
    let dark = ui.visuals().dark_mode;
    let neutral = if dark {
        Color32::from_gray(230)
    } else {
        Color32::from_gray(30)
    };
    ui.vertical(|ui| {
        ui.label(
            RichText::new(format!(
                "{} {} in {year}: {draws} draws",
                scenario.provider_name(provider),
                measure.label().to_lowercase()
            ))
            .small()
            .strong(),
        );
        let chart = BarChart::new(
            "Share of draws",
            bars.iter()
                .map(|(x, share)| {
                    Bar::new(screen(*x), share * 100.0)
                        .width(screen(*width))
                        .name(format!("{}: {:.1}% of draws", text(*x), share * 100.0))
                })
                .collect(),
        )
        .color(color);
        let unit_suffix = if fraction { "%" } else { "" };
        let unit_prefix = if fraction { "" } else { "$" };
        Plot::new(("uncertainty-histogram", provider))
            .width(size.x)
            .height((size.y - 24.0).max(120.0))
            .x_axis_label(if fraction { "Percent" } else { "$B" })
            .y_axis_label("% of draws")
            .x_axis_formatter(move |mark, _| format!("{unit_prefix}{:.0}{unit_suffix}", mark.value))
            .allow_scroll(false)
            .allow_drag(false)
            .allow_zoom(false)
            .show(ui, |pui| {
                pui.bar_chart(chart);
                if let Some(mean) = mean {
                    pui.vline(
                        VLine::new(
                            format!("Probability-weighted expected value (mean): {}", text(mean)),
                            screen(mean),
                        )
                        .color(color)
                        .width(2.0),
                    );
                }
                if let Some(value) = deterministic {
                    pui.vline(
                        VLine::new(format!("Single run: {}", text(value)), screen(value))
                            .color(neutral)
                            .style(egui_plot::LineStyle::dashed_dense()),
                    );
                }
            });
    });
}
