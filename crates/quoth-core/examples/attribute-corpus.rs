//! Attributes every `.txt` article of a folder once and prints nothing but a checksum: a
//! driver for instruction-count profiling (`valgrind --tool=callgrind`), where the bench's
//! repeated samples would only multiply the cost.
//!
//!     cargo build --release -p quoth-core --example attribute-corpus
//!     valgrind --tool=callgrind target/release/examples/attribute-corpus DIR
//!     perf record -g target/profiling/examples/attribute-corpus DIR 20

use quoth_core::article::Article;
use quoth_core::attribution::analyse;
use std::process::ExitCode;

/// The allocator of the quoth binary, as in the attribution bench.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: attribute-corpus DIR");
        return ExitCode::FAILURE;
    };
    let mut paths: Vec<_> = match std::fs::read_dir(&dir) {
        Ok(d) => d.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    let articles: Vec<Article> = paths.iter().filter_map(|p| Article::load(p).ok()).collect();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    // An optional second argument repeats the whole pass, for sampling profilers (perf).
    let repeat: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(1);
    let mut statements = 0;
    for _ in 0..repeat {
        statements = articles.iter().map(|a| analyse(a).quotes.len()).sum();
    }
    println!(
        "{} articles, {bytes} bytes, {statements} statements",
        articles.len()
    );
    ExitCode::SUCCESS
}
