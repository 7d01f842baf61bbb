use serde::{Deserialize, Serialize};

use super::{Bilingual, OrganisationId, PersonalData, choice_enum};

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
    /// Personal data (passport, date of birth…): never in what goes to a partner unless
    /// chosen, removed from a shared copy (see [`super::PersonalData`]). Not written when
    /// empty.
    #[serde(default, skip_serializing_if = "super::personal::is_default")]
    pub personal: PersonalData,
    /// Precedence rank, like PerfectTablePlan's: among the people of one role on a side,
    /// 1 comes before 2, and anyone ranked before anyone unranked. It follows the person's
    /// office, so it lives here and orders every meeting of the cooperation (see
    /// [`crate::model::Meeting::precedence`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// The Chinese name is a transliteration of a foreign name (`安娜·施密特` for Anna
    /// Schmidt): it never makes the Latin name family-name-first. A middle dot in the
    /// name says so without this mark (see [`Person::chinese_name_is_transliteration`]).
    #[serde(default, skip_serializing_if = "is_false")]
    pub transliterated: bool,
    /// The user chose `name_order` (in the editor, or a list's name-order column): a
    /// Chinese name typed later never changes it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub name_order_chosen: bool,
}

/// Whether a flag is off: this round's additions are written only when set, so that files
/// without them (every file before, most people) read and diff as they were.
pub(crate) fn is_false(value: &bool) -> bool {
    !*value
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

    /// The name as a Chinese text writes it, the one convention of every Chinese document
    /// and of the Chinese interface: a Chinese name as typed (`黄继先`); a foreign name
    /// (given name first) as the user wrote it in Chinese, the honorific after it
    /// (`米里亚姆·奥热罗-朗代女士`); without a Chinese name, the Latin name with the
    /// honorific after it (`Myriam AUGEREAU LANDAIS 女士`, `LIU Jiang 先生`).
    pub fn chinese_text_name(&self) -> String {
        let chinese = self.chinese_name.trim();
        let honorific = self.honorific_zh();
        if chinese.is_empty() {
            let latin = self.latin_name();
            return match (latin.is_empty(), honorific.is_empty()) {
                (false, false) => format!("{latin} {honorific}"),
                (false, true) => latin,
                (true, _) => honorific.to_owned(),
            };
        }
        match self.name_order {
            NameOrder::FamilyFirst => chinese.to_owned(),
            NameOrder::GivenFirst => format!("{chinese}{honorific}"),
        }
    }

    /// The name in both scripts for a Chinese reader: [`Self::chinese_text_name`], then the
    /// Latin name when there is a Chinese one (`黄继先 HUANG Jixian`); what lists and
    /// pickers show in the Chinese interface.
    pub fn name_chinese_first(&self) -> String {
        let chinese = self.chinese_name.trim();
        let latin = self.latin_name();
        if chinese.is_empty() || latin.is_empty() {
            return self.chinese_text_name();
        }
        format!("{} {latin}", self.chinese_text_name())
    }

    /// The name in both scripts in the convention of the language: `HUANG Jixian 黄继先`,
    /// or `黄继先 HUANG Jixian` for a Chinese reader.
    pub fn name_in(&self, chinese: bool) -> String {
        if chinese {
            self.name_chinese_first()
        } else {
            self.display_name()
        }
    }

    /// The honorific as Chinese puts it after a name (`女士`); empty for none.
    fn honorific_zh(&self) -> &'static str {
        match self.honorific {
            Honorific::None => "",
            h => crate::model::Choice::label_zh(h),
        }
    }

    /// Whether the Chinese name transliterates a foreign name: marked so, or written with
    /// a middle dot between its parts.
    pub fn chinese_name_is_transliteration(&self) -> bool {
        self.transliterated || is_transliterated_name(&self.chinese_name)
    }

    /// The name order the Chinese name suggests: a Chinese name puts the family name first
    /// (`LI Na 李娜`), a transliterated one keeps the given name first (`Anna SCHMIDT
    /// 安娜·施密特`); no Chinese name suggests nothing.
    pub fn order_suggested_by_chinese_name(&self) -> Option<NameOrder> {
        if self.chinese_name.trim().is_empty() {
            None
        } else if self.chinese_name_is_transliteration() {
            Some(NameOrder::GivenFirst)
        } else {
            Some(NameOrder::FamilyFirst)
        }
    }

    /// After an edit from `before` to `self`: when the Chinese name was just given, or its
    /// transliteration mark (a dot, the tick) changed, the name order follows what it
    /// suggests, unless the user chose the order (now or before): a Chinese name never
    /// changes an order the user set.
    pub fn follow_chinese_name(&mut self, before: &Self) {
        if self.name_order_chosen || self.name_order != before.name_order {
            return;
        }
        let given = before.chinese_name.trim().is_empty() && !self.chinese_name.trim().is_empty();
        let marked =
            before.chinese_name_is_transliteration() != self.chinese_name_is_transliteration();
        if (given || marked)
            && let Some(order) = self.order_suggested_by_chinese_name()
        {
            self.name_order = order;
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

/// The marks that separate the parts of a foreign name written in Chinese characters
/// (`安娜·施密特`): the middle dot and the look-alikes keyboards and fonts give for it.
const TRANSLITERATION_DOTS: [char; 8] = [
    '\u{00B7}', // · middle dot, the standard one (GB/T 15834)
    '\u{2022}', // • bullet
    '\u{2027}', // ‧ hyphenation point
    '\u{2219}', // ∙ bullet operator
    '\u{22C5}', // ⋅ dot operator
    '\u{30FB}', // ・ katakana middle dot (Japanese input methods)
    '\u{FF65}', // ･ half-width katakana middle dot
    '\u{FF0E}', // ． full-width full stop, typed for the dot on some keyboards
];

/// Whether a Chinese name is a foreign name transliterated, by the dot between its parts
/// (`安娜·施密特`, `让-克洛德•容克`): such a name keeps the given-name-first order.
pub fn is_transliterated_name(chinese: &str) -> bool {
    let name = chinese.trim();
    name.chars().any(|c| TRANSLITERATION_DOTS.contains(&c))
        && name
            .chars()
            .any(|c| !TRANSLITERATION_DOTS.contains(&c) && !c.is_whitespace())
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
    fn chinese_text_writes_chinese_names_first_and_honorifics_after() {
        let huang = person("Huang", "Jixian", "黄继先", NameOrder::FamilyFirst);
        assert_eq!(huang.chinese_text_name(), "黄继先");
        assert_eq!(huang.name_chinese_first(), "黄继先 HUANG Jixian");
        let zhang = person("Zhang", "Wei", "张 伟", NameOrder::FamilyFirst);
        assert_eq!(zhang.chinese_text_name(), "张 伟");
        let mut myriam = person(
            "Augereau-Landais",
            "Myriam",
            "米里亚姆·奥热罗-朗代",
            NameOrder::GivenFirst,
        );
        myriam.honorific = Honorific::Ms;
        assert_eq!(myriam.chinese_text_name(), "米里亚姆·奥热罗-朗代女士");
        assert_eq!(
            myriam.name_in(true),
            "米里亚姆·奥热罗-朗代女士 Myriam AUGEREAU-LANDAIS"
        );
        myriam.chinese_name.clear();
        assert_eq!(myriam.chinese_text_name(), "Myriam AUGEREAU-LANDAIS 女士");
        assert_eq!(myriam.name_in(true), "Myriam AUGEREAU-LANDAIS 女士");
        let liu = person("Liu", "Jiang", "", NameOrder::FamilyFirst);
        assert_eq!(liu.chinese_text_name(), "LIU Jiang 先生");
        let bare = Person {
            family_name: "Tsai".into(),
            given_name: "August".into(),
            ..Default::default()
        };
        assert_eq!(bare.chinese_text_name(), "August TSAI");
        assert_eq!(bare.name_in(false), "August TSAI");
    }

    #[test]
    fn chinese_names_compare_without_alignment_space() {
        let a = person("", "", "方 艳", NameOrder::FamilyFirst);
        let b = person("", "", "方艳", NameOrder::FamilyFirst);
        assert!(a.same_name_as(&b));
        assert_eq!(normalize_chinese_name("王\u{3000}茜"), "王茜");
    }

    #[test]
    fn a_middle_dot_marks_a_transliterated_name() {
        for name in [
            "安娜·施密特",
            "安娜•施密特",
            "安娜‧施密特",
            "安娜・施密特",
            "让-克洛德·容克",
            "安娜 · 施密特",
        ] {
            assert!(is_transliterated_name(name), "{name}");
        }
        for name in ["黄继先", "方 艳", "", "·", " · "] {
            assert!(!is_transliterated_name(name), "{name}");
        }
    }

    #[test]
    fn a_chinese_name_keeps_a_transliterated_or_chosen_order() {
        // Ms. Anna Schmidt, given name first, gets her Chinese name: she stays Anna
        // SCHMIDT, whether the dot comes in one paste or typed after the first characters.
        let anna = Person {
            honorific: Honorific::Ms,
            ..person("Schmidt", "Anna", "", NameOrder::GivenFirst)
        };
        let mut pasted = anna.clone();
        pasted.chinese_name = "安娜·施密特".into();
        pasted.follow_chinese_name(&anna);
        assert_eq!(pasted.latin_name(), "Anna SCHMIDT");
        let mut typed = anna.clone();
        typed.chinese_name = "安娜".into();
        typed.follow_chinese_name(&anna);
        assert_eq!(
            typed.name_order,
            NameOrder::FamilyFirst,
            "a Chinese name, so far"
        );
        let before = typed.clone();
        typed.chinese_name = "安娜·施密特".into();
        typed.follow_chinese_name(&before);
        assert_eq!(typed.latin_name(), "Anna SCHMIDT", "the dot puts it back");
        // Without a dot, the user's mark does the same.
        let mut marked = anna.clone();
        marked.chinese_name = "施安娜".into();
        marked.transliterated = true;
        marked.follow_chinese_name(&anna);
        assert_eq!(marked.latin_name(), "Anna SCHMIDT");
        // A Chinese name for someone without one: family name first, as before.
        let li = person("Li", "Na", "", NameOrder::GivenFirst);
        let mut li_zh = li.clone();
        li_zh.chinese_name = "李娜".into();
        li_zh.follow_chinese_name(&li);
        assert_eq!(li_zh.latin_name(), "LI Na");
        // An order the user chose is never changed by a Chinese name.
        let chosen = Person {
            name_order_chosen: true,
            ..li.clone()
        };
        let mut chosen_zh = chosen.clone();
        chosen_zh.chinese_name = "李娜".into();
        chosen_zh.follow_chinese_name(&chosen);
        assert_eq!(chosen_zh.latin_name(), "Na LI");
        // Nor one chosen in the same edit.
        let mut same_frame = li.clone();
        same_frame.chinese_name = "李娜".into();
        same_frame.name_order = NameOrder::FamilyFirst;
        let mut undo = same_frame.clone();
        undo.name_order = NameOrder::GivenFirst;
        undo.follow_chinese_name(&same_frame);
        assert_eq!(undo.name_order, NameOrder::GivenFirst);
        // Correcting a character of an existing name changes nothing.
        let old = person("Schmidt", "Anna", "施安娜", NameOrder::GivenFirst);
        let mut fixed = old.clone();
        fixed.chinese_name = "施安纳".into();
        fixed.follow_chinese_name(&old);
        assert_eq!(fixed.name_order, NameOrder::GivenFirst);
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
