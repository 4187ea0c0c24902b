//! Finding quotations: pairing quote marks within paragraphs, and carrying a quotation over
//! paragraph breaks the way news prose does (an open quote, then a paragraph that opens with a
//! quote mark again).
//!
//! Apostrophes and single quotes never delimit quotations: a ‘…’ inside a double-quoted quote
//! is part of it, and don't / Putin's / ’90s / rock 'n' roll are words.

use super::limits;
use std::ops::Range;

/// A quotation as found in the text, before anyone is attributed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundQuote {
    /// One byte range per paragraph the quotation runs through, each from its opening mark (or
    /// the paragraph start) to its closing mark (or the paragraph end), marks included.
    pub parts: Vec<Range<usize>>,
    /// Still open when its last paragraph ended, with no continuation.
    pub unclosed: bool,
}

impl FoundQuote {
    pub fn span(&self) -> Range<usize> {
        self.parts[0].start..self.parts[self.parts.len() - 1].end
    }
}

/// Families of quote marks: a quotation is closed only by a mark of the family that opened it,
/// so a "…" inside “…” is part of the quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// “…”, „…“ and ”…” typed the wrong way round.
    Curly,
    Guillemet,
    Straight,
    /// ''…'' and ``…'' in news archives.
    DoubledApostrophe,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks: the side is decided by position.
    Either,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    start: usize,
    end: usize,
    family: Family,
    role: Role,
    /// Placed as an opening mark is: after a space or the paragraph start, before a non-space.
    opening_shape: bool,
    /// Placed as a closing mark is: after a non-space, before a space, punctuation or the end.
    closing_shape: bool,
}

/// Finds the quotations of `text`, given its paragraphs in order.
#[inline(never)]
pub fn find_quotes(text: &str, paragraphs: &[Range<usize>]) -> Vec<FoundQuote> {
    let mut out = Vec::new();
    let mut carry: Option<(FoundQuote, Family)> = None;
    for (i, para) in paragraphs.iter().enumerate() {
        let marks = marks_in(text, para.clone());
        let mut start_at = 0;
        if let Some((mut quote, family)) = carry.take() {
            // A reopened paragraph's first mark belongs to the running quotation; with the
            // mark dropped, the quotation runs from the paragraph's start.
            let from_mark = match continuation(&marks, family, para.start) {
                Some(Continuation::Reopened) => Some(1),
                Some(Continuation::MissingOpen) => Some(0),
                None => None,
            };
            match from_mark {
                Some(j) => {
                    let (part, next, closed) = run_quote(&marks, j, family, para.start, para.end);
                    quote.parts.push(part);
                    start_at = next;
                    if closed {
                        out.push(quote);
                    } else {
                        carry = Some((quote, family));
                    }
                }
                None => {
                    quote.unclosed = true;
                    out.push(quote);
                }
            }
        }
        if carry.is_some() {
            continue;
        }
        let mut j = start_at;
        while j < marks.len() {
            let m = marks[j];
            let opens = match m.role {
                Role::Open => true,
                Role::Close => m.opening_shape && !m.closing_shape,
                Role::Either => m.opening_shape || !m.closing_shape,
            };
            if !opens {
                j += 1; // a stray closing mark (or inches, 5'10"): not a quotation
                continue;
            }
            let (part, next, closed) = run_quote(&marks, j + 1, m.family, m.start, para.end);
            j = next;
            let quote = FoundQuote {
                parts: vec![part],
                unclosed: false,
            };
            if closed {
                if !is_empty_quote(text, &quote.parts[0]) {
                    out.push(quote);
                }
            } else if let Some(end) = forgotten_close(text, &quote.parts[0]) {
                // “We waited long enough, said Hana Ostrow.  — the writer forgot the closing
                // mark: the quotation ends before its cue, not in the next paragraph.
                let mut quote = quote;
                quote.parts[0].end = end;
                quote.unclosed = true;
                out.push(quote);
            } else if i + 1 < paragraphs.len() {
                carry = Some((quote, m.family));
            } else {
                out.push(FoundQuote {
                    unclosed: true,
                    ..quote
                });
            }
        }
    }
    if let Some((mut quote, _)) = carry {
        quote.unclosed = true;
        out.push(quote);
    }
    out
}

/// Where an unclosed quotation should end because its paragraph goes on as narrative: right
/// after a comma followed by a reporting clause — the verb first (", said Hana Ostrow"), or
/// after a pronoun or one or two capitalised name words (", she said", ", Ostrow added"). A
/// quotation that runs on into the next paragraph has no cue of its own inside its marks;
/// ", which suggests" is part of the quoted words.
fn forgotten_close(text: &str, part: &Range<usize>) -> Option<usize> {
    let lx = super::lexicon::Lexicon::get();
    let s = &text[part.clone()];
    let is_cue = |w: &str| w.starts_with(char::is_lowercase) && lx.is_reporting_verb(w);
    let is_name = |w: &str| w.starts_with(char::is_uppercase);
    let is_pronoun = |w: &str| w.len() <= 6 && lx.pronoun(&w.to_ascii_lowercase()).is_some();
    s.match_indices(',').find_map(|(c, _)| {
        // Only ", " starts a reporting clause; its three words are read within a short window,
        // so a paragraph of commas with no spaces ("a,a,a,…") costs a constant per comma.
        let after = &s[c + 1..];
        if !after.starts_with(char::is_whitespace) {
            return None;
        }
        let mut end = after.len().min(limits::FORGOTTEN_CLOSE_REACH);
        while !after.is_char_boundary(end) {
            end -= 1;
        }
        let mut words = after[..end]
            .split_whitespace()
            .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()));
        let (w1, w2, w3) = (words.next()?, words.next(), words.next());
        let subject_first = is_pronoun(w1) || is_name(w1);
        let cue = is_cue(w1)
            || subject_first && w2.is_some_and(is_cue)
            || is_name(w1) && w2.is_some_and(is_name) && w3.is_some_and(is_cue);
        cue.then_some(part.start + c + 1)
    })
}

fn is_empty_quote(text: &str, part: &Range<usize>) -> bool {
    let s = &text[part.clone()];
    !(s.bytes().any(|b| b.is_ascii_alphanumeric()) || s.chars().any(char::is_alphanumeric))
}

enum Continuation {
    /// The paragraph opens with a quote mark again: the usual multi-paragraph style.
    Reopened,
    /// The paragraph has no opening mark before a closing one: the writer dropped the mark.
    MissingOpen,
}

fn continuation(marks: &[Mark], family: Family, para_start: usize) -> Option<Continuation> {
    let first = marks.iter().find(|m| m.family == family)?;
    if first.start == para_start && first.role != Role::Close {
        return Some(Continuation::Reopened);
    }
    let closes = match first.role {
        Role::Close => true,
        Role::Either => first.closing_shape && !first.opening_shape,
        Role::Open => false,
    };
    closes.then_some(Continuation::MissingOpen)
}

/// Runs a quotation from mark index `j` (after its opening mark) to its closing mark.
/// Returns the part (from `start`), the index of the next unread mark, and whether it closed.
fn run_quote(
    marks: &[Mark],
    mut j: usize,
    family: Family,
    start: usize,
    para_end: usize,
) -> (Range<usize>, usize, bool) {
    let mut depth = 1usize;
    // Marks of the other double family opened inside this quotation and not yet closed.
    let mut inner = 0usize;
    while j < marks.len() {
        let m = marks[j];
        j += 1;
        if m.family != family {
            // "We are ready,” said X — a writer who mixes straight and curly marks: a closing
            // mark of the other double family closes the quotation unless it closes one of its
            // own opened inside ("He said “no” to me").
            if mixed_doubles(family, m.family) {
                if closes_as_other(&m) {
                    if inner == 0 {
                        return (start..m.end, j, true);
                    }
                    inner -= 1;
                } else if opens_as_other(&m) {
                    inner += 1;
                }
            }
            continue;
        }
        let closes = match m.role {
            Role::Close => !m.opening_shape || m.closing_shape,
            Role::Open => m.closing_shape && !m.opening_shape,
            Role::Either => true,
        };
        if closes {
            depth -= 1;
            if depth == 0 {
                return (start..m.end, j, true);
            }
        } else if m.role == Role::Open {
            depth += 1; // a nested “…” inside “…”
        }
    }
    (start..para_end, j, false)
}

/// Straight and curly double marks: the two families a writer mixes in one quotation.
fn mixed_doubles(a: Family, b: Family) -> bool {
    matches!(
        (a, b),
        (Family::Straight, Family::Curly) | (Family::Curly, Family::Straight)
    )
}

/// A mark of the other family that can only be closing here (placed as a closing mark is).
fn closes_as_other(m: &Mark) -> bool {
    match m.role {
        Role::Close | Role::Either => m.closing_shape && !m.opening_shape,
        Role::Open => false,
    }
}

/// A mark of the other family that can only be opening here.
fn opens_as_other(m: &Mark) -> bool {
    match m.role {
        Role::Open | Role::Either => m.opening_shape && !m.closing_shape,
        Role::Close => false,
    }
}

/// The quote marks of one paragraph, in order, with their shapes.
fn marks_in(text: &str, para: Range<usize>) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut marks = Vec::new();
    let mut i = para.start;
    let mut rare = None;
    while i < para.end {
        // Most bytes are text: jump to the next one that can start a mark or a tag.
        if !MARK_LEAD[bytes[i] as usize] {
            match next_lead(bytes, i, para.end, &mut rare) {
                Some(next) => i = next,
                None => break,
            }
        }
        let b = bytes[i];
        let (len, family, role) = match b {
            b'"' => (1, Family::Straight, Role::Either),
            b'\'' if bytes.get(i + 1) == Some(&b'\'') && i + 1 < para.end => {
                (2, Family::DoubledApostrophe, Role::Either)
            }
            b'`' if bytes.get(i + 1) == Some(&b'`') && i + 1 < para.end => {
                (2, Family::DoubledApostrophe, Role::Open)
            }
            b'<' => {
                i = skip_markup_tag(bytes, i, para.end);
                continue;
            }
            0xE2 | 0xC2 => match curly_mark(&bytes[i..para.end]) {
                Some((family, role)) => (if b == 0xC2 { 2 } else { 3 }, family, role),
                None => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        let before = text[para.start..i].chars().next_back();
        let after = text[i + len..para.end].chars().next();
        marks.push(Mark {
            start: i,
            end: i + len,
            family,
            role,
            opening_shape: before.is_none_or(opens_after)
                && after.is_some_and(|c| !c.is_whitespace()),
            closing_shape: before.is_some_and(|c| !c.is_whitespace())
                && after.is_none_or(closes_before),
        });
        i += len;
    }
    marks
}

/// The first byte at or after `from` (before `end`) that can start a quote mark or a tag.
/// The rare leads (` < and the first byte of « ») are searched separately and remembered in
/// `rare`, so each stretch of text is scanned about once for them.
fn next_lead(bytes: &[u8], from: usize, end: usize, rare: &mut Option<usize>) -> Option<usize> {
    let rare_at = match *rare {
        Some(at) if at >= from => at,
        _ => {
            let at = memchr::memchr3(b'`', b'<', 0xC2, &bytes[from..end]).map_or(end, |k| from + k);
            *rare = Some(at);
            at
        }
    };
    let common = memchr::memchr3(b'"', b'\'', 0xE2, &bytes[from..end]).map_or(end, |k| from + k);
    let next = common.min(rare_at);
    (next < end).then_some(next)
}

/// Bytes that can start a quote mark or a markup tag.
static MARK_LEAD: [bool; 256] = {
    let mut t = [false; 256];
    t[b'"' as usize] = true;
    t[b'\'' as usize] = true;
    t[b'`' as usize] = true;
    t[b'<' as usize] = true;
    t[0xE2] = true;
    t[0xC2] = true;
    t
};

/// Multi-byte quote marks: “ ” „ (E2 80 9C/9D/9E) and « » (C2 AB/BB).
fn curly_mark(b: &[u8]) -> Option<(Family, Role)> {
    match b {
        [0xE2, 0x80, 0x9C, ..] => Some((Family::Curly, Role::Open)),
        [0xE2, 0x80, 0x9D, ..] => Some((Family::Curly, Role::Close)),
        [0xE2, 0x80, 0x9E, ..] => Some((Family::Curly, Role::Open)),
        [0xC2, 0xAB, ..] => Some((Family::Guillemet, Role::Open)),
        [0xC2, 0xBB, ..] => Some((Family::Guillemet, Role::Close)),
        _ => None,
    }
}

/// Markup such as `<tweet author="x">` pasted into text: its quote marks are not quotations.
fn skip_markup_tag(bytes: &[u8], i: usize, end: usize) -> usize {
    let next = bytes.get(i + 1).copied().unwrap_or(b' ');
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return i + 1;
    }
    let limit = end.min(i + 600);
    match bytes[i + 1..limit]
        .iter()
        .position(|&c| c == b'>' || c == b'<')
    {
        Some(p) if bytes[i + 1 + p] == b'>' => i + 2 + p,
        _ => i + 1,
    }
}

fn opens_after(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '‘' | '\''
        )
}

fn closes_before(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '—'
                | '–'
                | '-'
                | '’'
                | '\''
                | '…'
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::split_paragraphs;

    fn quotes(text: &str) -> Vec<String> {
        let paras = split_paragraphs(text);
        find_quotes(text, &paras)
            .iter()
            .map(|q| {
                let s = &text[q.span()];
                if q.unclosed {
                    format!("{s}[unclosed]")
                } else {
                    s.to_string()
                }
            })
            .collect()
    }

    #[test]
    fn curly_straight_and_archive_marks() {
        assert_eq!(quotes("He said “yes,” then left."), vec!["“yes,”"]);
        assert_eq!(
            quotes(r#"He said "yes," then "no.""#),
            vec![r#""yes,""#, r#""no.""#]
        );
        assert_eq!(quotes("''It is over,'' he said."), vec!["''It is over,''"]);
        assert_eq!(quotes("``It is over,'' he said."), vec!["``It is over,''"]);
        assert_eq!(quotes("Il a dit «non» hier."), vec!["«non»"]);
        assert_eq!(quotes("Er sagte „nein“ gestern."), vec!["„nein“"]);
    }

    #[test]
    fn a_writer_may_mix_straight_and_curly_marks() {
        assert_eq!(
            quotes("\"We are ready,” said Mira Holt. “We trained all summer,\" she added."),
            vec!["\"We are ready,”", "“We trained all summer,\""]
        );
    }

    #[test]
    fn the_other_family_nested_inside_stays_inside() {
        assert_eq!(
            quotes("Ivo said “He told me \"no\" twice,” and left."),
            vec!["“He told me \"no\" twice,”"]
        );
        assert_eq!(
            quotes("Ivo said \"He told me “no” twice,\" and left."),
            vec!["\"He told me “no” twice,\""]
        );
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        let t = "Putin's aides don't like rock 'n' roll from the ’90s, Belarus' leader said.";
        assert!(quotes(t).is_empty());
    }

    #[test]
    fn single_quotes_inside_a_quote_belong_to_it() {
        assert_eq!(
            quotes("She said “they called it ‘a farce’ and left.”"),
            vec!["“they called it ‘a farce’ and left.”"]
        );
        assert_eq!(
            quotes(r#"She said "they called it 'a farce' and left.""#),
            vec![r#""they called it 'a farce' and left.""#]
        );
    }

    #[test]
    fn multi_paragraph_quote_runs_until_it_closes() {
        let t = "Analyst (Moscow):\n\n“First part.\n\n“Second part.\n\n“Third part.”\n\nNarrative.";
        let q = quotes(t);
        assert_eq!(q.len(), 1);
        assert!(q[0].starts_with("“First") && q[0].ends_with("part.”"));
    }

    #[test]
    fn dropped_reopening_mark_still_continues() {
        let t = "“First part.\n\nSecond part, no mark.”\n\nNarrative “x” here.";
        let q = quotes(t);
        assert_eq!(q.len(), 2, "{q:?}");
        assert!(q[0].ends_with("no mark.”"));
    }

    #[test]
    fn unclosed_quote_ends_at_its_paragraph() {
        let t = "He said “this never closes.\n\nThen “a real one” came.";
        assert_eq!(
            quotes(t),
            vec!["“this never closes.[unclosed]", "“a real one”"]
        );
    }

    #[test]
    fn an_unclosed_quotation_with_its_own_cue_ends_before_it() {
        let t = "“We waited long enough, said Hana Ostrow, a tenant.\n\n\
                 “The city must act,” said Piet Vandam.";
        assert_eq!(
            quotes(t),
            vec!["“We waited long enough,[unclosed]", "“The city must act,”"]
        );
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        assert_eq!(
            quotes(r#"He is 5'10" tall and said "hi.""#),
            vec![r#""hi.""#]
        );
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        let t = r#"<tweet author="someone" id="1">Text “quoted” here</tweet>"#;
        assert_eq!(quotes(t), vec!["“quoted”"]);
    }

    #[test]
    fn reversed_curly_marks_still_pair() {
        assert_eq!(quotes("He said ”yes” and left."), vec!["”yes”"]);
    }
}
