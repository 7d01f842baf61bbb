//! Speakers and chairs from the words before names, a Chinese name after a Chinese title,
//! and what each line of a programme gave.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use super::super::*;

fn speakers(line: &ParsedLine) -> Vec<(&str, Option<&str>)> {
    line.speakers
        .iter()
        .map(|s| (s.text.as_str(), s.person.as_ref().map(PersonId::as_str)))
        .collect()
}

#[test]
fn a_trailing_chinese_name_is_a_speaker_when_it_is_a_person_or_reads_as_a_name() {
    let project = crate::samples::ccaa_afnor().unwrap();
    let text = "9:00 欢迎致辞  黄继先\n9:30 参观  实验室\n10:00 欢迎致辞 刘江\n10:30 座谈交流\n主持人：黄继先\n";
    let p = parse(text, &project, None);
    assert_eq!(p.lines[0].title, "欢迎致辞");
    assert_eq!(speakers(&p.lines[0]), [("黄继先", Some("huang-jixian"))]);
    // `实验室` is no name: the title keeps it.
    assert_eq!(p.lines[1].title, "参观  实验室");
    assert!(p.lines[1].speakers.is_empty());
    // One space is a word of the title, not a column.
    assert_eq!(p.lines[2].title, "欢迎致辞 刘江");
    // A chair line under an item: the item's chair, matched to the person.
    assert_eq!(
        p.lines[3].chairs[0].person.as_ref().map(PersonId::as_str),
        Some("huang-jixian")
    );
    assert_eq!(p.classes[4].role, LineRole::Note(3));
}

#[test]
fn words_before_names_need_names_after_them() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("Opening by Dr. Betty XU", "Opening", &["Dr. Betty XU"]),
        ("Visit of the lab by bus", "Visit of the lab by bus", &[]),
        (
            "Présentation par M. Jean DUPONT",
            "Présentation",
            &["M. Jean DUPONT"],
        ),
        ("Führung durch das Labor", "Führung durch das Labor", &[]),
        (
            "Vorstellung von Projekten",
            "Vorstellung von Projekten",
            &[],
        ),
        (
            "Vortrag von Helge Engelhard",
            "Vortrag",
            &["Helge Engelhard"],
        ),
        (
            "Begrüßung durch Herrn Helge Engelhard, BMWi",
            "Begrüßung",
            &["Herr Helge Engelhard (BMWi)"],
        ),
        ("致辞：刘江", "致辞", &["刘江"]),
        ("主题报告 主讲：李明、王伟", "主题报告", &["李明", "王伟"]),
    ];
    for (line, title, want) in cases {
        let parsed = parse_line(line).unwrap();
        assert_eq!(parsed.title, *title, "{line}");
        let got: Vec<&str> = parsed.speakers.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(got, *want, "{line}");
    }
}

#[test]
fn every_line_is_accounted_for_with_its_reason() {
    let project = Project::default();
    let text = "Programme de la visite\nParis, 12–13 mai 2025\nLundi 12 mai 2025\nMatin\n9h Accueil\nLieu : salle Europe\n***\nAprès-midi\n14h Visite\n";
    let p = parse(text, &project, None);
    let roles: Vec<LineRole> = p.classes.iter().map(|c| c.role.clone()).collect();
    assert_eq!(
        roles,
        [
            LineRole::Title,
            LineRole::Ignored(IgnoreReason::UnderTitle),
            LineRole::Day(0),
            LineRole::Section(Half::Morning),
            LineRole::Item(0),
            LineRole::Note(0),
            LineRole::Ignored(IgnoreReason::NothingToRead),
            LineRole::Section(Half::Afternoon),
            LineRole::Item(1),
        ]
    );
    assert_eq!(p.skipped, [2, 7]);
    assert_eq!(p.lines[0].notes, ["Lieu : salle Europe"]);
    assert_eq!(p.title.as_ref().unwrap().title.en, "Programme de la visite");
}
