//! Speed of one projection (counterfactual included) and of loading a scenario file.
//! Target (issue 2): one projection of the baseline, 10 years, under 3 µs.

use std::hint::black_box;

use cloudshift::model::{Projection, project, project_into};
use cloudshift::scenario::{BASELINE_RON, builtin_baseline, load_str};
use criterion::{Criterion, criterion_group, criterion_main};

fn projection(c: &mut Criterion) {
    let baseline = builtin_baseline();
    c.bench_function(
        "project baseline (10 years, counterfactual included)",
        |b| {
            b.iter(|| project(black_box(&baseline)));
        },
    );
    let mut reused = Projection::default();
    c.bench_function("project_into baseline, buffers reused", |b| {
        b.iter(|| project_into(black_box(&baseline), &mut reused));
    });
    c.bench_function("load and validate baseline.ron", |b| {
        b.iter(|| load_str(black_box(BASELINE_RON), "baseline.ron"));
    });
}

criterion_group!(benches, projection);
criterion_main!(benches);
