//! Wrapping paragraphs into screen lines, lazily and per paragraph, cached by width.
//!
//! A wrapped line is just a byte range of the article text: styling (quotes, search matches,
//! notes) is applied when a line is drawn, so the cache survives every change of the current
//! quote and only a change of width invalidates it.

use crate::text;
use std::ops::Range;

/// Where the view stands: a paragraph and a line within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, PartialOrd, Ord)]
pub struct LinePos {
    pub para: usize,
    pub line: usize,
}

pub struct Layout {
    width: usize,
    lines: Vec<Option<Vec<Range<usize>>>>,
}

impl Layout {
    pub fn new(paragraphs: usize) -> Layout {
        Layout {
            width: 0,
            lines: vec![None; paragraphs],
        }
    }

    /// Forgets every wrapped paragraph if the width changed.
    pub fn set_width(&mut self, width: usize) {
        if width != self.width {
            self.width = width.max(1);
            self.lines.iter_mut().for_each(|l| *l = None);
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// The wrapped lines of paragraph `p` (byte ranges into `text`).
    pub fn lines(&mut self, text: &str, paras: &[Range<usize>], p: usize) -> &[Range<usize>] {
        let width = self.width;
        self.lines[p].get_or_insert_with(|| wrap(text, paras[p].clone(), width))
    }

    /// Screen rows paragraph `p` takes, with the blank row after it (none after the last).
    pub fn height(&mut self, text: &str, paras: &[Range<usize>], p: usize) -> usize {
        let gap = usize::from(p + 1 < paras.len());
        self.lines(text, paras, p).len() + gap
    }

    /// Moves `pos` down by `n` rows (blank rows between paragraphs count), not past the end.
    pub fn down(
        &mut self,
        text: &str,
        paras: &[Range<usize>],
        mut pos: LinePos,
        mut n: usize,
    ) -> LinePos {
        while n > 0 && pos.para < paras.len() {
            let h = self.height(text, paras, pos.para);
            if pos.line + n < h {
                pos.line += n;
                return pos;
            }
            if pos.para + 1 >= paras.len() {
                pos.line = h.saturating_sub(1);
                return pos;
            }
            n -= h - pos.line;
            pos = LinePos {
                para: pos.para + 1,
                line: 0,
            };
        }
        pos
    }

    /// Moves `pos` up by `n` rows, not before the start.
    pub fn up(
        &mut self,
        text: &str,
        paras: &[Range<usize>],
        mut pos: LinePos,
        mut n: usize,
    ) -> LinePos {
        while n > 0 {
            if pos.line >= n {
                pos.line -= n;
                return pos;
            }
            if pos.para == 0 {
                return LinePos::default();
            }
            n -= pos.line + 1;
            let p = pos.para - 1;
            pos = LinePos {
                para: p,
                line: self.height(text, paras, p) - 1,
            };
        }
        pos
    }

    /// The row position of byte `offset` (which lies in paragraph `p`).
    pub fn pos_of(
        &mut self,
        text: &str,
        paras: &[Range<usize>],
        p: usize,
        offset: usize,
    ) -> LinePos {
        let lines = self.lines(text, paras, p);
        let line = lines.iter().rposition(|l| l.start <= offset).unwrap_or(0);
        LinePos { para: p, line }
    }

    /// Rows from `a` down to `b` (0 when `b` is not below `a`), looking at most `limit` rows.
    pub fn distance(
        &mut self,
        text: &str,
        paras: &[Range<usize>],
        a: LinePos,
        b: LinePos,
        limit: usize,
    ) -> usize {
        if b <= a {
            return 0;
        }
        let mut rows = 0;
        let mut pos = a;
        while pos.para < b.para {
            rows += self.height(text, paras, pos.para) - pos.line;
            pos = LinePos {
                para: pos.para + 1,
                line: 0,
            };
            if rows > limit {
                return rows;
            }
        }
        rows + b.line - pos.line
    }
}

/// A line break inside a paragraph (U+2028 LINE SEPARATOR): rendered Markdown puts it between
/// list items and table rows, which stay one paragraph (no blank row between them). Plain
/// newlines stay white space, so hard-wrapped text is still reflowed.
pub const LINE_BREAK: char = '\u{2028}';

/// Word-wraps one paragraph to `width` columns, breaking also at [`LINE_BREAK`]. Lines are byte ranges; a line starts at a
/// word (spaces at a break stay at the end of the line before); a word longer than the width
/// is broken where it must be.
pub fn wrap(s: &str, para: Range<usize>, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = para.start;
    let mut col = 0usize;
    // The last place a line may break: byte offset after white space, and the column there.
    let mut brk: Option<(usize, usize)> = None;
    let mut in_space = false;
    for (i, c) in s[para.clone()].char_indices() {
        let at = para.start + i;
        if c == LINE_BREAK {
            lines.push(start..at);
            start = at + c.len_utf8();
            col = 0;
            brk = None;
            in_space = false;
            continue;
        }
        let w = text::width(c);
        let space = c.is_whitespace();
        if !space && in_space {
            brk = Some((at, col));
        }
        in_space = space;
        if col + w > width && col > 0 && !space {
            match brk.filter(|(b, _)| *b > start) {
                Some((b, bcol)) => {
                    lines.push(start..b);
                    start = b;
                    col -= bcol;
                }
                None => {
                    // A word wider than the line breaks where it must, but never inside a
                    // grapheme cluster (an accent stays on its letter, a flag stays whole);
                    // a cluster wider than the line overflows it.
                    let cut = text::grapheme_floor(s, at);
                    if cut > start {
                        lines.push(start..cut);
                        start = cut;
                        col = text::str_width(&s[cut..at]);
                    }
                }
            }
            brk = None;
        }
        col += w;
    }
    if start < para.end || lines.is_empty() {
        lines.push(start..para.end);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wrapped(s: &str, width: usize) -> Vec<&str> {
        wrap(s, 0..s.len(), width)
            .into_iter()
            .map(|r| s[r].trim_end())
            .collect()
    }

    #[test]
    fn breaks_at_line_separators() {
        let s = "one two\u{2028}three";
        assert_eq!(wrapped(s, 80), vec!["one two", "three"]);
        assert_eq!(wrapped("a\nb", 80), vec!["a\nb"]);
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(
            wrapped("the quick brown fox jumps", 10),
            vec!["the quick", "brown fox", "jumps"]
        );
    }

    #[test]
    fn breaks_long_words() {
        assert_eq!(wrapped("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
    }

    #[test]
    fn long_words_never_break_inside_a_grapheme_cluster() {
        // A zero-width accent stays with its letter; a flag (two regional indicators) and a
        // family (three emoji joined by ZWJ) are never cut in two.
        assert_eq!(wrapped("abce\u{301}fgh", 4), vec!["abce\u{301}", "fgh"]);
        for w in 1..8 {
            for line in wrapped("🇫🇷🇩🇪 👩\u{200d}👩\u{200d}👧x", w) {
                let ok = ["🇫🇷", "🇩🇪", "👩\u{200d}👩\u{200d}👧", "x", " "];
                let mut rest = line;
                while let Some(p) = ok.iter().find(|p| rest.starts_with(**p)) {
                    rest = &rest[p.len()..];
                }
                assert!(rest.is_empty(), "width {w}: {line:?} splits a cluster");
            }
        }
    }

    #[test]
    fn wide_characters_count_double() {
        assert_eq!(wrapped("漢字漢字漢字", 4), vec!["漢字", "漢字", "漢字"]);
    }

    #[test]
    fn lines_cover_the_paragraph() {
        let s = "one two  three\tfour “five” six seven eight nine ten";
        for w in 1..30 {
            let lines = wrap(s, 0..s.len(), w);
            assert_eq!(lines[0].start, 0);
            assert_eq!(lines.last().map(|l| l.end), Some(s.len()));
            for pair in lines.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
            }
        }
    }

    #[test]
    fn moving_by_rows_crosses_paragraphs() {
        let s = "aaa bbb ccc\n\nddd";
        let paras = vec![0..11, 13..16];
        let mut l = Layout::new(2);
        l.set_width(4);
        // Paragraph 0: 3 lines + a blank row; paragraph 1: 1 line.
        let p = l.down(s, &paras, LinePos::default(), 4);
        assert_eq!(p, LinePos { para: 1, line: 0 });
        assert_eq!(l.up(s, &paras, p, 1), LinePos { para: 0, line: 3 });
        assert_eq!(l.down(s, &paras, p, 10), LinePos { para: 1, line: 0 });
        assert_eq!(l.distance(s, &paras, LinePos::default(), p, 100), 4);
    }
}
