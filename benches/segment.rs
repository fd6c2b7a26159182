//! Segmentation throughput, in bytes of source text (criterion prints MB/s).
//!
//! `split` is the sentence splitter alone, over the blocks' visible text;
//! `sentences` adds what the pipeline does around it (spans into the file, owned
//! sentence texts); `from_text` is the step before it, turning a file's text into
//! blocks, so the three together show where whole-process `factlint segment` spends
//! its time. Inputs: about 2 MB of news text (see `common`).
//!
//!     python3 benches/corpus.py 10 && cargo bench --bench segment

mod common;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factlint::segment;
use factlint::source::{Metadata, Source};

fn segmentation(c: &mut Criterion) {
    let (sources, origin) = common::news(2_000_000);
    eprintln!("segment bench input: {} sources, {} bytes from {origin}", sources.len(), common::bytes(&sources));
    let mut group = c.benchmark_group("segment");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(common::bytes(&sources)));

    group.bench_function("split", |b| {
        b.iter(|| {
            for source in &sources {
                for block in &source.blocks {
                    black_box(segment::split(black_box(&block.text)));
                }
            }
        })
    });
    group.bench_function("sentences", |b| {
        b.iter(|| {
            for source in &sources {
                black_box(segment::sentences(black_box(source)));
            }
        })
    });
    // Cloning the text is part of the cost here, as reading a file is in a real run;
    // it is small next to building blocks.
    group.bench_function("from_text", |b| {
        b.iter(|| {
            for source in &sources {
                black_box(Source::from_text(source.path.clone(), source.text.clone(), &Metadata::default()));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, segmentation);
criterion_main!(benches);
