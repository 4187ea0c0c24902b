//! The sidecar file's contents. Versioned JSON; notes follow the W3C Web Annotation model
//! (a target with `TextQuoteSelector` and `TextPositionSelector`), so other annotation tools
//! can read them. Fields quoth does not know are kept when the file is rewritten.

use super::anchor::Selectors;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The sidecar format version this quoth writes and fully understands.
pub const VERSION: u64 = 1;

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Sidecar {
    #[serde(rename = "quoth_sidecar")]
    pub version: u64,
    pub article: Fingerprint,
    #[serde(default)]
    pub notes: Vec<Note>,
    #[serde(default)]
    pub corrections: Vec<Correction>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// SHA-256 of the article text and its length in bytes.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Fingerprint {
    pub sha256: String,
    pub length: usize,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Note {
    pub id: String,
    pub created: String,
    pub modified: String,
    pub body: String,
    pub target: Target,
    /// When the note was deleted: deletions are kept so that a merge with another window's
    /// copy does not bring the note back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A reader's correction of the engine: this quotation's speaker is X, or it is no quotation.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Correction {
    pub id: String,
    pub modified: String,
    pub target: Target,
    #[serde(default)]
    pub speaker: Option<String>,
    #[serde(default)]
    pub not_a_quote: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<String>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Target {
    /// Selectors as the Web Annotation model has them; unknown kinds are kept as they are.
    #[serde(default)]
    pub selector: Vec<Selector>,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// One selector of a target, typed when quoth knows its kind.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Selector {
    Quote(QuoteSelector),
    Position(PositionSelector),
    /// A kind quoth does not use (an XPath selector, …), kept for other tools.
    Other(Value),
}

/// `{"type": "TextQuoteSelector", "exact": …, "prefix": …, "suffix": …}`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct QuoteSelector {
    #[serde(rename = "type")]
    pub kind: QuoteKind,
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// `{"type": "TextPositionSelector", "start": …, "end": …}` (code points).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PositionSelector {
    #[serde(rename = "type")]
    pub kind: PositionKind,
    pub start: usize,
    pub end: usize,
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// The only value the `type` of a [`QuoteSelector`] can have.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub enum QuoteKind {
    TextQuoteSelector,
}

/// The only value the `type` of a [`PositionSelector`] can have.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub enum PositionKind {
    TextPositionSelector,
}

impl Target {
    pub fn from_selectors(s: &Selectors) -> Target {
        Target {
            selector: vec![
                Selector::Quote(QuoteSelector {
                    kind: QuoteKind::TextQuoteSelector,
                    exact: s.exact.clone(),
                    prefix: s.prefix.clone(),
                    suffix: s.suffix.clone(),
                    extra: Map::new(),
                }),
                Selector::Position(PositionSelector {
                    kind: PositionKind::TextPositionSelector,
                    start: s.start,
                    end: s.end,
                    extra: Map::new(),
                }),
            ],
            extra: Map::new(),
        }
    }

    /// The selectors quoth anchors with, if the target has a quote selector.
    pub fn selectors(&self) -> Option<Selectors> {
        let quote = self.selector.iter().find_map(|s| match s {
            Selector::Quote(q) => Some(q),
            _ => None,
        })?;
        let position = self.selector.iter().find_map(|s| match s {
            Selector::Position(p) => Some(p),
            _ => None,
        });
        Some(Selectors {
            exact: quote.exact.clone(),
            prefix: quote.prefix.clone(),
            suffix: quote.suffix.clone(),
            start: position.map_or(0, |p| p.start),
            end: position.map_or(0, |p| p.end),
        })
    }
}

impl Sidecar {
    pub fn new(fingerprint: Fingerprint) -> Sidecar {
        Sidecar {
            version: VERSION,
            article: fingerprint,
            notes: vec![],
            corrections: vec![],
            extra: Map::new(),
        }
    }

    /// Live notes (not deleted).
    pub fn live_notes(&self) -> impl Iterator<Item = &Note> {
        self.notes.iter().filter(|n| n.deleted.is_none())
    }

    /// Takes in another copy of the file: by id, the later modification wins; entries only
    /// one side has are kept. Nothing is lost.
    pub fn merge(&mut self, other: &Sidecar) {
        merge_by_id(&mut self.notes, &other.notes, |n| (&n.id, &n.modified));
        merge_by_id(&mut self.corrections, &other.corrections, |c| {
            (&c.id, &c.modified)
        });
        for (k, v) in &other.extra {
            self.extra.entry(k.clone()).or_insert_with(|| v.clone());
        }
    }
}

/// One pass over each side with a map from id to position: merging one note into 77k is
/// linear, not quadratic.
fn merge_by_id<T: Clone>(mine: &mut Vec<T>, theirs: &[T], key: impl Fn(&T) -> (&String, &String)) {
    let mut at: std::collections::HashMap<String, usize> = mine
        .iter()
        .enumerate()
        .map(|(i, m)| (key(m).0.clone(), i))
        .collect();
    for t in theirs {
        let (id, modified) = key(t);
        match at.get(id) {
            Some(&i) => {
                if key(&mine[i]).1 < modified {
                    mine[i] = t.clone();
                }
            }
            None => {
                at.insert(id.clone(), mine.len());
                mine.push(t.clone());
            }
        }
    }
}

/// The current time as RFC 3339 (UTC, seconds and milliseconds).
pub fn now() -> String {
    humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string()
}

/// A new unique id: time, process and a counter.
pub fn new_id(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}-{nanos:x}-{:x}-{n}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: &str, modified: &str, body: &str) -> Note {
        Note {
            id: id.into(),
            created: modified.into(),
            modified: modified.into(),
            body: body.into(),
            target: Target {
                selector: vec![],
                extra: Map::new(),
            },
            deleted: None,
            extra: Map::new(),
        }
    }

    #[test]
    fn merge_keeps_both_sides_and_the_newer_edit() {
        let fp = Fingerprint {
            sha256: "x".into(),
            length: 1,
            extra: Map::new(),
        };
        let mut a = Sidecar::new(fp.clone());
        a.notes = vec![
            note("1", "2026-01-01T00:00:00Z", "old"),
            note("2", "2026-01-01T00:00:00Z", "mine"),
        ];
        let mut b = Sidecar::new(fp);
        b.notes = vec![
            note("1", "2026-01-02T00:00:00Z", "new"),
            note("3", "2026-01-01T00:00:00Z", "theirs"),
        ];
        a.merge(&b);
        let bodies: Vec<&str> = a.notes.iter().map(|n| n.body.as_str()).collect();
        assert_eq!(bodies, vec!["new", "mine", "theirs"]);
    }

    #[test]
    fn merging_does_work_in_proportion_to_the_notes() {
        use std::cell::Cell;
        let keys_read = |n: usize| {
            let notes = |side: &str| -> Vec<Note> {
                (0..n)
                    .map(|i| note(&format!("{side}{i}"), "2026-01-01T00:00:00Z", "b"))
                    .collect()
            };
            let (mut mine, theirs) = (notes("a"), notes("b"));
            let calls = Cell::new(0usize);
            merge_by_id(&mut mine, &theirs, |n| {
                calls.set(calls.get() + 1);
                (&n.id, &n.modified)
            });
            assert_eq!(mine.len(), 2 * n);
            calls.get()
        };
        let (small, big) = (keys_read(1000), keys_read(8000));
        assert!(big <= 10 * small, "{small} → {big}: merging is not linear");
    }

    #[test]
    fn unknown_fields_survive_a_round_trip() {
        let src = r#"{"quoth_sidecar":1,"article":{"sha256":"ab","length":3,"origin":"web"},
            "notes":[{"id":"n1","created":"t","modified":"t","body":"b","colour":"red",
            "target":{"source":"x","selector":[{"type":"XPathSelector","value":"/p[1]"}]}}],
            "corrections":[],"app":{"theme":"dark"}}"#;
        let doc: Sidecar = serde_json::from_str(src).expect("parse");
        let out = serde_json::to_value(&doc).expect("serialise");
        assert_eq!(out["app"]["theme"], "dark");
        assert_eq!(out["article"]["origin"], "web");
        assert_eq!(out["notes"][0]["colour"], "red");
        assert_eq!(out["notes"][0]["target"]["source"], "x");
        assert_eq!(
            out["notes"][0]["target"]["selector"][0]["type"],
            "XPathSelector"
        );
    }

    #[test]
    fn selectors_are_typed_and_keep_what_they_do_not_know() {
        let src = r#"{"selector":[
            {"type":"TextQuoteSelector","exact":"a","prefix":"p","suffix":"s","lang":"en"},
            {"type":"TextPositionSelector","start":3,"end":4},
            {"type":"TextPositionSelector","start":-1,"end":"x"},
            {"type":"XPathSelector","value":"/p[1]"}]}"#;
        let target: Target = serde_json::from_str(src).expect("parse");
        assert!(matches!(target.selector[0], Selector::Quote(_)));
        assert!(matches!(target.selector[1], Selector::Position(_)));
        assert!(matches!(target.selector[2], Selector::Other(_)));
        let s = target.selectors().expect("selectors");
        assert_eq!((s.exact.as_str(), s.start, s.end), ("a", 3, 4));
        let back = serde_json::to_value(&target).expect("json");
        let want: Value = serde_json::from_str(src).expect("json");
        assert_eq!(back, want);
    }
}
