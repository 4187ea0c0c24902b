//! The reported-object sieve: a statement named by the object of a speech verb that takes a
//! proposition as its object — "X denied the allegations", "X announced a new timetable for
//! the ferries", "X confirmed the plant's closure".

use super::super::lexicon::is_number_word;
use super::super::np::is_function_word;
use super::speech::{
    Complement, content_end, gloss_end, is_finite_verb_like, is_gerund, is_not_a_clause,
    is_noun_like, is_person_object_pronoun, is_preposition, is_time_word, object_end, speech_verb,
    statement,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state, followed by a noun phrase.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if matches!(class, Complement::Clause | Complement::Object) => {
            reported_object(ctx, *v, s, *class).or_else(|| topic_object(ctx, *v, s))
        }
        Target::Cue { v, s, class } if *class == Complement::Addressee => topic_object(ctx, *v, s),
        _ => None,
    }
}

/// Stems of the verbs of saying whose object after "of" or "about" is what was said: the
/// complain verbs (Levin 37.8: complain, boast, brag) and "warn" of 37.9 ("warned of the
/// risks", "complained about the noise", "boasted of his record").
const TOPIC_OBJECT_STEMS: &[&str] = &["complain", "boast", "brag", "warn"];

/// "X warned of the global risks", "X complained bitterly about the noise": the noun phrase
/// after "of"/"about" (an adverb may stand before it), to the end of its clause.
fn topic_object(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let verb = np.word_lower(v);
    if verb.ends_with("ing") || !TOPIC_OBJECT_STEMS.iter().any(|stem| verb.starts_with(stem)) {
        return None;
    }
    let mut k = v + 1;
    if np.is_word(k) && np.lx.is_adverb(np.word_lower(k)) {
        k += 1;
    }
    if !np.is_word(k) || !matches!(np.word_lower(k), "of" | "about") {
        return None;
    }
    let from = k + 1;
    // "complained about it", "warned about in its report": no object pronoun or preposition.
    let first = np.word_lower(from);
    let no_topic = matches!(
        first,
        "it" | "him"
            | "her"
            | "them"
            | "us"
            | "me"
            | "you"
            | "this"
            | "that"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
    );
    if from + 1 >= s.end || !np.is_word(from) || no_topic {
        return None;
    }
    let end = object_end(ctx, from, content_end(ctx, from, s)?);
    let end = gloss_end(ctx, from, end);
    statement(ctx, v, from, end, s, Sieve::ReportedObject)
}

/// Stems of the verbs of saying whose noun-phrase object is what was said (Levin's "say"
/// verbs, class 37.7, "explain" of 37.1, "tweet" of 37.4 whose object is the message posted,
/// and the "admit"/"confirm" verbs that share their frame): a letter written or a word said
/// is not a statement, a claim denied, a plan announced or a decision explained is. ("claim"
/// and "declare" stay out: their objects are mostly prizes won, "claimed victory", "declared
/// war".)
const PROPOSITION_OBJECT_STEMS: &[&str] = &[
    "announc",
    "confirm",
    "deni",
    "deny",
    "acknowledg",
    "admit",
    "reveal",
    "disclos",
    "predict",
    "reiterat",
    "propos",
    "demand",
    "conced",
    "promis",
    "pledg",
    "mention",
    "stress",
    "emphas",
    "explain",
    "recall",
    "repeat",
    "report",
    "note",
    "suggest",
    "tweet",
];

/// Determiners that open an object noun phrase (a pronoun object, "denied it", names
/// nothing).
fn opens_object(w: &str) -> bool {
    matches!(
        w,
        "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "no" | "any" | "another"
    )
}

/// A noun phrase with no determiner ("denied wrongdoing", "announced layoffs", "claimed
/// victory"): a lower-case content word, no adverb, time word, pronoun, verb or function word,
/// after a verb that is no modifier ("in pledged votes", "270 pledged votes": a participle after
/// a preposition or a number describes the noun after it; see also `modifies_a_noun`) and no
/// noun itself ("the report compares").
fn bare_object(ctx: &Ctx, v: usize, from: usize) -> bool {
    let np = &ctx.np;
    let w = np.word_lower(from);
    let before = v.checked_sub(1).map(|b| np.word_lower(b)).unwrap_or("");
    // "the report compares", "news reports show": a form that is also a noun is the subject.
    let noun_like = is_noun_like(np.word_lower(v));
    let modifier = noun_like || is_preposition(before) || v > 0 && np.is_number(v - 1);
    !modifier
        && !np.is_cap(from)
        && w.len() >= 3
        && !w.ends_with("ly")
        && !w.ends_with("self")
        && !w.ends_with("selves")
        && !matches!(
            w,
            "this" | "those" | "these" | "neither" | "either" | "last" | "next" | "live"
        )
        && !is_indefinite_pronoun(w)
        && !is_number_word(w)
        && !np.lx.is_adverb(w)
        && !is_time_word(w)
        && np.lx.pronoun(w).is_none()
        && !is_finite_verb_like(w)
        && !is_function_word(w)
        && !is_preposition(w)
        && !is_not_a_clause(w)
        && speech_verb(w).is_none()
}

/// "accused him of …", "criticized them for …", "described her as …", "described it as …": an
/// object pronoun with the ground of the judgement after it (without it, "criticized him"
/// names no statement).
fn judged_pronoun(ctx: &Ctx, from: usize) -> bool {
    let np = &ctx.np;
    let person = is_person_object_pronoun(np.word_lower(from));
    np.is_word(from)
        && np.is_word(from + 1)
        && match np.word_lower(from + 1) {
            "of" | "for" => person,
            "as" => person || np.word_lower(from) == "it",
            _ => false,
        }
}

/// "everything", "someone", "nobody": an indefinite pronoun names no statement ("recalled
/// everything about the morning").
fn is_indefinite_pronoun(w: &str) -> bool {
    ["every", "any", "some", "no"].iter().any(|q| {
        w.strip_prefix(q)
            .is_some_and(|rest| matches!(rest, "thing" | "one" | "body"))
    })
}

/// "X denied the allegations": the object noun phrase to the end of its clause.
fn reported_object(ctx: &Ctx, v: usize, s: &Range<usize>, class: Complement) -> Option<Found> {
    let np = &ctx.np;
    let verb = np.word_lower(v);
    let judgement = class == Complement::Object;
    if verb.ends_with("ing")
        || speech_verb(verb).is_none()
        || !judgement
            && !PROPOSITION_OBJECT_STEMS
                .iter()
                .any(|stem| verb.starts_with(stem))
    {
        return None;
    }
    let from = v + 1;
    if from + 1 >= s.end || !np.is_word(from) {
        return None;
    }
    // A judgement may be of someone named: "criticized Ivo Lind for the delays".
    let named = judgement && np.is_cap(from);
    // "proposed banning night flights", "reported spending $2 million": a gerund's phrase.
    let gerund = !judgement && !np.is_cap(from) && is_gerund(np.word_lower(from));
    if gerund {
        // "proposed banning night flights and has since …": the phrase ends before the
        // subject's next predicate, as an object does.
        let end = object_end(ctx, from, content_end(ctx, from, s)?);
        return statement(ctx, v, from, end, s, Sieve::ReportedObject);
    }
    let judged_person = judgement && judged_pronoun(ctx, from);
    if !(opens_object(np.word_lower(from))
        || named
        || judged_person
        || !judgement && bare_object(ctx, v, from))
    {
        return None;
    }
    // The word after the determiner is a noun or its modifier, not a clause ("admitted the
    // ferry was late" is the clause sieve's); after a title's abbreviation, the name ("Mrs.
    // Lind's plan").
    let next = if named && np.is_punct(from + 1, ".") {
        from + 2
    } else {
        from + 1
    };
    if !judged_person && (!np.is_word(next) || np.lx.pronoun(np.word_lower(next)).is_some()) {
        return None;
    }
    let end = object_end(ctx, from, content_end(ctx, from, s)?);
    let end = gloss_end(ctx, from, end);
    statement(ctx, v, from, end, s, Sieve::ReportedObject)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_denied_claim_or_an_announced_plan_is_a_statement() {
        let (content, speaker, sieve) =
            one("Mara Quill denied the claims about the harbour fund on Tuesday.");
        assert_eq!(content, "the claims about the harbour fund on Tuesday");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        assert_eq!(sieve, "reported-object");
        let (content, _, _) = one("The port office announced a new timetable for the ferries.");
        assert_eq!(content, "a new timetable for the ferries");
        let (content, speaker, _) =
            one("Ivo Lind criticized the harbour board for the late repairs.");
        assert_eq!(content, "the harbour board for the late repairs");
        assert_eq!(speaker.as_deref(), Some("Ivo Lind"));
    }

    #[test]
    fn the_object_ends_before_the_next_predicate_or_an_adjunct_of_the_saying() {
        for (t, want) in [
            (
                "Mara Quill denied the claims and walked out of the meeting.",
                "the claims",
            ),
            (
                "Ivo Lind praised the new ferry but also criticized its price.",
                "the new ferry",
            ),
            (
                "Mara Quill denied the figures through her agent on Friday.",
                "the figures",
            ),
            (
                "Ivo Lind criticized the harbour board during a rally in Kessel.",
                "the harbour board",
            ),
            // Must not cut: a plural noun after "and" is more of the object.
            (
                "Mara Quill explained the risks and benefits of the new bridge.",
                "the risks and benefits of the new bridge",
            ),
        ] {
            let first = reported(t).into_iter().next().map(|r| r.0);
            assert_eq!(first.as_deref(), Some(want), "{t}");
        }
    }

    #[test]
    fn an_object_with_no_determiner() {
        for (t, want) in [
            (
                "The port office announced plans to widen the channel.",
                "plans to widen the channel",
            ),
            (
                "Mara Quill denied wrongdoing in the harbour deal.",
                "wrongdoing in the harbour deal",
            ),
            (
                "The ferry line reported heavy losses on the winter crossings.",
                "heavy losses on the winter crossings",
            ),
        ] {
            let first = reported(t).into_iter().next().map(|r| r.0);
            assert_eq!(first.as_deref(), Some(want), "{t}");
        }
        // Must not fire: a time or number, a participle that modifies a noun, a noun-like
        // cue, a demonstrative, a negation, a question.
        for t in [
            "The ferry line reported two months ago.",
            "Osric Vane leads by 270 pledged votes in the harbour ward.",
            "The board's proposed levy was dropped in May.",
            "The harbour report compares fares in Kessel and Tollby.",
            "Osric Vane mentioned this last week.",
            "Mara Quill recalled everything about the storm.",
            "Mara Quill did not deny wrongdoing in the harbour deal.",
            "Did the port office announce plans to widen the channel?",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn noted_suggested_and_tweeted_objects() {
        for (t, want) in [
            (
                "Mara Quill tweeted her thanks to the harbour crews.",
                "her thanks to the harbour crews",
            ),
            (
                "Osric Vane noted the sparse attendance at the hearing.",
                "the sparse attendance at the hearing",
            ),
            (
                "The harbour board suggested a new timetable for the ferries.",
                "a new timetable for the ferries",
            ),
        ] {
            let first = reported(t).into_iter().next().map(|r| r.0);
            assert_eq!(first.as_deref(), Some(want), "{t}");
        }
        for t in [
            "Mara Quill did not tweet her thanks to the crews.",
            "If Osric Vane noted the attendance, he kept quiet.",
            "Did the harbour board suggest a new timetable?",
            "Osric Vane noted it.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_judged_person_with_the_ground_of_the_judgement() {
        for (t, want) in [
            (
                "Mara Quill accused him of favouritism.",
                "him of favouritism",
            ),
            (
                "The growers criticized them for the late repairs.",
                "them for the late repairs",
            ),
            ("Osric Vane described it as a swindle.", "it as a swindle"),
            (
                "Ivo Lind praised Mrs. Quill's plan for the harbour.",
                "Mrs. Quill's plan for the harbour",
            ),
            (
                "Mara Quill has long criticized Mr. Vane for the delays.",
                "Mr. Vane for the delays",
            ),
            (
                "The letter also accused another pilot of misreading the charts.",
                "another pilot of misreading the charts",
            ),
        ] {
            let first = reported(t).into_iter().next().map(|r| r.0);
            assert_eq!(first.as_deref(), Some(want), "{t}");
        }
        // Must not fire: no ground, a negation, a hypothetical, a question, a belief, a
        // judgement of the speaker by others.
        for t in [
            "Mara Quill criticized him.",
            "Mara Quill did not accuse him of favouritism.",
            "If Osric Vane accused him of favouritism, nobody heard.",
            "Did Osric Vane accuse him of favouritism?",
            "Osric Vane suspected him of favouritism.",
            "Mara Quill was accused of favouritism.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_topic_after_of_or_about() {
        for (t, want) in [
            (
                "Osric Vane warned of the global risks of the new levy.",
                "the global risks of the new levy",
            ),
            (
                "Mara Quill complained bitterly about the noise from the harbour.",
                "the noise from the harbour",
            ),
            (
                "Osric Vane boasted of his record on the harbour board.",
                "his record on the harbour board",
            ),
        ] {
            let first = reported(t).into_iter().next().map(|r| r.0);
            assert_eq!(first.as_deref(), Some(want), "{t}");
        }
        for t in [
            "Osric Vane did not complain about the noise.",
            "If Mara Quill warned of the risks, nobody listened.",
            "Osric Vane complained about it.",
            "Mara Quill complained about her.",
            "The board had warned about in its report.",
            "Mara Quill thought about the noise from the harbour.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn objects_that_are_no_statements_report_nothing() {
        for t in [
            "Mara Quill wrote a letter to the council.",
            "Mara Quill denied it.",
            "Mara Quill did not deny the claims about the fund.",
            "If Mara Quill announced the plan, nobody heard.",
            "Did Mara Quill confirm the closure?",
            "Mara Quill believes the claims.",
            "Mara Quill was criticized for the delays.",
            "Mara Quill criticized him.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }
}
