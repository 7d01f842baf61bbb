//! Delegation lists sent as Word files (issue 22), built the way Word writes them in the
//! conventions of Chinese, English, French and German offices, and lists whose header
//! lies (a `Title` column of Mr./Ms.): every person asserted, field by field, and every
//! other line of the document said.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

mod word;

use delegation_planner::import::attendees::{Matcher, OrganisationRef, SkipReason};
use delegation_planner::import::list::{
    ListFormat, ListKind, ListRead, ReadOptions, read_list_bytes,
};
use delegation_planner::model::Project;
use word::{Cell, Doc, cell, row, row_br, row_of};

fn read(bytes: Vec<u8>) -> ListRead {
    let project = Project::default();
    read_list_bytes(
        bytes,
        ListKind::Text,
        &ReadOptions::default(),
        &Matcher::new(&project),
        &mut |_| true,
    )
    .unwrap()
    .unwrap()
}

/// Each person as `honorific|family|given|中文名|title|职务|organisation (acronym, English, Chinese)`.
fn people(read: &ListRead) -> Vec<String> {
    read.preview
        .people
        .iter()
        .map(|p| {
            let org = match &p.organisation {
                OrganisationRef::New(o) => format!("{} {} {}", o.acronym, o.name.en, o.name.zh)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                OrganisationRef::Existing(id) => id.as_str().to_owned(),
                OrganisationRef::None => String::new(),
            };
            let q = &p.person;
            format!(
                "{:?}|{}|{}|{}|{}|{}|{}",
                q.honorific,
                q.family_name,
                q.given_name,
                q.chinese_name,
                q.title.en,
                q.title.zh,
                org
            )
        })
        .collect()
}

fn skipped(read: &ListRead) -> Vec<(usize, String, SkipReason)> {
    let mut s: Vec<_> = read
        .preview
        .skipped
        .iter()
        .map(|s| (s.line, s.text.clone(), s.reason))
        .collect();
    s.sort_by_key(|(l, _, _)| *l);
    s
}

#[test]
fn chinese_over_english_by_line_break() {
    let doc = Doc::new()
        .title("中国国家认证认可监督管理委员会代表团名单")
        .table(&[
            row_br(&["姓名\nName", "单位\nOrganisation", "职务\nTitle"]).header(),
            row_br(&["张伟\nZHANG Wei", "国家认监委\nCNCA", "处长\nDirector"]),
            row_br(&[
                "王芳\nWANG Fang",
                "中国质量认证中心\nCQC",
                "主任\nHead of Division",
            ]),
        ]);
    let read = read(doc.bytes());
    assert_eq!(read.format, ListFormat::Word { tables: 1 });
    assert_eq!(
        people(&read),
        [
            "None|Zhang|Wei|张伟|Director|处长|CNCA 国家认监委",
            "None|Wang|Fang|王芳|Head of Division|主任|CQC 中国质量认证中心",
        ]
    );
    assert_eq!(
        skipped(&read),
        [(
            1,
            "中国国家认证认可监督管理委员会代表团名单".to_owned(),
            SkipReason::Title
        )]
    );
}

#[test]
fn chinese_over_english_as_two_paragraphs_with_a_date_line() {
    let doc = Doc::new()
        .para("中欧标准化合作会议 出席人员名单")
        .para("2025年5月12日")
        .table(&[
            row(&["序号", "姓名\nName", "单位\nOrganisation", "职务\nTitle"]).header(),
            row(&[
                "1",
                "刘江\nLIU Jiang",
                "中国质量认证中心\nChina Quality Certification Centre",
                "总经理\nPresident",
            ]),
            row(&[
                "2",
                "欧阳振华\nOUYANG Zhenhua",
                "国家标准化管理委员会\nSAC",
                "副司长\nDeputy Director-General",
            ]),
        ]);
    let read = read(doc.bytes());
    assert_eq!(
        people(&read),
        [
            "None|Liu|Jiang|刘江|President|总经理|China Quality Certification Centre 中国质量认证中心",
            "None|Ouyang|Zhenhua|欧阳振华|Deputy Director-General|副司长|SAC 国家标准化管理委员会",
        ]
    );
    assert_eq!(
        skipped(&read),
        [
            (
                1,
                "中欧标准化合作会议 出席人员名单".to_owned(),
                SkipReason::Title
            ),
            (2, "2025年5月12日".to_owned(), SkipReason::Title),
        ]
    );
}

#[test]
fn french_list_with_civilite_nom_prenom() {
    let doc = Doc::new()
        .title("Liste des participants – délégation française")
        .table(&[
            row(&["Civilité", "Nom", "Prénom", "Organisme", "Fonction"]).header(),
            row(&[
                "Mme",
                "LEFÈVRE",
                "Hélène",
                "AFNOR",
                "Directrice des relations internationales",
            ]),
            row(&[
                "M.",
                "DUPONT",
                "Jean-Pierre",
                "COFRAC",
                "Responsable qualité",
            ]),
        ]);
    let read = read(doc.bytes());
    assert_eq!(
        people(&read),
        [
            "Ms|Lefèvre|Hélène||Directrice des relations internationales||AFNOR",
            "Mr|Dupont|Jean-Pierre||Responsable qualité||COFRAC",
        ]
    );
}

#[test]
fn german_list_with_anrede_nachname_vorname() {
    let doc = Doc::new().title("Teilnehmerliste").table(&[
        row(&["Anrede", "Nachname", "Vorname", "Behörde", "Funktion"]).header(),
        row(&["Herr", "Engelhard", "Helge", "BMWi", "Referatsleiter"]),
        row(&["Frau Dr.", "Schmidt", "Anna", "DAkkS", "Abteilungsleiterin"]),
    ]);
    let read = read(doc.bytes());
    assert_eq!(
        people(&read),
        [
            "Mr|Engelhard|Helge||Referatsleiter||BMWi",
            "Dr|Schmidt|Anna||Abteilungsleiterin||DAkkS",
        ]
    );
}

#[test]
fn english_list_with_numbers_and_positions() {
    let doc = Doc::new()
        .title("EU Delegation — List of participants")
        .para("Beijing, 5 November 2019")
        .table(&[
            row(&["No.", "Name", "Organisation", "Position"]).header(),
            row(&[
                "1",
                "Ms. Ester CAÑADA AMELA",
                "European Commission, DG GROW",
                "Policy Officer",
            ]),
            row(&["2", "Dr. Betty XU", "EU SME Centre", "Director"]),
        ]);
    let read = read(doc.bytes());
    assert_eq!(
        people(&read),
        [
            "Ms|Cañada Amela|Ester||Policy Officer||European Commission, DG GROW",
            "Dr|Xu|Betty||Director||EU SME Centre",
        ]
    );
}

#[test]
fn an_organisation_merged_down_its_people() {
    let doc = Doc::new().table(&[
        row(&["单位 Organisation", "姓名 Name", "职务 Title"]).header(),
        row_of(vec![
            cell("国家认监委\nCNCA").restart(),
            cell("张伟\nZHANG Wei"),
            cell("处长\nDirector"),
        ]),
        row_of(vec![
            Cell::merged(),
            cell("李娜\nLI Na"),
            cell("副处长\nDeputy Director"),
        ]),
        row_of(vec![
            cell("中国质量认证中心\nCQC"),
            cell("王芳\nWANG Fang"),
            cell("主任\nHead"),
        ]),
    ]);
    let read = read(doc.bytes());
    assert_eq!(
        people(&read),
        [
            "None|Zhang|Wei|张伟|Director|处长|CNCA 国家认监委",
            "None|Li|Na|李娜|Deputy Director|副处长|CNCA 国家认监委",
            "None|Wang|Fang|王芳|Head|主任|CQC 中国质量认证中心",
        ]
    );
}

#[test]
fn one_table_per_side_under_the_same_header() {
    let header = row(&["Name", "Organisation", "Title"]).header();
    let doc = Doc::new()
        .title("Meeting of 12 May 2025 — attendance")
        .para("Chinese side")
        .table(&[header.clone(), row(&["LIU Jiang 刘江", "CQC", "President"])])
        .para("European side")
        .table(&[
            header,
            row(&["Mr. Helge ENGELHARD", "BMWi", "Head of Unit"]),
        ]);
    let read = read(doc.bytes());
    assert_eq!(read.format, ListFormat::Word { tables: 2 });
    assert_eq!(
        people(&read),
        [
            "None|Liu|Jiang|刘江|President||CQC",
            "Mr|Engelhard|Helge||Head of Unit||BMWi",
        ]
    );
    assert_eq!(
        skipped(&read),
        [
            (
                1,
                "Meeting of 12 May 2025 — attendance".to_owned(),
                SkipReason::Title
            ),
            (2, "Chinese side".to_owned(), SkipReason::Title),
            (5, "European side".to_owned(), SkipReason::Title),
            (
                6,
                "Name | Organisation | Title".to_owned(),
                SkipReason::Title
            ),
        ]
    );
}

#[test]
fn a_title_row_across_the_table_above_its_header() {
    let doc = Doc::new().table(&[
        row_of(vec![cell("CNCA Delegation 国家认监委代表团").span(3)]),
        row(&["姓名", "单位", "职务"]).header(),
        row(&["张伟", "国家认监委", "处长"]),
        row(&["王芳女士", "中国质量认证中心", "主任"]),
    ]);
    let read = read(doc.bytes());
    assert_eq!(
        people(&read),
        [
            "None|Zhang|Wei|张伟||处长|国家认监委",
            "Ms|Wang|Fang|王芳||主任|中国质量认证中心",
        ]
    );
    assert_eq!(
        skipped(&read),
        [(
            1,
            "CNCA Delegation 国家认监委代表团".to_owned(),
            SkipReason::Title
        )]
    );
}

#[test]
fn a_word_file_without_a_table_is_read_as_text() {
    let doc = Doc::new()
        .para("参会人员")
        .para("姓名：张伟")
        .para("单位：国家认监委")
        .para("职务：处长")
        .para("")
        .para("姓名：王芳")
        .para("单位：中国质量认证中心")
        .para("职务：主任");
    let read = read(doc.bytes());
    assert_eq!(read.format, ListFormat::Word { tables: 0 });
    assert_eq!(
        people(&read),
        [
            "None|Zhang|Wei|张伟||处长|国家认监委",
            "None|Wang|Fang|王芳||主任|中国质量认证中心",
        ]
    );
}

#[test]
fn chinese_list_with_phones_and_a_total() {
    let doc = Doc::new().title("来访人员名单").table(&[
        row(&["序号", "姓名", "性别", "单位", "职务", "手机"]).header(),
        row(&[
            "1",
            "刘江",
            "男",
            "中国质量认证中心",
            "总经理",
            "13800000001",
        ]),
        row(&["2", "李娜", "女", "国家认监委", "处长", "13800000002"]),
        row_of(vec![cell("共计 2 人").span(6)]),
    ]);
    let read = read(doc.bytes());
    assert_eq!(
        people(&read),
        [
            "Mr|Liu|Jiang|刘江||总经理|中国质量认证中心",
            "Ms|Li|Na|李娜||处长|国家认监委",
        ]
    );
    assert_eq!(read.preview.people[0].person.phone, "13800000001");
    assert!(
        skipped(&read).contains(&(5, "共计 2 人".to_owned(), SkipReason::Total)),
        "{:?}",
        skipped(&read)
    );
}

#[test]
fn a_table_in_a_cell_does_not_break_the_list() {
    let inner = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Tel</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>+86 10 1234</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let xml = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Name</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Organisation</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Notes</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Dr. Betty XU</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>EU SME Centre</w:t></w:r></w:p></w:tc><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl></w:body></w:document>"#
    );
    let read = read(word::package(&[("word/document.xml", xml.as_bytes())]));
    assert_eq!(people(&read), ["Dr|Xu|Betty||||EU SME Centre"]);
    assert_eq!(read.preview.people[0].person.notes, "Tel +86 10 1234");
}

// Lists whose header lies: the honorific column is found by its values.

#[test]
fn excel_unicode_text_with_a_title_column_of_honorifics() {
    // Excel's "Unicode Text": UTF-16 LE with a BOM, tab-separated.
    let text = "Title\tFirst Name\tLast Name\tPosition\tOrganisation\r\nMs.\tJane\tDOE\tAdvocacy Coordinator\tEUCCC\r\nMr.\tPeter\tMÜLLER\tSecretary General\tEUCCC\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let read = read(bytes);
    assert_eq!(
        people(&read),
        [
            "Ms|Doe|Jane||Advocacy Coordinator||EUCCC",
            "Mr|Müller|Peter||Secretary General||EUCCC",
        ]
    );
}

#[test]
fn a_docx_title_column_of_mr_and_ms_over_its_job_titles() {
    let doc = Doc::new().table(&[
        row(&["Title", "Name", "Job title", "Organisation"]).header(),
        row(&["Mr.", "Helge ENGELHARD", "Head of Unit", "BMWi"]),
        row(&["Ms.", "Ester CAÑADA AMELA", "Policy Officer", "DG GROW"]),
        row(&["Dr.", "Betty XU", "Director", "EU SME Centre"]),
    ]);
    assert_eq!(
        people(&read(doc.bytes())),
        [
            "Mr|Engelhard|Helge||Head of Unit||BMWi",
            "Ms|Cañada Amela|Ester||Policy Officer||DG GROW",
            "Dr|Xu|Betty||Director||EU SME Centre",
        ]
    );
}

#[test]
fn a_french_titre_column_of_m_and_mme() {
    let text = "Titre;Nom;Prénom;Société\nM.;MARTIN;Paul;AFNOR\nMme;LEFÈVRE;Hélène;AFNOR\n";
    assert_eq!(
        people(&read(text.as_bytes().to_vec())),
        ["Mr|Martin|Paul||||AFNOR", "Ms|Lefèvre|Hélène||||AFNOR"]
    );
}

#[test]
fn a_german_titel_column_of_herr_and_frau() {
    let doc = Doc::new().table(&[
        row(&["Titel", "Name", "Vorname", "Firma"]).header(),
        row(&["Herr", "Engelhard", "Helge", "BMWi"]),
        row(&["Frau", "Schmidt", "Anna", "DIN"]),
    ]);
    assert_eq!(
        people(&read(doc.bytes())),
        ["Mr|Engelhard|Helge||||BMWi", "Ms|Schmidt|Anna||||DIN"]
    );
}

#[test]
fn a_chinese_column_named_job_title_holding_xiansheng_and_nvshi() {
    let text = "姓名,职务,单位\n刘江,先生,中国质量认证中心\n李娜,女士,国家认监委\n";
    assert_eq!(
        people(&read(text.as_bytes().to_vec())),
        [
            "Mr|Liu|Jiang|刘江|||中国质量认证中心",
            "Ms|Li|Na|李娜|||国家认监委"
        ]
    );
}

#[test]
fn a_real_title_column_and_a_gender_column_keep_their_fields() {
    let text = "Name,Title,Gender\nHelge ENGELHARD,Head of Unit,M\nAnna SCHMIDT,Director,F\n";
    assert_eq!(
        people(&read(text.as_bytes().to_vec())),
        [
            "Mr|Engelhard|Helge||Head of Unit||",
            "Ms|Schmidt|Anna||Director||"
        ]
    );
}

#[test]
fn a_header_in_two_rows_one_per_language() {
    let doc = Doc::new().table(&[
        row(&["姓名", "单位", "职务"]).header(),
        row(&["Name", "Organisation", "Title"]).header(),
        row(&["张伟\nZHANG Wei", "国家认监委\nCNCA", "处长\nDirector"]),
    ]);
    let read = read(doc.bytes());
    assert_eq!(
        people(&read),
        ["None|Zhang|Wei|张伟|Director|处长|CNCA 国家认监委"]
    );
    assert_eq!(
        skipped(&read),
        [(
            2,
            "Name | Organisation | Title".to_owned(),
            SkipReason::Title
        )]
    );
}
