//! The cleaning dom_smoothie (Readability) lacks, done on the page before extraction: ads,
//! sponsored boxes, share bars, newsletter sign-ups, related-link lists and cookie banners are
//! removed by the class, id, `role` and `aria-label` conventions Readability and its ports use;
//! a pull quote that repeats words of the body is removed so it is not a second statement.

use dom_query::{Document, NodeId, NodeRef};
use rustc_hash::FxHashMap;

/// Whole class or id tokens (split at spaces, '-' and '_') that mark page furniture.
const NOISE_TOKENS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adslot",
    "adunit",
    "dfp",
    "sponsor",
    "sponsored",
    "promo",
    "promoted",
    "share",
    "sharing",
    "sharebar",
    "social",
    "newsletter",
    "signup",
    "subscribe",
    "subscription",
    "related",
    "recommended",
    "recirculation",
    "popular",
    "trending",
    "outbrain",
    "taboola",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "paywall",
    "comments",
    "disqus",
    "popup",
    "modal",
    "breadcrumb",
    "breadcrumbs",
];

/// Pieces that mark furniture even inside a longer token ("adslot-top", "newsletterBox").
const NOISE_PARTS: &[&str] = &["advert", "sponsor", "newsletter", "taboola", "outbrain"];

/// `aria-label` words of furniture ("Advertisement", "Share this article").
const NOISE_LABELS: &[&str] = &[
    "advert",
    "sponsor",
    "share",
    "newsletter",
    "related",
    "recommended",
];

/// ARIA roles of page furniture.
const NOISE_ROLES: &[&str] = &[
    "navigation",
    "contentinfo",
    "dialog",
    "alertdialog",
    "search",
];

/// Elements that never hold article text.
const NOISE_ELEMENTS: &[&str] = &[
    "nav", "form", "button", "iframe", "select", "input", "textarea", "dialog",
];

/// Removes page furniture from the document.
pub fn remove_noise(doc: &Document) {
    let Some(body) = doc.body() else { return };
    let texts = text_summaries(&body);
    let len = |n: &NodeRef| texts.get(&n.id).map_or(0, |s| s.len);
    let body_len = len(&body).max(1);
    let doomed: Vec<NodeRef> = body
        .descendants_it()
        .filter(|n| n.is_element() && is_noise(n) && !holds_the_article(n, len(n), body_len))
        .collect();
    for node in doomed {
        node.remove_from_parent();
    }
}

/// What a node's text amounts to: its length, how much of it is link text, and how it begins
/// (white space collapsed, at most [`LEAD_CHARS`] characters).
#[derive(Default)]
struct TextSummary {
    len: usize,
    linked: usize,
    lead: String,
}

const LEAD_CHARS: usize = 48;

/// Every node's [`TextSummary`], in one pass from the leaves up (asking each node for its text
/// would be quadratic on deeply nested pages).
fn text_summaries(root: &NodeRef) -> FxHashMap<NodeId, TextSummary> {
    let mut order: Vec<NodeRef> = vec![*root];
    order.extend(root.descendants_it());
    let mut out: FxHashMap<NodeId, TextSummary> = FxHashMap::default();
    for node in order.iter().rev() {
        let summary = if node.is_text() {
            let text = node.text();
            TextSummary {
                len: text.len(),
                linked: 0,
                lead: collapse(&text).chars().take(LEAD_CHARS).collect(),
            }
        } else {
            let mut s = TextSummary::default();
            for child in node.children_it(false) {
                if let Some(c) = out.get(&child.id) {
                    s.len += c.len;
                    s.linked += c.linked;
                    if s.lead.chars().count() < LEAD_CHARS {
                        s.lead = collapse(&format!("{}{}", s.lead, c.lead));
                    }
                }
            }
            if node.is("a") {
                s.linked = s.len;
            }
            s
        };
        out.insert(node.id, summary);
    }
    out
}

/// White space runs as one space (kept at the ends, where it separates from neighbours).
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(LEAD_CHARS * 4));
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
        if out.len() > LEAD_CHARS * 4 {
            return out;
        }
    }
    if space {
        out.push(' ');
    }
    out
}

/// Whether an element's name, class, id, role or label says it is furniture.
fn is_noise(node: &NodeRef) -> bool {
    let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
    if NOISE_ELEMENTS.contains(&name.as_str()) {
        return true;
    }
    if let Some(role) = node.attr("role")
        && NOISE_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
    {
        return true;
    }
    if let Some(label) = node.attr("aria-label") {
        let label = label.to_ascii_lowercase();
        if NOISE_LABELS.iter().any(|w| label.contains(w)) {
            return true;
        }
    }
    let names = class_and_id(node);
    names
        .split([' ', '\t', '\n', '-', '_'])
        .any(|t| NOISE_TOKENS.contains(&t) || NOISE_PARTS.iter().any(|p| t.contains(p)))
}

/// A box that holds most of the page's text is the article, whatever its class says (a body
/// marked "share-enabled" is not a share bar).
fn holds_the_article(node: &NodeRef, len: usize, body_len: usize) -> bool {
    let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
    matches!(name.as_str(), "body" | "html" | "article" | "main") || len * 5 > body_len * 2
}

/// How "read more" boxes without a telling class begin.
const LINK_LIST_LEADS: &[&str] = &[
    "read more",
    "read also",
    "also read",
    "related",
    "see also",
    "more on this",
    "most read",
    "recommended",
];

/// Removes short paragraphs and lists that are mostly links and begin like a "read more"
/// box ("Read more: Fuel prices hit a high"), which pages put inside the body unclassed.
pub fn remove_link_boxes(doc: &Document) {
    let Some(body) = doc.body() else { return };
    let texts = text_summaries(&body);
    let doomed: Vec<NodeRef> = body
        .descendants_it()
        .filter(|n| n.is_element() && (n.is("p") || n.is("ul") || n.is("div")))
        .filter(|n| texts.get(&n.id).is_some_and(is_link_box))
        .collect();
    for node in doomed {
        node.remove_from_parent();
    }
}

/// Longer than this, a paragraph is prose, whatever it begins with.
const MAX_LINK_BOX_CHARS: usize = 300;

fn is_link_box(text: &TextSummary) -> bool {
    let lead = text.lead.trim_start().to_lowercase();
    text.len > 0
        && text.len <= MAX_LINK_BOX_CHARS
        && text.linked * 2 >= text.len
        && LINK_LIST_LEADS.iter().any(|l| lead.starts_with(l))
}

/// An element's class and id, lower-cased and space-separated: the names that page
/// conventions (ads, share bars, bylines, pull quotes) are read from.
pub(super) fn class_and_id(node: &NodeRef) -> String {
    format!(
        "{} {}",
        node.attr("class").unwrap_or_default(),
        node.attr("id").unwrap_or_default()
    )
    .to_ascii_lowercase()
}

/// Whether an element is a pull quote: a class or id naming one ("pullquote", "pull-quote"),
/// or an `<aside>` that holds a `<blockquote>`.
fn is_pull_quote(node: &NodeRef) -> bool {
    let names = class_and_id(node).replace(['-', '_'], "");
    let name = node.node_name().unwrap_or_default().to_ascii_lowercase();
    names.contains("pullquote")
        || names.contains("pulledquote")
        || name == "aside" && node.element_children().iter().any(|d| d.is("blockquote"))
}

const MAX_PULL_QUOTES: usize = 64;

/// Removes pull quotes whose words mostly repeat the body's: the statement is already there.
pub fn remove_repeated_pull_quotes(doc: &Document) {
    let Some(body) = doc.body() else { return };
    // A page has a handful; a bound keeps a hostile page from costing a text walk per element.
    let pulls: Vec<NodeRef> = body
        .descendants_it()
        .filter(|n| n.is_element() && is_pull_quote(n))
        .take(MAX_PULL_QUOTES)
        .collect();
    if pulls.is_empty() {
        return;
    }
    let counts = trigram_counts(&body.text());
    for pull in pulls {
        let grams = trigrams(&pull.text());
        // The pull quote's own words count once; seen twice, they are in the body as well.
        let repeated = grams
            .iter()
            .filter(|g| counts.get(*g).copied().unwrap_or(0) >= 2)
            .count();
        if !grams.is_empty() && repeated * 5 >= grams.len() * 3 {
            pull.remove_from_parent();
        }
    }
}

/// Words lowercased, letters and digits only.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn trigrams(text: &str) -> Vec<String> {
    words(text).windows(3).map(|w| w.join(" ")).collect()
}

fn trigram_counts(text: &str) -> FxHashMap<String, u32> {
    let mut counts = FxHashMap::default();
    for g in trigrams(text) {
        *counts.entry(g).or_insert(0) += 1;
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(html: &str) -> String {
        let doc = Document::from(html);
        remove_noise(&doc);
        remove_link_boxes(&doc);
        remove_repeated_pull_quotes(&doc);
        doc.body().map(|b| b.text().to_string()).unwrap_or_default()
    }

    const BODY: &str = "<p>“The bridge will open in May,” said Ilse Varga, the city engineer, at a briefing on Tuesday about the works on the river crossing and the delays of the last winter.</p>";

    #[test]
    fn ads_share_bars_and_signups_go() {
        let html = format!(
            "<body><article>{BODY}<div class=\"ad-slot advertisement\">“Best rates,” says LoanCo.</div>\
             <ul class=\"share-bar\"><li>Share on Mastodon</li></ul>\
             <div id=\"newsletterSignup\">Get our newsletter</div>\
             <div aria-label=\"Advertisement\">Buy now</div>\
             <section class=\"related-stories\"><a href=\"/x\">More on bridges</a></section>\
             <p class=\"header-note\">Reading time: 3 minutes, kept.</p></article></body>"
        );
        let text = cleaned(&html);
        assert!(
            text.contains("Ilse Varga") && text.contains("kept"),
            "{text}"
        );
        for gone in ["LoanCo", "Mastodon", "newsletter", "Buy now", "More on"] {
            assert!(!text.contains(gone), "{gone} survived: {text}");
        }
    }

    #[test]
    fn read_more_boxes_go_and_prose_about_reading_stays() {
        let html = format!(
            "<body>{BODY}<p><strong>Read more:</strong> <a href=\"/f\">Fuel prices hit a high</a></p>\
             <p>Related to the works, the council <a href=\"/r\">published</a> a report on the river crossing and its delays.</p></body>"
        );
        let text = cleaned(&html);
        assert!(!text.contains("Fuel prices"), "{text}");
        assert!(text.contains("Related to the works"), "{text}");
    }

    #[test]
    fn a_body_with_a_furniture_class_stays() {
        let html = format!("<body><div class=\"story share-enabled\">{BODY}</div></body>");
        assert!(cleaned(&html).contains("Ilse Varga"));
    }

    #[test]
    fn a_repeating_pull_quote_goes_and_a_new_one_stays() {
        let repeat = format!(
            "<body>{BODY}<aside class=\"pullquote\"><blockquote>The bridge will open in May</blockquote></aside></body>"
        );
        let text = cleaned(&repeat);
        assert_eq!(text.matches("bridge will open").count(), 1, "{text}");
        let fresh = format!(
            "<body>{BODY}<blockquote class=\"pull-quote\">Nothing like this was said in the story</blockquote></body>"
        );
        assert!(cleaned(&fresh).contains("Nothing like this"));
    }
}
