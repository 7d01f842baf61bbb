//! A fast serializer that writes exactly the text ron's pretty serializer writes with
//! [`super::save::pretty_config`] (two-space indent, `\n`, no struct names, strings escaped).
//!
//! ron's serializer goes through `fmt::Write` one `char` at a time when escaping, which made
//! saving a large project about ten times slower than `serde_json`. This one appends to a
//! single `String`, copies runs of characters that need no escaping in one go and formats
//! integers with `itoa`. The on-disk format must not change by a byte: tests compare its
//! output with ron's (the oracle, [`super::to_ron_string_reference`]) on the samples, the
//! synthetic projects and property-generated ones.
//!
//! Differences from ron, on purpose: no recursion limit (the saved types are not recursive,
//! so their depth is bounded by the types themselves) and no support for ron's extensions
//! or range syntax, which the pretty configuration does not turn on.

use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::Serialize;
use serde::ser;

/// Why a value could not be written: the same cases in which ron refuses it.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// A `Serialize` implementation reported an error (e.g. a path that is not Unicode).
    #[error("{0}")]
    Message(String),
    /// A struct, field or variant name that RON cannot express.
    #[error("invalid identifier `{0}`")]
    InvalidIdentifier(String),
}

impl ser::Error for WriteError {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Self::Message(msg.to_string())
    }
}

type Result<T, E = WriteError> = std::result::Result<T, E>;

/// `value` as pretty RON text, byte for byte what
/// `ron::ser::to_string_pretty(value, pretty_config())` returns.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> Result<String> {
    let mut writer = Writer {
        out: String::with_capacity(64 * 1024),
        indent: 0,
        is_empty: None,
        scratch: String::new(),
        printable: printable_bmp(),
        names: [None; NAME_SLOTS],
    };
    value.serialize(&mut writer)?;
    Ok(writer.out)
}

/// One bit per Basic Multilingual Plane character: set when `char::escape_debug` writes the
/// character as itself. ron escapes with `escape_debug`, whose rules (printable, grapheme
/// extenders) live in tables inside `core`; asking it once per character and keeping the
/// answer makes the check exact and cheap.
fn printable_bmp() -> &'static [u64; 1024] {
    static TABLE: OnceLock<Box<[u64; 1024]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Box::new([0u64; 1024]);
        for (word, bits) in table.iter_mut().enumerate() {
            for bit in 0..64u32 {
                let code = (word as u32) * 64 + bit;
                if let Some(c) = char::from_u32(code)
                    && is_written_as_itself(c)
                {
                    *bits |= 1 << bit;
                }
            }
        }
        table
    })
}

/// True when `escape_debug` leaves `c` alone.
fn is_written_as_itself(c: char) -> bool {
    let mut escaped = c.escape_debug();
    escaped.next() == Some(c) && escaped.next().is_none()
}

/// Spaces for indentation, sliced to the depth needed (deeper levels loop).
const SPACES: &str = "                                                                ";

struct Writer {
    out: String,
    /// Nesting depth, as ron's `Pretty::indent`.
    indent: usize,
    /// ron's `is_empty`: set by a container from its announced length, read when it opens
    /// and when it closes, and cleared by every close. Mirrored as is, quirks included, so
    /// that the layout is the same in every case.
    is_empty: Option<bool>,
    /// Reused buffer for `collect_str` (dates, times).
    scratch: String,
    printable: &'static [u64; 1024],
    /// Names already checked: address, length, how to write them.
    names: [Option<(usize, usize, NameKind)>; NAME_SLOTS],
}

impl Writer {
    fn write_indent(&mut self, levels: usize) {
        let mut spaces = levels * 2;
        while spaces > 0 {
            let n = spaces.min(SPACES.len());
            self.out.push_str(SPACES.get(..n).unwrap_or_default());
            spaces -= n;
        }
    }

    fn start_indent(&mut self) {
        self.indent += 1;
        if !self.is_empty.unwrap_or(false) {
            self.out.push('\n');
        }
    }

    fn end_indent(&mut self) {
        if !self.is_empty.unwrap_or(false) {
            self.write_indent(self.indent.saturating_sub(1));
        }
        self.indent = self.indent.saturating_sub(1);
        self.is_empty = None;
    }

    /// A string in double quotes, each character escaped as `char::escape_debug` does.
    fn write_escaped(&mut self, s: &str) {
        self.out.push('"');
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if b < 0x80 {
                if is_plain_ascii(b) {
                    i += 1;
                    continue;
                }
                self.out.push_str(s.get(start..i).unwrap_or_default());
                self.out.extend(char::from(b).escape_debug());
                i += 1;
                start = i;
            } else {
                let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) else {
                    // Not reachable: `i` is always on a character boundary here.
                    break;
                };
                let len = c.len_utf8();
                let code = c as usize;
                let plain = if code < 0x10000 {
                    self.printable
                        .get(code / 64)
                        .is_some_and(|bits| bits & (1 << (code % 64)) != 0)
                } else {
                    is_written_as_itself(c)
                };
                if !plain {
                    self.out.push_str(s.get(start..i).unwrap_or_default());
                    self.out.extend(c.escape_debug());
                    start = i + len;
                }
                i += len;
            }
        }
        self.out.push_str(s.get(start..).unwrap_or_default());
        self.out.push('"');
    }

    /// A field or variant name, as ron's `write_identifier`.
    fn write_identifier(&mut self, name: &'static str) -> Result<()> {
        if self.name_kind(name)? == NameKind::Raw {
            self.out.push_str("r#");
        }
        self.out.push_str(name);
        Ok(())
    }

    /// Whether `name` is written plain or raw, or an error when RON cannot hold it.
    ///
    /// Checking names (Unicode identifier tables, keywords) took a good share of the
    /// time of a save, for the same few dozen names over and over: the answers are kept
    /// by address. Names are `&'static str`, so an address and length never come to mean
    /// another text.
    fn name_kind(&mut self, name: &'static str) -> Result<NameKind> {
        let address = name.as_ptr() as usize;
        let slot = (address ^ (address >> 7) ^ name.len()) % NAME_SLOTS;
        if let Some(&Some((a, len, kind))) = self.names.get(slot)
            && a == address
            && len == name.len()
        {
            return Ok(kind);
        }
        validate_identifier(name)?;
        let mut chars = name.chars();
        let plain = chars.next().is_some_and(is_ident_first_char)
            && chars.all(unicode_ident::is_xid_continue)
            && !RAW_KEYWORDS.contains(&name);
        let kind = if plain {
            NameKind::Plain
        } else {
            NameKind::Raw
        };
        if let Some(entry) = self.names.get_mut(slot) {
            *entry = Some((address, name.len(), kind));
        }
        Ok(kind)
    }
}

/// Slots of the cache of checked names.
const NAME_SLOTS: usize = 256;

/// How a valid name is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameKind {
    /// As is.
    Plain,
    /// With `r#` before it.
    Raw,
}

/// Names ron writes as raw identifiers even though they are valid identifiers.
const RAW_KEYWORDS: [&str; 10] = [
    "true", "false", "Some", "None", "inf", "inff32", "inff64", "NaN", "NaNf32", "NaNf64",
];

fn is_ident_first_char(c: char) -> bool {
    c == '_' || unicode_ident::is_xid_start(c)
}

fn is_ident_raw_char(c: char) -> bool {
    matches!(c, '.' | '+' | '-') || unicode_ident::is_xid_continue(c)
}

/// ron refuses to write a name that even a raw identifier cannot hold.
fn validate_identifier(name: &str) -> Result<()> {
    let ascii_ok = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-');
    if name.bytes().all(ascii_ok) && !name.is_empty() {
        return Ok(());
    }
    if name.is_empty() || !name.chars().all(is_ident_raw_char) {
        return Err(WriteError::InvalidIdentifier(name.to_owned()));
    }
    Ok(())
}

/// ASCII bytes `escape_debug` writes as themselves: printable, and not a quote or backslash.
const fn is_plain_ascii(b: u8) -> bool {
    matches!(b, 0x20..=0x7E) && !matches!(b, b'"' | b'\'' | b'\\')
}

/// Where a container is in its elements.
struct Compound<'a> {
    writer: &'a mut Writer,
    first: bool,
}

impl Compound<'_> {
    /// `,\n` before every element but the first, then the indentation.
    fn next_line(&mut self) {
        if self.first {
            self.first = false;
        } else {
            self.writer.out.push_str(",\n");
        }
        self.writer.write_indent(self.writer.indent);
    }

    /// The trailing `,\n` after a non-empty container, the closing indentation and `close`.
    fn close(self, close: char) {
        if !self.first {
            self.writer.out.push_str(",\n");
        }
        self.writer.end_indent();
        self.writer.out.push(close);
    }
}

/// Elements of a tuple: on one line, separated by `, `.
struct Tuple<'a> {
    writer: &'a mut Writer,
    first: bool,
}

impl Tuple<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        if self.first {
            self.first = false;
        } else {
            self.writer.out.push_str(", ");
        }
        value.serialize(&mut *self.writer)
    }
}

impl<'a> ser::Serializer for &'a mut Writer {
    type Ok = ();
    type Error = WriteError;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Tuple<'a>;
    type SerializeTupleStruct = Tuple<'a>;
    type SerializeTupleVariant = Tuple<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<()> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<()> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i16(self, v: i16) -> Result<()> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i32(self, v: i32) -> Result<()> {
        self.serialize_i64(i64::from(v))
    }

    fn serialize_i64(self, v: i64) -> Result<()> {
        self.out.push_str(itoa::Buffer::new().format(v));
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<()> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u16(self, v: u16) -> Result<()> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u32(self, v: u32) -> Result<()> {
        self.serialize_u64(u64::from(v))
    }

    fn serialize_u64(self, v: u64) -> Result<()> {
        self.out.push_str(itoa::Buffer::new().format(v));
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<()> {
        if v.is_nan() && v.is_sign_negative() {
            self.out.push('-');
        }
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }

    fn serialize_f64(self, v: f64) -> Result<()> {
        if v.is_nan() && v.is_sign_negative() {
            self.out.push('-');
        }
        let _ = write!(self.out, "{v:?}");
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<()> {
        self.out.push('\'');
        if v == '\\' || v == '\'' {
            self.out.push('\\');
        }
        self.out.push(v);
        self.out.push('\'');
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<()> {
        self.write_escaped(v);
        Ok(())
    }

    fn collect_str<T: std::fmt::Display + ?Sized>(self, value: &T) -> Result<()> {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let _ = write!(scratch, "{value}");
        self.write_escaped(&scratch);
        self.scratch = scratch;
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<()> {
        self.out.push_str("b\"");
        for b in v.iter().flat_map(|b| b.escape_ascii()) {
            self.out.push(char::from(b));
        }
        self.out.push('"');
        Ok(())
    }

    fn serialize_none(self) -> Result<()> {
        self.out.push_str("None");
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<()> {
        self.out.push_str("Some(");
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }

    fn serialize_unit(self) -> Result<()> {
        self.out.push_str("()");
        Ok(())
    }

    fn serialize_unit_struct(self, name: &'static str) -> Result<()> {
        self.name_kind(name)?;
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        name: &'static str,
        _variant_index: u32,
        variant: &'static str,
    ) -> Result<()> {
        self.name_kind(name)?;
        self.write_identifier(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<()> {
        if name == RAW_VALUE_TOKEN {
            // ron's `RawValue` writes its text verbatim; nothing saved uses it.
            return Err(WriteError::Message(
                "raw RON values are not supported".to_owned(),
            ));
        }
        self.name_kind(name)?;
        self.out.push('(');
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _variant_index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<()> {
        self.name_kind(name)?;
        self.write_identifier(variant)?;
        self.out.push('(');
        value.serialize(&mut *self)?;
        self.out.push(')');
        Ok(())
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a>> {
        self.out.push('[');
        if let Some(len) = len {
            self.is_empty = Some(len == 0);
        }
        self.start_indent();
        Ok(Compound {
            writer: self,
            first: true,
        })
    }

    fn serialize_tuple(self, _len: usize) -> Result<Tuple<'a>> {
        self.out.push('(');
        Ok(Tuple {
            writer: self,
            first: true,
        })
    }

    fn serialize_tuple_struct(self, name: &'static str, len: usize) -> Result<Tuple<'a>> {
        self.name_kind(name)?;
        self.serialize_tuple(len)
    }

    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _variant_index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Tuple<'a>> {
        self.name_kind(name)?;
        self.write_identifier(variant)?;
        self.out.push('(');
        Ok(Tuple {
            writer: self,
            first: true,
        })
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a>> {
        self.out.push('{');
        if let Some(len) = len {
            self.is_empty = Some(len == 0);
        }
        self.start_indent();
        Ok(Compound {
            writer: self,
            first: true,
        })
    }

    fn serialize_struct(self, name: &'static str, len: usize) -> Result<Compound<'a>> {
        self.name_kind(name)?;
        self.out.push('(');
        self.is_empty = Some(len == 0);
        self.start_indent();
        Ok(Compound {
            writer: self,
            first: true,
        })
    }

    fn serialize_struct_variant(
        self,
        name: &'static str,
        _variant_index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>> {
        self.name_kind(name)?;
        self.write_identifier(variant)?;
        self.out.push('(');
        self.is_empty = Some(len == 0);
        self.start_indent();
        Ok(Compound {
            writer: self,
            first: true,
        })
    }
}

/// The newtype name by which ron recognises its `RawValue`.
const RAW_VALUE_TOKEN: &str = "$ron::private::RawValue";

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.next_line();
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<()> {
        self.close(']');
        Ok(())
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<()> {
        self.next_line();
        key.serialize(&mut *self.writer)
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.writer.out.push_str(": ");
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<()> {
        self.close('}');
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.next_line();
        self.writer.write_identifier(key)?;
        self.writer.out.push_str(": ");
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<()> {
        self.close(')');
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result<()> {
        ser::SerializeStruct::end(self)
    }
}

impl ser::SerializeTuple for Tuple<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }

    fn end(self) -> Result<()> {
        self.writer.out.push(')');
        Ok(())
    }
}

impl ser::SerializeTupleStruct for Tuple<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }

    fn end(self) -> Result<()> {
        self.writer.out.push(')');
        Ok(())
    }
}

impl ser::SerializeTupleVariant for Tuple<'_> {
    type Ok = ();
    type Error = WriteError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.element(value)
    }

    fn end(self) -> Result<()> {
        self.writer.out.push(')');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;

    fn ron(value: &(impl Serialize + ?Sized)) -> String {
        ron::ser::to_string_pretty(value, super::super::save::pretty_config()).unwrap()
    }

    fn same(value: &(impl Serialize + ?Sized)) {
        assert_eq!(to_string(value).unwrap(), ron(value));
    }

    #[derive(Serialize)]
    struct Empty {}

    #[derive(Serialize)]
    struct Unit;

    #[derive(Serialize)]
    struct Newtype(u8);

    #[derive(Serialize)]
    struct Pair(i32, String);

    #[derive(Serialize)]
    enum E {
        A,
        B(u8),
        C(u8, char),
        D { x: i8, y: Vec<u8> },
        r#None,
    }

    #[derive(Serialize)]
    struct Every {
        empty: Empty,
        unit: Unit,
        newtype: Newtype,
        pair: Pair,
        tuple: (u8, (u16, bool), ()),
        enums: Vec<E>,
        empty_seq: Vec<u8>,
        empty_map: BTreeMap<String, u8>,
        nested: Vec<Vec<BTreeMap<String, Option<Vec<u8>>>>>,
        floats: Vec<f64>,
        small: f32,
        ints: (i8, i64, u64),
        chars: Vec<char>,
        bytes: serde_bytes_like::Bytes,
        r#true: bool,
    }

    mod serde_bytes_like {
        /// Serializes as bytes, the way `serde_bytes` does.
        pub struct Bytes(pub Vec<u8>);
        impl serde::Serialize for Bytes {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_bytes(&self.0)
            }
        }
    }

    #[test]
    fn every_shape_matches_ron() {
        let mut map = BTreeMap::new();
        map.insert("k\"ey".to_owned(), Some(vec![1, 2]));
        map.insert("none".to_owned(), None);
        map.insert("empty".to_owned(), Some(vec![]));
        let every = Every {
            empty: Empty {},
            unit: Unit,
            newtype: Newtype(7),
            pair: Pair(-3, "x".to_owned()),
            tuple: (1, (2, true), ()),
            enums: vec![
                E::A,
                E::B(1),
                E::C(2, '\''),
                E::D { x: -1, y: vec![] },
                E::D { x: 1, y: vec![3] },
                E::r#None,
            ],
            empty_seq: vec![],
            empty_map: BTreeMap::new(),
            nested: vec![vec![], vec![map.clone(), BTreeMap::new()]],
            floats: vec![
                0.0,
                -0.0,
                1.5,
                1e300,
                1e-300,
                f64::NAN,
                -f64::NAN,
                f64::INFINITY,
            ],
            small: 0.1,
            ints: (i8::MIN, i64::MIN, u64::MAX),
            chars: vec!['a', '\\', '\n', '中', '\u{301}'],
            bytes: serde_bytes_like::Bytes(b"a\"\\\n\x00\xff".to_vec()),
            r#true: false,
        };
        same(&every);
        same(&Empty {});
        same(&vec![Empty {}]);
        same(&Some(Empty {}));
    }

    #[test]
    fn strings_escape_as_ron_does() {
        for s in [
            "",
            "plain",
            "quote \" apostrophe ' backslash \\ hash \"# r#\"",
            "tab\tnew\nline\rnul\0 bell\x07 del\x7f esc\x1b",
            "中欧合格评定合作 — “quotes” ’",
            "emoji 👩‍👩‍👧 flag 🇫🇷 skin 👋🏽",
            "rtl עברית العربية \u{200f}\u{200e}\u{202e}",
            "zero\u{200b}width\u{200c}\u{200d}\u{2060}\u{feff}",
            "combining e\u{301} \u{300}start",
            "\u{85}\u{a0}\u{ad}\u{2028}\u{2029}\u{e000}\u{fffd}\u{10ffff}",
        ] {
            same(s);
            same(&vec![s]);
        }
        // Every character of the Basic Multilingual Plane and a sample above it.
        let all: String = (0..0x11_0000u32)
            .filter_map(char::from_u32)
            .filter(|c| (*c as u32) < 0x10000 || (*c as u32).is_multiple_of(97))
            .collect();
        same(&all);
    }

    #[test]
    fn recovery_copy_fields_match_ron() {
        // What a recovery copy holds besides the project: a path, times, a fingerprint.
        #[derive(Serialize)]
        struct Copy<'a> {
            original: Option<&'a std::path::Path>,
            written_at: chrono::DateTime<chrono::Utc>,
            base: Option<crate::project_file::Fingerprint>,
            zone: chrono_tz::Tz,
            date: chrono::NaiveDate,
            time: chrono::NaiveTime,
        }
        let copy = Copy {
            original: Some(std::path::Path::new("/home/方/\"quoted\" 'p'.ron")),
            written_at: chrono::DateTime::from_timestamp(1_700_000_000, 123_456_789).unwrap(),
            base: Some(crate::project_file::Fingerprint::of_bytes(
                b"x",
                Some(std::time::UNIX_EPOCH + std::time::Duration::new(5, 6)),
            )),
            zone: chrono_tz::Asia::Shanghai,
            date: chrono::NaiveDate::from_ymd_opt(2024, 9, 23).unwrap(),
            time: chrono::NaiveTime::from_hms_opt(14, 30, 5).unwrap(),
        };
        same(&copy);
        same(&crate::model::Project::default());
    }

    #[test]
    fn invalid_identifiers_are_refused_like_ron() {
        #[derive(Serialize)]
        struct S {
            #[serde(rename = "a b")]
            a: u8,
        }
        assert!(to_string(&S { a: 1 }).is_err());
        assert!(
            ron::ser::to_string_pretty(&S { a: 1 }, super::super::save::pretty_config()).is_err()
        );

        #[derive(Serialize)]
        struct R {
            #[serde(rename = "a-b")]
            a: u8,
            #[serde(rename = "中文")]
            b: u8,
        }
        same(&R { a: 1, b: 2 });
    }
}
