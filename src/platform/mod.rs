//! What differs between the desktop and the browser: how the window
//! starts, where files come from and go to, and what is kept between runs.
//! Everything else (the model, the formats, analysis, drawing, the editor
//! itself) is one implementation for both.
//!
//! The editor asks for files through [`crate::app::dialogs::FileDialogs`]
//! and reads and writes them through [`crate::format::disk`]. On the
//! desktop those are the system's dialogs and its file system; in the
//! browser the dialogs are the page's file picker and downloads, and the
//! files live in [`crate::format::memory`] for the visit.

#[cfg(not(target_arch = "wasm32"))]
pub mod desktop;
#[cfg(target_arch = "wasm32")]
pub mod web;
