//! A course's map of 10,000 claims in the real app: it opens fitted, drawn
//! as the far picture; Find claim goes to a claim and zooms in to read it;
//! collapsing it hides what bears on it behind its card, and expanding
//! (its tab, the menu, or Shift+C) shows it again.

mod common;

use argmap::app::ui::canvas::far::FAR_ZOOM;
use argmap::model::{Claim, ClaimId, Link, LinkId, LinkKind, Map, Point, Target};
use common::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

/// 100 contentions in a row, each with a chain of 99 claims beneath it:
/// claim `k` bears on claim `k - 100` (every seventh by rebutting it).
fn course(n: u64) -> Map {
    let claims = (1..=n)
        .map(|id| Claim {
            id: ClaimId(id),
            text: format!("Claim {id} of the course."),
            label: if id == 4_242 {
                "Helsinki precedent".into()
            } else {
                String::new()
            },
            pos: Point::new(
                ((id - 1) % 100) as f32 * 300.0,
                ((id - 1) / 100) as f32 * 200.0,
            ),
            note: String::new(),
            pin: None,
            quote: None,
        })
        .collect();
    let links = (101..=n)
        .map(|id| Link {
            id: LinkId(id),
            kind: if id % 7 == 0 {
                LinkKind::Rebut
            } else {
                LinkKind::Support
            },
            premises: vec![ClaimId(id)],
            target: Target::Claim(ClaimId(id - 100)),
            note: String::new(),
            scheme: String::new(),
            question: String::new(),
        })
        .collect();
    Map {
        title: "A course".into(),
        claims,
        links,
        ..Map::default()
    }
}

fn card(id: u64) -> String {
    format!("Claim: Claim {id} of the course.")
}

#[test]
fn a_ten_thousand_claim_map_is_fitted_found_in_collapsed_and_expanded() {
    let mut harness = common::harness(course(10_000), None, "course.ron");
    // Opened fitted, far out: the whole map in view, no card a widget.
    let canvas = harness.get_by_label("Map canvas").rect();
    let view = harness.panels().canvas.view;
    assert!(view.zoom < FAR_ZOOM, "zoom {}", view.zoom);
    for corner in [Point::new(0.0, 0.0), Point::new(99.0 * 300.0, 99.0 * 200.0)] {
        let at = view.to_screen(corner);
        assert!(canvas.expand(1.0).contains(at), "{at:?} in {canvas:?}");
    }
    assert!(harness.query_by_label(&card(4_342)).is_none());
    // The whole map is in view: no minimap.
    assert!(harness.query_by_label("Minimap").is_none());

    // Found by its label's words, selected, and zoomed in to be read.
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    harness.get_by_label("Claim words").type_text("helsinki");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(harness.app().selection.single_claim(), Some(ClaimId(4_242)));
    assert!(harness.panels().canvas.view.zoom >= FAR_ZOOM);
    let found = harness
        .get_by_label("Helsinki precedent: Claim 4242 of the course.")
        .rect();
    assert!(canvas.contains(found.center()));
    harness.get_by_label(&card(4_342));

    // Collapsed from the View menu: the 57 claims below it are hidden.
    harness.get_by_label("View").click();
    harness.run();
    // A menu item's name ends with its shortcut.
    harness.get_by_label("Collapse or expand claim C").click();
    harness.run();
    let panels = harness.panels();
    assert!(harness.app().view.is_collapsed(ClaimId(4_242)));
    assert_eq!(panels.canvas.hidden_behind(ClaimId(4_242)), 57);
    for below in (4_342..=9_942).step_by(100) {
        assert!(panels.canvas.is_hidden(ClaimId(below)), "{below}");
    }
    assert!(!panels.canvas.is_hidden(ClaimId(4_241)));
    assert!(!panels.canvas.is_hidden(ClaimId(142)));
    assert!(harness.query_by_label(&card(4_342)).is_none());

    // Its tab shows them again.
    harness.get_by_label("Expand: 57 hidden").click();
    harness.run();
    assert!(!harness.app().view.is_collapsed(ClaimId(4_242)));
    harness.get_by_label(&card(4_342));

    // Zoomed in, the minimap shows the whole map; a click on its top left
    // corner (inside its 4-pixel frame) brings the first contention to the
    // middle of the view, give or take a minimap pixel (about 140 units).
    let mini = harness.get_by_label("Minimap").rect();
    assert!(canvas.contains_rect(mini));
    let corner = mini.min + egui::vec2(4.7, 4.3);
    harness.hover_at(corner);
    harness.run();
    harness.drag_at(corner);
    harness.run();
    harness.drop_at(corner);
    harness.run();
    let view = harness.panels().canvas.view;
    let first = view.to_screen(Point::new(0.0, 0.0));
    assert!(
        first.distance(canvas.center()) < 100.0,
        "{first:?} near {:?}",
        canvas.center()
    );
    harness.get_by_label(&card(1));
    // M hides it, and shows it again.
    harness.key_press(Key::M);
    harness.run();
    assert!(harness.query_by_label("Minimap").is_none());
    harness.key_press(Key::M);
    harness.run();
    harness.get_by_label("Minimap");

    // C collapses the selected claim, wherever it is; Shift+C expands
    // everything.
    assert_eq!(harness.app().selection.single_claim(), Some(ClaimId(4_242)));
    harness.key_press(Key::C);
    harness.run();
    assert!(harness.panels().canvas.is_hidden(ClaimId(4_342)));
    harness.key_press_modifiers(Modifiers::SHIFT, Key::C);
    harness.run();
    assert!(harness.app().view.collapsed.is_empty());
    assert!(!harness.panels().canvas.is_hidden(ClaimId(4_342)));
    // Collapsing is a way of looking: the map itself is untouched.
    assert!(!harness.app().doc.is_dirty());
}

#[test]
fn collapsing_hides_whole_branches_undercuts_included() {
    use argmap::app::ui::canvas::scene::hidden_by;
    // 1 <- 2 <- 3, 4 undercuts the link 3 -> 2, 5 <- 4; 6 rebuts 1;
    // 7 supports both 3 and 6.
    let claims = (1..=7)
        .map(|i| common::claim(i, &format!("c{i}"), 0.0, 0.0))
        .collect();
    let links = vec![
        common::link(1, LinkKind::Support, &[2], Target::Claim(ClaimId(1))),
        common::link(2, LinkKind::Support, &[3], Target::Claim(ClaimId(2))),
        common::link(3, LinkKind::Rebut, &[4], Target::Link(LinkId(2))),
        common::link(4, LinkKind::Support, &[5], Target::Claim(ClaimId(4))),
        common::link(5, LinkKind::Rebut, &[6], Target::Claim(ClaimId(1))),
        common::link(6, LinkKind::Support, &[7], Target::Claim(ClaimId(3))),
        common::link(7, LinkKind::Support, &[7], Target::Claim(ClaimId(6))),
    ];
    let map = Map {
        claims,
        links,
        ..Map::default()
    };
    let ids = |v: &[u64]| -> std::collections::BTreeSet<ClaimId> {
        v.iter().map(|&i| ClaimId(i)).collect()
    };
    let set = |v: &[u64]| -> std::collections::HashSet<ClaimId> {
        v.iter().map(|&i| ClaimId(i)).collect()
    };
    // 7 also argues for 6, which stays in view: 7 stays with it.
    let (hidden, counts) = hidden_by(&map, &ids(&[2]));
    assert_eq!(hidden, set(&[3, 4, 5]));
    assert_eq!(counts[&ClaimId(2)], 3);
    let (hidden, counts) = hidden_by(&map, &ids(&[1]));
    assert_eq!(hidden, set(&[2, 3, 4, 5, 6, 7]));
    assert_eq!(counts[&ClaimId(1)], 6);
    // Collapsed inside a collapsed branch: hidden with it, counted apart.
    let (hidden, counts) = hidden_by(&map, &ids(&[1, 4]));
    assert_eq!(hidden, set(&[2, 3, 4, 5, 6, 7]));
    assert_eq!(counts[&ClaimId(4)], 1);
    // Two branches folded at once: 7 bears on both, and goes with them.
    let (hidden, _) = hidden_by(&map, &ids(&[2, 6]));
    assert_eq!(hidden, set(&[3, 4, 5, 7]));
    assert!(hidden_by(&map, &ids(&[])).0.is_empty());
}
