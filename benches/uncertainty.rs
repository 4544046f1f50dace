//! Uncertainty engine speed: Monte Carlo of the shipped baseline (2,000 draws: the app's quick
//! refresh; 10,000: its full run; 100,000 and 1,000,000: the CLI), of the baseline over 50 years
//! with one uncertain input, and of a 16 providers x 16 workloads x 50 years scenario with every
//! input uncertain (`benches/data/`); a breakdown of where the time goes (drawing, the model);
//! tornado and goal seek (deterministic and on a percentile).
//!
//! Whole-process timings and peak memory: `benches/whole_process.sh`.

use std::hint::black_box;

use cloudshift::model::uncertainty::{
    RunControl, Statistic, profile, sensitivity, simulate, solve, solve_statistic,
};
use cloudshift::model::{Measure, ParamPath, Scenario, WorkloadParam, project};
use cloudshift::scenario::{builtin_baseline, load_str};
use criterion::{Criterion, criterion_group, criterion_main};

fn bench_scenario(text: &str, name: &str) -> Scenario {
    load_str(text, name).unwrap_or_else(|error| panic!("{name}: {error}"))
}

fn monte_carlo(c: &mut Criterion) {
    let baseline = builtin_baseline();
    let fifty = bench_scenario(include_str!("data/fifty-years.ron"), "fifty-years.ron");
    let stress = bench_scenario(
        include_str!("data/stress-16x16x50.ron"),
        "stress-16x16x50.ron",
    );
    let mut group = c.benchmark_group("simulate");
    group.sample_size(10);
    for (name, scenario, counts) in [
        (
            "baseline",
            &baseline,
            &[2_000_u32, 10_000, 100_000, 1_000_000][..],
        ),
        ("fifty_years", &fifty, &[100_000, 1_000_000][..]),
        ("stress_16x16x50", &stress, &[10_000][..]),
    ] {
        for &samples in counts {
            group.bench_function(format!("{name}_{samples}_draws"), |b| {
                b.iter(|| simulate(black_box(scenario), samples, 42, &RunControl::default()));
            });
        }
    }
    group.finish();
}

fn breakdown(c: &mut Criterion) {
    let baseline = builtin_baseline();
    let stress = bench_scenario(
        include_str!("data/stress-16x16x50.ron"),
        "stress-16x16x50.ron",
    );
    let mut group = c.benchmark_group("breakdown_one_thread");
    group.sample_size(10);
    group.bench_function("baseline_draw_only_100k", |b| {
        b.iter(|| profile::draws_only(black_box(&baseline), 100_000, 42));
    });
    group.bench_function("baseline_model_only_100k", |b| {
        b.iter(|| profile::model_only(black_box(&baseline), 100_000));
    });
    group.bench_function("baseline_draws_and_model_100k", |b| {
        b.iter(|| profile::draws_and_model(black_box(&baseline), 100_000, 42));
    });
    group.bench_function("stress_model_only_1k", |b| {
        b.iter(|| profile::model_only(black_box(&stress), 1_000));
    });
    group.finish();
}

fn tornado_and_goal_seek(c: &mut Criterion) {
    let baseline = builtin_baseline();
    let aws = baseline.provider_index("AWS").unwrap_or(0);
    c.bench_function("sensitivity_baseline", |b| {
        b.iter(|| sensitivity(black_box(&baseline), aws, Measure::Revenue, 2035));
    });
    let target = project(&baseline)
        .value(Measure::Revenue, 10, aws)
        .unwrap_or(0.0)
        * 1.1;
    c.bench_function("solve_baseline_growth_start", |b| {
        b.iter(|| {
            solve(
                black_box(&baseline),
                ParamPath::MarketGrowthStart,
                aws,
                Measure::Revenue,
                2035,
                target,
            )
        });
    });
    let mut group = c.benchmark_group("solve_statistic");
    group.sample_size(10);
    let azure = baseline.provider_index("Azure").unwrap_or(1);
    group.bench_function("baseline_extent_p50_azure_revenue_10k_draws", |b| {
        let target = project(&baseline)
            .value(Measure::Revenue, 5, azure)
            .unwrap_or(0.0);
        b.iter(|| {
            solve_statistic(
                black_box(&baseline),
                ParamPath::Workload(0, WorkloadParam::GrowthEnd),
                azure,
                Measure::Revenue,
                2030,
                target,
                Statistic::P50,
                10_000,
                42,
            )
        });
    });
    group.finish();
}

// No plots: criterion's PDF plots need system fonts, which a fresh machine may lack (it panics).
criterion_group! {
    name = benches;
    config = Criterion::default().without_plots();
    targets = monte_carlo, breakdown, tornado_and_goal_seek
}
criterion_main!(benches);
