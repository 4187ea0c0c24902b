//! Key sequences driven through `update`, without a terminal, on a made-up article with a
//! hand-built analysis (`support`): one quotation and one reported statement per paragraph.

mod support;

use quoth::ui::app::{App, Event, Mode, update};
use quoth::ui::effects::{Effect, run_now};
use quoth::ui::keymap::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use support::{SPEAKERS, harbour, harbour_app};

fn app(w: u16, h: u16) -> App {
    harbour_app(40, w, h, true)
}

/// Runs actions, running their effects at once as the event loop would.
fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        let fx = update(app, Event::Action(*a));
        run_now(app, fx, &mut Vec::new());
    }
}

/// Types keys as a user would: "5j", "\t", "/".
fn keys(app: &mut App, typed: &str) {
    for c in typed.chars() {
        let code = match c {
            '\t' => KeyCode::Tab,
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            '\u{8}' => KeyCode::Backspace,
            c => KeyCode::Char(c),
        };
        key(app, code);
    }
}

fn key(app: &mut App, code: KeyCode) {
    let mods = match code {
        KeyCode::Char(c) if c.is_uppercase() => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    let fx = update(app, Event::Key(KeyEvent::new(code, mods)));
    run_now(app, fx, &mut Vec::new());
}

fn speaker_of_current(app: &App) -> Option<String> {
    app.current
        .and_then(|q| app.doc.speaker_name(q))
        .map(str::to_string)
}

/// Whether the current statement starts on screen.
fn current_visible(app: &App) -> bool {
    let q = app.current.expect("a current statement");
    let start = app.doc.analysis.quotes[q].span.start;
    app.screen_range().contains(&start)
}

/// The first statement that starts on screen.
fn first_on_screen(app: &App) -> usize {
    let screen = app.screen_range();
    app.doc
        .analysis
        .quotes
        .iter()
        .position(|q| q.span.start >= screen.start)
        .expect("a statement on screen")
}

#[test]
fn tab_goes_through_every_statement_in_order() {
    let mut app = app(120, 40);
    press(
        &mut app,
        &[Action::NextQuote, Action::NextQuote, Action::NextQuote],
    );
    assert_eq!(app.current, Some(2));
    assert!(current_visible(&app));
    assert!(!app.doc.is_reported(2));
    press(&mut app, &[Action::PrevQuote]);
    assert_eq!(app.current, Some(1));
    assert!(app.doc.is_reported(1));
    assert_eq!(
        app.statement_label().as_deref(),
        Some("statement 2/80 · reported")
    );
}

#[test]
fn i_toggles_quotations_only() {
    let mut app = app(120, 40);
    press(&mut app, &[Action::ToggleQuotesOnly]);
    for expected in [0, 2, 4] {
        press(&mut app, &[Action::NextQuote]);
        assert_eq!(app.current, Some(expected));
    }
    assert_eq!(app.statement_label().as_deref(), Some("quote 3/40"));
    assert_eq!(app.statement_count(), "40 quotes");
    press(&mut app, &[Action::ToggleQuotesOnly, Action::NextQuote]);
    assert_eq!(app.current, Some(5));
}

#[test]
fn same_speaker_keys_stay_with_one_speaker() {
    let mut app = app(120, 40);
    press(&mut app, &[Action::NextQuote]);
    let who = speaker_of_current(&app);
    assert_eq!(who.as_deref(), Some(SPEAKERS[0]));
    for _ in 0..6 {
        press(&mut app, &[Action::NextSameSpeaker]);
        assert_eq!(speaker_of_current(&app), who);
        assert!(current_visible(&app));
    }
    press(&mut app, &[Action::PrevSameSpeaker]);
    assert_eq!(speaker_of_current(&app), who);
}

#[test]
fn speaker_limit_restricts_tab_until_escape() {
    let mut app = app(120, 40);
    press(
        &mut app,
        &[
            Action::FocusSpeakers,
            Action::SpeakerDown,
            Action::SpeakerJump,
        ],
    );
    let limited = speaker_of_current(&app).expect("a speaker");
    for _ in 0..10 {
        press(&mut app, &[Action::NextQuote]);
        assert_eq!(speaker_of_current(&app).as_deref(), Some(limited.as_str()));
    }
    press(&mut app, &[Action::Back]);
    assert_eq!(app.speaker_limit, None);
    // Without the limit, Tab goes to the very next statement, whoever made it.
    let before = app.current.expect("current");
    press(&mut app, &[Action::NextQuote]);
    assert_eq!(app.current, Some(before + 1));
}

/// Tab after `G` goes on from the screen, not from the old current statement; Shift-Tab
/// after `g` wraps to the last one, saying so.
#[test]
fn tab_goes_from_the_view_after_g_and_capital_g() {
    let mut app = app(120, 40);
    keys(&mut app, "\t\t\t\t\t\t\t\t\t");
    assert_eq!(app.current, Some(8));
    keys(&mut app, "G");
    let expected = first_on_screen(&app);
    assert!(expected > 20);
    keys(&mut app, "\t");
    assert_eq!(app.current, Some(expected));
    keys(&mut app, "g");
    key(&mut app, KeyCode::BackTab);
    assert_eq!(app.current, Some(79));
    assert_eq!(app.message.as_deref(), Some("wrapped around to the bottom"));
    // The same rule forwards: from the last statement Tab wraps to the first.
    keys(&mut app, "\t");
    assert_eq!(app.current, Some(0));
    assert_eq!(app.message.as_deref(), Some("wrapped around to the top"));
}

/// `n` after paging searches from the screen; a new search starts from the screen too.
#[test]
fn n_searches_from_the_view() {
    let mut app = app(120, 40);
    keys(&mut app, "/pier\n");
    assert_eq!(app.search.current, Some(0));
    keys(&mut app, "   ");
    let top = app.top_offset();
    keys(&mut app, "n");
    let m = app.search.matches[app.search.current.expect("match")].clone();
    assert!(
        m.start >= top,
        "match at {} above the view at {top}",
        m.start
    );
    assert!(app.screen_range().contains(&m.start));
    // A new search from here does not go back to the top either.
    keys(&mut app, "G/timber\n");
    let m = app.search.matches[app.search.current.expect("match")].clone();
    assert!(app.screen_range().contains(&m.start));
    assert!(app.percent() > 50);
    // Past the last match, n wraps and says so.
    let last = app.search.matches.len() - 1;
    app.search.current = Some(last);
    keys(&mut app, "n");
    assert_eq!(app.search.current, Some(0));
    assert_eq!(app.message.as_deref(), Some("wrapped around to the top"));
}

#[test]
fn speakers_pane_follows_the_view_when_scrolling_and_the_statement_when_jumping() {
    let mut app = app(120, 40);
    keys(&mut app, "\t");
    let selected = |app: &App| {
        app.doc.analysis.speakers[app.doc.speaker_order[app.speaker_sel]]
            .name
            .clone()
    };
    assert_eq!(selected(&app), SPEAKERS[0]);
    // Scroll until the first statement on screen is by someone else.
    keys(&mut app, "jjjjj");
    let first = first_on_screen(&app);
    let on_screen = app.doc.speaker_name(first).expect("speaker").to_string();
    let top_para_speaker = app.doc.analysis.quotes[first].speaker;
    assert!(top_para_speaker.is_some());
    assert_eq!(selected(&app), on_screen);
    keys(&mut app, "G");
    let first = first_on_screen(&app);
    assert_eq!(
        selected(&app),
        app.doc.speaker_name(first).expect("speaker")
    );
    // A jump follows the statement.
    keys(&mut app, "g\t\t");
    assert_eq!(selected(&app), SPEAKERS[1]);
}

/// A key typed before the analysis is ready waits for it and then runs; the waiting message
/// goes once it has run.
#[test]
fn a_key_typed_before_the_analysis_waits_and_runs() {
    let (article, analysis) = harbour(10);
    let mut app = App::new(
        article,
        Default::default(),
        Default::default(),
        quoth::ui::theme::Theme::new(true, None),
    );
    update(&mut app, Event::Resize(120, 40));
    let job = app.analysis_request();
    // Tab waits; the j typed after it waits too, so that the two run in the order typed.
    keys(&mut app, "\tj");
    assert_eq!(app.current, None);
    assert_eq!(app.view.top, Default::default());
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("analysing"))
    );
    // The background result (here: the hand-built analysis under the job's generation).
    let fx = update(
        &mut app,
        Event::Analysed {
            generation: job.generation,
            analysis: Box::new(analysis),
        },
    );
    assert!(fx.is_empty());
    assert_eq!(app.current, Some(0));
    assert_ne!(app.view.top, Default::default(), "j ran after Tab");
    assert_eq!(app.message, None);
}

/// An analysis that arrives after a newer one was asked for is dropped.
#[test]
fn a_stale_analysis_is_dropped() {
    let mut app = app(120, 40);
    let old = app.analysis_request().generation;
    let _newer = app.analysis_request();
    update(
        &mut app,
        Event::Analysed {
            generation: old,
            analysis: Box::default(),
        },
    );
    assert!(app.doc.analysing);
    assert_eq!(app.doc.analysis.quotes.len(), 80);
}

#[test]
fn counts_repeat_keys() {
    let mut app = app(120, 40);
    keys(&mut app, "5j");
    let five = app.view.top;
    keys(&mut app, "g");
    for _ in 0..5 {
        keys(&mut app, "j");
    }
    assert_eq!(app.view.top, five);
    keys(&mut app, "g3\t");
    assert_eq!(app.current, Some(2));
    assert_eq!(app.count, None);
}

#[test]
fn percent_jumps() {
    let mut app = app(120, 40);
    keys(&mut app, "50%");
    let p = app.percent();
    assert!((47..=53).contains(&p), "{p}%");
    keys(&mut app, "0%");
    assert_eq!(app.percent(), 0);
    let pane = app.view.pane_open;
    keys(&mut app, "50p");
    assert!((47..=53).contains(&app.percent()));
    assert_eq!(
        app.view.pane_open, pane,
        "50p is a percentage, not the pane key"
    );
}

#[test]
fn marks_remember_places() {
    let mut app = app(120, 40);
    keys(&mut app, "20jma");
    let marked = app.top_offset();
    keys(&mut app, "G");
    assert_ne!(app.top_offset(), marked);
    keys(&mut app, "'a");
    assert_eq!(app.top_offset(), marked);
    keys(&mut app, "'z");
    assert_eq!(app.message.as_deref(), Some("no mark z"));
}

#[test]
fn search_folds_apostrophes_and_is_smart_case() {
    let mut app = app(120, 40);
    keys(&mut app, "/council's\n");
    assert_eq!(app.search.matches.len(), 40);
    let m = app.search.matches[0].clone();
    assert_eq!(&app.doc.article.text[m], "council’s");
    // Lower case: any case. A capital: that case only.
    keys(&mut app, "/harbour\n");
    assert_eq!(app.search.matches.len(), 1);
    keys(&mut app, "/Meeting\n");
    assert_eq!(app.search.matches.len(), 40);
    keys(&mut app, "/MEETING\n");
    assert_eq!(app.search.matches.len(), 0);
    // Straight quotes find curly ones.
    keys(&mut app, "/\"the boats\n");
    assert_eq!(app.search.matches.len(), 40);
}

#[test]
fn search_prompt_history_repeat_and_cancel() {
    let mut app = app(120, 40);
    keys(&mut app, "/pier\n/timber\n");
    assert_eq!(app.search.query, "timber");
    // Up recalls earlier searches.
    keys(&mut app, "/");
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    keys(&mut app, "\n");
    assert_eq!(app.search.query, "pier");
    // An empty search repeats the last one.
    keys(&mut app, "/\n");
    assert_eq!(app.search.query, "pier");
    // Backspace on an empty prompt cancels.
    keys(&mut app, "/\u{8}");
    assert!(matches!(app.mode, Mode::Reading));
    // Esc clears the highlights.
    keys(&mut app, "\u{1b}");
    assert!(app.search.matches.is_empty());
}

#[test]
fn messages_clear_on_the_next_movement() {
    let mut app = app(120, 40);
    keys(&mut app, "G");
    app.current = Some(79);
    keys(&mut app, "\t");
    assert!(app.message.is_some());
    keys(&mut app, "g");
    assert_eq!(app.message, None);
}

#[test]
fn resize_keeps_the_current_statement_in_view() {
    let mut app = app(120, 40);
    for _ in 0..20 {
        press(&mut app, &[Action::NextQuote]);
    }
    assert!(current_visible(&app));
    for (w, h) in [(80, 24), (40, 10), (200, 60), (60, 20), (41, 11)] {
        update(&mut app, Event::Resize(w, h));
        assert!(current_visible(&app), "not visible at {w}x{h}");
    }
}

#[test]
fn scrolling_never_passes_the_ends() {
    let mut app = app(80, 24);
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
    let mut app = app(80, 24);
    keys(&mut app, "?");
    assert!(matches!(app.mode, Mode::Help { .. }));
    keys(&mut app, "\u{1b}");
    assert!(matches!(app.mode, Mode::Reading));
    keys(&mut app, "q");
    assert!(app.quit);
}

#[test]
fn copy_puts_the_statement_and_its_speaker_on_the_clipboard() {
    let mut app = app(120, 40);
    keys(&mut app, "\t\t");
    let fx = update(&mut app, Event::Action(Action::CopyStatement));
    let text = match fx.as_slice() {
        [Effect::Copy(t)] => t.clone(),
        other => panic!("{other:?}"),
    };
    assert!(text.starts_with("the pier at berth 0"), "{text}");
    assert!(text.ends_with(&format!("— {}", SPEAKERS[1])), "{text}");
    let mut terminal = Vec::new();
    run_now(&mut app, fx, &mut terminal);
    assert!(terminal.starts_with(b"\x1b]52;c;"));
    assert!(app.message.as_deref().is_some_and(|m| m.contains("copied")));
}

fn app_with_notes(tag: &str) -> (App, std::path::PathBuf) {
    let dir = std::env::temp_dir().join(format!("quoth-ui-notes-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let mut app = app(120, 40);
    let sidecar = dir.join("harbour.txt.quoth.json");
    let store = quoth::notes::Store::open(sidecar.clone(), &app.doc.article.text).expect("store");
    let fx = app.attach_notes(store);
    run_now(&mut app, fx, &mut Vec::new());
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
}

fn save_note(app: &mut App, body: &str) {
    type_note(app, body);
    press(app, &[Action::EditorSave]);
}

#[test]
fn keyboard_selection_annotates_the_selected_words() {
    let (mut app, sidecar) = app_with_notes("select");
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
    let passage = match &app.mode {
        Mode::Editor(e) => app.doc.article.text[e.passage.clone()].to_string(),
        _ => panic!("editor not open"),
    };
    assert_eq!(passage, "“The boats ");
    save_note(&mut app, "two words");
    assert!(matches!(app.mode, Mode::Reading));
    let saved = std::fs::read_to_string(&sidecar).expect("sidecar");
    assert!(saved.contains("two words") && saved.contains("“The boats "));
}

#[test]
fn an_empty_selection_is_no_note() {
    let (mut app, _) = app_with_notes("empty-sel");
    press(&mut app, &[Action::StartSelection, Action::Annotate]);
    assert!(matches!(app.mode, Mode::Select(_)));
    assert!(
        app.message
            .as_deref()
            .is_some_and(|m| m.contains("select some text"))
    );
}

/// `d` asks before deleting the current note; `y` deletes, `u` undoes; without a current
/// note `d` and `u` scroll half a page, as in less.
#[test]
fn d_asks_before_deleting_and_u_undoes() {
    let (mut app, sidecar) = app_with_notes("undo");
    keys(&mut app, "d");
    assert!(app.top_offset() > 0, "d scrolls without a note");
    keys(&mut app, "u");
    assert_eq!(app.top_offset(), 0, "u scrolls back");
    press(&mut app, &[Action::NextQuote, Action::Annotate]);
    save_note(&mut app, "keep me");
    assert_eq!(app.doc.notes.placed.len(), 1);
    keys(&mut app, "d");
    assert!(matches!(app.mode, Mode::Confirm(_)));
    keys(&mut app, "n");
    assert_eq!(app.doc.notes.placed.len(), 1);
    keys(&mut app, "dy");
    assert_eq!(app.doc.notes.placed.len(), 0);
    assert!(
        std::fs::read_to_string(&sidecar)
            .expect("sidecar")
            .contains("\"deleted\"")
    );
    keys(&mut app, "u");
    assert_eq!(app.doc.notes.placed.len(), 1);
    assert!(
        !std::fs::read_to_string(&sidecar)
            .expect("sidecar")
            .contains("\"deleted\"")
    );
    // Scrolled away from the note, d scrolls again.
    keys(&mut app, "G");
    let bottom = app.top_offset();
    keys(&mut app, "u");
    assert!(app.top_offset() < bottom);
    keys(&mut app, "d");
    assert!(matches!(app.mode, Mode::Reading));
    assert_eq!(app.top_offset(), bottom);
}

#[test]
fn e_edits_the_note_on_the_current_statement_and_esc_unchanged_closes_quietly() {
    let (mut app, sidecar) = app_with_notes("edit");
    keys(&mut app, "\t\t");
    press(&mut app, &[Action::Annotate]);
    save_note(&mut app, "on reported speech");
    app.doc.notes.current = None;
    keys(&mut app, "e");
    let Mode::Editor(ed) = &app.mode else {
        panic!("editor not open");
    };
    assert_eq!(ed.body(), "on reported speech");
    keys(&mut app, "\u{1b}");
    assert!(
        matches!(app.mode, Mode::Reading),
        "Esc unchanged asks nothing"
    );
    keys(&mut app, "e");
    type_note(&mut app, "!");
    keys(&mut app, "\u{1b}");
    assert!(matches!(app.mode, Mode::Confirm(_)));
    keys(&mut app, "n");
    assert!(matches!(app.mode, Mode::Editor(_)));
    press(&mut app, &[Action::EditorSave]);
    assert!(
        std::fs::read_to_string(&sidecar)
            .expect("sidecar")
            .contains("on reported speech!")
    );
}

#[test]
fn the_note_on_the_current_statement_shows_while_reading() {
    let (mut app, _) = app_with_notes("footer");
    assert_eq!(app.footer_note(), None);
    keys(&mut app, "\t\t");
    press(&mut app, &[Action::Annotate]);
    save_note(&mut app, "first line\nsecond line");
    assert_eq!(app.footer_note().as_deref(), Some("first line"));
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| quoth::ui::render::draw(f, &app))
        .expect("draw");
    assert!(term.backend().to_string().contains("✎ first line"));
}

#[test]
fn escape_with_text_asks_before_discarding() {
    let (mut app, _) = app_with_notes("discard");
    press(&mut app, &[Action::NextQuote, Action::Annotate]);
    type_note(&mut app, "x");
    press(&mut app, &[Action::Back]);
    assert!(matches!(app.mode, Mode::Confirm(_)));
    press(&mut app, &[Action::No]);
    assert!(matches!(app.mode, Mode::Editor(_)));
    press(&mut app, &[Action::Back, Action::Yes]);
    assert!(matches!(app.mode, Mode::Reading));
    assert!(app.doc.notes.placed.is_empty());
}

/// Corrections work on reported statements too, and run the attribution again (an effect).
#[test]
fn speaker_correction_on_a_reported_statement_is_saved() {
    let (mut app, sidecar) = app_with_notes("correct");
    keys(&mut app, "\t\t");
    assert!(app.doc.is_reported(1));
    keys(&mut app, "c");
    assert!(matches!(app.mode, Mode::Picker(_)));
    for c in "Okafor".chars() {
        update(&mut app, Event::PromptChar(c));
    }
    let fx = update(&mut app, Event::Action(Action::ListOpen));
    assert!(fx.iter().any(|e| matches!(e, Effect::SaveNotes { .. })));
    assert!(fx.iter().any(|e| matches!(e, Effect::Reanalyse(_))));
    assert!(app.doc.analysing, "keys wait for the corrected analysis");
    // Saved only (the made-up analysis is not what the attribution would find).
    let first = fx.into_iter().next().expect("effect");
    run_now(&mut app, vec![first], &mut Vec::new());
    let saved = std::fs::read_to_string(&sidecar).expect("sidecar");
    assert!(saved.contains("\"speaker\": \"Ines Okafor\""), "{saved}");
    assert!(saved.contains("the pier at berth 0"), "{saved}");
}

#[test]
fn clicking_a_statement_makes_it_current_and_clicking_a_speaker_selects_it() {
    use quoth::ui::render::draw;
    let mut app = app(120, 40);
    press(&mut app, &[Action::NextQuote]);
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| draw(f, &app)).expect("draw");
    let target = app.doc.analysis.quotes[1].span.start;
    let (row, x0, range) = app
        .view
        .hits
        .borrow()
        .rows
        .iter()
        .find(|(_, _, r)| r.contains(&target))
        .cloned()
        .expect("statement on screen");
    let col = app.doc.article.text[range.start..target].chars().count() as u16 + x0 + 1;
    update(&mut app, Event::Click(col, row));
    assert_eq!(app.current, Some(1));
    let (srow, s) = app
        .view
        .hits
        .borrow()
        .speakers
        .iter()
        .find(|(_, _, s)| *s == app.doc.speaker_order[2])
        .map(|&(row, _, s)| (row, s))
        .expect("speaker row");
    update(&mut app, Event::Click(119 - 5, srow));
    assert_eq!(app.doc.speaker_order[app.speaker_sel], s);
}

/// A config that takes a key from another action warns, naming both.
#[test]
fn config_clash_warns_naming_both_actions() {
    let c = quoth::ui::config::parse("[keys]\nquit = [\"q\", \"s\"]\n").expect("config");
    assert!(
        c.warnings
            .iter()
            .any(|w| w.contains("key s") && w.contains("quit") && w.contains("focus_speakers")),
        "{:?}",
        c.warnings
    );
}

/// A note being written, even one waiting for "discard?", is saved when the terminal goes.
#[test]
fn an_unfinished_note_is_saved_on_the_way_out() {
    let (mut app, sidecar) = app_with_notes("unfinished");
    press(&mut app, &[Action::NextQuote, Action::Annotate]);
    type_note(&mut app, "half a thought");
    press(&mut app, &[Action::Back]);
    assert!(matches!(app.mode, Mode::Confirm(_)));
    let fx = app.save_unfinished_note();
    run_now(&mut app, fx, &mut Vec::new());
    assert!(
        std::fs::read_to_string(&sidecar)
            .expect("sidecar")
            .contains("half a thought")
    );
}

mod random_keys {
    use super::*;
    use proptest::prelude::*;

    /// Keys a user may hit in any order, in every mode.
    const KEYS: &str = "\t/nNgGjkdDuUeaLvwbhl(){}[]mM'%p0123456789sSqiyc.,?<>xo \n\u{1b}\u{8}";

    fn code(i: usize) -> KeyCode {
        let c = KEYS.chars().nth(i % KEYS.chars().count()).unwrap_or('j');
        match c {
            '\t' => KeyCode::Tab,
            '\n' => KeyCode::Enter,
            '\u{1b}' => KeyCode::Esc,
            '\u{8}' => KeyCode::Backspace,
            'S' => KeyCode::BackTab,
            'U' => KeyCode::Up,
            'D' => KeyCode::Down,
            'M' => KeyCode::PageDown,
            c => KeyCode::Char(c),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

        /// Whatever is typed, at whatever size, the reader neither panics nor loses its
        /// bearings (the view stays inside the text), and every frame draws.
        #[test]
        fn any_keys_any_size(keys in prop::collection::vec(0usize..200, 1..80),
                             w in 1u16..160, h in 1u16..50) {
            let (mut app, _) = app_with_notes("random");
            update(&mut app, Event::Resize(w, h));
            let mut term = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h))
                .expect("terminal");
            for k in keys {
                key(&mut app, code(k));
                if app.quit {
                    break;
                }
                term.draw(|f| quoth::ui::render::draw(f, &app)).expect("draw");
                prop_assert!(app.top_offset() <= app.doc.article.text.len());
            }
        }
    }
}

/// The whole file replacing its head keeps the screen where it was and the statements found.
#[test]
fn a_longer_article_replaces_its_head_in_place() {
    let mut app = harbour_app(10, 120, 40, true);
    keys(&mut app, "\t\t\t5j");
    let (top, current) = (app.top_offset(), app.current);
    let (whole, _) = harbour(40);
    app.replace_article(whole);
    assert_eq!(app.top_offset(), top);
    assert_eq!(app.current, current);
    keys(&mut app, "G");
    assert!(app.percent() == 100 && app.top_offset() > top);
    // A text that does not continue the old one starts over.
    let other = quoth::article::Article::from_text("Other\n\nNew text.\n".into(), None);
    app.replace_article(other);
    assert_eq!((app.top_offset(), app.current), (0, None));
    let mut term =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).expect("terminal");
    term.draw(|f| quoth::ui::render::draw(f, &app))
        .expect("draw");
}

#[test]
fn the_link_key_lists_links_and_enter_opens_the_selected_one() {
    let mut app = app(80, 24);
    app.doc.article.links = support::links();
    keys(&mut app, "o");
    assert!(matches!(app.mode, Mode::Links(_)), "o opens the link list");
    keys(&mut app, "jjjk");
    let Mode::Links(list) = &app.mode else {
        panic!("the list stays open while moving");
    };
    assert_eq!(
        list.selected, 1,
        "down stops at the last link, up goes back one"
    );
    let fx = update(&mut app, Event::Action(Action::ListOpen));
    assert!(matches!(app.mode, Mode::Reading));
    assert!(
        matches!(fx.as_slice(), [Effect::Open(u)] if u == "https://harbour.example/minutes?id=7"),
        "{fx:?}"
    );
    // Without a browser (as in the effect runner here), opening copies the address.
    let mut out = Vec::new();
    run_now(&mut app, fx, &mut out);
    assert_eq!(
        out,
        quoth::ui::effects::osc52("https://harbour.example/minutes?id=7")
    );
    assert!(app.message.as_deref().is_some_and(|m| m.contains("copied")));
}

#[test]
fn the_link_list_closes_without_choosing() {
    let mut app = app(80, 24);
    app.doc.article.links = support::links();
    for close in ["\u{1b}", "q"] {
        keys(&mut app, "o");
        keys(&mut app, close);
        assert!(
            matches!(app.mode, Mode::Reading),
            "{close:?} closes the list"
        );
        assert!(!app.quit);
    }
}

#[test]
fn an_article_without_links_says_so() {
    let mut app = app(80, 24);
    keys(&mut app, "o");
    assert!(matches!(app.mode, Mode::Reading));
    assert_eq!(app.message.as_deref(), Some("no links in this article"));
}

fn editor_key(app: &mut App, key: ratatui_textarea::Key) {
    let input = ratatui_textarea::Input {
        key,
        ..Default::default()
    };
    update(app, Event::EditorInput(input));
}

fn editor_body(app: &App) -> String {
    match &app.mode {
        Mode::Editor(ed) => ed.body(),
        _ => panic!("the note editor is not open"),
    }
}

/// An accented letter typed as a letter and a combining accent, or a flag, is one step for
/// the arrow keys and one deletion for Backspace and Delete.
#[test]
fn the_note_editor_moves_and_deletes_whole_grapheme_clusters() {
    use ratatui_textarea::Key;
    let (mut app, _) = app_with_notes("graphemes");
    press(&mut app, &[Action::NextQuote, Action::Annotate]);
    type_note(&mut app, "cafe\u{301}");
    editor_key(&mut app, Key::Backspace);
    assert_eq!(editor_body(&app), "caf");
    type_note(&mut app, "e\u{301} 🇫🇷!");
    editor_key(&mut app, Key::Left);
    editor_key(&mut app, Key::Left);
    editor_key(&mut app, Key::Delete);
    assert_eq!(editor_body(&app), "cafe\u{301} !");
    editor_key(&mut app, Key::Left);
    editor_key(&mut app, Key::Left);
    type_note(&mut app, "x");
    assert_eq!(editor_body(&app), "cafxe\u{301} !");
}
