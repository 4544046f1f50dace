//! Every value rule of MODEL.md on a dense scenario, with the field and the rule in each error.
//!
//! The loader runs this after resolving names; the app runs it on an edited copy before the
//! model may see it.

use super::check_valuation::{check_companies, check_valuation};
use super::error::ValidationError;
use super::names::{self, check_name, unique_name};
use crate::model::{
    Distribution, MAX_ABS_RHO, MAX_HORIZON_YEARS, MAX_PROVIDERS, MAX_WORKLOADS, ParamPath,
    Scenario, Section, UNIT_RANGE, ValidRange, WorkloadParam, calibrated_rest_shares,
};
use crate::units::{percent, percent_raise, readable_number, usd_bn};

/// How far a placement's sum may be from 1 and still be normalised on load (inclusive).
pub const PLACEMENT_SUM_TOLERANCE: f64 = 0.005;
/// Slack for binary rounding when comparing with the tolerance: `1 - 0.995` is
/// `0.0050000000000000044` in `f64`, and a sum written as 0.995 must count as within 0.005.
const ROUNDING_SLACK: f64 = 1e-12;

/// Whether a placement summing to `sum` is close enough to 1 to be scaled (0.995..=1.005).
pub fn placement_sum_acceptable(sum: f64) -> bool {
    (sum - 1.0).abs() <= PLACEMENT_SUM_TOLERANCE + ROUNDING_SLACK
}
/// Smallest market size, $B ($1,000): 50 years at -90% a year (a factor 1e-50) keep it a normal
/// `f64`, so every share and ratio stays finite; far smaller markets underflow to 0 (0/0).
pub const MIN_MARKET_SIZE_USD_BN: f64 = crate::model::MARKET_SIZE_RANGE.min;
/// Earliest and latest base year.
pub const BASE_YEAR_RANGE: (i32, i32) = (1990, 2100);
/// Fewest and most Monte Carlo samples.
pub const SAMPLES_RANGE: (u32, u32) = (100, 1_000_000);
/// Longest name of a provider or workload, in characters.
pub const MAX_NAME_CHARS: usize = 64;
/// Longest scenario name, in characters.
pub const MAX_SCENARIO_NAME_CHARS: usize = 200;

/// Scales each placement whose sum is within tolerance of 1 to sum to exactly 1, and likewise
/// the probabilities and targets of Discrete and Outcomes distributions.
pub fn normalise_placements(scenario: &mut Scenario) {
    normalise_probabilities(scenario);
    for workload in &mut scenario.workloads {
        for placement in [&mut workload.placement_base, &mut workload.placement_target] {
            let sum: f64 = placement.iter().sum();
            let off = (sum - 1.0).abs();
            // Sums a rounding away from 1 are left alone (their results stay bit-identical),
            // unless an entry is past 1: the rule "each entry 0..=1 after scaling" must then hold.
            let entry_over_one = placement.iter().any(|f| *f > 1.0);
            if (off > ROUNDING_SLACK || entry_over_one) && placement_sum_acceptable(sum) {
                for fraction in placement.iter_mut() {
                    *fraction /= sum;
                }
            }
        }
    }
}

/// Scales the probabilities of each Discrete and Outcomes distribution, and each outcome's
/// placement target, to sum to exactly 1 where the sum is within tolerance (as placements).
fn normalise_probabilities(scenario: &mut Scenario) {
    let scale = |values: &mut [f64]| {
        let sum: f64 = values.iter().sum();
        let over_one = values.iter().any(|v| *v > 1.0);
        if ((sum - 1.0).abs() > ROUNDING_SLACK || over_one) && placement_sum_acceptable(sum) {
            for v in values.iter_mut() {
                *v /= sum;
            }
        }
    };
    for (_, dist) in &mut scenario.uncertainty {
        match dist {
            Distribution::Discrete { probabilities, .. } => scale(probabilities),
            Distribution::Outcomes(outcomes) => {
                let mut probabilities: Vec<f64> = outcomes.iter().map(|o| o.probability).collect();
                scale(&mut probabilities);
                for (outcome, p) in outcomes.iter_mut().zip(probabilities) {
                    outcome.probability = p;
                    scale(&mut outcome.target);
                }
            }
            _ => {}
        }
    }
}

/// Checks every rule; the first broken one is returned.
pub fn check(scenario: &Scenario) -> Result<(), ValidationError> {
    check_header(scenario)?;
    check_market(scenario)?;
    check_valuation(scenario)?;
    check_providers(scenario)?;
    check_companies(scenario)?;
    check_workloads(scenario)?;
    check_calibration(scenario)?;
    check_uncertainty(scenario)?;
    check_monte_carlo(scenario)
}

fn check_header(s: &Scenario) -> Result<(), ValidationError> {
    let chars = s.name.chars().count();
    if s.name.chars().all(names::is_invisible)
        || chars > MAX_SCENARIO_NAME_CHARS
        || s.name.chars().any(names::is_forbidden)
    {
        return Err(ValidationError::new(
            "name",
            format!(
                "must be 1 to {MAX_SCENARIO_NAME_CHARS} characters, not all invisible, without \
                 control characters, line or paragraph separators or direction overrides"
            ),
        ));
    }
    let (first, last) = BASE_YEAR_RANGE;
    if !(first..=last).contains(&s.base_year) {
        return Err(ValidationError::new(
            "base_year",
            format!("{} is outside {first}..={last}", s.base_year),
        ));
    }
    if !(1..=MAX_HORIZON_YEARS).contains(&s.horizon_years) {
        return Err(ValidationError::new(
            "horizon_years",
            format!("{} is outside 1..={MAX_HORIZON_YEARS}", s.horizon_years),
        ));
    }
    Ok(())
}

fn check_market(s: &Scenario) -> Result<(), ValidationError> {
    check_values(s, &ParamPath::in_section(s, Section::Market))?;
    check_values(s, &ParamPath::in_section(s, Section::Halo))
}

/// Checks each path's value (where it has one) against its row's valid range.
pub(super) fn check_values(s: &Scenario, paths: &[ParamPath]) -> Result<(), ValidationError> {
    for path in paths {
        if let Some(value) = path.get(s) {
            in_range(&path.to_text(s), value, path.valid_range(s))?;
        }
    }
    Ok(())
}

/// The paths of one provider or workload (`owner`), in file order.
fn owned_by(s: &Scenario, owner: impl Fn(ParamPath) -> bool) -> Vec<ParamPath> {
    ParamPath::all(s)
        .into_iter()
        .filter(|p| owner(*p))
        .collect()
}

fn check_providers(s: &Scenario) -> Result<(), ValidationError> {
    if s.providers.len() > MAX_PROVIDERS {
        return Err(ValidationError::new(
            "providers",
            format!(
                "{} named providers; at most {MAX_PROVIDERS} are allowed",
                s.providers.len()
            ),
        ));
    }
    for (i, p) in s.providers.iter().enumerate() {
        check_name(&p.name, &format!("providers[entry {}].name", i + 1))?;
        check_values(
            s,
            &owned_by(
                s,
                |path| matches!(path, ParamPath::Provider(j, _) if j == i),
            ),
        )?;
    }
    check_name(&s.others.name, "others.name")?;
    check_values(s, &ParamPath::in_section(s, Section::Others))?;
    for (i, p) in s.providers.iter().enumerate() {
        let others = s.providers[..i]
            .iter()
            .map(|q| q.name.as_str())
            .chain(std::iter::once(s.others.name.as_str()));
        unique_name(
            &p.name,
            others,
            &format!("providers[{}].name", p.name),
            "provider",
        )?;
    }
    let share_sum: f64 = s.providers.iter().map(|p| p.share).sum();
    if share_sum > 1.0 + 1e-9 {
        return Err(ValidationError::new(
            "providers",
            format!(
                "named shares add up to {}, over 100%; lower some shares",
                percent(share_sum)
            ),
        ));
    }
    Ok(())
}

fn check_workloads(s: &Scenario) -> Result<(), ValidationError> {
    if s.workloads.len() > MAX_WORKLOADS {
        return Err(ValidationError::new(
            "workloads",
            format!(
                "{} workloads; at most {MAX_WORKLOADS} are allowed",
                s.workloads.len()
            ),
        ));
    }
    let providers = s.provider_count_with_others();
    for (i, w) in s.workloads.iter().enumerate() {
        check_name(&w.name, &format!("workloads[entry {}].name", i + 1))?;
        unique_name(
            &w.name,
            s.workloads[..i].iter().map(|v| v.name.as_str()),
            &format!("workloads[{}].name", w.name),
            "workload",
        )?;
        let field = |f: &str| format!("workloads[{}].{f}", w.name);
        let own = owned_by(
            s,
            |path| matches!(path, ParamPath::Workload(j, _) if j == i),
        );
        let (migration, values): (Vec<ParamPath>, Vec<ParamPath>) = own
            .into_iter()
            .partition(|path| path.info().section == Section::Migration);
        check_values(s, &values)?;
        for (which, placement) in [
            ("placement_base", &w.placement_base),
            ("placement_target", &w.placement_target),
        ] {
            if placement.len() != providers {
                return Err(ValidationError::new(
                    field(which),
                    format!("has {} entries for {providers} providers", placement.len()),
                ));
            }
            for (p, fraction) in placement.iter().enumerate() {
                in_range(
                    &format!("{}[\"{}\"]", field(which), s.provider_name(p)),
                    *fraction,
                    UNIT_RANGE,
                )?;
            }
            let sum: f64 = placement.iter().sum();
            if !placement_sum_acceptable(sum) {
                return Err(ValidationError::new(
                    field(which),
                    format!(
                        "fractions add up to {sum} ({}); they must add up to 1 (100%), within \
                         {PLACEMENT_SUM_TOLERANCE} (a sum from 0.995 to 1.005 is scaled to 1)",
                        percent(sum)
                    ),
                ));
            }
        }
        check_values(s, &migration)?;
    }
    let spend_total: f64 = s.workloads.iter().map(|w| w.spend_usd_bn).sum();
    if spend_total >= s.market.size_usd_bn {
        let names: Vec<&str> = s.workloads.iter().map(|w| w.name.as_str()).collect();
        return Err(ValidationError::new(
            "workloads",
            format!(
                "spend of {} totals {}, which leaves no rest of market: it must be less than \
                 market.size ({})",
                names.join(", "),
                usd_bn(spend_total),
                usd_bn(s.market.size_usd_bn)
            ),
        ));
    }
    Ok(())
}

fn check_calibration(s: &Scenario) -> Result<(), ValidationError> {
    let q = calibrated_rest_shares(s);
    let market = s.market.size_usd_bn;
    let others = s.others_index();
    for (p, q_p) in q.iter().enumerate() {
        if *q_p >= 0.0 {
            continue;
        }
        let workload_revenue: f64 = s
            .workloads
            .iter()
            .map(|w| w.spend_usd_bn * w.placement_base[p])
            .sum();
        let error = if p == others {
            let share_sum: f64 = s.providers.iter().map(|pr| pr.share).sum();
            ValidationError::new(
                "others",
                format!(
                    "the named shares leave {} ({}) to {}, less than the workload revenue it already \
                     has in the base year ({}); lower the named shares or the base placements on {}",
                    percent(1.0 - share_sum),
                    usd_bn((1.0 - share_sum) * market),
                    s.others.name,
                    usd_bn(workload_revenue),
                    s.others.name
                ),
            )
        } else {
            let provider = &s.providers[p];
            let (share, needed) = percent_raise(provider.share, workload_revenue / market);
            ValidationError::new(
                format!("providers[{}].share", provider.name),
                format!(
                    "reported share {share} ({}) is too small for the workload revenue it already \
                     has in the base year ({}); raise the share to at least {needed} or lower its \
                     base placements",
                    usd_bn(provider.share * market),
                    usd_bn(workload_revenue),
                ),
            )
        };
        return Err(error);
    }
    if q.iter().any(|v| !v.is_finite()) {
        return Err(ValidationError::new(
            "market.size",
            "calibration gave a non-finite share",
        ));
    }
    Ok(())
}

fn check_uncertainty(s: &Scenario) -> Result<(), ValidationError> {
    for (i, (path, dist)) in s.uncertainty.iter().enumerate() {
        let key = format!("uncertainty[\"{}\"]", path.to_text(s));
        if s.uncertainty[..i].iter().any(|(other, _)| other == path) {
            return Err(ValidationError::new(key, "appears twice"));
        }
        if let ParamPath::Workload(w, WorkloadParam::PlacementTarget) = *path {
            let Distribution::Outcomes(outcomes) = dist else {
                return Err(ValidationError::new(
                    key,
                    format!(
                        "a placement target takes only Outcomes([(probability: .., target: {{..}}), \
                         ..]), not {}",
                        dist.name()
                    ),
                ));
            };
            check_outcomes(s, w, &key, outcomes)?;
            continue;
        }
        if !path.can_be_uncertain() {
            return Err(ValidationError::new(
                key,
                "is a base-year observation or a placement; it cannot take a distribution",
            ));
        }
        let Some(value) = path.get(s) else {
            return Err(ValidationError::new(
                key,
                "the scenario leaves this parameter unset, so it cannot take a distribution",
            ));
        };
        if let Distribution::Discrete { values, .. } = dist {
            let range = path.valid_range(s);
            for (j, x) in values.iter().enumerate() {
                in_range(&format!("{key} value {}", j + 1), *x, range)?;
            }
        }
        check_distribution(&key, value, dist)?;
    }
    check_correlations(s)
}

/// Most values of a Discrete distribution.
pub const MAX_DISCRETE_VALUES: usize = 32;
/// Most alternative targets of an Outcomes distribution.
pub const MAX_OUTCOMES: usize = 16;

/// Probabilities: each > 0, summing to 1 (a sum within 0.005 of 1 is scaled on load).
fn check_probabilities(key: &str, probabilities: &[f64]) -> Result<(), ValidationError> {
    for (j, p) in probabilities.iter().enumerate() {
        if !(p.is_finite() && *p > 0.0 && *p <= 1.0) {
            return Err(ValidationError::new(
                key,
                format!(
                    "probability {} is {}; each must be above 0 and at most 1",
                    j + 1,
                    readable_number(*p)
                ),
            ));
        }
    }
    let sum: f64 = probabilities.iter().sum();
    if !placement_sum_acceptable(sum) {
        return Err(ValidationError::new(
            key,
            format!(
                "probabilities add up to {} ({}); they must add up to 1 (100%), within \
                 {PLACEMENT_SUM_TOLERANCE}",
                readable_number((sum * 1e9).round() / 1e9),
                percent(sum)
            ),
        ));
    }
    Ok(())
}

fn check_outcomes(
    s: &Scenario,
    w: usize,
    key: &str,
    outcomes: &[crate::model::Outcome],
) -> Result<(), ValidationError> {
    if s.workloads.get(w).is_none() {
        return Err(ValidationError::new(
            key,
            "names no workload of the scenario",
        ));
    }
    if outcomes.is_empty() || outcomes.len() > MAX_OUTCOMES {
        return Err(ValidationError::new(
            key,
            format!(
                "has {} outcomes; Outcomes takes 1 to {MAX_OUTCOMES}",
                outcomes.len()
            ),
        ));
    }
    let providers = s.provider_count_with_others();
    for (j, outcome) in outcomes.iter().enumerate() {
        let at = format!("{key} outcome {}", j + 1);
        if outcome.target.len() != providers {
            return Err(ValidationError::new(
                at,
                format!(
                    "has {} entries for {providers} providers",
                    outcome.target.len()
                ),
            ));
        }
        for (p, fraction) in outcome.target.iter().enumerate() {
            in_range(
                &format!("{at} target[\"{}\"]", s.provider_name(p)),
                *fraction,
                UNIT_RANGE,
            )?;
        }
        let sum: f64 = outcome.target.iter().sum();
        if !placement_sum_acceptable(sum) {
            return Err(ValidationError::new(
                format!("{at} target"),
                format!(
                    "fractions add up to {} ({}); they must add up to 1 (100%), within \
                     {PLACEMENT_SUM_TOLERANCE}",
                    readable_number((sum * 1e9).round() / 1e9),
                    percent(sum)
                ),
            ));
        }
    }
    let probabilities: Vec<f64> = outcomes.iter().map(|o| o.probability).collect();
    check_probabilities(key, &probabilities)
}

fn check_correlations(s: &Scenario) -> Result<(), ValidationError> {
    for (i, c) in s.correlations.iter().enumerate() {
        let field = format!("correlations[{i}]");
        for (end, path) in [("a", c.a), ("b", c.b)] {
            if s.distribution(path).is_none() {
                return Err(ValidationError::new(
                    format!("{field}.{end}"),
                    format!(
                        "`{}` has no distribution in `uncertainty`; only uncertain inputs can be \
                         correlated",
                        path.to_text(s)
                    ),
                ));
            }
        }
        if c.a == c.b {
            return Err(ValidationError::new(
                field,
                format!(
                    "correlates `{}` with itself; a and b must differ",
                    c.a.to_text(s)
                ),
            ));
        }
        let same_pair = |d: &crate::model::Correlation| {
            (d.a == c.a && d.b == c.b) || (d.a == c.b && d.b == c.a)
        };
        if s.correlations[..i].iter().any(same_pair) {
            return Err(ValidationError::new(
                field,
                format!(
                    "the pair `{}`, `{}` is listed twice; give each pair once",
                    c.a.to_text(s),
                    c.b.to_text(s)
                ),
            ));
        }
        if !(c.rho.is_finite() && c.rho.abs() <= MAX_ABS_RHO) {
            return Err(ValidationError::new(
                format!("{field}.rho"),
                format!(
                    "{} is outside the valid range -{MAX_ABS_RHO}..={MAX_ABS_RHO}",
                    readable_number(c.rho)
                ),
            ));
        }
    }
    if !s.correlations.is_empty() && crate::model::uncertainty::correlation_factor(s).is_none() {
        return Err(ValidationError::new(
            "correlations",
            "these correlations cannot hold together (their matrix is not positive definite); \
             weaken one of them",
        ));
    }
    Ok(())
}

/// Checks a distribution's own parameters against the value it is centred on.
pub fn check_distribution(
    key: &str,
    value: f64,
    dist: &Distribution,
) -> Result<(), ValidationError> {
    match *dist {
        Distribution::Triangular { low, high } => {
            if !(low.is_finite()
                && high.is_finite()
                && (high - low).is_finite()
                && low < high
                && low <= value
                && value <= high)
            {
                return Err(ValidationError::new(
                    key,
                    format!(
                        "Triangular(low: {low}, high: {high}) needs low < high and low <= {value} <= \
                         high, with high - low finite"
                    ),
                ));
            }
        }
        Distribution::Uniform { low, high } => {
            if !(low.is_finite() && high.is_finite() && (high - low).is_finite() && low < high) {
                return Err(ValidationError::new(
                    key,
                    format!(
                        "Uniform(low: {low}, high: {high}) needs finite low < high, with high - low \
                         finite (it overflows here, so every draw would be the same)"
                    ),
                ));
            }
        }
        Distribution::Normal { sd } => {
            if !(sd.is_finite() && sd > 0.0) {
                return Err(ValidationError::new(
                    key,
                    format!("Normal(sd: {sd}) needs a finite sd > 0"),
                ));
            }
        }
        Distribution::Discrete {
            ref values,
            ref probabilities,
        } => {
            if values.is_empty() || values.len() > MAX_DISCRETE_VALUES {
                return Err(ValidationError::new(
                    key,
                    format!(
                        "Discrete has {} values; it takes 1 to {MAX_DISCRETE_VALUES}",
                        values.len()
                    ),
                ));
            }
            if values.len() != probabilities.len() {
                return Err(ValidationError::new(
                    key,
                    format!(
                        "Discrete has {} values but {} probabilities; give one probability per \
                         value",
                        values.len(),
                        probabilities.len()
                    ),
                ));
            }
            if let Some(x) = values.iter().find(|x| !x.is_finite()) {
                return Err(ValidationError::new(
                    key,
                    format!("Discrete value {x} is not a finite number"),
                ));
            }
            check_probabilities(key, probabilities)?;
        }
        Distribution::Outcomes(_) => {
            return Err(ValidationError::new(
                key,
                "Outcomes gives alternative placement targets; it belongs only to \
                 `workloads[NAME].placement_target`",
            ));
        }
    }
    Ok(())
}

fn check_monte_carlo(s: &Scenario) -> Result<(), ValidationError> {
    if let Some(mc) = s.monte_carlo {
        let (fewest, most) = SAMPLES_RANGE;
        if !(fewest..=most).contains(&mc.samples) {
            return Err(ValidationError::new(
                "monte_carlo.samples",
                format!("{} is outside {fewest}..={most}", mc.samples),
            ));
        }
    }
    Ok(())
}

fn in_range(field: &str, value: f64, range: ValidRange) -> Result<(), ValidationError> {
    if range.contains(value) {
        return Ok(());
    }
    let what = if value.is_finite() {
        readable_number(value)
    } else {
        "a non-finite number".to_owned()
    };
    Err(ValidationError::new(
        field,
        format!("{what} is outside the valid range {}", range.describe()),
    ))
}
