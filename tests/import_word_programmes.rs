//! Programmes sent as Word files (issue 22), built the way Word writes them in English,
//! French, German and Chinese offices' conventions: each becomes the lines the programme
//! parser reads (asserted line by line), and the items the parser makes of the table rows
//! (day, start, end, title in both languages, speakers).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

mod word;

use delegation_planner::import::agenda_text::parse;
use delegation_planner::import::gate::Input;
use delegation_planner::import::programme_file::{ProgrammeFormat, read_programme};
use delegation_planner::model::Project;
use word::{Cell, Doc, cell, row, row_br, row_of};

/// The text a Word programme gives the parser.
fn text_of(doc: &Doc) -> String {
    let read = read_programme(Input::from_bytes(doc.bytes()).unwrap(), None).unwrap();
    assert!(matches!(read.format, ProgrammeFormat::Word { .. }));
    read.text
}

fn lines_of(doc: &Doc) -> Vec<String> {
    text_of(doc).lines().map(str::to_owned).collect()
}

/// Every item the parser makes of `text` from line `from` on: the line of its day's date
/// line (0 when it has none: the day is the meeting's), start, end, English title, Chinese
/// title, speakers. (The day by its line, not its number: a title line above the table is
/// the text parser's to classify.)
fn items(text: &str, from: usize) -> Vec<(usize, String, String, String, String, Vec<String>)> {
    let preview = parse(text, &Project::default(), None);
    let hm =
        |t: Option<chrono::NaiveTime>| t.map(|t| t.format("%H:%M").to_string()).unwrap_or_default();
    preview
        .lines
        .iter()
        .filter(|l| l.line >= from)
        .map(|l| {
            (
                preview.days[l.day].line.unwrap_or(0),
                hm(l.start),
                hm(l.end),
                l.titles.en.clone(),
                l.titles.zh.clone(),
                l.speakers.iter().map(|s| s.text.clone()).collect(),
            )
        })
        .collect()
}

fn item(
    day: usize,
    start: &str,
    end: &str,
    en: &str,
    zh: &str,
    speakers: &[&str],
) -> (usize, String, String, String, String, Vec<String>) {
    (
        day,
        start.to_owned(),
        end.to_owned(),
        en.to_owned(),
        zh.to_owned(),
        speakers.iter().map(|s| (*s).to_owned()).collect(),
    )
}

#[test]
fn english_table_with_title_and_date_above() {
    let doc = Doc::new()
        .title("Programme — CCAA delegation visit to Berlin")
        .para("Tuesday, 12 May 2025")
        .para("")
        .table(&[
            row(&["Time", "Item", "Speaker"]).header(),
            row(&["09:00–09:30", "Opening remarks", "Dr. Betty XU"]),
            row(&[
                "09:30–10:30",
                "Presentation of ISO 50001",
                "Mr. Helge ENGELHARD\nBMWi",
            ]),
            row(&["10:30–10:45", "Coffee break", ""]),
            row(&[
                "10:45–12:00",
                "Panel discussion",
                "Ms. Ester CAÑADA AMELA, Mr. XIAO Han",
            ]),
        ]);
    assert_eq!(
        lines_of(&doc),
        [
            "Programme — CCAA delegation visit to Berlin",
            "Tuesday, 12 May 2025",
            "09:00–09:30 Opening remarks — Dr. Betty XU",
            "09:30–10:30 Presentation of ISO 50001 — Mr. Helge ENGELHARD (BMWi)",
            "10:30–10:45 Coffee break",
            "10:45–12:00 Panel discussion — Ms. Ester CAÑADA AMELA, Mr. XIAO Han",
        ]
    );
    assert_eq!(
        items(&text_of(&doc), 3),
        [
            item(
                2,
                "09:00",
                "09:30",
                "Opening remarks",
                "",
                &["Dr. Betty XU"]
            ),
            item(
                2,
                "09:30",
                "10:30",
                "Presentation of ISO 50001",
                "",
                &["Mr. Helge ENGELHARD (BMWi)"]
            ),
            item(2, "10:30", "10:45", "Coffee break", "", &[]),
            item(
                2,
                "10:45",
                "12:00",
                "Panel discussion",
                "",
                &["Ms. Ester CAÑADA AMELA", "Mr. XIAO Han"]
            ),
        ]
    );
}

#[test]
fn chinese_over_english_in_each_cell_with_line_breaks() {
    let doc = Doc::new()
        .title("欧盟代表团访问中国质量认证中心日程安排")
        .para("2025年5月12日（星期一）")
        .table(&[
            row_br(&["时间\nTime", "议程\nAgenda", "发言人\nSpeaker"]).header(),
            row_br(&["9:00-9:30", "开幕致辞\nOpening remarks", "刘江\nLIU Jiang"]),
            row_br(&[
                "9:30-10:30",
                "签署合作备忘录\nSigning of the MoU",
                "张伟\nZHANG Wei",
            ]),
            row_br(&["10:30-11:30", "参观实验室\nVisit of the laboratory", ""]),
        ]);
    assert_eq!(
        lines_of(&doc),
        [
            "欧盟代表团访问中国质量认证中心日程安排",
            "2025年5月12日（星期一）",
            "9:00-9:30 开幕致辞 Opening remarks — LIU Jiang 刘江",
            "9:30-10:30 签署合作备忘录 Signing of the MoU — ZHANG Wei 张伟",
            "10:30-11:30 参观实验室 Visit of the laboratory",
        ]
    );
    assert_eq!(
        items(&text_of(&doc), 3),
        [
            item(
                2,
                "09:00",
                "09:30",
                "Opening remarks",
                "开幕致辞",
                &["LIU Jiang 刘江"]
            ),
            item(
                2,
                "09:30",
                "10:30",
                "Signing of the MoU",
                "签署合作备忘录",
                &["ZHANG Wei 张伟"]
            ),
            item(
                2,
                "10:30",
                "11:30",
                "Visit of the laboratory",
                "参观实验室",
                &[]
            ),
        ]
    );
}

#[test]
fn chinese_with_a_date_column_merged_down_each_day() {
    let doc = Doc::new().para("中欧标准化合作交流活动日程").table(&[
        row(&["日期", "时间", "内容", "主讲人"]).header(),
        row_of(vec![
            cell("11月5日（星期二）").restart(),
            cell("9:00-10:00"),
            cell("开幕式"),
            cell("刘江"),
        ]),
        row_of(vec![
            Cell::merged(),
            cell("10:00-11:30"),
            cell("参观实验室"),
            cell(""),
        ]),
        row_of(vec![
            cell("11月6日（星期三）").restart(),
            cell("9:00-11:00"),
            cell("座谈交流"),
            cell("王芳"),
        ]),
        row_of(vec![
            Cell::merged(),
            cell("11:00-12:00"),
            cell("总结"),
            cell(""),
        ]),
    ]);
    assert_eq!(
        lines_of(&doc),
        [
            "中欧标准化合作交流活动日程",
            "11月5日（星期二）",
            "9:00-10:00 开幕式 — 刘江",
            "10:00-11:30 参观实验室",
            "11月6日（星期三）",
            "9:00-11:00 座谈交流 — 王芳",
            "11:00-12:00 总结",
        ]
    );
    let items = items(&text_of(&doc), 2);
    assert_eq!(
        items,
        [
            item(2, "09:00", "10:00", "", "开幕式", &["刘江"]),
            item(2, "10:00", "11:30", "", "参观实验室", &[]),
            item(5, "09:00", "11:00", "", "座谈交流", &["王芳"]),
            item(5, "11:00", "12:00", "", "总结", &[]),
        ]
    );
}

#[test]
fn french_programme_with_horaire_and_intervenant() {
    let doc = Doc::new()
        .title("Programme de la visite de la délégation du CNCA")
        .para("Mardi 12 mai 2025")
        .table(&[
            row(&["Horaire", "Programme", "Intervenant"]).header(),
            row(&["09:30 – 10:00", "Accueil des participants", ""]),
            row(&[
                "10:00 – 11:00",
                "Présentation de l'AFNOR",
                "Mme Hélène LEFÈVRE\nAFNOR",
            ]),
            row(&[
                "11:00 – 12:30",
                "Table ronde : certification & accréditation",
                "M. Jean DUPONT, Mme Claire MARTIN",
            ]),
            row(&["12:30 – 14:00", "Déjeuner", ""]),
        ]);
    assert_eq!(
        lines_of(&doc),
        [
            "Programme de la visite de la délégation du CNCA",
            "Mardi 12 mai 2025",
            "09:30 – 10:00 Accueil des participants",
            "10:00 – 11:00 Présentation de l'AFNOR — Mme Hélène LEFÈVRE (AFNOR)",
            "11:00 – 12:30 Table ronde : certification & accréditation — M. Jean DUPONT, Mme Claire MARTIN",
            "12:30 – 14:00 Déjeuner",
        ]
    );
    assert_eq!(
        items(&text_of(&doc), 3),
        [
            item(2, "09:30", "10:00", "Accueil des participants", "", &[]),
            item(
                2,
                "10:00",
                "11:00",
                "Présentation de l'AFNOR",
                "",
                &["Mme Hélène LEFÈVRE (AFNOR)"]
            ),
            item(
                2,
                "11:00",
                "12:30",
                "Table ronde : certification & accréditation",
                "",
                &["M. Jean DUPONT", "Mme Claire MARTIN"]
            ),
            item(2, "12:30", "14:00", "Déjeuner", "", &[]),
        ]
    );
}

#[test]
fn german_programme_with_uhrzeit_and_referent() {
    let doc = Doc::new()
        .title("Programm – Jahrestreffen der Akkreditierungsstellen")
        .table(&[
            row(&["Uhrzeit", "Programmpunkt", "Referent"]).header(),
            row(&[
                "09:00 – 09:15 Uhr",
                "Begrüßung",
                "Herr Helge Engelhard\nBMWi",
            ]),
            row(&[
                "09:15 – 10:45 Uhr",
                "Normung in China",
                "Frau Dr. Li Na, SAC",
            ]),
            row(&["10:45 – 11:00 Uhr", "Kaffeepause", ""]),
        ]);
    assert_eq!(
        lines_of(&doc),
        [
            "Programm – Jahrestreffen der Akkreditierungsstellen",
            "09:00 – 09:15 Uhr Begrüßung — Herr Helge Engelhard (BMWi)",
            "09:15 – 10:45 Uhr Normung in China — Frau Dr. Li Na (SAC)",
            "10:45 – 11:00 Uhr Kaffeepause",
        ]
    );
    let items = items(&text_of(&doc), 2);
    let times: Vec<_> = items
        .iter()
        .map(|i| (i.1.as_str(), i.2.as_str(), i.5.clone()))
        .collect();
    assert_eq!(
        times,
        [
            (
                "09:00",
                "09:15",
                vec!["Herr Helge Engelhard (BMWi)".to_owned()]
            ),
            ("09:15", "10:45", vec!["Frau Dr. Li Na (SAC)".to_owned()]),
            ("10:45", "11:00", vec![]),
        ]
    );
}

#[test]
fn time_and_item_with_the_speaker_on_a_second_line() {
    // No header row: the columns are told by their values.
    let doc = Doc::new().para("Monday, 4 November 2019").table(&[
        row(&["09:00", "Welcome address\nby Mr. John SMITH, EU Delegation"]),
        row(&["09:20", "Keynote: trade and standards\nDr. Betty XU"]),
        row(&["10:00", "Coffee break"]),
        row(&["10:20", "欢迎致辞\nWelcome\n主持人：刘江"]),
    ]);
    assert_eq!(
        lines_of(&doc),
        [
            "Monday, 4 November 2019",
            "09:00 Welcome address — Mr. John SMITH (EU Delegation)",
            "09:20 Keynote: trade and standards — Dr. Betty XU",
            "10:00 Coffee break",
            "10:20 欢迎致辞 Welcome — 刘江",
        ]
    );
    assert_eq!(
        items(&text_of(&doc), 2),
        [
            item(
                1,
                "09:00",
                "",
                "Welcome address",
                "",
                &["Mr. John SMITH (EU Delegation)"]
            ),
            item(
                1,
                "09:20",
                "",
                "Keynote: trade and standards",
                "",
                &["Dr. Betty XU"]
            ),
            item(1, "10:00", "", "Coffee break", "", &[]),
            item(1, "10:20", "", "Welcome", "欢迎致辞", &["刘江"]),
        ]
    );
}

#[test]
fn day_rows_across_the_table_start_days() {
    let doc = Doc::new().table(&[
        row(&["Time", "Activity", "Speaker"]).header(),
        row_of(vec![cell("Day 1 — Tuesday, 12 May 2025").span(3)]),
        row(&["09:00–10:00", "Opening session", "Mr. LIU Jiang"]),
        row(&["10:00–12:00", "Technical workshop", ""]),
        row_of(vec![cell("Day 2 — Wednesday, 13 May 2025").span(3)]),
        row(&["09:30–11:00", "Visit of the test centre", ""]),
    ]);
    assert_eq!(
        lines_of(&doc),
        [
            "Day 1 — Tuesday, 12 May 2025",
            "09:00–10:00 Opening session — Mr. LIU Jiang",
            "10:00–12:00 Technical workshop",
            "Day 2 — Wednesday, 13 May 2025",
            "09:30–11:00 Visit of the test centre",
        ]
    );
    assert_eq!(
        items(&text_of(&doc), 1),
        [
            item(
                1,
                "09:00",
                "10:00",
                "Opening session",
                "",
                &["Mr. LIU Jiang"]
            ),
            item(1, "10:00", "12:00", "Technical workshop", "", &[]),
            item(4, "09:30", "11:00", "Visit of the test centre", "", &[]),
        ]
    );
}

#[test]
fn chinese_sections_across_the_table_are_lines_of_their_own() {
    let doc = Doc::new().table(&[
        row(&["时间", "活动内容", "地点"]).header(),
        row_of(vec![cell("上午").span(3)]),
        row(&["9:30—10:00", "欢迎致辞", "第一会议室"]),
        row_of(vec![cell("下午").span(3)]),
        row(&["14:00—15:30", "参观实验室", "B楼"]),
    ]);
    assert_eq!(
        lines_of(&doc),
        [
            "上午",
            "9:30—10:00 欢迎致辞 (第一会议室)",
            "下午",
            "14:00—15:30 参观实验室 (B楼)",
        ]
    );
}

#[test]
fn a_word_file_without_a_table_is_its_paragraphs() {
    let doc = Doc::new()
        .title("Programme")
        .para("Monday, 4 November 2019")
        .para("")
        .para("09:00 Opening — Dr. Betty XU")
        .para("09:30 Visit of the lab");
    let text = text_of(&doc);
    assert_eq!(
        text,
        "Programme\nMonday, 4 November 2019\n09:00 Opening — Dr. Betty XU\n09:30 Visit of the lab\n"
    );
    assert_eq!(
        items(&text, 3),
        [
            item(2, "09:00", "", "Opening", "", &["Dr. Betty XU"]),
            item(2, "09:30", "", "Visit of the lab", "", &[]),
        ]
    );
}

#[test]
fn numbers_venues_and_durations_in_their_own_columns() {
    let doc = Doc::new().table(&[
        row(&["No.", "Time", "Duration", "Activity", "Venue"]).header(),
        row(&["1", "14:00", "10 min", "Opening speech", "Room 301"]),
        row(&[
            "2",
            "14:10",
            "50 min",
            "Visit of the laboratory",
            "Building B",
        ]),
    ]);
    assert_eq!(
        lines_of(&doc),
        [
            "14:00 10 min Opening speech (Room 301)",
            "14:10 50 min Visit of the laboratory (Building B)",
        ]
    );
    let preview = parse(&text_of(&doc), &Project::default(), None);
    assert_eq!(preview.durations, [10, 50]);
    assert_eq!(
        preview.lines[1].title,
        "Visit of the laboratory (Building B)"
    );
}

#[test]
fn a_time_written_over_three_lines_and_two_tables_one_per_day() {
    let doc = Doc::new()
        .para("Day 1 — Monday, 4 November 2019")
        .table(&[
            row(&["Time", "Item"]).header(),
            row(&["09:00\n–\n09:30", "Opening"]),
        ])
        .para("Day 2 — Tuesday, 5 November 2019")
        .table(&[
            row(&["Time", "Item"]).header(),
            row(&["10:00\n–\n11:00", "Closing"]),
        ]);
    assert_eq!(
        lines_of(&doc),
        [
            "Day 1 — Monday, 4 November 2019",
            "09:00 – 09:30 Opening",
            "Day 2 — Tuesday, 5 November 2019",
            "10:00 – 11:00 Closing",
        ]
    );
    assert_eq!(
        items(&text_of(&doc), 1),
        [
            item(1, "09:00", "09:30", "Opening", "", &[]),
            item(3, "10:00", "11:00", "Closing", "", &[]),
        ]
    );
}

#[test]
fn a_table_inside_a_cell_is_read_as_lines_of_the_cell() {
    let inner = r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Mr. A</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Ms. B</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let xml = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Time</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Item</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Speaker</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>09:00</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Opening</w:t></w:r></w:p></w:tc><w:tc>{inner}<w:p/></w:tc></w:tr></w:tbl></w:body></w:document>"#
    );
    let bytes = word::package(&[("word/document.xml", xml.as_bytes())]);
    let read = read_programme(Input::from_bytes(bytes).unwrap(), None).unwrap();
    assert_eq!(read.text, "09:00 Opening — Mr. A, Ms. B\n");
}

#[test]
fn an_organisation_column_goes_with_its_speaker() {
    let doc = Doc::new().table(&[
        row(&["Zeit", "Thema", "Referent", "Behörde"]).header(),
        row(&["10:00–10:30", "Normung in China", "Frau Dr. Li Na", "SAC"]),
        row(&["10:30–11:00", "Akkreditierung", "", "DAkkS"]),
    ]);
    assert_eq!(
        lines_of(&doc),
        [
            "10:00–10:30 Normung in China — Frau Dr. Li Na (SAC)",
            "10:30–11:00 Akkreditierung (DAkkS)",
        ]
    );
}
