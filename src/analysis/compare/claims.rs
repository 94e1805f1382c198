//! Matching a student's claims with the model's, one to one: quoted claims
//! by how much of their passages they share, others by their words; the
//! best pairs first.

use super::{MatchedBy, QUOTE_OVERLAP, TEXT_SIMILARITY};
use crate::model::{Claim, ClaimId, Map};
use std::collections::{BTreeMap, BTreeSet};

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

pub(super) fn match_claims(student: &Map, model: &Map) -> BTreeMap<ClaimId, (ClaimId, MatchedBy)> {
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
