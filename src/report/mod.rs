//! Reports and charts to share outside the app: `cloudshift plot` (one chart as SVG or PNG) and
//! `cloudshift report` (one self-contained HTML page). Pure: no egui, no disk; the command line
//! and the app write the bytes these functions return.

mod axis;
mod draw;
mod figure;
mod html;
mod impact;
mod investor;
mod legend;
mod numbers;
mod style;

use std::sync::OnceLock;

use image::ImageEncoder as _;
use plotters::prelude::*;

use crate::model::uncertainty::{RunControl, SimulationSummary, simulate};
use crate::model::{Measure, Projection, Scenario, project};

pub use figure::{Band, Figure, ImpactBar, Panel, Series, YUnit};
pub use html::{ReportInput, report_html};
pub use style::Theme;

/// The charts `cloudshift plot --chart` draws.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ChartKind {
    /// Total market share per provider, stacked.
    Share,
    /// Revenue per provider, the counterfactual (no migration) dashed.
    Revenue,
    /// Each workload's placement across providers, stacked.
    Placement,
    /// Revenue delta and value at stake per provider.
    Delta,
    /// Monte Carlo bands of one provider's revenue.
    Fan,
    /// Market-cap impact per company (the Investor view).
    Impact,
}

/// Smallest and largest chart side, in pixels (a PNG of the largest is 48 MB in memory).
pub const SIDE_RANGE_PX: (u32, u32) = (200, 4000);

/// Width and height of a chart in pixels (SVG user units).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartSize {
    pub width_px: u32,
    pub height_px: u32,
}

impl Default for ChartSize {
    fn default() -> Self {
        Self {
            width_px: 1200,
            height_px: 600,
        }
    }
}

/// Why a chart or report could not be made.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error("{0}")]
    Draw(String),
    #[error("--{name}: {value} is outside {}..={}", SIDE_RANGE_PX.0, SIDE_RANGE_PX.1)]
    Size { name: &'static str, value: u32 },
    #[error("the fan chart needs uncertain inputs; this scenario has none")]
    NoUncertainty,
    #[error("no provider is named \"{0}\"")]
    UnknownProvider(String),
    #[error("the Monte Carlo run failed: {0}")]
    Simulation(String),
}

impl ChartSize {
    /// A size within [`SIDE_RANGE_PX`], or an error naming the flag.
    pub fn checked(width_px: u32, height_px: u32) -> Result<Self, ReportError> {
        let inside = |v: u32| (SIDE_RANGE_PX.0..=SIDE_RANGE_PX.1).contains(&v);
        if !inside(width_px) {
            return Err(ReportError::Size {
                name: "width",
                value: width_px,
            });
        }
        if !inside(height_px) {
            return Err(ReportError::Size {
                name: "height",
                value: height_px,
            });
        }
        Ok(Self {
            width_px,
            height_px,
        })
    }
}

/// The app's own sans-serif face, registered once for text measurement and PNG glyphs.
fn ensure_font() -> Result<(), ReportError> {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    let ok = *REGISTERED.get_or_init(|| {
        plotters::style::register_font(
            "sans-serif",
            FontStyle::Normal,
            epaint_default_fonts::UBUNTU_LIGHT,
        )
        .is_ok()
    });
    if ok {
        Ok(())
    } else {
        Err(ReportError::Draw("the chart font did not load".to_owned()))
    }
}

/// The figure of `kind` for a scenario; `provider` picks the fan's provider (default: the one
/// whose revenue the migration changes most in the last year).
pub fn figure(
    scenario: &Scenario,
    projection: &Projection,
    kind: ChartKind,
    provider: Option<&str>,
) -> Result<Figure, ReportError> {
    Ok(match kind {
        ChartKind::Share => figure::share(scenario, projection),
        ChartKind::Revenue => figure::revenue(scenario, projection),
        ChartKind::Placement => figure::placement(scenario, projection),
        ChartKind::Delta => figure::delta(scenario, projection),
        ChartKind::Fan => {
            let p = match provider {
                Some(name) => scenario
                    .provider_index(name)
                    .ok_or_else(|| ReportError::UnknownProvider(name.to_owned()))?,
                None => most_moved_provider(projection),
            };
            let summary = simulation(scenario)?.ok_or(ReportError::NoUncertainty)?;
            Figure::Years(vec![figure::fan(scenario, &summary, Measure::Revenue, p)])
        }
        ChartKind::Impact => impact_figure(investor::impact_bars(scenario, projection)),
    })
}

/// The report of one scenario, as the app's File → Export report… writes it; `label` names
/// its file (or "unsaved").
pub fn scenario_report_html(scenario: &Scenario, label: &str) -> Result<String, ReportError> {
    report_html(&[ReportInput {
        label: label.to_owned(),
        scenario,
    }])
}

/// The provider with the largest revenue delta (either sign) in the last year.
pub fn most_moved_provider(projection: &Projection) -> usize {
    let last = projection.years.saturating_sub(1);
    (0..projection.providers)
        .max_by(|a, b| {
            let delta = |p| {
                projection
                    .value(Measure::RevenueDelta, last, p)
                    .unwrap_or(0.0)
                    .abs()
            };
            delta(*a).total_cmp(&delta(*b))
        })
        .unwrap_or(0)
}

/// The Monte Carlo run with the file's samples and seed (else the defaults), or `None` when
/// the scenario has no uncertain input.
pub fn simulation(scenario: &Scenario) -> Result<Option<SimulationSummary>, ReportError> {
    if scenario.uncertainty.is_empty() {
        return Ok(None);
    }
    let settings = scenario.monte_carlo.unwrap_or_default();
    simulate(
        scenario,
        settings.samples,
        settings.seed,
        &RunControl::new(),
    )
    .map(Some)
    .map_err(|e| ReportError::Simulation(e.to_string()))
}

/// A chart for a scenario as standalone SVG text.
pub fn chart_svg(
    scenario: &Scenario,
    kind: ChartKind,
    provider: Option<&str>,
    size: ChartSize,
    theme: Theme,
) -> Result<String, ReportError> {
    let projection = project(scenario);
    render_svg(&figure(scenario, &projection, kind, provider)?, size, theme)
}

/// A chart for a scenario as PNG bytes.
pub fn chart_png(
    scenario: &Scenario,
    kind: ChartKind,
    provider: Option<&str>,
    size: ChartSize,
    theme: Theme,
) -> Result<Vec<u8>, ReportError> {
    let projection = project(scenario);
    render_png(&figure(scenario, &projection, kind, provider)?, size, theme)
}

/// The fan of `measure` for provider `p` from a simulation already run (the app's Uncertainty
/// tab keeps one), as standalone SVG text: what the tab shows, without running the draws again.
pub fn fan_chart_svg(
    scenario: &Scenario,
    summary: &SimulationSummary,
    measure: Measure,
    p: usize,
    size: ChartSize,
    theme: Theme,
) -> Result<String, ReportError> {
    let panel = figure::fan(scenario, summary, measure, p);
    render_svg(&Figure::Years(vec![panel]), size, theme)
}

/// The impact chart from a plain list of companies (see [`investor::impact_bars`]).
pub fn impact_figure(bars: Vec<ImpactBar>) -> Figure {
    Figure::Impact {
        title: "Market-cap impact of the migration per company".to_owned(),
        bars,
    }
}

/// A figure as standalone SVG text (with its `xmlns`).
pub fn render_svg(figure: &Figure, size: ChartSize, theme: Theme) -> Result<String, ReportError> {
    ensure_font()?;
    let mut text = String::new();
    {
        let root =
            SVGBackend::with_string(&mut text, (size.width_px, size.height_px)).into_drawing_area();
        draw::draw_figure(&root, figure, theme).map_err(ReportError::Draw)?;
        root.present()
            .map_err(|e| ReportError::Draw(e.to_string()))?;
    }
    Ok(text)
}

/// A figure as PNG bytes (8-bit RGB).
pub fn render_png(figure: &Figure, size: ChartSize, theme: Theme) -> Result<Vec<u8>, ReportError> {
    ensure_font()?;
    let (width, height) = (size.width_px, size.height_px);
    let mut pixels = vec![0_u8; width as usize * height as usize * 3];
    {
        let root = BitMapBackend::with_buffer(&mut pixels, (width, height)).into_drawing_area();
        draw::draw_figure(&root, figure, theme).map_err(ReportError::Draw)?;
        root.present()
            .map_err(|e| ReportError::Draw(e.to_string()))?;
    }
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&pixels, width, height, image::ExtendedColorType::Rgb8)
        .map_err(|e| ReportError::Draw(format!("cannot encode the PNG: {e}")))?;
    Ok(png)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rgb;
    use crate::scenario::builtin_baseline;

    fn small() -> ChartSize {
        ChartSize::checked(400, 300).unwrap()
    }

    #[test]
    fn every_chart_of_the_baseline_draws_as_svg_and_png() {
        let scenario = builtin_baseline();
        for kind in [
            ChartKind::Share,
            ChartKind::Revenue,
            ChartKind::Placement,
            ChartKind::Delta,
        ] {
            let svg = chart_svg(&scenario, kind, None, small(), Theme::Dark).unwrap();
            assert!(svg.starts_with("<svg") && svg.contains("Azure"), "{kind:?}");
            let png = chart_png(&scenario, kind, None, small(), Theme::Light).unwrap();
            let image = image::load_from_memory(&png).unwrap();
            assert_eq!((image.width(), image.height()), (400, 300), "{kind:?}");
        }
    }

    #[test]
    fn the_impact_chart_draws_from_a_plain_list() {
        let bars = vec![
            ImpactBar {
                company: "Microsoft <&>".to_owned(),
                color: Rgb([0, 120, 212]),
                impact_fraction: -0.04,
                observed_move_fraction: Some(-0.2),
            },
            ImpactBar {
                company: "Amazon".to_owned(),
                color: Rgb([255, 153, 0]),
                impact_fraction: 0.06,
                observed_move_fraction: None,
            },
        ];
        let svg = render_svg(&impact_figure(bars), small(), Theme::Light).unwrap();
        assert!(svg.contains("Microsoft &lt;&amp;&gt;") && svg.contains("Amazon"));
        assert!(svg.contains("observed share-price move"));
        let empty = render_svg(&impact_figure(Vec::new()), small(), Theme::Light).unwrap();
        assert!(empty.contains("No provider names a company"));
    }

    #[test]
    fn sizes_outside_the_range_are_refused() {
        assert!(ChartSize::checked(199, 300).is_err());
        assert!(ChartSize::checked(300, 4001).is_err());
        assert!(ChartSize::checked(4000, 200).is_ok());
    }

    #[test]
    fn a_scenario_minus_itself_differs_by_zero() {
        let scenario = builtin_baseline();
        let projection = project(&scenario);
        let Figure::Years(panels) =
            figure::difference(&[(&scenario, &projection), (&scenario, &projection)])
        else {
            panic!("a year figure");
        };
        assert_eq!(panels.len(), 1);
        assert_eq!(panels[0].series.len(), projection.providers);
        assert!(
            panels[0]
                .series
                .iter()
                .flat_map(|s| &s.values)
                .all(|v| *v == 0.0)
        );
    }
}
