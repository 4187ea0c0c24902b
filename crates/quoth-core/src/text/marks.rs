//! Quotation marks: the one place that says which characters quoth takes for them.
//!
//! The quote finder (`attribution::quotes`) pairs marks byte by byte for speed; its table is
//! checked against these lists by a test there. Everything else — trimming a quotation to its
//! words, the scorer's port, search folding, sentence ends — uses the lists below.

/// Double quotation marks: “…”, "…", «…», „…“ and the rare ‟.
pub const DOUBLE: &[char] = &['“', '”', '"', '«', '»', '„', '‟'];

/// Single marks and their stand-ins at a quotation's edge: ‘…’, '…', `…`.
pub const SINGLE: &[char] = &['‘', '’', '\'', '`'];

/// Every quotation mark, double then single.
pub const ALL: &[char] = &['“', '”', '"', '«', '»', '„', '‟', '‘', '’', '\'', '`'];

/// Marks that can close a quotation (and may stand after its final punctuation): the closing
/// forms, the straight ones, and “ typed the wrong way round.
pub const CLOSING: &[char] = &['”', '"', '»', '“', '’', '\'', '`'];

/// Whether `c` is a quotation mark of any kind.
pub fn is_quote_mark(c: char) -> bool {
    ALL.contains(&c)
}

/// The straight form of a quotation mark or a look-alike (primes, the low single mark, the
/// acute accent typed for an apostrophe), so that a search for "it's" finds “it’s”.
pub fn fold(c: char) -> char {
    match c {
        '‚' | '‛' | '′' | '´' => '\'',
        '″' => '"',
        c if SINGLE.contains(&c) => '\'',
        c if DOUBLE.contains(&c) => '"',
        c => c,
    }
}

/// `s` without quotation marks and white space at either end.
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || is_quote_mark(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_is_double_then_single() {
        let joined: Vec<char> = DOUBLE.iter().chain(SINGLE).copied().collect();
        assert_eq!(ALL, joined.as_slice());
    }

    #[test]
    fn closing_marks_are_quote_marks() {
        assert!(CLOSING.iter().all(|&c| is_quote_mark(c)));
        assert!(!is_quote_mark('.'));
    }

    #[test]
    fn fold_makes_marks_straight_and_leaves_letters() {
        let folded: String = "„Ja“ «non» ‘it’s’ l´a ′".chars().map(fold).collect();
        assert_eq!(folded, "\"Ja\" \"non\" 'it's' l'a '");
    }

    #[test]
    fn trim_takes_marks_and_spaces_off_both_ends_only() {
        assert_eq!(trim(" “We’ll see,” "), "We’ll see,");
    }
}
