//! Axes of exported charts: value ranges with a little room, ticks exactly on whole years (or
//! on bars), and tick texts in the chart's unit.

use std::ops::Range;

use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint};
use plotters::coord::types::RangedCoordf64;
use plotters::prelude::Ranged;

use super::figure::{Panel, YUnit};
use super::style::{money_tick, percent_tick};

/// Lowest and highest value to show, padded; money axes and deltas always include zero.
pub fn y_range(panel: &Panel) -> (f64, f64) {
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

pub fn padded(values: impl Iterator<Item = f64>, unit: YUnit) -> (f64, f64) {
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
pub struct Ticked {
    inner: RangedCoordf64,
    ticks: Vec<f64>,
}

impl Ticked {
    pub fn new(range: Range<f64>, ticks: Vec<f64>) -> Self {
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

/// Year ticks: every year, or every second, fifth… so at most `max_labels` (2..=11) labels.
pub fn year_ticks(years: &[i32], max_labels: i32) -> Vec<f64> {
    let (Some(first), Some(last)) = (years.first(), years.last()) else {
        return Vec::new();
    };
    let span = (last - first).max(1);
    let step = [1, 2, 5, 10, 20, 50]
        .into_iter()
        .find(|s| span / s < max_labels.clamp(2, 11))
        .unwrap_or(50);
    (*first..=*last)
        .filter(|y| (y - first) % step == 0)
        .map(f64::from)
        .collect()
}

pub fn tick_text(unit: YUnit, value: f64, span: f64) -> String {
    match unit {
        YUnit::Percent => percent_tick(value, span),
        YUnit::UsdBn => money_tick(value, span),
    }
}
