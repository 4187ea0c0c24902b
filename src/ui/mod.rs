//! The terminal reader. The only module that talks to a terminal.
//!
//! [`app`] holds the state and the pure `update`; [`keymap`] maps keys to actions as data;
//! [`render`] draws; [`terminal`] enters and always leaves the full-screen mode.

pub mod app;
pub mod config;
pub mod keymap;
pub mod links;
pub mod notes_ui;
pub mod position;
pub mod render;
pub mod terminal;
pub mod theme;

use crate::article::Article;
use crate::attribution;
use app::{App, Event};
use ratatui::crossterm::event::{
    self, Event as CtEvent, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use std::sync::atomic::Ordering;
use std::sync::mpsc;
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
/// The attribution has not run yet: [`run`] starts it in the background, so that the text
/// shows at once however long it is.
pub fn build_app(article: Article) -> Result<App, UiError> {
    let config = config::load(config::default_path().as_deref()).map_err(UiError::Config)?;
    let theme = theme::Theme::from_env(config.palette);
    let mut app = App::new(
        article,
        attribution::Analysis::default(),
        config.keymap,
        theme,
    );
    app.analysing = true;
    Ok(app)
}

/// Runs the attribution (with the reader's corrections) on another thread.
fn analyse_in_background(app: &App) -> mpsc::Receiver<attribution::Analysis> {
    let (tx, rx) = mpsc::channel();
    let text = app.article.text.clone();
    let paragraphs = app.article.paragraphs.clone();
    let corrections = app
        .notes
        .store
        .as_ref()
        .map(|s| crate::notes::view::placed_corrections(&s.doc, &text))
        .unwrap_or_default();
    std::thread::spawn(move || {
        let mut analysis = attribution::analyse_text(&text, &paragraphs);
        analysis.apply_corrections(&corrections);
        let _ = tx.send(analysis);
    });
    rx
}

/// Opens the reader on an article and runs until the user quits.
/// When the process started, for the startup trace; set by `main` first thing.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

pub fn run(article: Article, notes: Option<std::path::PathBuf>) -> Result<(), UiError> {
    let started = *STARTED.get_or_init(std::time::Instant::now);
    let stop = terminal::termination_flag();
    let mut app = build_app(article)?;
    let key = app.article.path.as_deref().map(position::key_for);
    let state = position::state_file();
    let mut term = terminal::enter().map_err(UiError::Io)?;
    let result =
        first_frame(&mut term, &mut app, key.as_deref(), state.as_deref()).and_then(|()| {
            trace_startup("first-frame-ms", started);
            // Only now the slower work: the notes (a SHA-256 of the text) and the attribution.
            open_notes(&mut app, notes);
            let analysis = analyse_in_background(&app);
            event_loop(&mut term, &mut app, &analysis, &stop)
        });
    terminal::leave();
    if let (Some(k), Some(f)) = (key.as_deref(), state.as_deref()) {
        let offset = app.top_offset();
        let _ = position::save(f, k, position::position_at(&app.article.text, offset));
    }
    result.map_err(UiError::Io)
}

/// With `QUOTH_TRACE_STARTUP=FILE`, appends the milliseconds from start to the first frame
/// (for `benches/first_screen.sh`).
fn trace_startup(what: &str, started: std::time::Instant) {
    if let Some(path) = std::env::var_os("QUOTH_TRACE_STARTUP") {
        use std::io::Write;
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
        {
            let _ = writeln!(f, "{what} {:.1}", started.elapsed().as_secs_f64() * 1000.0);
        }
    }
}

/// Opens the notes: the sidecar beside the article, the one given, or (stdin) the data
/// folder's, keyed by the text's hash.
fn open_notes(app: &mut App, notes: Option<std::path::PathBuf>) {
    let sidecar = notes.or_else(|| {
        crate::notes::store::sidecar_for(app.article.path.as_deref(), &app.article.text)
    });
    if let Some(path) = sidecar {
        match crate::notes::Store::open(path.clone(), &app.article.text) {
            Ok(store) => app.attach_notes(store),
            Err(e) => app.message = Some(format!("notes unavailable: {}: {e}", path.display())),
        }
    }
}

/// Sizes the reader, restores the reading position and draws the first frame.
fn first_frame(
    term: &mut terminal::Term,
    app: &mut App,
    key: Option<&str>,
    state: Option<&std::path::Path>,
) -> std::io::Result<()> {
    let size = term.size()?;
    app::update(app, Event::Resize(size.width, size.height));
    if let (Some(k), Some(f)) = (key, state)
        && let Some(pos) = position::load(f, k)
    {
        let offset = position::find(&app.article.text, &pos);
        app.top = app.pos_of_offset(offset);
    }
    term.draw(|f| render::draw(f, app))?;
    Ok(())
}

fn event_loop(
    term: &mut terminal::Term,
    app: &mut App,
    analysis: &mpsc::Receiver<attribution::Analysis>,
    stop: &std::sync::atomic::AtomicBool,
) -> std::io::Result<()> {
    while !app.quit {
        if app.analysing
            && let Ok(a) = analysis.try_recv()
        {
            app.set_analysis(a);
            if let Some(started) = STARTED.get() {
                trace_startup("analysed-ms", *started);
            }
        }
        term.draw(|f| render::draw(f, app))?;
        if stop.load(Ordering::Relaxed) {
            // A note being written when the terminal closes is saved, not lost.
            if app.editor.is_some() {
                app.editor_save();
            }
            break;
        }
        let wait = if app.analysing { 30 } else { 250 };
        if !event::poll(Duration::from_millis(wait))? {
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
