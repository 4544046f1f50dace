//! `cloudshift value`: what the migration is worth to each provider today, and to its company.

use crate::model::{Projection, Scenario, ValueMeasure};
use crate::tables::{Cell, ColumnKind, Report, owned};

/// One row per provider (file order, Others last): its company, market cap and observed price
/// move where the file gives them, the present value of the change and the market-cap impact.
pub fn report(scenario: &Scenario, projection: &Projection) -> Report {
    let columns = owned(&[
        ("provider", ColumnKind::Text),
        ("company", ColumnKind::Text),
        ("market_cap", ColumnKind::Money),
        ("price_move", ColumnKind::Fraction),
        ("present_value_delta", ColumnKind::Money),
        ("market_cap_impact", ColumnKind::Fraction),
    ]);
    let number = |value: Option<f64>| value.map_or(Cell::Empty, Cell::Number);
    let rows = (0..projection.providers)
        .map(|p| {
            let company = scenario.company(p);
            vec![
                Cell::Text(scenario.provider_name(p).to_owned()),
                company.map_or(Cell::Empty, |c| Cell::Text(c.name.clone())),
                number(company.map(|c| c.market_cap_usd_bn)),
                number(company.and_then(|c| c.price_move)),
                number(projection.value_measure(ValueMeasure::PresentValueDelta, p)),
                number(projection.value_measure(ValueMeasure::MarketCapImpact, p)),
            ]
        })
        .collect();
    Report { columns, rows }
}
