//! The config file, `$XDG_CONFIG_HOME/quoth/config.toml`: key bindings and speaker colours.
//!
//! ```toml
//! [keys]
//! next_quote = ["tab", "n"]
//! quit = "q"
//!
//! [colors]
//! speakers = ["#E69F00", "#56B4E9"]
//! ```

use super::keymap::{Action, Key, Keymap};
use super::theme::parse_color;
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Default)]
pub struct Config {
    pub keymap: Keymap,
    pub palette: Option<Vec<Color>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    keys: BTreeMap<String, OneOrMany>,
    #[serde(default)]
    colors: Colors,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Colors {
    speakers: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Loads the config file if it exists. Errors name the file and the line.
pub fn load(path: Option<&Path>) -> Result<Config, String> {
    let Some(path) = path else {
        return Ok(Config::default());
    };
    // Never hangs on a FIFO, never reads without bound (see `files::read_state`).
    match crate::files::read_state(path, crate::files::MAX_CONFIG_BYTES) {
        Ok(Some(bytes)) => {
            parse(&String::from_utf8_lossy(&bytes)).map_err(|e| format!("{}: {e}", path.display()))
        }
        Ok(None) => Ok(Config::default()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

/// Parses config text. An error says which line is wrong and why, on one line.
pub fn parse(src: &str) -> Result<Config, String> {
    let file: File = toml::from_str(src).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(src, s.start));
        let msg = e.message().lines().next().unwrap_or("invalid").to_string();
        format!("line {line}: {msg}")
    })?;
    let mut keymap = Keymap::default();
    for (name, keys) in &file.keys {
        let line = line_of_key(src, name);
        let action = Action::from_name(name)
            .ok_or_else(|| format!("line {line}: unknown action '{name}'"))?;
        let names = match keys {
            OneOrMany::One(k) => vec![k.clone()],
            OneOrMany::Many(ks) => ks.clone(),
        };
        let keys = names
            .iter()
            .map(|k| Key::parse(k).ok_or_else(|| format!("line {line}: unknown key '{k}'")))
            .collect::<Result<Vec<_>, _>>()?;
        keymap.rebind(action, keys);
    }
    let palette = match &file.colors.speakers {
        Some(list) => {
            let line = line_of_key(src, "speakers");
            let colors = list
                .iter()
                .map(|c| {
                    parse_color(c)
                        .ok_or_else(|| format!("line {line}: '{c}' is not a #RRGGBB colour"))
                })
                .collect::<Result<Vec<_>, _>>()?;
            Some(colors)
        }
        None => None,
    };
    Ok(Config { keymap, palette })
}

fn line_of(src: &str, offset: usize) -> usize {
    1 + src.as_bytes()[..offset.min(src.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn line_of_key(src: &str, key: &str) -> usize {
    src.lines()
        .position(|l| {
            let l = l.trim_start();
            l.starts_with(key) && l[key.len()..].trim_start().starts_with('=')
        })
        .map_or(1, |i| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rebinds_and_colours() {
        let c = parse("[keys]\nnext_quote = [\"x\", \"tab\"]\nquit = \"Q\"\n[colors]\nspeakers = [\"#FF0000\"]\n").expect("config");
        assert_eq!(c.keymap.keys_for(Action::Quit).len(), 1);
        assert_eq!(c.palette, Some(vec![Color::Rgb(255, 0, 0)]));
    }

    #[test]
    fn errors_name_the_line() {
        let e = parse("[keys]\n\nnext_quote = [\"nope-key\"]\n")
            .err()
            .unwrap_or_default();
        assert!(e.starts_with("line 3:"), "{e}");
        let e = parse("[keys]\nfly = \"x\"\n").err().unwrap_or_default();
        assert!(e.contains("line 2") && e.contains("fly"), "{e}");
        let e = parse("[keys\n").err().unwrap_or_default();
        assert!(e.starts_with("line 1:"), "{e}");
        let e = parse("\n[colors]\nspeakers = [\"red\"]\n")
            .err()
            .unwrap_or_default();
        assert!(e.starts_with("line 3:"), "{e}");
        assert!(!e.contains('\n'));
    }

    #[test]
    fn readme_example_config_parses() {
        let readme = include_str!("../../README.md");
        let start = readme.find("```toml\n").map(|i| i + 8).unwrap_or(0);
        let end = readme[start..].find("```").map_or(start, |i| start + i);
        assert!(end > start, "README has no toml example");
        parse(&readme[start..end]).expect("README example config");
    }
}
