//! The reported-turn sieve: a transcript's turn, "VANE: Well, the harbour is closing." or
//! "Q: Why now?" — a paragraph that opens with a speaker's name and a colon.

use super::super::limits;
use super::speech::{has_quote, trim_end, word_count};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: the first sentence of a paragraph after the headline.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Sentence { s, .. } => {
            let para = ctx.np.toks[s.start].para as usize;
            let opens_paragraph = ctx.np.paras.get(para).is_some_and(|p| p.start == s.start);
            (para > 0 && opens_paragraph).then(|| reported_turn(ctx, s, para))?
        }
        _ => None,
    }
}

/// "VANE: Well, the harbour is closing." — the speaker's name in capitals (a name the
/// transcript uses again); the turn runs to the paragraph's end.
fn reported_turn(ctx: &Ctx, s: &Range<usize>, para: usize) -> Option<Found> {
    let np = &ctx.np;
    // This runs for every paragraph: most have no colon where a turn's name ends.
    if !colon_within_name(ctx, np.paras[para].start) {
        return None;
    }
    let colon = name_colon(ctx, np.paras[para].start, in_capitals)
        .or_else(|| title_case_turn(ctx, para))?;
    if !named_elsewhere(ctx, colon - 1) {
        return None;
    }
    let mention = np.analyze_name_run(s.start, colon - 1)?;
    let para_end = np.paras[para].end;
    let end = trim_end(ctx, colon + 1, para_end);
    if end <= colon + 1
        || end - s.start > limits::MAX_SENTENCE_TOKENS
        || has_quote(ctx, colon + 1, end)
        || word_count(ctx, colon + 1, end) < limits::MIN_CONTENT_WORDS
    {
        return None;
    }
    let cue = np.toks[colon].start..np.toks[colon].end;
    Some(
        Found::new(Sieve::ReportedTurn, mention, Some(cue))
            .with_content(np.toks[colon + 1].start..np.toks[end - 1].end),
    )
}

/// The colon after a name that opens the paragraph starting at token `start`: up to
/// `limits::TURN_NAME_TOKENS` words that pass `name_word`, then ":".
fn name_colon(ctx: &Ctx, start: usize, name_word: fn(&str) -> bool) -> Option<usize> {
    let np = &ctx.np;
    (start..np.toks.len().min(start + limits::TURN_NAME_TOKENS + 1))
        .find(|&k| !np.is_word(k) || !name_word(np.word(k)))
        .filter(|&k| k > start && np.is_punct(k, ":"))
}

/// Whether a colon stands where [`name_colon`] may find one, after a name of at most
/// `limits::TURN_NAME_TOKENS` words from token `start`: the cheap test before the words are read.
fn colon_within_name(ctx: &Ctx, start: usize) -> bool {
    let np = &ctx.np;
    (start + 1..np.toks.len().min(start + limits::TURN_NAME_TOKENS + 1))
        .any(|k| np.is_punct(k, ":"))
}

/// "Matthews: Well, speculation is bad." — a name in title case before the colon is a turn
/// only in a transcript: the paragraph before or after also opens with a name and a colon
/// ("Update:", "Note:" open no run of turns).
fn title_case_turn(ctx: &Ctx, para: usize) -> Option<usize> {
    let np = &ctx.np;
    let colon = name_colon(ctx, np.paras[para].start, is_title_case)?;
    let turn_at = |p: usize| {
        np.paras.get(p).is_some_and(|r| {
            name_colon(ctx, r.start, is_title_case)
                .or_else(|| name_colon(ctx, r.start, in_capitals))
                .is_some()
        })
    };
    (turn_at(para + 1) || para > 1 && turn_at(para - 1)).then_some(colon)
}

/// A capitalised word with lower-case letters after its first ("Matthews", "Seitz-Wald").
fn is_title_case(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.any(char::is_lowercase)
}

/// A word in capitals of two letters or more ("VANE"): "Q" and "A" name no one.
fn in_capitals(w: &str) -> bool {
    w.chars().count() > 1 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '\'')
}

/// Whether the word at token `a` appears again (in any case) outside its own paragraph.
fn named_elsewhere(ctx: &Ctx, a: usize) -> bool {
    ctx.named_in_another_paragraph(a)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::reported;

    #[test]
    fn transcript_turns_report_their_speaker() {
        let t = "Harbour talks\n\nOsric Vane met Mara Quill on Monday.\n\nVANE: Well, the harbour is closing and nobody told us.\n\nMARA QUILL: The crews were warned before the vote.";
        let r = reported(t);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].0, "Well, the harbour is closing and nobody told us");
        assert_eq!(r[0].1.as_deref(), Some("VANE"));
        assert_eq!(r[1].0, "The crews were warned before the vote");
    }

    #[test]
    fn title_case_turns_in_a_transcript() {
        let t = "Harbour talks\n\nIda Brenn met Tomas Holm on Monday.\n\nBrenn: Well, the harbour is closing and nobody told us.\n\nHolm: The crews were warned before the vote.";
        let r = reported(t);
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].0, "Well, the harbour is closing and nobody told us");
        assert_eq!(r[0].1.as_deref(), Some("Ida Brenn"));
        assert_eq!(r[1].1.as_deref(), Some("Tomas Holm"));
        // Must not fire: one name and a colon with no turn beside it, labels in a row.
        for t in [
            "Harbour talks\n\nIda Brenn met Tomas Holm on Monday.\n\nBrenn: Well, the harbour is closing and nobody told us.\n\nThe vote is on Friday.",
            "Harbour talks\n\nUpdate: The harbour will close on Monday after the vote.\n\nNote: the ferry times below are from the old timetable.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn labels_and_beliefs_are_no_turns() {
        for t in [
            "Harbour talks\n\nUpdate: The harbour will close on Monday after the vote.",
            "Harbour talks\n\nNote: the ferry times below are from the old timetable.",
            "Harbour talks\n\nCORRECTION: An earlier version gave the wrong date for the vote.",
            "Harbour talks\n\nQ: Did anyone warn the crews before the vote?",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }
}
