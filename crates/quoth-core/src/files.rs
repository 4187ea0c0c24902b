//! The files quoth keeps for itself (notes sidecars, reading positions, the config): where they
//! are, and the one way each is read and written.
//!
//! Reading never hangs and never reads without bound: a state file is opened without
//! blocking, used only if it is a regular file, and read up to a documented size. Writing is
//! atomic: a new file under an unpredictable name (created exclusively, never through a
//! planted symlink), flushed to disk, renamed over the old one, and the folder flushed; so at
//! every moment the file is either the old or the new complete version.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The folders quoth keeps its files in, resolved once by the program (from the XDG
/// variables) and passed down; tests pass their own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folders {
    /// `$XDG_DATA_HOME/quoth`: notes that cannot live beside their article.
    pub data: Option<PathBuf>,
    /// `$XDG_STATE_HOME/quoth`: reading positions.
    pub state: Option<PathBuf>,
    /// `$XDG_CONFIG_HOME/quoth`: the config file.
    pub config: Option<PathBuf>,
}

impl Folders {
    /// All three under one folder (for tests and for `--data`-style overrides).
    pub fn under(base: &Path) -> Folders {
        Folders {
            data: Some(base.join("data")),
            state: Some(base.join("state")),
            config: Some(base.join("config")),
        }
    }

    /// Where notes kept in the data folder go.
    pub fn notes_dir(&self) -> Option<PathBuf> {
        self.data.as_ref().map(|d| d.join("notes"))
    }

    /// The reading positions file.
    pub fn positions_file(&self) -> Option<PathBuf> {
        self.state.as_ref().map(|d| d.join("positions.json"))
    }

    /// The config file.
    pub fn config_file(&self) -> Option<PathBuf> {
        self.config.as_ref().map(|d| d.join("config.toml"))
    }
}

/// Largest notes sidecar read (about 200k notes).
pub const MAX_NOTES_BYTES: u64 = 128 * 1024 * 1024;
/// Largest positions file read (it holds at most 500 positions).
pub const MAX_POSITIONS_BYTES: u64 = 4 * 1024 * 1024;
/// Largest config file read.
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;

/// Reads a state file: `Ok(None)` if there is none. A FIFO, a device (a symlink to
/// `/dev/zero`), a folder or a file over `limit` bytes is refused with a reason, never read.
pub fn read_state(path: &Path, limit: u64) -> io::Result<Option<Vec<u8>>> {
    let file = match open_nonblocking(path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(io::Error::other(
            "not a regular file (a pipe, a device or a folder); left alone",
        ));
    }
    if meta.len() > limit {
        return Err(too_large(limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(too_large(limit));
    }
    Ok(Some(bytes))
}

fn too_large(limit: u64) -> io::Error {
    io::Error::other(format!(
        "larger than {} MiB; left alone",
        limit / (1024 * 1024)
    ))
}

/// Opens for reading without waiting for a writer (a FIFO would block `open` itself).
fn open_nonblocking(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The folder a file is in ("." for a bare file name).
pub fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Where writing `path` should go: `path` itself, or — when it is a symlink to a regular file
/// the user owns (a shared notes file) — that file, so the link is kept, never silently
/// replaced by a file of its own. Any other symlink is refused.
pub fn write_target(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            let target = fs::canonicalize(path).map_err(|e| {
                io::Error::other(format!("is a symlink to nothing usable ({e}); not written"))
            })?;
            let meta = fs::metadata(&target)?;
            if meta.is_file() && owned_by_me(&meta) {
                Ok(target)
            } else {
                Err(io::Error::other(format!(
                    "is a symlink to {}, which is not a regular file of yours; not written",
                    target.display()
                )))
            }
        }
        _ => Ok(path.to_path_buf()),
    }
}

#[cfg(unix)]
fn owned_by_me(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    meta.uid() == unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn owned_by_me(_: &fs::Metadata) -> bool {
    true
}

/// Writes `bytes` to `path` atomically (see the module's doc), through a symlink to a file the
/// user owns. Temporary files that dead quoth processes left beside it are removed first.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let path = write_target(path)?;
    let dir = folder_of(&path);
    fs::create_dir_all(dir)?;
    remove_stale_temporaries(&path);
    let (tmp, mut file) = create_temporary(&path, "tmp")?;
    let written = file
        .write_all(bytes)
        .and_then(|()| keep_permissions(&path, &file))
        .and_then(|()| file.sync_all())
        .and_then(|()| fs::rename(&tmp, &path));
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    sync_folder(dir);
    Ok(())
}

/// Keeps a copy of `path` as `backup` (a hard link when possible), replacing the old copy
/// atomically.
pub fn keep_backup(path: &Path, backup: &Path) -> io::Result<()> {
    let (tmp, file) = create_temporary(backup, "bak")?;
    drop(file);
    let _ = fs::remove_file(&tmp);
    // The name was unique a moment ago: a hard link there cannot follow a planted symlink.
    if fs::hard_link(path, &tmp).is_ok() {
        return fs::rename(&tmp, backup).inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        });
    }
    let bytes = read_state(path, u64::MAX)?.unwrap_or_default();
    write_atomically(backup, &bytes)
}

/// Flushes a folder's entries (a rename is only durable once its folder is).
pub fn sync_folder(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// `.NAME.KIND-PID-RANDOM` beside `path`, created exclusively (`O_CREAT|O_EXCL`, and
/// `O_NOFOLLOW`): a file or symlink planted there makes the creation fail, never redirects it.
fn create_temporary(path: &Path, kind: &str) -> io::Result<(PathBuf, File)> {
    let dir = folder_of(path);
    let prefix = temp_prefix(path, kind);
    loop {
        let tmp = dir.join(format!(
            "{prefix}{}-{:016x}",
            std::process::id(),
            unpredictable()
        ));
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.custom_flags(libc::O_NOFOLLOW).mode(0o600);
        }
        match options.open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
}

/// The new file gets the permissions of the file it replaces (0600 for a new one).
fn keep_permissions(path: &Path, file: &File) -> io::Result<()> {
    match fs::metadata(path) {
        Ok(m) => file.set_permissions(m.permissions()),
        Err(_) => Ok(()),
    }
}

fn temp_prefix(path: &Path, kind: &str) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.{kind}-")
}

/// 64 bits no other process can guess: std's hasher keys are seeded from the OS's randomness.
fn unpredictable() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    h.finish()
}

/// Removes `.NAME.tmp-PID-…` and `.NAME.bak-PID-…` files beside `path` whose process is gone
/// (left by a save that was killed).
pub fn remove_stale_temporaries(path: &Path) {
    let dir = folder_of(path);
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let prefixes = [temp_prefix(path, "tmp"), temp_prefix(path, "bak")];
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let Some(rest) = prefixes.iter().find_map(|p| name.strip_prefix(p.as_str())) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        if pid.is_some_and(|pid| pid != std::process::id() && !process_alive(pid)) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(unix)]
fn process_alive(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
    let r = unsafe { libc::kill(pid, 0) };
    r == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_alive(_: u32) -> bool {
    true
}

/// Moves an unreadable file aside to `PATH.corrupt-SECONDS-N` (a name no earlier copy has)
/// and returns that name.
pub fn move_aside(path: &Path) -> io::Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    for n in 0.. {
        let aside = PathBuf::from(format!("{}.corrupt-{secs}-{n}", path.display()));
        // A hard link fails if the name is taken, so no earlier copy is ever overwritten.
        match fs::hard_link(path, &aside) {
            Ok(()) => {
                fs::remove_file(path)?;
                return Ok(aside);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(_) if fs::symlink_metadata(&aside).is_err() => {
                fs::rename(path, &aside)?;
                return Ok(aside);
            }
            Err(_) => continue,
        }
    }
    Err(io::Error::other("no free name to move the file aside"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(tag: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("quoth-files-{tag}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        fs::create_dir_all(&d).expect("dir");
        d
    }

    #[test]
    fn missing_files_are_none_and_folders_are_refused() {
        let d = temp("read");
        assert!(read_state(&d.join("none"), 10).expect("missing").is_none());
        assert!(read_state(&d, 10).is_err());
        fs::write(d.join("big"), b"0123456789ab").expect("write");
        let e = read_state(&d.join("big"), 10).expect_err("too large");
        assert!(e.to_string().contains("larger than"), "{e}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_not_read() {
        let d = temp("dev");
        let link = d.join("a.quoth.json");
        std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
        let e = read_state(&link, MAX_NOTES_BYTES).expect_err("a device");
        assert!(e.to_string().contains("not a regular file"), "{e}");
        let fifo = d.join("fifo");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .is_ok_and(|s| s.success());
        if made {
            let e = read_state(&fifo, MAX_NOTES_BYTES).expect_err("a fifo");
            assert!(e.to_string().contains("not a regular file"), "{e}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_never_redirects_a_write() {
        let d = temp("plant");
        let victim = d.join("victim");
        fs::write(&victim, b"precious").expect("victim");
        let path = d.join("notes.json");
        // Plant symlinks at every name of the old scheme and a few of the new one.
        for name in [
            format!(".notes.json.tmp-{}", std::process::id()),
            format!(".notes.json.tmp-{}-0000000000000000", std::process::id()),
        ] {
            std::os::unix::fs::symlink(&victim, d.join(name)).expect("plant");
        }
        write_atomically(&path, b"new").expect("write");
        assert_eq!(fs::read(&victim).expect("victim"), b"precious");
        assert_eq!(fs::read(&path).expect("written"), b"new");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_my_file_is_written_through() {
        let d = temp("through");
        let shared = d.join("shared.json");
        fs::write(&shared, b"old").expect("shared");
        let link = d.join("a.txt.quoth.json");
        std::os::unix::fs::symlink(&shared, &link).expect("link");
        write_atomically(&link, b"new").expect("write");
        assert!(
            fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink(),
            "the link was replaced"
        );
        assert_eq!(fs::read(&shared).expect("shared"), b"new");
        let dangling = d.join("b.txt.quoth.json");
        std::os::unix::fs::symlink(d.join("nowhere"), &dangling).expect("link");
        assert!(write_atomically(&dangling, b"x").is_err());
    }

    #[test]
    fn temporaries_of_dead_processes_are_removed() {
        let d = temp("stale");
        let path = d.join("notes.json");
        // No process has a pid this large (pid_max is at most 2^22).
        let dead = d.join(".notes.json.tmp-4194999-00ff");
        let old_style = d.join(".notes.json.tmp-4194998");
        let mine = d.join(format!(".notes.json.tmp-{}-abc", std::process::id()));
        let other = d.join(".other.json.tmp-4194999-00ff");
        for f in [&dead, &old_style, &mine, &other] {
            fs::write(f, b"half").expect("write");
        }
        write_atomically(&path, b"x").expect("write");
        assert!(!dead.exists() && !old_style.exists());
        assert!(mine.exists() && other.exists());
    }

    #[test]
    fn moving_aside_twice_keeps_both_copies() {
        let d = temp("aside");
        let path = d.join("a.json");
        fs::write(&path, b"first").expect("write");
        let one = move_aside(&path).expect("aside");
        fs::write(&path, b"second").expect("write");
        let two = move_aside(&path).expect("aside");
        assert_ne!(one, two);
        assert_eq!(fs::read(one).expect("one"), b"first");
        assert_eq!(fs::read(two).expect("two"), b"second");
        assert!(!path.exists());
    }
}
