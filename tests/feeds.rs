//! quoth as newsboat's pager (`pager "quoth %f"`) and browser (`browser "quoth %u"`).
//!
//! newsboat's pager gets a temporary file with no extension: a header (Feed, Title, Author,
//! Date, Link), a blank line, the article hard-wrapped at 80 columns, and a "Links:" list
//! (newsboat's src/itemrenderer.cpp, `to_plain_text`). It must read as the plain article does.
//! The browser gets the item's URL, which `quoth URL` fetches (tests/fetch.rs).

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/web")
        .join(name)
}

/// Greedy word wrap at `width` columns, as newsboat's text formatter does.
fn wrap(paragraph: &str, width: usize) -> String {
    let mut lines: Vec<String> = vec![String::new()];
    for word in paragraph.split_whitespace() {
        let line = lines.last_mut().expect("a line");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines.join("\n")
}

/// The file newsboat would hand its pager for the article in `plain`.
fn newsboat_pager_file(plain: &str) -> String {
    let mut paragraphs = plain.split("\n\n");
    let title = paragraphs.next().unwrap_or_default();
    let mut out = format!(
        "Feed: The Valley Post\nTitle: {title}\nAuthor: Ana Lind\nDate: Mon, 04 May 2026 09:30:00 +0200\nLink: https://valleypost.example/news/orlen-bridge-late\n\n"
    );
    for p in paragraphs {
        out.push_str(&wrap(p, 80));
        out.push_str("\n\n");
    }
    out.push_str("Links: \n[1]: https://valleypost.example/news/bridge-debate (link)\n");
    out
}

/// (quotation with its white space collapsed, speaker) from `quoth quotes FILE --json`.
fn statements(file: &Path) -> Vec<(String, String)> {
    let out = Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(["quotes", "--json"])
        .arg(file)
        .output()
        .expect("run quoth");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    doc["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .map(|q| {
            let text = q["text"].as_str().unwrap_or_default();
            (
                text.split_whitespace().collect::<Vec<_>>().join(" "),
                q["speaker"].as_str().unwrap_or("?").to_string(),
            )
        })
        .collect()
}

#[test]
fn newsboat_pager_file_reads_like_the_article() {
    let plain = fixture("valley-bridge.txt");
    let text = std::fs::read_to_string(&plain).expect("fixture");
    let dir = std::env::temp_dir().join(format!("quoth-feeds-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    // newsboat names its temporary file without an extension.
    let pager_file = dir.join("newsboat-article.Xy12Ab");
    std::fs::write(&pager_file, newsboat_pager_file(&text)).expect("write");
    let got = statements(&pager_file);
    assert!(!got.is_empty());
    assert_eq!(got, statements(&plain));
    let _ = std::fs::remove_dir_all(&dir);
}
