//! The sieves: one ordered list, [`PIPELINE`], most precise first. Each sieve is one file with
//! one entry, `run(&Ctx, &Target) -> Option<Found>`: it looks at one target — a quotation, or
//! a sentence or speech cue for reported speech — and either finds the phrase that names the
//! speaker (with the cue that ties them, and for reported speech the statement's content) or
//! passes. A sieve that does not apply to a target passes at once. [`attribute`] walks the list
//! and keeps the first finding.
//!
//! Adding a sieve: write `sieves/NAME.rs` with `pub(super) fn run(ctx: &Ctx, target: &Target)
//! -> Option<Found>` (helpers shared with other sieves are in `common.rs`, and for reported
//! speech in `speech.rs`), add a variant to [`Sieve`] with its name, and one entry to
//! [`PIPELINE`] where its precision puts it, with the kinds of target it reads ([`Reads`]: the
//! pipeline calls it for no other; debug builds check that it passes on those) (plus
//! `mod NAME;` below).

mod according_to;
mod adjacent_cue;
mod block_line;
mod common;
mod continuation;
mod embedding_subject;
mod postmodified;
mod reported_according_to;
mod reported_answer;
mod reported_around_cue;
mod reported_before_cue;
mod reported_clause;
mod reported_fronted;
mod reported_headline;
mod reported_intent;
mod reported_naming;
mod reported_noun;
mod reported_object;
mod reported_phrasal;
mod reported_relative;
mod reported_request;
mod reported_that;
mod reported_topic;
mod reported_turn;
mod reported_wh;
mod speech;

pub use common::Ctx;

use super::Resolution;
use super::entities::Entities;
use super::limits;
use super::np::Mention;
use super::resolve::SpeakerKey;
use speech::Complement;
use std::ops::Range;

/// Which sieve attributed a quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Sieve {
    /// “…,” said X / X said: “…” / X said that “…” / split quotes.
    AdjacentCue,
    /// According to X, “…” / in his words, “…”.
    AccordingTo,
    /// A "Name, title (City):" line over quoted paragraphs, or "X continued:".
    BlockLine,
    /// A quoted paragraph with no cue keeps the previous quotation's speaker.
    Continuation,
    /// Quoted words inside a narrative sentence with no cue: its subject used them.
    EmbeddingSubject,
    /// Reported speech: "X said (that) …", "X told reporters that …".
    ReportedThat,
    /// Reported speech with "that" left out: "X said he would …", "X said: …".
    ReportedClause,
    /// Reported speech before a closing cue: "…, X said."
    ReportedBeforeCue,
    /// Reported speech around a cue set off by commas: "…, X said, …"
    ReportedAroundCue,
    /// A reported request or question: "X urged Y to …", "X called for …", "X asked whether …".
    ReportedRequest,
    /// A reported commitment: "X vowed to …".
    ReportedIntent,
    /// Reported speech in a headline: "X: …", "X Says …".
    ReportedHeadline,
    /// Reported speech around "according to X".
    ReportedAccordingTo,
    /// A transcript's turn: "VANE: Well, …", "Q: …".
    ReportedTurn,
    /// A statement named by a speech verb's object: "X denied the allegations".
    ReportedObject,
    /// A judgement given by naming: "X called the plan a mistake", "…, calling him reckless".
    ReportedNaming,
    /// A statement named by an owned noun of speech: "his claim that …", "X's promise to …".
    ReportedNoun,
    /// An embedded question whose answer was stated: "X revealed why …".
    ReportedWh,
    /// A one-word answer: "X said yes", "half said so".
    ReportedAnswer,
    /// A verb of speech with its particle: "X pointed out that …".
    ReportedPhrasal,
    /// The matter of a topic verb: "X talked about …", "X expressed concern that …".
    ReportedTopic,
    /// A speech participle that opens the sentence: "After saying that …, X …".
    ReportedFronted,
    /// A relative clause whose verb was said: "the rules, which officials said will …".
    ReportedRelative,
    /// The reader corrected the speaker (saved in the notes sidecar).
    Correction,
    /// No sieve fired.
    None,
}

impl Sieve {
    pub fn name(self) -> &'static str {
        match self {
            Sieve::AdjacentCue => "adjacent-cue",
            Sieve::AccordingTo => "according-to",
            Sieve::BlockLine => "block-line",
            Sieve::Continuation => "continuation",
            Sieve::EmbeddingSubject => "embedding-subject",
            Sieve::ReportedThat => "reported-that",
            Sieve::ReportedClause => "reported-clause",
            Sieve::ReportedBeforeCue => "reported-before-cue",
            Sieve::ReportedAroundCue => "reported-around-cue",
            Sieve::ReportedRequest => "reported-request",
            Sieve::ReportedIntent => "reported-intent",
            Sieve::ReportedHeadline => "reported-headline",
            Sieve::ReportedAccordingTo => "reported-according-to",
            Sieve::ReportedTurn => "reported-turn",
            Sieve::ReportedObject => "reported-object",
            Sieve::ReportedNaming => "reported-naming",
            Sieve::ReportedNoun => "reported-noun",
            Sieve::ReportedWh => "reported-wh",
            Sieve::ReportedAnswer => "reported-answer",
            Sieve::ReportedPhrasal => "reported-phrasal",
            Sieve::ReportedTopic => "reported-topic",
            Sieve::ReportedFronted => "reported-fronted",
            Sieve::ReportedRelative => "reported-relative",
            Sieve::Correction => "correction",
            Sieve::None => "none",
        }
    }
}

/// What a sieve found for one target.
#[derive(Debug, Clone)]
pub struct Found {
    /// The phrase that names the speaker.
    pub mention: Mention,
    /// The reporting verb or phrase that ties the two.
    pub cue: Option<Range<usize>>,
    pub sieve: Sieve,
    /// Reported speech: the statement's words (a quotation's are its own span).
    pub content: Option<Range<usize>>,
    /// The quotation whose resolved speaker this one keeps, unresolved (a continuation).
    pub previous: Option<usize>,
}

impl Found {
    /// A speaker phrase and the cue that ties it, found by `sieve`.
    pub fn new(sieve: Sieve, mention: Mention, cue: Option<Range<usize>>) -> Found {
        Found {
            mention,
            cue,
            sieve,
            content: None,
            previous: None,
        }
    }

    /// The same finding as a reported statement with these words.
    pub fn with_content(self, content: Range<usize>) -> Found {
        Found {
            content: Some(content),
            ..self
        }
    }
}

/// What is being attributed.
pub enum Target<'a> {
    /// A quotation, with what the pipeline found for those before it.
    Quotation(Quotation<'a>),
    /// A sentence (token range), for reported speech that no verb carries ("According to X,
    /// …", a headline); `heading` says whether its paragraph is a heading.
    Sentence { s: Range<usize>, heading: bool },
    /// A speech verb at token `v` of sentence `s` that reports, and how it takes its content.
    Cue {
        v: usize,
        s: Range<usize>,
        class: Complement,
    },
}

/// Quotation `qi` and the results for the quotations before it.
pub struct Quotation<'a> {
    pub qi: usize,
    /// The findings for quotations `0..qi`.
    pub earlier: &'a [Option<Found>],
    /// Their resolved speakers.
    pub keys: &'a [Option<(SpeakerKey, Resolution)>],
    pub ents: &'a Entities,
}

/// One sieve of the pipeline.
pub struct SieveDef {
    pub sieve: Sieve,
    pub run: fn(&Ctx, &Target) -> Option<Found>,
    /// The targets the sieve may attribute: [`attribute`] does not call it for others (it
    /// would pass at once), which spares ~20 calls per target.
    pub reads: Reads,
    /// Whether a title-case quotation ("Meet the Press") the sieve attributes is still a
    /// statement: not for a sieve that only finds the sentence the words sit in.
    pub accepts_titles: bool,
}

/// The sieves, most precise first: the first that finds something decides.
pub const PIPELINE: &[SieveDef] = &[
    SieveDef {
        sieve: Sieve::AdjacentCue,
        run: adjacent_cue::run,
        reads: Reads::QUOTATION,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::AccordingTo,
        run: according_to::run,
        reads: Reads::QUOTATION,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::BlockLine,
        run: block_line::run,
        reads: Reads::QUOTATION,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::Continuation,
        run: continuation::run,
        reads: Reads::QUOTATION,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::EmbeddingSubject,
        run: embedding_subject::run,
        reads: Reads::QUOTATION,
        accepts_titles: false,
    },
    SieveDef {
        sieve: Sieve::ReportedHeadline,
        run: reported_headline::run,
        reads: Reads::SENTENCE,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedAccordingTo,
        run: reported_according_to::run,
        reads: Reads::SENTENCE,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedTurn,
        run: reported_turn::run,
        reads: Reads::SENTENCE,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedRequest,
        run: reported_request::run,
        reads: Reads::ANY_CUE,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedNaming,
        run: reported_naming::run,
        reads: Reads::cue(Complement::Request),
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedNoun,
        run: reported_noun::run,
        reads: Reads::cue(Complement::Noun),
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedThat,
        run: reported_that::run,
        reads: Reads::CLAUSE_CUE,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedIntent,
        run: reported_intent::run,
        reads: Reads::CLAUSE_CUE,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedClause,
        run: reported_clause::run,
        reads: Reads::CLAUSE_CUE,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedBeforeCue,
        run: reported_before_cue::run,
        reads: Reads::CLAUSE_CUE,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedAroundCue,
        run: reported_around_cue::run,
        reads: Reads::CLAUSE_CUE,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedPhrasal,
        run: reported_phrasal::run,
        reads: Reads::cue(Complement::Phrasal),
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedTopic,
        run: reported_topic::run,
        reads: Reads::cue(Complement::Topic),
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedAnswer,
        run: reported_answer::run,
        reads: Reads::cue(Complement::Clause),
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedWh,
        run: reported_wh::run,
        reads: Reads::cue(Complement::Clause).or(Reads::cue(Complement::Object)),
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedObject,
        run: reported_object::run,
        reads: Reads::CLAUSE_CUE.or(Reads::cue(Complement::Object)),
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedFronted,
        run: reported_fronted::run,
        reads: Reads::CLAUSE_CUE,
        accepts_titles: true,
    },
    SieveDef {
        sieve: Sieve::ReportedRelative,
        run: reported_relative::run,
        reads: Reads::CLAUSE_CUE,
        accepts_titles: true,
    },
];

/// A set of kinds of target: quotations, sentences, and speech cues by their class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reads(u16);

impl Reads {
    pub const QUOTATION: Reads = Reads(1);
    pub const SENTENCE: Reads = Reads(1 << 1);
    /// Cues that report a clause ("said", "told reporters").
    pub const CLAUSE_CUE: Reads =
        Reads::cue(Complement::Clause).or(Reads::cue(Complement::Addressee));
    /// Every speech cue, whatever its class.
    pub const ANY_CUE: Reads = Reads(!(Reads::QUOTATION.0 | Reads::SENTENCE.0));

    /// Speech cues of one class.
    pub const fn cue(class: Complement) -> Reads {
        Reads(1 << (2 + class as u16))
    }
    pub const fn or(self, other: Reads) -> Reads {
        Reads(self.0 | other.0)
    }
    /// The kind of `target`, as a set of one.
    fn of(target: &Target) -> Reads {
        match target {
            Target::Quotation(_) => Reads::QUOTATION,
            Target::Sentence { .. } => Reads::SENTENCE,
            Target::Cue { class, .. } => Reads::cue(*class),
        }
    }
    fn holds(self, kind: Reads) -> bool {
        self.0 & kind.0 != 0
    }
}

/// Walks the pipeline for one target: the first sieve's finding, of the sieves that read it.
pub fn attribute(ctx: &Ctx, target: &Target) -> Option<Found> {
    let kind = Reads::of(target);
    // Every test run checks the sieves' declarations: a sieve left out must pass.
    debug_assert!(
        PIPELINE
            .iter()
            .filter(|def| !def.reads.holds(kind))
            .all(|def| (def.run)(ctx, target).is_none()),
        "a sieve found something in a target it does not declare to read"
    );
    PIPELINE
        .iter()
        .filter(|def| def.reads.holds(kind))
        .find_map(|def| (def.run)(ctx, target))
}

/// Whether quotations that `sieve` attributes may be titles (see [`SieveDef::accepts_titles`]).
pub fn accepts_titles(sieve: Sieve) -> bool {
    PIPELINE
        .iter()
        .find(|def| def.sieve == sieve)
        .is_none_or(|def| def.accepts_titles)
}

/// A reported statement: its words (byte range) and how its source was found.
pub struct Reported {
    pub content: Range<usize>,
    pub found: Found,
}

/// The reported statements of the analysed text, in text order: every sentence, then every
/// speech cue in it, walked through the pipeline.
pub fn find_reported(ctx: &Ctx) -> Vec<Reported> {
    let np = &ctx.np;
    let mut out = Vec::new();
    // Whether the paragraph of the last sentence is a heading: asked once per paragraph.
    let mut heading: Option<(u32, bool)> = None;
    for sentence in &ctx.tokens.sentences {
        let s = sentence.clone();
        // Every sieve looks within the sentence: see `limits::MAX_SENTENCE_TOKENS`.
        if s.len() < limits::MIN_SENTENCE_TOKENS
            || s.len() > limits::MAX_SENTENCE_TOKENS
            || speech::is_question(ctx, &s)
        {
            continue;
        }
        let para = np.toks[s.start].para;
        let is_heading = match heading {
            Some((p, h)) if p == para => h,
            _ => {
                let h = np.is_heading(para as usize);
                heading = Some((para, h));
                h
            }
        };
        let whole = Target::Sentence {
            s: s.clone(),
            heading: is_heading,
        };
        if let Some(found) = attribute(ctx, &whole) {
            out.push(found);
            continue;
        }
        if is_heading {
            continue;
        }
        for v in s.clone() {
            // A noun of speech with its owner ("his claim that …"), a speech verb, a verb
            // with its particle ("pointed out"), a verb of the matter spoken of ("talked
            // about"), or a participle that opens the sentence ("Promising that …, X …").
            // Every cue but a phrasal verb ("pointed out") is a word of the speech lexicons:
            // one filter test turns most words away before the five tests (this runs for every
            // token). A new cue that is no such word goes in the `else` branch too.
            let word = np.is_word(v);
            let cue = if word && np.lx.may_be_speech_word(np.word_lower(v)) {
                reported_noun::cue_noun(ctx, v, &s)
                    .or_else(|| speech::cue_verb(ctx, v, &s))
                    .or_else(|| reported_phrasal::cue_phrasal(ctx, v, &s))
                    .or_else(|| reported_topic::cue_topic(ctx, v, &s))
                    .or_else(|| reported_fronted::cue_fronted(ctx, v, &s))
            } else if word {
                reported_phrasal::cue_phrasal(ctx, v, &s)
            } else {
                None
            };
            let Some(class) = cue else {
                continue;
            };
            let cue = Target::Cue {
                v,
                s: s.clone(),
                class,
            };
            out.extend(attribute(ctx, &cue));
        }
    }
    let mut out: Vec<Reported> = out
        .into_iter()
        .filter_map(|found| {
            let content = found.content.clone()?;
            Some(Reported { content, found })
        })
        .collect();
    // Statements never overlap (the reader highlights and steps through them one by one): of
    // nested ones ("X said that Y told him that …") the outer, reported first, is kept.
    out.sort_by_key(|r| (r.content.start, std::cmp::Reverse(r.content.end)));
    let mut last_end = 0;
    out.retain(|r| {
        let keep = r.content.start >= last_end;
        if keep {
            last_end = r.content.end;
        }
        keep
    });
    out
}

#[cfg(test)]
mod tests {
    use super::{PIPELINE, Sieve};
    use crate::article::split_paragraphs;
    use crate::attribution::StatementKind;
    use crate::attribution::analyse_text;
    use crate::attribution::test_support::{one, reported};

    #[test]
    fn each_sieve_is_in_the_pipeline_once() {
        for (i, def) in PIPELINE.iter().enumerate() {
            let again = PIPELINE[i + 1..].iter().any(|d| d.sieve == def.sieve);
            assert!(!again, "{} twice in the pipeline", def.sieve.name());
            assert!(!matches!(def.sieve, Sieve::Correction | Sieve::None));
        }
    }

    #[test]
    fn nested_statements_keep_the_outer_one() {
        let (content, speaker, _) =
            one("Osric Vane said that Mara Quill had told him that the toll would rise.");
        assert_eq!(
            content,
            "that Mara Quill had told him that the toll would rise"
        );
        assert_eq!(speaker.as_deref(), Some("Osric Vane"));
    }

    #[test]
    fn beliefs_wishes_and_perceptions_are_not_statements() {
        for t in [
            "Mara Quill believes that the bridge will reopen.",
            "Mara Quill thinks the bridge will reopen.",
            "Mara Quill hopes that the bridge will reopen.",
            "Mara Quill wants the bridge to reopen.",
            "Mara Quill saw that the bridge had reopened.",
            "Polls show that the bridge is popular.",
        ] {
            assert!(reported(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn hypotheticals_questions_and_negations_are_not_statements() {
        for t in [
            "If Osric Vane said that the talks failed, nobody would listen.",
            "Did Osric Vane say that the talks failed?",
            "Osric Vane did not say that the talks failed.",
            "Osric Vane never said the talks had failed.",
            "Osric Vane declined to say whether the talks had failed.",
            "Osric Vane would say that the talks failed.",
            "It was said that the talks had failed.",
            "Osric Vane was told that the talks had failed.",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn more_verbs_of_the_scorers_definition_report_a_clause() {
        for (t, want) in [
            (
                "The harbour board concluded that the ferry fares were too high.",
                "that the ferry fares were too high",
            ),
            (
                "Mara Quill estimated that the repairs would cost two million.",
                "that the repairs would cost two million",
            ),
            (
                "Osric Vane joked that the bridge had outlived three mayors.",
                "that the bridge had outlived three mayors",
            ),
            (
                "Ivo Lind signalled that he would back the levy.",
                "that he would back the levy",
            ),
        ] {
            let first = reported(t).into_iter().next().map(|r| r.0);
            assert_eq!(first.as_deref(), Some(want), "{t}");
        }
        for t in [
            "The meeting concluded on Friday after a long debate.",
            "Mara Quill did not estimate that the repairs would cost two million.",
            "If Osric Vane joked that the bridge was old, nobody laughed.",
            "The lights signalled the end of the race.",
            "Did Mara Quill estimate that the repairs would cost two million?",
        ] {
            assert!(reported(t).is_empty(), "{t}: {:?}", reported(t));
        }
    }

    #[test]
    fn a_quotation_stays_the_one_statement() {
        let t = "Mara Quill stressed that the tolls are “a serious burden for drivers.”";
        assert!(reported(t).is_empty(), "{:?}", reported(t));
        let t = "“It is over,” Osric Vane said, and he said the talks had failed.";
        let a = analyse_text(t, &split_paragraphs(t));
        let direct = a
            .quotes
            .iter()
            .filter(|q| q.kind == StatementKind::Direct)
            .count();
        assert_eq!(direct, 1);
        // Said inside a quotation reports nothing of the narrative.
        let t = "“He said that the bridge is closed,” Mara Quill recalled.";
        assert!(reported(t).is_empty(), "{:?}", reported(t));
    }
}
