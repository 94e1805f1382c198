//! Ids for new sources: made from a name, unique in the map, never a
//! bundled article's.

use crate::model::{Map, SourceId};

/// An id for a new source named `name`: its letters and digits, unique
/// in `map` and never a bundled article's.
pub fn unique_source_id(name: &str, map: &Map) -> SourceId {
    unique_id(&slug(name), map)
}

/// A name as a file or id would spell it: lower-case letters and digits
/// joined by hyphens ("source" when nothing is left).
pub fn slug(name: &str) -> String {
    let mut slug = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_matches('-').to_owned();
    if slug.is_empty() {
        "source".to_owned()
    } else {
        slug
    }
}

fn unique_id(base: &str, map: &Map) -> SourceId {
    let taken = |id: &str| {
        map.sources.iter().any(|s| s.id.as_str() == id)
            || crate::corpus::article(&SourceId::new(id)).is_some()
    };
    if !taken(base) {
        return SourceId::new(base);
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .map_or_else(|| SourceId::new(base), SourceId::new)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Source;

    fn source(id: SourceId) -> Source {
        Source {
            id,
            title: String::new(),
            authors: Vec::new(),
            publication: String::new(),
            date: String::new(),
            stance: String::new(),
            text: "x".to_owned(),
        }
    }

    #[test]
    fn an_id_is_the_name_slugged_and_unique_in_the_map() {
        let mut map = Map::default();
        let first = unique_source_id("My Notes (v2)", &map);
        assert_eq!(first.as_str(), "my-notes-v2");
        map.sources.push(source(first));
        assert_eq!(
            unique_source_id("My Notes (v2)", &map).as_str(),
            "my-notes-v2-2"
        );
        // A bundled article's id is never reused.
        assert_eq!(
            unique_source_id("kramer 2017", &map).as_str(),
            "kramer-2017-2"
        );
        assert_eq!(unique_source_id(" ?! ", &map).as_str(), "source");
    }
}
