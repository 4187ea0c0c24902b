//! The reported-that sieve: "X said that …", "X told reporters on Monday that …", "…, adding
//! that …".

use super::super::limits;
use super::super::np::is_determiner_word;
use super::super::tokens::Kind;
use super::speech::{
    Complement, content_end, cue_like, gap_is_adverbial, gloss_end, is_clause_opener,
    is_finite_verb_like, is_gerund, is_noun_of_speech, is_preposition, is_subject_pronoun, is_that,
    is_time_word, is_word_at, np_word_or_mark, opens_bare_clause, opens_clause, skip_addressee,
    statement, subject_then_auxiliary,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state (not those that ask).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if class.takes_clause() => reported_that(ctx, *v, *class, s),
        _ => None,
    }
}

/// "X said that …", "X told reporters on Monday that …", "…, adding that …".
fn reported_that(ctx: &Ctx, v: usize, class: Complement, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let that = (v + 1..(v + limits::LONG_THAT_REACH).min(s.end)).find(|&k| {
        // A second speech verb ends the search, but not a noun after a determiner ("on a
        // call", "in a statement").
        np.toks[k].kind == Kind::Quote || np.is_punct(k, ";") || is_that(ctx, k) || {
            np.is_word(k) && ctx.speech_verb_at(k).is_some() && !is_noun_of_speech(ctx, k, v + 1)
        }
    })?;
    let near = that < v + limits::THAT_REACH && gap_is_adverbial(ctx, v + 1, that, class);
    if !is_that(ctx, that) || !(near || long_adverbial_gap(ctx, v, that, class, s.end)) {
        return None;
    }
    // "said with a passion that …", "agreed with the mayor that …": after a phrase that may
    // end in a noun, "that" may open a relative clause; a subject and verb must follow.
    let object_gap = (v + 1..that).any(|j| {
        np.is_word(j)
            && matches!(
                np.lw(j).as_ref(),
                "to" | "for" | "with" | "amid" | "despite"
            )
    });
    if object_gap && !clause_after_that(ctx, that + 1, s.end) {
        return None;
    }
    let end = gloss_end(ctx, that + 1, content_end(ctx, that + 1, s)?);
    statement(ctx, v, that, end, s, Sieve::ReportedThat)
}

/// Whether a clause opens at token `k`, after a "that" that may be a conjunction or a
/// relative pronoun: a subject with its verb ("that the plan was …"), a gerund subject ("that
/// linking him to it was …"; a bare noun there is as often a relative clause's subject: "a
/// case that advocacy groups hoped would …"), a long subject before its auxiliary ("that some emails
/// between them have been …"), or a comma before an aside ("that, in retrospect, …") — not
/// a verb ("a plan that was …").
fn clause_after_that(ctx: &Ctx, k: usize, end: usize) -> bool {
    opens_clause(ctx, k, end)
        || is_word_at(ctx, k, is_gerund) && opens_bare_clause(ctx, k, end)
        || subject_then_auxiliary(ctx, k, end)
        || ctx.np.is_punct(k, ",")
}

/// A longer gap before "that" the adverbial reader does not step over: "reported last
/// quarter that", "revealed, somewhat stiltedly, that", "said on Friday at the end of a long
/// board session in Aldby that", "told a crowded hall at a hotel in Baltimore that". After the
/// hearer of "tell", it holds words, numbers and commas only — no verb, cue, quotation, clause
/// opener, infinitive or participle after a comma — opens with a preposition, a time word, an
/// adverb or a comma, and the "that" opens a clause: a subject with its verb, or a comma
/// before an aside.
fn long_adverbial_gap(ctx: &Ctx, v: usize, that: usize, class: Complement, end: usize) -> bool {
    let np = &ctx.np;
    let first = match class {
        Complement::Addressee => skip_addressee(ctx, v + 1, that).unwrap_or(v + 1),
        _ => v + 1,
    };
    let w = np.lw(first);
    let opens = np.is_punct(first, ",")
        || is_time_word(&w)
        || matches!(w.as_ref(), "last" | "this" | "next" | "earlier" | "later")
        || np.is_word(first)
            && !np.is_cap(first)
            && w != "to"
            && (is_preposition(w.as_ref()) || np.lx.is_adverb(&w) || w.ends_with("ly"));
    let clause = clause_after_that(ctx, that + 1, end);
    // "said on Thursday, a promise that villages greeted with doubt": a noun phrase after a
    // comma is an appositive, and its "that" opens a relative clause on it.
    let appositive = (first..that)
        .any(|j| np.is_punct(j, ",") && np.is_word(j + 1) && is_determiner_word(&np.lw(j + 1)));
    first < that
        && opens
        && clause
        && !appositive
        && (first..that).all(|j| adverbial_word(ctx, j, first))
}

/// Whether token `j` of a gap that starts at `first` may belong to an adverbial: a word,
/// number or comma, but no finite verb, speech verb (other than a noun of speech), clause
/// opener, subject pronoun, infinitive ("to block") or participle after a comma (", meaning").
fn adverbial_word(ctx: &Ctx, j: usize, first: usize) -> bool {
    let np = &ctx.np;
    if !np_word_or_mark(ctx, j) {
        return false;
    }
    if !np.is_word(j) {
        return true;
    }
    if np.is_cap(j) {
        return !cue_like(ctx, j);
    }
    let w = np.lw(j);
    let infinitive =
        w == "to" && np.is_word(j + 1) && !np.is_cap(j + 1) && !is_determiner_word(&np.lw(j + 1));
    let participle = j > first && np.is_punct(j - 1, ",") && w.ends_with("ing");
    !(is_finite_verb_like(&w)
        || is_clause_opener(w.as_ref())
        || is_subject_pronoun(&w)
        || infinitive
        || participle
        || cue_like(ctx, j) && !is_noun_of_speech(ctx, j, first))
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn an_appositive_nouns_that_is_a_relative_clause() {
        // Must not fire: "a promise that …" is a relative clause on the promise.
        let r = reported(
            "The ferry will run again by May, the mayor said on Monday, a promise that the \
             crews greeted with doubt.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "The ferry will run again by May");
    }

    #[test]
    fn after_a_hearer_with_to_a_gerund_or_an_aside_opens_the_clause() {
        for (t, want) in [
            (
                "Mara Quill complained to the harbour board that raising the fees was unfair.",
                "that raising the fees was unfair",
            ),
            (
                "Osric Vane admitted to the Gazette that, in hindsight, the pier was a mistake.",
                "that, in hindsight, the pier was a mistake",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].0, want, "{t}");
        }
        // Must not fire: a relative clause after the phrase, a negation, a question.
        for t in [
            "Mara Quill complained to a board that harbour groups hoped would listen.",
            "Mara Quill agreed to a levy that nearly doubled the fees.",
            "Mara Quill did not complain to the board that raising the fees was unfair.",
            "Did Osric Vane admit to the Gazette that, in hindsight, the pier was a mistake?",
        ] {
            let r = reported(t);
            assert!(r.iter().all(|r| r.2 != "reported-that"), "{t}: {r:?}");
        }
    }

    #[test]
    fn said_that_reports_the_clause() {
        let (content, speaker, sieve) =
            one("Mara Quill said on Tuesday that the bridge would reopen in May.");
        assert_eq!(content, "that the bridge would reopen in May");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        assert_eq!(sieve, "reported-that");
        let (content, speaker, _) =
            one("Osric Vane told reporters in Lisbon that the talks had failed.");
        assert_eq!(content, "that the talks had failed");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
    }

    #[test]
    fn a_closing_relative_clause_or_appositive_is_the_writers_gloss() {
        let (content, _, _) = one(
            "Mara Quill said that the council would scrap the harbour levy, which dates from 1998.",
        );
        assert_eq!(content, "that the council would scrap the harbour levy");
        let (content, _, _) = one(
            "Osric Vane said the board had hired Ada Brill, who ran the port of Kessel for a decade.",
        );
        assert_eq!(content, "the board had hired Ada Brill");
        let (content, _, _) = one(
            "Osric Vane said the council would close the old harbour by May, a move the pilots dread.",
        );
        assert_eq!(content, "the council would close the old harbour by May");
        // Must not cut: a relative clause closed by a comma, or one on a short subject.
        let (content, _, _) =
            one("Mara Quill said that the governor, who must sign the bill, has not decided yet.");
        assert_eq!(
            content,
            "that the governor, who must sign the bill, has not decided yet"
        );
        let (content, _, _) = one("Osric Vane said that the ferry, which sails at noon, is full.");
        assert_eq!(content, "that the ferry, which sails at noon, is full");
        // Must not cut: after a fronted clause the noun phrase is the main clause's subject.
        let (content, _, _) = one(
            "Osric Vane said that when the harbour was closed for repairs, a ferry sank nearby.",
        );
        assert_eq!(
            content,
            "that when the harbour was closed for repairs, a ferry sank nearby"
        );
    }

    #[test]
    fn and_that_adds_a_second_complement() {
        for t in [
            "Mara Quill argued that the levy is legal, and that the port may keep it.",
            "Mara Quill argued that the levy is legal - and that the port may keep it.",
        ] {
            let (content, _, _) = one(t);
            assert!(
                content.ends_with("that the port may keep it"),
                "{t}: {content}"
            );
        }
        // Must still end: a new clause with its own subject after ", and".
        let (content, _, _) =
            one("Mara Quill argued that the levy is legal, and the council agreed with her.");
        assert_eq!(content, "that the levy is legal");
    }

    #[test]
    fn gaps_before_that_hold_adverbials_not_objects() {
        let (content, _, _) =
            one("Mara Quill said late Friday that the ferry would not sail before noon.");
        assert_eq!(content, "that the ferry would not sail before noon");
        let (content, _, _) = one("Osric Vane now says, however, that the harbour plan is dead.");
        assert_eq!(content, "that the harbour plan is dead");
        // "with a passion that …": a relative clause, not a statement.
        let r = reported("Osric Vane spoke, and said with a calm that surprised everyone.");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn a_poll_group_more_likely_to_say() {
        let (content, speaker, _) =
            one("The anglers were less likely to argue that the pier is unsafe.");
        assert_eq!(content, "that the pier is unsafe");
        assert_eq!(speaker.as_deref(), Some("The anglers"));
        // Must not fire: a forecast of speech, a negation, a hypothetical.
        for t in [
            "Osric Vane is likely to say that the pier is unsafe.",
            "Younger anglers are not more likely to say that the pier is unsafe.",
            "Younger anglers would be more likely to say that the pier is unsafe.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_longer_adverbial_gap_before_that() {
        for (t, who) in [
            (
                "The ferry line reported last quarter that its crossings were running late.",
                "The ferry line",
            ),
            (
                "Osric Vane revealed, somewhat grudgingly, that he would vote for the levy.",
                "Osric Vane",
            ),
            (
                "Mara Quill said Thursday during a visit to a school in Tollby that the pier would close.",
                "Mara Quill",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert!(r[0].0.starts_with("that "), "{t}: {r:?}");
            assert_eq!(r[0].1.as_deref(), Some(who), "{t}");
        }
        // Must not fire: an infinitive or a participle in the gap, a hearer's story with a
        // relative clause, a negated or hypothetical cue, a belief.
        for t in [
            "The pilots vowed to block the harbour plan, meaning that the pier will stay shut.",
            "Osric Vane told the story of the pier - a dispute that Mara Quill had settled years ago.",
            "Osric Vane did not say, at least in public, that the pier was unsafe.",
            "If Mara Quill said last quarter that the pier was unsafe, nobody listened.",
            "Osric Vane thinks, somewhat naively, that the pier is safe.",
        ] {
            let r = reported(t);
            assert!(r.iter().all(|r| !r.0.starts_with("that")), "{t}: {r:?}");
        }
    }

    #[test]
    fn cue_chains_and_relative_clauses() {
        let (content, speaker, _) = one("Osric Vane went on to say that the pier was unsafe.");
        assert_eq!(content, "that the pier was unsafe");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        let (content, speaker, _) =
            one("Mara Quill, who has said that the pier is unsafe, left the meeting early.");
        assert_eq!(content, "that the pier is unsafe");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        // A progressive cue, with a time word before it.
        let (content, speaker, _) = one("The growers are now arguing that the river is rising.");
        assert_eq!(content, "that the river is rising");
        assert_eq!(speaker.as_deref(), Some("The growers"));
        // A wish or a plan to speak is not speech.
        for t in [
            "Osric Vane wants to say that the pier is unsafe.",
            "Osric Vane hopes to say that the pier is unsafe.",
            "Osric Vane did not go on to say that the pier was unsafe.",
            "Osric Vane is not saying that the pier is unsafe.",
            "If Osric Vane is saying that the pier is unsafe, he is wrong.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_noun_of_speech_in_the_gap_is_no_second_cue() {
        for t in [
            "Osric Vane told the pilots on a call that the pier would close.",
            "Osric Vane told the pilots on a conference call that the pier would close.",
        ] {
            let (content, speaker, _) = one(t);
            assert_eq!(content, "that the pier would close", "{t}");
            assert_eq!(speaker.as_deref(), Some("Osric Vane"), "{t}");
        }
        // Must not fire past a real second cue: its "that" is its own.
        let r = reported("Osric Vane told the pilots Mara Quill said that the pier would close.");
        assert!(
            r.iter().all(|r| r.1.as_deref() != Some("Osric Vane")),
            "{r:?}"
        );
    }

    #[test]
    fn a_list_and_a_demonstrative_are_no_gloss_or_second_complement() {
        // ", a tug and three barges" is the list's next item, not a gloss on "cranes".
        let (content, _, _) =
            one("Mara Quill said the port had bought two cranes, a tug and three barges.");
        assert_eq!(
            content,
            "the port had bought two cranes, a tug and three barges"
        );
        // ", and that angered …": "that" is a demonstrative subject, no second complement.
        let r = reported("Osric Vane argued that the levy is lawful, and that angered the pilots.");
        assert!(r.iter().any(|r| r.0 == "that the levy is lawful"), "{r:?}");
    }

    #[test]
    fn a_second_cue_after_and_is_not_blocked_by_the_first_clause() {
        // The modal belongs to the first clause, not to "added".
        let r =
            reported("Mara Quill said the pier would close and added that the ferry would run.");
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[1].0, "that the ferry would run");
        assert_eq!(r[1].1.as_deref(), Some("Mara Quill"));
        // Must not fire: the negation scopes over both verbs of one subject.
        let r = reported("Osric Vane did not stand up and say that the pier was unsafe.");
        assert!(r.is_empty(), "{r:?}");
        // Must not fire: a base form after "and" shares the first verb's negation or modal.
        for t in [
            "Mara Quill did not say that the pier would close and warn that the ferry would stop.",
            "Mara Quill will probably say the pier is safe and claim that the ferry is late.",
        ] {
            let r = reported(t);
            assert!(
                r.iter()
                    .all(|r| r.0 != "that the ferry would stop" && r.0 != "that the ferry is late"),
                "{t}: {r:?}"
            );
        }
    }

    #[test]
    fn a_coordinated_cue_takes_the_subject_of_the_cue_before() {
        let r = reported(
            "Its harbour adviser, Ada Brenn, said the plan was sound, but cautioned that it would take years.",
        );
        let last = r.last().expect("statements");
        assert_eq!(last.0, "that it would take years");
        assert_eq!(last.1.as_deref(), Some("Ada Brenn"));
    }

    #[test]
    fn participle_after_a_comma_belongs_to_the_subject() {
        let r = reported("Mara Quill left early, adding that the vote was rigged.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "that the vote was rigged");
        assert_eq!(r[0].1.as_deref(), Some("Mara Quill"));
    }
}
