//! Uncertainty (MODEL.md): distributions, Monte Carlo summaries, tornado sensitivity, goal seek.

mod distributions;
mod output;
mod percentiles;
mod sensitivity;
mod simulate;
mod solve;

pub use distributions::{
    NORMAL_P90_Z, inverse_cdf, p10_p90, quantile, sample, standard_normal_inverse_cdf,
    triangular_inverse_cdf,
};
pub use output::{OutputError, Quantity};
pub use percentiles::{PERCENTILE_PROBABILITIES, Stats, percentiles_by_sorting};
pub use sensitivity::{TornadoBar, sensitivity, sensitivity_of};
pub use simulate::{
    CHUNK_DRAWS, MAX_SAMPLES, Progress, RunControl, STORE_BUDGET_BYTES, SimulationError,
    SimulationSummary, draw_inputs, profile, simulate,
};
pub use solve::{GRID_INTERVALS, SolveError, solve, solve_for};
