//! The terminal reader. The only module that talks to a terminal.
//!
//! [`app`] holds the state and the pure `update`; [`keymap`] maps keys to actions as data;
//! [`render`] draws; [`terminal`] enters and always leaves the full-screen mode.

pub mod app;
pub mod config;
pub mod keymap;
pub mod notes_ui;
pub mod position;
pub mod render;
pub mod terminal;
pub mod theme;
pub mod wake;

use crate::article::Article;
use crate::attribution;
use crate::files::Folders;
use crate::notes::store::Place;
use app::{App, Event};
use ratatui::crossterm::event::{
    Event as CtEvent, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use std::sync::mpsc;
use wake::Wake;

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
pub fn build_app(article: Article, folders: &Folders) -> Result<App, UiError> {
    let config = config::load(folders.config_file().as_deref()).map_err(UiError::Config)?;
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

/// Runs the attribution (with the reader's corrections) on another thread; the result wakes
/// the event loop.
fn analyse_in_background(app: &App, tx: &mpsc::Sender<Wake>) {
    let text = app.article.text.clone();
    let paragraphs = app.article.paragraphs.clone();
    let corrections = app
        .notes
        .store
        .as_ref()
        .map(|s| crate::notes::view::placed_corrections(&s.doc, &text))
        .unwrap_or_default();
    let tx = tx.clone();
    std::thread::spawn(move || {
        let analysis = crate::notes::view::analyse_with(&text, &paragraphs, &corrections);
        let _ = tx.send(Wake::Done(Box::new(move |app: &mut App| {
            app.set_analysis(analysis);
            if let Some(started) = STARTED.get() {
                trace_startup("analysed-ms", *started);
            }
        })));
    });
}

/// When the process started, for the startup trace; set by `main` first thing.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Opens the reader on an article and runs until the user quits, a signal asks it to end or
/// the terminal goes away. Whatever way it ends, the note being written and the reading
/// position are saved.
pub fn run(
    article: Article,
    notes: Option<std::path::PathBuf>,
    folders: &Folders,
) -> Result<(), UiError> {
    let started = *STARTED.get_or_init(std::time::Instant::now);
    let (tx, rx) = mpsc::channel();
    wake::spawn_signals(tx.clone()).map_err(UiError::Io)?;
    let mut app = build_app(article, folders)?;
    let key = app.article.path.as_deref().map(position::key_for);
    let state = folders.positions_file();
    let mut screen = terminal::enter().map_err(UiError::Io)?;
    let mut reader = Reader {
        screen: &mut screen,
        app: &mut app,
        suspended: false,
    };
    let result = first_frame(&mut reader, key.as_deref(), state.as_deref()).and_then(|()| {
        trace_startup("first-frame-ms", started);
        wake::spawn_input(tx.clone())?;
        // Only now the slower work: the notes (a SHA-256 of the text) and the attribution.
        open_notes(reader.app, notes, folders);
        analyse_in_background(reader.app, &tx);
        reader.run(&rx)
    });
    // Ended by a signal, a hang-up or an error with a note open: it is saved, not lost.
    if reader.app.editor.is_some() {
        reader.app.editor_save();
    }
    // A process continued in the background to be ended must not touch the terminal (it
    // would be stopped again); it gave the terminal back when it was suspended.
    if !reader.suspended {
        terminal::leave();
    }
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

/// Opens the notes where they live (see `notes::store::Place`).
fn open_notes(app: &mut App, notes: Option<std::path::PathBuf>, folders: &Folders) {
    let text = &app.article.text;
    if let Some(place) = Place::of(app.article.path.as_deref(), text, notes, folders) {
        let shown = place.sidecar.display().to_string();
        match crate::notes::Store::open_at(place, text) {
            Ok(store) => app.attach_notes(store),
            Err(e) => app.message = Some(format!("notes unavailable: {shown}: {e}")),
        }
    }
}

/// Sizes the reader, restores the reading position and draws the first frame.
fn first_frame(
    reader: &mut Reader<'_>,
    key: Option<&str>,
    state: Option<&std::path::Path>,
) -> std::io::Result<()> {
    let size = reader.screen.size()?;
    let app = &mut *reader.app;
    app::update(app, Event::Resize(size.width, size.height));
    if let (Some(k), Some(f)) = (key, state)
        && let Some(pos) = position::load(f, k)
    {
        let offset = position::find(&app.article.text, &pos);
        app.top = app.pos_of_offset(offset);
    }
    reader.draw()
}

/// The event loop's state: the screen, the reader's state, and whether the terminal was
/// given back (Ctrl-Z) and not yet taken again.
struct Reader<'a> {
    screen: &'a mut terminal::Screen,
    app: &'a mut App,
    suspended: bool,
}

/// Whether the loop goes on after a wake-up.
enum Flow {
    Continue,
    End,
}

impl Reader<'_> {
    /// Sleeps until something wakes it, handles everything that is pending, draws once.
    /// Nothing runs and nothing is written while nothing happens.
    fn run(&mut self, wakes: &mpsc::Receiver<Wake>) -> std::io::Result<()> {
        // The loop holds a sender of its own in the background jobs' closures at most, so
        // `recv` ends only if every source is gone; then there is nothing left to wait for.
        while let Ok(first) = wakes.recv() {
            let mut next = Some(first);
            // Drain everything pending before drawing again: bursts of resizes draw once.
            while let Some(wake) = next {
                if let Flow::End = self.handle(wake)? {
                    return Ok(());
                }
                if self.app.quit {
                    return Ok(());
                }
                next = wakes.try_recv().ok();
            }
            self.draw()?;
        }
        Ok(())
    }

    fn handle(&mut self, wake: Wake) -> std::io::Result<Flow> {
        match wake {
            Wake::Terminate | Wake::TermGone => return Ok(Flow::End),
            Wake::Continued => {
                if self.suspended && terminal::in_foreground() {
                    terminal::resume(self.screen)?;
                    self.suspended = false;
                }
            }
            Wake::Done(install) => install(self.app),
            Wake::Resized if self.suspended => {}
            Wake::Resized => {
                let size = self.screen.size()?;
                app::update(self.app, Event::Resize(size.width, size.height));
            }
            Wake::Term(_) if self.suspended => {}
            Wake::Term(ev) if is_suspend(&ev) => {
                terminal::suspend();
                // Continued: in the foreground (`fg`) we take the terminal again; in the
                // background (`bg`, or `kill %1` continuing us so we can end) we wait.
                if terminal::in_foreground() {
                    terminal::resume(self.screen)?;
                } else {
                    self.suspended = true;
                }
            }
            Wake::Term(ev) => {
                if let Some(e) = translate(self.app, ev) {
                    app::update(self.app, e);
                }
            }
        }
        Ok(Flow::Continue)
    }

    /// Draws the reader, unless the terminal is given back; writes only if the frame changed.
    fn draw(&mut self) -> std::io::Result<()> {
        if !self.suspended {
            self.screen.draw(|f| render::draw(f, self.app))?;
        }
        Ok(())
    }
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
