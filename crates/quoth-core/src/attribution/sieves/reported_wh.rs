//! The reported-wh sieve: a statement whose content is an embedded question — "X revealed why
//! the pier had closed", "X described how the wall fell", "X recalled what happened".
//!
//! Only verbs that state (and "describe"): "asked whether" is a request (the reported-request
//! sieve's, as are "explained why" and "told the board why"). The verbs of saying themselves
//! are left out, for "said when" and "said where" are mostly times and places ("said when
//! asked …"), and "when"/"where" are left out for every verb alike.

use super::speech::{Complement, content_end, skip_adverbials, statement};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: stating and judging cues.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue {
            v,
            s,
            class: Complement::Clause | Complement::Object,
        } => reported_wh(ctx, *v, s),
        _ => None,
    }
}

/// Words that open an embedded question whose answer was stated.
fn opens_embedded_question(w: &str) -> bool {
    matches!(w, "why" | "how" | "what" | "whether")
}

/// "X revealed why …": the question from its wh-word to the end of the clause.
fn reported_wh(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    if matches!(np.word_lower(v), "say" | "says" | "said" | "saying") {
        return None;
    }
    let from = skip_adverbials(ctx, v + 1, s.end);
    if from >= s.end || !np.is_word(from) || !opens_embedded_question(np.word_lower(from)) {
        return None;
    }
    let end = content_end(ctx, from, s)?;
    statement(ctx, v, from, end, s, Sieve::ReportedWh)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_stated_answer_to_a_question() {
        let (content, speaker, sieve) = one("Osric Vane revealed why the pier had closed.");
        assert_eq!(content, "why the pier had closed");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        assert_eq!(sieve, "reported-wh");
        let (content, _, _) = one("Mara Quill described how the sea wall had failed.");
        assert_eq!(content, "how the sea wall had failed");
        let (content, _, _) = one("Mara Quill recalled what happened in the flood.");
        assert_eq!(content, "what happened in the flood");
    }

    #[test]
    fn times_places_and_open_questions_report_nothing() {
        for t in [
            "Osric Vane said when asked that he had no plans.",
            "Osric Vane wondered why the pier had closed.",
            "Osric Vane did not reveal why the pier had closed.",
            "Osric Vane refused to reveal why the pier had closed.",
            "If Osric Vane revealed why the pier closed, nobody heard.",
            "Osric Vane knows why the pier had closed.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }
}
