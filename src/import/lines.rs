//! Readers between a file's decoded text and the CSV parser: every line end read as `\n`
//! ([`LfOnly`]), a bound on a line's length ([`LineLimit`]), and a spreadsheet's `;` re-save
//! undone ([`Unwrap`]). `text::sniff` chooses which a file goes through.

use std::io::Read;

/// Undoes a spreadsheet's re-save record by record. The spreadsheet read each line of the
/// comma export as a `;`-separated row (mostly one cell holding the whole line) and wrote
/// the cells back quoted where they held a quote, a `;` or a line break. So the file is read
/// as that `;` file (quotes, doubled quotes and line breaks inside a cell as any CSV reader
/// reads them), and each record's cells joined again with `;`, the trailing empty ones (the
/// `;` it added at the end of every line) dropped: the original line, whatever its cells
/// held. A record starts on the line it started on before, so line numbers stay.
pub struct Unwrap<R> {
    inner: csv::Reader<R>,
    record: csv::ByteRecord,
    /// The line the next record would start on if no blank line came first.
    next_line: u64,
    out: Vec<u8>,
    at: usize,
}

impl<R: Read> Unwrap<R> {
    pub fn new(inner: R) -> Self {
        Unwrap {
            inner: csv::ReaderBuilder::new()
                .delimiter(b';')
                .has_headers(false)
                .flexible(true)
                .from_reader(inner),
            record: csv::ByteRecord::new(),
            next_line: 1,
            out: Vec::new(),
            at: 0,
        }
    }

    /// The next record as its original line(s) into `out`; false at the end.
    fn refill(&mut self) -> std::io::Result<bool> {
        self.out.clear();
        self.at = 0;
        let more = self.inner.read_byte_record(&mut self.record).map_err(|e| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!(
                    "a spreadsheet re-saved this file and its quotes do not pair up near line \
                     {} ({e}); export the orders from the shop again and import that file \
                     without opening it in a spreadsheet",
                    self.next_line
                ),
            )
        })?;
        if !more {
            return Ok(false);
        }
        // Blank lines the reader skipped keep their place.
        let line = self.record.position().map_or(self.next_line, |p| p.line());
        for _ in self.next_line..line {
            self.out.push(b'\n');
        }
        let used = self
            .record
            .iter()
            .rposition(|cell| !cell.is_empty())
            .map_or(0, |i| i + 1);
        for (i, cell) in self.record.iter().take(used).enumerate() {
            if i > 0 {
                self.out.push(b';');
            }
            self.out.extend_from_slice(cell);
        }
        self.out.push(b'\n');
        let breaks = self.out.iter().filter(|&&b| b == b'\n').count() as u64;
        self.next_line += breaks;
        Ok(true)
    }
}

impl<R: Read> Read for Unwrap<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.at == self.out.len() && !self.refill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.out.len() - self.at);
        buf[..n].copy_from_slice(&self.out[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

/// Passes text through with every line ending made `\n`: a `\r\n` and a lone `\r` (old Mac
/// files) alike. The csv reader counts lines by `\n` alone (and a record after a `\r\n` one
/// line early), so this is what makes every error name the line a text editor shows.
pub struct LfOnly<R> {
    inner: R,
    /// The last byte passed was a `\r`: a `\n` right after it is the same line end.
    after_cr: bool,
}

impl<R: Read> LfOnly<R> {
    pub fn new(inner: R) -> Self {
        LfOnly {
            inner,
            after_cr: false,
        }
    }
}

impl<R: Read> Read for LfOnly<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            if n == 0 {
                return Ok(0);
            }
            // Most files have no `\r` at all: nothing to move.
            if !self.after_cr && memchr::memchr(b'\r', &buf[..n]).is_none() {
                return Ok(n);
            }
            let mut kept = 0;
            for i in 0..n {
                let b = buf[i];
                if b == b'\n' && self.after_cr {
                    self.after_cr = false;
                    continue;
                }
                self.after_cr = b == b'\r';
                buf[kept] = if self.after_cr { b'\n' } else { b };
                kept += 1;
            }
            // A read that held only the `\n` of a `\r\n` passes nothing: read on (0 is the end).
            if kept > 0 {
                return Ok(kept);
            }
        }
    }
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
        // The run of bytes since the last line end, from one line end to the next.
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', &buf[..n]).chain([n]) {
            self.run += end - start;
            if self.run > self.max {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!(
                        "a line runs past {} MiB without ending: this is not a CSV export",
                        self.max >> 20
                    ),
                ));
            }
            if end < n {
                self.run = 0;
            }
            start = end + 1;
        }
        Ok(n)
    }
}
