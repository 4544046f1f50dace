//! Plain-language sentences for the "How the model works" view, each with live numbers read from a
//! projection (never recomputed here beyond adding up the projection's own terms). No egui.

use std::fmt::Write as _;

use crate::model::{Measure, ParamPath, Projection, ProviderParam, Scenario};
use crate::units::{percent, points_delta, usd_bn};

/// One workload's contribution to a provider's revenue in a year.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkloadTerm {
    pub workload: String,
    /// `a_wp,t`: the fraction of the workload's spend placed on the provider.
    pub placement: f64,
    /// `S_w,t`, $B.
    pub spend_usd_bn: f64,
}

/// `Rev_p,t = rho_p,t * R_t + sum_w S_w,t * a_wp,t`, with every term from the projection.
#[derive(Clone, Debug, PartialEq)]
pub struct RevenueExample {
    pub provider: String,
    pub year: i32,
    /// `rho_p,t`: the provider's share of the rest of market.
    pub rest_share: f64,
    /// `R_t`, $B.
    pub rest_of_market_usd_bn: f64,
    pub workloads: Vec<WorkloadTerm>,
    /// The projection's revenue for this provider and year, $B.
    pub revenue_usd_bn: f64,
}

impl RevenueExample {
    /// The right-hand side added up from its terms (equals `revenue_usd_bn`, floating point aside).
    pub fn sum_of_terms(&self) -> f64 {
        self.rest_share * self.rest_of_market_usd_bn
            + self
                .workloads
                .iter()
                .map(|w| w.placement * w.spend_usd_bn)
                .sum::<f64>()
    }

    /// E.g. `AWS 2030 revenue = 31.2% of the $1.10T rest of market + 30.0% of OpenAI's $210B = $406B`.
    pub fn sentence(&self) -> String {
        let mut text = format!(
            "{} {} revenue = {} of the {} rest of market",
            self.provider,
            self.year,
            percent(self.rest_share),
            usd_bn(self.rest_of_market_usd_bn)
        );
        for w in &self.workloads {
            let _ = write!(
                text,
                " + {} of {}'s {}",
                percent(w.placement),
                w.workload,
                usd_bn(w.spend_usd_bn)
            );
        }
        let _ = write!(text, " = {}", usd_bn(self.revenue_usd_bn));
        text
    }
}

/// The revenue example of provider `p` (Others included) in year index `t`, if both exist.
pub fn revenue_example(
    scenario: &Scenario,
    projection: &Projection,
    p: usize,
    t: usize,
) -> Option<RevenueExample> {
    if p >= projection.providers || t >= projection.years {
        return None;
    }
    let workloads = scenario
        .workloads
        .iter()
        .enumerate()
        .map(|(w, workload)| WorkloadTerm {
            workload: workload.name.clone(),
            placement: projection.placement_at(t, w, p),
            spend_usd_bn: projection.workload_spend_at(t, w),
        })
        .collect();
    Some(RevenueExample {
        provider: scenario.provider_name(p).to_owned(),
        year: projection.year(t),
        rest_share: projection
            .rest_share
            .get(t * projection.providers + p)
            .copied()?,
        rest_of_market_usd_bn: projection.rest_of_market_usd_bn.get(t).copied()?,
        workloads,
        revenue_usd_bn: projection.value(Measure::Revenue, t, p)?,
    })
}

/// Rounding noise shown as zero (so it never reads "-0.0 pts").
fn tidy(fraction: f64) -> f64 {
    if fraction.abs() < 5e-5 { 0.0 } else { fraction }
}

/// One equation of the model: its name, the formula, what it means, and a live example.
#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub title: &'static str,
    pub formula: &'static str,
    pub plain: &'static str,
    pub example: String,
}

/// Every equation, explained for provider `p` in year index `t` (t >= 1 reads best).
#[allow(clippy::too_many_lines)] // one explanation per step of the model, in order, each a short literal
pub fn explanations(
    scenario: &Scenario,
    projection: &Projection,
    p: usize,
    t: usize,
) -> Vec<Explanation> {
    let Some(here) = projection.at(t, p) else {
        return Vec::new();
    };
    let name = scenario.provider_name(p);
    let year = projection.year(t);
    let base = projection.base_year;
    let at = |v: &[f64], i: usize| v.get(i).copied().unwrap_or(0.0);
    let providers = projection.providers;
    let market = at(&projection.market_usd_bn, t);
    let rest = at(&projection.rest_of_market_usd_bn, t);
    let spend: f64 = (0..projection.workloads)
        .map(|w| projection.workload_spend_at(t, w))
        .sum();
    let mut out = vec![Explanation {
        title: "1. The market grows",
        formula: "R(t) = R(t-1) × (1 + growth(t));  M(t) = R(t) + Σ workloads S(t)",
        plain: "The market outside the big tenants (the \"rest of market\") grows each year at a rate that fades from the start rate to the end rate. The whole market is that plus the tenants' spend.",
        example: format!(
            "{year}: the market is {} = {} rest of market + {} of workload spend ({} at {base}).",
            usd_bn(market),
            usd_bn(rest),
            usd_bn(spend),
            usd_bn(at(&projection.market_usd_bn, 0)),
        ),
    }];
    if let Some(workload) = scenario.workloads.first() {
        let a = projection.placement_at(t, 0, p);
        let b = projection.placement_at(0, 0, p);
        out.push(Explanation {
            title: "2. Workloads move",
            formula: "a(t) = b + extent × ramp(t) × (g − b)",
            plain: "A workload's spend is split across providers. It starts at the base placement b and moves toward the target g along the migration curve (the ramp goes from 0 to 1); the extent says how much of the planned move really happens.",
            example: format!(
                "{year}: {} of {}'s {} spend is on {name} (it was {} in {base}; extent {}).",
                percent(a),
                workload.name,
                usd_bn(projection.workload_spend_at(t, 0)),
                percent(b),
                percent(workload.extent),
            ),
        });
    }
    let q = at(&projection.calibrated_rest_share, p);
    let rho = at(&projection.rest_share, t * providers + p);
    let years = t as f64;
    let named = scenario.providers.len();
    let example = if p < named {
        let drift = ParamPath::Provider(p, ProviderParam::Drift)
            .get(scenario)
            .unwrap_or(0.0);
        format!(
            "{name} {year}: {} = {} in {base} {} from drift ({} a year for {t} years) {} from halo and rescaling.",
            percent(rho),
            percent(q),
            points_delta(drift * years),
            points_delta(drift),
            points_delta(tidy(rho - q - drift * years)),
        )
    } else {
        // Others has no drift or halo of its own: it keeps what the named providers leave.
        let drifts: f64 = (0..named)
            .map(|i| {
                ParamPath::Provider(i, ProviderParam::Drift)
                    .get(scenario)
                    .unwrap_or(0.0)
            })
            .sum::<f64>()
            * years;
        format!(
            "{name} {year}: {} = {} in {base} {} from the named providers' combined drift (taken out of what they leave) {} from their halo gains and losses, floors and rescaling.",
            percent(rho),
            percent(q),
            points_delta(tidy(-drifts)),
            points_delta(tidy(rho - q + drifts)),
        )
    };
    out.push(Explanation {
        title: "3. Shares of the rest of market drift, and the halo",
        formula: "ρ(t) = max(0, q + drift × t + h × G(t) / R(t)),  G(t) = Σ S(t)(a(t) − b),  h = halo if G >= 0, else halo on losses;  Others: 1 − Σ named ρ",
        plain: "Each named provider starts from its share of the rest of market in the base year, q (calibrated so its total share matches the reported one). It drifts a fixed number of points a year. A provider that wins workload spend also wins other customers (the halo); one that loses it loses some of them too (the halo on losses, smaller where switching costs keep customers). Others has no drift of its own: it keeps what the named providers leave.",
        example,
    });
    if let Some(example) = revenue_example(scenario, projection, p, t) {
        out.push(Explanation {
            title: "4. Revenue",
            formula: "Rev(t) = ρ(t) × R(t) + Σ workloads S(t) × a(t)",
            plain: "A provider's revenue is its share of the rest of market plus what each workload spends with it.",
            example: example.sentence(),
        });
    }
    let share = here.get(Measure::Share);
    out.push(Explanation {
        title: "5. Market share",
        formula: "Share(t) = Rev(t) / M(t)",
        plain: "Total share is revenue divided by the whole market.",
        example: format!(
            "{name} {year}: {} / {} = {}.",
            usd_bn(here.get(Measure::Revenue)),
            usd_bn(market),
            percent(share)
        ),
    });
    let cf = here.get(Measure::CounterfactualRevenue);
    let delta = here.get(Measure::RevenueDelta);
    out.push(Explanation {
        title: "6. Counterfactual and revenue delta",
        formula: "Δ(t) = Rev(t) − Rev without migration(t)",
        plain: "The counterfactual is the same scenario with no migration at all (every extent 0, so no halo either). The difference is what the migration wins or costs the provider.",
        example: format!(
            "{name} {year}: {} − {} without migration = {}.",
            usd_bn(here.get(Measure::Revenue)),
            usd_bn(cf),
            crate::units::usd_bn_delta(delta)
        ),
    });
    out.push(Explanation {
        title: "7. Value at stake (a one-year multiple, not a present value)",
        formula: "V(t) = EV/sales × Δ(t)",
        plain: "A quick yardstick: one year's revenue delta times the provider's EV/sales multiple. It ignores costs, taxes and time, so it overstates what the move is worth; the present value below (step 9) is the measure to quote.",
        example: format!(
            "{name} {year}: EV/sales of {:.1}× times {} = {}.",
            scenario.provider_ev_sales(p),
            crate::units::usd_bn_delta(delta),
            crate::units::usd_bn_delta(here.get(Measure::ValueAtStake))
        ),
    });
    out.extend(super::explain_value::value_explanations(
        scenario, projection, p, t,
    ));
    out
}

/// The glossary: a term and its meaning in plain words.
pub const GLOSSARY: &[(&str, &str)] = &[
    (
        "Share",
        "A provider's revenue divided by the whole market in that year.",
    ),
    (
        "Rest of market",
        "The market minus the modelled workloads (OpenAI and the like): every other customer.",
    ),
    (
        "Drift",
        "How many percentage points of the rest of market a provider gains (or loses) each year, whatever the workloads do.",
    ),
    (
        "Halo",
        "Dollars of other customers' business a provider wins for each dollar of workload spend it wins: being chosen by a flagship tenant is an advertisement.",
    ),
    (
        "Placement",
        "How a workload's spend is split across providers; it always adds up to 100%.",
    ),
    (
        "Extent",
        "How much of the planned move from base to target placement actually happens (0% = none, 100% = all of it).",
    ),
    (
        "Calibration",
        "Working out each provider's share of the rest of market in the base year so that, with the workloads added back, its total share matches the reported one.",
    ),
    (
        "Counterfactual",
        "The same scenario with no migration at all: the yardstick the migration is measured against (dashed lines on the revenue chart).",
    ),
    (
        "Value at stake",
        "One year's revenue won or lost against the counterfactual, times the provider's EV/sales multiple: a one-year yardstick, not a present value.",
    ),
    (
        "Halo on losses",
        "Dollars of other business a provider loses for each dollar of workload spend it loses; smaller than the halo where switching costs keep customers.",
    ),
    (
        "Operating income",
        "Revenue minus operating costs: the provider's margin times its revenue, with a workload's own margin on that workload's spend.",
    ),
    (
        "Present value (DCF)",
        "Every future year's change in after-tax cash flow, discounted back to the base year, plus the horizon year's change carried on for ever (terminal value): what the migration is worth today.",
    ),
    (
        "Discount rate",
        "How much less a dollar next year is worth than a dollar today, for an investor in this company (its cost of capital).",
    ),
    (
        "Market-cap impact",
        "The present value as a share of the company's stock-market value: the share-price move the migration alone would justify.",
    ),
    (
        "Priced in",
        "The value of an input (by default the migration's extent) at which the modelled impact equals the observed price move.",
    ),
    (
        "Percentile",
        "P10 is the value that 10% of the Monte Carlo runs fall below; P50 is the median; P90 leaves 10% above.",
    ),
    (
        "Fan chart",
        "Bands that widen over time, showing the range of outcomes when uncertain inputs are drawn at random (P5–P95 outside, P25–P75 inside).",
    ),
    (
        "Assumption",
        "An input with no published source, or one whose source starts with \"Assumption\": a judgement you may well disagree with.",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::project;
    use crate::scenario::builtin_baseline;

    #[test]
    fn the_worked_revenue_example_adds_up_to_the_projection() {
        let scenario = builtin_baseline();
        let projection = project(&scenario);
        for p in 0..projection.providers {
            for t in 0..projection.years {
                let example = revenue_example(&scenario, &projection, p, t).unwrap();
                let revenue = projection.value(Measure::Revenue, t, p).unwrap();
                assert!((example.revenue_usd_bn - revenue).abs() < f64::EPSILON);
                assert!(
                    (example.sum_of_terms() - revenue).abs() < 1e-9 * revenue.max(1.0),
                    "{} {}: {} vs {revenue}",
                    example.provider,
                    example.year,
                    example.sum_of_terms()
                );
            }
        }
    }

    #[test]
    fn the_sentence_names_the_terms_and_the_total() {
        let scenario = builtin_baseline();
        let projection = project(&scenario);
        let t = projection.year_index(2030).unwrap();
        let azure = scenario.provider_index("Azure").unwrap();
        let example = revenue_example(&scenario, &projection, azure, t).unwrap();
        let sentence = example.sentence();
        assert!(sentence.starts_with("Azure 2030 revenue = "), "{sentence}");
        assert!(sentence.contains("of OpenAI's"), "{sentence}");
        assert!(
            sentence.ends_with(&format!(
                "= {}",
                usd_bn(projection.value(Measure::Revenue, t, azure).unwrap())
            )),
            "{sentence}"
        );
    }

    #[test]
    fn every_equation_is_explained_and_out_of_range_is_none() {
        let scenario = builtin_baseline();
        let projection = project(&scenario);
        assert_eq!(explanations(&scenario, &projection, 0, 5).len(), 11);
        assert!(revenue_example(&scenario, &projection, 99, 0).is_none());
        assert!(revenue_example(&scenario, &projection, 0, 99).is_none());
    }
}
