//! The random inputs of each Monte Carlo draw: which parameters are uncertain and the value each
//! takes in draw `i` under a seed.
//!
//! Draw `i` gets its own generator, `Pcg64Mcg` seeded from `(seed, i)`, and takes one uniform per
//! uncertain parameter in the scenario's `uncertainty` order. No generator is shared, so a draw's
//! values depend only on the seed and its index: any split of the draws over threads, and any
//! number of passes over them, sees the same inputs. Correlated inputs then pass their uniforms
//! through the Gaussian copula ([`super::copula`]); an `Outcomes` input picks one placement
//! target by its uniform.

use rand::{Rng, SeedableRng};
use rand_pcg::Pcg64Mcg;

use super::copula::{CorrelationFactor, correlation_factor};
use super::distributions::{discrete_index, sample};
use crate::model::{Distribution, ParamPath, Scenario, ValidRange, WorkloadParam};

/// One uncertain input, resolved against the scenario.
#[derive(Clone, Debug)]
pub(super) struct Uncertain {
    pub path: ParamPath,
    pub dist: Distribution,
    /// The parameter's own value (0 for a placement target, which is not a number).
    pub value: f64,
    pub range: ValidRange,
}

/// What every draw of one run draws: the uncertain inputs and their correlations.
#[derive(Clone, Debug)]
pub(super) struct Draws {
    pub inputs: Vec<Uncertain>,
    factor: CorrelationFactor,
}

/// Reusable buffers of one worker's draws.
#[derive(Default)]
pub(super) struct Scratch {
    uniforms: Vec<f64>,
    normals: Vec<f64>,
    work: Vec<f64>,
}

impl Draws {
    /// The scenario's uncertain inputs in file order (a path without a value is skipped) and
    /// its correlations (a set that cannot hold together, refused by the checker, is dropped).
    pub fn of(scenario: &Scenario) -> Self {
        let inputs = scenario
            .uncertainty
            .iter()
            .filter_map(|(path, dist)| {
                let value = match (path, dist) {
                    (ParamPath::Workload(_, WorkloadParam::PlacementTarget), _) => 0.0,
                    _ => path.get(scenario)?,
                };
                Some(Uncertain {
                    path: *path,
                    dist: dist.clone(),
                    value,
                    range: path.valid_range(scenario),
                })
            })
            .collect::<Vec<_>>();
        let factor = if inputs.len() == scenario.uncertainty.len() {
            correlation_factor(scenario)
        } else {
            None
        };
        Self {
            inputs,
            factor: factor.unwrap_or(CorrelationFactor {
                members: Vec::new(),
                lower: Vec::new(),
            }),
        }
    }

    /// Writes draw `draw`'s values of every uncertain input into `scenario`.
    pub fn apply(&self, seed: u64, draw: u64, scenario: &mut Scenario, scratch: &mut Scratch) {
        let mut rng = draw_rng(seed, draw);
        if self.factor.is_empty() {
            for input in &self.inputs {
                let u = open_unit(rng.next_u64());
                set(input, u, None, scenario);
            }
            return;
        }
        scratch.uniforms.clear();
        scratch
            .uniforms
            .extend(self.inputs.iter().map(|_| open_unit(rng.next_u64())));
        self.factor.correlate(
            &mut scratch.uniforms,
            &mut scratch.normals,
            &mut scratch.work,
        );
        let mut member = 0;
        for (i, input) in self.inputs.iter().enumerate() {
            let normal = if self.factor.members.get(member) == Some(&i) {
                member += 1;
                scratch.normals.get(member - 1).copied()
            } else {
                None
            };
            set(input, scratch.uniforms[i], normal, scenario);
        }
    }

    /// The values draw `draw` gives each scalar input (an `Outcomes` input gives the 1-based
    /// number of the outcome picked), in the scenario's order.
    pub fn values(&self, seed: u64, draw: u64, scenario: &Scenario) -> Vec<(ParamPath, f64)> {
        let mut trial = scenario.clone();
        self.apply(seed, draw, &mut trial, &mut Scratch::default());
        self.inputs
            .iter()
            .map(|input| {
                let value = match (&input.dist, input.path) {
                    (
                        Distribution::Outcomes(outcomes),
                        ParamPath::Workload(w, WorkloadParam::PlacementTarget),
                    ) => {
                        let target = trial.workloads.get(w).map(|w| &w.placement_target);
                        outcomes
                            .iter()
                            .position(|o| Some(&o.target) == target)
                            .map_or(f64::NAN, |k| (k + 1) as f64)
                    }
                    _ => input.path.get(&trial).unwrap_or(f64::NAN),
                };
                (input.path, value)
            })
            .collect()
    }
}

/// Sets one input from its uniform `u` (a correlated Normal from its copula normal directly).
#[inline]
fn set(input: &Uncertain, u: f64, normal: Option<f64>, scenario: &mut Scenario) {
    match &input.dist {
        Distribution::Outcomes(outcomes) => {
            if let ParamPath::Workload(w, _) = input.path {
                let probabilities = outcomes.iter().map(|o| o.probability);
                let k = discrete_index(probabilities, u);
                if let (Some(outcome), Some(workload)) =
                    (outcomes.get(k), scenario.workloads.get_mut(w))
                    && outcome.target.len() == workload.placement_target.len()
                {
                    workload.placement_target.copy_from_slice(&outcome.target);
                }
            }
        }
        Distribution::Normal { sd } if normal.is_some() => {
            let drawn = input.value + sd * normal.unwrap_or(0.0);
            let drawn = if drawn.is_nan() { input.value } else { drawn };
            input.path.set(scenario, input.range.clamp(drawn));
        }
        dist => input
            .path
            .set(scenario, sample(dist, input.value, u, input.range)),
    }
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

/// The values draw `draw` under `seed` gives each uncertain input, in the scenario's order (an
/// `Outcomes` input: the 1-based number of the outcome picked).
pub fn draw_inputs(scenario: &Scenario, seed: u64, draw: u64) -> Vec<(ParamPath, f64)> {
    Draws::of(scenario).values(seed, draw, scenario)
}

/// The scenario as draw `draw` under `seed` sees it: every uncertain input at its drawn value,
/// an `Outcomes` input's placement target at the outcome picked.
pub fn drawn_scenario(scenario: &Scenario, seed: u64, draw: u64) -> Scenario {
    let mut trial = scenario.clone();
    Draws::of(scenario).apply(seed, draw, &mut trial, &mut Scratch::default());
    trial
}
