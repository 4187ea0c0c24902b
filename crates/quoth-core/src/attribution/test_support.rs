//! Helpers for the unit tests of the sieves, resolution and the statement filter: each runs the
//! whole pipeline on a few sentences written for quoth and reads one statement back.

use crate::article::split_paragraphs;
use crate::attribution::{StatementKind, analyse_text};

/// (quoted text, speaker, sieve) for each statement.
pub fn run(text: &str) -> Vec<(String, Option<String>, &'static str)> {
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

/// The speaker of the statement that contains `quote_start`.
pub fn speaker_of(text: &str, quote_start: &str) -> Option<String> {
    run(text)
        .into_iter()
        .find(|(q, _, _)| q.contains(quote_start))
        .unwrap_or_else(|| panic!("no quote {quote_start:?} in {text:?}"))
        .1
}

/// The sieve that attributed the statement that contains `quote_start` ("missing": none).
pub fn sieve_of(text: &str, quote_start: &str) -> &'static str {
    run(text)
        .into_iter()
        .find(|(q, _, _)| q.contains(quote_start))
        .map_or("missing", |r| r.2)
}

/// (content, speaker, sieve) of each reported statement.
pub fn reported(text: &str) -> Vec<(String, Option<String>, &'static str)> {
    let a = analyse_text(text, &split_paragraphs(text));
    a.quotes
        .iter()
        .filter(|q| q.kind == StatementKind::Indirect)
        .map(|q| {
            (
                text[q.span.clone()].to_string(),
                q.speaker.map(|s| a.speakers[s].name.clone()),
                q.sieve.name(),
            )
        })
        .collect()
}

/// The one reported statement of `text`.
pub fn one(text: &str) -> (String, Option<String>, &'static str) {
    let r = reported(text);
    assert_eq!(r.len(), 1, "{text:?}: {r:?}");
    r.into_iter().next().unwrap_or_default()
}
