//! The minutes and the Word documents, checked by reading them back: the Markdown and HTML
//! as text, the PDF through text extraction, the .docx unzipped and its XML parsed (styles,
//! tables, East Asian fonts, A4, page-number fields), all made through the command line the
//! way a user makes them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::io::Read as _;
use std::path::Path;
use std::process::Command;

// The XML reader these tests were written with (quick-xml 0.41); the library uses 0.42.
use quick_xml_041 as quick_xml;

use delegation_planner::export::minutes::{self, MinutesMark};
use delegation_planner::export::{ExportLanguage, ExportRequest};
use delegation_planner::model::{Bilingual, ItemId, MeetingId, MinutesStage};

const SAMPLE: &str = "saves/ccaa-afnor-paris-2024.ron";

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Exports with the command line into `dir` and returns the bytes written.
fn export(dir: &Path, file: &str, what: &[&str], name: &str) -> Vec<u8> {
    let out = dir.join(name);
    let mut args = vec!["export"];
    args.extend_from_slice(what);
    args.extend([file, "-o", out.to_str().unwrap()]);
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{args:?}: {stdout}{stderr}");
    assert!(stdout.contains("wrote"), "{stdout}");
    std::fs::read(out).unwrap()
}

/// One part of a .docx (a ZIP), as text.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the package"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// What an XML part holds, parsed with a real XML parser: every element's name with its
/// attributes, and the text of every `w:t`. A part that is not well-formed fails here.
struct Xml {
    elements: Vec<(String, Vec<(String, String)>)>,
    texts: Vec<String>,
}

impl Xml {
    fn parse(text: &str) -> Self {
        use quick_xml::events::Event;
        let mut reader = quick_xml::Reader::from_str(text);
        let (mut elements, mut texts) = (Vec::new(), Vec::new());
        let mut in_text = false;
        loop {
            match reader.read_event().expect("well-formed XML") {
                Event::Start(e) | Event::Empty(e) => {
                    let name = String::from_utf8(e.name().as_ref().to_vec()).unwrap();
                    in_text = name == "w:t";
                    let decoder = reader.decoder();
                    let attributes = e
                        .attributes()
                        .map(|a| {
                            let a = a.unwrap();
                            (
                                String::from_utf8(a.key.as_ref().to_vec()).unwrap(),
                                a.decoded_and_normalized_value(
                                    quick_xml::XmlVersion::Implicit1_0,
                                    decoder,
                                )
                                .unwrap()
                                .into_owned(),
                            )
                        })
                        .collect();
                    elements.push((name, attributes));
                }
                Event::Text(t) if in_text => texts.push(t.decode().unwrap().into_owned()),
                Event::GeneralRef(r) if in_text => {
                    let entity = String::from_utf8(r.to_vec()).unwrap();
                    let c = match entity.as_str() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        other => panic!("unexpected entity {other}"),
                    };
                    if let Some(last) = texts.last_mut() {
                        last.push_str(c);
                    }
                }
                Event::End(_) => in_text = false,
                Event::Eof => break,
                _ => {}
            }
        }
        Self { elements, texts }
    }

    fn count(&self, name: &str) -> usize {
        self.elements.iter().filter(|(n, _)| n == name).count()
    }

    /// The values of attribute `attr` on elements `name`.
    fn values(&self, name: &str, attr: &str) -> Vec<String> {
        self.elements
            .iter()
            .filter(|(n, _)| n == name)
            .filter_map(|(_, a)| a.iter().find(|(k, _)| k == attr).map(|(_, v)| v.clone()))
            .collect()
    }

    fn text(&self) -> String {
        self.texts.concat()
    }
}

/// The checks every Word document of the app passes: a real Word package (content types,
/// relationships, styles, a footer), A4, Heading 1 and a table style on real tables, the
/// East Asian font set, and "page N of M" as fields.
fn check_word_package(docx: &[u8]) -> Xml {
    check_word_package_with(docx, true)
}

/// [`check_word_package`]; `headings`: whether the document has section headings (a list
/// of everyone has none).
fn check_word_package_with(docx: &[u8], headings: bool) -> Xml {
    assert!(docx.starts_with(b"PK"), "a ZIP package");
    let types = part(docx, "[Content_Types].xml");
    assert!(
        types.contains("wordprocessingml.document.main+xml"),
        "{types}"
    );
    let document = Xml::parse(&part(docx, "word/document.xml"));
    assert_eq!(document.values("w:pgSz", "w:w"), ["11906"], "A4 wide");
    assert_eq!(document.values("w:pgSz", "w:h"), ["16838"], "A4 high");
    assert!(
        document
            .values("w:pStyle", "w:val")
            .contains(&"Title".to_owned())
    );
    assert_eq!(
        document
            .values("w:pStyle", "w:val")
            .contains(&"Heading1".to_owned()),
        headings
    );
    let tables = document.count("w:tbl");
    assert!(tables > 0, "real tables");
    assert_eq!(document.values("w:tblStyle", "w:val").len(), tables);
    assert!(
        document
            .values("w:tblStyle", "w:val")
            .iter()
            .all(|v| v == "DelegationTable")
    );
    let styles = Xml::parse(&part(docx, "word/styles.xml"));
    let ids = styles.values("w:style", "w:styleId");
    for id in ["Normal", "Title", "Heading1", "Heading2", "DelegationTable"] {
        assert_eq!(
            ids.iter().filter(|i| *i == id).count(),
            1,
            "style {id} once"
        );
    }
    assert!(
        styles
            .values("w:name", "w:val")
            .contains(&"heading 1".to_owned())
    );
    let east_asia = styles.values("w:rFonts", "w:eastAsia");
    assert!(east_asia.contains(&"SimSun".to_owned()), "{east_asia:?}");
    assert!(east_asia.contains(&"SimHei".to_owned()), "{east_asia:?}");
    // The footer: "page N of M" as PAGE and NUMPAGES fields.
    let rels = part(docx, "word/_rels/document.xml.rels");
    let footer_name = rels
        .split("Target=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next())
        .find(|t| t.starts_with("footer"))
        .expect("a footer");
    let footer = Xml::parse(&part(docx, &format!("word/{footer_name}")));
    let instructions = part(docx, &format!("word/{footer_name}"));
    assert!(instructions.contains(">PAGE<"), "{instructions}");
    assert!(instructions.contains(">NUMPAGES<"), "{instructions}");
    assert_eq!(footer.count("w:fldChar"), 6);
    document
}

#[test]
fn minutes_in_every_format_and_language_hold_the_record() {
    let dir = tempfile::tempdir().unwrap();
    let what = |format: &'static str, lang: &'static str| {
        [
            "minutes",
            "--meeting",
            "paris-2024",
            "--format",
            format,
            "--lang",
            lang,
        ]
    };
    // Markdown in English: header, attendees in protocol order, the item's decisions and
    // commitments with owner per side and due date, the agreed points, the mark.
    let md = String::from_utf8(export(dir.path(), SAMPLE, &what("md", "en"), "m.md")).unwrap();
    assert!(md.starts_with("# Minutes — CCAA–AFNOR meeting at AFNOR headquarters\n"));
    assert!(md.contains("*Final · version of 30 Sep 2024*"), "{md}");
    assert!(md.contains("**Dates**: Monday 23 September 2024"));
    assert!(md.contains("**Venue**: AFNOR headquarters, Saint-Denis"));
    assert!(md.contains(
        "**CCAA delegation — Head of delegation**: Mr. HUANG Jixian, Executive Vice President and Secretary General"
    ));
    let (huang, fang, wang) = (
        md.find("1. Mr. HUANG Jixian").unwrap(),
        md.find("2. Ms. FANG Yan").unwrap(),
        md.find("3. Ms. WANG Qian").unwrap(),
    );
    assert!(huang < fang && fang < wang);
    let item = md.find("### 3. Proposed cooperation points").unwrap();
    let next = md.find("### 4. Conclusions").unwrap();
    let record = &md[item..next];
    assert_eq!(record.matches("- **Decision**").count(), 3, "{record}");
    assert!(record.contains("ISO 50001 (energy management), ISO 22000 (food safety) and ISO 27001 (information security), subject to the formal approval of the CNCA"));
    assert!(record.contains(
        "- **Commitment 2**: Mutual recognition of auditor registration and competence — Owners: Ms. WANG Qian (CCAA delegation); Ms. Myriam AUGEREAU LANDAIS (AFNOR); Due 31 Dec 2025"
    ), "{record}");
    assert!(record.contains("- **Commitment 2.3**: ISO 50001 (energy management) auditors"));
    // Every agreed point in one list: 3 decisions and the 7 commitments of the meeting
    // that were agreed; the 2 only proposed in a list of their own.
    let proposed_at = md.find("## Points proposed, not yet agreed").unwrap();
    let agreed = &md[md.find("## Agreed points").unwrap()..proposed_at];
    assert!(agreed.contains("\n10. "), "{agreed}");
    assert!(!agreed.contains("\n11. "));
    assert!(agreed.contains("(Item 3)"));
    let esg = "Joint personnel registration and competency approval programme for ESG";
    assert!(!agreed.contains(esg), "proposed, not agreed: {agreed}");
    let proposed = &md[proposed_at..];
    assert!(proposed.contains("\n2. "), "{proposed}");
    assert!(!proposed.contains("\n3. "), "{proposed}");
    assert!(proposed.contains(esg), "{proposed}");
    // The group photo (a break) has no record and is left out; no id shows.
    assert!(!md.contains("Group photo"));
    assert!(!md.contains("cooperation-points") && !md.contains("paris-2024"));

    // Chinese: Chinese names, full-width punctuation.
    let zh = String::from_utf8(export(dir.path(), SAMPLE, &what("md", "zh"), "z.md")).unwrap();
    assert!(zh.starts_with("# 会谈纪要 — 中国认证认可协会与法国标准化协会会谈\n"));
    assert!(zh.contains("*定稿 · 版本日期 2024年9月30日*"));
    assert!(
        zh.contains("1. 黄继先，常务副会长兼秘书长，中国认证认可协会"),
        "{zh}"
    );
    // One convention in Chinese: a foreign name with its honorific after it.
    assert!(zh.contains("负责方：王 茜（中国认证认可协会代表团）；Myriam AUGEREAU LANDAIS 女士（法国标准化协会）；期限 2025年12月31日"), "{zh}");
    assert!(!zh.contains("Ms. "), "{zh}");
    assert!(zh.contains("但须经国家认证认可监督管理委员会正式批准"));

    // Both: the 会谈纪要 layout, a table per item with English beside Chinese.
    let both = String::from_utf8(export(dir.path(), SAMPLE, &what("md", "both"), "b.md")).unwrap();
    assert_eq!(both.matches("| | English | 中文 |").count(), 4, "{both}");
    assert!(both.contains("| Decision 决定 2 | The two parties will promote mutual recognition"));

    // HTML: escaped, the same record, two columns per item.
    let html =
        String::from_utf8(export(dir.path(), SAMPLE, &what("html", "both"), "m.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<th>English</th><th lang=\"zh-Hans\">中文</th>"));
    assert!(
        html.contains("China&#39;s competent authority")
            || html.contains("China&#x27;s competent authority")
            || html.contains("China's competent authority")
    );

    // PDF: the text is there, Chinese included.
    let pdf = export(dir.path(), SAMPLE, &what("pdf", "both"), "m.pdf");
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    let flat: String = text.split_whitespace().collect();
    assert!(flat.contains("会谈纪要"), "{text}");
    assert!(flat.contains("ISO50001(energymanagement)auditors"));
    assert!(flat.contains("国家认证认可监督管理委员会"));
    assert!(flat.contains("Final·versionof30Sep2024"));
}

#[test]
fn minutes_in_word_are_a_real_word_document() {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "zh", "both"] {
        let docx = export(
            dir.path(),
            SAMPLE,
            &[
                "minutes",
                "--meeting",
                "paris-2024",
                "--format",
                "docx",
                "--lang",
                lang,
            ],
            &format!("m-{lang}.docx"),
        );
        let document = check_word_package(&docx);
        // The items are Heading 2 under the Heading 1 of the record.
        let styles = document.values("w:pStyle", "w:val");
        assert!(
            styles.iter().filter(|s| *s == "Heading2").count() >= 4,
            "{lang}"
        );
        let text = document.text();
        match lang {
            "en" => {
                assert!(text.contains("3. Proposed cooperation points"), "{text}");
                assert!(text.contains("subject to the formal approval of the CNCA"));
                assert!(!text.contains("国家认证认可监督管理委员会"));
            }
            "zh" => {
                assert!(text.contains("3. 合作要点：经验交流、能力互认、创新领域"));
                assert!(text.contains("但须经国家认证认可监督管理委员会正式批准"));
                let footer = part(&docx, "word/footer1.xml");
                assert!(footer.contains("第 ") && footer.contains(" 页"), "{footer}");
            }
            _ => {
                // Each item is a table of three columns: label, English, Chinese.
                assert!(text.contains("English中文"));
                assert!(text.contains("subject to the formal approval of the CNCA"));
                assert!(text.contains("但须经国家认证认可监督管理委员会正式批准"));
                assert!(document.values("w:gridCol", "w:w").len() >= 3);
            }
        }
        let header = part(&docx, "word/header1.xml");
        assert!(
            header.contains("2024"),
            "the version date in the header: {header}"
        );
    }
}

#[test]
fn agenda_and_attendees_in_word() {
    let dir = tempfile::tempdir().unwrap();
    let agenda = export(
        dir.path(),
        SAMPLE,
        &[
            "agenda",
            "--meeting",
            "paris-2024",
            "--format",
            "docx",
            "--lang",
            "both",
        ],
        "a.docx",
    );
    let document = check_word_package(&agenda);
    let text = document.text();
    assert!(
        text.contains("Welcome and introduction of the delegations"),
        "{text}"
    );
    assert!(text.contains("欢迎致辞及双方代表团介绍"));
    assert!(text.contains("HUANG Jixian"));

    let attendees = export(
        dir.path(),
        SAMPLE,
        &[
            "attendees",
            "--meeting",
            "paris-2024",
            "--format",
            "docx",
            "--lang",
            "zh",
        ],
        "p.docx",
    );
    let document = check_word_package(&attendees);
    let text = document.text();
    let (huang, wang) = (text.find("黄继先").unwrap(), text.find("王 茜").unwrap());
    assert!(huang < wang, "protocol order");
    assert!(text.contains("参会人员名单"));
    // A list of everyone (no meeting) too.
    let everyone = export(
        dir.path(),
        SAMPLE,
        &["attendees", "--format", "docx"],
        "all.docx",
    );
    let document = check_word_package_with(&everyone, false);
    assert!(document.text().contains("AUGEREAU LANDAIS"));
}

/// Text no XML can hold (control characters), markup and quotes in a decision: the Word
/// document stays well-formed and keeps what can be kept.
#[test]
fn hostile_text_makes_a_well_formed_word_document() {
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    let id = MeetingId::from("paris-2024");
    let mut meeting = project.meetings[&id].clone();
    let item = meeting.item_mut(&ItemId::from("welcome")).unwrap();
    item.outcome.decisions.push(Bilingual::new(
        "<w:t>&amp; \"quoted\" 'it' \u{1}\u{8}\u{b}\u{1f} bell\u{7} line\nbreak \u{FFFF}",
        "中文\u{0}决定",
    ));
    project.meetings.insert(id.clone(), meeting);
    for language in [ExportLanguage::En, ExportLanguage::Zh, ExportLanguage::Both] {
        let request = ExportRequest::Minutes {
            meeting: id.clone(),
            format: minutes::MinutesFormat::Docx,
            language,
            mark: MinutesMark::default(),
        };
        let docx = request.render(&project).unwrap();
        let document = check_word_package(&docx);
        let text = document.text();
        if language != ExportLanguage::Zh {
            assert!(
                text.contains("<w:t>&amp; \"quoted\" 'it'  bell line"),
                "{text}"
            );
            assert!(text.contains("break "));
        }
        if language != ExportLanguage::En {
            assert!(text.contains("中文决定"), "{text}");
        }
    }
}

/// The mark: the meeting's own stage and date, else draft and the day of the export; the
/// command line's `--final` and `--version-date` override it.
#[test]
fn draft_or_final_and_the_version_date() {
    let dir = tempfile::tempdir().unwrap();
    let md = String::from_utf8(export(
        dir.path(),
        "saves/eud-cqc-beijing-2024.ron",
        &[
            "minutes",
            "--meeting",
            "cqc-visit-2024",
            "--format",
            "md",
            "--lang",
            "en",
            "--version-date",
            "2024-11-08",
        ],
        "d.md",
    ))
    .unwrap();
    assert!(md.contains("*Draft · version of 8 Nov 2024*"), "{md}");
    assert!(md.contains("- **Commitment 1**: Explore multifaceted cooperation in new areas"));
    let md = String::from_utf8(export(
        dir.path(),
        "saves/eud-cqc-beijing-2024.ron",
        &[
            "minutes",
            "--meeting",
            "cqc-visit-2024",
            "--format",
            "md",
            "--lang",
            "zh",
            "--final",
            "--version-date",
            "2024-11-20",
        ],
        "f.md",
    ))
    .unwrap();
    assert!(md.contains("*定稿 · 版本日期 2024年11月20日*"), "{md}");

    let project = delegation_planner::samples::ccaa_afnor().unwrap();
    let id = MeetingId::from("paris-2024");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
    let mut meeting = project.meetings[&id].clone();
    meeting.minutes_stage = MinutesStage::Draft;
    meeting.minutes_version = None;
    let record = minutes::record(&project, &id, &meeting, MinutesMark::default(), today);
    assert_eq!((record.stage, record.version), (MinutesStage::Draft, today));
    assert_eq!(
        minutes::mark_text(record.stage, record.version, ExportLanguage::Both),
        "Draft · version of 6 Dec 2026 / 草稿 · 版本日期 2026年12月6日"
    );
}

#[test]
fn an_unknown_meeting_is_named_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.docx");
    let (code, _, err) = run(&[
        "export",
        "minutes",
        SAMPLE,
        "--meeting",
        "nowhere",
        "--format",
        "docx",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(err.contains("nowhere"), "{err}");
    assert!(!out.exists());
}

/// A commitment whose item was taken off the agenda (a pasted programme replaced it) is
/// still in the minutes: in the list of agreed points, without an item.
#[test]
fn a_commitment_whose_item_is_gone_is_still_listed() {
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    let id = MeetingId::from("paris-2024");
    let mut meeting = project.meetings[&id].clone();
    for day in &mut meeting.days {
        day.items.retain(|i| i.id.as_str() != "cooperation-points");
    }
    project.meetings.insert(id.clone(), meeting);
    let request = ExportRequest::Minutes {
        meeting: id,
        format: minutes::MinutesFormat::Md,
        language: ExportLanguage::En,
        mark: MinutesMark::default(),
    };
    let md = String::from_utf8(request.render(&project).unwrap()).unwrap();
    let agreed = &md[md.find("## Agreed points").unwrap()..];
    assert!(
        agreed.contains("1. Explore mutual recognition in innovative business areas"),
        "{agreed}"
    );
    assert!(
        agreed.contains("\n7. "),
        "the seven agreed, then the two proposed: {agreed}"
    );
    assert!(agreed.contains("## Points proposed"), "{agreed}");
    assert!(!agreed.contains("(Item"), "{agreed}");
    assert!(!md.contains("Decision"), "its decisions went with the item");
}

/// Sub-points nested thousands deep and a cycle of parents (a hand-edited file): the
/// minutes list every point once, without overflowing the stack.
#[test]
fn deep_and_cyclic_sub_points_are_each_listed_once() {
    use delegation_planner::model::{Commitment, CommitmentId};
    let mut project = delegation_planner::samples::ccaa_afnor().unwrap();
    let id = MeetingId::from("paris-2024");
    let item = ItemId::from("conclusions");
    let point = |parent: Option<String>, title: String| Commitment {
        title: Bilingual::en(title),
        parent: parent.map(|p| CommitmentId::from(p.as_str())),
        agreed_at: Some(id.clone()),
        agreed_item: Some(item.clone()),
        ..Default::default()
    };
    for n in 0..5_000 {
        let parent = (n > 0).then(|| format!("deep-{:05}", n - 1));
        project.commitments.insert(
            CommitmentId::from(format!("deep-{n:05}").as_str()),
            point(parent, format!("Deep {n}")),
        );
    }
    project.commitments.insert(
        "loop-a".into(),
        point(Some("loop-b".into()), "Loop A".into()),
    );
    project.commitments.insert(
        "loop-b".into(),
        point(Some("loop-a".into()), "Loop B".into()),
    );
    let request = ExportRequest::Minutes {
        meeting: id,
        format: minutes::MinutesFormat::Md,
        language: ExportLanguage::En,
        mark: MinutesMark::default(),
    };
    let md = String::from_utf8(request.render(&project).unwrap()).unwrap();
    let record = &md[md.find("### 4. Conclusions").unwrap()..md.find("## Agreed points").unwrap()];
    assert_eq!(record.matches("Deep ").count(), 5_000);
    assert_eq!(record.matches("Loop A").count(), 1);
    assert_eq!(record.matches("Loop B").count(), 1);
    assert!(
        record.contains("- **Commitment 1**: Deep 0"),
        "{}",
        &record[..400]
    );
    assert!(record.contains("- **Commitment 1.1.1.1.1**: Deep 4\n"));
    assert!(record.contains("- **Commitment**: Deep 5\n"));
}
