//! Maps a teacher can put in front of a class: labels that read at Fit, a
//! focused view, and the small things a new user stumbled on, each driven
//! through the window as a user would.

mod common;

use argmap::app::{Action, ArgmapApp, Command};
use argmap::model::{ClaimId, Map, SourceId};
use common::{AppHarness, claim};
use egui::{Key, Modifiers, Pos2, Rect, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// The app as a teacher meets it: a 1600×1000 window, both panes open.
fn classroom(map: Map) -> Harness<'static, ArgmapApp> {
    let mut harness = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .with_max_steps(400)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_| {
            let mut app = ArgmapApp::with_map(map, None, "debate.ron");
            app.set_dialogs(Box::new(argmap::app::dialogs::ScriptedDialogs::default()));
            app
        });
    harness.run();
    harness
}

/// Every piece of text painted whole this frame (not cut short with "…"),
/// with its size on screen.
fn painted_text(harness: &Harness<'static, ArgmapApp>) -> Vec<(String, f32, Rect)> {
    let mut found = Vec::new();
    for clipped in &harness.output().shapes {
        collect(&clipped.shape, &mut found);
    }
    found
}

fn collect(shape: &egui::Shape, found: &mut Vec<(String, f32, Rect)>) {
    match shape {
        egui::Shape::Text(text) if !text.galley.elided => {
            let size = text
                .galley
                .job
                .sections
                .first()
                .map_or(0.0, |s| s.format.font_id.size);
            let rect = text.galley.rect.translate(text.pos.to_vec2());
            found.push((text.galley.text().to_owned(), size, rect));
        }
        egui::Shape::Vec(shapes) => {
            for s in shapes {
                collect(s, found);
            }
        }
        _ => {}
    }
}

#[test]
fn at_fit_every_card_of_the_debate_shows_its_own_label_large_enough_to_read() {
    let map = common::debate();
    let mut harness = classroom(map.clone());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    let canvas = harness.get_by_label("Map canvas").rect();
    let painted = painted_text(&harness);
    let mut labels = std::collections::BTreeSet::new();
    for claim in &map.claims {
        assert!(!claim.label.is_empty(), "claim {} has a label", claim.id.0);
        assert!(
            labels.insert(claim.label.clone()),
            "label {:?} told apart",
            claim.label
        );
        // The label is painted, whole (not cut), on the canvas, at 11 px or more.
        let (_, px, rect) = painted
            .iter()
            .find(|(text, _, _)| *text == claim.label)
            .unwrap_or_else(|| panic!("{:?} is painted whole", claim.label));
        assert!(*px >= 11.0, "{:?} is {px} px high", claim.label);
        assert!(
            canvas.contains_rect(*rect),
            "{:?} is on the canvas",
            claim.label
        );
    }
}

#[test]
fn focus_shows_one_claims_neighbourhood_and_escape_brings_the_map_back() {
    let map = common::debate();
    let mut harness = classroom(map.clone());
    let centre = map
        .claims
        .iter()
        .find(|c| c.label == "Dialogue won’t work")
        .expect("Kramer's contention");
    harness
        .get_by_label(&format!("Claim: {}", centre.text))
        .click();
    harness.run();
    harness.key_press(Key::F);
    harness.run();
    let shown = |harness: &Harness<'static, ArgmapApp>| {
        harness
            .query_all_by_role(egui::accesskit::Role::Button)
            .filter(|n| {
                n.accesskit_node()
                    .label()
                    .is_some_and(|l| l.starts_with("Claim: "))
            })
            .count()
    };
    let neighbourhood = argmap::analysis::neighbourhood::neighbourhood(&map, centre.id, 1);
    assert_eq!(
        shown(&harness),
        neighbourhood.len(),
        "only the neighbourhood"
    );
    assert!(neighbourhood.len() < map.claims.len());
    // Shown large: the whole text reads at 100 % or close.
    assert!(harness.panels().canvas.view.zoom > 0.6);
    harness.get_by_label("Two steps out").click();
    harness.run();
    let wider = argmap::analysis::neighbourhood::neighbourhood(&map, centre.id, 2);
    assert_eq!(shown(&harness), wider.len());
    harness.key_press(Key::Escape); // clears the selection first
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(shown(&harness), map.claims.len(), "the whole map again");
    assert_eq!(
        harness.app().doc.map,
        map,
        "focusing moved nothing in the map"
    );
}

#[test]
fn a_new_claim_lands_in_free_space_near_the_middle() {
    let map = common::debate();
    let mut harness = classroom(map.clone());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::N);
    harness.run();
    let app = harness.app();
    let new = app.doc.map.claims.last().expect("a new claim");
    assert_eq!(app.doc.map.claims.len(), map.claims.len() + 1);
    let canvas = &harness.panels().canvas;
    let size = canvas.card_size(new.id);
    for other in &map.claims {
        let o = canvas.card_size(other.id);
        let apart = (new.pos.x - other.pos.x).abs() >= (size.x + o.x) / 2.0
            || (new.pos.y - other.pos.y).abs() >= (size.y + o.y) / 2.0;
        assert!(apart, "the new claim lies on claim {}", other.id.0);
    }
    // And within the view the user was looking at.
    let at = canvas.view.to_screen(new.pos);
    assert!(harness.get_by_label("Map canvas").rect().contains(at));
}

#[test]
fn switching_articles_opens_the_new_one_at_its_title() {
    let mut harness = classroom(common::debate());
    let reader = harness
        .get_by_label("Article text: The Surprising Promise of the Trump-Putin Summit")
        .rect();
    // Scroll well down the first article.
    harness.hover_at(reader.center());
    for _ in 0..20 {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -400.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
        });
        harness.run();
    }
    harness.get_by_label("Article").click();
    harness.run();
    harness
        .get_by_label("Kramer: The Eternal Return: Why Talking to Putin Won’t Work (on the map)")
        .click();
    harness.run();
    let title = harness.get_by_label("The Eternal Return: Why Talking to Putin Won’t Work");
    let panel = harness
        .get_by_label("Article text: The Eternal Return: Why Talking to Putin Won’t Work")
        .rect();
    assert!(
        title.rect().top() >= panel.top() - 80.0 && title.rect().bottom() <= panel.bottom(),
        "the title is in view: {:?} in {panel:?}",
        title.rect()
    );
}

#[test]
fn f3_in_the_find_field_goes_to_the_next_match_and_escape_closes_find() {
    let mut harness = classroom(common::debate());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run();
    harness
        .get_by_label("Find in article")
        .type_text("Helsinki");
    harness.run();
    assert!(
        harness.query_by_label("1 of 9").is_some()
            || harness.query_all_by_label_contains("1 of").count() > 0
    );
    harness.key_press(Key::F3);
    harness.run();
    assert!(
        harness.query_all_by_label_contains("2 of").count() > 0,
        "F3 from the field went to the next match"
    );
    assert!(
        harness.get_by_label("Find in article").is_focused(),
        "the field kept the keyboard"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness.query_by_label("Find in article").is_none(),
        "find closed"
    );
}

#[test]
fn an_error_stays_beside_later_messages_until_dismissed() {
    let mut harness = classroom(common::small_map());
    harness.key_press(Key::S); // nothing selected: S says what it needs
    harness.run();
    assert!(
        harness
            .app()
            .status
            .note
            .starts_with("Select two or more claims")
    );
    let missing = std::path::Path::new("/no/such/map.ron");
    harness.state_mut().open_path(missing);
    harness.run();
    let error = harness.app().status.error.clone();
    assert!(error.contains("no such file"), "{error}");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.key_press(Key::R);
    harness.run();
    // A later message and the earlier error are both on show.
    harness.get_by_label(&error);
    assert!(!harness.app().status.note.is_empty());
    harness.get_by_label("×").click();
    harness.run();
    assert!(harness.query_by_label(&error).is_none());
}

#[test]
fn in_a_small_window_the_panes_give_way_to_the_canvas() {
    let mut harness = Harness::builder()
        .with_size(vec2(800.0, 500.0))
        .with_max_steps(400)
        .build_eframe(|_| ArgmapApp::with_map(common::debate(), None, "debate.ron"));
    harness.run();
    let canvas = harness.get_by_label("Map canvas").rect();
    assert!(
        canvas.width() >= 380.0,
        "the canvas keeps {} px",
        canvas.width()
    );
}

#[test]
fn editing_in_place_when_zoomed_out_is_readable() {
    let map = common::debate();
    let mut harness = classroom(map.clone());
    while harness.panels().canvas.view.zoom >= 0.6 {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Minus);
        harness.run();
    }
    harness
        .get_by_label(&format!("Claim: {}", map.claims[0].text))
        .click();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    let editor = harness.get_by_label("Claim text").rect();
    assert!(
        editor.width() >= 280.0,
        "the editor is {} px wide",
        editor.width()
    );
    let painted = painted_text(&harness);
    let (_, px, _) = painted
        .iter()
        .find(|(text, _, rect)| *text == map.claims[0].text && editor.intersects(*rect))
        .expect("the text being edited");
    assert!(*px >= 14.0, "typed text is {px} px");
}

#[test]
fn teaching_views_speak_plain_words() {
    let mut harness = classroom(common::small_map());
    harness.key_press(Key::F5);
    harness.run();
    let plain = harness.get_by_label("Showing: what stands whichever side one takes");
    let _ = plain;
    assert!(harness.query_by_label("Grounded").is_none());
    assert!(harness.query_by_label("Preferred").is_none());
}

#[test]
fn comparison_ghosts_stand_clear_of_the_map_inside_the_fit_and_answer_a_click() {
    let dir = tempfile::tempdir().expect("temp");
    let model_path = dir.path().join("model.ron");
    let model = common::debate();
    argmap::format::save(&model, &model_path).expect("save");
    // A student who has half the claims.
    let mut student = model.clone();
    student.claims.truncate(model.claims.len() / 2);
    let kept: std::collections::BTreeSet<ClaimId> = student.claims.iter().map(|c| c.id).collect();
    student.links.retain(|l| {
        l.premises.iter().all(|p| kept.contains(p))
            && matches!(l.target, argmap::model::Target::Claim(t) if kept.contains(&t))
    });
    let mut harness = classroom(student.clone());
    harness.answer_dialogs(vec![Some(model_path)]);
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::M);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Num0);
    harness.run();
    let canvas = harness.get_by_label("Map canvas").rect();
    let ghosts: Vec<Rect> = harness
        .query_all_by_role(egui::accesskit::Role::Note)
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.starts_with("Missing claim: "))
        })
        .map(|n| n.rect())
        .collect();
    assert!(!ghosts.is_empty());
    let cards: Vec<Rect> = student
        .claims
        .iter()
        .map(|c| harness.get_by_label(&format!("Claim: {}", c.text)).rect())
        .collect();
    for ghost in &ghosts {
        assert!(canvas.contains_rect(*ghost), "the fit shows the ghost");
        for card in &cards {
            assert!(!ghost.intersects(*card), "a ghost lies on a card");
        }
    }
    // The teaching bar stays over the canvas, clear of the inspector.
    let bars: Vec<Rect> = harness
        .query_all_by_label("Compared with model.ron")
        .map(|n| n.rect())
        .filter(|r| canvas.contains(r.center()))
        .collect();
    assert!(!bars.is_empty() && bars.iter().all(|bar| bar.right() <= canvas.right()));
    // A missing claim in the inspector's list is clickable.
    let missing = model.claims.last().expect("claim");
    harness
        .get_by_label(&format!("• {}", argmap::model::excerpt(&missing.text, 70)))
        .click();
    harness.run();
    let ghost = harness
        .get_by_label(&format!("Missing claim: {}", missing.text))
        .rect();
    assert!(canvas.contains_rect(ghost));
}

#[test]
fn opening_another_map_recomputes_the_comparison() {
    let dir = tempfile::tempdir().expect("temp");
    let model_path = dir.path().join("model.ron");
    argmap::format::save(&common::small_map(), &model_path).expect("save");
    let mut other = Map::default();
    other
        .claims
        .push(claim(1, "Something else entirely.", 0.0, 0.0));
    let other_path = dir.path().join("other.ron");
    argmap::format::save(&other, &other_path).expect("save");
    let mut harness = classroom(common::small_map());
    harness.answer_dialogs(vec![Some(model_path), Some(other_path)]);
    harness.state_mut().act(Action::Command(Command::Compare));
    harness.run();
    let before = harness
        .app()
        .teach
        .comparison
        .as_ref()
        .expect("comparing")
        .result
        .claims
        .f1;
    assert!((before - 1.0).abs() < 1e-9, "the map is its own model");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    let after = harness
        .app()
        .teach
        .comparison
        .as_ref()
        .expect("still comparing")
        .result
        .claims
        .f1;
    assert!(after < 0.5, "scores for the map now open: {after}");
}

#[test]
fn a_drag_that_cuts_words_selects_them_whole() {
    let mut harness = classroom(common::debate());
    let text = argmap::corpus::article(&SourceId::new("kimmage-2018"))
        .expect("article")
        .text
        .clone();
    let passage = "one and only meeting";
    let start = text.find(passage).expect("passage") + 2; // inside "one"
    let end = start + passage.len() - 4; // inside "meeting"
    let (from, to) = {
        let reader = &harness.panels().reader;
        (reader.cursor_point(start), reader.cursor_point(end))
    };
    let (Some(from), Some(to)) = (from, to) else {
        panic!("the passage is drawn");
    };
    common::drag(&mut harness, from, to);
    let (s, e) = harness.app().view.reader.selected_span().expect("selected");
    assert_eq!(&text[s..e], passage);
    let _ = Pos2::ZERO;
}

/// The app in a window of `size`, both panes open, on `map`.
fn window_of(size: egui::Vec2, map: Map) -> Harness<'static, ArgmapApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .with_max_steps(400)
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |_| {
            let mut app = ArgmapApp::with_map(map, None, "map.ron");
            app.set_dialogs(Box::new(argmap::app::dialogs::ScriptedDialogs::default()));
            app
        });
    harness.run();
    harness
}

/// The labels of `map` painted whole at 11 px or more on the canvas, and
/// those that are not.
fn whole_labels(harness: &Harness<'static, ArgmapApp>, map: &Map) -> (usize, Vec<String>) {
    let canvas = harness.get_by_label("Map canvas").rect();
    let painted = painted_text(harness);
    let mut cut = Vec::new();
    for claim in &map.claims {
        let label = argmap::app::ui::canvas::cards::label_of(claim);
        let whole = painted
            .iter()
            .any(|(text, px, rect)| *text == label && *px >= 11.0 && canvas.contains_rect(*rect));
        if !whole {
            cut.push(label);
        }
    }
    (map.claims.len() - cut.len(), cut)
}

#[test]
fn on_a_laptop_every_shipped_map_at_fit_shows_whole_labels() {
    for example in argmap::corpus::examples() {
        let map = argmap::format::read(example.text.as_bytes(), argmap::format::Syntax::Ron)
            .expect("a shipped map");
        let harness = window_of(vec2(1366.0, 768.0), map.clone());
        let (whole, cut) = whole_labels(&harness, &map);
        assert!(
            cut.is_empty(),
            "{}: {whole} of {} labels whole at Fit (zoom {:.2}); cut: {cut:?}",
            example.file,
            map.claims.len(),
            harness.panels().canvas.view.zoom
        );
        // What Tidy judges layouts by counts what the canvas paints.
        let sizes = argmap::render::measure::Headless::default().sizes(&map);
        let canvas = harness.get_by_label("Map canvas").rect().size();
        let at = map.claims.iter().map(|c| (c.id, c.pos)).collect();
        let counted = argmap::render::measure::Headless::default()
            .fonts(|f| argmap::render::labels::labels_whole_at_fit(f, &map, &at, &sizes, canvas));
        assert_eq!(counted, whole, "{}: labels counted whole", example.file);
    }
}

/// Tidy on a laptop never leaves fewer labels whole at Fit than the map
/// showed before; where its own layout would, the map keeps its shape.
#[test]
fn on_a_laptop_tidy_never_leaves_fewer_labels_readable() {
    for example in argmap::corpus::examples() {
        let map = argmap::format::read(example.text.as_bytes(), argmap::format::Syntax::Ron)
            .expect("a shipped map");
        let mut harness = window_of(vec2(1366.0, 768.0), map.clone());
        let (before, _) = whole_labels(&harness, &map);
        harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::L);
        harness.run();
        let tidied = harness.app().doc.map.clone();
        let (after, cut) = whole_labels(&harness, &tidied);
        assert!(
            after >= before,
            "{}: {after} labels whole after Tidy, {before} before; cut {cut:?}",
            example.file
        );
    }
}
