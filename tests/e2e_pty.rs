//! End to end: the real binary in a pseudo-terminal. Keys go in, the screen is parsed with
//! vt100, and quitting must leave the alternate screen and restore the terminal.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How many statements (quoted and reported) the engine finds in a sample article: the
/// reader counts them all, and the count follows the engine.
fn statements_in(sample: &str) -> usize {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-articles")
        .join(sample);
    let article = quoth::article::Article::load_as(&path, None).expect("sample article");
    quoth::attribution::analyse(&article).quotes.len()
}

struct Session {
    master: Option<Box<dyn portable_pty::MasterPty + Send>>,
    parser: vt100::Parser,
    rx: mpsc::Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    raw: Vec<u8>,
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
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(env!("CARGO_MANIFEST_DIR"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("HOME", home);
        cmd.env("XDG_STATE_HOME", home.join("state"));
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        let child = pty.slave.spawn_command(cmd).expect("spawn quoth");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            master: Some(pty.master),
            parser: vt100::Parser::new(rows, cols, 0),
            rx,
            writer,
            child,
            raw: Vec::new(),
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
        let end = Instant::now() + Duration::from_secs(10);
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
    let n = statements_in("putin-lukashenko-minsk.txt");
    let screen = s.wait_for(&format!("{n} quotes"));
    assert!(screen.contains("Speakers"), "{screen}");
    assert!(
        screen.contains("● Vladimir Putin"),
        "speakers pane lacks Vladimir Putin:\n{screen}"
    );

    s.send(b"\t");
    s.wait_for(&format!("quote 1/{n}"));
    assert!(
        s.status_line().contains("Vladimir Putin"),
        "{}",
        s.status_line()
    );
    s.send(b"\t\t");
    s.wait_for(&format!("quote 3/{n}"));

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

    let n = statements_in("putin-lukashenko-minsk.txt");
    let mut s = Session::start(&[arg], 40, 120, &home);
    s.wait_for(&format!("{n} quotes"));
    s.send(b"\t");
    s.wait_for(&format!("quote 1/{n}"));
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
    s.wait_for(&format!("{n} quotes"));
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
    s.wait_for("1 quote");
    s.send(b"\t");
    s.wait_for("quote 1/1");
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
    let n = statements_in("harbour-strike.txt");
    s.wait_for(&format!("{n} quotes"));
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
