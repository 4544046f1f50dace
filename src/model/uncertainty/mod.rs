//! Uncertainty (MODEL.md): distributions, Monte Carlo summaries, tornado sensitivity, goal seek.

mod collected;
mod control;
mod copula;
mod distributions;
mod draws;
mod engine;
mod histogram;
mod layout;
mod output;
mod percentiles;
mod sample;
mod sensitivity;
mod simulate;
mod solve;
mod targets;

pub use copula::{CorrelationFactor, cholesky, correlation_factor, standard_normal_cdf};
pub use distributions::{
    NORMAL_P90_Z, discrete_index, inverse_cdf, p10_p90, quantile, sample,
    standard_normal_inverse_cdf, triangular_inverse_cdf,
};
pub use draws::{draw_inputs, drawn_scenario};
pub use output::{OutputError, Quantity};
pub use percentiles::{PERCENTILE_PROBABILITIES, Stats, percentiles_by_sorting};
pub use sample::output_values;
pub use sensitivity::{TornadoBar, sensitivity, sensitivity_of};
pub use simulate::{
    CHUNK_DRAWS, MAX_SAMPLES, Progress, RunControl, STORE_BUDGET_BYTES, SimulationError,
    SimulationSummary, profile, simulate, value_series,
};
pub use solve::solve_for;
pub use solve::{
    GRID_INTERVALS, STATISTIC_GRID_INTERVALS, SolveError, Statistic, solve, solve_statistic,
    solve_statistic_of, summary_statistic,
};
