//! quoth as newsboat's pager (`pager "quoth %f"`) and browser (`browser "quoth %u"`).
//!
//! newsboat's pager gets a temporary file with no extension: a header (Feed, Title, Author,
//! Date, Link), a blank line, the article hard-wrapped at 80 columns, and a "Links:" list
//! (newsboat's src/itemrenderer.cpp, `to_plain_text`). It must read as the plain article does.
//! The browser gets the item's URL, which `quoth URL` fetches (tests/fetch.rs). Both open
//! straight into the reader: checked in a pseudo-terminal, against a server on 127.0.0.1.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod pty;
mod web_server;

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

/// A temporary folder for one test: HOME and the data and state folders live in it.
fn temp_home(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quoth-feeds-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A file as newsboat's pager gets it (no extension), for the plain fixture.
fn write_pager_file(home: &Path) -> PathBuf {
    let text = std::fs::read_to_string(fixture("valley-bridge.txt")).expect("fixture");
    let pager_file = home.join("newsboat-article.Xy12Ab");
    std::fs::write(&pager_file, newsboat_pager_file(&text)).expect("write");
    pager_file
}

#[test]
fn newsboat_pager_file_reads_like_the_article() {
    let home = temp_home("pager-file");
    let got = statements(&write_pager_file(&home));
    assert!(!got.is_empty());
    assert_eq!(got, statements(&fixture("valley-bridge.txt")));
    let _ = std::fs::remove_dir_all(&home);
}

/// Runs `quoth ARG` in a pseudo-terminal as newsboat would, waits until the screen shows every
/// one of `wanted`, quits with q, and checks that quoth exits cleanly.
fn opens_in_the_reader(arg: &str, home: &Path, wanted: &[&str]) {
    let pty = pty::spawn(env!("CARGO_BIN_EXE_quoth"), &[arg], home, 30, 110);
    let mut child = pty.child;
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let mut writer = pty.master.take_writer().expect("writer");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut parser = vt100::Parser::new(30, 110, 0);
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut screen = String::new();
    while !wanted.iter().all(|w| screen.contains(w)) && Instant::now() < deadline {
        if let Ok(chunk) = rx.recv_timeout(Duration::from_millis(100)) {
            parser.process(&chunk);
            screen = parser.screen().contents();
        }
    }
    assert!(
        wanted.iter().all(|w| screen.contains(w)),
        "{arg}: the screen never showed {wanted:?}:\n{screen}"
    );
    writer.write_all(b"q").expect("send q");
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            assert!(status.success(), "{arg}: quoth exited with {status:?}");
            break;
        }
        assert!(Instant::now() < deadline, "{arg}: quoth did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn as_the_pager_quoth_opens_the_file_in_the_reader() {
    let home = temp_home("pager");
    let file = write_pager_file(&home);
    let file = file.to_str().expect("a UTF-8 temp path");
    opens_in_the_reader(file, &home, &["Ilse Varga", "Piet Janssen", "ORLEN"]);
    let _ = std::fs::remove_dir_all(&home);
}

#[test]
fn as_the_browser_quoth_opens_the_url_in_the_reader() {
    let home = temp_home("browser");
    let url = format!("http://127.0.0.1:{}/article.html", web_server::server());
    opens_in_the_reader(
        &url,
        &home,
        &[
            "Island Ferry Fares to Rise by a Tenth",
            "Hanna Skov",
            "Erik Holt",
        ],
    );
    let _ = std::fs::remove_dir_all(&home);
}
