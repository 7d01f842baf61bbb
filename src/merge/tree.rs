//! A value as a tree of named fields, through serde: what lets the merge walk any entity
//! field by field without naming its fields, so that a field added to a person or a
//! meeting is merged like the others without a line of merge code.
//!
//! Only values of the app's own types become trees (never text from a file: that is read
//! by the typed reader, with its limits), and the tree turns back into the typed value
//! through the type's own `Deserialize`, so an impossible combination is refused there.

use std::fmt;

use serde::de::{self, IntoDeserializer as _};
use serde::ser::{self, Serialize};

/// One value of the serde data model, with struct fields and enum variants by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Node {
    /// `()`, a unit struct.
    Unit,
    /// A boolean.
    Bool(bool),
    /// An unsigned integer.
    U64(u64),
    /// A signed integer.
    I64(i64),
    /// A floating-point number, compared by its bits.
    F64(Float),
    /// A character.
    Char(char),
    /// A string (dates, times and time zones are strings too).
    Str(String),
    /// Bytes.
    Bytes(Vec<u8>),
    /// `None`.
    None,
    /// `Some(value)`.
    Some(Box<Node>),
    /// A sequence or tuple.
    Seq(Vec<Node>),
    /// A map, in its own order.
    Map(Vec<(Node, Node)>),
    /// A struct: its fields by name, in declaration order.
    Struct(Vec<(&'static str, Node)>),
    /// An enum variant and what it holds (`Unit`, a value, a `Seq` or a `Struct`).
    Variant(&'static str, Box<Node>),
}

/// A float that can be compared, ordered and hashed (by its bits).
#[derive(Clone, Copy, Debug)]
pub struct Float(pub f64);

impl PartialEq for Float {
    fn eq(&self, other: &Self) -> bool {
        self.0.to_bits() == other.0.to_bits()
    }
}

impl Eq for Float {}

impl std::hash::Hash for Float {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.to_bits().hash(state);
    }
}

impl PartialOrd for Float {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Float {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

impl Node {
    /// The field `name` of a struct.
    pub fn field(&self, name: &str) -> Option<&Node> {
        match self {
            Self::Struct(fields) => fields.iter().find(|(n, _)| *n == name).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The text of a string node.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Self::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// Why a value could not become a tree, or a tree the value (a merge that would break
/// one of the type's rules, such as a meeting without days).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct TreeError(pub String);

impl ser::Error for TreeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

impl de::Error for TreeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Self(msg.to_string())
    }
}

/// `value` as a tree.
pub fn to_node<T: Serialize + ?Sized>(value: &T) -> Result<Node, TreeError> {
    value.serialize(TreeSerializer)
}

/// The value of type `T` a tree stands for.
pub fn from_node<T: de::DeserializeOwned>(node: Node) -> Result<T, TreeError> {
    T::deserialize(node)
}

struct TreeSerializer;

type SerResult = Result<Node, TreeError>;

impl ser::Serializer for TreeSerializer {
    type Ok = Node;
    type Error = TreeError;
    type SerializeSeq = SeqBuilder;
    type SerializeTuple = SeqBuilder;
    type SerializeTupleStruct = SeqBuilder;
    type SerializeTupleVariant = VariantSeqBuilder;
    type SerializeMap = MapBuilder;
    type SerializeStruct = StructBuilder;
    type SerializeStructVariant = VariantStructBuilder;

    fn serialize_bool(self, v: bool) -> SerResult {
        Ok(Node::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> SerResult {
        Ok(Node::I64(v.into()))
    }
    fn serialize_i16(self, v: i16) -> SerResult {
        Ok(Node::I64(v.into()))
    }
    fn serialize_i32(self, v: i32) -> SerResult {
        Ok(Node::I64(v.into()))
    }
    fn serialize_i64(self, v: i64) -> SerResult {
        Ok(Node::I64(v))
    }
    fn serialize_u8(self, v: u8) -> SerResult {
        Ok(Node::U64(v.into()))
    }
    fn serialize_u16(self, v: u16) -> SerResult {
        Ok(Node::U64(v.into()))
    }
    fn serialize_u32(self, v: u32) -> SerResult {
        Ok(Node::U64(v.into()))
    }
    fn serialize_u64(self, v: u64) -> SerResult {
        Ok(Node::U64(v))
    }
    fn serialize_f32(self, v: f32) -> SerResult {
        Ok(Node::F64(Float(v.into())))
    }
    fn serialize_f64(self, v: f64) -> SerResult {
        Ok(Node::F64(Float(v)))
    }
    fn serialize_char(self, v: char) -> SerResult {
        Ok(Node::Char(v))
    }
    fn serialize_str(self, v: &str) -> SerResult {
        Ok(Node::Str(v.to_owned()))
    }
    fn serialize_bytes(self, v: &[u8]) -> SerResult {
        Ok(Node::Bytes(v.to_owned()))
    }
    fn serialize_none(self) -> SerResult {
        Ok(Node::None)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> SerResult {
        Ok(Node::Some(Box::new(value.serialize(self)?)))
    }
    fn serialize_unit(self) -> SerResult {
        Ok(Node::Unit)
    }
    fn serialize_unit_struct(self, _name: &'static str) -> SerResult {
        Ok(Node::Unit)
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
    ) -> SerResult {
        Ok(Node::Variant(variant, Box::new(Node::Unit)))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> SerResult {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        value: &T,
    ) -> SerResult {
        Ok(Node::Variant(variant, Box::new(value.serialize(self)?)))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<SeqBuilder, TreeError> {
        Ok(SeqBuilder(Vec::with_capacity(len.unwrap_or(0).min(4096))))
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqBuilder, TreeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<SeqBuilder, TreeError> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantSeqBuilder, TreeError> {
        Ok(VariantSeqBuilder(
            variant,
            Vec::with_capacity(len.min(4096)),
        ))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<MapBuilder, TreeError> {
        Ok(MapBuilder(
            Vec::with_capacity(len.unwrap_or(0).min(4096)),
            None,
        ))
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<StructBuilder, TreeError> {
        Ok(StructBuilder(Vec::with_capacity(len)))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _i: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<VariantStructBuilder, TreeError> {
        Ok(VariantStructBuilder(variant, Vec::with_capacity(len)))
    }
}

struct SeqBuilder(Vec<Node>);

impl ser::SerializeSeq for SeqBuilder {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        self.0.push(to_node(value)?);
        Ok(())
    }
    fn end(self) -> SerResult {
        Ok(Node::Seq(self.0))
    }
}

impl ser::SerializeTuple for SeqBuilder {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> SerResult {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for SeqBuilder {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> SerResult {
        ser::SerializeSeq::end(self)
    }
}

struct VariantSeqBuilder(&'static str, Vec<Node>);

impl ser::SerializeTupleVariant for VariantSeqBuilder {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        self.1.push(to_node(value)?);
        Ok(())
    }
    fn end(self) -> SerResult {
        Ok(Node::Variant(self.0, Box::new(Node::Seq(self.1))))
    }
}

struct MapBuilder(Vec<(Node, Node)>, Option<Node>);

impl ser::SerializeMap for MapBuilder {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), TreeError> {
        self.1 = Some(to_node(key)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), TreeError> {
        let key = self
            .1
            .take()
            .ok_or_else(|| TreeError("a map value without its key".to_owned()))?;
        self.0.push((key, to_node(value)?));
        Ok(())
    }
    fn end(self) -> SerResult {
        Ok(Node::Map(self.0))
    }
}

struct StructBuilder(Vec<(&'static str, Node)>);

impl ser::SerializeStruct for StructBuilder {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TreeError> {
        self.0.push((key, to_node(value)?));
        Ok(())
    }
    fn end(self) -> SerResult {
        Ok(Node::Struct(self.0))
    }
}

struct VariantStructBuilder(&'static str, Vec<(&'static str, Node)>);

impl ser::SerializeStructVariant for VariantStructBuilder {
    type Ok = Node;
    type Error = TreeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), TreeError> {
        self.1.push((key, to_node(value)?));
        Ok(())
    }
    fn end(self) -> SerResult {
        Ok(Node::Variant(self.0, Box::new(Node::Struct(self.1))))
    }
}

impl<'de> de::Deserializer<'de> for Node {
    type Error = TreeError;

    fn deserialize_any<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            Node::Unit => visitor.visit_unit(),
            Node::Bool(v) => visitor.visit_bool(v),
            Node::U64(v) => visitor.visit_u64(v),
            Node::I64(v) => visitor.visit_i64(v),
            Node::F64(v) => visitor.visit_f64(v.0),
            Node::Char(v) => visitor.visit_char(v),
            Node::Str(v) => visitor.visit_string(v),
            Node::Bytes(v) => visitor.visit_byte_buf(v),
            Node::None => visitor.visit_none(),
            Node::Some(v) => visitor.visit_some(*v),
            Node::Seq(v) => visitor.visit_seq(de::value::SeqDeserializer::new(v.into_iter())),
            Node::Map(v) => visitor.visit_map(de::value::MapDeserializer::new(v.into_iter())),
            Node::Struct(v) => visitor.visit_map(de::value::MapDeserializer::new(
                v.into_iter().map(|(k, v)| (Key(k), v)),
            )),
            Node::Variant(name, payload) => visitor.visit_enum(VariantAccess(name, *payload)),
        }
    }

    fn deserialize_option<V: de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, TreeError> {
        match self {
            Node::None => visitor.visit_none(),
            Node::Some(v) => visitor.visit_some(*v),
            other => Err(de::Error::custom(format!(
                "expected an option, found {}",
                kind(&other)
            ))),
        }
    }

    fn deserialize_enum<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        match self {
            Node::Variant(name, payload) => visitor.visit_enum(VariantAccess(name, *payload)),
            other => Err(de::Error::custom(format!(
                "expected an enum variant, found {}",
                kind(&other)
            ))),
        }
    }

    fn deserialize_newtype_struct<V: de::Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple
        tuple_struct map struct identifier ignored_any
    }
}

impl<'de> de::IntoDeserializer<'de, TreeError> for Node {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

/// A struct field's name, as a map key.
struct Key(&'static str);

impl<'de> de::IntoDeserializer<'de, TreeError> for Key {
    type Deserializer = de::value::BorrowedStrDeserializer<'de, TreeError>;
    fn into_deserializer(self) -> Self::Deserializer {
        de::value::BorrowedStrDeserializer::new(self.0)
    }
}

struct VariantAccess(&'static str, Node);

impl<'de> de::EnumAccess<'de> for VariantAccess {
    type Error = TreeError;
    type Variant = Node;

    fn variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Node), TreeError> {
        let name: de::value::BorrowedStrDeserializer<'de, TreeError> =
            de::value::BorrowedStrDeserializer::new(self.0);
        Ok((seed.deserialize(name)?, self.1))
    }
}

impl<'de> de::VariantAccess<'de> for Node {
    type Error = TreeError;

    fn unit_variant(self) -> Result<(), TreeError> {
        match self {
            Node::Unit => Ok(()),
            other => Err(de::Error::custom(format!(
                "expected a unit variant, found {}",
                kind(&other)
            ))),
        }
    }

    fn newtype_variant_seed<S: de::DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<S::Value, TreeError> {
        seed.deserialize(self.into_deserializer())
    }

    fn tuple_variant<V: de::Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        de::Deserializer::deserialize_any(self, visitor)
    }

    fn struct_variant<V: de::Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, TreeError> {
        de::Deserializer::deserialize_any(self, visitor)
    }
}

fn kind(node: &Node) -> &'static str {
    match node {
        Node::Unit => "()",
        Node::Bool(_) => "a boolean",
        Node::U64(_) | Node::I64(_) | Node::F64(_) => "a number",
        Node::Char(_) => "a character",
        Node::Str(_) => "a string",
        Node::Bytes(_) => "bytes",
        Node::None | Node::Some(_) => "an option",
        Node::Seq(_) => "a list",
        Node::Map(_) => "a map",
        Node::Struct(_) => "a struct",
        Node::Variant(..) => "an enum variant",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Commitment, Meeting, Owner, Person, PersonId, Project};

    fn round_trip<T>(value: &T)
    where
        T: Serialize + de::DeserializeOwned + PartialEq + fmt::Debug,
    {
        let node = to_node(value).unwrap();
        let back: T = from_node(node).unwrap();
        assert_eq!(&back, value);
    }

    #[test]
    fn every_entity_of_the_samples_and_the_v4_fixture_survives_the_tree() {
        let v4 = crate::project_file::read_project(std::path::Path::new("tests/formats/v4.ron"))
            .unwrap();
        for project in [crate::samples::ccaa_afnor().unwrap(), v4] {
            for person in project.people.values() {
                round_trip::<Person>(person);
            }
            for meeting in project.meetings.values() {
                round_trip::<Meeting>(meeting);
            }
            for commitment in project.commitments.values() {
                round_trip::<Commitment>(commitment);
            }
            round_trip::<Project>(&project);
        }
    }

    #[test]
    fn fields_keep_their_names_and_order() {
        let person = Person {
            family_name: "Huang".into(),
            ..Default::default()
        };
        let Node::Struct(fields) = to_node(&person).unwrap() else {
            panic!("a person is a struct");
        };
        let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.first(), Some(&"honorific"));
        assert!(names.contains(&"family_name"));
        let owner = to_node(&Owner::Person(PersonId::from("p"))).unwrap();
        assert_eq!(
            owner,
            Node::Variant("Person", Box::new(Node::Str("p".into())))
        );
    }

    #[test]
    fn a_tree_that_breaks_a_rule_of_the_type_is_refused() {
        let meeting = crate::samples::ccaa_afnor()
            .unwrap()
            .meetings
            .values()
            .next()
            .unwrap()
            .clone();
        let Node::Struct(mut fields) = to_node(&meeting).unwrap() else {
            panic!("a meeting is a struct");
        };
        for (name, value) in &mut fields {
            if *name == "days" {
                *value = Node::Seq(Vec::new());
            }
        }
        let err = from_node::<Meeting>(Node::Struct(fields)).unwrap_err();
        assert!(err.0.contains("at least one day"), "{err}");
    }
}
