//! The observed past (Synergy 2017–2025) drawn before the projection in the share and revenue
//! charts: solid lines with markers (hollow where the figure is approximate or low confidence),
//! and the Microsoft re-segmentation marked.

use std::fmt::Write as _;

use egui::{Align2, Color32, RichText};
use egui_plot::{
    HoverPosition, Line, LineStyle, MarkerShape, Plot, PlotPoint, PlotUi, Points, Text, VLine,
};

use crate::history::{Confidence, HISTORY_FIRM, History, calibrated_firm};
use crate::model::{ParamPath, ProviderParam, Scenario};
use crate::ui::plot_kit::ChartData;
use crate::ui::widgets::color32;
use crate::units;

/// Suffix of the history series' legend names, e.g. "AWS (history)".
pub const HISTORY_SUFFIX: &str = " (history)";

/// Why the history cannot be drawn under this scenario, if it cannot.
pub fn unavailable_reason(history: Option<&History>, scenario: &Scenario) -> Option<String> {
    let Some(history) = history else {
        return Some("The shipped history file could not be read.".to_owned());
    };
    let calibration: Vec<&str> = std::iter::once(ParamPath::MarketSize)
        .chain((0..scenario.providers.len()).map(|p| ParamPath::Provider(p, ProviderParam::Share)))
        .filter_map(|path| scenario.source(path))
        .collect();
    if let Some(firm) = calibrated_firm(&calibration).filter(|f| *f != HISTORY_FIRM) {
        return Some(format!(
            "History hidden: this scenario is calibrated to {firm}'s figures, and the shipped \
             history is {HISTORY_FIRM}'s. The two firms measure the market differently, so \
             drawing one before the other would show a jump at the base year that never happened."
        ));
    }
    let last = history.years.last().map_or(0, |y| y.year);
    if scenario.base_year != last {
        return Some(format!(
            "History ends in {last}; it is drawn only when the scenario's base year is {last} (this one starts in {}).",
            scenario.base_year
        ));
    }
    let any = scenario
        .providers
        .iter()
        .any(|p| !history.share_series(&p.name).is_empty());
    (!any).then(|| {
        "No provider in this scenario is named as in the history (AWS, Azure, Google Cloud)."
            .to_owned()
    })
}

/// Which providers the drawn history leaves out and why, if any: a provider named otherwise than
/// in the history has none, and the stacked share history stops below it.
pub fn gaps_note(history: &History, scenario: &Scenario) -> Option<String> {
    let missing: Vec<&str> = scenario
        .providers
        .iter()
        .map(|p| p.name.as_str())
        .filter(|name| history.share_series(name).is_empty())
        .collect();
    // Only a name the history has and the scenario lacks (a rename) leaves a gap worth saying;
    // providers the history never covered (Oracle, CoreWeave) are simply not in it.
    let names = history.provider_names();
    let unmatched: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| scenario.provider_index(name).is_none())
        .collect();
    if unmatched.is_empty() {
        return None;
    }
    let first_missing = scenario
        .providers
        .iter()
        .position(|p| history.share_series(&p.name).is_empty())?;
    let above: Vec<&str> = scenario.providers[first_missing + 1..]
        .iter()
        .map(|p| p.name.as_str())
        .filter(|name| !history.share_series(name).is_empty())
        .collect();
    let mut note = format!(
        "No history for {}: the history names {} (not in this scenario under that name).",
        missing.join(", "),
        unmatched.join(", ")
    );
    if !above.is_empty() {
        let _ = write!(
            note,
            " The stacked share history stops below it, so {} show history on the revenue chart only.",
            above.join(", ")
        );
    }
    Some(note)
}

/// The history to draw, when shown and applicable.
pub fn history_to_draw<'h>(
    history: Option<&'h History>,
    scenario: &Scenario,
    show: bool,
) -> Option<&'h History> {
    (show && unavailable_reason(history, scenario).is_none())
        .then_some(history)
        .flatten()
}

/// Widens the x axis to the first history year when history is drawn.
pub fn include_history<'a>(plot: Plot<'a>, data: &ChartData<'_>) -> Plot<'a> {
    match data.history.and_then(|h| h.years.first()) {
        Some(first) => plot.include_x(f64::from(first.year)),
        None => plot,
    }
}

fn hollow(confidence: Confidence) -> bool {
    confidence != Confidence::Reported
}

/// One history series: a solid line, filled markers where reported, hollow elsewhere.
fn series_ui(pui: &mut PlotUi<'_>, name: &str, color: Color32, points: &[(i32, f64, Confidence)]) {
    if points.is_empty() {
        return;
    }
    let label = format!("{name}{HISTORY_SUFFIX}");
    let xy = |keep: &dyn Fn(Confidence) -> bool| -> Vec<[f64; 2]> {
        points
            .iter()
            .filter(|(_, _, c)| keep(*c))
            .map(|(year, y, _)| [f64::from(*year), *y])
            .collect()
    };
    pui.line(
        Line::new(label.clone(), xy(&|_| true))
            .color(color)
            .width(2.5)
            .style(LineStyle::Solid)
            .id(("history-line", name)),
    );
    for filled in [true, false] {
        let pts = xy(&|c| hollow(c) != filled);
        if pts.is_empty() {
            continue;
        }
        pui.points(
            Points::new(label.clone(), pts)
                .shape(MarkerShape::Circle)
                .radius(3.5)
                .filled(filled)
                .color(color)
                .id(("history-points", name, filled)),
        );
    }
}

/// The break in a provider's series, as a dotted vertical line with its note.
fn breaks_ui(pui: &mut PlotUi<'_>, data: &ChartData<'_>, history: &History, y: f64) {
    for b in &history.series_breaks {
        if data.scenario.provider_index(&b.provider).is_none() {
            continue;
        }
        let label = "Microsoft re-segmented (Q3 2024)";
        let name = if b.provider == "Azure" {
            label.to_owned()
        } else {
            format!("{} series break ({})", b.provider, b.year)
        };
        let color = Color32::from_rgb(0xC0, 0x80, 0xFF);
        pui.vline(
            VLine::new(name.clone(), f64::from(b.year))
                .color(color)
                .style(LineStyle::dotted_dense())
                .width(1.5),
        );
        pui.text(
            Text::new(
                "",
                PlotPoint::new(f64::from(b.year), y),
                RichText::new(format!("{} re-segmented", b.provider))
                    .small()
                    .color(color),
            )
            .anchor(Align2::RIGHT_TOP),
        );
    }
}

/// Stacked history for the leading providers that the history names (same order as the areas).
pub fn share_history_ui(pui: &mut PlotUi<'_>, data: &ChartData<'_>) {
    let Some(history) = data.history else {
        return;
    };
    let mut lower: Vec<Option<f64>> = vec![Some(0.0); history.years.len()];
    for (p, provider) in data.scenario.providers.iter().enumerate() {
        if history.share_series(&provider.name).is_empty() {
            break;
        }
        let mut points = Vec::new();
        for (i, year) in history.years.iter().enumerate() {
            let next = lower[i].and_then(|l| year.shares.get(&provider.name).map(|s| l + s));
            if let Some(top) = next {
                points.push((year.year, top, year.shares_confidence));
            }
            lower[i] = next;
        }
        series_ui(
            pui,
            &provider.name,
            color32(data.scenario.provider_color(p)),
            &points,
        );
    }
    breaks_ui(pui, data, history, 0.98);
}

/// Each history provider's revenue (share × market), and the market itself.
pub fn revenue_history_ui(pui: &mut PlotUi<'_>, data: &ChartData<'_>) {
    let Some(history) = data.history else {
        return;
    };
    for (p, provider) in data.scenario.providers.iter().enumerate() {
        let points: Vec<(i32, f64, Confidence)> = history
            .years
            .iter()
            .filter_map(|y| {
                let share = y.shares.get(&provider.name)?;
                let confidence = if hollow(y.shares_confidence) {
                    y.shares_confidence
                } else {
                    y.market_confidence
                };
                Some((y.year, share * y.market_usd_bn, confidence))
            })
            .collect();
        series_ui(
            pui,
            &provider.name,
            color32(data.scenario.provider_color(p)),
            &points,
        );
    }
    let top = history
        .years
        .iter()
        .filter_map(|y| {
            y.shares
                .values()
                .copied()
                .reduce(f64::max)
                .map(|s| s * y.market_usd_bn)
        })
        .fold(0.0, f64::max);
    breaks_ui(pui, data, history, top);
}

/// Hover text of a history point: the figure, its confidence and the year's note.
pub fn hover(data: &ChartData<'_>, pos: &HoverPosition<'_>, revenue: bool) -> Option<String> {
    let HoverPosition::NearDataPoint {
        plot_name,
        position,
        ..
    } = pos
    else {
        return None;
    };
    let history = data.history?;
    let provider = plot_name.strip_suffix(HISTORY_SUFFIX)?;
    let year = position.x.round() as i32;
    let y = history.years.iter().find(|y| y.year == year)?;
    let share = *y.shares.get(provider)?;
    let figure = if revenue {
        format!(
            "{} (share {} of {})",
            units::usd_bn(share * y.market_usd_bn),
            units::percent(share),
            units::usd_bn(y.market_usd_bn)
        )
    } else {
        format!("{} of the market", units::percent(share))
    };
    let mut text = format!(
        "{provider}, Synergy {year}: {figure}\nshares {}, market {}",
        y.shares_confidence.label(),
        y.market_confidence.label()
    );
    if !y.note.is_empty() {
        let _ = write!(text, "\n{}", y.note);
    }
    if let Some(b) = history.break_year(provider) {
        let _ = write!(text, "\nSeries break {}: {}", b.year, b.note);
    }
    Some(text)
}
