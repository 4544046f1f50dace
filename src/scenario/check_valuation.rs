//! The version 2 value rules that span fields: terminal growth at least a point below the
//! discount rate, and company names valid and unique (one provider per company). Single values
//! (ranges) are checked from the table of inputs with every other input.

use super::check::check_values;
use super::error::ValidationError;
use super::names::{check_name, unique_name};
use crate::model::{ParamPath, Scenario, Section, Valuation};

/// The valuation inputs in range, and `g <= r - 0.01` (an error naming both).
pub fn check_valuation(s: &Scenario) -> Result<(), ValidationError> {
    check_values(s, &ParamPath::in_section(s, Section::Valuation))?;
    let v = s.valuation_used();
    // The slack keeps `g = r - 0.01` as written valid although `0.09 - 0.01` rounds below 0.08.
    if v.terminal_growth > v.discount_rate - Valuation::MIN_SPREAD + 1e-12 {
        return Err(ValidationError::new(
            "valuation.terminal_growth",
            format!(
                "{} must be at most valuation.discount_rate ({}) minus 0.01, so at most {}",
                v.terminal_growth,
                v.discount_rate,
                // Rounded for people: 0.09 - 0.01 reads 0.08, not 0.07999999999999999.
                ((v.discount_rate - Valuation::MIN_SPREAD) * 1e9).round() / 1e9
            ),
        ));
    }
    Ok(())
}

/// Company names: valid, and unique among the providers' companies.
pub fn check_companies(s: &Scenario) -> Result<(), ValidationError> {
    for (i, p) in s.providers.iter().enumerate() {
        let Some(company) = &p.company else {
            continue;
        };
        let field = format!("providers[{}].company.name", p.name);
        check_name(&company.name, &field)?;
        let earlier = || {
            s.providers[..i]
                .iter()
                .filter_map(|q| Some((q, q.company.as_ref()?)))
        };
        if let Some((owner, _)) = earlier().find(|(_, c)| c.name == company.name) {
            return Err(ValidationError::new(
                field,
                format!(
                    "\"{}\" already owns {}; each company owns one provider",
                    company.name, owner.name
                ),
            ));
        }
        unique_name(
            &company.name,
            earlier().map(|(_, c)| c.name.as_str()),
            &field,
            "company",
        )?;
    }
    Ok(())
}
