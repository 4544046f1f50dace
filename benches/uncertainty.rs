//! Uncertainty engine speed: Monte Carlo of the shipped baseline (100,000 draws: the CLI target;
//! 10,000: the in-app refresh) and a breakdown of where the time goes (drawing, the model, the
//! percentiles), plus tornado and goal seek.

use std::hint::black_box;

use cloudshift::model::uncertainty::{RunControl, profile, sensitivity, simulate, solve};
use cloudshift::model::{Measure, ParamPath, project};
use cloudshift::scenario::builtin_baseline;
use criterion::{Criterion, criterion_group, criterion_main};

fn monte_carlo(c: &mut Criterion) {
    let baseline = builtin_baseline();
    let mut group = c.benchmark_group("simulate");
    group.sample_size(20);
    for samples in [100_000_u32, 10_000] {
        group.bench_function(format!("baseline_{samples}_draws"), |b| {
            b.iter(|| simulate(black_box(&baseline), samples, 42, &RunControl::default()));
        });
    }
    group.finish();
}

fn breakdown(c: &mut Criterion) {
    let baseline = builtin_baseline();
    let mut group = c.benchmark_group("breakdown_100k_one_thread");
    group.sample_size(10);
    group.bench_function("draw_only", |b| {
        b.iter(|| profile::draws_only(black_box(&baseline), 100_000, 42));
    });
    group.bench_function("model_only", |b| {
        b.iter(|| profile::model_only(black_box(&baseline), 100_000));
    });
    // Percentiles of the 264 stored series (4 measures x 11 years x 6 providers; value at stake
    // is derived when no EV/sales is uncertain) of 100,000 draws: realistic data from one series
    // of a real run, reused for each.
    let projection = project(&baseline);
    let series = 4 * projection.years * projection.providers;
    let values: Vec<f32> = (0..100_000_u64)
        .map(|i| {
            let mut draw = baseline.clone();
            for (path, value) in cloudshift::model::uncertainty::draw_inputs(&baseline, 42, i) {
                path.set(&mut draw, value);
            }
            (project(&draw).value(Measure::Revenue, 10, 0).unwrap_or(0.0)
                - projection.value(Measure::Revenue, 10, 0).unwrap_or(0.0)) as f32
        })
        .collect();
    group.bench_function("percentiles_only_264_series", |b| {
        let mut scratch = profile::HistogramScratch::default();
        b.iter(|| {
            let mut sum = 0.0;
            for _ in 0..series {
                sum += profile::percentiles_only(black_box(&values), &mut scratch)[3];
            }
            sum
        });
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
}

criterion_group!(benches, monte_carlo, breakdown, tornado_and_goal_seek);
criterion_main!(benches);
