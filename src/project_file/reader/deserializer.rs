//! The serde side of the fast reader: the `Deserializer` over a [`Reader`], and the access
//! to the elements of sequences, maps, structs and enums, read as ron reads them.

use serde::de::{self, DeserializeSeed, Visitor};

use super::{Reader, Refused, Result, Text};

impl<'de> Reader<'de> {
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
