//! quoth: the command line and the terminal reader, on top of [`quoth_core`].
//!
//! [`ui`] is the only module that talks to a terminal; everything else is re-exported from
//! the core library so `quoth::article` and `quoth_core::article` name the same thing.

pub use quoth_core::{article, attribution, files, layout, notes, report, text};
pub mod ui;
