//! quoth-core: everything of quoth but the terminal.
//!
//! [`article`] loads and splits text, [`attribution`] finds statements and their speakers,
//! [`notes`] keeps annotations in a sidecar, [`report`] shapes an analysis for scripts,
//! [`text`] makes untrusted text safe to print and [`layout`] wraps it into lines. No module
//! here talks to a terminal: the `quoth` crate (CLI and reader) is the only one that does.

pub mod article;
pub mod attribution;
pub mod gold;
pub mod layout;
pub mod notes;
pub mod report;
pub mod text;
