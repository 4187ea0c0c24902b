//! Keys as data: one table maps (mode, key) to an action; the help screen and the README's
//! key list are generated from it, and the config file can rebind any action.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;

/// What the user can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    Quit,
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextParagraph,
    PrevParagraph,
    NextQuote,
    PrevQuote,
    NextSameSpeaker,
    PrevSameSpeaker,
    FocusSpeakers,
    TogglePane,
    Search,
    SearchNext,
    SearchPrev,
    Help,
    Narrower,
    Wider,
    SpeakerDown,
    SpeakerUp,
    SpeakerJump,
    Back,
    Annotate,
    StartSelection,
    NotesList,
    NextNote,
    PrevNote,
    EditNote,
    DeleteNote,
    UndoDelete,
    CorrectSpeaker,
    CaretCharForward,
    CaretCharBack,
    CaretWordForward,
    CaretWordBack,
    CaretSentenceForward,
    CaretSentenceBack,
    CaretParagraphForward,
    CaretParagraphBack,
    SwapSelectionEnds,
    ListDown,
    ListUp,
    ListOpen,
}

/// Where keys are read: the article, the speakers pane, or the help screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Reading,
    Speakers,
    Help,
    /// Choosing a passage with the keyboard (after `v`).
    Select,
    /// The notes list.
    Notes,
    /// Choosing the right speaker for a quotation.
    Picker,
}

impl Action {
    /// The name used in the config file.
    pub fn name(self) -> &'static str {
        ACTIONS.iter().find(|a| a.0 == self).map_or("?", |a| a.1)
    }
    pub fn description(self) -> &'static str {
        ACTIONS.iter().find(|a| a.0 == self).map_or("", |a| a.2)
    }
    pub fn from_name(name: &str) -> Option<Action> {
        ACTIONS.iter().find(|a| a.1 == name).map(|a| a.0)
    }
}

/// Every action with its config name and its help text, in help order.
pub const ACTIONS: &[(Action, &str, &str)] = &[
    (
        Action::NextQuote,
        "next_quote",
        "next quotation (only the chosen speaker's, when limited)",
    ),
    (Action::PrevQuote, "prev_quote", "previous quotation"),
    (
        Action::NextSameSpeaker,
        "next_same_speaker",
        "next quotation by the same speaker",
    ),
    (
        Action::PrevSameSpeaker,
        "prev_same_speaker",
        "previous quotation by the same speaker",
    ),
    (
        Action::FocusSpeakers,
        "focus_speakers",
        "focus the speakers pane",
    ),
    (
        Action::TogglePane,
        "toggle_pane",
        "show or hide the speakers pane",
    ),
    (Action::LineDown, "line_down", "scroll down a line"),
    (Action::LineUp, "line_up", "scroll up a line"),
    (Action::PageDown, "page_down", "scroll down a page"),
    (Action::PageUp, "page_up", "scroll up a page"),
    (
        Action::HalfPageDown,
        "half_page_down",
        "scroll down half a page",
    ),
    (Action::HalfPageUp, "half_page_up", "scroll up half a page"),
    (Action::Top, "top", "go to the start"),
    (Action::Bottom, "bottom", "go to the end"),
    (Action::NextParagraph, "next_paragraph", "next paragraph"),
    (
        Action::PrevParagraph,
        "prev_paragraph",
        "previous paragraph",
    ),
    (Action::Search, "search", "search the text"),
    (Action::SearchNext, "search_next", "next search match"),
    (Action::SearchPrev, "search_prev", "previous search match"),
    (Action::Narrower, "narrower", "narrower text column"),
    (Action::Wider, "wider", "wider text column"),
    (Action::Help, "help", "show or hide this help"),
    (Action::Quit, "quit", "quit"),
    (
        Action::SpeakerDown,
        "speaker_down",
        "speakers pane: next speaker",
    ),
    (
        Action::SpeakerUp,
        "speaker_up",
        "speakers pane: previous speaker",
    ),
    (
        Action::SpeakerJump,
        "speaker_jump",
        "speakers pane: jump to the speaker's first quotation and limit Tab to them",
    ),
    (
        Action::Back,
        "back",
        "back to the article (clears the speaker limit); close help",
    ),
];

/// A key as written in the table and the config file: "q", "ctrl-c", "shift-tab", "pagedown".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

impl Key {
    pub fn parse(s: &str) -> Option<Key> {
        let (ctrl, rest) = match s.strip_prefix("ctrl-") {
            Some(r) => (true, r),
            None => (false, s),
        };
        let code = match rest {
            "tab" => KeyCode::Tab,
            "shift-tab" | "backtab" => KeyCode::BackTab,
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "space" => KeyCode::Char(' '),
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "backspace" => KeyCode::Backspace,
            one if one.chars().count() == 1 => KeyCode::Char(one.chars().next()?),
            _ => return None,
        };
        Some(Key { code, ctrl })
    }

    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let code = match ev.code {
            // Terminals send Shift-Tab as BackTab, sometimes with SHIFT set.
            KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
            other => other,
        };
        code == self.code && ctrl == self.ctrl
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            write!(f, "Ctrl-")?;
        }
        match self.code {
            KeyCode::Tab => write!(f, "Tab"),
            KeyCode::BackTab => write!(f, "Shift-Tab"),
            KeyCode::Enter => write!(f, "Enter"),
            KeyCode::Esc => write!(f, "Esc"),
            KeyCode::Char(' ') => write!(f, "Space"),
            KeyCode::Up => write!(f, "↑"),
            KeyCode::Down => write!(f, "↓"),
            KeyCode::Left => write!(f, "←"),
            KeyCode::Right => write!(f, "→"),
            KeyCode::PageUp => write!(f, "PgUp"),
            KeyCode::PageDown => write!(f, "PgDn"),
            KeyCode::Home => write!(f, "Home"),
            KeyCode::End => write!(f, "End"),
            KeyCode::Backspace => write!(f, "Backspace"),
            KeyCode::Char(c) => write!(f, "{c}"),
            _ => write!(f, "?"),
        }
    }
}

/// The default bindings.
const DEFAULTS: &[(Mode, &str, Action)] = &[
    (Mode::Reading, "q", Action::Quit),
    (Mode::Reading, "ctrl-c", Action::Quit),
    (Mode::Reading, "j", Action::LineDown),
    (Mode::Reading, "down", Action::LineDown),
    (Mode::Reading, "k", Action::LineUp),
    (Mode::Reading, "up", Action::LineUp),
    (Mode::Reading, "space", Action::PageDown),
    (Mode::Reading, "pagedown", Action::PageDown),
    (Mode::Reading, "b", Action::PageUp),
    (Mode::Reading, "pageup", Action::PageUp),
    (Mode::Reading, "ctrl-d", Action::HalfPageDown),
    (Mode::Reading, "ctrl-u", Action::HalfPageUp),
    (Mode::Reading, "g", Action::Top),
    (Mode::Reading, "home", Action::Top),
    (Mode::Reading, "G", Action::Bottom),
    (Mode::Reading, "end", Action::Bottom),
    (Mode::Reading, "}", Action::NextParagraph),
    (Mode::Reading, "{", Action::PrevParagraph),
    (Mode::Reading, "tab", Action::NextQuote),
    (Mode::Reading, "shift-tab", Action::PrevQuote),
    (Mode::Reading, "]", Action::NextSameSpeaker),
    (Mode::Reading, "[", Action::PrevSameSpeaker),
    (Mode::Reading, "s", Action::FocusSpeakers),
    (Mode::Reading, "p", Action::TogglePane),
    (Mode::Reading, "/", Action::Search),
    (Mode::Reading, "n", Action::SearchNext),
    (Mode::Reading, "N", Action::SearchPrev),
    (Mode::Reading, "<", Action::Narrower),
    (Mode::Reading, ">", Action::Wider),
    (Mode::Reading, "?", Action::Help),
    (Mode::Reading, "esc", Action::Back),
    (Mode::Speakers, "j", Action::SpeakerDown),
    (Mode::Speakers, "down", Action::SpeakerDown),
    (Mode::Speakers, "k", Action::SpeakerUp),
    (Mode::Speakers, "up", Action::SpeakerUp),
    (Mode::Speakers, "enter", Action::SpeakerJump),
    (Mode::Speakers, "esc", Action::Back),
    (Mode::Speakers, "s", Action::Back),
    (Mode::Speakers, "q", Action::Quit),
    (Mode::Speakers, "ctrl-c", Action::Quit),
    (Mode::Speakers, "?", Action::Help),
    (Mode::Reading, "a", Action::Annotate),
    (Mode::Reading, "v", Action::StartSelection),
    (Mode::Reading, "L", Action::NotesList),
    (Mode::Reading, ".", Action::NextNote),
    (Mode::Reading, ",", Action::PrevNote),
    (Mode::Reading, "e", Action::EditNote),
    (Mode::Reading, "d", Action::DeleteNote),
    (Mode::Reading, "u", Action::UndoDelete),
    (Mode::Reading, "c", Action::CorrectSpeaker),
    (Mode::Select, "l", Action::CaretCharForward),
    (Mode::Select, "right", Action::CaretCharForward),
    (Mode::Select, "h", Action::CaretCharBack),
    (Mode::Select, "left", Action::CaretCharBack),
    (Mode::Select, "w", Action::CaretWordForward),
    (Mode::Select, "b", Action::CaretWordBack),
    (Mode::Select, ")", Action::CaretSentenceForward),
    (Mode::Select, "(", Action::CaretSentenceBack),
    (Mode::Select, "}", Action::CaretParagraphForward),
    (Mode::Select, "{", Action::CaretParagraphBack),
    (Mode::Select, "o", Action::SwapSelectionEnds),
    (Mode::Select, "a", Action::Annotate),
    (Mode::Select, "esc", Action::Back),
    (Mode::Select, "ctrl-c", Action::Quit),
    (Mode::Notes, "j", Action::ListDown),
    (Mode::Notes, "down", Action::ListDown),
    (Mode::Notes, "k", Action::ListUp),
    (Mode::Notes, "up", Action::ListUp),
    (Mode::Notes, "enter", Action::ListOpen),
    (Mode::Notes, "e", Action::EditNote),
    (Mode::Notes, "d", Action::DeleteNote),
    (Mode::Notes, "u", Action::UndoDelete),
    (Mode::Notes, "esc", Action::Back),
    (Mode::Notes, "L", Action::Back),
    (Mode::Notes, "ctrl-c", Action::Quit),
    (Mode::Picker, "down", Action::ListDown),
    (Mode::Picker, "up", Action::ListUp),
    (Mode::Picker, "enter", Action::ListOpen),
    (Mode::Picker, "esc", Action::Back),
    (Mode::Picker, "ctrl-c", Action::Quit),
    (Mode::Help, "?", Action::Help),
    (Mode::Help, "j", Action::LineDown),
    (Mode::Help, "down", Action::LineDown),
    (Mode::Help, "k", Action::LineUp),
    (Mode::Help, "up", Action::LineUp),
    (Mode::Help, "esc", Action::Back),
    (Mode::Help, "q", Action::Back),
    (Mode::Help, "ctrl-c", Action::Quit),
];

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(Mode, Key, Action)>,
}

impl Default for Keymap {
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .filter_map(|(m, k, a)| Key::parse(k).map(|k| (*m, k, *a)))
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// The action a key event asks for in a mode.
    pub fn action(&self, mode: Mode, ev: &KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(m, k, _)| *m == mode && k.matches(ev))
            .map(|(_, _, a)| *a)
    }

    /// Replaces the keys of `action` (in the modes where it is bound) with `keys`.
    pub fn rebind(&mut self, action: Action, keys: Vec<Key>) {
        let modes: Vec<Mode> = {
            let mut m: Vec<Mode> = self
                .bindings
                .iter()
                .filter(|b| b.2 == action)
                .map(|b| b.0)
                .collect();
            m.dedup();
            if m.is_empty() { vec![Mode::Reading] } else { m }
        };
        self.bindings.retain(|b| b.2 != action);
        for mode in modes {
            for k in &keys {
                // A key now bound here to the new action is taken from any other action.
                self.bindings.retain(|b| !(b.0 == mode && b.1 == *k));
                self.bindings.push((mode, k.clone(), action));
            }
        }
    }

    /// The keys bound to `action`, for help and the status line.
    pub fn keys_for(&self, action: Action) -> Vec<&Key> {
        let mut keys: Vec<&Key> = Vec::new();
        for (_, k, a) in &self.bindings {
            if *a == action && !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    }

    /// Help lines: keys and what they do, in the order of [`ACTIONS`].
    pub fn help(&self) -> Vec<(String, &'static str)> {
        ACTIONS
            .iter()
            .map(|(a, _, d)| {
                let keys: Vec<String> = self.keys_for(*a).iter().map(|k| k.to_string()).collect();
                (keys.join(" "), *d)
            })
            .filter(|(k, _)| !k.is_empty())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn defaults_map_keys_to_actions() {
        let k = Keymap::default();
        assert_eq!(
            k.action(Mode::Reading, &ev(KeyCode::Tab, KeyModifiers::NONE)),
            Some(Action::NextQuote)
        );
        assert_eq!(
            k.action(Mode::Reading, &ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevQuote)
        );
        assert_eq!(
            k.action(
                Mode::Reading,
                &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            k.action(Mode::Reading, &ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            k.action(Mode::Speakers, &ev(KeyCode::Enter, KeyModifiers::NONE)),
            Some(Action::SpeakerJump)
        );
    }

    #[test]
    fn rebinding_replaces_keys() {
        let mut k = Keymap::default();
        k.rebind(Action::NextQuote, vec![Key::parse("x").expect("key")]);
        assert_eq!(
            k.action(Mode::Reading, &ev(KeyCode::Char('x'), KeyModifiers::NONE)),
            Some(Action::NextQuote)
        );
        assert_eq!(
            k.action(Mode::Reading, &ev(KeyCode::Tab, KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn every_action_has_help_and_a_name() {
        let k = Keymap::default();
        let help = k.help();
        for (a, name, _) in ACTIONS {
            assert_eq!(Action::from_name(name), Some(*a));
            assert!(
                help.iter().any(|(_, d)| *d == a.description()),
                "{name} missing from help"
            );
        }
    }
}

/// The key table for the README, generated from the default keymap.
pub fn markdown_table(keymap: &Keymap) -> String {
    let mut out = String::from("| keys | what they do |\n|---|---|\n");
    for (keys, what) in keymap.help() {
        let keys = keys
            .split(' ')
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!("| {keys} | {what} |\n"));
    }
    out
}

#[cfg(test)]
mod readme_tests {
    use super::*;

    /// The README's key table is the keymap's: regenerate it from the failure message.
    #[test]
    fn readme_lists_every_key() {
        let readme = include_str!("../../README.md");
        let table = markdown_table(&Keymap::default());
        assert!(
            readme.contains(&table),
            "README key table is out of date; expected:\n{table}"
        );
    }
}
