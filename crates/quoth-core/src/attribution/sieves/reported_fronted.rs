//! The reported-fronted sieve: a speech verb in a participle clause that opens the sentence —
//! "After saying that the toll was too high, X left", "Having announced that the ferry would
//! stop, the judge closed the hearing", "Promising that the bridge would reopen, X …". The
//! participle has no subject of its own: the speaker is the subject of the main clause after
//! the comma, and what was said runs from the verb to that comma.

use super::super::np::{Mention, MentionKind};
use super::common::is_nominative;
use super::limits;
use super::speech::{
    Complement, is_preposition, is_that, opens_clause, skip_addressee, skip_adverbials,
    skip_openers, speech_verb, trim_end, word_count,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// A capitalised participle of speech that opens the sentence ("Promising that …,"): the
/// speech-cue test reads lower-case verbs only, since a capitalised word mid-sentence is a
/// name.
pub fn cue_fronted(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Complement> {
    let np = &ctx.np;
    if !np.is_word(v) || !np.is_cap(v) || v != skip_openers(ctx, s.start, s.end) {
        return None;
    }
    let w = np.lw(v);
    speech_verb(&w).filter(|c| w.ends_with("ing") && c.takes_clause())
}

/// The sieve's entry in the pipeline: speech cues that report a clause.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if class.takes_clause() => reported_fronted(ctx, *v, s, *class),
        _ => None,
    }
}

/// "After saying that …, X …": the clause up to the comma, said by the main clause's subject.
fn reported_fronted(ctx: &Ctx, v: usize, s: &Range<usize>, class: Complement) -> Option<Found> {
    let np = &ctx.np;
    if !opens_sentence(ctx, v, s.start) {
        return None;
    }
    let comma = (v + 1..s.end).find(|&k| np.is_punct(k, ","))?;
    let mut from = v + 1;
    if class == Complement::Addressee && !is_that(ctx, from) {
        from = skip_addressee(ctx, from, comma)?;
    }
    // "After saying on Wednesday that …": a time or place before the clause.
    let after_adverbials = skip_adverbials(ctx, from, comma);
    if is_that(ctx, after_adverbials) {
        from = after_adverbials;
    }
    if !(is_that(ctx, from) || opens_clause(ctx, from, comma)) {
        return None;
    }
    let end = trim_end(ctx, from, comma);
    if word_count(ctx, from, end) < limits::MIN_CLAUSE_WORDS {
        return None;
    }
    let mention = main_clause_subject(ctx, comma + 1, s.end)?;
    Some(
        Found::new(
            Sieve::ReportedFronted,
            mention,
            Some(np.toks[v].start..np.toks[v].end),
        )
        .with_content(np.toks[from].start..np.toks[end - 1].end),
    )
}

/// Words that open a fronted participle clause of time or manner: "After saying …", "While
/// insisting …", "By arguing …".
fn is_fronting_opener(w: &str) -> bool {
    matches!(
        w,
        "after" | "while" | "before" | "when" | "by" | "since" | "upon"
    )
}

/// Whether the speech verb at `v` is the participle that opens the sentence: the first word
/// ("Promising that …"), after "Having" ("Having announced that …"), or after an opener
/// ("After saying …", "One month after announcing …"), with no verb or comma before it but
/// a connective ("Now, after arguing …").
fn opens_sentence(ctx: &Ctx, v: usize, lo: usize) -> bool {
    let np = &ctx.np;
    let w = np.word_lower(v);
    let start = skip_openers(ctx, lo, v);
    let start = if start + 1 < v && np.is_punct(start + 1, ",") && np.lx.is_adverb(&np.lw(start)) {
        start + 2
    } else {
        start
    };
    if v == start {
        return w.ends_with("ing");
    }
    let before = np.lw(v - 1);
    if before == "having" {
        return v - 1 == start;
    }
    // The opener may follow a short measure of time ("One month after announcing").
    w.ends_with("ing")
        && is_fronting_opener(&before)
        && v - 1 - start <= limits::FRONTED_OPENER_REACH
        && (start..v - 1).all(|k| np.is_word(k) || np.is_number(k))
}

/// The subject of the main clause that starts at token `k`: a name or a pronoun in the
/// nominative (a description may be a thing: "After saying …, the meeting ended" leaves the
/// participle dangling) followed, past adverbs, by a lower-case word that is no preposition.
fn main_clause_subject(ctx: &Ctx, k: usize, end: usize) -> Option<Mention> {
    let np = &ctx.np;
    let m = np.forward(k, end).filter(|m| {
        matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_)) && is_nominative(np, m)
    })?;
    let mut j = m.last_tok + 1;
    while j < end && np.is_word(j) && np.lx.is_adverb(&np.lw(j)) && !np.is_cap(j) {
        j += 1;
    }
    let verb = j < end && np.is_word(j) && !np.is_cap(j) && {
        let w = np.lw(j);
        !is_preposition(w.as_ref()) && !matches!(w.as_ref(), "who" | "which" | "whose")
    };
    verb.then_some(m)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_fronted_participle_reports_for_the_main_subject() {
        let (content, speaker, sieve) =
            one("After saying that the toll was too high, Mara Quill left the meeting.");
        assert_eq!(content, "that the toll was too high");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        assert_eq!(sieve, "reported-fronted");
        let (content, speaker, _) =
            one("Having announced that the ferry would stop, Judge Osric Vane closed the hearing.");
        assert_eq!(content, "that the ferry would stop");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        let (content, speaker, _) =
            one("Promising that the bridge would reopen by May, Ivo Lind thanked the crowd.");
        assert_eq!(content, "that the bridge would reopen by May");
        assert_eq!(speaker.as_deref(), Some("Ivo Lind"));
        let (content, _, _) =
            one("While insisting on Monday that the levy was fair, Ivo Lind cut it by half.");
        assert_eq!(content, "that the levy was fair");
    }

    #[test]
    fn fronted_clauses_that_say_nothing_report_nothing() {
        for t in [
            "After saying goodbye, Mara Quill left the meeting.",
            "Before talking to reporters, Mara Quill left the meeting.",
            "After not saying that the toll was too high, Mara Quill left.",
            "If saying that the toll was too high is a crime, Mara Quill is guilty.",
            "After saying that the toll was too high, the meeting ended.",
            "Saying that the toll is too high is easy.",
        ] {
            let r = reported(t);
            assert!(
                r.iter().all(|(_, speaker, _)| speaker.is_none()),
                "{t}: {r:?}"
            );
        }
    }
}
