//! The reported-before-cue sieve: "Prices will fall next year, the minister said."

use super::speech::{
    content_before, cue_between_commas, cue_verb, describes_the_statement, is_speech_participle,
    opens_clause, trim_end,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state (not those that ask).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if class.takes_clause() => reported_before_cue(ctx, *v, s),
        _ => None,
    }
}

/// "Prices will fall next year, the minister said." — the clause before a cue that
/// closes the sentence after a comma.
fn reported_before_cue(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let (comma, seg_end, found) = cue_between_commas(ctx, v, s)?;
    // After "…, said X" what follows is about X ("a professor at …"), not more of the content.
    let inverted = found.mention.first_tok > v;
    if trim_end(ctx, comma, s.end) > seg_end && !inverted && !writer_adds_after(ctx, seg_end, s) {
        return None;
    }
    content_before(ctx, s.start, comma, comma, found, Sieve::ReportedBeforeCue)
}

/// What follows the cue clause after ", and/but/so" is not more of what was said: a second
/// speech verb of the same speaker ("…, Mara Quill said, and added that …") or another of the
/// speaker's actions ("…, she said, and left"). A joined clause ("…, she said, and the ferries
/// will stop", "…, she said, but the pilots doubt it") is for the around-cue sieve.
fn writer_adds_after(ctx: &Ctx, seg_end: usize, s: &Range<usize>) -> bool {
    let np = &ctx.np;
    if !np.is_punct(seg_end, ",") {
        return false;
    }
    // "…, Varma said, promising that …": a participle of speech is the speaker's next
    // statement, read on its own.
    if seg_end + 1 < s.end
        && (is_speech_participle(ctx, seg_end + 1) || describes_the_statement(ctx, seg_end + 1))
    {
        return true;
    }
    let mut k = seg_end + 2;
    while k < s.end && np.is_word(k) && np.lx.is_adverb(&np.lw(k)) {
        k += 1;
    }
    matches!(np.lw(seg_end + 1).as_ref(), "and" | "but" | "so")
        && k < s.end
        && (cue_verb(ctx, k, s).is_some() || !opens_clause(ctx, k, s.end))
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_dateline_is_no_part_of_the_clause() {
        let (content, _, _) =
            one("ELMSBY, Ore. — The ferry will run again by May, the mayor said on Monday.");
        assert_eq!(content, "The ferry will run again by May");
    }

    #[test]
    fn clause_before_a_closing_cue() {
        let (content, speaker, sieve) =
            one("The ferry will stop running in winter, the harbour master said.");
        assert_eq!(content, "The ferry will stop running in winter");
        assert_eq!(speaker.as_deref(), Some("the harbour master"));
        assert_eq!(sieve, "reported-before-cue");
    }

    #[test]
    fn a_second_cue_after_the_cue_clause_keeps_the_clause_before() {
        let r = reported(
            "The pier has been repaired, Mara Quill said on Monday, and added that it would open soon.",
        );
        assert_eq!(r.len(), 2, "{r:?}");
        assert_eq!(r[0].0, "The pier has been repaired");
        assert_eq!(r[0].1.as_deref(), Some("Mara Quill"));
        // The speaker's next action is no part of it: the clause before is hers.
        let t = "The pier has been repaired, Mara Quill said on Monday, and left.";
        let r = reported(t);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "The pier has been repaired");
        // Must not fire: a clause joined by "and" continues what she said (around the cue).
        let t = "The pier has been repaired, Mara Quill said, and the ferries will run again.";
        let r = reported(t);
        assert!(r.iter().all(|r| r.2 != "reported-before-cue"), "{r:?}");
    }

    #[test]
    fn a_participle_of_speech_after_the_cue_clause_keeps_the_clause_before() {
        let r = reported(
            "The tolls will be reviewed in March, Ines Vargo said, promising that pensioners would keep their discount.",
        );
        assert!(
            r.iter()
                .any(|r| r.0 == "The tolls will be reviewed in March"
                    && r.1.as_deref() == Some("Ines Vargo")),
            "{r:?}"
        );
        // Must not fire: a participle that is no verb of speech continues the sentence.
        let r = reported("The tolls will be reviewed in March, Ines Vargo said, leaving early.");
        assert!(r.iter().all(|r| r.2 != "reported-before-cue"), "{r:?}");
    }

    #[test]
    fn a_plural_role_with_adjectives_closes_the_sentence() {
        let (content, speaker, _) =
            one("The ferry will not sail before spring, harbour safety officials said.");
        assert_eq!(content, "The ferry will not sail before spring");
        assert_eq!(speaker.as_deref(), Some("harbour safety officials"));
        // Must not fire: a relative clause, not adjectives, before the plural.
        let r = reported("The ferry will not sail before spring, which worried officials said.");
        assert!(
            r.iter()
                .all(|r| r.1.as_deref() != Some("which worried officials")),
            "{r:?}"
        );
    }

    #[test]
    fn a_participle_after_the_comma_is_not_an_inverted_cue() {
        for r in reported("The clerk resigned, saying the board had ignored her.") {
            assert_ne!(r.1.as_deref(), Some("the board"), "{r:?}");
        }
    }

    #[test]
    fn what_comes_before_the_cue_must_hold_a_verb() {
        for t in [
            "Shortly after the long storm of that winter, the harbour master said.",
            "Mara Quill, the harbour master of the old port, said.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
        let (content, _, _) = one("The old pier leaks badly, the harbour master said.");
        assert_eq!(content, "The old pier leaks badly");
    }
}
