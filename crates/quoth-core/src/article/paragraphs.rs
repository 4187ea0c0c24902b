//! Splitting text into paragraphs.
//!
//! News text comes in two shapes: one paragraph per line (web copies, most corpora), or
//! paragraphs hard-wrapped over several lines and separated by blank lines (mail, archives).
//! A block of lines between blank lines is one paragraph only when it looks hard-wrapped.

use std::ops::Range;

/// Byte ranges of the paragraphs of `text`, trimmed, empty ones left out.
pub fn split_paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut block: Vec<Range<usize>> = Vec::new();
    let mut pos = 0;
    // Lines end in LF, CRLF, a lone CR (old Mac files) or a form feed (which also separates
    // paragraphs, like a blank line).
    for line in text.split_inclusive(['\n', '\r', '\x0c']) {
        if line == "\n" && text[..pos].ends_with('\r') {
            pos += 1; // the LF of a CRLF
            continue;
        }
        if line.ends_with('\x0c') {
            let range = trim_range(text, pos, pos + line.len());
            pos += line.len();
            if !range.is_empty() {
                block.push(range);
            }
            flush_block(&mut block, &mut out);
            continue;
        }
        let range = trim_range(text, pos, pos + line.len());
        pos += line.len();
        if range.is_empty() {
            flush_block(&mut block, &mut out);
        } else {
            block.push(range);
        }
    }
    flush_block(&mut block, &mut out);
    out
}

fn flush_block(block: &mut Vec<Range<usize>>, out: &mut Vec<Range<usize>>) {
    if block.is_empty() {
        return;
    }
    if looks_hard_wrapped(block) {
        out.push(block[0].start..block[block.len() - 1].end);
    } else {
        out.append(block);
    }
    block.clear();
}

/// Hard-wrapped prose: several lines, all but the last of similar, moderate length.
fn looks_hard_wrapped(lines: &[Range<usize>]) -> bool {
    lines.len() >= 2
        && lines[..lines.len() - 1]
            .iter()
            .all(|r| (40..=100).contains(&r.len()))
}

fn trim_range(text: &str, start: usize, end: usize) -> Range<usize> {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return start..start;
    }
    start + lead..end - trail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        split_paragraphs(text)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn blank_lines_separate_paragraphs() {
        assert_eq!(
            paras("One.\n\nTwo.\r\n\r\n  Three.  \n"),
            vec!["One.", "Two.", "Three."]
        );
    }

    #[test]
    fn long_lines_are_paragraphs_of_their_own() {
        let a = "a".repeat(150);
        let b = "b".repeat(150);
        let text = format!("{a}\n{b}\n");
        assert_eq!(paras(&text).len(), 2);
    }

    #[test]
    fn hard_wrapped_block_is_one_paragraph() {
        let line = "word ".repeat(14);
        let text = format!("{line}\n{line}\nend.\n\nNext.");
        assert_eq!(paras(&text).len(), 2);
    }

    #[test]
    fn crlf_cr_and_form_feeds() {
        assert_eq!(paras("One.\r\n\r\nTwo.\r\n"), vec!["One.", "Two."]);
        assert_eq!(paras("One.\r\rTwo.\r"), vec!["One.", "Two."]);
        assert_eq!(paras("One.\x0cTwo."), vec!["One.", "Two."]);
    }

    #[test]
    fn empty_text_has_no_paragraphs() {
        assert!(split_paragraphs("").is_empty());
        assert!(split_paragraphs("\n \n\t\n").is_empty());
    }
}
