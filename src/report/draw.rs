//! Draws a [`Figure`] with plotters on any back end (SVG text or an RGB bitmap): year panels
//! stacked top to bottom and one legend in a column of its own to their right, so a legend can
//! never cover the data.

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;

use super::figure::{Figure, ImpactBar, Panel, YUnit};
use super::legend::{Entry, Swatch, draw_legend, legend_width_px};
use super::style::{Palette, Theme, color, font_px, money_tick, percent_tick};

/// A drawing failure, as text (the back ends' error types differ).
pub type DrawError = String;

fn failed<E: std::fmt::Display>(error: E) -> DrawError {
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
        Figure::Years(panels) if panels.is_empty() => draw_note(&plots, "No data", font, &palette),
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
                push(Entry::new(&bar.company, Swatch::Fill(color(bar.color), 0.9)));
            }
            push(Entry::new("impact of the migration", Swatch::Fill(RGBColor(120, 120, 120), 0.9)));
            if bars.iter().any(|b| b.observed_move_fraction.is_some()) {
                push(Entry::new("observed share-price move", Swatch::Tick));
            }
        }
    }
    entries
}

/// Lowest and highest value to show, padded; money axes and deltas always include zero.
fn y_range(panel: &Panel) -> (f64, f64) {
    let mut values: Vec<f64> = Vec::new();
    if panel.stacked {
        values.push(0.0);
        values.extend((0..panel.years.len()).map(|t| {
            panel
                .series
                .iter()
                .filter_map(|s| s.values.get(t))
                .sum::<f64>()
        }));
    } else {
        values.extend(panel.series.iter().flat_map(|s| s.values.iter().copied()));
        for band in &panel.bands {
            values.extend(band.low.iter().chain(&band.high).copied());
        }
        if panel.unit == YUnit::UsdBn {
            values.push(0.0);
        }
    }
    padded(values.into_iter().filter(|v| v.is_finite()), panel.unit)
}

fn padded(values: impl Iterator<Item = f64>, unit: YUnit) -> (f64, f64) {
    let (low, high) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| {
        (lo.min(v), hi.max(v))
    });
    if !low.is_finite() || !high.is_finite() {
        return (0.0, 1.0);
    }
    let span = high - low;
    if span <= f64::EPSILON * high.abs().max(1.0) {
        let half = if unit == YUnit::Percent { 0.01 } else { 1.0 };
        return (low - half, high + half);
    }
    let pad = span * 0.06;
    let low = if low < 0.0 {
        low - pad
    } else if unit == YUnit::Percent {
        (low - pad).max(0.0)
    } else {
        low
    };
    (low, high + pad)
}

/// A linear axis with ticks exactly where given (whole years, one per bar).
struct Ticked {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ticked {
    fn new(range: Range<f64>, ticks: Vec<f64>) -> Self {
        Self {
            inner: range.into(),
            ticks,
        }
    }
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    fn map(&self, value: &f64, limit: (i32, i32)) -> i32 {
        self.inner.map(value, limit)
    }

    fn key_points<Hint: KeyPointHint>(&self, _hint: Hint) -> Vec<f64> {
        self.ticks.clone()
    }

    fn range(&self) -> Range<f64> {
        self.inner.range()
    }
}

/// Year ticks: every year, or every second, fifth… so at most about ten labels.
fn year_ticks(years: &[i32]) -> Vec<f64> {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Vec::new();
    };
    let span = (last - first).max(1);
    let step = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|s| span / s <= 10)
        .unwrap_or(50);
    (*first..=*last)
        .filter(|y| (y - first) % step == 0)
        .map(f64::from)
        .collect()
}

fn tick_text(unit: YUnit, value: f64, span: f64) -> String {
    match unit {
        YUnit::Percent => percent_tick(value, span),
        YUnit::UsdBn => money_tick(value, span),
    }
}

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
    let title_style = ("sans-serif", font + 2).into_font().color(&palette.text);
    let mut chart = ChartBuilder::on(area)
        .caption(&panel.title, title_style)
        .margin(font / 2 + 2)
        .x_label_area_size(font * 2)
        .y_label_area_size(font * 4 + 8)
        .build_cartesian_2d(Ticked::new(x_range.clone(), year_ticks(&panel.years)), y0..y1)
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
        let mut outline: Vec<(f64, f64)> = xs.iter().copied().zip(band.low.iter().copied()).collect();
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
            let mut outline: Vec<(f64, f64)> = xs.iter().copied().zip(upper.iter().copied()).collect();
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
            let points: Vec<(f64, f64)> = xs.iter().copied().zip(series.values.iter().copied()).collect();
            let style = color(series.color).stroke_width(width);
            if series.dashed {
                chart
                    .draw_series(DashedLineSeries::new(points, font / 2 + 2, font / 3 + 1, style))
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

/// Horizontal bars of market-cap impact, one per company (first on top), with the observed
/// share-price move as a tick across its bar.
fn draw_impact<DB: DrawingBackend>(
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
        .caption(title, ("sans-serif", font + 2).into_font().color(&palette.text))
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
        .draw_series(LineSeries::new([(0.0, 0.0), (0.0, n as f64)], palette.axis.stroke_width(1)))
        .map_err(failed)?;
    Ok(())
}

fn draw_note<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    note: &str,
    font: u32,
    palette: &Palette,
) -> Result<(), DrawError> {
    let style = ("sans-serif", font + 2).into_font().color(&palette.text);
    area.draw(&Text::new(note.to_owned(), (font as i32, font as i32 * 2), style))
        .map_err(failed)
}
