//! The one description of every input: its path field, valid range, unit, slider range, meaning,
//! whether it can be uncertain and whether it is an observation — one row per parameter — and
//! where its value lives in a [`Scenario`].
//!
//! The checker, the sliders, the Sources list, the compare flattening and the distribution editor
//! all read this table. A new input is its field in `inputs.rs`, its row and accessor here, its
//! equation and its file field.

use super::unit::Unit;
use crate::model::inputs::Scenario;

/// A per-provider input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProviderParam {
    Share,
    Drift,
    Margin,
    MarginDrift,
    EvSales,
    /// Its company's market capitalisation (`company.market_cap`).
    MarketCap,
    /// Its company's observed share-price move (`company.price_move`).
    PriceMove,
}

/// A valuation input (the `valuation` block).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ValuationParam {
    DiscountRate,
    TaxRate,
    ReinvestmentRate,
    TerminalGrowth,
}

/// An input of the residual provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OthersParam {
    Margin,
    MarginDrift,
    EvSales,
}

/// A per-workload input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WorkloadParam {
    Spend,
    GrowthStart,
    GrowthEnd,
    Margin,
    Extent,
    StartYear,
    DurationYears,
    PlacementBase,
    PlacementTarget,
}

/// Which input a row describes, without the provider or workload it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ParamKind {
    MarketSize,
    MarketGrowthStart,
    MarketGrowthEnd,
    Halo,
    HaloLoss,
    Valuation(ValuationParam),
    Provider(ProviderParam),
    Others(OthersParam),
    Workload(WorkloadParam),
}

/// Which part of a scenario an input belongs to (the group that shows it).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Market,
    Halo,
    /// Discount rate, tax, reinvestment and terminal growth (the `valuation` block).
    Valuation,
    Provider,
    /// A provider's company: market cap and observed price move.
    Company,
    Others,
    /// A workload's spend and growth.
    WorkloadSpend,
    /// A workload's optional own margin.
    WorkloadMargin,
    /// A workload's placements (edited together, summing to 1).
    Placement,
    /// A workload's migration: extent, start, duration.
    Migration,
}

impl Section {
    /// Whether the section holds inputs of the whole scenario (not of one provider or workload).
    pub fn is_scenario_wide(self) -> bool {
        matches!(self, Self::Market | Self::Halo | Self::Valuation)
    }
}

/// Inclusive valid range of an input (the lower bound exclusive where `min_exclusive`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValidRange {
    pub min: f64,
    pub max: f64,
    pub min_exclusive: bool,
}

impl ValidRange {
    pub const fn new(min: f64, max: f64) -> Self {
        Self {
            min,
            max,
            min_exclusive: false,
        }
    }

    /// A range whose lower bound is excluded (`> min`).
    pub const fn above(min: f64, max: f64) -> Self {
        Self {
            min,
            max,
            min_exclusive: true,
        }
    }

    pub fn contains(self, value: f64) -> bool {
        let above_min = if self.min_exclusive {
            value > self.min
        } else {
            value >= self.min
        };
        value.is_finite() && above_min && value <= self.max
    }

    pub fn clamp(self, value: f64) -> f64 {
        value.clamp(self.min, self.max)
    }

    /// The range as text for messages: `-0.2..=0.2`, `more than 0 and at most 1000000`.
    pub fn describe(self) -> String {
        if self.min_exclusive {
            format!("more than {} and at most {}", self.min, self.max)
        } else {
            format!("{}..={}", self.min, self.max)
        }
    }
}

/// Valid range of a growth rate.
pub const GROWTH_RANGE: ValidRange = ValidRange::new(-0.9, 5.0);
/// Valid range of the halo.
pub const HALO_RANGE: ValidRange = ValidRange::new(0.0, 10.0);
/// Valid range of a share, placement fraction or extent.
pub const UNIT_RANGE: ValidRange = ValidRange::new(0.0, 1.0);
/// Valid range of a margin.
pub const MARGIN_RANGE: ValidRange = ValidRange::new(-1.0, 1.0);
/// Valid range of a drift (share or margin, per year).
pub const DRIFT_RANGE: ValidRange = ValidRange::new(-0.2, 0.2);
/// Valid range of an EV/sales multiple.
pub const EV_SALES_RANGE: ValidRange = ValidRange::new(0.0, 100.0);
/// Valid range of the market size, $B: from $1,000 (50 years at -90% a year keep it a normal
/// `f64`, so every share stays finite) to $1,000,000B.
pub const MARKET_SIZE_RANGE: ValidRange = ValidRange::new(1e-6, 1e6);
/// Valid range of money amounts ($B).
pub const MONEY_RANGE: ValidRange = ValidRange::new(0.0, 1e6);
/// Valid range of a migration's duration, years.
pub const DURATION_RANGE: ValidRange = ValidRange::new(0.0, 50.0);
/// Valid range of the discount rate.
pub const DISCOUNT_RATE_RANGE: ValidRange = ValidRange::new(0.01, 0.5);
/// Valid range of the tax rate.
pub const TAX_RATE_RANGE: ValidRange = ValidRange::new(0.0, 0.6);
/// Valid range of terminal growth (also at most the discount rate minus 0.01).
pub const TERMINAL_GROWTH_RANGE: ValidRange = ValidRange::new(-0.5, 0.2);
/// Valid range of a company's market cap, $B.
pub const MARKET_CAP_RANGE: ValidRange = ValidRange::above(0.0, 1e6);
/// Valid range of an observed share-price move (-1 = lost everything).
pub const PRICE_MOVE_RANGE: ValidRange = ValidRange::new(-1.0, 10.0);
/// Latest year a migration may start.
pub const LATEST_START_YEAR: f64 = 2200.0;
/// Valid range of a migration's start year; its lower bound is the scenario's base year.
const START_YEAR_RANGE: ValidRange = ValidRange::new(1990.0, LATEST_START_YEAR);

/// One input of the model, described once.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamInfo {
    pub kind: ParamKind,
    /// Its path in a file after the owner: `market.size`, `drift`, `migration.start_year`.
    pub field: &'static str,
    /// Its name for people, after the owner's name where it has one: `Market size`, `drift`.
    pub label: &'static str,
    pub unit: Unit,
    /// Valid values (for start years, the lower bound is the scenario's base year).
    pub range: ValidRange,
    /// The comfortable range of its slider, in model units; typing may go beyond it.
    pub slider: (f64, f64),
    /// What it means, in one sentence.
    pub meaning: &'static str,
    /// Whether it may take a distribution in `uncertainty`.
    pub uncertain: bool,
    /// Whether it is a reported base-year figure rather than an assumption about the future.
    pub observation: bool,
    pub section: Section,
}

#[allow(clippy::too_many_arguments)] // one argument per column of the table below
const fn row(
    kind: ParamKind,
    field: &'static str,
    label: &'static str,
    unit: Unit,
    range: ValidRange,
    slider: (f64, f64),
    section: Section,
    meaning: &'static str,
) -> ParamInfo {
    ParamInfo {
        kind,
        field,
        label,
        unit,
        range,
        slider,
        meaning,
        uncertain: true,
        observation: false,
        section,
    }
}

/// A base-year figure: reported, so it takes no distribution.
const fn observed(info: ParamInfo) -> ParamInfo {
    ParamInfo {
        uncertain: false,
        observation: true,
        ..info
    }
}

/// An input edited as a whole (a placement): it takes no distribution.
const fn certain(info: ParamInfo) -> ParamInfo {
    ParamInfo {
        uncertain: false,
        ..info
    }
}

use ParamKind as K;
use Section as S;
use Unit as U;

/// Every input, in file order: the market, the halo, a named provider's, Others', a workload's.
#[rustfmt::skip]
pub const PARAMS: [ParamInfo; 28] = [
    observed(row(K::MarketSize, "market.size", "Market size", U::UsdBn, MARKET_SIZE_RANGE, (50.0, 5_000.0), S::Market,
        "Worldwide cloud infrastructure revenue in the base year, in billions of US dollars.")),
    row(K::MarketGrowthStart, "market.growth_start", "Market growth start", U::Percent, GROWTH_RANGE, (-0.2, 0.6), S::Market,
        "Growth of the market outside the modelled workloads in the first projected year."),
    row(K::MarketGrowthEnd, "market.growth_end", "Market growth end", U::Percent, GROWTH_RANGE, (-0.2, 0.6), S::Market,
        "Growth of the market outside the modelled workloads in the last projected year; growth fades linearly in between."),
    row(K::Halo, "halo", "Halo", U::Times, HALO_RANGE, (0.0, 3.0), S::Halo,
        "Dollars of other customers' revenue a provider wins for each dollar of workload revenue it wins (the reference-customer effect)."),
    row(K::HaloLoss, "halo_loss", "Halo on losses", U::Times, HALO_RANGE, (0.0, 3.0), S::Halo,
        "Dollars of other customers' revenue a provider loses for each dollar of workload revenue it loses; switching costs keep it below the halo on wins. Unset: the same as the halo."),
    row(K::Valuation(ValuationParam::DiscountRate), "valuation.discount_rate", "Discount rate", U::Percent, DISCOUNT_RATE_RANGE, (0.04, 0.16), S::Valuation,
        "Yearly rate at which future cash flows are discounted to today (the cost of capital)."),
    row(K::Valuation(ValuationParam::TaxRate), "valuation.tax_rate", "Tax rate", U::Percent, TAX_RATE_RANGE, (0.0, 0.4), S::Valuation,
        "Tax paid on a change of operating income."),
    row(K::Valuation(ValuationParam::ReinvestmentRate), "valuation.reinvestment_rate", "Reinvestment rate", U::Percent, UNIT_RANGE, (0.0, 0.8), S::Valuation,
        "Share of the after-tax change of operating income that is reinvested rather than paid out as free cash flow."),
    row(K::Valuation(ValuationParam::TerminalGrowth), "valuation.terminal_growth", "Terminal growth", U::Percent, TERMINAL_GROWTH_RANGE, (-0.02, 0.06), S::Valuation,
        "Yearly growth of the last projected year's cash-flow change ever after; at most the discount rate minus 1 point."),
    observed(row(K::Provider(ProviderParam::Share), "share", "share", U::Percent, UNIT_RANGE, (0.0, 1.0), S::Provider,
        "Reported share of the whole market in the base year.")),
    row(K::Provider(ProviderParam::Drift), "drift", "drift", U::PointsPerYear, DRIFT_RANGE, (-0.03, 0.03), S::Provider,
        "Change of the provider's share of the rest of the market each year, in percentage points."),
    row(K::Provider(ProviderParam::Margin), "margin", "margin", U::Percent, MARGIN_RANGE, (-0.2, 0.8), S::Provider,
        "Operating margin in the base year."),
    row(K::Provider(ProviderParam::MarginDrift), "margin_drift", "margin drift", U::PointsPerYear, DRIFT_RANGE, (-0.03, 0.03), S::Provider,
        "Change of the operating margin each year, in percentage points."),
    row(K::Provider(ProviderParam::EvSales), "ev_sales", "EV/sales", U::Times, EV_SALES_RANGE, (0.0, 30.0), S::Provider,
        "Enterprise value per dollar of sales, used to turn revenue changes into value at stake."),
    observed(row(K::Provider(ProviderParam::MarketCap), "company.market_cap", "market cap", U::UsdBn, MARKET_CAP_RANGE, (10.0, 10_000.0), S::Company,
        "Market capitalisation of the listed company that owns the provider, in billions of US dollars.")),
    observed(row(K::Provider(ProviderParam::PriceMove), "company.price_move", "price move", U::Percent, PRICE_MOVE_RANGE, (-0.6, 0.6), S::Company,
        "Observed change of the company's share price over the period its source names.")),
    row(K::Others(OthersParam::Margin), "margin", "margin", U::Percent, MARGIN_RANGE, (-0.2, 0.8), S::Others,
        "Operating margin of all other providers together in the base year."),
    row(K::Others(OthersParam::MarginDrift), "margin_drift", "margin drift", U::PointsPerYear, DRIFT_RANGE, (-0.03, 0.03), S::Others,
        "Change of the other providers' operating margin each year, in percentage points."),
    row(K::Others(OthersParam::EvSales), "ev_sales", "EV/sales", U::Times, EV_SALES_RANGE, (0.0, 30.0), S::Others,
        "Enterprise value per dollar of sales of the other providers."),
    observed(row(K::Workload(WorkloadParam::Spend), "spend", "spend", U::UsdBn, MONEY_RANGE, (0.1, 1000.0), S::WorkloadSpend,
        "The workload's cloud spend in the base year, in billions of US dollars.")),
    row(K::Workload(WorkloadParam::GrowthStart), "growth_start", "growth start", U::Percent, GROWTH_RANGE, (-0.2, 2.0), S::WorkloadSpend,
        "Growth of the workload's spend in the first projected year."),
    row(K::Workload(WorkloadParam::GrowthEnd), "growth_end", "growth end", U::Percent, GROWTH_RANGE, (-0.2, 2.0), S::WorkloadSpend,
        "Growth of the workload's spend in the last projected year; growth fades linearly in between."),
    row(K::Workload(WorkloadParam::Margin), "margin", "margin", U::Percent, MARGIN_RANGE, (-0.2, 0.8), S::WorkloadMargin,
        "Operating margin providers earn on this workload, instead of their own margin."),
    row(K::Workload(WorkloadParam::Extent), "extent", "extent", U::Percent, UNIT_RANGE, (0.0, 1.0), S::Migration,
        "How much of the planned shift from base to target placement actually happens."),
    row(K::Workload(WorkloadParam::StartYear), "migration.start_year", "migration start", U::Year, START_YEAR_RANGE, (1990.0, 2200.0), S::Migration,
        "Calendar year in which the shift of placement starts."),
    row(K::Workload(WorkloadParam::DurationYears), "migration.duration_years", "duration", U::Years, DURATION_RANGE, (0.0, 15.0), S::Migration,
        "Years the shift takes from start to completion."),
    certain(row(K::Workload(WorkloadParam::PlacementBase), "placement_base", "base placement", U::Percent, UNIT_RANGE, (0.0, 1.0), S::Placement,
        "Fraction of the workload's spend on each provider in the base year.")),
    certain(row(K::Workload(WorkloadParam::PlacementTarget), "placement_target", "target placement", U::Percent, UNIT_RANGE, (0.0, 1.0), S::Placement,
        "Fraction of the workload's spend on each provider once the shift is complete.")),
];

impl ParamKind {
    /// This input's row of [`PARAMS`].
    pub fn info(self) -> &'static ParamInfo {
        // Every kind has exactly one row (a test checks it); the first row is never reached.
        PARAMS
            .iter()
            .find(|row| row.kind == self)
            .unwrap_or(&PARAMS[0])
    }
}

impl super::ParamPath {
    /// The input's current value; `None` for placements and an unset workload margin.
    pub fn get(self, scenario: &Scenario) -> Option<f64> {
        Some(match self {
            Self::MarketSize => scenario.market.size_usd_bn,
            Self::MarketGrowthStart => scenario.market.growth_start,
            Self::MarketGrowthEnd => scenario.market.growth_end,
            Self::Halo => scenario.halo,
            Self::HaloLoss => scenario.halo_loss?,
            Self::Valuation(param) => {
                let v = scenario.valuation_used();
                match param {
                    ValuationParam::DiscountRate => v.discount_rate,
                    ValuationParam::TaxRate => v.tax_rate,
                    ValuationParam::ReinvestmentRate => v.reinvestment_rate,
                    ValuationParam::TerminalGrowth => v.terminal_growth,
                }
            }
            Self::Provider(i, param) => {
                let p = scenario.providers.get(i)?;
                match param {
                    ProviderParam::Share => p.share,
                    ProviderParam::Drift => p.drift_per_year,
                    ProviderParam::Margin => p.margin,
                    ProviderParam::MarginDrift => p.margin_drift_per_year,
                    ProviderParam::EvSales => p.ev_sales,
                    ProviderParam::MarketCap => p.company.as_ref()?.market_cap_usd_bn,
                    ProviderParam::PriceMove => p.company.as_ref()?.price_move?,
                }
            }
            Self::Others(param) => match param {
                OthersParam::Margin => scenario.others.margin,
                OthersParam::MarginDrift => scenario.others.margin_drift_per_year,
                OthersParam::EvSales => scenario.others.ev_sales,
            },
            Self::Workload(i, param) => {
                let w = scenario.workloads.get(i)?;
                match param {
                    WorkloadParam::Spend => w.spend_usd_bn,
                    WorkloadParam::GrowthStart => w.growth_start,
                    WorkloadParam::GrowthEnd => w.growth_end,
                    WorkloadParam::Margin => w.margin?,
                    WorkloadParam::Extent => w.extent,
                    WorkloadParam::StartYear => w.migration.start_year,
                    WorkloadParam::DurationYears => w.migration.duration_years,
                    WorkloadParam::PlacementBase | WorkloadParam::PlacementTarget => return None,
                }
            }
        })
    }

    /// Sets the input to `value` as is (callers clamp or validate); no-op where `get` is `None`.
    /// Setting a valuation input on a scenario that uses the defaults writes the whole block
    /// (the defaults, with this input changed).
    pub fn set(self, scenario: &mut Scenario, value: f64) {
        let slot: Option<&mut f64> = match self {
            Self::MarketSize => Some(&mut scenario.market.size_usd_bn),
            Self::MarketGrowthStart => Some(&mut scenario.market.growth_start),
            Self::MarketGrowthEnd => Some(&mut scenario.market.growth_end),
            Self::Halo => Some(&mut scenario.halo),
            Self::HaloLoss => scenario.halo_loss.as_mut(),
            Self::Valuation(param) => {
                let v = scenario
                    .valuation
                    .get_or_insert(crate::model::inputs::Valuation::DEFAULT);
                Some(match param {
                    ValuationParam::DiscountRate => &mut v.discount_rate,
                    ValuationParam::TaxRate => &mut v.tax_rate,
                    ValuationParam::ReinvestmentRate => &mut v.reinvestment_rate,
                    ValuationParam::TerminalGrowth => &mut v.terminal_growth,
                })
            }
            Self::Provider(i, param) => scenario.providers.get_mut(i).and_then(|p| match param {
                ProviderParam::Share => Some(&mut p.share),
                ProviderParam::Drift => Some(&mut p.drift_per_year),
                ProviderParam::Margin => Some(&mut p.margin),
                ProviderParam::MarginDrift => Some(&mut p.margin_drift_per_year),
                ProviderParam::EvSales => Some(&mut p.ev_sales),
                ProviderParam::MarketCap => p.company.as_mut().map(|c| &mut c.market_cap_usd_bn),
                ProviderParam::PriceMove => p.company.as_mut().and_then(|c| c.price_move.as_mut()),
            }),
            Self::Others(param) => Some(match param {
                OthersParam::Margin => &mut scenario.others.margin,
                OthersParam::MarginDrift => &mut scenario.others.margin_drift_per_year,
                OthersParam::EvSales => &mut scenario.others.ev_sales,
            }),
            Self::Workload(i, param) => scenario.workloads.get_mut(i).and_then(|w| match param {
                WorkloadParam::Spend => Some(&mut w.spend_usd_bn),
                WorkloadParam::GrowthStart => Some(&mut w.growth_start),
                WorkloadParam::GrowthEnd => Some(&mut w.growth_end),
                WorkloadParam::Margin => w.margin.as_mut(),
                WorkloadParam::Extent => Some(&mut w.extent),
                WorkloadParam::StartYear => Some(&mut w.migration.start_year),
                WorkloadParam::DurationYears => Some(&mut w.migration.duration_years),
                WorkloadParam::PlacementBase | WorkloadParam::PlacementTarget => None,
            }),
        };
        if let Some(slot) = slot {
            *slot = value;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_exactly_one_row() {
        for (i, row) in PARAMS.iter().enumerate() {
            let same = PARAMS.iter().filter(|r| r.kind == row.kind).count();
            assert_eq!(same, 1, "row {i} ({:?}) appears {same} times", row.kind);
            assert_eq!(row.kind.info().kind, row.kind);
        }
    }

    #[test]
    fn slider_ranges_lie_inside_valid_ranges() {
        for row in &PARAMS {
            assert!(row.slider.0 < row.slider.1, "{:?}", row.kind);
            assert!(
                row.slider.0 >= row.range.min && row.slider.1 <= row.range.max,
                "{:?}",
                row.kind
            );
            assert!(!(row.observation && row.uncertain), "{:?}", row.kind);
        }
    }
}
