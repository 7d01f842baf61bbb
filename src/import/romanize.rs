//! The Latin name of a Chinese name from its pinyin, as GB/T 28039-2011 writes names:
//! family name first, compound family names as one word (`欧阳振华` → OUYANG Zhenhua), the
//! surname reading of characters read otherwise in words (单 Shan, 曾 Zeng, 解 Xie…), the
//! given name as one word with an apostrophe where a syllable starting with a, o or e
//! would run into the one before (`Xi'an`).
//!
//! The readings come from the `pinyin` crate; only the surname readings, which no
//! dictionary of words gives, are listed here.

use pinyin::ToPinyin as _;

/// Compound (two-character) family names, which are written as one word.
const COMPOUND_SURNAMES: [(&str, &str); 40] = [
    ("欧阳", "Ouyang"),
    ("司马", "Sima"),
    ("上官", "Shangguan"),
    ("诸葛", "Zhuge"),
    ("东方", "Dongfang"),
    ("皇甫", "Huangfu"),
    ("尉迟", "Yuchi"),
    ("公孙", "Gongsun"),
    ("慕容", "Murong"),
    ("长孙", "Zhangsun"),
    ("宇文", "Yuwen"),
    ("司徒", "Situ"),
    ("夏侯", "Xiahou"),
    ("轩辕", "Xuanyuan"),
    ("令狐", "Linghu"),
    ("钟离", "Zhongli"),
    ("闻人", "Wenren"),
    ("澹台", "Tantai"),
    ("公冶", "Gongye"),
    ("太史", "Taishi"),
    ("申屠", "Shentu"),
    ("端木", "Duanmu"),
    ("独孤", "Dugu"),
    ("南宫", "Nangong"),
    ("万俟", "Moqi"),
    ("百里", "Baili"),
    ("呼延", "Huyan"),
    ("东郭", "Dongguo"),
    ("西门", "Ximen"),
    ("单于", "Chanyu"),
    ("濮阳", "Puyang"),
    ("淳于", "Chunyu"),
    ("宗政", "Zongzheng"),
    ("仲孙", "Zhongsun"),
    ("乐正", "Yuezheng"),
    ("拓跋", "Tuoba"),
    ("司空", "Sikong"),
    ("第五", "Diwu"),
    ("公羊", "Gongyang"),
    ("赫连", "Helian"),
];

/// Single-character family names whose surname reading differs from the common one.
const SURNAME_READINGS: [(char, &str); 34] = [
    ('单', "Shan"),
    ('曾', "Zeng"),
    ('解', "Xie"),
    ('仇', "Qiu"),
    ('区', "Ou"),
    ('查', "Zha"),
    ('朴', "Piao"),
    ('盖', "Ge"),
    ('乐', "Yue"),
    ('缪', "Miao"),
    ('翟', "Zhai"),
    ('覃', "Qin"),
    ('种', "Chong"),
    ('秘', "Bi"),
    ('繁', "Po"),
    ('任', "Ren"),
    ('员', "Yun"),
    ('宓', "Mi"),
    ('句', "Gou"),
    ('召', "Shao"),
    ('华', "Hua"),
    ('燕', "Yan"),
    ('谌', "Chen"),
    ('冼', "Xian"),
    ('阚', "Kan"),
    ('卜', "Bu"),
    ('薄', "Bo"),
    ('柏', "Bai"),
    ('沈', "Shen"),
    ('石', "Shi"),
    ('贾', "Jia"),
    ('隗', "Wei"),
    ('莘', "Shen"),
    ('叶', "Ye"),
];

/// A Latin name made from a Chinese one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Romanized {
    /// `Ouyang`.
    pub family: String,
    /// `Zhenhua`.
    pub given: String,
}

/// The pinyin name of a Chinese name of two to five characters (alignment spaces ignored);
/// `None` when it holds anything but Chinese characters or a character without a reading.
pub fn romanize(chinese_name: &str) -> Option<Romanized> {
    let compact: String = crate::model::normalize_chinese_name(chinese_name);
    let chars: Vec<char> = compact.chars().collect();
    if !(2..=5).contains(&chars.len()) || !chars.iter().all(|c| super::names::is_han(*c)) {
        return None;
    }
    let compound = COMPOUND_SURNAMES
        .iter()
        .find(|(zh, _)| chars.len() >= 3 && compact.starts_with(zh));
    let (family, given_chars) = match compound {
        Some((_, latin)) => ((*latin).to_owned(), chars.get(2..)?),
        None => {
            let first = *chars.first()?;
            let family = match SURNAME_READINGS.iter().find(|(c, _)| *c == first) {
                Some((_, latin)) => (*latin).to_owned(),
                None => capitalise(first.to_pinyin()?.plain()),
            };
            (family, chars.get(1..)?)
        }
    };
    let mut given = String::new();
    for c in given_chars {
        let syllable = c.to_pinyin()?.plain();
        if !given.is_empty() && syllable.starts_with(['a', 'o', 'e']) {
            given.push('\'');
        }
        given.push_str(syllable);
    }
    Some(Romanized {
        family,
        given: capitalise(&given),
    })
}

/// The text a stable id is made from, in ASCII where the text allows: Latin letters
/// without their accents (`Müller-Lang` → `Muller-Lang`, not `m-ller-lang`) and Chinese
/// characters in plain pinyin, one syllable a word (`国家认监委` → `guo jia ren jian wei`,
/// not the bare fallback `organisation`).
pub fn id_base(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    use unicode_normalization::char::is_combining_mark;
    let mut out = String::with_capacity(text.len());
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        match c.to_pinyin() {
            Some(p) if super::names::is_han(c) => {
                out.push(' ');
                out.push_str(p.plain());
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latin(name: &str) -> (String, String) {
        let r = romanize(name).unwrap();
        (r.family, r.given)
    }

    #[test]
    fn names_as_gb_t_28039_writes_them() {
        let cases = [
            ("黄继先", "Huang", "Jixian"),
            ("方 艳", "Fang", "Yan"),
            ("单雄信", "Shan", "Xiongxin"),
            ("曾国藩", "Zeng", "Guofan"),
            ("解缙", "Xie", "Jin"),
            ("仇英", "Qiu", "Ying"),
            ("区永明", "Ou", "Yongming"),
            ("查良镛", "Zha", "Liangyong"),
            ("朴树", "Piao", "Shu"),
            ("欧阳振华", "Ouyang", "Zhenhua"),
            ("司马光", "Sima", "Guang"),
            ("上官婉儿", "Shangguan", "Wan'er"),
            ("诸葛亮", "Zhuge", "Liang"),
            ("张西安", "Zhang", "Xi'an"),
        ];
        for (zh, family, given) in cases {
            assert_eq!(latin(zh), (family.to_owned(), given.to_owned()), "{zh}");
        }
        assert!(romanize("王").is_none(), "one character: not a full name");
        assert!(romanize("Wang Fang").is_none());
        // A compound surname needs a given name after it: 欧阳 alone is Ou Yang.
        assert_eq!(latin("欧阳"), ("Ou".to_owned(), "Yang".to_owned()));
    }

    #[test]
    fn ids_are_made_from_ascii() {
        let slug = |s: &str| crate::model::slugify(&id_base(s));
        assert_eq!(slug("Müller-Lang Jörg"), "muller-lang-jorg");
        assert_eq!(slug("Crédit Agricole"), "credit-agricole");
        assert_eq!(slug("国家认监委"), "guo-jia-ren-jian-wei");
        assert_eq!(
            slug("中国质量认证中心"),
            "zhong-guo-zhi-liang-ren-zheng-zhong-xin"
        );
        assert_eq!(slug("AFNOR"), "afnor");
    }
}
