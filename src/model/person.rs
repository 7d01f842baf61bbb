use serde::{Deserialize, Serialize};

use super::{Bilingual, OrganisationId, choice_enum};

/// A person on any side of the cooperation, with a name in two scripts.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Mr., Ms., Dr. …
    #[serde(default)]
    pub honorific: Honorific,
    /// Family name in Latin script (`Huang`, `Augereau Landais`).
    #[serde(default)]
    pub family_name: String,
    /// Given name in Latin script (`Jixian`, `Myriam`).
    #[serde(default)]
    pub given_name: String,
    /// Name in Chinese characters, exactly as typed (`方 艳` keeps its alignment space).
    #[serde(default)]
    pub chinese_name: String,
    /// Which name comes first in Latin script.
    #[serde(default)]
    pub name_order: NameOrder,
    /// The organisation the person represents.
    #[serde(default)]
    pub organisation: Option<OrganisationId>,
    /// Job title in both languages.
    #[serde(default)]
    pub title: Bilingual,
    /// E-mail address.
    #[serde(default)]
    pub email: String,
    /// Phone number.
    #[serde(default)]
    pub phone: String,
    /// Free notes (dietary needs, interpreter language…).
    #[serde(default)]
    pub notes: String,
}

impl Person {
    /// The Latin name in formal-list form: `HUANG Jixian`, `Myriam AUGEREAU LANDAIS`.
    ///
    /// The family name is in capitals; Chinese order puts it first.
    pub fn latin_name(&self) -> String {
        let family = self.family_name.trim().to_uppercase();
        let given = self.given_name.trim();
        let (first, second) = match self.name_order {
            NameOrder::FamilyFirst => (family.as_str(), given),
            NameOrder::GivenFirst => (given, family.as_str()),
        };
        match (first.is_empty(), second.is_empty()) {
            (false, false) => format!("{first} {second}"),
            (false, true) => first.to_owned(),
            (true, _) => second.to_owned(),
        }
    }

    /// The name in both scripts: `HUANG Jixian 黄继先`; either part may be missing.
    pub fn display_name(&self) -> String {
        let latin = self.latin_name();
        let chinese = self.chinese_name.trim();
        match (latin.is_empty(), chinese.is_empty()) {
            (false, false) => format!("{latin} {chinese}"),
            (false, true) => latin,
            (true, false) => chinese.to_owned(),
            (true, true) => String::new(),
        }
    }

    /// The name in both scripts as the interface shows it: Chinese first in the Chinese
    /// interface (`黄继先 HUANG Jixian`), else [`Self::display_name`] (issue 27).
    pub fn screen_name(&self, chinese_first: bool) -> String {
        let chinese = self.chinese_name.trim();
        if !chinese_first || chinese.is_empty() {
            return self.display_name();
        }
        let latin = self.latin_name();
        if latin.is_empty() {
            chinese.to_owned()
        } else {
            format!("{chinese} {latin}")
        }
    }

    /// The name with its honorific: `Mr. HUANG Jixian 黄继先`.
    pub fn formal_name(&self) -> String {
        let name = self.display_name();
        match self.honorific.abbreviation() {
            "" => name,
            h => format!("{h} {name}"),
        }
    }

    /// The Latin name with its honorific, for name cards: `Mr. HUANG Jixian`.
    pub fn formal_name_latin(&self) -> String {
        let name = self.latin_name();
        match self.honorific.abbreviation() {
            "" => name,
            h if name.is_empty() => h.to_owned(),
            h => format!("{h} {name}"),
        }
    }

    /// Key for sorting by family name, then given name, then Chinese name; case-insensitive.
    pub fn sort_key(&self) -> (String, String, String) {
        (
            self.family_name.trim().to_lowercase(),
            self.given_name.trim().to_lowercase(),
            normalize_chinese_name(&self.chinese_name),
        )
    }

    /// True when both are probably the same person: same Latin name (ignoring case and
    /// order) or same Chinese name (ignoring alignment spaces).
    pub fn same_name_as(&self, other: &Self) -> bool {
        let chinese = normalize_chinese_name(&self.chinese_name);
        if !chinese.is_empty() && chinese == normalize_chinese_name(&other.chinese_name) {
            return true;
        }
        let latin = |p: &Self| {
            (
                p.family_name.trim().to_lowercase(),
                p.given_name.trim().to_lowercase(),
            )
        };
        let mine = latin(self);
        !mine.0.is_empty() && mine == latin(other)
    }
}

/// A Chinese name without the spaces users add to align two-character names
/// (`方 艳` → `方艳`), for comparing and sorting, never for display.
pub fn normalize_chinese_name(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{3000}')
        .collect()
}

/// Folds text for search: lowercase, full-width forms to ASCII, accents and other marks
/// removed (`MÜLLER` is found by `muller`, `Łódź` by `lodz`), whitespace removed.
pub fn fold_for_search(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_for_search_into(&mut out, text);
    out
}

/// Appends `text` folded as [`fold_for_search`] does (search indexes build one long text).
pub fn fold_for_search_into(out: &mut String, text: &str) {
    use unicode_normalization::UnicodeNormalization as _;
    use unicode_normalization::char::is_combining_mark;
    for c in text.chars() {
        let c = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        };
        if c.is_ascii() {
            // The common case, kept cheap: a 100,000-person index folds millions of these.
            if !c.is_ascii_whitespace() {
                out.push(c.to_ascii_lowercase());
            }
            continue;
        }
        if c.is_whitespace() {
            continue;
        }
        // Letters that carry no combining mark to drop, written as people type them
        // without the key for them.
        let plain = match c {
            'ß' | 'ẞ' => Some("ss"),
            'æ' | 'Æ' => Some("ae"),
            'œ' | 'Œ' => Some("oe"),
            'ø' | 'Ø' => Some("o"),
            'ł' | 'Ł' => Some("l"),
            'đ' | 'Đ' => Some("d"),
            'ı' => Some("i"),
            _ => None,
        };
        if let Some(plain) = plain {
            out.push_str(plain);
            continue;
        }
        for d in std::iter::once(c).nfd().filter(|d| !is_combining_mark(*d)) {
            out.extend(d.to_lowercase());
        }
    }
}

/// How a person is addressed.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Honorific {
    /// No honorific.
    #[default]
    None,
    /// Mr.
    Mr,
    /// Ms.
    Ms,
    /// Mrs.
    Mrs,
    /// Dr.
    Dr,
    /// Prof.
    Prof,
    /// H.E. (ambassadors, ministers).
    Excellency,
}

impl Honorific {
    /// The abbreviation as written before a name (`Mr.`), empty for none.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Self::None => "",
            Self::Mr => "Mr.",
            Self::Ms => "Ms.",
            Self::Mrs => "Mrs.",
            Self::Dr => "Dr.",
            Self::Prof => "Prof.",
            Self::Excellency => "H.E.",
        }
    }

    /// Parses `Mr`, `Mr.`, `MS`, `Dr.`… as written in pasted lists.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().trim_end_matches('.').to_lowercase();
        Some(match t.as_str() {
            "mr" => Self::Mr,
            "ms" => Self::Ms,
            "mrs" => Self::Mrs,
            "dr" => Self::Dr,
            "prof" => Self::Prof,
            "h.e" | "he" => Self::Excellency,
            _ => return None,
        })
    }
}

choice_enum!(Honorific {
    None => ("none", "—", "—"),
    Mr => ("mr", "Mr.", "先生"),
    Ms => ("ms", "Ms.", "女士"),
    Mrs => ("mrs", "Mrs.", "夫人"),
    Dr => ("dr", "Dr.", "博士"),
    Prof => ("prof", "Prof.", "教授"),
    Excellency => ("excellency", "H.E.", "阁下"),
});

/// Which part of a Latin-script name comes first.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum NameOrder {
    /// Chinese convention: `HUANG Jixian`.
    FamilyFirst,
    /// Western convention: `Myriam AUGEREAU LANDAIS`.
    #[default]
    GivenFirst,
}

choice_enum!(NameOrder {
    FamilyFirst => ("family-first", "Family name first", "姓在前"),
    GivenFirst => ("given-first", "Given name first", "名在前"),
});

#[cfg(test)]
mod tests {
    use super::*;

    fn person(family: &str, given: &str, chinese: &str, order: NameOrder) -> Person {
        Person {
            honorific: Honorific::Mr,
            family_name: family.into(),
            given_name: given.into(),
            chinese_name: chinese.into(),
            name_order: order,
            ..Default::default()
        }
    }

    #[test]
    fn names_follow_the_conventions() {
        let huang = person("Huang", "Jixian", "黄继先", NameOrder::FamilyFirst);
        assert_eq!(huang.display_name(), "HUANG Jixian 黄继先");
        assert_eq!(huang.formal_name(), "Mr. HUANG Jixian 黄继先");
        let myriam = person("Augereau Landais", "Myriam", "", NameOrder::GivenFirst);
        assert_eq!(myriam.display_name(), "Myriam AUGEREAU LANDAIS");
        let only_chinese = person("", "", "方 艳", NameOrder::FamilyFirst);
        assert_eq!(only_chinese.display_name(), "方 艳");
    }

    #[test]
    fn chinese_names_compare_without_alignment_space() {
        let a = person("", "", "方 艳", NameOrder::FamilyFirst);
        let b = person("", "", "方艳", NameOrder::FamilyFirst);
        assert!(a.same_name_as(&b));
        assert_eq!(normalize_chinese_name("王\u{3000}茜"), "王茜");
    }

    #[test]
    fn search_folding() {
        assert_eq!(fold_for_search("ＨＵＡＮＧ Jixian"), "huangjixian");
        assert_eq!(fold_for_search("方 艳"), "方艳");
        assert_eq!(fold_for_search("Thomas MÜLLER"), "thomasmuller");
        assert_eq!(fold_for_search("Łódź Straße Ørsted"), "lodzstrasseorsted");
        assert_eq!(fold_for_search("Zoltán Kővári"), "zoltankovari");
    }
}
