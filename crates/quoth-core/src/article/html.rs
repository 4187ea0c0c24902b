//! Saved web pages: the article is extracted with dom_smoothie (Mozilla Readability's
//! algorithm), dropping navigation, ads, scripts, comments and footers, and kept as plain
//! paragraphs: the title, the byline, then the text.

use super::LoadError;

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

pub fn extract(html: &str) -> Result<String, LoadError> {
    if nesting_depth(html, MAX_DEPTH) > MAX_DEPTH {
        return Err(LoadError::TooDeep(MAX_DEPTH));
    }
    let none = || LoadError::NotText("no article text found in this HTML page");
    let mut r = dom_smoothie::Readability::new(html, None, None).map_err(|_| none())?;
    let article = r.parse().map_err(|_| none())?;
    let mut paragraphs: Vec<String> = Vec::new();
    let body: Vec<String> = article
        .text_content
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    // "Headline | The Herald": the site's name after a separator is not part of the headline.
    let title = article.title.trim();
    let title = [" | ", " – ", " — ", " - "]
        .iter()
        .find_map(|sep| {
            title
                .rsplit_once(sep)
                .filter(|(head, site)| head.len() > site.len())
                .map(|(head, _)| head)
        })
        .unwrap_or(title)
        .to_string();
    // Readability keeps the page title ("Headline | Site"); the article's own heading is
    // usually the first line of the text.
    let heading_first = body
        .first()
        .is_some_and(|first| !title.is_empty() && title.starts_with(first.as_str()));
    if !heading_first && !title.is_empty() {
        paragraphs.push(title);
    }
    let mut body = body.into_iter();
    if heading_first {
        paragraphs.extend(body.next());
    }
    if let Some(byline) = article
        .byline
        .as_deref()
        .map(str::trim)
        .filter(|b| !b.is_empty())
    {
        paragraphs.push(byline.to_string());
    }
    paragraphs.extend(body);
    let text = paragraphs.join("\n\n");
    (!text.trim().is_empty()).then_some(text).ok_or_else(none)
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
            <article><h1>Talks Collapse</h1><p class="byline">By a reporter</p>
            <p>“We are done,” said Marta Kovacs, the union's secretary, after the long meeting ended late on Monday evening in the harbour offices, where delegates had argued over pay and night shifts for three weeks.</p>
            <p>The minister urged both sides to return to the table before the weekend, warning of the cost to exporters, who have already begun to reroute cargo through other ports along the coast.</p>
            <p>Analysts said each day of the stoppage would cost the economy tens of millions of euros, and that smaller firms would be hit first because they cannot afford the longer routes.</p></article>
            <section class="comments"><p>“Great article,” said Bob.</p></section><footer>© Herald</footer></body></html>"#;
        let text = extract(html).expect("article");
        assert!(
            text.starts_with("Talks Collapse\n\nBy a reporter\n\n“We are done,”"),
            "{text}"
        );
        assert!(
            !text.contains("BUY NOW") && !text.contains("Great article") && !text.contains("var s"),
            "{text}"
        );
    }
}
