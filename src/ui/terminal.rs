//! Entering and leaving the full-screen terminal, and making sure it is always left: on quit,
//! on error, on panic (the panic message stays readable after the restore) and on signals.

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Raw mode, the alternate screen and mouse reporting; a panic hook that undoes them first.
pub fn enter() -> io::Result<Term> {
    install_panic_hook();
    enable_raw_mode()?;
    if let Err(e) = execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture) {
        leave();
        return Err(e);
    }
    match Terminal::new(CrosstermBackend::new(io::stdout())) {
        Ok(t) => Ok(t),
        Err(e) => {
            leave();
            Err(e)
        }
    }
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

/// A flag raised by SIGTERM, SIGHUP or SIGINT sent from outside; the event loop checks it
/// and leaves cleanly (saving what must be saved) instead of dying with the terminal raw.
pub fn termination_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    for sig in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        let _ = signal_hook::flag::register(sig, Arc::clone(&flag));
    }
    // A watchdog makes sure the process does end: when the terminal hangs up, a terminal
    // read may spin on end-of-file and never return to the loop, so after a grace period the
    // watchdog restores the terminal and exits. (Notes are saved at every change.)
    let watched = Arc::clone(&flag);
    std::thread::spawn(move || {
        use std::sync::atomic::Ordering;
        while !watched.load(Ordering::Relaxed) {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        std::thread::sleep(std::time::Duration::from_millis(750));
        leave();
        std::process::exit(130);
    });
    flag
}

/// Ctrl-Z: gives the terminal back, stops the process, and takes the terminal again when the
/// shell continues it (`fg`).
pub fn suspend(term: &mut Term) -> io::Result<()> {
    leave();
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All)
    )?;
    // A fresh terminal has empty buffers, so the next draw repaints everything. (Terminal::clear
    // would ask the terminal for the cursor position, which not every terminal answers.)
    *term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok(())
}
