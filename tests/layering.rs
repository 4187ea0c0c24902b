//! The shape of the code, held by tests: the core library has no terminal code, and the
//! environment is read in one place (`src/main.rs`), so tests pass folders and settings
//! instead of changing process-wide variables under each other.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn files_under(dirs: &[&str]) -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for d in dirs {
        rust_files(&root.join(d), &mut files);
    }
    assert!(!files.is_empty(), "no sources found under {dirs:?}");
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            (p, text)
        })
        .collect()
}

fn offenders(files: &[(PathBuf, String)], needles: &[&str], skip: &[&str]) -> Vec<String> {
    files
        .iter()
        .filter(|(p, _)| !skip.iter().any(|s| p.ends_with(s)))
        .flat_map(|(p, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, line)| needles.iter().any(|n| line.contains(n)))
                .map(move |(i, line)| format!("{}:{}: {}", p.display(), i + 1, line.trim()))
        })
        .collect()
}

#[test]
fn only_main_reads_the_environment() {
    let files = files_under(&["src", "crates/quoth-core/src"]);
    let found = offenders(
        &files,
        &["env::var(", "env::var_os(", "env::vars("],
        &["src/main.rs"],
    );
    assert!(
        found.is_empty(),
        "read the environment in main only:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_test_changes_the_process_environment() {
    let files = files_under(&["tests", "src", "crates/quoth-core/src"]);
    let set = ["set", "_var("].concat();
    let remove = ["remove", "_var("].concat();
    let found = offenders(&files, &[&set, &remove], &[]);
    assert!(
        found.is_empty(),
        "pass folders, not variables:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_core_library_has_no_terminal_code() {
    let files = files_under(&["crates/quoth-core/src"]);
    let found = offenders(&files, &["ratatui", "crossterm", "signal_hook"], &[]);
    assert!(
        found.is_empty(),
        "terminal code in the core:\n{}",
        found.join("\n")
    );
    let manifest = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/quoth-core/Cargo.toml"),
    )
    .unwrap_or_default();
    // A dependency line starts with the crate's name (comments may mention it).
    for line in manifest.lines().map(str::trim_start) {
        for crate_name in ["ratatui", "crossterm", "signal-hook"] {
            assert!(
                !line.starts_with(crate_name),
                "quoth-core depends on {line}"
            );
        }
    }
}
