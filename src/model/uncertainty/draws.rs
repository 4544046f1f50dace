//! The random inputs of each Monte Carlo draw: which parameters are uncertain and the value each
//! takes in draw `i` under a seed.
//!
//! Draw `i` gets its own generator, `Pcg64Mcg` seeded from `(seed, i)`, and takes one uniform per
//! uncertain parameter in the scenario's `uncertainty` order. No generator is shared, so a draw's
//! values depend only on the seed and its index: any split of the draws over threads, and any
//! number of passes over them, sees the same inputs.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use super::distributions::sample;
use crate::model::{Distribution, ParamPath, Scenario, ValidRange};

/// One uncertain input, resolved against the scenario.
#[derive(Clone, Copy, Debug)]
pub(super) struct Uncertain {
    pub path: ParamPath,
    pub dist: Distribution,
    pub value: f64,
    pub range: ValidRange,
}

/// The scenario's uncertain inputs in file order (a path without a value is skipped).
pub(super) fn uncertain_inputs(scenario: &Scenario) -> Vec<Uncertain> {
    scenario
        .uncertainty
        .iter()
        .filter_map(|&(path, dist)| {
            let value = path.get(scenario)?;
            Some(Uncertain {
                path,
                dist,
                value,
                range: path.valid_range(scenario),
            })
        })
        .collect()
}

/// The generator of draw `draw` under `seed`: independent of every other draw's.
fn draw_rng(seed: u64, draw: u64) -> Pcg64Mcg {
    // Spread the draw index over all bits (odd multiplier: injective), then let the seeding
    // routine (a PCG32 expansion to 128 bits) decorrelate neighbouring draws.
    Pcg64Mcg::seed_from_u64(seed ^ draw.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// A uniform in the open interval (0, 1) from 53 random bits.
#[inline]
fn open_unit(bits: u64) -> f64 {
    ((bits >> 11) as f64 + 0.5) * (1.0 / (1_u64 << 53) as f64)
}

/// Writes draw `draw`'s values of every uncertain input into `scenario`.
pub(super) fn apply_draw(inputs: &[Uncertain], seed: u64, draw: u64, scenario: &mut Scenario) {
    let mut rng = draw_rng(seed, draw);
    for input in inputs {
        let u = open_unit(rng.next_u64());
        input
            .path
            .set(scenario, sample(input.dist, input.value, u, input.range));
    }
}

/// The values draw `draw` under `seed` gives each uncertain input, in the scenario's order.
pub fn draw_inputs(scenario: &Scenario, seed: u64, draw: u64) -> Vec<(ParamPath, f64)> {
    let mut rng = draw_rng(seed, draw);
    uncertain_inputs(scenario)
        .iter()
        .map(|input| {
            let u = open_unit(rng.next_u64());
            (input.path, sample(input.dist, input.value, u, input.range))
        })
        .collect()
}
