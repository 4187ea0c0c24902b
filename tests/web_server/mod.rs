//! A web server for tests, on 127.0.0.1 (no network): fixed answers by path.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;

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
pub fn server() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || respond(stream, port));
        }
    });
    port
}
