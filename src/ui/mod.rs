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

use crate::article::{Article, Format};
use crate::attribution;
use crate::layout::LinePos;
use app::{App, Event};
use ratatui::crossterm::event::{
    Event as CtEvent, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use std::path::PathBuf;
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

/// When the process started, for the startup trace; set by `main` first thing.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Opens the reader on an article and runs until the user quits, a signal asks it to end or
/// the terminal goes away. Whatever way it ends, the note being written and the reading
/// position are saved.
pub fn run(article: Article, notes: Option<PathBuf>) -> Result<(), UiError> {
    run_reader(article, Rest::Nothing, notes)
}

/// Like [`run`], on the head of a long file ([`Article::load_head`]): the first screen shows
/// at once and the whole file, read as `format`, replaces the head when it has been read.
pub fn run_head(
    head: Article,
    format: Option<Format>,
    notes: Option<PathBuf>,
) -> Result<(), UiError> {
    run_reader(head, Rest::WholeFile(format), notes)
}

/// What is left to read once the first screen is drawn.
#[derive(Clone, Copy)]
enum Rest {
    Nothing,
    /// Only the file's head is shown: the whole file is read, as this format.
    WholeFile(Option<Format>),
}

fn run_reader(article: Article, rest: Rest, notes: Option<PathBuf>) -> Result<(), UiError> {
    let started = *STARTED.get_or_init(std::time::Instant::now);
    let (tx, rx) = mpsc::channel();
    wake::spawn_signals(tx.clone()).map_err(UiError::Io)?;
    let mut app = build_app(article)?;
    let key = app.article.path.as_deref().map(position::key_for);
    let state = position::state_file();
    let mut screen = terminal::enter().map_err(UiError::Io)?;
    // Corrections re-run the attribution in the background (see `Reader::run`).
    app.notes.defer_reanalysis = true;
    let analyses = Analyses::default();
    let mut reader = Reader {
        screen: &mut screen,
        app: &mut app,
        suspended: false,
        analyses: analyses.clone(),
        wakes: tx.clone(),
    };
    let saved = match (key.as_deref(), state.as_deref()) {
        (Some(k), Some(f)) => position::load(f, k),
        _ => None,
    };
    let result = first_frame(
        &mut reader,
        saved.as_ref(),
        matches!(rest, Rest::WholeFile(_)),
    )
    .and_then(|()| {
        trace_startup("first-frame-ms", started);
        wake::spawn_input(tx.clone())?;
        // Only now the slower work, in the background: the rest of the file, the notes (a
        // SHA-256 of the text) and the attribution.
        let later = Later {
            rest,
            notes,
            // A position past the head is found in the whole text.
            position: saved.filter(|_| reader.app.top == LinePos::default()),
            analyses,
        };
        later.spawn(reader.app, &tx);
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

/// The work done after the first frame, on another thread; each result wakes the loop.
struct Later {
    rest: Rest,
    /// The sidecar given on the command line.
    notes: Option<PathBuf>,
    /// A remembered position not found in the head, to go to once the whole text is there.
    position: Option<position::Position>,
    /// Which analysis is the latest (see [`Analyses`]); the first one is number 0.
    analyses: Analyses,
}

impl Later {
    fn spawn(self, app: &App, tx: &mpsc::Sender<Wake>) {
        let tx = tx.clone();
        let path = app.article.path.clone();
        let have = matches!(self.rest, Rest::Nothing)
            .then(|| (app.article.text.clone(), app.article.paragraphs.clone()));
        std::thread::spawn(move || {
            let send = |job: Box<dyn FnOnce(&mut App) + Send>| {
                let _ = tx.send(Wake::Done(job));
            };
            let (text, paragraphs) = match (have, self.rest, &path) {
                (Some(have), _, _) => have,
                (None, Rest::WholeFile(format), Some(path)) => match Article::load_as(path, format)
                {
                    Ok(whole) => {
                        let copy = (whole.text.clone(), whole.paragraphs.clone());
                        send(Box::new(move |app: &mut App| {
                            install(app, whole, self.position)
                        }));
                        copy
                    }
                    Err(e) => {
                        let why = format!("only the start is shown: the rest cannot be read ({e})");
                        send(Box::new(move |app: &mut App| {
                            app.message = Some(why);
                            app.analysing = false;
                        }));
                        return;
                    }
                },
                _ => return,
            };
            let store = open_notes(path.as_deref(), self.notes, &text);
            let corrections = match &store {
                Some(Ok(s)) => crate::notes::view::placed_corrections(&s.doc, &text),
                _ => vec![],
            };
            send(Box::new(move |app: &mut App| match store {
                Some(Ok(s)) => app.attach_notes(s),
                Some(Err(why)) => app.message = Some(why),
                None => {}
            }));
            let mut analysis = attribution::analyse_text(&text, &paragraphs);
            analysis.apply_corrections(&corrections);
            let latest = self.analyses;
            send(Box::new(move |app: &mut App| {
                // A correction made meanwhile asked for a newer analysis: that one counts.
                if latest.is_latest(0) {
                    app.set_analysis(analysis);
                    if let Some(started) = STARTED.get() {
                        trace_startup("analysed-ms", *started);
                    }
                }
            }));
        });
    }
}

/// Numbers the analyses run in the background, so that only the latest one's result is
/// installed (two quick corrections: the first one's result, arriving last, is dropped).
#[derive(Clone, Default)]
struct Analyses(std::sync::Arc<std::sync::atomic::AtomicU64>);

impl Analyses {
    fn is_latest(&self, n: u64) -> bool {
        self.0.load(std::sync::atomic::Ordering::SeqCst) == n
    }

    /// Re-runs the attribution with the reader's corrections on another thread (after a
    /// correction): keys keep being answered meanwhile, on the previous analysis.
    fn rerun(&self, app: &App, tx: &mpsc::Sender<Wake>) {
        let n = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) + 1;
        let text = app.article.text.clone();
        let paragraphs = app.article.paragraphs.clone();
        let store = app.notes.store.as_ref();
        let corrections = store
            .map(|s| crate::notes::view::placed_corrections(&s.doc, &text))
            .unwrap_or_default();
        let (tx, latest) = (tx.clone(), self.clone());
        std::thread::spawn(move || {
            let mut analysis = attribution::analyse_text(&text, &paragraphs);
            analysis.apply_corrections(&corrections);
            let _ = tx.send(Wake::Done(Box::new(move |app: &mut App| {
                if latest.is_latest(n) {
                    app.set_analysis(analysis);
                }
            })));
        });
    }
}

/// Shows the whole article in place of its head; goes to the remembered position if it was
/// past the head and the reader has not moved yet.
fn install(app: &mut App, whole: Article, position: Option<position::Position>) {
    let untouched = app.top == LinePos::default();
    app.replace_article(whole);
    if let Some(pos) = position.filter(|_| untouched) {
        let offset = position::find(&app.article.text, &pos);
        app.top = app.pos_of_offset(offset);
    }
    if let Some(started) = STARTED.get() {
        trace_startup("whole-article-ms", *started);
    }
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

/// Opens the notes: the sidecar given, the one beside the article, or (stdin) the data
/// folder's, keyed by the text's hash. `Err` holds the message to show.
fn open_notes(
    path: Option<&std::path::Path>,
    notes: Option<PathBuf>,
    text: &str,
) -> Option<Result<crate::notes::Store, String>> {
    let sidecar = notes.or_else(|| crate::notes::store::sidecar_for(path, text))?;
    Some(
        crate::notes::Store::open(sidecar.clone(), text)
            .map_err(|e| format!("notes unavailable: {}: {e}", sidecar.display())),
    )
}

/// Sizes the reader, goes to the remembered position if the text shown holds it, and draws
/// the first frame.
fn first_frame(
    reader: &mut Reader<'_>,
    saved: Option<&position::Position>,
    head: bool,
) -> std::io::Result<()> {
    let size = reader.screen.size()?;
    let app = &mut *reader.app;
    app::update(app, Event::Resize(size.width, size.height));
    if let Some(pos) = saved {
        let text = &app.article.text;
        // In a head, only a position whose words are there: others wait for the whole text.
        let here = text
            .get(pos.offset..)
            .is_some_and(|t| t.starts_with(&pos.context));
        if here || !head {
            let offset = position::find(text, pos);
            app.top = app.pos_of_offset(offset);
        }
    }
    reader.draw()
}

/// The event loop's state: the screen, the reader's state, and whether the terminal was
/// given back (Ctrl-Z) and not yet taken again.
struct Reader<'a> {
    screen: &'a mut terminal::Screen,
    app: &'a mut App,
    suspended: bool,
    analyses: Analyses,
    /// For the background jobs the loop starts.
    wakes: mpsc::Sender<Wake>,
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
        // `recv` fails only if every sender is gone, and the reader holds one: it never does.
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
                if std::mem::take(&mut self.app.notes.reanalysis_due) {
                    self.analyses.rerun(self.app, &self.wakes);
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
