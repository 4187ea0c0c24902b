//! Notes and corrections in the reader: annotating, the keyboard selection, the note editor,
//! the notes list, and the speaker picker. State lives in [`App`]; every change is saved at
//! once through the sidecar store.

use super::app::App;
use crate::attribution::Analysis;
use crate::notes::model::{self, Correction, Note, Target};
use crate::notes::view::{self, Placed};
use crate::notes::{Anchor, Store, selectors_for};
use ratatui_textarea::TextArea;
use std::ops::Range;

/// The note editor: a text box under the passage it is about.
pub struct Editor {
    pub textarea: TextArea<'static>,
    pub passage: Range<usize>,
    /// The note being edited (`None`: a new note).
    pub editing: Option<String>,
    /// Esc was pressed with text typed: waiting for y/n.
    pub confirm_discard: bool,
}

/// A keyboard selection: from `anchor` to `caret` (byte offsets, either order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Selection {
    pub anchor: usize,
    pub caret: usize,
}

impl Selection {
    pub fn range(&self) -> Range<usize> {
        self.anchor.min(self.caret)..self.anchor.max(self.caret)
    }
}

/// Choosing a quotation's speaker: a filter typed by the user over the known speakers, then
/// "new speaker" and "not a quote".
#[derive(Debug, Clone)]
pub struct Picker {
    pub quote: usize,
    pub filter: String,
    pub sel: usize,
}

/// One line of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    Speaker(String),
    NewSpeaker(String),
    NotAQuote,
}

#[derive(Default)]
pub struct NotesState {
    pub store: Option<Store>,
    pub placed: Vec<Placed>,
    /// Index into `placed` of the current note.
    pub current: Option<usize>,
    pub list_open: bool,
    pub list_sel: usize,
    /// Deleted notes, most recent last, for undo.
    pub undo: Vec<String>,
    /// Set by the event loop: re-analyses are left to it (run in the background) rather
    /// than run at once; `reanalysis_due` says one is wanted.
    pub defer_reanalysis: bool,
    pub reanalysis_due: bool,
}

impl NotesState {
    pub fn note(&self, p: &Placed) -> Option<&Note> {
        self.store.as_ref().map(|s| &s.doc.notes[p.index])
    }

    /// Byte ranges of the notes in the text, sorted.
    pub fn ranges(&self) -> Vec<Range<usize>> {
        let mut r: Vec<Range<usize>> = self
            .placed
            .iter()
            .filter_map(|p| p.anchor.range())
            .collect();
        r.sort_by_key(|r| r.start);
        r
    }
}

/// Applies the sidecar's corrections to a fresh analysis of the text.
pub fn corrected_analysis(
    text: &str,
    paragraphs: &[Range<usize>],
    store: Option<&Store>,
) -> Analysis {
    let mut a = crate::attribution::analyse_text(text, paragraphs);
    if let Some(s) = store {
        a.apply_corrections(&view::placed_corrections(&s.doc, text));
    }
    a
}

impl App {
    /// Attaches the notes store (opened by the caller) and shows what it has to say.
    pub fn attach_notes(&mut self, store: Store) {
        if let Some(m) = store.messages.last() {
            self.message = Some(m.clone());
        }
        self.notes.store = Some(store);
        self.refresh_notes();
        // While the background attribution runs, it applies the corrections itself.
        if !self.analysing {
            self.reanalyse();
        }
    }

    pub fn refresh_notes(&mut self) {
        self.notes.placed = match &self.notes.store {
            Some(s) => view::place_notes(&s.doc, &self.article.text),
            None => vec![],
        };
        if self
            .notes
            .current
            .is_some_and(|c| c >= self.notes.placed.len())
        {
            self.notes.current = None;
        }
        self.notes.list_sel = self
            .notes
            .list_sel
            .min(self.notes.placed.len().saturating_sub(1));
    }

    /// Runs the attribution again with the corrections, keeping the current quotation.
    pub fn reanalyse(&mut self) {
        if self.notes.defer_reanalysis {
            self.notes.reanalysis_due = true;
            self.analysing = true;
            return;
        }
        let analysis = corrected_analysis(
            &self.article.text,
            &self.article.paragraphs,
            self.notes.store.as_ref(),
        );
        self.set_analysis(analysis);
    }

    fn save_notes(&mut self, done: &str) {
        let Some(store) = self.notes.store.as_mut() else {
            self.message = Some("notes are not available for this article".into());
            return;
        };
        let was_fallback = store.fallback;
        match store.save() {
            Ok(()) => {
                self.message = Some(if store.fallback && !was_fallback {
                    store
                        .messages
                        .last()
                        .cloned()
                        .unwrap_or_else(|| done.to_string())
                } else if store.fallback {
                    format!("{done} (in {})", store.path.display())
                } else {
                    done.to_string()
                });
            }
            Err(e) => {
                self.message = Some(format!("NOT SAVED: {e} — the note stays open; try again"))
            }
        }
        self.refresh_notes();
    }

    /// The passage `a` annotates: the selection, the current quotation, or the paragraph at
    /// the top of the view.
    fn passage_to_annotate(&mut self) -> Option<Range<usize>> {
        if let Some(sel) = self.selection.take() {
            let r = sel.range();
            if !r.is_empty() {
                return Some(r);
            }
            return Some(self.sentence_at(sel.caret));
        }
        if let Some(q) = self.current {
            return Some(self.analysis.quotes[q].span.clone());
        }
        let p = self.top.para;
        self.article.paragraphs.get(p).cloned()
    }

    pub fn annotate(&mut self) {
        if self.notes.store.is_none() {
            self.message = Some("notes are not available for this article".into());
            return;
        }
        let Some(passage) = self.passage_to_annotate() else {
            self.message = Some("nothing to annotate".into());
            return;
        };
        self.open_editor(passage, None, "");
    }

    fn open_editor(&mut self, passage: Range<usize>, editing: Option<String>, body: &str) {
        let lines: Vec<String> = if body.is_empty() {
            vec![String::new()]
        } else {
            body.lines().map(str::to_string).collect()
        };
        let mut textarea = TextArea::new(lines);
        textarea.set_placeholder_text("Type the note. Ctrl-S saves, Esc cancels.");
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        self.editor = Some(Editor {
            textarea,
            passage,
            editing,
            confirm_discard: false,
        });
    }

    /// Ctrl-S in the editor.
    pub fn editor_save(&mut self) {
        let Some(ed) = self.editor.as_ref() else {
            return;
        };
        let body = ed.textarea.lines().join("\n").trim().to_string();
        if body.is_empty() {
            self.editor = None;
            self.message = Some("empty note: nothing saved".into());
            return;
        }
        let (passage, editing) = (ed.passage.clone(), ed.editing.clone());
        let Some(store) = self.notes.store.as_mut() else {
            return;
        };
        let t = model::now();
        match editing.and_then(|id| store.doc.notes.iter_mut().find(|n| n.id == id)) {
            Some(n) => {
                n.body = body;
                n.modified = t;
            }
            None => store.doc.notes.push(Note {
                id: model::new_id("n"),
                created: t.clone(),
                modified: t,
                body,
                target: Target::from_selectors(&selectors_for(&self.article.text, passage.clone())),
                deleted: None,
                extra: Default::default(),
            }),
        }
        self.save_notes("note saved");
        let saved = !self
            .message
            .as_deref()
            .is_some_and(|m| m.starts_with("NOT SAVED"));
        if saved {
            self.editor = None;
            self.notes.current = self
                .notes
                .placed
                .iter()
                .position(|p| p.anchor.range().is_some_and(|r| r.start == passage.start));
        }
    }

    /// Esc in the editor: cancel, asking first when text was typed.
    pub fn editor_escape(&mut self) {
        let Some(ed) = self.editor.as_mut() else {
            return;
        };
        if ed.confirm_discard
            || ed.textarea.is_empty()
            || ed.textarea.lines().iter().all(|l| l.trim().is_empty())
        {
            self.editor = None;
            self.message = Some("note not saved".into());
        } else {
            ed.confirm_discard = true;
        }
    }

    /// The answer to "discard this note?".
    pub fn editor_confirm(&mut self, discard: bool) {
        if discard {
            self.editor = None;
            self.message = Some("note discarded".into());
        } else if let Some(ed) = self.editor.as_mut() {
            ed.confirm_discard = false;
        }
    }

    pub fn step_note(&mut self, forward: bool) {
        let n = self.notes.placed.len();
        let found: Vec<usize> = (0..n)
            .filter(|&i| self.notes.placed[i].anchor.range().is_some())
            .collect();
        if found.is_empty() {
            self.message = Some("no notes in this article".into());
            return;
        }
        let top = self.top_offset();
        let next = match self.notes.current {
            Some(c) if forward => found.iter().copied().find(|&i| i > c),
            Some(c) => found.iter().rev().copied().find(|&i| i < c),
            None if forward => found.iter().copied().find(|&i| {
                self.notes.placed[i]
                    .anchor
                    .range()
                    .is_some_and(|r| r.end > top)
            }),
            None => found.iter().rev().copied().find(|&i| {
                self.notes.placed[i]
                    .anchor
                    .range()
                    .is_some_and(|r| r.start < top)
            }),
        };
        match next {
            Some(i) => self.go_to_note(i),
            None => {
                self.message = Some(
                    if forward {
                        "no more notes below"
                    } else {
                        "no more notes above"
                    }
                    .into(),
                )
            }
        }
    }

    pub fn go_to_note(&mut self, i: usize) {
        self.notes.current = Some(i);
        self.notes.list_sel = i;
        if let Some(r) = self.notes.placed[i].anchor.range() {
            self.reveal_range(r);
            self.message = None;
        } else {
            self.message =
                Some("this note's passage is not found in this version of the article".into());
        }
    }

    fn target_note(&self) -> Option<usize> {
        if self.notes.list_open {
            Some(self.notes.list_sel).filter(|&i| i < self.notes.placed.len())
        } else {
            self.notes.current
        }
    }

    pub fn edit_note(&mut self) {
        let Some(i) = self.target_note() else {
            self.message = Some("no current note: use . or , or the list (L)".into());
            return;
        };
        let p = self.notes.placed[i].clone();
        let Some(note) = self.notes.note(&p).cloned() else {
            return;
        };
        let passage = p.anchor.range().unwrap_or(0..0);
        self.notes.list_open = false;
        self.open_editor(passage, Some(note.id), &note.body);
    }

    pub fn delete_note(&mut self) {
        let Some(i) = self.target_note() else {
            self.message = Some("no current note: use . or , or the list (L)".into());
            return;
        };
        let idx = self.notes.placed[i].index;
        let Some(store) = self.notes.store.as_mut() else {
            return;
        };
        let note = &mut store.doc.notes[idx];
        note.deleted = Some(model::now());
        note.modified = model::now();
        let id = note.id.clone();
        self.notes.undo.push(id);
        self.notes.current = None;
        self.save_notes("note deleted (u to undo)");
    }

    pub fn undo_delete(&mut self) {
        let Some(id) = self.notes.undo.pop() else {
            self.message = Some("nothing to undo".into());
            return;
        };
        let Some(store) = self.notes.store.as_mut() else {
            return;
        };
        if let Some(n) = store.doc.notes.iter_mut().find(|n| n.id == id) {
            n.deleted = None;
            n.modified = model::now();
        }
        self.save_notes("note restored");
    }

    // --- the keyboard selection ---

    pub fn start_selection(&mut self) {
        let at = match self.current {
            Some(q) => self.analysis.quotes[q].span.start,
            None => self.top_offset(),
        };
        self.selection = Some(Selection {
            anchor: at,
            caret: at,
        });
        self.message = Some("select: w b ( ) { } h l move, a annotates, Esc cancels".into());
    }

    /// Moves the caret (the selection extends from the anchor).
    pub fn move_caret(&mut self, to: impl Fn(&str, usize) -> usize) {
        let Some(sel) = self.selection.as_mut() else {
            return;
        };
        sel.caret = to(&self.article.text, sel.caret);
        let r = sel.caret..sel.caret + 1;
        self.reveal_range(r);
    }

    pub fn swap_selection_ends(&mut self) {
        if let Some(s) = self.selection.as_mut() {
            std::mem::swap(&mut s.anchor, &mut s.caret);
        }
    }

    /// The sentence around a byte offset.
    fn sentence_at(&self, at: usize) -> Range<usize> {
        let t = &self.article.text;
        let start = sentence_back(t, (at + 1).min(t.len()));
        let end = sentence_forward(t, start);
        start..end.max(start)
    }

    // --- the speaker picker ---

    pub fn open_picker(&mut self) {
        match self.current {
            Some(q) => {
                self.picker = Some(Picker {
                    quote: q,
                    filter: String::new(),
                    sel: 0,
                })
            }
            None => self.message = Some("no current quotation: press Tab first".into()),
        }
    }

    /// The picker's lines for its current filter.
    pub fn picker_choices(&self) -> Vec<Choice> {
        let Some(p) = &self.picker else { return vec![] };
        let f = p.filter.trim().to_lowercase();
        let mut out: Vec<Choice> = self
            .speaker_order
            .iter()
            .map(|&s| self.analysis.speakers[s].name.clone())
            .filter(|n| f.is_empty() || n.to_lowercase().contains(&f))
            .map(Choice::Speaker)
            .collect();
        if !f.is_empty()
            && !out
                .iter()
                .any(|c| matches!(c, Choice::Speaker(n) if n.to_lowercase() == f))
        {
            out.push(Choice::NewSpeaker(p.filter.trim().to_string()));
        }
        out.push(Choice::NotAQuote);
        out
    }

    pub fn picker_choose(&mut self) {
        let choices = self.picker_choices();
        let Some(p) = self.picker.take() else { return };
        let Some(choice) = choices
            .get(p.sel.min(choices.len().saturating_sub(1)))
            .cloned()
        else {
            return;
        };
        let span = self.analysis.quotes[p.quote].span.clone();
        let (speaker, not_a_quote) = match &choice {
            Choice::Speaker(n) | Choice::NewSpeaker(n) => (Some(n.clone()), false),
            Choice::NotAQuote => (None, true),
        };
        let Some(store) = self.notes.store.as_mut() else {
            self.message = Some("corrections are not available for this article".into());
            return;
        };
        let target = Target::from_selectors(&selectors_for(&self.article.text, span.clone()));
        // One correction per quotation: replace an earlier one.
        for c in store
            .doc
            .corrections
            .iter_mut()
            .filter(|c| c.deleted.is_none())
        {
            if c.target
                .selectors()
                .is_some_and(|s| s.exact == self.article.text[span.clone()])
            {
                c.deleted = Some(model::now());
                c.modified = model::now();
            }
        }
        store.doc.corrections.push(Correction {
            id: model::new_id("c"),
            modified: model::now(),
            target,
            speaker,
            not_a_quote,
            deleted: None,
            extra: Default::default(),
        });
        let done = match choice {
            Choice::NotAQuote => "marked as not a quote".to_string(),
            Choice::Speaker(n) | Choice::NewSpeaker(n) => {
                format!("speaker set to {}", crate::text::printable(&n))
            }
        };
        self.save_notes(&done);
        self.reanalyse();
        if not_a_quote {
            self.current = None;
        }
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// The start of the next word after `at`.
pub fn word_forward(t: &str, at: usize) -> usize {
    let it = t[at.min(t.len())..].char_indices().peekable();
    let mut seen_space = false;
    for (i, c) in it {
        if !is_word_char(c) {
            seen_space = true;
        } else if seen_space && i > 0 {
            return at + i;
        }
    }
    t.len()
}

/// The start of the word before `at`.
pub fn word_back(t: &str, at: usize) -> usize {
    let before = &t[..at.min(t.len())];
    let trimmed = before.trim_end_matches(|c: char| !is_word_char(c));
    let start = trimmed.trim_end_matches(is_word_char);
    start.len()
}

/// After the end of the sentence that contains `at` (at least one character on).
pub fn sentence_forward(t: &str, at: usize) -> usize {
    let at = at.min(t.len());
    let mut ended = false;
    for (i, c) in t[at..].char_indices() {
        if c == '\n' && i > 0 {
            return at + i;
        }
        if ended && c.is_whitespace() {
            return at + i;
        }
        if matches!(c, '.' | '!' | '?') {
            ended = i > 0 || ended;
        } else if !(ended && matches!(c, '”' | '"' | '»' | '’' | '\'' | ')')) {
            ended = false;
        }
    }
    t.len()
}

/// The start of the sentence before `at`.
pub fn sentence_back(t: &str, at: usize) -> usize {
    let before = &t[..at.min(t.len())].trim_end();
    let mut last = 0;
    for (i, c) in before.char_indices() {
        if matches!(c, '.' | '!' | '?' | '\n') && i + c.len_utf8() < before.len() {
            last = i + c.len_utf8();
        }
    }
    let rest = &t[last..];
    last + (rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || c == '”' || c == '"')
            .len())
}

/// Whether a placed note exists and was found in the text.
pub fn is_found(p: &Placed) -> bool {
    !matches!(p.anchor, Anchor::Orphan)
}
