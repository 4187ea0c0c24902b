//! Markdown articles, rendered for reading: headings, emphasis, numbered and bulleted lists
//! (nested ones indented), tables as aligned columns, footnotes as numbered notes, links as
//! numbered references ("text [1]"), code and block quotes. Attribution and notes work on the
//! rendered text; a segment map leads back to the file's bytes.

use super::page::{Link, is_followable};
use super::{TextStyle, source_map::SourceMap};
use crate::layout::{LINE_BREAK, wrap};
use crate::text::str_width;
use pulldown_cmark::{Alignment, Event, Options, Parser, Tag, TagEnd};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Tables are laid out to fit this many columns (the reader's column is at most 80 wide).
pub const TABLE_WIDTH: usize = 80;
/// The narrowest a table column is squeezed to before its cells wrap.
const MIN_COLUMN: usize = 6;
const COLUMN_GAP: &str = " │ ";
/// Tables wider than this many columns are not laid out: their rows are cells joined by the
/// column gap (a hostile table must not cost columns × width).
const MAX_TABLE_COLUMNS: usize = 32;
/// Nested lists are indented up to this depth; deeper ones line up with it (indenting by
/// depth would make the text grow with the square of the nesting).
pub const MAX_INDENT_LEVELS: usize = 8;

pub struct Rendered {
    pub text: String,
    pub map: SourceMap,
    pub styles: Vec<(Range<usize>, TextStyle)>,
    pub links: Vec<Link>,
}

pub fn render(src: &str) -> Rendered {
    let mut r = Renderer::default();
    let options =
        Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    for (ev, range) in Parser::new_ext(src, options).into_offset_iter() {
        r.event(ev, src, range);
    }
    let trimmed = r.out.trim_end().len();
    r.out.truncate(trimmed);
    r.styles
        .retain(|(s, _)| s.end <= r.out.len() && s.start < s.end);
    r.styles.sort_by_key(|(s, _)| s.start);
    Rendered {
        text: r.out,
        map: SourceMap::Segments(r.segs),
        styles: r.styles,
        links: r.links,
    }
}

/// A table being collected: rows of cells, each cell its text and where its pieces came from.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Cell>>,
    header_rows: usize,
    alignments: Vec<Alignment>,
}

#[derive(Default)]
struct Cell {
    text: String,
    /// (offset in `text`, offset in the source) where each piece starts.
    segs: Vec<(usize, usize)>,
}

#[derive(Default)]
struct Renderer {
    out: String,
    segs: Vec<(usize, usize)>,
    styles: Vec<(Range<usize>, TextStyle)>,
    open: Vec<(usize, TextStyle)>,
    /// Each open list: the next number of an ordered list, or None for bullets.
    lists: Vec<Option<u64>>,
    /// A list marker or note number was just written: the next paragraph continues its line.
    after_marker: bool,
    /// Open links: (address, where the link text starts).
    open_links: Vec<(String, usize)>,
    links: Vec<Link>,
    footnotes: FxHashMap<String, usize>,
    table: Option<Table>,
}

impl Renderer {
    fn event(&mut self, ev: Event, src: &str, range: Range<usize>) {
        match ev {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(t) => self.text(&t, range.start),
            Event::Code(t) => {
                // The code's text starts after its opening backticks.
                let whole = src.get(range.clone()).unwrap_or("");
                let at = range.start + whole.len() - whole.trim_start_matches('`').len();
                let start = self.out.len();
                self.text(&t, at);
                if self.table.is_none() {
                    self.styles.push((start..self.out.len(), TextStyle::Code));
                }
            }
            Event::SoftBreak | Event::HardBreak => self.push(" "),
            Event::Rule => self.block(),
            Event::FootnoteReference(label) => {
                let n = self.footnote_number(&label);
                self.marker(&superscript(n));
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            // A paragraph right after a list marker or in a table cell continues the line.
            Tag::Paragraph if self.after_marker || self.table.is_some() => {}
            Tag::Paragraph if self.lists.is_empty() => self.block(),
            Tag::Paragraph => {
                // A second paragraph in a list item: a new line at the item's indent.
                self.line_break();
                self.indent(self.lists.len());
            }
            Tag::CodeBlock(_) => {
                self.block();
                self.open.push((self.out.len(), TextStyle::Code));
            }
            Tag::Heading { .. } => {
                self.block();
                self.open.push((self.out.len(), TextStyle::Heading));
            }
            Tag::BlockQuote(_) => {
                self.block();
                self.open.push((self.out.len(), TextStyle::BlockQuote));
            }
            Tag::List(start) => self.lists.push(start),
            Tag::Item => self.item(),
            Tag::Emphasis => self.open.push((self.out.len(), TextStyle::Emphasis)),
            Tag::Strong => self.open.push((self.out.len(), TextStyle::Strong)),
            Tag::Link { dest_url, .. } => {
                let at = self.table_text_len().unwrap_or(self.out.len());
                self.open_links.push((dest_url.to_string(), at));
            }
            Tag::FootnoteDefinition(label) => {
                self.block();
                let n = self.footnote_number(&label);
                self.marker(&superscript(n));
                self.push(" ");
                self.after_marker = true;
            }
            Tag::Table(alignments) => {
                self.block();
                self.table = Some(Table {
                    alignments,
                    ..Table::default()
                });
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Cell::default());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::Emphasis
            | TagEnd::Strong => {
                if let Some((start, style)) = self.open.pop()
                    && self.table.is_none()
                {
                    let end = self.out.trim_end().len().max(start);
                    self.styles.push((start..end, style));
                }
                if matches!(
                    end,
                    TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock
                ) {
                    self.block();
                }
            }
            TagEnd::List(_) => {
                self.lists.pop();
                if self.lists.is_empty() {
                    self.block();
                }
            }
            TagEnd::Link => self.close_link(),
            TagEnd::FootnoteDefinition => self.block(),
            TagEnd::TableHead => {
                if let Some(t) = &mut self.table {
                    t.header_rows = t.rows.len();
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    self.write_table(&table);
                    self.block();
                }
            }
            _ => {}
        }
    }

    /// Text from the source at `at`: into the current table cell, or the article.
    fn text(&mut self, t: &str, at: usize) {
        self.after_marker = false;
        if let Some(cell) = self.current_cell() {
            cell.segs.push((cell.text.len(), at));
            cell.text.push_str(t);
            return;
        }
        if self.in_code_block() {
            self.code_lines(t, at);
            return;
        }
        self.segs.push((self.out.len(), at));
        self.out.push_str(t);
    }

    fn in_code_block(&self) -> bool {
        self.open.last().is_some_and(|(_, s)| *s == TextStyle::Code)
    }

    /// Code kept verbatim: its lines (blank ones too) stay lines of one paragraph.
    fn code_lines(&mut self, t: &str, at: usize) {
        let mut offset = 0;
        for line in t.split_inclusive('\n') {
            if !self.out.is_empty() && !self.out.ends_with("\n\n") {
                self.out.push(LINE_BREAK);
            }
            self.segs.push((self.out.len(), at + offset));
            self.out.push_str(line.strip_suffix('\n').unwrap_or(line));
            offset += line.len();
        }
    }

    /// Text quoth adds (markers, spaces): not from the source.
    fn push(&mut self, s: &str) {
        match self.current_cell() {
            Some(cell) => cell.text.push_str(s),
            None => self.out.push_str(s),
        }
    }

    fn current_cell(&mut self) -> Option<&mut Cell> {
        self.table
            .as_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
    }

    fn table_text_len(&mut self) -> Option<usize> {
        self.current_cell().map(|c| c.text.len())
    }

    /// A reference marker ("[2]"), shown like a link address.
    fn marker(&mut self, m: &str) {
        if self.table.is_some() {
            self.push(m);
            return;
        }
        let start = self.out.len();
        self.out.push_str(m);
        self.styles.push((start..self.out.len(), TextStyle::Url));
    }

    fn close_link(&mut self) {
        let Some((url, start)) = self.open_links.pop() else {
            return;
        };
        let text = match self.current_cell() {
            Some(cell) => cell.text.get(start..).unwrap_or("").trim().to_string(),
            None => self.out.get(start..).unwrap_or("").trim().to_string(),
        };
        if text.is_empty() || !is_followable(&url) {
            return;
        }
        let number = self.links.len() + 1;
        self.push(" ");
        let at = self.out.len();
        self.marker(&format!("[{number}]"));
        let marker = if self.table.is_some() {
            // Placed when the table is laid out; the list keeps the number and address.
            0..0
        } else {
            at..self.out.len()
        };
        self.links.push(Link {
            number,
            text,
            url,
            marker,
        });
    }

    fn footnote_number(&mut self, label: &str) -> usize {
        let next = self.footnotes.len() + 1;
        *self.footnotes.entry(label.to_string()).or_insert(next)
    }

    /// Ends the paragraph being written.
    fn block(&mut self) {
        self.after_marker = false;
        let trimmed = self.out.trim_end_matches([' ', '\n', LINE_BREAK]).len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() {
            self.out.push_str("\n\n");
        }
    }

    /// A new line in the same paragraph.
    fn line_break(&mut self) {
        let trimmed = self.out.trim_end_matches(' ').len();
        self.out.truncate(trimmed);
        if !self.out.is_empty() && !self.out.ends_with(['\n', LINE_BREAK]) {
            self.out.push(LINE_BREAK);
        }
    }

    fn indent(&mut self, depth: usize) {
        let levels = depth.saturating_sub(1).min(MAX_INDENT_LEVELS);
        self.out.push_str(&"   ".repeat(levels));
    }

    /// A list item: on its own line, indented by depth, with its number or bullet.
    fn item(&mut self) {
        self.line_break();
        self.indent(self.lists.len());
        match self.lists.last_mut() {
            Some(Some(n)) => {
                self.out.push_str(&format!("{n}. "));
                *n += 1;
            }
            _ => self.out.push_str("• "),
        }
        self.after_marker = true;
    }

    /// Writes a table as aligned columns, fitted to [`TABLE_WIDTH`], cells wrapped to their
    /// column; rows are lines of one paragraph, a rule under the header.
    fn write_table(&mut self, table: &Table) {
        if table.rows.iter().any(|r| r.len() > MAX_TABLE_COLUMNS) {
            self.write_rows_unaligned(table);
            return;
        }
        let widths = column_widths(table);
        for (i, row) in table.rows.iter().enumerate() {
            let wrapped: Vec<Vec<Range<usize>>> = widths
                .iter()
                .enumerate()
                .map(|(c, &w)| {
                    row.get(c)
                        .map(|cell| wrap(&cell.text, 0..cell.text.len(), w))
                        .unwrap_or_default()
                })
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(0).max(1);
            for line in 0..height {
                self.line_break();
                for (c, &w) in widths.iter().enumerate() {
                    if c > 0 {
                        self.out.push_str(COLUMN_GAP);
                    }
                    let piece = row
                        .get(c)
                        .zip(wrapped[c].get(line))
                        .map(|(cell, r)| (cell, trim_range(&cell.text, r.clone())));
                    let shown = piece
                        .as_ref()
                        .map_or(0, |(cell, r)| str_width(&cell.text[r.clone()]));
                    let pad = " ".repeat(w.saturating_sub(shown));
                    let right = table.alignments.get(c) == Some(&Alignment::Right);
                    if right {
                        self.out.push_str(&pad);
                    }
                    if let Some((cell, r)) = piece {
                        self.place(cell, r);
                    }
                    if !right {
                        self.out.push_str(&pad);
                    }
                }
                let trimmed = self.out.trim_end_matches(' ').len();
                self.out.truncate(trimmed);
            }
            if i + 1 == table.header_rows {
                self.line_break();
                let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w)).collect();
                self.out.push_str(&rule.join("─┼─"));
            }
        }
    }

    /// Each row on its line, cells joined by the column gap, without padding.
    fn write_rows_unaligned(&mut self, table: &Table) {
        for row in &table.rows {
            self.line_break();
            for (c, cell) in row.iter().enumerate() {
                if c > 0 {
                    self.out.push_str(COLUMN_GAP);
                }
                self.place(cell, trim_range(&cell.text, 0..cell.text.len()));
            }
        }
    }

    /// Copies part of a cell into the article, keeping where each piece came from.
    fn place(&mut self, cell: &Cell, r: Range<usize>) {
        let base = self.out.len();
        let first = cell.segs.partition_point(|(t, _)| *t <= r.start);
        if let Some(&(t, s)) = first.checked_sub(1).and_then(|i| cell.segs.get(i)) {
            self.segs.push((base, s + (r.start - t)));
        }
        for &(t, s) in &cell.segs[first..] {
            if t >= r.end {
                break;
            }
            self.segs.push((base + t - r.start, s));
        }
        self.out.push_str(&cell.text[r]);
    }
}

/// A footnote's number as superscript digits ("¹²"), unlike a link's "[1]".
fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .bytes()
        .map(|b| DIGITS[usize::from(b - b'0')])
        .collect()
}

fn trim_range(s: &str, r: Range<usize>) -> Range<usize> {
    let piece = &s[r.clone()];
    let start = r.start + piece.len() - piece.trim_start().len();
    start..start + piece.trim().len()
}

/// Each column as wide as its widest cell, then the widest columns narrowed until the table
/// fits [`TABLE_WIDTH`] (never below [`MIN_COLUMN`]).
fn column_widths(table: &Table) -> Vec<usize> {
    let columns = table.rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths: Vec<usize> = (0..columns)
        .map(|c| {
            table
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|cell| str_width(cell.text.trim()))
                .max()
                .unwrap_or(0)
                .max(1)
        })
        .collect();
    let gaps = columns.saturating_sub(1) * str_width(COLUMN_GAP);
    let budget = TABLE_WIDTH.saturating_sub(gaps);
    // The widest cap (not below MIN_COLUMN) at which the capped widths fit, by bisection.
    let fits = |cap: usize| widths.iter().map(|&w| w.min(cap)).sum::<usize>() <= budget;
    let (mut lo, mut hi) = (
        MIN_COLUMN,
        widths.iter().copied().max().unwrap_or(0).max(MIN_COLUMN),
    );
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(mid) { lo = mid } else { hi = mid - 1 }
    }
    for w in &mut widths {
        *w = (*w).min(lo);
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_blocks_and_keeps_offsets() {
        let src = "# Title\n\nSome *emphasis* and a [link](https://x.org).\n\n- one\n- two\n\n> “Quoted,” she said.\n";
        let r = render(src);
        assert!(
            r.text.starts_with("Title\n\nSome emphasis and a link [1]."),
            "{:?}",
            r.text
        );
        assert!(r.text.contains("• one\u{2028}• two"), "{:?}", r.text);
        let q = r.text.find('“').expect("quote");
        assert_eq!(
            r.map.to_source(&r.text, q),
            src.find('“').expect("quote in source")
        );
        assert!(r.styles.iter().any(|(_, s)| *s == TextStyle::Heading));
        assert_eq!(r.links.len(), 1);
        assert_eq!(r.links[0].url, "https://x.org");
        assert_eq!(&r.text[r.links[0].marker.clone()], "[1]");
    }

    #[test]
    fn ordered_lists_are_numbered_and_nested_ones_indented() {
        let r = render("3. three\n4. four\n   1. inner\n   2. inner two\n5. five\n");
        assert_eq!(
            r.text,
            "3. three\u{2028}4. four\u{2028}   1. inner\u{2028}   2. inner two\u{2028}5. five"
        );
    }

    #[test]
    fn wide_tables_fit_and_huge_ones_stay_cheap() {
        let long = "word ".repeat(40);
        let src = format!("| a | b |\n|---|---|\n| {long} | {long} |\n");
        let r = render(&src);
        assert!(
            r.text
                .split(LINE_BREAK)
                .all(|l| str_width(l) <= TABLE_WIDTH),
            "{}",
            r.text
        );
        let many = "| x ".repeat(5000) + "|\n" + &"|---".repeat(5000) + "|\n";
        let r = render(&many);
        assert!(r.text.len() < 5000 * 8, "{}", r.text.len());
    }

    #[test]
    fn deeply_nested_lists_grow_the_text_linearly() {
        let size = |n: usize| render(&format!("{}text\n", "- ".repeat(n))).text.len();
        let (small, big) = (size(500), size(4000));
        assert!(big <= 10 * small, "{small} → {big}");
    }

    #[test]
    fn deep_lists_stop_indenting() {
        let src: String = (0..200)
            .map(|d| format!("{}- item\n", "  ".repeat(d)))
            .collect();
        let r = render(&src);
        let widest = r.text.split(LINE_BREAK).map(str::len).max().unwrap_or(0);
        assert!(widest <= 3 * MAX_INDENT_LEVELS + 16, "{widest}");
    }

    #[test]
    fn footnotes_are_numbered_notes() {
        let r = render("A claim.[^src]\n\n[^src]: Where it came from.\n");
        assert_eq!(r.text, "A claim.¹\n\n¹ Where it came from.");
    }

    #[test]
    fn table_cells_line_up_and_map_to_the_source() {
        let src = "| Option | Cost |\n|---|---|\n| Light rail | $1.2bn |\n";
        let r = render(src);
        let lines: Vec<&str> = r.text.split(LINE_BREAK).collect();
        assert_eq!(
            lines,
            [
                "Option     │ Cost",
                "───────────┼───────",
                "Light rail │ $1.2bn"
            ]
        );
        let at = r.text.find("$1.2bn").expect("cell");
        assert_eq!(
            r.map.to_source(&r.text, at),
            src.find("$1.2bn").expect("src")
        );
    }
}
