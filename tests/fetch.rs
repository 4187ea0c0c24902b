//! `quoth URL` against a web server started by the test on 127.0.0.1 (no network): the page
//! opens and attributes, and each failure is exit 2 with one line "quoth: URL: reason".

use std::net::TcpListener;
use std::process::{Command, Output};

mod web_server;
use web_server::server;

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
