//! The reported-naming sieve: a judgement given by naming something — "X called the plan a
//! mistake", "…, calling him reckless". The object and what it is called are the statement.
//!
//! "call" is Levin's (1993) dub verb (class 29.3) as well as a request verb ("called for …",
//! the reported-request sieve's); only a small object followed by a predicate — a noun phrase
//! with its determiner, or after a pronoun or a name a single adjective — is read as naming.
//! A phone call ("called him back", "called the office the next day") or an idiom ("call it
//! a day") names nothing.

use super::super::limits;
use super::super::np::{MentionKind, is_determiner_word};
use super::super::tokens::Kind;
use super::speech::{
    Complement, content_end, is_finite_verb_like, is_preposition, is_time_word, statement, trim_end,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: a form of "call" (a request verb in the lexicon).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue {
            v,
            s,
            class: Complement::Request,
        } if ctx.np.word_lower(*v).starts_with("call") => reported_naming(ctx, *v, s),
        _ => None,
    }
}

/// "X called the plan a mistake": the object from `v + 1`, then its predicate, to the end of
/// the clause.
fn reported_naming(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let from = v + 1;
    let (predicate, adjective_ok) = object_end(ctx, from, s.end)?;
    if predicate >= s.end || !names_a_predicate(ctx, predicate, s.end, adjective_ok) {
        return None;
    }
    let end = naming_end(ctx, predicate, content_end(ctx, from, s)?);
    // The predicate must be inside the content: a quotation right after the object is the
    // statement itself ("called him a “loser”").
    if end <= predicate
        || trim_end(ctx, from, end) <= predicate
        || np.toks[end - 1].kind == Kind::Quote
    {
        return None;
    }
    statement(ctx, v, from, end, s, Sieve::ReportedNaming)
}

/// The end of a naming predicate that starts at token `p`: the clause's end, or a comma before
/// a phrase of its own (", after …", ", raising the question …", ", which …"); a comma inside a
/// list of adjectives ("a slow, costly and needless plan") stays.
fn naming_end(ctx: &Ctx, p: usize, end: usize) -> usize {
    let np = &ctx.np;
    let own_phrase = |c: usize| {
        let next = (c + 1..end).find(|&j| np.is_punct(j, ",")).unwrap_or(end);
        (c + 1..next).any(|j| {
            np.is_word(j) && {
                let w = np.word_lower(j);
                j == c + 1 && matches!(w, "but" | "and" | "or")
                    || w != "and" && w != "or" && is_preposition(w)
                    || is_determiner_word(w)
                    || matches!(w, "that" | "which" | "who" | "whom")
            }
        })
    };
    let cut = (p + 1..end).find(|&c| np.is_punct(c, ",") && own_phrase(c));
    cut.map_or(end, |c| trim_end(ctx, p, c))
}

/// Where the object that starts at `k` ends (the predicate's first token), and whether a bare
/// adjective may follow it: an object pronoun ("him", "it"), a name ("Ivo Lind"), or a
/// determiner and its words up to the next determiner ("the plan a mistake"), after which
/// only a noun phrase is a predicate (in "the plan reckless" nothing marks where the object
/// ends).
fn object_end(ctx: &Ctx, k: usize, end: usize) -> Option<(usize, bool)> {
    let np = &ctx.np;
    if !np.is_word(k) {
        return None;
    }
    let w = np.word_lower(k);
    if matches!(
        w,
        "him" | "them" | "it" | "this" | "that" | "himself" | "herself" | "themselves" | "itself"
    ) {
        return Some((k + 1, true));
    }
    if np.is_cap(k) {
        let m = np.forward(k, end)?;
        return (m.kind == MentionKind::Name).then_some((m.last_tok + 1, true));
    }
    if !is_determiner_word(w) && w != "her" {
        return None;
    }
    // "called her a liar" (a pronoun) or "called her plan a mistake" (a determiner).
    if w == "her" && np.is_word(k + 1) && is_determiner_word(np.word_lower(k + 1)) {
        return Some((k + 1, false));
    }
    let next = (k + 1..end.min(k + 1 + limits::NAMING_OBJECT_WORDS))
        .take_while(|&j| np.is_word(j) && plain_object_word(ctx, j))
        .find(|&j| is_determiner_word(np.word_lower(j)))?;
    Some((next, false))
}

/// A word inside an object noun phrase: no preposition, verb, conjunction or clause opener.
fn plain_object_word(ctx: &Ctx, j: usize) -> bool {
    let w = ctx.np.word_lower(j);
    !is_preposition(w) && !is_finite_verb_like(w) && !matches!(w, "that" | "to")
}

/// Whether a predicate starts at token `p`: a noun phrase with a determiner that is no time
/// ("the next day", "a few minutes later") and no idiom ("a day"), or — where `adjective_ok`
/// — one lower-case word that is no particle, adverb, preposition or verb ("called him
/// reckless", not "called him back", "called them often", "called her to ask").
fn names_a_predicate(ctx: &Ctx, p: usize, end: usize, adjective_ok: bool) -> bool {
    let np = &ctx.np;
    if !np.is_word(p) {
        return false;
    }
    let w = np.word_lower(p);
    if is_determiner_word(w) {
        let window = p + 1..end.min(p + 1 + limits::NAMING_TIME_REACH);
        let timed = window
            .clone()
            .any(|j| np.is_word(j) && is_time_like(np.word_lower(j)))
            || window.clone().any(|j| np.is_number(j));
        let idiom = matches!(np.word_lower(p + 1), "day" | "night" | "few" | "couple");
        return !timed && !idiom;
    }
    adjective_ok
        && !np.is_cap(p)
        && !is_preposition(w)
        && !np.lx.is_adverb(w)
        && !is_time_like(w)
        && !w.ends_with("ing")
        && !matches!(
            w,
            "back" | "quits" | "home" | "again" | "twice" | "that" | "and"
        )
        && !(is_finite_verb_like(w) && !(w.ends_with("ed") && ends_clause(ctx, p + 1, end)))
}

/// Whether the clause ends at token `k`: the sentence's end or a mark ("called him
/// unqualified.", not "a band called Harbour Lights played at …").
fn ends_clause(ctx: &Ctx, k: usize, end: usize) -> bool {
    k >= end || ctx.np.toks[k].kind == Kind::Punct
}

/// A time word or a span of time ("morning", "minutes", "later", "ago").
fn is_time_like(w: &str) -> bool {
    is_time_word(w)
        || matches!(
            w,
            "day"
                | "days"
                | "minute"
                | "minutes"
                | "hour"
                | "hours"
                | "week"
                | "weeks"
                | "month"
                | "months"
                | "year"
                | "years"
                | "later"
                | "ago"
                | "time"
                | "times"
        )
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn calling_something_a_name_is_a_judgement() {
        let (content, speaker, sieve) = one("Osric Vane called the harbour plan a costly mistake.");
        assert_eq!(content, "the harbour plan a costly mistake");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        assert_eq!(sieve, "reported-naming");
        let (content, speaker, _) =
            one("The ferry union rejected the offer, calling it an insult to the crews.");
        assert_eq!(content, "it an insult to the crews");
        assert_eq!(speaker.as_deref(), Some("The ferry union"));
        let (content, speaker, _) = one("Mara Quill called Ivo Lind reckless.");
        assert_eq!(content, "Ivo Lind reckless");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        let (content, _, _) = one("Critics call the toll bridge a waste of money.");
        assert_eq!(content, "the toll bridge a waste of money");
    }

    #[test]
    fn calls_that_name_nothing_report_nothing() {
        for t in [
            "Osric Vane called him back the next day.",
            "Osric Vane called the harbour office the next morning.",
            "Osric Vane called a press conference on Monday.",
            "Osric Vane called her to ask about the ferry.",
            "Mara Quill called it a day after the vote.",
            "Osric Vane called the harbour office a second time.",
            "Mara Quill called it quits after the vote.",
            "Mara Quill called them twice.",
            "A band called Harbour Lights played at the fair.",
            "Osric Vane did not call the plan a mistake.",
            "If Osric Vane called the plan a mistake, nobody heard.",
            "Did Osric Vane call the plan a mistake?",
            "Osric Vane was called a liar by the council.",
            "Osric Vane thinks the plan a mistake.",
            "Osric Vane called the harbour office a few minutes later.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_quoted_name_is_the_quotation_s() {
        let t = "Mara Quill called the plan a “disgrace to the town.”";
        let r = reported(t);
        assert!(r.is_empty(), "{r:?}");
    }
}
