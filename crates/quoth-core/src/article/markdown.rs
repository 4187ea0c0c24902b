//! Markdown articles, rendered for reading: headings, emphasis, lists, links (the address
//! shown dimmed after the link text), code and block quotes. Attribution and notes work on the
//! rendered text; a segment map leads back to the file's bytes.

use super::{TextStyle, source_map::SourceMap};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Deepest list indentation shown (levels below it are shown at this depth).
const MAX_INDENT: usize = 8;

pub struct Rendered {
    pub text: String,
    pub map: SourceMap,
    pub styles: Vec<(Range<usize>, TextStyle)>,
}

pub fn render(src: &str) -> Rendered {
    let mut out = String::with_capacity(src.len());
    let mut segs: Vec<(usize, usize)> = Vec::new();
    let mut styles: Vec<(Range<usize>, TextStyle)> = Vec::new();
    let mut open: Vec<(usize, TextStyle)> = Vec::new();
    let mut lists = 0usize;
    let mut links: Vec<String> = Vec::new();
    let block = |out: &mut String| {
        let trimmed = out.trim_end_matches([' ', '\n']).len();
        out.truncate(trimmed);
        if !out.is_empty() {
            out.push_str("\n\n");
        }
    };
    for (ev, range) in Parser::new_ext(src, Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES)
        .into_offset_iter()
    {
        match ev {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::CodeBlock(_) | Tag::TableRow | Tag::TableHead => {
                    if lists == 0 || !out.ends_with("• ") {
                        block(&mut out);
                    }
                    if matches!(tag, Tag::CodeBlock(_)) {
                        open.push((out.len(), TextStyle::Code));
                    }
                }
                Tag::Heading { .. } => {
                    block(&mut out);
                    open.push((out.len(), TextStyle::Heading));
                }
                Tag::BlockQuote(_) => {
                    block(&mut out);
                    open.push((out.len(), TextStyle::BlockQuote));
                }
                Tag::List(_) => lists += 1,
                Tag::Item => {
                    block(&mut out);
                    // Indentation stops growing at a few levels: `- - - … text` nested
                    // thousands deep would otherwise make the text quadratic in size.
                    out.push_str(&"  ".repeat(lists.saturating_sub(1).min(MAX_INDENT)));
                    out.push_str("• ");
                }
                Tag::Emphasis => open.push((out.len(), TextStyle::Emphasis)),
                Tag::Strong => open.push((out.len(), TextStyle::Strong)),
                Tag::Link { dest_url, .. } => links.push(dest_url.to_string()),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Emphasis
                | TagEnd::Strong => {
                    if let Some((start, style)) = open.pop() {
                        let end = out.trim_end().len().max(start);
                        styles.push((start..end, style));
                    }
                    if matches!(
                        end,
                        TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock
                    ) {
                        block(&mut out);
                    }
                }
                TagEnd::List(_) => {
                    lists = lists.saturating_sub(1);
                    block(&mut out);
                }
                TagEnd::Link => {
                    if let Some(url) = links.pop().filter(|u| !u.is_empty()) {
                        let start = out.len();
                        out.push_str(" ⟨");
                        out.push_str(&url);
                        out.push('⟩');
                        styles.push((start..out.len(), TextStyle::Url));
                    }
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) => {
                let code = src.get(range.clone()).is_some_and(|s| s.starts_with('`'));
                let at = if code {
                    range.start + src[range.clone()].len()
                        - src[range.clone()].trim_start_matches('`').len()
                } else {
                    range.start
                };
                segs.push((out.len(), at));
                let start = out.len();
                out.push_str(&t);
                if code {
                    styles.push((start..out.len(), TextStyle::Code));
                }
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Rule => block(&mut out),
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    styles.retain(|(r, _)| r.end <= out.len() && r.start < r.end);
    styles.sort_by_key(|(r, _)| r.start);
    Rendered {
        text: out,
        map: SourceMap::Segments(segs),
        styles,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_lists_grow_the_text_linearly() {
        let size = |n: usize| render(&format!("{}text\n", "- ".repeat(n))).text.len();
        let (small, big) = (size(500), size(4000));
        assert!(big <= 10 * small, "{small} → {big}");
    }

    #[test]
    fn renders_blocks_and_keeps_offsets() {
        let src = "# Title\n\nSome *emphasis* and a [link](https://x.org).\n\n- one\n- two\n\n> “Quoted,” she said.\n";
        let r = render(src);
        assert!(
            r.text
                .starts_with("Title\n\nSome emphasis and a link ⟨https://x.org⟩."),
            "{:?}",
            r.text
        );
        assert!(r.text.contains("• one\n\n• two"), "{:?}", r.text);
        let q = r.text.find('“').expect("quote");
        assert_eq!(
            r.map.to_source(&r.text, q),
            src.find('“').expect("quote in source")
        );
        assert!(r.styles.iter().any(|(_, s)| *s == TextStyle::Heading));
        assert!(r.styles.iter().any(|(_, s)| *s == TextStyle::Url));
    }
}
