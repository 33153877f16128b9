//! Text that came from a file or a person, made safe to show on a terminal.
//!
//! A handle, a promo code, a campaign name or a cell of an order file may hold control
//! characters: an escape sequence can set the clipboard (OSC 52), retitle the window or hide
//! text, and a bidirectional override (U+202E) makes `gpj.exe` read `exe.jpg`. Nothing shoutout
//! prints or draws passes such a character through: [`visible`] shows each as a visible
//! stand-in, and [`VisibleWriter`] does the same to everything written through it.

use std::borrow::Cow;
use std::io::Write;

/// Whether a character must not reach a terminal as itself: C0 and C1 controls, DEL, and the
/// bidirectional formatting characters.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character shown instead of obeyed: a C0 control as its Unicode
/// control picture (ESC as `␛`, a line break as `␊`), DEL as `␡`, any other as `<U+202E>`.
/// Text without one is returned as it is, without a copy.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\0'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('?')),
        '\u{7F}' => out.push('␡'),
        c if is_unsafe(c) => out.push_str(&format!("<U+{:04X}>", c as u32)),
        c => out.push(c),
    }
}

/// At most `max` characters of `text`, made [`visible`], with `…` where it was cut: how an
/// error message quotes a bad cell or line.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        push_visible(&mut out, c);
    }
    out
}

/// A writer that passes text through with every unsafe character made visible, except line
/// breaks and tabs, which lay out lines and columns. Bytes that are not UTF-8 show as `�`.
/// The command line writes everything it prints through one.
pub struct VisibleWriter<W: Write> {
    inner: W,
    pending: Vec<u8>,
}

impl<W: Write> VisibleWriter<W> {
    pub fn new(inner: W) -> Self {
        VisibleWriter {
            inner,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, complete: bool) -> std::io::Result<()> {
        // Keep an incomplete UTF-8 sequence at the end for the next write.
        let upto = if complete {
            self.pending.len()
        } else {
            match std::str::from_utf8(&self.pending) {
                Ok(_) => self.pending.len(),
                Err(e) if e.error_len().is_none() => e.valid_up_to(),
                Err(_) => self.pending.len(),
            }
        };
        let text = String::from_utf8_lossy(&self.pending[..upto]).into_owned();
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match c {
                '\n' | '\t' => out.push(c),
                c => push_visible(&mut out, c),
            }
        }
        self.inner.write_all(out.as_bytes())?;
        self.pending.drain(..upto);
        Ok(())
    }
}

impl<W: Write> Write for VisibleWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        self.emit(false)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.emit(true)?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for VisibleWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_overrides_are_shown_not_obeyed() {
        assert_eq!(visible("clay_kiln"), "clay_kiln");
        assert!(matches!(visible("clay_kiln"), Cow::Borrowed(_)));
        assert_eq!(
            visible("\u{1b}]52;c;aGk=\u{7}x"),
            "␛]52;c;aGk=␇x",
            "OSC 52 cannot set the clipboard"
        );
        assert_eq!(visible("gpj\u{202E}exe"), "gpj<U+202E>exe");
        assert_eq!(visible("a\u{9b}31m"), "a<U+009B>31m");
        assert_eq!(visible("del\u{7f}"), "del␡");
        assert_eq!(visible("two\nlines"), "two␊lines");
    }

    #[test]
    fn excerpts_are_short_and_visible() {
        let long = "\u{1b}[2J".to_string() + &"x".repeat(10_000);
        let e = excerpt(&long, 20);
        assert_eq!(e.chars().count(), 21);
        assert!(e.starts_with("␛[2J") && e.ends_with('…'));
    }

    #[test]
    fn the_writer_keeps_lines_and_makes_the_rest_visible() {
        let mut out = Vec::new();
        {
            let mut w = VisibleWriter::new(&mut out);
            w.write_all("ok\tcol\n\u{1b}[31mred\n".as_bytes()).unwrap();
            // A character split across two writes still arrives whole.
            let e = "é".as_bytes();
            w.write_all(&e[..1]).unwrap();
            w.write_all(&e[1..]).unwrap();
            w.write_all(b"\xff\n").unwrap();
        }
        assert_eq!(String::from_utf8(out).unwrap(), "ok\tcol\n␛[31mred\né�\n");
    }
}
