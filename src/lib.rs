//! Argmap: a desktop argument mapper. Read articles, drag quoted passages onto
//! a canvas as claims, link them with support and rebut, and share the map.
//!
//! The layers, from the bottom: [`model`] (plain data and edits), [`format`]
//! (files), [`corpus`] (bundled articles and maps), [`app`] (the window) and
//! [`cli`] (subcommands).

pub mod analysis;
pub mod app;
pub mod cli;
pub mod corpus;
pub mod exchange;
pub mod format;
pub mod model;
pub mod render;
