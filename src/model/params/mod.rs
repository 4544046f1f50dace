//! Parameter paths (`providers[AWS].drift`): naming, reading, writing and valid ranges of inputs,
//! all read from the one table of inputs ([`table::PARAMS`]).
//!
//! Paths hold indices, not names, so renaming a provider keeps its sources and distributions;
//! they are turned into text (and back) against a scenario's names.

mod table;
mod unit;

pub use table::{
    DISCOUNT_RATE_RANGE, DRIFT_RANGE, DURATION_RANGE, EV_SALES_RANGE, GROWTH_RANGE, HALO_RANGE,
    LATEST_START_YEAR, MARGIN_RANGE, MARKET_CAP_RANGE, MARKET_SIZE_RANGE, MONEY_RANGE, OthersParam,
    PARAMS, PRICE_MOVE_RANGE, ParamInfo, ParamKind, ProviderParam, Section, TAX_RATE_RANGE,
    TERMINAL_GROWTH_RANGE, UNIT_RANGE, ValidRange, ValuationParam, WorkloadParam,
};
pub use unit::Unit;

use super::inputs::Scenario;

/// One input of a scenario, addressed by index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ParamPath {
    MarketSize,
    MarketGrowthStart,
    MarketGrowthEnd,
    Halo,
    HaloLoss,
    Valuation(ValuationParam),
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

impl ParamPath {
    /// Which input this is, without its owner.
    pub fn kind(self) -> ParamKind {
        match self {
            Self::MarketSize => ParamKind::MarketSize,
            Self::MarketGrowthStart => ParamKind::MarketGrowthStart,
            Self::MarketGrowthEnd => ParamKind::MarketGrowthEnd,
            Self::Halo => ParamKind::Halo,
            Self::HaloLoss => ParamKind::HaloLoss,
            Self::Valuation(param) => ParamKind::Valuation(param),
            Self::Provider(_, param) => ParamKind::Provider(param),
            Self::Others(param) => ParamKind::Others(param),
            Self::Workload(_, param) => ParamKind::Workload(param),
        }
    }

    /// The path of `kind` for provider or workload `index` (ignored where the kind has no owner).
    pub fn of(kind: ParamKind, index: usize) -> Self {
        match kind {
            ParamKind::MarketSize => Self::MarketSize,
            ParamKind::MarketGrowthStart => Self::MarketGrowthStart,
            ParamKind::MarketGrowthEnd => Self::MarketGrowthEnd,
            ParamKind::Halo => Self::Halo,
            ParamKind::HaloLoss => Self::HaloLoss,
            ParamKind::Valuation(param) => Self::Valuation(param),
            ParamKind::Provider(param) => Self::Provider(index, param),
            ParamKind::Others(param) => Self::Others(param),
            ParamKind::Workload(param) => Self::Workload(index, param),
        }
    }

    /// This input's row of the table of inputs.
    pub fn info(self) -> &'static ParamInfo {
        self.kind().info()
    }

    /// Whether the Uncertainty section allows a distribution on this path.
    pub fn can_be_uncertain(self) -> bool {
        self.info().uncertain
    }

    /// What the input means, in one sentence.
    pub fn meaning(self) -> &'static str {
        self.info().meaning
    }

    /// The unit the input is read in by people.
    pub fn unit(self) -> Unit {
        self.info().unit
    }

    /// Whether the model value is a fraction (shown as percent or points).
    pub fn is_fraction(self) -> bool {
        self.unit().is_fraction()
    }

    /// Name for people, as on its slider: `Market size`, `AWS drift`, `OpenAI migration start`.
    pub fn label(self, scenario: &Scenario) -> String {
        let label = self.info().label;
        match self {
            Self::Provider(i, ProviderParam::MarketCap | ProviderParam::PriceMove) => {
                match scenario.company(i) {
                    Some(company) => format!("{} {label}", company.name),
                    None => format!("{} company {label}", scenario.provider_name(i)),
                }
            }
            Self::Provider(i, _) => format!("{} {label}", scenario.provider_name(i)),
            Self::Others(_) => format!("{} {label}", scenario.others.name),
            Self::Workload(i, _) => {
                let name = scenario.workloads.get(i).map_or("?", |w| w.name.as_str());
                format!("{name} {label}")
            }
            _ => label.to_owned(),
        }
    }

    /// Path text against this scenario's names, e.g. `workloads[OpenAI].migration.start_year`.
    pub fn to_text(self, scenario: &Scenario) -> String {
        let field = self.info().field;
        match self {
            Self::Provider(i, _) => format!("providers[{}].{field}", scenario.provider_name(i)),
            Self::Others(_) => format!("others.{field}"),
            Self::Workload(i, _) => {
                let name = scenario.workloads.get(i).map_or("?", |w| w.name.as_str());
                format!("workloads[{name}].{field}")
            }
            _ => field.to_owned(),
        }
    }

    /// Parses path text against a scenario's provider and workload names.
    pub fn parse(
        text: &str,
        provider_names: &[&str],
        workload_names: &[&str],
    ) -> Result<Self, PathError> {
        let unknown = || PathError::Unknown(text.to_owned());
        let field_of = |field: &str, owner: fn(ParamKind) -> bool| {
            PARAMS
                .iter()
                .find(|row| owner(row.kind) && row.field == field)
                .map(|row| row.kind)
        };
        if let Some(kind) = field_of(text, ParamKind::is_scenario_wide) {
            return Ok(Self::of(kind, 0));
        }
        if let Some(field) = text.strip_prefix("others.") {
            let kind = field_of(field, |k| matches!(k, ParamKind::Others(_)));
            return kind.map(|k| Self::of(k, 0)).ok_or_else(unknown);
        }
        let (names, owner, rest): (&[&str], fn(ParamKind) -> bool, _) =
            if let Some(rest) = text.strip_prefix("providers[") {
                (
                    provider_names,
                    |k| matches!(k, ParamKind::Provider(_)),
                    rest,
                )
            } else if let Some(rest) = text.strip_prefix("workloads[") {
                (
                    workload_names,
                    |k| matches!(k, ParamKind::Workload(_)),
                    rest,
                )
            } else {
                return Err(unknown());
            };
        let (name, field) = split_indexed(rest).ok_or_else(unknown)?;
        let kind = field_of(field, owner).ok_or_else(unknown)?;
        let Some(index) = names.iter().position(|n| *n == name) else {
            let (path, name) = (text.to_owned(), name.to_owned());
            return Err(if matches!(kind, ParamKind::Provider(_)) {
                PathError::UnknownProvider { path, name }
            } else {
                PathError::UnknownWorkload { path, name }
            });
        };
        Ok(Self::of(kind, index))
    }

    /// The input's valid range (for a single value; sums are checked apart).
    pub fn valid_range(self, scenario: &Scenario) -> ValidRange {
        let range = self.info().range;
        match self {
            Self::Workload(_, WorkloadParam::StartYear) => {
                ValidRange::new(f64::from(scenario.base_year), range.max)
            }
            _ => range,
        }
    }

    /// The comfortable range of the input's slider, in model units (a start year's spans the
    /// projected years).
    pub fn slider_range(self, scenario: &Scenario) -> (f64, f64) {
        match self {
            Self::Workload(_, WorkloadParam::StartYear) => {
                let first = f64::from(scenario.base_year);
                (first, first + f64::from(scenario.horizon_years))
            }
            _ => self.info().slider,
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

    /// Whether the scenario has this input: `false` for a company field of a provider without a
    /// company, a price move the file leaves out, an unset halo on losses or workload margin.
    /// Placements are always present.
    pub fn is_present(self, scenario: &Scenario) -> bool {
        match self {
            Self::Workload(w, WorkloadParam::PlacementBase | WorkloadParam::PlacementTarget) => {
                w < scenario.workloads.len()
            }
            _ => self.get(scenario).is_some(),
        }
    }

    /// Every input of this scenario in file order: the market and halo, each named provider's,
    /// Others', each workload's (placements included; an unset workload margin too).
    pub fn all(scenario: &Scenario) -> Vec<Self> {
        let owned = |owner: fn(ParamKind) -> bool| PARAMS.iter().filter(move |r| owner(r.kind));
        let mut paths: Vec<Self> = owned(ParamKind::is_scenario_wide)
            .map(|r| Self::of(r.kind, 0))
            .collect();
        for i in 0..scenario.providers.len() {
            paths.extend(
                owned(|k| matches!(k, ParamKind::Provider(_))).map(|r| Self::of(r.kind, i)),
            );
        }
        paths.extend(owned(|k| matches!(k, ParamKind::Others(_))).map(|r| Self::of(r.kind, 0)));
        for w in 0..scenario.workloads.len() {
            paths.extend(
                owned(|k| matches!(k, ParamKind::Workload(_))).map(|r| Self::of(r.kind, w)),
            );
        }
        paths
    }

    /// The paths of this scenario whose rows belong to `section`, in file order.
    pub fn in_section(scenario: &Scenario, section: Section) -> Vec<Self> {
        Self::all(scenario)
            .into_iter()
            .filter(|p| p.info().section == section)
            .collect()
    }

    /// Every path that can carry a distribution in this scenario, in a stable order.
    pub fn all_uncertain_capable(scenario: &Scenario) -> Vec<Self> {
        Self::all(scenario)
            .into_iter()
            .filter(|p| p.can_be_uncertain() && p.get(scenario).is_some())
            .collect()
    }

    /// Every input that can carry a source: the base-year figures, company figures and
    /// placements first, then every uncertain-capable one.
    pub fn all_sourced(scenario: &Scenario) -> Vec<Self> {
        let all = Self::all(scenario);
        let mut paths: Vec<Self> = all
            .iter()
            .copied()
            .filter(|p| !p.can_be_uncertain() && p.is_present(scenario))
            .collect();
        paths.extend(Self::all_uncertain_capable(scenario));
        paths
    }
}

impl ParamKind {
    /// Whether the input belongs to the whole scenario (no provider or workload owns it).
    pub fn is_scenario_wide(self) -> bool {
        matches!(
            self,
            Self::MarketSize
                | Self::MarketGrowthStart
                | Self::MarketGrowthEnd
                | Self::Halo
                | Self::HaloLoss
                | Self::Valuation(_)
        )
    }
}

/// Splits `NAME].field` into `("NAME", "field")`.
fn split_indexed(rest: &str) -> Option<(&str, &str)> {
    let (name, after) = rest.split_once(']')?;
    let field = after.strip_prefix('.')?;
    Some((name, field))
}
