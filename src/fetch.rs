//! `quoth URL`: fetching a web page over http(s) and reading it like a saved page. Networking
//! lives here, in the binary's crate, not in quoth-core.
//!
//! Every failure is one short reason for "quoth: URL: reason": the host is not found, the
//! connection is refused or times out, TLS fails, the server answers with an error status, the
//! page is not HTML or text, or it is too big.

use quoth_core::article::{Article, Format, LoadOptions, decode};
use quoth_core::files::Folders;
use std::path::PathBuf;
use std::time::Duration;

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 5;
/// Pages above this size are refused (or above QUOTH_MAX_SIZE, when that is smaller).
pub const MAX_PAGE_BYTES: u64 = 32 * 1024 * 1024;
/// Time to connect, and for the whole request (name lookup included).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
const TOTAL_TIMEOUT: Duration = Duration::from_secs(30);

/// Whether a command-line argument is a web address rather than a file.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches `url` and reads it as an article (a format in `options` overrides what the server
/// says; the size limit is the smaller of the options' and [`MAX_PAGE_BYTES`]).
pub fn load_url(url: &str, options: LoadOptions) -> Result<Article, String> {
    let page = fetch(url, options.max_bytes.min(MAX_PAGE_BYTES))?;
    let format = match options.format {
        Some(f) => f,
        None => format_of(page.content_type.as_deref())?,
    };
    let text = decode_page(&page.body, page.content_type.as_deref())?;
    let path = Some(PathBuf::from(url));
    match format {
        Format::Html => Article::from_html(&text, path, Some(&page.final_url)),
        other => Article::from_bytes(text.as_bytes(), path, Some(other)),
    }
    .map_err(|e| e.to_string())
}

/// Where the notes on a page live: the data folder, keyed by its address.
pub fn notes_path(url: &str, folders: &Folders) -> Option<PathBuf> {
    let key = quoth_core::notes::store::fingerprint(url).sha256;
    Some(folders.notes_dir()?.join(format!("url-{key}.json")))
}

struct Page {
    final_url: String,
    content_type: Option<String>,
    body: Vec<u8>,
}

fn fetch(url: &str, limit: u64) -> Result<Page, String> {
    use ureq::ResponseExt;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(CONNECT_TIMEOUT))
        .timeout_global(Some(TOTAL_TIMEOUT))
        .max_redirects(MAX_REDIRECTS)
        .http_status_as_error(false)
        .user_agent(concat!("quoth/", env!("CARGO_PKG_VERSION")))
        .build()
        .into();
    let https = url
        .get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"));
    let response = agent
        .get(url)
        .call()
        .map_err(|e| reason(&e, limit, https))?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!(
            "HTTP {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("error")
        ));
    }
    let final_url = response.get_uri().to_string();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body = response
        .into_body()
        .with_config()
        .limit(limit)
        .read_to_vec()
        .map_err(|e| reason(&e, limit, https))?;
    Ok(Page {
        final_url,
        content_type,
        body,
    })
}

/// One short reason for a failed request.
fn reason(e: &ureq::Error, limit: u64, https: bool) -> String {
    use ureq::Error;
    match e {
        Error::HostNotFound => "host not found".into(),
        // The system resolver's failure has no error kind of its own, only its message.
        Error::Io(io) if io.to_string().contains("lookup address") => "host not found".into(),
        Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
            "connection refused".into()
        }
        Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => "timed out".into(),
        // rustls reports a failed handshake as invalid data on the connection.
        Error::Io(io) if https && io.kind() == std::io::ErrorKind::InvalidData => {
            format!("TLS failed ({io})")
        }
        Error::Timeout(_) => "timed out".into(),
        Error::ConnectionFailed => "connection failed".into(),
        Error::Tls(why) => format!("TLS failed ({why})"),
        Error::Rustls(why) => format!("TLS failed ({why})"),
        Error::TooManyRedirects | Error::RedirectFailed => {
            format!("too many redirects (more than {MAX_REDIRECTS})")
        }
        Error::BodyExceedsLimit(_) => format!("too big (more than {} KiB)", limit / 1024),
        Error::BadUri(_) | Error::Http(_) => "not a valid web address".into(),
        other => other.to_string(),
    }
}

/// The format a Content-Type names; what is not HTML or text is refused.
fn format_of(content_type: Option<&str>) -> Result<Format, String> {
    let Some(ct) = content_type else {
        return Ok(Format::Html);
    };
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match mime.as_str() {
        "text/html" | "application/xhtml+xml" => Ok(Format::Html),
        "text/markdown" | "text/x-markdown" => Ok(Format::Markdown),
        m if m.starts_with("text/") => Ok(Format::Text),
        m => Err(format!(
            "not HTML or text ({})",
            quoth_core::text::printable(m)
        )),
    }
}

/// The page's text: in the charset the headers name, else the one the page declares in its
/// first kilobytes, else as quoth guesses for files.
fn decode_page(body: &[u8], content_type: Option<&str>) -> Result<String, String> {
    let declared = content_type
        .and_then(charset_param)
        .or_else(|| meta_charset(body));
    if let Some(enc) = declared.and_then(|l| encoding_rs::Encoding::for_label(l.as_bytes())) {
        let (text, _, _) = enc.decode(body);
        return Ok(text.into_owned());
    }
    decode(body).map(|(t, _)| t).map_err(|e| e.to_string())
}

/// "text/html; charset=ISO-8859-1" → "ISO-8859-1".
fn charset_param(ct: &str) -> Option<String> {
    ct.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// `<meta charset="…">` or `<meta http-equiv … content="…; charset=…">` near the top.
fn meta_charset(body: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&body[..body.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let value: String = head[at..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_files() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("http.txt"));
        assert!(!is_url("notes/https://x"));
    }

    #[test]
    fn charsets_come_from_headers_then_the_page() {
        assert_eq!(
            charset_param("text/html; charset=\"ISO-8859-1\"").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(charset_param("text/html"), None);
        let page = b"<html><head><meta charset=\"windows-1252\"><title>caf\xe9</title>";
        assert_eq!(meta_charset(page).as_deref(), Some("windows-1252"));
        let text = decode_page(page, Some("text/html")).expect("decoded");
        assert!(text.contains("café"), "{text}");
    }

    #[test]
    fn only_html_and_text_are_read() {
        assert_eq!(
            format_of(Some("text/html; charset=utf-8")),
            Ok(Format::Html)
        );
        assert_eq!(format_of(Some("text/plain")), Ok(Format::Text));
        assert_eq!(format_of(Some("text/markdown")), Ok(Format::Markdown));
        assert_eq!(
            format_of(Some("image/png")),
            Err("not HTML or text (image/png)".to_string())
        );
    }
}
