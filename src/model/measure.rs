//! The per-provider outputs of the model, each described once (key, label, unit), and the lists
//! of them that the projection CSV, Monte Carlo, the summary and the comparison report. Code
//! looks measures up by name, never by their place in a list.
//!
//! [`Measure`]s have a value every year; [`ValueMeasure`]s (present value, market-cap impact)
//! have one value per provider for the whole projection, and no year.

use super::params::Unit;

/// A per-provider output of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Measure {
    Share,
    Revenue,
    WorkloadRevenue,
    OperatingIncome,
    CounterfactualRevenue,
    RevenueDelta,
    ValueAtStake,
    /// `OI - OI_cf` (version 2).
    OperatingIncomeDelta,
}

/// One measure, described once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MeasureInfo {
    pub measure: Measure,
    /// Name in files, CSV and on the command line.
    pub key: &'static str,
    /// Name for people.
    pub label: &'static str,
    /// A fraction (shown as percent) or money ($B).
    pub unit: Unit,
}

const fn info(measure: Measure, key: &'static str, label: &'static str, unit: Unit) -> MeasureInfo {
    MeasureInfo {
        measure,
        key,
        label,
        unit,
    }
}

/// Every measure, in the projection CSV's column order.
const MEASURES: [MeasureInfo; 8] = [
    info(Measure::Share, "share", "Market share", Unit::Percent),
    info(Measure::Revenue, "revenue", "Revenue", Unit::UsdBn),
    info(
        Measure::WorkloadRevenue,
        "workload_revenue",
        "Workload revenue",
        Unit::UsdBn,
    ),
    info(
        Measure::OperatingIncome,
        "operating_income",
        "Operating income",
        Unit::UsdBn,
    ),
    info(
        Measure::CounterfactualRevenue,
        "counterfactual_revenue",
        "Revenue without migration",
        Unit::UsdBn,
    ),
    info(
        Measure::RevenueDelta,
        "revenue_delta",
        "Revenue delta",
        Unit::UsdBn,
    ),
    info(
        Measure::ValueAtStake,
        "value_at_stake",
        "Value at stake",
        Unit::UsdBn,
    ),
    info(
        Measure::OperatingIncomeDelta,
        "operating_income_delta",
        "Operating income delta",
        Unit::UsdBn,
    ),
];

impl Measure {
    /// Every measure, in the projection CSV's column order (MODEL.md).
    pub const ALL: [Self; 8] = [
        Self::Share,
        Self::Revenue,
        Self::WorkloadRevenue,
        Self::OperatingIncome,
        Self::CounterfactualRevenue,
        Self::RevenueDelta,
        Self::ValueAtStake,
        Self::OperatingIncomeDelta,
    ];

    /// The columns of `cloudshift project`, in order.
    pub const PROJECTION_COLUMNS: [Self; 8] = Self::ALL;

    /// The yearly measures that Monte Carlo summarises, in `simulate`'s row order (MODEL.md
    /// version 2; [`ValueMeasure::ALL`] follow on rows of their own).
    pub const UNCERTAIN: [Self; 6] = [
        Self::Share,
        Self::Revenue,
        Self::OperatingIncome,
        Self::OperatingIncomeDelta,
        Self::RevenueDelta,
        Self::ValueAtStake,
    ];

    /// The measures the comparison reports per provider.
    pub const COMPARED: [Self; 4] = [
        Self::Share,
        Self::Revenue,
        Self::RevenueDelta,
        Self::ValueAtStake,
    ];

    /// This measure's description.
    pub fn info(self) -> &'static MeasureInfo {
        // Every measure has a row (a test checks it); the first row is never reached otherwise.
        MEASURES
            .iter()
            .find(|m| m.measure == self)
            .unwrap_or(&MEASURES[0])
    }

    /// Name used in files, CSV and on the command line.
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// Name for people.
    pub fn label(self) -> &'static str {
        self.info().label
    }

    /// The unit it is read in: percent for shares, $B for money.
    pub fn unit(self) -> Unit {
        self.info().unit
    }

    /// Whether the measure is a fraction (shown as %) rather than money ($B).
    pub fn is_fraction(self) -> bool {
        self.unit().is_fraction()
    }

    /// Parses a `key()`.
    pub fn from_key(key: &str) -> Option<Self> {
        MEASURES.iter().find(|m| m.key == key).map(|m| m.measure)
    }

    /// The keys of `measures`, for messages listing the valid ones.
    pub fn keys(measures: &[Self]) -> Vec<&'static str> {
        measures.iter().map(|m| m.key()).collect()
    }
}

/// A per-provider output with no year: one value for the whole projection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ValueMeasure {
    /// `PV_p`: the present value at the base year of the change in after-tax cash flow, $B.
    PresentValueDelta,
    /// `I_p = PV_p / market_cap_p`, a fraction; only for a provider with a company.
    MarketCapImpact,
}

impl ValueMeasure {
    /// Both, in `cloudshift value`'s column order.
    pub const ALL: [Self; 2] = [Self::PresentValueDelta, Self::MarketCapImpact];

    /// Name used in CSV and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Self::PresentValueDelta => "present_value_delta",
            Self::MarketCapImpact => "market_cap_impact",
        }
    }

    /// Name for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::PresentValueDelta => "Present value of the change",
            Self::MarketCapImpact => "Market-cap impact",
        }
    }

    /// Percent for the impact, $B for the present value.
    pub fn unit(self) -> Unit {
        match self {
            Self::PresentValueDelta => Unit::UsdBn,
            Self::MarketCapImpact => Unit::Percent,
        }
    }

    /// Whether the measure is a fraction (shown as %) rather than money ($B).
    pub fn is_fraction(self) -> bool {
        self.unit().is_fraction()
    }

    /// Parses a `key()`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_measure_is_described_once_and_parses_back() {
        for measure in Measure::ALL {
            let rows = MEASURES.iter().filter(|m| m.measure == measure).count();
            assert_eq!(rows, 1, "{measure:?}");
            assert_eq!(Measure::from_key(measure.key()), Some(measure));
        }
        assert_eq!(MEASURES.len(), Measure::ALL.len());
        assert!(Measure::Share.is_fraction() && !Measure::Revenue.is_fraction());
        for measure in ValueMeasure::ALL {
            assert_eq!(ValueMeasure::from_key(measure.key()), Some(measure));
            assert!(Measure::from_key(measure.key()).is_none());
        }
    }
}
