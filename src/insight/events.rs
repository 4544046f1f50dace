//! Events in words, found by scanning a projection: revenue crossovers, workload spend passing
//! round thresholds, share peaks and troughs. Pure functions over model data (no egui).

use crate::model::{Measure, Projection, Scenario};
use crate::units;

/// What kind of event a line describes (for icons and sorting).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventKind {
    /// One provider's revenue passes another's.
    Crossover,
    /// A workload's spend on a provider passes a round amount.
    SpendThreshold,
    /// A provider's total market share reaches its highest point inside the horizon.
    SharePeak,
    /// A provider's total market share reaches its lowest point inside the horizon.
    ShareTrough,
}

/// One event: the calendar year it happens and a sentence for people.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    pub year: i32,
    pub kind: EventKind,
    pub text: String,
}

/// Round thresholds (in $B) that a workload's spend on one provider can pass.
const SPEND_THRESHOLDS_USD_BN: [f64; 3] = [10.0, 25.0, 50.0];
/// A peak or trough must stand out from both ends of the horizon by this much share.
const SHARE_EXTREME_MIN_FRACTION: f64 = 0.001;

/// Every event in the projection, sorted by year (then by kind, then by text).
pub fn scan(scenario: &Scenario, projection: &Projection) -> Vec<Event> {
    let mut events = Vec::new();
    revenue_crossovers(scenario, projection, &mut events);
    spend_thresholds(scenario, projection, &mut events);
    share_extremes(scenario, projection, &mut events);
    events.sort_by(|a, b| {
        a.year
            .cmp(&b.year)
            .then(a.kind.cmp(&b.kind))
            .then(a.text.cmp(&b.text))
    });
    events
}

/// `A's revenue passes B's in YEAR` whenever A was below B the year before and is above now.
fn revenue_crossovers(scenario: &Scenario, projection: &Projection, events: &mut Vec<Event>) {
    let providers = projection.providers;
    if providers == 0 {
        return;
    }
    // Each year's revenues, Others last.
    let years: Vec<&[f64]> = projection
        .series(Measure::Revenue)
        .chunks_exact(providers)
        .collect();
    for (t, pair) in years.windows(2).enumerate().map(|(i, w)| (i + 1, w)) {
        let [previous, current] = pair else {
            continue;
        };
        for a in 0..providers {
            for b in 0..providers {
                if a == b {
                    continue;
                }
                let before = previous[a] - previous[b];
                let now = current[a] - current[b];
                if before < 0.0 && now > 0.0 {
                    events.push(Event {
                        year: projection.year(t),
                        kind: EventKind::Crossover,
                        text: format!(
                            "{} revenue passes {} in {}",
                            possessive(scenario.provider_name(a)),
                            possessive(scenario.provider_name(b)),
                            projection.year(t)
                        ),
                    });
                }
            }
        }
    }
}

/// `AWS's`, `Azure's`, but `Others'` (a plural ending in a lowercase s).
fn possessive(name: &str) -> String {
    if name.ends_with('s') {
        format!("{name}'")
    } else {
        format!("{name}'s")
    }
}

/// The thresholds: 10, 25, 50, 100, 250, 500, 1000, ... $B.
fn threshold_ladder(max_usd_bn: f64) -> impl Iterator<Item = f64> {
    (0..12)
        .flat_map(|decade| SPEND_THRESHOLDS_USD_BN.map(|t| t * 10f64.powi(decade)))
        .take_while(move |t| *t <= max_usd_bn)
}

/// A round amount of $B for people: `$25B`, `$1T`, `$2.5T`.
fn round_money(usd_bn: f64) -> String {
    if usd_bn >= 1e6 {
        crate::units::usd_bn(usd_bn)
    } else if usd_bn < 1000.0 {
        format!("${usd_bn:.0}B")
    } else {
        let trillions = format!("{:.2}", usd_bn / 1000.0);
        format!(
            "${}T",
            trillions.trim_end_matches('0').trim_end_matches('.')
        )
    }
}

/// `W's spend on P passes $X in YEAR` for each round threshold crossed after the base year.
fn spend_thresholds(scenario: &Scenario, projection: &Projection, events: &mut Vec<Event>) {
    for (w, workload) in scenario
        .workloads
        .iter()
        .enumerate()
        .take(projection.workloads)
    {
        for p in 0..projection.providers {
            let spend_on =
                |t: usize| projection.workload_spend_at(t, w) * projection.placement_at(t, w, p);
            let max = (0..projection.years).map(spend_on).fold(0.0, f64::max);
            // When one year passes several thresholds, only the largest is worth a line.
            let mut crossings: Vec<(usize, f64)> = Vec::new();
            for threshold in threshold_ladder(max) {
                let crossed = (1..projection.years)
                    .find(|&t| spend_on(t - 1) < threshold && spend_on(t) >= threshold);
                if let Some(t) = crossed {
                    match crossings.iter_mut().find(|(year, _)| *year == t) {
                        Some(slot) => slot.1 = slot.1.max(threshold),
                        None => crossings.push((t, threshold)),
                    }
                }
            }
            for (t, threshold) in crossings {
                events.push(Event {
                    year: projection.year(t),
                    kind: EventKind::SpendThreshold,
                    text: format!(
                        "{} spend on {} passes {} in {}",
                        possessive(&workload.name),
                        scenario.provider_name(p),
                        round_money(threshold),
                        projection.year(t)
                    ),
                });
            }
        }
    }
}

/// `P's share peaks in YEAR at X%` when its highest share is strictly inside the horizon.
fn share_extremes(scenario: &Scenario, projection: &Projection, events: &mut Vec<Event>) {
    let years = projection.years;
    if years < 3 {
        return;
    }
    for p in 0..projection.providers {
        let shares: Vec<f64> = (0..years)
            .filter_map(|t| projection.value(Measure::Share, t, p))
            .collect();
        if shares.len() != years {
            continue;
        }
        let share = |t: usize| shares[t];
        let ends = share(0).max(share(years - 1));
        let (peak_t, peak) = (0..years)
            .map(|t| (t, share(t)))
            .fold((0, f64::MIN), |best, x| if x.1 > best.1 { x } else { best });
        if peak_t > 0 && peak_t < years - 1 && peak - ends >= SHARE_EXTREME_MIN_FRACTION {
            events.push(Event {
                year: projection.year(peak_t),
                kind: EventKind::SharePeak,
                text: format!(
                    "{} share peaks in {} at {}",
                    possessive(scenario.provider_name(p)),
                    projection.year(peak_t),
                    units::percent(peak)
                ),
            });
        }
        let low_ends = share(0).min(share(years - 1));
        let (trough_t, trough) = (0..years)
            .map(|t| (t, share(t)))
            .fold((0, f64::MAX), |best, x| if x.1 < best.1 { x } else { best });
        if trough_t > 0 && trough_t < years - 1 && low_ends - trough >= SHARE_EXTREME_MIN_FRACTION {
            events.push(Event {
                year: projection.year(trough_t),
                kind: EventKind::ShareTrough,
                text: format!(
                    "{} share bottoms out in {} at {}",
                    possessive(scenario.provider_name(p)),
                    projection.year(trough_t),
                    units::percent(trough)
                ),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_naturally() {
        assert_eq!(possessive("AWS"), "AWS's");
        assert_eq!(possessive("Others"), "Others'");
        assert_eq!(round_money(25.0), "$25B");
        assert_eq!(round_money(1000.0), "$1T");
        assert_eq!(round_money(2500.0), "$2.5T");
        assert_eq!(
            threshold_ladder(120.0).collect::<Vec<_>>(),
            vec![10.0, 25.0, 50.0, 100.0]
        );
    }
}
