//! The reported-intent sieve: "X vowed to repeal the law" — a commitment made aloud.

use super::speech::{action_end, content_end, skip_adverbials, statement};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state (not those that ask).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if class.takes_clause() => reported_intent(ctx, *v, s),
        _ => None,
    }
}

/// "vowed to repeal the law", "promised to cut taxes" — a commitment made aloud.
fn reported_intent(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let verb = np.lw(v);
    let intent = ["vow", "pledg", "promis"]
        .iter()
        .any(|p| verb.starts_with(p));
    if !intent {
        return None;
    }
    let to = skip_adverbials(ctx, v + 1, s.end);
    if np.lw(to) != "to" || !np.is_word(to + 1) {
        return None;
    }
    let end = action_end(ctx, to, content_end(ctx, to, s)?);
    statement(ctx, v, to, end, s, Sieve::ReportedIntent)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn commitments_made_aloud() {
        let (content, speaker, sieve) =
            one("Mara Quill vowed to repeal the toll and thanked the drivers.");
        assert_eq!(content, "to repeal the toll");
        assert_eq!(speaker.as_deref(), Some("Mara Quill"));
        assert_eq!(sieve, "reported-intent");
        assert!(reported("Mara Quill never vowed to repeal the toll.").is_empty());
    }
}
