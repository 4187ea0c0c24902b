//! The reported-before-cue sieve: "Prices will fall next year, the minister said."

use super::speech::{content_before, cue_between_commas, trim_end};
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
    if trim_end(ctx, comma, s.end) > seg_end && !inverted {
        return None;
    }
    content_before(ctx, s.start, comma, comma, found, Sieve::ReportedBeforeCue)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn clause_before_a_closing_cue() {
        let (content, speaker, sieve) =
            one("The ferry will stop running in winter, the harbour master said.");
        assert_eq!(content, "The ferry will stop running in winter");
        assert_eq!(speaker.as_deref(), Some("the harbour master"));
        assert_eq!(sieve, "reported-before-cue");
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
