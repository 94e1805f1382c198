//! How a student's map compares with a model answer.
//!
//! Claims are matched one to one. Two quoted claims match when they quote the
//! same source and their passages share at least [`QUOTE_OVERLAP`] of the
//! longer passage (so a slightly different cut of the same sentence matches,
//! but a whole paragraph does not match one sentence in it). Claims without a
//! quote fall back to their wording: they match when at least
//! [`TEXT_SIMILARITY`] of their distinct words are shared (Jaccard index).
//! Best pairs are taken first.
//!
//! Links are then compared through the claim matching: a model link and a
//! student link with the same target and overlapping premises are the same
//! link, and are *correct* when the kind agrees, *wrong kind* when it does
//! not; a student link that points the other way is *reversed*; model links
//! without a counterpart are *missing*, student links without one are *extra*.

use crate::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Target, excerpt};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

/// Share of the longer passage two quotes must have in common to match.
pub const QUOTE_OVERLAP: f64 = 0.5;
/// Share of distinct words two unquoted claims must have in common to match.
pub const TEXT_SIMILARITY: f64 = 0.5;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchedBy {
    Quote,
    Wording,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    Correct,
    WrongKind,
    Reversed,
    Missing,
    Extra,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Self::Correct => "correct",
            Self::WrongKind => "wrong kind",
            Self::Reversed => "reversed",
            Self::Missing => "missing",
            Self::Extra => "extra",
        }
    }
}

/// One link's fate: the model's link, the student's, or both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkResult {
    pub model: Option<LinkId>,
    pub student: Option<LinkId>,
    pub verdict: Verdict,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    fn new(hits: usize, student: usize, model: usize) -> Self {
        let ratio = |a: usize, b: usize| {
            if b == 0 {
                if a == 0 { 1.0 } else { 0.0 }
            } else {
                a as f64 / b as f64
            }
        };
        let precision = ratio(hits, student);
        let recall = ratio(hits, model);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// Student claim → (model claim, how they matched).
    pub matches: BTreeMap<ClaimId, (ClaimId, MatchedBy)>,
    pub missing_claims: Vec<ClaimId>,
    pub extra_claims: Vec<ClaimId>,
    pub links: Vec<LinkResult>,
    pub claims: Score,
    pub link_score: Score,
    /// Links found in both maps that the model reads with a scheme the
    /// student's map does not give them.
    pub schemes: Vec<SchemeDifference>,
}

/// A link both maps have, read as different argument schemes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SchemeDifference {
    pub model: LinkId,
    pub student: LinkId,
    /// The schemes as stored (catalogue ids, or names from other tools);
    /// the student's is empty when the link has none.
    pub model_scheme: String,
    pub student_scheme: String,
}

impl SchemeDifference {
    /// "you read this as an argument from example; the model reads it as an
    /// argument from analogy", in the catalogue's names.
    pub fn sentence(&self) -> String {
        let catalogue = crate::schemes::Catalogue::bundled();
        let name = |id: &str| {
            let name = catalogue.display_name(id);
            let mut chars = name.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().chain(chars).collect::<String>()
            })
        };
        let theirs = name(&self.model_scheme);
        if self.student_scheme.is_empty() {
            format!(
                "you gave this no scheme; the model reads it as {}",
                with_article(&theirs)
            )
        } else {
            format!(
                "you read this as {}; the model reads it as {}",
                with_article(&name(&self.student_scheme)),
                with_article(&theirs)
            )
        }
    }
}

/// "an argument from analogy", "a slippery slope", "practical reasoning".
fn with_article(name: &str) -> String {
    if name.starts_with("practical") {
        return name.to_owned();
    }
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}

impl Comparison {
    /// Which student claim each matched model claim corresponds to.
    pub fn student_claims(&self) -> BTreeMap<ClaimId, ClaimId> {
        self.matches.iter().map(|(s, (m, _))| (*m, *s)).collect()
    }

    pub fn count(&self, verdict: Verdict) -> usize {
        self.links.iter().filter(|l| l.verdict == verdict).count()
    }
}

pub fn compare(student: &Map, model: &Map) -> Comparison {
    let matches = match_claims(student, model);
    let model_to_student: BTreeMap<ClaimId, ClaimId> =
        matches.iter().map(|(s, (m, _))| (*m, *s)).collect();
    let matched_model: BTreeSet<ClaimId> = model_to_student.keys().copied().collect();
    let missing_claims = model
        .claims
        .iter()
        .map(|c| c.id)
        .filter(|id| !matched_model.contains(id))
        .collect();
    let extra_claims = student
        .claims
        .iter()
        .map(|c| c.id)
        .filter(|id| !matches.contains_key(id))
        .collect();
    let links = match_links(student, model, &model_to_student);
    let schemes = links
        .iter()
        .filter_map(|r| {
            let (m, s) = (model.link(r.model?)?, student.link(r.student?)?);
            (!m.scheme.is_empty() && m.scheme != s.scheme).then(|| SchemeDifference {
                model: m.id,
                student: s.id,
                model_scheme: m.scheme.clone(),
                student_scheme: s.scheme.clone(),
            })
        })
        .collect();
    let correct = links
        .iter()
        .filter(|l| l.verdict == Verdict::Correct)
        .count();
    Comparison {
        claims: Score::new(matches.len(), student.claims.len(), model.claims.len()),
        link_score: Score::new(correct, student.links.len(), model.links.len()),
        matches,
        missing_claims,
        extra_claims,
        links,
        schemes,
    }
}

/// How well two claims correspond, if they do at all (higher is better;
/// quote matches always rank above wording matches). `words` are the claims'
/// distinct words, as [`Words`] numbers them.
fn similarity(a: &Claim, b: &Claim, words: (&[u32], &[u32])) -> Option<(f64, MatchedBy)> {
    if let (Some(qa), Some(qb)) = (&a.quote, &b.quote) {
        if qa.source != qb.source {
            return None;
        }
        let overlap = qa.end.min(qb.end).saturating_sub(qa.start.max(qb.start));
        let longer = (qa.end - qa.start).max(qb.end - qb.start).max(1);
        let share = overlap as f64 / longer as f64;
        return (share >= QUOTE_OVERLAP).then_some((1.0 + share, MatchedBy::Quote));
    }
    let (wa, wb) = words;
    let shared = shared_count(wa, wb);
    let union = wa.len() + wb.len() - shared;
    if union == 0 {
        return None;
    }
    let share = shared as f64 / union as f64;
    (share >= TEXT_SIMILARITY).then_some((share, MatchedBy::Wording))
}

/// How many numbers two ascending lists have in common.
fn shared_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Every claim's distinct words as numbers, rarest word first, so that two
/// claims sharing enough words must share one among their first few (the
/// prefix filter of similarity joins): only those pairs need a full look.
struct Words {
    student: Vec<Vec<u32>>,
    model: Vec<Vec<u32>>,
}

impl Words {
    fn new(student: &Map, model: &Map) -> Self {
        let split = |c: &Claim| -> BTreeSet<String> {
            c.text
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect()
        };
        let student_words: Vec<BTreeSet<String>> = student.claims.iter().map(split).collect();
        let model_words: Vec<BTreeSet<String>> = model.claims.iter().map(split).collect();
        let mut frequency: BTreeMap<&str, usize> = BTreeMap::new();
        for word in student_words.iter().chain(&model_words).flatten() {
            *frequency.entry(word).or_default() += 1;
        }
        let mut order: Vec<(&str, usize)> = frequency.into_iter().collect();
        order.sort_by_key(|&(word, n)| (n, word));
        let rank: BTreeMap<&str, u32> = order
            .iter()
            .enumerate()
            .map(|(i, (word, _))| (*word, i as u32))
            .collect();
        let number = |sets: &[BTreeSet<String>]| -> Vec<Vec<u32>> {
            sets.iter()
                .map(|set| {
                    let mut ids: Vec<u32> = set.iter().map(|w| rank[w.as_str()]).collect();
                    ids.sort_unstable();
                    ids
                })
                .collect()
        };
        Self {
            student: number(&student_words),
            model: number(&model_words),
        }
    }

    /// The first words of a claim: any claim sharing at least
    /// [`TEXT_SIMILARITY`] of the union with it shares one of these.
    fn prefix(words: &[u32]) -> &[u32] {
        let must_share = (TEXT_SIMILARITY * words.len() as f64).floor() as usize;
        &words[..(words.len() + 1)
            .saturating_sub(must_share)
            .min(words.len())]
    }
}

/// The most model claims a student claim's wording is checked against.
/// Maps of a class's size never reach it (every likely partner is checked);
/// on maps of thousands of claims worded alike, the partners sharing its
/// rarest words are checked first, and the rest are not.
const WORD_CANDIDATES: usize = 256;

fn match_claims(student: &Map, model: &Map) -> BTreeMap<ClaimId, (ClaimId, MatchedBy)> {
    let words = Words::new(student, model);
    // Model claims by the rare words that start them, and quoted ones by
    // source and start, so each student claim meets only likely partners.
    // Two quoted claims are compared by their passages only, so a quoted
    // student claim looks up wording among the unquoted model claims alone.
    let mut by_word: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    let mut by_word_unquoted: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for (i, ids) in words.model.iter().enumerate() {
        for &w in Words::prefix(ids) {
            by_word.entry(w).or_default().push(i);
            if model.claims[i].quote.is_none() {
                by_word_unquoted.entry(w).or_default().push(i);
            }
        }
    }
    let mut by_quote: BTreeMap<&str, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, claim) in model.claims.iter().enumerate() {
        if let Some(q) = &claim.quote {
            by_quote
                .entry(q.source.as_str())
                .or_default()
                .push((q.start, i));
        }
    }
    by_quote.values_mut().for_each(|v| v.sort_unstable());

    let mut pairs: Vec<(f64, ClaimId, ClaimId, MatchedBy)> = Vec::new();
    let mut candidates: Vec<usize> = Vec::new();
    for (si, s) in student.claims.iter().enumerate() {
        candidates.clear();
        let index = if s.quote.is_some() {
            &by_word_unquoted
        } else {
            &by_word
        };
        // Rarest words first; a word shared by half a course's claims adds
        // only up to the cap, so candidates stay few however large the map.
        for w in Words::prefix(&words.student[si]) {
            let room = WORD_CANDIDATES.saturating_sub(candidates.len());
            if let Some(list) = index.get(w) {
                candidates.extend(list.iter().take(room));
            }
        }
        if let Some(q) = &s.quote
            && let Some(list) = by_quote.get(q.source.as_str())
        {
            // A partner's passage is at most len / QUOTE_OVERLAP long, so it
            // starts no earlier than that before this one and before its end.
            let reach = ((q.end - q.start) as f64 / QUOTE_OVERLAP).ceil() as usize;
            let from = list.partition_point(|&(start, _)| start < q.start.saturating_sub(reach));
            let to = list.partition_point(|&(start, _)| start < q.end);
            candidates.extend(list[from..to].iter().map(|&(_, i)| i));
        }
        candidates.sort_unstable();
        candidates.dedup();
        for &mi in &candidates {
            let m = &model.claims[mi];
            let pair = (words.student[si].as_slice(), words.model[mi].as_slice());
            if let Some((score, how)) = similarity(s, m, pair) {
                pairs.push((score, s.id, m.id, how));
            }
        }
    }
    // Best first; ties broken by ids so the result never depends on order.
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut taken_model = BTreeSet::new();
    let mut result = BTreeMap::new();
    for (_, s, m, how) in pairs {
        if !result.contains_key(&s) && taken_model.insert(m) {
            result.insert(s, (m, how));
        }
    }
    result
}

/// A link's ends in student terms: premises and target, translated from the
/// model through the claim matching (and, for undercuts, the link matching).
fn translate(
    link: &Link,
    claims: &BTreeMap<ClaimId, ClaimId>,
    links: &BTreeMap<LinkId, LinkId>,
) -> Option<(BTreeSet<ClaimId>, Target)> {
    let premises: BTreeSet<ClaimId> = link
        .premises
        .iter()
        .filter_map(|p| claims.get(p).copied())
        .collect();
    let target = match link.target {
        Target::Claim(c) => Target::Claim(*claims.get(&c)?),
        Target::Link(l) => Target::Link(*links.get(&l)?),
    };
    (!premises.is_empty()).then_some((premises, target))
}

fn match_links(student: &Map, model: &Map, claims: &BTreeMap<ClaimId, ClaimId>) -> Vec<LinkResult> {
    let mut results = Vec::new();
    let mut used: BTreeSet<LinkId> = BTreeSet::new();
    let mut link_map: BTreeMap<LinkId, LinkId> = BTreeMap::new();
    // The student's links by what they aim at, in id order, so each model
    // link looks only at links that could be its counterpart.
    let mut by_target: BTreeMap<Target, Vec<&Link>> = BTreeMap::new();
    for link in &student.links {
        by_target.entry(link.target).or_default().push(link);
    }
    let aimed_at = |target: Target| by_target.get(&target).map_or(&[][..], Vec::as_slice);
    // Links aimed at claims first, so undercuts can be translated afterwards.
    let mut ordered: Vec<&Link> = model.links.iter().collect();
    ordered.sort_by_key(|l| (matches!(l.target, Target::Link(_)), l.id));
    for link in ordered {
        let found = translate(link, claims, &link_map).and_then(|(premises, target)| {
            let open = |s: &&&Link| !used.contains(&s.id);
            let same_ends = |s: &&&Link| s.premises.iter().any(|p| premises.contains(p));
            let candidates = || aimed_at(target).iter().filter(open).filter(same_ends);
            if let Some(s) = candidates().find(|s| s.kind == link.kind) {
                return Some((s.id, Verdict::Correct));
            }
            if let Some(s) = candidates().next() {
                return Some((s.id, Verdict::WrongKind));
            }
            // Reversed: the student's link runs from the model's target to one of its premises.
            let Target::Claim(t) = target else {
                return None;
            };
            premises
                .iter()
                .flat_map(|&c| aimed_at(Target::Claim(c)))
                .filter(open)
                .filter(|s| s.premises == [t])
                .map(|s| s.id)
                .min()
                .map(|id| (id, Verdict::Reversed))
        });
        match found {
            Some((student_link, verdict)) => {
                used.insert(student_link);
                link_map.insert(link.id, student_link);
                results.push(LinkResult {
                    model: Some(link.id),
                    student: Some(student_link),
                    verdict,
                });
            }
            None => results.push(LinkResult {
                model: Some(link.id),
                student: None,
                verdict: Verdict::Missing,
            }),
        }
    }
    for link in &student.links {
        if !used.contains(&link.id) {
            results.push(LinkResult {
                model: None,
                student: Some(link.id),
                verdict: Verdict::Extra,
            });
        }
    }
    results.sort_by_key(|r| (r.verdict, r.model, r.student));
    results
}

fn describe(map: &Map, link: LinkId) -> String {
    let Some(link) = map.link(link) else {
        return String::new();
    };
    let claim = |c: ClaimId| {
        format!(
            "“{}”",
            map.claim(c)
                .map_or_else(String::new, |c| excerpt(&c.text, 70))
        )
    };
    let premises: Vec<String> = link.premises.iter().map(|&p| claim(p)).collect();
    let target = match link.target {
        Target::Claim(c) => claim(c),
        Target::Link(_) => "another link".to_owned(),
    };
    let verb = match link.kind {
        LinkKind::Support => "supports",
        LinkKind::Rebut => "rebuts",
    };
    format!("{} {verb} {target}", premises.join(" + "))
}

/// A feedback report in Markdown, for a teacher to hand back.
pub fn report(
    cmp: &Comparison,
    student: &Map,
    model: &Map,
    student_name: &str,
    model_name: &str,
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Feedback: {student_name}\n");
    let _ = writeln!(out, "Compared with the model answer *{model_name}*.\n");
    let _ = writeln!(
        out,
        "| | matched | missing | extra | precision | recall | F1 |"
    );
    let _ = writeln!(out, "|---|---|---|---|---|---|---|");
    let _ = writeln!(
        out,
        "| Claims | {} of {} | {} | {} | {:.2} | {:.2} | {:.2} |",
        cmp.matches.len(),
        model.claims.len(),
        cmp.missing_claims.len(),
        cmp.extra_claims.len(),
        cmp.claims.precision,
        cmp.claims.recall,
        cmp.claims.f1
    );
    let _ = writeln!(
        out,
        "| Links | {} of {} correct | {} | {} | {:.2} | {:.2} | {:.2} |",
        cmp.count(Verdict::Correct),
        model.links.len(),
        cmp.count(Verdict::Missing),
        cmp.count(Verdict::Extra),
        cmp.link_score.precision,
        cmp.link_score.recall,
        cmp.link_score.f1
    );
    let _ = writeln!(
        out,
        "\nOf the links the model has, {} have the wrong kind (support where the model has rebut, or the reverse) and {} point the wrong way.",
        cmp.count(Verdict::WrongKind),
        cmp.count(Verdict::Reversed)
    );
    let claim_line = |map: &Map, id: ClaimId| {
        map.claim(id)
            .map_or_else(String::new, |c| format!("- “{}”\n", excerpt(&c.text, 160)))
    };
    let mut section = |title: &str, lines: String| {
        if !lines.is_empty() {
            let _ = write!(out, "\n## {title}\n\n{lines}");
        }
    };
    section(
        "Claims the model has that your map lacks",
        cmp.missing_claims
            .iter()
            .map(|&id| claim_line(model, id))
            .collect(),
    );
    section(
        "Claims in your map that the model does not have",
        cmp.extra_claims
            .iter()
            .map(|&id| claim_line(student, id))
            .collect(),
    );
    for (verdict, title) in [
        (Verdict::WrongKind, "Links of the wrong kind"),
        (Verdict::Reversed, "Links pointing the wrong way"),
        (Verdict::Missing, "Links the model has that your map lacks"),
        (
            Verdict::Extra,
            "Links in your map that the model does not have",
        ),
    ] {
        let lines: String = cmp
            .links
            .iter()
            .filter(|l| l.verdict == verdict)
            .map(|l| match (l.model, l.student, verdict) {
                (_, Some(s), Verdict::Extra) => format!("- {}\n", describe(student, s)),
                (Some(m), _, Verdict::Missing) => format!("- {}\n", describe(model, m)),
                (Some(m), Some(s), _) => format!(
                    "- you have: {}; the model has: {}\n",
                    describe(student, s),
                    describe(model, m)
                ),
                _ => String::new(),
            })
            .collect();
        section(title, lines);
    }
    section(
        "Paragraphs the model maps that your map leaves untouched",
        super::coverage::untouched(student, model)
            .iter()
            .filter_map(|u| {
                let source = model.source(&u.source)?;
                let text = source.text.get(u.paragraph.start..u.paragraph.end)?;
                Some(format!(
                    "- {}, paragraph {}: “{}”\n",
                    source.short_name(),
                    u.number,
                    excerpt(text, 120)
                ))
            })
            .collect(),
    );
    section(
        "Arguments read as a different scheme",
        cmp.schemes
            .iter()
            .map(|d| format!("- {}: {}\n", describe(student, d.student), d.sentence()))
            .collect(),
    );
    out
}

/// The header of `argmap grade`'s CSV, and one row.
pub const CSV_HEADER: &str = "file,claim_precision,claim_recall,claim_f1,link_precision,link_recall,link_f1,claims_matched,claims_missing,claims_extra,links_correct,links_wrong_kind,links_reversed,links_missing,links_extra,error";

pub fn csv_row(file: &str, cmp: &Comparison) -> String {
    format!(
        "{},{:.3},{:.3},{:.3},{:.3},{:.3},{:.3},{},{},{},{},{},{},{},{},",
        csv_field(file),
        cmp.claims.precision,
        cmp.claims.recall,
        cmp.claims.f1,
        cmp.link_score.precision,
        cmp.link_score.recall,
        cmp.link_score.f1,
        cmp.matches.len(),
        cmp.missing_claims.len(),
        cmp.extra_claims.len(),
        cmp.count(Verdict::Correct),
        cmp.count(Verdict::WrongKind),
        cmp.count(Verdict::Reversed),
        cmp.count(Verdict::Missing),
        cmp.count(Verdict::Extra),
    )
}

pub fn csv_error_row(file: &str, error: &str) -> String {
    format!("{},,,,,,,,,,,,,,,{}", csv_field(file), csv_field(error))
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// What a starter map for students keeps of the model.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exercise {
    /// Every claim, no links: students draw the arguments.
    ClaimsOnly,
    /// Only the main contentions (claims that support nothing further): students find the reasons.
    MainContentions,
}

/// A starter map made from a model answer, with the sources kept.
pub fn exercise(model: &Map, kind: Exercise) -> Map {
    let mut map = model.clone();
    map.links.clear();
    if kind == Exercise::MainContentions {
        let reasons: std::collections::HashSet<ClaimId> = model
            .links
            .iter()
            .filter(|l| l.kind == LinkKind::Support)
            .flat_map(|l| l.premises.iter().copied())
            .collect();
        map.claims.retain(|c| !reasons.contains(&c.id));
    }
    // The teacher's notes and what-if pins are part of the answer.
    map.claims.iter_mut().for_each(|c| {
        c.note.clear();
        c.pin = None;
    });
    map.title = format!("Exercise: {}", model.title);
    map.description = match kind {
        Exercise::ClaimsOnly => "Every claim of the model map is here, without its links. Link them: which claims support or rebut which?".to_owned(),
        Exercise::MainContentions => "Only the main contentions are here. Read the articles, drag in the reasons each author gives, and link them.".to_owned(),
    };
    map
}
