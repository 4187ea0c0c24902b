//! Assembly: the statements of a stretch of text in text order, and their speakers numbered in
//! the order they first speak.

use super::entities::{Entities, EntityKind};
use super::quotes;
use super::resolve::SpeakerKey;
use super::sieves::{Found, Reported, Sieve};
use super::{Analysis, OtherQuoted, Quote, Resolution, Speaker, StatementKind};
use std::collections::HashMap;

/// The quotations of a stretch of text with what the sieves found for each.
pub(super) struct Direct<'a> {
    pub found: &'a [quotes::FoundQuote],
    pub results: &'a [Option<Found>],
    pub keys: &'a [Option<(SpeakerKey, Resolution)>],
    pub statements: &'a [bool],
}

/// Builds the analysis: quotations and reported statements in text order, speakers numbered
/// in the order they first speak.
pub(super) fn assemble(
    direct: &Direct,
    reported: &[(Reported, Option<(SpeakerKey, Resolution)>)],
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
