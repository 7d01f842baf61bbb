//! Invitation letters from a Word template as Word and python-docx write one (a placeholder
//! split across runs, a header, a table row to repeat), filled for the sample meeting and
//! read back; a missing value refused with the list; the built-in letters; a copy shared
//! without personal data.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // A test: a panic is a failed test.

use quick_xml_041 as quick_xml;
use std::io::{Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use delegation_planner::model::{Bilingual, Gender, PersonId, Project};
use delegation_planner::project_file::{read_project, save_project};

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

/// The CCAA–AFNOR sample with what visa letters need: the CCAA delegation's passports,
/// AFNOR's address and representative, the visit's letter details.
fn sample_with_personal_data() -> Project {
    let mut p = read_project(Path::new("saves/ccaa-afnor-paris-2024.ron")).unwrap();
    let data = [
        ("huang-jixian", Gender::Male, (1962, 5, 17), "E12345678"),
        ("fang-yan", Gender::Female, (1975, 11, 2), "E23456789"),
        ("wang-qian", Gender::Female, (1988, 3, 12), "EJ3456789"),
    ];
    for (id, gender, (y, m, d), passport) in data {
        let person = p.people.get_mut(id).unwrap();
        person.personal.gender = gender;
        person.personal.date_of_birth = NaiveDate::from_ymd_opt(y, m, d);
        person.personal.nationality = "Chinese 中国".to_owned();
        person.personal.passport_number = passport.to_owned();
        person.personal.passport_expiry = NaiveDate::from_ymd_opt(2031, 1, 9);
        person.email = format!("{id}@ccaa.example");
        person.phone = "+86 10 0000 0000".to_owned();
    }
    let afnor = p.organisations.get_mut("afnor").unwrap();
    afnor.address = Bilingual::new(
        "11 rue Francis de Pressensé, 93210 La Plaine Saint-Denis, France",
        "法国圣但尼市弗朗西斯·德·普雷桑塞街11号",
    );
    afnor.phone = "+33 1 41 62 80 00".to_owned();
    afnor.representative = Bilingual::new("Olivier PEYRAT", "奥利维耶·佩拉");
    let paris = p.meetings.get_mut("paris-2024").unwrap();
    paris.letter.costs = Bilingual::new(
        "AFNOR covers accommodation in Paris; the delegation pays its international travel.",
        "法方承担代表团在巴黎期间的住宿费用，国际旅费由代表团自理。",
    );
    paris.letter.accommodation = Bilingual::new(
        "Novotel Paris Saint-Denis, 2 rue Pierre Larousse, Saint-Denis",
        "圣但尼诺富特酒店",
    );
    paris.letter.signatory = Bilingual::new("Myriam AUGEREAU LANDAIS", "Myriam AUGEREAU LANDAIS");
    paris.letter.signatory_title = Bilingual::new("President of AFNOR China", "法标认证总经理");
    p
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A paragraph of runs as Word writes them after editing: each run with its properties,
/// spell-check marks between them, `xml:space="preserve"` where a run has outer spaces.
fn para(runs: &[&str]) -> String {
    let mut xml = String::from("<w:p><w:pPr><w:spacing w:after=\"120\"/></w:pPr>");
    for (i, text) in runs.iter().enumerate() {
        if i > 0 {
            xml.push_str("<w:proofErr w:type=\"spellStart\"/>");
        }
        let space = if text.starts_with(' ') || text.ends_with(' ') {
            " xml:space=\"preserve\""
        } else {
            ""
        };
        let bold = if i == 0 { "<w:b/>" } else { "" };
        xml.push_str(&format!(
            "<w:r w:rsidR=\"00A1{i:02}\"><w:rPr>{bold}<w:lang w:val=\"en-GB\"/></w:rPr><w:t{space}>{text}</w:t></w:r>"
        ));
    }
    xml.push_str("</w:p>");
    xml
}

fn cell(runs: &[&str]) -> String {
    format!(
        "<w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"dxa\"/></w:tcPr>{}</w:tc>",
        para(runs)
    )
}

/// The paragraph nobody's placeholder touches: its bytes must come out as they went in.
const UNTOUCHED: &str =
    "<w:p><w:r><w:t xml:space=\"preserve\">Café &amp; Co &lt;b&gt; — 此段不变 </w:t></w:r></w:p>";

/// The parts of a template made the way python-docx saves a document built from its
/// default template, then edited in Word.
fn template_parts() -> Vec<(&'static str, String)> {
    let body = [
        para(&["Dear {{na", "me", "}},"]),
        para(&["Passport No. {{passport_", "number}}, born {{date_of_birth}}"]),
        para(&[
            "You are invited to the {{meeting_title}} from {{first_date}} to {{last_date}} at {{venue}}.",
        ]),
        format!(
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/><w:gridCol w:w=\"3000\"/></w:tblGrid><w:tr>{}{}{}</w:tr><w:tr>{}{}{}</w:tr></w:tbl>",
            cell(&["No."]),
            cell(&["Name"]),
            cell(&["Passport"]),
            cell(&["{{member.index}}"]),
            cell(&["{{member.", "name}}"]),
            cell(&["{{ member.passport_number }}"]),
        ),
        para(&["{{name_zh}}，{{title_zh}}"]),
        UNTOUCHED.to_owned(),
        para(&["{{signatory}}, {{today}}"]),
    ]
    .concat();
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document xmlns:w=\"{W}\" xmlns:r=\"{R}\"><w:body>{body}<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId8\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"
    );
    let header = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:hdr xmlns:w=\"{W}\">{}</w:hdr>",
        para(&["{{ho", "st}} · {{host_address}}"])
    );
    vec![
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/><Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/><Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/></Types>".to_owned(),
        ),
        (
            "_rels/.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".to_owned(),
        ),
        ("word/document.xml", document),
        (
            "word/_rels/document.xml.rels",
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/><Relationship Id=\"rId8\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/header\" Target=\"header1.xml\"/></Relationships>".to_owned(),
        ),
        (
            "word/styles.xml",
            format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:styles xmlns:w=\"{W}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:eastAsia=\"SimSun\"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type=\"table\" w:styleId=\"TableGrid\"><w:name w:val=\"Table Grid\"/></w:style></w:styles>"
            ),
        ),
        ("word/header1.xml", header),
    ]
}

fn zip_parts(parts: &[(&str, String)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, text) in parts {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().unwrap().into_owned();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            (name, data)
        })
        .collect()
}

fn part<'a>(parts: &'a [(String, Vec<u8>)], name: &str) -> &'a [u8] {
    &parts.iter().find(|(n, _)| n == name).unwrap().1
}

/// The text of each paragraph of a part, and the number of table rows, parsed with
/// quick-xml (which also proves the part is well-formed XML).
fn paragraphs(xml: &[u8]) -> (Vec<String>, usize) {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let (mut out, mut current, mut in_t, mut rows) = (Vec::new(), String::new(), false, 0);
    loop {
        match reader.read_event().unwrap() {
            Event::Start(e) if e.name().as_ref() == b"w:t" => in_t = true,
            Event::End(e) if e.name().as_ref() == b"w:t" => in_t = false,
            Event::Start(e) if e.name().as_ref() == b"w:tr" => rows += 1,
            Event::Empty(e) if e.name().as_ref() == b"w:br" => current.push('\n'),
            Event::Empty(e) if e.name().as_ref() == b"w:tab" => current.push('\t'),
            Event::End(e) if e.name().as_ref() == b"w:p" => out.push(std::mem::take(&mut current)),
            Event::Text(t) if in_t => current.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) if in_t => {
                let entity = format!("&{};", String::from_utf8_lossy(&r));
                current.push_str(&quick_xml::escape::unescape(&entity).unwrap());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (out, rows)
}

fn write_fixture(dir: &Path) -> (PathBuf, PathBuf) {
    let project = dir.join("paris.ron");
    save_project(&project, &sample_with_personal_data()).unwrap();
    let template = dir.join("letterhead.docx");
    std::fs::write(&template, zip_parts(&template_parts())).unwrap();
    (project, template)
}

#[test]
fn a_word_template_is_filled_for_every_guest_and_the_rest_kept_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let (project, template) = write_fixture(dir.path());
    let out = dir.path().join("letters");
    let (code, stdout, stderr) = run(&[
        "export",
        "letters",
        project.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--template",
        template.to_str().unwrap(),
        "--today",
        "2024-08-01",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stdout.contains("3 letters in"), "{stdout}");
    // The guests (the CCAA delegation; AFNOR hosts), one file each, named after them.
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "FANG Yan 方 艳.docx",
            "HUANG Jixian 黄继先.docx",
            "WANG Qian 王 茜.docx"
        ]
    );
    let letter = std::fs::read(out.join("HUANG Jixian 黄继先.docx")).unwrap();
    let parts = unzip(&letter);
    let original: Vec<(String, Vec<u8>)> = template_parts()
        .into_iter()
        .map(|(n, t)| (n.to_owned(), t.into_bytes()))
        .collect();
    // Every member of the zip is there, in order; those without placeholders unchanged.
    let names: Vec<&str> = parts.iter().map(|(n, _)| n.as_str()).collect();
    let original_names: Vec<&str> = original.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, original_names);
    for name in [
        "word/styles.xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
    ] {
        assert_eq!(part(&parts, name), part(&original, name), "{name} changed");
    }
    let document = part(&parts, "word/document.xml");
    let (texts, rows) = paragraphs(document);
    assert_eq!(texts[0], "Dear Mr. HUANG Jixian,");
    assert_eq!(texts[1], "Passport No. E12345678, born 17 May 1962");
    assert_eq!(
        texts[2],
        "You are invited to the CCAA–AFNOR meeting at AFNOR headquarters from 23 September 2024 to 23 September 2024 at AFNOR headquarters, Saint-Denis."
    );
    // The member row repeated for the three of the delegation, in protocol order.
    assert_eq!(rows, 4);
    assert_eq!(
        &texts[3..15],
        [
            "No.",
            "Name",
            "Passport",
            "1",
            "Mr. HUANG Jixian",
            "E12345678",
            "2",
            "Ms. FANG Yan",
            "E23456789",
            "3",
            "Ms. WANG Qian",
            "EJ3456789"
        ]
    );
    assert_eq!(texts[15], "黄继先先生，常务副会长兼秘书长");
    assert_eq!(texts[17], "Myriam AUGEREAU LANDAIS, 1 August 2024");
    // The paragraph with no placeholder, and the document's start and section, as they were.
    let text = String::from_utf8(document.to_vec()).unwrap();
    assert!(text.contains(UNTOUCHED));
    assert!(text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"));
    assert!(text.contains("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId8\"/>"));
    // The split placeholder took the first run's formatting; the runs after it are empty.
    assert!(text.contains(
        "<w:rPr><w:b/><w:lang w:val=\"en-GB\"/></w:rPr><w:t>Dear Mr. HUANG Jixian</w:t>"
    ));
    // The header, filled.
    let (header, _) = paragraphs(part(&parts, "word/header1.xml"));
    assert_eq!(
        header[0],
        "AFNOR Group · 11 rue Francis de Pressensé, 93210 La Plaine Saint-Denis, France"
    );
    // Another reader opens it: docx-rs reads the filled document.
    assert!(docx_rs::read_docx(&letter).is_ok());
    // The letter of Ms. FANG is hers.
    let fang = unzip(&std::fs::read(out.join("FANG Yan 方 艳.docx")).unwrap());
    let (texts, _) = paragraphs(part(&fang, "word/document.xml"));
    assert_eq!(texts[0], "Dear Ms. FANG Yan,");
    assert_eq!(texts[15], "方艳女士，技术标准部 主任");
}

#[test]
fn a_missing_value_is_refused_with_the_list_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let (project, template) = write_fixture(dir.path());
    let mut p = read_project(&project).unwrap();
    p.people
        .get_mut("fang-yan")
        .unwrap()
        .personal
        .passport_number
        .clear();
    p.people
        .get_mut("wang-qian")
        .unwrap()
        .personal
        .date_of_birth = None;
    p.organisations.get_mut("afnor").unwrap().address = Bilingual::default();
    save_project(&project, &p).unwrap();
    let out = dir.path().join("letters");
    let (code, stdout, stderr) = run(&[
        "export",
        "letters",
        project.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--template",
        template.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stdout}{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            "meeting paris-2024: no Host's address ({{host_address}}); fill it in the meeting, its host organisation or its letter details",
            "FANG Yan 方 艳 (fang-yan): no Passport No. ({{passport_number}})",
            "WANG Qian 王 茜 (wang-qian): no Date of birth ({{date_of_birth}})",
            "3 values missing: no letter was written; fill them in and run again",
        ]
    );
    assert!(!out.exists(), "nothing may be written");
}

#[test]
fn letters_never_replace_files_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let (project, template) = write_fixture(dir.path());
    let out = dir.path().join("letters");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("HUANG Jixian 黄继先.docx"), b"mine").unwrap();
    let (project, template, folder) = (
        project.to_str().unwrap(),
        template.to_str().unwrap(),
        out.to_str().unwrap(),
    );
    let args = |extra: Option<&'static str>| {
        let mut a = vec![
            "export",
            "letters",
            project,
            "--meeting",
            "paris-2024",
            "--template",
            template,
            "-o",
            folder,
        ];
        a.extend(extra);
        a
    };
    let (code, _, stderr) = run(&args(None));
    assert_eq!(code, 1);
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(
        std::fs::read(out.join("HUANG Jixian 黄继先.docx")).unwrap(),
        b"mine"
    );
    assert_eq!(std::fs::read_dir(&out).unwrap().count(), 1);
    let (code, stdout, stderr) = run(&args(Some("--overwrite")));
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_ne!(
        std::fs::read(out.join("HUANG Jixian 黄继先.docx")).unwrap(),
        b"mine"
    );
}

#[test]
fn templates_that_cannot_be_used_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = write_fixture(dir.path());
    let try_template = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let (code, _, stderr) = run(&[
            "export",
            "letters",
            project.to_str().unwrap(),
            "--meeting",
            "paris-2024",
            "--template",
            path.to_str().unwrap(),
            "-o",
            dir.path().join("out").to_str().unwrap(),
        ]);
        assert_eq!(code, 1, "{name}");
        stderr
    };
    let mut parts = template_parts();
    parts[2].1 = parts[2].1.replace("{{passport_", "{{pasport_");
    let stderr = try_template("typo.docx", &zip_parts(&parts));
    assert!(
        stderr.contains("{{pasport_number}} is no field; did you mean {{passport_number}}?"),
        "{stderr}"
    );
    let mut parts = template_parts();
    parts[2].1 = parts[2].1.replace("{{member.index}}", "{{member.index");
    parts[2].1 = parts[2].1.replace("Dear {{na", "Dear {{member.na");
    let stderr = try_template("open.docx", &zip_parts(&parts));
    assert!(
        stderr.contains("a placeholder is not closed: {{member.index"),
        "{stderr}"
    );
    assert!(
        stderr.contains("{{member.name}} must be in a table row"),
        "{stderr}"
    );
    let stderr = try_template("old.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    assert!(stderr.contains("Word 97–2003"), "{stderr}");
    let stderr = try_template("list.docx", b"Name,Passport\nHUANG,E1\n");
    assert!(stderr.contains("not a Word document"), "{stderr}");
    let workbook = zip_parts(&[("xl/workbook.xml", "<workbook/>".to_owned())]);
    let stderr = try_template("book.docx", &workbook);
    assert!(stderr.contains("no word/document.xml"), "{stderr}");
    // A zip bomb: a document part that inflates past the limit is refused, not read.
    let huge = format!("<w:document>{}</w:document>", " ".repeat(21 * 1024 * 1024));
    let bomb = zip_parts(&[("word/document.xml", huge)]);
    assert!(bomb.len() < 1024 * 1024);
    let stderr = try_template("bomb.docx", &bomb);
    assert!(stderr.contains("larger than"), "{stderr}");
}

#[test]
fn built_in_letters_in_word_and_pdf_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = write_fixture(dir.path());
    for (template, lang, format) in [
        ("china-visa", "zh", "pdf"),
        ("china-visa", "both", "docx"),
        ("schengen-visa", "en", "pdf"),
        ("schengen-visa", "both", "docx"),
        ("attendance", "both", "pdf"),
    ] {
        let out = dir.path().join(format!("{template}-{lang}-{format}"));
        let (code, stdout, stderr) = run(&[
            "export",
            "letters",
            project.to_str().unwrap(),
            "--meeting",
            "paris-2024",
            "--template",
            template,
            "--lang",
            lang,
            "--format",
            format,
            "--people",
            "huang-jixian,fang-yan",
            "--today",
            "2024-08-01",
            "-o",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{template} {lang} {format}: {stdout}{stderr}");
        let file = out.join(format!("HUANG Jixian 黄继先.{format}"));
        let text = if format == "pdf" {
            let bytes = std::fs::read(&file).unwrap();
            pdf_extract::extract_text_from_mem(&bytes).unwrap()
        } else {
            let parts = unzip(&std::fs::read(&file).unwrap());
            let (texts, _) = paragraphs(part(&parts, "word/document.xml"));
            texts.join("\n")
        };
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let expect: &[&str] = match (template, lang) {
            ("china-visa", "zh") => &[
                "邀请函",
                "黄继先先生",
                "E12345678",
                "1962年5月17日",
                "法国标准化协会",
            ],
            ("china-visa", _) => &[
                "邀请函",
                "InvitationLetter",
                "E23456789",
                "17May1962",
                "1962年5月17日",
            ],
            ("schengen-visa", _) => &["LetterofInvitation", "NovotelParisSaint-Denis", "E12345678"],
            _ => &[
                "CertificateofAttendance",
                "参会证明",
                "Mr.HUANGJixian",
                "黄继先先生",
            ],
        };
        for needle in expect {
            assert!(
                compact.contains(needle),
                "{template} {lang} {format}: no {needle} in {text}"
            );
        }
        assert!(
            !compact.contains("{{"),
            "{template} {lang} {format}: placeholder left: {text}"
        );
    }
}

#[test]
fn a_pdf_needs_a_built_in_template() {
    let dir = tempfile::tempdir().unwrap();
    let (project, template) = write_fixture(dir.path());
    let (code, _, stderr) = run(&[
        "export",
        "letters",
        project.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--template",
        template.to_str().unwrap(),
        "--format",
        "pdf",
        "-o",
        dir.path().join("out").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(stderr.contains("built-in template only"), "{stderr}");
}

#[test]
fn a_shared_copy_opens_and_holds_no_personal_data() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = write_fixture(dir.path());
    let mut p = read_project(&project).unwrap();
    p.personal_fields
        .push(delegation_planner::model::CustomField {
            key: "place_of_birth".to_owned(),
            name: Bilingual::new("Place of birth", "出生地"),
            kind: delegation_planner::model::CustomFieldKind::Text,
        });
    p.people
        .get_mut("huang-jixian")
        .unwrap()
        .personal
        .custom
        .insert("place_of_birth".to_owned(), "Qingdao 青岛".to_owned());
    save_project(&project, &p).unwrap();
    let copy = dir.path().join("for-afnor.ron");
    let (code, _, stderr) = run(&[
        "export",
        "share",
        project.to_str().unwrap(),
        "-o",
        copy.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "the flag says what the copy is");
    assert!(stderr.contains("--without-personal-data"), "{stderr}");
    assert!(!copy.exists());
    let (code, stdout, stderr) = run(&[
        "export",
        "share",
        project.to_str().unwrap(),
        "--without-personal-data",
        "-o",
        copy.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    // It opens, checks valid, and holds none of it: not in the model, not in the text.
    let (code, stdout, _) = run(&["check", copy.to_str().unwrap()]);
    assert_eq!(code, 0, "{stdout}");
    let shared = read_project(&copy).unwrap();
    assert!(!shared.holds_personal_data());
    assert!(shared.personal_fields.is_empty());
    for person in shared.people.values() {
        assert!(person.personal.is_empty());
        assert!(person.email.is_empty() && person.phone.is_empty());
    }
    let text = std::fs::read_to_string(&copy).unwrap();
    for secret in [
        "E12345678",
        "1962-05-17",
        "ccaa.example",
        "+86 10",
        "Qingdao",
        "personal",
    ] {
        assert!(!text.contains(secret), "{secret} in the shared copy");
    }
    // Everything else is there.
    let original = read_project(&project).unwrap();
    assert_eq!(shared.people.len(), original.people.len());
    assert_eq!(shared.meetings, original.meetings);
    assert_eq!(shared.commitments, original.commitments);
    let huang = &shared.people[&PersonId::from("huang-jixian")];
    assert_eq!(huang.chinese_name, "黄继先");
    // The project itself is never the copy.
    let (code, _, _) = run(&[
        "export",
        "share",
        project.to_str().unwrap(),
        "--without-personal-data",
        "-o",
        project.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert_eq!(read_project(&project).unwrap(), original);
}

#[test]
fn personal_data_stays_out_of_partner_exports_unless_a_column_is_chosen() {
    use delegation_planner::export::attendees::AttendeeFormat;
    use delegation_planner::export::minutes::{MinutesFormat, MinutesMark};
    use delegation_planner::export::{ExportLanguage, ExportRequest};
    use delegation_planner::model::MeetingId;
    let p = sample_with_personal_data();
    let paris = MeetingId::from("paris-2024");
    let secrets = [
        "E12345678",
        "1962-05-17",
        "17 May 1962",
        "1962年5月17日",
        "2031",
    ];
    let mut requests = vec![ExportRequest::NameCards(paris.clone(), Default::default())];
    for format in AttendeeFormat::ALL {
        for meeting in [Some(paris.clone()), None] {
            requests.push(ExportRequest::Attendees {
                meeting,
                format,
                language: ExportLanguage::Both,
                personal: Vec::new(),
            });
        }
    }
    for format in MinutesFormat::ALL {
        requests.push(ExportRequest::Minutes {
            meeting: paris.clone(),
            format,
            language: ExportLanguage::Both,
            mark: MinutesMark::default(),
        });
    }
    for request in &requests {
        let bytes = request.render(&p).unwrap();
        let text = match request.extension() {
            "pdf" => pdf_extract::extract_text_from_mem(&bytes).unwrap(),
            "xlsx" | "docx" => unzip(&bytes)
                .into_iter()
                .map(|(_, b)| String::from_utf8_lossy(&b).into_owned())
                .collect(),
            _ => String::from_utf8_lossy(&bytes).into_owned(),
        };
        for secret in secrets {
            assert!(
                !text.contains(secret),
                "{secret} in {}",
                request.suggested_name()
            );
        }
    }
    // Chosen explicitly on the command line: the columns come, and the list imports back
    // with them.
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = write_fixture(dir.path());
    let csv = dir.path().join("for-the-visa-office.csv");
    let (code, stdout, stderr) = run(&[
        "export",
        "attendees",
        project.to_str().unwrap(),
        "--meeting",
        "paris-2024",
        "--format",
        "csv",
        "--personal",
        "all",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let text = std::fs::read_to_string(&csv).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.ends_with("Gender,Date of birth,Nationality,Passport No.,Passport expiry"),
        "{header}"
    );
    assert!(
        text.contains("Male,1962-05-17,Chinese 中国,E12345678,2031-01-09"),
        "{text}"
    );
    let (code, _, stderr) = run(&[
        "export",
        "attendees",
        project.to_str().unwrap(),
        "--format",
        "csv",
        "--personal",
        "shoe-size",
        "-o",
        dir.path().join("x.csv").to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("--personal shoe-size: no such personal field"),
        "{stderr}"
    );
    // Into a project without them, the list brings them back.
    let bare = dir.path().join("bare.ron");
    save_project(
        &bare,
        &read_project(&project).unwrap().without_personal_data(),
    )
    .unwrap();
    let (code, stdout, stderr) = run(&[
        "import",
        "attendees",
        bare.to_str().unwrap(),
        "--from",
        csv.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let back = read_project(&bare).unwrap();
    let huang = &back.people[&PersonId::from("huang-jixian")].personal;
    assert_eq!(huang.passport_number, "E12345678");
    assert_eq!(huang.date_of_birth, NaiveDate::from_ymd_opt(1962, 5, 17));
    assert_eq!(huang.gender, Gender::Male);
}

#[test]
fn lists_bring_personal_data_in_each_language_s_own_way() {
    let dir = tempfile::tempdir().unwrap();
    let project = dir.path().join("p.ron");
    save_project(&project, &Project::default()).unwrap();
    // French Excel: semicolons, Windows-1252, day first.
    let french = "Civilité;Nom;Prénom;Date de naissance;N° de passeport;Nationalité\r\nM.;Dupont;Jean;25/03/1985;15ab 12345;Française\r\n";
    let (french, _, _) = encoding_rs::WINDOWS_1252.encode(french);
    // Chinese Excel: GB18030, 年月日 dates, 性别.
    let chinese = "序号,姓名,性别,出生日期,国籍,护照号,护照有效期\r\n1,王伟,男,1979年11月2日,中国,E87654321,2030年6月30日\r\n";
    let (chinese, _, _) = encoding_rs::GB18030.encode(chinese);
    // A German list pasted as tab-separated text: dotted dates.
    let german = "Anrede\tNachname\tVorname\tGeburtsdatum\tStaatsangehörigkeit\tReisepassnummer\tGültig bis\nHerr\tMüller\tThomas\t12.03.1985\tdeutsch\tC01X00T47\t01.02.2031\n";
    for (name, bytes) in [
        ("fr.csv", french.into_owned()),
        ("zh.csv", chinese.into_owned()),
        ("de.tsv", german.as_bytes().to_vec()),
    ] {
        let list = dir.path().join(name);
        std::fs::write(&list, bytes).unwrap();
        let (code, stdout, stderr) = run(&[
            "import",
            "attendees",
            project.to_str().unwrap(),
            "--from",
            list.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{name}: {stdout}{stderr}");
    }
    let p = read_project(&project).unwrap();
    let find = |family: &str| {
        p.people
            .values()
            .find(|x| x.family_name == family)
            .unwrap_or_else(|| panic!("{family} not imported"))
            .personal
            .clone()
    };
    let dupont = find("Dupont");
    assert_eq!(dupont.date_of_birth, NaiveDate::from_ymd_opt(1985, 3, 25));
    assert_eq!(dupont.passport_number, "15AB12345");
    assert_eq!(dupont.nationality, "Française");
    let wang = find("Wang");
    assert_eq!(wang.gender, Gender::Male);
    assert_eq!(wang.date_of_birth, NaiveDate::from_ymd_opt(1979, 11, 2));
    assert_eq!(wang.passport_expiry, NaiveDate::from_ymd_opt(2030, 6, 30));
    assert_eq!(wang.passport_number, "E87654321");
    let muller = find("Müller");
    assert_eq!(muller.date_of_birth, NaiveDate::from_ymd_opt(1985, 3, 12));
    assert_eq!(muller.passport_expiry, NaiveDate::from_ymd_opt(2031, 2, 1));
    assert_eq!(muller.nationality, "deutsch");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]

    /// A damaged or hostile template (bytes flipped anywhere in the file, or anywhere in
    /// the XML of its body) is read or refused with an error, and filled without a panic.
    #[test]
    fn damaged_templates_never_panic(
        at in proptest::prelude::any::<proptest::sample::Index>(),
        byte in proptest::prelude::any::<u8>(),
        xml_at in proptest::prelude::any::<proptest::sample::Index>(),
        junk in "[<>&{}/a-z=\"' ]{1,12}",
    ) {
        use delegation_planner::export::letters::Template;
        let p = sample_with_personal_data();
        let meeting = &p.meetings["paris-2024"];
        let people = delegation_planner::export::letters::default_people(&p, meeting);
        let contexts = delegation_planner::export::letters::contexts(
            &p,
            meeting,
            &people,
            delegation_planner::export::ExportLanguage::En,
            NaiveDate::from_ymd_opt(2024, 8, 1).unwrap(),
        )
        .unwrap();
        let fill = |t: &Template| {
            let ctx = &contexts[0];
            let _ = t.fill(&|name, row| ctx.value(name, row), &|_| ctx.members.len());
        };
        let mut bytes = zip_parts(&template_parts());
        let i = at.index(bytes.len());
        bytes[i] = byte;
        if let Ok(t) = Template::from_docx(bytes) {
            fill(&t);
        }
        let mut parts = template_parts();
        let body = &mut parts[2].1;
        let mut cut = xml_at.index(body.len());
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        body.insert_str(cut, &junk);
        if let Ok(t) = Template::from_docx(zip_parts(&parts)) {
            fill(&t);
        }
    }
}
