//! People's names as each language writes them, the one convention of every document:
//! English text puts the Latin name first (`Mr. HUANG Jixian 黄继先`), Chinese text the
//! Chinese name (`黄继先`), a foreign name with its honorific after it
//! (`米里亚姆·奥热罗-朗代女士`, or `Myriam AUGEREAU LANDAIS 女士` without a Chinese name).
//! Both languages at once follow the English order, the Chinese name after the Latin one.

use super::text::ExportLanguage;
use crate::model::{Person, PersonId, Project};

/// A person's name in running text (a speaker, an owner): `HUANG Jixian 黄继先`, or
/// [`Person::chinese_text_name`] in Chinese.
pub fn name_in(person: &Person, lang: ExportLanguage) -> String {
    match lang {
        ExportLanguage::Zh => person.chinese_text_name(),
        ExportLanguage::En | ExportLanguage::Both => person.display_name(),
    }
}

/// A person's name with the honorific, as lists and letters address people:
/// `Mr. HUANG Jixian 黄继先`, or [`Person::chinese_text_name`] in Chinese.
pub fn formal_in(person: &Person, lang: ExportLanguage) -> String {
    match lang {
        ExportLanguage::Zh => person.chinese_text_name(),
        ExportLanguage::En | ExportLanguage::Both => person.formal_name(),
    }
}

/// [`name_in`] for a person of `project` by id, or a marker naming a missing id.
pub fn person_in(project: &Project, id: &PersonId, lang: ExportLanguage) -> String {
    project
        .people
        .get(id)
        .map_or_else(|| format!("▲ {id}"), |p| name_in(p, lang))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Honorific, NameOrder};

    #[test]
    fn each_language_has_one_convention() {
        let zhang = Person {
            honorific: Honorific::Mr,
            family_name: "Zhang".into(),
            given_name: "Wei".into(),
            chinese_name: "张 伟".into(),
            name_order: NameOrder::FamilyFirst,
            ..Default::default()
        };
        // Never `ZHANG Wei 张 伟` in a Chinese text.
        assert_eq!(name_in(&zhang, ExportLanguage::Zh), "张 伟");
        assert_eq!(name_in(&zhang, ExportLanguage::En), "ZHANG Wei 张 伟");
        assert_eq!(
            formal_in(&zhang, ExportLanguage::Both),
            "Mr. ZHANG Wei 张 伟"
        );
        let myriam = Person {
            honorific: Honorific::Ms,
            family_name: "Augereau Landais".into(),
            given_name: "Myriam".into(),
            ..Default::default()
        };
        assert_eq!(
            formal_in(&myriam, ExportLanguage::Zh),
            "Myriam AUGEREAU LANDAIS 女士"
        );
        assert_eq!(
            formal_in(&myriam, ExportLanguage::En),
            "Ms. Myriam AUGEREAU LANDAIS"
        );
    }
}
