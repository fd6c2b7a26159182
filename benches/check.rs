//! Checking throughput, in bytes of source text (criterion prints MB/s).
//!
//! `map/analyze_source` is the per-source map step of a run (segment, extract,
//! scan the rules' words, select claims into facts) over about 2 MB of news text, with
//! the seed rules; `map/claims_of` is its first half, sentences and every claim in
//! them, which is what `factlint extract` computes before writing it out, and so the
//! figure to set beside in-process time-expression parsers. `reduce/check` is the reduce step alone: the claims the seed
//! articles' facts select, from the seeds copied 10, 100 and 1000 times as distinct
//! sources, compared per fact. Its throughput is given in bytes of the text the claims
//! came from, so that the reduce's cost per MB stays readable next to the map's; a
//! figure that falls as the copies grow shows a reduce that is worse than linear in
//! the claims of one fact. `map+reduce/seeds` is both, as `factlint check` runs them
//! minus the disk and the report.
//!
//!     python3 benches/corpus.py 10 && cargo bench --bench check

mod common;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use factlint::check::{self, Selected};
use factlint::pipeline::{self, Checker};
use factlint::rules::RuleSet;
use factlint::segment;
use factlint::source::Source;
use factlint::span::LineIndex;

fn checker() -> Checker {
    let rules = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("rules");
    Checker::new(RuleSet::load(&[rules]).expect("the seed rules load")).expect("the seed rules compile")
}

fn selected(sources: &[Source], checker: &Checker) -> Vec<Selected> {
    sources.iter().flat_map(|s| pipeline::analyze_source(s, checker).selected).collect()
}

fn map(c: &mut Criterion) {
    let checker = checker();
    let (sources, origin) = common::news(2_000_000);
    eprintln!("check bench input: {} sources, {} bytes from {origin}", sources.len(), common::bytes(&sources));
    let mut group = c.benchmark_group("map");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(common::bytes(&sources)));
    group.bench_function("claims_of", |b| {
        b.iter(|| {
            for source in &sources {
                let sentences = segment::sentences(black_box(source));
                let index = LineIndex::new(&source.text);
                black_box(pipeline::claims_of(source, &index, &sentences));
            }
        })
    });
    group.bench_function("analyze_source", |b| {
        b.iter(|| {
            for source in &sources {
                black_box(pipeline::analyze_source(black_box(source), &checker));
            }
        })
    });
    group.finish();
}

fn reduce(c: &mut Criterion) {
    let checker = checker();
    let mut group = c.benchmark_group("reduce");
    group.sample_size(10);
    for copies in [10, 100, 1000] {
        let sources = common::seeds(copies);
        let claims = selected(&sources, &checker);
        eprintln!("reduce input: seeds x{copies}: {} selected claims", claims.len());
        group.throughput(Throughput::Bytes(common::bytes(&sources)));
        // The claims are moved into `check`, so each run gets a fresh copy, made
        // outside the timing.
        group.bench_function(format!("check/seeds-x{copies}"), |b| {
            b.iter_batched(|| claims.clone(), |claims| check::check(&checker.rules, claims), BatchSize::LargeInput)
        });
    }
    group.finish();
}

fn map_reduce(c: &mut Criterion) {
    let checker = checker();
    let sources = common::seeds(100);
    let mut group = c.benchmark_group("map+reduce");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(common::bytes(&sources)));
    group.bench_function("seeds-x100", |b| b.iter(|| check::check(&checker.rules, selected(&sources, &checker))));
    group.finish();
}

criterion_group!(benches, map, reduce, map_reduce);
criterion_main!(benches);
