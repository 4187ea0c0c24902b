//! What wakes the reader: one channel fed by the terminal, by signals and by background work.
//!
//! The event loop blocks on this channel and on nothing else, so an idle reader sleeps: no
//! timer, no polling, no redraw until something happens. Each source is a thread that blocks
//! in the kernel (`poll` on the terminal, a read on signal-hook's self-pipe).

use ratatui::crossterm::event::{self, Event as CtEvent};
use rustix::event::{PollFd, PollFlags, poll};
use std::io::IsTerminal;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::mpsc::Sender;
use std::time::Duration;

/// One reason to wake up.
pub enum Wake {
    /// A key, a mouse event or a resize.
    Term(CtEvent),
    /// The terminal is gone: it hung up, reached end of file or failed to read.
    TermGone,
    /// SIGTERM, SIGHUP or SIGINT sent from outside: save and leave.
    Terminate,
    /// SIGCONT: the shell continued us (after Ctrl-Z), in the foreground or not.
    Continued,
    /// SIGWINCH: the terminal changed size. (crossterm notices it only while reading, and the
    /// input thread sleeps outside crossterm.)
    Resized,
    /// Background work finished (the attribution, run again): its result, for `update`.
    Event(super::app::Event),
}

/// Forwards termination signals, SIGCONT and SIGWINCH. Blocks in the kernel between signals.
pub fn spawn_signals(tx: Sender<Wake>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGWINCH};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGCONT, SIGWINCH])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let wake = match sig {
                SIGCONT => Wake::Continued,
                SIGWINCH => Wake::Resized,
                _ => Wake::Terminate,
            };
            if tx.send(wake).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Forwards terminal events. Between events the thread sleeps in `poll` on the terminal; a
/// hang-up, end of file or error ends it with [`Wake::TermGone`] (crossterm's own reader would
/// retry such a terminal forever, spinning).
pub fn spawn_input(tx: Sender<Wake>) -> std::io::Result<()> {
    let tty = Tty::open()?;
    std::thread::spawn(move || {
        let gone = loop {
            // Events crossterm has already read and parsed go first: poll(2) cannot see them.
            match drain_parsed(&tx) {
                Ok(true) => {}
                Ok(false) => return, // the reader has stopped listening
                Err(_) => break true,
            }
            match wait_readable(tty.fd()) {
                Readiness::Readable => {}
                Readiness::Gone => break true,
            }
        };
        if gone {
            let _ = tx.send(Wake::TermGone);
        }
    });
    Ok(())
}

/// Sends every event crossterm can give without waiting. `Ok(false)` when nobody listens.
fn drain_parsed(tx: &Sender<Wake>) -> std::io::Result<bool> {
    while event::poll(Duration::ZERO)? {
        if tx.send(Wake::Term(event::read()?)).is_err() {
            return Ok(false);
        }
    }
    Ok(true)
}

enum Readiness {
    Readable,
    Gone,
}

/// Blocks until the terminal has input, or says it is gone.
fn wait_readable(fd: BorrowedFd<'_>) -> Readiness {
    loop {
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        match poll(&mut fds, None) {
            Ok(_) => {
                let got = fds[0].revents();
                let broken = PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL;
                return if got.intersects(broken) {
                    Readiness::Gone
                } else {
                    Readiness::Readable
                };
            }
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return Readiness::Gone,
        }
    }
}

/// The terminal crossterm reads from: standard input when it is one, else `/dev/tty`.
enum Tty {
    Stdin,
    DevTty(OwnedFd),
}

impl Tty {
    fn open() -> std::io::Result<Tty> {
        if std::io::stdin().is_terminal() {
            return Ok(Tty::Stdin);
        }
        let f = std::fs::OpenOptions::new().read(true).open("/dev/tty")?;
        Ok(Tty::DevTty(f.into()))
    }

    fn fd(&self) -> BorrowedFd<'_> {
        match self {
            Tty::Stdin => rustix::stdio::stdin(),
            Tty::DevTty(fd) => fd.as_fd(),
        }
    }
}
