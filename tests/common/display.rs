//! An X server of the test's own (Xvfb), for the real program in a real window.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn have(program: &str) -> bool {
    Command::new("sh")
        .args(["-c", &format!("command -v {program}")])
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// An X server of our own, ended when dropped.
pub struct Display {
    pub name: String,
    server: Child,
}

impl Display {
    pub fn start() -> Option<Self> {
        // The server picks a free display itself and writes its number to
        // its standard output once it accepts clients; `-noreset` keeps it
        // from restarting between one client leaving and the next arriving.
        let mut server = Command::new("Xvfb")
            .args(["-displayfd", "1", "-noreset", "-nolisten", "tcp"])
            .args(["-screen", "0", "1400x900x24"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let mut line = String::new();
        let stdout = server.stdout.take()?;
        let read = std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut line);
        let number = line.trim();
        if read.is_err() || number.is_empty() || !number.bytes().all(|b| b.is_ascii_digit()) {
            let _ = server.kill();
            let _ = server.wait();
            return None;
        }
        let display = Self {
            name: format!(":{number}"),
            server,
        };
        display.wait_ready().then_some(display)
    }

    pub fn wait_ready(&self) -> bool {
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if self.xdotool(&["getmouselocation"]).is_some() {
                return true;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        false
    }

    /// A screenshot of the whole screen, as PNG, through ImageMagick's `import`.
    pub fn screenshot(&self, out: &std::path::Path) -> bool {
        Command::new("import")
            .args(["-window", "root"])
            .arg(out)
            .env("DISPLAY", &self.name)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    }

    pub fn xdotool(&self, args: &[&str]) -> Option<String> {
        let output = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.name)
            .output()
            .ok()?;
        output
            .status
            .success()
            .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
    }
}

impl Drop for Display {
    fn drop(&mut self) {
        // Asked to end (not killed), the server removes its lock file.
        let _ = Command::new("kill")
            .args(["-TERM", &self.server.id().to_string()])
            .status();
        let _ = self.server.wait();
    }
}

/// How many different colours a PNG has (up to a limit): a blank window has one or two.
pub fn distinct_colours(png_file: &std::path::Path) -> usize {
    let Ok(file) = std::fs::File::open(png_file) else {
        return 0;
    };
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let Ok(mut reader) = decoder.read_info() else {
        return 0;
    };
    let Some(size) = reader.output_buffer_size() else {
        return 0;
    };
    let mut pixels = vec![0; size];
    let Ok(info) = reader.next_frame(&mut pixels) else {
        return 0;
    };
    let step = info.color_type.samples();
    let mut seen = std::collections::HashSet::new();
    for pixel in pixels[..info.buffer_size()].chunks(step) {
        seen.insert(pixel.to_vec());
        if seen.len() > 10_000 {
            break;
        }
    }
    seen.len()
}
