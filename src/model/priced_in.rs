//! "Priced in" (MODEL.md version 2): the value of one input at which the model's market-cap
//! impact on a company equals the share-price move the market showed — goal seek on
//! `market_cap_impact`, by default on the first workload's extent.

use super::inputs::Scenario;
use super::measure::ValueMeasure;
use super::params::{ParamPath, WorkloadParam};
use super::uncertainty::{Quantity, SolveError, solve_for};

/// The value of `path` at which the model's market-cap impact on the provider's company equals
/// its observed price move.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PricedIn {
    pub provider: usize,
    /// The input that was varied.
    pub path: ParamPath,
    /// The company's observed move (`-0.2` = fell 20%), the goal-seek target.
    pub price_move: f64,
    /// The value of the input that gives that move; apply it with `Edit::Value(path, value)`.
    pub value: f64,
}

/// Why no value of the input prices the move in.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PricedInError {
    #[error("{provider} has no company in the file, so there is no share price to explain")]
    NoCompany { provider: String },
    #[error("the file gives no price move for {company}")]
    NoPriceMove { company: String },
    #[error("the scenario has no workload whose extent could explain the move")]
    NoWorkload,
    /// Out of reach (with the reachable range of impacts), a jump over the target, or an input
    /// that cannot be varied.
    #[error(transparent)]
    Solve(#[from] SolveError),
}

/// The input "priced in" varies unless told otherwise: the first workload's extent.
pub fn default_priced_in_input(scenario: &Scenario) -> Option<ParamPath> {
    (!scenario.workloads.is_empty()).then_some(ParamPath::Workload(0, WorkloadParam::Extent))
}

/// Goal seek: the value of `path` (default: [`default_priced_in_input`]) within its valid range
/// at which `market_cap_impact` of `provider` equals its company's `price_move`. Where several
/// values do, the one nearest the input's current value. The same numbers as
/// `cloudshift solve FILE --param PATH --provider NAME --measure market_cap_impact --target MOVE`.
pub fn priced_in(
    scenario: &Scenario,
    provider: usize,
    path: Option<ParamPath>,
) -> Result<PricedIn, PricedInError> {
    let company = scenario
        .company(provider)
        .ok_or_else(|| PricedInError::NoCompany {
            provider: scenario.provider_name(provider).to_owned(),
        })?;
    let price_move = company
        .price_move
        .ok_or_else(|| PricedInError::NoPriceMove {
            company: company.name.clone(),
        })?;
    let path = path
        .or_else(|| default_priced_in_input(scenario))
        .ok_or(PricedInError::NoWorkload)?;
    let quantity = Quantity::Whole(ValueMeasure::MarketCapImpact);
    let value = solve_for(scenario, path, provider, quantity, price_move)?;
    Ok(PricedIn {
        provider,
        path,
        price_move,
        value,
    })
}

/// The result in one sentence for people, e.g. "Microsoft's 20.0% fall is what this model gives
/// if 63.0% of `OpenAI`'s planned shift happens.", or why it cannot be found.
pub fn priced_in_sentence(
    scenario: &Scenario,
    provider: usize,
    path: Option<ParamPath>,
    result: &Result<PricedIn, PricedInError>,
) -> String {
    let Some(company) = scenario.company(provider) else {
        return capitalised(&format!(
            "{} has no company in the file, so there is no share price to explain.",
            scenario.provider_name(provider)
        ));
    };
    let the_move = company.price_move.map_or_else(
        || format!("{}'s price move", company.name),
        |m| format!("{}'s {}", company.name, move_words(m)),
    );
    let path = path.or_else(|| default_priced_in_input(scenario));
    let input = path.map_or_else(|| "the input".to_owned(), |p| p.label(scenario));
    match result {
        Ok(found) => {
            let condition = match found.path {
                ParamPath::Workload(w, WorkloadParam::Extent) => format!(
                    "{} of {}'s planned shift happens",
                    percent_text(found.value),
                    scenario.workloads.get(w).map_or("?", |x| x.name.as_str())
                ),
                other => format!(
                    "{} is {}",
                    other.label(scenario),
                    other.unit().format(found.value)
                ),
            };
            format!("{the_move} is what this model gives if {condition}.")
        }
        Err(PricedInError::Solve(SolveError::OutOfReach {
            min_output,
            max_output,
            ..
        })) => format!(
            "No value of {input} gives {the_move}: over its valid range the model's impact on \
             {} goes from {} to {} (out of reach).",
            company.name,
            signed_percent(*min_output),
            signed_percent(*max_output)
        ),
        Err(PricedInError::Solve(SolveError::Jump {
            param_value,
            output_below,
            output_above,
            ..
        })) => format!(
            "The model's impact on {} jumps over {the_move} at {input} = {} (from {} to {}); no \
             value gives it exactly.",
            company.name,
            path.map_or_else(
                || format!("{param_value}"),
                |p| p.unit().format(*param_value)
            ),
            signed_percent(*output_below),
            signed_percent(*output_above)
        ),
        Err(error) => capitalised(&format!("{error}.")),
    }
}

/// `20.0% fall`, `7.0% rise`, `unchanged price`.
fn move_words(price_move: f64) -> String {
    if price_move < 0.0 {
        format!("{} fall", percent_text(-price_move))
    } else if price_move > 0.0 {
        format!("{} rise", percent_text(price_move))
    } else {
        "unchanged share price".to_owned()
    }
}

fn percent_text(fraction: f64) -> String {
    format!("{:.1}%", fraction * 100.0)
}

fn signed_percent(fraction: f64) -> String {
    format!("{:+.1}%", fraction * 100.0)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
