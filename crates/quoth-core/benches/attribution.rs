//! Attribution speed. Run with `cargo bench --bench attribution`.
//!
//! The corpus is the PolNeAR training split in `../shared/corpus/polnear-train` when it is
//! there (3.9 MB of real news), else the sample articles. Throughput is printed in MB/s.

use divan::counter::BytesCount;
use quoth_core::article::{Article, split_paragraphs};
use quoth_core::attribution::{analyse, analyse_text};
use std::path::Path;

/// The allocator of the quoth binary (src/main.rs), so the bench measures what it runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

/// Every `.txt` article of the corpus (or the samples), as loaded articles.
fn corpus() -> Vec<Article> {
    // The workspace root: this crate lives in crates/quoth-core.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let shared = root.join("../shared/corpus/polnear-train");
    let dir = if shared.is_dir() {
        shared
    } else {
        root.join("sample-articles")
    };
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().filter_map(|p| Article::load(p).ok()).collect()
}

/// Attribution over the whole corpus, one article at a time, on one core.
#[divan::bench(sample_count = 10)]
fn attribute_corpus(bencher: divan::Bencher) {
    let articles = corpus();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for a in &articles {
            divan::black_box(analyse(a));
        }
    });
}

/// The seed article alone: loading (paragraph split) and attribution.
#[divan::bench]
fn attribute_seed(bencher: divan::Bencher) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../sample-articles/putin-lukashenko-minsk.txt");
    let text = std::fs::read_to_string(path).unwrap_or_default();
    bencher.counter(BytesCount::new(text.len())).bench(|| {
        let paras = split_paragraphs(&text);
        divan::black_box(analyse_text(&text, &paras))
    });
}
