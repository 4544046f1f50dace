//! Fading growth rates and migration ramps: the two time shapes of the model.

use super::inputs::{Curve, Migration};

/// Growth rate in year `t >= 1` fading linearly from `start` (year 1) to `end` (year `horizon`).
pub fn faded_rate(start: f64, end: f64, t: u32, horizon_years: u32) -> f64 {
    if horizon_years <= 1 {
        return start;
    }
    start + (end - start) * f64::from(t - 1) / f64::from(horizon_years - 1)
}

/// How far a migration has progressed (0..=1) in calendar year `year`, `t` years after the base.
pub fn ramp(migration: &Migration, t: u32, year: f64) -> f64 {
    if t == 0 {
        return 0.0;
    }
    let start = migration.start_year;
    let duration = migration.duration_years;
    if duration == 0.0 {
        return if year >= start { 1.0 } else { 0.0 };
    }
    match migration.curve {
        Curve::Linear => ((year - start) / duration).clamp(0.0, 1.0),
        Curve::SCurve => {
            let x = ((year - start) / duration).clamp(0.0, 1.0);
            x * x * (3.0 - 2.0 * x)
        }
        Curve::Step => {
            if year >= start + duration {
                1.0
            } else {
                0.0
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::float_cmp)] // the expected values are exact in binary floating point
mod tests {
    use super::*;

    fn migration(curve: Curve, start_year: f64, duration_years: f64) -> Migration {
        Migration {
            start_year,
            duration_years,
            curve,
        }
    }

    #[test]
    fn rate_fades_from_start_to_end() {
        assert_eq!(faded_rate(0.2, 0.1, 1, 11), 0.2);
        assert!((faded_rate(0.2, 0.1, 6, 11) - 0.15).abs() < 1e-15);
        assert!((faded_rate(0.2, 0.1, 11, 11) - 0.1).abs() < 1e-15);
        assert_eq!(faded_rate(0.3, 0.1, 1, 1), 0.3);
    }

    #[test]
    fn ramps_follow_their_curves() {
        let linear = migration(Curve::Linear, 2026.0, 4.0);
        assert_eq!(ramp(&linear, 0, 2030.0), 0.0, "year 0 never migrates");
        assert_eq!(ramp(&linear, 1, 2026.0), 0.0);
        assert_eq!(ramp(&linear, 2, 2027.0), 0.25);
        assert_eq!(ramp(&linear, 9, 2034.0), 1.0);
        let s = migration(Curve::SCurve, 2026.0, 4.0);
        // x = 0.25: 0.0625 * 2.5 = 0.15625
        assert_eq!(ramp(&s, 2, 2027.0), 0.156_25);
        assert_eq!(ramp(&s, 3, 2028.0), 0.5);
        let step = migration(Curve::Step, 2026.0, 4.0);
        assert_eq!(ramp(&step, 4, 2029.0), 0.0);
        assert_eq!(ramp(&step, 5, 2030.0), 1.0);
        let instant = migration(Curve::SCurve, 2027.0, 0.0);
        assert_eq!(ramp(&instant, 1, 2026.0), 0.0);
        assert_eq!(ramp(&instant, 2, 2027.0), 1.0);
    }
}
