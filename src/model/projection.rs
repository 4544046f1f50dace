//! The projection: every output of the model for every year and provider, and how to compute it.

use super::curves::{faded_rate, ramp};
use super::diagnostics::LimitYears;
use super::inputs::{MAX_PROVIDERS, Scenario};
pub use super::measure::{Measure, ValueMeasure};
use super::valuation::finish_values;

/// Every output of one model run. Per-provider series are indexed `[t * providers + p]`,
/// with Others last (`p = providers - 1`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Projection {
    pub base_year: i32,
    /// Number of years, base year included (`H + 1`).
    pub years: usize,
    /// Number of providers, Others included.
    pub providers: usize,
    /// Number of workloads.
    pub workloads: usize,
    /// Total market `M_t`, $B.
    pub market_usd_bn: Vec<f64>,
    /// Rest of market `R_t`, $B.
    pub rest_of_market_usd_bn: Vec<f64>,
    /// Workload spend `S_w,t`, $B, indexed `[t * workloads + w]`.
    pub workload_spend_usd_bn: Vec<f64>,
    /// Placement `a_wp,t`, indexed `[(t * workloads + w) * providers + p]`.
    pub placement: Vec<f64>,
    /// Calibrated base-year rest-of-market share `q_p` (Others last).
    pub calibrated_rest_share: Vec<f64>,
    /// Rest-of-market share `rho_p,t`.
    pub rest_share: Vec<f64>,
    /// Rest-of-market share without migration.
    pub counterfactual_rest_share: Vec<f64>,
    pub share: Vec<f64>,
    pub revenue_usd_bn: Vec<f64>,
    pub workload_revenue_usd_bn: Vec<f64>,
    pub operating_income_usd_bn: Vec<f64>,
    pub counterfactual_revenue_usd_bn: Vec<f64>,
    pub revenue_delta_usd_bn: Vec<f64>,
    pub value_at_stake_usd_bn: Vec<f64>,
    /// Operating income without migration `OI_cf`.
    pub counterfactual_operating_income_usd_bn: Vec<f64>,
    /// `dOI = OI - OI_cf`.
    pub operating_income_delta_usd_bn: Vec<f64>,
    /// Present value at the base year of the change in after-tax cash flow `PV_p`, $B, one per
    /// provider (Others last).
    pub present_value_delta_usd_bn: Vec<f64>,
    /// `PV_p / market_cap_p` for a provider with a company (`None` otherwise), one per provider.
    pub market_cap_impact: Vec<Option<f64>>,
    /// Where the model reached its limits, one per provider (Others last).
    pub limits: Vec<LimitYears>,
}

impl Projection {
    /// The series of one measure, indexed `[t * providers + p]`.
    pub fn series(&self, measure: Measure) -> &[f64] {
        match measure {
            Measure::Share => &self.share,
            Measure::Revenue => &self.revenue_usd_bn,
            Measure::WorkloadRevenue => &self.workload_revenue_usd_bn,
            Measure::OperatingIncome => &self.operating_income_usd_bn,
            Measure::CounterfactualRevenue => &self.counterfactual_revenue_usd_bn,
            Measure::RevenueDelta => &self.revenue_delta_usd_bn,
            Measure::ValueAtStake => &self.value_at_stake_usd_bn,
            Measure::OperatingIncomeDelta => &self.operating_income_delta_usd_bn,
        }
    }

    /// A measure without a year for provider `p`: `None` for a market-cap impact of a provider
    /// without a company, or an index out of range.
    pub fn value_measure(&self, measure: ValueMeasure, p: usize) -> Option<f64> {
        match measure {
            ValueMeasure::PresentValueDelta => self.present_value_delta_usd_bn.get(p).copied(),
            ValueMeasure::MarketCapImpact => self.market_cap_impact.get(p).copied().flatten(),
        }
    }

    /// One provider in year index `t` (0 = base year), if both are in the projection.
    pub fn at(&self, t: usize, p: usize) -> Option<ProviderYear<'_>> {
        (t < self.years && p < self.providers).then_some(ProviderYear {
            projection: self,
            index: t * self.providers + p,
        })
    }

    /// One value: `measure` of provider `p` in year index `t`, if both are in the projection.
    pub fn value(&self, measure: Measure, t: usize, p: usize) -> Option<f64> {
        self.at(t, p).map(|at| at.get(measure))
    }

    /// Calendar year of index `t`.
    pub fn year(&self, t: usize) -> i32 {
        self.base_year + t as i32
    }

    /// Index of a calendar year, if projected.
    pub fn year_index(&self, year: i32) -> Option<usize> {
        let t = usize::try_from(year.checked_sub(self.base_year)?).ok()?;
        (t < self.years).then_some(t)
    }

    /// Placement of workload `w` on provider `p` in year index `t`.
    pub fn placement_at(&self, t: usize, w: usize, p: usize) -> f64 {
        self.placement
            .get((t * self.workloads + w) * self.providers + p)
            .copied()
            .unwrap_or(0.0)
    }

    /// Spend of workload `w` in year index `t`, $B.
    pub fn workload_spend_at(&self, t: usize, w: usize) -> f64 {
        self.workload_spend_usd_bn
            .get(t * self.workloads + w)
            .copied()
            .unwrap_or(0.0)
    }
}

/// Rest-of-market shares `q` in the base year (Others last), before any check of their sign.
pub fn calibrated_rest_shares(scenario: &Scenario) -> Vec<f64> {
    let mut q = vec![0.0; scenario.provider_count_with_others()];
    calibrate_into(scenario, &mut q);
    q
}

/// Writes the calibrated `q` into `q` (length: providers with Others).
fn calibrate_into(scenario: &Scenario, q: &mut [f64]) {
    let providers = q.len();
    let spend_total: f64 = scenario.workloads.iter().map(|w| w.spend_usd_bn).sum();
    let rest0 = scenario.market.size_usd_bn - spend_total;
    let mut named_sum = 0.0;
    for (p, provider) in scenario.providers.iter().enumerate() {
        let workload_revenue0: f64 = scenario
            .workloads
            .iter()
            .map(|w| w.spend_usd_bn * w.placement_base[p])
            .sum();
        q[p] = (provider.share * scenario.market.size_usd_bn - workload_revenue0) / rest0;
        named_sum += q[p];
    }
    q[providers - 1] = 1.0 - named_sum;
}

/// One provider in one year of a projection (its indices were checked when it was made).
#[derive(Clone, Copy, Debug)]
pub struct ProviderYear<'a> {
    projection: &'a Projection,
    index: usize,
}

impl ProviderYear<'_> {
    /// The value of `measure`.
    pub fn get(self, measure: Measure) -> f64 {
        // Every series has `years * providers` entries, so the checked index is in each.
        self.projection
            .series(measure)
            .get(self.index)
            .copied()
            .unwrap_or(f64::NAN)
    }
}

/// Runs the model on a validated scenario.
pub fn project(scenario: &Scenario) -> Projection {
    let mut projection = Projection::default();
    project_into(scenario, &mut projection);
    projection
}

/// Runs the model into `out`, reusing its buffers (no allocation once they are big enough).
///
/// The series are split into separate slices before the loop so the compiler knows no store
/// to one can change another (or the vectors' own pointers): this runs in every Monte Carlo
/// draw, and re-reading them after each store made it twice as slow.
#[allow(clippy::too_many_lines)] // the equations of MODEL.md in one pass over the years, in the contract's order
pub fn project_into(scenario: &Scenario, out: &mut Projection) {
    let horizon = scenario.horizon_years;
    let years = horizon as usize + 1;
    let providers = scenario.provider_count_with_others();
    let named = providers - 1;
    let workloads = scenario.workloads.len();
    resize(out, scenario.base_year, years, providers, workloads);

    // Taken out of `out` for the loop so the calibration reuses its buffer (no allocation).
    let mut q = std::mem::take(&mut out.calibrated_rest_share);
    q.resize(providers, 0.0);
    calibrate_into(scenario, &mut q);
    let spend0: f64 = scenario.workloads.iter().map(|w| w.spend_usd_bn).sum();
    let mut rest = scenario.market.size_usd_bn - spend0;
    out.limits.fill(LimitYears::default());
    // Present values accumulate year by year: sum_t dOI_p,t / (1 + r)^t, finished after the loop.
    out.present_value_delta_usd_bn.fill(0.0);
    let discount_rate = scenario.valuation_used().discount_rate;
    let mut discount = 1.0;
    let halos = (scenario.halo, scenario.halo_loss_used());

    let Projection {
        market_usd_bn,
        rest_of_market_usd_bn,
        workload_spend_usd_bn,
        placement,
        rest_share,
        counterfactual_rest_share,
        share,
        revenue_usd_bn,
        workload_revenue_usd_bn,
        operating_income_usd_bn,
        counterfactual_revenue_usd_bn,
        revenue_delta_usd_bn,
        value_at_stake_usd_bn,
        counterfactual_operating_income_usd_bn,
        operating_income_delta_usd_bn,
        present_value_delta_usd_bn,
        limits,
        ..
    } = out;
    let present_value = &mut present_value_delta_usd_bn[..providers];
    // Per-provider rows of one year (won spend, margin): on the stack up to the providers a
    // file may have, so a draw allocates nothing.
    let mut won_stack = [0.0; ROW_STACK];
    let mut margin_stack = [0.0; ROW_STACK];
    let mut won_heap = Vec::new();
    let mut margin_heap = Vec::new();
    let won = row(&mut won_stack, &mut won_heap, providers);
    let margins = row(&mut margin_stack, &mut margin_heap, providers);
    let limits = &mut limits[..providers];
    for t in 0..years {
        let t_u32 = t as u32;
        let year = f64::from(scenario.base_year) + t as f64;
        if t > 0 {
            discount /= 1.0 + discount_rate;
            rest *= 1.0
                + faded_rate(
                    scenario.market.growth_start,
                    scenario.market.growth_end,
                    t_u32,
                    horizon,
                );
        }
        let cells = t * providers..(t + 1) * providers;
        rest_of_market_usd_bn[t] = rest;

        // Workload spend and placement; workload revenue with and without migration.
        let (earlier_spend, spend_row) = workload_spend_usd_bn.split_at_mut(t * workloads);
        let spend_row = &mut spend_row[..workloads];
        let previous_spend = if t > 0 {
            &earlier_spend[(t - 1) * workloads..]
        } else {
            &[]
        };
        let placement_row =
            &mut placement[t * workloads * providers..(t + 1) * workloads * providers];
        let workload_revenue = &mut workload_revenue_usd_bn[cells.clone()];
        let cf_revenue_row = &mut counterfactual_revenue_usd_bn[cells.clone()];
        workload_revenue.fill(0.0);
        cf_revenue_row.fill(0.0);
        let mut spend_total = 0.0;
        // Each provider's net spend won this year (for the halo), summed over the workloads in
        // order, as the contract adds them.
        let won = &mut won[..providers];
        won.fill(0.0);
        for (w, workload) in scenario.workloads.iter().enumerate() {
            let spend = if t == 0 {
                workload.spend_usd_bn
            } else {
                previous_spend[w]
                    * (1.0 + faded_rate(workload.growth_start, workload.growth_end, t_u32, horizon))
            };
            spend_row[w] = spend;
            spend_total += spend;
            let progress = workload.extent * ramp(&workload.migration, t_u32, year);
            let placed_row = &mut placement_row[w * providers..(w + 1) * providers];
            for (((((placed, base), target), revenue), cf_revenue), won) in placed_row
                .iter_mut()
                .zip(&workload.placement_base[..providers])
                .zip(&workload.placement_target[..providers])
                .zip(workload_revenue.iter_mut())
                .zip(cf_revenue_row.iter_mut())
                .zip(won.iter_mut())
            {
                *placed = base + progress * (target - base);
                *revenue += spend * *placed;
                *cf_revenue += spend * base;
                *won += spend * (*placed - base);
            }
        }
        let market = rest + spend_total;
        market_usd_bn[t] = market;

        // Rest-of-market shares, with the halo, and without migration (counterfactual).
        let rho_row = &mut rest_share[cells.clone()];
        let cf_rho_row = &mut counterfactual_rest_share[cells.clone()];
        rest_shares(scenario, t, won, halos, &q, rest, rho_row, limits);
        counterfactual_rest_shares(scenario, &q, t, cf_rho_row);

        // Operating income with and without migration: the rest of market's at each provider's
        // margin, then each workload's at its own margin (or the provider's), in workload order.
        let margin_row = &mut margins[..providers];
        let income_row = &mut operating_income_usd_bn[cells.clone()];
        let cf_income_row = &mut counterfactual_operating_income_usd_bn[cells.clone()];
        for p in 0..providers {
            let (margin0, drift) = if p < named {
                let pr = &scenario.providers[p];
                (pr.margin, pr.margin_drift_per_year)
            } else {
                (
                    scenario.others.margin,
                    scenario.others.margin_drift_per_year,
                )
            };
            let unclamped = margin0 + drift * t as f64;
            if unclamped.abs() >= 1.0 && limits[p].margin_clamped.is_none() {
                limits[p].margin_clamped = Some(t);
            }
            let margin = unclamped.clamp(-1.0, 1.0);
            margin_row[p] = margin;
            income_row[p] = margin * rho_row[p] * rest;
            cf_income_row[p] = margin * cf_rho_row[p] * rest;
        }
        for (w, workload) in scenario.workloads.iter().enumerate() {
            let spend = spend_row[w];
            let placed_row = &placement_row[w * providers..(w + 1) * providers];
            let terms = income_row
                .iter_mut()
                .zip(cf_income_row.iter_mut())
                .zip(placed_row)
                .zip(&workload.placement_base[..providers]);
            match workload.margin {
                Some(mu) => {
                    for (((income, cf_income), placed), base) in terms {
                        *income += mu * spend * placed;
                        *cf_income += mu * spend * base;
                    }
                }
                None => {
                    for ((((income, cf_income), placed), base), mu) in terms.zip(&*margin_row) {
                        *income += mu * spend * placed;
                        *cf_income += mu * spend * base;
                    }
                }
            }
        }

        for p in 0..providers {
            let i = t * providers + p;
            let revenue = rho_row[p] * rest + workload_revenue[p];
            let cf_revenue = cf_rho_row[p] * rest + cf_revenue_row[p];
            let ev_sales = if p < named {
                scenario.providers[p].ev_sales
            } else {
                scenario.others.ev_sales
            };
            revenue_usd_bn[i] = revenue;
            share[i] = revenue / market;
            cf_revenue_row[p] = cf_revenue;
            let delta = difference(revenue, cf_revenue);
            revenue_delta_usd_bn[i] = delta;
            value_at_stake_usd_bn[i] = ev_sales * delta;
            // Zero in the base year by definition (no migration yet), not by rounding.
            let income_delta = if t == 0 {
                0.0
            } else {
                difference(income_row[p], cf_income_row[p])
            };
            operating_income_delta_usd_bn[i] = income_delta;
            present_value[p] += income_delta * discount;
        }
    }
    out.calibrated_rest_share = q;
    finish_values(scenario, out, discount);
}

/// Providers (Others included) whose per-year rows live on the stack.
const ROW_STACK: usize = MAX_PROVIDERS + 1;

/// A row of `len` values: the stack array when it is long enough, else `heap` grown to it.
fn row<'a>(stack: &'a mut [f64; ROW_STACK], heap: &'a mut Vec<f64>, len: usize) -> &'a mut [f64] {
    if len <= ROW_STACK {
        &mut stack[..len]
    } else {
        heap.resize(len, 0.0);
        heap
    }
}

/// `a - b`, or exactly 0 when the two differ only by the rounding of their sums: within
/// `SUM_ROUNDING` of the larger (the two sides add the same amounts in different orders, so a
/// difference of a few units in the last place is float noise, not a modelled effect).
pub fn difference(a: f64, b: f64) -> f64 {
    let gap = a - b;
    if gap.abs() <= SUM_ROUNDING * a.abs().max(b.abs()) {
        0.0
    } else {
        gap
    }
}

/// Relative gap below which two sums count as equal: 16 units in the last place, the rounding
/// of a handful of additions in different orders (a modelled effect is many orders larger).
const SUM_ROUNDING: f64 = 16.0 * f64::EPSILON;

/// `rho_p,t` with migration and halo (on gains, on losses) into `shares`, from each provider's
/// net spend won in year index `t`; notes floors and a squeezed Others in `limits`.
#[allow(clippy::too_many_arguments)] // one year's state of the loop in `project_into`
fn rest_shares(
    scenario: &Scenario,
    t: usize,
    won: &[f64],
    (halo_gain, halo_loss): (f64, f64),
    q: &[f64],
    rest: f64,
    shares: &mut [f64],
    limits: &mut [LimitYears],
) {
    let providers = shares.len();
    let named = providers - 1;
    if t == 0 {
        shares.copy_from_slice(q);
        return;
    }
    let mut named_sum = 0.0;
    for (p, (((q_p, provider), limit), &won)) in q[..named]
        .iter()
        .zip(&scenario.providers)
        .zip(limits.iter_mut())
        .zip(won)
        .enumerate()
    {
        // A net gain brings the halo; a net loss costs the (possibly smaller) halo on losses.
        let halo = if won >= 0.0 { halo_gain } else { halo_loss };
        let u = q_p + provider.drift_per_year * t as f64 + halo * won / rest;
        if u < 0.0 && limit.rest_share_floor.is_none() {
            limit.rest_share_floor = Some(t);
        }
        let u = u.max(0.0);
        shares[p] = u;
        named_sum += u;
    }
    if named_sum > 1.0 && limits[named].others_squeezed.is_none() {
        limits[named].others_squeezed = Some(t);
    }
    normalise(shares, named_sum);
}

/// Rest-of-market shares of the no-migration counterfactual (no halo) into `shares`.
fn counterfactual_rest_shares(scenario: &Scenario, q: &[f64], t: usize, shares: &mut [f64]) {
    if t == 0 {
        shares.copy_from_slice(q);
        return;
    }
    let named = shares.len() - 1;
    let mut named_sum = 0.0;
    for ((share, q_p), provider) in shares[..named].iter_mut().zip(q).zip(&scenario.providers) {
        let u = (q_p + provider.drift_per_year * t as f64).max(0.0);
        *share = u;
        named_sum += u;
    }
    normalise(shares, named_sum);
}

/// Scales named shares down when they exceed 1; Others (last) takes the remainder.
fn normalise(shares: &mut [f64], named_sum: f64) {
    let named = shares.len() - 1;
    if named_sum > 1.0 {
        for share in &mut shares[..named] {
            *share /= named_sum;
        }
        shares[named] = 0.0;
    } else {
        shares[named] = 1.0 - named_sum;
    }
}

fn resize(out: &mut Projection, base_year: i32, years: usize, providers: usize, workloads: usize) {
    out.base_year = base_year;
    out.years = years;
    out.providers = providers;
    out.workloads = workloads;
    let cells = years * providers;
    out.market_usd_bn.resize(years, 0.0);
    out.rest_of_market_usd_bn.resize(years, 0.0);
    out.workload_spend_usd_bn.resize(years * workloads, 0.0);
    out.placement.resize(years * workloads * providers, 0.0);
    for series in [
        &mut out.rest_share,
        &mut out.counterfactual_rest_share,
        &mut out.share,
        &mut out.revenue_usd_bn,
        &mut out.workload_revenue_usd_bn,
        &mut out.operating_income_usd_bn,
        &mut out.counterfactual_revenue_usd_bn,
        &mut out.revenue_delta_usd_bn,
        &mut out.value_at_stake_usd_bn,
        &mut out.counterfactual_operating_income_usd_bn,
        &mut out.operating_income_delta_usd_bn,
    ] {
        series.resize(cells, 0.0);
    }
    out.present_value_delta_usd_bn.resize(providers, 0.0);
    out.market_cap_impact.resize(providers, None);
    out.limits.resize(providers, LimitYears::default());
}
