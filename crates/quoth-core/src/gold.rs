//! Gold attributions in brat standoff form and the scoring rules of the shared scorer
//! (`score-quotes`): which gold statement a prediction belongs to and whether its speaker is
//! right. Used by the accuracy test (`tests/accuracy.rs`) and the per-sieve report example, so
//! `cargo test` alone catches a regression.
//!
//! Rules, as the shared scorer's header states them: a gold statement is direct when its
//! content holds a double quotation mark; an indirect one without a speech cue is neutral
//! (neither right nor wrong). A prediction belongs to the gold statement whose content covers at
//! least half of its text (quote marks and spaces at the ends left out), the one covering most;
//! an indirect gold statement must also be covered at least half by the prediction. The speaker is
//! right when the canonical name (if the gold gives one with a capitalised word) shares a
//! capitalised name word with it, else when the mention overlaps the gold source or the speaker
//! shares a name word with the source text.

use crate::article::Article;
use crate::attribution::{Analysis, Resolution, StatementKind};
use crate::text::marks;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Which gold statements are scored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Direct,
    Indirect,
    All,
}

#[derive(Debug, Clone)]
pub struct GoldStatement {
    /// UTF-8 byte ranges of the content.
    pub content: Vec<Range<usize>>,
    pub source: Option<Vec<Range<usize>>>,
    pub source_text: String,
    pub canonical: Option<String>,
    pub direct: bool,
    /// A belief or wish without a speech cue: neither right nor wrong.
    pub neutral: bool,
}

/// One predicted statement, offsets in UTF-8 bytes of the file.
#[derive(Debug, Clone)]
pub struct Prediction {
    pub span: Range<usize>,
    pub direct: bool,
    pub speaker: Option<String>,
    pub mention: Option<Range<usize>>,
    /// The sieve that attributed it and how its mention was resolved (for reports).
    pub sieve: &'static str,
    pub resolution: Option<Resolution>,
}

/// quoth's statements of one article as predictions of the given kind, in file offsets (what
/// `quoth quotes --json` prints).
pub fn predictions(article: &Article, a: &Analysis, kind: Kind) -> Vec<Prediction> {
    let file = |r: &Range<usize>| article.source_offset(r.start)..article.source_offset(r.end);
    a.quotes
        .iter()
        .filter(|q| match kind {
            Kind::Direct => q.kind == StatementKind::Direct,
            Kind::Indirect => q.kind != StatementKind::Direct,
            Kind::All => true,
        })
        .map(|q| Prediction {
            span: file(&q.span),
            direct: q.kind == StatementKind::Direct,
            speaker: q.speaker.map(|s| a.speakers[s].name.clone()),
            mention: q.mention.as_ref().map(file),
            sieve: q.sieve.name(),
            resolution: q.resolution,
        })
        .collect()
}

/// What became of one prediction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Matches no gold statement.
    FalseStatement,
    /// Matches a neutral gold statement: not counted.
    Neutral,
    /// Found, but no speaker predicted or none in the gold.
    Unattributed,
    RightSpeaker,
    WrongSpeaker,
}

/// Counts over articles, as the shared scorer sums them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    pub gold: usize,
    pub gold_src: usize,
    pub pred: usize,
    pub pred_attr: usize,
    pub det_tp: usize,
    pub attr_tp: usize,
    pub found: usize,
    pub found_src: usize,
    pub found_right: usize,
}

impl Tally {
    pub fn add(&mut self, o: &Tally) {
        self.gold += o.gold;
        self.gold_src += o.gold_src;
        self.pred += o.pred;
        self.pred_attr += o.pred_attr;
        self.det_tp += o.det_tp;
        self.attr_tp += o.attr_tp;
        self.found += o.found;
        self.found_src += o.found_src;
        self.found_right += o.found_right;
    }
    /// Detection F1.
    pub fn detection_f1(&self) -> f64 {
        f1(self.det_tp, self.pred, self.found, self.gold)
    }
    /// Attributed F1: found with the right speaker, over predictions with a speaker and gold
    /// statements with a source.
    pub fn attributed_f1(&self) -> f64 {
        f1(
            self.attr_tp,
            self.pred_attr,
            self.found_right,
            self.gold_src,
        )
    }
}

fn f1(tp_p: usize, n_p: usize, tp_r: usize, n_r: usize) -> f64 {
    let p = if n_p == 0 {
        0.0
    } else {
        tp_p as f64 / n_p as f64
    };
    let r = if n_r == 0 {
        0.0
    } else {
        tp_r as f64 / n_r as f64
    };
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Words of a speech cue (the scorer's SPEECH_CUE), lower case; two-word cues are joined by
/// a space.
const SPEECH_CUES: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "add",
    "adds",
    "added",
    "adding",
    "note",
    "notes",
    "noted",
    "noting",
    "argue",
    "argues",
    "argued",
    "arguing",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "write",
    "writes",
    "wrote",
    "written",
    "writing",
    "state",
    "states",
    "stated",
    "stating",
    "statement",
    "announce",
    "announces",
    "announced",
    "announcing",
    "announcement",
    "explain",
    "explains",
    "explained",
    "explaining",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "warn",
    "warns",
    "warned",
    "warning",
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "report",
    "reports",
    "reported",
    "reporting",
    "ask",
    "asks",
    "asked",
    "asking",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "acknowledging",
    "contend",
    "contends",
    "contended",
    "contending",
    "predict",
    "predicts",
    "predicted",
    "predicting",
    "declare",
    "declares",
    "declared",
    "declaring",
    "deny",
    "denies",
    "denied",
    "denying",
    "confirm",
    "confirms",
    "confirmed",
    "confirming",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "assert",
    "asserts",
    "asserted",
    "asserting",
    "reply",
    "replies",
    "replied",
    "replying",
    "respond",
    "responds",
    "responded",
    "responding",
    "tweet",
    "tweets",
    "tweeted",
    "tweeting",
    "testify",
    "testifies",
    "testified",
    "testifying",
    "recall",
    "recalls",
    "recalled",
    "recalling",
    "stress",
    "stresses",
    "stressed",
    "stressing",
    "emphasize",
    "emphasizes",
    "emphasized",
    "emphasizing",
    "emphasise",
    "emphasised",
    "mention",
    "mentions",
    "mentioned",
    "mentioning",
    "remark",
    "remarks",
    "remarked",
    "comment",
    "comments",
    "commented",
    "complain",
    "complains",
    "complained",
    "complaining",
    "concede",
    "concedes",
    "conceded",
    "conceding",
    "conclude",
    "concludes",
    "concluded",
    "concluding",
    "disclose",
    "discloses",
    "disclosed",
    "reveal",
    "reveals",
    "revealed",
    "revealing",
    "allege",
    "alleges",
    "alleged",
    "alleging",
    "promise",
    "promises",
    "promised",
    "promising",
    "vow",
    "vows",
    "vowed",
    "pledge",
    "pledges",
    "pledged",
    "urge",
    "urges",
    "urged",
    "urging",
    "caution",
    "cautions",
    "cautioned",
    "maintain",
    "maintains",
    "maintained",
    "observe",
    "observes",
    "observed",
    "point out",
    "points out",
    "pointed out",
    "according to",
    "accuse",
    "accuses",
    "accused",
    "accusing",
    "describe",
    "describes",
    "described",
    "describing",
    "call",
    "calls",
    "called",
    "calling",
    "blame",
    "blames",
    "blamed",
    "criticize",
    "criticizes",
    "criticized",
    "criticise",
    "criticised",
    "praise",
    "praised",
    "agree",
    "agrees",
    "agreed",
    "disagree",
    "disagreed",
    "boast",
    "boasted",
    "brag",
    "bragged",
    "joke",
    "joked",
    "quip",
    "quipped",
    "charge",
    "charges",
    "charged",
    "question",
    "questioned",
    "wonder",
    "wondered",
    "reiterate",
    "reiterated",
    "repeat",
    "repeated",
    "speak",
    "spoke",
    "spoken",
    "speaking",
    "talk",
    "talked",
    "talking",
    "estimate",
    "estimated",
    "signal",
    "signaled",
    "signalled",
    "remind",
    "reminds",
    "reminded",
    "reminding",
    "express",
    "expresses",
    "expressed",
    "expressing",
    "list",
    "lists",
    "listed",
    "listing",
    "discuss",
    "discusses",
    "discussed",
    "discussing",
    "propose",
    "proposes",
    "proposed",
    "proposing",
    "demand",
    "demands",
    "demanded",
];
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Sen",
    "Senator",
    "Rep",
    "President",
    "Gov",
    "Governor",
    "Secretary",
    "General",
    "Lieutenant",
    "Minister",
    "Prime",
    "Vice",
    "Chairman",
    "He",
    "She",
    "They",
    "It",
    "We",
    "I",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "You",
    "Former",
    "According",
    "In",
    "On",
    "At",
    "And",
    "But",
    "Mayor",
    "Judge",
    "Justice",
    "Chief",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Officials",
    "Official",
    "Sources",
    "Source",
    "This",
    "That",
];

fn is_quoted(s: &str) -> bool {
    s.contains(marks::DOUBLE) || s.contains("\'\'") || s.contains("``")
}

/// Whether a cue's text holds a word of speech (or is a lone colon).
fn is_speech_cue(cue: &str) -> bool {
    if cue.trim() == ":" {
        return true;
    }
    let words: Vec<String> = cue
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.iter().enumerate().any(|(i, w)| {
        SPEECH_CUES.contains(&w.as_str())
            || words
                .get(i + 1)
                .is_some_and(|next| SPEECH_CUES.contains(&format!("{w} {next}").as_str()))
    })
}

/// Code-point ranges of `T` lines: "T3\tSource 10 20;25 30\ttext".
fn parse_spans(spec: &str) -> Option<Vec<Range<usize>>> {
    spec.split(';')
        .map(|part| {
            let mut it = part.split_whitespace().map(str::parse::<usize>);
            match (it.next(), it.next()) {
                (Some(Ok(a)), Some(Ok(b))) if a <= b => Some(a..b),
                _ => None,
            }
        })
        .collect()
}

/// The gold statements of one article of the given kind.
pub fn parse_ann(ann: &str, text: &str, kind: Kind) -> Vec<GoldStatement> {
    let mut spans: HashMap<&str, Vec<Range<usize>>> = HashMap::new();
    let mut notes: HashMap<&str, &str> = HashMap::new();
    let mut events: Vec<HashMap<&str, &str>> = vec![];
    for line in ann.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        let id = fields[0];
        if id.starts_with('T') && fields.len() >= 2 {
            if let Some((_, spec)) = fields[1].split_once(' ')
                && let Some(s) = parse_spans(spec)
            {
                spans.insert(id, s);
            }
        } else if id.starts_with('#') && fields.len() >= 3 {
            if let Some(t) = fields[1].strip_prefix("AnnotatorNotes ") {
                notes.insert(t.trim(), fields[2].trim());
            }
        } else if id.starts_with('E') && fields.len() >= 2 {
            events.push(
                fields[1]
                    .split_whitespace()
                    .filter_map(|a| a.split_once(':'))
                    .collect(),
            );
        }
    }
    // Code point -> byte offset.
    let mut to_byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    to_byte.push(text.len());
    let chars: Vec<char> = text.chars().collect();
    let slice = |r: &Range<usize>| -> String {
        chars[r.start.min(chars.len())..r.end.min(chars.len())]
            .iter()
            .collect()
    };
    let bytes =
        |r: &Range<usize>| to_byte[r.start.min(chars.len())]..to_byte[r.end.min(chars.len())];
    let mut gold = vec![];
    for ev in events {
        let Some(content) = ev.get("Content").and_then(|c| spans.get(c)) else {
            continue;
        };
        let direct = content.iter().any(|r| is_quoted(&slice(r)));
        if (kind == Kind::Direct && !direct) || (kind == Kind::Indirect && direct) {
            continue;
        }
        let cue_text = ev
            .get("Cue")
            .and_then(|c| spans.get(c))
            .map(|s| s.iter().map(slice).collect::<Vec<_>>().join(" "))
            .unwrap_or_default();
        let source_id = ev.get("Source").copied();
        let source = source_id.and_then(|s| spans.get(s));
        gold.push(GoldStatement {
            content: content.iter().map(bytes).collect(),
            source: source.map(|s| s.iter().map(bytes).collect()),
            source_text: source
                .map(|s| s.iter().map(slice).collect::<Vec<_>>().join(" "))
                .unwrap_or_default(),
            canonical: source_id.and_then(|s| notes.get(s)).map(|n| n.to_string()),
            direct,
            neutral: !direct && !is_speech_cue(&cue_text),
        });
    }
    gold
}

/// Lower-cased capitalised words of a name (the scorer's name_words).
fn name_words(s: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    let is_word_char =
        |c: char| c.is_alphanumeric() || c == '_' || matches!(c, '’' | '\'' | '.' | '-');
    let mut rest = s;
    while let Some(start) = rest.find(|c: char| c.is_ascii_uppercase()) {
        let tail = &rest[start..];
        let end = tail
            .char_indices()
            .skip(1)
            .find(|&(_, c)| !is_word_char(c))
            .map_or(tail.len(), |(i, _)| i);
        let mut w = &tail[..end];
        for suffix in ["'s", "’s", "'", "’"] {
            if let Some(x) = w.strip_suffix(suffix) {
                w = x;
                break;
            }
        }
        let w = w.trim_matches(|c| c == '.' || c == '-');
        if w.chars().count() >= 2 && !NOT_NAMES.contains(&w) {
            out.insert(w.to_lowercase());
        }
        rest = &tail[end..];
    }
    out
}

fn overlap(a: &Range<usize>, spans: &[Range<usize>]) -> usize {
    spans
        .iter()
        .map(|b| a.end.min(b.end).saturating_sub(a.start.max(b.start)))
        .sum()
}

/// What the scorer leaves out at a prediction's ends: quote marks and ASCII white space.
fn is_trimmed(c: char) -> bool {
    marks::is_quote_mark(c) || matches!(c, ' ' | '\t' | '\r' | '\n')
}

/// The span without quote marks and white space at its ends.
fn trimmed(data: &str, r: &Range<usize>) -> Range<usize> {
    let Some(s) = data.get(r.clone()) else {
        return r.start..r.start;
    };
    let lead = s.len() - s.trim_start_matches(is_trimmed).len();
    let inner = s.trim_matches(is_trimmed);
    if inner.is_empty() {
        return r.start..r.start;
    }
    r.start + lead..r.start + lead + inner.len()
}

/// Scores one article: the tally and each prediction's outcome.
pub fn score(data: &str, gold: &[GoldStatement], preds: &[Prediction]) -> (Tally, Vec<Outcome>) {
    let mut t = Tally {
        gold: gold.iter().filter(|g| !g.neutral).count(),
        gold_src: gold
            .iter()
            .filter(|g| g.source.is_some() && !g.neutral)
            .count(),
        pred: preds.len(),
        ..Tally::default()
    };
    let mut found = HashSet::new();
    let mut found_right = HashSet::new();
    let mut outcomes = vec![];
    for p in preds {
        let a = trimmed(data, &p.span);
        let size = (a.end - a.start).max(1);
        let mut best: Option<(usize, usize)> = None;
        for (i, g) in gold.iter().enumerate() {
            let ov = overlap(&a, &g.content);
            let len: usize = g.content.iter().map(|r| r.end - r.start).sum();
            if !g.direct && ov * 2 < len {
                continue;
            }
            if ov * 2 >= size && best.is_none_or(|(_, b)| ov > b) && ov > 0 {
                best = Some((i, ov));
            }
        }
        let Some((i, _)) = best else {
            if p.speaker.is_some() {
                t.pred_attr += 1;
            }
            outcomes.push(Outcome::FalseStatement);
            continue;
        };
        let g = &gold[i];
        if g.neutral {
            t.pred -= 1;
            outcomes.push(Outcome::Neutral);
            continue;
        }
        t.det_tp += 1;
        found.insert(i);
        let (Some(source), Some(speaker)) = (&g.source, &p.speaker) else {
            outcomes.push(Outcome::Unattributed);
            continue;
        };
        t.pred_attr += 1;
        let canonical = g
            .canonical
            .as_deref()
            .map(name_words)
            .filter(|w| !w.is_empty());
        let said = name_words(speaker);
        let right = match canonical {
            Some(c) => !said.is_disjoint(&c),
            None => {
                p.mention.as_ref().is_some_and(|m| overlap(m, source) > 0)
                    || !said.is_disjoint(&name_words(&g.source_text))
            }
        };
        if right {
            t.attr_tp += 1;
            found_right.insert(i);
            outcomes.push(Outcome::RightSpeaker);
        } else {
            outcomes.push(Outcome::WrongSpeaker);
        }
    }
    t.found = found.len();
    t.found_src = found.iter().filter(|&&i| gold[i].source.is_some()).count();
    t.found_right = found_right
        .iter()
        .filter(|&&i| gold[i].source.is_some())
        .count();
    (t, outcomes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quotation_with_the_right_speaker_scores() {
        let text = "“We won,” Ada Lind said.";
        // Code points: the quotation 0..9, "Ada Lind" 10..18, "said" 19..23.
        let ann = "T1\tSource 10 18\tAda Lind\nT2\tCue 19 23\tsaid\nT3\tContent 0 9\t“We won,”\n\
                   E1\tSource:T1 Cue:T2 Content:T3\n#1\tAnnotatorNotes T1\tAda Lind\n";
        let gold = parse_ann(ann, text, Kind::Direct);
        assert_eq!(gold.len(), 1);
        let q = 0..text.find(" Ada").unwrap_or(0);
        let right = Prediction {
            span: q.clone(),
            direct: true,
            speaker: Some("Ada Lind".into()),
            mention: None,
            sieve: "adjacent-cue",
            resolution: None,
        };
        let wrong = Prediction {
            span: q,
            direct: true,
            speaker: Some("Bo Dahl".into()),
            mention: None,
            sieve: "adjacent-cue",
            resolution: None,
        };
        let (t, o) = score(text, &gold, &[right]);
        assert_eq!((t.attr_tp, o[0]), (1, Outcome::RightSpeaker));
        let (t, o) = score(text, &gold, &[wrong]);
        assert_eq!((t.attr_tp, o[0]), (0, Outcome::WrongSpeaker));
        assert!(parse_ann(ann, text, Kind::Indirect).is_empty());
    }

    #[test]
    fn name_words_skip_titles_and_possessives() {
        let w = name_words("Sen. Ada Lind’s office");
        assert!(w.contains("ada") && w.contains("lind") && !w.contains("sen"));
    }
}
