//! The HTML report: one self-contained page (inline CSS and SVG, no script, no external
//! resource) with each scenario's description, key numbers, charts, inputs and sources, and for
//! several files the comparison tables and the difference chart. Prints on A4 and Letter.

use std::fmt::Write as _;

use super::numbers::{escape, inputs_table, report_table, select_columns};
use super::{ChartSize, Figure, ReportError, Theme, figure, render_svg, simulation};
use crate::model::{Measure, Projection, Scenario, project};
use crate::tables::{Cell, Report, compare_reports, projection_report};

/// One file of the report: what to call it (its path) and its scenario.
#[derive(Debug)]
pub struct ReportInput<'a> {
    pub label: String,
    pub scenario: &'a Scenario,
}

/// Size of a full-width chart in the page (SVG user units; it scales to the page width).
const WIDE: ChartSize = ChartSize {
    width_px: 1000,
    height_px: 430,
};
/// Size of one fan chart (two to a row).
const SMALL: ChartSize = ChartSize {
    width_px: 640,
    height_px: 360,
};

const STYLE: &str = include_str!("report.css");

/// The whole page for `inputs` (the first is the reference of a comparison).
pub fn report_html(inputs: &[ReportInput<'_>]) -> Result<String, ReportError> {
    let projections: Vec<Projection> = inputs.iter().map(|i| project(i.scenario)).collect();
    let title = match inputs {
        [one] => one.scenario.name.clone(),
        _ => format!("Comparison of {} scenarios", inputs.len()),
    };
    let mut page = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <meta name=\"generator\" content=\"cloudshift {}\"/>\n<title>{}</title>\n\
         <style>\n{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(&title)
    );
    if inputs.len() > 1 {
        let _ = writeln!(page, "<header><h1>{}</h1>", escape(&title));
        page.push_str("<ol class=\"files\">");
        for input in inputs {
            let _ = write!(
                page,
                "<li>{} <span class=\"file\">{}</span></li>",
                escape(&input.scenario.name),
                escape(&input.label)
            );
        }
        page.push_str("</ol></header>\n");
        page.push_str(&comparison(inputs, &projections)?);
    }
    for (i, (input, projection)) in inputs.iter().zip(&projections).enumerate() {
        page.push_str(&scenario_section(input, projection, i, inputs.len() == 1)?);
    }
    page.push_str(
        "<footer>Made by cloudshift from the files named above. Numbers are the command \
         line's (<code>cloudshift project</code>); money in billions of US dollars.</footer>\n\
         </body>\n</html>\n",
    );
    Ok(page)
}

/// A chart as inline SVG (no `xmlns`: inside HTML it needs none, and the page names no URL).
fn inline_svg(figure: &Figure, size: ChartSize, label: &str) -> Result<String, ReportError> {
    let svg = render_svg(figure, size, Theme::Light)?;
    let svg = svg.replacen(" xmlns=\"http://www.w3.org/2000/svg\"", "", 1);
    Ok(svg.replacen(
        "<svg ",
        &format!("<svg role=\"img\" aria-label=\"{}\" ", escape(label)),
        1,
    ))
}

pub(super) fn chart_figure(
    figure: &Figure,
    size: ChartSize,
    caption: &str,
) -> Result<String, ReportError> {
    Ok(format!(
        "<figure>\n{}<figcaption>{}</figcaption>\n</figure>\n",
        inline_svg(figure, size, caption)?,
        escape(caption)
    ))
}

fn description_html(text: &str) -> String {
    let mut html = String::new();
    for paragraph in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let _ = writeln!(html, "<p class=\"description\">{}</p>", escape(paragraph));
    }
    html
}

fn scenario_section(
    input: &ReportInput<'_>,
    projection: &Projection,
    index: usize,
    only: bool,
) -> Result<String, ReportError> {
    let scenario = input.scenario;
    let n = index + 1;
    let heading = if only { "h1" } else { "h2" };
    let last_year = projection.year(projection.years.saturating_sub(1));
    let mut html = format!(
        "<section class=\"scenario\" id=\"scenario-{n}\">\n<{heading}>{}</{heading}>\n{}\
         <p class=\"meta\">File <span class=\"file\">{}</span> · base year {} (observed) · \
         projected to {last_year} · summary year {last_year}</p>\n",
        escape(&scenario.name),
        description_html(&scenario.description),
        escape(&input.label),
        scenario.base_year,
    );
    let table = projection_report(scenario);
    let key = select_columns(
        &table,
        &[
            "provider",
            "share",
            "revenue",
            "counterfactual_revenue",
            "revenue_delta",
            "value_at_stake",
        ],
    );
    let last = i64::from(last_year);
    let key_rows: Report = Report {
        columns: key.columns.clone(),
        rows: key
            .rows
            .iter()
            .zip(&table.rows)
            .filter(|(_, full)| full.first() == Some(&Cell::Integer(last)))
            .map(|(k, _)| k.clone())
            .collect(),
    };
    let _ = write!(
        html,
        "<div class=\"block\"><h3>Key numbers in {last_year}</h3>\n{}</div>\n",
        report_table(&key_rows, None, &format!("key-{n}"))
    );
    html.push_str("<div class=\"charts\">\n<h3>Charts</h3>\n");
    for (kind, caption) in [
        (
            super::ChartKind::Share,
            "Share of the cloud market per provider, stacked.",
        ),
        (
            super::ChartKind::Revenue,
            "Revenue per provider; dashed: the counterfactual without the migration.",
        ),
        (
            super::ChartKind::Placement,
            "Where each workload runs, as a share of its spend.",
        ),
        (
            super::ChartKind::Delta,
            "What the migration changes: revenue delta, and value at stake (EV/sales × delta).",
        ),
    ] {
        let fig = figure(scenario, projection, kind, None)?;
        html.push_str(&chart_figure(&fig, WIDE, caption)?);
    }
    html.push_str("</div>\n");
    html.push_str(&uncertainty_block(scenario)?);
    html.push_str(&super::investor::investor_block(scenario, projection, n)?);
    let _ = write!(
        html,
        "<div class=\"block\"><h3>Inputs and sources</h3>\n{}</div>\n",
        inputs_table(scenario, &format!("inputs-{n}"))
    );
    let _ = write!(
        html,
        "<div class=\"block appendix\"><h3>All projected numbers</h3>\n\
         <p class=\"note\">The table of <code>cloudshift project</code>, every year and provider.</p>\n{}</div>\n",
        report_table(&table, None, &format!("projection-{n}"))
    );
    html.push_str("</section>\n");
    Ok(html)
}

/// Fan charts of each provider's revenue, two to a row, or a note when nothing is uncertain.
fn uncertainty_block(scenario: &Scenario) -> Result<String, ReportError> {
    let Some(summary) = simulation(scenario)? else {
        return Ok(
            "<div class=\"block\"><h3>Uncertainty</h3>\n<p class=\"note\">The scenario \
                   gives no input a distribution, so there is no fan chart.</p></div>\n"
                .to_owned(),
        );
    };
    let mut html = format!(
        "<div class=\"block\"><h3>Uncertainty</h3>\n<p>Monte Carlo: {} draws, seed {}. Bands: \
         P5–P95 and P25–P75 of revenue; line: median; dashed: the deterministic run.</p>\n\
         <div class=\"fans\">\n",
        summary.samples, summary.seed
    );
    for p in 0..summary.providers {
        let panel = super::figure::fan(scenario, &summary, Measure::Revenue, p);
        let caption = format!("{}: revenue, P5–P95", scenario.provider_name(p));
        html.push_str(&chart_figure(&Figure::Years(vec![panel]), SMALL, &caption)?);
    }
    html.push_str("</div></div>\n");
    Ok(html)
}

/// The compare tables of `cloudshift compare` and the difference chart.
fn comparison(
    inputs: &[ReportInput<'_>],
    projections: &[Projection],
) -> Result<String, ReportError> {
    let compared: Vec<(&Scenario, &Projection)> =
        inputs.iter().map(|i| i.scenario).zip(projections).collect();
    let mut html =
        String::from("<section class=\"comparison\" id=\"comparison\">\n<h2>Comparison</h2>\n");
    let fig = super::figure::difference(&compared);
    html.push_str(&chart_figure(
        &fig,
        ChartSize {
            width_px: WIDE.width_px,
            height_px: 300 + 200 * (inputs.len().saturating_sub(1) as u32).min(4),
        },
        "Difference chart: each scenario's revenue per provider minus the first scenario's.",
    )?);
    match compare_reports(&compared, None, true) {
        Ok((differ, kpis, year)) => {
            let raw = compare_reports(&compared, None, false).ok();
            let (differ_raw, kpis_raw) = raw.map(|(d, k, _)| (d, k)).unzip();
            let _ = write!(
                html,
                "<div class=\"block\"><h3>Inputs that differ ({} of them)</h3>\n{}</div>\n\
                 <div class=\"block\"><h3>Key figures in {year}</h3>\n{}</div>\n",
                differ.rows.len(),
                report_table(&differ, differ_raw.as_ref(), "compare-inputs"),
                report_table(&kpis, kpis_raw.as_ref(), "compare-kpis"),
            );
        }
        Err(error) => {
            let _ = writeln!(html, "<p class=\"note\">{}</p>", escape(&error));
        }
    }
    html.push_str("</section>\n");
    Ok(html)
}
