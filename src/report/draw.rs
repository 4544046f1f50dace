//! Draws a [`Figure`] with plotters on any back end (SVG text or an RGB bitmap): year panels
//! stacked top to bottom and one legend in a column of its own to their right, so a legend can
//! never cover the data.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::axis::{Ticked, tick_text, y_range, year_ticks};
use super::figure::{Figure, Panel, YUnit};
use super::impact::draw_impact;
use super::legend::{Entry, Swatch, draw_legend, legend_width_px};
use super::style::{Palette, Theme, color, font_px};

/// A drawing failure, as text (the back ends' error types differ).
pub type DrawError = String;

pub(super) fn failed<E: std::fmt::Display>(error: E) -> DrawError {
    format!("cannot draw the chart: {error}")
}

/// Draws `figure` over the whole of `root`.
pub fn draw_figure<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    figure: &Figure,
    theme: Theme,
) -> Result<(), DrawError> {
    let palette = theme.palette();
    root.fill(&palette.background).map_err(failed)?;
    let (width, height) = root.dim_in_pixel();
    let font = font_px(width, height);
    let entries = legend_entries(figure);
    let legend_px = legend_width_px(&entries, font, width);
    let (plots, legend) = root.split_horizontally(width.saturating_sub(legend_px));
    draw_legend(&legend, &entries, font, &palette)?;
    match figure {
        Figure::Years(panels) if panels.is_empty() => {
            draw_note(&plots, "No workloads, so nothing to show", font, &palette)
        }
        Figure::Years(panels) => {
            let areas = plots.split_evenly((panels.len(), 1));
            for (area, panel) in areas.iter().zip(panels) {
                draw_panel(area, panel, font, &palette)?;
            }
            Ok(())
        }
        Figure::Impact { title, bars } => draw_impact(&plots, title, bars, font, &palette),
    }
}

/// One entry per distinct (name, look), in drawing order; stacked layers read top layer first.
fn legend_entries(figure: &Figure) -> Vec<Entry> {
    let mut entries: Vec<Entry> = Vec::new();
    let mut push = |entry: Entry| {
        if !entries.contains(&entry) {
            entries.push(entry);
        }
    };
    match figure {
        Figure::Years(panels) => {
            for panel in panels {
                for band in &panel.bands {
                    push(Entry::new(
                        &band.name,
                        Swatch::Fill(color(band.color), band.opacity),
                    ));
                }
                let ordered: Vec<_> = if panel.stacked {
                    panel.series.iter().rev().collect()
                } else {
                    panel.series.iter().collect()
                };
                for series in ordered {
                    let swatch = if panel.stacked {
                        Swatch::Fill(color(series.color), 0.9)
                    } else if series.dashed && panel.style_note.is_some() {
                        continue;
                    } else if series.dashed {
                        Swatch::Dashed(color(series.color))
                    } else {
                        Swatch::Line(color(series.color))
                    };
                    push(Entry::new(&series.name, swatch));
                }
                if let Some(note) = &panel.style_note {
                    push(Entry::new(note, Swatch::Dashed(RGBColor(120, 120, 120))));
                }
            }
            if !panels.is_empty() {
                push(Entry::new("base year (observed)", Swatch::Rule));
            }
        }
        Figure::Impact { bars, .. } => {
            for bar in bars {
                push(Entry::new(
                    &bar.company,
                    Swatch::Fill(color(bar.color), 0.9),
                ));
            }
            push(Entry::new(
                "impact of the migration",
                Swatch::Fill(RGBColor(120, 120, 120), 0.9),
            ));
            if bars.iter().any(|b| b.observed_move_fraction.is_some()) {
                push(Entry::new("observed share-price move", Swatch::Tick));
            }
        }
    }
    entries
}

/// A title's font size: a little larger than the labels, smaller where it would not fit.
pub(super) fn title_px(title: &str, width_px: u32, font: u32) -> u32 {
    let chars = title.chars().count().max(1) as u32;
    // A sans-serif glyph is about 0.55 of its size wide.
    let fitting = width_px.saturating_sub(16) * 100 / (chars * 55);
    (font + 2).min(fitting).max(8)
}

/// Room for the longest tick text of a `y0..y1` axis and the rotated unit beside it.
fn label_width_px(unit: YUnit, y0: f64, y1: f64, font: u32) -> u32 {
    let longest = [y0, y1, f64::midpoint(y0, y1)]
        .iter()
        .map(|v| tick_text(unit, *v, y1 - y0).chars().count())
        .max()
        .unwrap_or(4) as u32;
    longest * font * 6 / 10 + font * 2 + 4
}

#[allow(clippy::too_many_lines)] // one chart's layers drawn in order: frame, axes, series, markers, legend
fn draw_panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    panel: &Panel,
    font: u32,
    palette: &Palette,
) -> Result<(), DrawError> {
    let (Some(&first), Some(&last)) = (panel.years.first(), panel.years.last()) else {
        return draw_note(area, "No years to show", font, palette);
    };
    let (y0, y1) = y_range(panel);
    let span = y1 - y0;
    let x_range = (f64::from(first) - 0.35)..(f64::from(last) + 0.35);
    let text_style = ("sans-serif", font).into_font().color(&palette.text);
    let title_style = (
        "sans-serif",
        title_px(&panel.title, area.dim_in_pixel().0, font),
    )
        .into_font()
        .color(&palette.text);
    let label_px = label_width_px(panel.unit, y0, y1, font);
    // A year label is four digits and a gap: about three font sizes.
    let max_labels = area.dim_in_pixel().0.saturating_sub(label_px) / (font * 3);
    let mut chart = ChartBuilder::on(area)
        .caption(&panel.title, title_style)
        .margin(font / 2 + 2)
        .x_label_area_size(font * 2)
        .y_label_area_size(label_px)
        .build_cartesian_2d(
            Ticked::new(x_range.clone(), year_ticks(&panel.years, max_labels as i32)),
            y0..y1,
        )
        .map_err(failed)?;
    let unit_desc = match panel.unit {
        YUnit::Percent => "%",
        YUnit::UsdBn => "$B",
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .bold_line_style(palette.grid)
        .light_line_style(TRANSPARENT)
        .axis_style(palette.axis)
        .label_style(text_style.clone())
        .axis_desc_style(text_style)
        .y_desc(unit_desc)
        .x_label_formatter(&|x| format!("{:.0}", x.round()))
        .y_label_formatter(&|v| tick_text(panel.unit, *v, span))
        .y_labels(8)
        .draw()
        .map_err(failed)?;
    let xs: Vec<f64> = panel.years.iter().map(|y| f64::from(*y)).collect();

    if panel.unit == YUnit::UsdBn && y0 < 0.0 {
        chart
            .draw_series(LineSeries::new(
                [(x_range_start(&xs), 0.0), (x_range_end(&xs), 0.0)],
                palette.axis.stroke_width(1),
            ))
            .map_err(failed)?;
    }
    for band in &panel.bands {
        let mut outline: Vec<(f64, f64)> =
            xs.iter().copied().zip(band.low.iter().copied()).collect();
        outline.extend(xs.iter().copied().zip(band.high.iter().copied()).rev());
        chart
            .draw_series(std::iter::once(Polygon::new(
                outline,
                color(band.color).mix(band.opacity).filled(),
            )))
            .map_err(failed)?;
    }
    if panel.stacked {
        let mut lower = vec![0.0; xs.len()];
        for series in &panel.series {
            let upper: Vec<f64> = lower
                .iter()
                .zip(&series.values)
                .map(|(l, v)| l + v.max(0.0))
                .collect();
            let mut outline: Vec<(f64, f64)> =
                xs.iter().copied().zip(upper.iter().copied()).collect();
            outline.extend(xs.iter().copied().zip(lower.iter().copied()).rev());
            chart
                .draw_series(std::iter::once(Polygon::new(
                    outline,
                    color(series.color).mix(0.9).filled(),
                )))
                .map_err(failed)?;
            lower = upper;
        }
    } else {
        let width = (font / 7).max(2);
        for series in &panel.series {
            let points: Vec<(f64, f64)> = xs
                .iter()
                .copied()
                .zip(series.values.iter().copied())
                .collect();
            let style = color(series.color).stroke_width(width);
            if series.dashed {
                chart
                    .draw_series(DashedLineSeries::new(
                        points,
                        font / 2 + 2,
                        font / 3 + 1,
                        style,
                    ))
                    .map_err(failed)?;
            } else {
                chart
                    .draw_series(LineSeries::new(points, style))
                    .map_err(failed)?;
            }
        }
    }
    let base = f64::from(panel.base_year);
    chart
        .draw_series(DashedLineSeries::new(
            [(base, y0), (base, y1)],
            4,
            4,
            palette.muted.stroke_width(1),
        ))
        .map_err(failed)?;
    Ok(())
}

fn x_range_start(xs: &[f64]) -> f64 {
    xs.first().copied().unwrap_or(0.0) - 0.35
}

fn x_range_end(xs: &[f64]) -> f64 {
    xs.last().copied().unwrap_or(0.0) + 0.35
}

pub(super) fn draw_note<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    note: &str,
    font: u32,
    palette: &Palette,
) -> Result<(), DrawError> {
    let style = ("sans-serif", font + 2).into_font().color(&palette.text);
    area.draw(&Text::new(
        note.to_owned(),
        (font as i32, font as i32 * 2),
        style,
    ))
    .map_err(failed)
}
