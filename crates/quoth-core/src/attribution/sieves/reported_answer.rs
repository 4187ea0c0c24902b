//! The reported-answer sieve: a one-word answer — "75 percent said yes", "the candidate said
//! no", "half said so in March". The word is the statement (it answers a question the text
//! has put, or repeats a claim).

use super::speech::{Complement, statement};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: stating cues.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue {
            v,
            s,
            class: Complement::Clause,
        } => reported_answer(ctx, *v, s),
        _ => None,
    }
}

/// Words after an answer that end its clause: "said yes, …", "said so in March", "said no
/// while …" — not "said no to the war" (a refusal) or "says no matter what …".
fn ends_answer(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    k >= end
        || !np.is_word(k) && np.toks[k].kind != super::super::tokens::Kind::Quote
        || np.is_word(k)
            && matches!(
                np.word_lower(k),
                "in" | "while" | "but" | "and" | "because" | "when" | "after" | "on"
            )
}

/// "X said yes": the answer after a verb of saying or answering.
fn reported_answer(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let answering = matches!(
        np.word_lower(v),
        "say" | "says" | "said" | "answered" | "replied"
    );
    let a = v + 1;
    if !answering || a >= s.end || !np.is_word(a) {
        return None;
    }
    let answer = matches!(np.word_lower(a), "yes" | "no" | "so");
    (answer && ends_answer(ctx, a + 1, s.end))
        .then(|| statement(ctx, v, a, a + 1, s, Sieve::ReportedAnswer))?
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_one_word_answer_is_a_statement() {
        let (content, speaker, sieve) =
            one("Osric Vane was asked about the pier on Monday. He said no.");
        assert_eq!(content, "no");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        assert_eq!(sieve, "reported-answer");
        let (content, _, _) = one("Most growers said so in March.");
        assert_eq!(content, "so");
    }

    #[test]
    fn refusals_and_idioms_report_nothing() {
        for t in [
            "Osric Vane said no to the harbour plan.",
            "Osric Vane says no matter what happens, the pier stays.",
            "Osric Vane did not say so.",
            "Osric Vane would say yes.",
            "Did Osric Vane say yes?",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }
}
