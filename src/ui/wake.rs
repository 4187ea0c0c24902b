//! What wakes the reader: one channel fed by the terminal, by signals and by background work.
//!
//! The event loop blocks on this channel and on nothing else, so an idle reader sleeps: no
//! timer, no polling, no redraw until something happens. Each source is a thread that blocks
//! in the kernel (crossterm's read, `poll` for a hang-up, a read on signal-hook's self-pipe).

use ratatui::crossterm::event::{self, Event as CtEvent};
use rustix::event::{PollFd, PollFlags, poll};
use std::io::IsTerminal;
use std::os::fd::{AsFd, BorrowedFd, OwnedFd};
use std::sync::mpsc::Sender;

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
    /// Background work finished (the attribution, run again): its result, for `update`.
    Event(super::app::Event),
    /// The whole article, read after its head was shown (see `ui::run_head`).
    Whole(Box<crate::article::Article>),
    /// The rest of the file could not be read: why.
    WholeFailed(String),
}

/// Forwards termination signals and SIGCONT. Blocks in the kernel between signals.
pub fn spawn_signals(tx: Sender<Wake>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGCONT])?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            let wake = match sig {
                SIGCONT => Wake::Continued,
                _ => Wake::Terminate,
            };
            if tx.send(wake).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Forwards terminal events (keys, mouse, resizes) from crossterm, which sleeps in the kernel
/// between them; a read error ends the thread with [`Wake::TermGone`].
pub fn spawn_input(tx: Sender<Wake>) -> std::io::Result<()> {
    let tty = Tty::open()?;
    let input = tx.clone();
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(ev) => {
                    if input.send(Wake::Term(ev)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = input.send(Wake::TermGone);
                    return;
                }
            }
        }
    });
    // crossterm retries a terminal that hung up or reached end of file forever (spinning), so
    // a second thread waits for the hang-up itself: poll(2) asked for no event reports only
    // hang-ups and errors.
    std::thread::spawn(move || {
        wait_gone(tty.fd());
        let _ = tx.send(Wake::TermGone);
    });
    Ok(())
}

/// Blocks until the terminal hangs up or fails.
fn wait_gone(fd: BorrowedFd<'_>) {
    loop {
        let mut fds = [PollFd::new(&fd, PollFlags::empty())];
        match poll(&mut fds, None) {
            Ok(_) if fds[0].revents().is_empty() => continue,
            Err(rustix::io::Errno::INTR) => continue,
            _ => return,
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
