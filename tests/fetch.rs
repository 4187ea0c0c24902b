//! `quoth URL` against a web server started by the test on 127.0.0.1 (no network): the page
//! opens and attributes, and each failure is exit 2 with one line "quoth: URL: reason".

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};

/// The saved page with ads and a pull quote, in Windows-1252 (the charset is in the header).
fn article_page() -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/web/coast-ferry.html");
    std::fs::read(path).expect("fixture")
}

/// Answers each request by its path, then closes the connection.
fn respond(mut stream: TcpStream, port: u16) {
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).is_ok_and(|n| n == 1) {
        head.push(byte[0]);
        // Not HTTP (a TLS handshake): answer in plain HTTP at once.
        if !head[0].is_ascii_alphabetic() {
            break;
        }
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split(' ').nth(1).unwrap_or("/");
    let (status, headers, body): (&str, String, Vec<u8>) = match path {
        "/article.html" => (
            "200 OK",
            "Content-Type: text/html; charset=windows-1252\r\n".into(),
            article_page(),
        ),
        "/moved" => (
            "301 Moved Permanently",
            format!("Location: http://127.0.0.1:{port}/article.html\r\n"),
            vec![],
        ),
        "/loop" => (
            "302 Found",
            format!("Location: http://127.0.0.1:{port}/loop\r\n"),
            vec![],
        ),
        "/picture.png" => (
            "200 OK",
            "Content-Type: image/png\r\n".into(),
            b"\x89PNG\r\n\x1a\n".to_vec(),
        ),
        "/huge.html" => (
            "200 OK",
            "Content-Type: text/html\r\n".into(),
            vec![b'a'; 64 * 1024],
        ),
        _ => (
            "404 Not Found",
            "Content-Type: text/html\r\n".into(),
            b"<html><body>Not here</body></html>".to_vec(),
        ),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(&body);
}

/// A server on a free port, answering in a thread for as long as the test runs.
fn server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || respond(stream, port));
        }
    });
    port
}

fn quoth(args: &[&str]) -> Output {
    let home = std::env::temp_dir().join(format!("quoth-fetch-{}", std::process::id()));
    Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(args)
        .env("HOME", &home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env_remove("QUOTH_MAX_SIZE")
        .output()
        .expect("run quoth")
}

#[test]
fn a_page_opens_and_attributes() {
    let port = server();
    for path in ["article.html", "moved"] {
        let url = format!("http://127.0.0.1:{port}/{path}");
        let out = quoth(&["quotes", &url, "--json"]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let speakers: Vec<&str> = doc["quotes"]
            .as_array()
            .expect("quotes")
            .iter()
            .filter_map(|q| q["speaker"].as_str())
            .collect();
        assert_eq!(
            speakers,
            [
                "Hanna Skov",
                "Hanna Skov",
                "Erik Holt",
                "Lotte Brandvold",
                "Hanna Skov"
            ]
        );
        let text = doc["extracted_text"].as_str().expect("text");
        assert!(
            text.contains("Vesterø") && !text.contains("LoanCo"),
            "{text}"
        );
        assert_eq!(
            doc["meta"]["title"],
            "Island Ferry Fares to Rise by a Tenth"
        );
        assert_eq!(
            doc["meta"]["url"],
            format!("http://127.0.0.1:{port}/article.html")
        );
    }
}

/// Exit 2 and exactly one line on stderr: "quoth: URL: reason".
fn fails_with(url: &str, reason: &str, extra_env: Option<(&str, &str)>) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quoth"));
    cmd.args(["quotes", url]);
    if let Some((k, v)) = extra_env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run quoth");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{url}: {err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    let want = format!("quoth: {url}: {reason}");
    assert!(
        err.starts_with(&want),
        "{err:?} does not start with {want:?}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn each_failure_is_exit_2_and_one_line() {
    let port = server();
    let at = |p: &str| format!("http://127.0.0.1:{port}/{p}");
    fails_with(&at("gone.html"), "HTTP 404 Not Found", None);
    fails_with(&at("picture.png"), "not HTML or text (image/png)", None);
    fails_with(&at("huge.html"), "too big", Some(("QUOTH_MAX_SIZE", "16K")));
    fails_with(&at("loop"), "too many redirects", None);
    // A port nobody listens on: bound, then closed.
    let closed = TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port();
    fails_with(
        &format!("http://127.0.0.1:{closed}/"),
        "connection refused",
        None,
    );
    // TLS spoken to a server that answers in plain HTTP.
    fails_with(
        &format!("https://127.0.0.1:{port}/article.html"),
        "TLS failed",
        None,
    );
    // A name that cannot resolve (.invalid is reserved for that).
    fails_with("http://no-such-host.invalid/", "host not found", None);
}
