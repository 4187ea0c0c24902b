//! Starting a program in a pseudo-terminal with a test's own home: its data, state and config
//! folders under `home`, never the user's (whatever XDG variables the test runner has), for
//! every test that runs the real binary on a terminal.

#![allow(dead_code)]

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::ffi::OsStr;
use std::path::Path;

/// The terminal's master side and the program running on its other side.
pub struct Pty {
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
}

/// Runs `program ARGS` on a new `rows` × `cols` pseudo-terminal, from the package's folder.
pub fn spawn<S: AsRef<OsStr>>(program: &str, args: &[S], home: &Path, rows: u16, cols: u16) -> Pty {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    cmd.env("HOME", home);
    for (var, folder) in [
        ("XDG_DATA_HOME", "data"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_CONFIG_HOME", "config"),
    ] {
        cmd.env(var, home.join(folder));
    }
    let child = pty.slave.spawn_command(cmd).expect("spawn in the pty");
    drop(pty.slave);
    Pty {
        master: pty.master,
        child,
    }
}
