//! The cloud-market model of MODEL.md: pure functions from a validated scenario to a projection.

pub mod compare;
mod curves;
mod inputs;
mod measure;
mod params;
mod projection;
pub mod uncertainty;

pub use curves::{faded_rate, ramp};
pub use inputs::{
    Curve, Distribution, MAX_HORIZON_YEARS, MAX_PROVIDERS, MAX_WORKLOADS, Market, Migration,
    MonteCarlo, Others, Provider, Rgb, Scenario, Workload,
};
pub use measure::MeasureInfo;
pub use params::{
    DRIFT_RANGE, DURATION_RANGE, EV_SALES_RANGE, GROWTH_RANGE, HALO_RANGE, LATEST_START_YEAR,
    MARGIN_RANGE, MARKET_SIZE_RANGE, MONEY_RANGE, OthersParam, PARAMS, ParamInfo, ParamKind,
    ParamPath, PathError, ProviderParam, Section, UNIT_RANGE, Unit, ValidRange, WorkloadParam,
};
pub use projection::{
    Measure, Projection, ProviderYear, calibrated_rest_shares, project, project_into,
};
