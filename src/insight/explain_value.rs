//! "How the model works", version 2: operating income, what the change is worth today (the
//! DCF), the market-cap impact and what is priced in, each in plain words with live numbers
//! read from the projection. No egui.

use super::explain::Explanation;
use crate::model::{
    Measure, OthersParam, ParamPath, Projection, ProviderParam, Scenario, ValueMeasure,
    cash_flow_delta, priced_in, priced_in_sentence,
};
use crate::units::{percent, usd_bn, usd_bn_delta};

/// The margin input of provider `p` (Others at `p` = number of named providers).
fn margin_paths(scenario: &Scenario, p: usize) -> (ParamPath, ParamPath) {
    if p < scenario.providers.len() {
        (
            ParamPath::Provider(p, ProviderParam::Margin),
            ParamPath::Provider(p, ProviderParam::MarginDrift),
        )
    } else {
        (
            ParamPath::Others(OthersParam::Margin),
            ParamPath::Others(OthersParam::MarginDrift),
        )
    }
}

/// Operating income, its change, the present value, the market-cap impact and priced in, for
/// provider `p` in year index `t`; numbered from `first`.
pub fn value_explanations(
    scenario: &Scenario,
    projection: &Projection,
    p: usize,
    t: usize,
) -> Vec<Explanation> {
    if projection.at(t, p).is_none() {
        return Vec::new();
    }
    let mut out = vec![
        operating_income(scenario, projection, p, t),
        present_value(scenario, projection, p, t),
    ];
    out.extend(company_explanations(scenario, projection, p));
    out
}

fn operating_income(
    scenario: &Scenario,
    projection: &Projection,
    p: usize,
    t: usize,
) -> Explanation {
    let here = projection.at(t, p);
    let name = scenario.provider_name(p);
    let year = projection.year(t);
    let (margin_path, drift_path) = margin_paths(scenario, p);
    let margin = margin_path.get(scenario).unwrap_or(0.0);
    let margin_drift = drift_path.get(scenario).unwrap_or(0.0);
    let m = (margin + margin_drift * t as f64).clamp(-1.0, 1.0);
    let rest_revenue = projection
        .rest_share
        .get(t * projection.providers + p)
        .copied()
        .unwrap_or(0.0)
        * projection
            .rest_of_market_usd_bn
            .get(t)
            .copied()
            .unwrap_or(0.0);
    let oi = here.map_or(0.0, |h| h.get(Measure::OperatingIncome));
    let on_rest = m * rest_revenue;
    Explanation {
        title: "8. Operating income",
        formula: "OI(t) = m(t) × ρ(t) × R(t) + Σ workloads μ × S(t) × a(t);  m(t) = margin + margin drift × t",
        plain: "Operating income is what revenue leaves after operating costs. The provider earns its margin on its rest-of-market revenue, and on each workload either the workload's own margin (where the file sets one: big tenants negotiate discounts) or its usual margin.",
        example: format!(
            "{name} {year}: {} margin × {} of rest-of-market revenue = {}, plus {} on workloads = {}.",
            percent(m),
            usd_bn(rest_revenue),
            usd_bn(on_rest),
            usd_bn(oi - on_rest),
            usd_bn(oi)
        ),
    }
}

fn present_value(scenario: &Scenario, projection: &Projection, p: usize, t: usize) -> Explanation {
    let name = scenario.provider_name(p);
    let year = projection.year(t);
    let base = projection.base_year;
    let v = scenario.valuation_used();
    let oi_delta = projection
        .value(Measure::OperatingIncomeDelta, t, p)
        .unwrap_or(0.0);
    let horizon = projection.years.saturating_sub(1);
    let last_delta = projection
        .value(Measure::OperatingIncomeDelta, horizon, p)
        .unwrap_or(0.0);
    let r = v.discount_rate;
    let g = v.terminal_growth_used();
    let last_cash = cash_flow_delta(v, last_delta);
    let terminal = last_cash * (1.0 + g) / ((r - g) * (1.0 + r).powi(horizon as i32));
    let pv = projection
        .value_measure(ValueMeasure::PresentValueDelta, p)
        .unwrap_or(0.0);
    let assumed = if scenario.valuation_is_default() {
        " (the file gives no valuation: these are the default assumptions)"
    } else {
        ""
    };
    Explanation {
        title: "9. What the change is worth today (present value, DCF)",
        formula: "CF(t) = (1 − tax) × (1 − reinvestment) × ΔOI(t);  PV = Σ CF(t) / (1 + r)^t + CF(H) × (1 + g) / ((r − g)(1 + r)^H)",
        plain: "The migration changes operating income against the no-migration counterfactual (ΔOI). After tax and the share reinvested, what is left is a change in cash flow. A dollar next year is worth less than a dollar today, so each year's change is discounted at the discount rate r, and the horizon year's change is assumed to carry on for ever, growing at g (the terminal value). The sum is what the whole move is worth at the base year.",
        example: format!(
            "{name}: ΔOI in {year} is {}, a cash-flow change of {}. Discounting every year at {} \
             ({} tax, {} reinvested, terminal growth {}){assumed} gives a present value of {} at \
             {base}, of which {} is the terminal value after {}.",
            usd_bn_delta(oi_delta),
            usd_bn_delta(cash_flow_delta(v, oi_delta)),
            percent(r),
            percent(v.tax_rate),
            percent(v.reinvestment_rate),
            percent(g),
            usd_bn_delta(pv),
            usd_bn_delta(terminal),
            projection.year(horizon),
        ),
    }
}

/// The market-cap impact and what is priced in, for `p`'s company or else the first company.
fn company_explanations(
    scenario: &Scenario,
    projection: &Projection,
    p: usize,
) -> [Explanation; 2] {
    let with_company = if scenario.company(p).is_some() {
        Some(p)
    } else {
        (0..scenario.providers.len()).find(|&q| scenario.company(q).is_some())
    };
    let impact_example = with_company.map_or_else(
        || "No provider in this file names its company, so there is no impact to show.".to_owned(),
        |q| {
            let company = scenario.company(q).map_or("", |c| c.name.as_str());
            let cap = scenario.company(q).map_or(0.0, |c| c.market_cap_usd_bn);
            let pv = projection
                .value_measure(ValueMeasure::PresentValueDelta, q)
                .unwrap_or(0.0);
            let impact = projection
                .value_measure(ValueMeasure::MarketCapImpact, q)
                .unwrap_or(0.0);
            format!(
                "{company} ({}): {} / {} market cap = {} of its value.",
                scenario.provider_name(q),
                usd_bn_delta(pv),
                usd_bn(cap),
                percent(impact)
            )
        },
    );
    let impact = Explanation {
        title: "10. Market-cap impact",
        formula: "I = PV / market cap",
        plain: "The present value as a share of what the whole company is worth on the stock market: the move in its share price the migration alone would justify, if investors agreed with these inputs.",
        example: impact_example,
    };
    let priced = with_company
        .filter(|&q| scenario.company(q).is_some_and(|c| c.price_move.is_some()))
        .map_or_else(
            || "No company in this file has an observed price move to compare with.".to_owned(),
            |q| priced_in_sentence(scenario, q, None, &priced_in(scenario, q, None)),
        );
    let priced_in = Explanation {
        title: "11. What the market has priced in",
        formula: "find x such that I(x) = observed price move (goal seek)",
        plain: "Share prices move for many reasons, but if the whole observed move were about the migration, how much of the planned shift would investors be expecting? Goal seek varies one input (by default the first workload's extent) until the modelled impact equals the observed move.",
        example: priced,
    };
    [impact, priced_in]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project;
    use crate::scenario::builtin_baseline;

    #[test]
    fn operating_income_adds_up_and_the_present_value_is_the_projections() {
        let scenario = builtin_baseline();
        let projection = project(&scenario);
        let t = projection.year_index(2030).unwrap();
        let azure = scenario.provider_index("Azure").unwrap();
        let all = value_explanations(&scenario, &projection, azure, t);
        assert_eq!(all.len(), 4);
        let oi = projection
            .value(Measure::OperatingIncome, t, azure)
            .unwrap();
        assert!(
            all[0].example.ends_with(&format!("= {}.", usd_bn(oi))),
            "{}",
            all[0].example
        );
        let pv = projection
            .value_measure(ValueMeasure::PresentValueDelta, azure)
            .unwrap();
        assert!(
            all[1].example.contains(&usd_bn_delta(pv)),
            "{}",
            all[1].example
        );
        assert!(all[2].example.contains("market cap"), "{}", all[2].example);
    }

    #[test]
    fn the_terminal_value_is_the_last_years_change_carried_on() {
        let scenario = builtin_baseline();
        let projection = project(&scenario);
        let p = 0;
        let v = scenario.valuation_used();
        let h = projection.years - 1;
        let deltas = (1..=h).map(|t| {
            projection
                .value(Measure::OperatingIncomeDelta, t, p)
                .unwrap()
        });
        let without_terminal: f64 = deltas
            .enumerate()
            .map(|(i, d)| cash_flow_delta(v, d) / (1.0 + v.discount_rate).powi(i as i32 + 1))
            .sum();
        let pv = projection
            .value_measure(ValueMeasure::PresentValueDelta, p)
            .unwrap();
        let all = value_explanations(&scenario, &projection, p, 3);
        assert!(
            all[1]
                .example
                .contains(&usd_bn_delta(pv - without_terminal)),
            "{}",
            all[1].example
        );
    }
}
