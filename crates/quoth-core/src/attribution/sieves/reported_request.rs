//! Reported sieve R7, request: "X urged Y to …", "X called for …", "X asked whether …".

use super::super::limits;
use super::speech::*;
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that ask (class `request`).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if *class == Complement::Request => {
            reported_request(ctx, *v, s)
        }
        _ => None,
    }
}

/// Sieve R7: "urged voters to stay home", "called on Congress to act", "called for a ban on
/// …", "asked whether the plan was legal" — a request or a question put to someone.
fn reported_request(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let verb = np.lw(v);
    let mut k = v + 1;
    let from = if verb.starts_with("call") {
        match np.lw(k).as_ref() {
            "for" => k + 1,
            "on" => {
                k = skip_addressee(ctx, k + 1, s.end)?;
                (np.lw(k) == "to").then_some(k)?;
                v + 2
            }
            _ => return None,
        }
    } else if matches!(
        np.lw(k).as_ref(),
        "whether" | "if" | "why" | "how" | "what" | "when"
    ) {
        k
    } else {
        // "urged both sides to return": a short hearer, then "to" and a verb.
        let to = (k + 1..(k + limits::REQUEST_TO_REACH).min(s.end))
            .find(|&j| !np.is_word(j) || np.lw(j) == "to")?;
        let hearer_ok = (k..to).all(|j| !cue_like(ctx, j) && !is_finite_verb_like(&np.lw(j)));
        (np.lw(to) == "to" && np.is_word(to + 1) && hearer_ok).then_some(k)?
    };
    let end = action_end(ctx, from, content_end(ctx, from, s)?);
    statement(ctx, v, from, end, s, Sieve::ReportedRequest)
}
