//! A fast reader for the part of RON that project files use, tried before ron itself.
//!
//! ron 0.12 reads a large project about five times slower than `serde_json` reads the same
//! data. This reader handles what the app writes and what a person editing a file by hand
//! typically adds (comments, raw strings, reordered fields, other white space): named-field
//! structs `(a: x)`, maps, sequences, tuples, strings with ron's escapes, characters,
//! integers, booleans, options and every kind of enum variant. Anything else — struct
//! names, raw identifiers, floats, number prefixes or suffixes, `\x` escapes, string
//! continuations, Unicode white space, extensions — it *refuses*, and so does it on every
//! error. [`super::parse_ron`] then reads the file with ron, which is the authority: it
//! either accepts the file or says where and why not.
//!
//! So the rule here is: produce exactly what ron would, or refuse. Never accept what ron
//! would read differently, never panic, stay linear in the size of the input, and nest no
//! deeper than [`MAX_DEPTH`]. Differential tests (tests/fast_reader.rs) and the fuzz target
//! hold it to that.

mod deserializer;

use serde::de;

/// Deepest nesting read before refusing (ron's own default recursion limit is 128 too).
pub(crate) const MAX_DEPTH: usize = 128;

/// The reader does not handle this input; ron must read it.
///
/// The reason is only for tests and debugging: users see ron's message instead.
#[derive(Debug)]
pub(crate) struct Refused(String);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

impl de::Error for Refused {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

type Result<T, E = Refused> = std::result::Result<T, E>;

/// Reads `text` as a `T`, or refuses. `text` must already have passed the checks of
/// [`super::parse_ron`] (no byte-order mark, no attributes).
pub(crate) fn from_str<'de, T: de::Deserialize<'de>>(text: &'de str) -> Result<T> {
    let mut reader = Reader {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
    };
    reader.skip_ws()?;
    if reader.peek() == Some(b'#') {
        return reader.refuse("attribute");
    }
    let value = T::deserialize(&mut reader)?;
    reader.skip_ws()?;
    if reader.pos != reader.bytes.len() {
        return reader.refuse("trailing characters");
    }
    Ok(value)
}

struct Reader<'de> {
    text: &'de str,
    bytes: &'de [u8],
    /// Always on a character boundary.
    pos: usize,
    depth: usize,
}

/// A string as read: borrowed from the input when it has no escapes.
enum Text<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl<'de> Reader<'de> {
    fn refuse<T>(&self, why: &str) -> Result<T> {
        Err(Refused(format!("{why} at byte {}", self.pos)))
    }

    #[inline]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    fn rest(&self) -> &'de [u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    fn slice(&self, start: usize, end: usize) -> Result<&'de str> {
        match self.text.get(start..end) {
            Some(s) => Ok(s),
            None => self.refuse("not a character boundary"),
        }
    }

    #[inline]
    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.refuse("unexpected character")
        }
    }

    #[inline]
    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.refuse("nested too deeply");
        }
        Ok(())
    }

    #[inline]
    fn leave(&mut self) {
        self.depth = self.depth.saturating_sub(1);
    }

    /// Skips ASCII white space and comments, as ron does. Unicode white space (which ron
    /// also skips) is left in place, so whatever comes next refuses.
    fn skip_ws(&mut self) -> Result<()> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C) => self.pos += 1,
                Some(b'/') => match self.bytes.get(self.pos + 1) {
                    Some(b'/') => match memchr::memchr(b'\n', self.rest()) {
                        Some(n) => self.pos += n + 1,
                        // ron's handling of a comment that ends the file is subtle.
                        None => return self.refuse("line comment at the end"),
                    },
                    Some(b'*') => self.skip_block_comment()?,
                    _ => return self.refuse("lone slash"),
                },
                _ => return Ok(()),
            }
        }
    }

    /// Block comments nest, as in ron; the scan is the same as ron's.
    fn skip_block_comment(&mut self) -> Result<()> {
        self.pos += 2;
        let mut level = 1usize;
        while level > 0 {
            let Some(n) = memchr::memchr2(b'/', b'*', self.rest()) else {
                return self.refuse("unclosed block comment");
            };
            self.pos += n;
            match self.bytes.get(self.pos..self.pos + 2) {
                Some(b"/*") => {
                    level += 1;
                    self.pos += 2;
                }
                Some(b"*/") => {
                    level -= 1;
                    self.pos += 2;
                }
                _ => self.pos += 1,
            }
        }
        Ok(())
    }

    /// `,` between optional white space: true when there was one (ron's `comma`).
    fn comma(&mut self) -> Result<bool> {
        self.skip_ws()?;
        if self.peek() == Some(b',') {
            self.pos += 1;
            self.skip_ws()?;
            Ok(true)
        } else {
            Ok(false)
        }
    }

    /// An ASCII identifier, or a raw one (`r#None`, as the writer writes a variant named like
    /// a keyword), without its `r#`. Refuses non-ASCII names and names followed by what ron
    /// would read as part of them (`.`, `+`, `-`) or as a string (`r"`, `b'`, `r#"`).
    fn ident(&mut self) -> Result<&'de str> {
        if self.rest().starts_with(b"r#") {
            self.pos += 2;
            // Unlike a plain one, a raw identifier may start with a digit.
            if !self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
            {
                return self.refuse("raw identifier left to ron");
            }
            return self.ident_chars();
        }
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => self.ident_chars(),
            _ => self.refuse("expected an identifier"),
        }
    }

    /// A keyword (`None`, `Some`, `true`, `false`): a plain identifier, never a raw one,
    /// which ron reads as a name, not as the keyword.
    fn keyword(&mut self) -> Result<&'de str> {
        if self.rest().starts_with(b"r#") {
            return self.refuse("raw identifier where a keyword is expected");
        }
        self.ident()
    }

    /// The rest of an identifier from its first character.
    fn ident_chars(&mut self) -> Result<&'de str> {
        let start = self.pos;
        let mut end = start;
        while let Some(b) = self.bytes.get(end)
            && (b.is_ascii_alphanumeric() || *b == b'_')
        {
            end += 1;
        }
        if let Some(b) = self.bytes.get(end)
            && (*b >= 0x80 || matches!(b, b'.' | b'+' | b'-' | b'"' | b'\'' | b'#'))
        {
            return self.refuse("identifier ron reads differently");
        }
        let ident = self.slice(start, end)?;
        self.pos = end;
        Ok(ident)
    }

    /// Decimal digits, no sign, no leading zero, no suffix.
    fn digits(&mut self) -> Result<u64> {
        let start = self.pos;
        let mut end = start;
        let mut value: u64 = 0;
        while let Some(b) = self.bytes.get(end)
            && b.is_ascii_digit()
        {
            let Some(next) = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(b - b'0')))
            else {
                return self.refuse("integer too large");
            };
            value = next;
            end += 1;
        }
        if end == start {
            return self.refuse("expected an integer");
        }
        if end - start > 1 && self.bytes.get(start) == Some(&b'0') {
            return self.refuse("leading zero");
        }
        if let Some(b) = self.bytes.get(end)
            && (b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.') || *b >= 0x80)
        {
            return self.refuse("number ron reads differently");
        }
        self.pos = end;
        Ok(value)
    }

    fn unsigned<T: TryFrom<u64>>(&mut self) -> Result<T> {
        let value = self.digits()?;
        match T::try_from(value) {
            Ok(v) => Ok(v),
            Err(_) => self.refuse("integer out of range"),
        }
    }

    fn signed<T: TryFrom<i64>>(&mut self) -> Result<T> {
        let negative = self.peek() == Some(b'-');
        if negative {
            self.pos += 1;
        }
        let magnitude = self.digits()?;
        let value = if negative {
            0i64.checked_sub_unsigned(magnitude)
        } else {
            i64::try_from(magnitude).ok()
        };
        match value.map(T::try_from) {
            Some(Ok(v)) => Ok(v),
            _ => self.refuse("integer out of range"),
        }
    }

    /// A string in double quotes (with ron's escapes) or a raw string `r#"…"#`.
    fn string(&mut self) -> Result<Text<'de>> {
        match self.peek() {
            Some(b'"') => self.escaped_string(),
            Some(b'r') => self.raw_string(),
            _ => self.refuse("expected a string"),
        }
    }

    fn escaped_string(&mut self) -> Result<Text<'de>> {
        self.pos += 1;
        let start = self.pos;
        let Some(n) = memchr::memchr2(b'"', b'\\', self.rest()) else {
            return self.refuse("unterminated string");
        };
        self.pos += n;
        if self.peek() == Some(b'"') {
            let text = self.slice(start, self.pos)?;
            self.pos += 1;
            return Ok(Text::Borrowed(text));
        }
        let mut out = String::with_capacity(n + 16);
        out.push_str(self.slice(start, self.pos)?);
        // At a backslash.
        loop {
            self.pos += 1;
            let c = self.escape()?;
            out.push(c);
            let Some(n) = memchr::memchr2(b'"', b'\\', self.rest()) else {
                return self.refuse("unterminated string");
            };
            out.push_str(self.slice(self.pos, self.pos + n)?);
            self.pos += n;
            if self.peek() == Some(b'"') {
                self.pos += 1;
                return Ok(Text::Owned(out));
            }
        }
    }

    /// The character an escape stands for, just after its backslash. `\x` escapes and
    /// string continuations are refused.
    fn escape(&mut self) -> Result<char> {
        let c = match self.peek() {
            Some(b'\'') => '\'',
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'0') => '\0',
            Some(b'u') => {
                self.pos += 1;
                return self.unicode_escape();
            }
            _ => return self.refuse("escape left to ron"),
        };
        self.pos += 1;
        Ok(c)
    }

    /// `{1F600}` after `\u`: one to six hex digits, as ron reads them.
    fn unicode_escape(&mut self) -> Result<char> {
        self.expect(b'{')?;
        let mut code: u32 = 0;
        let mut digits = 0;
        while digits < 6 {
            let Some(b) = self.peek() else {
                return self.refuse("unterminated escape");
            };
            if b == b'}' {
                break;
            }
            let Some(d) = char::from(b).to_digit(16) else {
                return self.refuse("not a hex digit");
            };
            code = (code << 4) | d;
            digits += 1;
            self.pos += 1;
        }
        if digits == 0 {
            return self.refuse("empty escape");
        }
        self.expect(b'}')?;
        match char::from_u32(code) {
            Some(c) => Ok(c),
            None => self.refuse("not a character"),
        }
    }

    /// `r"…"`, `r#"…"#`: the text up to the first `"` followed by as many `#`.
    fn raw_string(&mut self) -> Result<Text<'de>> {
        self.pos += 1;
        let hashes_start = self.pos;
        while self.peek() == Some(b'#') {
            self.pos += 1;
        }
        let hashes = self.pos - hashes_start;
        self.expect(b'"')?;
        let start = self.pos;
        let mut search = start;
        loop {
            let Some(n) = self
                .bytes
                .get(search..)
                .and_then(|rest| memchr::memchr(b'"', rest))
            else {
                return self.refuse("unterminated raw string");
            };
            let quote = search + n;
            let after = quote + 1;
            // Stops at the first byte that is not `#`: each byte is looked at for one
            // quote only, so the search stays linear.
            let closed = (after..after + hashes).all(|i| self.bytes.get(i) == Some(&b'#'));
            if closed {
                let text = self.slice(start, quote)?;
                self.pos = after + hashes;
                return Ok(Text::Borrowed(text));
            }
            search = after;
        }
    }

    /// `'c'`, `'\n'`, `'\u{4E2D}'`.
    fn char(&mut self) -> Result<char> {
        self.expect(b'\'')?;
        let c = if self.peek() == Some(b'\\') {
            self.pos += 1;
            self.escape()?
        } else {
            let Some(c) = self.text.get(self.pos..).and_then(|s| s.chars().next()) else {
                return self.refuse("expected a character");
            };
            self.pos += c.len_utf8();
            c
        };
        self.expect(b'\'')?;
        Ok(c)
    }

    /// Where a struct or tuple may be preceded by its name: a name is left to ron (which
    /// checks it against the type).
    fn open_paren(&mut self) -> Result<()> {
        if self.peek() == Some(b'(') {
            self.pos += 1;
            Ok(())
        } else {
            self.refuse("expected `(`")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project_file::{ProjectFile, to_ron_string};

    #[test]
    fn reads_what_the_app_writes() {
        for project in [
            crate::model::Project::default(),
            crate::synthetic::generate(crate::synthetic::Size::people(3_000), 7),
        ] {
            let text = to_ron_string(&project).unwrap();
            let read = from_str::<ProjectFile>(&text);
            let Err(err) = read else { continue };
            let at: usize = err.0.rsplit(' ').next().unwrap().parse().unwrap();
            panic!("{err}: {:?}", text.get(at.saturating_sub(200)..at + 50));
        }
    }
}
