//! Where the model reaches its limits (MODEL.md version 2): per provider, the first year its
//! rest-of-market share is cut at 0, Others is squeezed out, its margin is held at ±100%, or the
//! present value of the change exceeds its company. Each comes with the input that drives it and
//! one plain sentence, so the app can list it and focus the input and the command line can warn.

use super::inputs::Scenario;
use super::params::{OthersParam, ParamPath, ProviderParam, WorkloadParam};
use super::projection::{Projection, project};
use crate::units::{percent, usd_bn};

/// The first year index (0 = base year) in which each per-year model limit was reached by one
/// provider, if it was; filled by the projection.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LimitYears {
    /// Its rest-of-market share `u` was cut at 0.
    pub rest_share_floor: Option<usize>,
    /// (Others only) the named shares summed past 1 and were scaled, leaving it 0.
    pub others_squeezed: Option<usize>,
    /// Its margin reached -1 or 1 (and was held there).
    pub margin_clamped: Option<usize>,
}

/// One of the four model limits of MODEL.md version 2.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ModelLimit {
    RestShareFloor,
    OthersSqueezed,
    MarginClamped,
    ValueExceedsCompany,
}

impl ModelLimit {
    pub const ALL: [Self; 4] = [
        Self::RestShareFloor,
        Self::OthersSqueezed,
        Self::MarginClamped,
        Self::ValueExceedsCompany,
    ];

    /// Its name in MODEL.md.
    pub fn key(self) -> &'static str {
        match self {
            Self::RestShareFloor => "rest_share_floor",
            Self::OthersSqueezed => "others_squeezed",
            Self::MarginClamped => "margin_clamped",
            Self::ValueExceedsCompany => "value_exceeds_company",
        }
    }
}

/// One limit reached by one provider: when, which input drives it, and what to tell people.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    /// The provider (Others at `scenario.others_index()`).
    pub provider: usize,
    pub limit: ModelLimit,
    /// The first calendar year it happens; `None` for `value_exceeds_company` (a present value
    /// covers the whole projection).
    pub year: Option<i32>,
    /// The input that drives it (the one to focus). For the halo on losses this may be
    /// `ParamPath::HaloLoss` on a scenario that leaves it unset: the advice is to set it.
    pub input: ParamPath,
    /// One plain sentence or two for the app, e.g. "The halo removes all of Azure's other
    /// business by 2034: … A smaller halo on losses may fit better."
    pub sentence: String,
    /// The same for the command line, after `warning: `; names the file field.
    pub warning: String,
}

/// Every limit the projection of `scenario` reaches, by provider (file order, Others last), each
/// provider's in the order of [`ModelLimit::ALL`]. Empty when the model stays in its domain.
pub fn diagnostics(scenario: &Scenario, projection: &Projection) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for p in 0..projection.providers {
        let Some(limits) = projection.limits.get(p) else {
            continue;
        };
        if let Some(t) = limits.rest_share_floor {
            found.push(rest_share_floor(scenario, projection, p, t));
        }
        if let Some(t) = limits.others_squeezed {
            found.push(others_squeezed(scenario, projection, t));
        }
        if let Some(t) = limits.margin_clamped {
            found.push(margin_clamped(scenario, p, t));
        }
        if let Some(diagnostic) = value_exceeds_company(scenario, projection, p) {
            found.push(diagnostic);
        }
    }
    found
}

/// `sum_w S_w,t (a_wp,t - b_wp)`: provider `p`'s net workload gain in year index `t`, $B.
fn net_gain(scenario: &Scenario, projection: &Projection, p: usize, t: usize) -> f64 {
    scenario
        .workloads
        .iter()
        .enumerate()
        .map(|(w, workload)| {
            projection.workload_spend_at(t, w)
                * (projection.placement_at(t, w, p) - workload.placement_base[p])
        })
        .sum()
}

/// Names of the workloads whose placement on `p` in year `t` is below (`losing`) or above its
/// base, joined for a sentence: `OpenAI`, `OpenAI and Anthropic`.
fn moving_workloads(
    scenario: &Scenario,
    projection: &Projection,
    p: usize,
    t: usize,
    losing: bool,
) -> String {
    let names: Vec<&str> = scenario
        .workloads
        .iter()
        .enumerate()
        .filter(|(w, workload)| {
            let change = projection.placement_at(t, *w, p) - workload.placement_base[p];
            if losing { change < 0.0 } else { change > 0.0 }
        })
        .map(|(_, workload)| workload.name.as_str())
        .collect();
    match names.as_slice() {
        [] => "workload".to_owned(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn diagnostic(
    provider: usize,
    limit: ModelLimit,
    year: Option<i32>,
    input: ParamPath,
    (finding, advice_for_people, advice_for_files): (String, String, String),
) -> Diagnostic {
    Diagnostic {
        provider,
        limit,
        year,
        input,
        sentence: format!(
            "{}. {}.",
            capitalised(&finding),
            capitalised(&advice_for_people)
        ),
        warning: format!("{finding}; {advice_for_files}"),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

fn rest_share_floor(
    scenario: &Scenario,
    projection: &Projection,
    p: usize,
    t: usize,
) -> Diagnostic {
    let name = scenario.provider_name(p);
    let year = projection.year(t);
    let gain = net_gain(scenario, projection, p, t);
    let rest = projection
        .rest_of_market_usd_bn
        .get(t)
        .copied()
        .unwrap_or(1.0);
    let drift = scenario
        .providers
        .get(p)
        .map_or(0.0, |pr| pr.drift_per_year);
    let halo_loss = scenario.halo_loss_used();
    let halo_term = if gain < 0.0 {
        halo_loss * gain / rest
    } else {
        0.0
    };
    let drift_term = drift * t as f64;
    if halo_term < 0.0 && halo_term <= drift_term {
        let workloads = moving_workloads(scenario, projection, p, t, true);
        let finding = format!(
            "the halo removes all of {name}'s other business by {year}: each $1 of {workloads} \
             spend {name} loses costs ${} of other business",
            trimmed(halo_loss)
        );
        let people = if scenario.halo_loss.is_some() {
            "a smaller halo on losses may fit better"
        } else {
            "a separate, smaller halo on losses may fit better"
        };
        return diagnostic(
            p,
            ModelLimit::RestShareFloor,
            Some(year),
            ParamPath::HaloLoss,
            (
                finding,
                people.to_owned(),
                "a smaller halo_loss may fit better".to_owned(),
            ),
        );
    }
    let q = projection
        .calibrated_rest_share
        .get(p)
        .copied()
        .unwrap_or(0.0);
    let finding = format!(
        "{name}'s share of the rest of the market drifts down to zero by {year} (from {} in {}, \
         {} points a year)",
        percent(q),
        projection.base_year,
        trimmed(drift * 100.0)
    );
    diagnostic(
        p,
        ModelLimit::RestShareFloor,
        Some(year),
        ParamPath::Provider(p, ProviderParam::Drift),
        (
            finding,
            format!("a slower decline of {name}'s drift may fit better"),
            format!("a smaller decline in providers[{name}].drift may fit better"),
        ),
    )
}

fn others_squeezed(scenario: &Scenario, projection: &Projection, t: usize) -> Diagnostic {
    let others = scenario.others_index();
    let year = projection.year(t);
    let rest = projection
        .rest_of_market_usd_bn
        .get(t)
        .copied()
        .unwrap_or(1.0);
    // The largest single push past 100%: one provider's drift, or the halo on its gains.
    let mut input = ParamPath::Halo;
    let mut largest = f64::NEG_INFINITY;
    for (p, provider) in scenario.providers.iter().enumerate() {
        let gain = net_gain(scenario, projection, p, t);
        let halo_term = if gain > 0.0 {
            scenario.halo * gain / rest
        } else {
            0.0
        };
        let drift_term = provider.drift_per_year * t as f64;
        if halo_term > largest {
            (largest, input) = (halo_term, ParamPath::Halo);
        }
        if drift_term > largest {
            (largest, input) = (drift_term, ParamPath::Provider(p, ProviderParam::Drift));
        }
    }
    let finding = format!(
        "the named providers' shares of the rest of the market add up to more than 100% by \
         {year}, leaving {} none of it",
        scenario.others.name
    );
    let (people, files) = match input {
        ParamPath::Provider(p, _) => {
            let name = scenario.provider_name(p);
            (
                format!("a smaller drift for {name} may fit better"),
                format!("a smaller providers[{name}].drift may fit better"),
            )
        }
        _ => (
            "a smaller halo may fit better".to_owned(),
            "a smaller halo may fit better".to_owned(),
        ),
    };
    diagnostic(
        others,
        ModelLimit::OthersSqueezed,
        Some(year),
        input,
        (finding, people, files),
    )
}

fn margin_clamped(scenario: &Scenario, p: usize, t: usize) -> Diagnostic {
    let name = scenario.provider_name(p);
    let year = scenario.base_year + t as i32;
    let (margin, drift, paths, key) = match scenario.providers.get(p) {
        Some(pr) => (
            pr.margin,
            pr.margin_drift_per_year,
            (
                ParamPath::Provider(p, ProviderParam::MarginDrift),
                ParamPath::Provider(p, ProviderParam::Margin),
            ),
            format!("providers[{name}]"),
        ),
        None => (
            scenario.others.margin,
            scenario.others.margin_drift_per_year,
            (
                ParamPath::Others(OthersParam::MarginDrift),
                ParamPath::Others(OthersParam::Margin),
            ),
            "others".to_owned(),
        ),
    };
    let limit = if margin + drift * t as f64 >= 1.0 {
        1.0
    } else {
        -1.0
    };
    if t == 0 || drift == 0.0 {
        let finding = format!(
            "{name}'s operating margin is {}, the model's limit",
            percent(limit)
        );
        return diagnostic(
            p,
            ModelLimit::MarginClamped,
            Some(year),
            paths.1,
            (
                finding,
                format!("a margin for {name} well inside ±100% may fit better"),
                format!("a {key}.margin well inside -1..1 may fit better"),
            ),
        );
    }
    let finding = format!(
        "{name}'s operating margin reaches {} by {year} (from {} in {}, {} points a year) and is \
         held there",
        percent(limit),
        percent(margin),
        scenario.base_year,
        trimmed(drift * 100.0)
    );
    diagnostic(
        p,
        ModelLimit::MarginClamped,
        Some(year),
        paths.0,
        (
            finding,
            format!("a smaller margin drift for {name} may fit better"),
            format!("a smaller {key}.margin_drift may fit better"),
        ),
    )
}

fn value_exceeds_company(
    scenario: &Scenario,
    projection: &Projection,
    p: usize,
) -> Option<Diagnostic> {
    let company = scenario.company(p)?;
    let pv = *projection.present_value_delta_usd_bn.get(p)?;
    if pv.abs() <= company.market_cap_usd_bn {
        return None;
    }
    let name = scenario.provider_name(p);
    let finding = format!(
        "the change in {name}'s value ({} today) is larger than {}'s whole market cap ({})",
        usd_bn(pv),
        company.name,
        usd_bn(company.market_cap_usd_bn)
    );
    // Does the halo carry it past the company? Then the halo (on gains or losses) drives it;
    // otherwise the workloads' own spend does.
    let mut without_halo = scenario.clone();
    without_halo.halo = 0.0;
    without_halo.halo_loss = Some(0.0);
    let pv_without_halo = project(&without_halo)
        .present_value_delta_usd_bn
        .get(p)
        .copied()
        .unwrap_or(pv);
    let (input, people, files) = if pv_without_halo.abs() <= company.market_cap_usd_bn {
        if pv < 0.0 {
            (
                ParamPath::HaloLoss,
                "a smaller halo on losses may fit better".to_owned(),
                "a smaller halo_loss may fit better".to_owned(),
            )
        } else {
            (
                ParamPath::Halo,
                "a smaller halo may fit better".to_owned(),
                "a smaller halo may fit better".to_owned(),
            )
        }
    } else {
        let w = largest_mover(scenario, projection, p);
        let workload = scenario
            .workloads
            .get(w)
            .map_or("the workload", |x| x.name.as_str());
        (
            ParamPath::Workload(w, WorkloadParam::Extent),
            format!("check {workload}'s spend growth and how much of its shift happens"),
            format!("check workloads[{workload}].growth_start, growth_end and extent"),
        )
    };
    Some(diagnostic(
        p,
        ModelLimit::ValueExceedsCompany,
        None,
        input,
        (finding, people, files),
    ))
}

/// The workload whose spend on `p` changes most in the horizon year.
fn largest_mover(scenario: &Scenario, projection: &Projection, p: usize) -> usize {
    let t = projection.years.saturating_sub(1);
    let change = |w: usize| {
        let base = scenario.workloads[w].placement_base[p];
        (projection.workload_spend_at(t, w) * (projection.placement_at(t, w, p) - base)).abs()
    };
    (0..scenario.workloads.len())
        .max_by(|a, b| change(*a).total_cmp(&change(*b)))
        .unwrap_or(0)
}

/// A number for a sentence: `0.8`, `-2`, `0.25` (at most two decimals, no trailing zeros).
fn trimmed(value: f64) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}
