//! PDF export: bilingual text that survives extraction, tables across pages, name cards,
//! and hostile input that must not panic.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use delegation_planner::export::pdf::{
    Block, Document, NameCard, PageSize, render, render_name_cards,
};

const MIXED: &str = "Attendees: HUANG Jixian 黄继先 from Łódź met Myriam AUGEREAU LANDAIS, \
                     中国认证认可协会 常务副会长兼秘书长. ";

/// A long note in every seventh row, so that rows of several lines meet page ends.
const NOTE: &str = "Łódź, Kraków, Gdańsk, Wrocław — Zażółć gęślą jaźń; a longer note that \
                    wraps over several lines in its cell";

fn sample_document(rows: usize) -> Document {
    let rows = (1..=rows)
        .map(|i| {
            vec![
                i.to_string(),
                format!("HUANG Jixian 黄继先 {i}"),
                "中国认证认可协会 常务副会长兼秘书长".to_owned(),
                if i % 7 == 0 { NOTE } else { "Brussels" }.to_owned(),
            ]
        })
        .collect();
    Document {
        title: "Delegation visit 代表团访问".to_owned(),
        footer: String::new(),
        page: PageSize::A4Portrait,
        blocks: vec![
            Block::Title("Delegation visit 代表团访问".to_owned()),
            Block::Small("Generated on 2025-03-01 · 生成于 2025年3月1日".to_owned()),
            Block::Heading("Summary 摘要".to_owned()),
            Block::Paragraph(MIXED.repeat(4)),
            Block::Paragraph(
                "Öffentliche Sitzung — Ελληνικά, Русский, Čeština: ů ő ű ř.\n\
                 第二行：中文段落在任意两个汉字之间换行，但标点符号（例如，句号。）不会出现在行首。"
                    .repeat(2),
            ),
            Block::Spacer(12.0),
            Block::Heading("Attendees 出席人员".to_owned()),
            Block::Table {
                widths: vec![0.5, 2.0, 3.0, 2.5],
                header: vec![
                    "#".into(),
                    "Name 姓名".into(),
                    "Organisation 单位".into(),
                    "Notes 备注".into(),
                ],
                rows,
            },
            Block::Small("Footnote 脚注".to_owned()),
        ],
    }
}

fn cards() -> Vec<NameCard> {
    let card = |latin: &str, chinese: &str, organisation: &str, title: &str| NameCard {
        name_latin: latin.to_owned(),
        name_chinese: chinese.to_owned(),
        organisation: organisation.to_owned(),
        title: title.to_owned(),
        ..Default::default()
    };
    vec![
        card(
            "HUANG Jixian",
            "黄继先",
            "中国认证认可协会",
            "常务副会长兼秘书长",
        ),
        card("FANG Yan", "方 艳", "国家市场监督管理总局", "处长"),
        card(
            "Myriam AUGEREAU LANDAIS",
            "米丽娅姆·奥热罗·朗代",
            "Direction générale des entreprises",
            "Cheffe de bureau",
        ),
        card(
            "Łukasz Wójcik-Brzęczyszczykiewicz",
            "卢卡什",
            "Urząd Komunikacji Elektronicznej, Łódź",
            "Dyrektor Departamentu Współpracy Międzynarodowej",
        ),
        card(
            "Maximilian Alexander von Hohenzollern-Sigmaringen-Württemberg",
            "马克西米利安·亚历山大·冯·霍亨索伦-西格马林根-符腾堡",
            "Bundesministerium für Wirtschaft und Klimaschutz, Referat für internationale \
             Normung, Akkreditierung und Konformitätsbewertung",
            "Stellvertretender Leiter",
        ),
        card("Zoltán Kővári", "", "Magyar Szabványügyi Testület", ""),
        card("", "王芳", "", "秘书"),
    ]
}

fn pages_text(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem_by_pages(pdf)
        .unwrap()
        .iter()
        .map(|page| squash(page))
        .collect()
}

fn page_count(pdf: &[u8]) -> usize {
    pdf_extract::Document::load_mem(pdf)
        .unwrap()
        .get_pages()
        .len()
}

fn metadata_title(pdf: &[u8]) -> String {
    let doc = pdf_extract::Document::load_mem(pdf).unwrap();
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
    let info = doc.get_dictionary(info).unwrap();
    pdf_extract::decode_text_string(info.get(b"Title").unwrap()).unwrap()
}

/// Writes `pdf` to `$PDF_DUMP_DIR/<name>.pdf` when that variable is set, to look at the
/// output (e.g. `pdftoppm -r 50 -png`).
fn dump(name: &str, pdf: &[u8]) {
    if let Some(dir) = std::env::var_os("PDF_DUMP_DIR") {
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.pdf")), pdf).unwrap();
    }
}

/// Text without whitespace: extractors differ in where they put spaces between runs.
fn squash(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn document_text_survives_extraction() {
    let pdf = render(&sample_document(200)).unwrap();
    dump("document", &pdf);
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(metadata_title(&pdf), "Delegation visit 代表团访问");

    let pages = pages_text(&pdf);
    let all = pages.concat();
    for needle in [
        "HUANG Jixian 黄继先",
        "Łódź",
        "Myriam AUGEREAU LANDAIS",
        "中国认证认可协会 常务副会长兼秘书长",
        "Zażółć gęślą jaźń",
        "Čeština: ů ő ű ř",
        "标点符号（例如，句号。）",
        "HUANG Jixian 黄继先 200",
    ] {
        assert!(all.contains(&squash(needle)), "{needle:?} missing");
    }
}

#[test]
fn table_header_repeats_and_rows_stay_whole() {
    let pdf = render(&sample_document(200)).unwrap();
    let pages = pages_text(&pdf);
    assert!(pages.len() > 1, "200 rows fit on {} page(s)", pages.len());
    assert_eq!(pages.len(), page_count(&pdf));
    let header = squash("# Name 姓名 Organisation 单位 Notes 备注");
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&header), "no table header on page {}", i + 1);
        assert!(
            page.contains(&format!("{}/{}", i + 1, pages.len())),
            "no page number"
        );
        // A multi-line note starts and ends on the same page: rows are never split.
        assert_eq!(
            page.matches("Łódź,Kraków").count(),
            page.matches("linesinitscell").count(),
            "a row was split on page {}",
            i + 1
        );
    }
}

#[test]
fn landscape_and_empty_documents_render() {
    let mut doc = sample_document(20);
    doc.page = PageSize::A4Landscape;
    let pdf = render(&doc).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert!(pages_text(&pdf).concat().contains("黄继先20"));

    let empty = render(&Document::default()).unwrap();
    assert!(empty.starts_with(b"%PDF"));
    assert_eq!(page_count(&empty), 1);
}

#[test]
fn page_break_and_spacer() {
    let doc = Document {
        title: "Breaks".into(),
        footer: String::new(),
        page: PageSize::A4Portrait,
        blocks: vec![
            Block::PageBreak, // at the top of the first page: ignored
            Block::Paragraph("one".into()),
            Block::PageBreak,
            Block::Paragraph("two".into()),
            Block::Spacer(10_000.0), // runs to the page end, not beyond
            Block::Paragraph("three".into()),
        ],
    };
    let pages = pages_text(&render(&doc).unwrap());
    assert_eq!(pages.len(), 3);
    assert!(pages[0].contains("one"));
    assert!(pages[1].contains("two"));
    assert!(pages[2].contains("three"));
}

#[test]
fn name_cards_show_both_names_on_both_faces() {
    let cards = cards();
    let pdf = render_name_cards(&cards).unwrap();
    dump("name-cards", &pdf);
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(page_count(&pdf), 7);
    let pages = pages_text(&pdf);
    assert_eq!(pages.len(), 7);
    for (card, page) in cards.iter().zip(&pages) {
        for name in [&card.name_latin, &card.name_chinese] {
            if name.len() < 30 && !name.is_empty() {
                // Printed twice: upright on one face, upside down on the other.
                assert_eq!(
                    page.matches(&squash(name)).count(),
                    2,
                    "{name:?} in {page:?}"
                );
            }
        }
    }
    assert!(pages[0].contains("中国认证认可协会"));
    assert!(pages[0].contains("常务副会长兼秘书长"));
    assert!(pages[3].contains("UrządKomunikacjiElektronicznej,Łódź"));
    // Long names are shrunk, not cut: the longest still comes back whole.
    assert!(pages[4].contains("Hohenzollern-Sigmaringen-Württemberg"));
    assert!(pages[4].contains("霍亨索伦-西格马林根-符腾堡"));
}

#[test]
fn name_card_keeps_the_space_in_a_two_character_name() {
    let pdf = render_name_cards(&cards()[1..2]).unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(text.contains("方 艳"), "{text:?}");
}

#[test]
fn no_cards_still_make_a_pdf() {
    let pdf = render_name_cards(&[]).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(page_count(&pdf), 1);
}

#[test]
fn garbage_input_does_not_panic() {
    let long_word = "x".repeat(10_000);
    let long_hanzi = "汉".repeat(10_000);
    let nasty = [
        String::new(),
        " ".into(),
        "\n\n\n".into(),
        "\u{0}\u{1}\u{7}\u{8}\t\r\u{1b}[31mred\u{7f}\u{85}".into(),
        long_word.clone(),
        long_hanzi.clone(),
        "emoji 😀👍🏽🇨🇳👨‍👩‍👧 and 𠀀𪚥 and \u{fffd}\u{e000}".into(),
        "\u{200b}\u{202e}reversed\u{feff}\u{2028}next\u{fe0f}".into(),
        "（（（（（（（（，，，，，，，。。。。。".repeat(200),
    ];
    let mut blocks = Vec::new();
    for text in &nasty {
        blocks.push(Block::Title(text.clone()));
        blocks.push(Block::Heading(text.clone()));
        blocks.push(Block::Paragraph(text.clone()));
        blocks.push(Block::Small(text.clone()));
        blocks.push(Block::Spacer(f32::NAN));
        blocks.push(Block::Spacer(-5.0));
        blocks.push(Block::Spacer(f32::INFINITY));
    }
    blocks.push(Block::Table {
        widths: vec![f32::NAN, -1.0, 0.0, f32::INFINITY, 1e30, 1e-30],
        header: nasty.to_vec(),
        rows: vec![
            nasty.to_vec(),
            vec![],
            nasty.iter().rev().cloned().collect(),
        ],
    });
    blocks.push(Block::Table {
        widths: vec![],
        header: vec![],
        rows: vec![],
    });
    blocks.push(Block::Table {
        widths: vec![1.0],
        header: vec![long_word.clone()],
        rows: vec![vec![long_hanzi.clone()]; 3],
    });
    blocks.push(Block::PageBreak);
    blocks.push(Block::PageBreak);
    for page in [PageSize::A4Portrait, PageSize::A4Landscape] {
        let doc = Document {
            title: "\u{0}garbage 😀\n".into(),
            footer: "\u{0}garbage 😀\n".into(),
            page,
            blocks: blocks.clone(),
        };
        let pdf = render(&doc).unwrap();
        dump(&format!("garbage-{page:?}"), &pdf);
        assert!(pdf.starts_with(b"%PDF"));
        assert!(page_count(&pdf) > 1);
    }

    let cards = nasty
        .iter()
        .map(|text| NameCard {
            name_latin: text.clone(),
            name_chinese: text.clone(),
            organisation: text.clone(),
            title: text.clone(),
            ..Default::default()
        })
        .collect::<Vec<_>>();
    let pdf = render_name_cards(&cards).unwrap();
    dump("garbage-cards", &pdf);
    assert!(pdf.starts_with(b"%PDF"));
    assert_eq!(page_count(&pdf), nasty.len());
}
