//! What the command line prints is text for a terminal, whatever a project or a list
//! holds: a name with ESC, BEL, NUL or a right-to-left override must neither drive the
//! terminal (colours, the window title, a cleared screen) nor reorder what is shown.
//!
//! Two layers, one spelling ([`crate::model::escape_text`]): every name, title, id, file
//! name and quoted text is escaped where a line is put together ([`shown`], [`shown_path`]),
//! so that it stays on its line; and [`Terminal`] wraps standard error, and standard output
//! for the commands that print text, escaping on the way out whatever control character
//! a library's message may still hold (lines and tabs aside, which are the output's own).

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

/// A field as a line of output shows it: [`crate::model::escape_text`].
pub(super) fn shown(text: &str) -> Cow<'_, str> {
    crate::model::escape_text(text)
}

/// A file name as a line of output shows it.
pub(super) fn shown_path(path: &Path) -> String {
    crate::model::escape_path(path)
}

/// A writer of text lines that escapes every control and invisible character but the line
/// breaks and tabs of the output itself; backslashes are left alone (they are the escapes
/// of the fields already escaped). Bytes that are not UTF-8 are written as `\x{ff}`.
pub struct Terminal<'w> {
    inner: &'w mut dyn Write,
    /// The start of a character split between two writes.
    pending: Vec<u8>,
}

impl<'w> Terminal<'w> {
    /// Escapes what is written to `inner`.
    pub fn new(inner: &'w mut dyn Write) -> Self {
        Self {
            inner,
            pending: Vec::new(),
        }
    }

    fn emit(&mut self, text: &str, out: &mut String) {
        for c in text.chars() {
            if matches!(c, '\n' | '\t') {
                out.push(c);
            } else {
                crate::model::push_escaped(out, c, false);
            }
        }
    }
}

impl Write for Terminal<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let mut bytes = std::mem::take(&mut self.pending);
        bytes.extend_from_slice(buf);
        let mut out = String::with_capacity(bytes.len());
        let mut rest = bytes.as_slice();
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    self.emit(text, &mut out);
                    break;
                }
                Err(err) => {
                    let (good, bad) = rest.split_at(err.valid_up_to());
                    // Valid up to there by the error's own word.
                    self.emit(std::str::from_utf8(good).unwrap_or_default(), &mut out);
                    match err.error_len() {
                        Some(len) => {
                            for byte in bad.iter().take(len) {
                                out.push_str(&format!("\\x{{{byte:02x}}}"));
                            }
                            rest = bad.get(len..).unwrap_or_default();
                        }
                        None => {
                            // A character cut at the end of this write: kept for the next.
                            self.pending = bad.to_vec();
                            break;
                        }
                    }
                }
            }
        }
        self.inner.write_all(out.as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let pending = std::mem::take(&mut self.pending);
        for byte in pending {
            write!(self.inner, "\\x{{{byte:02x}}}")?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> String {
        let mut sink = Vec::new();
        {
            let mut terminal = Terminal::new(&mut sink);
            for part in parts {
                terminal.write_all(part).unwrap();
            }
            terminal.flush().unwrap();
        }
        String::from_utf8(sink).unwrap()
    }

    #[test]
    fn a_terminal_sees_escapes_never_control_characters() {
        assert_eq!(
            through(&["HUANG Jixian 黄继先\tCCAA\n".as_bytes()]),
            "HUANG Jixian 黄继先\tCCAA\n"
        );
        assert_eq!(
            through(&["p.ron: \u{1b}]0;owned\u{7}\u{1b}[2J \0 Wang\u{202E}gnaW\r\n".as_bytes()]),
            "p.ron: \\u{1b}]0;owned\\u{7}\\u{1b}[2J \\u{0} Wang\\u{202e}gnaW\\r\n"
        );
        // Fields escaped before keep their backslashes as they are.
        assert_eq!(through(&[br"a\u{1b}b C:\x"]), r"a\u{1b}b C:\x");
        // A character split between two writes arrives whole; bytes that are no UTF-8
        // are shown as such.
        let bytes = "黄".as_bytes();
        assert_eq!(through(&[&bytes[..1], &bytes[1..]]), "黄");
        assert_eq!(through(&[b"a\xffb"]), "a\\x{ff}b");
        assert_eq!(through(&[b"cut \xe9\xbb"]), "cut \\x{e9}\\x{bb}");
    }
}
