//! The observed past: Synergy Research's yearly market size and provider shares, 2017-2025,
//! shipped in `assets/history-synergy.ron` and embedded in the binary. No UI here.

use serde::Deserialize;

/// How far a historical figure can be trusted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Confidence {
    /// As published.
    Reported,
    /// Rounded or derived ("~", "almost").
    Approximate,
    /// Read from a chart.
    Low,
}

impl Confidence {
    pub fn label(self) -> &'static str {
        match self {
            Self::Reported => "reported",
            Self::Approximate => "approximate",
            Self::Low => "low confidence",
        }
    }
}

/// A break in one provider's series (a change in how it reports).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesBreak {
    pub provider: String,
    pub year: i32,
    pub note: String,
}

/// One observed year.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryYear {
    pub year: i32,
    pub market_usd_bn: f64,
    pub market_confidence: Confidence,
    /// Share of the whole market per provider name, fractions; providers not published are absent.
    pub shares: std::collections::BTreeMap<String, f64>,
    pub shares_confidence: Confidence,
    pub note: String,
}

/// The whole series, oldest year first.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct History {
    pub source: String,
    pub series_breaks: Vec<SeriesBreak>,
    pub years: Vec<HistoryYear>,
}

/// Research firms whose market figures a scenario may be calibrated to, as their sources name
/// them, with the name to show. The shipped history is the first one's.
const RESEARCH_FIRMS: [(&str, &str); 5] = [
    ("synergy", "Synergy Research Group"),
    ("canalys", "Canalys"),
    ("gartner", "Gartner"),
    ("idc", "IDC"),
    ("omdia", "Omdia"),
];

/// The research firm a scenario's base-year figures come from, read from the sources of its
/// market size and provider shares (the first firm any of them names); `None` where they name
/// none (a scenario of one's own: history is drawn).
pub fn calibrated_firm(sources: &[&str]) -> Option<&'static str> {
    sources.iter().find_map(|text| {
        let lower = text.to_lowercase();
        RESEARCH_FIRMS
            .iter()
            .filter_map(|(key, name)| lower.find(key).map(|at| (at, *name)))
            .min_by_key(|(at, _)| *at)
            .map(|(_, name)| name)
    })
}

/// The firm the shipped history comes from.
pub const HISTORY_FIRM: &str = "Synergy Research Group";

/// The text of `assets/history-synergy.ron`.
pub const SYNERGY_RON: &str = include_str!("../assets/history-synergy.ron");

impl History {
    /// The embedded Synergy series; `None` only if the shipped file were broken (a test guards it).
    pub fn synergy() -> Option<Self> {
        ron::from_str(SYNERGY_RON).ok()
    }

    /// Every provider the history names, in name order.
    pub fn provider_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .years
            .iter()
            .flat_map(|y| y.shares.keys().map(String::as_str))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// A provider's share by year, where published.
    pub fn share_series(&self, provider: &str) -> Vec<(i32, f64)> {
        self.years
            .iter()
            .filter_map(|y| y.shares.get(provider).map(|share| (y.year, *share)))
            .collect()
    }

    /// A provider's revenue by year ($B): share times market, where the share is published.
    pub fn revenue_series(&self, provider: &str) -> Vec<(i32, f64)> {
        self.years
            .iter()
            .filter_map(|y| {
                y.shares
                    .get(provider)
                    .map(|share| (y.year, share * y.market_usd_bn))
            })
            .collect()
    }

    /// The market by year, $B.
    pub fn market_series(&self) -> Vec<(i32, f64)> {
        self.years
            .iter()
            .map(|y| (y.year, y.market_usd_bn))
            .collect()
    }

    /// The year of a series break in this provider's figures, if any.
    pub fn break_year(&self, provider: &str) -> Option<&SeriesBreak> {
        self.series_breaks.iter().find(|b| b.provider == provider)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::builtin_baseline;

    #[test]
    fn the_shipped_history_loads_and_is_in_order() {
        let history = ron::from_str::<History>(SYNERGY_RON).unwrap();
        assert_eq!(history.years.first().map(|y| y.year), Some(2017));
        assert_eq!(history.years.last().map(|y| y.year), Some(2025));
        assert!(history.years.windows(2).all(|w| w[0].year + 1 == w[1].year));
        assert_eq!(history.break_year("Azure").map(|b| b.year), Some(2024));
    }

    #[test]
    fn the_baseline_starts_where_the_history_ends() {
        let history = History::synergy().unwrap();
        let last = history.years.last().unwrap();
        let baseline = builtin_baseline();
        assert_eq!(last.year, baseline.base_year);
        assert!((last.market_usd_bn - baseline.market.size_usd_bn).abs() < 1e-9);
        for provider in &baseline.providers {
            if let Some(share) = last.shares.get(&provider.name) {
                assert!((share - provider.share).abs() < 1e-9, "{}", provider.name);
            }
        }
        assert_eq!(
            last.shares.len(),
            3,
            "AWS, Azure and Google Cloud are published"
        );
    }
}
