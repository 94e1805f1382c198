//! Copy, paste and duplicate as map operations: what travels, what comes
//! back, and that the result is always a valid map that undo restores.

mod common;

use argmap::app::edit_builders::clipboard::{self, PASTE_OFFSET};
use argmap::corpus;
use argmap::model::{ClaimId, Edit, LinkId, Map, Point, SourceId, Target, validate};
use common::{claim, debate, small_map};
use proptest::prelude::*;

fn everywhere(_: Point) -> bool {
    true
}

fn apply(map: &mut Map, edit: Edit) -> Edit {
    let inverse = edit.apply(map).expect("paste applies");
    assert_eq!(validate(map), vec![], "the map stays valid");
    inverse
}

#[test]
fn a_fragment_keeps_only_links_inside_the_selection_and_their_undercuts() {
    let map = small_map();
    // Claims 3 and 4: the rebut 4→1 leaves (1 not chosen), and so does its undercut.
    let piece = clipboard::fragment(&map, &[ClaimId(3), ClaimId(4)]).expect("fragment");
    assert_eq!(piece.claims.len(), 2);
    assert!(piece.links.is_empty());
    assert!(piece.sources.is_empty(), "neither claim quotes a source");
    // Claims 1, 3, 4: the rebut 4→1 and the undercut 3→(rebut) come along;
    // the supports from 2 do not.
    let piece = clipboard::fragment(&map, &[ClaimId(1), ClaimId(3), ClaimId(4)]).expect("fragment");
    let ids: Vec<LinkId> = piece.links.iter().map(|l| l.id).collect();
    assert_eq!(ids, vec![LinkId(3), LinkId(4)]);
    // Claim 2 quotes Kramer: the article travels with it.
    let piece = clipboard::fragment(&map, &[ClaimId(2)]).expect("fragment");
    assert_eq!(piece.sources.len(), 1);
    assert_eq!(validate(&piece), vec![]);
    assert!(clipboard::fragment(&map, &[]).is_none());
    assert!(clipboard::fragment(&map, &[ClaimId(99)]).is_none());
}

#[test]
fn pasting_copied_claims_adds_fresh_copies_beside_them_and_undo_removes_them() {
    let mut map = small_map();
    let before = map.clone();
    let text = clipboard::copy_text(&map, &[ClaimId(1), ClaimId(2), ClaimId(3)])
        .expect("copy")
        .expect("encode");
    let pasted =
        clipboard::paste_text(&map, &text, Point::new(0.0, 0.0), everywhere, None).expect("paste");
    assert_eq!(pasted.claims, vec![ClaimId(5), ClaimId(6), ClaimId(7)]);
    let inverse = apply(&mut map, pasted.edit);
    assert_eq!(map.claims.len(), 7);
    // Both supports run between the copied claims; the rebut and undercut do not.
    assert_eq!(map.links.len(), 6);
    let copy = map.claim(ClaimId(6)).expect("copy of claim 2");
    let original = before.claim(ClaimId(2)).expect("claim 2");
    assert_eq!(copy.text, original.text);
    assert_eq!(
        copy.quote, original.quote,
        "the quote points at the same passage"
    );
    assert_eq!(copy.pos.x, original.pos.x + PASTE_OFFSET);
    assert_eq!(copy.pos.y, original.pos.y + PASTE_OFFSET);
    assert_eq!(map.sources.len(), 1, "the article already there is shared");
    let linked = map.link(LinkId(6)).expect("copied linked support");
    assert_eq!(linked.premises, vec![ClaimId(6), ClaimId(7)]);
    assert_eq!(linked.target, Target::Claim(ClaimId(5)));
    inverse.apply(&mut map).expect("undo");
    assert_eq!(map, before);
}

#[test]
fn pasting_twice_does_not_stack_the_copies() {
    let mut map = small_map();
    let text = clipboard::copy_text(&map, &[ClaimId(4)])
        .expect("copy")
        .expect("encode");
    for _ in 0..2 {
        let pasted = clipboard::paste_text(&map, &text, Point::new(0.0, 0.0), everywhere, None)
            .expect("paste");
        apply(&mut map, pasted.edit);
    }
    let spots: Vec<(f32, f32)> = map.claims[4..].iter().map(|c| (c.pos.x, c.pos.y)).collect();
    assert_eq!(spots.len(), 2);
    assert_ne!(spots[0], spots[1]);
}

#[test]
fn copies_out_of_sight_land_in_the_middle_of_the_view() {
    let map = Map::default();
    let text = clipboard::copy_text(&small_map(), &[ClaimId(1), ClaimId(4)])
        .expect("copy")
        .expect("encode");
    let at = Point::new(5000.0, -300.0);
    let pasted =
        clipboard::paste_text(&map, &text, at, |_| false, None).expect("paste into another map");
    let mut map = map;
    apply(&mut map, pasted.edit);
    let centre_x = map.claims.iter().map(|c| c.pos.x).sum::<f32>() / 2.0;
    let centre_y = map.claims.iter().map(|c| c.pos.y).sum::<f32>() / 2.0;
    assert_eq!((centre_x, centre_y), (at.x, at.y));
    assert_eq!(map.links.len(), 1, "the rebut between them comes along");
}

#[test]
fn a_source_whose_id_is_taken_by_another_text_comes_in_renamed() {
    let mut map = small_map();
    map.sources[0].text.push_str(" An edited copy.");
    let kramer = map.sources[0].clone();
    // The added words come after claim 2's quote, so the map stays valid.
    assert_eq!(validate(&map), vec![]);
    let text = clipboard::copy_text(&small_map(), &[ClaimId(2)])
        .expect("copy")
        .expect("encode");
    let pasted =
        clipboard::paste_text(&map, &text, Point::new(0.0, 0.0), everywhere, None).expect("paste");
    apply(&mut map, pasted.edit);
    assert_eq!(map.sources.len(), 2);
    let renamed = SourceId::new(format!("{}-2", kramer.id.as_str()));
    let copy = map.claims.last().expect("pasted claim");
    assert_eq!(copy.quote.as_ref().map(|q| &q.source), Some(&renamed));
    assert_eq!(
        map.source(&kramer.id),
        Some(&kramer),
        "the map's own copy is untouched"
    );
}

#[test]
fn text_from_an_article_becomes_a_quoted_claim_and_other_text_a_claim_of_ones_own() {
    let mut map = Map::default();
    let passage = "Putin, in other words, is a wholly untrustworthy interlocutor.";
    let pasted = clipboard::paste_text(&map, passage, Point::new(10.0, 20.0), everywhere, None)
        .expect("paste");
    apply(&mut map, pasted.edit);
    let quoted = map.claims.last().expect("claim").clone();
    let quote = quoted.quote.expect("quoted");
    assert_eq!(quote.source, SourceId::new("kramer-2017"));
    let article = corpus::article(&quote.source).expect("bundled");
    assert_eq!(&article.text[quote.start..quote.end], passage);
    assert_eq!(map.sources.len(), 1, "the article comes into the map");
    assert_eq!(quoted.pos, Point::new(10.0, 20.0));

    let own = "  Sanctions alone will not move the Kremlin.\n";
    let pasted =
        clipboard::paste_text(&map, own, Point::new(0.0, 0.0), everywhere, None).expect("paste");
    apply(&mut map, pasted.edit);
    let mine = map.claims.last().expect("claim");
    assert_eq!(mine.text, "Sanctions alone will not move the Kremlin.");
    assert!(mine.quote.is_none());
}

#[test]
fn what_cannot_be_pasted_is_refused_with_a_reason() {
    let map = small_map();
    let refuse = |text: &str| {
        clipboard::paste_text(&map, text, Point::new(0.0, 0.0), everywhere, None)
            .expect_err("refused")
            .to_string()
    };
    assert_eq!(refuse(" \n\t"), "the clipboard holds no text");
    let broken = refuse("(format: 1, claims: [(id: 1, text: \"a\", pos: (0, 0)), ");
    assert!(
        broken.starts_with("the clipboard holds a map Argmap cannot read: "),
        "{broken}"
    );
    let newer = refuse("(format: 99, claims: [])");
    assert!(newer.contains("newer Argmap"), "{newer}");
    assert_eq!(
        refuse("(format: 1, claims: [])"),
        "the copied map has no claims"
    );
    let json = refuse("{\"format\": 1, \"claims\": [}");
    assert!(json.contains("line 1"), "{json}");
    let long = "word ".repeat(2_000);
    assert!(refuse(&long).starts_with("the text is too long for one claim"));
}

#[test]
fn duplicate_copies_in_place_with_the_links_between() {
    let mut map = small_map();
    let pasted = clipboard::duplicate(&map, &[ClaimId(2), ClaimId(1)]).expect("duplicate");
    assert_eq!(pasted.label, "Duplicate");
    apply(&mut map, pasted.edit);
    assert_eq!(map.claims.len(), 6);
    assert_eq!(map.links.len(), 5, "the one support from 2 to 1 is copied");
    assert!(clipboard::duplicate(&map, &[]).is_none());
}

#[test]
fn ids_at_the_very_top_do_not_overflow() {
    let mut map = Map::default();
    map.claims.push(claim(u64::MAX, "the last id", 0.0, 0.0));
    assert_eq!(map.next_claim_id(), ClaimId(1));
    assert_eq!(map.free_claim_ids(2), vec![ClaimId(1), ClaimId(2)]);
    let pasted = clipboard::duplicate(&map, &[ClaimId(u64::MAX)]).expect("duplicate");
    apply(&mut map, pasted.edit);
    assert_eq!(map.claims.len(), 2);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any selection of the debate, copied and pasted back, adds exactly its
    /// claims and the links among them, keeps the map valid, and undoes cleanly.
    #[test]
    fn copy_paste_of_any_selection_is_valid_and_undoable(
        picks in proptest::collection::vec(any::<bool>(), 36),
        far in any::<bool>(),
    ) {
        let mut map = debate();
        let before = map.clone();
        let chosen: Vec<ClaimId> = map
            .claims
            .iter()
            .zip(picks.iter().cycle())
            .filter(|(_, pick)| **pick)
            .map(|(c, _)| c.id)
            .collect();
        let Some(text) = clipboard::copy_text(&map, &chosen).map(|r| r.expect("encode")) else {
            prop_assert!(chosen.is_empty());
            return Ok(());
        };
        let inside = |ids: &[ClaimId]| ids.iter().all(|id| chosen.contains(id));
        let internal = map
            .links
            .iter()
            .filter(|l| inside(&l.premises) && matches!(l.target, Target::Claim(t) if chosen.contains(&t)))
            .count();
        let pasted = clipboard::paste_text(&map, &text, Point::new(0.0, 0.0), |_| !far, None)
            .expect("paste");
        let inverse = pasted.edit.apply(&mut map).expect("applies");
        prop_assert_eq!(validate(&map), vec![]);
        prop_assert_eq!(map.claims.len(), before.claims.len() + chosen.len());
        // Undercuts of internal links come along too, so at least the internal ones.
        prop_assert!(map.links.len() >= before.links.len() + internal);
        prop_assert_eq!(map.sources.len(), before.sources.len());
        inverse.apply(&mut map).expect("undo");
        prop_assert_eq!(map, before);
    }
}
