//! Rendering tests: the seed article drawn on ratatui's `TestBackend`, compared with reviewed
//! snapshots (`tests/snapshots/`), plus checks on styles that text snapshots cannot show.

use quoth::article::Article;
use quoth::attribution::analyse;
use quoth::ui::app::{App, Event, update};
use quoth::ui::keymap::{Action, Keymap};
use quoth::ui::render::draw;
use quoth::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

fn app_for(name: &str, w: u16, h: u16) -> App {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample-articles")
        .join(name);
    let article = Article::load(&path).expect("article");
    let analysis = analyse(&article);
    let mut app = App::new(
        article,
        analysis,
        Keymap::default(),
        Theme::new(false, None),
    );
    update(&mut app, Event::Resize(w, h));
    app
}

fn seed(w: u16, h: u16) -> App {
    app_for("putin-lukashenko-minsk.txt", w, h)
}

fn render(app: &mut App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut term = Terminal::new(TestBackend::new(w, h)).expect("terminal");
    term.draw(|f| draw(f, app)).expect("draw");
    term
}

fn press(app: &mut App, actions: &[Action]) {
    for a in actions {
        update(app, Event::Action(*a));
    }
}

#[test]
fn seed_120x40() {
    let mut app = seed(120, 40);
    insta::assert_snapshot!(render(&mut app).backend());
}

#[test]
fn seed_80x24() {
    let mut app = seed(80, 24);
    insta::assert_snapshot!(render(&mut app).backend());
}

#[test]
fn seed_40x10() {
    let mut app = seed(40, 10);
    insta::assert_snapshot!(render(&mut app).backend());
}

#[test]
fn seed_current_quote_120x40() {
    let mut app = seed(120, 40);
    press(
        &mut app,
        &[
            Action::NextQuote,
            Action::NextQuote,
            Action::NextQuote,
            Action::NextQuote,
        ],
    );
    insta::assert_snapshot!(render(&mut app).backend());
}

#[test]
fn seed_speakers_focused_120x40() {
    let mut app = seed(120, 40);
    press(&mut app, &[Action::FocusSpeakers, Action::SpeakerDown]);
    insta::assert_snapshot!(render(&mut app).backend());
}

#[test]
fn seed_speakers_overlay_80x24() {
    let mut app = seed(80, 24);
    press(&mut app, &[Action::FocusSpeakers]);
    insta::assert_snapshot!(render(&mut app).backend());
}

#[test]
fn seed_help_80x24() {
    let mut app = seed(80, 24);
    press(&mut app, &[Action::Help]);
    insta::assert_snapshot!(render(&mut app).backend());
}

#[test]
fn seed_help_40x10() {
    let mut app = seed(40, 10);
    press(&mut app, &[Action::Help]);
    insta::assert_snapshot!(render(&mut app).backend());
}

/// The current quotation stands out in colour: its cells have the speaker's colour as
/// background; other quotations have it as foreground.
#[test]
fn current_quote_is_highlighted_in_speaker_colour() {
    let mut app = seed(120, 40);
    app.theme.color = true;
    press(&mut app, &[Action::NextQuote]);
    let term = render(&mut app);
    let buf = term.backend().buffer();
    let q = &app.analysis.quotes[0];
    let rank = q.speaker.map(|s| app.speaker_rank[s]).expect("speaker");
    let colour = app.theme.speaker_color(rank);
    let mut bg_cells = 0;
    for y in 0..40 {
        for x in 0..120 {
            if buf[(x, y)].bg == colour {
                bg_cells += 1;
            }
        }
    }
    // “the issues of security” is 24 characters.
    assert!(bg_cells >= 20, "{bg_cells} cells in the speaker colour");
    assert_ne!(colour, Color::Reset);
}

/// Escape sequences and control characters in an article never reach the terminal as such.
#[test]
fn control_characters_are_drawn_as_symbols() {
    let text = "Title\n\nA line with \u{1b}[31mred\u{1b}[0m and a bell \u{7} and OSC \u{1b}]52;c;aGVsbG8=\u{7} end.\n".to_string();
    let article = Article::from_text(text, None);
    let analysis = analyse(&article);
    let mut app = App::new(article, analysis, Keymap::default(), Theme::new(true, None));
    update(&mut app, Event::Resize(60, 10));
    let term = render(&mut app);
    for cell in term.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "control char in {:?}",
            cell.symbol()
        );
    }
    let screen = term.backend().to_string();
    assert!(screen.contains('␛'), "{screen}");
}

/// Wide characters and combining marks keep the columns aligned.
#[test]
fn wide_and_combining_characters_stay_aligned() {
    let text = "標題\n\n漢字漢字 “漢字” said José Müller, and the café’s owner agreed. 🙂🙂🙂\n"
        .to_string();
    let article = Article::from_text(text, None);
    let analysis = analyse(&article);
    let mut app = App::new(
        article,
        analysis,
        Keymap::default(),
        Theme::new(false, None),
    );
    update(&mut app, Event::Resize(40, 10));
    let term = render(&mut app);
    insta::assert_snapshot!(term.backend());
}
