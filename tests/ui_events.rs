//! The event scanner on the baseline: every event it names can be read off the projection.

use cloudshift::insight::events::{EventKind, scan};
use cloudshift::model::{Measure, project};
use cloudshift::scenario::builtin_baseline;

#[test]
fn spend_thresholds_match_the_projection() {
    let scenario = builtin_baseline();
    let projection = project(&scenario);
    let events = scan(&scenario, &projection);
    let azure = scenario.provider_index("Azure").unwrap();
    let spend_on_azure =
        |t: usize| projection.workload_spend_at(t, 0) * projection.placement_at(t, 0, azure);
    let t = (1..projection.years)
        .find(|&t| spend_on_azure(t - 1) < 25.0 && spend_on_azure(t) >= 25.0)
        .unwrap();
    let expected = format!(
        "OpenAI's spend on Azure passes $25B in {}",
        projection.year(t)
    );
    assert!(
        events
            .iter()
            .any(|e| e.kind == EventKind::SpendThreshold && e.text == expected),
        "{expected}: {events:?}"
    );
}

#[test]
fn events_are_sorted_and_crossovers_are_real() {
    let scenario = builtin_baseline();
    let projection = project(&scenario);
    let events = scan(&scenario, &projection);
    assert!(events.windows(2).all(|w| w[0].year <= w[1].year));
    let possessive = |n: &str| {
        if n.ends_with('s') {
            format!("{n}'")
        } else {
            format!("{n}'s")
        }
    };
    let providers = projection.providers;
    for event in events.iter().filter(|e| e.kind == EventKind::Crossover) {
        let (a, b) = (0..providers)
            .flat_map(|a| (0..providers).map(move |b| (a, b)))
            .find(|&(a, b)| {
                event.text
                    == format!(
                        "{} revenue passes {} in {}",
                        possessive(scenario.provider_name(a)),
                        possessive(scenario.provider_name(b)),
                        event.year
                    )
            })
            .unwrap();
        let t = projection.year_index(event.year).unwrap();
        assert!(
            projection.value(Measure::Revenue, t, a).unwrap()
                > projection.value(Measure::Revenue, t, b).unwrap()
        );
        assert!(
            projection.value(Measure::Revenue, t - 1, a).unwrap()
                < projection.value(Measure::Revenue, t - 1, b).unwrap()
        );
    }
}

#[test]
fn share_peaks_are_inside_the_horizon() {
    let scenario = builtin_baseline();
    let projection = project(&scenario);
    for event in scan(&scenario, &projection)
        .iter()
        .filter(|e| e.kind == EventKind::SharePeak)
    {
        let t = projection.year_index(event.year).unwrap();
        assert!(t > 0 && t + 1 < projection.years, "{event:?}");
    }
}

#[test]
fn a_year_that_passes_several_thresholds_names_only_the_largest() {
    // The extreme test scenario's tenant jumps by orders of magnitude in its first year.
    let text = include_str!("data/edge-extreme.ron");
    let scenario = cloudshift::scenario::load_str(text, "edge-extreme.ron").unwrap();
    let events = scan(&scenario, &project(&scenario));
    let spend: Vec<&str> = events
        .iter()
        .filter(|e| e.kind == EventKind::SpendThreshold)
        .map(|e| e.text.as_str())
        .collect();
    assert!(!spend.is_empty());
    for (i, a) in spend.iter().enumerate() {
        let subject = &a[..a.find(" passes ").unwrap()];
        let year = &a[a.rfind(" in ").unwrap()..];
        let same = spend[i + 1..]
            .iter()
            .any(|b| b.starts_with(subject) && b.ends_with(year));
        assert!(!same, "two thresholds for one year: {a}");
    }
}
