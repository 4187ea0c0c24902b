//! What the reported-speech sieves share: speech verbs and how they take their content, the
//! clause a statement spans, and the source a cue names.
//!
//! Like the quotation sieves, each reported sieve looks at one cue (a speech verb, or "according
//! to") in one sentence and either finds a statement — its content, its cue and the phrase that
//! names its source — or passes. The source phrase is read and resolved with the same machinery
//! as a quotation's speaker. Words inside quotation marks are never content here: a sentence
//! that mixes both keeps its quotation as the one statement.

use super::super::lexicon::{self, word_set};
use super::super::limits;
use super::super::np::{Mention, MentionKind, is_determiner_word, is_function_word};
use super::super::tokens::Kind;
use super::common::{cue_clause, is_nominative, sentence_subject, skip_dateline, subject_before};
use super::postmodified::{
    before_time_phrase, opening_subject, phrase_before_verb, postmodified_subject,
};
use super::{Ctx, Found, Sieve};
use std::ops::Range;

/// How a speech verb takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complement {
    /// The clause follows the verb: "said (that) …".
    Clause,
    /// A hearer may stand between verb and clause: "told reporters (that) …".
    Addressee,
    /// A hearer and what they are to do, or a question: "urged voters to …", "asked whether …".
    Request,
    /// A judgement whose object is what was said: "criticized the plan as rushed".
    Object,
    /// A noun of speech with its owner: "his claim that …", "X's promise to …".
    Noun,
    /// A verb of speech with its particle: "pointed out that …".
    Phrasal,
    /// A verb whose matter is what was said: "talked about …", "discussed …".
    Topic,
}

impl Complement {
    /// Verbs that report a clause ("said (that) …", "told reporters …").
    pub fn takes_clause(self) -> bool {
        matches!(self, Complement::Clause | Complement::Addressee)
    }
}

/// The class of a speech verb form (`lexicon/speech_verbs.txt`), asked of every word: the
/// lexicon's filtered map turns most words away before hashing.
pub fn speech_verb(w: &str) -> Option<Complement> {
    match super::super::lexicon::Lexicon::get().speech_verb_class(w)? {
        "clause" => Some(Complement::Clause),
        "addressee" => Some(Complement::Addressee),
        "request" => Some(Complement::Request),
        "object" => Some(Complement::Object),
        _ => None,
    }
}

/// A question reports nothing: "Did she say that prices fell?"
pub fn is_question(ctx: &Ctx, s: &Range<usize>) -> bool {
    ctx.np.is_punct(s.end - 1, "?")
}

/// The end of an action asked for or promised: before a comma or an "and" that starts the
/// subject's next verb ("vowed to repeal the law and celebrated the ruling").
pub(super) fn action_end(ctx: &Ctx, from: usize, end: usize) -> usize {
    let np = &ctx.np;
    (from + 2..end)
        .find(|&k| {
            np.is_punct(k, ",")
                || np.lw(k) == "while"
                || np.lw(k) == "and" && {
                    let w = np.lw(k + 1);
                    w.len() >= limits::MIN_VERB_FORM_BYTES
                        && (w.ends_with("ed") || w.ends_with("es"))
                }
        })
        .unwrap_or(end)
}

/// Words that open an adjunct of the saying, not of what was said: "denied the figures through
/// her agent", "criticized the mayor during a rally", "announced the deal after months of
/// talks".
const SAYING_ADJUNCTS: &[&str] = &["during", "through", "after", "following", "despite"];

/// The end of a noun-phrase content that starts at token `from` and runs to `end` at most:
/// before the subject's next predicate ("denied the figures and left the room", "praised
/// the plan but refused to back it") — a noun phrase holds no verb of its own, so a finite verb
/// after "and"/"but" is the sentence's (unless a relative clause has opened: "pilots who
/// could have left but stayed") — or before an adjunct of the saying.
pub(super) fn object_end(ctx: &Ctx, from: usize, end: usize) -> usize {
    let np = &ctx.np;
    let relative = (from..end)
        .find(|&k| matches!(np.lw(k).as_ref(), "who" | "which" | "that"))
        .unwrap_or(end);
    (from + 1..end)
        .find(|&k| {
            np.is_word(k)
                && (SAYING_ADJUNCTS.contains(&np.lw(k).as_ref())
                    || k < relative && next_predicate(ctx, k, end))
        })
        .map_or(end, |k| trim_end(ctx, from, k))
}

/// Whether token `k` is an "and"/"but" followed (past adverbs: "but also used") by a finite
/// verb in lower case: the start of a second predicate.
fn next_predicate(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    if !matches!(np.lw(k).as_ref(), "and" | "but") {
        return false;
    }
    // The adverb lexicon also holds "has", "is": an auxiliary is the verb, not an adverb.
    let mut j = k + 1;
    while j < end && np.is_word(j) && np.lx.is_adverb(&np.lw(j)) && !is_finite_verb_like(&np.lw(j))
    {
        j += 1;
    }
    j < end && np.is_word(j) && !np.is_cap(j) && is_finite_verb_like(&np.lw(j))
}

/// The end of a content that starts at token `from` and runs to `end` at most, before a gloss
/// the writer adds to its last noun after a comma — a relative clause (", which was passed in
/// 2010") or an appositive (", a plan the board has since dropped") — which is not what was
/// said. Only after a whole clause, and only where the gloss runs to the end with no comma: one
/// closed by a comma ("the governor, who must decide, has said nothing") is inside the content.
pub(super) fn gloss_end(ctx: &Ctx, from: usize, end: usize) -> usize {
    let np = &ctx.np;
    let gloss = (from..end).find(|&k| {
        np.is_punct(k, ",")
            && (matches!(np.lw(k + 1).as_ref(), "which" | "who" | "whose")
                || appositive_after(ctx, from, k) && !continues_a_list(ctx, k + 1, end))
    });
    match gloss {
        Some(comma)
            if !(comma + 1..end).any(|k| np.is_punct(k, ","))
                && word_count(ctx, from, comma) >= limits::RELATIVE_TAIL_MIN_WORDS =>
        {
            trim_end(ctx, from, comma)
        }
        _ => end,
    }
}

/// Whether the noun phrase from token `k` is an item of a list ("two cranes, a tug and three
/// barges"): an "and"/"or" follows before any finite verb.
fn continues_a_list(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    (k..end)
        .find(|&j| np.is_word(j) && matches!(np.lw(j).as_ref(), "and" | "or"))
        .is_some_and(|j| !holds_finite_verb(ctx, k, j))
}

/// Whether an indefinite noun phrase after the comma at `comma` (", a plan …", ", a
/// costly step …", ", one that …") is an appositive to the clause before it: the stretch
/// since the previous comma is a main clause (it holds a verb and opens with no adverbial
/// word). After a fronted clause ("while the ferry was late, a crowd gathered") the noun
/// phrase is the subject of the main clause.
fn appositive_after(ctx: &Ctx, from: usize, comma: usize) -> bool {
    let np = &ctx.np;
    if !matches!(np.lw(comma + 1).as_ref(), "a" | "an" | "one") {
        return false;
    }
    let seg = (from..comma)
        .rev()
        .find(|&k| np.is_punct(k, ","))
        .map_or(from, |k| k + 1);
    let first = if is_that(ctx, seg) { seg + 1 } else { seg };
    let opener = np.lw(first);
    holds_finite_verb(ctx, first, comma) && opener != "not" && !opens_adverbial(&opener)
}

/// Whether the cue at `v` is set off by commas after a fronted adverbial: "If the levy
/// passes, Ada Brill said, owners will pay more", "After the vote, he said, the board …".
/// The cue interrupts the clause it reports, and the adverbial belongs to what was said.
pub(super) fn interrupts_after_adverbial(ctx: &Ctx, v: usize, s: &Range<usize>) -> bool {
    let np = &ctx.np;
    if !np.is_punct(v + 1, ",") {
        return false;
    }
    let Some((comma, _, found)) = cue_between_commas(ctx, v, s) else {
        return false;
    };
    // A short opener ("After all, she said, …") is a connective the content does without (and
    // the around-cue sieve wants more words before the cue).
    let start = skip_openers(ctx, s.start, comma);
    found.mention.first_tok < v
        && word_count(ctx, start, comma) >= limits::MIN_CONTENT_WORDS
        && opens_adverbial(&np.lw(start))
}

/// A word that opens an adverbial phrase or clause at a sentence's start ("If …", "After
/// the vote", "Even in Kessel"): a preposition or subordinator, not a coordinator or a
/// question word (which may open a subject clause).
fn opens_adverbial(w: &str) -> bool {
    w == "even"
        || is_preposition(w)
            && !matches!(
                w,
                "and"
                    | "or"
                    | "but"
                    | "nor"
                    | "yet"
                    | "so"
                    | "not"
                    | "how"
                    | "why"
                    | "what"
                    | "where"
                    | "who"
                    | "whom"
                    | "which"
                    | "whether"
            )
}

/// A cue clause ("X said", "said X", "he told reporters") between a comma before the verb at
/// `v` and the next comma or the sentence's end, with nothing after it but a short adverbial:
/// (the comma, the end of the clause, what it names).
pub(super) fn cue_between_commas(
    ctx: &Ctx,
    v: usize,
    s: &Range<usize>,
) -> Option<(usize, usize, Found)> {
    ctx.between_commas
        .get_or_read((v, s.clone()), || read_cue_between_commas(ctx, v, s))
}

/// What [`cue_between_commas`] finds, read from the tokens.
fn read_cue_between_commas(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<(usize, usize, Found)> {
    let np = &ctx.np;
    let comma = (s.start..v)
        .rev()
        .take(limits::CUE_CLAUSE_COMMA_REACH)
        .find(|&k| np.is_punct(k, ","))?;
    let seg_end = (v + 1..s.end)
        .find(|&k| np.is_punct(k, ","))
        .unwrap_or_else(|| trim_end(ctx, v, s.end));
    let (comma, found) = clause_after_comma(ctx, comma, v, seg_end, s.start)?;
    if found.cue.as_ref().map(|c| c.start) != Some(np.toks[v].start) {
        return None;
    }
    // "…, said the minister" inverts a finite verb; "…, saying the board had …" is a
    // participle whose object clause follows, not a cue with its subject after it.
    if found.mention.first_tok > v && np.word_lower(v).ends_with("ing") {
        return None;
    }
    let tail = found.mention.last_tok.max(v) + 1;
    let short_tail = word_count(ctx, tail, seg_end) <= limits::SHORT_TAIL_WORDS
        && !opens_clause(ctx, tail, seg_end);
    // "…, said a port clerk who had seen the contract": a relative clause tells who.
    let relative_tail = found.mention.first_tok > v
        && np.is_word(tail)
        && matches!(np.lw(tail).as_ref(), "who" | "whose");
    (tail >= seg_end || short_tail || relative_tail).then_some((comma, seg_end, found))
}

/// The cue clause after `comma` that ends at `seg_end`, with the comma that opens it: what
/// [`cue_clause`] reads, else a subject with modifiers or a description before a name ("…,
/// filings released on Tuesday revealed", "…, the news site Harbour Today reported"), else a
/// name between two commas, read from the comma before ("…, the town's mayor, Pia Lund,
/// recalled").
fn clause_after_comma(
    ctx: &Ctx,
    comma: usize,
    v: usize,
    seg_end: usize,
    lo: usize,
) -> Option<(usize, Found)> {
    let np = &ctx.np;
    if let Some(found) = cue_clause(ctx, comma + 1, seg_end) {
        return Some((comma, found));
    }
    let cue = Some(np.toks[v].start..np.toks[v].end);
    let tail_clean = (v + 1..seg_end).all(|k| {
        np.toks[k].kind != Kind::Quote
            && !(np.is_word(k) && matches!(np.lw(k).as_ref(), "that" | "and" | "but"))
    });
    if v > comma + 1
        && tail_clean
        && opens_noun_phrase(ctx, comma + 1)
        && let Some(m) = phrase_before_verb(ctx, comma + 1, v)
        && (m.kind == MentionKind::Name || !is_noun_like(np.lw(v).as_ref()))
    {
        return Some((comma, Found::new(Sieve::AdjacentCue, m, cue)));
    }
    // The comma before the verb closes an appositive name ("…, the town's mayor, Pia Lund,
    // recalled"): the clause opens at the comma before the description.
    if comma + 1 != v || !tail_clean {
        return None;
    }
    let comma_before = |end: usize| {
        (lo..end)
            .rev()
            .take(limits::APPOSITIVE_REACH)
            .find(|&k| np.is_punct(k, ","))
    };
    let opening = comma_before(comma_before(comma)?)?;
    let m = subject_before(ctx, v, opening + 1)
        .filter(|m| m.kind == MentionKind::Name && m.descriptor.is_some())?;
    Some((opening, Found::new(Sieve::AdjacentCue, m, cue)))
}

/// Whether a noun phrase can open at token `k`: a determiner, a number, a capitalised word or
/// a bare plural ("filings", "disclosures") — not a conjunction, an adverb or a participle
/// ("…, while Ada Brenn wins …", "…, winning every county …").
fn opens_noun_phrase(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    if np.is_number(k) {
        return true;
    }
    if !np.is_word(k) {
        return false;
    }
    let w = np.lw(k);
    if is_clause_opener(w.as_ref()) || is_preposition(w.as_ref()) {
        return false;
    }
    is_determiner_word(&w)
        || np.is_cap(k) && np.lx.pronoun(&w).is_none()
        || is_bare_plural(&w) && !w.ends_with("ly") && !np.lx.is_adverb(&w)
}

/// The statement whose content runs from the sentence's start to token `end` (exclusive),
/// with the cue clause that begins at `comma` inside or after it.
pub(super) fn content_before(
    ctx: &Ctx,
    lo: usize,
    comma: usize,
    end: usize,
    found: Found,
    sieve: Sieve,
) -> Option<Found> {
    let np = &ctx.np;
    // "SAN PEDRO, Chile — A venture will …, the minister said": the dateline is no content.
    let start = skip_openers(ctx, skip_dateline(np, lo, comma), comma);
    // A statement holds a verb (not its cue): "In a speech last year, X said" reports nothing.
    let cue_start = found.cue.as_ref().map(|c| c.start);
    let has_verb = (start..end.max(comma)).any(|k| {
        np.is_word(k) && !np.is_cap(k) && Some(np.toks[k].start) != cue_start && {
            let w = np.lw(k);
            is_finite_verb_like(&w)
                || k > start && is_present_third_person(&w)
                || k > start && is_subject_pronoun(&np.lw(k - 1))
        }
    });
    // Before a closing cue the words before it are the whole content; around a cue the
    // subject before it may be one word ("Rain, she warned, would close the pass").
    let min_before = if end > comma {
        1
    } else {
        limits::MIN_CONTENT_WORDS
    };
    if start >= comma
        || !has_verb
        || has_quote(ctx, start, end)
        || word_count(ctx, start, comma) < min_before
    {
        return None;
    }
    Some(Found { sieve, ..found }.with_content(np.toks[start].start..np.toks[end - 1].end))
}

/// Whether a form that is a noun as often as a verb ("states", "reports") is the noun here:
/// after a determiner or a number ("the state she won", "the 11 states that vote"), or with a
/// "that" that opens no clause of its own but a relative one ("Southern states that held
/// primaries", against "the report states that the pier is unsafe").
fn reads_as_noun(ctx: &Ctx, v: usize, from: usize, end: usize) -> bool {
    let np = &ctx.np;
    let after_determiner =
        v > 0 && (np.is_number(v - 1) || np.is_word(v - 1) && is_determiner_word(&np.lw(v - 1)));
    let relative_that = is_that(ctx, from) && !opens_clause(ctx, from + 1, end);
    after_determiner || relative_that
}

word_set!(
    /// Forms that are nouns as often as verbs ("the 20 states", "news reports"): cues only with a
    /// name or a pronoun as subject.
    pub(super) fn is_noun_like,
    "states", "state", "reports", "report", "claims", "claim", "notes", "note",
    "comments", "comment", "remarks", "remark", "posts", "post", "tweets", "tweet",
    "emails", "email", "promises", "promise", "pledges", "pledge", "vows", "vow",
    "proposes", "repeats",
);

/// A speech verb at token `v` that reports: lower case, finite or a participle after a comma,
/// not negated, not hypothetical, not passive and not an infinitive.
pub fn cue_verb(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Complement> {
    let np = &ctx.np;
    if !np.is_word(v) || np.is_cap(v) {
        return None;
    }
    let class = ctx.speech_verb_at(v)?;
    (!joins_an_infinitive(ctx, v, s.start) && reports_at(ctx, v, s)).then_some(class)
}

/// "urged residents to store water and report leaks", "asked them to stay home and call the
/// police": a base form after "and"/"or" that joins a "to" infinitive earlier in its clause is
/// a second thing asked for, not a verb that reports.
pub(super) fn joins_an_infinitive(ctx: &Ctx, v: usize, lo: usize) -> bool {
    let np = &ctx.np;
    let Some(and) = v.checked_sub(1).filter(|&a| a > lo) else {
        return false;
    };
    let coordinated_base = np.is_word(and)
        && matches!(np.lw(and).as_ref(), "and" | "or")
        && np.lx.is_speech_verb_base(&np.lw(v));
    if !coordinated_base {
        return false;
    }
    // The infinitive's "to" and its verb (no determiner, pronoun or number: "to the board" is
    // a preposition), in the same clause (no comma between).
    let infinitive = |t: usize| {
        np.lw(t) == "to"
            && np.is_word(t + 1)
            && !np.is_cap(t + 1)
            && !is_determiner_word(&np.lw(t + 1))
            && np.lx.pronoun(&np.lw(t + 1)).is_none()
    };
    (lo.max(and.saturating_sub(limits::INFINITIVE_REACH))..and)
        .rev()
        .take_while(|&t| !np.is_punct(t, ","))
        .any(|t| np.is_word(t) && infinitive(t))
}

/// Whether the verb of speech at token `v` reports here: finite or a participle after a comma,
/// not negated, not hypothetical, not passive and not an infinitive.
pub fn reports_at(ctx: &Ctx, v: usize, s: &Range<usize>) -> bool {
    let np = &ctx.np;
    let clause_start = clause_start_before(ctx, s.start, v);
    let participle = np.lw(v).ends_with("ing");
    let window_start = clause_start.max(v.saturating_sub(limits::CUE_LOOKBACK_TOKENS));
    // "said the port would reopen and added that …": after a speech verb and its clause, the
    // words before a coordinator are that clause's; its modal or negation does not block a
    // second finite verb. ("did not stand up and say" keeps its negation; a participle after
    // "and" continues whatever phrase came before and keeps the whole test.)
    let coordinator = (window_start..v)
        .rev()
        .find(|&t| np.is_word(t) && matches!(np.lw(t).as_ref(), "and" | "but"));
    // The speech verb before that "and", if any: the first of two coordinated cues.
    let first_cue = coordinator.filter(|_| !participle).and_then(|c| {
        (clause_start.max(c.saturating_sub(limits::COORDINATED_CUE_REACH))..c)
            .rev()
            .find(|&t| np.is_word(t) && ctx.speech_verb_at(t).is_some())
    });
    // A base form shares the first verb's auxiliary ("did not say … and warn", "will say …
    // and claim"): it reports only what the first verb may report.
    if let Some(first) = first_cue
        && np.lx.is_speech_verb_base(&np.lw(v))
        && cue_verb(ctx, first, s).is_none()
    {
        return false;
    }
    let coordinator = coordinator.filter(|_| first_cue.is_some());
    // The words just before the verb, on the stack (asked at every speech-verb candidate).
    let mut buf = [""; limits::CUE_LOOKBACK_TOKENS];
    let mut n = 0;
    for k in coordinator.map_or(window_start, |c| c + 1)..v {
        // A capitalised modal is a month or a name ("in May and said …", "Will Dunn said").
        if np.is_word(k) && !(np.is_cap(k) && is_modal(np.word_lower(k))) {
            buf[n] = np.word_lower(k);
            n += 1;
        }
    }
    let before = &buf[..n];
    let last = before.last().copied();
    // "was quoted as repeatedly saying": the word before the participle, adverbs left out.
    // "is now saying": adverbs and time words left out, but not the auxiliary of a
    // progressive (the adverb lexicon also holds "is", "has", "been").
    let progressive = |w: &str| matches!(w, "is" | "are" | "was" | "were" | "been" | "am");
    let last_content = before
        .iter()
        .rev()
        .find(|w| progressive(w) || !np.lx.is_adverb(w) && !is_time_word(w))
        .copied();
    let participle_ok = matches!(
        last_content,
        None | Some("was" | "were" | "is" | "are" | "been")
    ) || last_content
        .is_some_and(|w| np.lx.is_source_noun(w) || is_participle_opener(w))
        || before.contains(&"with")
        || np.is_word(clause_start) && np.lw(clause_start) == "with"
        || last_content == Some("and") && second_participle(ctx, v, s.start);
    let blocked = before.iter().any(|w| is_negation(w) || is_modal(w))
        || (clause_start..v).any(|k| np.is_word(k) && is_condition(&np.lw(k)))
        || matches!(last, Some("to")) && chain_verb(ctx, v).is_none()
        || !participle
            && matches!(
                last,
                Some("was" | "were" | "is" | "are" | "be" | "been" | "being")
            )
        || participle && !participle_ok
        || modifies_a_noun(ctx, v);
    !blocked
}

/// Whether the past form at `v` modifies the noun after it: it follows a determiner or a
/// possessive ("the proposed levy", "the board's stated aim", "its announced plan").
pub(super) fn modifies_a_noun(ctx: &Ctx, v: usize) -> bool {
    let np = &ctx.np;
    if v == 0 || !np.lw(v).ends_with("ed") {
        return false;
    }
    let before = np.lw(v - 1);
    // "who's argued", "he's said": a contraction with "is"/"has" is no possessive.
    let possessive = before
        .strip_suffix("'s")
        .or_else(|| before.strip_suffix("’s"))
        .is_some_and(|stem| {
            np.lx.pronoun(stem).is_none()
                && !matches!(stem, "who" | "that" | "there" | "what" | "here" | "where")
        });
    np.is_word(v - 1)
        && (possessive
            || matches!(
                before.as_ref(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "my" | "your"
            ))
}

/// The finite verb of a cue chain ("continued to say", "went on to say", "began to
/// argue", "are more likely to say"): its token, which names the subject, when the speech verb
/// at `v` follows "to".
pub(super) fn chain_verb(ctx: &Ctx, v: usize) -> Option<usize> {
    let np = &ctx.np;
    if v < 2 || np.lw(v - 1) != "to" {
        return None;
    }
    let mut j = v - 2;
    if np.lw(j) == "on" && j > 0 {
        j -= 1;
    }
    let w = np.lw(j);
    let chain = matches!(
        w.as_ref(),
        "continued" | "continues" | "continue" | "began" | "begins" | "went" | "goes"
    ) && (np.lw(j + 1) == "on") == matches!(w.as_ref(), "went" | "goes");
    if chain {
        return Some(j);
    }
    likely_copula(ctx, v - 2)
}

/// "Voters are more likely to say …", "were less likely to say": how polls compare what
/// groups say. The copula before "more/less likely" (past adverbs) names the subject; a bare
/// "is likely to say" is a forecast of speech, not speech.
fn likely_copula(ctx: &Ctx, likely: usize) -> Option<usize> {
    let np = &ctx.np;
    if likely < 2
        || np.lw(likely) != "likely"
        || !matches!(np.lw(likely - 1).as_ref(), "more" | "less")
    {
        return None;
    }
    let mut j = likely - 2;
    while j > 0 && np.is_word(j) && {
        let w = np.lw(j);
        np.lx.is_adverb(&w) && !is_finite_verb_like(&w)
    } {
        j -= 1;
    }
    matches!(np.lw(j).as_ref(), "is" | "are" | "was" | "were").then_some(j)
}

/// Words after which a participle's subject is the sentence's: "quoted as saying", "by
/// saying", "after saying".
pub(super) fn is_participle_opener(w: &str) -> bool {
    matches!(w, "as" | "by" | "after" | "while" | "when" | "before")
}

pub(super) fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "never" | "no" | "nobody" | "declined" | "refused"
    ) || w.ends_with("n't")
        || w.ends_with("n’t")
}

pub(super) fn is_modal(w: &str) -> bool {
    matches!(
        w,
        "would" | "could" | "might" | "may" | "should" | "must" | "can" | "will" | "shall"
    )
}

pub(super) fn is_condition(w: &str) -> bool {
    matches!(w, "if" | "unless" | "whether" | "suppose" | "supposing")
}

pub(super) fn is_that(ctx: &Ctx, k: usize) -> bool {
    ctx.np.is_word(k) && ctx.np.lw(k) == "that"
}

/// Whether the words between a verb and its "that" are a hearer or an adverbial ("told
/// reporters", "said on Tuesday", "said in a statement"), not an object with a clause of its
/// own ("denied the report that …").
pub(super) fn gap_is_adverbial(ctx: &Ctx, from: usize, that: usize, class: Complement) -> bool {
    let mut k = from;
    if class == Complement::Addressee {
        // "told the Wall Street Journal's editorial board on Monday that": any short run of
        // words (no verb, no clause) is the hearer and when.
        let hearer = that - from <= limits::HEARER_MAX_TOKENS
            && (from..that).all(|j| {
                np_word_or_mark(ctx, j)
                    && (!cue_like(ctx, j) || is_noun_of_speech(ctx, j, from))
                    && !is_finite_verb_like(&ctx.np.lw(j))
            });
        if hearer {
            return true;
        }
        match skip_addressee(ctx, k, that + 1) {
            Some(after) => k = after,
            None => return false,
        }
    }
    skip_adverbials(ctx, k, that + 1) == that
}

/// Whether the speech word at `k` is a noun: after a determiner, perhaps with one lower-case
/// modifier between ("on a call", "on a conference call", "in a written statement"), not
/// before `lo`.
pub(super) fn is_noun_of_speech(ctx: &Ctx, k: usize, lo: usize) -> bool {
    let np = &ctx.np;
    let determiner = |j: usize| j >= lo && np.is_word(j) && is_determiner_word(&np.lw(j));
    let modifier = |j: usize| np.is_word(j) && !np.is_cap(j) && !is_finite_verb_like(&np.lw(j));
    k > lo && determiner(k - 1) || k > lo + 1 && modifier(k - 1) && determiner(k - 2)
}

/// A word, a number, or a mark inside a noun phrase ("’s", ".", ",").
pub(super) fn np_word_or_mark(ctx: &Ctx, j: usize) -> bool {
    let np = &ctx.np;
    np.is_word(j) || np.is_number(j) || [",", ".", "’", "'"].iter().any(|p| np.is_punct(j, p))
}

/// Steps over the hearer of "tell": a pronoun ("him") or a noun phrase ("reporters", "The
/// Associated Press").
pub(super) fn skip_addressee(ctx: &Ctx, k: usize, end: usize) -> Option<usize> {
    ctx.after_addressee
        .get_or_read((k, end), || read_addressee(ctx, k, end))
}

/// What [`skip_addressee`] steps over, read from the tokens.
fn read_addressee(ctx: &Ctx, k: usize, end: usize) -> Option<usize> {
    let np = &ctx.np;
    if k >= end || !np.is_word(k) {
        return None;
    }
    let w = np.lw(k);
    if is_person_object_pronoun(&w) {
        return Some(k + 1);
    }
    if is_that(ctx, k) {
        return Some(k);
    }
    let m = np.forward(k, end).or_else(|| {
        // A plain plural hearer: "told reporters", "told lawmakers".
        (!np.is_cap(k) && w.len() >= limits::MIN_PLURAL_BYTES && w.ends_with('s'))
            .then(|| np.description(k, k, k))
    });
    match m {
        Some(m) => (!matches!(m.kind, MentionKind::Pronoun(_))).then_some(m.last_tok + 1),
        None => determined_hearer(ctx, k, end),
    }
}

/// A hearer the noun-phrase reader does not parse, opened by a determiner ("the crews", "his
/// own staff"): the determiner and the plain words after it, up to a preposition, "to",
/// "that", a subject pronoun or a verb.
fn determined_hearer(ctx: &Ctx, k: usize, end: usize) -> Option<usize> {
    let np = &ctx.np;
    let determiner = matches!(
        np.lw(k).as_ref(),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "some"
            | "several"
            | "both"
            | "these"
            | "those"
    );
    if !determiner {
        return None;
    }
    let stop = (k + 1..end.min(k + limits::HEARER_MAX_TOKENS))
        .find(|&j| {
            !np.is_word(j) || {
                let w = np.lw(j);
                is_preposition(w.as_ref())
                    || w == "that"
                    || is_subject_pronoun(&w)
                    || is_finite_verb_like(&w)
                    || speech_verb(&w).is_some()
            }
        })
        .unwrap_or(end);
    (stop > k + 1).then_some(stop)
}

/// Steps over adverbials between a verb and its clause: "on Tuesday", "last week", "in a
/// statement", "in an interview with The Times", "repeatedly", commas.
pub(super) fn skip_adverbials(ctx: &Ctx, k: usize, end: usize) -> usize {
    ctx.after_adverbials
        .get_or_read((k, end), || read_adverbials(ctx, k, end))
}

/// What [`skip_adverbials`] steps over, read from the tokens.
fn read_adverbials(ctx: &Ctx, mut k: usize, end: usize) -> usize {
    let np = &ctx.np;
    let mut steps = 0;
    while k < end && steps < limits::MAX_ADVERBIALS {
        steps += 1;
        if np.is_punct(k, ",") {
            k += 1;
            continue;
        }
        if !np.is_word(k) {
            break;
        }
        let w = np.lw(k);
        let adverb = np.lx.is_adverb(&w) && !is_finite_verb_like(&w) && !is_that(ctx, k);
        if is_time_word(&w) || adverb || w == "however" {
            k += 1;
            continue;
        }
        if matches!(
            w.as_ref(),
            "last" | "this" | "earlier" | "later" | "late" | "early" | "next"
        ) && np.is_word(k + 1)
            && is_time_word(&np.lw(k + 1))
        {
            k += 2;
            continue;
        }
        // "has said for weeks he is …", "has argued for years that …": a span of time.
        if w == "for"
            && np.is_word(k + 1)
            && matches!(
                np.lw(k + 1).as_ref(),
                "days" | "weeks" | "months" | "years" | "decades"
            )
        {
            k += 2;
            continue;
        }
        if matches!(
            w.as_ref(),
            "on" | "in"
                | "during"
                | "at"
                | "over"
                | "via"
                | "through"
                | "from"
                | "after"
                | "since"
                | "before"
                | "for"
                | "with"
                | "to"
                | "amid"
                | "despite"
        ) {
            // A short prepositional phrase ending before the clause: at "that", a comma, a
            // quotation, or a subject pronoun ("said in Lisbon they would …"); never across a
            // clause of its own ("in an interview when asked …"). "to", "for", "with" also
            // open infinitives and objects ("vowed to …"): those phrases must end at "that".
            let loose = !matches!(w.as_ref(), "to" | "for" | "with" | "amid" | "despite");
            let stop = (k + 1..end.min(k + limits::ADVERBIAL_PHRASE_REACH)).find(|&j| {
                is_that(ctx, j)
                    || np.is_punct(j, ",")
                    || np.is_punct(j, ";")
                    || np.toks[j].kind == Kind::Quote
                    || j > k + 1 && is_subject_pronoun(&np.lw(j))
                    || np.is_word(j) && is_clause_opener(np.lw(j).as_ref())
            });
            let ends_well = |j: usize| {
                is_that(ctx, j) || loose && !(np.is_word(j) && is_clause_opener(np.lw(j).as_ref()))
            };
            match stop {
                Some(j) if j > k + 1 && ends_well(j) => {
                    k = j;
                    continue;
                }
                _ => break,
            }
        }
        break;
    }
    k
}

word_set!(
    /// Words that open a clause of their own inside a phrase ("when asked", "how cheaply").
    pub(super) fn is_clause_opener,
    "when", "which", "who", "whom", "whose", "how", "why", "what",
    "where", "if", "whether", "as", "because", "while", "after", "before",
    "since", "until",
);

/// A pronoun that can only be a subject: it opens a clause.
pub(super) fn is_subject_pronoun(w: &str) -> bool {
    let bare = w.split(['\'', '’']).next().unwrap_or("");
    matches!(bare, "he" | "she" | "they" | "we" | "i")
}

pub(super) fn is_time_word(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "week"
            | "month"
            | "year"
            | "night"
            | "morning"
            | "afternoon"
            | "evening"
            | "weekend"
            | "also"
            | "again"
            | "then"
            | "now"
            | "once"
            | "previously"
            | "recently"
            | "repeatedly"
            | "publicly"
            | "privately"
    )
}

/// Whether tokens from `k` open a finite clause: a subject (a pronoun, a determiner, a name or
/// a number) followed, within a few words, by a verb (an auxiliary, a modal or a past form).
pub(super) fn opens_clause(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    // Callers look ahead freely: past the last token nothing opens.
    if !np.is_word(k) && !np.is_number(k) {
        return false;
    }
    let w = np.lw(k);
    // "he’ll", "it's", "they're": a subject pronoun with its verb.
    let bare = w.split(['\'', '’']).next().unwrap_or("");
    if matches!(bare, "he" | "she" | "they" | "we" | "i" | "there" | "you") {
        return true;
    }
    // "it", "this", "that" are objects as often as subjects: a verb must follow at once.
    if matches!(bare, "it" | "this" | "that") {
        return bare != w || verb_after_pronoun(ctx, k + 1, bare == "that");
    }
    // "said contractors built …": a plural noun as subject, when a verb follows.
    let plural = is_bare_plural(&w);
    let quantity = opens_quantity(ctx, k);
    let subject_like = np.is_cap(k)
        || plural
        || w == "one"
        || quantity
        || is_irregular_plural(&w)
        || np.is_number(k)
        || matches!(
            w.as_ref(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "this"
                | "these"
                | "those"
                | "some"
                | "many"
                | "most"
                | "no"
                | "all"
                | "both"
                | "our"
                | "every"
                | "each"
                | "several"
                | "more"
                | "fewer"
                | "nobody"
                | "everyone"
                | "nothing"
                | "none"
        );
    // "said nothing", but "said none of the pilots were …", "said more than 40 boats were …".
    let object = is_not_a_clause(w.as_ref()) && np.lw(k + 1) != "of" && !than_a_number(ctx, k);
    if !subject_like || object || same_as_object(ctx, k) {
        return false;
    }
    // A quantity's verb comes before any comma: "added around 300 jobs in May, China's
    // markets fell" is a verb with its object, then the next clause.
    let end = if quantity {
        (k..end).find(|&j| np.is_punct(j, ",")).unwrap_or(end)
    } else {
        end
    };
    opens_clause_verb(ctx, k, end)
}

/// The English plurals without "-s" that name people (a closed class of the grammar): "said
/// people in the area were …", "said police had …".
/// "at least six boats", "nearly 40 percent", "about a dozen", "about a third of the water",
/// "around two-thirds": a quantity opening a subject (not "said about the plan").
fn opens_quantity(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    let number_at = |j: usize| {
        j < np.toks.len()
            && (np.is_number(j)
                || np.is_word(j) && {
                    let w = np.lw(j);
                    lexicon::is_number_word(&w) || is_fraction(&w)
                })
    };
    let amount_at =
        |j: usize| number_at(j) || matches!(np.lw(j).as_ref(), "a" | "one") && number_at(j + 1);
    match np.lw(k).as_ref() {
        "about" | "around" | "approximately" | "nearly" | "almost" | "roughly" | "only"
        | "just" | "over" | "under" => amount_at(k + 1),
        "at" => matches!(np.lw(k + 1).as_ref(), "least" | "most") && number_at(k + 2),
        "more" | "fewer" | "less" => np.lw(k + 1) == "than" && number_at(k + 2),
        _ => false,
    }
}

/// "half", "a third", "two-thirds": a fraction, counted like a number.
fn is_fraction(w: &str) -> bool {
    matches!(
        w,
        "half" | "third" | "thirds" | "quarter" | "quarters" | "fifth" | "fifths" | "tenth"
    ) || w.ends_with("-thirds")
        || w.ends_with("-quarters")
}

fn is_irregular_plural(w: &str) -> bool {
    matches!(w, "people" | "men" | "women" | "children" | "police")
}

/// "more than 200", "fewer than half": a quantity at token `k`, not an object ("said more
/// than he meant").
fn than_a_number(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    np.lw(k + 1) == "than"
        && (np.is_number(k + 2)
            || matches!(np.lw(k + 2).as_ref(), "half" | "a")
            || lexicon::is_number_word(&np.lw(k + 2)))
}

/// Whether the subject starting at token `k` has its verb within a few words: the verb of
/// this clause, not of a relative clause or of the next one.
fn opens_clause_verb(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    (k + 1..end.min(k + limits::CLAUSE_VERB_REACH))
        .take_while(|&j| {
            // The verb of this clause, not of a relative clause or of the next clause.
            let joins = np.is_word(j)
                && matches!(
                    np.lw(j).as_ref(),
                    "and" | "or" | "but" | "who" | "which" | "that"
                );
            !joins && np.is_word(j)
                || np.is_number(j)
                || [",", ".", "-", "'", "’", "%"]
                    .iter()
                    .any(|p| np.is_punct(j, p))
        })
        // A capitalised word inside the clause is a name, not a modal ("in May", "Will Brenn").
        .any(|j| np.is_word(j) && !np.is_cap(j) && is_finite_verb_like(&np.lw(j)))
}

/// After "it" or "this" at token `k`: a verb, perhaps after an adverb ("it fears", "it
/// actively investigated", "it was"). After "that", only an auxiliary or a modal ("that is
/// wrong"): "that" before a clause is its conjunction.
fn verb_after_pronoun(ctx: &Ctx, mut k: usize, strict: bool) -> bool {
    let np = &ctx.np;
    if strict {
        return is_word_at(ctx, k, is_finite_verb_like);
    }
    let adverb = |w: &str| np.lx.is_adverb(w) && !is_finite_verb_like(w);
    if np.is_word(k) && adverb(&np.lw(k)) {
        k += 1;
    }
    is_word_at(ctx, k, |w| {
        is_finite_verb_like(w) || is_present_third_person(w)
    })
}

/// A present-tense form after a singular subject: "fears", "plans", "does" — a lower-case word
/// ending in "s" that is no function word, possessive or "-ss" noun.
fn is_present_third_person(w: &str) -> bool {
    is_bare_plural(w) || matches!(w, "has" | "is" | "does" | "goes")
}

/// A gerund that may be a clause's subject ("raising taxes would hurt"), not a preposition
/// ("during", "including") or a noun ("morning", "something").
pub(super) fn is_gerund(w: &str) -> bool {
    w.len() >= limits::MIN_VERB_FORM_BYTES
        && w.ends_with("ing")
        && !w.ends_with("thing")
        && !is_preposition(w)
        && !is_time_word(w)
}

/// Whether tokens from `k` open a clause whose subject has no determiner: a bare noun phrase
/// ("climate change is …"), a quantity ("half were …") or a gerund ("raising taxes would …").
/// Looser than [`opens_clause`]: only straight after a cue, never after a comma (where a
/// participle or the rest of a sentence the cue interrupts stands).
pub(super) fn opens_bare_clause(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    if !np.is_word(k) || np.is_cap(k) {
        return false;
    }
    let w = np.lw(k);
    if is_gerund(&w) {
        // "-ed" forms after a gerund are mostly participles: an auxiliary must follow.
        return (k + 1..end.min(k + 1 + limits::BARE_NP_WORDS))
            .take_while(|&j| np.is_word(j) && !is_preposition(np.lw(j).as_ref()))
            .any(|j| is_auxiliary(&np.lw(j)))
            || gerund_phrase_then_auxiliary(ctx, k, end);
    }
    if is_quantity_subject(w.as_ref()) {
        return opens_clause_verb(ctx, k, end);
    }
    bare_noun_then_verb(ctx, k, end)
}

/// A gerund's phrase with its object and prepositional phrases ("going through a dark time
/// has …", "expanding the marine reserve off the coast of Kessel will …"): the first verb
/// within `limits::CLAUSE_VERB_REACH` words, with no comma or clause opener before it, is an
/// auxiliary or a modal (a past form there is a participle: "taking money raised by …"), not
/// after "and" (the subject's own second verb).
fn gerund_phrase_then_auxiliary(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    let verb = (k + 1..end.min(k + limits::CLAUSE_VERB_REACH))
        .take_while(|&j| {
            (np.is_word(j) || np.is_number(j) || np.is_punct(j, "’"))
                && !(is_clause_opener(np.lw(j).as_ref()) || is_that(ctx, j))
        })
        .find(|&j| np.is_word(j) && !np.is_cap(j) && is_finite_verb_like(&np.lw(j)));
    // "proposed banning night flights and has since …": after a coordinator the verb is the
    // subject's second predicate.
    verb.is_some_and(|j| {
        is_auxiliary(&np.lw(j)) && !matches!(np.lw(j - 1).as_ref(), "and" | "or" | "but")
    })
}

/// An auxiliary or a modal, with or without "n't" ("wo" and "ca" are what "won't" and
/// "can't" leave).
fn is_auxiliary(w: &str) -> bool {
    let bare = w
        .strip_suffix("n't")
        .or_else(|| w.strip_suffix("n’t"))
        .unwrap_or(w);
    lexicon::is_bare_auxiliary(bare) || matches!(bare, "wo" | "ca" | "shall")
}

word_set!(
    /// Subjects of quantity: "half were …", "neither had …", "few expected …".
    fn is_quantity_subject,
    "half", "neither", "either", "few", "much", "any", "another", "such",
    "only", "nearly", "almost", "roughly", "somebody", "someone", "everybody", "anyone",
);

word_set!(
    /// Prepositions and other closed-class words (English grammar's closed classes, hand-written):
    /// never the first word of a clause's subject, and the words that open an adverbial phrase.
    pub(super) fn is_preposition,
    "about", "above", "across", "after", "against", "along", "amid", "among",
    "around", "as", "at", "before", "behind", "below", "beside", "between",
    "beyond", "by", "despite", "down", "during", "except", "for", "from",
    "in", "inside", "into", "like", "near", "of", "off", "on",
    "onto", "out", "outside", "over", "past", "per", "since", "than",
    "through", "throughout", "to", "toward", "towards", "under", "until", "up",
    "upon", "via", "with", "within", "without", "including", "regarding", "concerning",
    "according", "following", "if", "whether", "when", "while", "because", "although",
    "though", "unless", "so", "and", "or", "but", "nor", "yet",
    "not", "how", "why", "what", "where", "who", "whom", "which",
);

/// A clause whose subject is a bare noun phrase of lower-case words ("climate change is …",
/// "violent threats had …", "money was …"): the first word a content word, and a finite verb
/// within `limits::BARE_NP_WORDS` plain words.
fn bare_noun_then_verb(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    let plain = |j: usize| {
        np.is_word(j) && !np.is_cap(j) && {
            let w = np.lw(j);
            !is_preposition(w.as_ref())
                && !is_function_like(w.as_ref())
                && !is_not_a_clause(w.as_ref())
                && !np.lx.is_adverb(&w)
                && !is_finite_verb_like(&w)
                && speech_verb(&w).is_none()
                && np.lx.pronoun(&w).is_none()
        }
    };
    let first = np.lw(k);
    let verb_like =
        matches!(first.as_ref(), "be" | "been" | "being" | "get" | "got") || first.ends_with("ed");
    if !plain(k) || verb_like || same_as_object(ctx, k) {
        return false;
    }
    // "people in the area should …": one short prepositional phrase may follow the head.
    let inner = |j: usize| {
        np.is_word(j)
            && matches!(
                np.lw(j).as_ref(),
                "in" | "of" | "at" | "on" | "from" | "the" | "a" | "an" | "this" | "their" | "its"
            )
    };
    (k + 1..end.min(k + 1 + limits::BARE_NP_WORDS + limits::BARE_NP_PHRASE_WORDS))
        .take_while(|&j| np.is_word(j) || np.is_number(j))
        .find(|&j| !(plain(j) || inner(j)) || is_finite_verb_like(&np.lw(j)))
        .is_some_and(|j| {
            is_auxiliary(&np.lw(j))
                || j <= k + limits::BARE_NP_WORDS && is_finite_verb_like(&np.lw(j))
        })
}

/// After "say", a subject is enough (it seldom takes a plain object): a name, a number, or a
/// determiner with a noun, and at least four words.
pub(super) fn says_a_clause(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    let w = np.lw(k);
    let subject = np.is_number(k)
        || np.is_word(k) && np.is_cap(k) && !np.lx.is_not_name(&w)
        || matches!(
            w.as_ref(),
            "the" | "his" | "her" | "their" | "its" | "some" | "many" | "most"
        );
    subject
        && !is_not_a_clause(w.as_ref())
        && !same_as_object(ctx, k)
        && word_count(ctx, k, end) >= limits::SAYS_CLAUSE_WORDS
}

/// "said both the mayor and the harbour board would …", "said states like Kessel and Tollby
/// will …", "said comments from Holm, Brenn and Vane were …": a subject that coordinates or
/// modifies its head, then an auxiliary or a modal (a closed class, so no noun is taken for a
/// verb). The subject opens with a content word or a number, holds no clause of its own
/// ("who", "that", a cue) and no new clause after a comma ("…, and the crowd was"), and the
/// word before the auxiliary is the subject's head, not a conjunction ("said a prayer and
/// was gone"). Looser than [`opens_clause`] on the subject, stricter on the verb.
pub(super) fn subject_then_auxiliary(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    if !opens_subject_word(ctx, k) {
        return false;
    }
    let reach = end.min(k + limits::COORDINATED_SUBJECT_REACH);
    for j in k + 1..reach {
        if np.is_number(j) || np.is_punct(j, "’") || np.is_punct(j, "'") {
            continue;
        }
        if np.is_punct(j, ",") {
            if !np.is_word(j + 1) || matches!(np.lw(j + 1).as_ref(), "and" | "or" | "but") {
                return false;
            }
            continue;
        }
        if np.is_punct(j, ".") && np.is_cap(j - 1) {
            continue; // "Mr." "Sen.": an abbreviation inside a name.
        }
        if !np.is_word(j) {
            return false;
        }
        let w = np.lw(j);
        // "claimed responsibility but officials have said …": "but" opens the next clause.
        let opens_own_clause = is_clause_opener(w.as_ref())
            || is_that(ctx, j)
            || matches!(w.as_ref(), "but" | "yet" | "nor");
        if opens_own_clause || cue_like(ctx, j) || is_subject_pronoun(&w) {
            return false;
        }
        if !np.is_cap(j) && is_finite_verb_like(&w) {
            return is_auxiliary(&w) && is_subject_head(ctx, j - 1);
        }
    }
    false
}

/// After "say": a singular subject and a present-tense verb in "-s" with its object ("says
/// heckler deserves a spanking", "said the government monitors 20,000 mosques", "says praise
/// from Kessel helps the port"). "Say" seldom takes a noun phrase as its object, so a word in
/// "-s" after a singular head (a name or a common noun, not a determiner, a possessive or a
/// plural: "said the magic words", "said his goodbyes") with a word or number after it (not a
/// conjunction or preposition other than "to") is the clause's verb. Only for "say": after
/// other verbs a noun phrase object is common ("announced the island nations …").
pub(super) fn subject_then_present_verb(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    if !opens_subject_word(ctx, k) {
        return false;
    }
    let reach = end.min(k + limits::PRESENT_VERB_REACH);
    for j in k + 1..reach {
        if np.is_punct(j, ".") && np.is_cap(j - 1) {
            continue; // "Mr." "Sen.": an abbreviation inside a name.
        }
        if !np.is_word(j) {
            return false;
        }
        let w = np.lw(j);
        let opens_own_clause = is_clause_opener(w.as_ref()) || is_that(ctx, j);
        if opens_own_clause || cue_like(ctx, j) || is_subject_pronoun(&w) {
            return false;
        }
        if np.is_cap(j) {
            continue;
        }
        if is_finite_verb_like(&w) {
            return false;
        }
        if is_present_verb_form(&w) {
            return singular_head(ctx, j - 1) && takes_object_after(ctx, j + 1);
        }
    }
    false
}

/// A lower-case word that may be a present-tense verb in "-s": no "-ss", "-us", "-is" or
/// "-ics" noun ("status", "analysis", "politics"), no adverb or function word.
pub(super) fn is_present_verb_form(w: &str) -> bool {
    is_bare_plural(w) && !["us", "is", "ics"].iter().any(|end| w.ends_with(end))
}

/// Whether token `j` heads a singular subject: a name, or a common noun that is no plural,
/// possessive, determiner, preposition or adverb.
fn singular_head(ctx: &Ctx, j: usize) -> bool {
    let np = &ctx.np;
    if !np.is_word(j) || !is_subject_head(ctx, j) {
        return false;
    }
    let w = np.lw(j);
    np.is_cap(j) || !w.ends_with('s') && !w.contains(['\'', '’']) && !is_gerund(&w)
}

/// Whether the verb's object or complement starts at token `k`: a word or number that is no
/// conjunction or preposition (but "to": "plans to …").
fn takes_object_after(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    if np.is_number(k) {
        return true;
    }
    np.is_word(k) && {
        let w = np.lw(k);
        w == "to" || !is_preposition(w.as_ref()) && !is_function_like(w.as_ref())
    }
}

/// The first word of a subject: a number, a name, or a lower-case word that is no preposition,
/// verb, pronoun or object of "say" ("said goodbye", "said nothing").
fn opens_subject_word(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    // A "that" may be the text's last token: nothing opens after it.
    if np.is_number(k) {
        return true;
    }
    if !np.is_word(k) {
        return false;
    }
    let w = np.lw(k);
    !is_preposition(w.as_ref())
        && !is_not_a_clause(w.as_ref())
        && !is_say_object(w.as_ref())
        && !is_finite_verb_like(&w)
        && speech_verb(&w).is_none()
        && np.lx.pronoun(&w).is_none()
        && !np.lx.is_adverb(&w)
        && !same_as_object(ctx, k)
}

/// "said the same", "said the same thing to reporters": "the same" after token `k` is the
/// speech verb's object, unless the word after it is a noun with a verb of its own ("said the
/// same promises had been made", "said the same thing happened in 2017": a clause).
fn same_as_object(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    if np.lw(k + 1) != "same" {
        return false;
    }
    let noun = k + 2;
    let has_own_verb = np.is_word(noun)
        && !np.is_cap(noun)
        && !is_preposition(&np.lw(noun))
        && !is_function_like(&np.lw(noun))
        && (noun + 1..noun + 4)
            .take_while(|&j| np.is_word(j))
            .any(|j| is_finite_verb_like(&np.lw(j)));
    !has_own_verb
}

word_set!(
    /// Words "say" takes as its object, not as a clause's subject: "said goodbye", "said grace".
    fn is_say_object,
    "goodbye", "hello", "grace", "thanks", "farewell", "amen", "yes", "sorry",
    "so", "much", "little", "something", "anything", "everything", "enough",
);

/// Whether token `j` can end a subject: a number, a name, or a lower-case content word (not
/// a conjunction, preposition or determiner).
fn is_subject_head(ctx: &Ctx, j: usize) -> bool {
    let np = &ctx.np;
    if np.is_number(j) {
        return true;
    }
    np.is_word(j) && {
        let w = np.lw(j);
        np.is_cap(j)
            || !is_preposition(w.as_ref())
                && !is_function_like(w.as_ref())
                && (!is_determiner_word(&w) || lexicon::is_number_word(&w))
                && !np.lx.is_adverb(&w)
    }
}

word_set!(
    /// Objects of "say" that are no clause: "said the same", "said nothing".
    pub(super) fn is_not_a_clause,
    "nothing", "more", "fewer", "none",
);

/// A lower-case speech verb at token `j`.
pub(super) fn cue_like(ctx: &Ctx, j: usize) -> bool {
    ctx.np.is_word(j) && !ctx.np.is_cap(j) && ctx.speech_verb_at(j).is_some()
}

/// A lower-case word that may be a plural noun ("contractors"), not "this", "his" or "it's".
pub(super) fn is_bare_plural(w: &str) -> bool {
    w.len() >= limits::MIN_PLURAL_BYTES
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.contains(['\'', '’'])
        && !matches!(w, "this" | "these" | "those" | "thus" | "perhaps")
        && !is_function_like(w)
}

pub(super) fn is_word_at(ctx: &Ctx, k: usize, test: fn(&str) -> bool) -> bool {
    ctx.np.is_word(k) && test(&ctx.np.lw(k))
}

/// Whether tokens `a..b` hold a finite verb (in lower case: "Will" may be a name).
pub(super) fn holds_finite_verb(ctx: &Ctx, a: usize, b: usize) -> bool {
    let np = &ctx.np;
    (a..b).any(|k| np.is_word(k) && !np.is_cap(k) && is_finite_verb_like(&np.lw(k)))
}

pub(super) fn is_finite_verb_like(w: &str) -> bool {
    lexicon::is_bare_auxiliary(w)
        || w.ends_with("’s")
        || w.ends_with("n't")
        || w.ends_with("n’t")
        || matches!(w, "shall" | "cannot")
        || is_past_form(w)
}

lexicon::word_set!(
/// The simple past forms of the irregular verbs in a standard grammar table of English strong
/// and irregular verbs (the table every learner's grammar prints), without the forms that are
/// also common nouns, adjectives or present forms ("set", "put", "cut", "hit", "read", "saw",
/// "bit", "shot", "fed", "ground", "spat", "wound").
    fn is_irregular_past,
    "arose",
    "awoke",
    "became",
    "began",
    "bent",
    "bled",
    "blew",
    "broke",
    "bred",
    "brought",
    "built",
    "bought",
    "caught",
    "chose",
    "clung",
    "came",
    "crept",
    "dealt",
    "dug",
    "drew",
    "dreamt",
    "drank",
    "drove",
    "ate",
    "fell",
    "felt",
    "fought",
    "found",
    "fled",
    "flung",
    "flew",
    "forbade",
    "forgot",
    "forgave",
    "froze",
    "got",
    "gave",
    "went",
    "grew",
    "hung",
    "heard",
    "hid",
    "held",
    "kept",
    "knelt",
    "knew",
    "laid",
    "led",
    "leapt",
    "learnt",
    "left",
    "lent",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "rode",
    "rang",
    "rose",
    "ran",
    "sought",
    "sold",
    "sent",
    "shook",
    "shone",
    "shrank",
    "sang",
    "sank",
    "sat",
    "slept",
    "slid",
    "spoke",
    "sped",
    "spent",
    "spun",
    "sprang",
    "stood",
    "stole",
    "stuck",
    "stung",
    "stank",
    "strode",
    "struck",
    "swore",
    "swept",
    "swam",
    "swung",
    "took",
    "taught",
    "tore",
    "thought",
    "threw",
    "understood",
    "woke",
    "wore",
    "wove",
    "wept",
    "won",
    "wrote",
    "withdrew",
    "overtook",
    "undertook",
    "overcame",
    "foresaw",
    "mistook",
);

/// The token after the last of a statement's content that starts at token `from`: the end of
/// the sentence, or a break before it (";", ", adding …", ", according to …", a quotation
/// after a comma). None where a quotation sits inside the clause (the quotation is the
/// statement) or too little is left.
pub(super) fn content_end(ctx: &Ctx, from: usize, s: &Range<usize>) -> Option<usize> {
    let np = &ctx.np;
    let mut end = s.end;
    // Whether the words hold one dash only: counted at the first dash met (most hold none).
    let mut lone_dash = None;
    // Each test reads a word or a mark: a token is asked only the tests of its kind.
    for k in from..s.end {
        let stop = match np.toks[k].kind {
            Kind::Quote => {
                // The quotation is its own statement: keep the clauses before it, up to the
                // last comma ("… the coast is eroding, and the losses “cannot be undone”"), or
                // nothing where the quoted words finish the reported clause.
                end = (from..k).rev().find(|&j| {
                    np.is_punct(j, ":")
                        || np.is_punct(j, ";")
                        || np.is_punct(j, ",") && matches!(np.lw(j + 1).as_ref(), "and" | "but")
                })?;
                break;
            }
            Kind::Word => word_ends_content(ctx, from, k, s),
            Kind::Punct => mark_ends_content(ctx, from, k, s, &mut lone_dash),
            Kind::Number => None,
        };
        if let Some(stop) = stop {
            end = stop;
            break;
        }
    }
    let end = trim_end(ctx, from, end);
    (word_count(ctx, from, end) >= limits::MIN_CLAUSE_WORDS).then_some(end)
}

/// Where the word at token `k` ends a content that starts at `from` ([`content_end`]), if it
/// does: before "… but said …" (another cue), or before a circumstance of the saying or the
/// speaker's second predicate.
fn word_ends_content(ctx: &Ctx, from: usize, k: usize, s: &Range<usize>) -> Option<usize> {
    let np = &ctx.np;
    let second_cue = matches!(np.lw(k).as_ref(), "and" | "but")
        && (k + 1..k + 3).any(|j| cue_like(ctx, j) && !joins_an_infinitive(ctx, j, from));
    if second_cue && !and_that(ctx, k + 1, s.end) {
        return Some(k);
    }
    (circumstance_of_speaking(ctx, k) || speakers_second_predicate(ctx, from, k))
        .then(|| before_conjunction(ctx, from, k))
}

/// Where the mark at token `k` ends a content that starts at `from` ([`content_end`]), if it
/// does: "…; …", "… — a proposal he has since dropped" (a lone dash ends the clause; a pair
/// sets off an aside inside it), a contrast or concession after a comma, a participle of
/// speech or another cue clause after a comma, or an aside after the full stop. `lone_dash`
/// keeps whether `from..s.end` holds one dash, once counted.
fn mark_ends_content(
    ctx: &Ctx,
    from: usize,
    k: usize,
    s: &Range<usize>,
    lone_dash: &mut Option<bool>,
) -> Option<usize> {
    let np = &ctx.np;
    let comma = np.is_punct(k, ",");
    let contrast = comma
        && (matches!(
            np.lw(k + 1).as_ref(),
            "while" | "whereas" | "however" | "compared" | "as"
        ) || matches!(np.lw(k + 1).as_ref(), "and" | "but" | "so")
            && opens_clause(ctx, k + 2, s.end)
            || concession_is_writers(ctx, k + 1, s.end));
    let dash = np.is_dash(k)
        && *lone_dash.get_or_insert_with(|| (from..s.end).filter(|&j| np.is_dash(j)).count() == 1);
    if (np.is_punct(k, ";") || dash || contrast) && !and_that(ctx, k + 1, s.end) {
        return Some(k);
    }
    if comma && k + 1 < s.end && np.is_word(k + 1) {
        let w = np.lw(k + 1);
        let next_cue = is_speech_participle(ctx, k + 1);
        if next_cue || w == "according" || cue_clause(ctx, k + 1, s.end).is_some() {
            return Some(k);
        }
    }
    aside_after_full_stop(ctx, k).then(|| before_conjunction(ctx, from, k))
}

/// Token `k`, or the token before the conjunction and comma it follows: a cut before "…, but in
/// a later interview …" leaves no "but" at the end of the content.
fn before_conjunction(ctx: &Ctx, from: usize, mut k: usize) -> usize {
    let np = &ctx.np;
    while k > from
        && (np.is_punct(k - 1, ",")
            || np.is_word(k - 1) && matches!(np.lw(k - 1).as_ref(), "and" | "but" | "or"))
    {
        k -= 1;
    }
    k
}

/// Whether "and" or "but" at token `k` opens a second predicate of the cue's subject, not one
/// of the reported clause: "said the levy must rise, and has pressed the council since",
/// "urged that the pier be rebuilt and pushed to fund it". The conjunct is a past form while
/// the clause from `from` has no past tense of its own (a present, a modal, a subjunctive, or
/// an object with no verb), so the two cannot share the clause's subject.
fn speakers_second_predicate(ctx: &Ctx, from: usize, k: usize) -> bool {
    let np = &ctx.np;
    if !(np.is_word(k) && matches!(np.lw(k).as_ref(), "and" | "but")) {
        return false;
    }
    let lower = |j: usize| (np.is_word(j) && !np.is_cap(j)).then(|| np.lw(j));
    let mut j = k + 1;
    let mut perfect = false;
    while let Some(w) = lower(j) {
        let aux = matches!(w.as_ref(), "has" | "have");
        if !aux
            && !matches!(
                w.as_ref(),
                "also" | "then" | "later" | "repeatedly" | "since" | "still"
            )
        {
            break;
        }
        perfect |= aux;
        j += 1;
    }
    // Asked at every "and"/"but" of a content: the cheap test first.
    if !lower(j).is_some_and(|w| is_past_form(&w)) {
        return false;
    }
    // A verb, not a modifier: "and defended the plan", "and pushed to", "and has praised", not
    // "and unsettled weather".
    let verb = perfect
        || ends_noun_phrase(ctx, j + 1)
        || lower(j + 1).is_some_and(|w| {
            w == "it" || w != "you" && is_person_object_pronoun(&w) || w.ends_with("ly")
        });
    // Too little before it to stand alone: the sieve's own bound decides ("criticized Singer
    // and challenged him").
    verb && word_count(ctx, from, k) >= limits::MIN_CLAUSE_WORDS && !holds_past_tense(ctx, from, k)
}

/// A simple past or past participle: "pushed", "spoke".
fn is_past_form(w: &str) -> bool {
    // The ending first: the irregular table is a long match, asked of every word.
    w.len() >= limits::MIN_VERB_FORM_BYTES && w.ends_with("ed") || is_irregular_past(w)
}

/// A pronoun that names people as an object or a hearer: "told him", "accused them of".
pub(super) fn is_person_object_pronoun(w: &str) -> bool {
    matches!(w, "him" | "her" | "them" | "us" | "me" | "you")
}

/// Whether tokens `a..b` hold a past tense (or a past modal): "was", "had", "would", "closed".
fn holds_past_tense(ctx: &Ctx, a: usize, b: usize) -> bool {
    let np = &ctx.np;
    (a..b).any(|j| {
        np.is_word(j) && !np.is_cap(j) && {
            let w = np.lw(j);
            let stem = w.trim_end_matches("n't").trim_end_matches("n’t");
            is_past_form(&w)
                || matches!(
                    stem,
                    "was" | "were" | "had" | "did" | "would" | "could" | "might"
                )
        }
    })
}

/// Whether token `k` ends a sentence that a bracketed aside follows ("… a book. (Mr. Vane,
/// who did not reply, …)", "… the pier. [Gazette]"): the sentence splitter keeps the aside
/// with the sentence, but it is the writer's, not part of what was said.
fn aside_after_full_stop(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    [".", "?", "!"].iter().any(|p| np.is_punct(k, p))
        && ["(", "["].iter().any(|p| np.is_punct(k + 1, p))
}

/// Whether token `k` opens a phrase that tells how the cue's words were given, not what they
/// said: "on condition of anonymity", "on the condition that …", "in an interview", "during a
/// news conference" ("said the pier would close in an interview on Friday").
fn circumstance_of_speaking(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    let word = |j: usize| np.is_word(j).then(|| np.lw(j));
    match word(k).as_deref() {
        Some("on") => {
            let c = if word(k + 1).as_deref() == Some("the") {
                k + 2
            } else {
                k + 1
            };
            word(c).as_deref() == Some("condition")
                && matches!(word(c + 1).as_deref(), Some("of" | "that"))
        }
        Some("in" | "during") => {
            let owner = word(k + 1).is_some_and(|w| {
                matches!(w.as_ref(), "a" | "an" | "his" | "her" | "their" | "its")
            });
            // One modifier may stand between ("in a written statement", "a news conference").
            // The noun must end its phrase: "in her email account" names no occasion.
            let occasion = |j: usize| {
                word(j).is_some_and(|w| is_speaking_occasion(&w)) && ends_noun_phrase(ctx, j + 1)
            };
            owner && (occasion(k + 2) || !np.is_cap(k + 2) && occasion(k + 3))
        }
        _ => false,
    }
}

/// Whether token `k` cannot continue a noun phrase before it: a mark, a name, a function word,
/// a determiner, a time word, a subject pronoun or a participle ("an interview published Friday").
fn ends_noun_phrase(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    if !np.is_word(k) || np.is_cap(k) {
        return true;
    }
    let w = np.lw(k);
    is_function_word(&w)
        || is_determiner_word(&w)
        || is_time_word(&w)
        || is_subject_pronoun(&w)
        || matches!(w.as_ref(), "last" | "next" | "earlier" | "later")
        || w.ends_with("ed")
}

/// Nouns for an occasion on which something is said or written.
fn is_speaking_occasion(w: &str) -> bool {
    matches!(
        w,
        "interview"
            | "statement"
            | "speech"
            | "appearance"
            | "conference"
            | "briefing"
            | "call"
            | "tweet"
            | "letter"
            | "email"
            | "op-ed"
            | "post"
    )
}

/// Whether tokens `k`, `k + 1` are "and that": a second complement of the same cue ("argued
/// that the levy is lawful, and that the harbour needs it …"), not a new clause; "that" must
/// open a clause ("…, and that angered the pilots" is a demonstrative subject).
fn and_that(ctx: &Ctx, k: usize, end: usize) -> bool {
    ctx.np.is_word(k)
        && ctx.np.lw(k) == "and"
        && is_that(ctx, k + 1)
        && opens_clause(ctx, k + 2, end)
}

/// Whether a concession at token `k` (", although …", ", though …") is the writer's, not
/// part of what was said: one about the speaker ("…, though she gave no date") or one
/// that reports more speech ("…, although he added that …"). Otherwise the speaker concedes
/// it too ("said the changes helped, although the rules are still too narrow").
fn concession_is_writers(ctx: &Ctx, k: usize, end: usize) -> bool {
    let np = &ctx.np;
    matches!(np.lw(k).as_ref(), "although" | "though")
        && (is_word_at(ctx, k + 1, is_subject_pronoun) || (k + 1..end).any(|j| cue_like(ctx, j)))
}

/// Drops closing punctuation from the end of tokens `from..end`.
pub(super) fn trim_end(ctx: &Ctx, from: usize, mut end: usize) -> usize {
    while end > from && ctx.np.toks[end - 1].kind == Kind::Punct {
        end -= 1;
    }
    end
}

/// Steps over quotation tokens and an opening connective ("But", "And") at a sentence start.
pub(super) fn skip_openers(ctx: &Ctx, mut start: usize, end: usize) -> usize {
    let np = &ctx.np;
    while start < end
        && (np.toks[start].kind == Kind::Punct
            || np.is_word(start) && matches!(np.lw(start).as_ref(), "but" | "and" | "so" | "yet"))
    {
        start += 1;
    }
    start
}

pub(super) fn has_quote(ctx: &Ctx, a: usize, b: usize) -> bool {
    ctx.np
        .toks
        .get(a..b)
        .is_some_and(|toks| toks.iter().any(|t| t.kind == Kind::Quote))
}

pub(super) fn word_count(ctx: &Ctx, a: usize, b: usize) -> usize {
    (a..b).filter(|&k| ctx.np.is_word(k)).count()
}

/// The statement whose cue is token `v` and content tokens `from..end`, with the cue's
/// subject as its source (for a participle, the subject of the sentence).
pub(super) fn statement(
    ctx: &Ctx,
    v: usize,
    from: usize,
    end: usize,
    s: &Range<usize>,
    sieve: Sieve,
) -> Option<Found> {
    let np = &ctx.np;
    if quotation_is_complement(ctx, v, s.start) {
        return None;
    }
    // "X, who said the ferry was late, left early": the relative clause ends at its comma.
    let end = if in_relative_clause(ctx, v, s.start) || in_leading_subordinate(ctx, v, s.start) {
        let comma = (from..end).find(|&k| np.is_punct(k, ",")).unwrap_or(end);
        let cut = trim_end(ctx, from, comma);
        if word_count(ctx, from, cut) < limits::MIN_CLAUSE_WORDS {
            return None;
        }
        cut
    } else {
        end
    };
    // A form that is a noun as often as a verb reports only as a verb, and only with a person
    // as its subject: the tests on the words first, then the subject (a noun-phrase read).
    let noun_like = is_noun_like(np.lw(v).as_ref());
    if noun_like && reads_as_noun(ctx, v, from, end) {
        return None;
    }
    let mention = source_of(ctx, v, s)?;
    let person = matches!(mention.kind, MentionKind::Name | MentionKind::Pronoun(_));
    if noun_like && !person {
        return None;
    }
    Some(
        Found::new(sieve, mention, Some(np.toks[v].start..np.toks[v].end))
            .with_content(np.toks[from].start..np.toks[end - 1].end),
    )
}

/// '“We will win,” Brenn told reporters as she left', '“…,” Verhoek said 30 minutes into the
/// meeting': the quotation that opens the sentence, right before the cue and its subject, is
/// what the cue reports; the words after it (a hearer, a time, a circumstance) report nothing
/// more. Only a subject may stand between the closing mark and the cue: a verb or a
/// conjunction there starts a clause of its own ('“…,” Brenn said, and Verhoek said the plan
/// would fail'), and a participle is a statement of its own ('“…,” saying that').
fn quotation_is_complement(ctx: &Ctx, v: usize, lo: usize) -> bool {
    let np = &ctx.np;
    // It opens the sentence: a quotation inside another clause ('had “been friends,” he
    // claimed they …', 'on ABC's “This Week,” X admitted') is no complement of this cue.
    let opening = np.toks[lo];
    if opening.kind != Kind::Quote || v <= lo || np.lw(v).ends_with("ing") {
        return false;
    }
    // It is a whole statement that ends here: its closing mark is this token's end, and it ends
    // in a comma, a question or an exclamation mark (inside or outside its mark); a scare quote
    // ('The “reform” caucus said') does not.
    let closes = ctx
        .quotes
        .get(opening.quote as usize)
        .is_some_and(|q| q.span().end == opening.end);
    let inside = np.text[opening.start..opening.end]
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !",?!".contains(c));
    let statement = inside.ends_with([',', '?', '!']) || np.is_punct(lo + 1, ",");
    // Only a subject between it and the cue.
    let mut words = 0;
    let subject_only = (lo + 1..v).all(|k| match np.toks[k].kind {
        Kind::Word | Kind::Number => {
            words += 1;
            let w = np.lw(k);
            let clause_word = matches!(
                w.as_ref(),
                "and" | "but" | "or" | "while" | "as" | "when" | "that" | "because"
            ) || !np.is_cap(k) && is_finite_verb_like(&w)
                || speech_verb(&w).is_some();
            words <= limits::QUOTE_CUE_SUBJECT_WORDS && !clause_word
        }
        Kind::Punct => matches!(np.word(k), "," | "."),
        _ => false,
    });
    closes && statement && subject_only
}

/// Whether the cue at `v` sits in a subordinate clause that opens the sentence ("While she
/// said the plan would work, her aides …", "Although they said …, they …"): that clause ends
/// at its comma, and the main clause after it is the writer's.
fn in_leading_subordinate(ctx: &Ctx, v: usize, lo: usize) -> bool {
    let np = &ctx.np;
    let start = skip_openers(ctx, lo, v);
    let opener = np.lw(start);
    let subordinate = matches!(
        opener.as_ref(),
        "while" | "although" | "though" | "whereas" | "because" | "since" | "as" | "even"
    );
    subordinate && !(start..v).any(|k| np.is_punct(k, ","))
}

/// Whether the cue at `v` opens a relative clause set off by a comma (", who said …",
/// ", who has long argued …").
fn in_relative_clause(ctx: &Ctx, v: usize, lo: usize) -> bool {
    let np = &ctx.np;
    let mut j = v;
    while j > lo + 1 && np.is_word(j - 1) && np.lx.is_adverb(&np.lw(j - 1)) {
        j -= 1;
    }
    j > lo + 1 && matches!(np.lw(j - 1).as_ref(), "who" | "which") && np.is_punct(j - 2, ",")
}

/// Who speaks through the verb at `v`: its subject, or for "…, saying that" the subject of
/// the sentence.
pub(super) fn source_of(ctx: &Ctx, v: usize, s: &Range<usize>) -> Option<Mention> {
    let np = &ctx.np;
    let lo = s.start;
    // "X continued to say …": the chain's finite verb names the subject.
    let v = chain_verb(ctx, v).unwrap_or(v);
    if v <= lo {
        return None;
    }
    // "…, saying that", "a statement saying that": the sentence's subject speaks.
    let after_document = v > lo && np.is_word(v - 1) && np.lx.is_source_noun(&np.lw(v - 1));
    if np.lw(v).ends_with("ing")
        && v > lo
        && (follows_comma(ctx, v) || after_document || second_participle(ctx, v, lo))
    {
        // "«…», the president said, adding that …": the speaker of the cue before it.
        return main_subject(ctx, lo, v)
            .or_else(|| earlier_cue_subject(ctx, lo, v - 1))
            .or_else(|| opening_subject(ctx, lo, v));
    }
    let participle = np.lw(v).ends_with("ing");
    if participle && let Some(with) = opening_with(ctx, v, lo) {
        return with_subject(ctx, with + 1, v);
    }
    let mut j = v - 1;
    while j > lo && np.is_word(j) && np.lx.is_adverb(&np.lw(j)) {
        j -= 1;
    }
    if participle && np.is_word(j) && is_participle_opener(&np.lw(j)) {
        return main_subject(ctx, lo, v);
    }
    // "The growers now argue", "X this past week announced": a time phrase between subject
    // and verb is no part of the subject.
    let before_time = before_time_phrase(ctx, v, lo);
    if let Some(m) = postmodified_subject(ctx, before_time, lo) {
        return Some(m);
    }
    if let Some(m) = subject_before(ctx, before_time, lo).filter(|m| is_nominative(np, m)) {
        return Some(m);
    }
    // "X became a delegate and said …": a second verb of the sentence's subject.
    // "…, a veteran who served in the navy, said": a subject before a long appositive.
    // "Its adviser, Ada Brenn, said … but cautioned that": the subject of the cue before.
    // "X, who calls Y a “fraud,” said", "X, citing “…,” said": a quotation's comma ends an
    // aside opened after the subject (not a quotation that is the content: "“…,” said X").
    let aside_quote = is_comma_like(ctx, j) && (lo..j).any(|k| opens_aside(ctx, k));
    if np.is_word(j) && matches!(np.lw(j).as_ref(), "and" | "but")
        || np.is_punct(j, ",")
        || aside_quote
    {
        return main_subject(ctx, lo, v).or_else(|| earlier_cue_subject(ctx, lo, j));
    }
    bare_subject(ctx, v, lo).or_else(|| phrase_subject(ctx, v, lo))
}

/// Whether the comma at `k` opens an aside on the subject: a relative clause or a participle
/// (", who calls …", ", citing …").
fn opens_aside(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    np.is_punct(k, ",") && np.is_word(k + 1) && !np.is_cap(k + 1) && {
        let w = np.lw(k + 1);
        matches!(w.as_ref(), "who" | "which" | "whose") || is_gerund(&w)
    }
}

/// The subject of the last speech or reporting verb before token `end` of the sentence.
fn earlier_cue_subject(ctx: &Ctx, lo: usize, end: usize) -> Option<Mention> {
    let np = &ctx.np;
    let earlier = (lo..end)
        .rev()
        .find(|&k| cue_like(ctx, k) || np.is_word(k) && np.lx.is_reporting_verb(&np.lw(k)))?;
    subject_before(ctx, earlier, lo).filter(|m| is_nominative(np, m))
}

/// "…, the mayor said on Monday, a promise that …": an indefinite noun phrase at token `k`,
/// after the clause of a cue, is the writer's description of what was said, not more of it.
pub(super) fn describes_the_statement(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    np.is_word(k) && matches!(np.lw(k).as_ref(), "a" | "an")
}

/// ", adding that …", ", pointing out that …": a participle of speech at token `k`, which after a
/// comma opens the speaker's next statement.
pub(super) fn is_speech_participle(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    np.is_word(k) && {
        let w = np.lw(k);
        w.ends_with("ing") && (speech_verb(&w).is_some() || ctx.cue_at(k).is_some())
    }
}

/// "…, with a third of the islanders warning …": the "with" that opens the clause of the
/// participle at `v`, if one does.
fn opening_with(ctx: &Ctx, v: usize, lo: usize) -> Option<usize> {
    let np = &ctx.np;
    let start = clause_start_before(ctx, lo, v);
    (start + 1 < v && np.is_word(start) && np.lw(start) == "with").then_some(start)
}

/// Where the clause holding the verb at `v` starts: after the last comma (or quotation ending
/// in one), semicolon or dash before it, else at `lo`.
fn clause_start_before(ctx: &Ctx, lo: usize, v: usize) -> usize {
    let np = &ctx.np;
    // A comma, a semicolon or a dash; or a quotation that ends with a comma (asked of every
    // token before every cue: the mark's kind first).
    let breaks = |k: usize| match np.toks[k].kind {
        Kind::Punct => matches!(np.word(k), "," | ";" | "—" | "–"),
        Kind::Quote => is_comma_like(ctx, k),
        Kind::Word | Kind::Number => false,
    };
    (lo..v).rev().find(|&k| breaks(k)).map_or(lo, |k| k + 1)
}

/// The participle's subject in a "with" clause: the phrase from `from` to the verb at `v`
/// ("41 of the islanders polled", "other unions and even a harbour columnist").
fn with_subject(ctx: &Ctx, from: usize, v: usize) -> Option<Mention> {
    let np = &ctx.np;
    let mut m = subject_before(ctx, v, from).filter(|m| is_nominative(np, m))?;
    let words_only = (from..m.first_tok).all(|k| np.is_word(k) || np.is_number(k));
    if m.kind == MentionKind::Nominal && words_only {
        m.first_tok = from;
        m.span.start = np.toks[from].start;
    }
    Some(m)
}

/// "…, pointing to his record and saying that …": a participle after "and" that joins a
/// participle clause opened by a comma earlier in the sentence; its subject is the sentence's.
fn second_participle(ctx: &Ctx, v: usize, lo: usize) -> bool {
    let np = &ctx.np;
    if v < lo + 2 || !np.is_word(v - 1) || np.lw(v - 1) != "and" {
        return false;
    }
    (lo + 1..v - 1).rev().any(|k| {
        np.is_word(k) && !np.is_cap(k) && np.lw(k).ends_with("ing") && follows_comma(ctx, k)
    })
}

/// Whether token `v` follows a comma (see [`is_comma_like`]).
fn follows_comma(ctx: &Ctx, v: usize) -> bool {
    // "… at the pier – adding she had …": a dash sets the participle off as a comma does.
    v >= 1 && (is_comma_like(ctx, v - 1) || is_dash_break(ctx, v - 1))
}

/// An em or en dash: a break between clauses ("… on the spot — saying …"). A hyphen is left
/// out: it joins words more often than it breaks a clause.
fn is_dash_break(ctx: &Ctx, k: usize) -> bool {
    ctx.np.is_punct(k, "—") || ctx.np.is_punct(k, "–")
}

/// A comma, or a quotation that ends with one ("… he said, “we won,” adding that …": the
/// comma is the quotation's, the clause break the sentence's).
fn is_comma_like(ctx: &Ctx, k: usize) -> bool {
    let np = &ctx.np;
    np.is_punct(k, ",")
        || np.toks[k].kind == Kind::Quote
            && np.toks[k]
                .text(np.text)
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ',')
                .ends_with(',')
}

/// The last resort for a subject the noun-phrase reader cannot parse: the whole phrase from
/// the clause's start to the verb ("Almost half said", "People in Aldby said", "Some growers
/// at the market said"). The clause starts at the sentence's start, or after an introductory
/// phrase that opens with a preposition ("In a video, …"); the phrase is short, opens with a
/// capital, a determiner, a quantity or a number, and holds no verb, cue, quotation or comma.
pub(super) fn phrase_subject(ctx: &Ctx, v: usize, lo: usize) -> Option<Mention> {
    let np = &ctx.np;
    let comma = (lo..v).rev().find(|&k| np.is_punct(k, ","));
    let start = match comma {
        None => skip_openers(ctx, lo, v),
        Some(c) if joins_a_clause(ctx, c + 1) => c + 2,
        Some(c) => {
            let first = skip_openers(ctx, lo, c);
            let intro = np.is_word(first) && is_preposition(np.lw(first).as_ref());
            if !intro || (lo..c).any(|k| np.is_punct(k, ",")) {
                return None;
            }
            c + 1
        }
    };
    let mut end = v.checked_sub(1)?;
    while end > start && np.is_word(end) && np.lx.is_adverb(&np.lw(end)) {
        end -= 1;
    }
    if end < start || word_count(ctx, start, end + 1) > limits::PHRASE_SUBJECT_WORDS {
        return None;
    }
    let opener = np.lw(start);
    let opens = np.is_number(start)
        || np.is_word(start) && np.is_cap(start)
        || is_quantity_subject(opener.as_ref())
        || lexicon::is_number_word(&opener)
        || matches!(
            opener.as_ref(),
            "the" | "a" | "an" | "some" | "many" | "most" | "those" | "these" | "all" | "both"
        );
    let clean = (start..=end).all(|k| {
        let t = &np.toks[k];
        let w = np.lw(k);
        t.kind != Kind::Quote
            && !np.is_punct(k, ",")
            && !np.is_punct(k, ";")
            && !(np.is_word(k)
                && (is_finite_verb_like(&w)
                    || speech_verb(&w).is_some()
                    || is_clause_opener(w.as_ref())
                    || matches!(w.as_ref(), "that" | "and" | "or" | "but")))
    });
    // Capitalised openers are names the other readers already tried; a phrase here must be
    // more than that name: a lower-case word somewhere.
    let lower = (start..=end).any(|k| np.is_word(k) && !np.is_cap(k));
    if !opens || !clean || !lower && !np.is_number(start) {
        return None;
    }
    // The head: the last word before a prepositional phrase, or the last word.
    let head_tok = (start + 1..=end)
        .find(|&k| np.is_word(k) && is_preposition(np.lw(k).as_ref()))
        .map_or(end, |k| k - 1);
    Some(np.description(start, end, head_tok))
}

/// A conjunction at token `k`, after a comma, that opens a clause with a subject of its own
/// ("…, and almost two in three said", "…, while eight in 10 said"): the phrase after it may
/// be the subject, whatever the clause before the comma holds.
fn joins_a_clause(ctx: &Ctx, k: usize) -> bool {
    ctx.np.is_word(k)
        && matches!(
            ctx.np.lw(k).as_ref(),
            "and" | "but" | "while" | "whereas" | "although" | "though"
        )
}

/// The subject of the sentence, also where it opens with "The" and a name ("The State
/// Department has …").
pub(super) fn main_subject(ctx: &Ctx, lo: usize, v: usize) -> Option<Mention> {
    let np = &ctx.np;
    sentence_subject(ctx, lo, v).or_else(|| {
        // "The county party Chair Ada Brenn refused …": the name ending the first run
        // of capitalised words, read back with its title.
        if np.lw(lo) != "the" {
            return None;
        }
        let first = (lo + 1..v.min(lo + limits::THE_NAME_REACH))
            .find(|&k| np.is_word(k) && np.is_cap(k))?;
        let last = (first..v)
            .take_while(|&k| np.is_word(k) && np.is_cap(k) || np.is_punct(k, "."))
            .last()?;
        np.backward(last, lo)
            .filter(|m| m.kind == MentionKind::Name)
    })
}

/// A subject the noun-phrase reader does not know: "Romney's associates say", "26 percent
/// say" — up to four words before the verb, ending in a plural, a number or a percentage.
pub(super) fn bare_subject(ctx: &Ctx, v: usize, lo: usize) -> Option<Mention> {
    let np = &ctx.np;
    let mut end = v.checked_sub(1)?;
    if np.is_punct(end, ",") && end > lo {
        end -= 1;
    }
    let w = np.lw(end);
    let fits_end = np.is_punct(end, "%")
        || matches!(w.as_ref(), "percent" | "surveyed" | "polled")
        || np.is_word(end)
            && w.len() >= limits::MIN_PLURAL_BYTES
            && w.ends_with('s')
            && !np.is_cap(end);
    if end < lo || !fits_end || is_function_like(w.as_ref()) {
        return None;
    }
    let mut start = end;
    while start > lo && end - start < limits::BARE_SUBJECT_WORDS {
        let k = start - 1;
        let ok = np.is_number(k)
            || np.is_punct(k, "%")
            || np.is_word(k)
                && !is_function_like(np.lw(k).as_ref())
                && ctx.speech_verb_at(k).is_none();
        if !ok {
            break;
        }
        start = k;
    }
    Some(np.description(start, end, end))
}

word_set!(
    /// Words that end a bare subject read backwards.
    pub(super) fn is_function_like,
    "and", "or", "but", "that", "which", "who", "what", "this",
    "is", "are", "was", "were", "has", "have", "had", "as",
    "of", "in", "on", "at", "to", "for", "with", "by",
    "from", "its", "it", "thus", "perhaps", "also", "always", "sometimes",
    "news", "reports", "says",
);

#[cfg(test)]
mod cue_word_and_subject_tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_noun_like_cue_that_is_the_noun_reports_nothing() {
        for t in [
            "Mara Quill campaigned hard in the coastal states that vote in early March.",
            "Tomas Holm lost the state he had carried easily four years before.",
            "Ida Brenn won the two states that held caucuses on Saturday.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
        // Must still fire: the verb with its subject and a clause.
        let r = reported("Mara Quill states that the pier will close in June.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "that the pier will close in June");
    }

    #[test]
    fn a_poll_share_after_a_conjunction_is_the_subject() {
        let r = reported(
            "Most riders said fares were too high, while eight in 10 said the ferry ran late.",
        );
        let late = r.iter().find(|r| r.0 == "the ferry ran late");
        assert_eq!(
            late.and_then(|r| r.1.as_deref()),
            Some("eight in 10"),
            "{r:?}"
        );
        let r = reported("Fares rose in May, and almost two in three said they would walk.");
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].1.as_deref(), Some("almost two in three"));
        // Must not fire: a belief, a negation, a question after the conjunction.
        for t in [
            "Fares rose in May, and almost two in three think they would walk.",
            "Fares rose in May, but almost two in three did not say they would walk.",
            "Fares rose in May, but did eight in 10 say they would walk?",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn who_after_a_preposition_stands_for_the_person_named() {
        let (content, speaker, _) = one(
            "The harbour plan was drafted with help from Tomas Perel, who said the berths were too shallow.",
        );
        assert_eq!(content, "the berths were too shallow");
        assert_eq!(speaker.as_deref(), Some("Tomas Perel"));
        // Must not fire: a town (not a person) before "who", or a place inside an appositive.
        for t in [
            "The ferry was late again, said Mira Kol, 24, from Aldby, who said the timetable was a joke.",
        ] {
            for r in reported(t) {
                assert_ne!(r.1.as_deref(), Some("Aldby"), "{t}: {r:?}");
            }
        }
    }

    #[test]
    fn which_after_an_organisation_or_a_document_speaks_for_it() {
        let (content, speaker, _) = one(
            "The hearing followed a complaint by the Tarnmouth Harbour Trust, which argued that the dredging broke its lease.",
        );
        assert_eq!(content, "that the dredging broke its lease");
        assert_eq!(speaker.as_deref(), Some("Tarnmouth Harbour Trust"));
        let (_, speaker, _) =
            one("The review was led by a safety panel, which said the cranes were unsafe.");
        assert_eq!(speaker.as_deref(), Some("a safety panel"));
        // Must not fire: a place before ", which".
        for r in reported("The ferry stops in Norwich, which said nothing about it.") {
            assert_ne!(r.1.as_deref(), Some("Norwich"), "{r:?}");
        }
    }

    #[test]
    fn a_second_participle_after_and_speaks_for_the_sentence_subject() {
        let r = reported(
            "Tomas Holm dodged the question, pointing to his record on the council and saying that the old pier was safe.",
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].0, "that the old pier was safe");
        assert_eq!(r[0].1.as_deref(), Some("Tomas Holm"));
        // Must not fire: "and saying" with no participle clause before it.
        let r = reported("The crews kept working and saying little about the storm.");
        assert!(r.is_empty(), "{r:?}");
    }

    #[test]
    fn a_with_clause_gives_its_participle_a_subject() {
        let (content, speaker, _) = one(
            "Backing for the ferry levy has slipped, with 41 of the islanders polled warning they would reject it.",
        );
        assert_eq!(content, "they would reject it");
        assert_eq!(speaker.as_deref(), Some("41 of the islanders polled"));
        // Must not fire: a "with" phrase that is no clause of its own.
        let r = reported("The crews worked with the divers saying little all day.");
        assert!(
            r.iter().all(|r| r.1.as_deref() != Some("the divers")),
            "{r:?}"
        );
    }

    #[test]
    fn a_quantity_opens_a_clause_subject() {
        let (content, _, _) =
            one("The radio station reported at least six fishing boats were damaged in the storm.");
        assert_eq!(
            content,
            "at least six fishing boats were damaged in the storm"
        );
        // Must not fire: "about" before no number is a preposition.
        let r = reported("The radio station reported about the storm on Monday.");
        assert!(r.iter().all(|r| r.2 != "reported-clause"), "{r:?}");
    }

    #[test]
    fn a_phrasal_participle_of_speech_ends_the_content_before_it() {
        let r = reported(
            "Orla Benn said the survey showed riders would pay for a punctual service, pointing out that the buses were often late.",
        );
        assert!(
            r.iter()
                .any(|r| r.0 == "the survey showed riders would pay for a punctual service"),
            "{r:?}"
        );
    }
}

#[cfg(test)]
mod content_bound_tests {
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn a_bracketed_aside_after_the_full_stop_is_the_writers() {
        for t in [
            "Osric Vane said the pier would close in June. (The council has not confirmed the date.)",
            "Osric Vane said the pier would close in June. [Harbour Gazette]",
        ] {
            assert_eq!(one(t).0, "the pier would close in June", "{t}");
        }
        // Must not cut: brackets inside the clause, with no full stop before them.
        let (content, _, _) =
            one("Osric Vane said the old pier (built in 1910) would close in June.");
        assert_eq!(content, "the old pier (built in 1910) would close in June");
    }

    #[test]
    fn how_the_words_were_given_is_not_what_was_said() {
        for (t, want) in [
            (
                "Two port officials said the ferry would be sold on condition of anonymity.",
                "the ferry would be sold",
            ),
            (
                "Mara Quill said the levy would rise in an interview published Friday.",
                "the levy would rise",
            ),
            (
                "Mara Quill said the levy would rise during a news conference on Friday.",
                "the levy would rise",
            ),
            (
                "Mara Quill said the crews were tired, but in a later interview she denied it.",
                "the crews were tired",
            ),
        ] {
            assert_eq!(one(t).0, want, "{t}");
        }
        // Must not cut: the noun goes on ("her email account"), or it is no occasion of speech.
        for (t, want) in [
            (
                "Osric Vane said the interest in her email account had faded.",
                "the interest in her email account had faded",
            ),
            (
                "Osric Vane said the crews slept in their boats on Friday.",
                "the crews slept in their boats on Friday",
            ),
        ] {
            assert_eq!(one(t).0, want, "{t}");
        }
    }

    #[test]
    fn a_past_predicate_after_a_clause_without_one_is_the_speakers() {
        for (t, want) in [
            (
                "Osric Vane said the levy must rise, and has pressed the council to act.",
                "the levy must rise",
            ),
            (
                "Osric Vane says the ferry is safe but admitted it needs repairs.",
                "the ferry is safe",
            ),
        ] {
            assert_eq!(reported(t)[0].0, want, "{t}");
        }
        // Must not cut: the clause is in the past itself, or the past form modifies a noun.
        for (t, want) in [
            (
                "Osric Vane said the crews worked late and finished the repairs.",
                "the crews worked late and finished the repairs",
            ),
            (
                "Mara Quill said the storms and unsettled weather will delay the work.",
                "the storms and unsettled weather will delay the work",
            ),
        ] {
            assert_eq!(one(t).0, want, "{t}");
        }
    }
}
