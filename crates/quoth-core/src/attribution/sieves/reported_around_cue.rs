//! The reported-around-cue sieve: "Prices, the minister said, will fall."

use super::super::limits;
use super::speech::{
    content_before, content_end, cue_between_commas, describes_the_statement, has_quote,
    opens_clause, skip_openers, word_count,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state (not those that ask).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if class.takes_clause() => reported_around_cue(ctx, *v, s),
        _ => None,
    }
}

/// "Prices, the minister said, will fall." — a cue set off by commas inside the
/// clause it reports.
fn reported_around_cue(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let (comma, seg_end, found) = cue_between_commas(ctx, v, s)?;
    if found.mention.first_tok > v {
        return None;
    }
    // Before a short subject ("Time, he added, was …") only a cue that is all the aside
    // ("he added,"): "X, a senator, warned that …" is a cue with its own clause.
    let short_front =
        word_count(ctx, skip_openers(ctx, s.start, comma), comma) < limits::MIN_CONTENT_WORDS;
    if short_front && !np.is_punct(v + 1, ",") {
        return None;
    }
    // "X, he said, and Y", "…, he said, but Y": a clause joined after the aside is said too
    // (the training gold counts a contrast there as the speaker's more often than not); a
    // second predicate of the speaker ("…, she said, and left") is not.
    let joined = np.is_punct(seg_end, ",")
        && matches!(np.lw(seg_end + 1).as_ref(), "and" | "but" | "so")
        && opens_clause(ctx, seg_end + 2, s.end);
    // Any other "and", "but" or "so" after the aside adds the writer's words (the before-cue
    // sieve keeps the clause before it).
    let coordinated =
        np.is_punct(seg_end, ",") && matches!(np.lw(seg_end + 1).as_ref(), "and" | "but" | "so");
    if coordinated && !joined {
        return None;
    }
    if describes_the_statement(ctx, seg_end + 1) {
        return None;
    }
    let after = if joined { seg_end + 1 } else { seg_end };
    let end = content_end(ctx, after, s).unwrap_or(seg_end);
    if end <= seg_end + 1
        || has_quote(ctx, seg_end, end)
        || word_count(ctx, seg_end, end) < limits::MIN_CLAUSE_WORDS
    {
        return None;
    }
    content_before(ctx, s.start, comma, end, found, Sieve::ReportedAroundCue)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn cue_set_off_by_commas_inside_its_clause() {
        let (content, speaker, sieve) =
            one("The new bridge, Ilse Brandt said, will cost twice the estimate.");
        assert_eq!(
            content,
            "The new bridge, Ilse Brandt said, will cost twice the estimate"
        );
        assert_eq!(speaker.as_deref(), Some("Ilse Brandt"));
        assert_eq!(sieve, "reported-around-cue");
        // A short subject before the cue is still half of the clause.
        for t in [
            "The toll, Ilse Brandt said, is too high.",
            "Rain, the skipper warned, would close the pass.",
        ] {
            let (content, _, sieve) = one(t);
            assert_eq!(content, t.trim_end_matches('.'), "{t}");
            assert_eq!(sieve, "reported-around-cue", "{t}");
        }
        // A clause joined after the aside is said too.
        let t = "The toll will rise in May, Ilse Brandt said, and the ferries will run less often.";
        assert_eq!(one(t).0, t.trim_end_matches('.'));
        // Must not join: the speaker's next action.
        let t = "The toll will rise in May, Ilse Brandt said, and left the meeting.";
        let r = reported(t);
        assert!(r.iter().all(|r| r.0 != t.trim_end_matches('.')), "{r:?}");
        assert!(
            r.iter().any(|r| r.0 == "The toll will rise in May"),
            "{r:?}"
        );
        // Must not fire: a cue with a clause of its own after a subject and its appositive.
        let r = reported("Kemal Vole, a former state senator, warned that the ferry would stop.");
        assert!(r.iter().all(|r| r.2 != "reported-around-cue"), "{r:?}");
        // After a fronted adverbial the cue interrupts one clause: the adverbial is said too.
        for t in [
            "If the levy passes, Ilse Brandt said, owners will pay twice as much.",
            "After the vote in Kessel, she said, the board will meet again.",
        ] {
            let (content, _, sieve) = one(t);
            assert_eq!(content, t.trim_end_matches('.'), "{t}");
            assert_eq!(sieve, "reported-around-cue", "{t}");
        }
        // Must not widen: a connective opener is no adverbial of the content.
        for t in [
            "And yet, Ilse Brandt said, the bridge will open in May.",
            "After all, Ilse Brandt said, the bridge will open in May.",
        ] {
            assert_eq!(one(t).0, "the bridge will open in May", "{t}");
        }
        // "…, said X, a …": what follows the name is about the speaker, not more content.
        let (content, _, sieve) =
            one("The toll will rise in May, said Ilse Brandt, a spokeswoman for the port.");
        assert_eq!(content, "The toll will rise in May");
        assert_eq!(sieve, "reported-before-cue");
    }
}
