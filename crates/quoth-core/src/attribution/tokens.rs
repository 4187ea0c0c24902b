//! The narrative text around quotations as tokens, with sentence boundaries.
//!
//! Quotations are opaque here: each part of a quotation is one `Quote` token, so the
//! sentence "“…,” said Lukashenko." is three tokens and a full stop.

use super::quotes::FoundQuote;
use crate::text::sentence;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
    /// One part of quotation number `Token::quote`.
    Quote,
}

#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub para: u32,
    pub sentence: u32,
    /// For `Quote` tokens, the quotation's index.
    pub quote: u32,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

pub struct Tokens {
    pub toks: Vec<Token>,
    /// The analysed stretch of text lower-cased with every byte offset kept (shifted by
    /// `lower_base`), so a token's lower-case form is a slice of it.
    pub lower: String,
    pub lower_base: usize,
    /// Token index ranges of the sentences, in order.
    pub sentences: Vec<Range<usize>>,
    /// Token index ranges of the paragraphs, in order (paragraph index = position).
    pub paragraphs: Vec<Range<usize>>,
    /// For each quotation, the index of the token of its first part.
    pub quote_token: Vec<usize>,
}

impl Tokens {
    /// Whether the lower-cased text from token `toks.start` to the end of token `toks.end - 1`
    /// holds what `needle` finds (lower case): a quick test whether a phrase can occur in a
    /// sentence at all, before reading its tokens one by one. The finder is built once by the
    /// caller (building one costs more than searching a sentence).
    pub fn lower_text_contains(&self, toks: Range<usize>, needle: &memchr::memmem::Finder) -> bool {
        let (Some(first), Some(last)) = (
            self.toks.get(toks.start),
            toks.end.checked_sub(1).and_then(|e| self.toks.get(e)),
        ) else {
            return false;
        };
        let (a, b) = (first.start - self.lower_base, last.end - self.lower_base);
        self.lower
            .as_bytes()
            .get(a..b)
            .is_some_and(|hay| needle.find(hay).is_some())
    }
}

/// Lower-cases `text` character by character, keeping each character's UTF-8 length (a
/// character whose lower case is longer, or several characters, is kept as it is).
pub fn lower_same_offsets(text: &str) -> String {
    let mut out = text.to_owned();
    // ASCII letters in one pass over the whole text; other characters below, one by one.
    out.make_ascii_lowercase();
    let mut i = 0;
    while let Some(k) = first_non_ascii(&out.as_bytes()[i..]) {
        // `text` is valid UTF-8 and ASCII bytes were skipped, so `i + k` starts a character.
        i += k;
        let c = char_at(text, i);
        let len = c.len_utf8();
        // Curly quotes, dashes and other punctuation (U+2000–U+206F, the commonest non-ASCII
        // characters in news) have no lower case: skip the case tables.
        if ('\u{2000}'..='\u{206F}').contains(&c) {
            i += len;
            continue;
        }
        let mut l = c.to_lowercase();
        if let (Some(x), None) = (l.next(), l.next())
            && x.len_utf8() == len
            && x != c
        {
            // Same length: nothing after it moves, and the text needs no new check.
            out.replace_range(i..i + len, x.encode_utf8(&mut [0u8; 4]));
        }
        i += len;
    }
    out
}

/// Where the first byte of `bytes` that is not ASCII is: whole blocks are tested at once
/// (`is_ascii` reads a machine word at a time), then bytes one by one.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    let ascii_blocks = bytes
        .chunks_exact(32)
        .take_while(|block| block.is_ascii())
        .count();
    let from = ascii_blocks * 32;
    bytes[from..]
        .iter()
        .position(|&b| !b.is_ascii())
        .map(|k| from + k)
}

/// Whether `s` is one character ("J", "É"): asked of names' words and initials, where counting
/// every character of a long word would read it all.
pub fn is_one_char(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some() && chars.next().is_none()
}

pub fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

#[inline(never)]
pub fn tokenize(text: &str, paragraphs: &[Range<usize>], quotes: &[FoundQuote]) -> Tokens {
    let mut parts: Vec<(Range<usize>, u32)> = quotes
        .iter()
        .enumerate()
        .flat_map(|(qi, q)| q.parts.iter().map(move |p| (p.clone(), qi as u32)))
        .collect();
    parts.sort_by_key(|(r, _)| r.start);
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut para_ranges = Vec::with_capacity(paragraphs.len());
    let mut quote_token = vec![usize::MAX; quotes.len()];
    // The tokens that may end a sentence (`may_end_sentence`), noted as they are made.
    let mut may_end = Vec::new();
    let mut pi = 0;
    for (para_idx, para) in paragraphs.iter().enumerate() {
        let first = toks.len();
        let mut pos = para.start;
        while pos < para.end {
            while pi < parts.len() && parts[pi].0.end <= pos {
                pi += 1;
            }
            let next_part = parts.get(pi).filter(|(r, _)| r.start < para.end);
            let stop = next_part.map_or(para.end, |(r, _)| r.start.max(pos));
            scan_words(text, pos, stop, para_idx as u32, &mut toks, &mut may_end);
            match next_part {
                Some((r, qi)) => {
                    let qi = *qi;
                    if quote_token[qi as usize] == usize::MAX {
                        quote_token[qi as usize] = toks.len();
                    }
                    may_end.push(toks.len());
                    toks.push(Token {
                        start: r.start,
                        end: r.end.min(para.end),
                        kind: Kind::Quote,
                        para: para_idx as u32,
                        sentence: 0,
                        quote: qi,
                    });
                    pos = r.end;
                    pi += 1;
                }
                None => pos = para.end,
            }
        }
        para_ranges.push(first..toks.len());
    }
    let lower_base = paragraphs.first().map_or(0, |p| p.start);
    let lower_end = paragraphs.last().map_or(0, |p| p.end);
    let lower = lower_same_offsets(&text[lower_base..lower_end]);
    let sentences = split_sentences(text, &mut toks, &para_ranges, &may_end, quotes);
    Tokens {
        toks,
        lower,
        lower_base,
        sentences,
        paragraphs: para_ranges,
        quote_token,
    }
}

#[inline(never)]
/// Cuts `text[start..end]` into word, number and mark tokens (pushed on `out`); the index of
/// each that may end a sentence is pushed on `may_end`.
fn scan_words(
    text: &str,
    start: usize,
    end: usize,
    para: u32,
    out: &mut Vec<Token>,
    may_end: &mut Vec<usize>,
) {
    let bytes = text.as_bytes();
    let mut i = start;
    let token = |start, end, kind| Token {
        start,
        end,
        kind,
        para,
        sentence: 0,
        quote: 0,
    };
    while i < end {
        // ASCII bytes (nearly all of English news) are classified without decoding a char;
        // for them `char::is_whitespace` and `is_alphanumeric` are the ASCII tests below.
        let b = bytes[i];
        let len = if b < 0x80 {
            // One table look-up sorts the ASCII byte: white space, a word's start or a mark.
            match ASCII_WORD_BYTE[usize::from(b)] {
                SPACE => {
                    i += 1;
                    continue;
                }
                0 => {
                    if matches!(b, b'.' | b'!' | b'?') {
                        may_end.push(out.len());
                    }
                    out.push(token(i, i + 1, Kind::Punct));
                    i += 1;
                    continue;
                }
                _ => 1,
            }
        } else {
            let c = char_at(text, i);
            let len = c.len_utf8();
            if c.is_whitespace() {
                i += len;
                continue;
            }
            if !c.is_alphanumeric() {
                // "…" is the only stop that is not ASCII; its UTF-8 form starts with 0xE2.
                if b == 0xE2 {
                    may_end.push(out.len());
                }
                out.push(token(i, i + len, Kind::Punct));
                i += len;
                continue;
            }
            len
        };
        let (j, all_digits) = word_end(text, i, i + len, end, b.is_ascii_digit());
        let kind = if all_digits { Kind::Number } else { Kind::Word };
        // A word with a full stop ("U.S.") may end a sentence; a number never does.
        if !all_digits && bytes[j - 1] == b'.' {
            may_end.push(out.len());
        }
        out.push(token(i, j, kind));
        i = j;
    }
}

/// `ASCII_WORD_BYTE[b]`: `DIGIT` for an ASCII digit, `LETTER` for an ASCII letter, `SPACE` for
/// the ASCII characters `char::is_whitespace` calls white space, else 0.
static ASCII_WORD_BYTE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if c.is_ascii_digit() {
            DIGIT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else if matches!(c, b' ' | b'\t'..=b'\r') {
            SPACE
        } else {
            0
        };
        b += 1;
    }
    table
};
const DIGIT: u8 = 1;
const LETTER: u8 = 2;
const SPACE: u8 = 4;
/// Whether a byte's class is part of a word (a letter or a digit).
fn is_word_class(class: u8) -> bool {
    class & (DIGIT | LETTER) != 0
}

/// Where the word that starts at `i` (its first character ends at `j`) ends, not reaching
/// `end`, and whether it is all ASCII digits (`all_digits`: so far).
fn word_end(text: &str, i: usize, mut j: usize, end: usize, mut all_digits: bool) -> (usize, bool) {
    let bytes = text.as_bytes().get(..end).unwrap_or_default();
    while j < end {
        // ASCII letters and digits are the common case: a run of them, no decoding, one table
        // look-up a byte.
        if all_digits {
            while let Some(&b) = bytes.get(j) {
                let class = ASCII_WORD_BYTE[usize::from(b)];
                if !is_word_class(class) {
                    break;
                }
                all_digits &= class == DIGIT;
                j += 1;
            }
        } else {
            // A word that is not a number any more: only where the run ends matters.
            j += ascii_word_run(&bytes[j..]);
        }
        if j == end {
            break;
        }
        // Only these ASCII characters can join two parts of a word (see `joins` below).
        if bytes[j] < 0x80 && !matches!(bytes[j], b'\'' | b'-' | b'.' | b',' | b'&') {
            break;
        }
        let d = char_at(text, j);
        let dlen = d.len_utf8();
        if d.is_alphanumeric() {
            all_digits = false;
            j += dlen;
            continue;
        }
        let after = (j + dlen < end).then(|| char_at(text, j + dlen));
        let joins = match d {
            '\'' | '’' | '-' => after.is_some_and(char::is_alphanumeric),
            '.' | ',' if all_digits => after.is_some_and(|a| a.is_ascii_digit()),
            '.' => is_initialism(&text[i..j], after),
            '&' => after.is_some_and(char::is_uppercase),
            _ => false,
        };
        if !joins {
            break;
        }
        j += dlen;
    }
    (j, all_digits)
}

/// How many bytes at the start of `bytes` are ASCII letters or digits. Eight bytes are
/// tested at once while eight are left: a word's end is then found without a branch per byte,
/// and the branch that ends the loop is taken about once a word, not mispredicted at each.
fn ascii_word_run(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes.get(n..n + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let in_word = word_byte_count(u64::from_le_bytes(word));
        n += in_word;
        if in_word < 8 {
            return n;
        }
    }
    n + bytes[n..]
        .iter()
        .position(|&b| !is_word_class(ASCII_WORD_BYTE[usize::from(b)]))
        .unwrap_or(bytes.len() - n)
}

/// How many of the eight bytes of `w` (little-endian: the first byte lowest) are ASCII
/// letters or digits before the first that is not. Byte-wise range tests on one machine word
/// (the "has between" of Sean Anderson's Bit Twiddling Hacks), exact for 7-bit bytes; bytes
/// with the high bit set (not ASCII) are never word bytes.
fn word_byte_count(w: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    const LOW7: u64 = ONES * 0x7F;
    // Bit 7 of each byte set where `lo < byte < hi` (for bytes below 0x80).
    let between =
        |x: u64, lo: u64, hi: u64| (ONES * (127 + hi) - x) & !x & (x + ONES * (127 - lo)) & HIGH;
    let ascii = !w & HIGH;
    let x = w & LOW7;
    let digit = between(x, u64::from(b'0') - 1, u64::from(b'9') + 1);
    // Upper case folded to lower by setting bit 5 (other bytes stay outside a..z).
    let letter = between(x | (ONES * 0x20), u64::from(b'a') - 1, u64::from(b'z') + 1);
    let word = (digit | letter) & ascii;
    ((!word & HIGH).trailing_zeros() / 8) as usize
}

/// The character starting at byte `i` of `text` (which must be a character boundary).
fn char_at(text: &str, i: usize) -> char {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        b as char
    } else {
        text[i..].chars().next().unwrap_or(' ')
    }
}

/// "U.S", "U.S.", "D.C": single letters joined by full stops stay one word.
fn is_initialism(so_far: &str, after: Option<char>) -> bool {
    // Asked of every word before a full stop: one of two ASCII letters or more ("said.")
    // has a first part longer than one letter.
    if let [first, second, ..] = so_far.as_bytes()
        && first.is_ascii()
        && *second != b'.'
    {
        return false;
    }
    let single_letters = so_far.split('.').all(is_one_char);
    single_letters
        && (after.is_some_and(char::is_alphabetic) && so_far.chars().count() < 6
            || so_far.contains('.'))
}

#[inline(never)]
fn split_sentences(
    text: &str,
    toks: &mut [Token],
    paras: &[Range<usize>],
    may_end: &[usize],
    quotes: &[FoundQuote],
) -> Vec<Range<usize>> {
    let mut sentences: Vec<Range<usize>> = Vec::new();
    // Only the tokens that may end a sentence (in order, as `may_end` lists them) are asked
    // the full rule; the last token of a paragraph ends its sentence whatever it is.
    let mut candidates = may_end.iter().copied().peekable();
    for p in paras {
        let mut start = p.start;
        while let Some(i) = candidates.next_if(|&i| i < p.end) {
            if i >= p.start && i + 1 < p.end && ends_sentence(text, toks, i, quotes) {
                sentences.push(start..i + 1);
                start = i + 1;
            }
        }
        if start < p.end {
            sentences.push(start..p.end);
        }
    }
    // Each token numbered with its sentence.
    for (n, s) in sentences.iter().enumerate() {
        for t in &mut toks[s.clone()] {
            t.sentence = n as u32;
        }
    }
    sentences
}

/// Which tokens `scan_words` and `tokenize` note as maybe ending a sentence, before
/// `ends_sentence` asks the full rule: only a stop (. ! ? …), a quotation or a word with a full
/// stop ("U.S.") can end one. (The notes are made as tokens are cut; this states the rule
/// once, for the test that they agree.)
#[cfg(test)]
fn may_end_sentence(text: &str, t: &Token) -> bool {
    match t.kind {
        // "…" is the only stop that is not ASCII; its UTF-8 form starts with 0xE2.
        Kind::Punct => matches!(
            text.as_bytes().get(t.start),
            Some(b'.' | b'!' | b'?' | 0xE2)
        ),
        Kind::Word => text.as_bytes().get(t.end.wrapping_sub(1)) == Some(&b'.'),
        Kind::Quote => true,
        Kind::Number => false,
    }
}

fn ends_sentence(text: &str, toks: &[Token], i: usize, quotes: &[FoundQuote]) -> bool {
    let t = toks[i];
    let next = toks[i + 1];
    let next_text = next.text(text);
    match t.kind {
        Kind::Punct => {
            // The one rule for where a sentence ends (the reader's caret moves by it too).
            let before = if i > 0 && toks[i - 1].is_word() {
                toks[i - 1].text(text)
            } else {
                ""
            };
            sentence::stop_ends_sentence(t.text(text), before, &text[next.start..])
        }
        Kind::Quote => {
            // “… done.” Next sentence: a quotation that ends with a full stop ends its sentence.
            let q = &quotes[t.quote as usize];
            // The closing marks but ’ and ` (as this rule has always read them).
            let inner = text[q.span()].trim_end_matches(|c| {
                crate::text::marks::CLOSING.contains(&c) && !matches!(c, '’' | '`')
            });
            inner.ends_with('.') && next.kind == Kind::Word && is_capitalized(next_text)
        }
        Kind::Word => {
            // "U.S." and other initialisms swallow their full stop; they end a sentence only
            // before a quotation or a word that opens one ("… in the U.S. He said …").
            t.text(text).ends_with('.')
                && (next.kind == Kind::Quote
                    || next.kind == Kind::Word
                        && crate::text::sentence::opens_sentence_after_abbreviation(next_text))
        }
        Kind::Number => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::split_paragraphs;
    use crate::attribution::quotes::find_quotes;

    fn toks(text: &str) -> (Vec<String>, usize) {
        let paras = split_paragraphs(text);
        let q = find_quotes(text, &paras);
        let t = tokenize(text, &paras, &q);
        (
            t.toks.iter().map(|t| t.text(text).to_string()).collect(),
            t.sentences.len(),
        )
    }

    #[test]
    fn words_keep_apostrophes_hyphens_and_initialisms() {
        let (t, _) = toks("Putin's Russian-Belarusian U.S. talks don't end");
        assert_eq!(
            t,
            vec![
                "Putin's",
                "Russian-Belarusian",
                "U.S.",
                "talks",
                "don't",
                "end"
            ]
        );
    }

    #[test]
    fn an_initialism_before_a_pronoun_ends_its_sentence() {
        let (_, n) = toks("The levy hits ferry crews from the U.K. She thinks the port needs it.");
        assert_eq!(n, 2);
        let (_, n) = toks("The U.S. Senate voted on the levy.");
        assert_eq!(n, 1);
    }

    #[test]
    fn quotations_are_single_tokens() {
        let (t, n) = toks("“In fact, it is. Really,” said Lukashenko. He left.");
        assert_eq!(t[0], "“In fact, it is. Really,”");
        assert_eq!(&t[1..4], &["said", "Lukashenko", "."]);
        assert_eq!(n, 2);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let (_, n) = toks("Mr. Trump and Donald J. Trump met Dr. Smith. Then they left.");
        assert_eq!(n, 2);
    }

    #[test]
    fn a_sentence_is_searched_in_lower_case_within_its_tokens() {
        let text = "Ada spoke. According to Bo, it rained. Then it stopped.";
        let paras = split_paragraphs(text);
        let t = tokenize(text, &paras, &find_quotes(text, &paras));
        let according = memchr::memmem::Finder::new("according");
        let found: Vec<bool> = t
            .sentences
            .iter()
            .map(|s| t.lower_text_contains(s.clone(), &according))
            .collect();
        assert_eq!(found, [false, true, false]);
        assert!(!t.lower_text_contains(0..0, &according));
    }

    #[test]
    fn the_tokens_noted_as_maybe_ending_a_sentence_are_those_the_rule_names() {
        for text in [
            "Mr. Ode met the U.S. envoy… Really? Yes! It cost 10.5 or 3. Then “Go.” she said",
            "É. Ölund — waved… ¿Qué? 1,2. a.b. Done.",
            "",
        ] {
            let (mut toks, mut may_end) = (Vec::new(), Vec::new());
            scan_words(text, 0, text.len(), 0, &mut toks, &mut may_end);
            let by_rule: Vec<usize> = (0..toks.len())
                .filter(|&i| may_end_sentence(text, &toks[i]))
                .collect();
            assert_eq!(may_end, by_rule, "{text}");
        }
    }

    #[test]
    fn one_character_is_counted_without_reading_the_rest() {
        for (s, one) in [
            ("J", true),
            ("É", true),
            ("漢", true),
            ("", false),
            ("Jo", false),
        ] {
            assert_eq!(is_one_char(s), one, "{s:?}");
            assert_eq!(is_one_char(s), s.chars().count() == 1, "{s:?}");
        }
    }

    #[test]
    fn word_runs_eight_bytes_at_a_time_agree_with_the_byte_table() {
        // Every byte value at every position of an eight-byte window, and runs that end in
        // the tail after the last whole window.
        let scalar = |bytes: &[u8]| {
            bytes
                .iter()
                .position(|&b| !is_word_class(ASCII_WORD_BYTE[usize::from(b)]))
                .unwrap_or(bytes.len())
        };
        for b in 0..=255u8 {
            for at in 0..11 {
                let mut bytes = b"Abcz09AZyx0".to_vec();
                bytes[at] = b;
                for len in 0..=bytes.len() {
                    assert_eq!(
                        ascii_word_run(&bytes[..len]),
                        scalar(&bytes[..len]),
                        "byte {b:#x} at {at}, length {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn numbers_are_one_token() {
        let (t, _) = toks("It fell 10.1% to $1,490 in 2022.");
        assert!(t.contains(&"10.1".to_string()));
        assert!(t.contains(&"1,490".to_string()));
    }
}

#[cfg(test)]
mod lower_tests {
    use super::lower_same_offsets;

    #[test]
    fn lower_case_keeps_offsets() {
        for t in ["Putin SAID", "Łukasz Öz", "İstanbul ẞ", "漢字 É"] {
            let l = lower_same_offsets(t);
            assert_eq!(l.len(), t.len(), "{t}");
            assert!(t.char_indices().all(|(i, _)| l.is_char_boundary(i)));
        }
        assert_eq!(lower_same_offsets("Putin SAID"), "putin said");
        assert_eq!(
            lower_same_offsets("“ÉTÉ” — Ivan’s «NON»"),
            "“été” — ivan’s «non»"
        );
    }
}
