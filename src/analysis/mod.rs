//! Pure computations on a map: no UI types, no files.

pub mod compare;
pub mod coverage;
pub mod evaluate;
pub mod exercise;
pub mod layout;
pub mod merge;
pub mod neighbourhood;
pub mod passages;
pub mod presentation;
pub mod search;
pub mod spoken;
