//! Colours and text styles, with a `NO_COLOR` variant that uses bold, italic, underline and
//! reverse video only.

use ratatui::style::{Color, Modifier, Style};

/// Speaker colours: the Okabe–Ito palette (distinct for colour-blind readers), with
/// mid-range luminance so that they read on dark and light backgrounds alike.
pub const DEFAULT_PALETTE: &[&str] = &[
    "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#CC79A7", "#0072B2", "#999933", "#AA4499",
];

#[derive(Debug, Clone)]
pub struct Theme {
    pub color: bool,
    pub palette: Vec<Color>,
}

pub fn parse_color(s: &str) -> Option<Color> {
    let hex = s.strip_prefix('#')?;
    if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let v = u32::from_str_radix(hex, 16).ok()?;
    Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

impl Theme {
    pub fn new(no_color: bool, palette: Option<Vec<Color>>) -> Theme {
        let palette = palette.filter(|p| !p.is_empty()).unwrap_or_else(|| {
            DEFAULT_PALETTE
                .iter()
                .filter_map(|c| parse_color(c))
                .collect()
        });
        Theme {
            color: !no_color,
            palette,
        }
    }

    pub fn speaker_color(&self, rank: usize) -> Color {
        self.palette[rank % self.palette.len()]
    }

    /// A quotation by the speaker of colour rank `rank` (None: no speaker found).
    pub fn quote(&self, rank: Option<usize>, current: bool) -> Style {
        match (self.color, rank, current) {
            (true, Some(r), false) => Style::new().fg(self.speaker_color(r)),
            (true, Some(r), true) => Style::new()
                .bg(self.speaker_color(r))
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            (true, None, false) => Style::new().add_modifier(Modifier::ITALIC),
            (true, None, true) => Style::new().add_modifier(Modifier::REVERSED | Modifier::ITALIC),
            (false, _, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _, true) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        }
    }

    /// Reported speech by the speaker of colour rank `rank`: the speaker's colour faded
    /// halfway to grey (lighter than a quotation on dark and light backgrounds alike); without
    /// colour, underlined where quotations are bold.
    pub fn reported(&self, rank: Option<usize>, current: bool) -> Style {
        match (self.color, rank, current) {
            (true, Some(r), false) => Style::new().fg(self.faded(r)),
            (true, Some(r), true) => Style::new().bg(self.faded(r)).fg(Color::Black),
            (true, None, false) => Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            (true, None, true) => Style::new().add_modifier(Modifier::REVERSED | Modifier::DIM),
            (false, _, false) => Style::new().add_modifier(Modifier::UNDERLINED),
            (false, _, true) => {
                Style::new().add_modifier(Modifier::REVERSED | Modifier::UNDERLINED)
            }
        }
    }

    /// A speaker's colour halfway to mid grey.
    pub fn faded(&self, rank: usize) -> Color {
        match self.speaker_color(rank) {
            Color::Rgb(r, g, b) => {
                let mix = |c: u8| ((c as u16 + 0x80) / 2) as u8;
                Color::Rgb(mix(r), mix(g), mix(b))
            }
            other => other,
        }
    }

    pub fn search_match(&self) -> Style {
        if self.color {
            Style::new().bg(Color::Yellow).fg(Color::Black)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    pub fn heading(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn status(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// The speaker's initials in the gutter; lighter for reported speech.
    pub fn gutter(&self, rank: Option<usize>, reported: bool) -> Style {
        match (self.color, rank, reported) {
            (true, Some(r), false) => Style::new().fg(self.speaker_color(r)),
            (true, Some(r), true) => Style::new().fg(self.faded(r)),
            (false, Some(_), false) => Style::new().add_modifier(Modifier::BOLD),
            (false, Some(_), true) => Style::new().add_modifier(Modifier::UNDERLINED),
            _ => self.dim(),
        }
    }
}
