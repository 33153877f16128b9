//! From a file's bytes to UTF-8 CSV text: byte-order marks, UTF-16, Windows-1252 (what Excel
//! on Windows saves), and the delimiter (`,`, `;` with decimal commas, or tab).
//!
//! The encoding is decided from the first megabyte: a BOM wins; otherwise text that is valid
//! UTF-8 is UTF-8, and anything else is read as Windows-1252. The preview names the choice.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};
use encoding_rs_io::DecodeReaderBytesBuilder;
use std::io::{Cursor, Read};

/// How many bytes are examined to choose the encoding and the delimiter.
const SAMPLE: usize = 1 << 20;

/// What a file is when its first bytes say it is not text: "a PNG image", "an Excel
/// workbook (.xlsx)", …
pub fn not_text(head: &[u8]) -> Option<&'static str> {
    const MAGIC: [(&[u8], &str); 10] = [
        (b"\x89PNG", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"%PDF", "a PDF document"),
        (
            b"PK\x03\x04",
            "an Excel workbook (.xlsx) or another ZIP file",
        ),
        (b"\xd0\xcf\x11\xe0", "an old Excel workbook (.xls)"),
        (b"SQLite format 3\0", "an SQLite database"),
        (b"\x1f\x8b", "a gzip archive"),
        (b"{\\rtf", "a rich-text document"),
        (b"\x7fELF", "a program"),
    ];
    if let Some((_, what)) = MAGIC.iter().find(|(magic, _)| head.starts_with(magic)) {
        return Some(what);
    }
    // UTF-16 text has NULs too, but with a BOM or in every other byte; anything else with
    // many NULs or control bytes is binary.
    if Encoding::for_bom(head).is_some() || choose_encoding(head) != UTF_8 {
        return None;
    }
    let sample = &head[..head.len().min(4096)];
    let odd = sample
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t')))
        .count();
    (sample.len() >= 64 && odd * 10 > sample.len()).then_some("a binary file")
}

/// The decoded text of a file and what was found out about it.
pub struct Sniffed<'a> {
    /// UTF-8 text (UTF-8 files pass straight through; the csv reader drops a BOM).
    pub reader: Box<dyn Read + Send + 'a>,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252`.
    pub encoding: &'static str,
    pub delimiter: u8,
    /// What the file is instead of text, if its first bytes say so.
    pub not_text: Option<&'static str>,
}

impl Sniffed<'_> {
    /// Files delimited by `;` come from locales that write decimals with a comma.
    pub fn decimal_comma(&self) -> bool {
        self.delimiter == b';'
    }
}

/// Examines the start of `input` and returns a reader of its UTF-8 text.
pub fn sniff<'a, R: Read + Send + 'a>(mut input: R) -> std::io::Result<Sniffed<'a>> {
    let mut head = Vec::with_capacity(64 * 1024);
    (&mut input).take(SAMPLE as u64).read_to_end(&mut head)?;
    let not_text = not_text(&head);
    let encoding = choose_encoding(&head);
    let (text, _, _) = encoding.decode(&head);
    let delimiter = choose_delimiter(&text);
    let whole = Cursor::new(head).chain(input);
    let reader: Box<dyn Read + Send + 'a> = if encoding == UTF_8 {
        Box::new(LineLimit::new(whole, MAX_LINE))
    } else {
        Box::new(LineLimit::new(
            DecodeReaderBytesBuilder::new()
                .bom_sniffing(true)
                .strip_bom(true)
                .encoding(Some(encoding))
                .build(whole),
            MAX_LINE,
        ))
    };
    Ok(Sniffed {
        reader,
        encoding: encoding.name(),
        delimiter,
        not_text,
    })
}

/// The longest line an export may have: far more than any real row (a 10 MB cell still
/// reads), and what keeps memory bounded when the input never ends a line (the zero device).
pub const MAX_LINE: usize = 32 << 20;

/// Passes text through, failing once a line runs longer than `max` bytes.
pub struct LineLimit<R> {
    inner: R,
    max: usize,
    run: usize,
}

impl<R: Read> LineLimit<R> {
    pub fn new(inner: R, max: usize) -> Self {
        LineLimit { inner, max, run: 0 }
    }
}

impl<R: Read> Read for LineLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        for &b in &buf[..n] {
            if b == b'\n' {
                self.run = 0;
            } else {
                self.run += 1;
                if self.run > self.max {
                    return Err(std::io::Error::new(
                        std::io::ErrorKind::InvalidData,
                        format!(
                            "a line runs past {} MiB without ending: this is not a CSV export",
                            self.max >> 20
                        ),
                    ));
                }
            }
        }
        Ok(n)
    }
}

fn choose_encoding(head: &[u8]) -> &'static Encoding {
    if let Some((encoding, _)) = Encoding::for_bom(head) {
        return encoding;
    }
    // UTF-16 without a BOM shows as NUL bytes between ASCII letters.
    let even_nuls = head
        .iter()
        .step_by(2)
        .take(200)
        .filter(|&&b| b == 0)
        .count();
    let odd_nuls = head
        .iter()
        .skip(1)
        .step_by(2)
        .take(200)
        .filter(|&&b| b == 0)
        .count();
    if head.len() >= 4 && odd_nuls > 50 && even_nuls == 0 {
        return UTF_16LE;
    }
    if head.len() >= 4 && even_nuls > 50 && odd_nuls == 0 {
        return UTF_16BE;
    }
    match std::str::from_utf8(head) {
        Ok(_) => UTF_8,
        // Cut in the middle of a character at the end of the sample: still UTF-8.
        Err(e) if e.error_len().is_none() => UTF_8,
        Err(_) => WINDOWS_1252,
    }
}

/// The delimiter used most on the header line (outside quotes): `,`, `;` or tab.
fn choose_delimiter(text: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> (String, &'static str, u8) {
        let mut s = sniff(bytes).unwrap();
        let mut text = String::new();
        s.reader.read_to_string(&mut text).unwrap();
        (text, s.encoding, s.delimiter)
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(decode(b"a,b\n1,2\n"), ("a,b\n1,2\n".into(), "UTF-8", b','));
        let (text, encoding, _) = decode(b"\xEF\xBB\xBFa,b\n");
        assert_eq!(encoding, "UTF-8");
        assert!(
            text.ends_with("a,b\n"),
            "the csv reader drops the BOM itself"
        );
    }

    #[test]
    fn utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Name;Café\r\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let (text, enc, delim) = decode(&bytes);
        assert_eq!(
            (text.as_str(), enc, delim),
            ("Name;Café\r\n", "UTF-16LE", b';')
        );
    }

    #[test]
    fn windows_1252_accents() {
        let (text, enc, _) = decode(b"Name,City\nJos\xE9,Z\xFCrich\n");
        assert_eq!(enc, "windows-1252");
        assert_eq!(text, "Name,City\nJosé,Zürich\n");
    }

    #[test]
    fn files_that_are_not_text_say_what_they_are() {
        assert_eq!(not_text(b"\x89PNG\r\n\x1a\n...."), Some("a PNG image"));
        assert!(not_text(b"PK\x03\x04rest").unwrap().contains("xlsx"));
        assert_eq!(not_text(&[0u8; 200]), Some("a binary file"));
        assert_eq!(not_text(b"Name,Email\n#1,a@b.c\n"), None);
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "Name;Email\r\n".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        assert_eq!(not_text(&utf16), None);
    }

    #[test]
    fn an_endless_line_stops_with_an_error() {
        let endless = std::io::repeat(0).take(10 << 20);
        let mut limited = LineLimit::new(endless, 1 << 20);
        let err = std::io::copy(&mut limited, &mut std::io::sink()).unwrap_err();
        assert!(err.to_string().contains("not a CSV export"), "{err}");
        let lines = std::io::repeat(b'\n').take(10 << 20);
        assert_eq!(
            std::io::copy(&mut LineLimit::new(lines, 1 << 20), &mut std::io::sink()).unwrap(),
            10 << 20
        );
    }

    #[test]
    fn delimiter_follows_the_header_line() {
        assert_eq!(choose_delimiter("a;b;\"c,d\"\n1,2,3,4,5"), b';');
        assert_eq!(choose_delimiter("a\tb\tc"), b'\t');
        assert_eq!(choose_delimiter("one column"), b',');
    }
}
