//! AIF JSON, as OVA and AIFdb write it. Import (`read`) takes every
//! variant: bare or wrapped in `{"AIF": …}`, string or integer ids, missing
//! or null arrays, OVA layout with numeric-string coordinates. I-nodes
//! become claims, RA support (several premises into one RA: one linked
//! support), CA rebut (a CA aimed at an RA or a CA: an undercut). The
//! dialogue layer (L, TA, YA) is dropped; rephrases (MA) and preferences
//! (PA) are kept as notes; the import reports what came in and what was
//! left out.
//!
//! Export (`write`) writes the OVA3 save-file shape (the graph plus the
//! OVA layout block) or the bare AIFdb shape.

mod read;
mod write;

pub use read::import;
pub use write::{to_aifdb, to_ova};

use crate::format::ReadError;
use serde_json::{Map as Object, Value};
use std::collections::BTreeMap;

/// A top-level key naming the program that wrote the file; other readers
/// ignore it.
const GENERATOR: &str = "generator";

/// Where Argmap writes which critical question an RA or CA answers; other
/// tools ignore the field.
const QUESTION: &str = "argmapQuestion";

/// What an import brought in and what it left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Summary {
    pub claims: usize,
    pub supports: usize,
    pub rebuts: usize,
    pub undercuts: usize,
    /// Locutions, transitions and illocutions (L, TA, YA), dropped.
    pub dialogue_nodes: usize,
    /// Whether OVA layout positions were used (else Tidy laid the map out).
    pub positioned: bool,
    /// Argumentation schemes the RA and CA nodes name that Argmap's
    /// catalogue knows, by the catalogue's name, with how many use each.
    pub schemes: BTreeMap<String, usize>,
    /// Scheme names the catalogue does not know: kept on their links by
    /// name (with no critical questions), with how many use each.
    pub unknown_schemes: BTreeMap<String, usize>,
    /// One line for everything else left out or changed.
    pub notes: Vec<String>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} claims, {} supports, {} rebuts, {} undercuts; {} dialogue nodes (L, TA, YA) dropped; {}",
            self.claims,
            self.supports,
            self.rebuts,
            self.undercuts,
            self.dialogue_nodes,
            if self.positioned {
                "OVA layout kept"
            } else {
                "laid out with Tidy"
            }
        )?;
        let list = |schemes: &BTreeMap<String, usize>| -> String {
            let named: Vec<String> = schemes
                .iter()
                .map(|(name, n)| format!("{name} ({n})"))
                .collect();
            named.join(", ")
        };
        if !self.schemes.is_empty() {
            write!(f, "\n  schemes: {}", list(&self.schemes))?;
        }
        if !self.unknown_schemes.is_empty() {
            write!(
                f,
                "\n  schemes not in Argmap's catalogue, kept by name without critical questions: {}",
                list(&self.unknown_schemes)
            )?;
        }
        for note in &self.notes {
            write!(f, "\n  {note}")?;
        }
        Ok(())
    }
}

/// An id as text, whether the file wrote it as a string or a number.
fn id_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn number(value: Option<&Value>) -> Option<f32> {
    match value? {
        Value::Number(n) => n.as_f64().map(|v| v as f32),
        Value::String(s) => s.trim().parse::<f32>().ok(),
        _ => None,
    }
    .filter(|v| v.is_finite())
}

/// An array that may be missing, null, or (in some OVA files) an empty object.
fn array<'a>(object: &'a Object<String, Value>, key: &str) -> Result<&'a [Value], ReadError> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(Value::Object(o)) if o.is_empty() => Ok(&[]),
        Some(_) => Err(syntax(format!("`{key}` should be a list"))),
    }
}

fn syntax(message: String) -> ReadError {
    ReadError::Syntax {
        line: 1,
        column: 1,
        message,
    }
}
