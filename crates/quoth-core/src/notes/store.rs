//! The sidecar on disk: `story.txt` → `story.txt.quoth.json`.
//!
//! Saving is atomic and merging: under an advisory lock, the file is read again, merged by
//! note id with what this window holds, and written with [`files::write_atomically`] (the old
//! file is kept as `….bak`). A corrupt file is moved aside, never overwritten; a file from a
//! newer quoth is left alone. When the folder cannot be written, notes go to the data folder
//! (`DATA/notes/<key>.json`), keyed by the article's path — or, for standard input, by its
//! text — so that only that article gets them back.

use super::model::{Fingerprint, Sidecar, VERSION};
use crate::files::{self, Folders, MAX_NOTES_BYTES};
use sha2::{Digest, Sha256};
use std::fs::{self, File, OpenOptions};
use std::io;
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
    /// The data folder's copy for this article, if there is a data folder.
    data_copy: Option<PathBuf>,
}

/// Where an article's notes live: the sidecar, and the data folder's copy that takes over when
/// the sidecar's folder cannot be written (for standard input there is only that copy).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub sidecar: PathBuf,
    pub data_copy: Option<PathBuf>,
}

impl Place {
    /// The notes of an article: the `--notes` file if given, else beside the article, else
    /// (standard input) in the data folder. `None` when there is nowhere to keep them.
    pub fn of(
        article: Option<&Path>,
        text: &str,
        notes: Option<PathBuf>,
        folders: &Folders,
    ) -> Option<Place> {
        let dir = folders.notes_dir();
        let data_copy = dir.map(|d| d.join(format!("{}.json", data_key(article, text))));
        match (notes, article) {
            (Some(sidecar), _) => Some(Place {
                sidecar,
                data_copy: None,
            }),
            (None, Some(p)) => Some(Place {
                sidecar: sidecar_path(p),
                data_copy,
            }),
            (None, None) => data_copy.map(|sidecar| Place {
                sidecar,
                data_copy: None,
            }),
        }
    }
}

pub fn fingerprint(text: &str) -> Fingerprint {
    Fingerprint {
        sha256: sha256_hex(text.as_bytes()),
        length: text.len(),
        extra: Default::default(),
    }
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The name of an article's notes in the data folder: its absolute path's hash (so two
/// copies of one text elsewhere never share notes), or for standard input the text's hash.
fn data_key(article: Option<&Path>, text: &str) -> String {
    match article {
        Some(p) => {
            let abs = fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            let mut key = b"path\0".to_vec();
            key.extend_from_slice(abs.as_os_str().as_encoded_bytes());
            sha256_hex(&key)
        }
        None => fingerprint(text).sha256,
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

/// Why a sidecar could not be read as it is.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadProblem {
    /// Not JSON of the sidecar's shape (or empty, cut short, or its version unreadable).
    Corrupt(String),
    /// Written by a newer quoth (this version).
    Future(u64),
}

impl std::fmt::Display for ReadProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadProblem::Corrupt(why) => {
                write!(
                    f,
                    "corrupt ({})",
                    why.lines().next().unwrap_or("unreadable")
                )
            }
            ReadProblem::Future(v) => write!(
                f,
                "from a newer quoth (format version {v}; this one reads {VERSION})"
            ),
        }
    }
}

/// Reads a sidecar file: `Ok(None)` if there is none. A pipe, a device or a file over
/// [`MAX_NOTES_BYTES`] is an error (see [`files::read_state`]).
pub fn read(path: &Path) -> io::Result<Result<Option<Sidecar>, ReadProblem>> {
    let Some(data) = files::read_state(path, MAX_NOTES_BYTES)? else {
        return Ok(Ok(None));
    };
    Ok(parse(&data).map(Some))
}

/// A sidecar's bytes as a document. The version is read first: a valid number above ours
/// (`2`, `2.0`, `"2"`) is from the future and left alone; anything else unreadable is corrupt.
pub fn parse(data: &[u8]) -> Result<Sidecar, ReadProblem> {
    if data.iter().all(u8::is_ascii_whitespace) {
        return Err(ReadProblem::Corrupt("empty".into()));
    }
    let value: serde_json::Value =
        serde_json::from_slice(data).map_err(|e| ReadProblem::Corrupt(e.to_string()))?;
    match version_of(&value) {
        Some(v) if v > VERSION => return Err(ReadProblem::Future(v)),
        Some(_) => {}
        None => {
            return Err(ReadProblem::Corrupt(format!(
                "no readable format version: quoth_sidecar is {}",
                value
                    .get("quoth_sidecar")
                    .map_or("missing".to_string(), |v| v.to_string())
            )));
        }
    }
    let mut value = value;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("quoth_sidecar".into(), VERSION.into());
    }
    serde_json::from_value::<Sidecar>(value).map_err(|e| ReadProblem::Corrupt(e.to_string()))
}

/// The format version: a whole number, written as a number (`2`, `2.0`) or a string (`"2"`).
fn version_of(value: &serde_json::Value) -> Option<u64> {
    use serde_json::Value;
    match value.get("quoth_sidecar")? {
        Value::Number(n) => n.as_u64().or_else(|| {
            n.as_f64()
                .filter(|f| f.fract() == 0.0 && *f >= 0.0 && *f < 1e15)
                .map(|f| f as u64)
        }),
        Value::String(s) => s.trim().parse::<u64>().ok(),
        _ => None,
    }
}

/// The notes as they are on disk, read only: the sidecar merged with the data folder's copy.
/// A missing file is an empty document; nothing is moved or written.
pub fn peek(place: &Place, text: &str) -> io::Result<Result<Sidecar, ReadProblem>> {
    let mut doc = match read(&place.sidecar)? {
        Ok(Some(doc)) => doc,
        Ok(None) => Sidecar::new(fingerprint(text)),
        Err(problem) => return Ok(Err(problem)),
    };
    if let Some(copy) = &place.data_copy
        && let Ok(Ok(Some(extra))) = read(copy)
    {
        doc.merge(&extra);
    }
    Ok(Ok(doc))
}

impl Store {
    /// Opens the notes of an article whose sidecar is at `path` (the file need not exist),
    /// without a data folder to fall back on.
    pub fn open(path: PathBuf, text: &str) -> io::Result<Store> {
        Store::open_at(
            Place {
                sidecar: path,
                data_copy: None,
            },
            text,
        )
    }

    /// Opens the notes at `place`: the sidecar, with the data folder's copy merged in.
    pub fn open_at(place: Place, text: &str) -> io::Result<Store> {
        let fp = fingerprint(text);
        let path = place.sidecar;
        let mut store = Store {
            path: path.clone(),
            doc: Sidecar::new(fp.clone()),
            fallback: false,
            messages: vec![],
            data_copy: place.data_copy,
        };
        match read(&path)? {
            Ok(Some(doc)) => store.doc = doc,
            Ok(None) => {}
            Err(problem @ ReadProblem::Corrupt(_)) => {
                let aside = files::move_aside(&path)?;
                store.messages.push(format!(
                    "notes file was {problem}; moved aside to {}",
                    aside.display()
                ));
            }
            Err(problem @ ReadProblem::Future(_)) => {
                store.use_fallback(format!("notes file is {problem}; left untouched"))?;
            }
        }
        // Notes saved to the data folder before (a read-only folder) belong here too.
        if let Some(dp) = store.data_copy.clone()
            && dp != store.path
            && let Ok(Ok(Some(extra))) = read(&dp)
        {
            store.doc.merge(&extra);
            if !store.fallback && !can_write_beside(&path) {
                store.use_fallback("the article's folder is read-only".into())?;
            }
        }
        store.doc.article = Fingerprint {
            extra: store.doc.article.extra.clone(),
            ..fp
        };
        Ok(store)
    }

    fn use_fallback(&mut self, why: String) -> io::Result<()> {
        let dp = self
            .data_copy
            .clone()
            .ok_or_else(|| io::Error::other(format!("{why}, and there is no data folder")))?;
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
            Err(e) if !self.fallback && self.data_copy.is_some() => {
                self.use_fallback(format!("cannot write beside the article ({e})"))?;
                save_merged(&self.path, &mut self.doc)
            }
            Err(e) => Err(e),
        }
    }
}

fn can_write_beside(path: &Path) -> bool {
    let dir = files::folder_of(path);
    let probe = dir.join(format!(".quoth-probe-{}", std::process::id()));
    let ok = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
        .is_ok();
    let _ = fs::remove_file(&probe);
    ok
}

/// The locked read–merge–write–rename cycle.
fn save_merged(path: &Path, doc: &mut Sidecar) -> io::Result<()> {
    // A sidecar that is a symlink to the user's shared notes file is written through.
    let path = &files::write_target(path)?;
    let dir = files::folder_of(path).to_path_buf();
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
            Ok(Some(disk)) => {
                doc.merge(&disk);
                files::keep_backup(path, &backup_path(path))?;
            }
            Ok(None) => {}
            Err(ReadProblem::Corrupt(_)) => {
                // Another program broke the file meanwhile: keep it, write ours beside it.
                files::move_aside(path)?;
            }
            Err(problem @ ReadProblem::Future(_)) => {
                return Err(io::Error::other(format!("notes file is {problem}")));
            }
        }
        let bytes = serde_json::to_vec_pretty(doc).map_err(io::Error::other)?;
        files::write_atomically(path, &bytes)
    })();
    let _ = lock.unlock();
    result
}

/// `a.txt.quoth.json` → `a.txt.quoth.json.bak`.
fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".bak");
    PathBuf::from(name)
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

    fn place_with_data(d: &Path, sidecar: PathBuf) -> Place {
        Place {
            sidecar,
            data_copy: Some(d.join("data").join("notes").join("copy.json")),
        }
    }

    #[test]
    fn future_version_is_left_untouched() {
        for version in ["99", "2.0", "\"2\""] {
            let d = temp("future");
            let path = d.join("a.txt.quoth.json");
            let future = format!(
                r#"{{"quoth_sidecar": {version}, "article": {{"sha256": "x", "length": 1}}, "notes": []}}"#
            );
            fs::write(&path, &future).expect("write");
            let mut s = Store::open_at(place_with_data(&d, path.clone()), "text").expect("open");
            assert!(s.fallback, "{version}");
            assert!(s.messages[0].contains("newer quoth"), "{:?}", s.messages);
            add_note(&mut s, "text", "kept elsewhere");
            s.save().expect("save to fallback");
            assert_eq!(fs::read_to_string(&path).expect("read"), future);
            assert!(s.path.starts_with(d.join("data")));
        }
    }

    #[test]
    fn an_unreadable_version_is_corrupt_and_says_so() {
        for version in ["\"two\"", "-1", "1.5", "null", "[2]"] {
            let d = temp("badversion");
            let path = d.join("a.txt.quoth.json");
            let bad = format!(
                r#"{{"quoth_sidecar": {version}, "article": {{"sha256": "x", "length": 1}}}}"#
            );
            fs::write(&path, &bad).expect("write");
            let s = Store::open(path.clone(), "text").expect("open");
            assert!(!s.fallback, "{version}");
            assert!(
                s.messages[0].contains("corrupt") && s.messages[0].contains("version"),
                "{version}: {:?}",
                s.messages
            );
        }
        assert!(
            parse(br#"{"quoth_sidecar": "1", "article": {"sha256": "x", "length": 1}}"#).is_ok()
        );
    }

    #[test]
    fn unwritable_folder_falls_back_to_the_data_folder() {
        let d = temp("ro");
        // /proc cannot hold files, even for root.
        let path = PathBuf::from("/proc/quoth-no-such-dir/a.txt.quoth.json");
        let mut s = Store::open_at(place_with_data(&d, path), "text").expect("open");
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

    #[test]
    fn copies_of_one_text_elsewhere_do_not_share_data_folder_notes() {
        let d = temp("keyed");
        let folders = Folders::under(&d);
        let (a, b) = (d.join("one/story.txt"), d.join("two/story.txt"));
        let pa = Place::of(Some(&a), "same text", None, &folders).expect("place");
        let pb = Place::of(Some(&b), "same text", None, &folders).expect("place");
        assert_ne!(pa.data_copy, pb.data_copy);
        // Standard input is known by its text only.
        let s1 = Place::of(None, "same text", None, &folders).expect("place");
        let s2 = Place::of(None, "same text", None, &folders).expect("place");
        assert_eq!(s1, s2);
        assert!(Place::of(None, "t", None, &Folders::default()).is_none());
    }

    #[test]
    fn peeking_sees_the_data_folder_copy_and_writes_nothing() {
        let d = temp("peek");
        let place = place_with_data(&d, d.join("a.txt.quoth.json"));
        let copy = place.data_copy.clone().expect("copy");
        let mut s = Store::open(copy, "Some text").expect("open");
        add_note(&mut s, "Some text", "in the data folder");
        s.save().expect("save");
        let doc = peek(&place, "Some text").expect("io").expect("doc");
        assert_eq!(doc.live_notes().count(), 1);
        assert!(!place.sidecar.exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlinked_sidecar_stays_a_symlink() {
        let d = temp("link");
        let shared = d.join("shared-notes.json");
        let path = d.join("a.txt.quoth.json");
        let empty = Sidecar::new(fingerprint("Some text"));
        fs::write(&shared, serde_json::to_vec(&empty).expect("json")).expect("shared");
        std::os::unix::fs::symlink(&shared, &path).expect("link");
        let mut s = Store::open(path.clone(), "Some text").expect("open");
        add_note(&mut s, "Some text", "one");
        s.save().expect("save");
        add_note(&mut s, "Some text", "two");
        s.save().expect("save");
        assert!(
            fs::symlink_metadata(&path)
                .expect("meta")
                .file_type()
                .is_symlink()
        );
        let doc = read(&shared).expect("io").expect("doc").expect("some");
        assert_eq!(doc.live_notes().count(), 2);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_sidecar_is_refused_without_hanging() {
        let d = temp("fifo");
        let path = d.join("a.txt.quoth.json");
        let made = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .is_ok_and(|s| s.success());
        assert!(made, "mkfifo");
        let e = Store::open(path.clone(), "text").expect_err("a fifo is no sidecar");
        assert!(e.to_string().contains("not a regular file"), "{e}");
        assert!(peek(&place_with_data(&d, path), "text").is_err());
    }
}
