//! A subject with modifiers after its head: "A person familiar with the talks says", "Figures
//! released on Monday suggest", "Some growers who have sold there for years said". The noun
//! phrase reader reads back from the verb and would take the modifier's last noun ("the talks")
//! for the speaker; this reads the phrase that opens the clause forward instead.

use super::super::limits;
use super::super::np::{self, Mention, MentionKind, is_determiner_word};
use super::super::tokens::Kind;
use super::Ctx;
use super::common::{is_nominative, sentence_subject, subject_start};
use super::speech::{
    is_finite_verb_like, is_preposition, is_present_verb_form, is_time_word, skip_openers,
    speech_verb,
};

/// A subject whose head noun phrase opens the clause and whose modifiers run up to the verb
/// at `v`: "A person familiar with the talks says", "Figures released on Monday suggest",
/// "Some growers who have sold there for years said", "Many farmers at the market — growers,
/// bakers — said". The noun phrase reader reads back from the verb and would take the last
/// noun of the modifier ("the talks") for the speaker. Only where the words between the opening
/// phrase and the verb are such a modifier: a prepositional or participle phrase, a relative
/// clause, or an aside between dashes; an aside between commas alone is left to
/// [`subject_before`], which reads a name in it ("Its adviser, Ada Brenn, said").
pub(super) fn postmodified_subject(ctx: &Ctx, v: usize, lo: usize) -> Option<Mention> {
    let v = before_time_phrase(ctx, v, lo);
    let start = clause_start(ctx, lo, v);
    let gap = opening_phrase_end(ctx, start, v)?;
    phrase_with_modifiers(ctx, start, gap, v)
}

/// The subject of the sentence's main clause, read forward to its first finite verb before
/// token `v` ("Both parents stiffened their criticism …, saying that …", "The departments
/// declined …, saying …"): for a participle after a comma, whose speaker is that subject, where
/// the noun-phrase reader knows no head noun of the kind ("parents", "departments").
pub(super) fn opening_subject(ctx: &Ctx, lo: usize, v: usize) -> Option<Mention> {
    let np = &ctx.np;
    let start = clause_start(ctx, lo, v);
    let verb = (start + 1..v)
        .find(|&k| np.is_word(k) && !np.is_cap(k) && is_finite_verb_like(&np.lw(k)))?;
    let gap = opening_phrase_end(ctx, start, verb)?;
    if gap == verb {
        // A head that can speak: a role, a source or an organisation word, in the singular or
        // the plural ("the departments", "both parents"), not any noun ("the fracas").
        let w = np.lw(gap - 1);
        let singular = w.strip_suffix('s').unwrap_or(&w);
        let can_speak = np.lx.is_plural_role(&w)
            || np.lx.names_a_speaker(&w)
            || np.lx.names_a_speaker(singular);
        if !can_speak || !is_determiner_word(&np.lw(start)) {
            return None;
        }
        return Some(np.description(start, gap - 1, gap - 1));
    }
    phrase_with_modifiers(ctx, start, gap, verb)
}

/// The subject of a cue clause that runs from token `start` to its verb at `v` ("…, filings
/// released on Tuesday revealed", "…, the news site Harbour Today reported"): a phrase with
/// modifiers, or a description written before a name.
pub(super) fn phrase_before_verb(ctx: &Ctx, start: usize, v: usize) -> Option<Mention> {
    let v = before_time_phrase(ctx, v, start);
    let gap = opening_phrase_end(ctx, start, v)?;
    if gap == v {
        return described_name(ctx, start, v);
    }
    phrase_with_modifiers(ctx, start, gap, v)
}

/// The phrase that opens at `start`, whose head ends at `gap`, with the modifiers that run from
/// there to the verb at `v`.
fn phrase_with_modifiers(ctx: &Ctx, start: usize, gap: usize, v: usize) -> Option<Mention> {
    let np = &ctx.np;
    if gap >= v || v - gap > limits::POSTMODIFIER_REACH {
        return None;
    }
    let modifier_end = postmodifier_end(ctx, gap, v)?;
    // A name reads as the name; a description keeps its prepositional or participle phrase
    // ("a person familiar with the talks"), not an aside or a relative clause.
    if let Some(m) = np.forward(start, gap).filter(|m| m.last_tok + 1 == gap)
        && m.kind != MentionKind::Nominal
    {
        return is_nominative(np, &m).then_some(m);
    }
    if np.is_word(start) && np.lx.pronoun(&np.lw(start)).is_some() {
        return None;
    }
    let end = modifier_end.max(gap) - 1;
    Some(np.description(start, end, gap - 1))
}

/// "the local news site Harbour Today", "health ministry spokeswoman Ida Brenn": a name at the
/// end of the phrase from `start` to `v`, after words that describe it; the name speaks, the
/// words before it are its descriptor.
fn described_name(ctx: &Ctx, start: usize, v: usize) -> Option<Mention> {
    let np = &ctx.np;
    let mut m = np
        .backward(v - 1, start)
        .filter(|m| m.kind == MentionKind::Name && m.last_tok + 1 == v && m.first_tok > start)?;
    // The word before the name says what it is: a role ("spokeswoman"), a kind of source
    // ("newspaper", "site") or an organisation ("ministry").
    let before = np.lw(m.first_tok - 1);
    let describes = np.lx.names_a_speaker(&before)
        && (start..m.first_tok).all(|k| {
            np.is_word(k) && !is_finite_verb_like(&np.lw(k)) && ctx.speech_verb_at(k).is_none()
        });
    if !describes || !is_nominative(np, &m) {
        return None;
    }
    let descriptor = np.text[np.toks[start].start..np.toks[m.first_tok - 1].end].to_string();
    m.descriptor.get_or_insert(descriptor);
    m.span.start = np.toks[start].start;
    m.first_tok = start;
    Some(m)
}

/// Prepositions that open a phrase modifying a noun ("a person familiar with …", "voters in
/// five states", "a report by the council"); the words that open a clause of time or cause
/// ("after", "since", "before", "as") are not among them.
const NOUN_MODIFYING_PREPOSITIONS: &[&str] = &[
    "in",
    "at",
    "on",
    "from",
    "for",
    "with",
    "about",
    "among",
    "across",
    "around",
    "within",
    "inside",
    "outside",
    "near",
    "behind",
    "between",
    "under",
    "over",
    "against",
    "including",
    "throughout",
    "by",
];

/// "A report published Wednesday", "people briefed on the talks", "voters going to the polls":
/// a participle right after a common noun (after a name, an "-ed" word is its verb: "Brenn
/// responded with a lawsuit").
fn participle_after_noun(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    let w = np.lw(k);
    let participle = w.ends_with("ed") && w.len() >= limits::MIN_VERB_FORM_BYTES
        || w.ends_with("ing") && w.len() > 4;
    participle && k > 0 && np.is_word(k - 1) && !np.is_cap(k - 1)
}

/// Whether the word at token `k`, right after a participle, opens a bare noun phrase object:
/// then the participle is a verb with its object ("a bill faced dismal prospects …"), not a
/// modifier of the noun before it, which goes on with a preposition, an adverb or a time
/// ("a memo circulated among staff", "figures released Monday", "voters going to the polls",
/// "lawsuits being considered in …").
fn takes_bare_object(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    np.is_word(k) && !np.is_cap(k) && {
        let w = np.lw(k);
        !is_preposition(&w)
            && !NOUN_MODIFYING_PREPOSITIONS.contains(&w.as_ref())
            && !np.lx.is_adverb(&w)
            && !is_time_word(&w)
            && !matches!(
                w.as_ref(),
                "by" | "to" | "up" | "out" | "down" | "off" | "being"
            )
            && !w.ends_with("ed")
    }
}

/// Token `v`, or where a time phrase or adverbs right before it start ("last week said",
/// "on Friday declared", "now says", "this past week announced").
pub(super) fn before_time_phrase(ctx: &Ctx, mut v: usize, lo: usize) -> usize {
    let np = &ctx.np;
    let time = |k: usize| np.is_word(k) && is_time_word(&np.lw(k));
    loop {
        let p = v - 1;
        if v <= lo + 1 || !np.is_word(p) {
            return v;
        }
        let w = np.lw(p);
        if !np.is_cap(p) && (is_time_word(&w) || np.lx.is_adverb(&w))
            || time(v)
                && matches!(
                    w.as_ref(),
                    "last" | "this" | "next" | "past" | "on" | "early" | "late"
                )
            || w == "this" && np.lw(v) == "past"
            || time(p) && p > lo + 1 && np.lw(p - 1) == "on"
        {
            v = p;
        } else {
            return v;
        }
    }
}

/// Where the clause that holds token `v` starts: after a dateline and introductory phrases
/// ("In the last few days, …"), as [`sentence_subject`] reads them.
fn clause_start(ctx: &Ctx, lo: usize, v: usize) -> usize {
    let np = &ctx.np;
    // Where the phrase reader finds no subject ("the utility that supplies the city"), a noun
    // phrase that opens with a determiner after the dateline and the introductory phrases
    // still starts the clause.
    let after_openers = || {
        subject_start(ctx, lo, v)
            .filter(|&k| np.is_word(k) && is_determiner_word(&np.lw(k)))
            .unwrap_or_else(|| skip_openers(ctx, lo, v))
    };
    sentence_subject(ctx, lo, v).map_or_else(after_openers, |m| {
        np.toks.partition_point(|t| t.start < m.span.start)
    })
}

/// The end (exclusive) of the noun phrase that opens at `start`: an optional determiner or
/// number, then words up to the first that opens a modifier (a preposition other than "of", a
/// participle, a relative pronoun, punctuation). `None` when no such phrase opens there.
fn opening_phrase_end(ctx: &Ctx, start: usize, v: usize) -> Option<usize> {
    let np = &ctx.np;
    let opener = np.lw(start);
    if np.lx.pronoun(&opener).is_some() || is_finite_verb_like(&opener) {
        return None;
    }
    let mut k = start;
    while k < v && (np.is_word(k) || np.is_number(k)) {
        let w = np.lw(k);
        let ends = k > start
            && (is_preposition(w.as_ref()) && w != "of"
                || matches!(w.as_ref(), "who" | "whose" | "which" | "that")
                || !np.is_cap(k) && participle_after_noun(ctx, k));
        if ends {
            break;
        }
        // "A report published …": a speech word after a determiner is a noun.
        let noun_after_determiner = k == start + 1 && is_determiner_word(&np.lw(start));
        if k > start
            && (is_finite_verb_like(&w)
                || speech_verb(&w).is_some() && !noun_after_determiner
                || matches!(w.as_ref(), "and" | "or" | "but"))
        {
            return None;
        }
        k += 1;
    }
    let last = k.checked_sub(1).filter(|&l| l >= start && np.is_word(l))?;
    let head = np.lw(last);
    (k - start <= limits::PHRASE_SUBJECT_WORDS
        && !np::is_function_word(&head)
        && !is_determiner_word(&head))
    .then_some(k)
}

/// Where the modifier that starts at token `gap` and runs to the verb at `v` ends its first
/// part, the phrase that belongs to the head's description (before an aside or a relative
/// clause): `None` when the words are not such a modifier.
fn postmodifier_end(ctx: &Ctx, gap: usize, v: usize) -> Option<usize> {
    let np = &ctx.np;
    let first = np.lw(gap);
    let dash = |k: usize| ["—", "–", "--", "-"].iter().any(|d| np.is_punct(k, d));
    let opens_relative =
        relative_at(ctx, gap, v) || np.is_punct(gap, ",") && relative_at(ctx, gap + 1, v);
    let opens_phrase = !opens_relative
        && np.is_word(gap)
        && !np.is_cap(gap)
        && (NOUN_MODIFYING_PREPOSITIONS.contains(&first.as_ref())
            || participle_after_noun(ctx, gap) && !takes_bare_object(ctx, gap + 1)
            || np.is_word(gap + 1)
                && matches!(np.lw(gap + 1).as_ref(), "with" | "to")
                && !is_finite_verb_like(&first));
    if !(opens_phrase || opens_relative || dash(gap)) {
        return None;
    }
    // The phrase runs to the first aside (dash, comma, parenthesis) or relative pronoun.
    let mut k = gap;
    if opens_phrase {
        k += 1;
        while k < v
            && np.is_word(k)
            && !matches!(np.lw(k).as_ref(), "who" | "whose" | "which" | "that")
            || k < v && np.is_number(k)
            || k < v && np.is_punct(k, "'")
        {
            let w = np.lw(k);
            if is_finite_verb_like(&w) && !w.ends_with("ed")
                || speech_verb(&w).is_some()
                || matches!(w.as_ref(), "and" | "but" | "or")
            {
                return None;
            }
            k += 1;
        }
    }
    let phrase_end = k;
    if k == v {
        return Some(phrase_end);
    }
    // What follows the phrase: a relative clause that runs to the verb, or one aside that
    // closes right before it.
    if relative_at(ctx, k, v) {
        let joins = |j: usize| np.is_word(j) && matches!(np.lw(j).as_ref(), "and" | "but");
        // A clause with "that" or "which" restricts its noun without commas or a second verb
        // joined by "or" ("a company that turns down customers or asks them to …").
        let restrictive = !matches!(np.lw(k).as_ref(), "who" | "whose");
        let ends_restrictive = |j: usize| np.is_punct(j, ",") || np.is_word(j) && np.lw(j) == "or";
        let clean = (k + 1..v)
            .all(|j| !(breaks_modifier(ctx, j) || joins(j) || restrictive && ends_restrictive(j)));
        return clean.then_some(phrase_end);
    }
    // "--" is two tokens.
    while k + 1 < v && dash(k) && dash(k + 1) {
        k += 1;
    }
    let mut closer = v - 1;
    while closer > k + 1 && dash(closer) && dash(closer - 1) {
        closer -= 1;
    }
    // An aside between commas right after the head is left to `subject_before`, but for a
    // relative clause (", who …,").
    let relative = relative_at(ctx, k + 1, v);
    let pair = dash(k) && dash(closer)
        || np.is_punct(k, ",") && np.is_punct(closer, ",") && (k > gap || relative)
        || np.is_punct(k, "(") && np.is_punct(closer, ")");
    let inner_clean = (k + 1..closer).all(|j| !breaks_modifier(ctx, j));
    (pair && closer > k + 1 && inner_clean).then_some(phrase_end)
}

/// Whether a relative clause opens at token `k`, before the verb at `v`: "who", "whose", or
/// "that"/"which" right before a verb of its own with words after it ("the utility that
/// supplies the city said", "the group which represents growers said"; the head noun is the
/// subject of both clauses). Not a "that" before a noun phrase, which may open a clause the
/// noun stands for ("the fact that the mayor said …", whose own subject speaks), nor one whose
/// verb is the cue's own ("a group that has pledged …", "a rule that requires them to …").
fn relative_at(ctx: &Ctx, k: usize, v: usize) -> bool {
    let np = &ctx.np;
    if !np.is_word(k) {
        return false;
    }
    match np.lw(k).as_ref() {
        "who" | "whose" => true,
        "that" | "which" => {
            let verb_at = |j: usize| {
                np.is_word(j) && {
                    let w = np.lw(j);
                    is_finite_verb_like(&w) || is_present_verb_form(&w)
                }
            };
            // "that owns the mill", "which has run the port"; not "that taxes rose", where the
            // "-s" word is the noun before a verb.
            let own_verb = np.is_word(k + 1)
                && (is_finite_verb_like(&np.lw(k + 1)) || verb_at(k + 1) && !verb_at(k + 2));
            // Something the relative verb governs before the cue: not only adverbs and
            // auxiliaries of the cue's own verb phrase.
            let governs = (k + 2..v).any(|j| {
                !np.is_word(j) || !(np.lx.is_adverb(&np.lw(j)) || is_finite_verb_like(&np.lw(j)))
            });
            own_verb && governs
        }
        _ => false,
    }
}

/// A token no modifier of a subject holds: a quotation, a semicolon or colon, a dash or an
/// opening parenthesis (a second aside), a speech verb (a cue of its own).
fn breaks_modifier(ctx: &Ctx, j: usize) -> bool {
    let np = &ctx.np;
    np.toks[j].kind == Kind::Quote
        || [";", ":", "(", "—", "–", "--", "-"]
            .iter()
            .any(|p| np.is_punct(j, p))
        || np.is_word(j) && ctx.speech_verb_at(j).is_some()
}

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_description_keeps_its_phrase_not_the_last_noun() {
        for (t, speaker) in [
            (
                "A person familiar with the harbour talks says the deal will be signed on Friday.",
                "A person familiar with the harbour talks",
            ),
            (
                "A memo circulated among council staff said the pool would stay closed.",
                "A memo circulated among council staff",
            ),
            (
                "Most stallholders at the Aldby market said the new fees were unfair.",
                "Most stallholders at the Aldby market",
            ),
        ] {
            let (_, got, _) = one(t);
            assert_eq!(got.as_deref(), Some(speaker), "{t}");
        }
    }

    #[test]
    fn a_relative_clause_or_an_aside_between_dashes_is_stepped_over() {
        let (content, speaker, _) = one(
            "The ferry pilots who have worked the strait for decades said the buoys were misplaced.",
        );
        assert_eq!(content, "the buoys were misplaced");
        assert_eq!(speaker.as_deref(), Some("The ferry pilots"));
        let (_, speaker, _) = one(
            "The three surveyors -- Ms. Varga, Mr. Holm and Ms. Okafor -- agreed the dune was moving.",
        );
        assert_eq!(speaker.as_deref(), Some("The three surveyors"));
    }

    #[test]
    fn a_relative_clause_with_that_or_which_before_its_verb_is_stepped_over() {
        for (t, speaker) in [
            (
                "The co-operative that runs Dunmore's grain silos said on Monday that prices would rise.",
                "The co-operative",
            ),
            (
                "The trust which manages the moorland said the paths would stay shut.",
                "The trust",
            ),
            (
                "The board, which oversees the tram network, said fares would not change.",
                "The board",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].1.as_deref(), Some(speaker), "{t}");
        }
        // Must not fire: a participle with a bare object is a verb, not a modifier that runs
        // on to the cue ("… faced long odds after the mayor").
        for r in reported("A harbour bill faced long odds after the mayor said she would veto it.")
        {
            assert!(!r.1.as_deref().unwrap_or("").contains("after"), "{r:?}");
        }
        // Must not fire: a "that" before a noun phrase opens a clause whose subject speaks.
        for r in reported("The rumour that Ada Brenn said the vote was void spread fast.") {
            assert_ne!(r.1.as_deref(), Some("The rumour"), "{r:?}");
        }
    }

    #[test]
    fn a_closing_cue_clause_with_a_modified_or_described_subject() {
        for (t, speaker) in [
            (
                "The lighthouse keeper left in 1987, the town's archivist, Mirela Dosti, recalled.",
                "Mirela Dosti",
            ),
            (
                "The tram line will open a year late, the transit newspaper Rail Courier reported.",
                "Rail Courier",
            ),
            (
                "The hatchery lost half its trout, papers lodged in court on Monday revealed.",
                "papers lodged in court",
            ),
        ] {
            let r = reported(t);
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            assert_eq!(r[0].1.as_deref(), Some(speaker), "{t}");
        }
        // Must not fire: a clause joined by a conjunction or a participle is no cue clause.
        for t in [
            "The mayor won every ward, while Ada Brenn states her case again.",
            "Turnout rose in the north, winning the party every seat in the state.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_participle_speaks_for_a_main_subject_the_phrase_reader_does_not_know() {
        let (content, speaker, _) = one(
            "The councils refused to share any figures, saying they may not release the survey.",
        );
        assert_eq!(content, "they may not release the survey");
        assert_eq!(speaker.as_deref(), Some("The councils"));
        // Must not fire: a subject that cannot speak.
        let r = reported("The quarrel erupted two months later, calling the truce into doubt.");
        assert!(
            r.iter().all(|r| r.1.as_deref() != Some("The quarrel")),
            "{r:?}"
        );
    }

    #[test]
    fn must_not_fire_on_clauses_of_time_or_a_name_and_its_verb() {
        // "after" opens a clause of time, not a modifier of "two weeks".
        for r in reported("Two weeks after the storm the harbour master said the pier was safe.") {
            assert_ne!(r.1.as_deref(), Some("Two weeks"), "{r:?}");
        }
        // After a name an "-ed" word is its verb: the subject is no "Brenn responded …".
        for r in reported("Ada Brenn replied with a letter and Tomas Holm said the vote was void.")
        {
            assert!(!r.1.as_deref().unwrap_or("").contains("replied"), "{r:?}");
        }
        // An appositive between commas still names the person in it.
        let (_, speaker, _) = one("Its adviser, Ilse Marrow, said the plan was too costly.");
        assert_eq!(speaker.as_deref(), Some("Ilse Marrow"));
    }
}
