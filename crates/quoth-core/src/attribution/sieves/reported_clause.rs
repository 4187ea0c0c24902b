//! The reported-clause sieve: "X said he would …" — a clause with "that" left out.

use super::super::np::MentionKind;
use super::super::tokens::is_capitalized;
use super::speech::{
    Complement, content_end, is_bare_plural, opens_clause, says_a_clause, skip_addressee,
    skip_adverbials, statement, trim_end,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state (not those that ask).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if *class != Complement::Request => {
            reported_clause(ctx, *v, *class, s)
        }
        _ => None,
    }
}

/// "X said he would …", "she told reporters it was …" — a clause with "that" left
/// out, which must open with a subject and hold a verb.
fn reported_clause(ctx: &Ctx, v: usize, class: Complement, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let mut k = v + 1;
    if class == Complement::Addressee {
        k = skip_addressee(ctx, k, s.end)?;
    }
    k = skip_adverbials(ctx, k, s.end);
    // "X said: prices fell" — a colon before an unquoted clause.
    if np.is_punct(k, ":") || np.is_punct(k, ",") && k == v + 1 {
        k += 1;
    }
    let say = matches!(np.lw(v).as_ref(), "say" | "says" | "said" | "saying");
    // "…, said X, a …": an inverted cue names its subject; the clause is before it.
    let inverted = v > s.start
        && np.is_punct(v - 1, ",")
        && np.forward(v + 1, s.end).is_some_and(|m| {
            !matches!(m.kind, MentionKind::Pronoun(_)) && {
                let next = m.last_tok + 1;
                next >= trim_end(ctx, v, s.end) || np.is_punct(next, ",")
            }
        });
    // "added trucks": a bare plural opens a clause only after "say".
    let plural_start = np.is_word(k) && !is_capitalized(np.word(k)) && is_bare_plural(&np.lw(k));
    let clause = k < s.end
        && !inverted
        && (!plural_start || say)
        && (opens_clause(ctx, k, s.end) || say && says_a_clause(ctx, k, s.end));
    if !clause {
        return None;
    }
    let end = content_end(ctx, k, s)?;
    statement(ctx, v, k, end, s, Sieve::ReportedClause)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn clause_without_that_needs_a_subject_and_a_verb() {
        let (content, speaker, sieve) = one("Osric Vane said he would not run again.");
        assert_eq!(content, "he would not run again");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        assert_eq!(sieve, "reported-clause");
        // An object is no clause: "announced the plan".
        assert!(reported("Osric Vane announced the plan to voters.").is_empty());
        assert!(reported("Osric Vane said nothing about it.").is_empty());
    }
}
