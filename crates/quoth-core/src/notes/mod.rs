//! Notes on passages, kept in a sidecar file beside the article: [`model`] is the file's
//! contents, [`store`] reads and writes it safely, [`anchor`] finds passages again when the
//! article changed.

pub mod anchor;
pub mod model;
pub mod store;
pub mod view;

pub use anchor::{Anchor, Selectors, anchor, selectors_for};
pub use model::{Correction, Note, Sidecar, Target};
pub use store::Store;
