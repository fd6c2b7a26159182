//! Extraction throughput: the seed articles' sentences, repeated in memory to at least
//! 50 MB, run through `extract` on one core. Reported as bytes of sentence text per
//! second.
//!
//! `cargo bench --bench extract`

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factlint::extract::{Context, extract};
use jiff::civil::Date;

const TARGET_BYTES: usize = 50 * 1024 * 1024;

/// The seeds' sentences, repeated until they hold `TARGET_BYTES` of text.
fn corpus() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("seeds folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut sentences = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("seed text");
        for block in text.split("\n\n") {
            for span in factlint::segment::split(block) {
                sentences.push(block[span.start..span.end].to_string());
            }
        }
    }
    let one_pass: usize = sentences.iter().map(String::len).sum();
    let repeats = TARGET_BYTES.div_ceil(one_pass.max(1));
    let mut out = Vec::with_capacity(sentences.len() * repeats);
    for _ in 0..repeats {
        out.extend(sentences.iter().cloned());
    }
    out
}

fn bench(c: &mut Criterion) {
    let sentences = corpus();
    let bytes: usize = sentences.iter().map(String::len).sum();
    let context = Context { published: Some(Date::constant(2018, 3, 28)) };
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function("seeds-50MB", |b| {
        b.iter(|| {
            let mut claims = 0;
            for sentence in &sentences {
                claims += extract(black_box(sentence), &context).len();
            }
            black_box(claims)
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
