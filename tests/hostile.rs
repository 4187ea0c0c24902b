//! Hostile input: the program keeps working, never panics, and never lets the article write
//! to the terminal.

use quoth::article::Article;
use quoth::attribution::analyse;
use quoth::ui::app::{App, Event, update};
use quoth::ui::keymap::{Action, Keymap};
use quoth::ui::render::draw;
use quoth::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use std::process::Command;

fn temp(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("quoth-hostile-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("dir");
    d
}

fn app_for(text: String) -> App {
    let article = Article::from_text(text, None);
    let analysis = analyse(&article);
    App::new(
        article,
        analysis,
        Keymap::default(),
        Theme::new(false, None),
    )
}

fn draw_at(app: &mut App, w: u16, h: u16) -> Terminal<TestBackend> {
    update(app, Event::Resize(w, h));
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| draw(f, app)).expect("draw");
    term
}

fn no_control_cells(term: &Terminal<TestBackend>) {
    for cell in term.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control character drawn: {:?}",
            cell.symbol()
        );
        assert!(!cell.symbol().contains('\u{202e}'), "bidi override drawn");
    }
}

#[test]
fn empty_file_opens_and_says_so() {
    let dir = temp("empty");
    let f = dir.join("empty.txt");
    std::fs::write(&f, b"").expect("write");
    let article = Article::load(&f).expect("an empty file is an empty article");
    let mut app = App::new(
        article,
        Default::default(),
        Keymap::default(),
        Theme::new(false, None),
    );
    let term = draw_at(&mut app, 60, 10);
    assert!(term.backend().to_string().contains("no text"));
    let o = Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(["quotes", f.to_str().expect("path")])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&o.stdout).contains("0 quotations"));
}

#[test]
fn files_over_the_limit_are_refused_quickly() {
    let dir = temp("huge");
    let f = dir.join("huge.txt");
    // A sparse 1 GiB file: refused from its size, never read.
    std::fs::File::create(&f)
        .and_then(|h| h.set_len(1 << 30))
        .expect("sparse file");
    let start = std::time::Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(["quotes", f.to_str().expect("path")])
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("too large") && err.contains("QUOTH_MAX_SIZE"),
        "{err}"
    );
    assert!(start.elapsed().as_secs() < 5);
    // The limit is configurable.
    let small = dir.join("small.txt");
    std::fs::write(&small, "“Hello,” said Ana Ruiz.\n".repeat(100)).expect("write");
    let o = Command::new(env!("CARGO_BIN_EXE_quoth"))
        .args(["quotes", small.to_str().expect("path")])
        .env("QUOTH_MAX_SIZE", "1K")
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn invalid_utf8_is_decoded_not_refused() {
    let article = Article::from_bytes(
        b"\xe2\x80\x9cCaf\xe9,\xe2\x80\x9d said Ana Ruiz.",
        None,
        None,
    )
    .expect("decoded");
    assert!(article.text.contains("said Ana Ruiz"));
}

#[test]
fn one_ten_megabyte_line() {
    let line = "word “quoted words here,” said Ana Ruiz. ".repeat(10 * 1024 * 1024 / 42);
    let mut app = app_for(line);
    let term = draw_at(&mut app, 120, 40);
    assert!(term.backend().to_string().contains("word"));
    for a in [
        Action::PageDown,
        Action::NextQuote,
        Action::Bottom,
        Action::PrevQuote,
        Action::Top,
    ] {
        update(&mut app, Event::Action(a));
        let mut t = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
        t.draw(|f| draw(f, &app)).expect("draw");
    }
}

#[test]
fn a_hundred_thousand_paragraphs() {
    let text: String = (0..100_000)
        .map(|i| format!("Paragraph {i}: “Line {i},” said Ana Ruiz.\n\n"))
        .collect();
    let mut app = app_for(text);
    assert_eq!(app.doc.article.paragraphs.len(), 100_000);
    draw_at(&mut app, 80, 24);
    update(&mut app, Event::Action(Action::Bottom));
    let term = draw_at(&mut app, 80, 24);
    assert!(term.backend().to_string().contains("99999"));
}

#[test]
fn every_control_character_and_escape_sequence_is_drawn_harmlessly() {
    let mut text = String::from("Title\n\n");
    for c in (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
        text.push(c);
        text.push(' ');
    }
    text.push_str("\n\nTitle change \u{1b}]0;EVIL TITLE\u{7} clipboard \u{1b}]52;c;SGVsbG8=\u{7} link \u{1b}]8;;https://evil.example\u{1b}\\click\u{1b}]8;;\u{1b}\\ clear \u{1b}[2J\u{1b}[H bidi \u{202e}txet desrever\u{202c} “quoted \u{1b}[31mred\u{1b}[0m,” said Ana Ruiz.\n");
    let mut app = app_for(text);
    for (w, h) in [(120, 40), (40, 10), (20, 5)] {
        let term = draw_at(&mut app, w, h);
        no_control_cells(&term);
    }
}

#[test]
fn tiny_terminals_and_resize_bursts_never_panic() {
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("sample-articles/putin-lukashenko-minsk.txt"),
    )
    .expect("seed");
    let mut app = app_for(seed);
    for w in 1..12u16 {
        for h in 1..6u16 {
            draw_at(&mut app, w, h);
        }
    }
    update(&mut app, Event::Action(Action::NextQuote));
    update(&mut app, Event::Action(Action::Help));
    let mut x = 12345u32;
    for _ in 0..300 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        let (w, h) = (1 + (x % 200) as u16, 1 + ((x >> 8) % 70) as u16);
        update(&mut app, Event::Resize(w, h));
    }
    draw_at(&mut app, 1, 1);
    update(&mut app, Event::Action(Action::Help));
    update(&mut app, Event::Action(Action::FocusSpeakers));
    for (w, h) in [(1, 1), (2, 2), (5, 3), (89, 2), (90, 3)] {
        draw_at(&mut app, w, h);
    }
}

/// A full disk during a save: the old sidecar stays intact and the user is told (the notes go
/// to the data folder). Needs a tiny tmpfs, so it runs as root where mount works.
#[test]
#[ignore = "needs root: mounts a 64 KiB tmpfs to fill its disk (cargo test -- --ignored as root)"]
fn full_disk_keeps_the_old_sidecar() {
    let dir = temp("full");
    let mnt = dir.join("mnt");
    std::fs::create_dir_all(&mnt).expect("mnt");
    let mounted = Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            "size=64k",
            "tmpfs",
            mnt.to_str().expect("path"),
        ])
        .status()
        .is_ok_and(|s| s.success());
    assert!(mounted, "cannot mount a tmpfs: this test needs root");
    let result = std::panic::catch_unwind(|| {
        let text = "“We are ready,” said Omar Haddad.\n";
        let sidecar = mnt.join("a.txt.quoth.json");
        let place = quoth::notes::store::Place {
            sidecar: sidecar.clone(),
            data_copy: Some(dir.join("data/notes/copy.json")),
        };
        let mut store = quoth::notes::Store::open_at(place, text).expect("open");
        let note = |body: &str| quoth::notes::Note {
            id: quoth::notes::model::new_id("n"),
            created: quoth::notes::model::now(),
            modified: quoth::notes::model::now(),
            body: body.to_string(),
            target: quoth::notes::Target::from_selectors(&quoth::notes::selectors_for(text, 0..10)),
            deleted: None,
            extra: Default::default(),
        };
        store.doc.notes.push(note("first"));
        store.save().expect("first save fits");
        let before = std::fs::read(&sidecar).expect("sidecar");
        // Fill the disk.
        let filler = mnt.join("filler");
        let chunk = vec![b'x'; 4096];
        let mut f = std::fs::File::create(&filler).expect("filler");
        while std::io::Write::write_all(&mut f, &chunk).is_ok() {}
        drop(f);
        store
            .doc
            .notes
            .push(note(&"a long second note ".repeat(500)));
        store.save().expect("saved elsewhere");
        assert_eq!(
            std::fs::read(&sidecar).expect("sidecar"),
            before,
            "old sidecar changed"
        );
        assert!(
            store.fallback
                && store
                    .messages
                    .iter()
                    .any(|m| m.contains("cannot write beside")),
            "{:?}",
            store.messages
        );
    });
    let _ = Command::new("umount").arg(&mnt).status();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}
