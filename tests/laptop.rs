//! A student's laptop: every panel fits its window at 1366×768 and
//! 1280×720 (and still works at 1024×600), keys go where a student
//! expects, and the views that tripped students on a small screen (the
//! comparison, focus and find, the tutorial, the welcome) behave. Driven
//! through the window as a student would.

mod common;

use argmap::app::{AppState, ArgmapApp};
use argmap::model::{ClaimId, Map, Target};
use common::AppHarness;
use egui::{Key, Modifiers, Vec2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The app on `map` in a window of `size`, with file dialogs that answer
/// from a script.
fn laptop(size: Vec2, map: Map) -> Harness<'static, ArgmapApp> {
    common::harness_sized(
        ArgmapApp::with_map(map, None, "kimmage-kramer-debate.ron"),
        size,
    )
}

const SIZES: [Vec2; 2] = [vec2(1366.0, 768.0), vec2(1280.0, 720.0)];

/// Labels of the widgets the canvas draws (cards, links, handles, tabs):
/// they may pass under a pane's edge; the panes' own may not.
fn on_the_canvas(label: &str) -> bool {
    [
        "Claim: ",
        "Link from: ",
        "Support link",
        "Rebut link",
        "Undercut",
        "Backing",
        "Expand: ",
        "Missing claim: ",
        "Map canvas",
        "Minimap",
        // egui's own handle on a pane's edge.
        "Resize panel",
    ]
    .iter()
    .any(|p| label.starts_with(p))
        || label.contains(" supports ")
        || label.contains(" rebuts ")
        || label.contains(" undercuts ")
}

/// Every labelled widget whose middle is in a pane lies wholly inside that
/// pane from side to side, and the pane inside the window.
fn assert_panes_hold_their_widgets(harness: &Harness<'static, ArgmapApp>, what: &str) {
    let window = harness.ctx.content_rect();
    let areas = harness.panels().areas;
    let panes = [("reader", areas.reader), ("inspector", areas.inspector)];
    for (name, pane) in panes {
        let pane = pane.expect("drawn");
        assert!(
            pane.left() >= window.left() - 0.5 && pane.right() <= window.right() + 0.5,
            "{what}: the {name} {pane:?} reaches past the window {window:?}"
        );
        let mut seen = 0;
        for node in harness.query_all_by(|_| true) {
            let ak = node.accesskit_node();
            let Some(label) = ak.label().or_else(|| ak.value()) else {
                continue;
            };
            let rect = node.rect();
            if label.is_empty() || on_the_canvas(&label) || !pane.contains(rect.center()) {
                continue;
            }
            seen += 1;
            assert!(
                rect.left() >= pane.left() - 0.5 && rect.right() <= pane.right() + 0.5,
                "{what}: {label:?} {rect:?} reaches past the {name} {pane:?}"
            );
        }
        assert!(seen > 3, "{what}: the {name} shows its widgets ({seen})");
    }
}

/// The claim with the longest text, and the link whose premises and
/// target have the most words between them.
fn longest(map: &Map) -> (ClaimId, argmap::model::LinkId) {
    let claim = map
        .claims
        .iter()
        .max_by_key(|c| c.text.len())
        .expect("claims")
        .id;
    let words = |id: ClaimId| map.claim(id).map_or(0, |c| c.text.len());
    let link = map
        .links
        .iter()
        .max_by_key(|l| {
            let target = match l.target {
                Target::Claim(t) => words(t),
                Target::Link(_) => 0,
            };
            l.premises.iter().map(|&p| words(p)).sum::<usize>() + target
        })
        .expect("links")
        .id;
    (claim, link)
}

#[test]
fn at_laptop_sizes_every_widget_of_the_side_panes_fits_its_pane() {
    let map = common::debate();
    let (claim, link) = longest(&map);
    for size in SIZES {
        let mut harness = laptop(size, map.clone());
        let what = format!("{}×{}", size.x, size.y);
        assert_panes_hold_their_widgets(&harness, &format!("{what}, nothing selected"));
        harness.state_mut().act(argmap::app::Action::Select(
            argmap::app::actions::Select::OnlyLink(link),
        ));
        harness.run();
        assert!(
            harness.query_by_label("Argument scheme").is_some(),
            "the link's inspector"
        );
        assert_panes_hold_their_widgets(&harness, &format!("{what}, the longest link"));
        harness.state_mut().act(argmap::app::Action::Select(
            argmap::app::actions::Select::OnlyClaim(claim),
        ));
        harness.run();
        assert_panes_hold_their_widgets(&harness, &format!("{what}, the longest claim"));
    }
}

#[test]
fn a_link_with_a_scheme_and_its_questions_fits_the_inspector() {
    // Schemes and critical questions fill the inspector most.
    let example = &argmap::corpus::examples()
        .iter()
        .find(|e| e.file == "kimmage-kramer-questions.ron")
        .expect("the map of questions");
    let map =
        argmap::format::read(example.text.as_bytes(), argmap::format::Syntax::Ron).expect("map");
    let link = map
        .links
        .iter()
        .filter(|l| !l.scheme.is_empty())
        .max_by_key(|l| l.premises.len() * 1000 + l.note.len())
        .expect("a link with a scheme")
        .id;
    for size in SIZES {
        let mut harness = laptop(size, map.clone());
        harness.state_mut().act(argmap::app::Action::Select(
            argmap::app::actions::Select::OnlyLink(link),
        ));
        harness.run();
        assert!(
            harness
                .query_by_label_contains("Critical questions")
                .is_some(),
            "the scheme's questions are listed"
        );
        assert_panes_hold_their_widgets(&harness, &format!("{size:?}, a link with a scheme"));
    }
}

#[test]
fn the_canvas_keeps_more_than_half_the_window_and_panes_give_way_when_narrow() {
    for size in [
        vec2(1366.0, 768.0),
        vec2(1280.0, 720.0),
        vec2(1024.0, 600.0),
    ] {
        let harness = laptop(size, common::debate());
        let canvas = harness.get_by_label("Map canvas").rect();
        assert!(
            canvas.width() >= 0.55 * size.x,
            "{size:?}: the canvas has {} px",
            canvas.width()
        );
    }
    // Too narrow for both panes: the reader stays, the inspector folds to a
    // strip that names it, and opening it folds the reader instead.
    let mut harness = laptop(vec2(1024.0, 600.0), common::debate());
    assert!(
        harness.query_by_label("Description").is_none(),
        "inspector folded"
    );
    harness.get_by_label("Show inspector").click();
    harness.run();
    assert!(
        harness.query_by_label("Description").is_some(),
        "inspector open"
    );
    assert!(
        harness.query_by_label("Show reader").is_some(),
        "reader folded"
    );
    let canvas = harness.get_by_label("Map canvas").rect();
    assert!(canvas.width() >= 0.55 * 1024.0);
}

#[test]
fn the_map_refits_when_the_window_changes_size_unless_the_user_zoomed() {
    let mut harness = laptop(vec2(1600.0, 1000.0), common::debate());
    let wide = harness.panels().canvas.view.zoom;
    harness.set_size(vec2(1366.0, 768.0));
    harness.run();
    let laptop_zoom = harness.panels().canvas.view.zoom;
    assert!(laptop_zoom < wide, "refitted: {wide} -> {laptop_zoom}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Equals);
    harness.run();
    let zoomed = harness.panels().canvas.view.zoom;
    harness.set_size(vec2(1280.0, 720.0));
    harness.run();
    assert_eq!(
        harness.panels().canvas.view.zoom,
        zoomed,
        "a view the user chose is kept"
    );
}

/// Starts the app with no file dialog, so file commands ask for a path.
fn without_dialogs(harness: &mut Harness<'static, ArgmapApp>) {
    harness
        .state_mut()
        .set_dialogs(Box::new(argmap::app::dialogs::ScriptedDialogs {
            answers: Default::default(),
            unavailable: true,
        }));
}

#[test]
fn the_path_window_takes_the_keyboard_and_writes_what_was_typed() {
    let dir = tempfile::tempdir().expect("temp");
    let map = common::small_map();
    let mut harness = laptop(vec2(1366.0, 768.0), map.clone());
    without_dialogs(&mut harness);
    // Two claims selected: an "s" reaching the map would link them.
    harness
        .get_by_label(&format!("Claim: {}", map.claims[1].text))
        .click();
    harness.run();
    harness
        .get_by_label(&format!("Claim: {}", map.claims[0].text))
        .click_modifiers(Modifiers::SHIFT);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
    harness.run();
    let field = harness.get_by_label("File path");
    assert!(field.is_focused(), "the field has the keyboard at once");
    let suggested = field.value().expect("a suggestion");
    assert!(
        suggested.ends_with("kimmage-kramer-debate.ron"),
        "{suggested}"
    );
    // The suggestion is selected: typing replaces it.
    let path = dir.path().join("my map");
    harness
        .get_by_label("File path")
        .type_text(&path.display().to_string());
    harness.run();
    assert_eq!(
        harness.app().doc.map.links,
        map.links,
        "no key reached the map"
    );
    assert!(
        harness
            .query_by_label_contains(&format!("In the folder {}", dir.path().display()))
            .is_some(),
        "the folder is named"
    );
    let written = dir.path().join("my map.ron");
    assert!(
        harness
            .query_by_label(&format!("Writes {}", written.display()))
            .is_some(),
        "the file it writes is named"
    );
    harness.key_press(Key::Enter);
    harness.run();
    assert!(written.is_file(), "saved where the window said");
    assert_eq!(argmap::format::load(&written).expect("map"), map);
}

#[test]
fn the_find_claim_window_takes_the_keyboard_and_escape_closes_it() {
    let map = common::small_map();
    let mut harness = laptop(vec2(1366.0, 768.0), map.clone());
    harness
        .get_by_label(&format!("Claim: {}", map.claims[1].text))
        .click();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    assert!(harness.get_by_label("Claim words").is_focused());
    // Typed letters stay in the field: "r" would try to link as a rebut.
    harness.get_by_label("Claim words").type_text("treaty");
    harness.run();
    assert_eq!(harness.app().doc.map, map);
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.app().windows.find_claim.is_none());
}

/// Selects `passage` of the open article by dragging over it.
fn select_passage(
    harness: &mut Harness<'static, ArgmapApp>,
    source: &argmap::model::Source,
    passage: &str,
) {
    let (start, end) = common::span(&source.text, passage);
    let reader = &harness.panels().reader;
    let from = reader.cursor_point(start).expect("drawn");
    let to = reader.cursor_point(end).expect("drawn");
    common::drag(harness, from, to);
}

#[test]
fn after_find_in_article_a_passage_selected_and_ctrl_e_go_to_the_map_and_ctrl_z_undoes_it() {
    let map = common::small_map();
    let source = map.sources[0].clone();
    let mut harness = laptop(vec2(1366.0, 768.0), map.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    let find = harness.get_by_label("Find in article");
    assert!(find.is_focused());
    find.type_text("INF");
    harness.run();
    // Typing in the field is not the map's: Ctrl+Z there undoes nothing on it.
    select_passage(&mut harness, &source, "“No” is the answer");
    assert!(
        !harness.get_by_label("Find in article").is_focused(),
        "selecting in the article takes the keyboard back from the field"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert_eq!(harness.app().doc.map.claims.len(), map.claims.len() + 1);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.app().doc.map, map, "Ctrl+Z undid the new claim");
}

#[test]
fn while_a_field_has_the_keyboard_no_map_shortcut_fires_and_a_click_on_the_map_gives_keys_back() {
    let map = common::small_map();
    let mut harness = laptop(vec2(1366.0, 768.0), map.clone());
    harness
        .get_by_label(&format!("Claim: {}", map.claims[1].text))
        .click();
    harness.run();
    harness
        .get_by_label(&format!("Claim: {}", map.claims[0].text))
        .click_modifiers(Modifiers::SHIFT);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    for key in [Key::S, Key::R, Key::Delete, Key::ArrowLeft] {
        harness.key_press(key);
        harness.run();
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.app().doc.map, map, "the map was left alone");
    assert_eq!(harness.app().selection.claims.len(), 2);
    // A click on empty canvas gives the keyboard back to the map.
    let canvas = harness.get_by_label("Map canvas").rect();
    harness.hover_at(canvas.left_bottom() + vec2(30.0, -30.0));
    harness.run();
    harness.get_by_label("Map canvas");
    let empty = canvas.left_bottom() + vec2(30.0, -30.0);
    harness.drag_at(empty);
    harness.drop_at(empty);
    harness.run();
    assert!(!harness.get_by_label("Find in article").is_focused());
}

#[test]
fn a_comparison_carries_on_to_the_next_map_says_so_and_stops_in_one_click() {
    let mut harness = laptop(vec2(1366.0, 768.0), common::small_map());
    // The model answer is a bundled map, chosen from the menu.
    harness.get_by_label("Teach").click();
    harness.run();
    harness.get_by_label("Compare with an example").click();
    harness.run();
    harness
        .get_by_label(argmap::corpus::examples()[0].title)
        .click();
    harness.run();
    assert!(harness.app().teach.comparison.is_some());
    assert!(
        harness
            .query_all_by_label_contains("Compared with kimmage-kramer-debate.ron")
            .next()
            .is_some()
    );
    assert!(harness.query_by_label_contains("still on from").is_none());
    // Another map opened: the comparison carries on, and says so.
    harness.state_mut().act(argmap::app::Action::Open(
        argmap::app::actions::Pending::OpenExample(1),
    ));
    harness.run();
    assert!(harness.query_by_label_contains("still on from").is_some());
    // The model itself opened: it is recognised as such.
    harness.state_mut().act(argmap::app::Action::Open(
        argmap::app::actions::Pending::OpenExample(0),
    ));
    harness.run();
    assert!(
        harness
            .query_by_label_contains("is the model answer kimmage-kramer-debate.ron itself")
            .is_some()
    );
    assert!(harness.query_by_label_contains("% in agreement").is_none());
    harness.get_by_label("Stop comparing").click();
    harness.run();
    assert!(harness.app().teach.comparison.is_none());
}

#[test]
fn missing_claims_and_links_show_apart_with_one_legend() {
    let model = common::debate();
    let mut student = model.clone();
    student.claims.truncate(model.claims.len() / 2);
    let kept: std::collections::BTreeSet<ClaimId> = student.claims.iter().map(|c| c.id).collect();
    student.links.retain(|l| {
        l.premises.iter().all(|p| kept.contains(p))
            && matches!(l.target, Target::Claim(t) if kept.contains(&t))
    });
    let mut harness = laptop(vec2(1366.0, 768.0), student);
    harness
        .state_mut()
        .act(argmap::app::Action::CompareWithExample(0));
    harness.run();
    let ghosts = |h: &Harness<'static, ArgmapApp>| {
        h.query_all_by_role(egui::accesskit::Role::Note)
            .filter(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with("Missing claim: "))
            })
            .count()
    };
    assert!(ghosts(&harness) > 0);
    // No ghost carries words of its own about being missing: one legend does.
    let painted = common::painted_texts(&harness);
    assert!(
        !painted
            .iter()
            .any(|t| t == "missing support" || t == "missing rebut"),
        "no label on each ghost link"
    );
    harness.get_by_label_contains("missing claims (").click();
    harness.run();
    assert_eq!(
        ghosts(&harness),
        0,
        "missing claims hidden, links still shown"
    );
    assert!(harness.app().teach.missing.links);
}

#[test]
fn finding_a_claim_outside_the_focus_moves_the_focus_and_one_escape_leaves_it() {
    let map = common::debate();
    let mut harness = laptop(vec2(1366.0, 768.0), map.clone());
    let centre = map.claims[0].id;
    harness.state_mut().act(argmap::app::Action::Select(
        argmap::app::actions::Select::OnlyClaim(centre),
    ));
    harness.key_press(Key::F);
    harness.run();
    let near = argmap::analysis::neighbourhood::neighbourhood(&map, centre, 1);
    let far = map
        .claims
        .iter()
        .find(|c| !near.contains(&c.id))
        .expect("a claim out of focus");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::F);
    harness.run();
    harness.get_by_label("Claim words").type_text(&far.label);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let focus = harness.app().view.focus.expect("still focused");
    assert_eq!(focus.claim, far.id, "the focus moved to the claim found");
    let card = harness.get_by_label(&format!("Claim: {}", far.text)).rect();
    assert!(
        harness.get_by_label("Map canvas").rect().intersects(card),
        "in view"
    );
    harness.key_press(Key::Escape); // closes Find claim
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.app().view.focus.is_none(),
        "one Escape left the focus"
    );
    assert_eq!(
        harness.app().selection.single_claim(),
        Some(far.id),
        "still selected"
    );
}

#[test]
fn the_bars_over_the_canvas_never_cover_one_another() {
    let map = common::debate();
    let mut harness = laptop(vec2(1280.0, 720.0), map.clone());
    harness.state_mut().act(argmap::app::Action::Select(
        argmap::app::actions::Select::OnlyClaim(map.claims[0].id),
    ));
    harness.key_press(Key::F);
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    let standing = harness.get_by_label("Which claims stand").rect();
    let focus = harness.get_by_label_contains("Focus: ").rect();
    assert!(!standing.intersects(focus), "{standing:?} and {focus:?}");
    assert!(focus.top() > standing.bottom());
}

#[test]
fn raise_as_objection_opens_an_editor_on_the_new_claim_and_the_tutorial_waits_for_its_words() {
    // The debate, whose arguments have schemes, with no question answered yet.
    let mut map = common::debate();
    for link in &mut map.links {
        link.question.clear();
    }
    let link = map
        .links
        .iter()
        .find(|l| !l.scheme.is_empty() && matches!(l.target, Target::Claim(_)))
        .expect("a link with a scheme")
        .id;
    let mut harness = laptop(vec2(1366.0, 768.0), map.clone());
    harness.state_mut().act(argmap::app::Action::Select(
        argmap::app::actions::Select::OnlyLink(link),
    ));
    harness.run();
    harness
        .query_all_by_label("Raise as objection")
        .next()
        .expect("an open question")
        .click();
    harness.run();
    let editor = harness.get_by_label("Claim text");
    assert!(editor.is_focused(), "the editor has the keyboard");
    let card = editor.rect();
    assert!(
        harness
            .get_by_label("Map canvas")
            .rect()
            .contains_rect(card),
        "in view"
    );
    let new = *harness
        .app()
        .selection
        .claims
        .first()
        .expect("the new claim");
    fn seen(state: &AppState) -> argmap::app::tutorial::Seen<'_> {
        argmap::app::tutorial::Seen {
            map: &state.doc.map,
            reading: None,
            evaluating: false,
            saved: false,
        }
    }
    let question = argmap::app::tutorial::Step::Question;
    assert!(
        !question.done(&seen(harness.app())),
        "not answered before any words"
    );
    harness
        .get_by_label("Claim text")
        .type_text("The two cases differ in scale.");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(
        harness.app().doc.map.claim(new).map(|c| c.text.as_str()),
        Some("The two cases differ in scale.")
    );
    assert!(question.done(&seen(harness.app())));
}

#[test]
fn the_welcome_shows_at_first_start_and_can_be_turned_off() {
    let mut app = ArgmapApp::start(None);
    app.restore(None);
    let mut harness = common::harness_sized(app, vec2(1366.0, 768.0));
    assert!(harness.query_by_label("Welcome to Argmap").is_some());
    harness
        .get_by_label("Show this window when Argmap starts")
        .click();
    harness.run();
    assert!(!harness.app().settings.welcome_at_start);
    harness
        .get_by_label("Take the tutorial: your first map, in ten steps")
        .click();
    harness.run();
    assert!(harness.query_by_label("Welcome to Argmap").is_none());
    assert!(harness.app().tutorial.is_some(), "the tutorial began");
    // A map named on the command line opens without the welcome.
    let dir = tempfile::tempdir().expect("temp");
    let file = dir.path().join("map.ron");
    argmap::format::save(&common::small_map(), &file).expect("save");
    let mut app = ArgmapApp::start(Some(&file));
    app.restore(None);
    let harness = common::harness_sized(app, vec2(1366.0, 768.0));
    assert!(harness.query_by_label("Welcome to Argmap").is_none());
}

#[test]
fn the_article_list_keeps_its_order_when_a_source_enters_the_map() {
    let mut harness = laptop(vec2(1366.0, 768.0), Map::default());
    let list = |h: &mut Harness<'static, ArgmapApp>| -> Vec<String> {
        h.get_by_label("Article").click();
        h.run();
        let titles = argmap::corpus::articles()
            .iter()
            .map(|a| {
                h.query_all_by(|n| n.label().is_some_and(|l| l.contains(&a.title)))
                    .map(|n| n.rect().top())
                    .fold(f32::INFINITY, f32::min)
            })
            .collect::<Vec<f32>>();
        h.key_press(Key::Escape);
        h.run();
        let mut order: Vec<(f32, String)> = titles
            .into_iter()
            .zip(
                argmap::corpus::articles()
                    .iter()
                    .map(|a| a.id.as_str().to_owned()),
            )
            .collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0));
        order.into_iter().map(|(_, id)| id).collect()
    };
    let before = list(&mut harness);
    let second = argmap::corpus::articles()[1].clone();
    harness
        .state_mut()
        .act(argmap::app::Action::OpenArticle(second.id.clone()));
    harness.run();
    let passage = second
        .text
        .split("\n\n")
        .nth(1)
        .expect("a paragraph")
        .to_owned();
    let (start, end) = common::span(&second.text, &passage);
    harness
        .state_mut()
        .act(argmap::app::Action::SelectPassage(Some((start, end))));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert_eq!(
        harness.app().doc.map.sources.len(),
        1,
        "the source entered the map"
    );
    assert_eq!(list(&mut harness), before, "the list kept its order");
}

#[test]
fn a_status_note_fades_after_a_few_seconds_and_an_error_stays() {
    let map = common::small_map();
    let mut harness = laptop(vec2(1366.0, 768.0), map.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::D);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(harness.query_by_label_contains("Undid").is_some());
    common::advance(&mut harness, 9.0);
    assert!(
        harness.query_by_label_contains("Undid").is_none(),
        "the note faded"
    );
}

#[test]
fn a_recovery_copy_opened_by_hand_is_offered_back_and_check_reads_it() {
    let dir = tempfile::tempdir().expect("temp");
    let recovery = dir.path().join("recovery");
    let saved = dir.path().join("essay.ron");
    let mut map = common::small_map();
    argmap::format::save(&map, &saved).expect("save");
    map.title = "Work not yet saved".into();
    {
        let session = argmap::format::recovery::Session::start(&recovery);
        let about = argmap::format::recovery::About {
            path: Some(saved.clone()),
            name: "essay.ron".into(),
            made: argmap::format::recovery::now(),
            edits: 3,
        };
        session.write_aside(&map, &about).expect("copy");
    }
    let copy = std::fs::read_dir(&recovery)
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "ron"))
        .expect("a copy");
    // argmap check reads it, and says what it is.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_argmap"))
        .arg("check")
        .arg(&copy)
        .output()
        .expect("run");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("a recovery copy of essay.ron"), "{said}");
    assert!(said.contains("ok: 4 claims"), "{said}");
    // argmap COPY offers it back; Restore opens the work unsaved.
    let mut app = ArgmapApp::start(Some(&copy));
    app.restore(None);
    let mut harness = common::harness_sized(app, vec2(1366.0, 768.0));
    assert!(harness.query_by_label("Recover unsaved work").is_some());
    harness.get_by_label("Restore").click();
    harness.run();
    assert_eq!(harness.app().doc.map.title, "Work not yet saved");
    assert_eq!(harness.app().doc.path.as_deref(), Some(saved.as_path()));
    assert!(harness.app().doc.is_dirty());
}

#[test]
fn undoing_a_step_of_the_tutorial_makes_it_the_step_to_do_again() {
    use argmap::app::tutorial::{Step, Tutorial};
    let article = argmap::corpus::article(&argmap::model::SourceId::new("kramer-2017"))
        .expect("Kramer")
        .clone();
    let mut harness = laptop(vec2(1366.0, 768.0), Map::default());
    harness
        .state_mut()
        .act(argmap::app::Action::Command(argmap::app::Command::Tutorial));
    harness.run();
    harness
        .state_mut()
        .act(argmap::app::Action::OpenArticle(article.id.clone()));
    harness.run();
    for passage in [
        "Dialogue simply won’t work with Putin’s murderous, treacherous, kleptocratic regime.",
        "Putin, in other words, is a wholly untrustworthy interlocutor.",
    ] {
        let (start, end) = common::span(&article.text, passage);
        harness
            .state_mut()
            .act(argmap::app::Action::SelectPassage(Some((start, end))));
        harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
        harness.run();
    }
    let step = |h: &Harness<'static, ArgmapApp>| h.app().tutorial.as_ref().and_then(Tutorial::step);
    assert_eq!(step(&harness), Some(Step::Support));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(step(&harness), Some(Step::Reason), "the reason was undone");
    // The article read earlier stays read: the first step stays done.
    harness.state_mut().act(argmap::app::Action::OpenArticle(
        argmap::model::SourceId::new("kimmage-2018"),
    ));
    harness.run();
    assert_eq!(step(&harness), Some(Step::Reason));
}

#[test]
fn a_sentence_dragged_loosely_keeps_its_full_stop() {
    let map = common::small_map();
    let source = map.sources[0].clone();
    let mut harness = laptop(vec2(1366.0, 768.0), map);
    let sentence = "Putin’s regime simply doesn’t abide by agreements it has signed or inherited.";
    let (start, end) = common::span(&source.text, sentence);
    let reader = &harness.panels().reader;
    let from = reader.cursor_point(start).expect("drawn");
    // Let go just before the full stop.
    let to = reader.cursor_point(end - 1).expect("drawn");
    common::drag(&mut harness, from, to);
    let (s, e) = harness.app().view.reader.selected_span().expect("selected");
    assert_eq!(&source.text[s..e], sentence);
}

/// Support badges are drawn as a plus, rebut badges as a minus: strokes,
/// not glyphs, so they read the same at every zoom.
#[test]
fn link_badges_draw_their_marks_as_strokes_at_laptop_zoom() {
    let harness = laptop(vec2(1366.0, 768.0), common::debate());
    let painted = common::painted_texts(&harness);
    assert!(
        !painted.iter().any(|t| t == "+" || t == "−" || t == "- -"),
        "no badge mark is text"
    );
}
