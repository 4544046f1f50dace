//! The validated inputs of one scenario: plain data, dense indices, no names in the hot path.
//!
//! A `Scenario` is only ever built by the scenario loader (or edited by code that re-validates),
//! so the model can assume every rule of MODEL.md holds.

use serde::{Deserialize, Serialize};

/// Highest number of named providers a scenario may hold.
pub const MAX_PROVIDERS: usize = 16;
/// Highest number of workloads a scenario may hold.
pub const MAX_WORKLOADS: usize = 16;
/// Highest projection horizon, in years after the base year.
pub const MAX_HORIZON_YEARS: u32 = 50;

/// An sRGB color, stored as `"#RRGGBB"` in files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub [u8; 3]);

impl Rgb {
    /// The `#RRGGBB` form used in files.
    pub fn to_hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02X}{g:02X}{b:02X}")
    }

    /// Parses `#RRGGBB` (case-insensitive); `None` for anything else.
    pub fn from_hex(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        Some(Self([byte(0)?, byte(2)?, byte(4)?]))
    }
}

/// The market as a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Market {
    /// Total market in the base year, $B (`M0`).
    pub size_usd_bn: f64,
    /// Growth of the rest of market in year 1 (fraction per year).
    pub growth_start: f64,
    /// Growth of the rest of market in year H (fraction per year).
    pub growth_end: f64,
}

/// A named cloud provider.
#[derive(Clone, Debug, PartialEq)]
pub struct Provider {
    pub name: String,
    pub color: Rgb,
    /// Reported total market share in the base year, fraction (`T_p`).
    pub share: f64,
    /// Change of its rest-of-market share per year, fraction (`d_p`).
    pub drift_per_year: f64,
    /// Operating margin in the base year, fraction.
    pub margin: f64,
    /// Change of the operating margin per year, fraction.
    pub margin_drift_per_year: f64,
    /// Enterprise value / sales multiple.
    pub ev_sales: f64,
    /// The listed company that owns the provider, if the scenario names one (version 2).
    pub company: Option<Company>,
}

/// The listed company that owns a provider: observations, never uncertain.
#[derive(Clone, Debug, PartialEq)]
pub struct Company {
    /// Its name, unique among the scenario's companies (`Microsoft`).
    pub name: String,
    /// Market capitalisation, $B.
    pub market_cap_usd_bn: f64,
    /// Observed change of its share price over a period the sources name, fraction
    /// (`-0.20` = fell 20%); `None` where the file gives none.
    pub price_move: Option<f64>,
}

/// How a change in operating income is turned into a present value (MODEL.md version 2).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Valuation {
    /// Discount rate `r`, fraction per year.
    pub discount_rate: f64,
    /// Tax rate `tau` on operating income, fraction.
    pub tax_rate: f64,
    /// Share `k` of after-tax operating income reinvested, fraction.
    pub reinvestment_rate: f64,
    /// Growth `g` of the horizon year's cash-flow change after the horizon, fraction per year.
    pub terminal_growth: f64,
}

impl Valuation {
    /// The inputs used when a scenario has no `valuation` block; each is an assumption.
    pub const DEFAULT: Self = Self {
        discount_rate: 0.09,
        tax_rate: 0.21,
        reinvestment_rate: 0.3,
        terminal_growth: 0.03,
    };

    /// Least gap between the discount rate and terminal growth (`g <= r - 0.01`).
    pub const MIN_SPREAD: f64 = 0.01;

    /// Terminal growth as the model uses it: a value above `r - 0.01` (only a Monte Carlo draw or
    /// goal seek can give one; files are checked) is set to `r - 0.01`.
    pub fn terminal_growth_used(self) -> f64 {
        let cap = self.discount_rate - Self::MIN_SPREAD;
        // The tolerance keeps a file's `g = r - 0.01` exactly as written despite rounding.
        if self.terminal_growth > cap + 1e-12 {
            cap
        } else {
            self.terminal_growth
        }
    }
}

/// The residual provider: whatever the named providers leave.
#[derive(Clone, Debug, PartialEq)]
pub struct Others {
    pub name: String,
    pub color: Rgb,
    pub margin: f64,
    pub margin_drift_per_year: f64,
    pub ev_sales: f64,
}

/// How a migration ramps from 0 to 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Curve {
    Linear,
    SCurve,
    Step,
}

impl Curve {
    pub const ALL: [Self; 3] = [Self::Linear, Self::SCurve, Self::Step];

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            Self::Linear => "Linear",
            Self::SCurve => "S-curve",
            Self::Step => "Step",
        }
    }
}

/// When and how a workload's placement moves from base to target.
#[derive(Clone, Debug, PartialEq)]
pub struct Migration {
    /// Calendar year the shift starts (`s_w`); real-valued so it can be uncertain.
    pub start_year: f64,
    /// Years the shift takes (`D_w`); real-valued so it can be uncertain.
    pub duration_years: f64,
    pub curve: Curve,
}

/// A large tenant whose compute spend is placed across providers.
#[derive(Clone, Debug, PartialEq)]
pub struct Workload {
    pub name: String,
    /// Cloud spend in the base year, $B (`S_w0`).
    pub spend_usd_bn: f64,
    pub growth_start: f64,
    pub growth_end: f64,
    /// Operating margin providers earn on this workload; `None`: each provider's own margin.
    pub margin: Option<f64>,
    /// Fraction of spend on each provider in the base year; index `providers.len()` is Others.
    pub placement_base: Vec<f64>,
    /// Fraction of spend on each provider once migrated; index `providers.len()` is Others.
    pub placement_target: Vec<f64>,
    /// How much of the base-to-target shift happens, fraction (`e_w`).
    pub extent: f64,
    pub migration: Migration,
}

/// A probability distribution centred on a parameter's own value.
#[derive(Clone, Debug, PartialEq)]
pub enum Distribution {
    /// Mode at the parameter's value; `low <= value <= high`, `low < high`.
    Triangular { low: f64, high: f64 },
    /// `low < high`; the value need not be inside.
    Uniform { low: f64, high: f64 },
    /// Mean at the parameter's value, `sd > 0`.
    Normal { sd: f64 },
    /// Version 2: `values[i]` with probability `probabilities[i]` (1..=32 values, in the valid
    /// range; probabilities > 0 summing to 1). The quantile at `u` is the first value, in the
    /// order given, whose cumulative probability reaches `u`.
    Discrete {
        values: Vec<f64>,
        probabilities: Vec<f64>,
    },
    /// Version 2, for `workloads[NAME].placement_target` only: alternative placement targets
    /// with probabilities (1..=16, summing to 1); a draw picks one by the quantile rule above.
    Outcomes(Vec<Outcome>),
}

/// One alternative placement target of an [`Distribution::Outcomes`] input.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Its probability, in (0, 1].
    pub probability: f64,
    /// Fraction of the workload on each provider (Others last), summing to 1.
    pub target: Vec<f64>,
}

impl Distribution {
    /// The probabilities of a Discrete or Outcomes distribution, in order (`None` otherwise).
    pub fn probabilities(&self) -> Option<Vec<f64>> {
        match self {
            Self::Discrete { probabilities, .. } => Some(probabilities.clone()),
            Self::Outcomes(outcomes) => Some(outcomes.iter().map(|o| o.probability).collect()),
            _ => None,
        }
    }

    /// Its name as the file writes it (`Triangular`, `Discrete`...).
    pub fn name(&self) -> &'static str {
        match self {
            Self::Triangular { .. } => "Triangular",
            Self::Uniform { .. } => "Uniform",
            Self::Normal { .. } => "Normal",
            Self::Discrete { .. } => "Discrete",
            Self::Outcomes(_) => "Outcomes",
        }
    }
}

/// A rank correlation between two uncertain inputs (Gaussian copula, MODEL.md v2).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Correlation {
    pub a: crate::model::ParamPath,
    pub b: crate::model::ParamPath,
    /// The normal copula's correlation, in -0.99..=0.99.
    pub rho: f64,
}

/// Largest |rho| a correlation may take.
pub const MAX_ABS_RHO: f64 = 0.99;

/// Monte Carlo settings saved with a scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonteCarlo {
    pub samples: u32,
    pub seed: u64,
}

impl Default for MonteCarlo {
    fn default() -> Self {
        Self {
            samples: 10_000,
            seed: 42,
        }
    }
}

/// A complete, validated scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    pub name: String,
    pub description: String,
    pub base_year: i32,
    pub horizon_years: u32,
    pub market: Market,
    /// Rest-of-market dollars won per dollar of workload revenue won (`h`).
    pub halo: f64,
    /// Rest-of-market dollars lost per dollar of workload revenue lost (`h_L`); `None`: follows
    /// `halo` (version 1 behaviour, and in every Monte Carlo draw).
    pub halo_loss: Option<f64>,
    /// Discount rate, tax, reinvestment and terminal growth; `None`: [`Valuation::DEFAULT`].
    pub valuation: Option<Valuation>,
    pub providers: Vec<Provider>,
    pub others: Others,
    pub workloads: Vec<Workload>,
    /// Uncertain parameters in file order, keyed by parameter path.
    pub uncertainty: Vec<(crate::model::ParamPath, Distribution)>,
    /// Version 2: correlations between uncertain inputs (empty: independent draws).
    pub correlations: Vec<Correlation>,
    pub monte_carlo: Option<MonteCarlo>,
    /// Where each input comes from, keyed by parameter path (file order kept).
    pub sources: Vec<(crate::model::ParamPath, String)>,
}

impl Scenario {
    /// Named providers plus Others.
    pub fn provider_count_with_others(&self) -> usize {
        self.providers.len() + 1
    }

    /// Index of Others in per-provider vectors.
    pub fn others_index(&self) -> usize {
        self.providers.len()
    }

    /// Name of provider `index` (Others at `others_index()`).
    pub fn provider_name(&self, index: usize) -> &str {
        self.providers
            .get(index)
            .map_or(self.others.name.as_str(), |p| p.name.as_str())
    }

    /// Color of provider `index` (Others at `others_index()`).
    pub fn provider_color(&self, index: usize) -> Rgb {
        self.providers
            .get(index)
            .map_or(self.others.color, |p| p.color)
    }

    /// EV/sales multiple of provider `index` (Others at `others_index()`).
    pub fn provider_ev_sales(&self, index: usize) -> f64 {
        self.providers
            .get(index)
            .map_or(self.others.ev_sales, |p| p.ev_sales)
    }

    /// The halo on losses the model uses: `halo_loss` where set, else `halo`.
    pub fn halo_loss_used(&self) -> f64 {
        self.halo_loss.unwrap_or(self.halo)
    }

    /// The valuation inputs the model uses: the file's, else the defaults.
    pub fn valuation_used(&self) -> Valuation {
        self.valuation.unwrap_or(Valuation::DEFAULT)
    }

    /// Whether the valuation inputs are the defaults because the file gives none (the app shows
    /// them as assumptions).
    pub fn valuation_is_default(&self) -> bool {
        self.valuation.is_none()
    }

    /// The company that owns provider `index`, if any (Others never has one).
    pub fn company(&self, index: usize) -> Option<&Company> {
        self.providers.get(index)?.company.as_ref()
    }

    /// Index of the provider (Others included) with this name.
    pub fn provider_index(&self, name: &str) -> Option<usize> {
        if name == self.others.name {
            return Some(self.others_index());
        }
        self.providers.iter().position(|p| p.name == name)
    }

    /// Index of the workload with this name.
    pub fn workload_index(&self, name: &str) -> Option<usize> {
        self.workloads.iter().position(|w| w.name == name)
    }

    /// Calendar years covered, base year first.
    pub fn years(&self) -> impl Iterator<Item = i32> + '_ {
        (0..=self.horizon_years as i32).map(move |t| self.base_year + t)
    }

    /// The source note for a parameter, if the file gives one.
    pub fn source(&self, path: crate::model::ParamPath) -> Option<&str> {
        self.sources
            .iter()
            .find(|(key, _)| *key == path)
            .map(|(_, text)| text.as_str())
    }

    /// The distribution of an uncertain parameter, if the file gives one.
    pub fn distribution(&self, path: crate::model::ParamPath) -> Option<&Distribution> {
        self.uncertainty
            .iter()
            .find(|(key, _)| *key == path)
            .map(|(_, dist)| dist)
    }
}
