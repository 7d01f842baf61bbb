//! Attendee lists as they arrive by e-mail, e.g. the CCAA–AFNOR report:
//!
//! ```text
//! Mr. HUANG Jixian 黄继先 中国认证认可协会 常务副会长兼秘书长>Executive Vice President and
//! Secretary General,CCAA, Ms. FANG Yan 方 艳 中国认证认可协会 技术标准部 主任> Director of …,CCAA,
//! Ms. Myriam AUGEREAU LANDAIS, AFNOR 国际总经理> President of AFNOR China, …
//! ```
//!
//! Entries start with an honorific, or stand one per line. Each gives a person (Latin name
//! with the family name in capitals, Chinese name, titles in both languages) and an
//! organisation matched against the project's. Whatever had to be guessed is flagged.

use std::collections::BTreeSet;

use super::attendees::{Field, Matcher, OrganisationRef, ParsedPerson};
use crate::model::{Bilingual, Honorific, NameOrder, Person, Project};

/// Parses pasted text into people, matching organisations and people of `project`.
pub fn parse(text: &str, project: &Project) -> Vec<ParsedPerson> {
    parse_with(text, project, &Matcher::new(project))
}

/// [`parse`] with the project's people already indexed (a long list is matched by
/// look-ups, not by a scan of the project per entry).
pub fn parse_with(text: &str, project: &Project, matcher: &Matcher) -> Vec<ParsedPerson> {
    let mut parsed: Vec<ParsedPerson> = split_entries(text)
        .into_iter()
        .filter_map(|entry| parse_entry_with(&entry, project, matcher))
        .collect();
    // A title naming an organisation that another entry of the same list introduces
    // (`Vice President of AFNOR China` after `…, AFNOR 国际总经理`): use that one, flagged.
    let introduced: Vec<crate::model::Organisation> = parsed
        .iter()
        .filter_map(|p| match &p.organisation {
            OrganisationRef::New(o) if !o.acronym.is_empty() => Some(o.clone()),
            _ => None,
        })
        .collect();
    for entry in &mut parsed {
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
    parsed
}

/// Splits at line breaks, then at `, Mr. ` / `, Ms. ` … inside a line.
fn split_entries(text: &str) -> Vec<String> {
    let mut entries = Vec::new();
    for line in text.lines() {
        let line = line.trim().trim_end_matches('.').trim();
        if line.is_empty() {
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
                    push_entry(&mut entries, &current);
                    current.clear();
                    rest = rest.get(i..).unwrap_or_default();
                }
                None => {
                    current.push_str(rest);
                    rest = "";
                }
            }
        }
        push_entry(&mut entries, &current);
    }
    entries
}

fn push_entry(entries: &mut Vec<String>, entry: &str) {
    let entry = entry.trim().trim_matches([',', '，', ';', '；']).trim();
    if !entry.is_empty() {
        entries.push(entry.to_owned());
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
        if i == 0 || before.ends_with([',', '，', ';', '；']) {
            out.push(i);
        }
    }
    out
}

const HONORIFICS: [&str; 8] = ["Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "H.E.", "Mr ", "Ms "];

fn starts_with_honorific(s: &str) -> bool {
    HONORIFICS.iter().any(|h| s.starts_with(h))
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || ('\u{3400}'..='\u{4DBF}').contains(&c)
        || ('\u{F900}'..='\u{FAFF}').contains(&c)
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// An all-capitals Latin word (`HUANG`, `AUGEREAU`), the family-name mark of formal lists.
fn is_caps_word(w: &str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// Parses one entry; `None` when it holds no name at all.
pub fn parse_entry(entry: &str, project: &Project) -> Option<ParsedPerson> {
    parse_entry_with(entry, project, &Matcher::new(project))
}

fn parse_entry_with(entry: &str, project: &Project, matcher: &Matcher) -> Option<ParsedPerson> {
    let mut uncertain = BTreeSet::new();
    let mut rest = entry.trim();

    // Honorific.
    let mut honorific = Honorific::None;
    if let Some((word, after)) = rest.split_once(char::is_whitespace)
        && let Some(h) = Honorific::parse(word)
    {
        honorific = h;
        rest = after.trim_start();
    }

    // Split off the English part after `>`.
    let (before_gt, after_gt) = match rest.split_once(['>', '＞']) {
        Some((a, b)) => (a.trim(), Some(b.trim())),
        None => (rest, None),
    };

    // Latin name: words up to the first CJK character or comma.
    let name_end = before_gt
        .char_indices()
        .find(|(_, c)| is_cjk(*c) || *c == ',' || *c == '，')
        .map_or(before_gt.len(), |(i, _)| i);
    let latin = before_gt.get(..name_end).unwrap_or_default().trim();
    let mut after_name = before_gt.get(name_end..).unwrap_or_default().trim_start();

    let words: Vec<&str> = latin.split_whitespace().collect();
    let caps: Vec<bool> = words.iter().map(|w| is_caps_word(w)).collect();
    let (family_name, given_name, name_order) = if words.is_empty() {
        (String::new(), String::new(), NameOrder::FamilyFirst)
    } else if caps.iter().all(|c| *c) && words.len() > 1 {
        // All capitals: cannot tell; assume Chinese order, flagged.
        uncertain.insert(Field::NameOrder);
        (
            title_case(words.first().copied().unwrap_or_default()),
            words
                .get(1..)
                .unwrap_or_default()
                .iter()
                .map(|w| title_case(w))
                .collect::<Vec<_>>()
                .join(" "),
            NameOrder::FamilyFirst,
        )
    } else if caps.first() == Some(&true) {
        let n = caps.iter().take_while(|c| **c).count();
        (
            join_title(words.get(..n).unwrap_or_default()),
            words.get(n..).unwrap_or_default().join(" "),
            NameOrder::FamilyFirst,
        )
    } else if let Some(first_caps) = caps.iter().position(|c| *c) {
        (
            join_title(words.get(first_caps..).unwrap_or_default()),
            words.get(..first_caps).unwrap_or_default().join(" "),
            NameOrder::GivenFirst,
        )
    } else {
        // No capitals to mark the family name: the last word, Western order, flagged.
        uncertain.insert(Field::FamilyName);
        let (last, first) = words.split_last().map_or((&"", &[][..]), |(l, f)| (l, f));
        (last.to_string(), first.join(" "), NameOrder::GivenFirst)
    };

    // Chinese name: right after the Latin name (no comma between), 2–4 characters, or two
    // single characters spaced for alignment (`方 艳`).
    let mut chinese_name = String::new();
    if !after_name.starts_with([',', '，']) {
        let tokens: Vec<&str> = after_name
            .split_whitespace()
            .map(|t| t.trim_end_matches([',', '，']))
            .collect();
        let all_cjk = |t: &str| !t.is_empty() && t.chars().all(is_cjk);
        match tokens.as_slice() {
            [a, b, ..]
                if a.chars().count() == 1 && b.chars().count() == 1 && all_cjk(a) && all_cjk(b) =>
            {
                chinese_name = format!("{a} {b}");
            }
            [a, ..] if all_cjk(a) && (2..=4).contains(&a.chars().count()) => {
                chinese_name = (*a).to_owned();
            }
            _ => {}
        }
        if !chinese_name.is_empty() {
            let skip = chinese_name.split_whitespace().count();
            after_name = skip_tokens(after_name, skip);
        }
    }
    let after_name = after_name.trim_start_matches([',', '，']).trim();

    // What is left before `>`: organisation (Latin acronym or Chinese name) and Chinese title.
    let mut org_hint_latin = String::new();
    let mut org_hint_zh = String::new();
    let mut title_zh = String::new();
    let tokens: Vec<&str> = after_name.split_whitespace().collect();
    let mut used = 0;
    if let Some(first) = tokens.first() {
        if !has_cjk(first) {
            org_hint_latin = (*first).to_owned();
            used = 1;
        } else if tokens.len() > 1 || find_org_by_name(project, first).is_some() {
            org_hint_zh = (*first).to_owned();
            used = 1;
        }
    }
    if let Some(rest_tokens) = tokens.get(used..) {
        title_zh = rest_tokens.join(" ");
    }

    // After `>`: the English title, then `,ACRONYM`.
    let mut title_en = String::new();
    if let Some(after) = after_gt {
        let after = after.trim().trim_end_matches(['.', ',']);
        match after.rsplit_once([',', '，']) {
            Some((title, acronym)) if looks_like_acronym(acronym.trim()) => {
                title_en = title.trim().to_owned();
                if org_hint_latin.is_empty() {
                    org_hint_latin = acronym.trim().to_owned();
                }
            }
            _ => title_en = after.to_owned(),
        }
    } else if !after_name.is_empty() && !has_cjk(after_name) {
        // `Name, Title, ORG` lines without `>`.
        let parts: Vec<&str> = after_name.split([',', '，']).map(str::trim).collect();
        match parts.as_slice() {
            [title, org] if looks_like_acronym(org) => {
                title_en = (*title).to_owned();
                org_hint_latin = (*org).to_owned();
            }
            [org] if looks_like_acronym(org) => org_hint_latin = (*org).to_owned(),
            _ => {
                title_en = after_name.to_owned();
                org_hint_latin.clear();
            }
        }
    }

    let mut organisation = resolve_organisation(project, &org_hint_latin, &org_hint_zh);
    if matches!(organisation, OrganisationRef::None) {
        // `Vice President of AFNOR China`: a known organisation named in the title.
        if let Some(id) = org_named_in(project, &title_en) {
            organisation = OrganisationRef::Existing(id);
        }
        uncertain.insert(Field::Organisation);
    }
    if family_name.is_empty() && chinese_name.is_empty() {
        return None;
    }
    if title_en.is_empty() && title_zh.is_empty() {
        uncertain.insert(Field::Title);
    }
    let person = Person {
        honorific,
        family_name,
        given_name,
        chinese_name,
        name_order,
        organisation: None,
        title: Bilingual::new(title_en, title_zh),
        ..Default::default()
    };
    let matched = matcher.person(&person);
    Some(ParsedPerson {
        source: entry.to_owned(),
        person,
        organisation,
        matched,
        uncertain,
    })
}

fn skip_tokens(s: &str, n: usize) -> &str {
    let mut rest = s.trim_start();
    for _ in 0..n {
        let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        rest = rest.get(end..).unwrap_or_default().trim_start();
    }
    rest
}

fn looks_like_acronym(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty()
        && s.chars().count() <= 12
        && !s.contains(' ')
        && s.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
        && s.chars().any(char::is_alphabetic)
}

fn title_case(w: &str) -> String {
    let mut out = String::new();
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// `AUGEREAU LANDAIS` → `Augereau Landais` (the display puts the capitals back).
fn join_title(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| title_case(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The one organisation of the project whose acronym appears as a word in `text`.
fn org_named_in(project: &Project, text: &str) -> Option<crate::model::OrganisationId> {
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).collect();
    let found: Vec<_> = project
        .organisations
        .iter()
        .filter(|(_, o)| !o.acronym.is_empty() && words.contains(&o.acronym.as_str()))
        .map(|(id, _)| id.clone())
        .collect();
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
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
