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

use super::keymap::{Action, Key, KeyMode, Keymap};
use super::theme::parse_color;
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Default)]
pub struct Config {
    pub keymap: Keymap,
    pub palette: Option<Vec<Color>>,
    /// Things to tell the user on stderr before the reader starts (a key taken from another
    /// action, naming both).
    pub warnings: Vec<String>,
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

/// One key name or a list of them. Deserialised by hand so that a wrong type says what was
/// expected (serde's untagged enums only say that no variant matched).
struct OneOrMany(Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a key name or a list of key names, like \"q\" or [\"q\", \"ctrl-c\"]")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![v.to_string()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<OneOrMany, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element::<String>()? {
                    keys.push(k);
                }
                Ok(OneOrMany(keys))
            }
        }
        d.deserialize_any(Visit)
    }
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
    let mut taken = Vec::new();
    for (name, keys) in &file.keys {
        let line = line_of_key(src, name);
        let action = Action::from_name(name)
            .ok_or_else(|| format!("line {line}: unknown action '{name}'"))?;
        let keys = keys
            .0
            .iter()
            .map(|k| Key::parse(k).ok_or_else(|| format!("line {line}: unknown key '{k}'")))
            .collect::<Result<Vec<_>, _>>()?;
        taken.extend(keymap.rebind(action, keys));
    }
    // A key taken from an action that the file rebinds anyway is no loss: warn only about
    // actions left without that key.
    let warnings = taken
        .iter()
        .filter(|t| !file.keys.contains_key(t.from.name()) || keymap.keys_for(t.from).is_empty())
        .map(|t| {
            format!(
                "warning: config: key {} now does {} and no longer {} ({})",
                t.key,
                t.to.name(),
                t.from.name(),
                t.mode.title()
            )
        })
        .collect();
    for needed in [Action::Quit, Action::Help] {
        if keymap.keys_in(KeyMode::Reading, needed).is_empty() {
            return Err(format!(
                "no key left for '{}' while reading: the reader would be a trap",
                needed.name()
            ));
        }
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
    Ok(Config {
        keymap,
        palette,
        warnings,
    })
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
        assert_eq!(c.keymap.keys_in(KeyMode::Reading, Action::Quit).len(), 1);
        assert_eq!(c.palette, Some(vec![Color::Rgb(255, 0, 0)]));
    }

    #[test]
    fn a_taken_key_is_a_warning_naming_both_actions() {
        let c = parse("[keys]\nprev_quote = [\"shift-tab\", \"N\"]\n").expect("config");
        assert_eq!(c.warnings.len(), 1, "{:?}", c.warnings);
        assert!(c.warnings[0].contains("prev_quote") && c.warnings[0].contains("search_prev"));
    }

    #[test]
    fn a_wrong_type_says_what_was_expected() {
        let e = parse("[keys]\nquit = 3\n").err().unwrap_or_default();
        assert!(e.contains("a key name or a list of key names"), "{e}");
    }

    #[test]
    fn no_way_to_quit_or_to_get_help_is_refused() {
        let e = parse("[keys]\nquit = []\n").err().unwrap_or_default();
        assert!(e.contains("quit"), "{e}");
        let e = parse("[keys]\nline_down = \"?\"\n")
            .err()
            .unwrap_or_default();
        assert!(e.contains("help"), "{e}");
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
