//! Parameter paths (`providers[AWS].drift`): naming, reading, writing and valid ranges of inputs.
//!
//! Paths hold indices, not names, so renaming a provider keeps its sources and distributions;
//! they are turned into text (and back) against a scenario's names.

use super::inputs::Scenario;

/// A per-provider input that can carry a source or a distribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProviderParam {
    Share,
    Drift,
    Margin,
    MarginDrift,
    EvSales,
}

/// An input of the residual provider.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OthersParam {
    Margin,
    MarginDrift,
    EvSales,
}

/// A per-workload input that can carry a source or a distribution.
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

/// One input of a scenario, addressed by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParamPath {
    MarketSize,
    MarketGrowthStart,
    MarketGrowthEnd,
    Halo,
    Provider(usize, ProviderParam),
    Others(OthersParam),
    Workload(usize, WorkloadParam),
}

/// Why a path's text was not accepted.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    #[error("unknown parameter path `{0}`")]
    Unknown(String),
    #[error("`{path}` names provider `{name}`, which the scenario does not have")]
    UnknownProvider { path: String, name: String },
    #[error("`{path}` names workload `{name}`, which the scenario does not have")]
    UnknownWorkload { path: String, name: String },
}

/// Inclusive valid range of an input, with its unit for messages.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ValidRange {
    pub min: f64,
    pub max: f64,
}

impl ValidRange {
    pub const fn new(min: f64, max: f64) -> Self {
        Self { min, max }
    }

    pub fn contains(self, value: f64) -> bool {
        value.is_finite() && value >= self.min && value <= self.max
    }

    pub fn clamp(self, value: f64) -> f64 {
        value.clamp(self.min, self.max)
    }
}

/// Valid range of a growth rate.
pub const GROWTH_RANGE: ValidRange = ValidRange::new(-0.9, 5.0);
/// Valid range of the halo.
pub const HALO_RANGE: ValidRange = ValidRange::new(0.0, 10.0);
/// Valid range of a share, margin, placement fraction or extent.
pub const UNIT_RANGE: ValidRange = ValidRange::new(0.0, 1.0);
/// Valid range of a margin.
pub const MARGIN_RANGE: ValidRange = ValidRange::new(-1.0, 1.0);
/// Valid range of a drift (share or margin, per year).
pub const DRIFT_RANGE: ValidRange = ValidRange::new(-0.2, 0.2);
/// Valid range of an EV/sales multiple.
pub const EV_SALES_RANGE: ValidRange = ValidRange::new(0.0, 100.0);
/// Valid range of money amounts ($B): market size lower bound is exclusive and checked apart.
pub const MONEY_RANGE: ValidRange = ValidRange::new(0.0, 1e6);
/// Valid range of a migration's duration, years.
pub const DURATION_RANGE: ValidRange = ValidRange::new(0.0, 50.0);
/// Latest year a migration may start.
pub const LATEST_START_YEAR: f64 = 2200.0;

impl ParamPath {
    /// Whether the Uncertainty section allows a distribution on this path.
    pub fn can_be_uncertain(self) -> bool {
        !matches!(
            self,
            Self::MarketSize
                | Self::Provider(_, ProviderParam::Share)
                | Self::Workload(
                    _,
                    WorkloadParam::Spend
                        | WorkloadParam::PlacementBase
                        | WorkloadParam::PlacementTarget
                )
        )
    }

    /// Path text against this scenario's names, e.g. `workloads[OpenAI].migration.start_year`.
    pub fn to_text(self, scenario: &Scenario) -> String {
        match self {
            Self::MarketSize => "market.size".to_owned(),
            Self::MarketGrowthStart => "market.growth_start".to_owned(),
            Self::MarketGrowthEnd => "market.growth_end".to_owned(),
            Self::Halo => "halo".to_owned(),
            Self::Provider(i, param) => {
                let field = match param {
                    ProviderParam::Share => "share",
                    ProviderParam::Drift => "drift",
                    ProviderParam::Margin => "margin",
                    ProviderParam::MarginDrift => "margin_drift",
                    ProviderParam::EvSales => "ev_sales",
                };
                format!("providers[{}].{field}", scenario.provider_name(i))
            }
            Self::Others(param) => {
                let field = match param {
                    OthersParam::Margin => "margin",
                    OthersParam::MarginDrift => "margin_drift",
                    OthersParam::EvSales => "ev_sales",
                };
                format!("others.{field}")
            }
            Self::Workload(i, param) => {
                let name = scenario.workloads.get(i).map_or("?", |w| w.name.as_str());
                format!("workloads[{name}].{}", workload_field(param))
            }
        }
    }

    /// Parses path text against a scenario's provider and workload names.
    pub fn parse(
        text: &str,
        provider_names: &[&str],
        workload_names: &[&str],
    ) -> Result<Self, PathError> {
        let unknown = || PathError::Unknown(text.to_owned());
        match text {
            "market.size" => return Ok(Self::MarketSize),
            "market.growth_start" => return Ok(Self::MarketGrowthStart),
            "market.growth_end" => return Ok(Self::MarketGrowthEnd),
            "halo" => return Ok(Self::Halo),
            "others.margin" => return Ok(Self::Others(OthersParam::Margin)),
            "others.margin_drift" => return Ok(Self::Others(OthersParam::MarginDrift)),
            "others.ev_sales" => return Ok(Self::Others(OthersParam::EvSales)),
            _ => {}
        }
        if let Some(rest) = text.strip_prefix("providers[") {
            let (name, field) = split_indexed(rest).ok_or_else(unknown)?;
            let param = match field {
                "share" => ProviderParam::Share,
                "drift" => ProviderParam::Drift,
                "margin" => ProviderParam::Margin,
                "margin_drift" => ProviderParam::MarginDrift,
                "ev_sales" => ProviderParam::EvSales,
                _ => return Err(unknown()),
            };
            let index = provider_names
                .iter()
                .position(|n| *n == name)
                .ok_or_else(|| PathError::UnknownProvider {
                    path: text.to_owned(),
                    name: name.to_owned(),
                })?;
            return Ok(Self::Provider(index, param));
        }
        if let Some(rest) = text.strip_prefix("workloads[") {
            let (name, field) = split_indexed(rest).ok_or_else(unknown)?;
            let param = WORKLOAD_FIELDS
                .iter()
                .find(|(_, f)| *f == field)
                .map(|(p, _)| *p)
                .ok_or_else(unknown)?;
            let index = workload_names
                .iter()
                .position(|n| *n == name)
                .ok_or_else(|| PathError::UnknownWorkload {
                    path: text.to_owned(),
                    name: name.to_owned(),
                })?;
            return Ok(Self::Workload(index, param));
        }
        Err(unknown())
    }

    /// The input's current value; `None` for placements and an unset workload margin.
    pub fn get(self, scenario: &Scenario) -> Option<f64> {
        Some(match self {
            Self::MarketSize => scenario.market.size_usd_bn,
            Self::MarketGrowthStart => scenario.market.growth_start,
            Self::MarketGrowthEnd => scenario.market.growth_end,
            Self::Halo => scenario.halo,
            Self::Provider(i, param) => {
                let p = scenario.providers.get(i)?;
                match param {
                    ProviderParam::Share => p.share,
                    ProviderParam::Drift => p.drift_per_year,
                    ProviderParam::Margin => p.margin,
                    ProviderParam::MarginDrift => p.margin_drift_per_year,
                    ProviderParam::EvSales => p.ev_sales,
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
    pub fn set(self, scenario: &mut Scenario, value: f64) {
        let slot: Option<&mut f64> = match self {
            Self::MarketSize => Some(&mut scenario.market.size_usd_bn),
            Self::MarketGrowthStart => Some(&mut scenario.market.growth_start),
            Self::MarketGrowthEnd => Some(&mut scenario.market.growth_end),
            Self::Halo => Some(&mut scenario.halo),
            Self::Provider(i, param) => scenario.providers.get_mut(i).map(|p| match param {
                ProviderParam::Share => &mut p.share,
                ProviderParam::Drift => &mut p.drift_per_year,
                ProviderParam::Margin => &mut p.margin,
                ProviderParam::MarginDrift => &mut p.margin_drift_per_year,
                ProviderParam::EvSales => &mut p.ev_sales,
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

    /// The input's valid range (for a single value; sums are checked apart).
    pub fn valid_range(self, scenario: &Scenario) -> ValidRange {
        match self {
            Self::MarketSize | Self::Workload(_, WorkloadParam::Spend) => MONEY_RANGE,
            Self::MarketGrowthStart
            | Self::MarketGrowthEnd
            | Self::Workload(_, WorkloadParam::GrowthStart | WorkloadParam::GrowthEnd) => {
                GROWTH_RANGE
            }
            Self::Halo => HALO_RANGE,
            Self::Provider(_, ProviderParam::Share)
            | Self::Workload(
                _,
                WorkloadParam::Extent
                | WorkloadParam::PlacementBase
                | WorkloadParam::PlacementTarget,
            ) => UNIT_RANGE,
            Self::Provider(_, ProviderParam::Drift | ProviderParam::MarginDrift)
            | Self::Others(OthersParam::MarginDrift) => DRIFT_RANGE,
            Self::Provider(_, ProviderParam::Margin)
            | Self::Others(OthersParam::Margin)
            | Self::Workload(_, WorkloadParam::Margin) => MARGIN_RANGE,
            Self::Provider(_, ProviderParam::EvSales) | Self::Others(OthersParam::EvSales) => {
                EV_SALES_RANGE
            }
            Self::Workload(_, WorkloadParam::StartYear) => {
                ValidRange::new(f64::from(scenario.base_year), LATEST_START_YEAR)
            }
            Self::Workload(_, WorkloadParam::DurationYears) => DURATION_RANGE,
        }
    }

    /// The path after named provider `removed` is deleted: `None` if it pointed at it.
    pub fn after_provider_removed(self, removed: usize) -> Option<Self> {
        match self {
            Self::Provider(i, _) if i == removed => None,
            Self::Provider(i, param) if i > removed => Some(Self::Provider(i - 1, param)),
            other => Some(other),
        }
    }

    /// The path after workload `removed` is deleted: `None` if it pointed at it.
    pub fn after_workload_removed(self, removed: usize) -> Option<Self> {
        match self {
            Self::Workload(i, _) if i == removed => None,
            Self::Workload(i, param) if i > removed => Some(Self::Workload(i - 1, param)),
            other => Some(other),
        }
    }

    /// Every path that can carry a distribution in this scenario, in a stable order.
    pub fn all_uncertain_capable(scenario: &Scenario) -> Vec<Self> {
        let mut paths = vec![Self::MarketGrowthStart, Self::MarketGrowthEnd, Self::Halo];
        for i in 0..scenario.providers.len() {
            for param in [
                ProviderParam::Drift,
                ProviderParam::Margin,
                ProviderParam::MarginDrift,
                ProviderParam::EvSales,
            ] {
                paths.push(Self::Provider(i, param));
            }
        }
        for param in [
            OthersParam::Margin,
            OthersParam::MarginDrift,
            OthersParam::EvSales,
        ] {
            paths.push(Self::Others(param));
        }
        for (i, w) in scenario.workloads.iter().enumerate() {
            for param in [
                WorkloadParam::GrowthStart,
                WorkloadParam::GrowthEnd,
                WorkloadParam::Margin,
                WorkloadParam::Extent,
                WorkloadParam::StartYear,
                WorkloadParam::DurationYears,
            ] {
                if param == WorkloadParam::Margin && w.margin.is_none() {
                    continue;
                }
                paths.push(Self::Workload(i, param));
            }
        }
        paths
    }
}

const WORKLOAD_FIELDS: [(WorkloadParam, &str); 9] = [
    (WorkloadParam::Spend, "spend"),
    (WorkloadParam::GrowthStart, "growth_start"),
    (WorkloadParam::GrowthEnd, "growth_end"),
    (WorkloadParam::Margin, "margin"),
    (WorkloadParam::Extent, "extent"),
    (WorkloadParam::StartYear, "migration.start_year"),
    (WorkloadParam::DurationYears, "migration.duration_years"),
    (WorkloadParam::PlacementBase, "placement_base"),
    (WorkloadParam::PlacementTarget, "placement_target"),
];

fn workload_field(param: WorkloadParam) -> &'static str {
    WORKLOAD_FIELDS
        .iter()
        .find(|(p, _)| *p == param)
        .map_or("?", |(_, f)| f)
}

/// Splits `NAME].field` into `("NAME", "field")`.
fn split_indexed(rest: &str) -> Option<(&str, &str)> {
    let (name, after) = rest.split_once(']')?;
    let field = after.strip_prefix('.')?;
    Some((name, field))
}
