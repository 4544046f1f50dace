//! Where each input's value comes from: the Sources list's rows, and which sources mark an
//! assumption rather than a published figure.

use crate::model::{ParamPath, Scenario};

/// Whether a source text marks its input as an assumption (none given, or "Assumption: …").
pub fn is_assumption(source: Option<&str>) -> bool {
    source.is_none_or(|s| {
        s.trim_start()
            .get(..10)
            .is_some_and(|head| head.eq_ignore_ascii_case("assumption"))
    })
}

/// Rows of (path text, source text, is an assumption) matching `filter` (case-insensitive), for
/// every input that can carry a source, in the table's order.
pub fn source_rows(scenario: &Scenario, filter: &str) -> Vec<(String, String, bool)> {
    let needle = filter.trim().to_lowercase();
    ParamPath::all_sourced(scenario)
        .into_iter()
        .map(|path| {
            let source = scenario.source(path);
            (
                path.to_text(scenario),
                source.unwrap_or("Assumption: no source given").to_owned(),
                is_assumption(source),
            )
        })
        .filter(|(path, source, _)| {
            needle.is_empty()
                || path.to_lowercase().contains(&needle)
                || source.to_lowercase().contains(&needle)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin_baseline;

    #[test]
    fn assumptions_are_recognised() {
        assert!(is_assumption(None));
        assert!(is_assumption(Some("Assumption: flat")));
        assert!(is_assumption(Some("  assumption, rough")));
        assert!(!is_assumption(Some("Synergy Research Group")));
        assert!(!is_assumption(Some("Assume")));
    }

    #[test]
    fn every_sourced_input_is_listed_once() {
        let scenario = builtin_baseline();
        let rows = source_rows(&scenario, "");
        assert_eq!(rows[0].0, "market.size");
        for (i, row) in rows.iter().enumerate() {
            assert!(!rows[..i].iter().any(|r| r.0 == row.0), "{} twice", row.0);
        }
        assert!(
            rows.iter()
                .any(|r| r.0 == "workloads[OpenAI].placement_target")
        );
    }

    #[test]
    fn every_input_is_listed_and_the_filter_narrows() {
        let s = builtin_baseline();
        let all = source_rows(&s, "");
        assert!(
            all.iter()
                .any(|(p, src, a)| p == "market.size" && src.contains("Synergy") && !a)
        );
        assert!(all.iter().any(|(p, _, a)| p == "halo" && *a));
        let aws = source_rows(&s, "providers[aws]");
        assert!(!aws.is_empty() && aws.iter().all(|(p, _, _)| p.starts_with("providers[AWS]")));
    }
}
