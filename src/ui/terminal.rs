//! Entering and leaving the full-screen terminal, and making sure it is always left: on quit,
//! on error, on panic (the panic message stays readable after the restore) and on signals.
//!
//! Frames go out whole: everything ratatui writes for a frame is gathered in memory and sent
//! in one write, wrapped in synchronized output (DEC mode 2026) so that terminals which know
//! it show the frame at once, without tearing; others ignore the mode. A frame identical to
//! the one on screen is not sent at all.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;
use std::rc::Rc;

pub type Term = Terminal<CrosstermBackend<FrameWriter>>;

/// Begin and end of a synchronized update (DEC private mode 2026).
const BEGIN_SYNC: &[u8] = b"\x1b[?2026h";
const END_SYNC: &[u8] = b"\x1b[?2026l";

/// Gathers a frame's bytes for [`Screen::draw`], which sends them in one write.
///
/// `flush` does nothing on purpose: ratatui flushes several times per frame (after the cells,
/// after hiding the cursor), and each would otherwise be a write of its own.
pub struct FrameWriter {
    pending: Rc<RefCell<Vec<u8>>>,
}

impl Write for FrameWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The reader's screen: the terminal, the frame being gathered and the last frame sent.
pub struct Screen {
    term: Term,
    pending: Rc<RefCell<Vec<u8>>>,
    /// Standard output without Rust's line buffer, which would cut frames into 1 KB writes.
    out: File,
    shown: Option<Buffer>,
}

impl Screen {
    fn new() -> io::Result<Screen> {
        let pending = Rc::new(RefCell::new(Vec::with_capacity(64 * 1024)));
        let writer = FrameWriter {
            pending: Rc::clone(&pending),
        };
        Ok(Screen {
            term: Terminal::new(CrosstermBackend::new(writer))?,
            pending,
            out: File::from(io::stdout().as_fd().try_clone_to_owned()?),
            shown: None,
        })
    }

    pub fn size(&self) -> io::Result<ratatui::layout::Size> {
        self.term.size()
    }

    /// Draws a frame and sends it in one write, or sends nothing when it is the frame already
    /// on screen. Returns whether anything was written.
    pub fn draw(&mut self, render: impl FnOnce(&mut ratatui::Frame)) -> io::Result<bool> {
        let frame = self.term.draw(render)?;
        let unchanged = self.shown.as_ref() == Some(frame.buffer);
        if !unchanged {
            self.shown = Some(frame.buffer.clone());
        }
        let body = std::mem::take(&mut *self.pending.borrow_mut());
        if unchanged || body.is_empty() {
            return Ok(false);
        }
        let mut out = Vec::with_capacity(body.len() + BEGIN_SYNC.len() + END_SYNC.len());
        out.extend_from_slice(BEGIN_SYNC);
        out.extend_from_slice(&body);
        out.extend_from_slice(END_SYNC);
        self.out.write_all(&out)?;
        Ok(true)
    }
}

/// Raw mode, the alternate screen and mouse reporting; a panic hook that undoes them first.
pub fn enter() -> io::Result<Screen> {
    install_panic_hook();
    take_terminal()?;
    match Screen::new() {
        Ok(s) => Ok(s),
        Err(e) => {
            leave();
            Err(e)
        }
    }
}

fn take_terminal() -> io::Result<()> {
    enable_raw_mode()?;
    if let Err(e) = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture) {
        leave();
        return Err(e);
    }
    Ok(())
}

/// Leaves the alternate screen and raw mode. Safe to call more than once.
pub fn leave() {
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
    let _ = disable_raw_mode();
}

fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            leave();
            previous(info);
        }));
    });
}

/// Ctrl-Z: gives the terminal back and stops the process. Returns when the shell continues
/// it; the caller takes the terminal again with [`resume`] once we are in the foreground.
pub fn suspend() {
    leave();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
}

/// Whether we own the terminal: the foreground process group is ours. A process continued in
/// the background (`bg`, or `kill %1`, which continues a stopped job so it can die) must not
/// touch the terminal: that would stop it again (SIGTTOU) instead of letting it end.
pub fn in_foreground() -> bool {
    use std::io::IsTerminal;
    // The terminal is standard input, or (the article came from a pipe) /dev/tty.
    let tty = if io::stdin().is_terminal() {
        None
    } else {
        match File::open("/dev/tty") {
            Ok(f) => Some(f),
            Err(_) => return true, // no terminal to ask: trust the continue
        }
    };
    let fd = tty.as_ref().map_or(rustix::stdio::stdin(), |f| f.as_fd());
    match rustix::termios::tcgetpgrp(fd) {
        Ok(pgrp) => pgrp == rustix::process::getpgrp(),
        Err(_) => true,
    }
}

/// Takes the terminal again after a suspend and forgets what was on screen, so that the next
/// draw repaints everything. (Terminal::clear would ask the terminal for the cursor position,
/// which not every terminal answers.)
pub fn resume(screen: &mut Screen) -> io::Result<()> {
    take_terminal()?;
    execute!(
        io::stdout(),
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
    )?;
    *screen = Screen::new()?;
    Ok(())
}
