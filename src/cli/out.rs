//! Everything the command line prints goes through [`SafeWriter`]: text
//! that came from a user or a file (notes, names, file names, an old
//! database's raw text) cannot send escape sequences to the terminal.
//! Control characters are shown as symbols (␛); in JSON the characters a
//! terminal acts on are written as `\uXXXX` escapes, the same value.

use std::io::Write;

use crate::display::{json_safe, terminal_safe};

/// How output is made safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Tables, text, CSV: control characters shown as symbols.
    Text,
    /// JSON: the same characters as `\uXXXX` escapes (lossless).
    Json,
}

/// A writer that makes what passes through it safe for a terminal. Bytes
/// of a character split between two writes wait for the rest.
pub struct SafeWriter<W: Write> {
    inner: W,
    mode: Mode,
    carry: Vec<u8>,
}

impl<W: Write> SafeWriter<W> {
    pub fn new(inner: W, mode: Mode) -> SafeWriter<W> {
        SafeWriter {
            inner,
            mode,
            carry: Vec::new(),
        }
    }

    fn put(&mut self, text: &str) -> std::io::Result<()> {
        match self.mode {
            Mode::Text => self.inner.write_all(terminal_safe(text).as_bytes()),
            Mode::Json => {
                let j = json_safe(text);
                self.inner.write_all(terminal_safe(&j).as_bytes())
            }
        }
    }
}

impl<W: Write> Write for SafeWriter<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.carry.extend_from_slice(buf);
        let data = std::mem::take(&mut self.carry);
        let (good, rest) = match std::str::from_utf8(&data) {
            Ok(s) => (s, &[][..]),
            Err(e) => {
                let n = e.valid_up_to();
                let good = std::str::from_utf8(&data[..n]).unwrap_or_default();
                match e.error_len() {
                    // an incomplete character at the end: keep it for later
                    None => (good, &data[n..]),
                    // not UTF-8 at all: shown as U+FFFD
                    Some(bad) => {
                        self.put(good)?;
                        self.inner.write_all("\u{fffd}".as_bytes())?;
                        self.carry = data[n + bad..].to_vec();
                        return Ok(buf.len());
                    }
                }
            }
        };
        self.put(good)?;
        self.carry = rest.to_vec();
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.carry.is_empty() {
            let rest = String::from_utf8_lossy(&std::mem::take(&mut self.carry)).into_owned();
            self.put(&rest)?;
        }
        self.inner.flush()
    }
}

/// Standard output, made safe, in `mode`.
pub fn stdout(mode: Mode) -> SafeWriter<std::io::StdoutLock<'static>> {
    SafeWriter::new(std::io::stdout().lock(), mode)
}

/// Writes to stdout, treating a closed pipe (`| head`) as success.
pub fn emit(text: &str) -> anyhow::Result<()> {
    let mut out = stdout(Mode::Text);
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => Ok(r?),
    }
}

/// A line on standard error, made safe (warnings and errors quote values).
pub fn say(line: &str) {
    eprintln!("{}", terminal_safe(line));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_character_split_between_writes_arrives_whole() {
        let mut w = SafeWriter::new(Vec::new(), Mode::Text);
        let text = "ड\u{1b}x";
        let bytes = text.as_bytes();
        w.write_all(&bytes[..1]).expect("write");
        w.write_all(&bytes[1..]).expect("write");
        w.flush().expect("flush");
        assert_eq!(String::from_utf8(w.inner).expect("utf-8"), "ड␛x");
    }

    #[test]
    fn json_stays_json() {
        let mut w = SafeWriter::new(Vec::new(), Mode::Json);
        let json = serde_json::to_string(&"a\u{202e}b\u{1b}c").expect("json");
        w.write_all(json.as_bytes()).expect("write");
        w.flush().expect("flush");
        let out = String::from_utf8(w.inner).expect("utf-8");
        let back: String = serde_json::from_str(&out).expect("JSON");
        assert_eq!(back, "a\u{202e}b\u{1b}c");
    }
}
