//! The unit an input is read in by people (percent, points a year, $B, ×, years), with the factor
//! from the model's own units (fractions inside, percent on screen) and the text it reads as.

/// How an input is shown: the unit on screen and the factor from model units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// A fraction shown as percent.
    Percent,
    /// A fraction per year shown as percentage points a year.
    PointsPerYear,
    /// Billions of US dollars (logarithmic sliders).
    UsdBn,
    /// A multiple (EV/sales, halo).
    Times,
    /// A calendar year.
    Year,
    /// A number of years, in half years.
    Years,
    /// A whole number (of years, of draws).
    WholeYears,
}

impl Unit {
    /// The screen value of a model value (`0.29` → `29.0` for percent).
    pub fn to_screen(self, model_value: f64) -> f64 {
        match self {
            Self::Percent | Self::PointsPerYear => model_value * 100.0,
            _ => model_value,
        }
    }

    /// The model value of a screen value, rounded to the decimals shown on screen.
    pub fn to_model(self, screen_value: f64) -> f64 {
        self.round_model(self.to_model_exact(screen_value), 0)
    }

    /// Model value of a screen value, without rounding (distribution bounds and spreads).
    pub fn to_model_exact(self, screen_value: f64) -> f64 {
        match self {
            Self::Percent | Self::PointsPerYear => screen_value / 100.0,
            _ => screen_value,
        }
    }

    /// `model_value` rounded to what its slider shows, plus `extra` decimals (so a value typed or
    /// dragged on screen reaches the file as `0.584`, not `0.5843750834465027`).
    pub fn round_model(self, model_value: f64, extra: usize) -> f64 {
        let decimals = i32::try_from(self.decimals() + extra).unwrap_or(6);
        let scale = 10_f64.powi(decimals);
        let screen = (self.to_screen(model_value) * scale).round() / scale;
        let rounded = self.to_model_exact(screen);
        if rounded.is_finite() {
            rounded
        } else {
            model_value
        }
    }

    /// Decimals shown on screen.
    pub fn decimals(self) -> usize {
        match self {
            Self::Percent | Self::UsdBn | Self::Times | Self::Years => 1,
            Self::PointsPerYear => 2,
            Self::Year | Self::WholeYears => 0,
        }
    }

    /// Text after the number on a slider.
    pub fn suffix(self) -> &'static str {
        match self {
            Self::Percent => "%",
            Self::PointsPerYear => " pts/yr",
            Self::UsdBn => "B",
            Self::Times => "×",
            Self::Year => "",
            Self::Years | Self::WholeYears => " yr",
        }
    }

    /// Whether the model value is a fraction (or a fraction per year).
    pub fn is_fraction(self) -> bool {
        matches!(self, Self::Percent | Self::PointsPerYear)
    }

    /// A model value as people read it: `29.0%`, `-0.50 pts/yr`, `$419.0B`, `8.0×`, `2026`.
    pub fn format(self, model_value: f64) -> String {
        let decimals = self.decimals();
        let screen = self.to_screen(model_value);
        match self {
            Self::UsdBn => format!("${screen:.decimals$}B"),
            _ => format!("{screen:.decimals$}{}", self.suffix()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::float_cmp)] // rounding to exact decimals is the point
    fn values_read_in_their_units() {
        assert_eq!(Unit::PointsPerYear.format(-0.005), "-0.50 pts/yr");
        assert_eq!(Unit::Percent.format(0.29), "29.0%");
        assert_eq!(Unit::UsdBn.format(419.0), "$419.0B");
        assert_eq!(Unit::Times.format(0.5), "0.5×");
        assert_eq!(Unit::Year.format(2026.0), "2026");
        assert_eq!(Unit::Years.format(3.0), "3.0 yr");
        assert!((Unit::Percent.to_model(29.0) - 0.29).abs() < 1e-15);
        assert!((Unit::Year.to_model(2026.4) - 2026.0).abs() < f64::EPSILON);
        assert_eq!(Unit::Percent.round_model(0.584_375_083_446_502_7, 0), 0.584);
        assert_eq!(Unit::Percent.round_model(0.240_000_000_000_000_02, 1), 0.24);
        assert_eq!(Unit::UsdBn.round_model(1e300, 1), 1e300);
    }
}
