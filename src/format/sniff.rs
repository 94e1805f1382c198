//! What a file is when it is not an Argmap map but another format a user
//! may well hand Argmap: Argdown, AIF JSON, Araucaria's AML, a recovery
//! copy. Told from the first of its text, so the refusal can say what the
//! file is and which command reads it.

/// A format that is not a map, with what to do about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Other {
    Argdown,
    Aif,
    Aml,
    RecoveryCopy,
}

impl Other {
    pub fn name(self) -> &'static str {
        match self {
            Self::Argdown => "Argdown",
            Self::Aif => "AIF JSON (from OVA or AIFdb)",
            Self::Aml => "Araucaria's AML",
            Self::RecoveryCopy => "a recovery copy of an Argmap map",
        }
    }

    /// What reads it.
    pub fn hint(self) -> &'static str {
        match self {
            Self::Argdown => "`argmap import` (or File ▸ Import…) reads the Argdown Argmap writes",
            Self::Aif => "`argmap import` (or File ▸ Import…) reads it",
            Self::Aml => {
                "Argmap does not read AML; export the map as AIF JSON (OVA can) and import that"
            }
            Self::RecoveryCopy => "open it in Argmap to get the work back; `argmap check` reads it",
        }
    }
}

/// What `text` is, if it is one of the formats above.
pub fn sniff(text: &str) -> Option<Other> {
    let start: String = text.trim_start().chars().take(4096).collect();
    // The first 200 characters (not bytes: a cut inside one would panic).
    let head: String = start.chars().take(200).collect();
    if start.starts_with('(') && head.contains("recovery:") {
        return Some(Other::RecoveryCopy);
    }
    let lower = start.to_ascii_lowercase();
    if lower.starts_with("<?xml") || lower.starts_with("<aml") || lower.contains("<!doctype aml") {
        return (lower.contains("<aml") || lower.contains("<au>") || lower.contains("<prop"))
            .then_some(Other::Aml);
    }
    if start.starts_with('{') && start.contains("\"nodes\"") && !start.contains("\"format\"") {
        return Some(Other::Aif);
    }
    let argdown_line = |line: &str| {
        let line = line.trim_start();
        let named = |open: char, close: char| {
            line.strip_prefix(open)
                .and_then(|rest| rest.split_once(close))
                .is_some_and(|(name, after)| !name.is_empty() && after.starts_with(':'))
        };
        named('[', ']') || named('<', '>')
    };
    start
        .lines()
        .take(200)
        .any(argdown_line)
        .then_some(Other::Argdown)
}

#[cfg(test)]
mod tests {
    use super::{Other, sniff};

    #[test]
    fn other_formats_are_told_apart_from_maps() {
        assert_eq!(
            sniff("# A debate\n\n[Talks fail]: Talking won't work.\n"),
            Some(Other::Argdown)
        );
        assert_eq!(sniff("<Reason>: Because.\n"), Some(Other::Argdown));
        assert_eq!(sniff(r#"{"nodes": [], "edges": []}"#), Some(Other::Aif));
        assert_eq!(
            sniff("<?xml version=\"1.0\"?>\n<AML><AU><PROP>"),
            Some(Other::Aml)
        );
        assert_eq!(sniff("(recovery: 1, about: ())"), Some(Other::RecoveryCopy));
        assert_eq!(sniff("// Argmap map\n(format: 2, claims: [])"), None);
        assert_eq!(sniff(r#"{"format": 2, "nodes": []}"#), None);
        assert_eq!(sniff("[[[[[["), None);
    }
}
