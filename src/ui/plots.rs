//! The central panel: the four charts as tabs or as a 2×2 grid, and the plot settings they share
//! (linked year axes, year grid, money and percent axes, base-year and summary-year markers).

use egui::{Color32, Id};
use egui_plot::{
    ColorConflictHandling, Corner, GridInput, GridMark, Legend, LineStyle, Plot, PlotUi, VLine,
    uniform_grid_spacer,
};
use serde::{Deserialize, Serialize};

use crate::model::{Projection, Scenario};
use crate::ui::charts;

/// The four charts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Chart {
    #[default]
    Share,
    Revenue,
    Placement,
    Delta,
    /// Monte Carlo fan chart and tornado (drawn with the app's `UncertaintyState`).
    Uncertainty,
}

impl Chart {
    pub const ALL: [Self; 5] = [
        Self::Share,
        Self::Revenue,
        Self::Placement,
        Self::Delta,
        Self::Uncertainty,
    ];
    /// The charts of the 2×2 grid.
    pub const GRID: [Self; 4] = [Self::Share, Self::Revenue, Self::Placement, Self::Delta];

    /// Tab and title text.
    pub fn title(self) -> &'static str {
        match self {
            Self::Share => "Market share",
            Self::Revenue => "Revenue",
            Self::Placement => "Workload placement",
            Self::Delta => "Delta & value at stake",
            Self::Uncertainty => "Uncertainty",
        }
    }

    /// One sentence on what the chart shows.
    pub fn description(self) -> &'static str {
        match self {
            Self::Share => "Each provider's share of the whole market, stacked to 100%.",
            Self::Revenue => "Revenue by provider; dashed: the same market without any migration.",
            Self::Placement => "Where each workload's spend goes, year by year.",
            Self::Delta => {
                "Revenue won or lost against the no-migration counterfactual, and that change times EV/sales."
            }
            Self::Uncertainty => {
                "Monte Carlo bands (P5–P95, P25–P75, median; dashed: the single deterministic run) and the tornado of the inputs that drive them."
            }
        }
    }
}

/// How the central area shows the charts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlotLayout {
    /// One chart at a time, chosen by tab.
    #[default]
    Tabs,
    /// All four charts in a 2×2 grid.
    Grid,
}

/// What every chart reads: the committed scenario, its projection, and the year marks.
pub struct ChartData<'a> {
    pub scenario: &'a Scenario,
    pub projection: &'a Projection,
    /// Years as plot x values, base year first.
    pub years: Vec<f64>,
    pub summary_year: i32,
    /// The observed past to draw before the projection (None: hidden or not applicable).
    pub history: Option<&'a crate::history::History>,
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
        }
    }

    /// The calendar year of a plot x value, rounded, as text.
    pub fn year_text(x: f64) -> String {
        format!("{:.0}", x.round())
    }
}

/// The central area: chart selector and the charts; `uncertainty_ui` draws the Uncertainty tab.
pub fn plots_ui(
    ui: &mut egui::Ui,
    data: &ChartData<'_>,
    layout: &mut PlotLayout,
    chart: &mut Chart,
    uncertainty_ui: &mut dyn FnMut(&mut egui::Ui, &ChartData<'_>),
) {
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(layout, PlotLayout::Tabs, "Tabs")
            .on_hover_text("Show one chart at a time.");
        ui.selectable_value(layout, PlotLayout::Grid, "Grid")
            .on_hover_text("Show all four charts at once.");
        ui.separator();
        if *layout == PlotLayout::Tabs {
            for c in Chart::ALL {
                ui.selectable_value(chart, c, c.title())
                    .on_hover_text(c.description());
            }
        } else {
            ui.label(
                egui::RichText::new("Hover for values · drag to pan · double-click to reset")
                    .weak(),
            );
        }
    });
    ui.separator();
    match *layout {
        PlotLayout::Tabs => {
            ui.label(egui::RichText::new(chart.description()).weak());
            if *chart == Chart::Uncertainty {
                uncertainty_ui(ui, data);
            } else {
                let size = ui.available_size();
                remember_chart_rect(ui, egui::Rect::from_min_size(ui.cursor().min, size));
                charts::chart_ui(ui, data, *chart, size);
            }
        }
        PlotLayout::Grid => {
            remember_chart_rect(ui, ui.available_rect_before_wrap());
            grid_ui(ui, data);
        }
    }
}

/// Records where the chart is drawn (plot and axes), for "Export chart as PNG…".
fn remember_chart_rect(ui: &egui::Ui, rect: egui::Rect) {
    ui.ctx()
        .data_mut(|d| d.insert_temp(crate::ui::views::chart_rect_id(), rect));
}

fn grid_ui(ui: &mut egui::Ui, data: &ChartData<'_>) {
    let spacing = ui.spacing().item_spacing;
    let total = ui.available_size();
    let cell = egui::vec2((total.x - spacing.x) / 2.0, (total.y - spacing.y) / 2.0);
    let origin = ui.cursor().min;
    for (i, chart) in Chart::GRID.into_iter().enumerate() {
        let col = (i % 2) as f32;
        let row = (i / 2) as f32;
        let min = origin + egui::vec2(col * (cell.x + spacing.x), row * (cell.y + spacing.y));
        let rect = egui::Rect::from_min_size(min, cell);
        ui.scope_builder(
            egui::UiBuilder::new()
                .max_rect(rect)
                .id_salt(("grid-cell", i)),
            |ui| {
                ui.strong(chart.title()).on_hover_text(chart.description());
                let size = ui.available_size();
                charts::chart_ui(ui, data, chart, size);
            },
        );
    }
    ui.allocate_rect(
        egui::Rect::from_min_size(origin, total),
        egui::Sense::hover(),
    );
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
pub(crate) fn value_steps(input: &GridInput) -> [f64; 3] {
    let base = input.base_step_size.abs().max(f64::MIN_POSITIVE);
    let decade = 10_f64.powf(base.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .map(|m| m * decade)
        .into_iter()
        .find(|s| *s >= base)
        .unwrap_or(10.0 * decade);
    // Each level a multiple of the one below, so labels of two levels never interleave.
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
        .include_x(last)
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
