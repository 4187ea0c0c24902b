//! Hostile files against the real binary: nothing from the input may steer the terminal,
//! whatever the command, and no state file can hang quoth.

use quoth::notes::{Correction, Note, Sidecar, Target, model, selectors_for, store};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod pty;

fn temp(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quoth-hardening-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    d
}

/// quoth with private XDG folders under `home`, its output captured.
fn command(home: &Path, args: &[&std::ffi::OsStr]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_quoth"));
    cmd.args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// Runs quoth with private folders, stdin closed.
fn quoth(home: &Path, args: &[&std::ffi::OsStr]) -> Output {
    command(home, args).output().expect("run quoth")
}

/// Starts quoth with private folders, stdin closed.
fn spawn(home: &Path, args: &[&std::ffi::OsStr]) -> std::process::Child {
    command(home, args).spawn().expect("spawn quoth")
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo {}", path.display());
}

/// Characters that steer a terminal or reorder text: ESC, BEL, C1, bidi overrides/isolates.
fn steering(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            c == '\u{1b}'
                || c == '\u{7}'
                || ('\u{80}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .collect()
}

fn assert_clean(what: &str, o: &Output) {
    for (stream, bytes) in [("stdout", &o.stdout), ("stderr", &o.stderr)] {
        let s = String::from_utf8_lossy(bytes);
        let bad = steering(&s);
        assert!(bad.is_empty(), "{what}: {stream} carries {bad:?}: {s:?}");
    }
}

const HOSTILE_TITLE: &str = "Title\u{1b}]0;pwned\u{7}\u{1b}]52;c;aGk=\u{7}\u{202e}\u{9b}2J";

/// An article with escape sequences in its title and quotation, a hostile file name, and a
/// sidecar whose correction names a speaker with an escape sequence and whose notes carry
/// them in their bodies (one note orphaned).
fn hostile_article(dir: &Path) -> PathBuf {
    let name = "story\u{1b}[2J\u{1b}]0;T\u{7}\u{202e}\u{2066}.txt";
    let path = dir.join(name);
    let text = format!(
        "{HOSTILE_TITLE}\n\n“We will not move\u{1b}[31m one inch\u{7},” said Ana Ruiz, the \
         harbour's union secretary.\n\n“Nobody wants this\u{2067},” said Omar Haddad.\n"
    );
    std::fs::write(&path, &text).expect("article");
    let quote = text.find('“').expect("quote");
    let end = text[quote..].find('”').expect("end") + quote + '”'.len_utf8();
    let t = model::now();
    let mut doc = Sidecar::new(store::fingerprint(&text));
    doc.corrections.push(Correction {
        id: model::new_id("c"),
        modified: t.clone(),
        target: Target::from_selectors(&selectors_for(&text, quote..end)),
        speaker: Some("Evil\u{1b}]0;T\u{7}\u{1b}[".repeat(3)),
        not_a_quote: false,
        deleted: None,
        extra: Default::default(),
    });
    let note = |body: &str, target: Target| Note {
        id: model::new_id("n"),
        created: t.clone(),
        modified: t.clone(),
        body: body.to_string(),
        target,
        deleted: None,
        extra: Default::default(),
    };
    doc.notes.push(note(
        "body\u{1b}]52;c;aGk=\u{7} \u{202e}reversed\u{85}",
        Target::from_selectors(&selectors_for(&text, quote..end)),
    ));
    let mut orphan = selectors_for(&text, 0..5);
    orphan.exact = "gone\u{1b}]0;x\u{7}\u{2069}".into();
    orphan.prefix = "nowhere".into();
    doc.notes
        .push(note("orphan\u{1b}[5m", Target::from_selectors(&orphan)));
    let sidecar = store::sidecar_path(&path);
    std::fs::write(&sidecar, serde_json::to_vec(&doc).expect("json")).expect("sidecar");
    path
}

#[test]
fn no_output_path_lets_the_input_steer_the_terminal() {
    let dir = temp("steer");
    let path = hostile_article(&dir);
    let p = path.as_os_str();
    let arg = |s: &'static str| std::ffi::OsStr::new(s);

    let table = quoth(&dir, &[arg("quotes"), p, p]);
    assert_eq!(table.status.code(), Some(0), "{table:?}");
    let out = String::from_utf8_lossy(&table.stdout);
    assert!(out.contains("== "), "{out}");
    assert!(out.contains("Evil"), "the correction is applied: {out}");
    assert_clean("quotes table", &table);

    for format in ["text", "markdown"] {
        let o = quoth(&dir, &[arg("notes"), p, arg("--format"), arg(format)]);
        assert_eq!(o.status.code(), Some(0), "{o:?}");
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("body") && out.contains("orphan"), "{out}");
        assert_clean(format, &o);
    }

    // JSON stays exact: the escape characters are there, as JSON escapes.
    let json = quoth(&dir, &[arg("notes"), p, arg("--format"), arg("json")]);
    assert_clean("json", &json);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert!(v.to_string().contains("\\u001b]52"), "{v}");

    let missing = dir.join("gone\u{1b}]0;T\u{7}\u{202e}.txt");
    let err = quoth(&dir, &[arg("quotes"), missing.as_os_str()]);
    assert_eq!(err.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&err.stderr).contains("no such file"));
    assert_clean("error message", &err);

    let usage = quoth(
        &dir,
        &[arg("notes"), p, arg("--format"), arg("\u{1b}]0;x\u{7}")],
    );
    assert_eq!(usage.status.code(), Some(2));
    assert_clean("usage error", &usage);
}

#[test]
fn markdown_export_to_a_pipe_keeps_the_text() {
    let dir = temp("export");
    let path = hostile_article(&dir);
    let o = quoth(
        &dir,
        &[
            std::ffi::OsStr::new("notes"),
            path.as_os_str(),
            std::ffi::OsStr::new("--format"),
            std::ffi::OsStr::new("markdown"),
        ],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("# Notes on Title]0;pwned"), "{out}");
    assert!(out.contains("reversed"), "{out}");
    assert!(
        !out.contains('␛'),
        "a file gets the text, not pictures: {out}"
    );
}

/// Runs quoth with `input` on its standard input (a pipe).
fn quoth_piped(home: &Path, args: &[&str], input: &str) -> Output {
    use std::io::Write;
    let args: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    let mut child = command(home, &args)
        .stdin(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(input.as_bytes()).expect("write");
    drop(stdin);
    child.wait_with_output().expect("output")
}

/// The folders the child sees with the environment of [`quoth`].
fn folders_of(home: &Path) -> quoth::files::Folders {
    quoth::files::Folders {
        data: Some(home.join("data/quoth")),
        state: Some(home.join("state/quoth")),
        config: Some(home.join("config/quoth")),
    }
}

/// Saves, where `place` says, a correction naming `speaker` for the first quotation of `text`.
fn save_correction(place: store::Place, text: &str, speaker: &str) {
    let quote = text.find('“').expect("quote");
    let end = text.find('”').expect("end") + '”'.len_utf8();
    let mut st = quoth::notes::Store::open_at(place, text).expect("open");
    st.doc.corrections.push(Correction {
        id: model::new_id("c"),
        modified: model::now(),
        target: Target::from_selectors(&selectors_for(text, quote..end)),
        speaker: Some(speaker.into()),
        not_a_quote: false,
        deleted: None,
        extra: Default::default(),
    });
    st.save().expect("save");
}

const PIPED: &str = "“We will not move,” said Ana Ruiz, the union's secretary.\n";

#[test]
fn quotes_and_notes_on_stdin_agree_on_the_corrected_speaker() {
    let home = temp("stdin");
    let place = store::Place::of(None, PIPED, None, &folders_of(&home)).expect("place");
    save_correction(place, PIPED, "Marta Kovacs");
    let json = quoth_piped(&home, &["quotes", "--json", "-"], PIPED);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(v["quotes"][0]["speaker"], "Marta Kovacs", "{v}");
    // With no file and a pipe, `quotes` reads standard input too.
    let table = quoth_piped(&home, &["quotes"], PIPED);
    assert!(
        String::from_utf8_lossy(&table.stdout).contains("Marta Kovacs"),
        "{table:?}"
    );
    let notes = quoth_piped(&home, &["notes", "-", "--format", "json"], PIPED);
    assert_eq!(notes.status.code(), Some(0), "{notes:?}");
}

#[test]
fn the_cli_sees_notes_and_corrections_kept_in_the_data_folder() {
    let home = temp("datafolder");
    let article = home.join("story.txt");
    std::fs::write(&article, PIPED).expect("article");
    let place = store::Place::of(Some(&article), PIPED, None, &folders_of(&home)).expect("place");
    // As when the article's folder was read-only: the notes went to the data folder.
    let copy = place.data_copy.clone().expect("data folder");
    let in_data_folder = store::Place {
        sidecar: copy,
        data_copy: None,
    };
    save_correction(in_data_folder, PIPED, "Marta Kovacs");
    let o = quoth(&home, &["quotes".as_ref(), article.as_os_str()]);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Marta Kovacs"),
        "{o:?}"
    );
    // A copy of the same text elsewhere does not get them.
    let other = home.join("elsewhere");
    std::fs::create_dir_all(&other).expect("dir");
    std::fs::write(other.join("story.txt"), PIPED).expect("copy");
    let o = quoth(
        &home,
        &["quotes".as_ref(), other.join("story.txt").as_os_str()],
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Ana Ruiz") && !out.contains("Marta"), "{out}");
}

/// Waits for a child at most `secs` seconds: a hang detector, not a speed test.
fn finishes_within(mut child: std::process::Child, secs: u64) -> Output {
    for _ in 0..secs * 10 {
        if child.try_wait().expect("wait").is_some() {
            return child.wait_with_output().expect("output");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let _ = child.kill();
    panic!("quoth hung");
}

#[cfg(unix)]
#[test]
fn state_files_that_are_pipes_or_devices_do_not_hang_the_cli() {
    let home = temp("fifo");
    let article = home.join("story.txt");
    std::fs::write(&article, PIPED).expect("article");
    let sidecar = store::sidecar_path(&article);
    mkfifo(&sidecar);
    let o = finishes_within(spawn(&home, &["quotes".as_ref(), article.as_os_str()]), 30);
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Ana Ruiz"),
        "{o:?}"
    );
    let o = finishes_within(spawn(&home, &["notes".as_ref(), article.as_os_str()]), 30);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("not a regular file"),
        "{o:?}"
    );
    std::fs::remove_file(&sidecar).expect("rm");
    std::os::unix::fs::symlink("/dev/zero", &sidecar).expect("symlink");
    let o = finishes_within(spawn(&home, &["notes".as_ref(), article.as_os_str()]), 30);
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("not a regular file"),
        "{o:?}"
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_as_the_config_file_is_refused_before_the_reader_starts() {
    let home = temp("configfifo");
    let article = home.join("story.txt");
    std::fs::write(&article, PIPED).expect("article");
    std::fs::create_dir_all(home.join("config/quoth")).expect("dir");
    mkfifo(&home.join("config/quoth/config.toml"));
    let o = finishes_within(spawn(&home, &[article.as_os_str()]), 30);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("not a regular file"),
        "{o:?}"
    );
}

/// Runs quoth in a pseudo-terminal, as a person would: stdout and stderr are the terminal, so
/// the terminal rule applies (controls shown as symbols), not the pipe rule. Returns every
/// byte the terminal received.
fn quoth_on_a_terminal(home: &Path, args: &[&std::ffi::OsStr]) -> String {
    use std::io::Read;
    let pty = pty::spawn(env!("CARGO_BIN_EXE_quoth"), args, home, 40, 200);
    let mut child = pty.child;
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = reader.read(&mut buf) {
            if n == 0 {
                break;
            }
            all.extend_from_slice(&buf[..n]);
        }
        let _ = tx.send(all);
    });
    child.wait().expect("quoth ends");
    drop(pty.master);
    let bytes = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .unwrap_or_default();
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The same output paths as above, on a terminal: the table (hostile file name, corrected
/// speaker), notes as text and Markdown, and an error message carry nothing that steers it.
#[test]
fn no_output_path_steers_a_real_terminal() {
    let dir = temp("steer-pty");
    let path = hostile_article(&dir);
    let p = path.as_os_str();
    let arg = |s: &'static str| std::ffi::OsStr::new(s);
    let missing = dir.join("gone\u{1b}]0;T\u{7}\u{202e}.txt");
    let cases: [(&str, Vec<&std::ffi::OsStr>); 4] = [
        ("quotes table", vec![arg("quotes"), p, p]),
        (
            "notes text",
            vec![arg("notes"), p, arg("--format"), arg("text")],
        ),
        (
            "notes markdown",
            vec![arg("notes"), p, arg("--format"), arg("markdown")],
        ),
        ("error message", vec![arg("quotes"), missing.as_os_str()]),
    ];
    for (what, args) in cases {
        let seen = quoth_on_a_terminal(&dir, &args);
        assert!(!seen.trim().is_empty(), "{what}: nothing printed");
        let bad = steering(&seen);
        assert!(bad.is_empty(), "{what}: the terminal got {bad:?}: {seen:?}");
        // On a terminal the escapes are shown, not dropped: ESC as its control picture.
        assert!(
            seen.contains('␛'),
            "{what}: the escape is not shown: {seen:?}"
        );
    }
}
