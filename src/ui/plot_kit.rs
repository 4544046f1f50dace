//! The plot settings every chart shares: what a chart reads, linked year axes, the year grid,
//! money and percent axes, legends that leave room for the data, base- and summary-year markers.

use crate::model::{Projection, Scenario};
use egui::{Align2, Color32, Id, RichText};
use egui_plot::{
    ColorConflictHandling, Corner, GridInput, GridMark, Legend, LineStyle, Plot, PlotPoint, PlotUi,
    Text, VLine, uniform_grid_spacer,
};

/// What every chart reads: the committed scenario, its projection, and the year marks.
pub struct ChartData<'a> {
    pub scenario: &'a Scenario,
    pub projection: &'a Projection,
    /// Years as plot x values, base year first.
    pub years: Vec<f64>,
    pub summary_year: i32,
    /// The observed past to draw before the projection (None: hidden or not applicable).
    pub history: Option<&'a crate::history::History>,
    /// Why the history is not drawn although the person asked for it (shown under the chart).
    pub history_hidden: Option<String>,
}

impl<'a> ChartData<'a> {
    pub fn new(scenario: &'a Scenario, projection: &'a Projection, summary_year: i32) -> Self {
        let years = (0..projection.years)
            .map(|t| f64::from(projection.year(t)))
            .collect();
        Self {
            scenario,
            projection,
            years,
            summary_year,
            history: None,
            history_hidden: None,
        }
    }

    /// The calendar year of a plot x value, rounded, as text.
    pub fn year_text(x: f64) -> String {
        format!("{:.0}", x.round())
    }
}

/// Year steps for the x grid: whole years, at least `base_step_size` apart.
fn year_steps(input: &GridInput) -> [f64; 3] {
    let smallest = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
        .into_iter()
        .find(|s| *s >= input.base_step_size)
        .unwrap_or(100.0);
    [smallest, smallest * 5.0, smallest * 10.0]
}

/// 1-2-5 steps for value axes, so even a short plot labels a few round values
/// (`egui_plot`'s default powers of ten can leave a single label on a $0-1.6T axis).
pub fn value_steps(input: &GridInput) -> [f64; 3] {
    let base = input.base_step_size.abs().max(f64::MIN_POSITIVE);
    let decade = 10_f64.powf(base.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .map(|m| m * decade)
        .into_iter()
        .find(|s| *s >= base * 0.5)
        .unwrap_or(10.0 * decade);
    // Each level a multiple of the one below, so labels of two levels never interleave. The
    // finest level may sit at half egui_plot's smallest spacing (its lines fade out there), so
    // that on a short plot the middle level is fine enough to label at least two values: a
    // 75-point Delta plot of the grid read only "$0B".
    [step, step * 5.0, step * 10.0]
}

/// Adds a legend when the plot is big enough for one not to hide the data.
pub fn with_legend(plot: Plot<'_>, size: egui::Vec2) -> Plot<'_> {
    // Up to ~10 entries (providers, history, markers) need about 190 points; below twice that the
    // legend would hide the data, and the summary table's swatches name the colors anyway.
    if size.x >= 480.0 && size.y >= 380.0 {
        plot.legend(
            Legend::default()
                .position(Corner::LeftTop)
                .background_alpha(0.85)
                .follow_insertion_order(true)
                // A provider's area and its edge line share a legend entry: show the line's color.
                .color_conflict_handling(ColorConflictHandling::PickLast),
        )
    } else {
        plot
    }
}

/// The kind of values on a chart's y axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YUnit {
    /// Fractions shown as percent.
    Percent,
    /// Billions of dollars.
    UsdBn,
}

/// A plot with the settings every chart shares.
pub fn year_plot<'a>(id: &str, y_unit: YUnit, y_label: &str, data: &ChartData<'_>) -> Plot<'a> {
    let group = Id::unique("cloudshift-year-axis");
    let first = data.years.first().copied().unwrap_or(0.0);
    let last = data.years.last().copied().unwrap_or(first + 1.0);
    Plot::new(id)
        .x_axis_label("Year")
        .y_axis_label(y_label.to_owned())
        .link_axis(group, [true, false])
        .link_cursor(group, [true, false])
        .x_grid_spacer(uniform_grid_spacer(|input| year_steps(&input)))
        .x_axis_formatter(|mark: GridMark, _| {
            if (mark.value - mark.value.round()).abs() < 1e-6 {
                format!("{:.0}", mark.value)
            } else {
                String::new()
            }
        })
        .y_grid_spacer(uniform_grid_spacer(|input| value_steps(&input)))
        .y_axis_formatter(move |mark: GridMark, _| axis_value(y_unit, mark))
        .y_axis_min_width(44.0)
        .include_x(first)
        .include_x(last + end_label_room(data))
        .allow_scroll(false)
        .allow_double_click_reset(true)
}

fn axis_value(y_unit: YUnit, mark: GridMark) -> String {
    match y_unit {
        YUnit::Percent => {
            let decimals = usize::from(mark.step_size < 0.01);
            format!("{:.*}%", decimals, mark.value * 100.0)
        }
        YUnit::UsdBn => {
            let (sign, v) = if mark.value < 0.0 {
                ("-", -mark.value)
            } else {
                ("", mark.value)
            };
            if v >= 1e6 {
                format!("{sign}{}", crate::units::usd_bn(v))
            } else if v >= 1000.0 {
                let decimals = usize::from(mark.step_size < 1000.0);
                format!("{sign}${:.*}T", decimals, v / 1000.0)
            } else {
                let decimals = usize::from(mark.step_size < 1.0);
                format!("{sign}${v:.decimals$}B")
            }
        }
    }
}

/// The base year (solid) and the summary year (dashed) as vertical lines, without legend entries.
pub fn year_markers(plot_ui: &mut PlotUi<'_>, data: &ChartData<'_>, dark_mode: bool) {
    let color = if dark_mode {
        Color32::from_gray(150)
    } else {
        Color32::from_gray(110)
    };
    let base_year = data.projection.base_year;
    plot_ui.vline(
        VLine::new("", f64::from(base_year))
            .color(color)
            .width(1.5)
            .allow_hover(false),
    );
    if data.summary_year != base_year {
        plot_ui.vline(
            VLine::new("", f64::from(data.summary_year))
                .color(color.gamma_multiply(0.7))
                .style(LineStyle::dashed_loose())
                .allow_hover(false),
        );
    }
}

/// A series' name drawn at its last point, in its colour: it names the series at any plot size,
/// where a legend would hide the data.
#[derive(Clone, Debug)]
pub struct EndLabel {
    pub text: String,
    pub color: Color32,
    /// The series' value at the last year (plot units).
    pub y: f64,
}

/// Years of room to leave right of the last year for the end labels.
pub fn end_label_room(data: &ChartData<'_>) -> f64 {
    let first = data.years.first().copied().unwrap_or(0.0);
    let last = data.years.last().copied().unwrap_or(first);
    ((last - first) * 0.22).max(1.5)
}

/// Points between two end labels' centres.
const END_LABEL_GAP_POINTS: f64 = 13.0;

/// Draws `labels` just right of the last year, moved apart vertically where they would overlap.
pub fn end_labels_ui(pui: &mut PlotUi<'_>, data: &ChartData<'_>, mut labels: Vec<EndLabel>) {
    let Some(&last) = data.years.last() else {
        return;
    };
    labels.retain(|l| l.y.is_finite());
    labels.sort_by(|a, b| b.y.total_cmp(&a.y));
    let per_point = pui.transform().dvalue_dpos()[1].abs();
    let gap = END_LABEL_GAP_POINTS * per_point;
    for i in 1..labels.len() {
        let above = labels[i - 1].y;
        if above - labels[i].y < gap {
            labels[i].y = above - gap;
        }
    }
    let x_offset = 4.0 * pui.transform().dvalue_dpos()[0].abs();
    for label in labels {
        pui.text(
            Text::new(
                "",
                PlotPoint::new(last + x_offset, label.y),
                RichText::new(label.text).small().color(label.color),
            )
            .anchor(Align2::LEFT_CENTER),
        );
    }
}
