//! Attendee lists in the forms users receive them, each built in code the way the
//! sender's program makes it (workbooks with rust_xlsxwriter, legacy encodings with
//! encoding_rs), read through the same entry point as the app and the CLI, and checked
//! field by field: every row accounted for, nothing garbled, nothing misplaced.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use delegation_planner::import::attendees::Matcher;
use delegation_planner::import::attendees::{Field, OrganisationRef, ParsedPerson, SkipReason};
use delegation_planner::import::list::{
    ListError, ListFormat, ListKind, ListRead, ReadOptions, read_list_bytes, read_pasted,
};
use delegation_planner::import::source::NotAList;
use delegation_planner::model::{Honorific, NameOrder, Project};
use rust_xlsxwriter::Workbook;

/// The sample's organisations, without its people: a project a new list arrives in.
fn organisations_only() -> Project {
    let mut p = delegation_planner::samples::ccaa_afnor().unwrap();
    p.people.clear();
    p.meetings.clear();
    p.commitments.clear();
    p
}

fn read_with(bytes: Vec<u8>, kind: ListKind, options: &ReadOptions) -> Result<ListRead, ListError> {
    let project = organisations_only();
    read_list_bytes(bytes, kind, options, &Matcher::new(&project), &mut |_| true)
        .map(|r| r.expect("not cancelled"))
}

fn read(bytes: Vec<u8>, kind: ListKind) -> ListRead {
    read_with(bytes, kind, &ReadOptions::default()).unwrap()
}

fn csv(text: &str) -> ListRead {
    read(text.as_bytes().to_vec(), ListKind::Csv)
}

fn pasted(text: &str) -> ListRead {
    let project = organisations_only();
    read_pasted(text, &Matcher::new(&project))
}

/// `(family, given, chinese)` of each person.
fn names(read: &ListRead) -> Vec<(String, String, String)> {
    read.preview
        .people
        .iter()
        .map(|p| {
            (
                p.person.family_name.clone(),
                p.person.given_name.clone(),
                p.person.chinese_name.clone(),
            )
        })
        .collect()
}

fn person<'a>(read: &'a ListRead, family: &str) -> &'a ParsedPerson {
    read.preview
        .people
        .iter()
        .find(|p| p.person.family_name == family)
        .unwrap_or_else(|| panic!("no {family} in {:#?}", names(read)))
}

fn org_names(p: &ParsedPerson) -> (String, String) {
    match &p.organisation {
        OrganisationRef::New(o) => (
            if o.acronym.is_empty() {
                o.name.en.clone()
            } else {
                o.acronym.clone()
            },
            o.name.zh.clone(),
        ),
        OrganisationRef::Existing(id) => (format!("existing {}", id.as_str()), String::new()),
        OrganisationRef::None => (String::new(), String::new()),
    }
}

/// A workbook with one sheet per `(name, rows)`, written as Excel writes it: strings, and
/// numbers where a spreadsheet user typed numbers (a phone number, a row number).
fn xlsx(sheets: &[(&str, Vec<Vec<&str>>)]) -> Vec<u8> {
    let mut workbook = Workbook::new();
    for (name, rows) in sheets {
        let sheet = workbook.add_worksheet();
        sheet.set_name(*name).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell.parse::<f64>() {
                    Ok(n) if !cell.is_empty() => sheet.write_number(r, c, n).unwrap(),
                    _ if cell.is_empty() => sheet,
                    _ => sheet.write_string(r, c, *cell).unwrap(),
                };
            }
        }
    }
    workbook.save_to_buffer().unwrap()
}

// 1
#[test]
fn xlsx_with_a_merged_title_row_a_blank_row_and_a_total_line() {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("名单").unwrap();
    let title = rust_xlsxwriter::Format::new().set_bold();
    sheet
        .merge_range(0, 0, 0, 4, "中欧标准化合作研讨会 参会人员名单", &title)
        .unwrap();
    let rows = [
        ["序号", "姓名", "单位", "职务", "手机"],
        [
            "1",
            "黄继先",
            "中国认证认可协会",
            "常务副会长兼秘书长",
            "13800138000",
        ],
        [
            "2",
            "方 艳",
            "中国认证认可协会",
            "技术标准部 主任",
            "13900139000",
        ],
        ["", "", "", "", ""],
        ["共计 2 人", "", "", "", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 2, c as u16);
            if let Ok(n) = cell.parse::<f64>() {
                sheet.write_number(r, c, n).unwrap();
            } else if !cell.is_empty() {
                sheet.write_string(r, c, *cell).unwrap();
            }
        }
    }
    let read = read(workbook.save_to_buffer().unwrap(), ListKind::Text);
    assert!(matches!(&read.format, ListFormat::Workbook { sheet, .. } if sheet == "名单"));
    assert_eq!(read.table.as_ref().unwrap().header_line, 3);
    assert_eq!(
        names(&read),
        [
            ("Huang".into(), "Jixian".into(), "黄继先".into()),
            ("Fang".into(), "Yan".into(), "方 艳".into())
        ]
    );
    let huang = person(&read, "Huang");
    assert_eq!(
        huang.person.phone, "13800138000",
        "a number cell keeps its digits"
    );
    assert!(huang.from_pinyin);
    assert_eq!(huang.person.name_order, NameOrder::FamilyFirst);
    assert_eq!(huang.person.title.zh, "常务副会长兼秘书长");
    assert!(
        huang.person.title.en.is_empty(),
        "no Chinese in the English title"
    );
    assert!(matches!(huang.organisation, OrganisationRef::Existing(_)));
    assert_eq!(huang.line, 4);
    let reasons: Vec<(usize, SkipReason)> = read
        .preview
        .skipped
        .iter()
        .map(|s| (s.line, s.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            (1, SkipReason::Title),
            (2, SkipReason::Blank),
            (6, SkipReason::Blank),
            (7, SkipReason::Total)
        ]
    );
}

// 2
#[test]
fn xlsx_with_chinese_headers_puts_every_field_in_its_place() {
    let bytes = xlsx(&[(
        "Sheet1",
        vec![
            vec![
                "序号",
                "姓名",
                "性别",
                "单位",
                "部门",
                "职务",
                "职称",
                "手机",
                "电话",
                "邮箱",
                "英文名",
            ],
            vec![
                "1",
                "王 芳",
                "女",
                "国家认证认可监督管理委员会",
                "国际合作司",
                "副司长",
                "研究员",
                "13612345678",
                "010-8226 0000",
                "wangfang@cnca.gov.cn",
                "WANG Fang",
            ],
            vec![
                "2",
                "",
                "男",
                "BMWi",
                "Referat IVC3",
                "Referent",
                "",
                "",
                "+49 30 1234",
                "k.mueller@bmwi.bund.de",
                "Klaus MÜLLER-LANG",
            ],
        ],
    )]);
    let read = read(bytes, ListKind::Text);
    let wang = person(&read, "Wang");
    assert_eq!(wang.person.given_name, "Fang");
    assert_eq!(wang.person.chinese_name, "王 芳");
    assert!(!wang.from_pinyin, "the English name column gave it");
    assert_eq!(wang.person.honorific, Honorific::Ms);
    assert_eq!(wang.person.title.zh, "国际合作司 副司长");
    assert!(wang.person.title.en.is_empty());
    assert_eq!(wang.person.phone, "13612345678; 010-8226 0000");
    assert_eq!(wang.person.email, "wangfang@cnca.gov.cn");
    assert_eq!(wang.person.notes, "职称：研究员");
    // The Chinese name of an organisation the project has (CNCA) is that organisation.
    assert_eq!(org_names(wang), ("existing cnca".into(), String::new()));
    // The mixed column: BMWi is Latin, so it is the organisation's Latin name.
    let muller = person(&read, "Müller-Lang");
    assert_eq!(muller.person.given_name, "Klaus");
    assert_eq!(muller.person.honorific, Honorific::Mr);
    assert_eq!(org_names(muller), ("BMWi".into(), String::new()));
    assert_eq!(muller.person.title.en, "Referent, Referat IVC3");
    assert!(muller.person.title.zh.is_empty());
}

// 3
#[test]
fn xlsx_first_sheet_with_data_or_the_one_named() {
    let bytes = xlsx(&[
        ("Cover", vec![]),
        (
            "EU",
            vec![
                vec!["Name", "Organisation"],
                vec!["Gianluca GHIARA", "SPEAC"],
            ],
        ),
        (
            "CN",
            vec![vec!["姓名", "单位"], vec!["刘江", "中国质量认证中心"]],
        ),
    ]);
    let first = read(bytes.clone(), ListKind::Text);
    assert!(
        matches!(&first.format, ListFormat::Workbook { sheet, sheets } if sheet == "EU" && sheets.len() == 3)
    );
    assert_eq!(person(&first, "Ghiara").person.given_name, "Gianluca");
    let options = ReadOptions {
        sheet: Some("cn".into()),
        ..ReadOptions::default()
    };
    let chosen = read_with(bytes.clone(), ListKind::Text, &options).unwrap();
    assert_eq!(person(&chosen, "Liu").person.chinese_name, "刘江");
    let missing = ReadOptions {
        sheet: Some("Guests".into()),
        ..ReadOptions::default()
    };
    let err = read_with(bytes, ListKind::Text, &missing).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the workbook has no sheet “Guests”; its sheets are: Cover, EU, CN"
    );
}

// 4
#[test]
fn csv_from_chinese_excel_in_gb18030_with_chinese_names_only() {
    let text = "序号,姓名,单位,职务,手机\r\n1,单雄信,中国质量认证中心,主任,13800000001\r\n2,欧阳振华,国家认监委,处长,13800000002\r\n3,曾国藩,中国认证认可协会,秘书长,\r\n4,诸葛亮,中国标准化研究院,研究员,\r\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    let read = read(bytes.into_owned(), ListKind::Csv);
    assert_eq!(read.format.encoding_name(), Some("GB18030"));
    assert_eq!(
        names(&read),
        [
            ("Shan".into(), "Xiongxin".into(), "单雄信".into()),
            ("Ouyang".into(), "Zhenhua".into(), "欧阳振华".into()),
            ("Zeng".into(), "Guofan".into(), "曾国藩".into()),
            ("Zhuge".into(), "Liang".into(), "诸葛亮".into()),
        ]
    );
    for p in &read.preview.people {
        assert!(p.from_pinyin, "marked for checking");
        assert!(p.uncertain.contains(&Field::FamilyName));
        assert_eq!(p.person.name_order, NameOrder::FamilyFirst);
        assert_eq!(
            p.person.latin_name().split(' ').next().unwrap(),
            p.person.family_name.to_uppercase()
        );
    }
}

// 5
#[test]
fn csv_from_french_excel_in_windows_1252_with_semicolons() {
    let text = "Civilité;Nom;Prénom;Organisme;Fonction;Courriel;Téléphone\r\nM.;DUPONT;Jean;AFNOR;Directeur, qualité;jean.dupont@afnor.org;+33 1 41 62 80 00\r\nMme;D'ALEMBERT;Hélène;Société Générale;Chargée de mission;;\r\nMlle;LEFÈVRE;Zoé;Ministère de l'Économie;Attachée;;\r\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let read = read(bytes.into_owned(), ListKind::Csv);
    assert!(matches!(
        read.format,
        ListFormat::Delimited {
            delimiter: b';',
            ..
        }
    ));
    assert_eq!(read.format.encoding_name(), Some("windows-1252"));
    let dupont = person(&read, "Dupont");
    assert_eq!(dupont.person.honorific, Honorific::Mr, "M. is Monsieur");
    assert_eq!(dupont.person.title.en, "Directeur, qualité");
    assert!(matches!(dupont.organisation, OrganisationRef::Existing(_)));
    let helene = person(&read, "D'Alembert");
    assert_eq!(
        (helene.person.honorific, helene.person.given_name.as_str()),
        (Honorific::Ms, "Hélène")
    );
    assert_eq!(
        org_names(helene),
        ("Société Générale".into(), String::new())
    );
    assert_eq!(person(&read, "Lefèvre").person.honorific, Honorific::Ms);
    assert_eq!(
        person(&read, "Lefèvre").person.name_order,
        NameOrder::GivenFirst
    );
}

// 6
#[test]
fn csv_from_german_excel_with_bom() {
    let text = "\u{feff}Anrede;Nachname;Vorname;Organisation;Funktion;E-Mail;Telefon\nHerr;MÜLLER-LANG;Klaus;DIN;Leiter Normung;klaus@din.de;+49 30 2601-0\nFrau Dr.;VON DER LEYEN;Ursula;Europäische Kommission;Präsidentin;;\n";
    let read = csv(text);
    let klaus = person(&read, "Müller-Lang");
    assert_eq!(klaus.person.honorific, Honorific::Mr);
    assert_eq!(klaus.person.phone, "+49 30 2601-0");
    let ursula = person(&read, "von der Leyen");
    assert_eq!(
        ursula.person.honorific,
        Honorific::Dr,
        "Frau Dr.: the doctorate"
    );
    assert_eq!(ursula.person.title.en, "Präsidentin");
}

// 7
#[test]
fn utf16_with_bom_both_byte_orders_tab_separated() {
    let text = "Family name\tGiven name\tChinese name\tOrganisation\nHUANG\tJixian\t黄继先\tCCAA\nAUGEREAU LANDAIS\tMyriam\t\tAFNOR\n";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for (bytes, name) in [(le, "UTF-16LE"), (be, "UTF-16BE")] {
        let read = read(bytes, ListKind::Text);
        assert_eq!(read.format.encoding_name(), Some(name));
        assert_eq!(person(&read, "Huang").person.chinese_name, "黄继先");
        assert_eq!(
            person(&read, "Augereau Landais").person.given_name,
            "Myriam"
        );
    }
}

// 8
#[test]
fn big5_list_from_taiwan() {
    let text = "姓名,單位,職務\n陳美玲,財團法人台灣電子檢驗中心,處長\n林志明,標準檢驗局,科長\n";
    let (bytes, _, _) = encoding_rs::BIG5.encode(text);
    let read = read(bytes.into_owned(), ListKind::Csv);
    assert_eq!(read.format.encoding_name(), Some("Big5"));
    let names: Vec<String> = read
        .preview
        .people
        .iter()
        .map(|p| p.person.chinese_name.clone())
        .collect();
    assert_eq!(names, ["陳美玲", "林志明"]);
    assert_eq!(person(&read, "Chen").person.title.zh, "處長");
}

// 9
#[test]
fn a_gb18030_text_file_is_not_mojibake() {
    let text = "1. 张伟 国家认证认可监督管理委员会 处长\n2. 李娜 中国质量认证中心 主任\n";
    let (bytes, _, _) = encoding_rs::GB18030.encode(text);
    let read = read(bytes.into_owned(), ListKind::Text);
    assert_eq!(read.format.encoding_name(), Some("GB18030"));
    let names: Vec<String> = read
        .preview
        .people
        .iter()
        .map(|p| p.person.chinese_name.clone())
        .collect();
    assert_eq!(names, ["张伟", "李娜"]);
    assert_eq!(person(&read, "Zhang").person.title.zh, "处长");
    assert_eq!(
        org_names(person(&read, "Li")),
        (String::new(), "中国质量认证中心".into())
    );
}

// 10
#[test]
fn a_table_pasted_from_word_keeps_the_western_delegates() {
    let text = "姓名\tName\t单位\t职务\tTitle\n刘江\tLIU Jiang\t中国质量认证中心\t总经理\tManaging Director\n\tGianluca GHIARA\tSPEAC\t\tHead of SPEAC\n\tDr. Betty XU\tSESEC\t\tSeconded European Standardisation Expert\n";
    let read = pasted(text);
    assert!(matches!(
        read.format,
        ListFormat::Delimited {
            delimiter: b'\t',
            ..
        }
    ));
    assert_eq!(read.preview.people.len(), 3, "{:#?}", names(&read));
    let liu = person(&read, "Liu");
    assert_eq!(
        (
            liu.person.chinese_name.as_str(),
            liu.person.title.en.as_str(),
            liu.person.title.zh.as_str()
        ),
        ("刘江", "Managing Director", "总经理")
    );
    assert!(!liu.from_pinyin);
    let xu = person(&read, "Xu");
    assert_eq!(
        (xu.person.honorific, xu.person.given_name.as_str()),
        (Honorific::Dr, "Betty")
    );
    assert!(xu.person.chinese_name.is_empty());
    assert_eq!(person(&read, "Ghiara").person.title.en, "Head of SPEAC");
}

// 11
#[test]
fn bilingual_headers() {
    let read = csv(
        "姓名 Name,单位 Organisation,职务 Title,电子邮箱 Email\n黄继先,CCAA,常务副会长兼秘书长,huang@ccaa.org.cn\nCindy SHEN,AFNOR,Area Director of AFNOR International,\n",
    );
    assert_eq!(
        read.mapping,
        [
            Some(Field::Name),
            Some(Field::Organisation),
            Some(Field::Title),
            Some(Field::Email)
        ]
    );
    assert_eq!(
        person(&read, "Shen").person.title.en,
        "Area Director of AFNOR International"
    );
    assert_eq!(person(&read, "Huang").person.title.zh, "常务副会长兼秘书长");
}

// 12
#[test]
fn one_liners_name_organisation_title_and_name_title_organisation() {
    let read = pasted(
        "Klaus MÜLLER, DIN, Head of Standards\nJean DUPONT, Head of Certification, AFNOR\nMarie CURIE, Institut Pasteur, Director\nAnna SCHMIDT, Policy Officer, European Commission\n",
    );
    let klaus = person(&read, "Müller");
    assert_eq!(
        (org_names(klaus).0.as_str(), klaus.person.title.en.as_str()),
        ("DIN", "Head of Standards")
    );
    assert!(
        klaus.person.title.zh.is_empty(),
        "English never copied into the Chinese title"
    );
    let jean = person(&read, "Dupont");
    assert_eq!(jean.person.title.en, "Head of Certification");
    assert!(
        matches!(jean.organisation, OrganisationRef::Existing(_)),
        "AFNOR is known"
    );
    let marie = person(&read, "Curie");
    assert_eq!(
        (org_names(marie).0.as_str(), marie.person.title.en.as_str()),
        ("Institut Pasteur", "Director")
    );
    let anna = person(&read, "Schmidt");
    assert_eq!(
        (org_names(anna).0.as_str(), anna.person.title.en.as_str()),
        ("European Commission", "Policy Officer")
    );
}

// 13
#[test]
fn numbered_chinese_lists_give_no_number_people() {
    let read = pasted(
        "（一）中方代表\n1.\n张伟 国家认监委 处长\n2. 李娜 中国质量认证中心 主任\n（二）王芳女士\n① 赵强先生\n共 4 人\n",
    );
    let names: Vec<String> = read
        .preview
        .people
        .iter()
        .map(|p| p.person.chinese_name.clone())
        .collect();
    assert!(
        !names.iter().any(|n| n.contains('1') || n.contains('2')),
        "{names:?}"
    );
    assert!(names.contains(&"张伟".to_owned()) && names.contains(&"李娜".to_owned()));
    assert_eq!(person(&read, "Wang").person.honorific, Honorific::Ms);
    assert_eq!(person(&read, "Zhao").person.honorific, Honorific::Mr);
    let reasons: Vec<SkipReason> = read.preview.skipped.iter().map(|s| s.reason).collect();
    assert!(
        reasons.contains(&SkipReason::Total) && reasons.contains(&SkipReason::NoName),
        "{reasons:?}"
    );
}

// 14
#[test]
fn name_colon_blocks() {
    let read = pasted(
        "姓名：张伟\n单位：国家认证认可监督管理委员会\n职务：处长\n电话：13800000000\n\n姓名：Peter ZHANG\n单位：AFNOR\n职务：General Manager of AFNOR China\n",
    );
    assert!(matches!(
        read.format,
        ListFormat::Delimited {
            delimiter: b':',
            ..
        }
    ));
    assert_eq!(read.preview.people.len(), 2);
    let zhang = person(&read, "Zhang");
    assert_eq!(zhang.person.chinese_name, "张伟");
    assert_eq!(zhang.person.phone, "13800000000");
    let peter = read
        .preview
        .people
        .iter()
        .find(|p| p.person.given_name == "Peter")
        .unwrap();
    assert_eq!(peter.person.title.en, "General Manager of AFNOR China");
}

// 14b
#[test]
fn name_colon_blocks_say_every_line_and_a_list_beside_them_is_read_line_by_line() {
    // A heading, a key no field is known by, and a total: each said, nothing lost.
    let read = pasted(
        "参会人员名单\n\n姓名：单小明\n单位：CQC\n备注：素食\n\n姓名：欧阳振华\n职务：副秘书长\n\n共计 2 人\n",
    );
    assert_eq!(names(&read).len(), 2, "{:#?}", names(&read));
    assert_eq!(person(&read, "Shan").person.chinese_name, "单小明");
    let table = read.table.as_ref().unwrap();
    assert!(
        table.headers.contains(&"备注".to_owned()),
        "{:?}",
        table.headers
    );
    let skipped: Vec<(usize, SkipReason)> = read
        .preview
        .skipped
        .iter()
        .map(|s| (s.line, s.reason))
        .collect();
    assert_eq!(skipped, [(1, SkipReason::Title), (10, SkipReason::Total)]);

    // A numbered list with a block under it: not blocks, so no numbered line vanishes.
    let read = pasted(
        "1. Mme Claire D'ALEMBERT, AFNOR, Directrice\n2. Sean O'BRIEN, Head of Unit, DG GROW\n（一）欧阳振华 中国认证认可协会 副秘书长\n姓名：单小明\n单位：CQC\n职务：处长\n",
    );
    for family in ["D'Alembert", "O'Brien", "Ouyang"] {
        person(&read, family);
    }
    let accounted = read.preview.people.len() + read.preview.skipped.len();
    assert_eq!(accounted, 6, "every line a person or a skipped row");
}

// 14c
#[test]
fn chinese_one_liners_with_short_organisation_names() {
    let read = pasted(
        "王建国先生 国家认监委 技术标准部 司长\n李梅女士 省外办 副主任\n赵强 全国政协常委\n",
    );
    let wang = person(&read, "Wang");
    assert_eq!(org_names(wang), (String::new(), "国家认监委".to_owned()));
    assert_eq!(wang.person.title.zh, "技术标准部 司长");
    assert_eq!(wang.person.honorific, Honorific::Mr);
    let li = person(&read, "Li");
    assert_eq!(org_names(li), (String::new(), "省外办".to_owned()));
    assert_eq!(li.person.title.zh, "副主任");
    let zhao = person(&read, "Zhao");
    assert_eq!(org_names(zhao), (String::new(), String::new()));
    assert_eq!(zhao.person.title.zh, "全国政协常委");
}

// 15
#[test]
fn full_width_punctuation() {
    let read = pasted(
        "张伟，国家认证认可监督管理委员会，处长\nMr．HUANG Jixian 黄继先 中国认证认可协会 常务副会长兼秘书长＞Executive Vice President and Secretary General，CCAA\n",
    );
    let zhang = person(&read, "Zhang");
    assert_eq!(zhang.person.title.zh, "处长");
    assert_eq!(org_names(zhang), ("existing cnca".into(), String::new()));
    let huang = person(&read, "Huang");
    assert_eq!(
        huang.person.title.en,
        "Executive Vice President and Secretary General"
    );
    assert!(matches!(huang.organisation, OrganisationRef::Existing(_)));
}

// 16
#[test]
fn particles_and_bilingual_organisations_in_pasted_text() {
    let read = pasted("Ms. Ursula von der LEYEN, European Commission 欧盟委员会主席\n");
    let ursula = person(&read, "von der Leyen");
    assert_eq!(ursula.person.given_name, "Ursula");
    assert_eq!(org_names(ursula).0, "European Commission");
    assert_eq!(ursula.person.title.zh, "欧盟委员会主席");
}

// 17
#[test]
fn names_as_written_keep_their_capitals() {
    let read = csv(
        "Civilité,Nom,Prénom\nM.,MÜLLER-LANG,Klaus\nMme,O'BRIEN,Siobhan\nM.,MCDONALD,Ian\nM.,de la FONTAINE,Jean\n",
    );
    for family in ["Müller-Lang", "O'Brien", "McDonald", "de la Fontaine"] {
        person(&read, family);
    }
}

// 18
#[test]
fn a_row_with_only_a_latin_name_is_a_person_and_blank_rows_are_said() {
    let read = csv("姓名,英文名,单位\n,Gianluca GHIARA,SPEAC\n,,\n姓名,英文名,单位\n,,SESEC\n");
    assert_eq!(read.preview.people.len(), 1);
    assert_eq!(person(&read, "Ghiara").person.given_name, "Gianluca");
    let reasons: Vec<(usize, SkipReason)> = read
        .preview
        .skipped
        .iter()
        .map(|s| (s.line, s.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            (3, SkipReason::Blank),
            (4, SkipReason::RepeatedHeader),
            (5, SkipReason::NoName)
        ]
    );
}

// 19
#[test]
fn files_that_are_not_lists_are_refused_with_what_they_are() {
    let project_file = delegation_planner::samples::CCAA_AFNOR_RON
        .as_bytes()
        .to_vec();
    // A .docx is read (tests/import_word_lists.rs); an old .doc is refused.
    let mut doc = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    doc.extend("WordDocument".encode_utf16().flat_map(u16::to_le_bytes));
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend_from_slice(b"....photos/a.jpg....");
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "this is a PNG image, not a list; nothing was imported",
        ),
        (
            b"%PDF-1.7\n%\xe2\xe3".to_vec(),
            "this is a PDF document; copy its table and paste it, or ask for the spreadsheet; nothing was imported",
        ),
        (
            project_file,
            "this is a Delegation Planner project: open it instead (File > Open…); nothing was imported",
        ),
        (
            doc,
            "this is an old Word (.doc) or OpenDocument text (.odt) file; save it as a Word document (.docx) and import that, or copy its table and paste it into the import; nothing was imported",
        ),
        (
            zip,
            "this is a ZIP archive; unpack it first; nothing was imported",
        ),
        (
            vec![0, 1, 2, 3, 4, 5, 0, 0, 7, 8, 9, 200, 201, 0, 0, 0],
            "this is binary data, not a list (a spreadsheet, CSV or text file); nothing was imported",
        ),
        (
            b"  \r\n".to_vec(),
            "the file is empty; nothing was imported",
        ),
    ];
    for (bytes, message) in cases {
        for kind in [ListKind::Csv, ListKind::Text] {
            let err = read_with(bytes.clone(), kind, &ReadOptions::default()).unwrap_err();
            assert!(matches!(err, ListError::NotAList(_)));
            assert_eq!(err.to_string(), message);
        }
    }
    assert!(matches!(
        read_with(
            b"\x89PNG....".to_vec(),
            ListKind::Csv,
            &ReadOptions::default()
        ),
        Err(ListError::NotAList(NotAList::Image("PNG")))
    ));
}

// 20
#[test]
fn the_encoding_can_be_named_and_a_wrong_one_says_where() {
    let text = "Nom;Prénom\nLEFÈVRE;Hélène\n";
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
    let utf8 = ReadOptions {
        encoding: Some(encoding_rs::UTF_8),
        ..ReadOptions::default()
    };
    let err = read_with(bytes.to_vec(), ListKind::Csv, &utf8).unwrap_err();
    assert_eq!(
        err.to_string(),
        "line 1, column 7: the text is not valid UTF-8; choose the encoding the file was saved in"
    );
    let latin = ReadOptions {
        encoding: Some(encoding_rs::WINDOWS_1252),
        ..ReadOptions::default()
    };
    let read = read_with(bytes.to_vec(), ListKind::Csv, &latin).unwrap();
    assert_eq!(person(&read, "Lefèvre").person.given_name, "Hélène");
    assert!(matches!(
        read.format,
        ListFormat::Delimited {
            detected: false,
            ..
        }
    ));
}

// 21
#[test]
fn a_remembered_mapping_is_used_for_the_same_headers() {
    let text = "Col A,Col B,Remarque\nDUPONT Jean,AFNOR,végétarien\n";
    assert!(matches!(
        read_with(
            text.as_bytes().to_vec(),
            ListKind::Csv,
            &ReadOptions::default()
        ),
        Err(ListError::NoNameColumn { .. })
    ));
    let headers: Vec<String> = ["Col A", "Col B", "Remarque"].map(str::to_owned).to_vec();
    let mapping = vec![
        Some(Field::Name),
        Some(Field::Organisation),
        Some(Field::Notes),
    ];
    let mut options = ReadOptions::default();
    options.remembered.insert(
        delegation_planner::import::headers::header_set_key(&headers),
        delegation_planner::import::headers::mapping_to_keys(&mapping),
    );
    let read = read_with(text.as_bytes().to_vec(), ListKind::Csv, &options).unwrap();
    assert_eq!(read.mapping, mapping);
    let dupont = person(&read, "Dupont");
    assert_eq!(
        (
            dupont.person.given_name.as_str(),
            dupont.person.notes.as_str()
        ),
        ("Jean", "végétarien")
    );
}

// 22
#[test]
fn quoted_semicolons_line_breaks_and_a_title_above() {
    let read = csv(
        "\u{feff}Liste des participants – 23 septembre 2024;;\n;;\nNom;Prénom;Fonction\n\"AUGEREAU LANDAIS\";Myriam;\"Directrice; \"\"International\"\"\nAFNOR Chine\"\n",
    );
    let myriam = person(&read, "Augereau Landais");
    assert_eq!(
        myriam.person.title.en,
        "Directrice; \"International\"\nAFNOR Chine"
    );
    assert_eq!(read.table.as_ref().unwrap().header_line, 3);
}

// 23
#[test]
fn surnames_read_as_surnames_and_compound_surnames_whole() {
    let read = csv("姓名\n单田芳\n解晓东\n仇英\n区永明\n查良镛\n朴树\n司马光\n上官婉儿\n");
    let latin: Vec<String> = read
        .preview
        .people
        .iter()
        .map(|p| p.person.latin_name())
        .collect();
    assert_eq!(
        latin,
        [
            "SHAN Tianfang",
            "XIE Xiaodong",
            "QIU Ying",
            "OU Yongming",
            "ZHA Liangyong",
            "PIAO Shu",
            "SIMA Guang",
            "SHANGGUAN Wan'er"
        ]
    );
}

// 24
#[test]
fn a_family_and_given_name_in_chinese_columns() {
    let read = csv("姓,名,单位\n欧阳,振华,国家认监委\n");
    let p = &read.preview.people[0];
    assert_eq!(
        (
            p.person.chinese_name.as_str(),
            p.person.family_name.as_str()
        ),
        ("欧阳振华", "Ouyang")
    );
}

// 25
#[test]
fn an_english_list_with_full_names_and_honorifics() {
    let read = csv(
        "No.,Participant,Position,Organization\n1,H.E. Mr. Jorge TOLEDO,Ambassador,EU Delegation to China\n2,Prof. Dr. Klaus MÜLLER,Director,Fraunhofer\n3,\"DUPONT, Jean\",Expert,AFNOR\n",
    );
    assert_eq!(
        person(&read, "Toledo").person.honorific,
        Honorific::Excellency
    );
    assert_eq!(person(&read, "Müller").person.honorific, Honorific::Prof);
    assert_eq!(person(&read, "Dupont").person.given_name, "Jean");
}

// 26
#[test]
fn a_txt_that_is_a_semicolon_table() {
    let read = read(
        "Nachname;Vorname;Organisation\nSCHMIDT;Anna;DIN\n"
            .as_bytes()
            .to_vec(),
        ListKind::Text,
    );
    assert!(matches!(
        read.format,
        ListFormat::Delimited {
            delimiter: b';',
            ..
        }
    ));
    assert_eq!(person(&read, "Schmidt").person.given_name, "Anna");
}

// 27
#[test]
fn the_report_list_as_pasted() {
    let read = pasted(include_str!("fixtures/ccaa-afnor-attendees.txt"));
    assert!(matches!(read.format, ListFormat::Text { .. }));
    assert_eq!(read.preview.people.len(), 7);
    assert!(read.preview.skipped.is_empty());
}

// 28
#[test]
fn a_single_column_of_latin_names() {
    let read = csv("Name\nMyriam AUGEREAU LANDAIS\nAugust TSAI\nCindy SHEN\n");
    assert_eq!(read.preview.people.len(), 3);
    assert_eq!(
        person(&read, "Tsai").person.name_order,
        NameOrder::GivenFirst
    );
}

// 29
#[test]
fn an_ods_workbook() {
    let bytes = ods(&[&["姓名", "单位", "职务"], &["刘江", "CQC", "总经理"]]);
    let read = read(bytes, ListKind::Text);
    assert!(matches!(read.format, ListFormat::Workbook { .. }));
    let liu = person(&read, "Liu");
    assert_eq!(liu.person.title.zh, "总经理");
    assert_eq!(org_names(liu), ("CQC".into(), String::new()));
}

// 30
#[test]
fn meeting_columns_come_back() {
    let read = csv(
        "Family name,Given name,Side,Role,Status,Order,Attendance\nHuang,Jixian,CCAA delegation,Head of delegation,Confirmed,1,On site\nFang,Yan,中方,团员,已出席,2,remote\n",
    );
    let huang = person(&read, "Huang");
    assert_eq!(huang.attendance.side.as_deref(), Some("CCAA delegation"));
    assert_eq!(
        huang.attendance.role,
        Some(delegation_planner::model::AttendanceRole::HeadOfDelegation)
    );
    assert_eq!(huang.attendance.rank, Some(1));
    let fang = person(&read, "Fang");
    assert_eq!(
        fang.attendance.status,
        Some(delegation_planner::model::AttendanceStatus::Attended)
    );
    assert_eq!(
        fang.attendance.mode,
        Some(delegation_planner::model::AttendanceMode::Remote)
    );
}

/// A minimal OpenDocument spreadsheet, as LibreOffice lays one out: a stored `mimetype`
/// first, the manifest, and the table in `content.xml`.
fn ods(rows: &[&[&str]]) -> Vec<u8> {
    use std::io::Write as _;
    let mut content = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Sheet1">"#,
    );
    for row in rows {
        content.push_str("<table:table-row>");
        for cell in *row {
            content.push_str(&format!(
                r#"<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>"#
            ));
        }
        content.push_str("</table:table-row>");
    }
    content.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    let deflated = zip::write::SimpleFileOptions::default();
    zip.start_file("META-INF/manifest.xml", deflated).unwrap();
    zip.write_all(manifest.as_bytes()).unwrap();
    zip.start_file("content.xml", deflated).unwrap();
    zip.write_all(content.as_bytes()).unwrap();
    zip.finish().unwrap();
    out.into_inner()
}

/// The import dialog's hint shows each language's own example of a pasted list (issue 27):
/// the Chinese one, as a Chinese office writes it, reads as it says, the organisation found
/// by its Chinese name.
#[test]
fn the_chinese_example_of_the_import_hint_reads_as_it_says() {
    let read = pasted(
        "黄继先 中国认证认可协会 常务副会长兼秘书长\n方艳 中国认证认可协会 技术标准部主任\n",
    );
    let people: Vec<(String, String, String)> = read
        .preview
        .people
        .iter()
        .map(|p| {
            (
                p.person.chinese_name.clone(),
                org_names(p).0,
                p.person.title.zh.clone(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            (
                "黄继先".to_owned(),
                "existing ccaa".to_owned(),
                "常务副会长兼秘书长".to_owned()
            ),
            (
                "方艳".to_owned(),
                "existing ccaa".to_owned(),
                "技术标准部主任".to_owned()
            ),
        ]
    );
}
