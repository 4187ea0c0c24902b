//! The reported-relative sieve: a relative clause whose verb is what was said — "The changes,
//! which officials said will take effect in May, …", "the vote, which she has said was a
//! mistake, …".

use super::super::limits;
use super::speech::{is_finite_verb_like, skip_adverbials, statement, trim_end};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state (not those that ask).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if class.takes_clause() => reported_relative(ctx, *v, s),
        _ => None,
    }
}

/// ", which officials said will take effect in May": "which" (or "that") opens the clause,
/// its subject and the cue follow, and the relative clause's own verb comes right after the
/// cue. The content is that verb's phrase, to the clause's end; the speaker is the subject.
fn reported_relative(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let relative = (s.start..v)
        .rev()
        .take(limits::RELATIVE_SUBJECT_REACH)
        .find(|&k| np.is_word(k) && matches!(np.lw(k).as_ref(), "which" | "that"))?;
    // Between the pronoun and the cue only the subject and adverbs or auxiliaries: no
    // punctuation, no other verb ("which the probe found and said …").
    let words_only = (relative + 1..v).all(|k| np.is_word(k));
    let verb = skip_adverbials(ctx, v + 1, s.end);
    // The verb follows the cue with nothing but adverbs between: after a comma the clause
    // has closed ("which Holm has denied, were dropped").
    let adjacent = (v + 1..verb).all(|k| np.is_word(k));
    if !words_only || !adjacent || relative + 1 >= v || verb >= s.end || !np.is_word(verb) {
        return None;
    }
    let w = np.lw(verb);
    if np.is_cap(verb) || !is_finite_verb_like(&w) {
        return None;
    }
    let end = (verb..s.end)
        .find(|&k| {
            [",", ";", "—", "–", "(", ")"]
                .iter()
                .any(|p| np.is_punct(k, p))
        })
        .unwrap_or_else(|| trim_end(ctx, verb, s.end));
    if end <= verb {
        return None;
    }
    statement(ctx, v, verb, end, s, Sieve::ReportedRelative)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn the_verb_of_a_relative_clause_after_the_cue_is_what_was_said() {
        let (content, speaker, sieve) = one(
            "The new ferry rules, which the harbour master said will take effect in May, do not cover freight.",
        );
        assert_eq!(content, "will take effect in May");
        assert_eq!(speaker.as_deref(), Some("the harbour master"));
        assert_eq!(sieve, "reported-relative");
        let (content, speaker, _) = one(
            "Mara Quill lost in May. Her vote on the levy, which she has since said was a mistake, still haunts her.",
        );
        assert_eq!(content, "was a mistake");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
    }

    #[test]
    fn must_not_fire_without_a_verb_after_the_cue_or_with_negation() {
        for t in [
            "The charges, which Holm has denied, were dropped in May.",
            "The levy, which the mayor said nothing about, passed in May.",
            "The pier, which the council did not say was unsafe, reopened in May.",
        ] {
            let r = reported(t);
            assert!(r.iter().all(|r| r.2 != "reported-relative"), "{t}: {r:?}");
        }
    }
}
