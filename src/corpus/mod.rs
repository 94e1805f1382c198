//! The articles and example maps compiled into the binary, so the app needs
//! no files at run time.

use crate::model::{Source, SourceId};
use serde::Deserialize;
use std::sync::OnceLock;

/// Metadata of one bundled article, as listed in `assets/articles/articles.ron`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    id: String,
    file: String,
    title: String,
    authors: Vec<String>,
    publication: String,
    date: String,
    stance: String,
}

const METADATA: &str = include_str!("../../assets/articles/articles.ron");

const TEXTS: &[(&str, &str)] = &[
    (
        "kimmage-2018-surprising-promise.md",
        include_str!("../../assets/articles/kimmage-2018-surprising-promise.md"),
    ),
    (
        "kramer-2017-eternal-return.md",
        include_str!("../../assets/articles/kramer-2017-eternal-return.md"),
    ),
    (
        "lo-2017-accident-waiting-to-happen.md",
        include_str!("../../assets/articles/lo-2017-accident-waiting-to-happen.md"),
    ),
    (
        "newton-2016-learn-from-past-mistakes.md",
        include_str!("../../assets/articles/newton-2016-learn-from-past-mistakes.md"),
    ),
    (
        "tamkin-gramer-2018-real-trump-russia-policy.md",
        include_str!("../../assets/articles/tamkin-gramer-2018-real-trump-russia-policy.md"),
    ),
];

/// The bundled articles as sources, in the order of `articles.ron`. Parsed
/// once, on first use.
pub fn articles() -> &'static [Source] {
    static ARTICLES: OnceLock<Vec<Source>> = OnceLock::new();
    ARTICLES.get_or_init(parse_articles)
}

/// The metadata is compiled in and checked by the test suite, so an entry
/// that fails to parse or names a missing text is a build defect; it is
/// skipped rather than crashing the app.
fn parse_articles() -> Vec<Source> {
    let metas: Vec<Meta> = ron::from_str(METADATA).unwrap_or_default();
    metas
        .into_iter()
        .filter_map(|meta| {
            let (_, text) = TEXTS.iter().find(|(file, _)| *file == meta.file)?;
            Some(Source {
                id: SourceId::new(meta.id),
                title: meta.title,
                authors: meta.authors,
                publication: meta.publication,
                date: meta.date,
                stance: meta.stance,
                text: text.trim_end().to_owned(),
            })
        })
        .collect()
}

/// The bundled article with this id.
pub fn article(id: &SourceId) -> Option<&'static Source> {
    articles().iter().find(|a| &a.id == id)
}

/// Whether `source` is a bundled article, word for word. A map carries its own
/// copy of each text; comparing the whole text tells an untouched bundled
/// article from a changed copy exactly.
pub fn is_bundled(source: &Source) -> bool {
    article(&source.id).is_some_and(|a| a.text == source.text)
}

/// How many article texts are compiled in (for the test that checks the metadata).
pub fn text_files() -> impl Iterator<Item = &'static str> {
    TEXTS.iter().map(|(file, _)| *file)
}

/// A map shipped in `maps/`, compiled in for File ▸ Open example.
#[derive(Clone, Copy, Debug)]
pub struct Example {
    pub file: &'static str,
    pub title: &'static str,
    pub text: &'static str,
}

/// The shipped maps; the first is the one Argmap opens at start.
pub fn examples() -> &'static [Example] {
    const EXAMPLES: &[Example] = &[
        Example {
            file: "kimmage-kramer-debate.ron",
            title: "The debate: Kimmage v. Kramer",
            text: include_str!("../../maps/kimmage-kramer-debate.ron"),
        },
        Example {
            file: "kimmage-kramer-wider.ron",
            title: "The wider debate, with Lo, Newton, Tamkin and Gramer",
            text: include_str!("../../maps/kimmage-kramer-wider.ron"),
        },
        Example {
            file: "kimmage-kramer-questions.ron",
            title: "The debate read for schemes and critical questions",
            text: include_str!("../../maps/kimmage-kramer-questions.ron"),
        },
        Example {
            file: "kimmage-alone.ron",
            title: "How Kimmage argues",
            text: include_str!("../../maps/kimmage-alone.ron"),
        },
        Example {
            file: "kramer-alone.ron",
            title: "How Kramer argues",
            text: include_str!("../../maps/kramer-alone.ron"),
        },
    ];
    EXAMPLES
}
