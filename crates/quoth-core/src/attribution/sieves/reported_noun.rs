//! The reported-noun sieve: a statement named by a noun of speech with its owner — "his claim
//! that the toll was illegal", "Quill's promise to reopen the pier", "her calls for a ban".
//! The owner (a possessive name or pronoun) is the source; the clause, infinitive or "for"
//! phrase after the noun is the content.
//!
//! The nouns are the nominalisations of the speech verbs in `lexicon/speech_verbs.txt` (claim,
//! statement, promise, warning, …): a noun of belief or wish ("his hope that", "her view
//! that") is no statement, as its verb is none.

use super::super::limits;
use super::super::np::{Mention, MentionKind, is_determiner_word, is_function_word, is_possessive};
use super::speech::{
    Complement, action_end, content_end, gap_is_adverbial, is_finite_verb_like, is_that,
    opens_clause, trim_end,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// A noun of speech at token `v` owned by a possessive ("his claim", "Quill's promise") and
/// followed by its content: the reported side's second kind of cue.
pub fn cue_noun(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Complement> {
    let np = &ctx.np;
    if !np.is_word(v) || v <= s.start {
        return None;
    }
    np.lx.speech_noun(np.word_lower(v))?;
    owner_token(ctx, v, s.start)?;
    Some(Complement::Noun)
}

/// The sieve's entry in the pipeline: nouns of speech (class `Noun`).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if *class == Complement::Noun => reported_noun(ctx, *v, s),
        _ => None,
    }
}

/// The possessive that owns the noun at `v`: "his", "her", "their" or a name's "'s", perhaps
/// with one modifier between ("his repeated claim", "Quill's earlier promise"): any lower-case
/// word that is no function word.
fn owner_token(ctx: &Ctx, v: usize, lo: usize) -> Option<usize> {
    let np = &ctx.np;
    let is_owner = |k: usize| {
        np.is_word(k)
            && (matches!(np.word_lower(k), "his" | "her" | "their")
                || np.is_cap(k) && is_possessive(np.word(k)))
    };
    let k = v - 1;
    if is_owner(k) {
        return Some(k);
    }
    // Between a possessive and its noun no verb can stand: "repeated", "renewed" are
    // adjectives there.
    let modifier = k > lo && np.is_word(k) && !np.is_cap(k) && !is_function_word(np.word_lower(k));
    (modifier && is_owner(k - 1)).then(|| k - 1)
}

/// "his claim that …", "Quill's promise to …", "her calls for …": the owner's statement,
/// where the noun phrase is the sentence's subject. After a verb ("the board rejected his
/// claim that …", "she decried his call to …") the phrase is the object of someone else's
/// judgement, which is their statement, not the owner's: on the training split those read
/// as the owner's were wrong more often than right.
fn reported_noun(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let owner = owner_token(ctx, v, s.start)?;
    if !subject_position(ctx, owner, s.start) {
        return None;
    }
    let mention = owner_mention(ctx, owner, s.start)?;
    let w = np.word_lower(v);
    let infinitive_ok = np.lx.speech_noun(w) == Some(true);
    let that = (v + 1..(v + limits::NOUN_THAT_REACH).min(s.end))
        .find(|&k| !np.is_word(k) || is_that(ctx, k) || np.lw(k) == "to")
        .filter(|&k| is_that(ctx, k) && gap_is_adverbial(ctx, v + 1, k, Complement::Clause));
    let from = match that {
        Some(t) if opens_clause(ctx, t + 1, s.end) => t,
        Some(_) => return None,
        None => {
            let next = np.word_lower(v + 1);
            // "his promise to reopen …", not "his call to the mayor" or "… to voters".
            let infinitive = infinitive_ok && next == "to" && looks_like_a_verb(ctx, v + 2);
            let call_for = w.starts_with("call") && next == "for";
            (infinitive || call_for).then_some(v + 1)?
        }
    };
    let mut end = content_end(ctx, from, s)?;
    if from == v + 1 {
        end = action_end(ctx, from, end);
    }
    let end = trim_end(ctx, from, clause_end_before_main_verb(ctx, from, end));
    if end <= from + 1 {
        return None;
    }
    Some(
        Found::new(
            Sieve::ReportedNoun,
            mention,
            Some(np.toks[v].start..np.toks[v].end),
        )
        .with_content(np.toks[from].start..np.toks[end - 1].end),
    )
}

/// The owner at token `k` as a mention: the pronoun, or the name that ends with the
/// possessive.
fn owner_mention(ctx: &Ctx, k: usize, lo: usize) -> Option<Mention> {
    let m = ctx.np.backward(k, lo)?;
    matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_)).then_some(m)
}

/// Whether the noun phrase owned at token `owner` is the sentence's subject: no verb before
/// it ("Quill's claim that … was false").
fn subject_position(ctx: &Ctx, owner: usize, lo: usize) -> bool {
    !(lo..owner).any(|k| is_verb(ctx, k))
}

/// Whether the word at `k`, after "to", can be an infinitive's verb: lower case, no
/// determiner, pronoun or function word, and no plural noun ("to voters").
fn looks_like_a_verb(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    if !np.is_word(k) || np.is_cap(k) {
        return false;
    }
    let w = np.word_lower(k);
    let plural_noun = w.len() >= limits::MIN_PLURAL_BYTES && w.ends_with('s') && !w.ends_with("ss");
    !(is_function_word(w) || np.lx.pronoun(w).is_some() || is_determiner_word(w) || plural_noun)
}

/// A finite verb at token `k`: lower case (not a name's possessive or a month, "May", which
/// the verb test also takes).
fn is_verb(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    np.is_word(k) && !np.is_cap(k) && is_finite_verb_like(np.word_lower(k))
}

/// In the subject ("Quill's claim that the toll was illegal was false"), the content ends
/// before the sentence's own verb: the second finite verb after "that" (the first after "to" or
/// "for"), when it follows a noun (not
/// "who", "that", "and" or "to", which open clauses of the content's own).
fn clause_end_before_main_verb(ctx: &Ctx, from: usize, end: usize) -> usize {
    let np = &ctx.np;
    // An infinitive or a "for" phrase has its verb already; a "that" clause has it to come.
    let mut verbs = usize::from(!is_that(ctx, from));
    for k in from + 1..end {
        if !is_verb(ctx, k) {
            continue;
        }
        verbs += 1;
        let joined = np.is_word(k - 1)
            && matches!(
                np.word_lower(k - 1),
                "who" | "which" | "that" | "and" | "or" | "to" | "he" | "she" | "they" | "it"
            );
        if verbs >= 2 && !joined && !is_verb(ctx, k - 1) {
            return k;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn to_before_a_hearer_is_no_infinitive() {
        for t in [
            "Osric Vane’s call to the harbour master lasted an hour.",
            "Mara Quill’s promise to voters was clear.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
        let (content, _, _) = one("Mara Quill’s promise to reopen the pier was welcomed.");
        assert_eq!(content, "to reopen the pier");
    }

    #[test]
    fn an_owned_noun_of_speech_reports_its_clause() {
        let (content, speaker, sieve) =
            one("Mara Quill’s claim that the ferry was unsafe was rejected by the board.");
        assert_eq!(content, "that the ferry was unsafe");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        assert_eq!(sieve, "reported-noun");
        let (content, speaker, _) =
            one("Osric Vane spoke on Monday. His promise to reopen the pier by May won the vote.");
        assert_eq!(content, "to reopen the pier by May");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        let (content, speaker, _) =
            one("Osric Vane’s repeated calls for a ban on night flights went unheeded.");
        assert_eq!(content, "for a ban on night flights");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        let (content, _, _) =
            one("Mara Quill’s statement on Tuesday that the toll would rise angered drivers.");
        assert_eq!(content, "that the toll would rise");
    }

    #[test]
    fn nouns_of_belief_and_unowned_nouns_report_nothing() {
        for t in [
            "Mara Quill’s hope that the ferry would sail was dashed.",
            "Mara Quill’s belief that the ferry was unsafe was wrong.",
            "The claim that the ferry was unsafe was rejected.",
            "A statement from the harbour office arrived on Monday.",
            "Osric Vane’s statement to the press was short.",
            "Osric Vane’s comments on the ferry were brief.",
            "Was Mara Quill’s claim that the ferry was unsafe true?",
            // After a verb the noun phrase is that verb's object, and its content the verb's
            // subject's statement or judgement ("the board rejected …"): not read here.
            "The board rejected Osric Vane’s claim that the ferry was unsafe.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }
}
