//! Names as people write them: scripts, honorifics in four languages, Latin names with the
//! family name in capitals and particles (`Ursula von der LEYEN`), and the proper case of a
//! family name typed in capitals (`MÜLLER-LANG` → `Müller-Lang`).

use crate::model::{Honorific, NameOrder};

/// A Chinese character (CJK ideograph, any extension block, or a compatibility ideograph).
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}'
        | '\u{3007}')
}

/// Whether `s` holds a Chinese character.
pub fn has_han(s: &str) -> bool {
    s.chars().any(is_han)
}

/// Whether `s` holds a letter of an alphabet (Latin, Greek, Cyrillic…), not a Chinese one.
pub fn has_latin(s: &str) -> bool {
    s.chars().any(|c| c.is_alphabetic() && !is_han(c))
}

/// Full-width ASCII forms (`，：；（）Ａ１`) and the ideographic space as their ASCII
/// counterparts; everything else unchanged.
pub fn halfwidth(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// A cell of a column that may hold either language, split into its English and its
/// Chinese text. A cell in one script goes to that script's side. A bilingual cell is
/// split where the scripts change when its Latin part reads as words
/// (`European Commission 欧盟委员会`) or, for organisations, is an acronym
/// (`AFNOR 法国标准化协会`); otherwise (`ISO/TC 176 秘书`) it stays whole on the Chinese
/// side, where the Latin part is a name within the Chinese text.
pub fn split_by_script(cell: &str, acronym_splits: bool) -> (String, String) {
    let cell = cell.trim();
    match (has_latin(cell), has_han(cell)) {
        (_, false) => (cell.to_owned(), String::new()),
        (false, true) => (String::new(), cell.to_owned()),
        (true, true) => {
            let Some(first_han) = cell.find(|c: char| is_han(c)) else {
                return (cell.to_owned(), String::new());
            };
            let head = cell.get(..first_han).unwrap_or_default();
            let tail = cell.get(first_han..).unwrap_or_default();
            let splits = |latin: &str| {
                let latin = latin.trim().trim_matches(|c: char| !c.is_alphanumeric());
                reads_as_words(latin) || (acronym_splits && looks_like_acronym(latin))
            };
            if has_latin(head) && !has_latin(tail) && splits(head) {
                return (clean_edge(head), clean_edge(tail));
            }
            if !has_latin(head) {
                // Chinese first: `欧盟委员会 European Commission`.
                if let Some(first_latin) = tail.find(|c: char| c.is_alphabetic() && !is_han(c)) {
                    let zh = tail.get(..first_latin).unwrap_or_default();
                    let en = tail.get(first_latin..).unwrap_or_default();
                    if !has_han(en) && splits(en) {
                        return (clean_edge(en), clean_edge(zh));
                    }
                }
            }
            (String::new(), cell.to_owned())
        }
    }
}

fn clean_edge(s: &str) -> String {
    s.trim()
        .trim_matches(|c: char| c == '/' || c == '|' || c == ',' || c == '-' || c == '–')
        .trim()
        .to_owned()
}

/// Latin text with a lowercase word of three letters or more: English (or French…) words,
/// not an acronym or a code.
fn reads_as_words(s: &str) -> bool {
    s.split(|c: char| !c.is_alphabetic()).any(|w| {
        w.chars().count() >= 3 && w.chars().skip(1).all(char::is_lowercase) && !w.is_empty()
    })
}

/// An acronym: one word of capitals (digits and `&`, `-` allowed), 12 characters at most.
pub fn looks_like_acronym(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().count() <= 12
        && !s.contains(char::is_whitespace)
        && !has_han(s)
        && s.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && s.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// The honorific a word stands for: English, French, German, or Chinese (`先生`).
pub fn honorific_word(word: &str) -> Option<Honorific> {
    let w = word.trim().trim_end_matches([',', ':']).to_lowercase();
    let bare = w.trim_end_matches('.');
    Some(match bare {
        // No bare `he`: HE is a Chinese family name (何); H.E. is written with its dots.
        "mr" | "mister" | "m" | "monsieur" | "herr" | "先生" => Honorific::Mr,
        "ms" | "miss" | "mme" | "madame" | "mlle" | "mademoiselle" | "frau" | "女士" | "小姐" => {
            Honorific::Ms
        }
        "mrs" | "夫人" => Honorific::Mrs,
        "dr" | "doctor" | "docteur" | "博士" => Honorific::Dr,
        "prof" | "professor" | "professeur" | "pr" | "教授" => Honorific::Prof,
        "h.e" | "s.e" | "excellency" | "阁下" => Honorific::Excellency,
        _ => return None,
    })
}

/// The honorific a gender cell implies (`男`, `F`, `Female`, `Homme`…).
pub fn gender_honorific(cell: &str) -> Option<Honorific> {
    match cell.trim().to_lowercase().as_str() {
        "男" | "m" | "male" | "man" | "homme" | "h" | "männlich" | "mannlich" => {
            Some(Honorific::Mr)
        }
        "女" | "f" | "w" | "female" | "woman" | "femme" | "weiblich" => Some(Honorific::Ms),
        _ => None,
    }
}

/// Of two honorifics, the one that says more (`Prof. Dr.` → Prof.).
fn stronger(a: Honorific, b: Honorific) -> Honorific {
    let weight = |h: Honorific| match h {
        Honorific::None => 0,
        Honorific::Mr | Honorific::Ms | Honorific::Mrs => 1,
        Honorific::Dr => 2,
        Honorific::Prof => 3,
        Honorific::Excellency => 4,
    };
    if weight(b) > weight(a) { b } else { a }
}

/// The honorifics before a name (`Prof. Dr.`, `Mme`) and after a Chinese one (`王芳女士`),
/// and the name without them.
pub fn strip_honorifics(text: &str) -> (Honorific, String) {
    let mut honorific = Honorific::None;
    let mut rest = text.trim();
    while let Some((word, after)) = rest.split_once(char::is_whitespace) {
        // `M.` is Monsieur only before a name, never a lone initial of one: `M. Jean DUPONT`.
        match honorific_word(word) {
            Some(h) if !after.trim().is_empty() => {
                honorific = stronger(honorific, h);
                rest = after.trim_start();
            }
            _ => break,
        }
    }
    // Honorifics written before the name but glued to it (`Mr.HUANG`).
    for prefix in ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof."] {
        if let Some(after) = rest.strip_prefix(prefix)
            && after.starts_with(|c: char| c.is_uppercase())
            && let Some(h) = honorific_word(prefix)
        {
            honorific = stronger(honorific, h);
            rest = after;
        }
    }
    for suffix in ["先生", "女士", "小姐", "夫人", "博士", "教授"] {
        if let Some(before) = rest.strip_suffix(suffix)
            && before.chars().filter(|c| is_han(*c)).count() >= 1
            && let Some(h) = honorific_word(suffix)
        {
            honorific = stronger(honorific, h);
            rest = before.trim_end();
            break;
        }
    }
    (honorific, rest.to_owned())
}

/// Lowercase particles of family names (`von der`, `van`, `de la`, `di`, `bin`…).
const PARTICLES: [&str; 27] = [
    "von", "van", "der", "den", "de", "la", "le", "du", "des", "di", "da", "del", "della", "dos",
    "das", "do", "bin", "binti", "bint", "ibn", "al", "el", "ter", "ten", "zu", "vom", "zur",
];

/// Whether `word` is a name particle (any case).
pub fn is_particle(word: &str) -> bool {
    let lower = word.to_lowercase();
    PARTICLES.contains(&lower.as_str())
}

/// An all-capitals word (`HUANG`, `MÜLLER-LANG`, `D'ALEMBERT`): the family-name mark of
/// formal lists. One capital letter alone is an initial, not a family name.
pub fn is_caps_word(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some()
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && letters.all(char::is_uppercase)
}

/// A family name in the case it should be stored in: words typed in capitals are put in
/// proper case (hyphens and apostrophes start a capital, `Mc`/`Mac` keep theirs,
/// particles are lower case: `VON DER LEYEN` → `von der Leyen`, `O'BRIEN` → `O'Brien`);
/// words typed in mixed case are kept as typed.
pub fn proper_case_family(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            if !is_caps_word(w) {
                return (*w).to_owned();
            }
            if i < last && is_particle(w) {
                return w.to_lowercase();
            }
            proper_word(w)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `MÜLLER-LANG` → `Müller-Lang`, `AL-SAUD` → `al-Saud`, `MCDONALD` → `McDonald`.
fn proper_word(w: &str) -> String {
    // `al-`/`el-` before a hyphenated Arabic name are particles.
    for particle in ["AL-", "EL-"] {
        if let Some(rest) = w.strip_prefix(particle)
            && !rest.is_empty()
        {
            return format!("{}{}", particle.to_lowercase(), proper_word(rest));
        }
    }
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = matches!(c, '-' | '\'' | '’' | '.');
    }
    mc_mac(&out)
}

/// `Mcdonald` → `McDonald`; `Macleod` → `MacLeod` (only before the consonants that start
/// Gaelic names, so `Macron`, `Machado` and `Mackie` stay as they are).
fn mc_mac(w: &str) -> String {
    let chars: Vec<char> = w.chars().collect();
    let cap_at = |n: usize| -> String {
        chars
            .iter()
            .enumerate()
            .map(|(i, c)| {
                if i == n {
                    c.to_uppercase().collect::<String>()
                } else {
                    c.to_string()
                }
            })
            .collect()
    };
    if w.starts_with("Mc") && chars.len() > 3 {
        return cap_at(2);
    }
    if w.starts_with("Mac")
        && chars.len() > 5
        && chars
            .get(3)
            .is_some_and(|c| matches!(c, 'd' | 'g' | 'l' | 'n' | 'p' | 'q'))
    {
        return cap_at(3);
    }
    w.to_owned()
}

/// Proper case for a given name typed in capitals (`JEAN-PIERRE` → `Jean-Pierre`); a given
/// name in mixed case is kept.
pub fn proper_case_given(name: &str) -> String {
    name.split_whitespace()
        .map(|w| {
            if is_caps_word(w) {
                proper_word(w)
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A Latin name split into its parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LatinName {
    /// Honorific found before the name.
    pub honorific: Honorific,
    /// Family name, in proper case.
    pub family: String,
    /// Given name(s).
    pub given: String,
    /// Which comes first as written.
    pub order: NameOrder,
    /// True when nothing marked the family name (no capitals, no comma): a guess.
    pub guessed: bool,
}

/// Splits a Latin name as written in lists: the family name is the word(s) in capitals,
/// with the particles before them (`Ursula von der LEYEN`); `DUPONT, Jean` has it before
/// the comma; without either mark, the last word (with its particles) is the family name
/// and the split is flagged as a guess.
pub fn split_latin_name(text: &str) -> LatinName {
    let (honorific, rest) = strip_honorifics(text);
    let rest = rest.trim().trim_matches(',').trim();
    if let Some((family, given)) = rest.split_once(',') {
        let (family, given) = (family.trim(), given.trim());
        if !family.is_empty() && !given.is_empty() && !given.contains(',') {
            return LatinName {
                honorific,
                family: proper_case_family(family),
                given: proper_case_given(given),
                order: NameOrder::GivenFirst,
                guessed: false,
            };
        }
    }
    let words: Vec<&str> = rest.split_whitespace().collect();
    let caps: Vec<bool> = words.iter().map(|w| is_caps_word(w)).collect();
    let join = |ws: &[&str]| ws.join(" ");
    let mut name = LatinName {
        honorific,
        ..LatinName::default()
    };
    if words.is_empty() {
        return name;
    }
    let all_caps = caps.iter().all(|c| *c);
    if all_caps && words.len() > 1 {
        // `HUANG JIXIAN`: cannot tell; Chinese order, flagged.
        name.family = proper_case_family(words.first().copied().unwrap_or_default());
        name.given = proper_case_given(&join(words.get(1..).unwrap_or_default()));
        name.order = NameOrder::FamilyFirst;
        name.guessed = true;
        return name;
    }
    if caps.first() == Some(&true) {
        // `HUANG Jixian`, `AUGEREAU LANDAIS Myriam`.
        let n = caps.iter().take_while(|c| **c).count();
        name.family = proper_case_family(&join(words.get(..n).unwrap_or_default()));
        name.given = join(words.get(n..).unwrap_or_default());
        name.order = NameOrder::FamilyFirst;
        return name;
    }
    let (start, guessed) = match caps.iter().position(|c| *c) {
        Some(first_caps) => (first_caps, false),
        None => (words.len().saturating_sub(1), words.len() > 1),
    };
    // The particles before the family name belong to it.
    let mut start = start;
    while start > 1 && words.get(start - 1).is_some_and(|w| is_particle(w)) {
        start -= 1;
    }
    name.family = proper_case_family(&join(words.get(start..).unwrap_or_default()));
    name.given = join(words.get(..start).unwrap_or_default());
    name.order = NameOrder::GivenFirst;
    name.guessed = guessed;
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_names_in_capitals_get_their_proper_case() {
        for (typed, stored) in [
            ("MÜLLER-LANG", "Müller-Lang"),
            ("D'ALEMBERT", "D'Alembert"),
            ("O'BRIEN", "O'Brien"),
            ("MCDONALD", "McDonald"),
            ("MACLEOD", "MacLeod"),
            ("MACRON", "Macron"),
            ("MACHADO", "Machado"),
            ("VON DER LEYEN", "von der Leyen"),
            ("AL-SAUD", "al-Saud"),
            ("DE LA FONTAINE", "de la Fontaine"),
            ("AUGEREAU LANDAIS", "Augereau Landais"),
            ("McDonald", "McDonald"),
            ("van Dijk", "van Dijk"),
            ("DI", "Di"),
        ] {
            assert_eq!(proper_case_family(typed), stored, "{typed}");
        }
    }

    #[test]
    fn latin_names_split_at_the_capitals_with_their_particles() {
        let n = split_latin_name("Ursula von der LEYEN");
        assert_eq!(
            (n.family.as_str(), n.given.as_str()),
            ("von der Leyen", "Ursula")
        );
        assert_eq!(n.order, NameOrder::GivenFirst);
        let n = split_latin_name("Mme Claire DUPONT-MOREAU");
        assert_eq!(n.honorific, Honorific::Ms);
        assert_eq!(n.family, "Dupont-Moreau");
        let n = split_latin_name("M. Jean DUPONT");
        assert_eq!((n.honorific, n.given.as_str()), (Honorific::Mr, "Jean"));
        let n = split_latin_name("Herr Prof. Dr. Klaus MÜLLER-LANG");
        assert_eq!(
            (n.honorific, n.family.as_str()),
            (Honorific::Prof, "Müller-Lang")
        );
        let n = split_latin_name("HUANG Jixian");
        assert_eq!(
            (n.family.as_str(), n.order),
            ("Huang", NameOrder::FamilyFirst)
        );
        let n = split_latin_name("DUPONT, Jean");
        assert_eq!((n.family.as_str(), n.given.as_str()), ("Dupont", "Jean"));
        let n = split_latin_name("Gianluca Ghiara");
        assert!(n.guessed);
        assert_eq!(n.family, "Ghiara");
        let n = split_latin_name("Vincent van Gogh");
        assert_eq!(n.family, "van Gogh");
        let n = split_latin_name("Cher");
        assert_eq!((n.family.as_str(), n.guessed), ("Cher", false));
    }

    #[test]
    fn honorifics_in_four_languages() {
        assert_eq!(strip_honorifics("王芳女士"), (Honorific::Ms, "王芳".into()));
        assert_eq!(
            strip_honorifics("张伟 先生"),
            (Honorific::Mr, "张伟".into())
        );
        assert_eq!(strip_honorifics("Frau Anna SCHMIDT").0, Honorific::Ms);
        assert_eq!(strip_honorifics("Mlle Anne ROY").0, Honorific::Ms);
        assert_eq!(strip_honorifics("M.").0, Honorific::None, "a lone initial");
        assert_eq!(gender_honorific("女"), Some(Honorific::Ms));
    }

    #[test]
    fn cells_split_by_script() {
        assert_eq!(
            split_by_script("European Commission 欧盟委员会", true),
            ("European Commission".into(), "欧盟委员会".into())
        );
        assert_eq!(
            split_by_script("AFNOR 法国标准化协会", true),
            ("AFNOR".into(), "法国标准化协会".into())
        );
        assert_eq!(
            split_by_script("AFNOR 国际总经理", false),
            (String::new(), "AFNOR 国际总经理".into())
        );
        assert_eq!(
            split_by_script("BMWi", true),
            ("BMWi".into(), String::new())
        );
        assert_eq!(
            split_by_script("欧盟委员会 European Commission", true),
            ("European Commission".into(), "欧盟委员会".into())
        );
        assert_eq!(halfwidth("姓名：张三，（一）"), "姓名:张三,(一)");
    }
}
