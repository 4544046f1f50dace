//! The look of exported charts: light and dark palettes, font sizes, and axis tick texts
//! in the charts' units ($B, %).

use plotters::style::RGBColor;

use crate::model::Rgb;

/// Colours of the chart furniture (the data keeps the file's provider colours).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Theme {
    /// Dark text on white: for documents, print and most slides.
    #[default]
    Light,
    /// Light text on near-black, like the app's dark mode.
    Dark,
}

/// The furniture colours of one theme.
#[derive(Clone, Copy, Debug)]
pub struct Palette {
    pub background: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// Marks that explain rather than show data (the base-year rule, the zero line).
    pub muted: RGBColor,
}

impl Theme {
    /// The theme matching the app's visuals (`ui.visuals().dark_mode`).
    pub fn for_dark_mode(dark_mode: bool) -> Self {
        if dark_mode { Self::Dark } else { Self::Light }
    }

    pub fn palette(self) -> Palette {
        match self {
            Self::Light => Palette {
                background: RGBColor(255, 255, 255),
                text: RGBColor(30, 30, 30),
                grid: RGBColor(225, 225, 225),
                axis: RGBColor(90, 90, 90),
                muted: RGBColor(120, 120, 120),
            },
            Self::Dark => Palette {
                background: RGBColor(27, 27, 27),
                text: RGBColor(230, 230, 230),
                grid: RGBColor(60, 60, 60),
                axis: RGBColor(170, 170, 170),
                muted: RGBColor(150, 150, 150),
            },
        }
    }
}

/// A provider colour from the file as a plotters colour.
pub fn color(rgb: Rgb) -> RGBColor {
    let [r, g, b] = rgb.0;
    RGBColor(r, g, b)
}

/// Font size in pixels for a chart of this size: readable on a slide, never huge.
pub fn font_px(width_px: u32, height_px: u32) -> u32 {
    (width_px.min(height_px * 2) / 55).clamp(11, 22)
}

/// Decimals that tell ticks `span` apart.
fn decimals_for(span: f64) -> usize {
    if span >= 20.0 {
        0
    } else if span >= 2.0 {
        1
    } else {
        2
    }
}

/// A percent tick for a fraction `value` on an axis spanning `span` (fractions): `25%`, `2.5%`.
pub fn percent_tick(value: f64, span: f64) -> String {
    let decimals = decimals_for(span * 100.0);
    format!("{:.decimals$}%", value * 100.0)
}

/// A money tick for `value_usd_bn` on an axis spanning `span_usd_bn`: `$250B`, `$1.5T`, `-$4B`.
pub fn money_tick(value_usd_bn: f64, span_usd_bn: f64) -> String {
    let sign = if value_usd_bn < -1e-9 { "-" } else { "" };
    let magnitude = value_usd_bn.abs();
    if magnitude >= 1e7 {
        // Past $10,000T only extreme scenarios go: short scientific text, not 20 digits.
        format!("{sign}${:.1e}T", magnitude / 1000.0)
    } else if magnitude >= 1000.0 && span_usd_bn >= 100.0 {
        let span_usd_tn = span_usd_bn / 1000.0;
        let decimals = if span_usd_tn >= 20.0 {
            0
        } else if span_usd_tn >= 0.5 {
            1
        } else {
            2
        };
        format!("{sign}${:.decimals$}T", magnitude / 1000.0)
    } else {
        let decimals = decimals_for(span_usd_bn);
        format!("{sign}${magnitude:.decimals$}B")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_read_in_their_units() {
        assert_eq!(percent_tick(0.25, 1.0), "25%");
        assert_eq!(percent_tick(0.025, 0.05), "2.5%");
        assert_eq!(money_tick(250.0, 1000.0), "$250B");
        assert_eq!(money_tick(1500.0, 1000.0), "$1.5T");
        assert_eq!(money_tick(-4.0, 30.0), "-$4B");
        assert_eq!(money_tick(-1500.0, 2700.0), "-$1.5T");
        assert_eq!(money_tick(4.38e28, 4.4e28), "$4.4e25T");
        assert_eq!(money_tick(0.5, 1.5), "$0.50B");
        assert_eq!(money_tick(-0.0, 10.0), "$0.0B");
    }
}
