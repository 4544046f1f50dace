//! Speed of one projection (counterfactual and valuation included), of the model-limit
//! diagnostics, of "priced in" and of loading a scenario file.
//! Targets: one projection of the baseline, 10 years, valuation included, under 3 µs (issues 2
//! and 11).

use std::hint::black_box;

use cloudshift::model::{Projection, diagnostics, priced_in, project, project_into};
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
    let projection = project(&baseline);
    c.bench_function("diagnostics of the baseline projection", |b| {
        b.iter(|| diagnostics(black_box(&baseline), black_box(&projection)));
    });
    let microsoft = baseline.provider_index("Azure").unwrap_or(0);
    c.bench_function(
        "priced in: Microsoft's move, goal seek on OpenAI extent",
        |b| {
            b.iter(|| priced_in(black_box(&baseline), microsoft, None));
        },
    );
    c.bench_function("load and validate baseline.ron", |b| {
        b.iter(|| load_str(black_box(BASELINE_RON), "baseline.ron"));
    });
}

// No plots: criterion's PDF plots need system fonts, which a fresh machine may lack (it panics).
criterion_group! {
    name = benches;
    config = Criterion::default().without_plots();
    targets = projection
}
criterion_main!(benches);
