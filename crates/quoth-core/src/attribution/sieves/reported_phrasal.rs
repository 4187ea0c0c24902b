//! The reported-phrasal sieve: a verb of speech made of a verb and its particle — "X pointed
//! out that …", "…, pointing out that …". The lexicon holds single words; "point" alone
//! ("pointed to his record") reports nothing, so the pair is the cue.

use super::speech::{Complement, content_end, is_that, opens_clause, reports_at, statement};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// Verbs of speech that need their particle: (verb forms, particle). "point out" is a cue of
/// the shared scorer's definition of speech.
const PHRASAL: &[(&[&str], &str)] = &[(&["point", "points", "pointed", "pointing"], "out")];

/// The verb at token `v` of a phrasal verb of speech, followed by its particle, that reports
/// (the same tests as a one-word cue: not negated, hypothetical, passive or an infinitive).
#[inline]
pub fn cue_phrasal(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Complement> {
    let np = &ctx.np;
    if !np.is_word(v) || v + 1 >= s.end || !np.is_word(v + 1) {
        return None;
    }
    let (w, next) = (np.word(v), np.word_lower(v + 1));
    let phrasal = PHRASAL
        .iter()
        .any(|(forms, particle)| *particle == next && forms.contains(&w));
    (phrasal && reports_at(ctx, v, s)).then_some(Complement::Phrasal)
}

/// The sieve's entry in the pipeline: phrasal verbs of speech (class `Phrasal`).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue {
            v,
            s,
            class: Complement::Phrasal,
        } => reported_phrasal(ctx, *v, s),
        _ => None,
    }
}

/// "X pointed out that …" or "X pointed out the plan had …": the clause after the particle.
fn reported_phrasal(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let mut from = v + 2;
    if from < s.end && np.is_punct(from, ",") {
        from += 1;
    }
    if from >= s.end || !(is_that(ctx, from) || opens_clause(ctx, from, s.end)) {
        return None;
    }
    let end = content_end(ctx, from, s)?;
    statement(ctx, v, from, end, s, Sieve::ReportedPhrasal)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn pointed_out_reports_its_clause() {
        let (content, speaker, sieve) =
            one("Mara Quill pointed out that the ferry had never run at night.");
        assert_eq!(content, "that the ferry had never run at night");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        assert_eq!(sieve, "reported-phrasal");
        let (content, speaker, _) =
            one("Osric Vane defended the toll, pointing out that the bridge needed repairs.");
        assert_eq!(content, "that the bridge needed repairs");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
    }

    #[test]
    fn pointing_elsewhere_reports_nothing() {
        for t in [
            "Mara Quill pointed to her record on the harbour.",
            "Mara Quill pointed out the window.",
            "Mara Quill did not point out that the ferry was late.",
            "If Mara Quill pointed out that the ferry was late, nobody heard.",
            "It was pointed out that the ferry was late.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }
}
