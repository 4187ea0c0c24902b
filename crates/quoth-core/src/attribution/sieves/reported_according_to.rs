//! The reported-according-to sieve: "According to X, …", "…, according to X." — the rest of the
//! sentence is X's.

use super::super::limits;
use super::super::np::{Mention, MentionKind};
use super::super::tokens::Kind;
use super::speech::{
    content_end, has_quote, holds_finite_verb, opens_clause, skip_openers, trim_end, word_count,
};
use super::{Ctx, Found, Sieve, Target};
use memchr::memmem::Finder;
use std::ops::Range;
use std::sync::LazyLock;

/// The sieve's entry in the pipeline: whole sentences outside headings.
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Sentence { s, heading } if !*heading => reported_according_to(ctx, s),
        _ => None,
    }
}

/// "According to X, …", "…, according to X." — the rest of the sentence is X's.
fn reported_according_to(ctx: &Ctx, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    // A quick test over the sentence's text first: this runs for every sentence.
    static ACCORDING: LazyLock<Finder> = LazyLock::new(|| Finder::new("according"));
    if !ctx.tokens.lower_text_contains(s.clone(), &ACCORDING) {
        return None;
    }
    let i = (s.start..s.end - 1)
        .find(|&k| np.is_word(k) && np.lw(k) == "according" && np.lw(k + 1) == "to")?;
    if has_quote(ctx, s.start, s.end) {
        return None;
    }
    let cue = np.toks[i].start..np.toks[i + 1].end;
    let source_end = (i + 2..s.end)
        .find(|&k| np.toks[k].kind == Kind::Punct && !matches!(np.word(k), "." | "/"))
        .unwrap_or(s.end);
    let mention = source_mention(ctx, i + 2, source_end)?;
    let content = if i == s.start || i == skip_openers(ctx, s.start, i) {
        // "According to X, …": the clause after the source's comma.
        if !np.is_punct(source_end, ",") {
            return None;
        }
        let start = after_appositive(ctx, &mention, source_end + 1, s.end);
        let end = content_end(ctx, start, s)?;
        start..end
    } else {
        // "…, according to X." or "… according to X, …": the sentence around the phrase.
        let before = if np.is_punct(i - 1, ",") { i - 1 } else { i };
        let start = skip_openers(ctx, s.start, before);
        let words_before = word_count(ctx, start, before);
        let short = words_before < limits::MIN_CONTENT_WORDS;
        if short && let Some(after) = clause_after_short_opener(ctx, source_end, s) {
            return according_to_statement(ctx, mention, cue, after);
        }
        // "Fundraising, according to X, has surged": a short subject the phrase interrupts.
        let interrupted = before < i && np.is_punct(source_end, ",") && source_end + 1 < s.end;
        if short && !interrupted {
            return None;
        }
        let end = trim_end(ctx, start, s.end);
        // "The economy, according to X, grew": the phrase interrupts a clause. After a whole
        // clause ("… vehicles, according to the group, which tracks …") it closes it.
        // A phrase without a verb ("Missing from the harbour plan, according to X, was …")
        // is no whole clause, however long.
        let whole_clause_before = before < i
            && words_before >= limits::WHOLE_CLAUSE_WORDS
            && holds_finite_verb(ctx, start, before);
        // "… is ahead by 40 seats according to a tally from X, but …": with no comma before it
        // the phrase closes the clause it follows.
        let attached = before == i && words_before >= limits::WHOLE_CLAUSE_WORDS;
        if source_end + 1 < end && np.is_punct(source_end, ",") && !whole_clause_before && !attached
        {
            start..end
        } else {
            start..before
        }
    };
    according_to_statement(ctx, mention, cue, content)
}

/// The statement of `mention` through "according to" (the byte range `cue`), with content
/// tokens `content`: none where the content is too short to be a statement.
fn according_to_statement(
    ctx: &Ctx,
    mention: Mention,
    cue: Range<usize>,
    content: Range<usize>,
) -> Option<Found> {
    let np = &ctx.np;
    if content.is_empty() || word_count(ctx, content.start, content.end) < limits::MIN_CONTENT_WORDS
    {
        return None;
    }
    Some(
        Found::new(Sieve::ReportedAccordingTo, mention, Some(cue))
            .with_content(np.toks[content.start].start..np.toks[content.end - 1].end),
    )
}

/// "According to Ada Brenn, a hydrologist at the university, the lagoons …": the content starts
/// after a description of the named source between commas (no verb in it, a role or a kind of
/// source at its head), not at the description.
fn after_appositive(ctx: &Ctx, source: &Mention, start: usize, end: usize) -> usize {
    let np = &ctx.np;
    let opens_description =
        np.is_word(start) && matches!(np.lw(start).as_ref(), "a" | "an" | "the");
    if source.kind != MentionKind::Name || !opens_description {
        return start;
    }
    let Some(comma) = (start + 1..end)
        .take(limits::APPOSITIVE_REACH)
        .find(|&k| np.is_punct(k, ","))
    else {
        return start;
    };
    let describes = (start + 1..comma).any(|k| np.is_word(k) && np.lx.names_a_speaker(&np.lw(k)));
    if describes && !holds_finite_verb(ctx, start, comma) {
        comma + 1
    } else {
        start
    }
}

/// "Now, according to X, some are …", "About 10 p.m., according to X, the crews left …": after
/// a phrase too short to be a clause before "according to" (the caller's test), a clause of its
/// own after the source's comma is the content (the opener is the writer's adverbial).
fn clause_after_short_opener(
    ctx: &Ctx,
    source_end: usize,
    s: &Range<usize>,
) -> Option<Range<usize>> {
    let np = &ctx.np;
    let clause = source_end + 1 < s.end
        && np.is_punct(source_end, ",")
        && opens_clause(ctx, source_end + 1, s.end);
    if !clause {
        return None;
    }
    let end = content_end(ctx, source_end + 1, s)?;
    Some(source_end + 1..end)
}

/// The source after "according to": a noun phrase, or else the words up to the punctuation
/// ("according to figures from the port office").
fn source_mention(ctx: &Ctx, start: usize, end: usize) -> Option<Mention> {
    let np = &ctx.np;
    // A document described by what it is about ("a spring survey" of "a spring survey of
    // Norland ferry users") is read whole below, as the phrase it heads.
    if let Some(m) = np.forward(start, end).filter(|m| {
        m.kind != MentionKind::Nominal
            || m.org.is_some()
            || !(np.is_word(m.last_tok + 1) && np.lw(m.last_tok + 1) == "of")
    }) {
        return Some(m);
    }
    // "according to the (national) Ministry of Health": the rest of the phrase is a name after
    // the article and at most one lower-case adjective.
    let name_start = (start + 1..=start + 2)
        .find(|&k| np.is_word(k) && np.is_cap(k))
        .filter(|&k| (start + 1..k).all(|j| np.is_word(j)));
    if np.is_word(start)
        && np.lw(start) == "the"
        && let Some(k) = name_start
        && let Some(m) = np.forward(k, end).filter(|m| {
            m.kind == MentionKind::Name
                && m.first_tok == k
                && (m.last_tok + 1..end).all(|j| !np.is_word(j))
        })
    {
        return Some(m);
    }
    let last = (start..end.min(start + limits::SOURCE_PHRASE_REACH))
        .rev()
        .find(|&k| np.is_word(k))?;
    // The phrase's last word is its head only when it names a role or a source ("figures from
    // the port office"); a title is never looked up by any other word ("… of health").
    let last_word = np.lw(last);
    let named_by_head = np.lx.names_a_speaker(&last_word);
    let mut m = np.description(start, last, last);
    if !named_by_head {
        m.head = None;
    }
    Some(m)
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::one;

    #[test]
    fn a_description_of_the_named_source_is_no_part_of_the_content() {
        let (content, speaker, _) = one(
            "According to Ada Brenn, a hydrologist at the Aldby institute, nobody knows how fast \
             the lagoon is draining.",
        );
        assert_eq!(content, "nobody knows how fast the lagoon is draining");
        assert_eq!(speaker.as_deref(), Some("Ada Brenn"));
        // Must not fire: the subject of the content with an aside of its own.
        let (content, _, _) =
            one("According to Ada Brenn, the lagoons, once full, have shrunk by half since 1990.");
        assert!(content.starts_with("the lagoons"), "{content}");
    }

    #[test]
    fn a_poll_of_voters_is_the_poll_not_the_voters_place() {
        let (_, speaker, _) =
            one("According to a spring survey of Norland ferry users, the pier plan is popular.");
        assert_eq!(
            speaker.as_deref(),
            Some("a spring survey of Norland ferry users")
        );
        let (_, speaker, _) =
            one("According to a statement from the Harbour Authority, the pier will close.");
        assert_eq!(speaker.as_deref(), Some("Harbour Authority"));
    }

    #[test]
    fn a_short_opener_or_subject_before_the_phrase_and_a_slash_in_the_source() {
        for (t, want, who) in [
            (
                "Now, according to the harbour office, the crews are back at work.",
                "the crews are back at work",
                "the harbour office",
            ),
            (
                "Ferry use, according to the harbour office, has doubled since May.",
                "Ferry use, according to the harbour office, has doubled since May",
                "the harbour office",
            ),
            (
                "According to a Kessel/Tollby survey, the two ferries are losing money.",
                "the two ferries are losing money",
                "a Kessel/Tollby survey",
            ),
        ] {
            let (content, speaker, _) = one(t);
            assert_eq!(content, want, "{t}");
            assert_eq!(speaker.as_deref(), Some(who), "{t}");
        }
        // Must not fire: nothing after the phrase, a quotation that is the statement.
        for t in [
            "Now, according to the harbour office.",
            "Now, according to the harbour office, “the crews are back at work.”",
        ] {
            let r = crate::attribution::test_support::reported(t);
            assert!(
                r.iter().all(|r| r.2 != "reported-according-to"),
                "{t}: {r:?}"
            );
        }
    }

    #[test]
    fn according_to_reports_the_rest_of_the_sentence() {
        let (content, speaker, sieve) =
            one("According to Ilse Brandt, the mine lost money for years.");
        assert_eq!(content, "the mine lost money for years");
        assert_eq!(speaker.as_deref(), Some("Ilse Brandt"));
        assert_eq!(sieve, "reported-according-to");
        let (content, _, _) = one("The mine lost money for years, according to Ilse Brandt.");
        assert_eq!(content, "The mine lost money for years");
    }

    #[test]
    fn a_phrase_without_a_verb_is_interrupted_not_closed() {
        // However long, a verbless phrase before the source is half of the clause.
        let t = "Missing from the harbour plan, according to Ilse Brandt, was any date for the ferries.";
        assert_eq!(one(t).0, t.trim_end_matches('.'));
        // Must not join: a whole clause before the source is closed by it.
        let (content, _, _) = one(
            "The mine lost money for many years, according to Ilse Brandt, who ran it until 2019.",
        );
        assert_eq!(content, "The mine lost money for many years");
    }

    #[test]
    fn without_a_comma_the_phrase_closes_the_clause_it_follows() {
        let t = "The ferry carries 400 passengers a day according to the port office, but the pilots expect fewer.";
        assert_eq!(one(t).0, "The ferry carries 400 passengers a day");
        // Must not cut: between commas the phrase interrupts a clause.
        let t = "The harbour economy, according to the port office, grew by 3 percent last year.";
        assert_eq!(one(t).0, t.trim_end_matches('.'));
    }
}
