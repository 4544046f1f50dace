//! The RON file format of MODEL.md, field for field, as serde types (no validation here).

use serde::{Deserialize, Serialize};

use super::ordered_map::OrderedMap;
use crate::model::Curve;

/// The newest file version this build reads and writes (saving always writes it).
pub const FORMAT_VERSION: u32 = 2;
/// The oldest file version this build reads.
pub const OLDEST_FORMAT_VERSION: u32 = 1;

/// A scenario file as written on disk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioFile {
    pub version: u32,
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    pub base_year: i32,
    pub horizon_years: u32,
    pub market: MarketFile,
    pub halo: f64,
    /// Version 2, optional: absent means the halo on losses follows `halo`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_some"
    )]
    pub halo_loss: Option<f64>,
    /// Version 2, optional: absent means the defaults of MODEL.md.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_some"
    )]
    pub valuation: Option<ValuationFile>,
    pub providers: Vec<ProviderFile>,
    pub others: OthersFile,
    pub workloads: Vec<WorkloadFile>,
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub uncertainty: OrderedMap<DistributionFile>,
    /// Version 2, optional: rank correlations between uncertain inputs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub correlations: Vec<CorrelationFile>,
    /// Written bare, `monte_carlo: (samples: 10000, seed: 42)`, as MODEL.md shows it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_some"
    )]
    pub monte_carlo: Option<MonteCarloFile>,
    #[serde(default, skip_serializing_if = "OrderedMap::is_empty")]
    pub sources: OrderedMap<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketFile {
    pub size: f64,
    pub growth_start: f64,
    pub growth_end: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProviderFile {
    pub name: String,
    pub color: String,
    pub share: f64,
    pub drift: f64,
    pub margin: f64,
    pub margin_drift: f64,
    pub ev_sales: f64,
    /// Version 2, optional: the listed company that owns the provider.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_some"
    )]
    pub company: Option<CompanyFile>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompanyFile {
    pub name: String,
    pub market_cap: f64,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "bare_some"
    )]
    pub price_move: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ValuationFile {
    pub discount_rate: f64,
    pub tax_rate: f64,
    pub reinvestment_rate: f64,
    pub terminal_growth: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OthersFile {
    #[serde(default = "default_others_name")]
    pub name: String,
    pub color: String,
    pub margin: f64,
    pub margin_drift: f64,
    pub ev_sales: f64,
}

fn default_others_name() -> String {
    "Others".to_owned()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkloadFile {
    pub name: String,
    pub spend: f64,
    pub growth_start: f64,
    pub growth_end: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub margin: Option<f64>,
    pub placement_base: OrderedMap<f64>,
    pub placement_target: OrderedMap<f64>,
    pub extent: f64,
    pub migration: MigrationFile,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MigrationFile {
    pub start_year: f64,
    pub duration_years: f64,
    pub curve: Curve,
}

/// A distribution as the file writes it (placement targets of `Outcomes` by provider name).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum DistributionFile {
    Triangular {
        low: f64,
        high: f64,
    },
    Uniform {
        low: f64,
        high: f64,
    },
    Normal {
        sd: f64,
    },
    /// Version 2.
    Discrete {
        values: Vec<f64>,
        probabilities: Vec<f64>,
    },
    /// Version 2, for `workloads[NAME].placement_target`.
    Outcomes(Vec<OutcomeFile>),
}

/// One alternative placement target: `(probability: 0.6, target: {"AWS": 0.7, ...})`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeFile {
    pub probability: f64,
    pub target: OrderedMap<f64>,
}

/// `(a: "halo", b: "market.growth_start", rho: 0.6)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorrelationFile {
    pub a: String,
    pub b: String,
    pub rho: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonteCarloFile {
    pub samples: u32,
    pub seed: u64,
}

/// Serializes `Some(x)` as `x` (the loader accepts both forms).
#[allow(clippy::ref_option)] // serde's `serialize_with` passes `&Option<T>`
fn bare_some<S: serde::Serializer, T: Serialize>(
    value: &Option<T>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(inner) => inner.serialize(serializer),
        None => serializer.serialize_none(),
    }
}

/// Reads only `version`, ignoring everything else, so a newer file is named as such
/// before its unknown fields are reported.
#[derive(Deserialize)]
pub struct VersionProbe {
    pub version: Option<u64>,
}
