//! Remembering where the reader was in each article, in the state folder's `positions.json`.
//!
//! A position is a byte offset plus a few words of the text there, so that it survives the
//! article being edited; it is never a screen row (rows change with the width). The file is
//! read and written like every file quoth keeps (`quoth_core::files`): never a pipe or a
//! device, never more than [`MAX_POSITIONS_BYTES`], written atomically; a corrupt file is
//! moved aside, not replaced.

use crate::files::{self, MAX_POSITIONS_BYTES};
use crate::notes::anchor::{Selectors, anchor, char_of_byte};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

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

/// Where a remembered position is in `text` now: found again like a note's passage (the
/// same offset if the context still matches, else the nearest place it occurs, else close
/// text), else the offset clamped.
pub fn find(text: &str, pos: &Position) -> usize {
    let mut at = pos.offset.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = char_of_byte(text, at);
    let passage = Selectors {
        exact: pos.context.clone(),
        prefix: String::new(),
        suffix: String::new(),
        start,
        end: start + pos.context.chars().count(),
    };
    anchor(text, &passage).range().map_or(at, |r| r.start)
}

/// Why the positions file cannot be used.
enum Unusable {
    /// It is there but not JSON of the expected shape: moved aside on the next save.
    Corrupt,
    /// Not a regular file, too large, or unreadable: left alone.
    Other(std::io::Error),
}

/// The positions file as it is: `Ok(None)` if there is none.
fn read(file: &Path) -> Result<Option<Store>, Unusable> {
    match files::read_state(file, MAX_POSITIONS_BYTES) {
        Ok(None) => Ok(None),
        Ok(Some(data)) => serde_json::from_slice(&data)
            .map(Some)
            .map_err(|_| Unusable::Corrupt),
        Err(e) => Err(Unusable::Other(e)),
    }
}

pub fn load(file: &Path, key: &str) -> Option<Position> {
    let store = read(file).ok()??;
    store.positions.get(key).map(|(_, p)| p.clone())
}

/// Saves a position. A corrupt positions file is moved aside first (every other article's
/// position is in it); a pipe or device in its place is left alone and nothing is saved.
pub fn save(file: &Path, key: &str, pos: Position) -> std::io::Result<()> {
    // Two readers closing at once must not lose each other's position.
    let _lock = files::Lock::take(file)?;
    let mut store = match read(file) {
        Ok(store) => store.unwrap_or_default(),
        Err(Unusable::Corrupt) => {
            files::move_aside(file)?;
            Store::default()
        }
        Err(Unusable::Other(e)) => return Err(e),
    };
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
    let bytes = serde_json::to_vec(&store).map_err(std::io::Error::other)?;
    files::write_atomically(file, &bytes)
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

    fn temp(tag: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("quoth-pos-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("dir");
        d
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_not_replaced() {
        let d = temp("corrupt");
        let file = d.join("positions.json");
        std::fs::write(&file, b"{\"positions\": {\"/a\": [1, ").expect("write");
        assert_eq!(load(&file, "/a"), None);
        save(&file, "/b", position_at("text", 0)).expect("save");
        let aside: Vec<_> = std::fs::read_dir(&d)
            .expect("dir")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(
            std::fs::read(aside[0].path()).expect("read"),
            b"{\"positions\": {\"/a\": [1, "
        );
        assert!(load(&file, "/b").is_some());
    }

    #[test]
    fn readers_closing_at_once_keep_each_others_positions() {
        let d = temp("race");
        let file = d.join("positions.json");
        std::thread::scope(|scope| {
            for t in 0..4 {
                let file = &file;
                scope.spawn(move || {
                    for i in 0..10 {
                        let key = format!("/article-{t}-{i}");
                        save(file, &key, position_at("text", 1)).expect("save");
                    }
                });
            }
        });
        for t in 0..4 {
            for i in 0..10 {
                assert!(
                    load(&file, &format!("/article-{t}-{i}")).is_some(),
                    "{t}-{i}"
                );
            }
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_its_place_neither_hangs_nor_is_replaced() {
        let d = temp("fifo");
        let file = d.join("positions.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&file)
            .status()
            .is_ok_and(|s| s.success());
        assert!(made, "mkfifo");
        assert_eq!(load(&file, "/a"), None);
        assert!(save(&file, "/a", position_at("text", 0)).is_err());
        use std::os::unix::fs::FileTypeExt;
        assert!(
            std::fs::symlink_metadata(&file)
                .expect("meta")
                .file_type()
                .is_fifo()
        );
    }
}
