//! The cloud-market model of MODEL.md: pure functions from a validated scenario to a projection.

pub mod compare;
mod curves;
mod diagnostics;
mod inputs;
mod measure;
mod params;
mod priced_in;
mod projection;
pub mod uncertainty;
mod valuation;

pub use curves::{faded_rate, ramp};
pub use diagnostics::{Diagnostic, LimitYears, ModelLimit, diagnostics};
pub use inputs::{
    Company, Correlation, Curve, Distribution, MAX_ABS_RHO, MAX_HORIZON_YEARS, MAX_PROVIDERS,
    MAX_WORKLOADS, Market, Migration, MonteCarlo, Others, Outcome, Provider, Rgb, Scenario,
    Valuation, Workload,
};
pub use measure::MeasureInfo;
pub use params::{
    DISCOUNT_RATE_RANGE, DRIFT_RANGE, DURATION_RANGE, EV_SALES_RANGE, GROWTH_RANGE, HALO_RANGE,
    LATEST_START_YEAR, MARGIN_RANGE, MARKET_CAP_RANGE, MARKET_SIZE_RANGE, MONEY_RANGE, OthersParam,
    PARAMS, PRICE_MOVE_RANGE, ParamInfo, ParamKind, ParamPath, PathError, ProviderParam, Section,
    TAX_RATE_RANGE, TERMINAL_GROWTH_RANGE, UNIT_RANGE, Unit, ValidRange, ValuationParam,
    WorkloadParam,
};
pub use priced_in::{
    PricedIn, PricedInError, default_priced_in_input, priced_in, priced_in_sentence,
};
pub use projection::{
    Measure, Projection, ProviderYear, ValueMeasure, calibrated_rest_shares, project, project_into,
};
pub use valuation::{cash_flow_delta, present_value};
