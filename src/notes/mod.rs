//! Notes on passages, kept in a sidecar file beside the article.
