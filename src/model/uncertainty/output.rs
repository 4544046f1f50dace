//! Addressing one model output of one provider — a measure in a calendar year, or a measure
//! without a year (present value, market-cap impact) — shared by sensitivity and solve.

use crate::model::{Measure, Projection, Scenario, ValueMeasure, project_into};

/// Why an output address does not fit the scenario.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OutputError {
    #[error(
        "provider index {index} is out of range (the scenario has {count} providers with Others)"
    )]
    Provider { index: usize, count: usize },
    #[error("year {year} is outside the projection, {first}..={last}")]
    Year { year: i32, first: i32, last: i32 },
    #[error(
        "market_cap_impact needs a company: {provider} has none in the file (add its company: (name, market_cap))"
    )]
    NoCompany { provider: String },
}

/// What to look at for one provider: a measure in one calendar year, or a measure that has no
/// year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    InYear(Measure, i32),
    Whole(ValueMeasure),
}

impl Quantity {
    /// Its key on the command line and in CSV (`revenue`, `market_cap_impact`).
    pub fn key(self) -> &'static str {
        match self {
            Self::InYear(measure, _) => measure.key(),
            Self::Whole(measure) => measure.key(),
        }
    }

    /// The unit people read it in.
    pub fn unit(self) -> crate::model::Unit {
        match self {
            Self::InYear(measure, _) => measure.unit(),
            Self::Whole(measure) => measure.unit(),
        }
    }

    /// Whether it is a fraction (shown as %) rather than money ($B).
    pub fn is_fraction(self) -> bool {
        match self {
            Self::InYear(measure, _) => measure.is_fraction(),
            Self::Whole(measure) => measure.is_fraction(),
        }
    }

    /// Its calendar year, if it has one.
    pub fn year(self) -> Option<i32> {
        match self {
            Self::InYear(_, year) => Some(year),
            Self::Whole(_) => None,
        }
    }
}

/// A checked [`Quantity`] of one provider.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Output {
    pub provider: usize,
    target: Target,
}

#[derive(Clone, Copy, Debug)]
enum Target {
    InYear { measure: Measure, t: usize },
    Whole(ValueMeasure),
}

impl Output {
    /// Checks the provider, the year (where there is one) and, for a market-cap impact, that
    /// the provider has a company.
    pub fn of(
        scenario: &Scenario,
        provider: usize,
        quantity: Quantity,
    ) -> Result<Self, OutputError> {
        let count = scenario.provider_count_with_others();
        if provider >= count {
            return Err(OutputError::Provider {
                index: provider,
                count,
            });
        }
        let target = match quantity {
            Quantity::InYear(measure, year) => {
                let first = scenario.base_year;
                let last = first + scenario.horizon_years as i32;
                if year < first || year > last {
                    return Err(OutputError::Year { year, first, last });
                }
                Target::InYear {
                    measure,
                    t: (year - first) as usize,
                }
            }
            Quantity::Whole(ValueMeasure::MarketCapImpact)
                if scenario.company(provider).is_none() =>
            {
                return Err(OutputError::NoCompany {
                    provider: scenario.provider_name(provider).to_owned(),
                });
            }
            Quantity::Whole(measure) => Target::Whole(measure),
        };
        Ok(Self { provider, target })
    }

    /// The output for `scenario`, running the model into `projection`.
    pub fn evaluate(self, scenario: &Scenario, projection: &mut Projection) -> f64 {
        project_into(scenario, projection);
        self.read(projection)
    }

    /// The output in an existing projection.
    pub fn read(self, projection: &Projection) -> f64 {
        match self.target {
            Target::InYear { measure, t } => projection.value(measure, t, self.provider),
            Target::Whole(measure) => projection.value_measure(measure, self.provider),
        }
        .unwrap_or(f64::NAN)
    }
}
