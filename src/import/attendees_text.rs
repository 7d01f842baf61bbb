//! Attendee lists as they arrive by e-mail, e.g. the CCAA–AFNOR report:
//!
//! ```text
//! Mr. HUANG Jixian 黄继先 中国认证认可协会 常务副会长兼秘书长>Executive Vice President and
//! Secretary General,CCAA, Ms. FANG Yan 方 艳 中国认证认可协会 技术标准部 主任> Director of …,CCAA,
//! Ms. Myriam AUGEREAU LANDAIS, AFNOR 国际总经理> President of AFNOR China, …
//! ```
//!
//! and in the other forms people paste: one person per line (`Name, Organisation, Title`
//! or `Name, Title, Organisation`, told apart by what matches a known organisation or looks
//! like one), numbered lists (`1.`, `（一）`, `①`), full-width punctuation. Entries start
//! with an honorific, or stand one per line. Each gives a person (Latin name with the
//! family name in capitals, Chinese name, titles in both languages) and an organisation
//! matched against the project's. Whatever had to be guessed is flagged; every line that
//! gives nobody is kept with its reason. (`姓名：…` blocks and tab-separated tables are
//! read as tables by [`super::list`].)

use std::collections::BTreeSet;

use super::attendees::{
    Field, Matcher, OrganisationRef, ParsedPerson, Preview, SkipReason, SkippedRow,
};
use super::names::{
    halfwidth, has_han, has_latin, is_han, looks_like_acronym, split_by_script, split_latin_name,
    strip_honorifics,
};
use crate::model::{Bilingual, Honorific, NameOrder, Person, Project};

/// Parses pasted text into people, matching organisations and people of `project`.
pub fn parse(text: &str, project: &Project) -> Vec<ParsedPerson> {
    parse_with(text, &Matcher::new(project))
}

/// [`parse`] with the project's people and organisations already indexed (a long list is
/// matched by look-ups, not by a scan of the project per entry).
pub fn parse_with(text: &str, matcher: &Matcher) -> Vec<ParsedPerson> {
    parse_preview(text, matcher).people
}

/// Every line of pasted text: the people it gives, and the lines that give nobody.
pub fn parse_preview(text: &str, matcher: &Matcher) -> Preview {
    let mut preview = Preview::default();
    for (line, entry) in split_entries(text, &mut preview.skipped) {
        match parse_entry_with(&entry, matcher) {
            Some(mut person) => {
                person.line = line;
                preview.people.push(person);
            }
            None => preview.skipped.push(SkippedRow {
                line,
                text: entry,
                reason: SkipReason::NoName,
            }),
        }
    }
    let parsed = &mut preview.people;
    // A title naming an organisation that another entry of the same list introduces
    // (`Vice President of AFNOR China` after `…, AFNOR 国际总经理`): use that one, flagged.
    let introduced: Vec<crate::model::Organisation> = parsed
        .iter()
        .filter_map(|p| match &p.organisation {
            OrganisationRef::New(o) if !o.acronym.is_empty() => Some(o.clone()),
            _ => None,
        })
        .collect();
    for entry in parsed.iter_mut() {
        if entry.organisation == OrganisationRef::None {
            let words: Vec<&str> = entry
                .person
                .title
                .en
                .split(|c: char| !c.is_alphanumeric())
                .collect();
            if let Some(org) = introduced
                .iter()
                .find(|o| words.contains(&o.acronym.as_str()))
            {
                entry.organisation = OrganisationRef::New(org.clone());
            }
        }
    }
    preview
}

/// The numbering of a list item (`1.`, `2)`, `3、`, `(一)`, `（二）`, `一、`, `①`, `- `, `•`)
/// and the rest of the line.
fn strip_numbering(line: &str) -> &str {
    let line = line.trim_start();
    let is_number = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百".contains(c);
    if let Some(rest) = line.strip_prefix(['•', '·', '-', '*', '–', '▪', '■']) {
        return rest.trim_start();
    }
    if let Some(c) = line.chars().next()
        && ('\u{2460}'..='\u{2473}').contains(&c)
    {
        return line.get(c.len_utf8()..).unwrap_or_default().trim_start();
    }
    if let Some(rest) = line.strip_prefix('(') {
        let digits = rest.chars().take_while(|c| is_number(*c)).count();
        let after: String = rest.chars().skip(digits).collect();
        if digits > 0 && after.starts_with(')') {
            let skip = line.len() - after.len() + 1;
            return line.get(skip..).unwrap_or_default().trim_start();
        }
        return line;
    }
    let digits: usize = line
        .chars()
        .take_while(|c| is_number(*c))
        .map(char::len_utf8)
        .sum();
    if digits == 0 {
        return line;
    }
    let after = line.get(digits..).unwrap_or_default();
    match after.chars().next() {
        Some('.' | ')' | '、' | '．' | ':') => after
            .get(after.chars().next().map_or(0, char::len_utf8)..)
            .unwrap_or_default()
            .trim_start(),
        // `1 HUANG Jixian`: a number and a space before a name.
        Some(' ' | '\t') if line.chars().next().is_some_and(|c| c.is_ascii_digit()) => {
            after.trim_start()
        }
        _ => line,
    }
}

/// Splits at line breaks, then at `, Mr. ` / `, Ms. ` … inside a line; each entry with
/// its line number. Lines that give nobody (a total, a bare number) go to `skipped`.
fn split_entries(text: &str, skipped: &mut Vec<SkippedRow>) -> Vec<(usize, String)> {
    let mut entries = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let normal = halfwidth(raw);
        let line = strip_numbering(&normal).trim().trim_end_matches('.').trim();
        if line.is_empty() {
            if !raw.trim().is_empty() {
                skipped.push(SkippedRow {
                    line: line_no,
                    text: raw.trim().to_owned(),
                    reason: SkipReason::NoName,
                });
            }
            continue;
        }
        if super::rows::is_total_text(line) {
            skipped.push(SkippedRow {
                line: line_no,
                text: raw.trim().to_owned(),
                reason: SkipReason::Total,
            });
            continue;
        }
        let mut current = String::new();
        let mut rest = line;
        while !rest.is_empty() {
            // Find the next ", <honorific> " boundary.
            let next = honorific_boundaries(rest).into_iter().find(|&i| i > 0);
            match next {
                Some(i) => {
                    current.push_str(rest.get(..i).unwrap_or_default());
                    push_entry(&mut entries, line_no, &current);
                    current.clear();
                    rest = rest.get(i..).unwrap_or_default();
                }
                None => {
                    current.push_str(rest);
                    rest = "";
                }
            }
        }
        push_entry(&mut entries, line_no, &current);
    }
    entries
}

fn push_entry(entries: &mut Vec<(usize, String)>, line: usize, entry: &str) {
    let entry = entry.trim().trim_matches([',', ';']).trim();
    if !entry.is_empty() {
        entries.push((line, entry.to_owned()));
    }
}

/// Byte offsets where an honorific starts a new entry (after a comma or at the start).
fn honorific_boundaries(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, _) in s.char_indices() {
        let Some(tail) = s.get(i..) else { continue };
        if !starts_with_honorific(tail) {
            continue;
        }
        let before = s.get(..i).unwrap_or_default().trim_end();
        if i == 0 || before.ends_with([',', ';']) {
            out.push(i);
        }
    }
    out
}

const HONORIFICS: [&str; 13] = [
    "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "H.E.", "Mr ", "Ms ", "Mme ", "M. ", "Mlle ", "Herr ",
    "Frau ",
];

fn starts_with_honorific(s: &str) -> bool {
    HONORIFICS.iter().any(|h| s.starts_with(h))
}

/// Parses one entry; `None` when it holds no name at all.
pub fn parse_entry(entry: &str, project: &Project) -> Option<ParsedPerson> {
    parse_entry_with(entry, &Matcher::new(project))
}

/// Words in the names of organisations (any case), in the languages of the lists.
const ORG_WORDS: [&str; 44] = [
    "association",
    "institute",
    "institut",
    "commission",
    "ministry",
    "agency",
    "centre",
    "center",
    "organisation",
    "organization",
    "office",
    "bureau",
    "group",
    "university",
    "company",
    "ltd",
    "gmbh",
    "ag",
    "sa",
    "sas",
    "inc",
    "council",
    "committee",
    "federation",
    "chamber",
    "administration",
    "delegation",
    "embassy",
    "authority",
    "société",
    "verband",
    "ministère",
    "ministerium",
    "bundesamt",
    "université",
    "universität",
    "academy",
    "foundation",
    "corporation",
    "bank",
    "union",
    "network",
    "project",
    "programme",
];

/// Endings of Chinese organisation names (the short forms too: 国家认监委, 省外办).
const ORG_ENDINGS_ZH: [&str; 29] = [
    "协会",
    "委员会",
    "中心",
    "局",
    "部",
    "院",
    "公司",
    "集团",
    "大学",
    "研究所",
    "学会",
    "总会",
    "商会",
    "使馆",
    "办公室",
    "银行",
    "组织",
    "联盟",
    "厅",
    "署",
    "代表团",
    "研究院",
    "基金会",
    "有限公司",
    "委",
    "办",
    "所",
    "社",
    "馆",
];

/// Titles that end like an organisation (`全国政协常委`, a standing committee member).
const TITLE_ENDINGS_ZH: [&str; 3] = ["常委", "编委", "党委书记"];

/// Whether a Latin part of an entry names an organisation: a known one, an acronym, or
/// words that organisations are named with.
fn is_org_like(matcher: &Matcher, part: &str) -> bool {
    matcher.organisation(part).is_some()
        || looks_like_acronym(part)
        || part
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| ORG_WORDS.contains(&w.to_lowercase().as_str()))
}

fn is_org_like_zh(matcher: &Matcher, part: &str) -> bool {
    matcher.organisation(part).is_some()
        || (ORG_ENDINGS_ZH.iter().any(|e| part.ends_with(e))
            && !TITLE_ENDINGS_ZH.iter().any(|e| part.ends_with(e)))
}

/// What the parts after a name say, one by one.
#[derive(Default)]
struct Rest {
    org_latin: String,
    org_zh: String,
    title_en: String,
    title_zh: String,
    /// True when the order of organisation and title was a guess.
    guessed: bool,
}

/// `Name, Organisation, Title` or `Name, Title, Organisation`, in either script: the part
/// that names an organisation is the organisation, the rest is the title.
fn classify_parts(matcher: &Matcher, parts: &[&str]) -> Rest {
    let mut rest = Rest::default();
    let mut latin: Vec<String> = Vec::new();
    let mut chinese: Vec<String> = Vec::new();
    for part in parts {
        let (en, zh) = split_by_script(part, true);
        if !en.is_empty() {
            latin.push(en);
        }
        if !zh.is_empty() {
            chinese.push(zh);
        }
    }
    if let Some(i) = latin.iter().rposition(|p| is_org_like(matcher, p)) {
        rest.org_latin = latin.remove(i);
    } else if latin.len() >= 2 {
        // Nothing names an organisation: `Name, Title, Organisation` is the common form.
        rest.org_latin = latin.pop().unwrap_or_default();
        rest.guessed = true;
    }
    rest.title_en = latin.join(", ");
    // Chinese parts are often one line of words: `国家认证认可监督管理委员会 技术标准部 主任`.
    let mut words: Vec<String> = chinese
        .iter()
        .flat_map(|p| p.split_whitespace().map(str::to_owned))
        .collect();
    if let Some(i) = words.iter().position(|p| is_org_like_zh(matcher, p)) {
        rest.org_zh = words.remove(i);
    }
    let chinese = words;
    rest.title_zh = chinese.join(" ");
    rest
}

fn parse_entry_with(entry: &str, matcher: &Matcher) -> Option<ParsedPerson> {
    let mut uncertain = BTreeSet::new();
    let normal = halfwidth(entry);
    let (honorific, rest) = leading_honorific(normal.trim());
    let mut honorific = honorific;
    let rest = rest.as_str();

    // Split off the English part after `>`.
    let (before_gt, after_gt) = match rest.split_once('>') {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (rest, None),
    };

    // Latin name: words up to the first Chinese character or comma.
    let name_end = before_gt
        .char_indices()
        .find(|(_, c)| is_han(*c) || *c == ',')
        .map_or(before_gt.len(), |(i, _)| i);
    let latin = before_gt.get(..name_end).unwrap_or_default().trim();
    let mut after_name = before_gt.get(name_end..).unwrap_or_default().trim_start();
    let name = split_latin_name(latin);
    if name.guessed && !latin.is_empty() && name.order == NameOrder::GivenFirst {
        uncertain.insert(Field::FamilyName);
    }
    if name.guessed && name.order == NameOrder::FamilyFirst {
        uncertain.insert(Field::NameOrder);
    }
    if honorific == Honorific::None {
        honorific = name.honorific;
    }

    // Chinese name: right after the Latin name (no comma between), 2–4 characters, or two
    // single characters spaced for alignment (`方 艳`), perhaps with `先生`/`女士` after it.
    let mut chinese_name = String::new();
    if !after_name.starts_with(',') {
        let tokens: Vec<&str> = after_name
            .split(is_separator)
            .filter(|t| !t.is_empty())
            .collect();
        let all_han = |t: &str| !t.is_empty() && t.chars().all(is_han);
        let (suffix, first) = strip_honorifics(tokens.first().copied().unwrap_or_default());
        match tokens.as_slice() {
            // `王芳女士`, `赵强 先生`: the name, and the honorific after it.
            [_, ..]
                if suffix != Honorific::None
                    && all_han(&first)
                    && (1..=4).contains(&first.chars().count()) =>
            {
                chinese_name = first;
                if honorific == Honorific::None {
                    honorific = suffix;
                }
            }
            [a, b, ..]
                if a.chars().count() == 1 && b.chars().count() == 1 && all_han(a) && all_han(b) =>
            {
                chinese_name = format!("{a} {b}");
            }
            [a, ..] if all_han(a) && (2..=4).contains(&a.chars().count()) => {
                chinese_name = (*a).to_owned();
            }
            _ => {}
        }
        if !chinese_name.is_empty() {
            let skip = if chinese_name.contains(' ') { 2 } else { 1 };
            after_name = skip_tokens(after_name, skip);
            // `张伟 先生`: the honorific stands apart.
            let next = after_name.split(is_separator).next().unwrap_or_default();
            if let Some(h) = super::names::honorific_word(next).filter(|_| has_han(next)) {
                if honorific == Honorific::None {
                    honorific = h;
                }
                after_name = skip_tokens(after_name, 1);
            }
        }
    }
    let after_name = after_name.trim_start_matches(',').trim();

    let mut rest = Rest::default();
    if let Some(after) = after_gt {
        // `… 中国认证认可协会 常务副会长兼秘书长>Executive Vice President,CCAA`: before `>` an
        // organisation (a Latin acronym or a Chinese name) and the Chinese title; after
        // it the English title, then `,ACRONYM`.
        let latin_end = after_name.find(is_han).unwrap_or(after_name.len());
        rest.org_latin = after_name
            .get(..latin_end)
            .unwrap_or_default()
            .trim()
            .trim_end_matches(',')
            .trim()
            .to_owned();
        let chinese = after_name.get(latin_end..).unwrap_or_default();
        let tokens: Vec<&str> = chinese.split_whitespace().collect();
        let mut used = 0;
        if let Some(first) = tokens.first()
            && (tokens.len() > 1 || matcher.organisation(first).is_some())
        {
            rest.org_zh = (*first).to_owned();
            used = 1;
        }
        rest.title_zh = tokens.get(used..).unwrap_or_default().join(" ");
        let after = after.trim().trim_end_matches(['.', ',']);
        match after.rsplit_once(',') {
            Some((title, acronym)) if looks_like_acronym(acronym.trim()) => {
                rest.title_en = title.trim().to_owned();
                if rest.org_latin.is_empty() {
                    rest.org_latin = acronym.trim().to_owned();
                }
            }
            _ => rest.title_en = after.to_owned(),
        }
    } else if !after_name.is_empty() {
        let parts: Vec<&str> = after_name
            .split([',', ';', '，', '、'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
        rest = classify_parts(matcher, &parts);
        if rest.guessed {
            uncertain.insert(Field::Organisation);
            uncertain.insert(Field::Title);
        }
    }

    // Look-ups in the matcher's index, not scans of the project: a pasted list of
    // thousands of lines stays linear.
    let mut organisation = resolve_organisation_by(
        &|name| matcher.organisation(name),
        &rest.org_latin,
        &rest.org_zh,
    );
    if matches!(organisation, OrganisationRef::None) {
        // `Vice President of AFNOR China`: a known organisation named in the title.
        if let Some(id) = matcher.organisation_named_in(&rest.title_en) {
            organisation = OrganisationRef::Existing(id);
        }
        uncertain.insert(Field::Organisation);
    }
    let (mut family_name, mut given_name, mut name_order) = (name.family, name.given, name.order);
    let mut from_pinyin = false;
    if family_name.is_empty() && given_name.is_empty() {
        if let Some(r) = super::romanize::romanize(&chinese_name) {
            family_name = r.family;
            given_name = r.given;
            name_order = NameOrder::FamilyFirst;
            from_pinyin = true;
            uncertain.insert(Field::FamilyName);
            uncertain.insert(Field::GivenName);
        } else if !chinese_name.is_empty() {
            // No pinyin for it: a transliterated foreign name (`安娜·施密特`) keeps the
            // given name first.
            name_order = if crate::model::is_transliterated_name(&chinese_name) {
                NameOrder::GivenFirst
            } else {
                NameOrder::FamilyFirst
            };
        }
    }
    if family_name.is_empty() && given_name.is_empty() && chinese_name.is_empty() {
        return None;
    }
    if family_name.is_empty() && chinese_name.is_empty() {
        uncertain.insert(Field::FamilyName);
    }
    if rest.title_en.is_empty() && rest.title_zh.is_empty() {
        uncertain.insert(Field::Title);
    }
    // Latin text never lands in the Chinese title, nor Chinese in the English one.
    let person = Person {
        honorific,
        family_name,
        given_name,
        chinese_name,
        name_order,
        organisation: None,
        title: Bilingual::new(rest.title_en, rest.title_zh),
        ..Default::default()
    };
    let mut parsed = ParsedPerson::new(entry.to_owned(), 0, person, organisation);
    parsed.uncertain = uncertain;
    parsed.from_pinyin = from_pinyin;
    parsed.matched = super::rows::match_person(matcher, &parsed);
    Some(parsed)
}

/// The honorifics at the start of an entry (`Mr.`, `Mme`, `Herr Dr.`) and the rest.
fn leading_honorific(entry: &str) -> (Honorific, String) {
    let mut honorific = Honorific::None;
    let mut rest = entry;
    while let Some((word, after)) = rest.split_once(char::is_whitespace) {
        match super::names::honorific_word(word) {
            Some(h) if !after.trim().is_empty() && has_latin(word) => {
                if honorific == Honorific::None || h != Honorific::Mr {
                    honorific = h;
                }
                rest = after.trim_start();
            }
            _ => break,
        }
    }
    (honorific, rest.to_owned())
}

/// Spaces and commas part the tokens of an entry.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || c == ','
}

/// `s` after its first `n` tokens.
fn skip_tokens(s: &str, n: usize) -> &str {
    let mut rest = s.trim_start_matches(is_separator);
    for _ in 0..n {
        let end = rest.find(is_separator).unwrap_or(rest.len());
        rest = rest
            .get(end..)
            .unwrap_or_default()
            .trim_start_matches(is_separator);
    }
    rest
}

fn find_org_by_name(project: &Project, name: &str) -> Option<crate::model::OrganisationId> {
    let key = crate::model::fold_for_search(name);
    project
        .organisations
        .iter()
        .find(|(_, o)| {
            !key.is_empty()
                && (crate::model::fold_for_search(&o.acronym) == key
                    || crate::model::fold_for_search(&o.name.zh) == key
                    || crate::model::fold_for_search(&o.name.en) == key)
        })
        .map(|(id, _)| id.clone())
}

/// An existing organisation by acronym or name, else a new one from the hints.
pub fn resolve_organisation(project: &Project, latin: &str, chinese: &str) -> OrganisationRef {
    resolve_organisation_by(&|name| find_org_by_name(project, name), latin, chinese)
}

/// [`resolve_organisation`] with the look-up of an existing organisation by name given
/// (an index, for imports of many rows).
pub fn resolve_organisation_by(
    find: &dyn Fn(&str) -> Option<crate::model::OrganisationId>,
    latin: &str,
    chinese: &str,
) -> OrganisationRef {
    for hint in [latin, chinese] {
        if !hint.trim().is_empty()
            && let Some(id) = find(hint)
        {
            return OrganisationRef::Existing(id);
        }
    }
    if latin.trim().is_empty() && chinese.trim().is_empty() {
        return OrganisationRef::None;
    }
    OrganisationRef::New(crate::model::Organisation {
        acronym: if looks_like_acronym(latin) {
            latin.trim().to_owned()
        } else {
            String::new()
        },
        name: Bilingual::new(
            if looks_like_acronym(latin) {
                String::new()
            } else {
                latin.trim().to_owned()
            },
            chinese.trim(),
        ),
        ..Default::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::OrganisationId;

    /// The sample project without its people: organisations to match against.
    fn organisations_only() -> Project {
        let mut p = crate::samples::ccaa_afnor().unwrap();
        p.people.clear();
        p.meetings.clear();
        p.commitments.clear();
        p
    }

    #[test]
    fn the_seven_attendees_of_the_report_come_out_right() {
        let text = include_str!("../../tests/fixtures/ccaa-afnor-attendees.txt");
        let project = organisations_only();
        let parsed = parse(text, &project);
        let sample = crate::samples::ccaa_afnor().unwrap();
        assert_eq!(parsed.len(), 7, "{parsed:#?}");
        for entry in &parsed {
            let expected = sample
                .people
                .values()
                .find(|p| p.family_name == entry.person.family_name)
                .unwrap_or_else(|| panic!("unexpected person {:?}", entry.person));
            let mut got = entry.person.clone();
            got.organisation = match &entry.organisation {
                OrganisationRef::Existing(id) => Some(id.clone()),
                other => panic!(
                    "{} should match an existing organisation, got {other:?}",
                    got.display_name()
                ),
            };
            // Notes are not in the list; everything else must be exactly as in the sample.
            got.notes = expected.notes.clone();
            assert_eq!(&got, expected, "from {:?}", entry.source);
            // Only August TSAI and Peter ZHANG name no organisation (their titles say
            // "of AFNOR China"): that inference is flagged for a look; nothing else is.
            let expected_uncertain: BTreeSet<Field> =
                if ["Tsai", "Zhang"].contains(&got.family_name.as_str()) {
                    [Field::Organisation].into()
                } else {
                    BTreeSet::new()
                };
            assert_eq!(
                entry.uncertain,
                expected_uncertain,
                "{}",
                got.display_name()
            );
        }
        // The report's order is kept (protocol order).
        let names: Vec<_> = parsed.iter().map(|p| p.person.latin_name()).collect();
        assert_eq!(
            names,
            [
                "HUANG Jixian",
                "FANG Yan",
                "WANG Qian",
                "Myriam AUGEREAU LANDAIS",
                "August TSAI",
                "Cindy SHEN",
                "Peter ZHANG"
            ]
        );
    }

    #[test]
    fn existing_people_are_matched_not_duplicated() {
        let text = include_str!("../../tests/fixtures/ccaa-afnor-attendees.txt");
        let sample = crate::samples::ccaa_afnor().unwrap();
        let parsed = parse(text, &sample);
        assert!(parsed.iter().all(|p| p.matched.is_some()));
        let (edit, summary) = super::super::attendees::build_edit(&sample, &parsed, None);
        assert!(summary.added_people.is_empty());
        assert_eq!(summary.matched_people.len(), 7);
        let mut after = sample.clone();
        edit.apply(&mut after);
        assert_eq!(after, sample, "importing the same list changes nothing");
    }

    #[test]
    fn one_person_per_line_and_unknown_organisations() {
        let project = Project::default();
        let text = "Dr. Betty XU 徐贝蒂, CQC\nProf. Klaus MÜLLER, Head of Standards, DIN\n王 芳\nJean Dupont";
        let parsed = parse(text, &project);
        assert_eq!(parsed.len(), 4, "{parsed:#?}");
        assert_eq!(parsed[0].person.display_name(), "Betty XU 徐贝蒂");
        assert_eq!(parsed[0].person.name_order, NameOrder::GivenFirst);
        assert!(matches!(&parsed[0].organisation, OrganisationRef::New(o) if o.acronym == "CQC"));
        assert_eq!(parsed[1].person.family_name, "Müller");
        assert_eq!(parsed[1].person.title.en, "Head of Standards");
        assert_eq!(parsed[2].person.chinese_name, "王 芳");
        assert!(
            parsed[3].uncertain.contains(&Field::FamilyName),
            "no capitals: the family name is a guess"
        );
        let (edit, summary) = super::super::attendees::build_edit(&project, &parsed, None);
        let mut after = project.clone();
        edit.apply(&mut after);
        assert_eq!(summary.added_people.len(), 4);
        // Into an empty project, the report's AFNOR people all join the one new AFNOR.
        let report = parse(
            include_str!("../../tests/fixtures/ccaa-afnor-attendees.txt"),
            &project,
        );
        let (edit, summary) = super::super::attendees::build_edit(&project, &report, None);
        let mut fresh = project.clone();
        edit.apply(&mut fresh);
        assert_eq!(summary.added_organisations.len(), 2);
        assert!(fresh.people.values().all(|p| p.organisation.is_some()));
        assert_eq!(summary.added_organisations.len(), 2);
        assert_eq!(after.people.len(), 4);
        assert!(crate::model::validate(&after).is_empty());
        let ids: Vec<_> = after
            .organisations
            .keys()
            .map(OrganisationId::as_str)
            .collect();
        assert_eq!(ids, ["cqc", "din"]);
    }

    #[test]
    fn any_text_parses_without_panic() {
        let project = crate::samples::ccaa_afnor().unwrap();
        for text in [
            "",
            ">",
            "Mr.",
            "Mr. >",
            ",,,,",
            "Ms. 方",
            "\u{202E}Mr. X",
            "Mr. A, Ms. B, Dr. C>",
            "＞＞＞",
            "Mr. HUANG 黄 ＞ , ,CCAA",
        ] {
            let _ = parse(text, &project);
        }
    }
}
