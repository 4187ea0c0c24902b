//! Saved web pages: the page is cleaned (ads, share bars, sign-ups, repeated pull quotes: see
//! `html_clean`), its header read (headline, standfirst, bylines, date: see `html_meta`), the
//! article extracted with dom_smoothie (Mozilla Readability's algorithm), then written out as
//! paragraphs: a header block, then the body with headings, captions, lists and links kept
//! as numbered references ("text [1]").

use super::LoadError;
use super::page::{Link, PageMeta, is_followable};
use super::{TextStyle, html_clean, html_meta};
use dom_query::{Document, NodeRef};
use std::ops::Range;

/// An extracted web page.
pub struct Page {
    pub text: String,
    pub styles: Vec<(Range<usize>, TextStyle)>,
    pub links: Vec<Link>,
    pub meta: PageMeta,
}

/// Extracts the article of an HTML page; `url` is where it came from, if fetched (relative
/// links are made absolute against it). Refuses pages nested too deeply and pages with no
/// text.
pub fn extract(html: &str, url: Option<&str>) -> Result<Page, LoadError> {
    if nesting_depth(html, MAX_DEPTH) > MAX_DEPTH {
        return Err(LoadError::TooDeep(MAX_DEPTH));
    }
    let none = || LoadError::NotText("no article text found in this HTML page");
    let url = url.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let mut r = dom_smoothie::Readability::new(html, url, None)
        .or_else(|_| dom_smoothie::Readability::new(html, None, None))
        .map_err(|_| none())?;
    let tags = r.get_article_metadata(None);
    let mut meta = html_meta::take_header(&r.doc, &tags);
    html_clean::remove_noise(&r.doc);
    html_clean::remove_link_boxes(&r.doc);
    html_clean::remove_repeated_pull_quotes(&r.doc);
    if meta.url.is_none() {
        meta.url = url.map(str::to_string);
    }
    let mut w = Writer::default();
    write_header(&mut w, &mut meta);
    let body_start = w.text.len();
    match r.parse() {
        Ok(article) => write_nodes(&mut w, &Document::from(article.content).root()),
        // Readability finds no article in very short pages: the cleaned page is the article.
        Err(_) => {
            if let Some(body) = r.doc.body() {
                write_nodes(&mut w, &body);
            }
        }
    }
    drop_repeated_subtitle(&mut w, &mut meta, body_start);
    let text = w.text.trim_end().to_string();
    if text.trim().is_empty() {
        return Err(none());
    }
    w.styles
        .retain(|(r, _)| r.end <= text.len() && r.start < r.end);
    w.styles.sort_by_key(|(r, _)| r.start);
    Ok(Page {
        text,
        styles: w.styles,
        links: w.links,
        meta,
    })
}

/// Deepest element nesting a page may have. Extraction costs grow with depth × size, so a
/// hostile page of 100k nested `<div>`s would take minutes; real articles stay far below.
pub const MAX_DEPTH: usize = 256;

/// How deeply the elements of a page nest, estimated in one pass without building a tree:
/// void and self-closed elements do not nest, a closing tag closes what it matches, and a
/// new `<p>`, `<li>`, `<td>`… closes an open one of its kind, as HTML parsers do. Stops
/// counting once `limit` is passed.
pub fn nesting_depth(html: &str, limit: usize) -> usize {
    let mut open: Vec<String> = Vec::new();
    // How many of each name are open, so that a stray closing tag costs nothing.
    let mut counts: std::collections::HashMap<String, usize> = Default::default();
    let mut deepest = 0;
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|o| i + o) {
        let rest = &html[lt..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| lt + e + 3);
            continue;
        }
        let end = rest.find('>').map_or(html.len(), |e| lt + e + 1);
        i = end;
        let closing = rest.starts_with("</");
        let name: String = rest[if closing { 2 } else { 1 }..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() {
            continue;
        }
        if closing || SIBLING_CLOSES.contains(&name.as_str()) {
            if counts.get(&name).is_some_and(|&n| n > 0) {
                while let Some(top) = open.pop() {
                    if let Some(n) = counts.get_mut(&top) {
                        *n -= 1;
                    }
                    if top == name {
                        break;
                    }
                }
            }
            if closing {
                continue;
            }
        }
        if VOID.contains(&name.as_str()) || html[..end].ends_with("/>") {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            // Script and style hold text, not elements: skip to their closing tag.
            i = find_closing(html, end, &name);
            continue;
        }
        *counts.entry(name.clone()).or_default() += 1;
        open.push(name);
        deepest = deepest.max(open.len());
        if deepest > limit {
            break;
        }
    }
    deepest
}

/// Where `</name` starts (any case) from `from` on, or the end of the page.
fn find_closing(html: &str, from: usize, name: &str) -> usize {
    let close = format!("</{name}");
    let hay = html.as_bytes();
    (from..hay.len().saturating_sub(close.len() - 1))
        .find(|&at| hay[at..at + close.len()].eq_ignore_ascii_case(close.as_bytes()))
        .unwrap_or(html.len())
}

/// Elements that never hold others.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
/// Elements whose start closes an open one of the same name.
const SIBLING_CLOSES: &[&str] = &["p", "li", "dt", "dd", "option", "tr", "td", "th"];
/// Elements whose content is text up to their closing tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The header block: headline, standfirst, then "By … · date".
fn write_header(w: &mut Writer, meta: &mut PageMeta) {
    if let Some(title) = meta.title.as_deref().map(strip_site_name) {
        meta.title = Some(title.clone());
        w.styled_block(&title, TextStyle::Heading);
    }
    if let Some(sub) = meta.subtitle.clone() {
        w.styled_block(&sub, TextStyle::Emphasis);
    }
    if let Some(byline) = meta.byline() {
        w.inline(&byline);
        w.block();
    }
}

/// A description from the page's metadata is often the first paragraph again: then it is not
/// a standfirst, and goes from the header block.
fn drop_repeated_subtitle(w: &mut Writer, meta: &mut PageMeta, body_start: usize) {
    let Some(sub) = meta.subtitle.clone() else {
        return;
    };
    let probe: String = sub.chars().take(60).collect();
    if !w.text[body_start..].contains(&probe) {
        return;
    }
    if let Some(at) = w.text[..body_start].find(&sub) {
        let end = (at + sub.len() + 2).min(body_start);
        let cut = end - at;
        w.text.replace_range(at..end, "");
        w.styles.retain(|(r, _)| !(r.start >= at && r.end <= end));
        for (r, _) in &mut w.styles {
            if r.start >= end {
                *r = r.start - cut..r.end - cut;
            }
        }
        for link in &mut w.links {
            link.marker = link.marker.start - cut..link.marker.end - cut;
        }
    }
    meta.subtitle = None;
}

/// "Headline | The Herald": the site's name after a separator is not part of the headline.
fn strip_site_name(title: &str) -> String {
    let title = title.trim();
    [" | ", " – ", " — ", " - "]
        .iter()
        .find_map(|sep| {
            title
                .rsplit_once(sep)
                .filter(|(head, site)| head.len() > site.len())
                .map(|(head, _)| head)
        })
        .unwrap_or(title)
        .to_string()
}

/// The article text being written: paragraphs separated by blank lines, white space
/// collapsed, styles and links recorded by byte range.
#[derive(Default)]
struct Writer {
    text: String,
    styles: Vec<(Range<usize>, TextStyle)>,
    links: Vec<Link>,
}

impl Writer {
    /// Ends the paragraph being written.
    fn block(&mut self) {
        let trimmed = self.text.trim_end_matches(' ').len();
        self.text.truncate(trimmed);
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            let newlines = self.text.len() - self.text.trim_end_matches('\n').len();
            self.text.push_str(&"\n\n"[newlines.min(2)..]);
        }
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
            self.text.push(' ');
        }
    }

    /// Text with its white space collapsed, as a browser shows it.
    fn inline(&mut self, s: &str) {
        if s.starts_with(char::is_whitespace) {
            self.space();
        }
        for (i, word) in s.split_whitespace().enumerate() {
            if i > 0 {
                self.space();
            }
            self.text.push_str(word);
        }
        if s.ends_with(char::is_whitespace) && !s.trim().is_empty() {
            self.space();
        }
    }

    /// Text kept as it is (preformatted), without blank lines that would split it.
    fn verbatim(&mut self, s: &str) {
        for line in s.split('\n') {
            let line = line.trim_end();
            if !line.is_empty() {
                if !self.text.is_empty() && !self.text.ends_with('\n') {
                    self.text.push('\n');
                }
                self.text.push_str(line);
            }
        }
    }

    fn styled_block(&mut self, s: &str, style: TextStyle) {
        self.block();
        let start = self.text.len();
        self.inline(s);
        self.close_style(start, style);
        self.block();
    }

    fn close_style(&mut self, start: usize, style: TextStyle) {
        let end = self.text.trim_end().len().max(start);
        if end > start {
            self.styles.push((start..end, style));
        }
    }

    /// After a link's text: its number, as a reference to the link list.
    fn close_link(&mut self, start: usize, url: String) {
        let text = self.text[start..].trim().to_string();
        if text.is_empty() {
            return;
        }
        let trimmed = self.text.trim_end_matches(' ').len();
        self.text.truncate(trimmed);
        let number = self.links.len() + 1;
        self.text.push(' ');
        let at = self.text.len();
        self.text.push_str(&format!("[{number}]"));
        let marker = at..self.text.len();
        self.styles.push((marker.clone(), TextStyle::Url));
        self.links.push(Link {
            number,
            text,
            url,
            marker,
        });
    }
}

/// What to do when an element's children are written.
struct Close {
    start: usize,
    block: bool,
    style: Option<TextStyle>,
    link: Option<String>,
    list: bool,
    pre: bool,
}

enum Step<'a> {
    Open(NodeRef<'a>),
    Close(Close),
}

/// Elements whose content is never article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "head", "title", "meta", "link", "button",
    "form", "iframe", "object", "embed", "select", "textarea",
];

/// Elements that make paragraphs.
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "header", "footer", "aside", "figure", "table", "tr",
    "dl", "dt", "dd", "address", "details", "summary", "center", "caption", "hr", "br",
];

/// Writes a node and everything under it, with an explicit stack (no recursion: hostile
/// pages nest deeply).
fn write_nodes(w: &mut Writer, root: &NodeRef) {
    let mut stack: Vec<Step> = root.children_it(true).map(Step::Open).collect();
    // Each open list: the next number of an ordered list, or None for bullets.
    let mut lists: Vec<Option<usize>> = Vec::new();
    let mut pre = 0usize;
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Close(c) => {
                close(w, c, &mut lists, &mut pre);
                continue;
            }
            Step::Open(node) => node,
        };
        if node.is_text() {
            let text = node.text();
            if pre > 0 {
                w.verbatim(&text)
            } else {
                w.inline(&text)
            }
            continue;
        }
        if !node.is_element() {
            continue;
        }
        let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
        if SKIPPED.contains(&name.as_str()) {
            continue;
        }
        let close = open(w, &node, &name, &mut lists, &mut pre);
        stack.push(Step::Close(close));
        stack.extend(node.children_it(true).map(Step::Open));
    }
}

/// Starts an element: paragraph breaks, list markers, caption labels; returns how to end it.
fn open(
    w: &mut Writer,
    node: &NodeRef,
    name: &str,
    lists: &mut Vec<Option<usize>>,
    pre: &mut usize,
) -> Close {
    let heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    let block = heading
        || BLOCKS.contains(&name)
        || matches!(
            name,
            "ul" | "ol" | "li" | "blockquote" | "pre" | "figcaption"
        );
    if block {
        w.block();
    }
    match name {
        "ul" => lists.push(None),
        "ol" => lists.push(Some(1)),
        "li" => list_marker(w, lists),
        "td" | "th" if !w.text.is_empty() && !w.text.ends_with('\n') => w.text.push_str(" | "),
        "pre" => *pre += 1,
        "figcaption" => w.text.push_str("Caption: "),
        _ => {}
    }
    let style = match name {
        _ if heading => Some(TextStyle::Heading),
        "em" | "i" | "cite" | "figcaption" => Some(TextStyle::Emphasis),
        "strong" | "b" => Some(TextStyle::Strong),
        "code" | "pre" => Some(TextStyle::Code),
        "blockquote" => Some(TextStyle::BlockQuote),
        _ => None,
    };
    let link = (name == "a")
        .then(|| node.attr("href"))
        .flatten()
        .map(|h| h.trim().to_string())
        .filter(|h| is_followable(h));
    Close {
        start: w.text.len(),
        block,
        style,
        link,
        list: matches!(name, "ul" | "ol"),
        pre: name == "pre",
    }
}

fn list_marker(w: &mut Writer, lists: &mut [Option<usize>]) {
    // Deeper lists line up with the deepest indent (the text must not grow with its square).
    let levels = lists
        .len()
        .saturating_sub(1)
        .min(super::markdown::MAX_INDENT_LEVELS);
    w.text.push_str(&"  ".repeat(levels));
    match lists.last_mut() {
        Some(Some(n)) => {
            w.text.push_str(&format!("{n}. "));
            *n += 1;
        }
        _ => w.text.push_str("• "),
    }
}

fn close(w: &mut Writer, c: Close, lists: &mut Vec<Option<usize>>, pre: &mut usize) {
    if let Some(style) = c.style {
        w.close_style(c.start, style);
    }
    if let Some(url) = c.link {
        w.close_link(c.start, url);
    }
    if c.list {
        lists.pop();
    }
    if c.pre {
        *pre = pre.saturating_sub(1);
    }
    if c.block {
        w.block();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_as_parsers_see_it() {
        assert_eq!(nesting_depth("<div><div><p>a</div></div>", 99), 3);
        // Unclosed paragraphs and list items are siblings, void elements hold nothing.
        assert_eq!(nesting_depth("<p>a<p>b<p>c<br><img src=x>", 99), 1);
        assert_eq!(
            nesting_depth("<ul><li>d<li>e<li>f</ul><ul><li>g</ul>", 99),
            2
        );
        // Tags inside scripts and comments are not elements.
        assert_eq!(
            nesting_depth(
                "<script>'<div><div><div>'</script><!-- <div><div> --><b/>",
                99
            ),
            0
        );
        let deep = "<div>".repeat(100_000);
        assert_eq!(nesting_depth(&deep, MAX_DEPTH), MAX_DEPTH + 1);
    }

    #[test]
    fn keeps_the_article_and_drops_the_rest() {
        let html = r#"<html><head><title>Talks Collapse | Herald</title><script>var s = "“no”";</script></head>
            <body><nav><a href="/">Home</a></nav><div class="ad">BUY NOW</div>
            <article><h1>Talks Collapse</h1><p class="byline">By Ilse Varga</p>
            <p>“We are done,” said Marta Kovacs, the union's secretary, after the long meeting ended late on Monday evening in the harbour offices, where delegates had argued over pay and night shifts for three weeks.</p>
            <p>The minister urged both sides to return to the table before the weekend, warning of the cost to exporters, who have already begun to reroute cargo through other ports along the coast.</p>
            <p>Analysts said each day of the stoppage would cost the economy tens of millions of euros, and that smaller firms would be hit first because they cannot afford the longer routes.</p></article>
            <section class="comments"><p>“Great article,” said Bob.</p></section><footer>© Herald</footer></body></html>"#;
        let page = extract(html, None).expect("article");
        assert!(
            page.text
                .starts_with("Talks Collapse\n\nBy Ilse Varga\n\n“We are done,”"),
            "{}",
            page.text
        );
        for gone in ["BUY NOW", "Great article", "var s", "Home"] {
            assert!(!page.text.contains(gone), "{gone}: {}", page.text);
        }
        assert_eq!(page.meta.authors, vec!["Ilse Varga"]);
    }

    #[test]
    fn a_description_that_repeats_the_first_paragraph_is_no_standfirst() {
        let first = "The ferry to the north islands will stop running in winter, the operator said on Monday, after two of its three boats failed their inspections.";
        let html = format!(
            r#"<html><head><meta property="og:description" content="{first}"></head><body><article>
            <h1>Ferry Stops</h1><p>{first} <a href="https://example.org/r">Report</a></p>
            <p>Islanders said they had not been told and would ask the council to intervene before the first storms of the season arrived in November.</p></article></body></html>"#
        );
        let page = extract(&html, None).expect("article");
        assert_eq!(page.meta.subtitle, None);
        assert!(
            page.text.starts_with("Ferry Stops\n\nThe ferry"),
            "{}",
            page.text
        );
        assert_eq!(page.text.matches("will stop running").count(), 1);
        let link = &page.links[0];
        assert_eq!(&page.text[link.marker.clone()], "[1]");
        assert!(
            page.styles
                .iter()
                .all(|(r, _)| page.text.is_char_boundary(r.start)
                    && page.text.is_char_boundary(r.end))
        );
    }

    #[test]
    fn deep_lists_stop_indenting() {
        let depth = 100;
        let html = format!(
            "<html><body>{}<li>deep</li>{}</body></html>",
            "<ul><li>item".repeat(depth),
            "</li></ul>".repeat(depth)
        );
        let page = extract(&html, None).expect("text");
        let widest = page.text.lines().map(str::len).max().unwrap_or(0);
        assert!(widest < 40, "{widest}");
    }

    #[test]
    fn links_become_numbered_references_and_captions_stay() {
        let html = r##"<html><body><article><h1>Ferry Fares</h1>
            <p>The council published <a href="https://example.org/report.pdf">its report</a> on Friday, and the <a href="#top">figures</a> in it were discussed by the transport committee for most of the afternoon session.</p>
            <figure><img src="f.jpg"><figcaption>The ferry at the north quay.</figcaption></figure>
            <ol><li>First stop</li><li>Second stop<ul><li>Inner</li></ul></li></ol>
            <p>Fares will rise by a tenth from June, the council said in its statement, citing fuel and the cost of repairs to the ageing fleet that serves the islands.</p></article></body></html>"##;
        let page = extract(html, None).expect("article");
        assert!(
            page.text.contains("its report [1] on Friday"),
            "{}",
            page.text
        );
        assert!(page.text.contains("the figures in it"), "{}", page.text);
        assert_eq!(page.links.len(), 1);
        assert_eq!(page.links[0].url, "https://example.org/report.pdf");
        assert_eq!(&page.text[page.links[0].marker.clone()], "[1]");
        assert!(
            page.text.contains("Caption: The ferry at the north quay."),
            "{}",
            page.text
        );
        assert!(
            page.text
                .contains("1. First stop\n\n2. Second stop\n\n  • Inner"),
            "{}",
            page.text
        );
    }
}
