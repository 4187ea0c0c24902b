//! What a web page says about itself (headline, standfirst, authors, date, site, address) and
//! the links an article keeps as numbered references.

use serde::Serialize;
use std::ops::Range;

/// A page's metadata, each field where known: from JSON-LD (`NewsArticle` and kin), `<meta>`
/// tags (Open Graph, `article:published_time`), and the page itself (`<h1>`, the standfirst,
/// the byline, `<time>`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PageMeta {
    pub title: Option<String>,
    /// The standfirst (subheadline) under the headline.
    pub subtitle: Option<String>,
    pub authors: Vec<String>,
    /// As the page gives it (usually ISO 8601).
    pub date: Option<String>,
    /// The publication's name.
    pub site: Option<String>,
    pub url: Option<String>,
}

impl PageMeta {
    /// The byline shown in the header block: "By A, B and C · 2 March 2026 08:00".
    pub fn byline(&self) -> Option<String> {
        let authors = match self.authors.as_slice() {
            [] => None,
            [one] => Some(format!("By {one}")),
            [init @ .., last] => Some(format!("By {} and {last}", init.join(", "))),
        };
        let date = self.date.as_deref().map(readable_date);
        match (authors, date) {
            (Some(a), Some(d)) => Some(format!("{a} · {d}")),
            (a, d) => a.or(d),
        }
    }
}

/// "2026-03-02T08:15:00+01:00" → "2026-03-02 08:15"; anything else as given.
fn readable_date(date: &str) -> String {
    let date = date.trim();
    let b = date.as_bytes();
    let iso = b.len() >= 16
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[10] == b'T'
        && b[13] == b':';
    if iso {
        format!("{} {}", &date[..10], &date[11..16])
    } else {
        date.to_string()
    }
}

/// A link kept from the article: its number (from 1, as shown in the text), its text, its
/// address, and where its "[n]" marker is in the article text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    pub number: usize,
    pub text: String,
    pub url: String,
    #[serde(skip)]
    pub marker: Range<usize>,
}

/// The addresses worth keeping as references: not in-page anchors or scripts.
pub fn is_followable(url: &str) -> bool {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    !url.is_empty()
        && !url.starts_with('#')
        && !lower.starts_with("javascript:")
        && !lower.starts_with("data:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byline_lists_authors_and_the_date() {
        let meta = PageMeta {
            authors: vec!["Ana Lind".into(), "Tomas Berg".into(), "Ida Holm".into()],
            date: Some("2026-03-02T08:15:00+01:00".into()),
            ..PageMeta::default()
        };
        assert_eq!(
            meta.byline().as_deref(),
            Some("By Ana Lind, Tomas Berg and Ida Holm · 2026-03-02 08:15")
        );
        let none = PageMeta::default();
        assert_eq!(none.byline(), None);
    }

    #[test]
    fn anchors_and_scripts_are_not_references() {
        assert!(is_followable("https://example.org/a"));
        assert!(is_followable("/news/b"));
        assert!(!is_followable("#top"));
        assert!(!is_followable("JavaScript:void(0)"));
    }
}
