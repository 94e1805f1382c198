//! Argmap: a desktop argument mapper. Read articles, drag quoted passages onto
//! a canvas as claims, link them with support and rebut, and share the map.
//!
//! The layers, from the bottom; each uses only those above it in this list:
//!
//! - [`model`]: the map as plain data, edits with their inverses, validation;
//! - [`corpus`]: the bundled articles and example maps;
//! - [`schemes`]: the catalogue of argument schemes and which critical
//!   questions a map leaves open;
//! - [`format`]: Argmap's own files (RON, JSON), atomic saving, read errors;
//! - [`documents`]: a teacher's own articles read from web pages, PDFs,
//!   Word files and text, ready to become sources;
//! - [`analysis`]: pure computations on a map (Tidy layout, which claims
//!   stand, comparison with a model answer);
//! - [`render`]: drawing without a window (card sizes, link geometry, colours);
//! - [`exchange`]: other tools' formats (AIF, Argdown, DOT) and pictures;
//! - [`app`]: the window; [`cli`]: the subcommands. Both sit on all of the above;
//! - [`platform`]: starting the window on the desktop or in the browser.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod corpus;
pub mod documents;
pub mod exchange;
pub mod format;
pub mod model;
pub mod platform;
pub mod render;
pub mod schemes;
