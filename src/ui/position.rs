//! Remembering where the reader was in each article, under `$XDG_STATE_HOME/quoth/`.
//!
//! A position is a byte offset plus a few words of the text there, so that it survives the
//! article being edited; it is never a screen row (rows change with the width).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Position {
    pub offset: usize,
    pub context: String,
}

/// Characters of context kept with a position.
const CONTEXT_CHARS: usize = 40;
/// Articles remembered at most (the oldest are forgotten).
const MAX_ENTRIES: usize = 500;

#[derive(Debug, Default, Serialize, Deserialize)]
struct Store {
    #[serde(default)]
    positions: BTreeMap<String, (u64, Position)>,
}

pub fn state_file() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_STATE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/state")))?;
    Some(base.join("quoth").join("positions.json"))
}

/// The key an article is remembered by: its absolute path.
pub fn key_for(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

pub fn position_at(text: &str, offset: usize) -> Position {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let context: String = text[offset..].chars().take(CONTEXT_CHARS).collect();
    Position { offset, context }
}

/// Where a remembered position is in `text` now: the same offset if the context still
/// matches, else the nearest place the context occurs, else the offset clamped.
pub fn find(text: &str, pos: &Position) -> usize {
    let fits = |o: usize| text.get(o..).is_some_and(|t| t.starts_with(&pos.context));
    if fits(pos.offset) {
        return pos.offset;
    }
    if !pos.context.is_empty() {
        let best = text
            .match_indices(&pos.context)
            .map(|(i, _)| i)
            .min_by_key(|i| i.abs_diff(pos.offset));
        if let Some(i) = best {
            return i;
        }
    }
    let mut o = pos.offset.min(text.len());
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

pub fn load(file: &Path, key: &str) -> Option<Position> {
    let data = std::fs::read(file).ok()?;
    let store: Store = serde_json::from_slice(&data).ok()?;
    store.positions.get(key).map(|(_, p)| p.clone())
}

/// Saves a position (write to a temporary file, then rename: a crash never leaves half a file).
pub fn save(file: &Path, key: &str, pos: Position) -> std::io::Result<()> {
    let mut store: Store = std::fs::read(file)
        .ok()
        .and_then(|d| serde_json::from_slice(&d).ok())
        .unwrap_or_default();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    store.positions.insert(key.to_string(), (now, pos));
    while store.positions.len() > MAX_ENTRIES {
        let oldest = store
            .positions
            .iter()
            .min_by_key(|(_, (t, _))| *t)
            .map(|(k, _)| k.clone());
        match oldest {
            Some(k) => store.positions.remove(&k),
            None => break,
        };
    }
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = file.with_extension(format!("json.tmp{}", std::process::id()));
    std::fs::write(
        &tmp,
        serde_json::to_vec(&store).map_err(std::io::Error::other)?,
    )?;
    std::fs::rename(&tmp, file)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_survives_an_edit_before_it() {
        let text = "First paragraph.\n\nThe second one starts here and goes on.";
        let pos = position_at(text, text.find("The second").unwrap_or(0));
        let edited = format!("A new opening line.\n\n{text}");
        assert_eq!(&edited[find(&edited, &pos)..][..10], "The second");
    }

    #[test]
    fn position_falls_back_to_the_offset() {
        let pos = Position {
            offset: 5,
            context: "gone".into(),
        };
        assert_eq!(find("abcdefgh", &pos), 5);
        assert_eq!(find("ab", &pos), 2);
    }

    #[test]
    fn save_and_load_round_trip() {
        let dir = std::env::temp_dir().join(format!("quoth-pos-{}", std::process::id()));
        let file = dir.join("positions.json");
        save(
            &file,
            "/a.txt",
            Position {
                offset: 3,
                context: "x".into(),
            },
        )
        .expect("save");
        assert_eq!(
            load(&file, "/a.txt"),
            Some(Position {
                offset: 3,
                context: "x".into()
            })
        );
        assert_eq!(load(&file, "/b.txt"), None);
        let _ = std::fs::remove_dir_all(dir);
    }
}
