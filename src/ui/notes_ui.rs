//! Notes and corrections in the reader: annotating, the keyboard selection, the note editor,
//! the notes list, and the speaker picker. Changes to the sidecar are made in memory here and
//! saved by the event loop ([`Effect::SaveNotes`]); nothing here does I/O.

use super::app::{App, Mode, Question};
use super::effects::Effect;
use super::keymap::{Action, KeyMode};
use crate::notes::model::{self, Correction, Note, Target};
use crate::notes::view::{self, Placed};
use crate::notes::{Anchor, Store, selectors_for};
use ratatui_textarea::{Input, Key, TextArea};
use std::ops::Range;

/// The note editor: a text box under the passage it is about.
pub struct Editor {
    pub textarea: TextArea<'static>,
    pub passage: Range<usize>,
    /// The note being edited (`None`: a new note).
    pub editing: Option<String>,
    /// The text it opened with: Esc with nothing changed closes quietly.
    pub original: String,
    /// Ctrl-S was pressed and the save is running.
    pub saving: bool,
}

impl Editor {
    pub fn body(&self) -> String {
        self.textarea.lines().join("\n").trim().to_string()
    }

    /// Types a key into the note. The text area moves and deletes by character; a step left
    /// or right, Backspace and Delete are repeated so that they take a whole grapheme cluster
    /// (an accented letter written as two characters, a flag, a family emoji).
    pub fn input(&mut self, input: Input) {
        let steps = self.cluster_chars(&input);
        for _ in 0..steps {
            self.textarea.input(input.clone());
        }
    }

    /// How many characters the key's step covers: the cluster before or after the cursor, or
    /// one for every other key (and at a line's ends, where the step crosses the break).
    fn cluster_chars(&self, input: &Input) -> usize {
        let ctrl_only = input.ctrl && !input.alt;
        let backward = match input.key {
            Key::Left | Key::Backspace => true,
            Key::Char('b' | 'h') if ctrl_only => true,
            Key::Right | Key::Delete => false,
            Key::Char('f' | 'd') if ctrl_only => false,
            _ => return 1,
        };
        let ratatui_textarea::DataCursor(row, col) = self.textarea.cursor();
        let Some(line) = self.textarea.lines().get(row) else {
            return 1;
        };
        let at = line.char_indices().nth(col).map_or(line.len(), |(b, _)| b);
        let other = if backward {
            crate::text::prev_grapheme(line, at)
        } else {
            crate::text::next_grapheme(line, at)
        };
        let range = other.min(at)..other.max(at);
        line[range].chars().count().max(1)
    }
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

/// Choosing a statement's speaker: a filter typed by the user over the known speakers, then
/// "new speaker" and "not a statement".
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
    /// Deleted notes, most recent last, for undo.
    pub undo: Vec<String>,
    /// Where a mouse drag started (byte offset).
    pub drag_from: Option<usize>,
}

impl NotesState {
    pub fn note(&self, p: &Placed) -> Option<&Note> {
        self.store.as_ref().and_then(|s| s.doc.notes.get(p.index))
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

impl App {
    /// Attaches the notes store (opened by the caller) and shows what it has to say. With
    /// corrections in it, the attribution runs again (unless it is running already: it reads
    /// the corrections when it starts).
    pub fn attach_notes(&mut self, store: Store) -> Vec<Effect> {
        if let Some(m) = store.messages.last() {
            self.message = Some(m.clone());
        }
        let has_corrections = !store.doc.corrections.is_empty();
        self.doc.notes.store = Some(store);
        self.refresh_notes();
        if has_corrections && !self.doc.analysing {
            vec![Effect::Reanalyse(self.analysis_request())]
        } else {
            vec![]
        }
    }

    pub fn refresh_notes(&mut self) {
        let notes = &mut self.doc.notes;
        notes.placed = match &notes.store {
            Some(s) => view::place_notes(&s.doc, &self.doc.article.text),
            None => vec![],
        };
        if notes.current.is_some_and(|c| c >= notes.placed.len()) {
            notes.current = None;
        }
        let n = notes.placed.len();
        if let Mode::Notes { sel } = &mut self.mode {
            *sel = (*sel).min(n.saturating_sub(1));
        }
    }

    /// The outcome of saving the sidecar.
    pub fn saved(&mut self, result: Result<String, String>) {
        self.refresh_notes();
        let ok = result.is_ok();
        self.message = Some(match result {
            Ok(m) | Err(m) => m,
        });
        let Mode::Editor(ed) = &mut self.mode else {
            return;
        };
        if !ed.saving {
            return;
        }
        ed.saving = false;
        if ok {
            let start = ed.passage.start;
            self.mode = Mode::Reading;
            self.doc.notes.current = self
                .doc
                .notes
                .placed
                .iter()
                .position(|p| p.anchor.range().is_some_and(|r| r.start == start));
        }
    }

    fn notes_available(&mut self) -> bool {
        if self.doc.notes.store.is_none() {
            self.message = Some("notes are not available for this article".into());
            return false;
        }
        true
    }

    /// The passage `a` annotates: the selection, the current statement, or the paragraph at
    /// the top of the view. An empty selection is no passage.
    fn passage_to_annotate(&mut self) -> Option<Range<usize>> {
        if let Mode::Select(sel) = &self.mode {
            let r = sel.range();
            if r.is_empty() {
                self.message = Some(format!(
                    "select some text first ({} {} move the caret)",
                    self.keymap.hint(KeyMode::Select, Action::CaretWordForward),
                    self.keymap
                        .hint(KeyMode::Select, Action::CaretSentenceForward)
                ));
                return None;
            }
            self.mode = Mode::Reading;
            return Some(r);
        }
        if let Some(q) = self.current {
            return Some(self.doc.analysis.quotes[q].span.clone());
        }
        let p = self.view.top.para;
        match self.doc.article.paragraphs.get(p) {
            Some(r) => Some(r.clone()),
            None => {
                self.message = Some("nothing to annotate".into());
                None
            }
        }
    }

    pub fn annotate(&mut self) {
        if !self.notes_available() {
            return;
        }
        if let Some(passage) = self.passage_to_annotate() {
            self.open_editor(passage, None, "");
        }
    }

    fn open_editor(&mut self, passage: Range<usize>, editing: Option<String>, body: &str) {
        let lines: Vec<String> = if body.is_empty() {
            vec![String::new()]
        } else {
            body.lines().map(str::to_string).collect()
        };
        let mut textarea = TextArea::new(lines);
        textarea.set_placeholder_text(format!(
            "Type the note. {} saves, {} cancels.",
            self.keymap.hint(KeyMode::Editor, Action::EditorSave),
            self.keymap.hint(KeyMode::Editor, Action::Back)
        ));
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        self.mode = Mode::Editor(Box::new(Editor {
            textarea,
            passage,
            editing,
            original: body.trim().to_string(),
            saving: false,
        }));
    }

    /// Ctrl-S in the editor: the note goes into the sidecar, which the loop then saves.
    pub fn editor_save(&mut self, fx: &mut Vec<Effect>) {
        let Mode::Editor(ed) = &mut self.mode else {
            return;
        };
        let body = ed.body();
        if body.is_empty() {
            self.mode = Mode::Reading;
            self.message = Some("empty note: nothing saved".into());
            return;
        }
        let (passage, editing) = (ed.passage.clone(), ed.editing.clone());
        let Some(store) = self.doc.notes.store.as_mut() else {
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
                target: Target::from_selectors(&selectors_for(
                    &self.doc.article.text,
                    passage.clone(),
                )),
                deleted: None,
                extra: Default::default(),
            }),
        }
        ed.saving = true;
        fx.push(Effect::SaveNotes {
            done: "note saved".into(),
        });
    }

    /// The terminal is going away: a note being written (or waiting for "discard?") is saved,
    /// not lost.
    pub fn save_unfinished_note(&mut self) -> Vec<Effect> {
        if let Mode::Confirm(Question::Discard(_)) = self.mode
            && let Mode::Confirm(Question::Discard(ed)) =
                std::mem::replace(&mut self.mode, Mode::Reading)
        {
            self.mode = Mode::Editor(ed);
        }
        let mut fx = Vec::new();
        self.editor_save(&mut fx);
        fx
    }

    /// Esc in the editor: close quietly when nothing changed, else ask.
    pub fn editor_escape(&mut self) {
        let Mode::Editor(ed) = &self.mode else {
            return;
        };
        if ed.body() == ed.original {
            self.mode = Mode::Reading;
            return;
        }
        if let Mode::Editor(ed) = std::mem::replace(&mut self.mode, Mode::Reading) {
            self.mode = Mode::Confirm(Question::Discard(ed));
        }
    }

    /// The answer to the open question.
    pub fn answer(&mut self, yes: bool, fx: &mut Vec<Effect>) {
        let Mode::Confirm(q) = std::mem::replace(&mut self.mode, Mode::Reading) else {
            return;
        };
        match q {
            Question::Discard(_) if yes => self.message = Some("note discarded".into()),
            Question::Discard(ed) => self.mode = Mode::Editor(ed),
            Question::DeleteNote { note, from_list } => {
                if yes {
                    self.delete_note(note, fx);
                }
                if from_list {
                    self.mode = Mode::Notes { sel: note };
                    self.refresh_notes();
                }
            }
        }
    }

    pub fn step_note(&mut self, forward: bool) {
        let found: Vec<(usize, Range<usize>)> = self
            .doc
            .notes
            .placed
            .iter()
            .enumerate()
            .filter_map(|(i, p)| p.anchor.range().map(|r| (i, r)))
            .collect();
        if found.is_empty() {
            self.message = Some("no notes in this article".into());
            return;
        }
        let top = self.top_offset();
        let next = match self.doc.notes.current {
            Some(c) if forward => found.iter().find(|(i, _)| *i > c),
            Some(c) => found.iter().rev().find(|(i, _)| *i < c),
            None if forward => found.iter().find(|(_, r)| r.end > top),
            None => found.iter().rev().find(|(_, r)| r.start < top),
        };
        match next {
            Some(&(i, _)) => self.go_to_note(i),
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
        self.doc.notes.current = Some(i);
        if let Some(r) = self.doc.notes.placed[i].anchor.range() {
            self.reveal_range(r);
            self.message = None;
        } else {
            self.message =
                Some("this note's passage is not found in this version of the article".into());
        }
    }

    pub fn open_notes_list(&mut self) {
        let sel = self
            .doc
            .notes
            .current
            .unwrap_or(0)
            .min(self.doc.notes.placed.len().saturating_sub(1));
        self.mode = Mode::Notes { sel };
    }

    /// The note keys act on: the list's selected line, else the current note or the note on
    /// the current statement, as long as it is on screen (scrolled away, `d` scrolls again).
    pub fn current_note(&self) -> Option<usize> {
        if let Mode::Notes { sel } = self.mode {
            return Some(sel).filter(|&i| i < self.doc.notes.placed.len());
        }
        let screen = self.screen_range();
        let on_screen = |i: &usize| {
            self.doc.notes.placed[*i]
                .anchor
                .range()
                .is_some_and(|r| r.start < screen.end && screen.start < r.end)
        };
        if let Some(c) = self.doc.notes.current.filter(on_screen) {
            return Some(c);
        }
        let span = self.doc.analysis.quotes.get(self.current?)?.span.clone();
        (0..self.doc.notes.placed.len())
            .filter(on_screen)
            .find(|&i| {
                self.doc.notes.placed[i]
                    .anchor
                    .range()
                    .is_some_and(|r| r.start < span.end && span.start < r.end)
            })
    }

    pub fn edit_note(&mut self) {
        let Some(i) = self.current_note() else {
            self.message = Some(format!(
                "no note here: {} {} or {} find one, {} writes one",
                self.keymap.hint(KeyMode::Reading, Action::NextNote),
                self.keymap.hint(KeyMode::Reading, Action::PrevNote),
                self.keymap.hint(KeyMode::Reading, Action::NotesList),
                self.keymap.hint(KeyMode::Reading, Action::Annotate),
            ));
            return;
        };
        let p = self.doc.notes.placed[i].clone();
        let Some(note) = self.doc.notes.note(&p).cloned() else {
            return;
        };
        let passage = p.anchor.range().unwrap_or(0..0);
        self.doc.notes.current = Some(i);
        self.open_editor(passage, Some(note.id), &note.body);
    }

    /// `d`: asks before deleting the current note. False when there is no current note (the
    /// key then scrolls, as in less).
    pub fn ask_delete_note(&mut self) -> bool {
        let Some(note) = self.current_note() else {
            return false;
        };
        let from_list = matches!(self.mode, Mode::Notes { .. });
        self.mode = Mode::Confirm(Question::DeleteNote { note, from_list });
        true
    }

    fn delete_note(&mut self, i: usize, fx: &mut Vec<Effect>) {
        let Some(idx) = self.doc.notes.placed.get(i).map(|p| p.index) else {
            return;
        };
        let Some(note) = self
            .doc
            .notes
            .store
            .as_mut()
            .and_then(|s| s.doc.notes.get_mut(idx))
        else {
            return;
        };
        note.deleted = Some(model::now());
        note.modified = model::now();
        let id = note.id.clone();
        self.doc.notes.undo.push(id);
        self.doc.notes.current = None;
        self.undo_offered_now();
        fx.push(Effect::SaveNotes {
            done: format!(
                "note deleted ({} to undo)",
                self.keymap.hint(KeyMode::Reading, Action::UndoDelete)
            ),
        });
    }

    pub fn undo_delete(&mut self, fx: &mut Vec<Effect>) {
        let Some(id) = self.doc.notes.undo.pop() else {
            self.message = Some("nothing to undo".into());
            return;
        };
        let Some(store) = self.doc.notes.store.as_mut() else {
            return;
        };
        if let Some(n) = store.doc.notes.iter_mut().find(|n| n.id == id) {
            n.deleted = None;
            n.modified = model::now();
        }
        fx.push(Effect::SaveNotes {
            done: "note restored".into(),
        });
    }

    // --- the keyboard selection and the mouse ---

    pub fn start_selection(&mut self) {
        let at = match self.current {
            Some(q) => self.doc.analysis.quotes[q].span.start,
            None => self.top_offset(),
        };
        self.mode = Mode::Select(Selection {
            anchor: at,
            caret: at,
        });
        let k = |a| self.keymap.hint(KeyMode::Select, a);
        self.message = Some(format!(
            "select: {} {} {} {} {} {} {} {} move, {} annotates, {} cancels",
            k(Action::CaretWordForward),
            k(Action::CaretWordBack),
            k(Action::CaretSentenceBack),
            k(Action::CaretSentenceForward),
            k(Action::CaretParagraphBack),
            k(Action::CaretParagraphForward),
            k(Action::CaretCharBack),
            k(Action::CaretCharForward),
            k(Action::Annotate),
            k(Action::Back),
        ));
    }

    /// Moves the caret (the selection extends from the anchor).
    pub fn move_caret(&mut self, to: &dyn Fn(&str, usize) -> usize) {
        let Mode::Select(sel) = &mut self.mode else {
            return;
        };
        sel.caret = to(&self.doc.article.text, sel.caret);
        let r = sel.caret..sel.caret + 1;
        self.reveal_range(r);
    }

    pub fn swap_selection_ends(&mut self) {
        if let Mode::Select(s) = &mut self.mode {
            std::mem::swap(&mut s.anchor, &mut s.caret);
        }
    }

    pub fn drag_start(&mut self, x: u16, y: u16) {
        self.doc.notes.drag_from = self.offset_at(x, y);
    }

    pub fn drag_to(&mut self, x: u16, y: u16) {
        if let (Some(from), Some(to)) = (self.doc.notes.drag_from, self.offset_at(x, y))
            && matches!(self.mode, Mode::Reading | Mode::Select(_))
        {
            self.mode = Mode::Select(Selection {
                anchor: from,
                caret: to,
            });
        }
    }

    pub fn drag_end(&mut self) {
        self.doc.notes.drag_from = None;
    }

    // --- the speaker picker ---

    pub fn open_picker(&mut self) {
        match self.current {
            Some(q) => {
                self.mode = Mode::Picker(Picker {
                    quote: q,
                    filter: String::new(),
                    sel: 0,
                })
            }
            None => self.message = Some(self.no_current_statement()),
        }
    }

    /// The picker's lines for its current filter.
    pub fn picker_choices(&self) -> Vec<Choice> {
        let Mode::Picker(p) = &self.mode else {
            return vec![];
        };
        let f = p.filter.trim().to_lowercase();
        let mut out: Vec<Choice> = self
            .doc
            .speaker_order
            .iter()
            .map(|&s| self.doc.analysis.speakers[s].name.clone())
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

    pub fn picker_choose(&mut self, fx: &mut Vec<Effect>) {
        let choices = self.picker_choices();
        let Mode::Picker(p) = std::mem::replace(&mut self.mode, Mode::Reading) else {
            return;
        };
        let Some(choice) = choices
            .get(p.sel.min(choices.len().saturating_sub(1)))
            .cloned()
        else {
            return;
        };
        let span = self.doc.analysis.quotes[p.quote].span.clone();
        let (speaker, not_a_quote) = match &choice {
            Choice::Speaker(n) | Choice::NewSpeaker(n) => (Some(n.clone()), false),
            Choice::NotAQuote => (None, true),
        };
        let text = &self.doc.article.text;
        let Some(store) = self.doc.notes.store.as_mut() else {
            self.message = Some("corrections are not available for this article".into());
            return;
        };
        let target = Target::from_selectors(&selectors_for(text, span.clone()));
        // One correction per statement: replace an earlier one.
        for c in store
            .doc
            .corrections
            .iter_mut()
            .filter(|c| c.deleted.is_none())
        {
            if c.target
                .selectors()
                .is_some_and(|s| s.exact == text[span.clone()])
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
            Choice::NotAQuote => "marked as not a statement".to_string(),
            Choice::Speaker(n) | Choice::NewSpeaker(n) => {
                format!("speaker set to {}", crate::text::printable(&n))
            }
        };
        fx.push(Effect::SaveNotes { done });
        fx.push(Effect::Reanalyse(self.analysis_request()));
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

/// Whether a placed note exists and was found in the text.
pub fn is_found(p: &Placed) -> bool {
    !matches!(p.anchor, Anchor::Orphan)
}
