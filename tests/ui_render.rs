//! Rendering tests: a made-up article with a hand-built analysis (`support`), drawn on
//! ratatui's `TestBackend` and compared with reviewed snapshots (`tests/snapshots/`), so that
//! changes to the attribution never churn them; plus checks on styles that text snapshots
//! cannot show.

mod support;

use quoth::article::Article;
use quoth::attribution::analyse;
use quoth::ui::app::{App, Event, update};
use quoth::ui::keymap::{Action, Keymap};
use quoth::ui::render::draw;
use quoth::ui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};
use support::harbour_app;

fn harbour(w: u16, h: u16) -> App {
    harbour_app(30, w, h, false)
}

fn render(app: &App) -> Terminal<TestBackend> {
    let (w, h) = app.view.size;
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
fn harbour_120x40() {
    let app = harbour(120, 40);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn harbour_80x24() {
    let app = harbour(80, 24);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn harbour_40x10() {
    let app = harbour(40, 10);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn harbour_current_reported_statement_120x40() {
    let mut app = harbour(120, 40);
    press(
        &mut app,
        &[
            Action::NextQuote,
            Action::NextQuote,
            Action::NextQuote,
            Action::NextQuote,
        ],
    );
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn harbour_quotes_only_120x40() {
    let mut app = harbour(120, 40);
    press(
        &mut app,
        &[
            Action::ToggleQuotesOnly,
            Action::NextQuote,
            Action::NextQuote,
        ],
    );
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn harbour_speakers_focused_120x40() {
    let mut app = harbour(120, 40);
    press(&mut app, &[Action::FocusSpeakers, Action::SpeakerDown]);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn harbour_speakers_overlay_80x24() {
    let mut app = harbour(80, 24);
    press(&mut app, &[Action::FocusSpeakers]);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn harbour_help_80x24() {
    let mut app = harbour(80, 24);
    press(&mut app, &[Action::Help]);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn harbour_links_80x24() {
    let mut app = harbour(80, 24);
    app.doc.article.links = support::links();
    press(&mut app, &[Action::LinksList, Action::ListDown]);
    insta::assert_snapshot!(render(&app).backend());
}

#[test]
fn harbour_help_40x10() {
    let mut app = harbour(40, 10);
    press(&mut app, &[Action::Help]);
    insta::assert_snapshot!(render(&app).backend());
}

/// Counts the cells of the screen whose style passes `pred`, within the text of a byte range.
fn cells_where(
    term: &Terminal<TestBackend>,
    pred: impl Fn(&ratatui::buffer::Cell) -> bool,
) -> usize {
    term.backend()
        .buffer()
        .content()
        .iter()
        .filter(|c| pred(c))
        .count()
}

/// The current quotation stands out in colour: its cells have the speaker's colour as
/// background; other quotations have it as foreground; reported speech is drawn in a lighter
/// form of the same colour.
#[test]
fn statements_in_speaker_colours_reported_lighter() {
    let mut app = harbour_app(30, 120, 40, true);
    press(&mut app, &[Action::NextQuote]);
    let term = render(&app);
    let q = &app.doc.analysis.quotes[0];
    let rank = q.speaker.map(|s| app.doc.speaker_rank[s]).expect("speaker");
    let colour = app.theme.speaker_color(rank);
    assert_ne!(colour, Color::Reset);
    let bg = cells_where(&term, |c| c.bg == colour);
    assert!(bg >= 30, "{bg} cells with the speaker colour as background");
    // Reported speech by the same speaker elsewhere: the faded colour, never the full one.
    let faded = app.theme.faded(rank);
    assert_ne!(faded, colour);
    let reported = cells_where(&term, |c| c.fg == faded);
    assert!(reported >= 30, "{reported} cells of reported speech");
}

/// Without colour, quotations are bold and reported speech underlined.
#[test]
fn no_color_tells_reported_from_quoted() {
    let app = harbour(120, 40);
    let term = render(&app);
    let bold = cells_where(&term, |c| c.modifier.contains(Modifier::BOLD));
    let underlined = cells_where(&term, |c| c.modifier.contains(Modifier::UNDERLINED));
    assert!(
        bold > 100 && underlined > 100,
        "bold {bold}, underlined {underlined}"
    );
}

/// Escape sequences and control characters in an article never reach the terminal as such.
#[test]
fn control_characters_are_drawn_as_symbols() {
    let text = "Title\n\nA line with \u{1b}[31mred\u{1b}[0m and a bell \u{7} and OSC \u{1b}]52;c;aGVsbG8=\u{7} end.\n".to_string();
    let article = Article::from_text(text, None);
    let analysis = analyse(&article);
    let mut app = App::new(article, analysis, Keymap::default(), Theme::new(true, None));
    update(&mut app, Event::Resize(60, 10));
    let term = render(&app);
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
    let term = render(&app);
    insta::assert_snapshot!(term.backend());
}

/// Without colour, a Markdown heading is bold and underlined, strong text only bold: the two
/// look different.
#[test]
fn no_color_tells_markdown_headings_from_bold() {
    let md = "# Ferry News\n\nThe intro.\n\n## Berths Ahead\n\nPlain **strongword** text.\n";
    let article = Article::from_bytes(md.as_bytes(), None, Some(quoth::article::Format::Markdown))
        .expect("markdown");
    let mut app = App::new(
        article,
        Default::default(),
        Keymap::default(),
        Theme::new(true, None),
    );
    update(&mut app, Event::Resize(60, 12));
    let term = render(&app);
    let buffer = term.backend().buffer();
    let style_of = |word: &str| {
        let width = buffer.area.width as usize;
        let cells = buffer.content();
        let text: Vec<String> = cells.iter().map(|c| c.symbol().to_string()).collect();
        let at = (0..cells.len())
            .find(|&i| {
                i % width + word.len() <= width
                    && word
                        .chars()
                        .enumerate()
                        .all(|(k, ch)| text[i + k] == ch.to_string())
            })
            .unwrap_or_else(|| panic!("{word} not on screen"));
        cells[at].modifier
    };
    let heading = style_of("Berths");
    let strong = style_of("strongword");
    assert!(
        heading.contains(Modifier::BOLD | Modifier::UNDERLINED),
        "{heading:?}"
    );
    assert!(strong.contains(Modifier::BOLD), "{strong:?}");
    assert_ne!(heading, strong);
}
