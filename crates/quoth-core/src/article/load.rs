//! Reading article files: every way a file can be unusable becomes one clear reason.

use std::fmt;
use std::io::{self, Read};
use std::path::Path;

/// Articles above this size are refused rather than read into memory, unless the program is
/// given another limit (the `quoth` command reads it from `QUOTH_MAX_SIZE`).
pub const MAX_ARTICLE_BYTES: u64 = 256 * 1024 * 1024;

/// How to read an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadOptions {
    /// Read as this format instead of guessing from the name and content.
    pub format: Option<super::Format>,
    /// Refuse files larger than this many bytes.
    pub max_bytes: u64,
}

impl Default for LoadOptions {
    fn default() -> Self {
        LoadOptions {
            format: None,
            max_bytes: MAX_ARTICLE_BYTES,
        }
    }
}

/// "1000", "512K", "300M", "2G" → bytes.
pub fn parse_size(s: &str) -> Option<u64> {
    let s = s.trim();
    let (num, mult) = match s.chars().last()?.to_ascii_uppercase() {
        'K' => (&s[..s.len() - 1], 1u64 << 10),
        'M' => (&s[..s.len() - 1], 1 << 20),
        'G' => (&s[..s.len() - 1], 1 << 30),
        _ => (s, 1),
    };
    num.trim().parse::<u64>().ok()?.checked_mul(mult)
}

/// Why an article could not be read. `Display` gives the reason a user sees after the path.
#[derive(Debug)]
pub enum LoadError {
    NotFound,
    IsDirectory,
    PermissionDenied,
    /// The size, and the limit.
    TooLarge(u64, u64),
    NotText(&'static str),
    /// A page whose elements nest deeper than this many levels.
    TooDeep(usize),
    Io(io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound => write!(f, "no such file"),
            LoadError::IsDirectory => write!(f, "is a directory, not an article"),
            LoadError::PermissionDenied => write!(f, "permission denied"),
            LoadError::TooLarge(n, limit) => write!(
                f,
                "too large ({} MiB; the limit is {} MiB, set QUOTH_MAX_SIZE to change it)",
                n / (1024 * 1024),
                limit / (1024 * 1024)
            ),
            LoadError::NotText(why) => write!(f, "not text ({why})"),
            LoadError::TooDeep(n) => write!(
                f,
                "refused: its HTML elements nest more than {n} levels deep (no article does)"
            ),
            LoadError::Io(e) => write!(f, "{}", io_reason(e)),
        }
    }
}

impl std::error::Error for LoadError {}

impl From<io::Error> for LoadError {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::NotFound => LoadError::NotFound,
            io::ErrorKind::PermissionDenied => LoadError::PermissionDenied,
            io::ErrorKind::IsADirectory => LoadError::IsDirectory,
            _ => LoadError::Io(e),
        }
    }
}

/// An I/O error's reason without Rust's "(os error N)" suffix.
fn io_reason(e: &io::Error) -> String {
    let s = e.to_string();
    match s.find(" (os error") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}

/// Reads a file's bytes, refusing directories and files over `limit` bytes.
pub fn read_article_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let len = checked_len(path, limit)?;
    let mut bytes = Vec::with_capacity(len as usize);
    // `take` guards against files that grow while being read (e.g. /dev/zero-like devices).
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// The first `n` bytes of a file (fewer if it is shorter) and the file's size, with the same
/// refusals as [`read_article_bytes`]: the reader shows them while the rest is read.
pub fn read_article_head(path: &Path, n: usize, limit: u64) -> Result<(Vec<u8>, u64), LoadError> {
    let len = checked_len(path, limit)?;
    let mut bytes = Vec::with_capacity(n.min(len as usize));
    std::fs::File::open(path)?
        .take(n as u64)
        .read_to_end(&mut bytes)?;
    Ok((bytes, len))
}

/// The size of an article file, refusing directories and files over `limit` bytes.
fn checked_len(path: &Path, limit: u64) -> Result<u64, LoadError> {
    let meta = std::fs::metadata(path)?;
    if meta.is_dir() {
        return Err(LoadError::IsDirectory);
    }
    if meta.len() > limit {
        return Err(LoadError::TooLarge(meta.len(), limit));
    }
    Ok(meta.len())
}

/// Reads standard input, up to `limit` bytes.
pub fn read_stdin_bytes(limit: u64) -> Result<Vec<u8>, LoadError> {
    let mut bytes = Vec::new();
    io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(LoadError::TooLarge(bytes.len() as u64, limit));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse() {
        assert_eq!(parse_size("1000"), Some(1000));
        assert_eq!(parse_size("512k"), Some(512 << 10));
        assert_eq!(parse_size("2G"), Some(2 << 30));
        assert_eq!(parse_size("lots"), None);
    }

    #[test]
    fn io_errors_become_reasons() {
        let e = LoadError::from(io::Error::from(io::ErrorKind::PermissionDenied));
        assert_eq!(e.to_string(), "permission denied");
        let e = LoadError::from(io::Error::from(io::ErrorKind::NotFound));
        assert_eq!(e.to_string(), "no such file");
    }

    #[test]
    fn io_reason_drops_os_error_suffix() {
        let e = io::Error::from_raw_os_error(5);
        assert!(!io_reason(&e).contains("os error"));
    }
}
