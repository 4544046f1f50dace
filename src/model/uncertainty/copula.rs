//! Correlated draws (MODEL.md v2, Gaussian copula): the Cholesky factor of the correlation
//! matrix, and the map from a draw's independent uniforms to correlated ones.
//!
//! Each uncertain input's independent uniform `u_i` becomes a standard normal
//! `z_i = Phi^-1(u_i)`; `x = L z` with `L` the lower Cholesky factor of `C` (1 on the diagonal,
//! `rho` for each listed pair); input `i` then takes its quantile at `Phi(x_i)` (a Normal takes
//! `v + sd x_i` directly). Inputs in no pair keep their own uniform untouched, so a scenario
//! without correlations draws exactly as version 1 did.

use super::distributions::standard_normal_inverse_cdf;
use crate::model::{ParamPath, Scenario};

/// The lower-triangular factor `L` of the correlation matrix over the inputs that take part in a
/// correlation: which `uncertainty` entries they are, and `L` row by row.
#[derive(Clone, Debug, PartialEq)]
pub struct CorrelationFactor {
    /// Positions in the scenario's `uncertainty` list of the correlated inputs, ascending.
    pub members: Vec<usize>,
    /// `L[i][j]` for `j <= i`, at `i * n + j` (`n = members.len()`).
    pub lower: Vec<f64>,
}

/// The Cholesky factor for the scenario's correlations; `None` when the matrix is not positive
/// definite ("these correlations cannot hold together") or a path is not uncertain.
/// A scenario without correlations gets an empty factor.
pub fn correlation_factor(scenario: &Scenario) -> Option<CorrelationFactor> {
    let position = |path: ParamPath| scenario.uncertainty.iter().position(|(p, _)| *p == path);
    let mut members: Vec<usize> = Vec::new();
    for c in &scenario.correlations {
        members.push(position(c.a)?);
        members.push(position(c.b)?);
    }
    members.sort_unstable();
    members.dedup();
    let n = members.len();
    let mut matrix = vec![0.0; n * n];
    for i in 0..n {
        matrix[i * n + i] = 1.0;
    }
    for c in &scenario.correlations {
        let i = members.binary_search(&position(c.a)?).ok()?;
        let j = members.binary_search(&position(c.b)?).ok()?;
        matrix[i * n + j] = c.rho;
        matrix[j * n + i] = c.rho;
    }
    let lower = cholesky(&matrix, n)?;
    Some(CorrelationFactor { members, lower })
}

/// The lower Cholesky factor of the symmetric `n`×`n` `matrix` (row-major), or `None` if it is
/// not positive definite (a pivot at or below 1e-10, which also refuses near-singular sets).
pub fn cholesky(matrix: &[f64], n: usize) -> Option<Vec<f64>> {
    let mut lower = vec![0.0; n * n];
    for i in 0..n {
        for j in 0..=i {
            let dot: f64 = (0..j).map(|k| lower[i * n + k] * lower[j * n + k]).sum();
            let a = matrix[i * n + j] - dot;
            if i == j {
                if a.is_nan() || a <= 1e-10 {
                    return None;
                }
                lower[i * n + i] = a.sqrt();
            } else {
                lower[i * n + j] = a / lower[j * n + j];
            }
        }
    }
    Some(lower)
}

/// The standard normal CDF, `Phi(x) = erfc(-x / sqrt 2) / 2` (full double precision).
pub fn standard_normal_cdf(x: f64) -> f64 {
    0.5 * libm::erfc(-x / std::f64::consts::SQRT_2)
}

impl CorrelationFactor {
    /// Whether any input is correlated.
    pub fn is_empty(&self) -> bool {
        self.members.is_empty()
    }

    /// Turns a draw's independent uniforms (one per `uncertainty` entry) into correlated ones,
    /// in place; `normals` receives each member's correlated normal `(L z)_i` (a Normal input
    /// uses it directly), indexed like `members`. `scratch` is reused between draws.
    pub fn correlate(&self, uniforms: &mut [f64], normals: &mut Vec<f64>, scratch: &mut Vec<f64>) {
        let n = self.members.len();
        scratch.clear();
        scratch.extend(
            self.members
                .iter()
                .map(|&m| standard_normal_inverse_cdf(uniforms[m])),
        );
        normals.clear();
        for i in 0..n {
            let row = &self.lower[i * n..=i * n + i];
            let x: f64 = row.iter().zip(scratch.iter()).map(|(l, z)| l * z).sum();
            normals.push(x);
            uniforms[self.members[i]] = standard_normal_cdf(x);
        }
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn cholesky_of_a_two_by_two_correlation() {
        // [[1, r], [r, 1]] = L L^T with L = [[1, 0], [r, sqrt(1 - r^2)]].
        let l = cholesky(&[1.0, 0.6, 0.6, 1.0], 2).unwrap();
        assert_eq!(l[0], 1.0);
        assert_eq!(l[1], 0.0);
        assert!((l[2] - 0.6).abs() < 1e-15);
        assert!((l[3] - 0.8).abs() < 1e-15);
    }

    #[test]
    fn an_impossible_set_of_correlations_has_no_factor() {
        // a~b 0.9, b~c 0.9, a~c -0.9: no three variables correlate so.
        let m = [1.0, 0.9, -0.9, 0.9, 1.0, 0.9, -0.9, 0.9, 1.0];
        assert!(cholesky(&m, 3).is_none());
    }

    #[test]
    fn the_normal_cdf_inverts_the_quantile() {
        for p in [1e-9, 0.001, 0.1, 0.3, 0.5, 0.77, 0.975, 0.999_999] {
            let back = standard_normal_cdf(standard_normal_inverse_cdf(p));
            assert!((back - p).abs() < 1e-14 * p.max(1e-3), "{p} -> {back}");
        }
        assert_eq!(standard_normal_cdf(0.0), 0.5);
    }
}
