//! End to end: the real binary in a pseudo-terminal. Keys go in, the screen is parsed with
//! vt100, and quitting must leave the alternate screen and restore the terminal.

use std::io::{Read, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

mod pty;

use portable_pty::PtySize;

struct Session {
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    parser: vt100::Parser,
    rx: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    raw: Vec<u8>,
    /// Asks the thread reading the pty to let go of it (see [`Session::hang_up`]).
    stop_reading: Arc<AtomicBool>,
    reading: Option<std::thread::JoinHandle<()>>,
}

impl Session {
    fn start(args: &[&str], rows: u16, cols: u16, home: &std::path::Path) -> Session {
        Session::start_command(env!("CARGO_BIN_EXE_quoth"), args, rows, cols, home)
    }

    fn start_command(
        program: &str,
        args: &[&str],
        rows: u16,
        cols: u16,
        home: &std::path::Path,
    ) -> Session {
        let pty = pty::spawn(program, args, home, rows, cols);
        let child = pty.child;
        let raw_fd = pty.master.as_raw_fd().expect("master fd");
        // SAFETY: the master is open for the whole call; the clone is an fd of our own.
        let master_fd = unsafe { std::os::fd::BorrowedFd::borrow_raw(raw_fd) }
            .try_clone_to_owned()
            .expect("dup master");
        let writer = pty.master.take_writer().expect("writer");
        let (tx, rx) = mpsc::channel();
        let stop_reading = Arc::new(AtomicBool::new(false));
        let stop = Arc::clone(&stop_reading);
        let reading =
            std::thread::spawn(move || read_pty(std::fs::File::from(master_fd), &tx, &stop));
        Session {
            master: Some(pty.master),
            parser: vt100::Parser::new(rows, cols, 0),
            rx,
            writer,
            child,
            raw: Vec::new(),
            stop_reading,
            reading: Some(reading),
        }
    }

    /// Closes the terminal under the program, as closing its window does: every handle on the
    /// pty's master side goes, so the program's side hangs up.
    fn hang_up(&mut self) {
        // portable-pty's writer, when dropped, types a line feed and the EOF character (an
        // end of input for a shell); to a reader in raw mode those are Ctrl-J and Ctrl-D, keys
        // the note editor acts on. A closing window types nothing: clear VEOF to keep it so.
        if let Some(fd) = self.master.as_ref().and_then(|m| m.as_raw_fd()) {
            use rustix::termios::{OptionalActions, SpecialCodeIndex, tcgetattr, tcsetattr};
            // SAFETY: the master is open while `self.master` holds it.
            let fd = unsafe { std::os::fd::BorrowedFd::borrow_raw(fd) };
            let mut t = tcgetattr(fd).expect("tcgetattr");
            t.special_codes[SpecialCodeIndex::VEOF] = 0;
            tcsetattr(fd, OptionalActions::Now, &t).expect("tcsetattr");
        }
        self.stop_reading.store(true, Ordering::Relaxed);
        if let Some(t) = self.reading.take() {
            t.join().expect("pty reader");
        }
        self.writer = Box::new(std::io::sink());
        drop(self.master.take());
    }

    /// Waits for the program to exit (or fails after a generous while).
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let end = Instant::now() + Duration::from_secs(20);
        loop {
            if let Some(st) = self.child.try_wait().expect("wait") {
                return st;
            }
            self.pump(Duration::from_millis(50));
            // After a hang-up nothing is read, so `pump` returns at once.
            std::thread::sleep(Duration::from_millis(10));
            assert!(
                Instant::now() < end,
                "the program did not exit:\n{}",
                self.parser.screen().contents()
            );
        }
    }

    fn pump(&mut self, wait: Duration) {
        let end = Instant::now() + wait;
        while let Ok(chunk) = self
            .rx
            .recv_timeout(end.saturating_duration_since(Instant::now()))
        {
            self.parser.process(&chunk);
            self.raw.extend_from_slice(&chunk);
        }
    }

    /// Waits until the screen contains `needle` (or fails after a few seconds).
    fn wait_for(&mut self, needle: &str) -> String {
        self.wait_for_within(needle, Duration::from_secs(10))
    }

    /// Waits until the status line contains `needle` (counts of statements are left out of
    /// needles, so that the attribution finding more does not break these tests).
    fn wait_for_status(&mut self, needle: &str) -> String {
        let end = Instant::now() + Duration::from_secs(10);
        loop {
            self.pump(Duration::from_millis(50));
            if self.status_line().contains(needle) {
                return self.parser.screen().contents();
            }
            assert!(
                Instant::now() < end,
                "timed out waiting for {needle:?} in the status line: {}",
                self.status_line()
            );
        }
    }

    /// Waits until the screen contains `needle`, for at most `limit`.
    fn wait_for_within(&mut self, needle: &str, limit: Duration) -> String {
        let end = Instant::now() + limit;
        loop {
            self.pump(Duration::from_millis(50));
            let screen = self.parser.screen().contents();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                Instant::now() < end,
                "timed out waiting for {needle:?}; screen:\n{screen}"
            );
        }
    }

    fn send(&mut self, keys: &[u8]) {
        self.writer.write_all(keys).expect("write keys");
        self.writer.flush().expect("flush");
    }

    fn status_line(&self) -> String {
        let screen = self.parser.screen().contents();
        screen.lines().last().unwrap_or("").to_string()
    }
}

/// Reads the pty's master side until the program's side is closed or `stop` is raised; it
/// looks at `stop` at least every 50 ms, so that a test can close the pty under the program.
fn read_pty(mut master: std::fs::File, tx: &mpsc::Sender<Vec<u8>>, stop: &AtomicBool) {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    let mut buf = [0u8; 8192];
    let tick = Timespec {
        tv_sec: 0,
        tv_nsec: 50_000_000,
    };
    while !stop.load(Ordering::Relaxed) {
        let mut fds = [PollFd::new(&master, PollFlags::IN)];
        match poll(&mut fds, Some(&tick)) {
            Ok(0) | Err(rustix::io::Errno::INTR) => continue,
            Ok(_) => {}
            Err(_) => return,
        }
        match master.read(&mut buf) {
            Ok(n) if n > 0 && tx.send(buf[..n].to_vec()).is_ok() => {}
            _ => return,
        }
    }
}

fn temp_home(tag: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("quoth-e2e-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("home");
    dir
}

#[test]
fn reader_shows_speakers_moves_on_tab_and_quits_cleanly() {
    let home = temp_home("read");
    let mut s = Session::start(
        &["sample-articles/putin-lukashenko-minsk.txt"],
        40,
        120,
        &home,
    );
    // The text shows at once; the speakers pane fills in when the attribution is done.
    s.wait_for("Putin and Lukashenko Keep Intrigue");
    assert!(
        s.parser.screen().alternate_screen(),
        "not on the alternate screen"
    );
    let screen = s.wait_for_status(" statements");
    assert!(screen.contains("Speakers"), "{screen}");
    assert!(
        screen.contains("● Vladimir Putin"),
        "speakers pane lacks Vladimir Putin:\n{screen}"
    );

    s.send(b"\t");
    s.wait_for_status("statement 1/");
    assert!(
        s.status_line().contains("Vladimir Putin"),
        "{}",
        s.status_line()
    );
    s.send(b"\t\t");
    s.wait_for_status("statement 3/");

    s.send(b"q");
    let end = Instant::now() + Duration::from_secs(10);
    let status = loop {
        s.pump(Duration::from_millis(50));
        if let Some(st) = s.child.try_wait().expect("wait") {
            break st;
        }
        assert!(Instant::now() < end, "quoth did not exit on q");
    };
    s.pump(Duration::from_millis(100));
    assert!(status.success(), "{status:?}");
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen still active after quit"
    );
    let raw = String::from_utf8_lossy(&s.raw);
    // Mouse reporting was switched off and the cursor shown again.
    assert!(
        raw.contains("\u{1b}[?1000l") || raw.contains("\u{1b}[?1006l"),
        "mouse capture not disabled"
    );
    assert!(raw.contains("\u{1b}[?25h"), "cursor not shown again");
    // The reading position was remembered outside the article's folder, and reading wrote
    // nothing beside the article.
    assert!(home.join("state/quoth/positions.json").exists());
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles");
    assert!(
        !samples
            .join("putin-lukashenko-minsk.txt.quoth.json")
            .exists()
    );
}

#[test]
fn sigterm_restores_the_terminal() {
    let home = temp_home("term");
    let mut s = Session::start(&["sample-articles/harbour-strike.txt"], 24, 80, &home);
    s.wait_for("Marta Kovacs");
    let pid = s.child.process_id().expect("pid");
    // SAFETY: sending a signal to our own child process.
    let rc = unsafe { libc_kill(pid as i32, 15) };
    assert_eq!(rc, 0);
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        s.pump(Duration::from_millis(50));
        if s.child.try_wait().expect("wait").is_some() {
            break;
        }
        assert!(Instant::now() < end, "quoth did not exit on SIGTERM");
    }
    s.pump(Duration::from_millis(100));
    assert!(
        !s.parser.screen().alternate_screen(),
        "alternate screen still active after SIGTERM"
    );
}

/// A Tab typed the moment the reader starts is not lost: it runs once the analysis is there,
/// on a short article (analysed before the first frame) and on a 10 MB one (in the
/// background).
#[test]
fn tab_typed_at_launch_lands_on_the_first_statement() {
    let home = temp_home("typeahead");
    let mut s = Session::start(
        &["sample-articles/putin-lukashenko-minsk.txt"],
        40,
        120,
        &home,
    );
    s.send(b"\t");
    s.wait_for_status("statement 1/");
    s.send(b"q");
    let long = home.join("long.txt");
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-articles/putin-lukashenko-minsk.txt"),
    )
    .expect("seed");
    // About 10 MB: analysed in the background for seconds (longer in a debug build).
    std::fs::write(&long, seed.repeat(10_000_000 / seed.len())).expect("write");
    let long = long.display().to_string();
    let mut s = Session::start(&[&long], 40, 120, &home);
    s.send(b"\t");
    // A debug build on a busy machine analyses slowly; the key must still land.
    let screen = s.wait_for_within("statement 1/", Duration::from_secs(180));
    assert!(!screen.contains("still analysing"), "{screen}");
    s.send(b"q");
}

unsafe extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}

#[test]
fn annotate_a_quote_then_find_it_again() {
    let home = temp_home("notes");
    let dir = home.join("articles");
    std::fs::create_dir_all(&dir).expect("dir");
    let article = dir.join("seed.txt");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-articles/putin-lukashenko-minsk.txt"),
        &article,
    )
    .expect("copy");
    let arg = article.to_str().expect("utf-8 path");

    let mut s = Session::start(&[arg], 40, 120, &home);
    s.wait_for_status(" statements");
    s.send(b"\t");
    s.wait_for_status("statement 1/");
    s.send(b"a");
    s.wait_for("Ctrl-S saves");
    s.send(b"Security first, says the Kremlin.");
    s.wait_for("Security first");
    s.send(b"\x13"); // Ctrl-S
    s.wait_for("note saved");
    s.send(b"q");
    let end = Instant::now() + Duration::from_secs(10);
    while s.child.try_wait().expect("wait").is_none() {
        s.pump(Duration::from_millis(50));
        assert!(Instant::now() < end, "quoth did not exit");
    }
    let sidecar =
        std::fs::read_to_string(dir.join("seed.txt.quoth.json")).expect("sidecar written");
    assert!(
        sidecar.contains("Security first, says the Kremlin."),
        "{sidecar}"
    );
    assert!(sidecar.contains("TextQuoteSelector") && sidecar.contains("“the issues of security”"));
    let beside: Vec<String> = std::fs::read_dir(&dir)
        .expect("dir")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        beside
            .iter()
            .all(|n| n == "seed.txt" || n.starts_with("seed.txt.quoth.json")),
        "{beside:?}"
    );

    // Reopening shows the note in the list.
    let mut s = Session::start(&[arg], 40, 120, &home);
    s.wait_for_status(" statements");
    s.send(b"L");
    let screen = s.wait_for("Security first, says the Kremlin.");
    assert!(screen.contains("the issues of security"), "{screen}");
    s.send(b"\x1b");
    std::thread::sleep(Duration::from_millis(200));
    s.send(b"q");
    let end = Instant::now() + Duration::from_secs(10);
    while s.child.try_wait().expect("wait").is_none() {
        s.pump(Duration::from_millis(50));
        assert!(Instant::now() < end, "quoth did not exit");
    }

    // The Markdown export holds the passage, its speaker and the note.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(["notes", arg, "--format", "markdown"])
        .output()
        .expect("notes export");
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(md.contains("> “the issues of security”"), "{md}");
    assert!(md.contains("— Vladimir Putin"), "{md}");
    assert!(md.contains("Security first, says the Kremlin."), "{md}");
}

#[test]
fn sighup_ends_the_process_and_restores_the_terminal() {
    let home = temp_home("hup");
    let mut s = Session::start(&["sample-articles/harbour-strike.txt"], 24, 80, &home);
    s.wait_for("Marta Kovacs");
    let pid = s.child.process_id().expect("pid");
    // SAFETY: sending a signal to our own child process.
    assert_eq!(unsafe { libc_kill(pid as i32, 1) }, 0);
    let end = Instant::now() + Duration::from_secs(10);
    while s.child.try_wait().expect("wait").is_none() {
        s.pump(Duration::from_millis(50));
        if Instant::now() > end {
            let _ = s.child.kill();
            panic!("quoth kept running after SIGHUP");
        }
    }
    s.pump(Duration::from_millis(100));
    assert!(!s.parser.screen().alternate_screen());
    drop(s.master.take());
}

/// Everything the program writes while showing a hostile article: no escape sequence from the
/// article may reach the terminal (no OSC title, clipboard or hyperlink, no bell, no bidi
/// override, no C1 control).
#[test]
fn article_escape_sequences_never_reach_the_terminal() {
    let home = temp_home("esc");
    let article = home.join("hostile.txt");
    let text = "Hostile Article\n\n\
        Title change \u{1b}]0;EVIL TITLE\u{7} and clipboard \u{1b}]52;c;SGVsbG8=\u{7} and \
        link \u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\ and cursor \u{1b}[10;10H \
        clear \u{1b}[2J bell \u{7} C1 \u{9b}31m bidi \u{202e}txet\u{202c}.\n\n\
        “A \u{1b}]0;QUOTED TITLE\u{7} quotation,” said Ana Ruiz.\n";
    std::fs::write(&article, text).expect("write");
    let mut s = Session::start(&[article.to_str().expect("path")], 24, 80, &home);
    s.wait_for("Hostile Article");
    s.wait_for_status(" statement");
    s.send(b"\t");
    s.wait_for_status("statement 1/");
    s.send(b"q");
    let end = Instant::now() + Duration::from_secs(10);
    while s.child.try_wait().expect("wait").is_none() {
        s.pump(Duration::from_millis(50));
        assert!(Instant::now() < end, "quoth did not exit");
    }
    s.pump(Duration::from_millis(100));
    let raw = String::from_utf8_lossy(&s.raw);
    for (bad, what) in [
        ("\u{1b}]", "an OSC sequence"),
        ("\u{7}", "a bell"),
        ("\u{202e}", "a bidi override"),
        ("\u{9b}", "a C1 control"),
        ("EVIL TITLE\u{7}", "the article's title sequence"),
        ("\u{1b}[10;10H", "the article's cursor move"),
    ] {
        assert!(!raw.contains(bad), "{what} reached the terminal");
    }
    // The article's text is there, with its controls shown as symbols.
    assert!(raw.contains("␛"), "escape not shown as a symbol");
}

/// Ctrl-Z under a job-control shell stops the reader; `fg` brings it back and it redraws.
#[test]
fn ctrl_z_suspends_and_fg_redraws() {
    let home = temp_home("tstp");
    let mut s = Session::start_command("bash", &["--norc", "--noprofile", "-i"], 24, 80, &home);
    s.send(b"PS1='$ '\n");
    s.wait_for("$ ");
    let cmd = format!(
        "{} sample-articles/harbour-strike.txt\n",
        env!("CARGO_BIN_EXE_quoth")
    );
    s.send(cmd.as_bytes());
    s.wait_for("Marta Kovacs");
    assert!(s.parser.screen().alternate_screen());
    s.send(b"\x1a");
    s.wait_for("Stopped");
    assert!(
        !s.parser.screen().alternate_screen(),
        "terminal not given back on Ctrl-Z"
    );
    // Wait for the shell's prompt after the job notice.
    let end = Instant::now() + Duration::from_secs(10);
    while !s.parser.screen().contents().trim_end().ends_with('$') {
        s.pump(Duration::from_millis(50));
        assert!(
            Instant::now() < end,
            "no prompt after Ctrl-Z:\n{}",
            s.parser.screen().contents()
        );
    }
    s.send(b"fg\n");
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        s.pump(Duration::from_millis(50));
        if s.parser.screen().alternate_screen()
            && s.parser.screen().contents().contains("Marta Kovacs")
        {
            break;
        }
        assert!(
            Instant::now() < end,
            "no redraw after fg:\n{}",
            s.parser.screen().contents()
        );
    }
    s.send(b"q");
    s.wait_for("$ ");
    assert!(!s.parser.screen().alternate_screen());
    s.send(b"exit\n");
    let _ = s.child.kill();
}

/// SIGTERM while a note is being written: the note is saved, not lost.
#[test]
fn sigterm_saves_the_note_being_written() {
    let home = temp_home("draft");
    let dir = home.join("articles");
    std::fs::create_dir_all(&dir).expect("dir");
    let article = dir.join("story.txt");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles/harbour-strike.txt"),
        &article,
    )
    .expect("copy");
    let mut s = Session::start(&[article.to_str().expect("path")], 24, 80, &home);
    s.wait_for_status(" statements");
    s.send(b"\ta");
    s.wait_for("Ctrl-S saves");
    s.send(b"unfinished thought");
    s.wait_for("unfinished thought");
    let pid = s.child.process_id().expect("pid");
    // SAFETY: sending a signal to our own child process.
    assert_eq!(unsafe { libc_kill(pid as i32, 15) }, 0);
    let end = Instant::now() + Duration::from_secs(10);
    while s.child.try_wait().expect("wait").is_none() {
        s.pump(Duration::from_millis(50));
        assert!(Instant::now() < end, "quoth did not exit on SIGTERM");
    }
    let sidecar =
        std::fs::read_to_string(dir.join("story.txt.quoth.json")).expect("the draft was saved");
    assert!(sidecar.contains("unfinished thought"), "{sidecar}");
}

#[test]
fn pipes_as_sidecar_and_positions_file_neither_hang_nor_blank_the_reader() {
    let home = temp_home("fifos");
    let dir = home.join("articles");
    std::fs::create_dir_all(&dir).expect("dir");
    std::fs::create_dir_all(home.join("state/quoth")).expect("state");
    let article = dir.join("story.txt");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles/harbour-strike.txt"),
        &article,
    )
    .expect("copy");
    for fifo in [
        dir.join("story.txt.quoth.json"),
        home.join("state/quoth/positions.json"),
    ] {
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        assert!(made, "mkfifo {}", fifo.display());
    }
    let path = article.to_str().expect("utf-8 path");
    let mut s = Session::start(&[path], 24, 80, &home);
    s.wait_for("Marta Kovacs");
    s.wait_for("notes unavailable");
    s.send(b"q");
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        s.pump(Duration::from_millis(50));
        if s.child.try_wait().expect("wait").is_some() {
            break;
        }
        assert!(Instant::now() < end, "quoth did not exit on q");
    }
}

/// Counters the kernel keeps for a process: write system calls (`/proc/PID/io`) and, per
/// thread, how often it was switched in (`/proc/PID/task/*/status`). A sleeping process moves
/// neither.
#[cfg(target_os = "linux")]
fn write_calls(pid: u32) -> u64 {
    let io = std::fs::read_to_string(format!("/proc/{pid}/io")).expect("/proc/PID/io");
    io.lines()
        .find_map(|l| l.strip_prefix("syscw:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("syscw")
}

/// Context switches of each thread, by thread id.
#[cfg(target_os = "linux")]
fn switches(pid: u32) -> std::collections::BTreeMap<String, u64> {
    let mut out = std::collections::BTreeMap::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).expect("tasks") {
        let task = task.expect("task");
        let Ok(status) = std::fs::read_to_string(task.path().join("status")) else {
            continue; // the thread ended meanwhile
        };
        let n: u64 = status
            .lines()
            .filter(|l| l.contains("ctxt_switches:"))
            .filter_map(|l| l.split(':').nth(1)?.trim().parse::<u64>().ok())
            .sum();
        out.insert(task.file_name().to_string_lossy().into_owned(), n);
    }
    out
}

/// Idle means idle: once the text and the attribution are on screen, two seconds without
/// input write nothing to the terminal and wake no thread (no timer, no polling).
#[cfg(target_os = "linux")]
#[test]
fn an_idle_reader_writes_nothing_and_sleeps() {
    let home = temp_home("idle");
    let mut s = Session::start(&["sample-articles/harbour-strike.txt"], 24, 80, &home);
    s.wait_for(" statements");
    let pid = s.child.process_id().expect("pid");
    // The frame that shows the attribution may still be in flight, its thread ending.
    s.pump(Duration::from_millis(500));
    let (bytes, writes, woken) = (s.raw.len(), write_calls(pid), switches(pid));
    s.pump(Duration::from_secs(2));
    assert_eq!(s.raw.len(), bytes, "bytes written while idle");
    assert_eq!(write_calls(pid), writes, "write calls while idle");
    let after = switches(pid);
    for (tid, n) in &woken {
        // Threads that ended in between are not idle threads; the others must not have run.
        if let Some(m) = after.get(tid) {
            assert_eq!(m, n, "thread {tid} woke up while idle");
        }
    }
    s.send(b"q");
    s.wait_exit();
}

/// A key's frame goes out in one write, wrapped in synchronized output (DEC mode 2026).
#[cfg(target_os = "linux")]
#[test]
fn a_frame_is_one_synchronized_write() {
    let home = temp_home("frame");
    let mut s = Session::start(
        &["sample-articles/putin-lukashenko-minsk.txt"],
        40,
        120,
        &home,
    );
    s.wait_for(" statements");
    let pid = s.child.process_id().expect("pid");
    s.pump(Duration::from_millis(500));
    let (from, writes) = (s.raw.len(), write_calls(pid));
    s.send(b"\t");
    s.wait_for("statement 1/");
    // Anything else the key caused has time to arrive.
    s.pump(Duration::from_millis(500));
    assert_eq!(
        write_calls(pid) - writes,
        1,
        "one key, one frame, one write"
    );
    let frame = &s.raw[from..];
    assert!(frame.starts_with(b"\x1b[?2026h"), "frame not synchronized");
    assert!(frame.ends_with(b"\x1b[?2026l"), "frame not synchronized");
    s.send(b"q");
    s.wait_exit();
}

/// Copies a sample article into a folder of its own, where its notes can be written.
fn article_copy(home: &std::path::Path, sample: &str) -> std::path::PathBuf {
    let dir = home.join("articles");
    std::fs::create_dir_all(&dir).expect("dir");
    let article = dir.join("story.txt");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(sample),
        &article,
    )
    .expect("copy");
    article
}

/// Waits until `ready` holds (or fails after a generous while, saying `what`).
fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let end = Instant::now() + Duration::from_secs(20);
    while !ready() {
        assert!(Instant::now() < end, "timed out waiting: {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Whether a process whose command line mentions `needle` is still running.
#[cfg(target_os = "linux")]
fn running(needle: &str) -> bool {
    let Ok(procs) = std::fs::read_dir("/proc") else {
        return false;
    };
    procs.filter_map(|p| p.ok()).any(|p| {
        std::fs::read(p.path().join("cmdline"))
            .is_ok_and(|c| String::from_utf8_lossy(&c).contains(needle))
    })
}

/// Opens the note editor on the first quotation and types `draft` into it.
fn start_a_note(s: &mut Session, draft: &str) {
    s.send(b"\ta");
    s.wait_for("Ctrl-S saves");
    s.send(draft.as_bytes());
    s.wait_for(draft);
}

fn saved_draft(article: &std::path::Path, draft: &str) -> bool {
    let sidecar = article.with_file_name("story.txt.quoth.json");
    std::fs::read_to_string(sidecar).is_ok_and(|s| s.contains(draft))
}

fn saved_position(home: &std::path::Path) -> bool {
    std::fs::read_to_string(home.join("state/quoth/positions.json"))
        .is_ok_and(|p| p.contains("story.txt"))
}

/// Closing the window (the pty's master side goes away) with the note editor open: the note
/// being written and the reading position are saved, and the reader ends.
#[test]
fn closing_the_terminal_saves_the_note_being_written_and_the_position() {
    let home = temp_home("close");
    let article = article_copy(&home, "sample-articles/harbour-strike.txt");
    let mut s = Session::start(&[article.to_str().expect("path")], 24, 80, &home);
    s.wait_for(" statements");
    start_a_note(&mut s, "typed before the window closed");
    s.hang_up();
    let status = s.wait_exit();
    assert!(
        saved_draft(&article, "typed before the window closed"),
        "{status:?}"
    );
    assert!(saved_position(&home), "reading position not saved");
}

/// A terminal that hangs up without a SIGHUP reaching the reader (here the reader is in a
/// session of its own, so the terminal is not its controlling one): the end of the input is
/// seen, the note and position are saved, and the reader ends instead of spinning.
#[cfg(target_os = "linux")]
#[test]
fn a_terminal_gone_without_a_signal_still_saves_and_ends() {
    let home = temp_home("eio");
    let article = article_copy(&home, "sample-articles/harbour-strike.txt");
    let path = article.to_str().expect("path");
    let quoth = env!("CARGO_BIN_EXE_quoth");
    let mut s = Session::start_command("setsid", &["-w", quoth, path], 24, 80, &home);
    s.wait_for(" statements");
    start_a_note(&mut s, "written as the terminal vanished");
    s.hang_up();
    wait_until("the reader ends", || !running(path));
    assert!(saved_draft(&article, "written as the terminal vanished"));
    assert!(saved_position(&home), "reading position not saved");
}

/// Ctrl-Z, then `kill %1`: the shell sends SIGTERM and continues the stopped job; the reader,
/// continued in the background, must end (saving the note) rather than stop again on the
/// terminal it no longer owns.
#[cfg(target_os = "linux")]
#[test]
fn sigterm_while_stopped_ends_the_reader_and_saves() {
    let home = temp_home("stopkill");
    let article = article_copy(&home, "sample-articles/harbour-strike.txt");
    let path = article.to_str().expect("path");
    let mut s = Session::start_command("bash", &["--norc", "--noprofile", "-i"], 24, 80, &home);
    s.send(b"PS1='$ '\n");
    s.wait_for("$ ");
    s.send(format!("{} {path}\n", env!("CARGO_BIN_EXE_quoth")).as_bytes());
    s.wait_for(" statements");
    start_a_note(&mut s, "kept through a kill");
    s.send(b"\x1a");
    s.wait_for("Stopped");
    s.send(b"kill %1\n");
    wait_until("the reader ends", || {
        s.pump(Duration::from_millis(10));
        !running(path)
    });
    assert!(saved_draft(&article, "kept through a kill"));
    assert!(saved_position(&home), "reading position not saved");
    s.send(b"exit\n");
    let _ = s.child.kill();
}

/// A resized window is redrawn at its new size while the reader is otherwise idle.
#[test]
fn resizing_the_window_redraws_at_the_new_size() {
    let home = temp_home("resize");
    let mut s = Session::start(&["sample-articles/harbour-strike.txt"], 24, 80, &home);
    s.wait_for(" statements");
    s.master
        .as_ref()
        .expect("pty")
        .resize(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("resize");
    s.parser.screen_mut().set_size(30, 100);
    let end = Instant::now() + Duration::from_secs(20);
    while !s.status_line().contains(" statements") {
        s.pump(Duration::from_millis(50));
        assert!(
            Instant::now() < end,
            "not redrawn at 30 rows:\n{}",
            s.parser.screen().contents()
        );
    }
    s.send(b"q");
    s.wait_exit();
}

/// A long file shows its first screen from its head; the whole text follows: the end can be
/// reached, and a position past the head is restored on reopening.
#[test]
fn a_long_file_shows_its_start_then_the_whole_text() {
    let home = temp_home("long");
    let article = home.join("long.txt");
    let mut text = String::from("A Long Read\n\n");
    for i in 0..12_000 {
        text.push_str(&format!(
            "Paragraph {i}: “We will keep going,” said Ana Ruiz on day {i}.\n\n"
        ));
    }
    text.push_str("The very last paragraph of the long read.\n");
    std::fs::write(&article, &text).expect("write");
    let path = article.to_str().expect("path");
    let mut s = Session::start(&[path], 24, 80, &home);
    s.wait_for("A Long Read");
    // The attribution runs on the whole text, so once it is shown the whole text is there.
    s.wait_for(" statements");
    s.send(b"G");
    s.wait_for("The very last paragraph");
    s.send(b"q");
    s.wait_exit();
    let mut s = Session::start(&[path], 24, 80, &home);
    s.wait_for("The very last paragraph");
    s.send(b"q");
    s.wait_exit();
}

/// Waits, much longer than `wait_for`, until the screen holds every one of `needles` at once
/// (for work that takes seconds in a debug build on a busy machine).
fn wait_for_all(s: &mut Session, needles: &[&str]) -> String {
    let end = Instant::now() + Duration::from_secs(300);
    loop {
        s.pump(Duration::from_millis(50));
        let screen = s.parser.screen().contents();
        if needles.iter().all(|n| screen.contains(n)) {
            return screen;
        }
        assert!(
            Instant::now() < end,
            "timed out waiting for {needles:?}; screen:\n{screen}"
        );
    }
}

/// A speaker correction on a 10 MB article re-runs the attribution in the background: the
/// next key is answered on the screen while the new analysis is still running, and the
/// correction shows once it is done.
#[test]
fn a_correction_on_a_long_article_does_not_hold_up_the_next_key() {
    let home = temp_home("reanalyse");
    let sample = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-articles/harbour-strike.txt"),
    )
    .expect("sample");
    let article = home.join("articles").join("story.txt");
    std::fs::create_dir_all(article.parent().expect("dir")).expect("dir");
    let copies = (10 << 20) / (sample.len() + 2) + 1;
    std::fs::write(&article, format!("{sample}\n\n").repeat(copies)).expect("write");
    let mut s = Session::start(&[article.to_str().expect("path")], 24, 100, &home);
    wait_for_all(&mut s, &[" statements"]);
    s.send(b"\t");
    s.wait_for("statement 1/");
    s.send(b"c");
    s.wait_for("not a statement");
    s.send(b"Zed Quill\r");
    // At once, before the new analysis is done: the next key's effect is on screen. (A key
    // that needs the analysis, like Tab, waits for it by design; moving does not.)
    s.send(b"G");
    wait_for_all(&mut s, &["100%", "analysing…"]);
    // Then the new analysis, with the correction, is in: back at the top, the quotation's
    // gutter shows the new speaker's initials.
    s.send(b"g");
    wait_for_all(&mut s, &["ZQ \"We have been patient"]);
    s.send(b"q");
    s.wait_exit();
}
