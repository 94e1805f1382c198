//! Merging two copies of one map and listing what changed: the laws of the
//! merge on hand-made and random edits, the command line's answers, and git
//! using Argmap as its merge driver in a real repository.

mod common;

use argmap::analysis::merge::{ChangeKind, Item, Why, diff, merge};
use argmap::model::{ClaimId, Edit, LinkId, LinkKind, Map, Point, Target, validate};
use common::random_edits::{Op, op, to_edit};
use common::{claim, debate, link, small_map};
use proptest::prelude::*;
use std::path::Path;
use std::process::{Command, Output};

fn edited(map: &Map, edits: Vec<Edit>) -> Map {
    let mut map = map.clone();
    for edit in edits {
        edit.apply(&mut map).expect("edit applies");
    }
    map
}

fn changed_claim(map: &Map, id: u64, change: impl FnOnce(&mut argmap::model::Claim)) -> Edit {
    let mut claim = map.claim(ClaimId(id)).expect("claim").clone();
    change(&mut claim);
    Edit::ChangeClaim(claim)
}

#[test]
fn a_move_on_one_side_and_new_words_on_the_other_both_land() {
    let base = small_map();
    let ours = edited(
        &base,
        vec![changed_claim(&base, 1, |c| c.text = "Talks fail.".into())],
    );
    let theirs = edited(
        &base,
        vec![Edit::MoveClaims(vec![(ClaimId(1), Point::new(50.0, 60.0))])],
    );
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    let c = merged.map.claim(ClaimId(1)).unwrap();
    assert_eq!(c.text, "Talks fail.");
    assert_eq!(c.pos, Point::new(50.0, 60.0));
}

#[test]
fn the_same_words_changed_two_ways_is_a_conflict_that_keeps_ours() {
    let base = small_map();
    let ours = edited(
        &base,
        vec![changed_claim(&base, 3, |c| c.text = "Ours".into())],
    );
    let theirs = edited(
        &base,
        vec![changed_claim(&base, 3, |c| {
            c.text = "Theirs".into();
            c.note = "a note of theirs".into();
        })],
    );
    let merged = merge(&base, &ours, &theirs);
    assert_eq!(merged.conflicts.len(), 1);
    let conflict = &merged.conflicts[0];
    assert_eq!(conflict.item, Item::Claim(ClaimId(3)));
    assert_eq!(conflict.why, Why::Parts(vec!["text"]));
    let c = merged.map.claim(ClaimId(3)).unwrap();
    assert_eq!(c.text, "Ours");
    // The part only they changed still lands.
    assert_eq!(c.note, "a note of theirs");
    let lines = conflict.lines("ours.ron", "theirs.ron").join("\n");
    assert!(lines.contains("claim 3"), "{lines}");
    assert!(
        lines.contains("“Ours”") && lines.contains("“Theirs”"),
        "{lines}"
    );
}

#[test]
fn deleted_on_one_side_and_changed_on_the_other_is_a_conflict() {
    let base = small_map();
    // Claim 3 carries links 2 and 4: take them away with it.
    let ours = edited(
        &base,
        vec![
            Edit::RemoveLink(LinkId(4)),
            Edit::RemoveLink(LinkId(2)),
            Edit::RemoveClaim(ClaimId(3)),
        ],
    );
    let theirs = edited(
        &base,
        vec![changed_claim(&base, 3, |c| c.text = "Changed".into())],
    );
    let merged = merge(&base, &ours, &theirs);
    assert!(validate(&merged.map).is_empty());
    let conflict = merged
        .conflicts
        .iter()
        .find(|c| c.item == Item::Claim(ClaimId(3)))
        .expect("claim 3 in conflict");
    assert_eq!(conflict.why, Why::DeletedByUs);
    assert!(merged.map.claim(ClaimId(3)).is_none(), "ours deleted it");

    // The other way round: ours changed it, theirs deleted it; ours kept.
    let merged = merge(&base, &theirs, &ours);
    assert_eq!(merged.map.claim(ClaimId(3)).unwrap().text, "Changed");
    assert!(merged.conflicts.iter().any(|c| c.why == Why::DeletedByThem));
    assert!(validate(&merged.map).is_empty());
}

#[test]
fn claims_both_sides_added_are_both_kept_and_theirs_renumbered_with_their_links() {
    let base = small_map();
    let ours = edited(
        &base,
        vec![
            Edit::AddClaim(claim(5, "Ours, new", 10.0, 10.0)),
            Edit::AddLink(link(5, LinkKind::Support, &[5], Target::Claim(ClaimId(1)))),
        ],
    );
    let theirs = edited(
        &base,
        vec![
            Edit::AddClaim(claim(5, "Theirs, new", 20.0, 20.0)),
            Edit::AddClaim(claim(6, "Theirs, second", 30.0, 30.0)),
            Edit::AddLink(link(5, LinkKind::Rebut, &[5, 6], Target::Claim(ClaimId(4)))),
            Edit::AddLink(link(6, LinkKind::Rebut, &[6], Target::Link(LinkId(5)))),
        ],
    );
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean(), "{:?}", merged.conflicts);
    assert!(validate(&merged.map).is_empty());
    assert_eq!(merged.map.claims.len(), 4 + 3);
    assert_eq!(merged.map.links.len(), 4 + 3);
    let id_of = |text: &str| {
        merged
            .map
            .claims
            .iter()
            .find(|c| c.text == text)
            .unwrap()
            .id
    };
    assert_eq!(id_of("Ours, new"), ClaimId(5));
    let theirs_new = id_of("Theirs, new");
    assert_ne!(theirs_new, ClaimId(5));
    // Their rebut still joins their two claims, and their undercut still
    // aims at their rebut, under its new id.
    let rebut = merged
        .map
        .links
        .iter()
        .find(|l| l.kind == LinkKind::Rebut && l.target == Target::Claim(ClaimId(4)))
        .expect("their rebut");
    assert_eq!(rebut.premises, vec![theirs_new, ClaimId(6)]);
    assert_ne!(rebut.id, LinkId(5));
    assert!(
        merged
            .map
            .links
            .iter()
            .any(|l| l.target == Target::Link(rebut.id))
    );
    assert!(!merged.renumbered.is_empty());
}

#[test]
fn the_same_change_on_both_sides_is_made_once() {
    let base = small_map();
    let same = vec![
        changed_claim(&base, 1, |c| c.label = "Talks".into()),
        Edit::AddClaim(claim(5, "Both added this", 1.0, 1.0)),
        Edit::AddLink(link(5, LinkKind::Support, &[5], Target::Claim(ClaimId(1)))),
    ];
    let ours = edited(&base, same.clone());
    let merged = merge(&base, &ours, &edited(&base, same));
    assert!(merged.is_clean());
    assert_eq!(merged.map, ours);

    // The same passage dragged in by both, under different ids, at
    // different places: one claim, ours.
    let ours = edited(
        &base,
        vec![
            Edit::AddClaim(claim(5, "Mine only", 0.0, 0.0)),
            Edit::AddClaim(claim(6, "Dragged by both", 1.0, 1.0)),
        ],
    );
    let theirs = edited(
        &base,
        vec![Edit::AddClaim(claim(5, "Dragged by both", 9.0, 9.0))],
    );
    let merged = merge(&base, &ours, &theirs);
    assert!(merged.is_clean());
    assert_eq!(merged.map, ours);
}

#[test]
fn their_link_to_a_claim_we_deleted_is_left_out_and_listed() {
    let base = small_map();
    let ours = edited(
        &base,
        vec![
            Edit::RemoveLink(LinkId(4)),
            Edit::RemoveLink(LinkId(3)),
            Edit::RemoveClaim(ClaimId(4)),
        ],
    );
    let theirs = edited(
        &base,
        vec![Edit::AddLink(link(
            5,
            LinkKind::Support,
            &[4],
            Target::Claim(ClaimId(3)),
        ))],
    );
    let merged = merge(&base, &ours, &theirs);
    assert!(validate(&merged.map).is_empty());
    assert_eq!(merged.map, ours);
    assert!(
        merged
            .conflicts
            .iter()
            .any(|c| c.item == Item::Link(LinkId(5))),
        "{:?}",
        merged.conflicts
    );
}

#[test]
fn diff_lists_additions_removals_changes_and_counts_moves() {
    let base = debate();
    let first = base.claims[0].id;
    let second = base.claims[1].id;
    let newer = edited(
        &base,
        vec![
            changed_claim(&base, first.0, |c| c.note = "Checked.".into()),
            Edit::MoveClaims(vec![(second, Point::new(1.0, 2.0))]),
            Edit::AddClaim(claim(base.next_claim_id().0, "A new claim", 0.0, 0.0)),
        ],
    );
    let changes = diff(&base, &newer);
    let kinds: Vec<&ChangeKind> = changes.changes.iter().map(|c| &c.kind).collect();
    assert_eq!(
        kinds,
        vec![
            &ChangeKind::Changed(vec!["note"]),
            &ChangeKind::Changed(vec!["position"]),
            &ChangeKind::Added,
        ]
    );
    let text = changes.lines().join("\n");
    assert!(
        text.contains("Claims: 1 added, 1 changed, 1 moved"),
        "{text}"
    );
    assert!(
        text.contains("+ claim") && text.contains("A new claim"),
        "{text}"
    );
    assert!(text.contains(": note"), "{text}");
    assert!(diff(&base, &base).is_empty());
}

/// Applies random steps, keeping those the map accepts.
fn apply_ops(map: &Map, ops: Vec<Op>) -> Map {
    let mut map = map.clone();
    for op in ops {
        if let Some(edit) = to_edit(&map, op) {
            let _ = edit.apply(&mut map);
        }
    }
    map
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn merging_with_an_unchanged_side_gives_the_other_exactly(
        ops in proptest::collection::vec(op(), 1..30)
    ) {
        let base = small_map();
        let x = apply_ops(&base, ops);
        let a = merge(&base, &x, &base);
        prop_assert!(a.is_clean());
        prop_assert_eq!(&a.map, &x);
        let b = merge(&base, &base, &x);
        prop_assert!(b.is_clean());
        prop_assert_eq!(&b.map, &x);
        let c = merge(&base, &x, &x);
        prop_assert!(c.is_clean());
        prop_assert_eq!(&c.map, &x);
    }

    #[test]
    fn any_two_copies_merge_into_a_valid_map_with_every_new_claim(
        ours_ops in proptest::collection::vec(op(), 0..25),
        theirs_ops in proptest::collection::vec(op(), 0..25),
    ) {
        let base = small_map();
        let ours = apply_ops(&base, ours_ops);
        let theirs = apply_ops(&base, theirs_ops);
        let merged = merge(&base, &ours, &theirs);
        prop_assert_eq!(validate(&merged.map), vec![]);
        // Every claim either side added is there (by its words), unless a
        // conflict says why not.
        for side in [&ours, &theirs] {
            for added in side.claims.iter().filter(|c| base.claim(c.id).is_none()) {
                let kept = merged.map.claims.iter().any(|c| c.text == added.text);
                prop_assert!(
                    kept || !merged.conflicts.is_empty(),
                    "claim “{}” was lost without a conflict", added.text
                );
            }
        }
        // Nothing of ours that theirs left alone is lost.
        for claim in &ours.claims {
            if base.claim(claim.id) == theirs.claim(claim.id) {
                prop_assert_eq!(merged.map.claim(claim.id), Some(claim));
            }
        }
        // A clean merge changes, from ours, only what theirs changed.
        if merged.is_clean() && merged.renumbered.is_empty() {
            for change in diff(&ours, &merged.map).changes {
                if let Item::Claim(id) = change.item {
                    prop_assert!(base.claim(id) != theirs.claim(id), "{:?}", change);
                }
            }
        }
    }

    #[test]
    fn disjoint_edits_merge_cleanly(
        text in "[a-z]{1,10}",
        x in -500.0f32..500.0,
        note in "[a-z]{1,10}",
    ) {
        let base = small_map();
        let ours = edited(&base, vec![
            changed_claim(&base, 1, |c| c.text = text.clone()),
            Edit::SetLinkNote { link: LinkId(1), note: note.clone() },
        ]);
        let theirs = edited(&base, vec![
            Edit::MoveClaims(vec![(ClaimId(1), Point::new(x, 0.0))]),
            changed_claim(&base, 2, |c| c.note = note.clone()),
            Edit::RetypeLink { link: LinkId(3), kind: LinkKind::Support },
        ]);
        let merged = merge(&base, &ours, &theirs);
        prop_assert!(merged.is_clean());
        let c1 = merged.map.claim(ClaimId(1)).unwrap();
        prop_assert_eq!(&c1.text, &text);
        prop_assert_eq!(c1.pos.x, x);
        prop_assert_eq!(&merged.map.claim(ClaimId(2)).unwrap().note, &note);
        prop_assert_eq!(&merged.map.link(LinkId(1)).unwrap().note, &note);
        prop_assert_eq!(merged.map.link(LinkId(3)).unwrap().kind, LinkKind::Support);
    }
}

// The command line.

fn argmap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_argmap"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("argmap runs")
}

fn write_map(dir: &Path, name: &str, map: &Map) {
    argmap::format::save(map, &dir.join(name)).expect("saved");
}

fn three_copies(dir: &Path, conflicting: bool) -> (Map, Map, Map) {
    let base = debate();
    let id = base.claims[0].id.0;
    let ours = edited(
        &base,
        vec![changed_claim(&base, id, |c| c.label = "Ours".into())],
    );
    let theirs = edited(
        &base,
        vec![changed_claim(&base, id, |c| {
            if conflicting {
                c.label = "Theirs".into();
            } else {
                c.note = "Theirs".into();
            }
        })],
    );
    write_map(dir, "base.ron", &base);
    write_map(dir, "ours.ron", &ours);
    write_map(dir, "theirs.ron", &theirs);
    (base, ours, theirs)
}

#[test]
fn the_command_answers_0_when_clean_1_with_conflicts_2_on_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    three_copies(d, false);
    let clean = argmap(
        d,
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    );
    assert_eq!(clean.status.code(), Some(0), "{clean:?}");
    let out = argmap::format::load(&d.join("out.ron")).unwrap();
    assert_eq!(out.claims[0].label, "Ours");
    assert_eq!(out.claims[0].note, "Theirs");

    three_copies(d, true);
    let conflicted = argmap(
        d,
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "out.ron",
        ],
    );
    assert_eq!(conflicted.status.code(), Some(1), "{conflicted:?}");
    let said = String::from_utf8_lossy(&conflicted.stderr);
    assert!(said.contains("1 conflict"), "{said}");
    assert!(
        said.contains("“Ours”") && said.contains("“Theirs”"),
        "{said}"
    );
    // Still a valid map, holding ours.
    let out = argmap::format::load(&d.join("out.ron")).unwrap();
    assert_eq!(out.claims[0].label, "Ours");

    std::fs::write(d.join("junk.ron"), "(title: \"x\", claims: [(id: ").unwrap();
    let bad = argmap(
        d,
        &[
            "merge", "base.ron", "ours.ron", "junk.ron", "-o", "out2.ron",
        ],
    );
    assert_eq!(bad.status.code(), Some(2), "{bad:?}");
    assert!(String::from_utf8_lossy(&bad.stderr).contains("junk.ron"));
    assert!(!d.join("out2.ron").exists());

    // OUT may be OURS itself, as git asks; never BASE or THEIRS.
    let over_base = argmap(
        d,
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "base.ron",
        ],
    );
    assert_eq!(over_base.status.code(), Some(2));
    let in_place = argmap(
        d,
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "ours.ron",
        ],
    );
    assert_eq!(in_place.status.code(), Some(1));
    argmap::format::load(&d.join("ours.ron")).expect("ours rewritten whole");
}

#[test]
fn diff_answers_0_when_the_same_1_when_different_2_on_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    three_copies(d, false);
    let same = argmap(d, &["diff", "base.ron", "base.ron"]);
    assert_eq!(same.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&same.stdout).contains("the same"));
    let differ = argmap(d, &["diff", "base.ron", "ours.ron"]);
    assert_eq!(differ.status.code(), Some(1));
    let text = String::from_utf8_lossy(&differ.stdout);
    assert!(
        text.contains("Claims: 1 changed") && text.contains(": label"),
        "{text}"
    );
    let missing = argmap(d, &["diff", "base.ron", "nowhere.ron"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("nowhere.ron"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Whatever the files hold, merge and diff answer 0, 1 or 2 and never
    /// crash; a merge they accept writes a map Argmap opens.
    #[test]
    fn hostile_inputs_get_an_answer_not_a_crash(
        junk in proptest::collection::vec(any::<u8>(), 0..400),
        cut in 0usize..4000,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        three_copies(d, true);
        let text = std::fs::read(d.join("theirs.ron")).unwrap();
        let mut hostile = text[..cut.min(text.len())].to_vec();
        hostile.extend_from_slice(&junk);
        std::fs::write(d.join("hostile.ron"), &hostile).unwrap();
        for args in [
            vec!["merge", "base.ron", "ours.ron", "hostile.ron", "-o", "out.ron"],
            vec!["merge", "hostile.ron", "ours.ron", "theirs.ron", "-o", "out.ron"],
            vec!["diff", "hostile.ron", "ours.ron"],
        ] {
            let _ = std::fs::remove_file(d.join("out.ron"));
            let run = argmap(d, &args);
            let code = run.status.code();
            prop_assert!(matches!(code, Some(0..=2)), "{:?}", run);
            if args[0] == "merge" && code != Some(2) {
                prop_assert!(argmap::format::load(&d.join("out.ron")).is_ok());
            }
        }
    }
}

// git, with Argmap as its merge driver.

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .output()
        .expect("git runs")
}

/// The class map as `theirs` on a new branch of that name, and as `ours`
/// on main, each committed.
fn two_branches(d: &Path, (branch, theirs): (&str, &Map), (name, ours): (&str, &Map)) {
    let ok = |out: Output| assert!(out.status.success(), "{out:?}");
    ok(git(d, &["checkout", "-q", "-b", branch]));
    write_map(d, "class.ron", theirs);
    ok(git(d, &["commit", "-q", "-am", branch]));
    ok(git(d, &["checkout", "-q", "main"]));
    write_map(d, "class.ron", ours);
    ok(git(d, &["commit", "-q", "-am", name]));
}

#[test]
fn git_merges_maps_through_argmap() {
    if Command::new("git").arg("--version").output().is_err() {
        assert!(
            std::env::var_os("ARGMAP_REQUIRE_GIT").is_none(),
            "git is required here"
        );
        eprintln!("skipped: git is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ok = |out: Output| assert!(out.status.success(), "{out:?}");
    ok(git(d, &["init", "-q", "-b", "main"]));
    std::fs::write(d.join(".gitattributes"), "*.ron merge=argmap\n").unwrap();
    let driver = format!("{} merge %O %A %B -o %A", env!("CARGO_BIN_EXE_argmap"));
    ok(git(d, &["config", "merge.argmap.driver", &driver]));
    let base = debate();
    let id = base.claims[0].id.0;
    let other = base.claims[1].id.0;
    write_map(d, "class.ron", &base);
    ok(git(d, &["add", "."]));
    ok(git(d, &["commit", "-q", "-m", "starter"]));

    // Two students change the same claim, in different parts, and one
    // also moves another claim: git's own line merge would collide.
    two_branches(
        d,
        (
            "anna",
            &edited(
                &base,
                vec![changed_claim(&base, id, |c| c.label = "Anna".into())],
            ),
        ),
        (
            "ben",
            &edited(
                &base,
                vec![
                    changed_claim(&base, id, |c| c.note = "Ben".into()),
                    Edit::MoveClaims(vec![(ClaimId(other), Point::new(5.0, 5.0))]),
                ],
            ),
        ),
    );
    ok(git(d, &["merge", "-q", "--no-edit", "anna"]));
    let merged = argmap::format::load(&d.join("class.ron")).unwrap();
    let c = merged.claim(ClaimId(id)).unwrap();
    assert_eq!((c.label.as_str(), c.note.as_str()), ("Anna", "Ben"));
    assert_eq!(
        merged.claim(ClaimId(other)).unwrap().pos,
        Point::new(5.0, 5.0)
    );

    // Both change the same label: git reports the conflict, and the file
    // left in place is a valid map holding this branch's version.
    two_branches(
        d,
        (
            "carl",
            &edited(
                &merged,
                vec![changed_claim(&merged, id, |c| c.label = "Carl".into())],
            ),
        ),
        (
            "dana",
            &edited(
                &merged,
                vec![changed_claim(&merged, id, |c| c.label = "Dana".into())],
            ),
        ),
    );
    let conflicted = git(d, &["merge", "--no-edit", "carl"]);
    assert!(!conflicted.status.success());
    let said = String::from_utf8_lossy(&conflicted.stdout);
    assert!(
        said.contains("CONFLICT") && said.contains("class.ron"),
        "{said}"
    );
    let left = argmap::format::load(&d.join("class.ron")).expect("a valid map left in place");
    assert_eq!(left.claim(ClaimId(id)).unwrap().label, "Dana");
}

// The merge window.

use common::AppHarness;
use egui_kittest::kittest::Queryable;

/// File ▸ Merge a classmate's map, answering theirs.ron, then starter.ron.
fn open_merge(harness: &mut egui_kittest::Harness<'_, argmap::app::ArgmapApp>, d: &Path) {
    harness.answer_dialogs(vec![
        Some(d.join("theirs.ron")),
        Some(d.join("starter.ron")),
    ]);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Merge a classmate's map…").click();
    harness.run();
}

#[test]
fn file_merge_walks_through_conflicts_and_merges_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = small_map();
    // Theirs: a new claim, claim 1's label, and claim 3's text (which we
    // change too).
    let theirs = edited(
        &base,
        vec![
            Edit::AddClaim(claim(5, "A classmate's new claim", 400.0, 300.0)),
            changed_claim(&base, 1, |c| c.label = "Their label".into()),
            changed_claim(&base, 3, |c| c.text = "Their wording".into()),
            Edit::SetMeta {
                title: "Their title".into(),
                description: base.description.clone(),
            },
        ],
    );
    let ours = edited(
        &base,
        vec![
            changed_claim(&base, 3, |c| c.text = "Our wording".into()),
            Edit::SetMeta {
                title: "Our title".into(),
                description: base.description.clone(),
            },
        ],
    );
    write_map(d, "starter.ron", &base);
    write_map(d, "theirs.ron", &theirs);
    let mut harness = common::harness(ours.clone(), None, "merge");
    open_merge(&mut harness, d);

    let review = harness
        .app()
        .windows
        .merge
        .as_ref()
        .expect("the merge window is open");
    assert_eq!(review.take_theirs.len(), 2, "{:?}", review.merged.conflicts);
    harness.get_by_label_contains("From theirs.ron:");
    // What each side changed since the starter.
    harness.get_by_label(
        "Since the starting map: yours has the title or description changed, \
         1 claim changed; theirs.ron has the title or description changed, 1 claim added, \
         2 claims changed.",
    );
    harness.get_by_label("Conflict 1 of 2");
    // The first conflict is the title: keep ours. The second, claim 3's
    // words: take theirs.
    harness.get_by_label("Next").click();
    harness.run();
    harness.get_by_label("Conflict 2 of 2");
    harness.get_by_label_contains("“Their wording”");
    harness.get_by_label("Take theirs").click();
    harness.run();
    harness.get_by_label("Merge").click();
    harness.run();

    assert!(harness.app().windows.merge.is_none());
    let map = &harness.app().doc.map;
    assert_eq!(map.title, "Our title");
    assert_eq!(map.claim(ClaimId(3)).unwrap().text, "Their wording");
    assert_eq!(map.claim(ClaimId(1)).unwrap().label, "Their label");
    assert!(
        map.claims
            .iter()
            .any(|c| c.text == "A classmate's new claim")
    );
    assert!(validate(map).is_empty());

    // One step back to our map as it was.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(harness.app().doc.map, ours);
}

#[test]
fn taking_their_side_where_it_would_break_the_map_is_refused_in_the_window() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = small_map();
    // They delete claim 4 (with its links); we change its words.
    let theirs = edited(
        &base,
        vec![
            Edit::RemoveLink(LinkId(4)),
            Edit::RemoveLink(LinkId(3)),
            Edit::RemoveClaim(ClaimId(4)),
        ],
    );
    let ours = edited(
        &base,
        vec![changed_claim(&base, 4, |c| c.text = "Ours".into())],
    );
    // And we add a link from claim 4: their deletion would leave it dangling.
    let ours = edited(
        &ours,
        vec![Edit::AddLink(link(
            5,
            LinkKind::Support,
            &[4],
            Target::Claim(ClaimId(3)),
        ))],
    );
    write_map(d, "starter.ron", &base);
    write_map(d, "theirs.ron", &theirs);
    let mut harness = common::harness(ours.clone(), None, "merge-refused");
    open_merge(&mut harness, d);
    let n = harness
        .app()
        .windows
        .merge
        .as_ref()
        .unwrap()
        .take_theirs
        .len();
    assert!(n >= 1);
    // Take theirs for every conflict: claim 4 deleted under our new link.
    for i in 0..n {
        if i > 0 {
            harness.get_by_label("Next").click();
            harness.run();
        }
        harness.get_by_label("Take theirs").click();
        harness.run();
    }
    harness.get_by_label("Merge").click();
    harness.run();
    let review = harness.app().windows.merge.as_ref().expect("still open");
    assert!(
        review
            .refused
            .as_deref()
            .unwrap_or_default()
            .contains("cannot be taken")
    );
    harness.get_by_label_contains("cannot be taken");
    assert_eq!(harness.app().doc.map, ours, "nothing changed");
}

#[test]
fn view_show_changes_lists_what_changed_since_an_earlier_version() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let base = small_map();
    write_map(d, "monday.ron", &base);
    let now = edited(
        &base,
        vec![
            Edit::AddClaim(claim(5, "Added on Tuesday", 400.0, 300.0)),
            changed_claim(&base, 2, |c| c.note = "Checked".into()),
        ],
    );
    let mut harness = common::harness(now, None, "changes");
    harness.answer_dialogs(vec![Some(d.join("monday.ron"))]);
    harness.get_by_label("View").click();
    harness.run();
    harness.get_by_label("Show changes since…").click();
    harness.run();
    harness.get_by_label("Claims: 1 added, 1 changed");
    harness
        .get_by_label_contains("claim 5 added: “Added on Tuesday”")
        .click();
    harness.run();
    assert_eq!(
        harness.app().selection.single_claim(),
        Some(ClaimId(5)),
        "a line of the list goes to its claim"
    );
}
