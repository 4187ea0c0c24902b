//! A page's header: headline, standfirst, byline(s) and date, taken from its JSON-LD, its
//! `<meta>` tags and the page itself. The header elements found in the page are removed from
//! it, so that the article's body does not repeat them.

use super::page::PageMeta;
use dom_query::{Document, NodeRef};
use dom_smoothie::Metadata;
use serde_json::Value;

/// Class or id names (with '-' and '_' dropped) of a standfirst.
const STANDFIRST_NAMES: &[&str] = &[
    "standfirst",
    "subheadline",
    "subhead",
    "subtitle",
    "dek",
    "deck",
    "strapline",
    "articlesummary",
    "articledescription",
];

/// Class or id names of a byline.
const BYLINE_NAMES: &[&str] = &["byline", "bylines", "author", "authors", "contributors"];

/// JSON-LD documents read at most (a page has one or two).
const MAX_JSON_LD: usize = 8;

/// Gathers the page's header and removes its elements from the page. `meta` is what
/// dom_smoothie found in `<meta>` tags (Open Graph and kin).
pub fn take_header(doc: &Document, meta: &Metadata) -> PageMeta {
    let ld = json_ld_article(doc).unwrap_or(Value::Null);
    let ld_str = |key: &str| {
        ld.get(key)
            .and_then(Value::as_str)
            .map(clean_space)
            .filter(|s| !s.is_empty())
    };
    // A site's logo is sometimes an <h1> too: the article's own heading comes first.
    let headline = take_first(doc, "article h1")
        .or_else(|| take_first(doc, "main h1"))
        .or_else(|| take_first(doc, "h1"));
    let standfirst = take_where(doc, |n| has_name(n, STANDFIRST_NAMES)).map(|n| n.text);
    let page_time = take_header_time(doc);
    let byline = take_where(doc, |n| has_name(n, BYLINE_NAMES))
        .or_else(|| take_where(doc, is_author_link))
        .unwrap_or_default();
    let mut authors = ld.get("author").map(author_names).unwrap_or_default();
    if authors.is_empty() {
        authors = byline.names;
    }
    if authors.is_empty() {
        authors = byline_names(&byline.text);
    }
    if authors.is_empty()
        && let Some(b) = meta.byline.as_deref()
    {
        authors = byline_names(b);
    }
    if authors.is_empty() {
        // "By a staff reporter": no names, but the credit is still the byline.
        authors.extend(byline_credit(&byline.text));
    }
    PageMeta {
        title: headline
            .or_else(|| ld_str("headline"))
            .or_else(|| Some(clean_space(&meta.title)).filter(|t| !t.is_empty())),
        subtitle: standfirst
            .or_else(|| ld_str("description"))
            .or_else(|| meta.excerpt.as_deref().map(clean_space)),
        authors,
        date: ld_str("datePublished")
            .or_else(|| meta.published_time.clone())
            .or(page_time),
        site: ld
            .get("publisher")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .map(clean_space)
            .or_else(|| meta.site_name.clone()),
        url: ld_str("url").or_else(|| meta.url.clone()),
    }
}

fn clean_space(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Removes the first element matching `selector` and returns its text.
fn take_first(doc: &Document, selector: &str) -> Option<String> {
    let sel = doc.try_select(selector)?;
    let node = sel.nodes().first()?;
    let text = clean_space(&node.text());
    node.remove_from_parent();
    (!text.is_empty()).then_some(text)
}

/// A header element's text, and the names linked or marked up in it (a byline's authors).
#[derive(Default)]
struct Taken {
    text: String,
    names: Vec<String>,
}

/// Removes the first element `wanted` and returns what it said.
fn take_where(doc: &Document, wanted: impl Fn(&NodeRef) -> bool) -> Option<Taken> {
    let body = doc.body()?;
    let node = body
        .descendants_it()
        .find(|n| n.is_element() && wanted(n))?;
    let text = clean_space(&node.text());
    let names = node
        .descendants_it()
        .filter(|d| {
            d.is_element()
                && (is_author_link(d) || d.attr("itemprop").is_some_and(|p| p.as_ref() == "name"))
        })
        .map(|d| clean_space(&d.text()))
        .filter(|n| !n.is_empty())
        .collect();
    node.remove_from_parent();
    (!text.is_empty()).then_some(Taken { text, names })
}

fn is_author_link(node: &NodeRef) -> bool {
    node.attr("rel").is_some_and(|r| r.contains("author"))
}

/// Whether the element's class or id (with '-' and '_' dropped) is one of `names`.
fn has_name(node: &NodeRef, names: &[&str]) -> bool {
    let attrs = super::html_clean::class_and_id(node).replace(['-', '_'], "");
    attrs.split_whitespace().any(|t| names.contains(&t))
}

/// The publication time in the page's header (`<header>` … `<time datetime>`), removed; a
/// live blog's entry times are in its body and stay.
fn take_header_time(doc: &Document) -> Option<String> {
    let sel = doc.try_select("header time")?;
    let node = sel.nodes().first()?;
    let when = node
        .attr("datetime")
        .map(|d| d.to_string())
        .unwrap_or_else(|| clean_space(&node.text()));
    node.remove_from_parent();
    (!when.is_empty()).then_some(when)
}

/// Names in a byline: "By Ana Lind and Tomas Berg, Herald reporters" → [Ana Lind, Tomas Berg].
fn byline_names(byline: &str) -> Vec<String> {
    strip_by(byline.trim())
        .replace(" and ", ",")
        .replace(" & ", ",")
        .split([',', '·', '|'])
        .map(clean_space)
        // A name is a few capitalised words; "Herald reporters" or a date is not one.
        .filter(|n| {
            let words: Vec<&str> = n.split(' ').collect();
            (1..=4).contains(&words.len())
                && words
                    .iter()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                && !n.chars().any(|c| c.is_ascii_digit())
        })
        .collect()
}

/// A byline without names, as a credit: "By a staff reporter" → "a staff reporter".
fn byline_credit(byline: &str) -> Option<String> {
    let text = strip_by(byline.trim());
    (!text.is_empty() && text.chars().count() <= 80).then(|| text.to_string())
}

fn strip_by(text: &str) -> &str {
    ["By ", "by ", "BY "]
        .iter()
        .find_map(|p| text.strip_prefix(p))
        .unwrap_or(text)
}

/// Author names from JSON-LD: a string, an object with a name, or a list of either.
fn author_names(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![clean_space(s)],
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(|s| vec![clean_space(s)])
            .unwrap_or_default(),
        Value::Array(items) => items.iter().flat_map(author_names).collect(),
        _ => vec![],
    }
    .into_iter()
    .filter(|n| !n.is_empty())
    .collect()
}

/// The page's JSON-LD article object (`NewsArticle`, `Article`, `LiveBlogPosting`, …), also
/// inside a list or an `@graph`.
fn json_ld_article(doc: &Document) -> Option<Value> {
    let scripts = doc.try_select("script[type='application/ld+json']")?;
    scripts
        .nodes()
        .iter()
        .take(MAX_JSON_LD)
        .filter_map(|s| serde_json::from_str::<Value>(s.text().trim()).ok())
        .find_map(|v| find_article(&v).cloned())
}

fn find_article(v: &Value) -> Option<&Value> {
    match v {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(o) => {
            let is_article = match o.get("@type") {
                Some(Value::String(t)) => is_article_type(t),
                Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(is_article_type),
                _ => false,
            };
            if is_article {
                Some(v)
            } else {
                o.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

fn is_article_type(t: &str) -> bool {
    t.ends_with("Article") || t.ends_with("Posting") || t == "Report"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_authors_and_dates_come_first() {
        let html = r#"<html><head><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle",
             "headline":"Bridge Opens Late","datePublished":"2026-05-04T09:30:00Z",
             "author":[{"@type":"Person","name":"Ana Lind"},{"@type":"Person","name":"Tomas Berg"}],
             "publisher":{"@type":"Organization","name":"The Valley Post"}}]}</script></head>
            <body><h1>Bridge Opens Late</h1><p class="standfirst">Engineers blame the winter</p>
            <p class="byline">By Ana Lind and Tomas Berg</p><p>Body text.</p></body></html>"#;
        let doc = Document::from(html);
        let meta = take_header(&doc, &Metadata::default());
        assert_eq!(meta.title.as_deref(), Some("Bridge Opens Late"));
        assert_eq!(meta.subtitle.as_deref(), Some("Engineers blame the winter"));
        assert_eq!(meta.authors, vec!["Ana Lind", "Tomas Berg"]);
        assert_eq!(meta.date.as_deref(), Some("2026-05-04T09:30:00Z"));
        assert_eq!(meta.site.as_deref(), Some("The Valley Post"));
        let rest = doc.body().map(|b| b.text().to_string()).unwrap_or_default();
        assert!(
            !rest.contains("Engineers") && !rest.contains("By Ana"),
            "{rest}"
        );
    }

    #[test]
    fn the_articles_own_heading_is_the_title_not_the_logo() {
        let html = r#"<html><body><header><h1>The Valley Post</h1></header>
            <article><h1>Bridge Opens Late</h1><p>Body text.</p></article></body></html>"#;
        let doc = Document::from(html);
        let meta = take_header(&doc, &Metadata::default());
        assert_eq!(meta.title.as_deref(), Some("Bridge Opens Late"));
    }

    #[test]
    fn bylines_split_into_names() {
        assert_eq!(
            byline_names("By Ana Lind, Tomas Berg & Ida Holm, Post reporters · 4 May 2026"),
            vec!["Ana Lind", "Tomas Berg", "Ida Holm"]
        );
    }
}
