//! Distributions of uncertain inputs: inverse CDFs, sampling from a uniform, and P10/P90.
//!
//! Every distribution is centred on the parameter's own value `v` (MODEL.md, Uncertainty) and
//! every drawn or quantile value is clamped to the parameter's valid range. Sampling is by
//! inverse CDF from one uniform per parameter and draw, so a draw's value moves continuously
//! when `v` moves (common random numbers: bands change smoothly while a slider is dragged).

use crate::model::{Distribution, ValidRange};

/// The standard normal's 90th percentile, as MODEL.md fixes it for tornado bars.
pub const NORMAL_P90_Z: f64 = 1.281_551_6;

/// The inverse CDF (quantile function) of `dist` centred on `value`, at probability `u`, unclamped.
///
/// `u` is clamped to `[0, 1]`; the normal's quantile at 0 or 1 is infinite (clamping to the valid
/// range then gives its bound). The normal uses [`standard_normal_inverse_cdf`] (full double
/// precision); [`p10_p90`] uses MODEL.md's rounded `v +/- 1.2815516 sd` instead.
///
/// A Discrete distribution gives its value at [`discrete_index`]; Outcomes (not a number) gives
/// `value` itself.
pub fn inverse_cdf(dist: &Distribution, value: f64, u: f64) -> f64 {
    let u = if u.is_nan() { 0.5 } else { u.clamp(0.0, 1.0) };
    match *dist {
        Distribution::Triangular { low, high } => triangular_inverse_cdf(low, value, high, u),
        Distribution::Uniform { low, high } => low + u * (high - low),
        Distribution::Normal { sd } => value + sd * standard_normal_inverse_cdf(u),
        Distribution::Discrete {
            ref values,
            ref probabilities,
        } => values
            .get(discrete_index(probabilities.iter().copied(), u))
            .copied()
            .unwrap_or(value),
        Distribution::Outcomes(_) => value,
    }
}

/// MODEL.md v2's quantile rule for Discrete and Outcomes: the first index, in the order given,
/// whose cumulative probability is at least `u` (the last one if rounding leaves the total a
/// hair below `u`).
#[inline]
pub fn discrete_index(probabilities: impl ExactSizeIterator<Item = f64>, u: f64) -> usize {
    let last = probabilities.len().saturating_sub(1);
    let mut cumulative = 0.0;
    for (i, p) in probabilities.enumerate() {
        cumulative += p;
        if cumulative >= u {
            return i;
        }
    }
    last
}

/// A draw of the parameter from uniform `u` in (0, 1), clamped to its valid range.
///
/// A result that is not a number (only possible from inputs that break MODEL.md's rules) falls
/// back to the parameter's own value, so a draw never feeds NaN into the model.
pub fn sample(dist: &Distribution, value: f64, u: f64, range: ValidRange) -> f64 {
    let drawn = inverse_cdf(dist, value, u);
    let drawn = if drawn.is_nan() { value } else { drawn };
    range.clamp(drawn)
}

/// The `probability` quantile of the distribution centred on `value`, clamped to the valid range
/// (the general inverse CDF; for the tornado's P10 and P90 use [`p10_p90`]).
pub fn quantile(dist: &Distribution, value: f64, probability: f64, range: ValidRange) -> f64 {
    let raw = inverse_cdf(dist, value, probability);
    range.clamp(if raw.is_nan() { value } else { raw })
}

/// The 10th and 90th percentiles MODEL.md's sensitivity uses, each clamped to the valid range:
/// triangular closed form, uniform `a + u (b - a)`, normal exactly `v -/+ 1.2815516 sd`.
pub fn p10_p90(dist: &Distribution, value: f64, range: ValidRange) -> (f64, f64) {
    let (low, high) = match *dist {
        Distribution::Normal { sd } => (value - NORMAL_P90_Z * sd, value + NORMAL_P90_Z * sd),
        _ => (inverse_cdf(dist, value, 0.1), inverse_cdf(dist, value, 0.9)),
    };
    let clamp = |raw: f64| range.clamp(if raw.is_nan() { value } else { raw });
    (clamp(low), clamp(high))
}

/// Inverse CDF of the triangular distribution on `[low, high]` with mode `mode`, at `u` in [0, 1].
///
/// MODEL.md: `a + sqrt(u (b-a)(c-a))` for `u < (c-a)/(b-a)`, else `b - sqrt((1-u)(b-a)(b-c))`.
pub fn triangular_inverse_cdf(low: f64, mode: f64, high: f64, u: f64) -> f64 {
    let width = high - low;
    if width <= 0.0 {
        return mode;
    }
    if u < (mode - low) / width {
        low + (u * width * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - mode)).max(0.0).sqrt()
    }
}

/// The standard normal's inverse CDF at `p`: Wichura's algorithm AS 241 (PPND16), accurate to
/// about 1e-16 relative. `p <= 0` gives negative infinity, `p >= 1` positive infinity.
///
/// The coefficients are the published ones, digit for digit, so the transcription can be checked.
#[allow(clippy::excessive_precision, clippy::unreadable_literal)]
pub fn standard_normal_inverse_cdf(p: f64) -> f64 {
    if p.is_nan() {
        return f64::NAN;
    }
    if p <= 0.0 {
        return f64::NEG_INFINITY;
    }
    if p >= 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180_625 - q * q;
        let num = poly(
            r,
            &[
                3.387_132_872_796_366_608,
                1.331_416_678_917_843_774_5e2,
                1.971_590_950_306_551_442_7e3,
                1.373_169_376_550_946_112_5e4,
                4.592_195_393_154_987_145_7e4,
                6.726_577_092_700_870_085_3e4,
                3.343_057_558_358_812_810_5e4,
                2.509_080_928_730_122_672_7e3,
            ],
        );
        let den = poly(
            r,
            &[
                1.0,
                4.231_333_070_160_091_125_2e1,
                6.871_870_074_920_579_083e2,
                5.394_196_021_424_751_107_7e3,
                2.121_379_430_158_659_586_7e4,
                3.930_789_580_009_271_061e4,
                2.872_908_573_572_194_267_4e4,
                5.226_495_278_852_854_561e3,
            ],
        );
        return q * num / den;
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let mut r = (-tail.ln()).sqrt();
    let magnitude = if r <= 5.0 {
        r -= 1.6;
        poly(
            r,
            &[
                1.423_437_110_749_683_577_34,
                4.630_337_846_156_545_295_9,
                5.769_497_221_460_691_405_5,
                3.647_848_324_763_204_605_04,
                1.270_458_252_452_368_382_58,
                2.417_807_251_774_506_117_7e-1,
                2.272_384_498_926_918_458_33e-2,
                7.745_450_142_783_414_076_4e-4,
            ],
        ) / poly(
            r,
            &[
                1.0,
                2.053_191_626_637_758_821_87,
                1.676_384_830_183_803_849_4,
                6.897_673_349_851_000_045_5e-1,
                1.481_039_764_274_800_745_9e-1,
                1.519_866_656_361_645_719_66e-2,
                5.475_938_084_995_344_946e-4,
                1.050_750_071_644_416_843_24e-9,
            ],
        )
    } else {
        r -= 5.0;
        poly(
            r,
            &[
                6.657_904_643_501_103_777_2,
                5.463_784_911_164_114_369_9,
                1.784_826_539_917_291_335_8,
                2.965_605_718_285_048_912_3e-1,
                2.653_218_952_657_612_309_3e-2,
                1.242_660_947_388_078_438_6e-3,
                2.711_555_568_743_487_578_15e-5,
                2.010_334_399_292_288_132_65e-7,
            ],
        ) / poly(
            r,
            &[
                1.0,
                5.998_322_065_558_879_376_9e-1,
                1.369_298_809_227_358_053_1e-1,
                1.487_536_129_085_061_485_25e-2,
                7.868_691_311_456_132_591e-4,
                1.846_318_317_510_054_681_8e-5,
                1.421_511_758_316_445_888_7e-7,
                2.044_263_103_389_939_785_64e-15,
            ],
        )
    };
    if q < 0.0 { -magnitude } else { magnitude }
}

/// `c[0] + c[1] x + ... ` by Horner's rule.
fn poly(x: f64, coefficients: &[f64]) -> f64 {
    coefficients.iter().rev().fold(0.0, |acc, c| acc * x + c)
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // exact results are the point of these tests
mod tests {
    use super::*;

    const WIDE: ValidRange = ValidRange::new(-1e9, 1e9);

    #[test]
    fn normal_inverse_cdf_matches_reference_values() {
        // Reference values: scipy.stats.norm.ppf / Python's statistics.NormalDist().inv_cdf.
        for (p, z) in [
            (0.5, 0.0),
            (0.9, 1.281_551_565_544_600_4),
            (0.975, 1.959_963_984_540_054),
            (0.05, -1.644_853_626_951_472_2),
            (1e-10, -6.361_340_902_404_056),
            (1e-300, -37.047_096_299_361_2),
        ] {
            let got = standard_normal_inverse_cdf(p);
            assert!(
                (got - z).abs() <= 1e-12 * z.abs().max(1.0),
                "p {p}: {got} vs {z}"
            );
        }
        assert_eq!(standard_normal_inverse_cdf(0.0), f64::NEG_INFINITY);
        assert_eq!(standard_normal_inverse_cdf(1.0), f64::INFINITY);
    }

    #[test]
    fn triangular_quantiles_follow_the_closed_form() {
        // a = 0, c = 1, b = 4: F(c) = 1/4.
        // u = 0.1 < 0.25: 0 + sqrt(0.1 * 4 * 1) = sqrt(0.4)
        let d = Distribution::Triangular {
            low: 0.0,
            high: 4.0,
        };
        let (p10, p90) = p10_p90(&d, 1.0, WIDE);
        assert_eq!(p10, 0.4_f64.sqrt());
        // u = 0.9: 4 - sqrt(0.1 * 4 * 3) = 4 - sqrt(1.2)
        assert!((p90 - (4.0 - 1.2_f64.sqrt())).abs() < 1e-15);
        // At F(c) the inverse is the mode.
        assert_eq!(inverse_cdf(&d, 1.0, 0.25), 1.0);
        // Mode at a bound.
        let left = Distribution::Triangular {
            low: 1.0,
            high: 3.0,
        };
        assert_eq!(inverse_cdf(&left, 1.0, 0.0), 1.0);
        assert_eq!(inverse_cdf(&left, 1.0, 1.0), 3.0);
    }

    #[test]
    fn uniform_and_normal_quantiles_and_clamping() {
        let u = Distribution::Uniform {
            low: 2.0,
            high: 6.0,
        };
        assert_eq!(p10_p90(&u, 100.0, WIDE), (2.4, 5.6));
        assert_eq!(quantile(&u, 100.0, 0.25, WIDE), 3.0);
        let n = Distribution::Normal { sd: 0.2 };
        assert_eq!(
            p10_p90(&n, 0.5, WIDE),
            (0.5 - 1.281_551_6 * 0.2, 0.5 + 1.281_551_6 * 0.2)
        );
        assert!(
            (quantile(&n, 0.5, 0.975, WIDE) - (0.5 + 0.2 * 1.959_963_984_540_054)).abs() < 1e-14
        );
        // Clamped to the valid range.
        let unit = ValidRange::new(0.0, 1.0);
        assert_eq!(p10_p90(&n, 0.05, unit).0, 0.0);
        assert_eq!(sample(&n, 0.95, 0.999_999, unit), 1.0);
        assert_eq!(sample(&n, 0.5, 0.0, unit), 0.0);
    }

    #[test]
    fn discrete_quantiles_take_the_first_value_whose_cumulative_probability_reaches_u() {
        // Cumulative 0.2, 0.7, 1.0 over values in the order given (not sorted).
        let d = Distribution::Discrete {
            values: vec![0.9, 0.1, 0.5],
            probabilities: vec![0.2, 0.5, 0.3],
        };
        assert_eq!(inverse_cdf(&d, 0.0, 0.0), 0.9);
        assert_eq!(inverse_cdf(&d, 0.0, 0.2), 0.9);
        assert_eq!(inverse_cdf(&d, 0.0, 0.200_001), 0.1);
        assert_eq!(inverse_cdf(&d, 0.0, 0.7), 0.1);
        assert_eq!(inverse_cdf(&d, 0.0, 0.75), 0.5);
        assert_eq!(inverse_cdf(&d, 0.0, 1.0), 0.5);
        // P10 is the first value, P90 the last.
        assert_eq!(p10_p90(&d, 0.0, WIDE), (0.9, 0.5));
        // A total a rounding below 1 still gives the last value at u = 1.
        assert_eq!(discrete_index([0.1, 0.2, 0.7 - 1e-12].into_iter(), 1.0), 2);
        assert_eq!(discrete_index([1.0].into_iter(), 0.3), 0);
    }
}
