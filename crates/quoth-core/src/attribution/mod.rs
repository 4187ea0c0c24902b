//! The attribution engine: finds every statement in an article — quotations and reported
//! speech — and who made it.
//!
//! The pipeline, for each stretch of text (long texts are cut between paragraphs, `chunks.rs`):
//!
//! 1. `quotes.rs` pairs quote marks into quotations; `tokens.rs` reads the narrative around
//!    them; `np.rs` reads noun phrases and `entities.rs` groups names into people and
//!    organisations.
//! 2. Every quotation, in text order, walks the one list of sieves, `sieves::PIPELINE` (most
//!    precise first; the first that finds a speaker phrase decides). The order, one file each
//!    under `sieves/`:
//!    adjacent-cue → according-to → block-line → continuation → embedding-subject →
//!    reported-headline → reported-according-to → reported-turn → reported-request →
//!    reported-naming → reported-noun → reported-that → reported-intent → reported-clause →
//!    reported-before-cue → reported-around-cue → reported-phrasal → reported-topic →
//!    reported-answer → reported-wh → reported-object → reported-fronted → reported-relative.
//!    Each sieve declares the targets it reads, and is called for no other: the first five
//!    read quotations, the reported ones read sentences (headline, according to, turn) and
//!    speech cues of some classes (the rest).
//! 3. The phrase found is resolved (`resolve.rs`) to an entity — by name, pronoun, title or
//!    organisation — or kept as a description; a continuation keeps the previous speaker.
//! 4. The statement filter (`statement.rs`) moves titles, nicknames and names given with
//!    "called" to [`Analysis::other_quoted`].
//! 5. Reported speech: every sentence, then every speech cue in it, walks the same list
//!    (`sieves::find_reported`); statements that overlap a quotation are dropped (the quotation
//!    is the statement), and the rest are resolved like a quotation's speaker.
//! 6. `assemble.rs` puts the statements in text order and numbers the speakers.
//!
//! Every statement records the sieve that decided. Every threshold and window is named in
//! `limits.rs`. Adding a sieve is one new file under `sieves/` and one line in
//! `sieves::PIPELINE` (with its [`Sieve`] variant and name): see `sieves/mod.rs`.

mod assemble;
mod chunks;
mod entities;
mod lexicon;
mod limits;
mod np;
mod quotes;
mod resolve;
mod sieves;
mod statement;
mod tokens;

pub use entities::EntityKind;
pub use sieves::Sieve;
pub use tokens::lower_same_offsets as tokens_lower;

use crate::article::Article;
use assemble::{Direct, assemble};
use chunks::chunks;
use entities::Entities;
use np::Np;
use resolve::{SpeakerKey, resolve, speaker_key};
use sieves::{Ctx, Found, Quotation, Reported, Target};
use statement::is_statement;
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

/// Analyses an article.
pub fn analyse(article: &Article) -> Analysis {
    analyse_text(&article.text, &article.paragraphs)
}

/// Analyses text with its paragraphs (byte ranges, in order, not overlapping).
pub fn analyse_text(text: &str, paragraphs: &[Range<usize>]) -> Analysis {
    let found = quotes::find_quotes(text, paragraphs);
    if text.len() <= limits::CHUNK_BYTES {
        return analyse_chunk(text, paragraphs, &found);
    }
    let mut out = Analysis::default();
    for (paras, quotes) in chunks(paragraphs, found) {
        let part = analyse_chunk(text, &paragraphs[paras], &quotes);
        out.absorb(part);
    }
    out
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
    let np = Np::new(text, &toks);
    let mut ents = Entities::build(&np);
    let ctx = Ctx::new(np, &toks, found);

    let mut results: Vec<Option<Found>> = Vec::with_capacity(found.len());
    let mut keys: Vec<Option<(SpeakerKey, Resolution)>> = Vec::with_capacity(found.len());
    for qi in 0..found.len() {
        let quotation = Target::Quotation(Quotation {
            qi,
            earlier: &results,
            keys: &keys,
            ents: &ents,
        });
        let f = sieves::attribute(&ctx, &quotation);
        let key = f
            .as_ref()
            .and_then(|f| speaker_key(&ctx, &mut ents, f, &keys));
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
    let reported: Vec<(Reported, Option<(SpeakerKey, Resolution)>)> = sieves::find_reported(&ctx)
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

#[cfg(test)]
mod test_support;

#[cfg(test)]
mod tests {
    use crate::attribution::test_support::speaker_of;

    #[test]
    fn no_cue_no_speaker() {
        let t = "The report arrived on Monday. Jim Ball read it. Prices rose. “Sales fell.”";
        assert_eq!(speaker_of(t, "Sales fell"), None);
    }
}
