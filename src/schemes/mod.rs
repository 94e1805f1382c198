//! Argument schemes and their critical questions. The catalogue is data, in
//! `assets/schemes.ron`, so a teacher can add a scheme without touching code;
//! a map stores a scheme's id on each tagged link, and a question's id on
//! each link that answers it.

mod questions;

pub use questions::{
    Answer, Asked, OpenQuestion, answers, asked, open_questions, with_open_questions_raised,
};

use crate::model::LinkKind;
use serde::Deserialize;
use std::sync::OnceLock;

/// A way of reasoning, with the questions that test an argument of its kind.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// What map files store: lower case, words joined by `_`.
    pub id: String,
    /// The name students see.
    pub name: String,
    /// The name OVA and AIFdb use.
    pub aif: String,
    /// Which kinds of link the scheme reads.
    pub fits: Vec<LinkKind>,
    /// One sentence: how the reasoning goes.
    pub summary: String,
    /// The role of each reason, as "Role: what it says".
    pub premises: Vec<String>,
    pub conclusion: String,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// What map files store; unique within its scheme.
    pub id: String,
    pub text: String,
}

#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub schemes: Vec<Scheme>,
}

const BUNDLED: &str = include_str!("../../assets/schemes.ron");

impl Catalogue {
    /// The catalogue shipped with Argmap. It is compiled in and checked by the
    /// test suite, so a failure to parse is a build defect; the app then
    /// offers no schemes rather than stopping.
    pub fn bundled() -> &'static Self {
        static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
        CATALOGUE.get_or_init(|| Self::parse(BUNDLED).unwrap_or_default())
    }

    /// Reads a catalogue and checks it: ids present and unique, every scheme
    /// with at least one question, question ids unique within their scheme.
    pub fn parse(text: &str) -> Result<Self, String> {
        let catalogue: Self = ron::from_str(text).map_err(|e| e.to_string())?;
        let mut seen = std::collections::BTreeSet::new();
        for scheme in &catalogue.schemes {
            if scheme.id.trim().is_empty() || !seen.insert(scheme.id.as_str()) {
                return Err(format!("scheme id {:?} is empty or repeated", scheme.id));
            }
            if scheme.questions.is_empty() || scheme.fits.is_empty() {
                return Err(format!("scheme {:?} needs questions and fits", scheme.id));
            }
            let mut asked = std::collections::BTreeSet::new();
            for q in &scheme.questions {
                if q.id.trim().is_empty() || !asked.insert(q.id.as_str()) {
                    return Err(format!(
                        "scheme {:?}: question id {:?} is empty or repeated",
                        scheme.id, q.id
                    ));
                }
            }
        }
        Ok(catalogue)
    }

    /// The scheme with this id.
    pub fn scheme(&self, id: &str) -> Option<&Scheme> {
        self.schemes.iter().find(|s| s.id == id)
    }

    /// The scheme another tool means by `name`: matched on its id, its name
    /// or its AIF name, ignoring case, spacing, hyphens and a leading
    /// "argument from".
    pub fn find(&self, name: &str) -> Option<&Scheme> {
        let wanted = normal(name);
        if wanted.is_empty() {
            return None;
        }
        self.schemes.iter().find(|s| {
            normal(&s.id) == wanted || normal(&s.name) == wanted || normal(&s.aif) == wanted
        })
    }

    /// The schemes that can read a link of this kind, in catalogue order.
    pub fn fitting(&self, kind: LinkKind) -> impl Iterator<Item = &Scheme> {
        self.schemes.iter().filter(move |s| s.fits.contains(&kind))
    }

    /// What a link's scheme field shows: the catalogue's name, or the stored
    /// text itself for a scheme brought in from elsewhere.
    pub fn display_name<'a>(&'a self, scheme: &'a str) -> &'a str {
        self.scheme(scheme).map_or(scheme, |s| s.name.as_str())
    }
}

fn normal(name: &str) -> String {
    let words: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                ' '
            }
        })
        .collect();
    let words: Vec<&str> = words.split_whitespace().collect();
    let words = match words.as_slice() {
        ["argument", "from", rest @ ..] | ["from", rest @ ..] | ["argument", rest @ ..] => rest,
        all => all,
    };
    words.join(" ")
}
