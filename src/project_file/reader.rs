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

use serde::de::{self, DeserializeSeed, Visitor};

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

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn rest(&self) -> &'de [u8] {
        self.bytes.get(self.pos..).unwrap_or_default()
    }

    fn slice(&self, start: usize, end: usize) -> Result<&'de str> {
        match self.text.get(start..end) {
            Some(s) => Ok(s),
            None => self.refuse("not a character boundary"),
        }
    }

    fn expect(&mut self, byte: u8) -> Result<()> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            self.refuse("unexpected character")
        }
    }

    fn enter(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.refuse("nested too deeply");
        }
        Ok(())
    }

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

    /// The fields of a struct after its `(`, then the `)`.
    fn struct_body<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.enter()?;
        let value = visitor.visit_map(Commas::new(self, b')', Keys::Identifiers))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b')')?;
        Ok(value)
    }

    /// The elements of a tuple after its `(`, then the `)`.
    fn tuple_body<V: Visitor<'de>>(&mut self, visitor: V) -> Result<V::Value> {
        self.enter()?;
        let value = visitor.visit_seq(Commas::new(self, b')', Keys::Values))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b')')?;
        Ok(value)
    }
}

/// Names of the structs ron writes and reads in range syntax (`1..3`).
const RANGE_NAMES: [&str; 5] = [
    "Range",
    "RangeInclusive",
    "RangeFrom",
    "RangeTo",
    "RangeToInclusive",
];

/// The newtype name by which ron recognises its `RawValue`.
const RAW_VALUE_TOKEN: &str = "$ron::private::RawValue";

macro_rules! refuse_types {
    ($($method:ident($($arg:ident: $ty:ty),*);)*) => {
        $(
            fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* _visitor: V) -> Result<V::Value> {
                $(let _ = $arg;)*
                Err(Refused(concat!("left to ron: ", stringify!($method)).to_owned()))
            }
        )*
    };
}

impl<'de> de::Deserializer<'de> for &mut Reader<'de> {
    type Error = Refused;

    refuse_types! {
        // Self-describing reads serve untagged and internally tagged enums and unknown
        // fields, which project files do not use: ron decides.
        deserialize_any();
        deserialize_ignored_any();
        // Nothing saved is a float or bytes; ron's float syntax has many forms.
        deserialize_f32();
        deserialize_f64();
        deserialize_bytes();
        deserialize_byte_buf();
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.keyword()? {
            "true" => visitor.visit_bool(true),
            "false" => visitor.visit_bool(false),
            _ => self.refuse("expected a boolean"),
        }
    }

    fn deserialize_i8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i8(self.signed()?)
    }

    fn deserialize_i16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i16(self.signed()?)
    }

    fn deserialize_i32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i32(self.signed()?)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_i64(self.signed()?)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u8(self.unsigned()?)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u16(self.unsigned()?)
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u32(self.unsigned()?)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_u64(self.unsigned()?)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_char(self.char()?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.string()? {
            Text::Borrowed(s) => visitor.visit_borrowed_str(s),
            Text::Owned(s) => visitor.visit_string(s),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.keyword()? {
            "None" => visitor.visit_none(),
            "Some" => {
                self.skip_ws()?;
                self.expect(b'(')?;
                self.skip_ws()?;
                self.enter()?;
                let value = visitor.visit_some(&mut *self)?;
                self.leave();
                self.comma()?;
                self.expect(b')')?;
                Ok(value)
            }
            _ => self.refuse("expected an option"),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.rest().starts_with(b"()") {
            self.pos += 2;
            visitor.visit_unit()
        } else {
            self.refuse("expected `()`")
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        if name == RAW_VALUE_TOKEN {
            return self.refuse("raw value");
        }
        self.open_paren()?;
        self.skip_ws()?;
        self.enter()?;
        let value = visitor.visit_newtype_struct(&mut *self)?;
        self.leave();
        self.comma()?;
        self.expect(b')')?;
        Ok(value)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.expect(b'[')?;
        self.enter()?;
        let value = visitor.visit_seq(Commas::new(self, b']', Keys::Values))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b']')?;
        Ok(value)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.expect(b'(')?;
        self.tuple_body(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.open_paren()?;
        self.tuple_body(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        // ron reads a map whose visitor expects a struct (`#[serde(flatten)]`) with other
        // rules; leave those to it.
        struct Expecting<'a, V>(&'a V);
        impl<'de, V: Visitor<'de>> std::fmt::Display for Expecting<'_, V> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.expecting(f)
            }
        }
        if Expecting(&visitor).to_string().starts_with("struct ") {
            return self.refuse("flattened struct");
        }
        self.expect(b'{')?;
        self.enter()?;
        let value = visitor.visit_map(Commas::new(self, b'}', Keys::Values))?;
        self.leave();
        self.skip_ws()?;
        self.expect(b'}')?;
        Ok(value)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if RANGE_NAMES.contains(&name) {
            return self.refuse("range");
        }
        self.open_paren()?;
        self.struct_body(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.enter()?;
        let value = visitor.visit_enum(Enum(&mut *self))?;
        self.leave();
        Ok(value)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.ident()?)
    }
}

/// How the keys of a comma-separated body are read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keys {
    /// Struct fields: identifiers.
    Identifiers,
    /// Map keys (and sequence elements): values.
    Values,
}

/// The elements of a sequence, tuple, map or struct, as ron's `CommaSeparated`: a comma
/// after each element, optional after the last.
struct Commas<'a, 'de> {
    reader: &'a mut Reader<'de>,
    close: u8,
    keys: Keys,
    had_comma: bool,
}

impl<'a, 'de> Commas<'a, 'de> {
    fn new(reader: &'a mut Reader<'de>, close: u8, keys: Keys) -> Self {
        Self {
            reader,
            close,
            keys,
            had_comma: true,
        }
    }

    fn has_element(&mut self) -> Result<bool> {
        self.reader.skip_ws()?;
        let at_close = self.reader.peek() == Some(self.close);
        if self.had_comma {
            Ok(!at_close)
        } else if at_close {
            Ok(false)
        } else {
            self.reader.refuse("expected a comma")
        }
    }
}

impl<'de> de::SeqAccess<'de> for Commas<'_, 'de> {
    type Error = Refused;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        let value = seed.deserialize(&mut *self.reader)?;
        self.had_comma = self.reader.comma()?;
        Ok(Some(value))
    }
}

impl<'de> de::MapAccess<'de> for Commas<'_, 'de> {
    type Error = Refused;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        if !self.has_element()? {
            return Ok(None);
        }
        match self.keys {
            Keys::Identifiers => seed.deserialize(Identifier(&mut *self.reader)).map(Some),
            Keys::Values => seed.deserialize(&mut *self.reader).map(Some),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        self.reader.skip_ws()?;
        self.reader.expect(b':')?;
        self.reader.skip_ws()?;
        let value = seed.deserialize(&mut *self.reader)?;
        self.had_comma = self.reader.comma()?;
        Ok(value)
    }
}

/// A struct field name: read as an identifier whatever the type asks for, as ron does.
struct Identifier<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::Deserializer<'de> for Identifier<'_, 'de> {
    type Error = Refused;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_borrowed_str(self.0.ident()?)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_any(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_any(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_any(visitor)
    }

    refuse_types! {
        deserialize_bool();
        deserialize_i8();
        deserialize_i16();
        deserialize_i32();
        deserialize_i64();
        deserialize_u8();
        deserialize_u16();
        deserialize_u32();
        deserialize_u64();
        deserialize_f32();
        deserialize_f64();
        deserialize_char();
        deserialize_bytes();
        deserialize_byte_buf();
        deserialize_option();
        deserialize_unit();
        deserialize_unit_struct(name: &'static str);
        deserialize_newtype_struct(name: &'static str);
        deserialize_seq();
        deserialize_tuple(len: usize);
        deserialize_tuple_struct(name: &'static str, len: usize);
        deserialize_map();
        deserialize_struct(name: &'static str, fields: &'static [&'static str]);
        deserialize_enum(name: &'static str, variants: &'static [&'static str]);
        deserialize_ignored_any();
    }
}

/// An enum value: a variant name, then what that variant holds.
struct Enum<'a, 'de>(&'a mut Reader<'de>);

impl<'de> de::EnumAccess<'de> for Enum<'_, 'de> {
    type Error = Refused;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        self.0.skip_ws()?;
        let variant = seed.deserialize(&mut *self.0)?;
        Ok((variant, self))
    }
}

impl<'de> de::VariantAccess<'de> for Enum<'_, 'de> {
    type Error = Refused;

    fn unit_variant(self) -> Result<()> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        let reader = self.0;
        reader.skip_ws()?;
        reader.expect(b'(')?;
        reader.skip_ws()?;
        reader.enter()?;
        let value = seed.deserialize(&mut *reader)?;
        reader.leave();
        reader.comma()?;
        reader.expect(b')')?;
        Ok(value)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        let reader = self.0;
        reader.skip_ws()?;
        reader.expect(b'(')?;
        reader.tuple_body(visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        let reader = self.0;
        reader.skip_ws()?;
        reader.expect(b'(')?;
        reader.struct_body(visitor)
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
