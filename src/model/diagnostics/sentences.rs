//! The sentences of the model limits: for each, what happened in plain words, the input that
//! drives it and the advice, for people (the app) and for files (`warning:` lines).

use super::{Diagnostic, ModelLimit};
use crate::model::inputs::Scenario;
use crate::model::params::{OthersParam, ParamPath, ProviderParam, WorkloadParam};
use crate::model::projection::{Projection, project};
use crate::units::{percent, usd_bn};

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

pub(super) fn rest_share_floor(
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

pub(super) fn others_squeezed(
    scenario: &Scenario,
    projection: &Projection,
    t: usize,
) -> Diagnostic {
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

pub(super) fn margin_clamped(scenario: &Scenario, p: usize, t: usize) -> Diagnostic {
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

pub(super) fn value_exceeds_company(
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
