//! Model limits: each of the four is reported once per provider, with its first year, the input
//! that drives it, and one plain sentence.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly by design

mod common;

use cloudshift::model::{
    Company, ModelLimit, OthersParam, ParamPath, ProviderParam, Scenario, WorkloadParam,
    diagnostics, project,
};

fn found(s: &Scenario) -> Vec<cloudshift::model::Diagnostic> {
    diagnostics(s, &project(s))
}

/// A loses the whole workload at once in 2026 and has a large halo on losses.
fn loser() -> Scenario {
    let mut s = common::tiny();
    s.workloads[0].placement_target = vec![0.0, 1.0];
    s.workloads[0].extent = 1.0;
    s.workloads[0].migration.duration_years = 0.0;
    s.workloads[0].spend_usd_bn = 30.0;
    s.providers[0].share = 0.5;
    s
}

#[test]
fn the_tiny_scenario_stays_inside_the_model() {
    assert!(found(&common::tiny()).is_empty());
}

#[test]
fn a_halo_that_removes_all_other_business_points_at_the_halo_on_losses() {
    let mut s = loser();
    s.halo = 10.0;
    let d = found(&s);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].limit, ModelLimit::RestShareFloor);
    assert_eq!((d[0].provider, d[0].year), (0, Some(2026)));
    assert_eq!(d[0].input, ParamPath::HaloLoss);
    assert_eq!(
        d[0].warning,
        "the halo removes all of A's other business by 2026: each $1 of W spend A loses costs \
         $10 of other business; a smaller halo_loss may fit better"
    );
    assert!(
        d[0].sentence
            .starts_with("The halo removes all of A's other business by 2026")
            && d[0]
                .sentence
                .ends_with("A separate, smaller halo on losses may fit better."),
        "{}",
        d[0].sentence
    );
    // A smaller halo on losses fits: no limit.
    s.halo_loss = Some(0.2);
    assert!(found(&s).is_empty());
}

#[test]
fn a_share_drifting_to_zero_points_at_the_drift() {
    let mut s = common::tiny();
    s.providers[0].drift_per_year = -0.2;
    s.horizon_years = 5;
    let d = found(&s);
    assert_eq!(d[0].limit, ModelLimit::RestShareFloor);
    assert_eq!(d[0].input, ParamPath::Provider(0, ProviderParam::Drift));
    assert_eq!(d[0].year, Some(2028));
    assert!(
        d[0].warning.contains("providers[A].drift"),
        "{}",
        d[0].warning
    );
}

#[test]
fn named_shares_past_100_percent_squeeze_others() {
    let mut s = common::tiny();
    s.providers[0].drift_per_year = 0.2;
    s.horizon_years = 5;
    let d = found(&s);
    let squeezed = d
        .iter()
        .find(|d| d.limit == ModelLimit::OthersSqueezed)
        .unwrap();
    assert_eq!(squeezed.provider, s.others_index());
    assert_eq!(squeezed.year, Some(2028));
    assert_eq!(squeezed.input, ParamPath::Provider(0, ProviderParam::Drift));
    assert!(squeezed.sentence.contains("leaving Others none of it"));
}

#[test]
fn a_margin_held_at_its_limit_points_at_its_drift() {
    let mut s = common::tiny();
    s.others.margin_drift_per_year = -0.6;
    let d = found(&s);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].limit, ModelLimit::MarginClamped);
    assert_eq!(d[0].year, Some(2027));
    assert_eq!(d[0].input, ParamPath::Others(OthersParam::MarginDrift));
    assert!(
        d[0].sentence.contains("reaches -100.0% by 2027"),
        "{}",
        d[0].sentence
    );
}

#[test]
fn a_change_worth_more_than_the_company_is_reported_without_a_year() {
    let mut s = common::tiny();
    s.providers[0].company = Some(Company {
        name: "A Corp".to_owned(),
        market_cap_usd_bn: 5.0,
        price_move: None,
    });
    let d = found(&s);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].limit, ModelLimit::ValueExceedsCompany);
    assert_eq!(d[0].year, None);
    // Without its halo A's gain is still worth more than $5B: the workload drives it.
    assert_eq!(d[0].input, ParamPath::Workload(0, WorkloadParam::Extent));
    assert!(
        d[0].sentence.contains("A Corp's whole market cap ($5.00B)"),
        "{}",
        d[0].sentence
    );
    // A company worth more than the change: nothing to report.
    s.providers[0].company.as_mut().unwrap().market_cap_usd_bn = 1000.0;
    assert!(found(&s).is_empty());
}
