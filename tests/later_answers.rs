//! Files that come later: in the browser the file picker answers after the
//! frame that asked, a dropped map's bytes are read asynchronously, and a
//! linked map is fetched. The editor takes such answers through
//! `FileDialogs::arrived`; these tests drive that path with the real
//! editor, as the page does.

mod common;

use argmap::app::dialogs::{Answer, Arrived, FileDialogs, Request};
use common::AppHarness;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

const MAPS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/maps");

/// Dialogs that, like the browser's, answer in a later frame: the test
/// decides what arrives and when.
#[derive(Clone, Default)]
struct Later {
    asked: Rc<RefCell<Vec<Request>>>,
    inbox: Rc<RefCell<Vec<Arrived>>>,
}

impl FileDialogs for Later {
    fn ask(&mut self, request: &Request) -> Answer {
        self.asked.borrow_mut().push(request.clone());
        Answer::Later
    }

    fn arrived(&mut self) -> Vec<Arrived> {
        std::mem::take(&mut self.inbox.borrow_mut())
    }
}

fn map_file(name: &str) -> PathBuf {
    Path::new(MAPS).join(name)
}

#[test]
fn a_map_picked_after_the_frame_that_asked_opens_when_it_arrives() {
    let mut harness = common::harness(common::debate(), None, "kimmage-kramer-debate.ron");
    let later = Later::default();
    harness.state_mut().set_dialogs(Box::new(later.clone()));
    let before = harness.app().doc.map.clone();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert_eq!(*later.asked.borrow(), vec![Request::OpenMap]);
    assert_eq!(
        harness.app().doc.map,
        before,
        "nothing opens until the file arrives"
    );

    let file = map_file("kramer-alone.ron");
    later
        .inbox
        .borrow_mut()
        .push(Arrived::File(Request::OpenMap, file.clone()));
    harness.run();
    assert_eq!(
        harness.app().doc.map,
        argmap::format::load(&file).expect("map")
    );
    assert!(harness.app().window_title().starts_with("kramer-alone.ron"));
    assert!(
        harness.panels().canvas.view.zoom < 1.0,
        "the map that arrived is fitted to the view (zoom {})",
        harness.panels().canvas.view.zoom
    );
}

#[test]
fn a_dropped_or_linked_map_asks_about_unsaved_changes_first() {
    let mut harness = common::harness(common::small_map(), None, "mine.ron");
    let later = Later::default();
    harness.state_mut().set_dialogs(Box::new(later.clone()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.run();
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(harness.app().doc.is_dirty());
    let edited = harness.app().doc.map.clone();

    let file = map_file("kimmage-alone.ron");
    later.inbox.borrow_mut().push(Arrived::Open(file.clone()));
    harness.run();
    assert!(
        harness.app().prompt.is_some(),
        "the unsaved-changes question is asked"
    );
    assert_eq!(harness.app().doc.map, edited, "nothing replaced yet");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(harness.app().doc.map, edited, "cancelled: the work stays");

    later.inbox.borrow_mut().push(Arrived::Open(file.clone()));
    harness.run();
    harness.get_by_label("Don’t save").click();
    harness.run();
    assert_eq!(
        harness.app().doc.map,
        argmap::format::load(&file).expect("map")
    );
}

#[test]
fn a_link_that_cannot_be_fetched_says_why_and_keeps_the_map() {
    let mut harness = common::harness(common::small_map(), None, "mine.ron");
    let later = Later::default();
    harness.state_mut().set_dialogs(Box::new(later.clone()));
    later.inbox.borrow_mut().push(Arrived::Failed(
        "Could not open the linked map https://example.org/x.ron: the server answered 404 Not Found"
            .into(),
    ));
    harness.run();
    assert!(harness.app().status.error.contains("404 Not Found"));
    assert_eq!(harness.app().doc.map, common::small_map());
}

#[test]
fn the_model_answer_picked_later_is_compared_with() {
    let mut harness = common::harness(
        argmap::format::load(&map_file("kimmage-alone.ron")).expect("map"),
        None,
        "kimmage-alone.ron",
    );
    let later = Later::default();
    harness.state_mut().set_dialogs(Box::new(later.clone()));
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::M);
    harness.run();
    assert_eq!(*later.asked.borrow(), vec![Request::Model]);
    later.inbox.borrow_mut().push(Arrived::File(
        Request::Model,
        map_file("kimmage-kramer-debate.ron"),
    ));
    harness.run();
    assert!(
        harness.app().status.error.is_empty(),
        "{}",
        harness.app().status.error
    );
    assert!(
        harness.app().teach.comparison.is_some(),
        "the comparison is shown"
    );
}
