//! Argmap in the browser: the same editor, started by eframe's web runner
//! on the page's canvas. Only files differ. A map or article the user picks
//! (or drops on the page, or links with `?map=URL`) is read into
//! [`memory`] under its file name and opened from there as on the desktop;
//! whatever Argmap writes there (Save, Export, a report) is handed to the
//! browser as a download. Unsaved work is kept in the browser's local
//! storage and offered back on the next visit, as recovery copies are on
//! the desktop.

use crate::app::ArgmapApp;
use crate::app::dialogs::{Answer, Arrived, FileDialogs, Request};
use crate::format::memory;
use crate::format::recovery::Found;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Where this visit's recovery copies are kept in [`memory`].
const RECOVERY_DIR: &str = "recovery";
/// The copy the last visit left, put back for the recovery window.
const LAST_VISIT: &str = "recovery/last-visit.ron";
/// The local-storage key holding unsaved work between visits.
const WORK_KEY: &str = "argmap-unsaved-work";

/// The page's entry point: called by the JS glue once the module loads.
#[wasm_bindgen(start)]
pub fn main() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("argmap: {info}").into());
    }));
    wasm_bindgen_futures::spawn_local(async {
        if let Err(error) = start().await {
            let message = format!("Argmap could not start: {}", js_message(&error));
            web_sys::console::error_1(&message.clone().into());
            set_loading_text(&message);
        }
    });
}

async fn start() -> Result<(), JsValue> {
    let canvas = document()?
        .get_element_by_id("argmap")
        .ok_or("the page has no canvas with the id \"argmap\"")?
        .dyn_into::<web_sys::HtmlCanvasElement>()?;
    let options = eframe::WebOptions {
        // WebGL 2 through glow: every browser that runs WebAssembly has it.
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::WebRunner::new()
        .start(
            canvas,
            options,
            Box::new(|cc| Ok(Box::new(WebApp::new(cc)))),
        )
        .await?;
    if let Some(loading) = document()?.get_element_by_id("loading") {
        loading.remove();
    }
    Ok(())
}

/// What the page's picker, drops and fetches have brought in, for the next
/// frame. They finish between frames, so delivering also wakes the editor.
#[derive(Clone)]
struct Inbox {
    arrived: Rc<RefCell<Vec<Arrived>>>,
    ctx: egui::Context,
}

impl Inbox {
    fn deliver(&self, arrived: Arrived) {
        self.arrived.borrow_mut().push(arrived);
        self.ctx.request_repaint();
    }
}

struct WebApp {
    app: ArgmapApp,
    inbox: Inbox,
    /// The [`memory`] generation last mirrored to local storage.
    mirrored: u64,
    /// The title last given to the page.
    title: String,
    /// The object URL of the last download, let go at the next one.
    download_url: Option<String>,
    /// The page's handler that asks before the tab closes on unsaved work,
    /// while there is any.
    leave_guard: Option<Closure<dyn FnMut(web_sys::BeforeUnloadEvent)>>,
}

impl WebApp {
    fn new(cc: &eframe::CreationContext<'_>) -> Self {
        let inbox = Inbox {
            arrived: Rc::default(),
            ctx: cc.egui_ctx.clone(),
        };
        let mut app = ArgmapApp::debate();
        app.set_dialogs(Box::new(PageDialogs {
            inbox: inbox.clone(),
        }));
        app.set_renderer("WebGL 2 in the browser".to_owned());
        app.enable_recovery(Path::new(RECOVERY_DIR));
        app.set_places(crate::app::state::Places {
            settings: Some("this browser's storage for the page".to_owned()),
            recovery: Some("this browser's storage for the page".to_owned()),
        });
        if let Some(text) = local_storage().and_then(|s| s.get_item(WORK_KEY).ok().flatten()) {
            let file = Path::new(LAST_VISIT);
            memory::put(file, text.into_bytes());
            if let Some(found) = Found::at(file) {
                app.offer_recovered(vec![found]);
            }
        }
        let location = &cc.integration_info.web_info.location;
        let linked = location
            .query_map
            .get("map")
            .and_then(|urls| urls.first().cloned())
            .or_else(|| hash_map_url(&location.hash));
        if let Some(url) = linked.filter(|u| !u.is_empty()) {
            fetch_map(url, inbox.clone());
        }
        Self {
            app,
            inbox,
            mirrored: u64::MAX,
            title: String::new(),
            download_url: None,
            leave_guard: None,
        }
    }

    /// Files dropped on the page come as names; their bytes are read
    /// (asynchronously) before the map opens.
    fn take_drops(&self) {
        let dropped = self.inbox.ctx.input(|i| i.raw.dropped_files.clone());
        if let Some(file) = dropped.into_iter().next() {
            let inbox = self.inbox.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let path = file_name_path(&file.path().to_string_lossy());
                let arrived = match file.bytes_async().await {
                    Ok(bytes) => {
                        memory::put(&path, bytes);
                        Arrived::Open(path)
                    }
                    Err(error) => Arrived::Failed(format!(
                        "Could not read the dropped file {}: {error}",
                        path.display()
                    )),
                };
                inbox.deliver(arrived);
            });
        }
    }

    /// Hands what Argmap wrote to the user as downloads, and keeps the
    /// recovery copy in local storage.
    fn hand_over(&mut self) {
        for (path, bytes) in memory::take_written() {
            if path.starts_with(RECOVERY_DIR) {
                continue;
            }
            match download(&path, &bytes, self.download_url.take()) {
                Ok(url) => self.download_url = Some(url),
                Err(error) => web_sys::console::error_1(
                    &format!(
                        "argmap: could not download {}: {}",
                        path.display(),
                        js_message(&error)
                    )
                    .into(),
                ),
            }
        }
        let generation = memory::generation();
        if generation == self.mirrored {
            return;
        }
        self.mirrored = generation;
        let Some(storage) = local_storage() else {
            return;
        };
        let copies = memory::list(Path::new(RECOVERY_DIR));
        // This visit's copy first; else the last visit's, while still on offer.
        let copy = copies
            .iter()
            .find(|p| p.as_path() != Path::new(LAST_VISIT))
            .or(copies.first())
            .and_then(|p| memory::read(p));
        let _ = match copy {
            Some(bytes) => storage.set_item(WORK_KEY, &String::from_utf8_lossy(&bytes)),
            None => storage.remove_item(WORK_KEY),
        };
    }

    /// The map's name and unsaved marker as the page's title; and while
    /// anything is unsaved, the browser asks before the tab closes (the
    /// unsaved-changes question of the desktop's close button).
    fn show_title(&mut self) {
        let title = self.app.state().window_title();
        if title == self.title {
            return;
        }
        if let Ok(document) = document() {
            document.set_title(&title);
        }
        self.title = title;
        let dirty = self.app.state().doc.is_dirty();
        if dirty != self.leave_guard.is_some()
            && let Some(window) = web_sys::window()
        {
            if dirty {
                let guard = Closure::<dyn FnMut(web_sys::BeforeUnloadEvent)>::new(
                    |event: web_sys::BeforeUnloadEvent| event.prevent_default(),
                );
                window.set_onbeforeunload(Some(guard.as_ref().unchecked_ref()));
                self.leave_guard = Some(guard);
            } else {
                window.set_onbeforeunload(None);
                self.leave_guard = None;
            }
        }
    }
}

impl eframe::App for WebApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.take_drops();
        self.app.frame(ui);
        self.hand_over();
        self.show_title();
    }
}

/// The page's file picker for files to read; a download for files to write.
struct PageDialogs {
    inbox: Inbox,
}

impl FileDialogs for PageDialogs {
    fn ask(&mut self, request: &Request) -> Answer {
        if request.saves() {
            let name = request.suggested().unwrap_or_else(|| "map.ron".to_owned());
            return Answer::Path(file_name_path(&name));
        }
        let mut dialog = rfd::AsyncFileDialog::new().set_title(request.title());
        for (name, extensions) in request.filters() {
            if !extensions.contains(&"*") {
                dialog = dialog.add_filter(name, extensions);
            }
        }
        let inbox = self.inbox.clone();
        let request = request.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Some(file) = dialog.pick_file().await {
                let path = file_name_path(&file.file_name());
                memory::put(&path, file.read().await);
                inbox.deliver(Arrived::File(request, path));
            }
        });
        Answer::Later
    }

    fn arrived(&mut self) -> Vec<Arrived> {
        std::mem::take(&mut self.inbox.arrived.borrow_mut())
    }
}

/// A file's name alone (the browser gives no folders), as a path in [`memory`].
fn file_name_path(name: &str) -> PathBuf {
    let name = name.rsplit(['/', '\\']).next().unwrap_or_default();
    PathBuf::from(if name.is_empty() { "map.ron" } else { name })
}

/// `#map=URL` in the page's address, for hosts that drop query strings.
fn hash_map_url(hash: &str) -> Option<String> {
    let rest = hash.trim_start_matches('#').strip_prefix("map=")?;
    Some(
        js_sys::decode_uri_component(rest)
            .map(String::from)
            .unwrap_or_else(|_| rest.to_owned()),
    )
}

/// Fetches the map a link names, then opens it.
fn fetch_map(url: String, inbox: Inbox) {
    wasm_bindgen_futures::spawn_local(async move {
        let arrived = match fetch_bytes(&url).await {
            Ok(bytes) => {
                let path_part = url.split(['?', '#']).next().unwrap_or_default();
                let path = file_name_path(path_part);
                memory::put(&path, bytes);
                Arrived::Open(path)
            }
            Err(error) => Arrived::Failed(format!("Could not open the linked map {url}: {error}")),
        };
        inbox.deliver(arrived);
    });
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|e| js_message(&e))?
        .dyn_into::<web_sys::Response>()
        .map_err(|e| js_message(&e))?;
    if !response.ok() {
        return Err(format!(
            "the server answered {} {}",
            response.status(),
            response.status_text()
        ));
    }
    let buffer = response.array_buffer().map_err(|e| js_message(&e))?;
    let buffer = JsFuture::from(buffer).await.map_err(|e| js_message(&e))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Offers `bytes` to the user as a download named after `path`. Returns the
/// object URL, to be let go after the browser has started the download.
fn download(path: &Path, bytes: &[u8], previous: Option<String>) -> Result<String, JsValue> {
    if let Some(url) = previous {
        web_sys::Url::revoke_object_url(&url)?;
    }
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let anchor = document()?
        .create_element("a")?
        .dyn_into::<web_sys::HtmlAnchorElement>()?;
    anchor.set_href(&url);
    anchor.set_download(&path.file_name().unwrap_or_default().to_string_lossy());
    anchor.click();
    Ok(url)
}

fn document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| "no document".into())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn set_loading_text(text: &str) {
    if let Ok(Some(loading)) = document().map(|d| d.get_element_by_id("loading")) {
        loading.set_text_content(Some(text));
    }
}

fn js_message(value: &JsValue) -> String {
    value
        .as_string()
        .or_else(|| {
            value
                .dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{value:?}"))
}
