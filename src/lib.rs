//! quoth: a terminal reader for news articles that shows who said what.
//!
//! The library holds everything but the terminal: [`article`] loads and splits text,
//! [`attribution`] finds quotations and their speakers, [`notes`] keeps annotations, and
//! [`ui`] is the only module that talks to a terminal.

pub mod article;
pub mod attribution;
pub mod notes;
pub mod report;
pub mod ui;
