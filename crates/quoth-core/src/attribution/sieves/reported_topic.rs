//! The reported-topic sieve: verbs that report what was spoken about rather than the words —
//! Levin's talk verbs ("X talked about the levy", "X spoke of a fresh start") and "express",
//! whose object is the attitude stated ("X expressed concern that …"). They are the `topic`
//! class of `lexicon/speech_verbs.txt`, kept apart from the clause verbs: "talked to
//! reporters" or "spoke on condition of anonymity" says nothing, so the content must be the
//! matter itself, after "about"/"of" or as the direct object.

use super::super::lexicon::Lexicon;
use super::limits;
use super::speech::{
    Complement, content_end, gloss_end, is_noun_of_speech, is_participle_opener, is_preposition,
    is_time_word, object_end, opens_clause, reports_at, statement, trim_end,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// A verb of the `topic` class at token `v` that reports (the same tests as any speech cue:
/// not negated, hypothetical, passive or an infinitive), and not a noun ("the talks about",
/// "a lot of talk about").
pub fn cue_topic(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Complement> {
    let np = &ctx.np;
    if !np.is_word(v) || np.is_cap(v) || !is_topic_verb(np.word_lower(v)) {
        return None;
    }
    let noun = is_noun_of_speech(ctx, v, s.start) || after_preposition(ctx, v, s.start);
    (reports_at(ctx, v, s) && !noun).then_some(Complement::Topic)
}

/// Whether token `v` follows a preposition ("a lot of talk"): a noun, unless the preposition
/// opens a participle ("after talking about", "by speaking of") or is the "to" of an
/// infinitive (which the speech-cue test judges: "continued to express").
fn after_preposition(ctx: &Ctx, v: usize, lo: usize) -> bool {
    let np = &ctx.np;
    v > lo && np.is_word(v - 1) && {
        let w = np.lw(v - 1);
        is_preposition(w.as_ref()) && w != "to" && !is_participle_opener(&w)
    }
}

/// Whether `w` is a form of a topic verb (`lexicon/speech_verbs.txt`, class `topic`).
fn is_topic_verb(w: &str) -> bool {
    Lexicon::get().speech_verb_class(w) == Some("topic")
}

/// The talk verbs (Levin 37.5) name their matter after a preposition; the others take it as
/// their object.
fn names_matter_after_preposition(w: &str) -> bool {
    ["talk", "speak", "spoke"]
        .iter()
        .any(|stem| w.starts_with(stem))
}

/// The sieve's entry in the pipeline: topic verbs (class `Topic`).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue {
            v,
            s,
            class: Complement::Topic,
        } => reported_topic(ctx, *v, s),
        _ => None,
    }
}

/// "X talked about the levy", "X expressed doubts about the bridge": the matter, to the end
/// of its clause.
fn reported_topic(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let from = if names_matter_after_preposition(np.word_lower(v)) {
        after_about(ctx, v + 1, s.end)?
    } else {
        v + 1
    };
    if !opens_matter(ctx, from, s.end) {
        return None;
    }
    let end = object_end(ctx, from, content_end(ctx, from, s)?);
    let end = matter_end(ctx, from, gloss_end(ctx, from, end));
    statement(ctx, v, from, end, s, Sieve::ReportedTopic)
}

/// Words that open an adjunct of the talk, not of its matter: "spoke of the mayor before the
/// vote", "talked about the levy last week".
const TALK_ADJUNCTS: &[&str] = &[
    "during",
    "before",
    "after",
    "while",
    "when",
    "since",
    "because",
    "despite",
    "amid",
    "following",
    "until",
    "last",
];

/// Words that open a clause inside the matter ("concern that …", "talked about how …"): the clause
/// runs to its end.
fn opens_inner_clause(w: &str) -> bool {
    matches!(
        w,
        "that" | "whether" | "how" | "why" | "what" | "if" | "who"
    )
}

/// The end of the matter that starts at token `from` and runs to `end` at most: before an
/// adjunct of the talking (a time, or a clause of time or reason), unless a clause has opened
/// inside the matter, and before a comma that opens the main clause ("When she talked about
/// the levy, she …").
fn matter_end(ctx: &Ctx, from: usize, end: usize) -> usize {
    let np = &ctx.np;
    (from + 1..end)
        .take_while(|&k| !(np.is_word(k) && opens_inner_clause(&np.lw(k))))
        .find(|&k| {
            np.is_punct(k, ",") && opens_clause(ctx, k + 1, end)
                || opens_aside_of_the_matter(ctx, k)
                || np.is_word(k) && {
                    // A weekday is capitalised; "Last" or "While" would open a name or a
                    // sentence.
                    let w = np.lw(k);
                    is_time_word(&w) || !np.is_cap(k) && TALK_ADJUNCTS.contains(&w.as_ref())
                }
        })
        .map_or(end, |k| {
            // "spoke of the levy on Tuesday": the time's preposition goes with it.
            let k = if k > from + 1 && np.is_word(k - 1) && is_preposition(np.lw(k - 1).as_ref()) {
                k - 1
            } else {
                k
            };
            trim_end(ctx, from, k)
        })
}

/// Whether token `k` opens what the writer adds about the matter or the talking, not more of
/// the matter: a relative clause after a comma ("the convention, which opens in July"), "…,
/// without offering details", "… even as he doubted it".
fn opens_aside_of_the_matter(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    let relative = np.is_punct(k, ",") && matches!(np.lw(k + 1).as_ref(), "which" | "who");
    let concession = np.is_word(k)
        && np.lw(k) == "even"
        && matches!(np.lw(k + 1).as_ref(), "as" | "though" | "if" | "when");
    relative || concession || np.is_word(k) && np.lw(k) == "without"
}

/// The token after "about"/"of" that follows a talk verb, perhaps past adverbs and a hearer
/// ("talked openly to reporters about …"); None where no such preposition follows ("spoke on
/// condition of anonymity", "talked to reporters").
fn after_about(ctx: &Ctx, mut k: usize, end: usize) -> Option<usize> {
    let np = &ctx.np;
    while k < end && np.is_word(k) && np.lx.is_adverb(&np.lw(k)) {
        k += 1;
    }
    if k < end && np.is_word(k) && matches!(np.lw(k).as_ref(), "to" | "with") {
        // The hearer: a short run of words before "about", with no clause break.
        k = (k + 1..end.min(k + 1 + limits::HEARER_MAX_TOKENS))
            .take_while(|&j| np.is_word(j))
            .find(|&j| np.lw(j) == "about")?;
    }
    (k < end && np.is_word(k) && matches!(np.lw(k).as_ref(), "about" | "of")).then_some(k + 1)
}

/// Whether the matter opens at token `k`: a word that is no preposition ("expressed in a
/// letter"), time word ("spoke of Tuesday") or bare pronoun ("talked about it" shows a reader
/// nothing of what was said).
fn opens_matter(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    if k >= end || !np.is_word(k) {
        return false;
    }
    let w = np.lw(k);
    !is_preposition(w.as_ref())
        && !is_time_word(&w)
        && !matches!(
            w.as_ref(),
            "it" | "them" | "him" | "me" | "us" | "you" | "this" | "that" | "what" | "and" | "or"
        )
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn the_matter_talked_about_is_the_statement() {
        let (content, speaker, sieve) =
            one("Mara Quill talked about the new ferry timetable at the harbour meeting.");
        assert_eq!(content, "the new ferry timetable at the harbour meeting");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        assert_eq!(sieve, "reported-topic");
        let (content, speaker, _) = one("Osric Vane spoke of a fresh start for the mill towns.");
        assert_eq!(content, "a fresh start for the mill towns");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        let (content, _, _) = one("Ivo Lind talked to reporters about the rising tolls.");
        assert_eq!(content, "the rising tolls");
    }

    #[test]
    fn an_expressed_attitude_is_the_statement() {
        let (content, speaker, _) =
            one("Mara Quill expressed concern that the dam could fail in a flood.");
        assert_eq!(content, "concern that the dam could fail in a flood");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        let (content, _, _) = one("Ivo Lind expressed doubts about the new bridge last week.");
        assert_eq!(content, "doubts about the new bridge");
        let (content, _, _) = one("Ivo Lind spoke of the rising tolls on Tuesday.");
        assert_eq!(content, "the rising tolls");
    }

    #[test]
    fn the_matter_ends_where_the_main_clause_begins() {
        let (content, speaker, _) =
            one("When Mara Quill talked about the ferry timetable, the crowd went quiet.");
        assert_eq!(content, "the ferry timetable");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
    }

    #[test]
    fn talk_with_no_matter_reports_nothing() {
        for t in [
            "Mara Quill talked to reporters for an hour.",
            "Mara Quill spoke on condition of anonymity.",
            "The two sides talked for hours.",
            "Mara Quill talked about it with her aides.",
            "The ferry timetable drew plenty of talk about delays.",
            "Mara Quill discussed the ferry timetable with her aides.",
            "Osric Vane did not talk about the ferry timetable.",
            "Osric Vane declined to talk about the ferry timetable.",
            "If Osric Vane talked about the ferry timetable, nobody listened.",
            "Osric Vane would speak about the ferry timetable next week.",
            "Concern about the ferry timetable was expressed at the meeting.",
            "The talks about the ferry timetable ended early.",
            "Did Osric Vane talk about the ferry timetable?",
            "Osric Vane hopes to talk about the ferry timetable.",
            "Osric Vane said goodbye and talked to reporters.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn what_the_writer_adds_about_the_matter_is_not_the_matter() {
        for (t, want) in [
            (
                "Mara Quill talked about the harbour festival, which opens in July.",
                "the harbour festival",
            ),
            (
                "Osric Vane expressed support for a wider pier, without offering details.",
                "support for a wider pier",
            ),
            (
                "Osric Vane expressed hope for the ferries even as he doubted the budget.",
                "hope for the ferries",
            ),
        ] {
            assert_eq!(one(t).0, want, "{t}");
        }
        // Must not cut: a relative clause without a comma belongs to the matter.
        let (content, _, _) = one("Mara Quill talked about the pilots who had left the port.");
        assert_eq!(content, "the pilots who had left the port");
    }
}
