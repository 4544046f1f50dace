//! Edits that change a scenario's structure: adding and removing providers and workloads, with
//! their placements, sources and distributions kept consistent.

use super::set_share_keeping_sum;
use crate::model::{
    Correlation, Curve, Distribution, MAX_PROVIDERS, MAX_WORKLOADS, Migration, Provider, Rgb,
    Scenario, Workload,
};

/// Colors given to new providers, in turn.
const NEW_PROVIDER_COLORS: [Rgb; 6] = [
    Rgb([0x2C, 0xA0, 0x2C]),
    Rgb([0x94, 0x67, 0xBD]),
    Rgb([0xD6, 0x27, 0x28]),
    Rgb([0x17, 0xBE, 0xCF]),
    Rgb([0xBC, 0xBD, 0x22]),
    Rgb([0xE3, 0x77, 0xC2]),
];

/// A name not yet used by any provider (Others included) or by `taken`, like `Provider 5`.
pub(super) fn unused_name(prefix: &str, taken: &[&str]) -> String {
    // One more candidate than there are names, so one of them is free.
    (1..=taken.len() + 1)
        .map(|n| format!("{prefix} {n}"))
        .find(|name| !taken.contains(&name.as_str()))
        .unwrap_or_else(|| prefix.to_owned())
}

pub(super) fn add_provider(s: &mut Scenario) {
    if s.providers.len() >= MAX_PROVIDERS {
        return;
    }
    let mut taken: Vec<&str> = s.providers.iter().map(|p| p.name.as_str()).collect();
    taken.push(&s.others.name);
    let name = unused_name("Provider", &taken);
    let color = NEW_PROVIDER_COLORS[s.providers.len() % NEW_PROVIDER_COLORS.len()];
    let index = s.providers.len();
    s.providers.push(Provider {
        name,
        color,
        share: 0.0,
        drift_per_year: 0.0,
        margin: s.others.margin,
        margin_drift_per_year: 0.0,
        ev_sales: s.others.ev_sales,
        company: None,
    });
    // The new provider goes just before Others in every placement, with nothing placed on it.
    for w in &mut s.workloads {
        w.placement_base.insert(index, 0.0);
        w.placement_target.insert(index, 0.0);
    }
    for target in outcome_targets(s) {
        target.insert(index, 0.0);
    }
}

/// The placement target of every alternative outcome in `uncertainty`.
fn outcome_targets(s: &mut Scenario) -> impl Iterator<Item = &mut Vec<f64>> {
    s.uncertainty.iter_mut().flat_map(|(_, dist)| match dist {
        Distribution::Outcomes(outcomes) => outcomes.iter_mut().map(|o| &mut o.target).collect(),
        _ => Vec::new(),
    })
}

pub(super) fn remove_provider(s: &mut Scenario, index: usize) {
    if index >= s.providers.len() {
        return;
    }
    s.providers.remove(index);
    // Whatever a workload placed on the removed provider goes to Others.
    let give_to_others = |placement: &mut Vec<f64>| {
        if index < placement.len() {
            let moved = placement.remove(index);
            if let Some(others) = placement.last_mut() {
                *others += moved;
            }
        }
    };
    for w in &mut s.workloads {
        give_to_others(&mut w.placement_base);
        give_to_others(&mut w.placement_target);
    }
    for target in outcome_targets(s) {
        give_to_others(target);
    }
    s.sources = std::mem::take(&mut s.sources)
        .into_iter()
        .filter_map(|(path, text)| path.after_provider_removed(index).map(|p| (p, text)))
        .collect();
    s.uncertainty = std::mem::take(&mut s.uncertainty)
        .into_iter()
        .filter_map(|(path, dist)| path.after_provider_removed(index).map(|p| (p, dist)))
        .collect();
    remap_correlations(s, |path| path.after_provider_removed(index));
}

pub(super) fn add_workload(s: &mut Scenario) {
    if s.workloads.len() >= MAX_WORKLOADS {
        return;
    }
    let taken: Vec<&str> = s.workloads.iter().map(|w| w.name.as_str()).collect();
    let name = unused_name("Workload", &taken);
    // Placed like the market itself, so the base-year calibration stays valid.
    let mut placement: Vec<f64> = s.providers.iter().map(|p| p.share).collect();
    let named: f64 = placement.iter().sum();
    placement.push((1.0 - named).max(0.0));
    let sum: f64 = placement.iter().sum();
    if sum > 0.0 {
        for v in &mut placement {
            *v /= sum;
        }
    }
    let others_index = s.providers.len();
    let others_fraction = placement[others_index];
    set_share_keeping_sum(&mut placement, others_index, others_fraction);
    s.workloads.push(Workload {
        name,
        spend_usd_bn: (s.market.size_usd_bn * 0.01).clamp(0.1, 10.0),
        growth_start: s.market.growth_start,
        growth_end: s.market.growth_end,
        margin: None,
        placement_base: placement.clone(),
        placement_target: placement,
        extent: 1.0,
        migration: Migration {
            start_year: f64::from(s.base_year + 1),
            duration_years: 3.0,
            curve: Curve::SCurve,
        },
    });
}

pub(super) fn remove_workload(s: &mut Scenario, index: usize) {
    if index >= s.workloads.len() {
        return;
    }
    s.workloads.remove(index);
    s.sources = std::mem::take(&mut s.sources)
        .into_iter()
        .filter_map(|(path, text)| path.after_workload_removed(index).map(|p| (p, text)))
        .collect();
    s.uncertainty = std::mem::take(&mut s.uncertainty)
        .into_iter()
        .filter_map(|(path, dist)| path.after_workload_removed(index).map(|p| (p, dist)))
        .collect();
    remap_correlations(s, |path| path.after_workload_removed(index));
}

/// Moves each correlation's two paths by `remap`; a pair that loses either input goes.
fn remap_correlations(
    s: &mut Scenario,
    remap: impl Fn(crate::model::ParamPath) -> Option<crate::model::ParamPath>,
) {
    s.correlations = std::mem::take(&mut s.correlations)
        .into_iter()
        .filter_map(|c| {
            Some(Correlation {
                a: remap(c.a)?,
                b: remap(c.b)?,
                rho: c.rho,
            })
        })
        .collect();
}
