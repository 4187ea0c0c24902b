//! Making untrusted article text safe and measurable for the terminal.
//!
//! Every character of the article goes through [`display`] before it reaches the screen:
//! control characters become visible symbols (so escape sequences can never reach the
//! terminal), tabs become spaces, and bidi overrides are shown, not obeyed.

use unicode_segmentation::GraphemeCursor;
use unicode_width::UnicodeWidthChar;

pub mod marks;
pub mod sentence;

/// How a character of the article is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// As itself.
    Itself(char),
    /// As another, visible character (a control picture, a replacement mark).
    As(char),
    /// A tab: this many spaces.
    Spaces(u8),
}

/// Columns a tab takes.
pub const TAB_WIDTH: u8 = 4;

pub fn display(c: char) -> Shown {
    match c {
        '\t' => Shown::Spaces(TAB_WIDTH),
        // Line and paragraph separators (rendered Markdown breaks lines with U+2028) print as
        // white space, like newlines: some terminals would move the cursor for them.
        '\n' | '\r' | '\u{2028}' | '\u{2029}' => Shown::As(' '),
        // C0 controls as their control pictures: ESC is shown as ␛, never sent.
        '\u{0}'..='\u{1f}' => Shown::As(char::from_u32(0x2400 + c as u32).unwrap_or('�')),
        '\u{7f}' => Shown::As('␡'),
        // C1 controls (CSI, OSC in their 8-bit form) and bidi overrides and isolates.
        '\u{80}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}'
        | '\u{200e}'
        | '\u{200f}'
        | '\u{061c}' => Shown::As('�'),
        _ => Shown::Itself(c),
    }
}

/// Columns a character takes on screen.
pub fn width(c: char) -> usize {
    match display(c) {
        Shown::Itself(c) => c.width().unwrap_or(0),
        Shown::As(c) => c.width().unwrap_or(1),
        Shown::Spaces(n) => n as usize,
    }
}

/// Appends the shown form of `s` to `out`.
pub fn push_shown(out: &mut String, s: &str) {
    for c in s.chars() {
        match display(c) {
            Shown::Itself(c) | Shown::As(c) => out.push(c),
            Shown::Spaces(n) => out.extend(std::iter::repeat_n(' ', n as usize)),
        }
    }
}

/// `s` made safe to print as one line of a terminal: the one rule for every byte quoth
/// prints (file names, speaker names, error messages, note bodies). Line breaks become spaces.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_shown(&mut out, s);
    out
}

/// At most `cols` columns of `s` as shown. Truncation happens after sanitising, so it can never
/// leave half an escape sequence behind.
pub fn printable_prefix(s: &str, cols: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in printable(s).chars() {
        let w = c.width().unwrap_or(0);
        if used + w > cols {
            break;
        }
        used += w;
        out.push(c);
    }
    out
}

/// Several lines for a terminal: each line as [`printable`], the line breaks kept.
pub fn printable_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, line) in s.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        push_shown(&mut out, line);
    }
    out
}

/// Whether a character may steer a terminal or reorder text: C0 and C1 controls, DEL, and
/// bidi overrides, embeddings, isolates and marks.
pub fn is_steering(c: char) -> bool {
    !matches!(display(c), Shown::Itself(_))
}

/// Text for a file or a pipe (a Markdown export): kept as it is, line breaks and tabs
/// included, but without the characters of [`is_steering`], which no reader of the file wants.
pub fn without_controls(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\n' || c == '\t' || !is_steering(c))
        .collect()
}

/// Total columns of a string as shown.
pub fn str_width(s: &str) -> usize {
    s.chars().map(width).sum()
}

/// JSON text with every character of [`is_steering`] written as a `\uXXXX` escape. The JSON
/// means exactly the same (those characters only occur inside strings, and serde_json already
/// escapes C0), but C1 controls and bidi overrides no longer reach a terminal raw.
pub fn json_escaped(json: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_steering(c) && !c.is_ascii() {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

/// Line numbers of byte offsets, found by binary search over the line starts: built in one
/// pass, so numbering every quotation of a one-line 10 MB file stays n log n.
pub struct LineIndex {
    /// Byte offset where each line after the first starts.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let starts = text
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .map(|(i, _)| i + 1)
            .collect();
        LineIndex { starts }
    }

    /// The 1-based line number of a byte offset.
    pub fn line_of(&self, offset: usize) -> usize {
        1 + self.starts.partition_point(|&s| s <= offset)
    }
}

/// The start of the grapheme cluster after the one at byte `at` ("é" written as e and a
/// combining accent, a flag, a family emoji are one step for the caret).
pub fn next_grapheme(t: &str, at: usize) -> usize {
    let at = grapheme_floor(t, at);
    let mut cursor = GraphemeCursor::new(at, t.len(), true);
    cursor.next_boundary(t, 0).ok().flatten().unwrap_or(t.len())
}

/// The start of the grapheme cluster before byte `at`.
pub fn prev_grapheme(t: &str, at: usize) -> usize {
    let at = grapheme_floor(t, at);
    let mut cursor = GraphemeCursor::new(at, t.len(), true);
    cursor.prev_boundary(t, 0).ok().flatten().unwrap_or(0)
}

/// `at`, moved back to the start of the grapheme cluster it falls in.
pub fn grapheme_floor(t: &str, at: usize) -> usize {
    let mut at = at.min(t.len());
    while !t.is_char_boundary(at) {
        at -= 1;
    }
    let mut cursor = GraphemeCursor::new(at, t.len(), true);
    match cursor.is_boundary(t, 0) {
        Ok(false) => cursor.prev_boundary(t, 0).ok().flatten().unwrap_or(0),
        _ => at,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let s = printable("a\u{1b}]52;c;aGk=\u{7}b\u{1b}[2J\u{9b}31m");
        assert!(!s.chars().any(|c| c.is_control()), "{s:?}");
        assert!(s.contains('␛'));
    }

    #[test]
    fn line_separators_print_as_spaces() {
        assert_eq!(printable("a\u{2028}b\u{2029}c"), "a b c");
    }

    #[test]
    fn bidi_overrides_are_shown_not_obeyed() {
        assert!(!printable("abc\u{202e}def").contains('\u{202e}'));
    }

    #[test]
    fn truncation_never_leaves_half_an_escape() {
        let evil = "Evil\u{1b}]0;T\u{7}\u{1b}[31m\u{9b}2J\u{202e}name";
        for cols in 0..20 {
            let s = printable_prefix(evil, cols);
            assert!(!s.chars().any(is_steering), "{cols}: {s:?}");
            assert!(str_width(&s) <= cols, "{cols}: {s:?}");
        }
    }

    #[test]
    fn lines_keep_their_breaks_and_lose_their_escapes() {
        let s = printable_lines("a\u{1b}]52;c;x\u{7}\nb\u{2066}c\r\n");
        assert_eq!(s.lines().count(), 2, "{s:?}");
        assert!(!s.chars().any(|c| c != '\n' && is_steering(c)), "{s:?}");
    }

    #[test]
    fn exports_drop_controls_but_keep_text() {
        assert_eq!(
            without_controls("# T\u{1b}]0;x\u{7}\n\tok \u{202e}\u{85}é\n"),
            "# T]0;x\n\tok é\n"
        );
    }

    #[test]
    fn json_keeps_its_meaning_without_raw_controls() {
        let value = serde_json::json!({"s": "a\u{1b}b\u{9b}c\u{202e}d\u{2066}é"});
        let safe = json_escaped(&value.to_string());
        assert!(!safe.chars().any(is_steering), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("json");
        assert_eq!(back, value);
    }

    #[test]
    fn line_numbers_count_the_breaks_before() {
        let lines = LineIndex::new("a\nbc\n\nd");
        let got: Vec<usize> = (0..7).map(|o| lines.line_of(o)).collect();
        assert_eq!(got, vec![1, 1, 2, 2, 2, 3, 4]);
        assert_eq!(lines.line_of(99), 4);
    }

    #[test]
    fn widths_follow_unicode() {
        assert_eq!(str_width("漢字"), 4);
        assert_eq!(str_width("e\u{301}"), 1);
        assert_eq!(str_width("\t"), 4);
    }

    #[test]
    fn the_caret_steps_over_whole_grapheme_clusters() {
        let t = "cafe\u{301} 🇫🇷!";
        let accent = "cafe".len();
        assert_eq!(next_grapheme(t, 3), accent + "\u{301}".len());
        assert_eq!(prev_grapheme(t, accent + "\u{301}".len()), 3);
        let flag = t.find('🇫').unwrap_or(0);
        assert_eq!(next_grapheme(t, flag), flag + "🇫🇷".len());
        assert_eq!(grapheme_floor(t, flag + 4), flag);
        assert_eq!(next_grapheme(t, t.len()), t.len());
        assert_eq!(prev_grapheme(t, 0), 0);
    }
}
