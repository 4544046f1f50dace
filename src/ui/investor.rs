//! The Investor tab: for each company, its market cap, the observed price move from the file,
//! the modelled impact (present value of the change, in $B and as a share of the market cap),
//! and what the market has priced in: the value of an input at which the model gives the move,
//! with Apply as one undoable edit. Below, the model limits the scenario reaches.

use egui::RichText;

use crate::edits::Edit;
use crate::insight::sources::is_assumption;
use crate::model::uncertainty::SimulationSummary;
use crate::model::{
    ParamPath, PricedIn, PricedInError, ProviderParam, Scenario, ValueMeasure, diagnostics,
    priced_in, priced_in_sentence,
};
use crate::ui::impact_spread::impact_spread_ui;
use crate::ui::plot_kit::ChartData;
use crate::units;

/// The tab's contents; Apply pushes its edit to `edits`. `summary` is the document's last
/// Monte Carlo run (the impact's spread), if the scenario is uncertain. Returns the input of a
/// model limit the person clicked, to be shown in the inputs panel.
pub fn investor_ui(
    ui: &mut egui::Ui,
    data: &ChartData<'_>,
    summary: Option<&SimulationSummary>,
    edits: &mut Vec<Edit>,
) -> Option<ParamPath> {
    let scenario = data.scenario;
    let companies: Vec<usize> = (0..scenario.providers.len())
        .filter(|p| scenario.company(*p).is_some())
        .collect();
    egui::ScrollArea::vertical()
        .id_salt("investor-scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if companies.is_empty() {
                ui.label("No provider in this scenario names its company (market cap and price move), so there is nothing to value.");
            } else {
                companies_grid_ui(ui, data, &companies);
                if !scenario.uncertainty.is_empty() {
                    ui.add_space(8.0);
                    impact_spread_ui(ui, scenario, data.projection, summary, &companies);
                }
                ui.add_space(8.0);
                ui.heading("What the market has priced in");
                priced_in_ui(ui, scenario, edits);
            }
            ui.add_space(8.0);
            let reveal = limits_ui(ui, data);
            ui.add_space(4.0);
            ui.label(RichText::new("Value at stake elsewhere is a one-year EV/sales × revenue delta; the impact here is a present value.").small().weak());
            reveal
        })
        .inner
}

/// Per company: market cap, observed move (sources on hover), present value and impact.
fn companies_grid_ui(ui: &mut egui::Ui, data: &ChartData<'_>, companies: &[usize]) {
    let (scenario, projection) = (data.scenario, data.projection);
    egui::Grid::new("investor-grid")
        .striped(true)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            for title in ["Company", "Market cap", "Observed move", "Modelled impact", "of market cap"] {
                ui.strong(title);
            }
            ui.end_row();
            for &p in companies {
                let Some(company) = scenario.company(p) else {
                    continue;
                };
                ui.label(format!("{} ({})", company.name, scenario.provider_name(p)));
                sourced(ui, scenario, ParamPath::Provider(p, ProviderParam::MarketCap), units::usd_bn(company.market_cap_usd_bn));
                let observed = company.price_move.map_or_else(|| "none given".to_owned(), signed_percent);
                sourced(ui, scenario, ParamPath::Provider(p, ProviderParam::PriceMove), observed);
                let pv = projection.value_measure(ValueMeasure::PresentValueDelta, p);
                let impact = projection.value_measure(ValueMeasure::MarketCapImpact, p);
                ui.label(pv.map_or_else(|| "n/a".to_owned(), units::usd_bn_delta))
                    .on_hover_text("Present value today of the change in after-tax cash flow (DCF), against the no-migration counterfactual.");
                ui.label(impact.map_or_else(|| "n/a".to_owned(), units::percent));
                ui.end_row();
            }
        });
}

/// Each company's priced-in search, as a sentence and its result.
type PricedInRows = Vec<(usize, Result<PricedIn, PricedInError>, String)>;

/// The priced-in search of every company, run once per change of the model inputs (each is a
/// goal seek of a few hundred projections: too much to repeat every frame).
fn priced_in_rows(ctx: &egui::Context, scenario: &Scenario) -> PricedInRows {
    let id = egui::Id::unique("investor-priced-in");
    let cached = ctx.data(|d| d.get_temp::<(Scenario, PricedInRows)>(id));
    if let Some((for_scenario, rows)) = cached
        && for_scenario == *scenario
    {
        return rows;
    }
    let rows: PricedInRows = (0..scenario.providers.len())
        .filter(|p| scenario.company(*p).is_some())
        .map(|p| {
            let result = priced_in(scenario, p, None);
            let sentence = priced_in_sentence(scenario, p, None, &result);
            (p, result, sentence)
        })
        .collect();
    ctx.data_mut(|d| d.insert_temp(id, (scenario.clone(), rows.clone())));
    rows
}

/// What the market has priced in, one sentence per company, with Apply where a value is found.
fn priced_in_ui(ui: &mut egui::Ui, scenario: &Scenario, edits: &mut Vec<Edit>) {
    for (p, result, sentence) in priced_in_rows(ui.ctx(), scenario) {
        ui.horizontal_wrapped(|ui| {
            ui.label(&sentence);
            if let Ok(found) = result {
                let company = scenario.company(p).map_or("", |c| c.name.as_str());
                let apply = ui
                    .button(format!("Apply to {company}"))
                    .on_hover_text(format!(
                        "Set {} to {} (one undoable edit).",
                        found.path.label(scenario),
                        found.path.unit().format(found.value)
                    ));
                if apply.clicked() {
                    edits.push(Edit::Value(found.path, found.value));
                }
            }
        });
    }
}

/// The model limits reached, each a link; returns the input of the one clicked.
fn limits_ui(ui: &mut egui::Ui, data: &ChartData<'_>) -> Option<ParamPath> {
    let scenario = data.scenario;
    ui.heading("Model limits reached");
    let limits = diagnostics(scenario, data.projection);
    if limits.is_empty() {
        ui.label("None: at these inputs every provider stays within the model's domain.");
    }
    let mut reveal = None;
    for limit in limits {
        let clicked = ui
            .link(RichText::new(&limit.sentence))
            .on_hover_text(format!(
                "Driven by {}: click to show it in the inputs panel.",
                limit.input.label(scenario)
            ))
            .clicked();
        if clicked {
            reveal = Some(limit.input);
        }
    }
    reveal
}

/// A move as people write it: `+7.0%`, `-20.0%`.
fn signed_percent(fraction: f64) -> String {
    let text = units::percent(fraction);
    if fraction > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// A value with its source on hover, marked as an assumption where it is one.
fn sourced(ui: &mut egui::Ui, scenario: &Scenario, path: ParamPath, text: String) {
    let source = scenario.source(path);
    let shown = if is_assumption(source) {
        RichText::new(format!("{text} (A)")).italics()
    } else {
        RichText::new(text)
    };
    ui.label(shown)
        .on_hover_text(source.unwrap_or("Assumption: no source given"));
}
