//! The terminal reader. The only module that talks to a terminal.
//!
//! [`app`] holds the state and the pure `update`; [`keymap`] maps keys to actions as data;
//! [`render`] draws; [`terminal`] enters and always leaves the full-screen mode.

pub mod app;
pub mod config;
pub mod effects;
pub mod keymap;
pub mod links;
pub mod notes_ui;
pub mod position;
pub mod render;
pub mod terminal;
pub mod theme;
pub mod wake;

use crate::article::{Article, LoadOptions};
use crate::attribution;
use crate::files::Folders;
use crate::notes::store::Place;
use app::{App, Event};
use effects::Effect;
use ratatui::crossterm::event::{
    Event as CtEvent, KeyCode, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use std::path::{Path, PathBuf};
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

/// What the reader takes from the environment: read once by `main` and passed down, never
/// read below it.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub folders: Folders,
    /// `NO_COLOR` is set and not empty: no colour (no-color.org).
    pub no_color: bool,
    /// `$BROWSER`: links open in it; without it their address is copied.
    pub browser: Option<String>,
    /// `QUOTH_TRACE_STARTUP`: a file the milliseconds to the first frame, the analysis and
    /// the whole article are appended to (for `benches/first_screen.sh`).
    pub trace_startup: Option<PathBuf>,
}

/// Builds the reader's state for an article, with the user's config. Warnings about the
/// config (a key taken from another action) go to stderr before the screen is taken.
pub fn build_app(article: Article, settings: &Settings) -> Result<App, UiError> {
    let config_file = settings.folders.config_file();
    let config = config::load(config_file.as_deref()).map_err(UiError::Config)?;
    for w in &config.warnings {
        eprintln!("{}", crate::text::printable(w));
    }
    let theme = theme::Theme::new(settings.no_color, config.palette);
    Ok(App::new(
        article,
        attribution::Analysis::default(),
        config.keymap,
        theme,
    ))
}

/// Articles below this size are analysed before the first frame: it costs a few milliseconds
/// (the attribution runs at about 30 MB/s), and the first Tab then needs no waiting at all.
const ANALYSE_FIRST_BELOW: usize = 64 * 1024;

/// When the process started, for the startup trace; set by `main` first thing.
pub static STARTED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Opens the reader on an article and runs until the user quits, a signal asks it to end or
/// the terminal goes away. Whatever way it ends, the note being written and the reading
/// position are saved.
pub fn run(article: Article, notes: Option<PathBuf>, settings: &Settings) -> Result<(), UiError> {
    run_reader(article, None, notes, settings)
}

/// Like [`run`], on the head of a long file ([`Article::load_head`]): the first screen shows
/// at once; the whole file, read with `options` on another thread, then replaces the head,
/// and only then are the notes opened and the attribution run.
pub fn run_head(
    head: Article,
    options: LoadOptions,
    notes: Option<PathBuf>,
    settings: &Settings,
) -> Result<(), UiError> {
    run_reader(head, Some(options), notes, settings)
}

/// `rest`: the whole file is still to be read, with these options (only its head is shown).
fn run_reader(
    article: Article,
    rest: Option<LoadOptions>,
    notes: Option<PathBuf>,
    settings: &Settings,
) -> Result<(), UiError> {
    STARTED.get_or_init(std::time::Instant::now);
    let (tx, rx) = mpsc::channel();
    wake::spawn_signals(tx.clone()).map_err(UiError::Io)?;
    let mut app = build_app(article, settings)?;
    let key = app.doc.article.path.as_deref().map(position::key_for);
    let state = settings.folders.positions_file();
    let saved = match (key.as_deref(), state.as_deref()) {
        (Some(k), Some(f)) => position::load(f, k),
        _ => None,
    };
    let mut screen = terminal::enter().map_err(UiError::Io)?;
    let mut reader = Reader {
        screen: &mut screen,
        app: &mut app,
        wakes: tx,
        suspended: false,
        settings,
        later: None,
    };
    let head = rest.is_some();
    if head {
        // Keys that need the attribution wait for it, as while it runs.
        reader.app.doc.analysing = true;
    } else {
        let first = reader.app.analysis_request();
        if reader.app.doc.article.text.len() < ANALYSE_FIRST_BELOW {
            app::update(reader.app, first.run());
        } else {
            reader.run_effects(vec![Effect::Reanalyse(first)]);
        }
    }
    let result = first_frame(&mut reader, saved.as_ref(), head).and_then(|()| {
        reader.trace_startup("first-frame-ms");
        wake::spawn_input(reader.wakes.clone())?;
        match rest {
            // The notes and the attribution wait for the whole text.
            Some(options) => reader.read_whole(options, notes, saved),
            // Only now the slower work: the notes (a SHA-256 of the text).
            None => reader.open_notes(notes),
        }
        // What opening the notes had to say (a corrupt file moved aside, a fallback folder)
        // shows now, not only after the first key (which would clear it unseen).
        reader.draw()?;
        reader.run(&rx)
    });
    // Ended by a signal, a hang-up or an error with a note open: it is saved, not lost.
    let effects = reader.app.save_unfinished_note();
    effects::run_now(reader.app, effects, &mut std::io::sink());
    // A process continued in the background to be ended must not touch the terminal (it
    // would be stopped again); it gave the terminal back when it was suspended.
    if !reader.suspended {
        terminal::leave();
    }
    if let (Some(k), Some(f)) = (key.as_deref(), state.as_deref()) {
        let offset = app.top_offset();
        let _ = position::save(f, k, position::position_at(&app.doc.article.text, offset));
    }
    result.map_err(UiError::Io)
}

/// With `QUOTH_TRACE_STARTUP=FILE`, appends the milliseconds from start to `what`.
fn trace_startup(file: Option<&Path>, what: &str) {
    if let (Some(path), Some(started)) = (file, STARTED.get()) {
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
        let text = &app.doc.article.text;
        // In a head, only a position whose words are there: others wait for the whole text.
        let here = text
            .get(pos.offset..)
            .is_some_and(|t| t.starts_with(&pos.context));
        if here || !head {
            let offset = position::find(text, pos);
            app.scroll_to_offset(offset);
        }
    }
    reader.draw()
}

/// The event loop's state: the screen, the reader's state, the sender background work wakes
/// the loop with, and whether the terminal was given back (Ctrl-Z) and not yet taken again.
struct Reader<'a> {
    screen: &'a mut terminal::Screen,
    app: &'a mut App,
    wakes: mpsc::Sender<Wake>,
    suspended: bool,
    settings: &'a Settings,
    /// While the whole file is read after its head: what to do once it is there.
    later: Option<Later>,
}

/// What waits for the whole text when only a file's head is shown.
struct Later {
    /// The sidecar given on the command line.
    notes: Option<std::path::PathBuf>,
    /// A remembered position not found in the head.
    position: Option<position::Position>,
    /// Where the view stood when the reading started: a reader who has moved since is left
    /// where they are.
    top: crate::layout::LinePos,
}

/// Whether the loop goes on after a wake-up.
enum Flow {
    Continue,
    End,
}

impl Reader<'_> {
    fn trace_startup(&self, what: &str) {
        trace_startup(self.settings.trace_startup.as_deref(), what);
    }

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
            Wake::Event(ev) => {
                let analysed = matches!(ev, Event::Analysed { .. });
                let effects = app::update(self.app, ev);
                self.run_effects(effects);
                if analysed {
                    self.trace_startup("analysed-ms");
                }
            }
            Wake::Whole(article) => self.install_whole(*article),
            Wake::WholeFailed(why) => {
                self.later = None;
                self.app.doc.analysing = false;
                self.app.message = Some(why);
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
                    let effects = app::update(self.app, e);
                    self.run_effects(effects);
                }
            }
        }
        Ok(Flow::Continue)
    }

    /// Runs the effects `update` returned: reanalysis on a thread (its result wakes the loop
    /// as an event), the others at once. Clipboard bytes go straight to the terminal.
    fn run_effects(&mut self, effects: Vec<Effect>) {
        // A link opens in $BROWSER beside the reader; without it, `effects::run` copies the
        // address.
        let mut effects = effects;
        if let Some(browser) = self.settings.browser.as_deref() {
            effects.retain(|effect| match effect {
                Effect::Open(url) => !self.browse(url, browser),
                _ => true,
            });
        }
        let wakes = self.wakes.clone();
        effects::run(self.app, effects, &mut std::io::stdout(), &mut |job| {
            let tx = wakes.clone();
            std::thread::spawn(move || {
                let _ = tx.send(Wake::Event(job.run()));
            });
        });
    }

    /// Starts `$BROWSER` on `url`. Its input and output are kept off the reader's screen
    /// (see `links::Choice::command`), so the reader keeps the terminal, and a thread waits
    /// for the browser so that the reader never blocks on it. Returns false when `$BROWSER`
    /// gives no command (the address is copied instead).
    fn browse(&mut self, url: &str, browser: &str) -> bool {
        let Some(mut command) = links::choose(url, Some(browser)).and_then(|c| c.command()) else {
            return false;
        };
        self.app.message = Some(match command.spawn() {
            Ok(mut child) => {
                std::thread::spawn(move || child.wait());
                "opening the link with $BROWSER".into()
            }
            Err(e) => format!("could not run $BROWSER: {e}"),
        });
        true
    }

    /// Reads the whole file on another thread; its arrival wakes the loop.
    fn read_whole(
        &mut self,
        options: LoadOptions,
        notes: Option<std::path::PathBuf>,
        position: Option<position::Position>,
    ) {
        self.later = Some(Later {
            notes,
            position,
            top: self.app.view.top,
        });
        let Some(path) = self.app.doc.article.path.clone() else {
            return;
        };
        let tx = self.wakes.clone();
        std::thread::spawn(move || {
            let wake = match Article::load_with(&path, &options) {
                Ok(whole) => Wake::Whole(Box::new(whole)),
                Err(e) => Wake::WholeFailed(format!(
                    "only the start is shown: the rest cannot be read ({e})"
                )),
            };
            let _ = tx.send(wake);
        });
    }

    /// Shows the whole article in place of its head, goes to a remembered position past the
    /// head (unless the reader has moved), then opens the notes and runs the attribution.
    fn install_whole(&mut self, whole: Article) {
        let Some(later) = self.later.take() else {
            return;
        };
        let untouched = self.app.view.top == later.top;
        self.app.replace_article(whole);
        if let Some(pos) = later.position.filter(|_| untouched) {
            let offset = position::find(&self.app.doc.article.text, &pos);
            self.app.scroll_to_offset(offset);
        }
        self.trace_startup("whole-article-ms");
        self.open_notes(later.notes);
        let first = self.app.analysis_request();
        self.run_effects(vec![Effect::Reanalyse(first)]);
    }

    /// Opens the notes where they live (see `notes::store::Place`).
    fn open_notes(&mut self, notes: Option<std::path::PathBuf>) {
        let folders = &self.settings.folders;
        let article = &self.app.doc.article;
        let Some(place) = Place::of(article.path.as_deref(), &article.text, notes, folders) else {
            return;
        };
        let shown = place.sidecar.display().to_string();
        match crate::notes::Store::open_at(place, &self.app.doc.article.text) {
            Ok(store) => {
                let effects = self.app.attach_notes(store);
                self.run_effects(effects);
            }
            Err(e) => self.app.message = Some(format!("notes unavailable: {shown}: {e}")),
        }
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
pub fn translate(_app: &App, ev: CtEvent) -> Option<Event> {
    match ev {
        // Keys are read by `update`, through the keymap of the current mode.
        CtEvent::Key(k) if k.kind != KeyEventKind::Release => Some(Event::Key(k)),
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
