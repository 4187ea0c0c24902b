//! Making untrusted article text safe and measurable for the terminal.
//!
//! Every character of the article goes through [`display`] before it reaches the screen:
//! control characters become visible symbols (so escape sequences can never reach the
//! terminal), tabs become spaces, and bidi overrides are shown, not obeyed.

use unicode_width::UnicodeWidthChar;

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

/// `s` made safe to print, e.g. a file name in the status line.
pub fn printable(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    push_shown(&mut out, s);
    out
}

/// Total columns of a string as shown.
pub fn str_width(s: &str) -> usize {
    s.chars().map(width).sum()
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
    fn widths_follow_unicode() {
        assert_eq!(str_width("漢字"), 4);
        assert_eq!(str_width("e\u{301}"), 1);
        assert_eq!(str_width("\t"), 4);
    }
}
