//! Keys as data: one table maps (mode, key) to an action for every mode of the reader; the
//! help screen, the README's key table and every key hint are generated from it, and the
//! config file can rebind any action.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;
use strum::{EnumIter, IntoEnumIterator};

/// What the user can ask for. Every variant needs an entry in [`ACTIONS`] (a test checks).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter)]
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
    Percent,
    NextParagraph,
    PrevParagraph,
    NextQuote,
    PrevQuote,
    NextSameSpeaker,
    PrevSameSpeaker,
    ToggleQuotesOnly,
    FocusSpeakers,
    TogglePane,
    Search,
    SearchNext,
    SearchPrev,
    SetMark,
    GoToMark,
    Help,
    Narrower,
    Wider,
    CopyStatement,
    SpeakerDown,
    SpeakerUp,
    SpeakerJump,
    Back,
    Annotate,
    StartSelection,
    NotesList,
    LinksList,
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
    PromptSubmit,
    PromptCancel,
    PromptBackspace,
    HistoryPrev,
    HistoryNext,
    EditorSave,
    Yes,
    No,
}

/// Where keys are read. Each has its own part of the table and of the help screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, EnumIter)]
pub enum KeyMode {
    Reading,
    Speakers,
    Help,
    /// The search prompt (`/`): characters are typed, these keys act.
    Search,
    /// Choosing a passage with the keyboard (after `v`).
    Select,
    /// The notes list.
    Notes,
    /// The article's links.
    Links,
    /// Choosing the right speaker for a statement: characters filter.
    Picker,
    /// The note editor: characters are typed, these keys act.
    Editor,
    /// A yes/no question (discard a note? delete a note?).
    Confirm,
}

impl KeyMode {
    /// The heading of this mode's keys in help and the README.
    pub fn title(self) -> &'static str {
        match self {
            KeyMode::Reading => "Reading",
            KeyMode::Speakers => "Speakers pane (s)",
            KeyMode::Help => "Help (?)",
            KeyMode::Search => "Search prompt (/)",
            KeyMode::Select => "Keyboard selection (v)",
            KeyMode::Notes => "Notes list (L)",
            KeyMode::Links => "Links list (o)",
            KeyMode::Picker => "Speaker picker (c)",
            KeyMode::Editor => "Note editor (a, e)",
            KeyMode::Confirm => "Questions (y/n)",
        }
    }
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
        "next statement, from the screen (only the chosen speaker's when limited)",
    ),
    (
        Action::PrevQuote,
        "prev_quote",
        "previous statement, from the screen",
    ),
    (
        Action::NextSameSpeaker,
        "next_same_speaker",
        "next statement by the same speaker",
    ),
    (
        Action::PrevSameSpeaker,
        "prev_same_speaker",
        "previous statement by the same speaker",
    ),
    (
        Action::ToggleQuotesOnly,
        "toggle_quotes_only",
        "quotations only, or every statement (reported speech too)",
    ),
    (
        Action::FocusSpeakers,
        "focus_speakers",
        "focus the speakers pane",
    ),
    (
        Action::TogglePane,
        "toggle_pane",
        "show or hide the speakers pane (after a count: a percentage)",
    ),
    (Action::LineDown, "line_down", "down a line"),
    (Action::LineUp, "line_up", "up a line"),
    (Action::PageDown, "page_down", "down a page"),
    (Action::PageUp, "page_up", "up a page"),
    (Action::HalfPageDown, "half_page_down", "down half a page"),
    (Action::HalfPageUp, "half_page_up", "up half a page"),
    (
        Action::Top,
        "top",
        "go to the start (with a count N: line N)",
    ),
    (Action::Bottom, "bottom", "go to the end"),
    (
        Action::Percent,
        "percent",
        "after a count N: go to N% of the text (50%; 50p as in less works too)",
    ),
    (Action::NextParagraph, "next_paragraph", "next paragraph"),
    (
        Action::PrevParagraph,
        "prev_paragraph",
        "previous paragraph",
    ),
    (
        Action::Search,
        "search",
        "search from the screen (Enter alone repeats the last search)",
    ),
    (
        Action::SearchNext,
        "search_next",
        "next match, from the screen",
    ),
    (
        Action::SearchPrev,
        "search_prev",
        "previous match, from the screen",
    ),
    (
        Action::SetMark,
        "set_mark",
        "mark this place: then a letter",
    ),
    (
        Action::GoToMark,
        "go_to_mark",
        "go to a marked place: then its letter",
    ),
    (
        Action::CopyStatement,
        "copy_statement",
        "copy the current statement and its speaker (OSC 52)",
    ),
    (Action::Narrower, "narrower", "narrower text column"),
    (Action::Wider, "wider", "wider text column"),
    (
        Action::Annotate,
        "annotate",
        "write a note on the selection, the current statement or the top paragraph",
    ),
    (
        Action::StartSelection,
        "start_selection",
        "start a keyboard selection",
    ),
    (Action::NotesList, "notes_list", "list the notes"),
    (
        Action::LinksList,
        "links_list",
        "list the article's links (web pages, Markdown)",
    ),
    (Action::NextNote, "next_note", "next note"),
    (Action::PrevNote, "prev_note", "previous note"),
    (
        Action::EditNote,
        "edit_note",
        "edit the note on the current statement or the current note",
    ),
    (
        Action::DeleteNote,
        "delete_note",
        "delete the current note (asks first); with no current note: down half a page",
    ),
    (
        Action::UndoDelete,
        "undo_delete",
        "undo the deletion just made; otherwise: up half a page",
    ),
    (
        Action::CorrectSpeaker,
        "correct_speaker",
        "correct the current statement's speaker",
    ),
    (Action::Help, "help", "show or hide this help"),
    (Action::Quit, "quit", "quit"),
    (Action::SpeakerDown, "speaker_down", "next speaker"),
    (Action::SpeakerUp, "speaker_up", "previous speaker"),
    (
        Action::SpeakerJump,
        "speaker_jump",
        "jump to the speaker's first statement and limit Tab to them",
    ),
    (
        Action::CaretCharForward,
        "caret_char_forward",
        "caret a character on",
    ),
    (
        Action::CaretCharBack,
        "caret_char_back",
        "caret a character back",
    ),
    (
        Action::CaretWordForward,
        "caret_word_forward",
        "caret a word on",
    ),
    (
        Action::CaretWordBack,
        "caret_word_back",
        "caret a word back",
    ),
    (
        Action::CaretSentenceForward,
        "caret_sentence_forward",
        "caret a sentence on",
    ),
    (
        Action::CaretSentenceBack,
        "caret_sentence_back",
        "caret a sentence back",
    ),
    (
        Action::CaretParagraphForward,
        "caret_paragraph_forward",
        "caret a paragraph on",
    ),
    (
        Action::CaretParagraphBack,
        "caret_paragraph_back",
        "caret a paragraph back",
    ),
    (
        Action::SwapSelectionEnds,
        "swap_selection_ends",
        "move the other end of the selection",
    ),
    (Action::ListDown, "list_down", "next line of the list"),
    (Action::ListUp, "list_up", "previous line of the list"),
    (Action::ListOpen, "list_open", "go to it / choose it"),
    (Action::PromptSubmit, "prompt_submit", "search / choose"),
    (Action::PromptCancel, "prompt_cancel", "cancel"),
    (
        Action::PromptBackspace,
        "prompt_backspace",
        "erase a character (on an empty prompt: cancel)",
    ),
    (Action::HistoryPrev, "history_prev", "an earlier search"),
    (Action::HistoryNext, "history_next", "a later search"),
    (Action::EditorSave, "editor_save", "save the note"),
    (Action::Yes, "yes", "yes"),
    (Action::No, "no", "no"),
    (
        Action::Back,
        "back",
        "back: close, cancel, or clear the speaker limit and search highlights",
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
            // Ctrl-S, as terminals and manuals write it (the key is the same either case).
            KeyCode::Char(c) if self.ctrl => write!(f, "{}", c.to_ascii_uppercase()),
            KeyCode::Char(c) => write!(f, "{c}"),
            _ => write!(f, "?"),
        }
    }
}

/// The default bindings, by mode.
const DEFAULTS: &[(KeyMode, &str, Action)] = {
    use Action as A;
    use KeyMode as M;
    &[
        (M::Reading, "q", A::Quit),
        (M::Reading, "ctrl-c", A::Quit),
        (M::Reading, "j", A::LineDown),
        (M::Reading, "down", A::LineDown),
        (M::Reading, "k", A::LineUp),
        (M::Reading, "up", A::LineUp),
        (M::Reading, "space", A::PageDown),
        (M::Reading, "pagedown", A::PageDown),
        (M::Reading, "f", A::PageDown),
        (M::Reading, "b", A::PageUp),
        (M::Reading, "pageup", A::PageUp),
        (M::Reading, "ctrl-d", A::HalfPageDown),
        (M::Reading, "ctrl-u", A::HalfPageUp),
        (M::Reading, "g", A::Top),
        (M::Reading, "home", A::Top),
        (M::Reading, "G", A::Bottom),
        (M::Reading, "end", A::Bottom),
        (M::Reading, "%", A::Percent),
        (M::Reading, "}", A::NextParagraph),
        (M::Reading, "{", A::PrevParagraph),
        (M::Reading, "tab", A::NextQuote),
        (M::Reading, "shift-tab", A::PrevQuote),
        (M::Reading, "]", A::NextSameSpeaker),
        (M::Reading, "[", A::PrevSameSpeaker),
        (M::Reading, "i", A::ToggleQuotesOnly),
        (M::Reading, "s", A::FocusSpeakers),
        (M::Reading, "p", A::TogglePane),
        (M::Reading, "/", A::Search),
        (M::Reading, "n", A::SearchNext),
        (M::Reading, "N", A::SearchPrev),
        (M::Reading, "m", A::SetMark),
        (M::Reading, "'", A::GoToMark),
        (M::Reading, "y", A::CopyStatement),
        (M::Reading, "<", A::Narrower),
        (M::Reading, ">", A::Wider),
        (M::Reading, "a", A::Annotate),
        (M::Reading, "v", A::StartSelection),
        (M::Reading, "L", A::NotesList),
        (M::Reading, "o", A::LinksList),
        (M::Reading, ".", A::NextNote),
        (M::Reading, ",", A::PrevNote),
        (M::Reading, "e", A::EditNote),
        (M::Reading, "d", A::DeleteNote),
        (M::Reading, "u", A::UndoDelete),
        (M::Reading, "c", A::CorrectSpeaker),
        (M::Reading, "?", A::Help),
        (M::Reading, "esc", A::Back),
        (M::Speakers, "j", A::SpeakerDown),
        (M::Speakers, "down", A::SpeakerDown),
        (M::Speakers, "k", A::SpeakerUp),
        (M::Speakers, "up", A::SpeakerUp),
        (M::Speakers, "enter", A::SpeakerJump),
        (M::Speakers, "esc", A::Back),
        (M::Speakers, "s", A::Back),
        (M::Speakers, "?", A::Help),
        (M::Speakers, "q", A::Quit),
        (M::Speakers, "ctrl-c", A::Quit),
        (M::Help, "j", A::LineDown),
        (M::Help, "down", A::LineDown),
        (M::Help, "k", A::LineUp),
        (M::Help, "up", A::LineUp),
        (M::Help, "space", A::PageDown),
        (M::Help, "b", A::PageUp),
        (M::Help, "esc", A::Back),
        (M::Help, "?", A::Back),
        (M::Help, "q", A::Back),
        (M::Help, "ctrl-c", A::Quit),
        (M::Search, "enter", A::PromptSubmit),
        (M::Search, "esc", A::PromptCancel),
        (M::Search, "ctrl-c", A::PromptCancel),
        (M::Search, "backspace", A::PromptBackspace),
        (M::Search, "up", A::HistoryPrev),
        (M::Search, "down", A::HistoryNext),
        (M::Select, "l", A::CaretCharForward),
        (M::Select, "right", A::CaretCharForward),
        (M::Select, "h", A::CaretCharBack),
        (M::Select, "left", A::CaretCharBack),
        (M::Select, "w", A::CaretWordForward),
        (M::Select, "b", A::CaretWordBack),
        (M::Select, ")", A::CaretSentenceForward),
        (M::Select, "(", A::CaretSentenceBack),
        (M::Select, "}", A::CaretParagraphForward),
        (M::Select, "{", A::CaretParagraphBack),
        (M::Select, "o", A::SwapSelectionEnds),
        (M::Select, "a", A::Annotate),
        (M::Select, "esc", A::Back),
        (M::Select, "ctrl-c", A::Quit),
        (M::Notes, "j", A::ListDown),
        (M::Notes, "down", A::ListDown),
        (M::Notes, "k", A::ListUp),
        (M::Notes, "up", A::ListUp),
        (M::Notes, "enter", A::ListOpen),
        (M::Notes, "e", A::EditNote),
        (M::Notes, "d", A::DeleteNote),
        (M::Notes, "u", A::UndoDelete),
        (M::Notes, "esc", A::Back),
        (M::Notes, "L", A::Back),
        (M::Notes, "ctrl-c", A::Quit),
        (M::Links, "j", A::ListDown),
        (M::Links, "down", A::ListDown),
        (M::Links, "k", A::ListUp),
        (M::Links, "up", A::ListUp),
        (M::Links, "enter", A::ListOpen),
        (M::Links, "esc", A::Back),
        (M::Links, "q", A::Back),
        (M::Links, "o", A::Back),
        (M::Links, "ctrl-c", A::Quit),
        (M::Picker, "down", A::ListDown),
        (M::Picker, "up", A::ListUp),
        (M::Picker, "enter", A::ListOpen),
        (M::Picker, "backspace", A::PromptBackspace),
        (M::Picker, "esc", A::Back),
        (M::Picker, "ctrl-c", A::Back),
        (M::Editor, "ctrl-s", A::EditorSave),
        (M::Editor, "esc", A::Back),
        (M::Confirm, "y", A::Yes),
        (M::Confirm, "n", A::No),
        (M::Confirm, "esc", A::No),
    ]
};

/// A binding the config took from another action, for the warning at start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Taken {
    pub key: String,
    pub mode: KeyMode,
    pub from: Action,
    pub to: Action,
}

#[derive(Debug, Clone)]
pub struct Keymap {
    bindings: Vec<(KeyMode, Key, Action)>,
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
    pub fn action(&self, mode: KeyMode, ev: &KeyEvent) -> Option<Action> {
        self.bindings
            .iter()
            .find(|(m, k, _)| *m == mode && k.matches(ev))
            .map(|(_, _, a)| *a)
    }

    /// Replaces the keys of `action` (in the modes where it is bound) with `keys`; returns the
    /// bindings it took from other actions (the caller warns about them).
    pub fn rebind(&mut self, action: Action, keys: Vec<Key>) -> Vec<Taken> {
        let mut modes: Vec<KeyMode> = Vec::new();
        for b in self.bindings.iter().filter(|b| b.2 == action) {
            if !modes.contains(&b.0) {
                modes.push(b.0);
            }
        }
        if modes.is_empty() {
            modes.push(KeyMode::Reading);
        }
        self.bindings.retain(|b| b.2 != action);
        let mut taken = Vec::new();
        for mode in modes {
            for k in &keys {
                for b in self.bindings.iter().filter(|b| b.0 == mode && b.1 == *k) {
                    taken.push(Taken {
                        key: k.to_string(),
                        mode,
                        from: b.2,
                        to: action,
                    });
                }
                self.bindings.retain(|b| !(b.0 == mode && b.1 == *k));
                self.bindings.push((mode, k.clone(), action));
            }
        }
        taken
    }

    /// The keys bound to `action` in `mode`.
    pub fn keys_in(&self, mode: KeyMode, action: Action) -> Vec<&Key> {
        let mut keys: Vec<&Key> = Vec::new();
        for (m, k, a) in &self.bindings {
            if *m == mode && *a == action && !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    }

    /// The keys bound to `action` in any mode.
    pub fn keys_for(&self, action: Action) -> Vec<&Key> {
        let mut keys: Vec<&Key> = Vec::new();
        for (_, k, a) in &self.bindings {
            if *a == action && !keys.contains(&k) {
                keys.push(k);
            }
        }
        keys
    }

    /// The first key for `action` in `mode`, for hints ("press Tab first"); "(unbound)" if none.
    pub fn hint(&self, mode: KeyMode, action: Action) -> String {
        self.keys_in(mode, action)
            .first()
            .map_or_else(|| format!("({} unbound)", action.name()), |k| k.to_string())
    }

    /// Help: per mode, its keys and what they do, in the order of [`ACTIONS`].
    pub fn help(&self) -> Vec<(KeyMode, Vec<(String, &'static str)>)> {
        KeyMode::iter()
            .map(|mode| {
                let rows = ACTIONS
                    .iter()
                    .map(|(a, _, d)| {
                        let keys: Vec<String> = self
                            .keys_in(mode, *a)
                            .iter()
                            .map(|k| k.to_string())
                            .collect();
                        (keys.join(" "), *d)
                    })
                    .filter(|(k, _)| !k.is_empty())
                    .collect();
                (mode, rows)
            })
            .collect()
    }
}

/// The key table for the README, generated from the default keymap: one table per mode.
pub fn markdown_table(keymap: &Keymap) -> String {
    let mut out = String::new();
    for (mode, rows) in keymap.help() {
        out.push_str(&format!(
            "**{}**\n\n| keys | what they do |\n|---|---|\n",
            mode.title()
        ));
        for (keys, what) in rows {
            let keys = keys
                .split(' ')
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(" ");
            out.push_str(&format!("| {keys} | {what} |\n"));
        }
        out.push('\n');
    }
    out
}

/// Every action, as the compiler knows them (not as the table lists them).
pub fn all_actions() -> impl Iterator<Item = Action> {
    Action::iter()
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
            k.action(KeyMode::Reading, &ev(KeyCode::Tab, KeyModifiers::NONE)),
            Some(Action::NextQuote)
        );
        assert_eq!(
            k.action(KeyMode::Reading, &ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PrevQuote)
        );
        assert_eq!(
            k.action(
                KeyMode::Reading,
                &ev(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            k.action(
                KeyMode::Reading,
                &ev(KeyCode::Char('G'), KeyModifiers::SHIFT)
            ),
            Some(Action::Bottom)
        );
        assert_eq!(
            k.action(KeyMode::Speakers, &ev(KeyCode::Enter, KeyModifiers::NONE)),
            Some(Action::SpeakerJump)
        );
    }

    #[test]
    fn rebinding_replaces_keys_and_reports_what_it_took() {
        let mut k = Keymap::default();
        let taken = k.rebind(Action::NextQuote, vec![Key::parse("x").expect("key")]);
        assert!(taken.is_empty());
        assert_eq!(
            k.action(
                KeyMode::Reading,
                &ev(KeyCode::Char('x'), KeyModifiers::NONE)
            ),
            Some(Action::NextQuote)
        );
        assert_eq!(
            k.action(KeyMode::Reading, &ev(KeyCode::Tab, KeyModifiers::NONE)),
            None
        );
        let taken = k.rebind(Action::PrevQuote, vec![Key::parse("N").expect("key")]);
        assert_eq!(taken.len(), 1);
        assert_eq!(taken[0].from, Action::SearchPrev);
    }

    /// The compiler's list of actions, compared with the table: an action added to the enum
    /// without a name, a description and a default key fails here.
    #[test]
    fn every_action_has_a_name_help_and_a_key() {
        let k = Keymap::default();
        let help = k.help();
        for a in all_actions() {
            let entry = ACTIONS.iter().find(|e| e.0 == a);
            let Some((_, name, what)) = entry else {
                panic!("{a:?} has no entry in ACTIONS");
            };
            assert_eq!(Action::from_name(name), Some(a));
            assert!(
                help.iter()
                    .any(|(_, rows)| rows.iter().any(|(_, d)| d == what)),
                "{a:?} ({name}) has no key, so help does not list it"
            );
        }
    }
}

#[cfg(test)]
mod readme_tests {
    use super::*;

    /// The README's key tables are the keymap's: regenerate them from the failure message.
    #[test]
    fn readme_lists_every_key() {
        let readme = include_str!("../../README.md");
        let table = markdown_table(&Keymap::default());
        assert!(
            readme.contains(&table),
            "README key table is out of date; expected:\n{table}"
        );
        for a in all_actions() {
            assert!(
                readme.contains(&format!("`{}`", a.name())),
                "README does not name the action `{}` for the config file",
                a.name()
            );
        }
    }
}
