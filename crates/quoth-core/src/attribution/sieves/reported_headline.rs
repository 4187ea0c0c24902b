//! The reported-headline sieve: an article's headline that reports ("Insiders: Trump will
//! rebound", "Mayor Says Bridge Will Reopen").

use super::super::limits;
use super::super::np::Mention;
use super::speech::{has_quote, is_noun_like, speech_verb, trim_end, word_count};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: whole sentences of the first paragraph (the headline).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Sentence { s, heading } if ctx.np.toks[s.start].para == 0 => {
            reported_headline(ctx, s, *heading)
        }
        _ => None,
    }
}

/// An article's headline that reports: "Insiders: Trump will rebound", "Mayor
/// Says Bridge Will Reopen".
fn reported_headline(ctx: &Ctx, s: &Range<usize>, heading: bool) -> Option<Found> {
    let np = &ctx.np;
    let end = trim_end(ctx, s.start, s.end);
    // "Pass to Stay Closed, Canton Says": the cue closes the headline.
    if end > s.start + 3 && matches!(np.word(end - 1), "Says" | "Said" | "Warns") {
        let comma = (s.start..end - 1).rev().find(|&k| np.is_punct(k, ","))?;
        let mention = np
            .backward(end - 2, comma + 1)
            .filter(|m| m.first_tok == comma + 1)?;
        if has_quote(ctx, s.start, comma)
            || word_count(ctx, s.start, comma) < limits::MIN_CONTENT_WORDS
        {
            return None;
        }
        return Some(
            Found::new(
                Sieve::ReportedHeadline,
                mention,
                Some(np.toks[end - 1].start..np.toks[end - 1].end),
            )
            .with_content(np.toks[s.start].start..np.toks[comma - 1].end),
        );
    }
    let cue = (s.start + 1..end.min(s.start + limits::HEADLINE_CUE_REACH))
        .find(|&k| np.is_punct(k, ":") || is_headline_verb(ctx, k, heading))?;
    let mention = np
        .backward(cue - 1, s.start)
        .filter(|m| m.first_tok == s.start)?;
    if np.is_punct(cue, ":") && is_kicker(ctx, &mention, s) {
        return None;
    }
    // "Mayor Calls for Repairs", "Mayor Calls on Council to …": the verb's particle is no
    // part of what was said.
    let particle = np.is_word(cue + 1) && matches!(np.lw(cue + 1).as_ref(), "for" | "on");
    let from = if np.is_word(cue) && particle {
        cue + 2
    } else {
        cue + 1
    };
    // A headline with a deck after a semicolon ("Mayor says toll will rise; Drivers …"): the
    // statement ends with the headline.
    let end = (from..end)
        .find(|&k| np.is_punct(k, ";"))
        .map_or(end, |k| trim_end(ctx, from, k));
    if from >= end
        || has_quote(ctx, from, end)
        || word_count(ctx, from, end) < limits::MIN_CONTENT_WORDS
    {
        return None;
    }
    Some(
        Found::new(
            Sieve::ReportedHeadline,
            mention,
            Some(np.toks[cue].start..np.toks[cue].end),
        )
        .with_content(np.toks[from].start..np.toks[end - 1].end),
    )
}

/// A finite verb of speech in a headline, in title case or not ("Mayor Says …", "Mayor
/// Urges …", "Mayor tells …"): any form of the speech-verb lexicon but a participle ("Is Now
/// Calling"), a form that is as often a noun ("NY Post: …", "Jobs report gives …") or a
/// passive ("Mayor Accused Of …") — its subject must open the headline (see
/// [`reported_headline`]). A verb in lower case only where the first paragraph is a heading
/// (a first line that is a sentence of the story is read by the cue sieves).
fn is_headline_verb(ctx: &Ctx, k: usize, heading: bool) -> bool {
    let np = &ctx.np;
    np.is_word(k)
        && (heading || np.is_cap(k))
        && {
            let w = np.lw(k);
            !w.ends_with("ing") && !is_noun_like(w.as_ref()) && speech_verb(&w).is_some()
        }
        && !(np.is_word(k + 1) && np.lw(k + 1) == "of")
}

/// A one-word label before a headline's colon ("EXCLUSIVE:", "Breaking:", "Watch:"), not a
/// speaker: a word in capitals, or a singular word the article never names again (a group
/// word in the plural, "Insiders:", "Economists:", speaks).
fn is_kicker(ctx: &Ctx, m: &Mention, s: &Range<usize>) -> bool {
    let np = &ctx.np;
    if m.first_tok != m.last_tok || !np.is_word(m.first_tok) {
        return false;
    }
    let word = np.word(m.first_tok);
    // "Poll:", "Report:", "AP:": a document or a news agency's initials speak.
    if np.lx.is_source_noun(&np.lw(m.first_tok)) || is_initials(word) {
        return false;
    }
    let capitals = word.chars().count() > 1 && word.chars().all(|c| !c.is_lowercase());
    let plural = word.ends_with('s') && !word.ends_with("ss");
    // A bounded look (see `limits::NAMED_AGAIN_REACH`): a long first paragraph stays linear.
    let hi = np.toks.len().min(s.end + limits::NAMED_AGAIN_REACH);
    let named_again = (s.end..hi).any(|k| np.is_word(k) && np.word(k) == word);
    capitals || !plural && !named_again
}

/// A news agency's or outlet's initials ("AP", "CNN", "BBC"): two or three capitals, not a
/// shouted label ("EXCLUSIVE", "BREAKING", "WATCH").
fn is_initials(word: &str) -> bool {
    (2..=limits::MAX_INITIALS).contains(&word.chars().count())
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !matches!(word, "FIX" | "NEW" | "WOW" | "OMG" | "LOL")
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_document_or_initials_before_the_colon_speak() {
        for (t, who) in [
            (
                "Poll: Ferry fares top the list of worries\n\nThe ferry is old.",
                "Poll",
            ),
            ("AP: Toll will rise in May\n\nThe ferry is old.", "AP"),
        ] {
            let (_, speaker, sieve) = one(t);
            assert_eq!(speaker.as_deref(), Some(who), "{t}");
            assert_eq!(sieve, "reported-headline", "{t}");
        }
        // Must not fire: a shouted label, however short.
        for t in [
            "LOOK: Toll Will Rise in May\n\nThe ferry is old.",
            "WOW: Toll Will Rise in May\n\nThe ferry is old.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn headlines_that_report() {
        let (content, speaker, sieve) =
            one("Ferry to Stop Running in Winter, Harbour Board Says\n\nThe ferry is old.");
        assert_eq!(content, "Ferry to Stop Running in Winter");
        assert_eq!(speaker.as_deref(), Some("Harbour Board"));
        assert_eq!(sieve, "reported-headline");
        let (content, _, _) = one("Mara Quill: Toll Will Rise in May\n\nThe ferry is old.");
        assert_eq!(content, "Toll Will Rise in May");
        // Any verb of speech, in title case or not.
        let (content, speaker, _) =
            one("Mara Quill Urges Council to Keep the Ferry\n\nThe ferry is old.");
        assert_eq!(content, "Council to Keep the Ferry");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        // In lower case only in a heading: a first line that is a sentence is the cue sieves'.
        let (_, _, sieve) =
            one("Quill tells drivers the toll will rise in May.\n\nThe ferry is old.");
        assert_ne!(sieve, "reported-headline");
        let (content, _, _) =
            one("Mara Quill Calls for Night Ferries to Kessel\n\nThe ferry is old.");
        assert_eq!(content, "Night Ferries to Kessel");
        let (content, _, _) =
            one("Quill says toll will rise; Drivers plan a protest\n\nThe ferry is old.");
        assert_eq!(content, "toll will rise");
        // A label is no speaker.
        for t in [
            "EXCLUSIVE: Toll Will Rise in May\n\nThe ferry is old.",
            "Breaking: Toll Will Rise in May\n\nThe ferry is old.",
            "Mara Quill Is Now Calling the Ferry Safe\n\nThe ferry is old.",
            "Mara Quill Denies Nothing\n\nThe ferry is old.",
            "Quill Defends Herself Against Claims She Lied\n\nThe ferry is old.",
            "Ferry report gives drivers a lift\n\nThe ferry is old.",
            "Mara Quill Accused Of Hiding Ferry Losses\n\nThe ferry is old.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
        let (_, speaker, _) =
            one("Quill: Toll Will Rise in May\n\nMara Quill runs the ferry. Quill is 50.");
        assert_eq!(speaker.as_deref(), Some("Quill"));
        // Only the article's first line is a headline.
        let t = "The ferry is old.\n\nMara Quill: Toll Will Rise in May";
        assert!(reported(t).is_empty(), "{:?}", reported(t));
    }
}
