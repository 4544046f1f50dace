//! What a change in operating income is worth today (MODEL.md version 2): after-tax cash flows,
//! discounted to the base year, with the horizon year's change carried on at terminal growth.

use super::inputs::{Scenario, Valuation};
use super::projection::Projection;

/// Turns the discounted operating-income deltas the projection summed into `out`
/// (`sum_t dOI_p,t / (1 + r)^t`) into present values, terminal value included, and sets each
/// market-cap impact. `discount_at_horizon` is `1 / (1 + r)^H`. Equal to [`present_value`] of
/// each provider's deltas (the same sums, grouped differently for speed).
pub(super) fn finish_values(scenario: &Scenario, out: &mut Projection, discount_at_horizon: f64) {
    let valuation = scenario.valuation_used();
    let r = valuation.discount_rate;
    let g = valuation.terminal_growth_used();
    let cash_share = (1.0 - valuation.tax_rate) * (1.0 - valuation.reinvestment_rate);
    let providers = out.providers;
    let horizon_row = (out.years - 1) * providers;
    for p in 0..providers {
        let last = if out.years > 1 {
            out.operating_income_delta_usd_bn[horizon_row + p]
        } else {
            0.0
        };
        let discounted =
            out.present_value_delta_usd_bn[p] + last * (1.0 + g) / (r - g) * discount_at_horizon;
        let pv = cash_share * discounted;
        out.present_value_delta_usd_bn[p] = pv;
        out.market_cap_impact[p] = scenario
            .company(p)
            .map(|company| pv / company.market_cap_usd_bn);
    }
}

/// After-tax cash-flow change of an operating-income change: `(1 - tau) (1 - k) dOI`.
pub fn cash_flow_delta(valuation: Valuation, operating_income_delta_usd_bn: f64) -> f64 {
    (1.0 - valuation.tax_rate) * (1.0 - valuation.reinvestment_rate) * operating_income_delta_usd_bn
}

/// `PV = sum_{t=1..H} CF_t / (1 + r)^t + CF_H (1 + g) / ((r - g) (1 + r)^H)` from the
/// operating-income changes of years `1..=H`, in order. `g` is
/// [`Valuation::terminal_growth_used`]. No years: 0.
pub fn present_value(
    operating_income_deltas_usd_bn: impl Iterator<Item = f64>,
    valuation: Valuation,
) -> f64 {
    let r = valuation.discount_rate;
    let g = valuation.terminal_growth_used();
    let mut discount = 1.0;
    let mut total = 0.0;
    let mut last = None;
    for delta in operating_income_deltas_usd_bn {
        discount *= 1.0 + r;
        let cash_flow = cash_flow_delta(valuation, delta);
        total += cash_flow / discount;
        last = Some(cash_flow);
    }
    match last {
        Some(cash_flow) => total + cash_flow * (1.0 + g) / ((r - g) * discount),
        None => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_year_then_perpetuity_by_hand() {
        // r = 0.1, g = 0, tau = 0.5, k = 0: CF_1 = 0.5 * 10 = 5; PV = 5/1.1 + 5 * 1/(0.1 * 1.1).
        let v = Valuation {
            discount_rate: 0.1,
            tax_rate: 0.5,
            reinvestment_rate: 0.0,
            terminal_growth: 0.0,
        };
        let pv = present_value([10.0].into_iter(), v);
        assert!((pv - (5.0 / 1.1 + 50.0 / 1.1)).abs() < 1e-12, "{pv}");
        assert!(present_value(std::iter::empty(), v).abs() < f64::MIN_POSITIVE);
    }

    #[test]
    fn terminal_growth_above_the_cap_is_held_at_it() {
        let capped = Valuation {
            terminal_growth: 0.3,
            ..Valuation::DEFAULT
        };
        let at_cap = Valuation {
            terminal_growth: 0.08,
            ..Valuation::DEFAULT
        };
        assert!((capped.terminal_growth_used() - 0.08).abs() < 1e-15);
        let deltas = [1.0, 2.0, 3.0];
        let a = present_value(deltas.into_iter(), capped);
        let b = present_value(deltas.into_iter(), at_cap);
        assert!((a - b).abs() < 1e-9 * b.abs(), "{a} vs {b}");
        assert!(a.is_finite());
    }
}
