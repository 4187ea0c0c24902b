//! Finding a note's passage again when the article changed, after the W3C Web Annotation
//! model: a `TextQuoteSelector` (the exact text with some context) and a
//! `TextPositionSelector` (code point offsets).
//!
//! In order: the stored position if its text is still the exact passage; else the exact
//! occurrence whose context fits best (the old position breaks ties); else a bounded fuzzy
//! match that must reach a minimum score and beat the runner-up by a margin; else the note
//! is an orphan — kept, listed as not found in this version.

use std::ops::Range;

/// What a note points at. Offsets in `start`/`end` are Unicode code points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selectors {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    pub start: usize,
    pub end: usize,
}

/// How a passage was found again.
#[derive(Debug, Clone, PartialEq)]
pub enum Anchor {
    /// At the stored position, unchanged.
    Position(Range<usize>),
    /// The exact text, somewhere else.
    Moved(Range<usize>),
    /// Text close to the passage (slightly edited), with its score (0–1).
    Fuzzy(Range<usize>, f64),
    /// Not found in this version.
    Orphan,
}

impl Anchor {
    /// The byte range in the article, unless orphaned.
    pub fn range(&self) -> Option<Range<usize>> {
        match self {
            Anchor::Position(r) | Anchor::Moved(r) | Anchor::Fuzzy(r, _) => Some(r.clone()),
            Anchor::Orphan => None,
        }
    }
}

/// Characters of context stored on each side of a passage.
pub const CONTEXT_CHARS: usize = 32;
/// Fuzzy matching looks at passages up to this many characters (longer ones by their start).
const FUZZY_MAX_CHARS: usize = 600;
/// Minimum similarity of the passage itself, and of passage plus context.
const MIN_PASSAGE_SIMILARITY: f64 = 0.75;
const MIN_SCORE: f64 = 0.80;
/// How much better than the runner-up a fuzzy match must be.
const MARGIN: f64 = 0.05;

/// Selectors for the byte range `r` of `text`.
pub fn selectors_for(text: &str, r: Range<usize>) -> Selectors {
    let prefix: String = {
        let before: Vec<char> = text[..r.start].chars().rev().take(CONTEXT_CHARS).collect();
        before.into_iter().rev().collect()
    };
    let suffix: String = text[r.end..].chars().take(CONTEXT_CHARS).collect();
    let start = text[..r.start].chars().count();
    let end = start + text[r.clone()].chars().count();
    Selectors {
        exact: text[r].to_string(),
        prefix,
        suffix,
        start,
        end,
    }
}

/// Byte offset of code point `cp` (the end of the text if past it).
pub fn byte_of_char(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

/// Code point offset of byte `b`.
pub fn char_of_byte(text: &str, b: usize) -> usize {
    text[..b.min(text.len())].chars().count()
}

/// Anchors one note. For many notes on one text, build an [`Anchoring`] once instead.
pub fn anchor(text: &str, sel: &Selectors) -> Anchor {
    Anchoring::new(text).anchor(sel)
}

/// A text prepared for anchoring many notes: code point offsets become byte offsets through
/// checkpoints every [`CHECKPOINT_BYTES`], so each note costs a short walk instead of a walk
/// from the start of the text (1,000 notes on 10 MB: milliseconds, not seconds).
pub struct Anchoring<'t> {
    text: &'t str,
    /// Code points before each block of `CHECKPOINT_BYTES`; empty for ASCII text, where code
    /// points and bytes agree.
    chars_before: Vec<usize>,
}

/// Bytes between two checkpoints of an [`Anchoring`].
const CHECKPOINT_BYTES: usize = 4096;

/// Exact occurrences are first looked for this close to the stored position, then in
/// windows growing fourfold, then in the whole text.
const FIRST_WINDOW: usize = 4096;

impl<'t> Anchoring<'t> {
    pub fn new(text: &'t str) -> Anchoring<'t> {
        if text.is_ascii() {
            return Anchoring {
                text,
                chars_before: vec![],
            };
        }
        let mut chars_before = Vec::with_capacity(text.len() / CHECKPOINT_BYTES + 1);
        let mut seen = 0;
        for block in text.as_bytes().chunks(CHECKPOINT_BYTES) {
            chars_before.push(seen);
            // Every byte but a UTF-8 continuation byte starts a code point (vectorises).
            seen += block.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        }
        Anchoring { text, chars_before }
    }

    /// Byte offset of code point `cp` (the end of the text if past it).
    pub fn byte_of_char(&self, cp: usize) -> usize {
        if self.chars_before.is_empty() {
            return cp.min(self.text.len());
        }
        // The last block starting at or before the code point; its first code point starts
        // at the first boundary in the block and is number `chars_before[k]`.
        let k = self.chars_before.partition_point(|&c| c <= cp) - 1;
        let from = ceil_boundary(self.text, k * CHECKPOINT_BYTES);
        from + byte_of_char(&self.text[from..], cp - self.chars_before[k])
    }

    /// Where a note's passage is in this text.
    pub fn anchor(&self, sel: &Selectors) -> Anchor {
        let text = self.text;
        if sel.exact.is_empty() {
            return Anchor::Orphan;
        }
        let start = self.byte_of_char(sel.start);
        if text[start..].starts_with(&sel.exact) {
            return Anchor::Position(start..start + sel.exact.len());
        }
        if let Some(best) = self.best_exact(sel, start) {
            return Anchor::Moved(best..best + sel.exact.len());
        }
        fuzzy(text, sel, start)
    }

    /// The exact occurrence whose context fits best, the nearest to `start` among equals.
    ///
    /// Searched in windows around `start` first: once a window's best occurrence has all its
    /// context matching, nothing outside the window can beat it (it would fit no better and
    /// lie farther away), so most moved passages cost a few kilobytes of search.
    fn best_exact(&self, sel: &Selectors, start: usize) -> Option<usize> {
        let text = self.text;
        let full_fit = sel.prefix.chars().count() + sel.suffix.chars().count();
        let mut radius = FIRST_WINDOW;
        loop {
            let lo = floor_boundary(text, start.saturating_sub(radius));
            let hi = ceil_boundary(text, start.saturating_add(radius + sel.exact.len()));
            let whole = lo == 0 && hi == text.len();
            let best = text[lo..hi]
                .match_indices(&sel.exact)
                .map(|(i, _)| lo + i)
                .map(|at| (context_fit(text, at, at + sel.exact.len(), sel), at))
                .max_by(|(fa, a), (fb, b)| {
                    fa.cmp(fb)
                        .then_with(|| b.abs_diff(start).cmp(&a.abs_diff(start)))
                });
            match best {
                Some((fit, at)) if fit == full_fit || whole => return Some(at),
                None if whole => return None,
                _ => radius = radius.saturating_mul(4),
            }
        }
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// How many characters of context agree around `a..b` (prefix from the right, suffix from
/// the left).
fn context_fit(text: &str, a: usize, b: usize, sel: &Selectors) -> usize {
    let before = text[..a]
        .chars()
        .rev()
        .zip(sel.prefix.chars().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let after = text[b..]
        .chars()
        .zip(sel.suffix.chars())
        .take_while(|(x, y)| x == y)
        .count();
    before + after
}

fn fuzzy(text: &str, sel: &Selectors, old_start: usize) -> Anchor {
    let exact: Vec<char> = sel.exact.chars().take(FUZZY_MAX_CHARS).collect();
    let truncated = exact.len() < sel.exact.chars().count();
    let n = exact.len();
    if n < 8 {
        return Anchor::Orphan;
    }
    let mut scored: Vec<(f64, Range<usize>)> = Vec::new();
    for cand in candidates(text, &exact) {
        let Some((range, dist)) = align(text, cand, &exact) else {
            continue;
        };
        let passage = 1.0 - dist as f64 / n as f64;
        if passage < MIN_PASSAGE_SIMILARITY {
            continue;
        }
        let context = context_similarity(text, &range, sel);
        let score = 0.8 * passage + 0.2 * context;
        if !scored
            .iter()
            .any(|(_, r)| r.start.abs_diff(range.start) < n / 2)
        {
            scored.push((score, range));
        }
    }
    scored.sort_by(|a, b| {
        b.0.total_cmp(&a.0).then_with(|| {
            a.1.start
                .abs_diff(old_start)
                .cmp(&b.1.start.abs_diff(old_start))
        })
    });
    let Some((best, range)) = scored.first().cloned() else {
        return Anchor::Orphan;
    };
    let runner_up = scored.get(1).map_or(0.0, |s| s.0);
    if best < MIN_SCORE || best - runner_up < MARGIN {
        return Anchor::Orphan;
    }
    let range = if truncated {
        // Only the start was compared: extend by the original length.
        let extra: usize = sel
            .exact
            .chars()
            .skip(FUZZY_MAX_CHARS)
            .map(char::len_utf8)
            .sum();
        let mut end = (range.end + extra).min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        range.start..end
    } else {
        range
    };
    Anchor::Fuzzy(range, best)
}

/// Byte offsets where the passage might start: where pieces of it occur in the text.
fn candidates(text: &str, exact: &[char]) -> Vec<usize> {
    let n = exact.len();
    let q = 8.min(n);
    let mut starts: Vec<usize> = Vec::new();
    let step = (n / 8).max(1);
    let mut i = 0;
    while i + q <= n {
        let gram: String = exact[i..i + q].iter().collect();
        let back: usize = exact[..i].iter().map(|c| c.len_utf8()).sum();
        for (at, _) in text.match_indices(&gram).take(50) {
            starts.push(at.saturating_sub(back));
        }
        i += step;
    }
    starts.sort_unstable();
    starts.dedup_by(|a, b| a.abs_diff(*b) < 4);
    starts.truncate(400);
    starts
}

/// Best alignment of `exact` inside a window of `text` around byte `cand`: the matched byte
/// range and its edit distance (semi-global: the window's ends are free).
fn align(text: &str, cand: usize, exact: &[char]) -> Option<(Range<usize>, usize)> {
    let n = exact.len();
    let slack = n / 4 + 8;
    let mut ws = cand.min(text.len());
    let mut back = 0;
    while ws > 0 && back < slack {
        ws -= 1;
        while !text.is_char_boundary(ws) {
            ws -= 1;
        }
        back += 1;
    }
    let window: Vec<(usize, char)> = text[ws..]
        .char_indices()
        .take(n + back + slack)
        .map(|(i, c)| (ws + i, c))
        .collect();
    if window.is_empty() {
        return None;
    }
    let m = window.len();
    // dp[j]: distance of exact[..i] ending at window[..j]; start[j]: where that alignment began.
    let mut dp: Vec<usize> = vec![0; m + 1];
    let mut start: Vec<usize> = (0..=m).collect();
    for (i, &ec) in exact.iter().enumerate() {
        let mut prev_diag = dp[0];
        let mut prev_diag_start = start[0];
        dp[0] = i + 1;
        start[0] = 0;
        for j in 1..=m {
            let (old, old_start) = (dp[j], start[j]);
            let sub = prev_diag + usize::from(window[j - 1].1 != ec);
            let del = dp[j] + 1;
            let ins = dp[j - 1] + 1;
            let (best, from) = if sub <= del && sub <= ins {
                (sub, prev_diag_start)
            } else if del <= ins {
                (del, start[j])
            } else {
                (ins, start[j - 1])
            };
            dp[j] = best;
            start[j] = from;
            prev_diag = old;
            prev_diag_start = old_start;
        }
    }
    let (end_j, &dist) = dp.iter().enumerate().skip(1).min_by_key(|(_, d)| **d)?;
    let s = start[end_j].min(m - 1);
    let byte_start = window[s].0;
    let (last_i, last_c) = window[end_j - 1];
    Some((byte_start..last_i + last_c.len_utf8(), dist))
}

fn context_similarity(text: &str, r: &Range<usize>, sel: &Selectors) -> f64 {
    let total = sel.prefix.chars().count() + sel.suffix.chars().count();
    if total == 0 {
        return 1.0;
    }
    context_fit(text, r.start, r.end, sel) as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "The minister spoke first. “Nobody wins a long strike,” the minister said on Monday. \
        Later the union answered. “We are ready to talk, but not to give in,” said Marta Kovacs. \
        The talks resumed on Tuesday.";

    fn sel_for(text: &str, passage: &str) -> Selectors {
        let i = text.find(passage).expect("passage");
        selectors_for(text, i..i + passage.len())
    }

    fn found<'a>(text: &'a str, a: &Anchor) -> &'a str {
        a.range().map_or("", |r| &text[r])
    }

    #[test]
    fn unchanged_text_anchors_at_the_position() {
        let s = sel_for(TEXT, "“We are ready to talk, but not to give in,”");
        assert!(matches!(anchor(TEXT, &s), Anchor::Position(_)));
    }

    #[test]
    fn paragraphs_inserted_before_move_the_anchor() {
        let s = sel_for(TEXT, "“We are ready to talk, but not to give in,”");
        let edited =
            format!("A new first paragraph.\n\nAnd a second one, with “quotes”.\n\n{TEXT}");
        let a = anchor(&edited, &s);
        assert!(matches!(a, Anchor::Moved(_)), "{a:?}");
        assert_eq!(found(&edited, &a), s.exact);
    }

    #[test]
    fn paragraphs_deleted_before_move_the_anchor() {
        let long = format!("Opening paragraph that will go.\n\n{TEXT}");
        let s = sel_for(&long, "The talks resumed on Tuesday.");
        let a = anchor(TEXT, &s);
        assert_eq!(found(TEXT, &a), "The talks resumed on Tuesday.");
    }

    #[test]
    fn slightly_edited_passage_is_found_fuzzily() {
        let s = sel_for(TEXT, "“We are ready to talk, but not to give in,”");
        let edited = TEXT.replace(
            "We are ready to talk, but not to give in",
            "We are ready to talk, but we will not give in",
        );
        let a = anchor(&edited, &s);
        assert!(matches!(a, Anchor::Fuzzy(_, _)), "{a:?}");
        assert!(
            found(&edited, &a).contains("we will not give in"),
            "{:?}",
            found(&edited, &a)
        );
    }

    #[test]
    fn deleted_passage_is_an_orphan() {
        let s = sel_for(
            TEXT,
            "“We are ready to talk, but not to give in,” said Marta Kovacs.",
        );
        let edited = TEXT.replace(
            " “We are ready to talk, but not to give in,” said Marta Kovacs.",
            "",
        );
        assert_eq!(anchor(&edited, &s), Anchor::Orphan);
    }

    #[test]
    fn repeated_passage_is_told_apart_by_its_context() {
        let text = "Alpha said: “No comment.” Then Beta arrived. Beta said: “No comment.” The end.";
        let second = text.rfind("“No comment.”").expect("second");
        let s = selectors_for(text, second..second + "“No comment.”".len());
        // Shift everything so the stored position is wrong.
        let edited = format!("Intro. {text}");
        let a = anchor(&edited, &s);
        let r = a.range().expect("anchored");
        assert!(edited[..r.start].ends_with("Beta said: "), "{a:?}");
    }

    #[test]
    fn look_alike_sentence_elsewhere_does_not_capture_the_note() {
        let text = "First part. The committee will meet again next week to decide. Middle part. \
            Unrelated closing words about the weather in the mountains today.";
        let s = sel_for(text, "The committee will meet again next week to decide.");
        // The passage is deleted, and a look-alike appears in another context.
        let edited = "First part. Middle part. Elsewhere: the council will meet again next month to decide. \
            Unrelated closing words about the weather in the mountains today.";
        assert_eq!(anchor(edited, &s), Anchor::Orphan);
    }

    #[test]
    fn code_points_not_bytes() {
        let text = "Ünïcödé “quoted” text";
        let s = sel_for(text, "“quoted”");
        assert_eq!(s.start, 8);
        assert_eq!(byte_of_char(text, s.start), text.find('“').expect("mark"));
    }

    #[test]
    fn checkpoints_agree_with_a_walk_from_the_start() {
        let text = "Ünïcödé “quoted” text, ascii too. ".repeat(200);
        let anchoring = Anchoring::new(&text);
        for cp in 0..text.chars().count() + 3 {
            assert_eq!(anchoring.byte_of_char(cp), byte_of_char(&text, cp), "{cp}");
        }
        let ascii = "plain ".repeat(500);
        let anchoring = Anchoring::new(&ascii);
        for cp in [0, 1, 2999, 3000, 3001, 9999] {
            assert_eq!(anchoring.byte_of_char(cp), byte_of_char(&ascii, cp), "{cp}");
        }
    }

    #[test]
    fn far_moves_keep_the_best_context_then_the_nearest() {
        let filler = "Filler words that say nothing at all. ".repeat(400);
        let passage = "“We stay out,” said Ana Ruiz.";
        // Near the old place the passage appears in another context; far away in its own.
        let text = format!(
            "Old intro. Before it: {passage} After it.{filler}Elsewhere, {passage} then more."
        );
        let s = sel_for(&text, passage); // the first occurrence, "Before it: … After it."
        let edited = format!(
            "New intro, much longer than before. Elsewhere, {passage} then more.{filler}\
             Before it: {passage} After it."
        );
        let a = Anchoring::new(&edited).anchor(&s);
        let r = a.range().expect("anchored");
        assert!(edited[..r.start].ends_with("Before it: "), "{a:?}");
        // Two equally fitting copies: the nearer to the stored position wins, however far.
        let twice = format!("{filler}{text}{filler}{text}");
        let near = format!("{filler}{filler}{text}");
        let s = sel_for(&near, passage);
        let a = Anchoring::new(&twice).anchor(&s);
        let slow = twice
            .match_indices(passage)
            .map(|(i, _)| i)
            .filter(|&i| twice[..i].ends_with("Before it: "))
            .min_by_key(|&i| i.abs_diff(near.find(passage).unwrap_or(0)));
        assert_eq!(a.range().map(|r| r.start), slow);
    }
}
