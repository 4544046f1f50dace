//! The Investor view's chart: market-cap impact of the migration per company as horizontal
//! bars, with the observed share-price move as a tick across each bar.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axis::{Ticked, padded};
use super::draw::{DrawError, draw_note, failed, title_px};
use super::figure::{ImpactBar, YUnit};
use super::style::{Palette, color, percent_tick};

/// Horizontal bars of market-cap impact, one per company (first on top), with the observed
/// share-price move as a tick across its bar.
pub fn draw_impact<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    title: &str,
    bars: &[ImpactBar],
    font: u32,
    palette: &Palette,
) -> Result<(), DrawError> {
    if bars.is_empty() {
        return draw_note(area, "No provider names a company", font, palette);
    }
    let values = bars.iter().flat_map(|b| {
        std::iter::once(b.impact_fraction)
            .chain(b.observed_move_fraction)
            .chain(std::iter::once(0.0))
    });
    let (x0, x1) = padded(values.filter(|v| v.is_finite()), YUnit::UsdBn);
    let span = x1 - x0;
    let n = bars.len();
    let names: Vec<String> = bars.iter().map(|b| b.company.clone()).collect();
    let text_style = ("sans-serif", font).into_font().color(&palette.text);
    let longest = names.iter().map(|s| s.chars().count()).max().unwrap_or(4) as u32;
    let mut chart = ChartBuilder::on(area)
        .caption(
            title,
            ("sans-serif", title_px(title, area.dim_in_pixel().0, font))
                .into_font()
                .color(&palette.text),
        )
        .margin(font / 2 + 2)
        .x_label_area_size(font * 2)
        .y_label_area_size((longest * font * 6 / 10 + 12).min(area.dim_in_pixel().0 / 3))
        .build_cartesian_2d(
            x0..x1,
            Ticked::new(0.0..n as f64, (0..n).map(|i| i as f64 + 0.5).collect()),
        )
        .map_err(failed)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .bold_line_style(palette.grid)
        .light_line_style(TRANSPARENT)
        .axis_style(palette.axis)
        .label_style(text_style)
        .x_label_formatter(&|v| percent_tick(*v, span))
        .y_label_formatter(&|v| {
            let row = (n as f64 - v).floor() as usize;
            names.get(row).cloned().unwrap_or_default()
        })
        .draw()
        .map_err(failed)?;
    for (i, bar) in bars.iter().enumerate() {
        let y = (n - 1 - i) as f64;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(0.0, y + 0.2), (bar.impact_fraction, y + 0.8)],
                color(bar.color).mix(0.9).filled(),
            )))
            .map_err(failed)?;
        if let Some(observed) = bar.observed_move_fraction {
            chart
                .draw_series(LineSeries::new(
                    [(observed, y + 0.08), (observed, y + 0.92)],
                    palette.text.stroke_width(3),
                ))
                .map_err(failed)?;
        }
    }
    chart
        .draw_series(LineSeries::new(
            [(0.0, 0.0), (0.0, n as f64)],
            palette.axis.stroke_width(1),
        ))
        .map_err(failed)?;
    Ok(())
}
