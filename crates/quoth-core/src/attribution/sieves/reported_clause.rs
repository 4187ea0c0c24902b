//! The reported-clause sieve: "X said he would …" — a clause with "that" left out.

use super::super::limits;
use super::super::np::MentionKind;
use super::speech::{
    Complement, content_end, cue_like, gloss_end, interrupts_after_adverbial, is_bare_plural,
    is_clause_opener, is_finite_verb_like, is_subject_pronoun, is_that, np_word_or_mark,
    opens_bare_clause, opens_clause, says_a_clause, skip_addressee, skip_adverbials, skip_openers,
    statement, subject_then_auxiliary, subject_then_present_verb, trim_end,
};
use super::{Ctx, Found, Sieve, Target};
use std::ops::Range;

/// The sieve's entry in the pipeline: speech cues that state (not those that ask).
pub(super) fn run(ctx: &Ctx, target: &Target) -> Option<Found> {
    match target {
        Target::Cue { v, s, class } if class.takes_clause() => reported_clause(ctx, *v, *class, s),
        _ => None,
    }
}

/// "X said he would …", "she told reporters it was …" — a clause with "that" left
/// out, which must open with a subject and hold a verb.
fn reported_clause(ctx: &Ctx, v: usize, class: Complement, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    if let Some(found) = as_reported_by(ctx, v, s) {
        return Some(found);
    }
    // The around-cue sieve reports the whole sentence the cue interrupts.
    if interrupts_after_adverbial(ctx, v, s) {
        return None;
    }
    let mut k = v + 1;
    // "warned they could …": a subject pronoun is the clause's, not a hearer.
    if class == Complement::Addressee && !(np.is_word(k) && is_subject_pronoun(&np.lw(k))) {
        k = skip_addressee(ctx, k, s.end)
            .filter(|&after| opens_clause(ctx, after, s.end) && !is_bare_plural(&np.lw(after)))
            .or_else(|| pronoun_after_hearer(ctx, v, s.end))
            .or_else(|| skip_addressee(ctx, k, s.end))?;
    }
    k = skip_adverbials(ctx, k, s.end);
    // "X said: prices fell" — a colon before an unquoted clause.
    if np.is_punct(k, ":") || np.is_punct(k, ",") && k == v + 1 {
        k += 1;
    }
    let say = matches!(np.lw(v).as_ref(), "say" | "says" | "said" | "saying");
    // "added trucks": a bare plural opens a clause only after "say".
    let plural_start = np.is_word(k) && !np.is_cap(k) && is_bare_plural(&np.lw(k));
    // "said with a calm that surprised …": after a phrase, "that" is a conjunction (the
    // reported-that sieve's) or opens a relative clause — never the subject.
    let relative = k > v + 1 && is_that(ctx, k);
    // "said if elected he would …": a condition opens what a say verb reports.
    if k == v + 1 && class == Complement::Clause && opens_condition(ctx, k, s.end) {
        let end = content_end(ctx, k, s)?;
        return statement(ctx, v, k, end, s, Sieve::ReportedClause);
    }
    // The cheap tests first: the inverted cue reads a noun phrase, a bare subject a clause.
    let clause = k < s.end
        && !relative
        && (!plural_start || say)
        && !is_inverted(ctx, v, s)
        && (opens_clause(ctx, k, s.end)
            || say && says_a_clause(ctx, k, s.end)
            || opens_bare_subject(ctx, v, k, s.end)
            || subject_then_auxiliary(ctx, k, s.end)
            || say && subject_then_present_verb(ctx, k, s.end));
    if !clause {
        return None;
    }
    let end = gloss_end(ctx, k, content_end(ctx, k, s)?);
    statement(ctx, v, k, end, s, Sieve::ReportedClause)
}

/// "…, said X, a …": an inverted cue at `v` names its subject; the clause is before it.
fn is_inverted(ctx: &Ctx, v: usize, s: &Range<usize>) -> bool {
    let np = &ctx.np;
    v > s.start
        && np.is_punct(v - 1, ",")
        && np.forward(v + 1, s.end).is_some_and(|m| {
            !matches!(m.kind, MentionKind::Pronoun(_)) && {
                let next = m.last_tok + 1;
                next >= trim_end(ctx, v, s.end) || np.is_punct(next, ",")
            }
        })
}

/// A bare subject at `k` ("climate change is …") only straight after the cue at `v`: after a
/// comma stands a participle or the rest of a sentence the cue interrupts.
fn opens_bare_subject(ctx: &Ctx, v: usize, k: usize, end: usize) -> bool {
    !(v + 1..k).any(|j| ctx.np.is_punct(j, ",")) && opens_bare_clause(ctx, k, end)
}

/// "As reported by the Gazette, the ferry will stop …", "As noted by Ida Brenn, fares …": a
/// passive cue opening the sentence, its agent after "by" up to a comma, and the clause after
/// the comma (with its own subject and verb) is the agent's.
fn as_reported_by(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Found> {
    let np = &ctx.np;
    let opens = v > s.start && np.lw(v - 1) == "as" && skip_openers(ctx, s.start, v - 1) == v - 1;
    if !opens || !np.lw(v).ends_with("ed") || np.lw(v + 1) != "by" {
        return None;
    }
    let reach = s.end.min(v + 2 + limits::HEARER_MAX_TOKENS);
    let comma = (v + 2..reach).find(|&k| np.is_punct(k, ","))?;
    let agent = np
        .forward(v + 2, comma)
        .filter(|m| m.last_tok + 1 == comma)?;
    let from = comma + 1;
    if !(opens_clause(ctx, from, s.end) || subject_then_auxiliary(ctx, from, s.end)) {
        return None;
    }
    let end = gloss_end(ctx, from, content_end(ctx, from, s)?);
    Some(
        Found::new(
            Sieve::ReportedClause,
            agent,
            Some(np.toks[v].start..np.toks[v].end),
        )
        .with_content(np.toks[from].start..np.toks[end - 1].end),
    )
}

/// "told the Post he had …", "told her audience they would …": a hearer the noun-phrase
/// reader does not end where the clause starts, then a subject pronoun — within a hearer's
/// length, with no verb or cue between.
fn pronoun_after_hearer(ctx: &Ctx, v: usize, end: usize) -> Option<usize> {
    let np = &ctx.np;
    let reach = end.min(v + 2 + limits::HEARER_MAX_TOKENS);
    let j = (v + 2..reach).find(|&j| {
        !np_word_or_mark(ctx, j)
            || np.is_punct(j, ",")
            || cue_like(ctx, j)
            || is_finite_verb_like(&np.lw(j))
            || opens_with_pronoun(&np.lw(j))
            // "told his advisers as he labored …": a clause of the writer's after the hearer.
            || is_clause_opener(np.lw(j).as_ref())
    })?;
    (opens_with_pronoun(&np.lw(j)) && opens_clause(ctx, j, end)).then_some(j)
}

/// A subject pronoun, or a possessive that opens the clause's subject after a hearer ("told
/// the Gazette his firm had …", "told her crews their jobs were safe").
fn opens_with_pronoun(w: &str) -> bool {
    is_subject_pronoun(w) || matches!(w, "his" | "their" | "its" | "our")
}

/// "if elected he would …", "unless the board acts, the pier will …": "if" or "unless" at token
/// `k`, and a clause of the statement's own further on (a subject pronoun or a comma before
/// a clause), so that the words are a conditional statement, not "said if anyone asked".
fn opens_condition(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    if !np.is_word(k) || !matches!(np.lw(k).as_ref(), "if" | "unless") {
        return false;
    }
    (k + 2..end.min(k + limits::CONDITION_REACH)).any(|j| {
        (np.is_punct(j - 1, ",") || np.is_word(j) && is_subject_pronoun(&np.lw(j)))
            && opens_clause(ctx, j, end)
    })
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_condition_opens_what_a_say_verb_reports() {
        let (content, speaker, _) =
            one("Tomas Holm said if elected mayor he would reopen the pier.");
        assert_eq!(content, "if elected mayor he would reopen the pier");
        assert_eq!(speaker.as_deref(), Some("Tomas Holm"));
        // Must not fire: no clause of its own after the condition, or a question.
        for t in [
            "Tomas Holm said if anyone asked.",
            "Tomas Holm asked if the pier was safe.",
        ] {
            let r = reported(t);
            assert!(r.iter().all(|r| r.2 != "reported-clause"), "{t}: {r:?}");
        }
    }

    #[test]
    fn clause_without_that_needs_a_subject_and_a_verb() {
        let (content, speaker, sieve) = one("Osric Vane said he would not run again.");
        assert_eq!(content, "he would not run again");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        assert_eq!(sieve, "reported-clause");
        // An object is no clause: "announced the plan" (the object sieve reports it).
        let object = reported("Osric Vane announced the plan to voters.");
        assert!(
            object.iter().all(|r| r.2 == "reported-object"),
            "{object:?}"
        );
        assert!(reported("Osric Vane said nothing about it.").is_empty());
    }

    #[test]
    fn a_concession_belongs_to_the_speaker_unless_it_is_about_them() {
        let (content, _, _) =
            one("Osric Vane said the new rules helped, although the fees are still too high.");
        assert_eq!(
            content,
            "the new rules helped, although the fees are still too high"
        );
        // Must not continue: a concession about the speaker, or one reporting more speech.
        for t in [
            "Osric Vane said the new rules helped, though he did not give numbers.",
            "Osric Vane said the new rules helped, although the mayor added that fees rose.",
        ] {
            let first = reported(t).into_iter().next().map(|r| r.0);
            assert_eq!(first.as_deref(), Some("the new rules helped"), "{t}");
        }
    }

    #[test]
    fn bare_subjects_quantities_and_gerunds_open_a_clause() {
        for (t, want) in [
            (
                "Mara Quill said rising rents were pushing families out.",
                "rising rents were pushing families out",
            ),
            (
                "Osric Vane says coastal erosion is getting worse.",
                "coastal erosion is getting worse",
            ),
            (
                "Mara Quill said half were still without power.",
                "half were still without power",
            ),
            (
                "Osric Vane said widening the road would not help.",
                "widening the road would not help",
            ),
            (
                "The ferry company says it fears further delays.",
                "it fears further delays",
            ),
            (
                "The growers have warned they could leave the valley.",
                "they could leave the valley",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].0, want, "{t}");
        }
    }

    #[test]
    fn an_approximate_quantity_or_the_same_noun_opens_a_clause() {
        for (t, content) in [
            (
                "Lena Marsh said about a third of the grain was lost to damp.",
                "about a third of the grain was lost to damp",
            ),
            (
                "Lena Marsh said around 40 crews had been sent north.",
                "around 40 crews had been sent north",
            ),
            (
                "Lena Marsh said the same warnings had been ignored in 2019.",
                "the same warnings had been ignored in 2019",
            ),
        ] {
            let (got, speaker, _) = one(t);
            assert_eq!(got, content, "{t}");
            assert_eq!(speaker.as_deref(), Some("Lena Marsh"), "{t}");
        }
        // Must not fire: "about" before a topic opens no clause (the topic sieve reads it).
        for r in reported("Lena Marsh talked about the plan at the meeting.") {
            assert_ne!(r.2, "reported-clause", "{r:?}");
        }
        // Must not fire: a quantity that is the verb's object before the next clause, and
        // "the same" as the object.
        for t in [
            "The port added around 300 jobs in May, and the ferry fleet grew.",
            "Lena Marsh said the same to reporters on Monday.",
            "Lena Marsh said the same thing about the pier.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_gerund_subject_with_its_phrases_then_an_auxiliary() {
        for (t, want) in [
            (
                "Mara Quill says going through the winter storms has taught the crews patience.",
                "going through the winter storms has taught the crews patience",
            ),
            (
                "The port office says widening the channel off the coast of Tollby will protect the pier.",
                "widening the channel off the coast of Tollby will protect the pier",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].0, want, "{t}");
        }
        // Must not fire: the subject's second verb after "and", a negation, a belief.
        for t in [
            "Osric Vane proposed banning night flights over the harbour and has since dropped the idea.",
            "Mara Quill did not say going through the storms has helped the crews.",
            "Osric Vane believes going through the storms has helped the crews.",
        ] {
            let r = reported(t);
            assert!(r.iter().all(|r| !r.0.contains("has")), "{t}: {r:?}");
        }
    }

    #[test]
    fn a_coordinated_or_modified_subject_then_an_auxiliary() {
        for (t, want) in [
            (
                "Tomas Holm said both the mayor and the harbour board would back the levy.",
                "both the mayor and the harbour board would back the levy",
            ),
            (
                "Ida Brenn says silting over the past winter has closed two berths.",
                "silting over the past winter has closed two berths",
            ),
            (
                "Osric Vane said complaints from Kessel, Tollby and Marn were growing.",
                "complaints from Kessel, Tollby and Marn were growing",
            ),
            (
                "Mara Quill has said three of her crew and her brother will sail in May.",
                "three of her crew and her brother will sail in May",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].0, want, "{t}");
        }
        // Must not fire: an object and a second predicate, a new clause after a comma or
        // "but", a relative clause, a negation, a belief, a hypothetical, a question.
        for t in [
            "Osric Vane said a prayer and was gone.",
            "Osric Vane said goodbye to his wife and the children were crying.",
            "Osric Vane said a few words, and the crowd was silent.",
            "Mara Quill claimed the trophy but the crews were not impressed.",
            "Tomas Holm did not say both the mayor and the board would back the levy.",
            "Tomas Holm believes both the mayor and the board would back the levy.",
            "If Tomas Holm said both the mayor and the board would back it, nobody heard.",
            "Did Tomas Holm say both the mayor and the board would back the levy?",
        ] {
            let r = reported(t);
            assert!(r.iter().all(|r| r.2 != "reported-clause"), "{t}: {r:?}");
        }
    }

    #[test]
    fn after_say_a_singular_subject_and_a_present_verb_in_s() {
        for (t, want) in [
            (
                "Ida Brenn says the harbour office plans to close the pier.",
                "the harbour office plans to close the pier",
            ),
            (
                "Osric Vane said each ferry yields a small profit.",
                "each ferry yields a small profit",
            ),
            (
                "Tomas Holm says Kessel needs a new pier.",
                "Kessel needs a new pier",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].0, want, "{t}");
        }
        // Must not fire: the object of "say", a plural or possessive before the "-s" word,
        // another verb, a negation, a hypothetical, a question, a belief.
        for t in [
            "Osric Vane said magic words and left.",
            "Mara Quill said evening prayers with the crews.",
            "Osric Vane said a few words to the crews.",
            "Osric Vane announced the island nations in the league.",
            "Mara Quill did not say the harbour office plans to close the pier.",
            "If Osric Vane says Kessel needs a pier, nobody listens.",
            "Does Tomas Holm say Kessel needs a new pier?",
            "Osric Vane thinks Kessel needs a new pier.",
        ] {
            let r = reported(t);
            assert!(r.iter().all(|r| r.2 != "reported-clause"), "{t}: {r:?}");
        }
    }

    #[test]
    fn a_possessive_subject_after_a_hearer_and_cannot() {
        for (t, want) in [
            (
                "Osric Vane told the Gazette his firm had never met the buyers.",
                "his firm had never met the buyers",
            ),
            (
                "Mara Quill told her crews their jobs were safe.",
                "their jobs were safe",
            ),
            (
                "Osric Vane says the island cannot hope to repay its debt.",
                "the island cannot hope to repay its debt",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].0, want, "{t}");
        }
        // Must not fire: a hearer with no clause, a negated or hypothetical cue.
        for t in [
            "Osric Vane told his staff about the plan.",
            "Osric Vane did not tell the Gazette his firm had met the buyers.",
            "If Mara Quill told her crews their jobs were safe, they did not hear it.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_writers_clause_after_a_hearer_or_a_semicolon_is_no_content() {
        for t in [
            "The pier is safe, Osric Vane told his advisers as he walked to the ferry.",
            "Mara Quill argued on the radio last night; instead, the crews were tired.",
        ] {
            let r = reported(t);
            assert!(
                r.iter()
                    .all(|r| !r.0.starts_with("he walked") && !r.0.starts_with("the crews")),
                "{t}: {r:?}"
            );
        }
        // Must still fire: a subject pronoun straight after the hearer.
        let (content, _, _) = one("Osric Vane told his advisers he would walk to the ferry.");
        assert_eq!(content, "he would walk to the ferry");
    }

    #[test]
    fn as_reported_by_an_agent_before_the_clause() {
        for (t, who) in [
            (
                "As reported by Kessel Radio, the ferry will stop in May.",
                "Kessel Radio",
            ),
            (
                "As noted by Ida Brenn, the ferry will stop in May.",
                "Ida Brenn",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].0, "the ferry will stop in May", "{t}");
            assert_eq!(r[0].1.as_deref(), Some(who), "{t}");
        }
        // Must not fire: no clause after the comma, no agent, a question.
        for t in [
            "As reported by Kessel Radio, stopping in May.",
            "As reported, the ferry will stop in May.",
            "As reported by Kessel Radio, will the ferry stop in May?",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_participle_after_a_dash_is_the_subjects() {
        for t in [
            "Mara Quill closed the pier on Friday – saying the storms had won.",
            "Mara Quill closed the pier on Friday — saying the storms had won.",
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].0, "the storms had won", "{t}");
            assert_eq!(r[0].1.as_deref(), Some("Mara Quill"), "{t}");
        }
        // Must not fire: a participle that is no cue, a negated participle.
        for t in [
            "Mara Quill closed the pier on Friday – hoping the storms had passed.",
            "Mara Quill closed the pier on Friday – not saying the storms had won.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_span_of_time_before_the_clause() {
        let (content, speaker, _) = one("Osric Vane has said for weeks he would not run again.");
        assert_eq!(content, "he would not run again");
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
        // Must not fire: no speech verb, a negation.
        for t in [
            "Mara Quill waited for weeks for an answer from the harbour board.",
            "Osric Vane has not said for weeks he would run again.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn hearers_and_unparsed_subjects() {
        for (t, want, who) in [
            (
                "Osric Vane told the Gazette he had never met the buyers.",
                "he had never met the buyers",
                "Osric Vane",
            ),
            (
                "Mara Quill waved and told her neighbours they would not be moved.",
                "they would not be moved",
                "Mara Quill",
            ),
            (
                "Nearly half said they would skip the ferry.",
                "they would skip the ferry",
                "Nearly half",
            ),
            (
                "Some anglers at the pier in Tollby said the catch had collapsed.",
                "the catch had collapsed",
                "Some anglers at the pier in Tollby",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].0, want, "{t}");
            assert_eq!(r[0].1.as_deref(), Some(who), "{t}");
        }
        for t in [
            "If some anglers at the pier said the catch had collapsed, nobody wrote it down.",
            "Some anglers at the pier never said the catch had collapsed.",
            "Some anglers at the pier think the catch has collapsed.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_quoted_aside_after_the_subject_keeps_the_subject() {
        for (t, who) in [
            (
                "Osric Vane, who calls the levy a “swindle,” said the harbour would lose money.",
                "Osric Vane",
            ),
            (
                "Mara Quill, citing “the worst tides in memory,” said the pier would close.",
                "Mara Quill",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].1.as_deref(), Some(who), "{t}");
        }
        // Must not fire: a quotation that is the content names its speaker after the cue.
        let r = reported("Mara Quill left. “The pier is unsafe,” said Osric Vane, the pilot.");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn content_ends_before_the_main_clause_or_a_comparison() {
        let (content, _, _) =
            one("While Osric Vane said the ferry would run, the crews stayed home on Friday.");
        assert_eq!(content, "the ferry would run");
        let (content, _, _) =
            one("Mara Quill said fares had doubled, compared with a third in Tollby.");
        assert_eq!(content, "fares had doubled");
        let (content, _, _) =
            one("Osric Vane said the pier was unsafe, as the storms had grown worse.");
        assert_eq!(content, "the pier was unsafe");
    }

    #[test]
    fn bare_subjects_must_not_fire_on_objects_beliefs_or_negations() {
        for t in [
            "Osric Vane announced new fares for the winter.",
            "Mara Quill said, standing by the harbour, she had waited long enough.",
            "Osric Vane believes rising rents are pushing families out.",
            "Mara Quill did not say rising rents were pushing families out.",
            "If Osric Vane said coastal erosion is getting worse, nobody listened.",
            "Did Mara Quill say half were without power?",
            "Osric Vane vowed to widen the road.",
        ] {
            let r = reported(t);
            assert!(
                r.iter().all(|(c, _, sieve)| {
                    let bare = ["rising", "coastal", "half"]
                        .iter()
                        .any(|w| c.starts_with(w));
                    let object_as_clause =
                        c.starts_with("new fares") && *sieve == "reported-clause";
                    !(bare || object_as_clause)
                }),
                "{t}: {r:?}"
            );
        }
        // An object with no determiner is the object sieve's, never a clause.
        let r = reported("Osric Vane announced new fares for the winter.");
        assert!(r.iter().all(|r| r.2 == "reported-object"), "{r:?}");
        assert!(reported("Osric Vane believes rising rents are pushing families out.").is_empty());
    }
}
