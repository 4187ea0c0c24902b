//! Drawing the reader: the article column with its gutter, the speakers pane, the note
//! footer, the status line and the help screen. Drawing reads the state (`&App`); it only
//! fills caches (the wrapped lines, and the hit map of what was drawn where, for clicks).

use super::app::{App, GUTTER, Mode, Question};
use super::keymap::{Action, KeyMode, Keymap};
use crate::report::first_words;
use crate::text::{self, Shown};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use std::ops::Range;

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    *app.view.hits.borrow_mut() = Default::default();
    if area.height == 0 || area.width == 0 {
        return;
    }
    let footer = app.footer_note();
    let article_area = Rect {
        x: 0,
        y: 0,
        width: app.article_width().min(area.width),
        height: (app.view_height() as u16).min(area.height.saturating_sub(1)),
    };
    draw_article(frame, app, article_area);
    if let Some(note) = footer
        && area.height >= 3
    {
        draw_footer(
            frame,
            &note,
            Rect {
                x: 0,
                y: area.height - 2,
                width: area.width,
                height: 1,
            },
        );
    }
    if app.pane_is_column() {
        let w = app.pane_width().min(area.width);
        let pane = Rect {
            x: area.width - w,
            y: 0,
            width: w,
            height: area.height.saturating_sub(1),
        };
        draw_speakers(frame, app, pane);
    } else if app.pane_is_overlay() {
        let w = area.width.saturating_sub(4).clamp(1, 44);
        let h = area.height.saturating_sub(3).max(1);
        let pane = Rect {
            x: (area.width - w) / 2,
            y: 1.min(area.height - 1),
            width: w,
            height: h,
        };
        frame.render_widget(Clear, pane);
        draw_speakers(frame, app, pane);
    }
    draw_status(
        frame,
        app,
        Rect {
            x: 0,
            y: area.height - 1,
            width: area.width,
            height: 1,
        },
    );
    match &app.mode {
        Mode::Notes { sel } => draw_notes_list(frame, app, area, *sel),
        Mode::Links(list) => draw_links(frame, app, area, list),
        Mode::Picker(_) => draw_picker(frame, app, area),
        Mode::Editor(ed) => draw_editor(frame, app, area, ed, false),
        Mode::Confirm(Question::Discard(ed)) => draw_editor(frame, app, area, ed, true),
        Mode::Help { scroll } => draw_help(frame, app, area, *scroll),
        _ => {}
    }
}

/// The first line of the note on the current statement (or in view), under the text.
fn draw_footer(frame: &mut Frame, note: &str, area: Rect) {
    let line = format!(
        " ✎ {}",
        fit(
            &text::printable(note),
            (area.width as usize).saturating_sub(4)
        )
    );
    frame.render_widget(
        Paragraph::new(Line::styled(
            line,
            Style::new().add_modifier(Modifier::ITALIC),
        )),
        area,
    );
}
/// A centred box of at most `w`×`h` cells, cleared, with a border and a title; its inside.
/// The article's links in a box in the middle of the screen, above the status line.
fn draw_links(frame: &mut Frame, app: &App, area: Rect, list: &super::links::LinkList) {
    let links = &app.doc.article.links;
    let rows = area.height.saturating_sub(1).max(1);
    let wanted = u16::try_from(links.len().saturating_add(2)).unwrap_or(u16::MAX);
    let h = wanted.min(rows).max(1);
    let w = 100.min(area.width.saturating_sub(2)).max(1);
    let rect = Rect {
        x: (area.width - w) / 2,
        y: (rows - h) / 2,
        width: w,
        height: h,
    };
    super::links::draw(frame, rect, links, list);
}

fn popup(frame: &mut Frame, area: Rect, w: u16, h: u16, title: &str) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(1);
    let rows = area.height.saturating_sub(1).max(1);
    let h = h.min(rows).max(1);
    let rect = Rect {
        x: (area.width - w) / 2,
        y: (rows - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(title.to_string());
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

fn draw_editor(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    ed: &super::notes_ui::Editor,
    confirm: bool,
) {
    let k = |m, a| app.keymap.hint(m, a);
    let title = if confirm {
        format!(
            " Discard this note? {} / {} ",
            k(KeyMode::Confirm, Action::Yes),
            k(KeyMode::Confirm, Action::No)
        )
    } else {
        format!(
            " Note — {} saves, {} cancels ",
            k(KeyMode::Editor, Action::EditorSave),
            k(KeyMode::Editor, Action::Back)
        )
    };
    let inner = popup(frame, area, 76, area.height.saturating_sub(2), &title);
    if inner.height == 0 {
        return;
    }
    let passage = text::printable(&app.doc.article.text[ed.passage.clone()]);
    let passage_rows = (inner.height / 3).clamp(1, 6);
    let quote = Paragraph::new(Line::styled(passage, app.theme.dim()))
        .wrap(ratatui::widgets::Wrap { trim: true });
    frame.render_widget(
        quote,
        Rect {
            height: passage_rows,
            ..inner
        },
    );
    if inner.height > passage_rows + 1 {
        let rule = Rect {
            y: inner.y + passage_rows,
            height: 1,
            ..inner
        };
        frame.render_widget(
            Paragraph::new("─".repeat(inner.width as usize)).style(app.theme.dim()),
            rule,
        );
        let body = Rect {
            y: inner.y + passage_rows + 1,
            height: inner.height - passage_rows - 1,
            ..inner
        };
        frame.render_widget(&ed.textarea, body);
    }
}

fn draw_notes_list(frame: &mut Frame, app: &App, area: Rect, list_sel: usize) {
    let k = |a| app.keymap.hint(KeyMode::Notes, a);
    let title = format!(
        " Notes — {}: go, {}: edit, {}: delete, {}: undo, {}: close ",
        k(Action::ListOpen),
        k(Action::EditNote),
        k(Action::DeleteNote),
        k(Action::UndoDelete),
        k(Action::Back)
    );
    let inner = popup(frame, area, 80, area.height.saturating_sub(2), &title);
    if inner.height == 0 {
        return;
    }
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let mut selected_row = 0;
    if app.doc.notes.placed.is_empty() {
        lines.push(Line::styled(
            format!(
                "no notes yet: press {} on a statement or passage",
                app.keymap.hint(KeyMode::Reading, Action::Annotate)
            ),
            app.theme.dim(),
        ));
    }
    for (i, p) in app.doc.notes.placed.iter().enumerate() {
        let Some(note) = app.doc.notes.note(p) else {
            continue;
        };
        let (passage, found) = match p.anchor.range() {
            Some(r) => (app.doc.article.text[r].to_string(), true),
            None => (
                note.target.selectors().map(|s| s.exact).unwrap_or_default(),
                false,
            ),
        };
        let who = p
            .anchor
            .range()
            .and_then(|r| crate::notes::view::speaker_of(&app.doc.analysis, &r));
        let mut head = first_words(&passage, 12);
        if let Some(w) = who {
            head = format!("{head} — {w}");
        }
        if !found {
            head = format!("(not found in this version) {head}");
        }
        let style = if i == list_sel {
            app.theme.selected()
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        if i == list_sel {
            selected_row = lines.len();
        }
        lines.push(Line::styled(fit(&text::printable(&head), width), style));
        lines.push(Line::raw(format!(
            "  {}",
            fit(
                &text::printable(&first_words(&note.body, 40)),
                width.saturating_sub(2)
            )
        )));
    }
    let h = inner.height as usize;
    let start = (selected_row + 2).saturating_sub(h);
    frame.render_widget(
        Paragraph::new(lines.into_iter().skip(start).take(h).collect::<Vec<_>>()),
        inner,
    );
}

fn draw_picker(frame: &mut Frame, app: &App, area: Rect) {
    let choices = app.picker_choices();
    let Mode::Picker(p) = &app.mode else { return };
    let (sel, filter) = (p.sel.min(choices.len().saturating_sub(1)), p.filter.clone());
    let title = format!(
        " Who said it? type to filter, {}: choose ",
        app.keymap.hint(KeyMode::Picker, Action::ListOpen)
    );
    let inner = popup(
        frame,
        area,
        50,
        (choices.len() as u16 + 4).min(area.height),
        &title,
    );
    if inner.height == 0 {
        return;
    }
    let mut lines = vec![
        Line::raw(format!("name: {}█", text::printable(&filter))),
        Line::raw(""),
    ];
    for (i, c) in choices.iter().enumerate() {
        let label = match c {
            crate::ui::notes_ui::Choice::Speaker(n) => text::printable(n),
            crate::ui::notes_ui::Choice::NewSpeaker(n) => {
                format!("new speaker: {}", text::printable(n))
            }
            crate::ui::notes_ui::Choice::NotAQuote => "not a statement".to_string(),
        };
        let st = if i == sel {
            app.theme.selected()
        } else {
            Style::new()
        };
        lines.push(Line::styled(fit(&label, inner.width as usize), st));
    }
    let h = inner.height as usize;
    let start = (sel + 3).saturating_sub(h);
    let shown: Vec<Line> = lines
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i < 2 || *i >= 2 + start)
        .map(|(_, l)| l)
        .take(h)
        .collect();
    frame.render_widget(Paragraph::new(shown), inner);
}

/// Initials for the gutter: "VP" for Vladimir Putin, "PS" for "a Pentagon spokesman".
fn initials(name: &str) -> String {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let caps: Vec<&&str> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let pick: Vec<&str> = if caps.len() >= 2 {
        vec![caps[0], caps[caps.len() - 1]]
    } else if caps.len() == 1 && words.len() >= 2 {
        // "the Kremlin press service": the name and the head noun.
        vec![caps[0], words[words.len() - 1]]
    } else if words.len() >= 2 {
        vec![words[words.len() - 2], words[words.len() - 1]]
    } else {
        words
    };
    pick.iter()
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Style lookups for one frame: quotation parts and search matches, sorted by start.
struct Marks<'a> {
    /// Quotation parts sorted by start, kept by the app (rebuilt with the analysis).
    parts: &'a [(Range<usize>, usize)],
    notes: Vec<Range<usize>>,
    selection: Option<Range<usize>>,
}

impl<'a> Marks<'a> {
    fn new(app: &App, parts: &'a [(Range<usize>, usize)]) -> Marks<'a> {
        let sel = match &app.mode {
            Mode::Select(s) => Some(*s),
            _ => None,
        };
        let selection = sel
            .map(|s| s.range())
            .filter(|r| !r.is_empty())
            .or_else(|| sel.map(|s| s.caret..s.caret + 1));
        Marks {
            parts,
            notes: app.doc.notes.ranges(),
            selection,
        }
    }

    fn in_note(&self, offset: usize) -> bool {
        let i = self.notes.partition_point(|r| r.start <= offset);
        self.notes[..i].iter().rev().take(8).any(|r| offset < r.end)
    }

    fn note_in(&self, line: &Range<usize>) -> bool {
        self.notes
            .iter()
            .any(|r| r.start < line.end && line.start < r.end)
    }

    fn quote_at(&self, offset: usize) -> Option<usize> {
        let i = self.parts.partition_point(|(r, _)| r.start <= offset);
        i.checked_sub(1)
            .map(|i| &self.parts[i])
            .filter(|(r, _)| offset < r.end)
            .map(|(_, q)| *q)
    }

    fn first_quote_in(&self, line: &Range<usize>) -> Option<usize> {
        let i = self.parts.partition_point(|(r, _)| r.end <= line.start);
        self.parts
            .get(i)
            .filter(|(r, _)| r.start < line.end)
            .map(|(_, q)| *q)
    }
}

fn in_matches(matches: &[Range<usize>], offset: usize) -> Option<usize> {
    let i = matches.partition_point(|m| m.start <= offset);
    i.checked_sub(1).filter(|&i| offset < matches[i].end)
}

/// The rendering style of Markdown text at `offset` (headings, emphasis, code, links).
fn article_style(app: &App, offset: usize) -> Style {
    use crate::article::TextStyle;
    let styles = &app.doc.article.styles;
    let i = styles.partition_point(|(r, _)| r.start <= offset);
    let mut style = Style::new();
    for (r, s) in styles[..i].iter().rev().take(6) {
        if offset < r.end {
            style = style.add_modifier(match s {
                // Underlined too, so that headings differ from bold text under NO_COLOR.
                TextStyle::Heading => Modifier::BOLD | Modifier::UNDERLINED,
                TextStyle::Strong => Modifier::BOLD,
                TextStyle::Emphasis | TextStyle::BlockQuote => Modifier::ITALIC,
                TextStyle::Code => Modifier::REVERSED,
                TextStyle::Url => Modifier::DIM,
            });
        }
    }
    style
}

fn style_at(app: &App, marks: &Marks, offset: usize, base: Style) -> Style {
    let mut style = base;
    if !app.doc.article.styles.is_empty() {
        style = style.patch(article_style(app, offset));
    }
    if let Some(qi) = marks.quote_at(offset) {
        style = style.patch(statement_style(app, qi));
    }
    if marks.in_note(offset) {
        style = style.add_modifier(Modifier::UNDERLINED);
    }
    if marks
        .selection
        .as_ref()
        .is_some_and(|r| r.contains(&offset))
    {
        style = style.add_modifier(Modifier::REVERSED);
    }
    if let Some(m) = in_matches(&app.search.matches, offset) {
        let mut s = app.theme.search_match();
        if app.search.current == Some(m) {
            s = s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        }
        style = style.patch(s);
    }
    style
}

/// One wrapped line as styled spans; white space at its end is not drawn.
fn line_spans(app: &App, marks: &Marks, range: Range<usize>, base: Style) -> Vec<Span<'static>> {
    let s = &app.doc.article.text[range.clone()];
    // Keep a selected caret visible even on trailing white space.
    let trimmed = if marks
        .selection
        .as_ref()
        .is_some_and(|r| r.end > range.start + s.trim_end().len() && r.start < range.end)
    {
        s.trim_end_matches('\n')
    } else {
        s.trim_end()
    };
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut buf = String::new();
    let mut cur: Option<Style> = None;
    for (i, c) in trimmed.char_indices() {
        let style = style_at(app, marks, range.start + i, base);
        if cur != Some(style) {
            if let Some(st) = cur {
                spans.push(Span::styled(std::mem::take(&mut buf), st));
            }
            cur = Some(style);
        }
        match text::display(c) {
            Shown::Itself(c) | Shown::As(c) => buf.push(c),
            Shown::Spaces(n) => buf.extend(std::iter::repeat_n(' ', n as usize)),
        }
    }
    if let Some(st) = cur {
        spans.push(Span::styled(buf, st));
    }
    spans
}

/// How a statement is drawn: quotations in the speaker's colour, reported speech lighter.
fn statement_style(app: &App, qi: usize) -> Style {
    let rank = app.doc.analysis.quotes[qi]
        .speaker
        .map(|s| app.doc.speaker_rank[s]);
    let current = app.current == Some(qi);
    if app.doc.is_reported(qi) {
        app.theme.reported(rank, current)
    } else {
        app.theme.quote(rank, current)
    }
}

fn draw_article(frame: &mut Frame, app: &App, area: Rect) {
    if area.height == 0 {
        return;
    }
    let parts = &app.doc.quote_parts;
    let tw = app.view.layout_width().max(1);
    let col_width = (tw as u16 + GUTTER).min(area.width);
    let x0 = area.x + (area.width - col_width) / 2;
    let text_x = x0 + GUTTER.min(col_width);
    let marks = Marks::new(app, parts);
    if app.doc.article.paragraphs.is_empty() {
        let msg = Paragraph::new(Line::styled("(this article has no text)", app.theme.dim()));
        frame.render_widget(
            msg,
            Rect {
                x: text_x,
                width: area.width.saturating_sub(text_x),
                ..area
            },
        );
        return;
    }
    let mut pos = app.view.top;
    let n = app.doc.article.paragraphs.len();
    for row in 0..area.height {
        if pos.para >= n {
            break;
        }
        let line = app.view.line(&app.doc.article, pos);
        let y = area.y + row;
        if let Some(line) = line.as_ref() {
            let base = if app.doc.title_para == Some(pos.para) {
                app.theme.heading()
            } else {
                Style::new()
            };
            if let Some(qi) = marks.first_quote_in(line) {
                let q = &app.doc.analysis.quotes[qi];
                let (label, rank) = match q.speaker {
                    Some(s) => (
                        initials(&app.doc.analysis.speakers[s].name),
                        Some(app.doc.speaker_rank[s]),
                    ),
                    None => ("·".to_string(), None),
                };
                let label: String = label.chars().take(2).collect();
                let style = app.theme.gutter(rank, app.doc.is_reported(qi));
                let g = Paragraph::new(Line::styled(label, style));
                frame.render_widget(
                    g,
                    Rect {
                        x: x0,
                        y,
                        width: GUTTER.min(col_width),
                        height: 1,
                    },
                );
            }
            if marks.note_in(line) {
                let mark = Paragraph::new(Line::styled(
                    "✎",
                    app.theme.dim().remove_modifier(Modifier::DIM),
                ));
                frame.render_widget(
                    mark,
                    Rect {
                        x: x0 + 2.min(col_width.saturating_sub(1)),
                        y,
                        width: 1,
                        height: 1,
                    },
                );
            }
            let spans = line_spans(app, &marks, line.clone(), base);
            let w = area.x + area.width - text_x;
            frame.render_widget(
                Paragraph::new(Line::from(spans)),
                Rect {
                    x: text_x,
                    y,
                    width: w,
                    height: 1,
                },
            );
            app.view
                .hits
                .borrow_mut()
                .rows
                .push((y, text_x, line.clone()));
        }
        pos = app.view.next_row(&app.doc.article, pos);
    }
}

fn draw_speakers(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.speakers_focused();
    let title = if focused {
        format!(
            " Speakers — {}: jump & limit, {}: back ",
            app.keymap.hint(KeyMode::Speakers, Action::SpeakerJump),
            app.keymap.hint(KeyMode::Speakers, Action::Back)
        )
    } else {
        " Speakers ".to_string()
    };
    let block = Block::default()
        .borders(Borders::LEFT | Borders::TOP | Borders::RIGHT | Borders::BOTTOM)
        .title(title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let width = inner.width as usize;
    let current_speaker = app.current.and_then(|q| app.doc.analysis.quotes[q].speaker);
    let mut lines: Vec<(Line<'static>, Option<usize>)> = Vec::new();
    if app.doc.analysing {
        lines.push((Line::styled("analysing…", app.theme.dim()), None));
    } else if app.doc.speaker_order.is_empty() {
        lines.push((Line::styled("no speakers found", app.theme.dim()), None));
    }
    // Rows before the selected speaker are one per speaker: only the rows that can show are
    // built (a long book has thousands of speakers).
    let h = inner.height as usize;
    let header = lines.len();
    let selected_at = header + app.speaker_sel;
    let start = (selected_at + 1).saturating_sub(h);
    let first = start.saturating_sub(header);
    for (pos, &s) in app.doc.speaker_order.iter().enumerate().skip(first) {
        if lines.len() >= h + header {
            break;
        }
        let sp = &app.doc.analysis.speakers[s];
        let rank = app.doc.speaker_rank[s];
        let selected = pos == app.speaker_sel;
        let mark = if current_speaker == Some(s) {
            "▶"
        } else {
            "●"
        };
        let count = statement_counts(app, &sp.quotes);
        let name_room = width.saturating_sub(2 + count.len());
        let name = fit(&text::printable(&sp.name), name_room);
        let mut name_style = Style::new();
        if selected && focused {
            name_style = app.theme.selected();
        } else if selected || current_speaker == Some(s) {
            name_style = name_style.add_modifier(Modifier::BOLD);
        }
        let pad = width.saturating_sub(2 + text::str_width(&name) + count.len());
        lines.push((
            Line::from(vec![
                Span::styled(format!("{mark} "), app.theme.gutter(Some(rank), false)),
                Span::styled(name, name_style),
                Span::raw(" ".repeat(pad)),
                Span::styled(count, app.theme.dim()),
            ]),
            Some(s),
        ));
        if selected {
            if let Some(d) = &sp.descriptor {
                lines.push((
                    Line::styled(
                        format!("  {}", fit(&text::printable(d), width.saturating_sub(2))),
                        app.theme.dim(),
                    ),
                    Some(s),
                ));
            }
            for &qi in sp.quotes.iter().take(h) {
                let q = &app.doc.analysis.quotes[qi];
                let words = first_words(&app.doc.article.text[q.span.clone()], 8);
                let reported = app.doc.is_reported(qi);
                let mut st = if reported {
                    app.theme.dim()
                } else {
                    Style::new()
                };
                if app.current == Some(qi) {
                    st = statement_style(app, qi);
                }
                // Quotations are listed with their marks; reported speech with a "~".
                let bullet = if reported { "~" } else { "·" };
                lines.push((
                    Line::styled(
                        format!(
                            "  {bullet} {}",
                            fit(&text::printable(&words), width.saturating_sub(4))
                        ),
                        st,
                    ),
                    Some(s),
                ));
            }
        }
    }
    // Keep the selected speaker in view: the header rows, then the speakers from `first`.
    let skip = if first > 0 { header } else { start.min(header) };
    for (i, (line, s)) in lines.into_iter().skip(skip).take(h).enumerate() {
        let y = inner.y + i as u16;
        frame.render_widget(
            Paragraph::new(line),
            Rect {
                x: inner.x,
                y,
                width: inner.width,
                height: 1,
            },
        );
        if let Some(s) = s {
            app.view.hits.borrow_mut().speakers.push((y, area.x, s));
        }
    }
}

/// A speaker's count in the pane: " 7" for quotations only, " 7+3" with 3 reported.
fn statement_counts(app: &App, statements: &[usize]) -> String {
    let reported = statements
        .iter()
        .filter(|&&q| app.doc.is_reported(q))
        .count();
    let quoted = statements.len() - reported;
    if reported == 0 {
        format!(" {quoted}")
    } else {
        format!(" {quoted}+{reported}")
    }
}

/// `s` cut to `cols` columns, with an ellipsis when cut.
fn fit(s: &str, cols: usize) -> String {
    if text::str_width(s) <= cols {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = text::width(c);
        if w + cw + 1 > cols {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let style = app.theme.status();
    let prompt = match &app.mode {
        Mode::Search { input, .. } => Some(format!("/{}█", text::printable(input))),
        Mode::Confirm(Question::DeleteNote { .. }) => Some(format!(
            " Delete this note? {} / {}",
            app.keymap.hint(KeyMode::Confirm, Action::Yes),
            app.keymap.hint(KeyMode::Confirm, Action::No)
        )),
        _ => None,
    };
    if let Some(p) = prompt {
        frame.render_widget(Paragraph::new(Line::styled(p, style)).style(style), area);
        return;
    }
    let name = text::printable(&app.doc.article.display_name());
    let pct = app.percent();
    let mut left = format!(" {name}  {pct}%");
    match app.statement_label() {
        Some(label) => {
            let who = app
                .current
                .and_then(|q| app.doc.speaker_name(q))
                .map_or("(speaker unknown)".to_string(), text::printable);
            left.push_str(&format!("  {label}  {who}"));
        }
        None if app.doc.analysing => left.push_str("  analysing…"),
        None => left.push_str(&format!("  {}", app.statement_count())),
    }
    if let Some(s) = app.speaker_limit {
        left.push_str(&format!(
            "  [only {}]",
            text::printable(&app.doc.analysis.speakers[s].name)
        ));
    }
    if !app.search.query.is_empty() && !app.search.matches.is_empty() {
        let i = app.search.current.map_or(0, |c| c + 1);
        left.push_str(&format!(
            "  /{} {}/{}",
            text::printable(&app.search.query),
            i,
            app.search.matches.len()
        ));
    }
    if let Some(i) = app.doc.notes.current {
        left.push_str(&format!("  note {}/{}", i + 1, app.doc.notes.placed.len()));
    }
    if let Some(n) = app.count {
        left.push_str(&format!("  {n}"));
    }
    if let Some(m) = &app.message {
        left.push_str(&format!("  — {}", text::printable(m)));
    }
    let right = format!("{} help ", app.keymap.hint(KeyMode::Reading, Action::Help));
    let width = area.width as usize;
    let room = width.saturating_sub(text::str_width(&right) + 1);
    let left = fit(&left, room);
    let pad = width.saturating_sub(text::str_width(&left) + text::str_width(&right));
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(right),
    ])
    .style(style);
    frame.render_widget(Paragraph::new(line).style(style), area);
}

/// The help screen's lines: per mode, a heading and its keys.
fn help_lines(keymap: &Keymap) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for (mode, rows) in keymap.help() {
        if rows.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push((String::new(), String::new(), false));
        }
        out.push((mode.title().to_string(), String::new(), true));
        for (k, d) in rows {
            out.push((k, d.to_string(), false));
        }
    }
    out
}

/// How many lines the help screen has (for scrolling).
pub fn help_rows(keymap: &Keymap) -> usize {
    help_lines(keymap).len()
}

fn draw_help(frame: &mut Frame, app: &App, area: Rect, scroll: usize) {
    let entries = help_lines(&app.keymap);
    let key_w = entries
        .iter()
        .filter(|e| !e.2)
        .map(|(k, _, _)| text::str_width(k))
        .max()
        .unwrap_or(4)
        .min(22);
    let w = area.width.saturating_sub(4).clamp(1, 84);
    let h = area.height.saturating_sub(2).max(1);
    let rect = Rect {
        x: (area.width - w) / 2,
        y: (area.height - h) / 2,
        width: w,
        height: h,
    };
    frame.render_widget(Clear, rect);
    let k = |a| app.keymap.hint(KeyMode::Help, a);
    let title = format!(
        " Keys — {} to close, {} {} to scroll ",
        k(Action::Back),
        k(Action::LineDown),
        k(Action::LineUp)
    );
    let block = Block::default().borders(Borders::ALL).title(title);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let desc_w = (inner.width as usize).saturating_sub(key_w + 2);
    let max_scroll = entries.len().saturating_sub(inner.height as usize);
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let lines: Vec<Line> = entries
        .iter()
        .skip(scroll.min(max_scroll))
        .map(|(k, d, heading)| {
            if *heading {
                Line::styled(
                    fit(k, inner.width as usize),
                    bold.add_modifier(Modifier::UNDERLINED),
                )
            } else {
                Line::from(vec![
                    Span::styled(format!("{:<key_w$}", fit(k, key_w)), bold),
                    Span::raw("  "),
                    Span::raw(fit(d, desc_w)),
                ])
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_of_names_and_descriptions() {
        assert_eq!(initials("Vladimir Putin"), "VP");
        assert_eq!(initials("a Pentagon spokesman"), "PS");
        assert_eq!(initials("the Kremlin press service"), "KS");
        assert_eq!(initials("The Guardian"), "TG");
        assert_eq!(initials("one stallholder"), "OS");
    }

    #[test]
    fn fit_cuts_with_ellipsis() {
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("abc", 4), "abc");
    }
}
