//! The link list: an article's links (number, text, address) in a box, and what choosing one
//! does — copy the address to the clipboard with OSC 52, or open it with `$BROWSER` when set.
//!
//! Self-contained so the reader can hook it to a key: keep a [`LinkList`] while the list is
//! open, draw it with [`draw`], move with [`LinkList::down`]/[`LinkList::up`], and on Enter
//! run the [`Choice`] that [`choose`] returns: [`Choice::Copy`] is the reader's
//! `Effect::Copy` (OSC 52); a browser that draws in the terminal needs the terminal suspended
//! around [`Choice::command`].

use crate::article::Link;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState};
use std::process::{Command, Stdio};

/// Which link is selected in the open list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LinkList {
    pub selected: usize,
}

impl LinkList {
    pub fn down(&mut self, links: &[Link]) {
        if self.selected + 1 < links.len() {
            self.selected += 1;
        }
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }
}

/// Draws the list over `area`: "[n] text — address", the selected one reversed.
pub fn draw(frame: &mut Frame, area: Rect, links: &[Link], list: &LinkList) {
    let items: Vec<ListItem> = links
        .iter()
        .map(|l| {
            ListItem::new(Line::from(vec![
                Span::styled(
                    format!("[{}] ", l.number),
                    Style::new().add_modifier(Modifier::BOLD),
                ),
                Span::raw(crate::text::printable(&l.text)),
                Span::styled(
                    format!("  {}", crate::text::printable(&l.url)),
                    Style::new().add_modifier(Modifier::DIM),
                ),
            ]))
        })
        .collect();
    let title = if links.is_empty() {
        " Links: none "
    } else {
        " Links (Enter: open or copy, Esc: close) "
    };
    let widget = List::new(items)
        .block(Block::default().borders(Borders::ALL).title(title))
        .highlight_style(Style::new().add_modifier(Modifier::REVERSED));
    let mut state = ListState::default().with_selected(Some(list.selected));
    frame.render_widget(Clear, area);
    frame.render_stateful_widget(widget, area, &mut state);
}

/// What choosing a link does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// Run the browser on the address (no shell: the address is one argument).
    Browse { program: String, args: Vec<String> },
    /// Put the address on the clipboard (the reader's `Effect::Copy`, OSC 52).
    Copy(String),
}

impl Choice {
    /// The browser's command, with its output kept off the reader's screen.
    pub fn command(&self) -> Option<Command> {
        let Choice::Browse { program, args } = self else {
            return None;
        };
        let mut cmd = Command::new(program);
        cmd.args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        Some(cmd)
    }
}

/// What to do with `url`, given the value of `$BROWSER` (`None` or empty: copy it). An
/// address with white space or control characters in it is never passed on.
pub fn choose(url: &str, browser: Option<&str>) -> Option<Choice> {
    if url.is_empty() || url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    // $BROWSER may list several commands separated by ':'; the first is used. "%s" in it
    // stands for the address; without one, the address comes last.
    let first = browser
        .and_then(|b| b.split(':').next())
        .map(str::trim)
        .filter(|b| !b.is_empty());
    let Some(command) = first else {
        return Some(Choice::Copy(url.to_string()));
    };
    let mut words = command.split_whitespace().map(str::to_string);
    let program = words.next()?;
    let mut args: Vec<String> = words.collect();
    if args.iter().any(|a| a.contains("%s")) {
        for a in &mut args {
            *a = a.replace("%s", url);
        }
    } else {
        args.push(url.to_string());
    }
    Some(Choice::Browse { program, args })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_browser_the_address_is_copied() {
        assert_eq!(
            choose("https://x.org/a", None),
            Some(Choice::Copy("https://x.org/a".into()))
        );
        assert_eq!(
            choose("https://x.org/a", Some("")),
            choose("https://x.org/a", None)
        );
    }

    #[test]
    fn the_browser_gets_the_address_as_one_argument() {
        assert_eq!(
            choose("https://x.org/a?b=1;rm", Some("firefox --new-tab:lynx")),
            Some(Choice::Browse {
                program: "firefox".into(),
                args: vec!["--new-tab".into(), "https://x.org/a?b=1;rm".into()],
            })
        );
        assert_eq!(
            choose("https://x.org", Some("w3m %s -no-mouse")),
            Some(Choice::Browse {
                program: "w3m".into(),
                args: vec!["https://x.org".into(), "-no-mouse".into()],
            })
        );
    }

    #[test]
    fn addresses_with_controls_or_spaces_are_refused() {
        assert_eq!(choose("https://x.org/\x1b]0;pwned\x07", None), None);
        assert_eq!(choose("https://x.org/a b", Some("firefox")), None);
    }

    #[test]
    fn the_selection_stays_in_the_list() {
        let link = |n| Link {
            number: n,
            text: "t".into(),
            url: "u".into(),
            marker: 0..0,
        };
        let links = vec![link(1), link(2)];
        let mut list = LinkList::default();
        list.up();
        list.down(&links);
        list.down(&links);
        assert_eq!(list.selected, 1);
    }
}
