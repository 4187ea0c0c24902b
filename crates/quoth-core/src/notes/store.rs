//! The sidecar on disk: `story.txt` → `story.txt.quoth.json`.
//!
//! Saving is atomic and merging: under an advisory lock, the file is read again, merged by
//! note id with what this window holds, written to a temporary file in the same folder,
//! flushed to disk, and renamed over the old one (which is kept as `….bak`); then the folder
//! is flushed. A corrupt file is moved aside, never overwritten; a file from a newer quoth is
//! left alone. When the folder cannot be written, notes go to
//! `$XDG_DATA_HOME/quoth/notes/<sha256>.json` instead.

use super::model::{Fingerprint, Sidecar, VERSION};
use sha2::{Digest, Sha256};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The sidecar file of an article, and what is known of it.
#[derive(Debug)]
pub struct Store {
    /// Where notes are saved now (the sidecar, or the data-folder fallback).
    pub path: PathBuf,
    pub doc: Sidecar,
    /// Saving goes to the data folder because the article's folder cannot be written, or the
    /// sidecar is from a newer quoth.
    pub fallback: bool,
    /// Things the user should be told (a corrupt file moved aside, a fallback in use).
    pub messages: Vec<String>,
}

pub fn fingerprint(text: &str) -> Fingerprint {
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Fingerprint {
        sha256: hex,
        length: text.len(),
        extra: Default::default(),
    }
}

/// `story.txt` → `story.txt.quoth.json`.
pub fn sidecar_path(article: &Path) -> PathBuf {
    let mut name = article
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".quoth.json");
    article.with_file_name(name)
}

/// Where an article's notes live: beside it, or (for standard input, which has no folder)
/// in the data folder, keyed by the text's hash.
pub fn sidecar_for(article: Option<&Path>, text: &str) -> Option<PathBuf> {
    match article {
        Some(p) => Some(sidecar_path(p)),
        None => data_path(&fingerprint(text)),
    }
}

/// `$XDG_DATA_HOME/quoth/notes/<sha256>.json` (else `~/.local/share/…`).
pub fn data_path(fp: &Fingerprint) -> Option<PathBuf> {
    let base = std::env::var_os("XDG_DATA_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))?;
    Some(
        base.join("quoth")
            .join("notes")
            .join(format!("{}.json", fp.sha256)),
    )
}

/// Why a sidecar could not be read as it is.
#[derive(Debug)]
pub enum ReadProblem {
    /// Not JSON of the sidecar's shape (or empty, or cut short).
    Corrupt(String),
    /// Written by a newer quoth (this version).
    Future(u64),
}

/// Reads a sidecar file: `Ok(None)` if there is none.
pub fn read(path: &Path) -> io::Result<Result<Option<Sidecar>, ReadProblem>> {
    let data = match fs::read(path) {
        Ok(d) => d,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Ok(None)),
        Err(e) => return Err(e),
    };
    if data.iter().all(u8::is_ascii_whitespace) {
        return Ok(Err(ReadProblem::Corrupt("empty".into())));
    }
    let value: serde_json::Value = match serde_json::from_slice(&data) {
        Ok(v) => v,
        Err(e) => return Ok(Err(ReadProblem::Corrupt(e.to_string()))),
    };
    if let Some(v) = value
        .get("quoth_sidecar")
        .and_then(serde_json::Value::as_u64)
        && v > VERSION
    {
        return Ok(Err(ReadProblem::Future(v)));
    }
    match serde_json::from_value::<Sidecar>(value) {
        Ok(doc) => Ok(Ok(Some(doc))),
        Err(e) => Ok(Err(ReadProblem::Corrupt(e.to_string()))),
    }
}

fn stamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    format!("{secs}")
}

impl Store {
    /// Opens the notes of an article whose sidecar is at `path` (the file need not exist).
    pub fn open(path: PathBuf, text: &str) -> io::Result<Store> {
        let fp = fingerprint(text);
        let mut store = Store {
            path: path.clone(),
            doc: Sidecar::new(fp.clone()),
            fallback: false,
            messages: vec![],
        };
        match read(&path)? {
            Ok(Some(doc)) => store.doc = doc,
            Ok(None) => {}
            Err(ReadProblem::Corrupt(why)) => {
                let aside = PathBuf::from(format!("{}.corrupt-{}", path.display(), stamp()));
                fs::rename(&path, &aside)?;
                store.messages.push(format!(
                    "notes file was unreadable ({}); moved aside to {}",
                    why.lines().next().unwrap_or("corrupt"),
                    aside.display()
                ));
            }
            Err(ReadProblem::Future(v)) => {
                store.use_fallback(
                    &fp,
                    format!("notes file is from a newer quoth (version {v}); left untouched"),
                )?;
            }
        }
        // Notes saved to the data folder before (read-only folder, stdin) belong here too.
        if let Some(dp) = data_path(&fp)
            && dp != store.path
            && let Ok(Ok(Some(extra))) = read(&dp)
        {
            store.doc.merge(&extra);
            if !store.fallback && !can_write_beside(&path) {
                store.use_fallback(&fp, "the article's folder is read-only".into())?;
            }
        }
        store.doc.article = Fingerprint {
            extra: store.doc.article.extra.clone(),
            ..fp
        };
        Ok(store)
    }

    fn use_fallback(&mut self, fp: &Fingerprint, why: String) -> io::Result<()> {
        let dp = data_path(fp).ok_or_else(|| io::Error::other("no data folder (HOME unset)"))?;
        self.messages
            .push(format!("{why}; notes are saved in {}", dp.display()));
        self.path = dp;
        self.fallback = true;
        if let Ok(Ok(Some(doc))) = read(&self.path) {
            self.doc.merge(&doc);
        }
        Ok(())
    }

    /// Writes the notes now (merging with whatever another window saved meanwhile). If the
    /// article's folder cannot be written, switches to the data folder and says so.
    pub fn save(&mut self) -> io::Result<()> {
        match save_merged(&self.path, &mut self.doc) {
            Ok(()) => Ok(()),
            Err(e) if !self.fallback => {
                let fp = self.doc.article.clone();
                self.use_fallback(&fp, format!("cannot write beside the article ({e})"))?;
                save_merged(&self.path, &mut self.doc)
            }
            Err(e) => Err(e),
        }
    }
}

/// The folder a file is in ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn can_write_beside(path: &Path) -> bool {
    let dir = folder_of(path);
    let probe = dir.join(format!(".quoth-probe-{}", std::process::id()));
    let ok = File::create(&probe).is_ok();
    let _ = fs::remove_file(&probe);
    ok
}

/// The locked read–merge–write–rename cycle.
fn save_merged(path: &Path, doc: &mut Sidecar) -> io::Result<()> {
    let dir = folder_of(path).to_path_buf();
    if !dir.exists() {
        fs::create_dir_all(&dir)?;
    }
    // The advisory lock is taken on the folder itself, so no lock file is left beside the
    // article; where folders cannot be locked, a lock file is used instead.
    let lock = match File::open(&dir).and_then(|d| d.lock().map(|()| d)) {
        Ok(d) => d,
        Err(_) => {
            let lock_path = PathBuf::from(format!("{}.lock", path.display()));
            let f = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&lock_path)?;
            f.lock()?;
            f
        }
    };
    let result = (|| {
        match read(path)? {
            Ok(Some(disk)) => doc.merge(&disk),
            Ok(None) => {}
            Err(ReadProblem::Corrupt(_)) => {
                // Another program broke the file meanwhile: keep it, write ours beside it.
                fs::rename(path, format!("{}.corrupt-{}", path.display(), stamp()))?;
            }
            Err(ReadProblem::Future(v)) => {
                return Err(io::Error::other(format!(
                    "notes file is from a newer quoth (version {v})"
                )));
            }
        }
        let bytes = serde_json::to_vec_pretty(doc).map_err(io::Error::other)?;
        write_atomically(path, &bytes)
    })();
    let _ = lock.unlock();
    result
}

/// Temporary file in the same folder, fsync, keep the old file as `.bak`, rename, fsync the
/// folder. At every moment the sidecar is either the old or the new complete file.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = folder_of(path);
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    {
        let mut f = File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
    }
    if path.exists() {
        let bak = dir.join(format!("{name}.bak"));
        let bak_tmp = dir.join(format!(".{name}.bak-{}", std::process::id()));
        let _ = fs::remove_file(&bak_tmp);
        if fs::hard_link(path, &bak_tmp).is_err() {
            fs::copy(path, &bak_tmp)?;
        }
        fs::rename(&bak_tmp, &bak)?;
    }
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::anchor::selectors_for;
    use crate::notes::model::{Note, Target, new_id, now};

    fn temp(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("quoth-store-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).expect("dir");
        d
    }

    fn add_note(store: &mut Store, text: &str, body: &str) {
        let t = now();
        store.doc.notes.push(Note {
            id: new_id("n"),
            created: t.clone(),
            modified: t,
            body: body.into(),
            target: Target::from_selectors(&selectors_for(text, 0..4)),
            deleted: None,
            extra: Default::default(),
        });
    }

    #[test]
    fn sidecar_name() {
        assert_eq!(
            sidecar_path(Path::new("/a/story.txt")),
            PathBuf::from("/a/story.txt.quoth.json")
        );
    }

    #[test]
    fn save_and_reopen() {
        let d = temp("save");
        let path = d.join("a.txt.quoth.json");
        let mut s = Store::open(path.clone(), "Some text").expect("open");
        add_note(&mut s, "Some text", "first");
        s.save().expect("save");
        add_note(&mut s, "Some text", "second");
        s.save().expect("save");
        let again = Store::open(path.clone(), "Some text").expect("reopen");
        assert_eq!(again.doc.live_notes().count(), 2);
        assert!(d.join("a.txt.quoth.json.bak").exists());
    }

    #[test]
    fn two_windows_do_not_lose_each_others_notes() {
        let d = temp("merge");
        let path = d.join("a.txt.quoth.json");
        let mut a = Store::open(path.clone(), "Some text").expect("open");
        let mut b = Store::open(path.clone(), "Some text").expect("open");
        add_note(&mut a, "Some text", "from a");
        a.save().expect("save a");
        add_note(&mut b, "Some text", "from b");
        b.save().expect("save b");
        let c = Store::open(path, "Some text").expect("reopen");
        let bodies: Vec<&str> = c.doc.live_notes().map(|n| n.body.as_str()).collect();
        assert!(
            bodies.contains(&"from a") && bodies.contains(&"from b"),
            "{bodies:?}"
        );
    }

    #[test]
    fn corrupt_empty_and_truncated_files_are_moved_aside() {
        for (tag, content) in [
            ("corrupt", &b"{not json"[..]),
            ("empty", b""),
            ("truncated", b"{\"quoth_sidecar\":1,\"article\":{\"sha"),
        ] {
            let d = temp(tag);
            let path = d.join("a.txt.quoth.json");
            fs::write(&path, content).expect("write");
            let s = Store::open(path.clone(), "text").expect("open");
            assert_eq!(s.messages.len(), 1, "{tag}: {:?}", s.messages);
            assert!(s.messages[0].contains("moved aside"), "{:?}", s.messages);
            let aside: Vec<_> = fs::read_dir(&d)
                .expect("dir")
                .filter_map(|e| e.ok())
                .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
                .collect();
            assert_eq!(aside.len(), 1, "{tag}");
            assert_eq!(
                fs::read(aside[0].path()).expect("read"),
                content,
                "{tag}: the corrupt file was changed"
            );
        }
    }

    #[test]
    fn future_version_is_left_untouched() {
        let d = temp("future");
        let path = d.join("a.txt.quoth.json");
        let future =
            br#"{"quoth_sidecar": 99, "article": {"sha256": "x", "length": 1}, "notes": []}"#;
        fs::write(&path, future).expect("write");
        // SAFETY: tests in this module do not read XDG_DATA_HOME concurrently with this write.
        unsafe { std::env::set_var("XDG_DATA_HOME", d.join("data")) };
        let mut s = Store::open(path.clone(), "text").expect("open");
        assert!(s.fallback);
        assert!(s.messages[0].contains("newer quoth"), "{:?}", s.messages);
        add_note(&mut s, "text", "kept elsewhere");
        s.save().expect("save to fallback");
        assert_eq!(fs::read(&path).expect("read"), future.to_vec());
        assert!(s.path.starts_with(d.join("data")));
    }

    #[test]
    fn unwritable_folder_falls_back_to_the_data_folder() {
        let d = temp("ro");
        // SAFETY: as above.
        unsafe { std::env::set_var("XDG_DATA_HOME", d.join("data")) };
        // /proc cannot hold files, even for root.
        let path = PathBuf::from("/proc/quoth-no-such-dir/a.txt.quoth.json");
        let mut s = Store::open(path, "text").expect("open");
        add_note(&mut s, "text", "safe");
        s.save().expect("save falls back");
        assert!(s.fallback);
        assert!(
            s.messages.iter().any(|m| m.contains("cannot write beside")),
            "{:?}",
            s.messages
        );
        let reread = Store::open(s.path.clone(), "text").expect("reopen");
        assert_eq!(reread.doc.live_notes().count(), 1);
    }
}
