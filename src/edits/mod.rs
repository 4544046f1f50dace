//! Edits the inputs panel asks for, applied to a copy of the scenario (pure data, no egui).
//!
//! The panel never mutates the scenario it shows: it returns `Edit`s, the app applies each one to a
//! copy, checks the copy, and only then commits it, so the model never runs on an invalid scenario.

use crate::model::{Correlation, Curve, Distribution, MonteCarlo, ParamPath, Rgb, Scenario};

mod distribution;
mod structure;

pub use distribution::distribution_problem;
use distribution::follow_value;

#[cfg(test)]
use structure::unused_name;
use structure::{add_provider, add_workload, remove_provider, remove_workload};

/// Which group of the inputs panel an edit came from (where its rejection message is shown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Scenario,
    Timeline,
    Market,
    Halo,
    /// Discount rate, tax, reinvestment and terminal growth.
    Valuation,
    Providers,
    Provider(usize),
    Others,
    Workloads,
    Workload(usize),
    /// Correlations between uncertain inputs.
    Correlations,
}

/// The last edit that was refused, and why; shown inline in its group.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    pub group: Group,
    /// The input the edit was for, if it was for one (the message shows under its slider).
    pub path: Option<ParamPath>,
    pub message: String,
}

/// Which of a workload's two placements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Placement {
    Base,
    Target,
}

/// One change to a scenario, in model units (fractions, $B, years).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    RenameScenario(String),
    BaseYear(i32),
    HorizonYears(u32),
    /// Any real-valued input addressed by its path (clamped to the path's valid range).
    Value(ParamPath, f64),
    /// Sets (or, with `None`, removes) the distribution of an input in `uncertainty`.
    Distribution(ParamPath, Option<Distribution>),
    /// Replaces the list of correlations between uncertain inputs.
    Correlations(Vec<Correlation>),
    /// Monte Carlo sample count and seed.
    MonteCarlo(MonteCarlo),
    /// Sets or unsets a workload's own margin.
    WorkloadMargin(usize, Option<f64>),
    /// Sets or unsets a separate halo on losses (unset: losses follow `halo`).
    HaloLoss(Option<f64>),
    /// Moves one provider's fraction of a placement; the others give way in proportion.
    PlacementShare {
        workload: usize,
        which: Placement,
        provider: usize,
        fraction: f64,
    },
    /// Sets a whole placement at once (a tour's Back restores one this way).
    SetPlacement {
        workload: usize,
        which: Placement,
        fractions: Vec<f64>,
    },
    Curve(usize, Curve),
    ProviderColor(usize, Rgb),
    OthersColor(Rgb),
    RenameProvider(usize, String),
    RenameOthers(String),
    RenameWorkload(usize, String),
    AddProvider,
    RemoveProvider(usize),
    AddWorkload,
    RemoveWorkload(usize),
}

impl Edit {
    /// The panel group the edit belongs to.
    pub fn group(&self) -> Group {
        match self {
            Self::RenameScenario(_) | Self::MonteCarlo(_) => Group::Scenario,
            Self::HaloLoss(_) => Group::Halo,
            Self::BaseYear(_) | Self::HorizonYears(_) => Group::Timeline,
            Self::Value(path, _) | Self::Distribution(path, _) => match *path {
                ParamPath::MarketSize
                | ParamPath::MarketGrowthStart
                | ParamPath::MarketGrowthEnd => Group::Market,
                ParamPath::Halo | ParamPath::HaloLoss => Group::Halo,
                ParamPath::Valuation(_) => Group::Valuation,
                ParamPath::Provider(i, _) => Group::Provider(i),
                ParamPath::Others(_) => Group::Others,
                ParamPath::Workload(w, _) => Group::Workload(w),
            },
            Self::WorkloadMargin(w, _)
            | Self::PlacementShare { workload: w, .. }
            | Self::SetPlacement { workload: w, .. }
            | Self::Curve(w, _)
            | Self::RenameWorkload(w, _)
            | Self::RemoveWorkload(w) => Group::Workload(*w),
            Self::ProviderColor(i, _) | Self::RenameProvider(i, _) | Self::RemoveProvider(i) => {
                Group::Provider(*i)
            }
            Self::OthersColor(_) | Self::RenameOthers(_) => Group::Others,
            Self::AddProvider => Group::Providers,
            Self::AddWorkload => Group::Workloads,
            Self::Correlations(_) => Group::Correlations,
        }
    }
}

impl Edit {
    /// The input this edit sets, if it sets one (a value or its distribution).
    pub fn path(&self) -> Option<ParamPath> {
        match self {
            Self::Value(path, _) | Self::Distribution(path, _) => Some(*path),
            _ => None,
        }
    }

    /// The edit that puts back what this one changes, as it was in `before` (for inputs and
    /// placements; `None` for structural edits).
    pub fn undoing(&self, before: &Scenario) -> Option<Self> {
        match self {
            Self::Value(path, _) => Some(Self::Value(*path, path.get(before)?)),
            Self::Correlations(_) => Some(Self::Correlations(before.correlations.clone())),
            Self::PlacementShare {
                workload, which, ..
            }
            | Self::SetPlacement {
                workload, which, ..
            } => {
                let w = before.workloads.get(*workload)?;
                let fractions = match which {
                    Placement::Base => w.placement_base.clone(),
                    Placement::Target => w.placement_target.clone(),
                };
                Some(Self::SetPlacement {
                    workload: *workload,
                    which: *which,
                    fractions,
                })
            }
            _ => None,
        }
    }
}

/// `scenario` with `edit` applied; the result still has to pass `scenario::check`.
pub fn apply(scenario: &Scenario, edit: &Edit) -> Scenario {
    let mut s = scenario.clone();
    match edit {
        Edit::RenameScenario(name) => s.name.clone_from(name),
        Edit::BaseYear(year) => s.base_year = *year,
        Edit::HorizonYears(years) => s.horizon_years = *years,
        Edit::Value(path, value) => {
            let range = path.valid_range(&s);
            let value = range.clamp(*value);
            if let Some(old) = path.get(&s)
                && let Some(dist) = s.distribution(*path)
            {
                let followed = follow_value(dist, old, value, range, path.unit());
                set_distribution(&mut s, *path, Some(followed));
            }
            path.set(&mut s, value);
        }
        Edit::Distribution(path, dist) => set_distribution(&mut s, *path, dist.clone()),
        Edit::Correlations(correlations) => s.correlations.clone_from(correlations),
        Edit::MonteCarlo(mc) => s.monte_carlo = Some(*mc),
        Edit::HaloLoss(halo_loss) => {
            s.halo_loss = *halo_loss;
            if halo_loss.is_none() {
                set_distribution(&mut s, ParamPath::HaloLoss, None);
            }
        }
        Edit::WorkloadMargin(w, margin) => {
            if let Some(workload) = s.workloads.get_mut(*w) {
                workload.margin = *margin;
            }
            if margin.is_none() {
                let path = ParamPath::Workload(*w, crate::model::WorkloadParam::Margin);
                set_distribution(&mut s, path, None);
            }
        }
        Edit::PlacementShare {
            workload,
            which,
            provider,
            fraction,
        } => {
            if let Some(placement) = placement_mut(&mut s, *workload, *which) {
                set_share_keeping_sum(placement, *provider, *fraction);
            }
        }
        Edit::SetPlacement {
            workload,
            which,
            fractions,
        } => {
            if let Some(placement) = placement_mut(&mut s, *workload, *which)
                && placement.len() == fractions.len()
            {
                placement.clone_from(fractions);
            }
        }
        Edit::Curve(w, curve) => {
            if let Some(workload) = s.workloads.get_mut(*w) {
                workload.migration.curve = *curve;
            }
        }
        Edit::ProviderColor(i, color) => {
            if let Some(p) = s.providers.get_mut(*i) {
                p.color = *color;
            }
        }
        Edit::OthersColor(color) => s.others.color = *color,
        Edit::RenameProvider(i, name) => {
            if let Some(p) = s.providers.get_mut(*i) {
                p.name.clone_from(name);
            }
        }
        Edit::RenameOthers(name) => s.others.name.clone_from(name),
        Edit::RenameWorkload(w, name) => {
            if let Some(workload) = s.workloads.get_mut(*w) {
                workload.name.clone_from(name);
            }
        }
        Edit::AddProvider => add_provider(&mut s),
        Edit::RemoveProvider(i) => remove_provider(&mut s, *i),
        Edit::AddWorkload => add_workload(&mut s),
        Edit::RemoveWorkload(w) => remove_workload(&mut s, *w),
    }
    s
}

/// One placement of workload `w`, if there is such a workload.
fn placement_mut(s: &mut Scenario, w: usize, which: Placement) -> Option<&mut Vec<f64>> {
    let workload = s.workloads.get_mut(w)?;
    Some(match which {
        Placement::Base => &mut workload.placement_base,
        Placement::Target => &mut workload.placement_target,
    })
}

/// Replaces the distribution of `path` in place (so the draw order, and with it every other
/// input's draws, stays the same), adds it at the end, or removes it together with the
/// correlations that name it.
fn set_distribution(s: &mut Scenario, path: ParamPath, dist: Option<Distribution>) {
    let existing = s.uncertainty.iter().position(|(key, _)| *key == path);
    match (existing, dist) {
        (Some(i), Some(dist)) => s.uncertainty[i].1 = dist,
        (None, Some(dist)) => s.uncertainty.push((path, dist)),
        (Some(i), None) => {
            s.uncertainty.remove(i);
            s.correlations.retain(|c| c.a != path && c.b != path);
        }
        (None, None) => {}
    }
}

/// Sets `fractions[index]` to `fraction` (clamped to 0..=1) and scales the others so the sum is 1.
///
/// The others keep their proportions; when they are all zero they share the remainder equally.
/// The largest of them absorbs the rounding, so the sum is 1 to the last bit that matters.
pub fn set_share_keeping_sum(fractions: &mut [f64], index: usize, fraction: f64) {
    if index >= fractions.len() {
        return;
    }
    if fractions.len() == 1 {
        fractions[0] = 1.0;
        return;
    }
    let fraction = fraction.clamp(0.0, 1.0);
    let remainder = 1.0 - fraction;
    let others_sum: f64 = fractions
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != index)
        .map(|(_, v)| v)
        .sum();
    let others_count = (fractions.len() - 1) as f64;
    for (j, value) in fractions.iter_mut().enumerate() {
        if j == index {
            *value = fraction;
        } else if others_sum > 1e-12 {
            *value *= remainder / others_sum;
        } else {
            *value = remainder / others_count;
        }
    }
    // Let the largest other absorb the rounding error.
    let largest = fractions
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != index)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .map(|(j, _)| j);
    if let Some(largest) = largest {
        let rest: f64 = fractions
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != largest)
            .map(|(_, v)| v)
            .sum();
        fractions[largest] = (1.0 - rest).max(0.0);
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact fractions are the point of these tests
mod tests {
    use super::*;

    fn sum(v: &[f64]) -> f64 {
        v.iter().sum()
    }

    #[test]
    fn placement_others_give_way_in_proportion() {
        let mut v = vec![0.5, 0.3, 0.2];
        set_share_keeping_sum(&mut v, 0, 0.8);
        assert_eq!(v[0], 0.8);
        assert!((v[1] - 0.12).abs() < 1e-12);
        assert!((v[2] - 0.08).abs() < 1e-12);
        assert!((sum(&v) - 1.0).abs() < 1e-15);
    }

    #[test]
    fn placement_from_all_on_one_spreads_equally() {
        let mut v = vec![1.0, 0.0, 0.0];
        set_share_keeping_sum(&mut v, 0, 0.4);
        assert!(
            v.iter()
                .zip([0.4, 0.3, 0.3])
                .all(|(a, b)| (a - b).abs() < 1e-15),
            "{v:?}"
        );
        set_share_keeping_sum(&mut v, 2, 1.0);
        assert_eq!(v, vec![0.0, 0.0, 1.0]);
        set_share_keeping_sum(&mut v, 1, 1.5);
        assert_eq!(v, vec![0.0, 1.0, 0.0]);
    }

    #[test]
    fn placement_sum_stays_one_over_many_moves() {
        let mut v = vec![0.25; 4];
        for step in 0..1000 {
            let i = step % 4;
            set_share_keeping_sum(&mut v, i, f64::from((step * 37 % 101) as u32) / 100.0);
            assert!((sum(&v) - 1.0).abs() < 1e-12, "{v:?}");
            assert!(v.iter().all(|x| (0.0..=1.0).contains(x)));
        }
    }

    #[test]
    fn unused_names_count_up() {
        assert_eq!(
            unused_name("Provider", &["Provider 1", "AWS"]),
            "Provider 2"
        );
    }
}
