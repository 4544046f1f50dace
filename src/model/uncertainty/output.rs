//! Addressing one model output (provider, measure, calendar year), shared by sensitivity and solve.

use crate::model::{Measure, Projection, Scenario, project_into};

/// Why an output address does not fit the scenario.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OutputError {
    #[error(
        "provider index {index} is out of range (the scenario has {count} providers with Others)"
    )]
    Provider { index: usize, count: usize },
    #[error("year {year} is outside the projection, {first}..={last}")]
    Year { year: i32, first: i32, last: i32 },
}

/// One output of the model: `measure` of provider `provider` in year index `t`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Output {
    pub provider: usize,
    pub measure: Measure,
    pub t: usize,
}

impl Output {
    /// Checks provider index and calendar year against the scenario.
    pub fn new(
        scenario: &Scenario,
        provider: usize,
        measure: Measure,
        year: i32,
    ) -> Result<Self, OutputError> {
        let count = scenario.provider_count_with_others();
        if provider >= count {
            return Err(OutputError::Provider {
                index: provider,
                count,
            });
        }
        let first = scenario.base_year;
        let last = first + scenario.horizon_years as i32;
        if year < first || year > last {
            return Err(OutputError::Year { year, first, last });
        }
        Ok(Self {
            provider,
            measure,
            t: (year - first) as usize,
        })
    }

    /// The output for `scenario`, running the model into `projection`.
    pub fn evaluate(self, scenario: &Scenario, projection: &mut Projection) -> f64 {
        project_into(scenario, projection);
        projection
            .value(self.measure, self.t, self.provider)
            .unwrap_or(f64::NAN)
    }
}
