//! The reported-request sieve: "X urged Y to …", "X called for …", "X asked whether …".

use super::super::limits;
use super::speech::{
    Complement, action_end, content_end, cue_like, is_finite_verb_like, skip_addressee, statement,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that ask (class `request`).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if *class == Complement::Request => {
            reported_request(ctx, *v, s)
        }
        // "told the council to wait", "warned voters to stay home", "explained to the
        // board why …": a hearer, then what they are to do or a question.
        Target::Cue { v, s, class } => {
            let explains = ctx.np.lw(*v).starts_with("explain");
            (*class == Complement::Addressee || explains)
                .then(|| told_to_or_why(ctx, *v, s, *class))?
        }
        _ => None,
    }
}

/// After a tell verb, a hearer and an infinitive or a question ("told the council to
/// wait", "told reporters why …"); after "explain", "to" and a hearer first.
fn told_to_or_why(ctx: &Ctx, v: usize, s: &Range<usize>, class: Complement) -> Option<Found> {
    let np = &ctx.np;
    let k = if class == Complement::Addressee {
        skip_addressee(ctx, v + 1, s.end)?
    } else if np.lw(v + 1) == "to" {
        skip_addressee(ctx, v + 2, s.end)?
    } else {
        v + 1
    };
    // "told residents not to drink the water": the negation is part of the order.
    let to = if np.lw(k) == "not" { k + 1 } else { k };
    let from = if is_question_word(&np.lw(k)) {
        k
    } else if class == Complement::Addressee
        && k > v + 1
        && np.lw(to) == "to"
        && np.is_word(to + 1)
        && !is_finite_verb_like(&np.lw(to + 1))
    {
        v + 1
    } else {
        return None;
    };
    let end = action_end(ctx, from, content_end(ctx, from, s)?);
    statement(ctx, v, from, end, s, Sieve::ReportedRequest)
}

/// The "to" after a short hearer that starts at token `k` ("both sides to return", "the
/// United States to act"): no cue or lower-case finite verb between, and a word after it.
fn hearer_then_to(ctx: &Ctx, k: usize, end: usize) -> Option<usize> {
    let np = &ctx.np;
    let to = (k + 1..(k + limits::REQUEST_TO_REACH).min(end))
        .find(|&j| !np.is_word(j) || np.lw(j) == "to")?;
    // A capitalised word is a name's ("the United States"), not a verb.
    let hearer_ok =
        (k..to).all(|j| !cue_like(ctx, j) && (np.is_cap(j) || !is_finite_verb_like(&np.lw(j))));
    (np.lw(to) == "to" && np.is_word(to + 1) && hearer_ok).then_some(to)
}

/// Words that open a reported question ("asked whether …", "explained why …").
fn is_question_word(w: &str) -> bool {
    matches!(w, "whether" | "if" | "why" | "how" | "what" | "when")
}

/// "urged voters to stay home", "called on Congress to act", "called for a ban on
/// …", "asked whether the plan was legal" — a request or a question put to someone.
fn reported_request(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let verb = np.lw(v);
    let mut k = v + 1;
    let from = if verb.starts_with("call") {
        match np.lw(k).as_ref() {
            "for" => k + 1,
            // "called on Congress to act", "called upon the United States to …": a hearer,
            // then "to" and a verb.
            "on" | "upon" => {
                k = hearer_then_to(ctx, k + 1, s.end)?;
                (np.lw(k) == "to").then_some(k)?;
                v + 2
            }
            _ => return None,
        }
    } else if is_question_word(&np.lw(k)) {
        k
    } else if let Some(after) =
        skip_addressee(ctx, k, s.end).filter(|&after| after > k && is_question_word(&np.lw(after)))
    {
        // "asked the mayor whether …": a hearer, then the question.
        after
    } else {
        // "urged both sides to return": a short hearer, then "to" and a verb.
        hearer_then_to(ctx, k, s.end)?;
        k
    };
    let end = action_end(ctx, from, content_end(ctx, from, s)?);
    statement(ctx, v, from, end, s, Sieve::ReportedRequest)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_second_infinitive_after_and_is_asked_for_too() {
        let (content, speaker, _) =
            one("The harbour board urged skippers to moor early and report any damage at once.");
        assert_eq!(
            content,
            "skippers to moor early and report any damage at once"
        );
        assert_eq!(speaker.as_deref(), Some("The harbour board"));
        // Must not fire on the second verb alone ("report" there reports nothing), nor keep a
        // real second cue in the first content: "to the pier" is no infinitive.
        let r = reported("Ada Brenn walked to the pier and told reporters the ferry would run.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "the ferry would run");
    }

    #[test]
    fn requests_and_questions_put_to_someone() {
        let (content, speaker, sieve) =
            one("Mara Quill urged the council to reopen the ferry before winter.");
        assert_eq!(content, "the council to reopen the ferry before winter");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        assert_eq!(sieve, "reported-request");
        let (content, _, _) = one("Osric Vane called for a ban on night flights.");
        assert_eq!(content, "a ban on night flights");
        let (content, _, _) = one("Osric Vane asked whether the ferry would run.");
        assert_eq!(content, "whether the ferry would run");
        let (content, _, _) = one("Osric Vane told the crews to stay in port until Friday.");
        assert_eq!(content, "the crews to stay in port until Friday");
        let (content, _, _) = one("Osric Vane told the crews not to sail before Friday.");
        assert_eq!(content, "the crews not to sail before Friday");
        let (content, speaker, _) =
            one("Mara Quill also called upon the United States to close the strait.");
        assert_eq!(content, "the United States to close the strait");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        let (content, _, _) = one("Mara Quill asked the mayor whether the ferry would run.");
        assert_eq!(content, "whether the ferry would run");
        let (content, _, _) = one("Mara Quill explained to the board why the ferry had been late.");
        assert_eq!(content, "why the ferry had been late");
        // Not a request: "called" naming something (the naming sieve's), a passive, a negation.
        let naming = reported("Osric Vane called the plan a failure.");
        assert!(
            naming.iter().all(|r| r.2 == "reported-naming"),
            "{naming:?}"
        );
        for t in [
            "Mara Quill was urged to reopen the ferry.",
            "Mara Quill did not urge the council to reopen the ferry.",
            "Mara Quill was told to reopen the ferry.",
            "Osric Vane never told the crews to stay in port.",
            "If Osric Vane told the crews to stay in port, they would stay.",
            "Did Mara Quill explain why the ferry was late?",
            "Osric Vane told the crews to.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }
}
