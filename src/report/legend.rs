//! The legend column beside the plots: a swatch and a name per entry, top to bottom, in an area
//! of its own so it never covers the data.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::style::Palette;

/// How an entry's swatch looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Swatch {
    Line(RGBColor),
    Dashed(RGBColor),
    /// A filled square at this opacity (stacked layers, bands, bars).
    Fill(RGBColor, f64),
    /// The dashed vertical rule of the base year.
    Rule,
    /// The observed share-price move: a short thick vertical tick.
    Tick,
}

/// One legend line.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub name: String,
    pub swatch: Swatch,
}

impl Entry {
    pub fn new(name: &str, swatch: Swatch) -> Self {
        Self {
            name: name.to_owned(),
            swatch,
        }
    }
}

/// Most characters of a name the legend shows (longer ones end in `…`).
const MAX_NAME_CHARS: usize = 28;

fn shown_name(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        name.to_owned()
    } else {
        let head: String = name.chars().take(MAX_NAME_CHARS - 1).collect();
        format!("{head}…")
    }
}

/// Width of the legend column: room for the longest shown name, at most a third of the chart.
pub fn legend_width_px(entries: &[Entry], font_px: u32, chart_width_px: u32) -> u32 {
    let longest = entries
        .iter()
        .map(|e| shown_name(&e.name).chars().count())
        .max()
        .unwrap_or(0) as u32;
    // Average glyph width of a sans-serif face is a little over half its size.
    (font_px * 3 + longest * font_px * 6 / 10 + 12).min(chart_width_px / 3)
}

fn failed<E: std::fmt::Display>(error: E) -> String {
    format!("cannot draw the legend: {error}")
}

/// Draws `entries` from the top of `area`.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[Entry],
    font_px: u32,
    palette: &Palette,
) -> Result<(), String> {
    let font = font_px as i32;
    let line_height = font * 3 / 2;
    let swatch_width = font * 2;
    let style = ("sans-serif", font_px).into_font().color(&palette.text);
    for (i, entry) in entries.iter().enumerate() {
        let top = font * 2 + i as i32 * line_height;
        let middle = top + font / 2;
        let left = font / 2;
        match entry.swatch {
            Swatch::Line(c) => area
                .draw(&PathElement::new(
                    vec![(left, middle), (left + swatch_width, middle)],
                    c.stroke_width(3),
                ))
                .map_err(failed)?,
            Swatch::Dashed(c) => {
                let dash = swatch_width / 5;
                for k in [0, 2, 4] {
                    area.draw(&PathElement::new(
                        vec![(left + k * dash, middle), (left + (k + 1) * dash, middle)],
                        c.stroke_width(3),
                    ))
                    .map_err(failed)?;
                }
            }
            Swatch::Fill(c, opacity) => area
                .draw(&Rectangle::new(
                    [(left, top), (left + swatch_width, top + font)],
                    c.mix(opacity).filled(),
                ))
                .map_err(failed)?,
            Swatch::Rule => {
                let x = left + swatch_width / 2;
                for k in [0, 2] {
                    let y = top - font / 4 + k * font / 3;
                    area.draw(&PathElement::new(
                        vec![(x, y), (x, y + font / 3)],
                        palette.muted.stroke_width(1),
                    ))
                    .map_err(failed)?;
                }
            }
            Swatch::Tick => {
                let x = left + swatch_width / 2;
                area.draw(&PathElement::new(
                    vec![(x, top - font / 4), (x, top + font + font / 4)],
                    palette.text.stroke_width(3),
                ))
                .map_err(failed)?;
            }
        }
        area.draw(&Text::new(
            shown_name(&entry.name),
            (left + swatch_width + font / 2, top + font / 10),
            style.clone(),
        ))
        .map_err(failed)?;
    }
    Ok(())
}
