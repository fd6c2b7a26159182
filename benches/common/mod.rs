//! Bench inputs, held in memory so that the benches time the work and not the disk.
//!
//! Real news text when it is there: the 10 MB corpus `benches/corpus.py` writes
//! (`python3 benches/corpus.py 10`), read through the library's own discovery so each
//! source gets its manifest's publication date. Without it, the seed articles,
//! repeated under distinct paths, stand in.

use std::path::{Path, PathBuf};

use factlint::source::{Source, discover};

/// Sources read from `folder` (manifest metadata included), in path order.
pub fn read_folder(folder: &Path) -> Vec<Source> {
    discover(&[folder.to_path_buf()])
        .files
        .iter()
        .filter_map(|(path, meta)| Source::read(path, meta.as_ref(), None).ok())
        .collect()
}

/// The seed articles, `copies` times over; each copy gets its own path, as distinct
/// reports of the same event would.
pub fn seeds(copies: usize) -> Vec<Source> {
    let seeds = read_folder(&root().join("seeds"));
    (0..copies)
        .flat_map(|copy| {
            seeds.iter().map(move |s| Source {
                path: PathBuf::from(format!("copy{copy:05}/{}", s.display_path())),
                ..s.clone()
            })
        })
        .collect()
}

/// About `bytes` of text: the corpus's first files when it is there, else the seeds.
/// Returns the sources and the name of where they came from.
pub fn news(bytes: usize) -> (Vec<Source>, &'static str) {
    let corpus = root().join("target/corpus/10");
    let (all, origin) = if corpus.is_dir() {
        (read_folder(&corpus), "target/corpus/10")
    } else {
        let per_copy: usize = seeds(1).iter().map(|s| s.text.len()).sum();
        (seeds(bytes.div_ceil(per_copy)), "seeds")
    };
    let mut total = 0;
    let taken = all
        .into_iter()
        .take_while(|s| {
            let more = total < bytes;
            total += s.text.len();
            more
        })
        .collect();
    (taken, origin)
}

/// Total text length, for `Throughput::Bytes`.
pub fn bytes(sources: &[Source]) -> u64 {
    sources.iter().map(|s| s.text.len() as u64).sum()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}
