//! The statement filter: which quotations are statements, and which are titles, nicknames or
//! names given with "called".

use super::limits;
use super::np::{self, MentionKind};
use super::sieves::{self, Ctx, Found};
use super::tokens;
use crate::text::marks;

/// Quoted words that no one is reported as saying are not statements: titles ("“The
/// Apprentice”"), nicknames (George “Jay” Keyworth) and things named with "called".
pub(super) fn is_statement(ctx: &Ctx, qi: usize, found: Option<&Found>) -> bool {
    let np = &ctx.np;
    let span = ctx.quotes[qi].span();
    // The quotation's words without marks, commas and full stops at either end (the rare ‟
    // left as it always was here).
    let inner = np.text[span].trim_matches(|c: char| {
        marks::is_quote_mark(c) && c != '‟' || matches!(c, ',' | '.') || c.is_whitespace()
    });
    // Only the words the tests below count matter: a long quotation is not read to its end.
    let words: Vec<&str> = inner
        .split_whitespace()
        .take(limits::TITLE_MAX_WORDS + 1)
        .collect();
    let qt = ctx.tokens.quote_token[qi];
    let name_word = |t: usize| {
        np.is_word(t) && tokens::is_capitalized(np.word(t)) && np.toks[t].para == np.toks[qt].para
    };
    let nickname = words.len() <= limits::NICKNAME_MAX_WORDS
        && qt > 0
        && name_word(qt - 1)
        && name_word(qt + 1);
    // "the so-called “productivity plan”": the writer keeps the words at arm's length.
    let so_called = qt > 0 && np.is_word(qt - 1) && np.lw(qt - 1) == "so-called";
    if nickname || so_called && words.len() <= limits::SO_CALLED_MAX_WORDS {
        return false;
    }
    let title = words.len() <= limits::TITLE_MAX_WORDS && is_title_case(&words);
    // "author of “The Harbour Ledger”", "on KRX’s “Morning Desk”", "his book “The Tide
    // Tables”": a title where a title goes is no statement, whoever is near.
    let title_slot = qt > 0 && np.is_word(qt - 1) && {
        let w = np.lw(qt - 1);
        matches!(
            w.as_ref(),
            "of" | "on"
                | "with"
                | "book"
                | "show"
                | "program"
                | "programme"
                | "film"
                | "movie"
                | "titled"
                | "entitled"
                | "series"
                | "memoir"
                | "novel"
                | "album"
                | "song"
        ) || np::is_possessive(np.word(qt - 1))
    };
    if title && title_slot {
        return false;
    }
    match found {
        Some(f) if !sieves::accepts_titles(f.sieve) => !title,
        Some(f) => !named_with_called(ctx, qt, f),
        None => !title,
    }
}

/// "a short film called “Low Tide”": a name given to a thing, not words spoken.
fn named_with_called(ctx: &Ctx, qt: usize, f: &Found) -> bool {
    let np = &ctx.np;
    let Some(cue) = &f.cue else { return false };
    let naming = matches!(
        &np.text[cue.clone()],
        "called" | "named" | "dubbed" | "titled" | "entitled" | "labeled" | "labelled"
    );
    let right_before = qt > 0 && np.toks[qt - 1].end == cue.end;
    naming && right_before && matches!(f.mention.kind, MentionKind::Nominal)
}

/// Every word of four letters or more is capitalised: a title or a name.
fn is_title_case(words: &[&str]) -> bool {
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= limits::TITLE_WORD_MIN_LETTERS
        })
        .collect();
    !long.is_empty()
        && long.iter().all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
}

#[cfg(test)]
mod tests {
    use crate::article::split_paragraphs;
    use crate::attribution::analyse_text;

    #[test]
    fn titles_nicknames_and_scare_quotes_are_not_statements() {
        let t = "He appeared on “Meet the Press” on Sunday. George “Jay” Keyworth agreed with the so-called “productivity plan.”";
        let a = analyse_text(t, &split_paragraphs(t));
        assert!(a.quotes.is_empty(), "{:?}", a.quotes);
        assert_eq!(a.other_quoted.len(), 3);
    }

    #[test]
    fn titles_in_title_places_are_not_statements_even_near_a_cue() {
        let t = "“It is over,” said Ivo Lind, author of “The Harbour Ledger,” a history of the port. He appeared on KRX’s “Morning Desk” later.";
        let a = analyse_text(t, &split_paragraphs(t));
        let texts: Vec<&str> = a.quotes.iter().map(|q| &t[q.span.clone()]).collect();
        assert_eq!(texts, vec!["“It is over,”"]);
        assert_eq!(a.other_quoted.len(), 2);
    }
}
