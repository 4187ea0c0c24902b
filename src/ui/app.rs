//! The reader's state and its pure `update`: every key, mouse event and resize becomes an
//! [`Action`] or [`Event`] applied here, so tests can drive the reader without a terminal.

use super::keymap::{Action, Keymap, Mode};
use super::theme::Theme;
use crate::article::Article;
use crate::attribution::{Analysis, tokens_lower};
use crate::layout::{Layout, LinePos};
use std::ops::Range;

/// Below this width the speakers pane is an overlay instead of a column.
pub const PANE_MIN_TERMINAL_WIDTH: u16 = 90;
/// Columns of the gutter left of the text (speaker initials, note marks).
pub const GUTTER: u16 = 3;
pub const DEFAULT_MEASURE: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Article,
    Speakers,
}

/// Everything that can happen to the reader.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
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
    /// Ctrl-S and Esc in the note editor, and the answer to "discard?".
    EditorSave,
    EditorEscape,
    Confirm(bool),
    /// Typing into the search prompt or the speaker picker.
    PromptChar(char),
    PromptBackspace,
    PromptSubmit,
    PromptCancel,
}

#[derive(Debug, Default, Clone)]
pub struct Search {
    /// The prompt, while the user types.
    pub input: Option<String>,
    pub query: String,
    pub matches: Vec<Range<usize>>,
    pub current: Option<usize>,
}

/// What a screen row shows, recorded when drawing, for mouse clicks.
#[derive(Debug, Clone, Default)]
pub struct HitMap {
    /// (row, first text column, byte range of the line).
    pub rows: Vec<(u16, u16, Range<usize>)>,
    /// (row, speaker index) in the speakers pane.
    pub speakers: Vec<(u16, usize)>,
}

pub struct App {
    pub article: Article,
    pub analysis: Analysis,
    pub layout: Layout,
    pub top: LinePos,
    pub size: (u16, u16),
    pub measure: usize,
    pub current: Option<usize>,
    pub speaker_limit: Option<usize>,
    pub focus: Focus,
    pub pane_open: bool,
    pub help: bool,
    pub help_scroll: usize,
    /// Speakers, most quoted first (indices into `analysis.speakers`).
    pub speaker_order: Vec<usize>,
    /// Colour rank of each speaker (position in `speaker_order`).
    pub speaker_rank: Vec<usize>,
    pub speaker_sel: usize,
    pub search: Search,
    pub message: Option<String>,
    pub quit: bool,
    pub keymap: Keymap,
    pub theme: Theme,
    pub hits: HitMap,
    /// The title paragraph, shown as a heading.
    pub title_para: Option<usize>,
    pub notes: super::notes_ui::NotesState,
    pub editor: Option<super::notes_ui::Editor>,
    pub selection: Option<super::notes_ui::Selection>,
    pub picker: Option<super::notes_ui::Picker>,
    /// Where a mouse drag started (byte offset).
    drag_from: Option<usize>,
    /// Quotation parts sorted by start, for drawing (rebuilt with the analysis).
    pub quote_parts: Vec<(Range<usize>, usize)>,
    /// The attribution is still running in the background.
    pub analysing: bool,
    lower: Option<String>,
}

impl App {
    pub fn new(article: Article, analysis: Analysis, keymap: Keymap, theme: Theme) -> App {
        let title_para = article.title().map(|_| 0);
        let mut app = App {
            layout: Layout::new(article.paragraphs.len()),
            article,
            analysis,
            top: LinePos::default(),
            size: (80, 24),
            measure: DEFAULT_MEASURE,
            current: None,
            speaker_limit: None,
            focus: Focus::Article,
            pane_open: true,
            help: false,
            help_scroll: 0,
            speaker_order: vec![],
            speaker_rank: vec![],
            speaker_sel: 0,
            search: Search::default(),
            message: None,
            quit: false,
            keymap,
            theme,
            hits: HitMap::default(),
            title_para,
            notes: Default::default(),
            editor: None,
            selection: None,
            picker: None,
            drag_from: None,
            quote_parts: vec![],
            analysing: false,
            lower: None,
        };
        app.rebuild_speakers();
        app
    }

    /// Installs the result of the attribution (run in the background for long texts).
    pub fn set_analysis(&mut self, analysis: Analysis) {
        let keep = self.current.map(|q| self.analysis.quotes[q].span.clone());
        self.analysis = analysis;
        self.analysing = false;
        self.rebuild_speakers();
        self.current =
            keep.and_then(|span| self.analysis.quotes.iter().position(|q| q.span == span));
    }

    /// Replaces the article shown by a longer version of it (the whole file after its head),
    /// keeping the top line of the screen where it was.
    pub fn replace_article(&mut self, article: Article) {
        let continues = article.text.starts_with(&self.article.text);
        let top = self.top_offset();
        self.layout = Layout::new(article.paragraphs.len());
        self.title_para = article.title().map(|_| 0);
        self.article = article;
        self.lower = None;
        // Matches found in the head would miss the rest: the search is typed again.
        self.search.matches.clear();
        self.search.current = None;
        self.selection = None;
        self.top = if continues {
            self.pos_of_offset(top)
        } else {
            LinePos::default()
        };
    }

    /// Orders speakers by quotation count (most first) and gives each a colour rank.
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
        self.speaker_sel = self
            .speaker_sel
            .min(self.speaker_order.len().saturating_sub(1));
        if self
            .speaker_limit
            .is_some_and(|s| s >= self.analysis.speakers.len())
        {
            self.speaker_limit = None;
        }
    }

    /// The mode keys are read in.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else if self.picker.is_some() {
            Mode::Picker
        } else if self.notes.list_open {
            Mode::Notes
        } else if self.selection.is_some() {
            Mode::Select
        } else if self.focus == Focus::Speakers {
            Mode::Speakers
        } else {
            Mode::Reading
        }
    }

    /// Whether the speakers pane is a column beside the text (wide terminals).
    pub fn pane_is_column(&self) -> bool {
        self.pane_open && self.size.0 >= PANE_MIN_TERMINAL_WIDTH
    }

    /// Whether the speakers pane is drawn over the text (narrow terminals, while focused).
    pub fn pane_is_overlay(&self) -> bool {
        self.size.0 < PANE_MIN_TERMINAL_WIDTH && self.focus == Focus::Speakers
    }

    pub fn pane_width(&self) -> u16 {
        (self.size.0 / 4).clamp(28, 40)
    }

    /// Columns for the article (the whole width, or what the pane leaves).
    pub fn article_width(&self) -> u16 {
        if self.pane_is_column() {
            self.size.0.saturating_sub(self.pane_width())
        } else {
            self.size.0
        }
    }

    /// Rows for the article: all but the status line.
    pub fn view_height(&self) -> usize {
        self.size.1.saturating_sub(1).max(1) as usize
    }

    /// Columns of text in a line: the measure, or less when the terminal is narrow.
    pub fn text_width(&self) -> usize {
        let avail = self.article_width().saturating_sub(GUTTER + 1) as usize;
        self.measure.min(avail).max(1)
    }

    fn sync_layout(&mut self) {
        let w = self.text_width();
        if w != self.layout.width() {
            // Keep the same text at the top when the width changes.
            let anchor = self.top_offset();
            self.layout.set_width(w);
            self.top = self.pos_of_offset(anchor);
        }
    }

    /// The byte offset of the first character on the top row.
    pub fn top_offset(&mut self) -> usize {
        self.layout_offset(self.top)
    }

    /// The byte offset where the row at `pos` starts.
    pub fn layout_offset(&mut self, pos: LinePos) -> usize {
        let (text, paras) = (&self.article.text, &self.article.paragraphs);
        if paras.is_empty() {
            return 0;
        }
        let p = pos.para.min(paras.len() - 1);
        let lines = self.layout.lines(text, paras, p);
        lines
            .get(pos.line)
            .or(lines.last())
            .map_or(paras[p].start, |l| l.start)
    }

    /// The row below `pos` (the same row at the end of the text).
    pub fn row_below(&mut self, pos: LinePos) -> LinePos {
        let (text, paras) = (&self.article.text, &self.article.paragraphs);
        self.layout.down(text, paras, pos, 1)
    }

    /// The row position of a byte offset.
    pub fn pos_of_offset(&mut self, offset: usize) -> LinePos {
        let paras = &self.article.paragraphs;
        if paras.is_empty() {
            return LinePos::default();
        }
        let p = paras
            .partition_point(|r| r.end <= offset)
            .min(paras.len() - 1);
        self.layout
            .pos_of(&self.article.text, paras, p, offset.max(paras[p].start))
    }

    /// Reading position in percent: how far the top row is into the text.
    pub fn percent(&mut self) -> usize {
        let len = self.article.text.len().max(1);
        if self.at_bottom() {
            return 100;
        }
        self.top_offset() * 100 / len
    }

    fn at_bottom(&mut self) -> bool {
        let last = self.last_top();
        self.top >= last
    }

    /// The highest top position that still fills the screen.
    fn last_top(&mut self) -> LinePos {
        let n = self.article.paragraphs.len();
        if n == 0 {
            return LinePos::default();
        }
        let (text, paras) = (&self.article.text, &self.article.paragraphs);
        let last_line = self.layout.lines(text, paras, n - 1).len() - 1;
        let end = LinePos {
            para: n - 1,
            line: last_line,
        };
        let h = self.view_height();
        self.layout.up(text, paras, end, h.saturating_sub(1))
    }

    fn scroll_down(&mut self, n: usize) {
        let last = self.last_top();
        if self.top >= last {
            return;
        }
        let (text, paras) = (&self.article.text, &self.article.paragraphs);
        self.top = self.layout.down(text, paras, self.top, n).min(last);
    }

    fn scroll_up(&mut self, n: usize) {
        let (text, paras) = (&self.article.text, &self.article.paragraphs);
        self.top = self.layout.up(text, paras, self.top, n);
    }

    fn quote_allowed(&self, qi: usize) -> bool {
        self.speaker_limit
            .is_none_or(|s| self.analysis.quotes[qi].speaker == Some(s))
    }

    /// Makes quotation `qi` current; the speakers pane follows it.
    fn make_current(&mut self, qi: usize) {
        self.current = Some(qi);
        let speaker = self.analysis.quotes[qi].speaker;
        if let Some(pos) = speaker.and_then(|s| self.speaker_order.iter().position(|&x| x == s)) {
            self.speaker_sel = pos;
        }
    }

    /// Makes quotation `qi` current and scrolls it into view.
    pub fn go_to_quote(&mut self, qi: usize) {
        self.make_current(qi);
        let span = self.analysis.quotes[qi].span.clone();
        self.reveal(span);
    }

    /// Scrolls so that a byte range is on screen.
    pub fn reveal_range(&mut self, span: Range<usize>) {
        self.reveal(span);
    }

    /// Scrolls so that a byte range is on screen (its start a third of the way down if the
    /// view must move).
    fn reveal(&mut self, span: Range<usize>) {
        self.sync_layout();
        let start = self.pos_of_offset(span.start);
        let end = self.pos_of_offset(span.end.saturating_sub(1).max(span.start));
        let h = self.view_height();
        let (text, paras) = (&self.article.text, &self.article.paragraphs);
        let start_visible =
            start >= self.top && self.layout.distance(text, paras, self.top, start, h) < h;
        let end_visible =
            end >= self.top && self.layout.distance(text, paras, self.top, end, h) < h;
        if start_visible && end_visible {
            return;
        }
        self.top = self.layout.up(text, paras, start, h / 3);
        let last = self.last_top();
        if self.top > last && start <= last {
            self.top = last;
        }
    }

    fn next_quote(&mut self, forward: bool, same_speaker: bool) {
        let n = self.analysis.quotes.len();
        if n == 0 {
            self.message = Some(
                if self.analysing {
                    "still analysing…"
                } else {
                    "no quotations in this article"
                }
                .into(),
            );
            return;
        }
        let speaker = if same_speaker {
            self.current.and_then(|c| self.analysis.quotes[c].speaker)
        } else {
            None
        };
        let ok = |app: &App, qi: usize| match speaker {
            Some(s) => app.analysis.quotes[qi].speaker == Some(s),
            None => app.quote_allowed(qi),
        };
        let found = match self.current {
            Some(c) if forward => (c + 1..n).find(|&q| ok(self, q)),
            Some(c) => (0..c).rev().find(|&q| ok(self, q)),
            None => {
                let top = self.top_offset();
                if forward {
                    (0..n).find(|&q| self.analysis.quotes[q].span.end > top && ok(self, q))
                } else {
                    (0..n)
                        .rev()
                        .find(|&q| self.analysis.quotes[q].span.start < top && ok(self, q))
                }
            }
        };
        match found {
            Some(q) => {
                self.go_to_quote(q);
                self.message = None;
            }
            None => {
                self.message = Some(
                    if forward {
                        "no more quotations below"
                    } else {
                        "no more quotations above"
                    }
                    .into(),
                )
            }
        }
    }

    fn jump_paragraph(&mut self, forward: bool) {
        let p = self.top.para;
        let target = if forward {
            (p + 1).min(self.article.paragraphs.len().saturating_sub(1))
        } else if self.top.line > 0 {
            p
        } else {
            p.saturating_sub(1)
        };
        self.top = LinePos {
            para: target,
            line: 0,
        };
        let last = self.last_top();
        if self.top > last {
            self.top = last;
        }
    }

    fn run_search(&mut self, query: String) {
        self.search.matches.clear();
        self.search.current = None;
        self.search.query = query.clone();
        if query.is_empty() {
            return;
        }
        let lower = self
            .lower
            .get_or_insert_with(|| tokens_lower(&self.article.text));
        let needle = tokens_lower(&query);
        let mut from = 0;
        while let Some(i) = lower[from..].find(&needle) {
            let s = from + i;
            self.search.matches.push(s..s + needle.len());
            from = s + needle.len().max(1);
        }
        if self.search.matches.is_empty() {
            self.message = Some(format!("not found: {}", crate::text::printable(&query)));
            return;
        }
        let top = self.top_offset();
        let first = self
            .search
            .matches
            .iter()
            .position(|m| m.start >= top)
            .unwrap_or(0);
        self.select_match(first);
    }

    fn select_match(&mut self, i: usize) {
        self.search.current = Some(i);
        let m = self.search.matches[i].clone();
        self.message = None;
        self.reveal(m);
    }

    fn search_step(&mut self, forward: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.message = Some(if self.search.query.is_empty() {
                "no search: press / to search".into()
            } else {
                "no matches".into()
            });
            return;
        }
        let i = match self.search.current {
            Some(c) if forward => (c + 1) % n,
            Some(c) => (c + n - 1) % n,
            None => 0,
        };
        self.select_match(i);
    }

    /// Quotations of a speaker, in text order.
    pub fn quotes_of(&self, s: usize) -> &[usize] {
        &self.analysis.speakers[s].quotes
    }

    /// The byte offset under a screen cell of the article, if any.
    pub fn offset_at(&self, x: u16, y: u16) -> Option<usize> {
        let (_, x0, range) = self
            .hits
            .rows
            .iter()
            .find(|(row, _, _)| *row == y)
            .cloned()?;
        Some(offset_at_column(
            &self.article.text,
            range,
            x.saturating_sub(x0) as usize,
        ))
    }

    fn click(&mut self, x: u16, y: u16) {
        if let Some(&(_, s)) = self.hits.speakers.iter().find(|(row, _)| *row == y) {
            if let Some(pos) = self.speaker_order.iter().position(|&o| o == s) {
                self.speaker_sel = pos;
            }
            return;
        }
        let Some((_, x0, range)) = self.hits.rows.iter().find(|(row, _, _)| *row == y).cloned()
        else {
            return;
        };
        let offset = offset_at_column(&self.article.text, range, x.saturating_sub(x0) as usize);
        if let Some(qi) = self
            .analysis
            .quotes
            .iter()
            .position(|q| q.parts.iter().any(|p| p.contains(&offset)))
        {
            self.make_current(qi);
        }
    }
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

/// Applies one event to the reader. Pure: no terminal, no I/O.
pub fn update(app: &mut App, event: Event) {
    app.sync_layout();
    match event {
        Event::Resize(w, h) => {
            let keep = app.current.map(|q| app.analysis.quotes[q].span.clone());
            app.size = (w.max(1), h.max(1));
            app.sync_layout();
            if let Some(span) = keep {
                app.reveal(span);
            }
        }
        Event::Scroll(n) if n > 0 => app.scroll_down(n as usize),
        Event::Scroll(n) => app.scroll_up(n.unsigned_abs() as usize),
        Event::Click(x, y) => {
            app.drag_from = app.offset_at(x, y);
            app.click(x, y);
        }
        Event::Drag(x, y) => {
            if let (Some(from), Some(to)) = (app.drag_from, app.offset_at(x, y)) {
                app.selection = Some(super::notes_ui::Selection {
                    anchor: from,
                    caret: to,
                });
            }
        }
        Event::Release => app.drag_from = None,
        Event::EditorInput(input) => {
            if let Some(ed) = app.editor.as_mut() {
                ed.confirm_discard = false;
                ed.textarea.input(input);
            }
        }
        Event::EditorSave => app.editor_save(),
        Event::EditorEscape => app.editor_escape(),
        Event::Confirm(yes) => app.editor_confirm(yes),
        Event::PromptChar(c) => {
            if let Some(input) = app.search.input.as_mut() {
                input.push(c);
            } else if let Some(p) = app.picker.as_mut() {
                p.filter.push(c);
                p.sel = 0;
            }
        }
        Event::PromptBackspace => {
            if let Some(input) = app.search.input.as_mut() {
                input.pop();
            } else if let Some(p) = app.picker.as_mut() {
                p.filter.pop();
                p.sel = 0;
            }
        }
        Event::PromptSubmit => {
            if let Some(q) = app.search.input.take() {
                app.run_search(q);
            } else if app.picker.is_some() {
                app.picker_choose();
            }
        }
        Event::PromptCancel => {
            app.search.input = None;
            app.picker = None;
        }
        Event::Action(a) => apply(app, a),
    }
}

fn apply(app: &mut App, action: Action) {
    let page = app.view_height().saturating_sub(2).max(1);
    if app.help {
        match action {
            Action::LineDown | Action::PageDown => app.help_scroll += 1,
            Action::LineUp | Action::PageUp => app.help_scroll = app.help_scroll.saturating_sub(1),
            _ => {}
        }
    }
    match action {
        Action::Quit => app.quit = true,
        Action::LineDown | Action::LineUp | Action::PageDown | Action::PageUp if app.help => {}
        Action::LineDown => app.scroll_down(1),
        Action::LineUp => app.scroll_up(1),
        Action::PageDown => app.scroll_down(page),
        Action::PageUp => app.scroll_up(page),
        Action::HalfPageDown => app.scroll_down(page / 2),
        Action::HalfPageUp => app.scroll_up(page / 2),
        Action::Top => app.top = LinePos::default(),
        Action::Bottom => app.top = app.last_top(),
        Action::NextParagraph => app.jump_paragraph(true),
        Action::PrevParagraph => app.jump_paragraph(false),
        Action::NextQuote => app.next_quote(true, false),
        Action::PrevQuote => app.next_quote(false, false),
        Action::NextSameSpeaker => app.next_quote(true, true),
        Action::PrevSameSpeaker => app.next_quote(false, true),
        Action::FocusSpeakers => {
            if app.speaker_order.is_empty() {
                app.message = Some("no speakers in this article".into());
            } else {
                app.focus = Focus::Speakers;
                app.pane_open = true;
            }
        }
        Action::TogglePane => {
            if app.size.0 < PANE_MIN_TERMINAL_WIDTH {
                // Narrow terminals show the pane as an overlay while it has the focus.
                app.focus = if app.focus == Focus::Speakers {
                    Focus::Article
                } else {
                    Focus::Speakers
                };
            } else {
                app.pane_open = !app.pane_open;
                if !app.pane_open {
                    app.focus = Focus::Article;
                }
            }
        }
        Action::Search => app.search.input = Some(String::new()),
        Action::SearchNext => app.search_step(true),
        Action::SearchPrev => app.search_step(false),
        Action::Help => {
            app.help = !app.help;
            app.help_scroll = 0;
        }
        Action::Narrower => app.measure = app.measure.saturating_sub(10).max(20),
        Action::Wider => app.measure = (app.measure + 10).min(400),
        Action::SpeakerDown => {
            if app.speaker_sel + 1 < app.speaker_order.len() {
                app.speaker_sel += 1;
            }
        }
        Action::SpeakerUp => app.speaker_sel = app.speaker_sel.saturating_sub(1),
        Action::Annotate => app.annotate(),
        Action::StartSelection => app.start_selection(),
        Action::NotesList => {
            app.notes.list_open = true;
            app.notes.list_sel = app
                .notes
                .current
                .unwrap_or(0)
                .min(app.notes.placed.len().saturating_sub(1));
        }
        Action::NextNote => app.step_note(true),
        Action::PrevNote => app.step_note(false),
        Action::EditNote => app.edit_note(),
        Action::DeleteNote => app.delete_note(),
        Action::UndoDelete => app.undo_delete(),
        Action::CorrectSpeaker => app.open_picker(),
        Action::CaretCharForward => app.move_caret(|t, at| {
            t[at.min(t.len())..]
                .chars()
                .next()
                .map_or(at, |c| at + c.len_utf8())
        }),
        Action::CaretCharBack => app.move_caret(|t, at| {
            t[..at.min(t.len())]
                .chars()
                .next_back()
                .map_or(at, |c| at - c.len_utf8())
        }),
        Action::CaretWordForward => app.move_caret(super::notes_ui::word_forward),
        Action::CaretWordBack => app.move_caret(super::notes_ui::word_back),
        Action::CaretSentenceForward => app.move_caret(super::notes_ui::sentence_forward),
        Action::CaretSentenceBack => app.move_caret(super::notes_ui::sentence_back),
        Action::CaretParagraphForward => {
            let paras = app.article.paragraphs.clone();
            app.move_caret(|_, at| {
                paras
                    .iter()
                    .find(|p| p.start > at)
                    .or(paras.last())
                    .map_or(at, |p| if p.start > at { p.start } else { p.end })
            });
        }
        Action::CaretParagraphBack => {
            let paras = app.article.paragraphs.clone();
            app.move_caret(|_, at| {
                paras
                    .iter()
                    .rev()
                    .find(|p| p.start < at)
                    .map_or(0, |p| p.start)
            });
        }
        Action::SwapSelectionEnds => app.swap_selection_ends(),
        Action::ListDown => {
            if let Some(p) = app.picker.as_mut() {
                p.sel += 1;
            } else if app.notes.list_sel + 1 < app.notes.placed.len() {
                app.notes.list_sel += 1;
            }
        }
        Action::ListUp => {
            if let Some(p) = app.picker.as_mut() {
                p.sel = p.sel.saturating_sub(1);
            } else {
                app.notes.list_sel = app.notes.list_sel.saturating_sub(1);
            }
        }
        Action::ListOpen => {
            if app.picker.is_some() {
                app.picker_choose();
            } else if app.notes.list_sel < app.notes.placed.len() {
                app.notes.list_open = false;
                app.go_to_note(app.notes.list_sel);
            }
        }
        Action::SpeakerJump => {
            if let Some(&s) = app.speaker_order.get(app.speaker_sel) {
                app.speaker_limit = Some(s);
                app.focus = Focus::Article;
                if let Some(&first) = app.quotes_of(s).first() {
                    app.go_to_quote(first);
                }
                app.message = Some(format!(
                    "Tab limited to {}",
                    crate::text::printable(&app.analysis.speakers[s].name)
                ));
            }
        }
        Action::Back => {
            if app.help {
                app.help = false;
            } else if app.picker.is_some() {
                app.picker = None;
            } else if app.notes.list_open {
                app.notes.list_open = false;
            } else if app.selection.is_some() {
                app.selection = None;
                app.message = None;
            } else {
                app.focus = Focus::Article;
                app.speaker_limit = None;
                app.message = None;
            }
        }
    }
    app.sync_layout();
}
