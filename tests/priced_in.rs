//! "Priced in": goal seek on the market-cap impact, its sentence, and why it may not be found.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design
#![allow(clippy::float_cmp)] // priced in must be exactly what solve gives

mod common;

use cloudshift::model::uncertainty::{Quantity, SolveError, solve_for};
use cloudshift::model::{
    Company, ParamPath, PricedInError, Scenario, ValueMeasure, WorkloadParam, priced_in,
    priced_in_sentence, project,
};

/// Tiny with a company on A that rose 10%: at extent 0.5, A's change is worth $20.3B, so a
/// $100B company moves 20.3%.
fn with_company(price_move: Option<f64>) -> Scenario {
    let mut s = common::tiny();
    s.providers[0].company = Some(Company {
        name: "A Corp".to_owned(),
        market_cap_usd_bn: 100.0,
        price_move,
    });
    s
}

#[test]
fn priced_in_finds_the_extent_that_gives_the_move() {
    let s = with_company(Some(0.1));
    let found = priced_in(&s, 0, None).unwrap();
    let extent = ParamPath::Workload(0, WorkloadParam::Extent);
    assert_eq!(found.path, extent);
    let quantity = Quantity::Whole(ValueMeasure::MarketCapImpact);
    assert_eq!(
        found.value,
        solve_for(&s, extent, 0, quantity, 0.1).unwrap()
    );
    let mut applied = s.clone();
    extent.set(&mut applied, found.value);
    let impact = project(&applied).market_cap_impact[0].unwrap();
    assert!((impact - 0.1).abs() < 1e-9, "{impact}");
    assert!(found.value > 0.0 && found.value < 0.5, "{}", found.value);
    let sentence = priced_in_sentence(&s, 0, None, &Ok(found));
    assert!(
        sentence.starts_with("A Corp's 10.0% rise is what this model gives if ")
            && sentence.ends_with("% of W's planned shift happens."),
        "{sentence}"
    );
}

#[test]
fn out_of_reach_says_so_with_the_reachable_range() {
    let s = with_company(Some(-0.2));
    let result = priced_in(&s, 0, None);
    assert!(
        matches!(
            result,
            Err(PricedInError::Solve(SolveError::OutOfReach { .. }))
        ),
        "{result:?}"
    );
    let sentence = priced_in_sentence(&s, 0, None, &result);
    assert!(
        sentence.starts_with("No value of W extent gives A Corp's 20.0% fall")
            && sentence.contains("goes from +0.0% to +40.6%")
            && sentence.contains("out of reach"),
        "{sentence}"
    );
}

#[test]
fn no_company_or_no_move_is_an_error_not_a_guess() {
    let s = common::tiny();
    assert!(matches!(
        priced_in(&s, 0, None),
        Err(PricedInError::NoCompany { .. })
    ));
    assert!(matches!(
        priced_in(&s, 1, None),
        Err(PricedInError::NoCompany { .. })
    ));
    let s = with_company(None);
    let result = priced_in(&s, 0, None);
    assert!(matches!(result, Err(PricedInError::NoPriceMove { .. })));
    assert_eq!(
        priced_in_sentence(&s, 0, None, &result),
        "The file gives no price move for A Corp."
    );
    // Another input than the extent (without a halo the change moves A Corp 10.1%).
    let s = with_company(Some(0.15));
    let found = priced_in(&s, 0, Some(ParamPath::Halo)).unwrap();
    let sentence = priced_in_sentence(&s, 0, Some(ParamPath::Halo), &Ok(found));
    assert!(sentence.contains("if Halo is "), "{sentence}");
}
