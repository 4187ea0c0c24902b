//! Reader speed. Run with `cargo bench --bench reader`.
//!
//! Each case runs on the seed article and on a 10 MB document made here by concatenating the
//! PolNeAR training split (or, without `../shared`, the sample articles) until it reaches
//! 10 MB. Nothing generated is written to disk.

use quoth::article::Article;
use quoth::attribution::analyse;
use quoth::layout::wrap;
use quoth::ui::app::{App, Event, update};
use quoth::ui::keymap::{Action, Keymap};
use quoth::ui::render::draw;
use quoth::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::OnceLock;

fn main() {
    divan::main();
}

const SIZES: &[&str] = &["seed", "10MB"];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn seed_text() -> String {
    std::fs::read_to_string(root().join("sample-articles/putin-lukashenko-minsk.txt"))
        .unwrap_or_default()
}

/// About 10 MB of news text, built once.
fn big_text() -> &'static str {
    static BIG: OnceLock<String> = OnceLock::new();
    BIG.get_or_init(|| {
        let shared = root().join("../shared/corpus/polnear-train");
        let dir = if shared.is_dir() {
            shared
        } else {
            root().join("sample-articles")
        };
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
        paths.sort();
        let texts: Vec<String> = paths
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        let mut out = String::with_capacity(10 << 20);
        while out.len() < 10 << 20 && !texts.is_empty() {
            for t in &texts {
                out.push_str(t.trim());
                out.push_str("\n\n");
            }
        }
        out
    })
}

fn text_for(size: &str) -> String {
    if size == "seed" {
        seed_text()
    } else {
        big_text().to_string()
    }
}

fn app_for(size: &str) -> App {
    let article = Article::from_text(text_for(size), None);
    let analysis = analyse(&article);
    let mut app = App::new(
        article,
        analysis,
        Keymap::default(),
        Theme::new(false, None),
    );
    update(&mut app, Event::Resize(120, 40));
    app
}

/// Loading (paragraphs) and attributing, from text in memory.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load_and_attribute(bencher: divan::Bencher, size: &str) {
    let text = text_for(size);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| {
            analyse(&Article::from_text(text.clone(), None))
                .quotes
                .len()
        });
}

/// Loading only: what stands between opening a file and its first screen.
#[divan::bench(args = SIZES, sample_count = 10)]
fn load_only(bencher: divan::Bencher, size: &str) {
    let bytes = text_for(size).into_bytes();
    bencher.bench(|| {
        Article::from_bytes(&bytes, None, None)
            .map(|a| a.paragraphs.len())
            .unwrap_or(0)
    });
}

/// Wrapping every paragraph at 80 columns (the reader only wraps what it shows).
#[divan::bench(args = SIZES, sample_count = 10)]
fn wrap_all(bencher: divan::Bencher, size: &str) {
    let article = Article::from_text(text_for(size), None);
    bencher.bench(|| {
        article
            .paragraphs
            .iter()
            .map(|p| wrap(&article.text, p.clone(), 80).len())
            .sum::<usize>()
    });
}

/// Drawing one frame at 120x40.
#[divan::bench(args = SIZES)]
fn draw_frame(bencher: divan::Bencher, size: &str) {
    let app = app_for(size);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    bencher.bench_local(|| term.draw(|f| draw(f, &app)).map(|_| ()));
}

/// A key to a drawn frame: Tab to the next quotation, then draw.
#[divan::bench(args = SIZES)]
fn tab_and_draw(bencher: divan::Bencher, size: &str) {
    let mut app = app_for(size);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    bencher.bench_local(|| {
        update(&mut app, Event::Action(Action::NextQuote));
        if app
            .current
            .is_some_and(|c| c + 1 == app.doc.analysis.quotes.len())
        {
            update(&mut app, Event::Action(Action::Top));
            app.current = None;
        }
        term.draw(|f| draw(f, &app)).map(|_| ())
    });
}

/// A key to a drawn frame: scroll a page, then draw.
#[divan::bench(args = SIZES)]
fn page_down_and_draw(bencher: divan::Bencher, size: &str) {
    let mut app = app_for(size);
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    bencher.bench_local(|| {
        update(&mut app, Event::Action(Action::PageDown));
        if app.percent() >= 100 {
            update(&mut app, Event::Action(Action::Top));
        }
        term.draw(|f| draw(f, &app)).map(|_| ())
    });
}

/// Searching the whole text for a word, then jumping to the next match.
#[divan::bench(args = SIZES, sample_count = 10)]
fn search(bencher: divan::Bencher, size: &str) {
    let mut app = app_for(size);
    bencher.bench_local(|| {
        update(&mut app, Event::Action(Action::Search));
        for c in "said".chars() {
            update(&mut app, Event::PromptChar(c));
        }
        update(&mut app, Event::Action(Action::PromptSubmit));
        update(&mut app, Event::Action(Action::SearchNext));
        app.search.matches.len()
    });
}

/// 1,000 notes spread over the 10 MB text, written to a sidecar; and the text they are opened
/// on: the same, or with a paragraph inserted at the top (every passage has moved).
fn thousand_notes(case: &str) -> (std::path::PathBuf, quoth::notes::Sidecar, String) {
    use quoth::notes::{Note, Sidecar, Target, selectors_for, store::fingerprint};
    let text = big_text();
    let mut doc = Sidecar::new(fingerprint(text));
    let paragraphs = Article::from_text(text.to_string(), None).paragraphs;
    let step = (paragraphs.len() / 1000).max(1);
    for (i, p) in paragraphs.iter().step_by(step).take(1000).enumerate() {
        let mut end = (p.start + 60).min(p.end);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        doc.notes.push(Note {
            id: format!("n{i}"),
            created: "2026-01-01T00:00:00Z".into(),
            modified: "2026-01-01T00:00:00Z".into(),
            body: format!("note {i}"),
            target: Target::from_selectors(&selectors_for(text, p.start..end)),
            deleted: None,
            extra: Default::default(),
        });
    }
    let sidecar = std::env::temp_dir().join(format!(
        "quoth-bench-notes-{}-{}.json",
        std::process::id(),
        case.len()
    ));
    std::fs::write(&sidecar, serde_json::to_vec(&doc).expect("json")).expect("write sidecar");
    let opened = match case {
        "same text" => text.to_string(),
        _ => format!("A paragraph that was not there before.\n\n{text}"),
    };
    (sidecar, doc, opened)
}

const NOTE_CASES: &[&str] = &["same text", "paragraph inserted"];

/// Opening an article with 1,000 notes on 10 MB: the sidecar read (with the text's SHA-256)
/// and every note anchored.
#[divan::bench(args = NOTE_CASES, sample_count = 20)]
fn open_1000_notes(bencher: divan::Bencher, case: &str) {
    use quoth::notes::{Store, view};
    let (sidecar, _, opened) = thousand_notes(case);
    bencher.bench(|| {
        let store = Store::open(sidecar.clone(), &opened).expect("open");
        let placed = view::place_notes(&store.doc, &opened);
        assert_eq!(
            placed.iter().filter(|p| p.anchor.range().is_some()).count(),
            1000
        );
    });
    let _ = std::fs::remove_file(&sidecar);
}

/// Anchoring alone: the 1,000 notes placed in the text (no file, no hash).
#[divan::bench(args = NOTE_CASES, sample_count = 20)]
fn place_1000_notes(bencher: divan::Bencher, case: &str) {
    let (sidecar, doc, opened) = thousand_notes(case);
    let _ = std::fs::remove_file(&sidecar);
    bencher.bench(|| quoth::notes::view::place_notes(&doc, &opened).len());
}

/// The cost anchoring had before it prepared the text (for comparison): each note's stored
/// position found by walking the text from its start, as `anchor` did per note.
#[divan::bench(sample_count = 5)]
fn place_1000_notes_walking_from_the_start(bencher: divan::Bencher) {
    let (sidecar, doc, opened) = thousand_notes("same text");
    let _ = std::fs::remove_file(&sidecar);
    let sels: Vec<_> = doc
        .notes
        .iter()
        .filter_map(|n| n.target.selectors())
        .collect();
    bencher.bench(|| {
        sels.iter()
            .filter(|s| {
                let b = quoth::notes::anchor::byte_of_char(&opened, s.start);
                opened[b..].starts_with(&s.exact)
            })
            .count()
    });
}
