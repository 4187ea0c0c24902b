//! The attribution engine: finds every quotation in an article and who said it.
//!
//! The pipeline: [`quotes`] pairs quote marks into quotations; [`tokens`] reads the narrative
//! around them; [`entities`] groups names into people and organisations; the [`sieves`] then
//! look at each quotation in turn, most precise first, for the phrase that names its speaker;
//! that phrase is resolved to an entity (pronouns and titles included) or kept as a
//! description. Every quotation records the sieve that decided.

mod entities;
mod lexicon;
mod np;
mod quotes;
mod reported;
mod sieves;
mod tokens;

pub use entities::EntityKind;
pub use sieves::Sieve;
pub use tokens::lower_same_offsets as tokens_lower;

use crate::article::Article;
use entities::Entities;
use lexicon::Lexicon;
use np::{MentionKind, Np};
use sieves::{Ctx, Found};
use std::collections::HashMap;
use std::ops::Range;

/// How a quotation's speaker phrase was turned into a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Resolution {
    /// The phrase is a name.
    Name,
    /// A pronoun resolved to a preceding mention.
    Pronoun,
    /// A title or role resolved to the entity introduced with it.
    Title,
    /// A document or outlet phrase whose named organisation speaks ("a headline in The Guardian").
    Organisation,
    /// Nothing resolved: the description itself is the speaker ("a Pentagon spokesman").
    Description,
    /// Carried over from the previous quotation.
    Previous,
}

/// Whether a statement is quoted or reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatementKind {
    /// Words in quotation marks: “We will win,” she said.
    #[default]
    Direct,
    /// Reported speech without marks: She said that they would win.
    Indirect,
}

/// One attributed (or unattributed) statement: a quotation or reported speech. Offsets are byte
/// offsets into the article text. [`Analysis::quotes`] holds both kinds, in text order.
#[derive(Debug, Clone)]
pub struct Quote {
    /// Quoted (direct) or reported (indirect).
    pub kind: StatementKind,
    /// From the opening mark to the closing mark, over every paragraph it spans.
    pub span: Range<usize>,
    /// One range per paragraph, for highlighting without the blank lines between.
    pub parts: Vec<Range<usize>>,
    /// Index into [`Analysis::speakers`].
    pub speaker: Option<usize>,
    /// Where the text names the speaker for this quotation ("he" in “…,” he said).
    pub mention: Option<Range<usize>>,
    /// The reporting verb or phrase that ties the two.
    pub cue: Option<Range<usize>>,
    pub sieve: Sieve,
    pub resolution: Option<Resolution>,
    pub unclosed: bool,
}

/// A speaker: a person, an organisation, or a description that nothing resolved.
#[derive(Debug, Clone)]
pub struct Speaker {
    /// Canonical name: the fullest form seen ("Vladimir Putin").
    pub name: String,
    /// Other forms the article uses ("Putin", "the Russian President").
    pub aliases: Vec<String>,
    /// A role learned from appositives ("U.S. State Department spokesman").
    pub descriptor: Option<String>,
    pub kind: EntityKind,
    /// Indices into [`Analysis::quotes`].
    pub quotes: Vec<usize>,
}

/// Quoted words that are not statements: titles, nicknames, scare quotes.
#[derive(Debug, Clone)]
pub struct OtherQuoted {
    pub span: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Analysis {
    /// Statements, in text order.
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub other_quoted: Vec<OtherQuoted>,
}

/// A reader's correction of one quotation, located in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpeakerCorrection {
    /// The quotation's span as anchored in the current text.
    pub span: Range<usize>,
    /// The right speaker (a known speaker's name, or a new one).
    pub speaker: Option<String>,
    /// The quoted words are no statement.
    pub not_a_quote: bool,
}

impl Analysis {
    /// Applies the reader's corrections: the corrected quotations get the given speaker (sieve
    /// `correction`) or move to `other_quoted`; speakers' quotation lists are rebuilt.
    pub fn apply_corrections(&mut self, corrections: &[SpeakerCorrection]) {
        for c in corrections {
            let Some(qi) = self.quotes.iter().position(|q| {
                q.span == c.span
                    || q.span.contains(&c.span.start) && q.span.end >= c.span.end.min(q.span.end)
            }) else {
                continue;
            };
            if c.not_a_quote {
                let q = self.quotes.remove(qi);
                self.other_quoted.push(OtherQuoted { span: q.span });
                continue;
            }
            let Some(name) = c
                .speaker
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty())
            else {
                continue;
            };
            let s = match self
                .speakers
                .iter()
                .position(|s| s.name.eq_ignore_ascii_case(name))
            {
                Some(s) => s,
                None => {
                    self.speakers.push(Speaker {
                        name: name.to_string(),
                        aliases: vec![],
                        descriptor: None,
                        kind: EntityKind::Unknown,
                        quotes: vec![],
                    });
                    self.speakers.len() - 1
                }
            };
            let q = &mut self.quotes[qi];
            q.speaker = Some(s);
            q.sieve = Sieve::Correction;
            q.resolution = None;
        }
        self.other_quoted.sort_by_key(|o| o.span.start);
        self.rebuild_speaker_lists();
    }

    /// Keeps only the statements of one kind (`None`: both), for `quoth quotes --kind`.
    pub fn retain_kind(&mut self, kind: Option<StatementKind>) {
        let Some(kind) = kind else { return };
        self.quotes.retain(|q| q.kind == kind);
        self.rebuild_speaker_lists();
    }

    /// Recomputes each speaker's quotations and drops speakers left with none.
    fn rebuild_speaker_lists(&mut self) {
        let mut counts = vec![0usize; self.speakers.len()];
        for q in &self.quotes {
            if let Some(s) = q.speaker {
                counts[s] += 1;
            }
        }
        let mut remap = vec![None; self.speakers.len()];
        let mut kept = Vec::new();
        for (i, sp) in std::mem::take(&mut self.speakers).into_iter().enumerate() {
            if counts[i] > 0 {
                remap[i] = Some(kept.len());
                kept.push(Speaker {
                    quotes: vec![],
                    ..sp
                });
            }
        }
        self.speakers = kept;
        for (qi, q) in self.quotes.iter_mut().enumerate() {
            q.speaker = q.speaker.and_then(|s| remap[s]);
            if let Some(s) = q.speaker {
                self.speakers[s].quotes.push(qi);
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum SpeakerKey {
    Entity(usize),
    Description(String),
}

/// Analyses an article.
pub fn analyse(article: &Article) -> Analysis {
    analyse_text(&article.text, &article.paragraphs)
}

/// Text above this size is analysed in stretches of about this many bytes, cut between
/// paragraphs outside quotations: memory stays bounded on books and archives, and an
/// article's names and pronouns rarely refer further back than that.
const CHUNK_BYTES: usize = 256 * 1024;

/// Analyses text with its paragraphs (byte ranges, in order, not overlapping).
pub fn analyse_text(text: &str, paragraphs: &[Range<usize>]) -> Analysis {
    let found = quotes::find_quotes(text, paragraphs);
    if text.len() <= CHUNK_BYTES {
        return analyse_chunk(text, paragraphs, &found);
    }
    let mut out = Analysis::default();
    for (paras, quotes) in chunks(paragraphs, found) {
        let part = analyse_chunk(text, &paragraphs[paras], &quotes);
        out.absorb(part);
    }
    out
}

/// Splits the paragraphs into stretches of about `CHUNK_BYTES`, never inside a quotation
/// that runs over several paragraphs, with the quotations of each.
fn chunks(
    paragraphs: &[Range<usize>],
    found: Vec<quotes::FoundQuote>,
) -> Vec<(Range<usize>, Vec<quotes::FoundQuote>)> {
    let para_of = |offset: usize| paragraphs.partition_point(|p| p.end <= offset);
    // A cut after paragraph i is allowed unless a quotation runs from i into i + 1.
    let mut no_cut_after = vec![false; paragraphs.len()];
    for q in &found {
        let (a, b) = (
            para_of(q.span().start),
            para_of(q.span().end.saturating_sub(1)),
        );
        for flag in no_cut_after.iter_mut().take(b).skip(a) {
            *flag = true;
        }
    }
    let mut out = Vec::new();
    let mut quotes = found.into_iter().peekable();
    let mut start = 0;
    for i in 0..paragraphs.len() {
        let last = i + 1 == paragraphs.len();
        let big = paragraphs[i].end - paragraphs[start].start >= CHUNK_BYTES;
        if last || big && !no_cut_after[i] {
            let end_byte = paragraphs[i].end;
            let mut qs = Vec::new();
            while let Some(q) = quotes.next_if(|q| q.span().start < end_byte) {
                qs.push(q);
            }
            out.push((start..i + 1, qs));
            start = i + 1;
        }
    }
    out
}

impl Analysis {
    /// Appends the analysis of the next stretch of text, merging speakers by name.
    fn absorb(&mut self, part: Analysis) {
        let base = self.quotes.len();
        let mut remap = Vec::with_capacity(part.speakers.len());
        let mut by_name: HashMap<&str, usize> = HashMap::with_capacity(self.speakers.len());
        for (i, s) in self.speakers.iter().enumerate() {
            by_name.insert(s.name.as_str(), i);
        }
        let found: Vec<Option<usize>> = part
            .speakers
            .iter()
            .map(|sp| by_name.get(sp.name.as_str()).copied())
            .collect();
        drop(by_name);
        for (sp, existing) in part.speakers.into_iter().zip(found) {
            match existing {
                Some(i) => {
                    let mine = &mut self.speakers[i];
                    for a in sp.aliases {
                        if !mine.aliases.contains(&a) {
                            mine.aliases.push(a);
                        }
                    }
                    if mine.descriptor.is_none() {
                        mine.descriptor = sp.descriptor;
                    }
                    remap.push(i);
                }
                None => {
                    remap.push(self.speakers.len());
                    self.speakers.push(Speaker {
                        quotes: vec![],
                        ..sp
                    });
                }
            }
        }
        for (qi, mut q) in part.quotes.into_iter().enumerate() {
            q.speaker = q.speaker.map(|s| remap[s]);
            if let Some(s) = q.speaker {
                self.speakers[s].quotes.push(base + qi);
            }
            self.quotes.push(q);
        }
        self.other_quoted.extend(part.other_quoted);
    }
}

/// The whole pipeline on one stretch of text (paragraphs in order, their quotations).
fn analyse_chunk(
    text: &str,
    paragraphs: &[Range<usize>],
    found: &[quotes::FoundQuote],
) -> Analysis {
    if paragraphs.is_empty() {
        return Analysis::default();
    }
    let toks = tokens::tokenize(text, paragraphs, found);
    let np = Np {
        text,
        lower: &toks.lower,
        lower_base: toks.lower_base,
        toks: &toks.toks,
        paras: &toks.paragraphs,
        lx: Lexicon::get(),
    };
    let mut ents = Entities::build(&np);
    let ctx = Ctx {
        np,
        tokens: &toks,
        quotes: found,
    };

    let mut results: Vec<Option<Found>> = Vec::with_capacity(found.len());
    let mut keys: Vec<Option<(SpeakerKey, Resolution)>> = Vec::with_capacity(found.len());
    for qi in 0..found.len() {
        let mut f = sieves::attribute(&ctx, qi, &results);
        let mut key = f.as_ref().and_then(|f| resolve(&ctx, &mut ents, f));
        if f.is_none() && !sieves::has_own_cue(&ctx, qi) {
            if let Some((pf, pk)) = continuation(&ctx, &ents, qi, &results, &keys) {
                f = Some(Found {
                    sieve: Sieve::Continuation,
                    cue: None,
                    ..pf
                });
                key = Some((pk.0, Resolution::Previous));
            } else if let Some(sf) = sieves::embedding_subject(&ctx, qi) {
                key = resolve(&ctx, &mut ents, &sf);
                f = Some(sf);
            }
        }
        if let Some((SpeakerKey::Entity(e), _)) = &key {
            ents.record_speaker(toks.quote_token[qi], *e);
        }
        results.push(f);
        keys.push(key);
    }
    let statements: Vec<bool> = (0..found.len())
        .map(|qi| is_statement(&ctx, qi, results[qi].as_ref()))
        .collect();
    // Reported speech comes after the quotations, whose attributions it does not change.
    let direct_spans: Vec<Range<usize>> = found.iter().map(|q| q.span()).collect();
    let reported: Vec<(reported::Reported, Option<(SpeakerKey, Resolution)>)> =
        reported::find(&ctx)
            .into_iter()
            .filter(|r| !overlaps_any(&direct_spans, &r.content))
            .map(|r| {
                let key = resolve(&ctx, &mut ents, &r.found);
                (r, key)
            })
            .collect();
    let direct = Direct {
        found,
        results: &results,
        keys: &keys,
        statements: &statements,
    };
    assemble(&direct, &reported, &ents)
}

/// Whether `r` overlaps one of `spans` (sorted, not overlapping each other).
fn overlaps_any(spans: &[Range<usize>], r: &Range<usize>) -> bool {
    let i = spans.partition_point(|s| s.end <= r.start);
    spans.get(i).is_some_and(|s| s.start < r.end)
}

/// The quotations of a stretch of text with what the sieves found for each.
struct Direct<'a> {
    found: &'a [quotes::FoundQuote],
    results: &'a [Option<Found>],
    keys: &'a [Option<(SpeakerKey, Resolution)>],
    statements: &'a [bool],
}

/// Quoted words that no one is reported as saying are not statements: titles ("“The
/// Apprentice”"), nicknames (George “Jay” Keyworth) and things named with "called".
fn is_statement(ctx: &Ctx, qi: usize, found: Option<&Found>) -> bool {
    let np = &ctx.np;
    let span = ctx.quotes[qi].span();
    let inner = np.text[span].trim_matches(|c: char| QUOTE_TRIM.contains(&c) || c.is_whitespace());
    // Only the first eleven words matter below (counts up to ten): long quotations unread.
    let words: Vec<&str> = inner.split_whitespace().take(11).collect();
    let qt = ctx.tokens.quote_token[qi];
    let name_word = |t: usize| {
        np.is_word(t) && tokens::is_capitalized(np.word(t)) && np.toks[t].para == np.toks[qt].para
    };
    let nickname = words.len() <= 3 && qt > 0 && name_word(qt - 1) && name_word(qt + 1);
    // "the so-called “productivity plan”": the writer keeps the words at arm's length.
    let so_called = qt > 0 && np.is_word(qt - 1) && np.lw(qt - 1) == "so-called";
    if nickname || so_called && words.len() <= 4 {
        return false;
    }
    let title = words.len() <= 10 && is_title_case(&words);
    // "author of “America’s Bitter Pill”", "on CNBC’s “Squawk Box”", "his book “The Art of the
    // Deal”": a title where a title goes is no statement, whoever is near.
    let title_slot = qt > 0 && np.is_word(qt - 1) && {
        let w = np.lw(qt - 1);
        matches!(
            w.as_ref(),
            "of" | "on"
                | "with"
                | "book"
                | "show"
                | "program"
                | "programme"
                | "film"
                | "movie"
                | "titled"
                | "entitled"
                | "series"
                | "memoir"
                | "novel"
                | "album"
                | "song"
        ) || np::is_possessive(np.word(qt - 1))
    };
    if title && title_slot {
        return false;
    }
    match found {
        Some(f) if f.sieve == Sieve::EmbeddingSubject => !title,
        Some(f) => !named_with_called(ctx, qt, f),
        None => !title,
    }
}

const QUOTE_TRIM: &[char] = &['“', '”', '"', '\'', '`', '«', '»', '„', '‘', '’', ',', '.'];

/// "a short film called “Tenemos Familias”": a name given to a thing, not words spoken.
fn named_with_called(ctx: &Ctx, qt: usize, f: &Found) -> bool {
    let np = &ctx.np;
    let Some(cue) = &f.cue else { return false };
    let naming = matches!(
        &np.text[cue.clone()],
        "called" | "named" | "dubbed" | "titled" | "entitled" | "labeled" | "labelled"
    );
    let right_before = qt > 0 && np.toks[qt - 1].end == cue.end;
    naming && right_before && matches!(f.mention.kind, MentionKind::Nominal)
}

/// Every word of four letters or more is capitalised: a title or a name.
fn is_title_case(words: &[&str]) -> bool {
    let long: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    !long.is_empty()
        && long.iter().all(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
}

/// Sieve 4: a quotation with no cue of its own keeps the previous quotation's speaker when it
/// follows it directly (same paragraph, or opening the next one) and no one else was named.
fn continuation(
    ctx: &Ctx,
    ents: &Entities,
    qi: usize,
    results: &[Option<Found>],
    keys: &[Option<(SpeakerKey, Resolution)>],
) -> Option<(Found, (SpeakerKey, Resolution))> {
    let prev = qi.checked_sub(1)?;
    let pf = results[prev].clone()?;
    let pk = keys[prev].clone()?;
    let toks = &ctx.np.toks;
    let qt = ctx.tokens.quote_token[qi];
    let pt = ctx.tokens.quote_token[prev];
    let (qp, pp) = (toks[qt].para, toks[pt].para);
    let opens_paragraph = ctx.tokens.paragraphs[qp as usize].start == qt;
    // A quotation inside a narrative sentence belongs to that sentence, not to the last speaker.
    if ctx.sentence_of(qt).start != qt {
        return None;
    }
    let adjacent = qp == pp || (opens_paragraph && qp == last_para_of(ctx, prev) + 1);
    if !adjacent {
        return None;
    }
    let except = match pk.0 {
        SpeakerKey::Entity(e) => Some(e),
        SpeakerKey::Description(_) => None,
    };
    // Names in the previous quotation's own sentence belong to its cue ("said the former aide
    // to President George W. Bush"); only later ones introduce someone else.
    let from = ctx.sentence_of(ctx.last_quote_token(prev)).end;
    if from < qt && ents.someone_else_between(from, qt, except) {
        return None;
    }
    Some((pf, pk))
}

fn last_para_of(ctx: &Ctx, qi: usize) -> u32 {
    let q = &ctx.quotes[qi];
    let end = q.parts[q.parts.len() - 1].start;
    let t = ctx.tokens.quote_token[qi];
    ctx.np.toks[t..]
        .iter()
        .take_while(|tk| tk.start <= end)
        .last()
        .map_or(ctx.np.toks[t].para, |tk| tk.para)
}

/// Turns the phrase a sieve found into a speaker: an entity, or a description.
fn resolve(ctx: &Ctx, ents: &mut Entities, f: &Found) -> Option<(SpeakerKey, Resolution)> {
    let np = &ctx.np;
    let m = &f.mention;
    match &m.kind {
        MentionKind::Name => {
            let e = ents.lookup(m, np.lx).unwrap_or_else(|| ents.link(np.lx, m));
            Some((SpeakerKey::Entity(e), Resolution::Name))
        }
        MentionKind::Pronoun(kind) => {
            if let Some(e) = ents.resolve_pronoun(m.first_tok, *kind, np) {
                ents.add_alias(e, &np.text[m.span.clone()].to_lowercase());
                ents.learn_gender(e, m.gender);
                return Some((SpeakerKey::Entity(e), Resolution::Pronoun));
            }
            // "they" and "it" often stand for a group or a document named just before:
            // "the groups say. They argue …", "The Post reported … It added, …".
            let group = group_antecedent(ctx, m.first_tok, *kind)?;
            Some((SpeakerKey::Description(group), Resolution::Pronoun))
        }
        MentionKind::Nominal => {
            let head = m.head.as_deref().unwrap_or("");
            // "King said": a surname that is also a title, when someone of that name exists.
            if m.first_tok == m.last_tok && tokens::is_capitalized(np.word(m.first_tok)) {
                let as_name = np::Mention {
                    name: Some(np.word(m.first_tok).to_string()),
                    kind: MentionKind::Name,
                    ..m.clone()
                };
                if let Some(e) = ents.lookup(&as_name, np.lx) {
                    return Some((SpeakerKey::Entity(e), Resolution::Name));
                }
            }
            if let Some(org) = &m.org
                && np.lx.role_noun(head).is_none()
            {
                let org_mention = np::Mention {
                    name: Some(org.clone()),
                    kind: MentionKind::Name,
                    ..m.clone()
                };
                let e = ents
                    .lookup(&org_mention, np.lx)
                    .unwrap_or_else(|| ents.link(np.lx, &org_mention));
                return Some((SpeakerKey::Entity(e), Resolution::Organisation));
            }
            if let Some(e) = ents.resolve_title(m, np) {
                return Some((SpeakerKey::Entity(e), Resolution::Title));
            }
            let d = np.text[m.span.clone()]
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            description_speaker(d).map(|d| (SpeakerKey::Description(d), Resolution::Description))
        }
    }
}

/// A description as a speaker's name, without the relative pronoun that introduced its clause
/// ("a campaign surrogate who" -> "a campaign surrogate"); a lone quantifier ("Another", "a
/// second", "many") names nobody a reader could tell apart.
fn description_speaker(d: String) -> Option<String> {
    let d = d
        .strip_suffix(" who")
        .unwrap_or(&d)
        .trim_end_matches([',', ' '])
        .to_string();
    let lower = d.to_lowercase();
    let quantifier = matches!(
        lower.as_str(),
        "another" | "one" | "many" | "some" | "others" | "a second" | "a third" | "most" | "few"
    );
    (!quantifier && !d.is_empty()).then_some(d)
}

/// The description a plural "they" (or a document-like "it") refers to: the nearest noun
/// phrase before it, within three sentences, headed by a plural role ("the groups",
/// "officials", "Democrats") or, for "it", by a document or organisation word.
fn group_antecedent(ctx: &Ctx, tok: usize, kind: lexicon::PronounKind) -> Option<String> {
    let np = &ctx.np;
    let plural = match kind {
        lexicon::PronounKind::Plural => true,
        lexicon::PronounKind::Neutral => false,
        // "I" and "we" in the narrative are the article's writer (a column, a first-person
        // report): outside quotations nobody else says "I".
        lexicon::PronounKind::FirstPerson => return Some("the writer".to_string()),
        _ => return None,
    };
    let sentence = np.toks[tok].sentence;
    let lo = tok.saturating_sub(80);
    for k in (lo..tok).rev() {
        let t = np.toks[k];
        if sentence.saturating_sub(t.sentence) > 3 || t.kind != tokens::Kind::Word {
            continue;
        }
        let w = np.lw(k);
        let fits = if plural {
            w.len() > 3 && w.ends_with('s') && {
                let stem = w.trim_end_matches('s');
                np.lx.role_noun(stem).is_some()
                    || np.lx.is_source_noun(stem)
                    || np.lx.role_noun(&w).is_some()
            }
        } else {
            !tokens::is_capitalized(np.word(k)) && np.lx.is_source_noun(&w)
        };
        if !fits {
            continue;
        }
        let start = ctx.sentence_of(k).start;
        let m = np.subject_backward(k, start).filter(|m| m.last_tok == k)?;
        let text = np.text[m.span.clone()]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        return Some(text);
    }
    None
}

/// Builds the analysis: quotations and reported statements in text order, speakers numbered
/// in the order they first speak.
fn assemble(
    direct: &Direct,
    reported: &[(reported::Reported, Option<(SpeakerKey, Resolution)>)],
    ents: &Entities,
) -> Analysis {
    let mut pending: Vec<(Quote, Option<&SpeakerKey>)> =
        Vec::with_capacity(direct.found.len() + reported.len());
    let mut other_quoted = Vec::new();
    for (qi, q) in direct.found.iter().enumerate() {
        if !direct.statements[qi] {
            other_quoted.push(OtherQuoted { span: q.span() });
            continue;
        }
        let f = direct.results[qi].as_ref();
        let key = direct.keys[qi].as_ref();
        pending.push((
            Quote {
                kind: StatementKind::Direct,
                span: q.span(),
                parts: q.parts.clone(),
                speaker: None,
                mention: f.map(|f| f.mention.span.clone()),
                cue: f.and_then(|f| f.cue.clone()),
                sieve: f.map_or(Sieve::None, |f| f.sieve),
                resolution: key.map(|(_, r)| *r),
                unclosed: q.unclosed,
            },
            key.map(|(k, _)| k),
        ));
    }
    for (r, key) in reported {
        pending.push((
            Quote {
                kind: StatementKind::Indirect,
                span: r.content.clone(),
                parts: vec![r.content.clone()],
                speaker: None,
                mention: Some(r.found.mention.span.clone()),
                cue: r.found.cue.clone(),
                sieve: r.found.sieve,
                resolution: key.as_ref().map(|(_, r)| *r),
                unclosed: false,
            },
            key.as_ref().map(|(k, _)| k),
        ));
    }
    pending.sort_by_key(|(q, _)| (q.span.start, q.span.end));
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut index: HashMap<&SpeakerKey, usize> = HashMap::new();
    let mut quotes = Vec::with_capacity(pending.len());
    for (mut q, key) in pending {
        q.speaker = key.map(|k| {
            *index.entry(k).or_insert_with(|| {
                speakers.push(new_speaker(k, ents));
                speakers.len() - 1
            })
        });
        if let Some(s) = q.speaker {
            speakers[s].quotes.push(quotes.len());
        }
        quotes.push(q);
    }
    Analysis {
        quotes,
        speakers,
        other_quoted,
    }
}

fn new_speaker(k: &SpeakerKey, ents: &Entities) -> Speaker {
    match k {
        SpeakerKey::Entity(e) => {
            let ent = &ents.list[*e];
            Speaker {
                name: ent.name.clone(),
                aliases: ent
                    .aliases
                    .iter()
                    .filter(|a| **a != ent.name)
                    .cloned()
                    .collect(),
                descriptor: ent.descriptor.clone(),
                kind: ent.kind,
                quotes: vec![],
            }
        }
        SpeakerKey::Description(d) => Speaker {
            name: d.clone(),
            aliases: vec![],
            descriptor: None,
            kind: EntityKind::Unknown,
            quotes: vec![],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::split_paragraphs;

    /// (quoted text, speaker, sieve) for each statement.
    fn run(text: &str) -> Vec<(String, Option<String>, &'static str)> {
        let a = analyse_text(text, &split_paragraphs(text));
        a.quotes
            .iter()
            .map(|q| {
                (
                    text[q.span.clone()].to_string(),
                    q.speaker.map(|s| a.speakers[s].name.clone()),
                    q.sieve.name(),
                )
            })
            .collect()
    }

    fn speaker_of(text: &str, quote_start: &str) -> Option<String> {
        run(text)
            .into_iter()
            .find(|(q, _, _)| q.contains(quote_start))
            .unwrap_or_else(|| panic!("no quote {quote_start:?} in {text:?}"))
            .1
    }

    fn sieve_of(text: &str, quote_start: &str) -> &'static str {
        run(text)
            .into_iter()
            .find(|(q, _, _)| q.contains(quote_start))
            .map_or("missing", |r| r.2)
    }

    // Sieve 1: adjacent cues.
    #[test]
    fn adjacent_said_after_quote() {
        let t = "“We will win,” said Maria Lopez, the mayor.";
        assert_eq!(speaker_of(t, "We will win"), Some("Maria Lopez".into()));
        assert_eq!(sieve_of(t, "We will win"), "adjacent-cue");
        let t = "“We will win,” Maria Lopez added.";
        assert_eq!(speaker_of(t, "We will win"), Some("Maria Lopez".into()));
    }

    #[test]
    fn adjacent_said_before_quote() {
        assert_eq!(
            speaker_of("Maria Lopez said: “We will win.”", "We will"),
            Some("Maria Lopez".into())
        );
        let t = "Maria Lopez said that the plan was “a disaster for the city.”";
        assert_eq!(speaker_of(t, "a disaster"), Some("Maria Lopez".into()));
    }

    #[test]
    fn adjacent_cue_closing_the_sentence() {
        let t = "Voters cheered. “People were celebrating” before the incident, Maria Lopez said.";
        assert_eq!(speaker_of(t, "People were"), Some("Maria Lopez".into()));
        let t = "He wants “grass-roots firepower” they need to win, campaign spokesman Neil Sroka said.";
        assert_eq!(speaker_of(t, "grass-roots"), Some("Neil Sroka".into()));
        // Not when the clause goes on after the cue: "…, Lopez said that …" reports something else.
        let t = "Nobody saw “the plan” before the vote, Maria Lopez said that day, and she left.";
        assert_ne!(sieve_of(t, "the plan"), "adjacent-cue");
    }

    #[test]
    fn participle_in_a_with_phrase_takes_its_own_subject() {
        let t = "Republicans were quick to chime in, with Donald Trump tweeting that it was a disaster and asking, “How can she lead?”";
        assert_eq!(speaker_of(t, "How can"), Some("Donald Trump".into()));
    }

    #[test]
    fn adjacent_split_quote_shares_its_cue() {
        let t = "“It is over,” John Carter said, “and we lost.”";
        assert_eq!(speaker_of(t, "and we lost"), Some("John Carter".into()));
    }

    #[test]
    fn adjacent_does_not_fire_on_capitalised_words_or_passives() {
        // "Post" is not the verb "post"; "was asked" reports someone else's question.
        let t = "An essay in The Washington Post was titled “Notes on a Crisis.”";
        assert_eq!(
            run(t)
                .iter()
                .find(|r| r.0.contains("Notes"))
                .and_then(|r| r.1.clone()),
            None
        );
        let t = "At the hearing he was asked “why now?” by nobody in particular.";
        assert_ne!(sieve_of(t, "why now"), "adjacent-cue");
    }

    // Sieve 2: according to.
    #[test]
    fn according_to_names_the_source() {
        let t = "Anna Berg chaired the session. According to her, “the budget is fine.”";
        assert_eq!(speaker_of(t, "the budget"), Some("Anna Berg".into()));
        assert_eq!(sieve_of(t, "the budget"), "according-to");
        let t = "Tom Reed spoke last. He attacked those who, in his words, “sold the town.”";
        assert_eq!(speaker_of(t, "sold the town"), Some("Tom Reed".into()));
    }

    #[test]
    fn according_to_does_not_fire_without_the_phrase() {
        let t = "The weather was bad. “Nobody came.”";
        assert_ne!(sieve_of(t, "Nobody came"), "according-to");
    }

    // Sieve 3: block lines.
    #[test]
    fn block_line_names_the_quoted_paragraphs() {
        let t = "Pavel Danilin, political analyst (Moscow):\n\n“First point.\n\n“Second point.”";
        assert_eq!(speaker_of(t, "First point"), Some("Pavel Danilin".into()));
        assert_eq!(sieve_of(t, "First point"), "block-line");
    }

    #[test]
    fn block_line_needs_a_name() {
        let t = "Wait, it gets better:\n\n“Nobody saw it coming.”";
        assert_eq!(speaker_of(t, "Nobody saw"), None);
    }

    // Sieve 4: continuation.
    #[test]
    fn continuation_keeps_the_speaker() {
        let t = "“We are ready,” said Omar Haddad.\n\n“The trucks leave at dawn.”";
        assert_eq!(speaker_of(t, "The trucks"), Some("Omar Haddad".into()));
        assert_eq!(sieve_of(t, "The trucks"), "continuation");
    }

    #[test]
    fn continuation_stops_when_someone_else_is_introduced() {
        let t = "“We are ready,” said Omar Haddad.\n\nLater, Julia Stone arrived at the depot.\n\n“The trucks leave at dawn.”";
        assert_ne!(speaker_of(t, "The trucks"), Some("Omar Haddad".into()));
    }

    // Sieve 5: pronouns.
    #[test]
    fn pronoun_resolves_to_compatible_mention() {
        let t = "Mary Holt met John Perez on Friday. “It went well,” she said.";
        assert_eq!(speaker_of(t, "It went well"), Some("Mary Holt".into()));
        let t = "Mary Holt met John Perez on Friday. “It went well,” he said.";
        assert_eq!(speaker_of(t, "It went well"), Some("John Perez".into()));
    }

    #[test]
    fn plural_pronoun_resolves_to_a_group() {
        let t = "The remarks drew fire, the civil rights groups say. They argue that the senator should “lead by example.”";
        assert_eq!(
            speaker_of(t, "lead by"),
            Some("the civil rights groups".into())
        );
    }

    #[test]
    fn first_person_narrator_is_the_writer() {
        let t = "I had to spend the weekend on it. I kept saying, “This is the worst argument I have read.”";
        assert_eq!(
            speaker_of(t, "This is the worst"),
            Some("the writer".into())
        );
    }

    #[test]
    fn pronoun_prefers_subjects_to_prepositional_objects() {
        let t = "Like Victor Adams, Ivan Petrov spoke briefly. He only said that they “agreed.”";
        assert_eq!(speaker_of(t, "agreed"), Some("Ivan Petrov".into()));
    }

    // Sieve 6: titles and roles.
    #[test]
    fn title_resolves_to_introduced_role() {
        let t = "U.S. State Department spokesman Ned Price spoke first.\n\n“We are watching,” the spokesman said.";
        assert_eq!(speaker_of(t, "We are watching"), Some("Ned Price".into()));
    }

    #[test]
    fn unresolved_role_stays_a_description() {
        let t = "“We have no comment,” a Pentagon spokesman said.";
        assert_eq!(
            speaker_of(t, "no comment"),
            Some("a Pentagon spokesman".into())
        );
    }

    #[test]
    fn names_merge_into_one_speaker() {
        let t = "Vladimir Putin arrived in Minsk.\n\n“It was useful,” Putin said.\n\n“It was timely,” the Russian President said.";
        let a = analyse_text(t, &split_paragraphs(t));
        assert_eq!(a.speakers.len(), 1, "{:?}", a.speakers);
        assert_eq!(a.speakers[0].name, "Vladimir Putin");
        assert_eq!(a.speakers[0].quotes.len(), 2);
    }

    // Sieve 5 (embedding subject) and statements.
    #[test]
    fn embedded_quote_belongs_to_sentence_subject() {
        let t = "Carla Diaz arrived late. She voiced a wish for a “strong and prosperous region.”";
        assert_eq!(speaker_of(t, "strong and"), Some("Carla Diaz".into()));
    }

    #[test]
    fn titles_nicknames_and_scare_quotes_are_not_statements() {
        let t = "He appeared on “Meet the Press” on Sunday. George “Jay” Keyworth agreed with the so-called “productivity plan.”";
        let a = analyse_text(t, &split_paragraphs(t));
        assert!(a.quotes.is_empty(), "{:?}", a.quotes);
        assert_eq!(a.other_quoted.len(), 3);
    }

    #[test]
    fn titles_in_title_places_are_not_statements_even_near_a_cue() {
        let t = "“It is over,” said Steven Brill, author of “America’s Bitter Pill,” a history of the law. He appeared on CNBC’s “Squawk Box” later.";
        let a = analyse_text(t, &split_paragraphs(t));
        let texts: Vec<&str> = a.quotes.iter().map(|q| &t[q.span.clone()]).collect();
        assert_eq!(texts, vec!["“It is over,”"]);
        assert_eq!(a.other_quoted.len(), 2);
    }

    #[test]
    fn no_cue_no_speaker() {
        let t = "The report arrived on Monday. Jim Ball read it. Prices rose. “Sales fell.”";
        assert_eq!(speaker_of(t, "Sales fell"), None);
    }
}
