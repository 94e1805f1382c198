//! Gives argmap.exe its icon on Windows: a resource script naming
//! `assets/icon.ico`, compiled by the MinGW resource compiler and linked
//! into the program. Other platforms need nothing here.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=assets/icon.ico");
    println!("cargo:rerun-if-changed=build.rs");
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let target_env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if target_os != "windows" {
        return;
    }
    if target_env != "gnu" {
        println!(
            "cargo:warning=argmap.exe gets no icon: only the GNU toolchain's windres is wired up"
        );
        return;
    }
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    let icon = manifest.join("assets").join("icon.ico");
    let script = out.join("argmap.rc");
    let icon_name = icon.display().to_string().replace('\\', "/");
    if std::fs::write(&script, format!("1 ICON \"{icon_name}\"\n")).is_err() {
        println!(
            "cargo:warning=argmap.exe gets no icon: could not write {}",
            script.display()
        );
        return;
    }
    let object = out.join("argmap-icon.o");
    let compiled = ["x86_64-w64-mingw32-windres", "windres"]
        .iter()
        .any(|windres| {
            Command::new(windres)
                .arg(&script)
                .args(["-O", "coff", "-o"])
                .arg(&object)
                .status()
                .is_ok_and(|s| s.success())
        });
    if compiled {
        println!("cargo:rustc-link-arg-bins={}", object.display());
    } else {
        println!("cargo:warning=argmap.exe gets no icon: no windres found");
    }
}
