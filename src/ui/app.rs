//! The reader's state and `update`: every key, mouse event, resize and background result is an
//! [`Event`] applied here. `update` does no I/O: it returns [`Effect`]s (save the sidecar,
//! reanalyse, copy) that the event loop runs, so tests drive the reader without a terminal.
//!
//! The state is three parts: the [`Document`] (article, analysis, notes), the [`View`] (where
//! the screen stands and how big it is) and the [`Mode`] (what keys do now), plus the reading
//! position among statements, the search, marks and the message line.

use super::effects::{Effect, Reanalysis};
use super::keymap::{Action, KeyMode, Keymap};
use super::links::LinkList;
use super::notes_ui::{Editor, NotesState, Picker, Selection};
use super::theme::Theme;
use crate::article::Article;
use crate::attribution::{Analysis, StatementKind, tokens_lower};
use crate::layout::{Layout, LinePos};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

/// Below this width the speakers pane is an overlay instead of a column.
pub const PANE_MIN_TERMINAL_WIDTH: u16 = 90;
/// Columns of the gutter left of the text (speaker initials, note marks).
pub const GUTTER: u16 = 3;
pub const DEFAULT_MEASURE: usize = 80;
/// A count typed before a key is capped here (a held-down digit must not overflow).
const MAX_COUNT: usize = 1_000_000;
/// Searches remembered for Up in the prompt.
const MAX_HISTORY: usize = 100;

/// Everything that can happen to the reader.
#[derive(Debug, Clone)]
pub enum Event {
    /// A key press, read through the keymap of the current mode.
    Key(KeyEvent),
    /// An action, as if its key had been pressed.
    Action(Action),
    Resize(u16, u16),
    /// Mouse wheel: positive scrolls down.
    Scroll(i32),
    /// A click at a screen cell.
    Click(u16, u16),
    /// A mouse drag to a screen cell (selects text), and the button's release.
    Drag(u16, u16),
    Release,
    /// A key for the note editor's text box.
    EditorInput(ratatui_textarea::Input),
    /// A character typed into the search prompt or the speaker picker.
    PromptChar(char),
    /// The attribution finished (the result of [`Effect::Reanalyse`], or the first analysis).
    Analysed {
        generation: u64,
        analysis: Box<Analysis>,
    },
    /// The sidecar was saved (the message to show) or not (why).
    Saved(Result<String, String>),
    /// An effect failed; the message says what happened.
    Failed(String),
}

/// What keys do now. One value: the reader is in exactly one of these.
pub enum Mode {
    Reading,
    /// The speakers pane has the focus.
    Speakers,
    Help {
        scroll: usize,
    },
    /// The search prompt: what is typed, and which earlier search Up recalled.
    Search {
        input: String,
        recalled: Option<usize>,
    },
    Select(Selection),
    /// The notes list and its selected line.
    Notes {
        sel: usize,
    },
    /// The article's links and the selected one.
    Links(LinkList),
    Picker(Picker),
    Editor(Box<Editor>),
    Confirm(Question),
}

/// A yes/no question.
pub enum Question {
    /// Delete this note (index into the placed notes)? `from_list`: go back to the list.
    DeleteNote { note: usize, from_list: bool },
    /// Discard the note being written?
    Discard(Box<Editor>),
}

impl Mode {
    /// The part of the key table this mode reads.
    pub fn keys(&self) -> KeyMode {
        match self {
            Mode::Reading => KeyMode::Reading,
            Mode::Speakers => KeyMode::Speakers,
            Mode::Help { .. } => KeyMode::Help,
            Mode::Search { .. } => KeyMode::Search,
            Mode::Select(_) => KeyMode::Select,
            Mode::Notes { .. } => KeyMode::Notes,
            Mode::Links(_) => KeyMode::Links,
            Mode::Picker(_) => KeyMode::Picker,
            Mode::Editor(_) => KeyMode::Editor,
            Mode::Confirm(_) => KeyMode::Confirm,
        }
    }
}

/// The article and what is known about it.
pub struct Document {
    pub article: Article,
    pub analysis: Analysis,
    /// The attribution is running in the background: keys that need it wait.
    pub analysing: bool,
    /// Which analysis is wanted: an older one arriving late is dropped.
    pub generation: u64,
    pub notes: NotesState,
    /// Speakers, most statements first (indices into `analysis.speakers`).
    pub speaker_order: Vec<usize>,
    /// Colour rank of each speaker (position in `speaker_order`).
    pub speaker_rank: Vec<usize>,
    /// Statement parts sorted by start, for drawing (rebuilt with the analysis).
    pub quote_parts: Vec<(Range<usize>, usize)>,
    /// The title paragraph, shown as a heading.
    pub title_para: Option<usize>,
    /// The text lower-cased with the same offsets, for case-insensitive search (built once).
    lower: Option<String>,
}

impl Document {
    fn new(article: Article, analysis: Analysis) -> Document {
        let mut doc = Document {
            title_para: article.title().map(|_| 0),
            article,
            analysis,
            analysing: false,
            generation: 0,
            notes: NotesState::default(),
            speaker_order: vec![],
            speaker_rank: vec![],
            quote_parts: vec![],
            lower: None,
        };
        doc.rebuild_speakers();
        doc
    }

    /// Orders speakers by statement count (most first) and gives each a colour rank.
    pub fn rebuild_speakers(&mut self) {
        let a = &self.analysis;
        let mut order: Vec<usize> = (0..a.speakers.len()).collect();
        order.sort_by_key(|&s| {
            (
                std::cmp::Reverse(a.speakers[s].quotes.len()),
                a.speakers[s].quotes.first().copied(),
            )
        });
        let mut rank = vec![0; a.speakers.len()];
        for (r, &s) in order.iter().enumerate() {
            rank[s] = r;
        }
        self.speaker_order = order;
        self.speaker_rank = rank;
        let mut parts: Vec<(Range<usize>, usize)> = a
            .quotes
            .iter()
            .enumerate()
            .flat_map(|(qi, q)| q.parts.iter().map(move |p| (p.clone(), qi)))
            .collect();
        parts.sort_by_key(|(r, _)| r.start);
        self.quote_parts = parts;
    }

    /// Statements of a speaker, in text order (quotations and reported speech).
    pub fn statements_of(&self, s: usize) -> &[usize] {
        &self.analysis.speakers[s].quotes
    }

    pub fn is_reported(&self, qi: usize) -> bool {
        self.analysis.quotes[qi].kind == StatementKind::Indirect
    }

    pub fn speaker_name(&self, qi: usize) -> Option<&str> {
        self.analysis.quotes[qi]
            .speaker
            .map(|s| self.analysis.speakers[s].name.as_str())
    }
}

/// What a screen row shows, recorded when drawing, for mouse clicks.
#[derive(Debug, Clone, Default)]
pub struct HitMap {
    /// (row, first text column, byte range of the line).
    pub rows: Vec<(u16, u16, Range<usize>)>,
    /// (row, first column, speaker index) in the speakers pane.
    pub speakers: Vec<(u16, u16, usize)>,
}

/// Where the screen stands and how big it is.
pub struct View {
    pub top: LinePos,
    /// Wrapped lines, cached per width (a cache: drawing may fill it).
    layout: RefCell<Layout>,
    pub size: (u16, u16),
    pub measure: usize,
    pub pane_open: bool,
    /// What the last frame drew where (written by drawing, read by clicks).
    pub hits: RefCell<HitMap>,
}

impl View {
    fn new(paragraphs: usize) -> View {
        View {
            top: LinePos::default(),
            layout: RefCell::new(Layout::new(paragraphs)),
            size: (80, 24),
            measure: DEFAULT_MEASURE,
            pane_open: true,
            hits: RefCell::default(),
        }
    }

    pub fn layout_width(&self) -> usize {
        self.layout.borrow().width()
    }

    /// The wrapped line at `pos` (None on the blank row after a paragraph).
    pub fn line(&self, art: &Article, pos: LinePos) -> Option<Range<usize>> {
        if pos.para >= art.paragraphs.len() {
            return None;
        }
        let mut l = self.layout.borrow_mut();
        l.lines(&art.text, &art.paragraphs, pos.para)
            .get(pos.line)
            .cloned()
    }

    /// The row after `pos` (past the end: a paragraph index equal to the count).
    pub fn next_row(&self, art: &Article, pos: LinePos) -> LinePos {
        let h = self
            .layout
            .borrow_mut()
            .height(&art.text, &art.paragraphs, pos.para);
        if pos.line + 1 < h {
            LinePos {
                para: pos.para,
                line: pos.line + 1,
            }
        } else {
            LinePos {
                para: pos.para + 1,
                line: 0,
            }
        }
    }

    /// The byte offset where the row at `pos` starts.
    pub fn offset(&self, art: &Article, pos: LinePos) -> usize {
        self.row(art, pos).map_or(0, |r| r.start)
    }

    /// The byte offset where the row at `pos` ends.
    fn end_offset(&self, art: &Article, pos: LinePos) -> usize {
        self.row(art, pos).map_or(0, |r| r.end)
    }

    /// The bytes of the row at `pos` (the last row of its paragraph when `pos` is past it);
    /// `None` for an article without paragraphs.
    fn row(&self, art: &Article, pos: LinePos) -> Option<Range<usize>> {
        let paras = &art.paragraphs;
        let p = pos.para.min(paras.len().checked_sub(1)?);
        let mut l = self.layout.borrow_mut();
        let lines = l.lines(&art.text, paras, p);
        Some(
            lines
                .get(pos.line)
                .or(lines.last())
                .cloned()
                .unwrap_or_else(|| paras[p].clone()),
        )
    }

    pub fn pos_of(&self, art: &Article, offset: usize) -> LinePos {
        let paras = &art.paragraphs;
        if paras.is_empty() {
            return LinePos::default();
        }
        let p = paras
            .partition_point(|r| r.end <= offset)
            .min(paras.len() - 1);
        self.layout
            .borrow_mut()
            .pos_of(&art.text, paras, p, offset.max(paras[p].start))
    }

    pub fn down(&self, art: &Article, pos: LinePos, n: usize) -> LinePos {
        self.layout
            .borrow_mut()
            .down(&art.text, &art.paragraphs, pos, n)
    }

    pub fn up(&self, art: &Article, pos: LinePos, n: usize) -> LinePos {
        self.layout
            .borrow_mut()
            .up(&art.text, &art.paragraphs, pos, n)
    }

    fn distance(&self, art: &Article, a: LinePos, b: LinePos, max: usize) -> usize {
        self.layout
            .borrow_mut()
            .distance(&art.text, &art.paragraphs, a, b, max)
    }

    fn set_width(&self, w: usize) {
        self.layout.borrow_mut().set_width(w);
    }
}

#[derive(Debug, Default, Clone)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
    /// Earlier searches, oldest first.
    pub history: Vec<String>,
}

/// A key that waits for a letter (`m` and `'`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prefix {
    SetMark,
    GoToMark,
}

pub struct App {
    pub doc: Document,
    pub view: View,
    pub mode: Mode,
    /// The current statement (index into `doc.analysis.quotes`).
    pub current: Option<usize>,
    /// Tab and the others skip reported speech.
    pub quotes_only: bool,
    /// Tab goes through this speaker's statements only.
    pub speaker_limit: Option<usize>,
    /// The selected line of the speakers pane (a position in `doc.speaker_order`).
    pub speaker_sel: usize,
    pub search: Search,
    /// Places marked with `m` + letter (byte offsets of the top row).
    pub marks: BTreeMap<char, usize>,
    /// A count typed before a key (`5j`).
    pub count: Option<usize>,
    pub prefix: Option<Prefix>,
    /// Keys that need the analysis, typed before it was ready: run when it arrives.
    pub queued: Vec<(Action, Option<usize>)>,
    pub message: Option<String>,
    pub quit: bool,
    pub keymap: Keymap,
    pub theme: Theme,
    /// A note was just deleted: `u` undoes it (otherwise `u` scrolls, as in less).
    undo_offered: bool,
}

impl App {
    pub fn new(article: Article, analysis: Analysis, keymap: Keymap, theme: Theme) -> App {
        let view = View::new(article.paragraphs.len());
        App {
            doc: Document::new(article, analysis),
            view,
            mode: Mode::Reading,
            current: None,
            quotes_only: false,
            speaker_limit: None,
            speaker_sel: 0,
            search: Search::default(),
            marks: BTreeMap::new(),
            count: None,
            prefix: None,
            queued: vec![],
            message: None,
            quit: false,
            keymap,
            theme,
            undo_offered: false,
        }
    }

    /// Asks for a fresh analysis (with the sidecar's corrections): keys that need it wait.
    pub fn analysis_request(&mut self) -> Reanalysis {
        self.doc.generation += 1;
        self.doc.analysing = true;
        let text: Arc<str> = Arc::from(self.doc.article.text.as_str());
        let corrections = self
            .doc
            .notes
            .store
            .as_ref()
            .map(|s| crate::notes::view::placed_corrections(&s.doc, &text))
            .unwrap_or_default();
        Reanalysis {
            generation: self.doc.generation,
            text,
            paragraphs: self.doc.article.paragraphs.clone(),
            corrections,
        }
    }

    /// Installs an analysis, keeping the current statement when it is still there.
    pub fn set_analysis(&mut self, analysis: Analysis) {
        let keep = self
            .current
            .map(|q| self.doc.analysis.quotes[q].span.clone());
        self.doc.analysis = analysis;
        self.doc.analysing = false;
        self.doc.rebuild_speakers();
        self.current =
            keep.and_then(|span| self.doc.analysis.quotes.iter().position(|q| q.span == span));
        self.speaker_sel = self
            .speaker_sel
            .min(self.doc.speaker_order.len().saturating_sub(1));
        if self
            .speaker_limit
            .is_some_and(|s| s >= self.doc.analysis.speakers.len())
        {
            self.speaker_limit = None;
        }
    }

    /// Replaces the article by a longer version of it (the whole file after its head), keeping
    /// the top line of the screen where it was. A text that does not continue the old one
    /// starts at the top with no statements until it is analysed (old offsets mean nothing
    /// in it).
    pub fn replace_article(&mut self, article: Article) {
        let continues = article.text.starts_with(&self.doc.article.text);
        let top = self.top_offset();
        self.view.layout = RefCell::new(Layout::new(article.paragraphs.len()));
        self.doc.title_para = article.title().map(|_| 0);
        self.doc.article = article;
        self.doc.lower = None;
        // Matches found in the head would miss the rest: the search is typed again.
        self.search.matches.clear();
        self.search.current = None;
        if matches!(self.mode, Mode::Select(_)) {
            self.mode = Mode::Reading;
        }
        if !continues {
            self.current = None;
            self.set_analysis(Analysis::default());
            self.doc.analysing = true;
            self.marks.clear();
        }
        self.refresh_notes();
        self.sync_layout();
        self.view.top = if continues {
            self.pos_of_offset(top)
        } else {
            LinePos::default()
        };
    }

    /// The part of the key table keys are read in now.
    pub fn key_mode(&self) -> KeyMode {
        self.mode.keys()
    }

    pub fn speakers_focused(&self) -> bool {
        matches!(self.mode, Mode::Speakers)
    }

    /// Whether the speakers pane is a column beside the text (wide terminals).
    pub fn pane_is_column(&self) -> bool {
        self.view.pane_open && self.view.size.0 >= PANE_MIN_TERMINAL_WIDTH
    }

    /// Whether the speakers pane is drawn over the text (narrow terminals, while focused).
    pub fn pane_is_overlay(&self) -> bool {
        self.view.size.0 < PANE_MIN_TERMINAL_WIDTH && self.speakers_focused()
    }

    pub fn pane_width(&self) -> u16 {
        (self.view.size.0 / 4).clamp(28, 40)
    }

    /// Columns for the article (the whole width, or what the pane leaves).
    pub fn article_width(&self) -> u16 {
        if self.pane_is_column() {
            self.view.size.0.saturating_sub(self.pane_width())
        } else {
            self.view.size.0
        }
    }

    /// The note shown under the text while reading: the one on the current statement, else
    /// the first in view. (Its first line; the footer takes one row.)
    pub fn footer_note(&self) -> Option<String> {
        let placed = &self.doc.notes.placed;
        if placed.is_empty() || self.view.size.1 < 6 {
            return None;
        }
        let on = |r: &Range<usize>| {
            placed
                .iter()
                .filter_map(|p| p.anchor.range().map(|a| (a, p)))
                .find(|(a, _)| a.start < r.end && r.start < a.end)
                .and_then(|(_, p)| self.doc.notes.note(p))
        };
        let current = self
            .current
            .map(|q| self.doc.analysis.quotes[q].span.clone());
        let screen = self.screen_range_of(self.view.size.1.saturating_sub(2) as usize);
        let note = current.and_then(|r| on(&r)).or_else(|| on(&screen))?;
        let first = note.body.lines().find(|l| !l.trim().is_empty())?;
        Some(first.to_string())
    }

    /// Rows for the article: all but the status line (and the note footer when shown).
    pub fn view_height(&self) -> usize {
        let footer = usize::from(self.footer_note().is_some());
        (self.view.size.1 as usize)
            .saturating_sub(1 + footer)
            .max(1)
    }

    /// Columns of text in a line: the measure, or less when the terminal is narrow.
    pub fn text_width(&self) -> usize {
        let avail = self.article_width().saturating_sub(GUTTER + 1) as usize;
        self.view.measure.min(avail).max(1)
    }

    fn sync_layout(&mut self) {
        let w = self.text_width();
        if w != self.view.layout_width() {
            // Keep the same text at the top when the width changes.
            let anchor = self.top_offset();
            self.view.set_width(w);
            self.view.top = self.pos_of_offset(anchor);
        }
    }

    /// The byte offset of the first character on the top row.
    pub fn top_offset(&self) -> usize {
        self.view.offset(&self.doc.article, self.view.top)
    }

    /// The byte offset where the row at `pos` starts.
    pub fn layout_offset(&self, pos: LinePos) -> usize {
        self.view.offset(&self.doc.article, pos)
    }

    /// The row below `pos` (the same row at the end of the text).
    pub fn row_below(&self, pos: LinePos) -> LinePos {
        self.view.down(&self.doc.article, pos, 1)
    }

    /// The row position of a byte offset.
    pub fn pos_of_offset(&self, offset: usize) -> LinePos {
        self.view.pos_of(&self.doc.article, offset)
    }

    /// Puts the row holding `offset` at the top (not past the last full screen).
    pub fn scroll_to_offset(&mut self, offset: usize) {
        self.view.top = self.pos_of_offset(offset).min(self.last_top());
    }

    /// The text on screen, as a byte range (top row's start to bottom row's end).
    pub fn screen_range(&self) -> Range<usize> {
        self.screen_range_of(self.view_height())
    }

    fn screen_range_of(&self, rows: usize) -> Range<usize> {
        let art = &self.doc.article;
        let bottom = self.view.down(art, self.view.top, rows.saturating_sub(1));
        self.top_offset()..self.view.end_offset(art, bottom)
    }

    /// Reading position in percent: how far the top row is into the text.
    pub fn percent(&self) -> usize {
        let len = self.doc.article.text.len().max(1);
        if self.at_bottom() {
            return 100;
        }
        self.top_offset() * 100 / len
    }

    fn at_bottom(&self) -> bool {
        self.view.top >= self.last_top()
    }

    /// The highest top position that still fills the screen.
    fn last_top(&self) -> LinePos {
        let art = &self.doc.article;
        let n = art.paragraphs.len();
        if n == 0 {
            return LinePos::default();
        }
        let last_line = self
            .view
            .layout
            .borrow_mut()
            .lines(&art.text, &art.paragraphs, n - 1)
            .len()
            .saturating_sub(1);
        let end = LinePos {
            para: n - 1,
            line: last_line,
        };
        self.view.up(art, end, self.view_height().saturating_sub(1))
    }

    fn scroll_down(&mut self, n: usize) {
        let last = self.last_top();
        if self.view.top >= last {
            return;
        }
        self.view.top = self
            .view
            .down(&self.doc.article, self.view.top, n)
            .min(last);
    }

    fn scroll_up(&mut self, n: usize) {
        self.view.top = self.view.up(&self.doc.article, self.view.top, n);
    }

    /// Whether Tab stops at statement `qi` (kind and speaker limit).
    fn statement_allowed(&self, qi: usize) -> bool {
        let q = &self.doc.analysis.quotes[qi];
        (!self.quotes_only || q.kind == StatementKind::Direct)
            && self.speaker_limit.is_none_or(|s| q.speaker == Some(s))
    }

    /// Makes statement `qi` current; the speakers pane follows it.
    pub fn make_current(&mut self, qi: usize) {
        self.current = Some(qi);
        // The note keys now act on this statement's note, if it has one.
        self.doc.notes.current = None;
        self.select_speaker(self.doc.analysis.quotes[qi].speaker);
    }

    fn select_speaker(&mut self, speaker: Option<usize>) {
        if let Some(pos) = speaker.and_then(|s| self.doc.speaker_order.iter().position(|&x| x == s))
        {
            self.speaker_sel = pos;
        }
    }

    /// After scrolling, the speakers pane shows who speaks on screen: the speaker of the first
    /// statement in view.
    fn follow_view(&mut self) {
        let screen = self.screen_range();
        let parts = &self.doc.quote_parts;
        let i = parts.partition_point(|(r, _)| r.end <= screen.start);
        let speaker = parts[i..]
            .iter()
            .take_while(|(r, _)| r.start < screen.end)
            .find_map(|(_, q)| self.doc.analysis.quotes[*q].speaker);
        self.select_speaker(speaker);
    }

    /// Makes statement `qi` current and scrolls it into view.
    pub fn go_to_quote(&mut self, qi: usize) {
        self.make_current(qi);
        let span = self.doc.analysis.quotes[qi].span.clone();
        self.reveal_range(span);
    }

    fn is_visible(&self, span: &Range<usize>) -> bool {
        let screen = self.screen_range();
        span.start >= screen.start && span.start < screen.end.max(screen.start + 1)
    }

    /// Scrolls so that a byte range is on screen (its start a third of the way down if the
    /// view must move).
    pub fn reveal_range(&mut self, span: Range<usize>) {
        self.sync_layout();
        let art = &self.doc.article;
        let start = self.view.pos_of(art, span.start);
        let end = self
            .view
            .pos_of(art, span.end.saturating_sub(1).max(span.start));
        let h = self.view_height();
        let top = self.view.top;
        let start_visible = start >= top && self.view.distance(art, top, start, h) < h;
        let end_visible = end >= top && self.view.distance(art, top, end, h) < h;
        if start_visible && end_visible {
            return;
        }
        self.view.top = self.view.up(art, start, h / 3);
        let last = self.last_top();
        if self.view.top > last && start <= last {
            self.view.top = last;
        }
    }

    /// The next (or previous) allowed statement: from the current one when it is on screen,
    /// else from the screen (as `n` in less searches from the screen). Wraps with a message.
    fn next_statement(&mut self, forward: bool, same_speaker: bool) {
        let n = self.doc.analysis.quotes.len();
        let speaker = if same_speaker {
            self.current
                .and_then(|c| self.doc.analysis.quotes[c].speaker)
        } else {
            None
        };
        let ok = |app: &App, qi: usize| match speaker {
            Some(s) => app.doc.analysis.quotes[qi].speaker == Some(s),
            None => app.statement_allowed(qi),
        };
        if !(0..n).any(|q| ok(self, q)) {
            self.message = Some(format!("no {} in this article", self.statement_word(true)));
            return;
        }
        let from_current = self
            .current
            .filter(|&c| self.is_visible(&self.doc.analysis.quotes[c].span));
        let top = self.top_offset();
        let quotes = &self.doc.analysis.quotes;
        let found = match (from_current, forward) {
            (Some(c), true) => (c + 1..n).find(|&q| ok(self, q)),
            (Some(c), false) => (0..c).rev().find(|&q| ok(self, q)),
            (None, true) => {
                let i = quotes.partition_point(|q| q.span.start < top);
                (i..n).find(|&q| ok(self, q))
            }
            (None, false) => {
                let i = quotes.partition_point(|q| q.span.start < top);
                (0..i).rev().find(|&q| ok(self, q))
            }
        };
        let target = found.or_else(|| {
            self.message = Some(wrapped(forward));
            if forward {
                (0..n).find(|&q| ok(self, q))
            } else {
                (0..n).rev().find(|&q| ok(self, q))
            }
        });
        if let Some(q) = target {
            self.go_to_quote(q);
        }
    }

    /// "statements" or "quotations" (quotations-only mode), plural or not.
    fn statement_word(&self, plural: bool) -> &'static str {
        match (self.quotes_only, plural) {
            (true, true) => "quotations",
            (true, false) => "quotation",
            (false, true) => "statements",
            (false, false) => "statement",
        }
    }

    fn jump_paragraph(&mut self, forward: bool) {
        let p = self.view.top.para;
        let target = if forward {
            (p + 1).min(self.doc.article.paragraphs.len().saturating_sub(1))
        } else if self.view.top.line > 0 {
            p
        } else {
            p.saturating_sub(1)
        };
        self.view.top = LinePos {
            para: target,
            line: 0,
        }
        .min(self.last_top());
    }

    /// Finds every match of `query`: smart-case (a capital makes it case-sensitive), and
    /// curly and straight apostrophes and quotation marks match each other.
    fn find_matches(&mut self, query: &str) -> Vec<Range<usize>> {
        let sensitive = query.chars().any(char::is_uppercase);
        let text = &self.doc.article.text;
        let hay: &str = if sensitive {
            text
        } else {
            self.doc.lower.get_or_insert_with(|| tokens_lower(text))
        };
        let needle: Vec<char> = if sensitive {
            query.chars().map(fold_quote).collect()
        } else {
            tokens_lower(query).chars().map(fold_quote).collect()
        };
        find_folded(hay, &needle)
    }

    fn run_search(&mut self, query: String) {
        let query = if query.is_empty() {
            // An empty search repeats the last one.
            match self.search.history.last() {
                Some(q) => q.clone(),
                None => return,
            }
        } else {
            query
        };
        self.search.history.retain(|q| *q != query);
        self.search.history.push(query.clone());
        if self.search.history.len() > MAX_HISTORY {
            self.search.history.remove(0);
        }
        self.search.matches = self.find_matches(&query);
        self.search.current = None;
        self.search.query = query;
        if self.search.matches.is_empty() {
            self.message = Some(format!(
                "not found: {}",
                crate::text::printable(&self.search.query)
            ));
            return;
        }
        self.search_step(true);
    }

    /// The next (previous) match: from the current one when on screen, else from the screen.
    fn search_step(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.message = Some(if self.search.query.is_empty() {
                format!(
                    "no search: press {} to search",
                    self.keymap.hint(KeyMode::Reading, Action::Search)
                )
            } else {
                "no matches".into()
            });
            return;
        }
        let from_current = self
            .search
            .current
            .filter(|&c| self.is_visible(&self.search.matches[c]));
        let top = self.top_offset();
        let first_below = self.search.matches.partition_point(|m| m.start < top);
        let found = match (from_current, forward) {
            (Some(c), true) => Some(c + 1).filter(|&i| i < n),
            (Some(c), false) => c.checked_sub(1),
            (None, true) => Some(first_below).filter(|&i| i < n),
            (None, false) => first_below.checked_sub(1),
        };
        let i = found.unwrap_or_else(|| {
            self.message = Some(wrapped(forward));
            if forward { 0 } else { n - 1 }
        });
        self.search.current = Some(i);
        let m = self.search.matches[i].clone();
        self.reveal_range(m);
        self.follow_view();
    }

    /// The byte offset under a screen cell of the article, if any.
    pub fn offset_at(&self, x: u16, y: u16) -> Option<usize> {
        let (_, x0, range) = self
            .view
            .hits
            .borrow()
            .rows
            .iter()
            .find(|(row, _, _)| *row == y)
            .cloned()?;
        Some(offset_at_column(
            &self.doc.article.text,
            range,
            x.saturating_sub(x0) as usize,
        ))
    }

    fn click(&mut self, x: u16, y: u16) {
        let speaker = self
            .view
            .hits
            .borrow()
            .speakers
            .iter()
            .find(|&&(row, x0, _)| row == y && x >= x0)
            .map(|&(_, _, s)| s);
        if let Some(s) = speaker {
            self.select_speaker(Some(s));
            return;
        }
        let Some(offset) = self.offset_at(x, y) else {
            return;
        };
        if let Some(qi) = self
            .doc
            .analysis
            .quotes
            .iter()
            .position(|q| q.parts.iter().any(|p| p.contains(&offset)))
        {
            self.make_current(qi);
        }
    }

    /// The current statement as text to cite: the words and the speaker.
    fn citation(&self) -> Option<String> {
        let qi = self.current?;
        let q = &self.doc.analysis.quotes[qi];
        let words = self.doc.article.text[q.span.clone()].trim();
        let who = self.doc.speaker_name(qi).unwrap_or("speaker unknown");
        Some(crate::text::printable(&format!("{words} — {who}")))
    }

    /// The status line's position among statements: `statement 7/41 · reported`, or
    /// `quote 3/25` in quotations-only mode.
    pub fn statement_label(&self) -> Option<String> {
        let qi = self.current?;
        let quotes = &self.doc.analysis.quotes;
        if self.quotes_only {
            let direct = |q: &crate::attribution::Quote| q.kind == StatementKind::Direct;
            let total = quotes.iter().filter(|q| direct(q)).count();
            let i = quotes[..qi].iter().filter(|q| direct(q)).count() + 1;
            let reported = if self.doc.is_reported(qi) {
                " · reported"
            } else {
                ""
            };
            return Some(format!("quote {i}/{total}{reported}"));
        }
        let reported = if self.doc.is_reported(qi) {
            " · reported"
        } else {
            ""
        };
        Some(format!("statement {}/{}{reported}", qi + 1, quotes.len()))
    }

    /// How many statements Tab goes through: "41 statements" or "25 quotes".
    pub fn statement_count(&self) -> String {
        let quotes = &self.doc.analysis.quotes;
        if self.quotes_only {
            let n = quotes
                .iter()
                .filter(|q| q.kind == StatementKind::Direct)
                .count();
            format!("{n} {}", if n == 1 { "quote" } else { "quotes" })
        } else {
            let n = quotes.len();
            format!("{n} {}", if n == 1 { "statement" } else { "statements" })
        }
    }
}

/// "wrapped around to the top", as less says when a search wraps.
fn wrapped(forward: bool) -> String {
    if forward {
        "wrapped around to the top".into()
    } else {
        "wrapped around to the bottom".into()
    }
}

/// Curly quotation marks and apostrophes as their straight forms, for search.
fn fold_quote(c: char) -> char {
    crate::text::marks::fold(c)
}

/// Byte ranges in `hay` where `needle` (already folded) matches with [`fold_quote`]. Linear in
/// the text for a given needle (the needle is what one types into a prompt).
fn find_folded(hay: &str, needle: &[char]) -> Vec<Range<usize>> {
    let Some(&first) = needle.first() else {
        return vec![];
    };
    let mut out = Vec::new();
    let mut next_allowed = 0;
    for (i, c) in hay.char_indices() {
        if i < next_allowed || fold_quote(c) != first {
            continue;
        }
        let mut rest = hay[i..].char_indices();
        let mut end = i;
        let matched = needle.iter().all(|&n| match rest.next() {
            Some((j, h)) if fold_quote(h) == n => {
                end = i + j + h.len_utf8();
                true
            }
            _ => false,
        });
        if matched {
            out.push(i..end);
            next_allowed = end;
        }
    }
    out
}

/// The byte offset under a column of a drawn line.
fn offset_at_column(text: &str, line: Range<usize>, col: usize) -> usize {
    let mut c = 0;
    for (i, ch) in text[line.clone()].char_indices() {
        c += crate::text::width(ch);
        if c > col {
            return line.start + i;
        }
    }
    line.end.saturating_sub(1).max(line.start)
}

/// Actions that need the attribution: typed before it is ready, they wait for it.
fn needs_analysis(a: Action) -> bool {
    matches!(
        a,
        Action::NextQuote
            | Action::PrevQuote
            | Action::NextSameSpeaker
            | Action::PrevSameSpeaker
            | Action::FocusSpeakers
            | Action::CorrectSpeaker
            | Action::CopyStatement
    )
}

/// Applies one event to the reader; returns what the event loop must do. No I/O here.
pub fn update(app: &mut App, event: Event) -> Vec<Effect> {
    app.sync_layout();
    let mut fx = Vec::new();
    match event {
        Event::Key(k) => key(app, k, &mut fx),
        Event::Action(a) => {
            let count = app.count.take();
            act(app, a, count, &mut fx);
        }
        Event::Resize(w, h) => {
            let keep = app.current.map(|q| app.doc.analysis.quotes[q].span.clone());
            app.view.size = (w.max(1), h.max(1));
            app.sync_layout();
            if let Some(span) = keep {
                app.reveal_range(span);
            }
        }
        Event::Scroll(n) => {
            app.message = None;
            if n > 0 {
                app.scroll_down(n as usize);
            } else {
                app.scroll_up(n.unsigned_abs() as usize);
            }
            app.follow_view();
        }
        Event::Click(x, y) => {
            app.drag_start(x, y);
            app.click(x, y);
        }
        Event::Drag(x, y) => app.drag_to(x, y),
        Event::Release => app.drag_end(),
        Event::EditorInput(input) => {
            if let Mode::Editor(ed) = &mut app.mode {
                ed.input(input);
            }
        }
        Event::PromptChar(c) => match &mut app.mode {
            Mode::Search { input, .. } => input.push(c),
            Mode::Picker(p) => {
                p.filter.push(c);
                p.sel = 0;
            }
            _ => {}
        },
        Event::Analysed {
            generation,
            analysis,
        } => {
            if generation == app.doc.generation {
                app.set_analysis(*analysis);
                if app.message.as_deref() == Some(WAITING) {
                    app.message = None;
                }
                for (a, count) in std::mem::take(&mut app.queued) {
                    act(app, a, count, &mut fx);
                }
            }
        }
        Event::Saved(result) => app.saved(result),
        Event::Failed(m) => app.message = Some(m),
    }
    app.sync_layout();
    fx
}

/// Shown while typed keys wait for the analysis.
const WAITING: &str = "still analysing… (your keys will run when it is done)";

/// A key, read through the keymap of the current mode. Unbound characters are counts (while
/// reading), letters after `m` or `'`, or text (prompt, picker, editor).
fn key(app: &mut App, k: KeyEvent, fx: &mut Vec<Effect>) {
    let mode = app.key_mode();
    let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
    if let Some(prefix) = app.prefix.take() {
        if let (KeyCode::Char(c), false) = (k.code, ctrl) {
            app.mark(prefix, c);
        }
        return;
    }
    if let Some(a) = app.keymap.action(mode, &k) {
        let count = app.count.take();
        act(app, a, count, fx);
        return;
    }
    match (mode, k.code) {
        (KeyMode::Reading, KeyCode::Char(d @ '0'..='9')) if !ctrl => {
            let digit = d as usize - '0' as usize;
            if digit > 0 || app.count.is_some() {
                let n = app.count.unwrap_or(0) * 10 + digit;
                app.count = Some(n.min(MAX_COUNT));
            }
        }
        (KeyMode::Search | KeyMode::Picker, KeyCode::Char(c)) if !ctrl => {
            update(app, Event::PromptChar(c));
        }
        (KeyMode::Editor, _) => {
            update(app, Event::EditorInput(k.into()));
        }
        _ => app.count = None,
    }
}

/// Runs an action `count` times where a count makes sense.
fn act(app: &mut App, a: Action, count: Option<usize>, fx: &mut Vec<Effect>) {
    // Keys that need the analysis wait for it; keys typed after a waiting one wait too, so
    // that they run in the order typed (quitting never waits).
    let behind_queue = !app.queued.is_empty() && a != Action::Quit;
    if app.doc.analysing && (needs_analysis(a) || behind_queue) && matches!(app.mode, Mode::Reading)
    {
        app.queued.push((a, count));
        app.message = Some(WAITING.into());
        return;
    }
    if matches!(app.mode, Mode::Reading | Mode::Speakers) {
        // Messages last until the next key.
        app.message = None;
    }
    if a != Action::UndoDelete {
        app.undo_offered = app.undo_offered && a == Action::Back;
    }
    let repeat = count.unwrap_or(1).clamp(1, MAX_COUNT);
    let page = app.view_height().saturating_sub(2).max(1);
    match (&app.mode, a) {
        (Mode::Help { .. }, _) => help_action(app, a, repeat),
        (_, Action::Quit) => app.quit = true,
        (Mode::Search { .. }, _) => prompt_action(app, a),
        (Mode::Confirm(_), Action::Yes | Action::No) => app.answer(a == Action::Yes, fx),
        (Mode::Editor(_), Action::EditorSave) => app.editor_save(fx),
        (Mode::Editor(_), Action::Back) => app.editor_escape(),
        (Mode::Select(_), _) if a.is_caret() => caret_action(app, a, repeat),
        (Mode::Notes { .. } | Mode::Links(_) | Mode::Picker(_), Action::ListDown) => {
            app.list_step(repeat, true)
        }
        (Mode::Notes { .. } | Mode::Links(_) | Mode::Picker(_), Action::ListUp) => {
            app.list_step(repeat, false)
        }
        (Mode::Picker(_), Action::PromptBackspace) => {
            if let Mode::Picker(p) = &mut app.mode {
                p.filter.pop();
                p.sel = 0;
            }
        }
        (Mode::Picker(_), Action::ListOpen) => app.picker_choose(fx),
        (Mode::Links(list), Action::ListOpen) => {
            let url = app
                .doc
                .article
                .links
                .get(list.selected)
                .map(|l| l.url.clone());
            app.mode = Mode::Reading;
            if let Some(url) = url {
                fx.push(Effect::Open(url));
            }
        }
        (Mode::Notes { sel }, Action::ListOpen) => {
            let sel = *sel;
            app.mode = Mode::Reading;
            if sel < app.doc.notes.placed.len() {
                app.go_to_note(sel);
            }
        }
        (_, Action::Back) => app.back(),
        (_, Action::LineDown) => app.scroll_down(repeat),
        (_, Action::LineUp) => app.scroll_up(repeat),
        (_, Action::PageDown) => app.scroll_down(page.saturating_mul(repeat)),
        (_, Action::PageUp) => app.scroll_up(page.saturating_mul(repeat)),
        (_, Action::HalfPageDown) => app.scroll_down((page / 2).max(1).saturating_mul(repeat)),
        (_, Action::HalfPageUp) => app.scroll_up((page / 2).max(1).saturating_mul(repeat)),
        (_, Action::Top) => {
            let line = count.unwrap_or(1).saturating_sub(1);
            let pos = app.view.down(&app.doc.article, LinePos::default(), line);
            app.view.top = pos.min(app.last_top());
        }
        (_, Action::Bottom) => app.view.top = app.last_top(),
        // With a count, the pane key goes to a percentage, as `50p` does in less.
        (_, Action::Percent) | (Mode::Reading, Action::TogglePane)
            if count.is_some() || a == Action::Percent =>
        {
            let pct = count.unwrap_or(0).min(100);
            let offset = app.doc.article.text.len() * pct / 100;
            app.scroll_to_offset(offset);
        }
        (_, Action::NextParagraph) => (0..repeat).for_each(|_| app.jump_paragraph(true)),
        (_, Action::PrevParagraph) => (0..repeat).for_each(|_| app.jump_paragraph(false)),
        (_, Action::NextQuote) => (0..repeat).for_each(|_| app.next_statement(true, false)),
        (_, Action::PrevQuote) => (0..repeat).for_each(|_| app.next_statement(false, false)),
        (_, Action::NextSameSpeaker) => (0..repeat).for_each(|_| app.next_statement(true, true)),
        (_, Action::PrevSameSpeaker) => (0..repeat).for_each(|_| app.next_statement(false, true)),
        (_, Action::ToggleQuotesOnly) => app.toggle_quotes_only(),
        (_, Action::FocusSpeakers) => {
            if app.doc.speaker_order.is_empty() {
                app.message = Some("no speakers in this article".into());
            } else {
                app.mode = Mode::Speakers;
                app.view.pane_open = true;
            }
        }
        (_, Action::TogglePane) => app.toggle_pane(),
        (_, Action::Search) => {
            app.mode = Mode::Search {
                input: String::new(),
                recalled: None,
            }
        }
        (_, Action::SearchNext) => (0..repeat).for_each(|_| app.search_step(true)),
        (_, Action::SearchPrev) => (0..repeat).for_each(|_| app.search_step(false)),
        (_, Action::SetMark) => app.prefix = Some(Prefix::SetMark),
        (_, Action::GoToMark) => app.prefix = Some(Prefix::GoToMark),
        (_, Action::CopyStatement) => match app.citation() {
            Some(text) => {
                fx.push(Effect::Copy(text));
                app.message = Some("copied the statement and its speaker (OSC 52)".into());
            }
            None => app.message = Some(app.no_current_statement()),
        },
        (_, Action::Help) => app.mode = Mode::Help { scroll: 0 },
        (_, Action::Narrower) => app.view.measure = app.view.measure.saturating_sub(10).max(20),
        (_, Action::Wider) => app.view.measure = (app.view.measure + 10).min(400),
        (_, Action::SpeakerDown) => {
            app.speaker_sel =
                (app.speaker_sel + repeat).min(app.doc.speaker_order.len().saturating_sub(1))
        }
        (_, Action::SpeakerUp) => app.speaker_sel = app.speaker_sel.saturating_sub(repeat),
        (_, Action::SpeakerJump) => app.speaker_jump(),
        (_, Action::Annotate) => app.annotate(),
        (_, Action::StartSelection) => app.start_selection(),
        (_, Action::NotesList) => app.open_notes_list(),
        (_, Action::LinksList) => app.open_links_list(),
        (_, Action::NextNote) => (0..repeat).for_each(|_| app.step_note(true)),
        (_, Action::PrevNote) => (0..repeat).for_each(|_| app.step_note(false)),
        (_, Action::EditNote) => app.edit_note(),
        (_, Action::DeleteNote) => {
            let asked = app.ask_delete_note();
            if !asked {
                app.scroll_down((page / 2).max(1).saturating_mul(repeat));
                app.follow_view();
            }
        }
        (_, Action::UndoDelete) => {
            if app.undo_offered || matches!(app.mode, Mode::Notes { .. }) {
                app.undo_offered = false;
                app.undo_delete(fx);
            } else {
                app.scroll_up((page / 2).max(1).saturating_mul(repeat));
                app.follow_view();
            }
        }
        (_, Action::CorrectSpeaker) => app.open_picker(),
        _ => {}
    }
    if a.scrolls() && matches!(app.mode, Mode::Reading | Mode::Speakers) {
        app.follow_view();
    }
}

impl Action {
    /// Moves the view without choosing a statement: the speakers pane follows the view.
    fn scrolls(self) -> bool {
        matches!(
            self,
            Action::LineDown
                | Action::LineUp
                | Action::PageDown
                | Action::PageUp
                | Action::HalfPageDown
                | Action::HalfPageUp
                | Action::Top
                | Action::Bottom
                | Action::Percent
                | Action::NextParagraph
                | Action::PrevParagraph
        )
    }

    fn is_caret(self) -> bool {
        matches!(
            self,
            Action::CaretCharForward
                | Action::CaretCharBack
                | Action::CaretWordForward
                | Action::CaretWordBack
                | Action::CaretSentenceForward
                | Action::CaretSentenceBack
                | Action::CaretParagraphForward
                | Action::CaretParagraphBack
                | Action::SwapSelectionEnds
        )
    }
}

fn help_action(app: &mut App, a: Action, repeat: usize) {
    let Mode::Help { scroll } = &mut app.mode else {
        return;
    };
    let page = (app.view.size.1 as usize).saturating_sub(4).max(1);
    match a {
        Action::LineDown => *scroll += repeat,
        Action::LineUp => *scroll = scroll.saturating_sub(repeat),
        Action::PageDown => *scroll += page,
        Action::PageUp => *scroll = scroll.saturating_sub(page),
        Action::Back | Action::Help => app.mode = Mode::Reading,
        Action::Quit => app.quit = true,
        _ => {}
    }
    let rows = super::render::help_rows(&app.keymap);
    let visible = (app.view.size.1 as usize).saturating_sub(4).max(1);
    if let Mode::Help { scroll } = &mut app.mode {
        *scroll = (*scroll).min(rows.saturating_sub(visible));
    }
}

fn prompt_action(app: &mut App, a: Action) {
    let Mode::Search { input, recalled } = &mut app.mode else {
        return;
    };
    let history = &app.search.history;
    match a {
        Action::PromptSubmit => {
            let q = std::mem::take(input);
            app.mode = Mode::Reading;
            app.run_search(q);
        }
        Action::PromptCancel | Action::Back => app.mode = Mode::Reading,
        Action::PromptBackspace if input.pop().is_none() => app.mode = Mode::Reading,
        Action::HistoryPrev if !history.is_empty() => {
            let i = recalled.map_or(history.len() - 1, |i| i.saturating_sub(1));
            *recalled = Some(i);
            *input = history[i].clone();
        }
        Action::HistoryNext => match recalled {
            Some(i) if *i + 1 < history.len() => {
                *i += 1;
                *input = history[*i].clone();
            }
            _ => {
                *recalled = None;
                input.clear();
            }
        },
        _ => {}
    }
}

/// Where a caret key moves the caret: from the text and the caret's offset.
type CaretMove = dyn Fn(&str, usize) -> usize;

fn caret_action(app: &mut App, a: Action, repeat: usize) {
    let paras = &app.doc.article.paragraphs;
    let to: Box<CaretMove> = match a {
        Action::SwapSelectionEnds => {
            app.swap_selection_ends();
            return;
        }
        Action::CaretCharForward => Box::new(crate::text::next_grapheme),
        Action::CaretCharBack => Box::new(crate::text::prev_grapheme),
        Action::CaretWordForward => Box::new(super::notes_ui::word_forward),
        Action::CaretWordBack => Box::new(super::notes_ui::word_back),
        Action::CaretSentenceForward => Box::new(crate::text::sentence::forward),
        Action::CaretSentenceBack => Box::new(crate::text::sentence::back),
        Action::CaretParagraphForward => {
            let paras = paras.clone();
            Box::new(move |_: &str, at: usize| {
                paras
                    .iter()
                    .find(|p| p.start > at)
                    .or(paras.last())
                    .map_or(at, |p| if p.start > at { p.start } else { p.end })
            })
        }
        Action::CaretParagraphBack => {
            let paras = paras.clone();
            Box::new(move |_: &str, at: usize| {
                paras
                    .iter()
                    .rev()
                    .find(|p| p.start < at)
                    .map_or(0, |p| p.start)
            })
        }
        _ => return,
    };
    for _ in 0..repeat {
        app.move_caret(&to);
    }
}

impl App {
    fn toggle_quotes_only(&mut self) {
        self.quotes_only = !self.quotes_only;
        if self.quotes_only && self.current.is_some_and(|q| self.doc.is_reported(q)) {
            self.current = None;
        }
        let tab = self.keymap.hint(KeyMode::Reading, Action::NextQuote);
        self.message = Some(if self.quotes_only {
            format!(
                "{tab}: quotations only ({} for every statement)",
                self.keymap.hint(KeyMode::Reading, Action::ToggleQuotesOnly)
            )
        } else {
            format!("{tab}: every statement, quoted and reported")
        });
    }

    fn toggle_pane(&mut self) {
        if self.view.size.0 < PANE_MIN_TERMINAL_WIDTH {
            // Narrow terminals show the pane as an overlay while it has the focus.
            self.mode = if self.speakers_focused() {
                Mode::Reading
            } else {
                Mode::Speakers
            };
        } else {
            self.view.pane_open = !self.view.pane_open;
            if !self.view.pane_open && self.speakers_focused() {
                self.mode = Mode::Reading;
            }
        }
    }

    fn speaker_jump(&mut self) {
        let Some(&s) = self.doc.speaker_order.get(self.speaker_sel) else {
            return;
        };
        self.speaker_limit = Some(s);
        self.mode = Mode::Reading;
        if let Some(&first) = self.doc.statements_of(s).first() {
            self.go_to_quote(first);
        }
        self.message = Some(format!(
            "{} limited to {} ({} clears)",
            self.keymap.hint(KeyMode::Reading, Action::NextQuote),
            crate::text::printable(&self.doc.analysis.speakers[s].name),
            self.keymap.hint(KeyMode::Reading, Action::Back)
        ));
    }

    /// Esc: close what is open, else clear the speaker limit and the search highlights.
    fn back(&mut self) {
        match self.mode {
            Mode::Reading => {
                self.speaker_limit = None;
                self.search.matches.clear();
                self.search.current = None;
            }
            _ => self.mode = Mode::Reading,
        }
    }

    fn mark(&mut self, prefix: Prefix, letter: char) {
        match prefix {
            Prefix::SetMark => {
                self.marks.insert(letter, self.top_offset());
                self.message = Some(format!(
                    "mark {} set",
                    crate::text::printable(&letter.to_string())
                ));
            }
            Prefix::GoToMark => match self.marks.get(&letter) {
                Some(&offset) => {
                    self.scroll_to_offset(offset);
                    self.follow_view();
                }
                None => {
                    self.message = Some(format!(
                        "no mark {}",
                        crate::text::printable(&letter.to_string())
                    ))
                }
            },
        }
    }

    pub fn no_current_statement(&self) -> String {
        format!(
            "no current statement: press {} first",
            self.keymap.hint(KeyMode::Reading, Action::NextQuote)
        )
    }

    fn list_step(&mut self, n: usize, down: bool) {
        let notes = self.doc.notes.placed.len();
        match &mut self.mode {
            Mode::Picker(p) => {
                p.sel = if down {
                    p.sel.saturating_add(n)
                } else {
                    p.sel.saturating_sub(n)
                };
            }
            Mode::Notes { sel } => {
                *sel = if down {
                    (*sel + n).min(notes.saturating_sub(1))
                } else {
                    sel.saturating_sub(n)
                };
            }
            Mode::Links(list) => {
                for _ in 0..n.min(self.doc.article.links.len()) {
                    if down {
                        list.down(&self.doc.article.links);
                    } else {
                        list.up();
                    }
                }
            }
            _ => {}
        }
        if let Mode::Picker(p) = &self.mode {
            let max = self.picker_choices().len().saturating_sub(1);
            let sel = p.sel.min(max);
            if let Mode::Picker(p) = &mut self.mode {
                p.sel = sel;
            }
        }
    }
}

impl App {
    /// Opens the list of the article's links (kept from HTML and Markdown), or says there are
    /// none.
    fn open_links_list(&mut self) {
        if self.doc.article.links.is_empty() {
            self.message = Some("no links in this article".into());
        } else {
            self.mode = Mode::Links(LinkList::default());
        }
    }
}

impl App {
    /// A note was just deleted: the undo key undoes it until the next other key.
    pub(super) fn undo_offered_now(&mut self) {
        self.undo_offered = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_search_matches_curly_and_straight() {
        let hay = "Trump’s “plan” and Trump's plan";
        let needle: Vec<char> = "trump's".chars().map(fold_quote).collect();
        let m = find_folded(&tokens_lower(hay), &needle);
        assert_eq!(m.len(), 2);
        assert_eq!(&hay[m[0].clone()], "Trump’s");
        let needle: Vec<char> = "\"plan\"".chars().map(fold_quote).collect();
        assert_eq!(find_folded(hay, &needle).len(), 1);
    }
}
