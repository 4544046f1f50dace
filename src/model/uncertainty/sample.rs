//! The values one output takes in the first draws of a run, in draw order: what a histogram of
//! a single year (or of a value without a year) shows. The draws are the run's own (same seed,
//! same inputs), so the histogram and the bands agree.

use rayon::prelude::*;

use super::draws::{Draws, Scratch};
use super::output::{Output, OutputError, Quantity};
use crate::model::{Projection, Scenario};

/// Draws per work item.
const CHUNK: u64 = 256;

/// `quantity` of provider `provider` in draws `0..draws` under `seed`, in draw order.
pub fn output_values(
    scenario: &Scenario,
    seed: u64,
    draws: u32,
    provider: usize,
    quantity: Quantity,
) -> Result<Vec<f64>, OutputError> {
    let output = Output::of(scenario, provider, quantity)?;
    let inputs = Draws::of(scenario);
    let n = u64::from(draws);
    let chunks: Vec<u64> = (0..n.div_ceil(CHUNK)).collect();
    let values = chunks
        .into_par_iter()
        .map_init(
            || (scenario.clone(), Projection::default(), Scratch::default()),
            |(trial, projection, scratch), chunk| {
                let first = chunk * CHUNK;
                (first..(first + CHUNK).min(n))
                    .map(|draw| {
                        inputs.apply(seed, draw, trial, scratch);
                        output.evaluate(trial, projection)
                    })
                    .collect::<Vec<f64>>()
            },
        )
        .flatten()
        .collect();
    Ok(values)
}
