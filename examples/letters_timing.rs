//! What 1,000 invitation letters cost (issue 25): a visit of 100 delegations of 10 people,
//! each letter listing its delegation's members, from a Word template (the built-in Chinese
//! visa letter saved as Word: tables, a header, a repeated row) and from a small letterhead
//! with a split placeholder; the check of every value; the letters as PDF; the files
//! written. Peak memory is the process's high-water mark (`VmHWM`).
//!
//! `cargo run --release --example letters_timing` (BENCHMARKS.md).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A measuring tool: a panic is a failed run.

use std::time::Instant;

use chrono::NaiveDate;
use delegation_planner::export::ExportLanguage;
use delegation_planner::export::letters::{self, Builtin, LetterFormat, LetterTemplate, Template};
use delegation_planner::model::{
    Attendee, Bilingual, Gender, Meeting, MeetingId, Organisation, OrganisationId, Person,
    PersonId, Project, Side, SideId,
};

const DELEGATIONS: usize = 100;
const MEMBERS: usize = 10;

fn project() -> Project {
    let mut p = Project::default();
    let host = OrganisationId::from("host");
    p.organisations.insert(
        host.clone(),
        Organisation {
            acronym: "CCAA".into(),
            name: Bilingual::new(
                "China Certification and Accreditation Association",
                "中国认证认可协会",
            ),
            address: Bilingual::new("9 Madian East Road, Beijing", "北京市海淀区马甸东路9号"),
            phone: "+86 10 0000 0000".into(),
            representative: Bilingual::new("HUANG Jixian", "黄继先"),
            ..Organisation::default()
        },
    );
    let mut m = Meeting::new(
        NaiveDate::from_ymd_opt(2026, 11, 4).unwrap(),
        chrono_tz::Asia::Shanghai,
    );
    m.title = Bilingual::new("Annual conformity assessment forum", "合格评定年度论坛");
    m.venue = Bilingual::new("CCAA, Beijing", "中国认证认可协会，北京");
    m.host = Some(host);
    m.letter.costs = Bilingual::new("Each delegation pays its travel.", "各代表团自理旅费。");
    m.letter.signatory_title = Bilingual::new("Secretary General", "秘书长");
    for d in 0..DELEGATIONS {
        let org = OrganisationId(format!("org-{d}"));
        p.organisations.insert(
            org.clone(),
            Organisation {
                acronym: format!("ORG{d}"),
                name: Bilingual::new(format!("Standards Body {d}"), format!("标准机构{d}")),
                ..Organisation::default()
            },
        );
        let side = SideId(format!("side-{d}"));
        m.sides.push(Side {
            id: side.clone(),
            name: Bilingual::new(format!("Delegation {d}"), format!("代表团{d}")),
            organisations: vec![org.clone()],
        });
        for i in 0..MEMBERS {
            let id = PersonId(format!("p-{d}-{i}"));
            let mut person = Person {
                family_name: format!("Müller{d}"),
                given_name: format!("Anna{i}"),
                organisation: Some(org.clone()),
                title: Bilingual::new("Expert", "专家"),
                ..Person::default()
            };
            person.personal.gender = Gender::Female;
            person.personal.date_of_birth = NaiveDate::from_ymd_opt(1980, 1 + (i % 12) as u32, 1);
            person.personal.nationality = "German".into();
            person.personal.passport_number = format!("C{d:03}{i:05}");
            person.personal.passport_expiry = NaiveDate::from_ymd_opt(2032, 5, 1);
            p.people.insert(id.clone(), person);
            let mut a = Attendee::new(id);
            a.side = Some(side.clone());
            a.rank = i as u32 + 1;
            m.attendees.push(a);
        }
    }
    p.meetings.insert(MeetingId::from("forum"), m);
    p
}

fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() {
    let p = project();
    let meeting = &p.meetings[&MeetingId::from("forum")];
    let people = letters::default_people(&p, meeting);
    assert_eq!(people.len(), DELEGATIONS * MEMBERS);
    let today = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    let dir = tempfile::tempdir().unwrap();
    println!(
        "{} letters, {DELEGATIONS} delegations of {MEMBERS}",
        people.len()
    );
    println!("peak memory before: {:.0} MB", peak_mb());
    let word = Template::from_docx(
        letters::builtin_docx(Builtin::ChinaVisa, ExportLanguage::Both).unwrap(),
    )
    .unwrap();
    let cases = [
        (
            "Word template (China visa letter as .docx, both languages)",
            LetterTemplate::Word(word),
            LetterFormat::Docx,
        ),
        (
            "built-in China visa letter as PDF",
            LetterTemplate::Builtin(Builtin::ChinaVisa),
            LetterFormat::Pdf,
        ),
    ];
    for (name, template, format) in cases {
        let contexts =
            letters::contexts(&p, meeting, &people, ExportLanguage::Both, today).unwrap();
        let start = Instant::now();
        let missing = letters::missing_values(&template, &contexts);
        let checked = start.elapsed();
        assert!(missing.is_empty(), "{missing:?}");
        let start = Instant::now();
        let made = letters::generate(&template, &contexts, format, &mut |_, _| true).unwrap();
        let made_in = start.elapsed();
        let start = Instant::now();
        let out = dir.path().join(format.extension());
        std::fs::create_dir_all(&out).unwrap();
        let files: Vec<(std::path::PathBuf, &[u8])> = made
            .letters
            .iter()
            .map(|l| (out.join(&l.file_name), l.bytes.as_slice()))
            .collect();
        delegation_planner::project_file::write_files_atomically(&files).unwrap();
        let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
        let written = start.elapsed();
        println!(
            "{name}: check {checked:.2?}, {} letters made in {made_in:.2?}, written in {written:.2?} ({:.1} MB); total {:.2?}; peak memory so far {:.0} MB",
            made.letters.len(),
            bytes as f64 / 1e6,
            checked + made_in + written,
            peak_mb()
        );
    }
}
