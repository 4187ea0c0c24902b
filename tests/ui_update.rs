//! Key sequences driven through the pure `update`, without a terminal.

use quoth::article::Article;
use quoth::attribution::analyse;
use quoth::ui::app::{App, Event, update};
use quoth::ui::keymap::{Action, Keymap};
use quoth::ui::theme::Theme;

fn seed_app(w: u16, h: u16) -> App {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-articles/putin-lukashenko-minsk.txt");
    let article = Article::load(&path).expect("seed article");
    let analysis = analyse(&article);
    let mut app = App::new(article, analysis, Keymap::default(), Theme::new(true, None));
    update(&mut app, Event::Resize(w, h));
    app
}

fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, Event::Action(*a));
    }
}

fn speaker_of_current(app: &App) -> Option<String> {
    app.current
        .and_then(|q| app.analysis.quotes[q].speaker)
        .map(|s| app.analysis.speakers[s].name.clone())
}

/// Whether the current quotation's first line is on screen.
fn current_visible(app: &mut App) -> bool {
    let q = app.current.expect("a current quote");
    let start = app.analysis.quotes[q].span.start;
    let top = app.top_offset();
    if start < top {
        return false;
    }
    // Scroll a copy of the position down one screen and compare offsets.
    let h = app.view_height();
    let mut probe = app.top;
    for _ in 0..h.saturating_sub(1) {
        let before = probe;
        update_probe(app, &mut probe);
        if probe == before {
            break;
        }
    }
    let bottom = app.layout_offset(probe);
    start <= bottom
}

fn update_probe(app: &mut App, pos: &mut quoth::layout::LinePos) {
    *pos = app.row_below(*pos);
}

#[test]
fn tab_three_times_lands_on_the_third_quote() {
    let mut app = seed_app(120, 40);
    press(
        &mut app,
        &[Action::NextQuote, Action::NextQuote, Action::NextQuote],
    );
    assert_eq!(app.current, Some(2));
    assert!(current_visible(&mut app));
    press(&mut app, &[Action::PrevQuote]);
    assert_eq!(app.current, Some(1));
}

#[test]
fn same_speaker_keys_stay_with_one_speaker() {
    let mut app = seed_app(120, 40);
    press(&mut app, &[Action::NextQuote]);
    let who = speaker_of_current(&app);
    assert_eq!(who.as_deref(), Some("Vladimir Putin"));
    for _ in 0..6 {
        press(&mut app, &[Action::NextSameSpeaker]);
        assert_eq!(speaker_of_current(&app), who);
        assert!(current_visible(&mut app));
    }
    press(&mut app, &[Action::PrevSameSpeaker]);
    assert_eq!(speaker_of_current(&app), who);
}

#[test]
fn speaker_limit_restricts_tab_until_escape() {
    let mut app = seed_app(120, 40);
    press(
        &mut app,
        &[
            Action::FocusSpeakers,
            Action::SpeakerDown,
            Action::SpeakerJump,
        ],
    );
    let limited = speaker_of_current(&app).expect("a speaker");
    assert_eq!(limited, "Alexander Lukashenko");
    let mut seen = 1;
    for _ in 0..10 {
        let before = app.current;
        press(&mut app, &[Action::NextQuote]);
        if app.current == before {
            break;
        }
        seen += 1;
        assert_eq!(speaker_of_current(&app).as_deref(), Some(limited.as_str()));
    }
    assert_eq!(
        seen,
        app.analysis
            .speakers
            .iter()
            .find(|s| s.name == limited)
            .map_or(0, |s| s.quotes.len())
    );
    press(&mut app, &[Action::Back]);
    assert_eq!(app.speaker_limit, None);
    // Without the limit, Tab goes on to the next speaker's quotation.
    press(&mut app, &[Action::NextQuote]);
    assert_ne!(speaker_of_current(&app).as_deref(), Some(limited.as_str()));
}

#[test]
fn search_with_n_and_shift_n() {
    let mut app = seed_app(120, 40);
    update(&mut app, Event::Action(Action::Search));
    for c in "Lukashenko".chars() {
        update(&mut app, Event::PromptChar(c));
    }
    update(&mut app, Event::PromptSubmit);
    let n = app.search.matches.len();
    assert!(n > 10, "{n}");
    assert_eq!(app.search.current, Some(0));
    press(&mut app, &[Action::SearchNext, Action::SearchNext]);
    assert_eq!(app.search.current, Some(2));
    press(&mut app, &[Action::SearchPrev]);
    assert_eq!(app.search.current, Some(1));
    // Case-insensitive, and every match is the word.
    for m in &app.search.matches {
        assert_eq!(app.article.text[m.clone()].to_lowercase(), "lukashenko");
    }
    // Wrapping around from the first match goes to the last.
    press(&mut app, &[Action::SearchPrev, Action::SearchPrev]);
    assert_eq!(app.search.current, Some(n - 1));
}

#[test]
fn resize_keeps_the_current_quote_in_view() {
    let mut app = seed_app(120, 40);
    for _ in 0..20 {
        press(&mut app, &[Action::NextQuote]);
    }
    assert!(current_visible(&mut app));
    for (w, h) in [(80, 24), (40, 10), (200, 60), (60, 20), (41, 11)] {
        update(&mut app, Event::Resize(w, h));
        assert!(current_visible(&mut app), "not visible at {w}x{h}");
    }
}

#[test]
fn scrolling_never_passes_the_ends() {
    let mut app = seed_app(80, 24);
    press(&mut app, &[Action::LineUp, Action::PageUp]);
    assert_eq!(app.top_offset(), 0);
    press(&mut app, &[Action::Bottom]);
    let bottom = app.top_offset();
    press(&mut app, &[Action::PageDown, Action::LineDown]);
    assert_eq!(app.top_offset(), bottom);
    assert_eq!(app.percent(), 100);
    press(&mut app, &[Action::Top]);
    assert_eq!(app.percent(), 0);
}

#[test]
fn help_and_quit() {
    let mut app = seed_app(80, 24);
    press(&mut app, &[Action::Help]);
    assert!(app.help);
    press(&mut app, &[Action::Back]);
    assert!(!app.help);
    press(&mut app, &[Action::Quit]);
    assert!(app.quit);
}

fn app_with_notes(tag: &str) -> (App, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("quoth-ui-notes-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let mut app = seed_app(120, 40);
    let sidecar = dir.join("seed.txt.quoth.json");
    let store = quoth::notes::Store::open(sidecar.clone(), &app.article.text).expect("store");
    app.attach_notes(store);
    (app, sidecar)
}

fn type_note(app: &mut App, body: &str) {
    for c in body.chars() {
        let input = ratatui_textarea::Input {
            key: ratatui_textarea::Key::Char(c),
            ..Default::default()
        };
        update(app, Event::EditorInput(input));
    }
    update(app, Event::EditorSave);
}

#[test]
fn keyboard_selection_annotates_the_selected_words() {
    let (mut app, sidecar) = app_with_notes("select");
    // From the opening mark: to "the", to "issues", to "of".
    press(&mut app, &[Action::NextQuote, Action::StartSelection]);
    press(
        &mut app,
        &[
            Action::CaretWordForward,
            Action::CaretWordForward,
            Action::CaretWordForward,
            Action::Annotate,
        ],
    );
    let passage = app
        .editor
        .as_ref()
        .map(|e| app.article.text[e.passage.clone()].to_string())
        .expect("editor open");
    assert_eq!(passage, "“the issues ");
    type_note(&mut app, "two words");
    assert!(app.editor.is_none());
    let saved = std::fs::read_to_string(&sidecar).expect("sidecar");
    assert!(saved.contains("two words") && saved.contains("“the issues "));
}

#[test]
fn delete_and_undo_a_note() {
    let (mut app, sidecar) = app_with_notes("undo");
    press(&mut app, &[Action::NextQuote, Action::Annotate]);
    type_note(&mut app, "keep me");
    assert_eq!(app.notes.placed.len(), 1);
    press(&mut app, &[Action::DeleteNote]);
    assert_eq!(app.notes.placed.len(), 0);
    assert!(
        std::fs::read_to_string(&sidecar)
            .expect("sidecar")
            .contains("\"deleted\"")
    );
    press(&mut app, &[Action::UndoDelete]);
    assert_eq!(app.notes.placed.len(), 1);
    assert!(
        !std::fs::read_to_string(&sidecar)
            .expect("sidecar")
            .contains("\"deleted\"")
    );
}

#[test]
fn escape_with_text_asks_before_discarding() {
    let (mut app, _) = app_with_notes("discard");
    press(&mut app, &[Action::NextQuote, Action::Annotate]);
    let input = ratatui_textarea::Input {
        key: ratatui_textarea::Key::Char('x'),
        ..Default::default()
    };
    update(&mut app, Event::EditorInput(input));
    update(&mut app, Event::EditorEscape);
    assert!(app.editor.as_ref().is_some_and(|e| e.confirm_discard));
    update(&mut app, Event::Confirm(false));
    assert!(app.editor.is_some());
    update(&mut app, Event::EditorEscape);
    update(&mut app, Event::Confirm(true));
    assert!(app.editor.is_none());
    assert!(app.notes.placed.is_empty());
}

#[test]
fn speaker_correction_is_saved_and_applied() {
    let (mut app, sidecar) = app_with_notes("correct");
    // Step through the statements (quoted and reported) to the quotation “heard a report …”.
    for _ in 0..10 {
        press(&mut app, &[Action::NextQuote]);
        let current = app.current.map(|q| app.analysis.quotes[q].span.clone());
        if current.is_some_and(|r| app.article.text[r].starts_with("“heard a report")) {
            break;
        }
    }
    assert_eq!(
        speaker_of_current(&app).as_deref(),
        Some("the Kremlin press service")
    );
    press(&mut app, &[Action::CorrectSpeaker]);
    for c in "Putin".chars() {
        update(&mut app, Event::PromptChar(c));
    }
    update(&mut app, Event::PromptSubmit);
    assert_eq!(speaker_of_current(&app).as_deref(), Some("Vladimir Putin"));
    assert!(
        std::fs::read_to_string(&sidecar)
            .expect("sidecar")
            .contains("\"speaker\": \"Vladimir Putin\"")
    );
    // quotes --json applies it too.
    let article = app.article.clone();
    let mut analysis = analyse(&article);
    let doc = match quoth::notes::store::read(&sidecar).expect("read") {
        Ok(Some(d)) => d,
        _ => panic!("no sidecar"),
    };
    analysis.apply_corrections(&quoth::notes::view::placed_corrections(&doc, &article.text));
    let q = analysis
        .quotes
        .iter()
        .find(|q| article.text[q.span.clone()].starts_with("“heard a report"))
        .expect("quote");
    assert_eq!(q.sieve.name(), "correction");
    assert_eq!(
        analysis.speakers[q.speaker.expect("speaker")].name,
        "Vladimir Putin"
    );
}

#[test]
fn not_a_quote_removes_the_statement() {
    let (mut app, _) = app_with_notes("notaquote");
    let before = app.analysis.quotes.len();
    press(&mut app, &[Action::NextQuote, Action::CorrectSpeaker]);
    let choices = app.picker_choices();
    let last = choices.len() - 1;
    for _ in 0..last {
        press(&mut app, &[Action::ListDown]);
    }
    press(&mut app, &[Action::ListOpen]);
    assert_eq!(app.analysis.quotes.len(), before - 1);
}

#[test]
fn clicking_a_quote_makes_it_current_and_clicking_a_speaker_selects_it() {
    use quoth::ui::render::draw;
    let mut app = seed_app(120, 40);
    press(&mut app, &[Action::NextQuote]);
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| draw(f, &mut app)).expect("draw");
    // Find the row and column where quotation 2 starts on screen.
    let target = app.analysis.quotes[1].span.start;
    let (row, x0, range) = app
        .hits
        .rows
        .iter()
        .find(|(_, _, r)| r.contains(&target))
        .cloned()
        .expect("quote on screen");
    let col = app.article.text[range.start..target].chars().count() as u16 + x0 + 1;
    update(&mut app, Event::Click(col, row));
    assert_eq!(app.current, Some(1));
    // Click the third speaker row in the pane.
    let (srow, s) = app
        .hits
        .speakers
        .iter()
        .find(|(_, s)| *s == app.speaker_order[2])
        .copied()
        .expect("speaker row");
    update(&mut app, Event::Click(119 - 5, srow));
    assert_eq!(app.speaker_order[app.speaker_sel], s);
}
