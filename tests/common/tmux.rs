//! Driving the real binary inside tmux: send keys, read the screen.

use super::Shop;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub struct Tmux {
    session: String,
}

impl Tmux {
    /// Starts `shoutout --db <db>` in a 120×40 tmux session in the shop's folder, with `env`
    /// set; the exit code is written to `exit_file`.
    pub fn start(shop: &Shop, exit_file: &Path, env: &[(&str, &str)]) -> Tmux {
        static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let session = format!("shoutout-e2e-{}-{n}", std::process::id());
        let command = format!(
            "'{}' --db '{}'; echo $? > '{}'; sleep 60",
            env!("CARGO_BIN_EXE_shoutout"),
            shop.db.display(),
            exit_file.display()
        );
        let status = Command::new("tmux")
            .args(["new-session", "-d", "-s", &session, "-x", "120", "-y", "40"])
            .arg("-c")
            .arg(shop.dir.path())
            .args(["-e", "NO_COLOR=1"])
            .args(
                env.iter()
                    .flat_map(|(k, v)| ["-e".to_string(), format!("{k}={v}")]),
            )
            .arg(&command)
            .status()
            .expect("tmux runs");
        assert!(status.success());
        // Deliver Esc at once instead of waiting to see if it starts a sequence.
        Command::new("tmux")
            .args(["set-option", "-s", "escape-time", "0"])
            .status()
            .unwrap();
        Tmux { session }
    }

    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            let status = Command::new("tmux")
                .args(["send-keys", "-t", &self.session, k])
                .status()
                .unwrap();
            assert!(status.success());
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    pub fn text(&self, text: &str) {
        let status = Command::new("tmux")
            .args(["send-keys", "-t", &self.session, "-l", text])
            .status()
            .unwrap();
        assert!(status.success());
        std::thread::sleep(Duration::from_millis(60));
    }

    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.session])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text` (10 s at most).
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "timed out waiting for {text:?}; the screen shows:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.session])
            .stderr(std::process::Stdio::null())
            .status();
    }
}

pub fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether the tmux tests can run: in CI tmux must be there (.ci/run installs it); on a
/// developer's machine without tmux they are skipped with a note.
pub fn require_tmux() -> bool {
    if tmux_available() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "tmux is required in CI (.ci/run installs it)"
    );
    eprintln!("tmux not found: skipping a terminal end-to-end test");
    false
}
