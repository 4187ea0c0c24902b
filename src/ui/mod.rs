//! The terminal reader. The only module that talks to a terminal.
//!
//! [`app`] holds the state and the pure `update`; [`keymap`] maps keys to actions as data;
//! [`render`] draws; [`terminal`] enters and always leaves the full-screen mode.

pub mod app;
pub mod config;
pub mod keymap;
pub mod layout;
pub mod notes_ui;
pub mod position;
pub mod render;
pub mod terminal;
pub mod text;
pub mod theme;

use crate::article::Article;
use crate::attribution;
use app::{App, Event};
use crossterm::event::{
    self, Event as CtEvent, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use std::sync::atomic::Ordering;
use std::time::Duration;

/// Why the reader could not run.
#[derive(Debug)]
pub enum UiError {
    /// The config file is unusable; the message names the file and the line.
    Config(String),
    Io(std::io::Error),
}

impl std::fmt::Display for UiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UiError::Config(m) => write!(f, "{m}"),
            UiError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Builds the reader's state for an article, with the user's config.
pub fn build_app(article: Article) -> Result<App, UiError> {
    let config = config::load(config::default_path().as_deref()).map_err(UiError::Config)?;
    let analysis = attribution::analyse(&article);
    let theme = theme::Theme::from_env(config.palette);
    Ok(App::new(article, analysis, config.keymap, theme))
}

/// Opens the reader on an article and runs until the user quits.
pub fn run(article: Article, notes: Option<std::path::PathBuf>) -> Result<(), UiError> {
    let mut app = build_app(article)?;
    // Notes on standard input live in the data folder, keyed by the text's hash.
    let sidecar = notes.or_else(|| match app.article.path.as_deref() {
        Some(p) => Some(crate::notes::store::sidecar_path(p)),
        None => {
            crate::notes::store::data_path(&crate::notes::store::fingerprint(&app.article.text))
        }
    });
    if let Some(path) = sidecar {
        match crate::notes::Store::open(path.clone(), &app.article.text) {
            Ok(store) => app.attach_notes(store),
            Err(e) => app.message = Some(format!("notes unavailable: {}: {e}", path.display())),
        }
    }
    let key = app.article.path.as_deref().map(position::key_for);
    let state = position::state_file();
    let mut term = terminal::enter().map_err(UiError::Io)?;
    let result = event_loop(&mut term, &mut app, key.as_deref(), state.as_deref());
    terminal::leave();
    if let (Some(k), Some(f)) = (key.as_deref(), state.as_deref()) {
        let offset = app.top_offset();
        let _ = position::save(f, k, position::position_at(&app.article.text, offset));
    }
    result.map_err(UiError::Io)
}

fn event_loop(
    term: &mut terminal::Term,
    app: &mut App,
    key: Option<&str>,
    state: Option<&std::path::Path>,
) -> std::io::Result<()> {
    let stop = terminal::termination_flag();
    let size = term.size()?;
    app::update(app, Event::Resize(size.width, size.height));
    if let (Some(k), Some(f)) = (key, state)
        && let Some(pos) = position::load(f, k)
    {
        let offset = position::find(&app.article.text, &pos);
        app.top = app.pos_of_offset(offset);
    }
    while !app.quit {
        term.draw(|f| render::draw(f, app))?;
        if stop.load(Ordering::Relaxed) {
            break;
        }
        if !event::poll(Duration::from_millis(250))? {
            continue;
        }
        // Drain everything pending before drawing again: bursts of resizes draw once.
        loop {
            let ev = event::read()?;
            if is_suspend(&ev) {
                terminal::suspend(term)?;
            } else if let Some(e) = translate(app, ev) {
                app::update(app, e);
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
    Ok(())
}

fn is_suspend(ev: &CtEvent) -> bool {
    matches!(ev, CtEvent::Key(k) if k.kind == KeyEventKind::Press && k.code == KeyCode::Char('z') && k.modifiers.contains(KeyModifiers::CONTROL))
}

/// A terminal event as a reader event, given the mode the reader is in.
pub fn translate(app: &App, ev: CtEvent) -> Option<Event> {
    match ev {
        CtEvent::Key(k) if k.kind != KeyEventKind::Release => {
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            if let Some(ed) = &app.editor {
                if ed.confirm_discard {
                    return match k.code {
                        KeyCode::Char('y') | KeyCode::Char('Y') => Some(Event::Confirm(true)),
                        KeyCode::Char('n') | KeyCode::Char('N') | KeyCode::Esc => {
                            Some(Event::Confirm(false))
                        }
                        _ => None,
                    };
                }
                return match k.code {
                    KeyCode::Char('s') if ctrl => Some(Event::EditorSave),
                    KeyCode::Esc => Some(Event::EditorEscape),
                    _ => Some(Event::EditorInput(k.into())),
                };
            }
            if app.search.input.is_some() || app.picker.is_some() {
                let prompt = match k.code {
                    KeyCode::Enter => Some(Event::PromptSubmit),
                    KeyCode::Esc => Some(Event::PromptCancel),
                    KeyCode::Backspace => Some(Event::PromptBackspace),
                    KeyCode::Char('c') if ctrl => Some(Event::PromptCancel),
                    KeyCode::Char(c) if !ctrl => Some(Event::PromptChar(c)),
                    _ => None,
                };
                if prompt.is_some() || app.search.input.is_some() {
                    return prompt;
                }
            }
            app.keymap.action(app.mode(), &k).map(Event::Action)
        }
        CtEvent::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Event::Scroll(3)),
            MouseEventKind::ScrollUp => Some(Event::Scroll(-3)),
            MouseEventKind::Down(MouseButton::Left) => Some(Event::Click(m.column, m.row)),
            MouseEventKind::Drag(MouseButton::Left) => Some(Event::Drag(m.column, m.row)),
            MouseEventKind::Up(MouseButton::Left) => Some(Event::Release),
            _ => None,
        },
        CtEvent::Resize(w, h) => Some(Event::Resize(w, h)),
        _ => None,
    }
}
