//! quoth-core: everything of quoth but the terminal.
//!
//! [`article`] loads and splits text, [`attribution`] finds statements and their speakers,
//! [`notes`] keeps annotations in a sidecar, [`report`] shapes an analysis for scripts,
//! [`text`] makes untrusted text safe to print, [`layout`] wraps it into lines, [`files`]
//! reads and writes quoth's own files safely and [`gold`] scores an analysis against gold
//! annotations. No module here talks to a terminal: the `quoth` crate (CLI and reader) is the
//! only one that does.

pub mod article;
pub mod attribution;
pub mod files;
pub mod gold;
pub mod layout;
pub mod notes;
pub mod report;
pub mod text;
