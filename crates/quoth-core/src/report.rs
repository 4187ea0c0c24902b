//! Printing an analysis for people (a table) and for scripts (the `quotes --json` contract).

use crate::article::Article;
use crate::attribution::{Analysis, EntityKind, Quote, StatementKind};
use crate::text;
use serde::Serialize;

#[derive(Serialize)]
pub struct SpanJson {
    pub start: usize,
    pub end: usize,
}

#[derive(Serialize)]
pub struct QuoteJson<'a> {
    pub start: usize,
    pub end: usize,
    pub speaker: Option<&'a str>,
    pub mention: Option<SpanJson>,
    pub cue: Option<SpanJson>,
    pub sieve: &'static str,
    pub resolution: Option<crate::attribution::Resolution>,
    pub unclosed: bool,
    pub text: &'a str,
}

/// One statement of either kind: a quote's fields and its kind.
#[derive(Serialize)]
pub struct StatementJson<'a> {
    pub kind: StatementKind,
    #[serde(flatten)]
    pub statement: QuoteJson<'a>,
}

#[derive(Serialize)]
pub struct SpeakerJson<'a> {
    pub name: &'a str,
    pub aliases: &'a [String],
    pub descriptor: Option<&'a str>,
    pub kind: &'static str,
    /// Quotations (direct statements) only, as before reported speech was found.
    pub quotes: usize,
    /// Statements of both kinds.
    pub statements: usize,
}

#[derive(Serialize)]
pub struct AnalysisJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// "file": offsets are UTF-8 byte offsets into the file as read; "extracted": into
    /// `extracted_text` (saved web pages, whose article text is extracted from the HTML).
    pub offsets: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extracted_text: Option<&'a str>,
    /// Quotations only (direct statements): the contract scripts relied on before reported
    /// speech was found.
    pub quotes: Vec<QuoteJson<'a>>,
    /// Every statement, quoted or reported, in text order.
    pub statements: Vec<StatementJson<'a>>,
    pub speakers: Vec<SpeakerJson<'a>>,
    pub other_quoted: Vec<SpanJson>,
}

fn kind_name(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "person",
        EntityKind::Organisation => "organisation",
        EntityKind::Place => "place",
        EntityKind::Unknown => "unknown",
    }
}

/// The JSON document for one article. Offsets are UTF-8 byte offsets into the file as read.
pub fn to_json<'a>(
    article: &'a Article,
    a: &'a Analysis,
    file: Option<String>,
) -> AnalysisJson<'a> {
    let span = |r: &std::ops::Range<usize>| SpanJson {
        start: article.source_offset(r.start),
        end: article.source_offset(r.end),
    };
    let quote = |q: &'a Quote| QuoteJson {
        start: article.source_offset(q.span.start),
        end: article.source_offset(q.span.end),
        speaker: q.speaker.map(|s| a.speakers[s].name.as_str()),
        mention: q.mention.as_ref().map(span),
        cue: q.cue.as_ref().map(span),
        sieve: q.sieve.name(),
        resolution: q.resolution,
        unclosed: q.unclosed,
        text: &article.text[q.span.clone()],
    };
    let extracted = !article.source_map.refers_to_file();
    AnalysisJson {
        file,
        offsets: if extracted { "extracted" } else { "file" },
        extracted_text: extracted.then_some(article.text.as_str()),
        quotes: a
            .quotes
            .iter()
            .filter(|q| q.kind == StatementKind::Direct)
            .map(quote)
            .collect(),
        statements: a
            .quotes
            .iter()
            .map(|q| StatementJson {
                kind: q.kind,
                statement: quote(q),
            })
            .collect(),
        speakers: a
            .speakers
            .iter()
            .map(|s| SpeakerJson {
                name: &s.name,
                aliases: &s.aliases,
                descriptor: s.descriptor.as_deref(),
                kind: kind_name(s.kind),
                quotes: s
                    .quotes
                    .iter()
                    .filter(|&&q| a.quotes[q].kind == StatementKind::Direct)
                    .count(),
                statements: s.quotes.len(),
            })
            .collect(),
        other_quoted: a.other_quoted.iter().map(|o| span(&o.span)).collect(),
    }
}

/// Widest speaker column of the table, in terminal columns.
const SPEAKER_COLS: usize = 28;

/// A readable table: line number, kind, speaker, and the first words of each statement. Every
/// piece of the article (names, words) is made printable here, before it is cut to fit.
pub fn table(article: &Article, a: &Analysis) -> String {
    use std::fmt::Write;
    let lines = text::LineIndex::new(&article.text);
    let speaker_of = |q: &crate::attribution::Quote| {
        q.speaker.map_or_else(
            || "—".to_string(),
            |s| text::printable_prefix(&a.speakers[s].name, SPEAKER_COLS),
        )
    };
    let width = a
        .quotes
        .iter()
        .map(|q| text::str_width(&speaker_of(q)))
        .max()
        .unwrap_or(1)
        .clamp(7, SPEAKER_COLS);
    let mut out = String::new();
    for q in &a.quotes {
        let speaker = speaker_of(q);
        let pad = width.saturating_sub(text::str_width(&speaker));
        let words = first_words(&article.text[q.span.clone()], 10);
        let kind = match q.kind {
            StatementKind::Direct => "direct",
            StatementKind::Indirect => "indirect",
        };
        let _ = writeln!(
            out,
            "{:>5}  {kind:<8}  {speaker}{:pad$}  {words}",
            lines.line_of(q.span.start),
            ""
        );
    }
    let direct = a
        .quotes
        .iter()
        .filter(|q| q.kind == StatementKind::Direct)
        .count();
    let _ = writeln!(
        out,
        "{} quotations, {} reported statements, {} speakers",
        direct,
        a.quotes.len() - direct,
        a.speakers.len()
    );
    out
}

/// The first `n` words of a text on one line, made printable.
pub fn first_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    let mut out = words[..words.len().min(n)].join(" ");
    if words.len() > n {
        out.push('…');
    }
    text::printable(&out)
}

/// Notes of an article, for `quoth notes`.
pub mod notes {
    use crate::article::Article;
    use crate::attribution::Analysis;
    use crate::notes::view::{Placed, speaker_of};
    use crate::notes::{Anchor, Sidecar};
    use crate::text::LineIndex;
    use serde_json::json;

    fn location(lines: &LineIndex, p: &Placed) -> String {
        match p.anchor.range() {
            Some(r) => format!("line {}", lines.line_of(r.start)),
            None => "not found in this version".to_string(),
        }
    }

    fn passage(article: &Article, doc: &Sidecar, p: &Placed) -> String {
        match p.anchor.range() {
            Some(r) => article.text[r].to_string(),
            None => doc.notes[p.index]
                .target
                .selectors()
                .map(|s| s.exact)
                .unwrap_or_default(),
        }
    }

    /// One line per note: where, the passage's first words, its speaker, the note.
    pub fn text(
        article: &Article,
        analysis: &Analysis,
        doc: &Sidecar,
        placed: &[Placed],
    ) -> String {
        let lines = LineIndex::new(&article.text);
        let mut out = String::new();
        for p in placed {
            let n = &doc.notes[p.index];
            let who = p
                .anchor
                .range()
                .and_then(|r| speaker_of(analysis, &r))
                .map(|s| format!(" — {}", super::first_words(&s, 8)))
                .unwrap_or_default();
            out.push_str(&format!(
                "{:<12} {}{}\n             {}\n",
                location(&lines, p),
                super::first_words(&passage(article, doc, p), 10),
                who,
                super::first_words(&n.body, 60)
            ));
        }
        out.push_str(&format!(
            "{} {}\n",
            placed.len(),
            if placed.len() == 1 { "note" } else { "notes" }
        ));
        out
    }

    /// Markdown: the title, then each passage as a block quote with its speaker, the note,
    /// and where it is. The article's and the notes' text is kept as it is: the caller makes
    /// it safe for where it goes (`text::printable_lines` for a terminal,
    /// `text::without_controls` for a file or a pipe).
    pub fn markdown(
        article: &Article,
        analysis: &Analysis,
        doc: &Sidecar,
        placed: &[Placed],
    ) -> String {
        let title = article
            .title()
            .map(str::to_string)
            .unwrap_or_else(|| article.display_name());
        let lines = LineIndex::new(&article.text);
        let mut out = format!("# Notes on {title}\n\n");
        for p in placed {
            let n = &doc.notes[p.index];
            for line in passage(article, doc, p)
                .lines()
                .filter(|l| !l.trim().is_empty())
            {
                out.push_str(&format!("> {}\n", line.trim()));
            }
            if let Some(who) = p.anchor.range().and_then(|r| speaker_of(analysis, &r)) {
                out.push_str(&format!(">\n> — {who}\n"));
            }
            out.push('\n');
            out.push_str(n.body.trim());
            out.push_str(&format!(
                "\n\n*{}, {}*\n\n---\n\n",
                article.display_name(),
                location(&lines, p)
            ));
        }
        out
    }

    /// The notes as W3C Web Annotations.
    pub fn json(article: &Article, doc: &Sidecar, placed: &[Placed]) -> serde_json::Value {
        let source = article.path.as_ref().map(|p| p.display().to_string());
        let items: Vec<serde_json::Value> = placed
            .iter()
            .map(|p| {
                let n = &doc.notes[p.index];
                let mut target = serde_json::to_value(&n.target).unwrap_or_default();
                if let (Some(src), Some(obj)) = (&source, target.as_object_mut()) {
                    obj.entry("source").or_insert_with(|| json!(src));
                }
                json!({
                    "@context": "http://www.w3.org/ns/anno.jsonld",
                    "id": n.id,
                    "type": "Annotation",
                    "created": n.created,
                    "modified": n.modified,
                    "body": {"type": "TextualBody", "value": n.body, "format": "text/plain"},
                    "target": target,
                    "quoth:found": !matches!(p.anchor, Anchor::Orphan),
                })
            })
            .collect();
        json!({"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "total": items.len(), "items": items})
    }
}
