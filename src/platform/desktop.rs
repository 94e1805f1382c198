//! The desktop window: its options, and the graphics renderers tried in
//! turn until one works, so a machine with an old or broken driver still
//! gets a window.

use crate::app::ArgmapApp;
use eframe::egui_wgpu::{WgpuConfiguration, WgpuSetup, WgpuSetupCreateNew};
use eframe::wgpu;
use std::cell::Cell;
use std::path::PathBuf;
use std::rc::Rc;

/// Where Argmap keeps its own files (recovery copies): `ARGMAP_DATA_DIR` if
/// set, else the platform's data folder for applications.
pub fn data_dir() -> Option<PathBuf> {
    std::env::var_os("ARGMAP_DATA_DIR")
        .map(PathBuf::from)
        .or_else(|| eframe::storage_dir("argmap"))
}

/// A way of drawing the window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Renderer {
    /// wgpu on the backends it picks itself (or those `WGPU_BACKEND` names).
    Wgpu,
    /// wgpu on one backend only.
    WgpuOn(wgpu::Backends),
    /// OpenGL through glow: the last resort.
    Glow,
}

impl Renderer {
    pub fn describe(self) -> String {
        match self {
            Self::Wgpu => "wgpu".to_owned(),
            Self::WgpuOn(backends) => format!("wgpu on {}", backend_names(backends)),
            Self::Glow => "OpenGL (glow)".to_owned(),
        }
    }
}

fn backend_names(backends: wgpu::Backends) -> String {
    let names = [
        (wgpu::Backends::VULKAN, "Vulkan"),
        (wgpu::Backends::DX12, "DirectX 12"),
        (wgpu::Backends::METAL, "Metal"),
        (wgpu::Backends::GL, "OpenGL"),
    ];
    let named: Vec<&str> = names
        .iter()
        .filter(|(b, _)| backends.contains(*b))
        .map(|(_, n)| *n)
        .collect();
    named.join(" or ")
}

/// The renderers to try, in order: wgpu as it chooses, then each of this
/// platform's backends alone, then OpenGL through glow. A backend named in
/// `WGPU_BACKEND` is honoured by the first; the rest still follow if it fails.
pub fn renderers() -> Vec<Renderer> {
    let mut order = vec![Renderer::Wgpu];
    let own = if cfg!(windows) {
        vec![
            wgpu::Backends::DX12,
            wgpu::Backends::VULKAN,
            wgpu::Backends::GL,
        ]
    } else if cfg!(target_os = "macos") {
        vec![wgpu::Backends::METAL]
    } else {
        vec![wgpu::Backends::VULKAN, wgpu::Backends::GL]
    };
    order.extend(own.into_iter().map(Renderer::WgpuOn));
    order.push(Renderer::Glow);
    order
}

fn options(renderer: Renderer) -> eframe::NativeOptions {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon.png"))
        .unwrap_or_default();
    let mut options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Argmap")
            .with_inner_size([1600.0, 1000.0])
            .with_min_inner_size([800.0, 500.0])
            .with_icon(icon)
            .with_app_id("argmap"),
        ..Default::default()
    };
    match renderer {
        Renderer::Wgpu => options.renderer = eframe::Renderer::Wgpu,
        Renderer::WgpuOn(backends) => {
            options.renderer = eframe::Renderer::Wgpu;
            let mut setup = WgpuSetupCreateNew::without_display_handle();
            setup.instance_descriptor.backends = backends;
            options.wgpu_options = WgpuConfiguration {
                wgpu_setup: WgpuSetup::CreateNew(setup),
                ..Default::default()
            };
        }
        Renderer::Glow => options.renderer = eframe::Renderer::Glow,
    }
    options
}

/// What the window ended up drawing with, for the log and Help ▸ About.
fn in_use(renderer: Renderer, cc: &eframe::CreationContext<'_>) -> String {
    if let Some(state) = &cc.wgpu_render_state {
        let info = state.adapter.get_info();
        return format!("wgpu on {:?} ({})", info.backend, info.name);
    }
    renderer.describe()
}

/// Opens the window. `path` is the map given on the command line.
pub fn run(path: Option<PathBuf>) -> eframe::Result {
    let mut last = None;
    for renderer in renderers() {
        // Once the editor has started, a failure is not the renderer's to retry.
        let started = Rc::new(Cell::new(false));
        let result = eframe::run_native(
            "Argmap",
            options(renderer),
            creator(path.clone(), renderer, Rc::clone(&started)),
        );
        match result {
            Err(error) if !started.get() => {
                eprintln!(
                    "argmap: could not draw with {}: {error}",
                    renderer.describe()
                );
                last = Some(error);
            }
            other => return other,
        }
    }
    Err(last.unwrap_or_else(|| eframe::Error::AppCreation("no renderer to try".into())))
}

fn creator(
    path: Option<PathBuf>,
    renderer: Renderer,
    started: Rc<Cell<bool>>,
) -> eframe::AppCreator<'static> {
    Box::new(move |cc| {
        started.set(true);
        let drawing = in_use(renderer, cc);
        eprintln!("argmap: drawing with {drawing}");
        let mut app = ArgmapApp::start(path.as_deref());
        app.set_renderer(drawing);
        app.restore(cc.storage);
        let recovery = data_dir().map(|dir| dir.join("recovery"));
        if let Some(dir) = &recovery {
            app.enable_recovery(dir);
        }
        app.set_places(crate::app::state::Places {
            // eframe keeps its storage in app.ron under the app id's folder.
            settings: eframe::storage_dir("argmap")
                .map(|dir| dir.join("app.ron").display().to_string()),
            recovery: recovery.map(|dir| dir.display().to_string()),
        });
        Ok(Box::new(app))
    })
}
