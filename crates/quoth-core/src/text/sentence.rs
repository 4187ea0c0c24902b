//! Where sentences end: the one rule, used by the tokenizer (which splits the article into
//! sentences for attribution) and by the reader's caret (which moves by sentences).

use super::marks;

/// Whether `stop` (a full stop, ! ? or …) ends its sentence, given the word right before it
/// (empty if none) and the text from the start of the next word on.
///
/// A sentence ends where the next one starts as sentences do — a capital, a digit or a
/// quotation mark — except after an abbreviation ("Sen. Lee") or an initial ("Paul D. Ryan",
/// "the U.S. Senate"), and before an initial and its full stop ("in R. Lee's words").
pub fn stop_ends_sentence(stop: &str, word_before: &str, next: &str) -> bool {
    if !matches!(stop, "." | "!" | "?" | "…") {
        return false;
    }
    let Some(first) = next.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit() || marks::is_quote_mark(first)) {
        return false;
    }
    if stop != "." {
        return true;
    }
    let mut after_initial = next.chars().skip(1);
    if first.is_uppercase() && after_initial.next() == Some('.') {
        return false;
    }
    let mut letters = word_before.chars();
    let initial = letters.next().is_some_and(char::is_uppercase) && letters.next().is_none();
    !(initial || is_abbreviation(word_before)) || opens_sentence_after_abbreviation(next)
}

/// Whether the text `next`, after an abbreviation's full stop ("… in the U.S. He said …"),
/// opens a new sentence: a capitalised subject pronoun or article, which never continues a
/// name or a title ("U.S. He", "Jan. The"), unlike "U.S. Army" or "Sen. Brenn".
pub fn opens_sentence_after_abbreviation(next: &str) -> bool {
    let word = next
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(word, "He" | "She" | "It" | "They" | "We" | "The" | "But")
}

/// Whether `word` (any case) is an abbreviation after which a full stop does not end a
/// sentence ("Sen.", "Jan.", "U.S."; initialisms keep their inner full stops). Asked for every
/// full stop of every article: no allocation.
pub fn is_abbreviation(word: &str) -> bool {
    const LONGEST: usize = 6;
    if word.len() > LONGEST || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; LONGEST];
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..word.len()],
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"st"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"gen"
            | b"lt"
            | b"col"
            | b"sgt"
            | b"capt"
            | b"maj"
            | b"adm"
            | b"jr"
            | b"sr"
            | b"inc"
            | b"co"
            | b"corp"
            | b"ltd"
            | b"vs"
            | b"no"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"mt"
            | b"ft"
            | b"ave"
            | b"prof"
            | b"rev"
            | b"u.s"
            | b"u.k"
            | b"u.n"
            | b"d.c"
            | b"a.m"
            | b"p.m"
            | b"e.g"
            | b"i.e"
            | b"etc"
            | b"approx"
            | b"dept"
            | b"univ"
    )
}

/// If the character at byte `i` of `text` ends a sentence, the byte after the sentence (its
/// stop and any closing marks or bracket); a line break always ends one.
pub fn end_at(text: &str, i: usize) -> Option<usize> {
    let rest = text.get(i..)?;
    let c = rest.chars().next()?;
    if c == '\n' {
        return Some(i);
    }
    if !matches!(c, '.' | '!' | '?' | '…') {
        return None;
    }
    let stop_len = c.len_utf8();
    let closing = rest[stop_len..]
        .find(|ch: char| !(marks::CLOSING.contains(&ch) || ch == ')'))
        .unwrap_or(rest.len() - stop_len);
    let end = i + stop_len + closing;
    let after = &text[end..];
    if after.is_empty() {
        return Some(end);
    }
    if !after.starts_with(char::is_whitespace) {
        return None;
    }
    let next = after.trim_start_matches(|ch: char| ch.is_whitespace() && ch != '\n');
    if next.starts_with('\n') {
        // The paragraph ends here.
        return Some(end);
    }
    // “… no.” Then: a quotation that closes on a full stop has ended its sentence, whatever
    // word came before the stop.
    let word = if closing > 0 {
        ""
    } else {
        word_before(text, i)
    };
    stop_ends_sentence(&rest[..stop_len], word, next).then_some(end)
}

/// The word right before byte `i`: letters, digits and inner full stops ("U.S").
fn word_before(text: &str, i: usize) -> &str {
    let before = &text[..i];
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.'))
        .map_or(0, |(k, c)| k + c.len_utf8());
    &before[start..]
}

/// The end of the sentence that holds byte `at` (at least one character on), or the end of
/// the text.
pub fn forward(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    text[at..]
        .char_indices()
        .skip(1)
        .find_map(|(k, _)| end_at(text, at + k))
        .unwrap_or(text.len())
}

/// The start of the sentence before byte `at`: after the last sentence end before it, past
/// white space and opening marks.
pub fn back(text: &str, at: usize) -> usize {
    let at = floor_boundary(text, at);
    let before = text[..at].trim_end();
    let last_end = before
        .char_indices()
        .rev()
        .find_map(|(k, _)| end_at(text, k).filter(|&e| e < before.len()))
        .unwrap_or(0);
    let rest = &text[last_end..];
    last_end
        + (rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() || marks::CLOSING.contains(&c))
                .len())
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pronoun_or_article_after_an_abbreviation_opens_a_sentence() {
        assert!(stop_ends_sentence(".", "Jan", "The vote was close."));
        assert!(opens_sentence_after_abbreviation(
            "He said the port would close."
        ));
        // Must not split: a name or a title goes on after the abbreviation.
        assert!(!stop_ends_sentence(".", "Jan", "Theodore Brenn spoke."));
        assert!(!opens_sentence_after_abbreviation("Senate voted."));
        assert!(!opens_sentence_after_abbreviation("Hebrides ferry."));
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert!(!stop_ends_sentence(".", "Sen", "Ada Roe spoke."));
        assert!(!stop_ends_sentence(".", "D", "Ryan said."));
        assert!(!stop_ends_sentence(".", "U.S", "Senate voted."));
        assert!(!stop_ends_sentence(".", "visit", "R. Lee arrived."));
        assert!(stop_ends_sentence(".", "visit", "Lee arrived."));
        assert!(stop_ends_sentence("?", "Sen", "Lee arrived."));
    }

    #[test]
    fn a_lower_case_word_continues_the_sentence() {
        assert!(!stop_ends_sentence(".", "approx", "three miles"));
        assert!(!stop_ends_sentence(".", "it", "and so"));
        assert!(stop_ends_sentence(".", "it", "“We will"));
        assert!(stop_ends_sentence(".", "it", "2026 was"));
    }

    #[test]
    fn forward_stops_after_the_closing_mark() {
        let t = "He said “no.” Then Sen. Roe left. Fine";
        let first = forward(t, 0);
        assert_eq!(&t[..first], "He said “no.”");
        let second = forward(t, first);
        assert_eq!(&t[first..second], " Then Sen. Roe left.");
        assert_eq!(forward(t, second), t.len());
    }

    #[test]
    fn back_finds_the_start_of_the_sentence() {
        let t = "One. Mr. Lee came. Two";
        assert_eq!(&t[back(t, t.len())..], "Two");
        let two = t.find("Two").unwrap_or(0);
        assert_eq!(&t[back(t, two)..two], "Mr. Lee came. ");
    }

    #[test]
    fn a_line_break_ends_a_sentence() {
        let t = "a heading\nThe body";
        assert_eq!(forward(t, 0), 9);
    }

    #[test]
    fn positions_inside_a_character_are_safe() {
        let t = "“Ja.” Nein.";
        for at in 0..=t.len() {
            let f = forward(t, at);
            let b = back(t, at);
            assert!(t.is_char_boundary(f) && t.is_char_boundary(b));
        }
    }
}
