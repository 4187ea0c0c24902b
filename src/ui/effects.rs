//! What `update` asks the outside world to do: save the sidecar, run the attribution again,
//! copy to the clipboard. The event loop runs them (reanalysis on a thread); their outcome
//! comes back to `update` as an [`Event`]. Tests run them at once with [`run_now`].

use super::app::{App, Event, update};
use crate::attribution::SpeakerCorrection;
use base64::Engine;
use std::io::Write;
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug)]
pub enum Effect {
    /// Write the notes sidecar; the outcome comes back as [`Event::Saved`], with `done` as
    /// the message on success.
    SaveNotes { done: String },
    /// Run the attribution again (with the reader's corrections), off the key path; the result
    /// comes back as [`Event::Analysed`].
    Reanalyse(Reanalysis),
    /// Put this (already sanitised) text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Open a link's address: the event loop starts `$BROWSER` on it
    /// when set; otherwise, and here, the address is copied (OSC 52).
    Open(String),
}

/// Everything the attribution needs, so that it can run on another thread.
#[derive(Debug)]
pub struct Reanalysis {
    pub generation: u64,
    pub text: Arc<str>,
    pub paragraphs: Vec<Range<usize>>,
    pub corrections: Vec<SpeakerCorrection>,
}

impl Reanalysis {
    /// Runs the attribution; the event that installs its result.
    pub fn run(self) -> Event {
        let analysis =
            crate::notes::view::analyse_with(&self.text, &self.paragraphs, &self.corrections);
        Event::Analysed {
            generation: self.generation,
            analysis: Box::new(analysis),
        }
    }
}

/// Saves the sidecar; the event saying how it went.
pub fn save_notes(app: &mut App, done: &str) -> Event {
    let Some(store) = app.doc.notes.store.as_mut() else {
        return Event::Saved(Err("notes are not available for this article".into()));
    };
    let was_fallback = store.fallback;
    Event::Saved(match store.save() {
        Ok(()) if store.fallback && !was_fallback => Ok(store
            .messages
            .last()
            .cloned()
            .unwrap_or_else(|| done.to_string())),
        Ok(()) if store.fallback => Ok(format!("{done} (in {})", store.path.display())),
        Ok(()) => Ok(done.to_string()),
        Err(e) => Err(format!("NOT SAVED: {e} — the note stays open; try again")),
    })
}

/// The OSC 52 sequence that asks the terminal to put `text` on the clipboard. The text is
/// sanitised again here: nothing but base64 ever sits between the sequence's delimiters.
pub fn osc52(text: &str) -> Vec<u8> {
    let clean = crate::text::printable(text);
    let b64 = base64::engine::general_purpose::STANDARD.encode(clean.as_bytes());
    format!("\u{1b}]52;c;{b64}\u{7}").into_bytes()
}

/// Runs one effect other than reanalysis (which the caller puts on a thread); the event it
/// produces, if any.
pub fn perform(app: &mut App, effect: Effect, terminal: &mut dyn Write) -> Option<Event> {
    match effect {
        Effect::SaveNotes { done } => Some(save_notes(app, &done)),
        Effect::Copy(text) => {
            let ok = terminal
                .write_all(&osc52(&text))
                .and_then(|()| terminal.flush());
            ok.err()
                .map(|e| Event::Failed(format!("could not copy: {e}")))
        }
        Effect::Reanalyse(job) => Some(job.run()),
        Effect::Open(url) => match super::links::choose(&url, None) {
            Some(super::links::Choice::Copy(url)) => {
                app.message =
                    Some("copied the link's address (OSC 52; set $BROWSER to open links)".into());
                perform(app, Effect::Copy(url), terminal)
            }
            _ => Some(Event::Failed(
                "this link's address has spaces or control characters: not used".into(),
            )),
        },
    }
}

/// Runs effects as the event loop does: each reanalysis goes to `background` (which runs it
/// off the key path and hands its event to `update` later); the others run now, and what they
/// produce goes back to `update` at once. Clipboard bytes go to `terminal`.
pub fn run(
    app: &mut App,
    effects: Vec<Effect>,
    terminal: &mut dyn Write,
    background: &mut dyn FnMut(Reanalysis),
) {
    let mut todo: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = todo.pop_front() {
        match effect {
            Effect::Reanalyse(job) => background(job),
            other => {
                if let Some(ev) = perform(app, other, terminal) {
                    todo.extend(update(app, ev));
                }
            }
        }
    }
}

/// Runs effects at once on this thread, reanalysis included (tests, and anything that must
/// finish before returning).
pub fn run_now(app: &mut App, effects: Vec<Effect>, terminal: &mut dyn Write) {
    let mut todo: std::collections::VecDeque<Effect> = effects.into();
    while let Some(effect) = todo.pop_front() {
        if let Some(ev) = perform(app, effect, terminal) {
            todo.extend(update(app, ev));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_carries_only_base64_of_sanitised_text() {
        let bytes = osc52("a \u{1b}]0;evil\u{7} “b”");
        let s = String::from_utf8(bytes).expect("utf8");
        let body = s
            .strip_prefix("\u{1b}]52;c;")
            .and_then(|r| r.strip_suffix('\u{7}'))
            .expect("frame");
        assert!(
            body.chars()
                .all(|c| c.is_ascii_alphanumeric() || "+/=".contains(c))
        );
        let decoded = base64::engine::general_purpose::STANDARD
            .decode(body)
            .expect("base64");
        let text = String::from_utf8(decoded).expect("utf8");
        assert!(!text.chars().any(char::is_control), "{text:?}");
        assert!(text.contains("“b”"));
    }
}
