//! Drawing a map without a window: the geometry and sizes the canvas shares
//! with image export, and the SVG and PNG writers.

pub mod fitting;
pub mod geometry;
pub mod labels;
pub mod measure;
pub mod palette;
