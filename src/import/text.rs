//! From a file's bytes to UTF-8 CSV text: byte-order marks, UTF-16, Windows-1252 (what Excel
//! on Windows saves), and the delimiter (`,`, `;` with decimal commas, or tab).
//!
//! The encoding is decided from the first megabyte: a BOM wins; otherwise text that is valid
//! UTF-8 is UTF-8, and anything else is read as Windows-1252. The preview names the choice.

use super::lines::{LfOnly, LineLimit, MAX_LINE, Unwrap};
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
    /// A comma file that a spreadsheet re-saved with `;`: each line was one cell, so lines
    /// with quotes came back wrapped in quotes, and lines end in `;`. They are unwrapped.
    pub resaved: bool,
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
    let resaved = excel_resaved(&text);
    let delimiter = if resaved {
        let first = text.lines().next().unwrap_or("");
        choose_delimiter(&unwrap_line(first))
    } else {
        choose_delimiter(&text)
    };
    // A file whose first megabyte has no `\r` ends its lines in `\n` alone: no pass for it.
    let carriage_returns = memchr::memchr(b'\r', &head).is_some();
    let whole = Cursor::new(head).chain(input);
    let reader: Box<dyn Read + Send + 'a> = if encoding == UTF_8 && !carriage_returns {
        Box::new(LineLimit::new(whole, MAX_LINE))
    } else if encoding == UTF_8 {
        Box::new(LineLimit::new(LfOnly::new(whole), MAX_LINE))
    } else {
        Box::new(LineLimit::new(
            LfOnly::new(
                DecodeReaderBytesBuilder::new()
                    .bom_sniffing(true)
                    .strip_bom(true)
                    .encoding(Some(encoding))
                    .build(whole),
            ),
            MAX_LINE,
        ))
    };
    let reader: Box<dyn Read + Send + 'a> = if resaved {
        Box::new(Unwrap::new(reader))
    } else {
        reader
    };
    Ok(Sniffed {
        reader,
        encoding: encoding.name(),
        delimiter,
        not_text,
        resaved,
    })
}

/// Whether a line is one quoted cell holding a whole comma-separated row: it starts and ends
/// with a quote (after any trailing `;`), every quote inside is doubled, and it has a comma.
fn is_wrapped(line: &str) -> bool {
    let line = line.trim_end_matches(['\r', '\n']).trim_end_matches(';');
    let Some(inner) = line.strip_prefix('"').and_then(|l| l.strip_suffix('"')) else {
        return false;
    };
    inner.contains(',') && inner.replace("\"\"", "").find('"').is_none()
}

/// A line as it was before the spreadsheet re-saved it: trailing `;` dropped and, when
/// wrapped, the outer quotes removed and doubled quotes undoubled.
fn unwrap_line(line: &str) -> String {
    let (body, end) = match line
        .strip_suffix("\r\n")
        .or_else(|| line.strip_suffix('\n'))
    {
        Some(body) => (body, &line[body.len()..]),
        None => (line, ""),
    };
    let body = body.trim_end_matches('\r').trim_end_matches(';');
    if is_wrapped(body) {
        format!("{}{end}", body[1..body.len() - 1].replace("\"\"", "\""))
    } else {
        format!("{body}{end}")
    }
}

/// Whether the sample reads as a comma export re-saved by a spreadsheet with `;`: the header
/// ends with `;` outside quotes, or some of the first lines are wrapped rows.
fn excel_resaved(text: &str) -> bool {
    let mut lines = text.lines();
    let Some(header) = lines.next() else {
        return false;
    };
    let header = header.trim_end_matches('\r');
    let unwrapped = unwrap_line(header);
    if choose_delimiter(&unwrapped) != b',' || !unwrapped.contains(',') {
        return false;
    }
    (header.ends_with(';') && !header.ends_with("\";") && !header.contains(",;"))
        || is_wrapped(header)
        || lines.take(50).any(is_wrapped)
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

    proptest::proptest! {
        /// Whatever the rows hold (commas, quotes, semicolons in cells), a re-saved file
        /// reads back as the original: no row lost, none invented, none changed.
        #[test]
        fn a_resave_reads_back_as_the_original(
            rows in proptest::collection::vec(
                proptest::collection::vec("[a-z0-9 ,\"#.;-]{0,8}", 3), 1..12)
        ) {
            let mut original = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            original.write_record(["Name", "Note", "Total"]).unwrap();
            for row in &rows {
                original.write_record(row).unwrap();
            }
            let original = String::from_utf8(original.into_inner().unwrap()).unwrap();
            // What the spreadsheet writes: each line one cell, quoted when it holds a quote
            // or a `;`, and a `;` at the end of every line.
            let resaved: String = original
                .split_terminator("\r\n")
                .map(|line| {
                    if line.contains('"') || line.contains(';') {
                        format!("\"{}\";\r\n", line.replace('"', "\"\""))
                    } else {
                        format!("{line};\r\n")
                    }
                })
                .collect();
            let read = |text: &str| -> Vec<csv::StringRecord> {
                let s = sniff(text.as_bytes()).unwrap();
                csv::ReaderBuilder::new().delimiter(s.delimiter).from_reader(s.reader)
                    .records().map(Result::unwrap).collect()
            };
            proptest::prop_assert_eq!(read(&resaved), read(&original));
        }

        /// The same, with a spreadsheet modelled as it works: it reads the comma export as a
        /// `;` file (a quote opens a cell only at a cell's start; a `;` inside a comma cell
        /// splits it; a line break ends a row unless a `;` cell's quotes hold it), pads every
        /// row to the widest, and writes the cells back quoted where needed. Cells may hold
        /// commas, quotes, semicolons and line breaks; rows start with an order number. (A
        /// spreadsheet itself loses the quotes of a `;` cell that starts with one, so such
        /// files are not generated: no reader could tell what was there.)
        #[test]
        fn a_modelled_spreadsheet_resave_reads_back_as_the_original(
            rows in proptest::collection::vec(
                ("#[0-9]{1,4}", proptest::collection::vec(
                    "([a-z0-9 ,#.-]|\"[a-z]|[a-z];[a-z]|[a-z]\n[a-z]|[a-z],\"){0,5}", 2)),
                1..12)
        ) {
            let mut original = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new());
            original.write_record(["Name", "Note", "Total"]).unwrap();
            for (number, cells) in &rows {
                original.write_record([number, &cells[0], &cells[1]]).unwrap();
            }
            let original = original.into_inner().unwrap();
            let text = String::from_utf8_lossy(&original);
            // (Nor blank lines inside a cell: the model's reader would skip them, where a
            // spreadsheet keeps an empty row. Nor a `;` that ends a line: the re-save's own
            // `;` at the end of every line cannot be told from it. The cells' pieces are
            // chosen so that these are rare.)
            proptest::prop_assume!(
                !text.contains(";\"")
                    && !text.contains("\n\"")
                    && !text.contains("\n\n")
                    && !text.contains(";\r\n")
                    && !text.contains(";\n")
            );
            let sheet: Vec<csv::ByteRecord> = csv::ReaderBuilder::new()
                .delimiter(b';').has_headers(false).flexible(true)
                .from_reader(&original[..]).byte_records().map(Result::unwrap).collect();
            let width = sheet.iter().map(csv::ByteRecord::len).max().unwrap_or(1).max(2);
            let mut resaved = csv::WriterBuilder::new().delimiter(b';').flexible(true)
                .terminator(csv::Terminator::CRLF).from_writer(Vec::new());
            for row in &sheet {
                let mut cells: Vec<&[u8]> = row.iter().collect();
                cells.resize(width, b"");
                resaved.write_record(cells).unwrap();
            }
            let resaved = String::from_utf8(resaved.into_inner().unwrap()).unwrap();
            let read = |text: &str| -> Vec<csv::StringRecord> {
                let s = sniff(text.as_bytes()).unwrap();
                csv::ReaderBuilder::new().delimiter(s.delimiter).from_reader(s.reader)
                    .records().map(Result::unwrap).collect()
            };
            let original = String::from_utf8(original).unwrap().replace("\r\n", "\n");
            proptest::prop_assert_eq!(read(&resaved), read(&original));
        }

        /// Combined codes split back into exactly the codes joined, whichever separator.
        #[test]
        fn combined_codes_split_into_exactly_their_codes(
            codes in proptest::collection::btree_set("[A-Z0-9]{1,10}", 1..5),
            plus in proptest::bool::ANY,
        ) {
            let joined = codes.iter().cloned().collect::<Vec<_>>()
                .join(if plus { " + " } else { ", " });
            let split = crate::import::codes::split_codes_any(&joined, &[", ", " + "]);
            proptest::prop_assert_eq!(split, codes.into_iter().collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_spreadsheets_resave_is_unwrapped_and_a_normal_file_is_left_alone() {
        let resaved = "Name,Note,Total;\n\"#1,\"\"Mug, blue\"\",10.00\";\n#2,plain,5.00;\n";
        let (text, _, delimiter) = decode(resaved.as_bytes());
        assert_eq!(
            text,
            "Name,Note,Total\n#1,\"Mug, blue\",10.00\n#2,plain,5.00\n"
        );
        assert_eq!(delimiter, b',');
        // Without the trailing `;`, wrapped rows alone say it (line ends come out as `\n`).
        let (text, _, _) = decode(b"a,b\r\n\"1,\"\"x\"\"\"\r\n");
        assert_eq!(text, "a,b\n1,\"x\"\n");
        // Fully quoted fields are not a wrapped row; a `;` file is not a comma file.
        for normal in ["\"a\",\"b\"\n\"1\",\"2\"\n", "a;b\n\"1,5\";2\n"] {
            assert_eq!(decode(normal.as_bytes()).0, normal);
        }
    }

    #[test]
    fn every_line_end_becomes_a_newline_however_the_file_is_read() {
        let cases: [(&[u8], &str); 4] = [
            (b"a,b\r\n1,2\r\n", "a,b\n1,2\n"),
            (b"a,b\r1,2\r", "a,b\n1,2\n"),
            (b"a\r\r\nb\n\rc", "a\n\nb\n\nc"),
            (b"a,b\n1,2\n", "a,b\n1,2\n"),
        ];
        for (bytes, expected) in cases {
            for step in [1, 2, 3, 64] {
                let mut text = String::new();
                LfOnly::new(Trickle(bytes, step))
                    .read_to_string(&mut text)
                    .unwrap();
                assert_eq!(text, expected, "step {step}");
            }
        }
    }

    #[test]
    fn a_wrapped_row_unwraps_whatever_its_cells_hold() {
        // An address with a comma inside doubled quotes, a quoted name, a note over two
        // lines inside the wrapped row, and a row the spreadsheet split at a `;`.
        let resaved = "Name,Address,Note,Total;\r\n\
            \"#1,\"\"1 Main St, Apt 2\"\",\"\"Say \"\"\"\"hi\"\"\"\"\"\",10.00\";\r\n\
            \"#2,x,\"\"Thank you\r\nfor the mug\"\",5.00\";\r\n\
            \"#3,\"\"a\";\" b\"\",y,1.00\"\r\n";
        let (text, _, delimiter) = decode(resaved.as_bytes());
        assert_eq!(delimiter, b',');
        let rows: Vec<Vec<String>> = csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        assert_eq!(
            rows,
            [
                ["#1", "1 Main St, Apt 2", "Say \"hi\"", "10.00"],
                ["#2", "x", "Thank you\nfor the mug", "5.00"],
                ["#3", "a; b", "y", "1.00"],
            ]
        );
        // Each row starts on the line it started on in the file.
        let lines: Vec<u64> = csv::Reader::from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().position().unwrap().line())
            .collect();
        assert_eq!(lines, [2, 3, 5]);
    }

    /// Hands out at most `step` bytes a read: what a reader must cope with.
    struct Trickle<'a>(&'a [u8], usize);
    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

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
            ("Name;Café\n", "UTF-16LE", b';')
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
    fn a_line_of_the_limit_passes_and_one_byte_more_does_not_however_it_is_read() {
        let copy = |bytes: &[u8], step| {
            std::io::copy(
                &mut LineLimit::new(Trickle(bytes, step), 10),
                &mut std::io::sink(),
            )
        };
        let at_limit = [&[b'a'; 10][..], b"\n", &[b'b'; 10], b"\n", &[b'c'; 10]].concat();
        let past_it = [&[b'a'; 10][..], b"\n", &[b'b'; 11]].concat();
        for step in [1, 3, 7, 11, 64] {
            assert_eq!(copy(&at_limit, step).unwrap(), 32, "step {step}");
            assert!(copy(&past_it, step).is_err(), "step {step}");
        }
    }

    #[test]
    fn delimiter_follows_the_header_line() {
        assert_eq!(choose_delimiter("a;b;\"c,d\"\n1,2,3,4,5"), b';');
        assert_eq!(choose_delimiter("a\tb\tc"), b'\t');
        assert_eq!(choose_delimiter("one column"), b',');
    }
}
