//! The report's Investor view and Model limits: per company the market-cap impact of the
//! migration (chart and table), what the market has priced in, and where the model reaches
//! its limits, each in plain words.

use std::fmt::Write as _;

use super::html::chart_figure;
use super::numbers::{escape, report_table};
use super::{ChartSize, ImpactBar, ReportError, impact_figure};
use crate::cli::value_report;
use crate::model::{Projection, Scenario, diagnostics, priced_in, priced_in_sentence};
use crate::units::percent;

/// Size of the impact chart in the page (it scales to the page width).
const IMPACT: ChartSize = ChartSize {
    width_px: 1000,
    height_px: 360,
};

/// One bar per provider whose company the file names: the model's market-cap impact and the
/// observed share-price move.
pub fn impact_bars(scenario: &Scenario, projection: &Projection) -> Vec<ImpactBar> {
    (0..scenario.providers.len())
        .filter_map(|p| {
            let company = scenario.company(p)?;
            Some(ImpactBar {
                company: company.name.clone(),
                color: scenario.provider_color(p),
                impact_fraction: projection.market_cap_impact.get(p).copied().flatten()?,
                observed_move_fraction: company.price_move,
            })
        })
        .collect()
}

/// The Investor view and Model limits blocks of scenario number `n`.
pub fn investor_block(
    scenario: &Scenario,
    projection: &Projection,
    n: usize,
) -> Result<String, ReportError> {
    let mut html = String::from("<div class=\"block\"><h3>Investor view</h3>\n");
    let bars = impact_bars(scenario, projection);
    if bars.is_empty() {
        html.push_str(
            "<p class=\"note\">No provider in this file names its company, so there is no \
             market-cap impact to show.</p>\n",
        );
    } else {
        let v = scenario.valuation_used();
        let assumed = if scenario.valuation_is_default() {
            " (the defaults: the file gives no valuation, so each is an assumption)"
        } else {
            ""
        };
        let _ = writeln!(
            html,
            "<p>What the migration is worth today: the present value of the change in after-tax \
             cash flow (operating-income change × (1 − tax {}) × (1 − reinvestment {}), \
             discounted at {} a year, the last year's change growing {} a year after){}, as a \
             share of each company's market cap. Ticks: the observed share-price move.</p>",
            percent(v.tax_rate),
            percent(v.reinvestment_rate),
            percent(v.discount_rate),
            percent(v.terminal_growth),
            escape(assumed)
        );
        let caption = "Market-cap impact of the migration per company; tick: observed move.";
        html.push_str(&chart_figure(&impact_figure(bars), IMPACT, caption)?);
        html.push_str(&report_table(
            &value_report(scenario, projection),
            None,
            &format!("value-{n}"),
        ));
        let mut sentences = String::new();
        for p in 0..scenario.providers.len() {
            if scenario.company(p).is_some_and(|c| c.price_move.is_some()) {
                let result = priced_in(scenario, p, None);
                let sentence = priced_in_sentence(scenario, p, None, &result);
                let _ = writeln!(sentences, "<li>{}</li>", escape(&sentence));
            }
        }
        if !sentences.is_empty() {
            let _ = write!(html, "<h4>Priced in</h4>\n<ul>\n{sentences}</ul>\n");
        }
    }
    html.push_str("<h3>Model limits</h3>\n");
    let found = diagnostics(scenario, projection);
    if found.is_empty() {
        html.push_str(
            "<p class=\"note\">None: at the file's values the model stays within its domain (no \
             share cut at zero, no Others squeezed out, no margin held at ±100%, no change worth \
             more than its company).</p>\n",
        );
    } else {
        html.push_str("<ul class=\"limits\">\n");
        for d in &found {
            let _ = writeln!(
                html,
                "<li>{} <span class=\"note\">(input: <code>{}</code>)</span></li>",
                escape(&d.sentence),
                escape(&d.input.to_text(scenario))
            );
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</div>\n");
    Ok(html)
}
