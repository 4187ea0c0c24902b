//! The reported-around-cue sieve: "Prices, the minister said, will fall."

use super::super::limits;
use super::super::np::MentionKind;
use super::super::tokens::is_capitalized;
use super::speech::{
    NOUN_LIKE, PREPOSITIONS, content_before, content_end, cue_between_commas, has_quote,
    is_finite_verb_like, is_present_third_person, skip_openers, word_count,
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
    let (comma, seg_end, found) = cue_between_commas(ctx, v, s)?;
    if found.mention.first_tok > v {
        return None;
    }
    let end = content_end(ctx, seg_end, s).unwrap_or(seg_end);
    if end <= seg_end + 1
        || has_quote(ctx, seg_end, end)
        || word_count(ctx, seg_end, end) < limits::MIN_CLAUSE_WORDS
    {
        return None;
    }
    let short = short_subject_around(ctx, s.start, comma, seg_end, end, &found);
    content_before(
        ctx,
        s.start,
        comma,
        end,
        found.clone(),
        Sieve::ReportedAroundCue,
    )
    .or(short)
}

/// "Wages, she said, had not risen", "The levy, Ilse Varga said, was unfair": a subject of
/// one or two words before the cue (too short for [`content_before`], which asks for a clause
/// there) and its verb straight after: the cue interrupts one clause.
fn short_subject_around(
    ctx: &Ctx,
    lo: usize,
    comma: usize,
    seg_end: usize,
    end: usize,
    found: &Found,
) -> Option<Found> {
    let np = &ctx.np;
    let start = skip_openers(ctx, lo, comma);
    let words = word_count(ctx, start, comma);
    let verb_after = seg_end + 1 < end && {
        let w = np.word_lower(seg_end + 1);
        np.is_word(seg_end + 1)
            && !is_capitalized(np.word(seg_end + 1))
            && (is_finite_verb_like(w) || is_present_third_person(w))
    };
    // A capitalised first word that is no preposition or conjunction ("If wages, she said,
    // had risen, …" is a condition).
    let subject = np.is_word(start)
        && is_capitalized(np.word(start))
        && !PREPOSITIONS.contains(&np.word_lower(start))
        && !has_quote(ctx, start, comma);
    // A cue that is as often a noun ("a former state senator") speaks only with a name or a
    // pronoun as its subject.
    let person = matches!(
        found.mention.kind,
        MentionKind::Name | MentionKind::Pronoun(_)
    );
    let cue_word = found
        .cue
        .as_ref()
        .map(|c| np.text[c.clone()].to_lowercase());
    let noun_like = cue_word.is_some_and(|w| NOUN_LIKE.contains(&w.as_str()));
    let cue_inside = found.mention.first_tok > comma && (person || !noun_like);
    if words == 0 || words >= limits::MIN_CONTENT_WORDS || !verb_after || !subject || !cue_inside {
        return None;
    }
    let content = np.toks[start].start..np.toks[end - 1].end;
    Some(
        Found {
            sieve: Sieve::ReportedAroundCue,
            ..found.clone()
        }
        .with_content(content),
    )
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::one;

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
        // "…, said X, a …": what follows the name is about the speaker, not more content.
        let (content, _, sieve) =
            one("The toll will rise in May, said Ilse Brandt, a spokeswoman for the port.");
        assert_eq!(content, "The toll will rise in May");
        assert_eq!(sieve, "reported-before-cue");
    }
}
