//! The command line as a user meets it: exit codes and one-line messages.

use std::path::PathBuf;
use std::process::{Command, Output};

fn quoth(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run quoth")
}

/// Runs quoth with `input` on a pipe as its standard input.
fn quoth_with_stdin(args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    child.wait_with_output().expect("output")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// One line on stderr, starting with "quoth: ", with no panic or Debug noise.
fn assert_one_line_error(o: &Output, code: i32, needle: &str) {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(code), "stderr: {err}");
    assert_eq!(err.lines().count(), 1, "not one line: {err:?}");
    assert!(err.starts_with("quoth: "), "{err:?}");
    assert!(err.contains(needle), "{err:?} lacks {needle:?}");
    assert!(
        !err.contains("panicked") && !err.contains("Os {"),
        "{err:?}"
    );
}

fn sample(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("sample-articles")
        .join(name)
        .display()
        .to_string()
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("quoth-cli-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn missing_file_is_input_error() {
    let o = quoth(&["quotes", "/nonexistent/quoth/article.txt"]);
    assert_one_line_error(&o, 2, "/nonexistent/quoth/article.txt: no such file");
}

#[test]
fn directory_is_refused() {
    let dir = temp_dir("dir");
    let o = quoth(&["quotes", dir.to_str().expect("utf-8 path")]);
    assert_one_line_error(&o, 2, "is a directory");
}

#[test]
fn binary_file_is_not_text() {
    let dir = temp_dir("bin");
    let f = dir.join("image.png");
    std::fs::write(&f, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").expect("write");
    let o = quoth(&["quotes", f.to_str().expect("utf-8 path")]);
    assert_one_line_error(&o, 2, "not text");
}

/// Root reads any file whatever its mode, so this test cannot fail as root (CI and the
/// sandboxes run as root): run it as a normal user with `cargo test --test cli -- --ignored`.
#[cfg(unix)]
#[test]
#[ignore = "needs a non-root user: root reads a file of mode 000"]
fn unreadable_file_is_permission_denied() {
    use std::os::unix::fs::PermissionsExt;
    let dir = temp_dir("perm");
    let f = dir.join("secret.txt");
    std::fs::write(&f, "text").expect("write");
    std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    assert!(
        std::fs::read(&f).is_err(),
        "running as root: mode 000 does not stop root, so this test proves nothing"
    );
    let o = quoth(&["quotes", f.to_str().expect("utf-8 path")]);
    assert_one_line_error(&o, 2, "permission denied");
}

#[test]
fn unknown_flag_is_usage_error() {
    let o = quoth(&["quotes", "--frobnicate", "x.txt"]);
    assert_one_line_error(&o, 2, "--frobnicate");
}

#[test]
fn json_takes_one_file() {
    let a = sample("harbour-strike.txt");
    let o = quoth(&["quotes", "--json", &a, &a]);
    assert_one_line_error(&o, 2, "--json takes one file");
}

#[test]
fn help_and_version_succeed() {
    let o = quoth(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("quotes"));
    let o = quoth(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("quoth "));
}

#[test]
fn quotes_json_follows_the_contract() {
    let path = sample("putin-lukashenko-minsk.txt");
    let o = quoth(&["quotes", "--json", &path]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let bytes = std::fs::read(&path).expect("read");
    let quotes = v["quotes"].as_array().expect("quotes");
    assert_eq!(quotes.len(), 25);
    for q in quotes {
        let (s, e) = (
            q["start"].as_u64().expect("start") as usize,
            q["end"].as_u64().expect("end") as usize,
        );
        assert!(s < e && e <= bytes.len());
        let text = std::str::from_utf8(&bytes[s..e]).expect("char boundaries");
        assert_eq!(q["text"].as_str(), Some(text));
        assert!(q["sieve"].is_string());
    }
    let speakers: Vec<&str> = v["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .filter_map(|s| s["name"].as_str())
        .collect();
    assert!(speakers.contains(&"Vladimir Putin"), "{speakers:?}");
}

#[test]
fn statements_hold_both_kinds_and_kind_filters_them() {
    let path = sample("putin-lukashenko-minsk.txt");
    let json = |kind: &str| -> serde_json::Value {
        let o = quoth(&["quotes", "--json", "--kind", kind, &path]);
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).expect("json")
    };
    let all = json("all");
    let statements = all["statements"].as_array().expect("statements");
    let kinds = |v: &serde_json::Value, k: &str| {
        v["statements"]
            .as_array()
            .expect("statements")
            .iter()
            .filter(|s| s["kind"] == k)
            .count()
    };
    // "quotes" stays the quotations; "statements" adds reported speech, in text order.
    assert_eq!(
        kinds(&all, "direct"),
        all["quotes"].as_array().expect("quotes").len()
    );
    assert!(kinds(&all, "indirect") > 0, "{statements:?}");
    let starts: Vec<u64> = statements
        .iter()
        .filter_map(|s| s["start"].as_u64())
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "{starts:?}");
    let putin = all["speakers"]
        .as_array()
        .expect("speakers")
        .iter()
        .find(|s| s["name"] == "Vladimir Putin")
        .expect("Putin");
    assert!(
        putin["statements"].as_u64() > putin["quotes"].as_u64(),
        "{putin}"
    );
    // --kind filters JSON and table alike.
    let indirect = json("indirect");
    assert_eq!(kinds(&indirect, "direct"), 0);
    assert!(indirect["quotes"].as_array().expect("quotes").is_empty());
    assert_eq!(kinds(&json("direct"), "indirect"), 0);
    let o = quoth(&["quotes", "--kind", "indirect", &path]);
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(
        table.contains("indirect") && !table.contains(" direct "),
        "{table}"
    );
}

#[test]
fn quotes_jsonl_keeps_file_order() {
    let a = sample("harbour-strike.txt");
    let b = sample("alpine-pass-closure.txt");
    let o = quoth(&["quotes", "--jsonl", &a, &b, &a]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let files: Vec<String> = String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json line")["file"]
                .as_str()
                .expect("file")
                .to_string()
        })
        .collect();
    assert_eq!(files, vec![a.clone(), b, a]);
}

#[test]
fn quotes_table_lists_speakers() {
    let o = quoth(&["quotes", &sample("alpine-pass-closure.txt")]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Marco Bianchi"), "{out}");
    assert!(out.contains("5 quotations"), "{out}");
}

#[test]
fn quotes_from_stdin_and_format_override() {
    let o = quoth_with_stdin(&["quotes", "--json", "-"], "“We won,” said Ana Ruiz.\n");
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["quotes"][0]["speaker"], "Ana Ruiz");

    // A Markdown file read as plain text keeps its markup in the text.
    let md = sample("harbour-strike.md");
    let o = quoth(&["quotes", "--json", "--format", "txt", &md]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    let texts: Vec<&str> = v["quotes"]
        .as_array()
        .expect("quotes")
        .iter()
        .filter_map(|q| q["text"].as_str())
        .collect();
    assert!(texts.len() >= 11, "{texts:?}");
    let o = quoth(&["quotes", "--json", &sample("harbour-strike.html")]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["offsets"], "extracted");
    let text = v["extracted_text"].as_str().expect("extracted text");
    let q = &v["quotes"][0];
    let (s, e) = (
        q["start"].as_u64().expect("s") as usize,
        q["end"].as_u64().expect("e") as usize,
    );
    assert_eq!(&text[s..e], q["text"].as_str().expect("text"));
}

#[test]
fn empty_stdin_is_a_usage_error() {
    let o = Command::new(env!("CARGO_BIN_EXE_quoth"))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run");
    assert_one_line_error(&o, 2, "no article given");
}

#[test]
fn a_missing_argument_is_named_with_the_subcommand_help() {
    let o = quoth(&["notes"]);
    assert_one_line_error(&o, 2, "<FILE>");
    assert!(
        stderr(&o).contains("see quoth notes --help"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_wrong_format_lists_the_accepted_values() {
    let o = quoth(&["notes", "x.txt", "--format", "pdf"]);
    assert_one_line_error(&o, 2, "text, markdown, json");
    assert!(
        stderr(&o).contains("see quoth notes --help"),
        "{}",
        stderr(&o)
    );
    let o = quoth(&["quotes", "--format", "pdf", "x.txt"]);
    assert_one_line_error(&o, 2, "txt, md, html");
    assert!(
        stderr(&o).contains("see quoth quotes --help"),
        "{}",
        stderr(&o)
    );
    let o = quoth(&["--format", "pdf", "x.txt"]);
    assert_one_line_error(&o, 2, "txt, md, html");
    assert!(stderr(&o).contains("(see quoth --help)"), "{}", stderr(&o));
}

#[test]
fn quotes_without_a_file_on_a_pipe_reads_stdin() {
    let o = quoth_with_stdin(&["quotes", "--json"], "“We won,” said Ana Ruiz.\n");
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["quotes"][0]["speaker"], "Ana Ruiz");
}
