//! Documents a ministry can receive (issue 24): every export for partners read back the way
//! its readers read it (PDF text, the XML of Word and Excel files, the calendar, HTML and
//! Markdown as text) holds no internal note unless the planners ask for their own copy;
//! every Word table has a header row repeated on each page, rows that never split and
//! columns wide enough for times and numbers; every page of the minutes says whether they
//! are a draft; Chinese documents write names the Chinese way; name cards name the people
//! whose Chinese face would carry a Latin name before printing. All made through the
//! command line the way a user makes them.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use quick_xml_041 as quick_xml;
use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use delegation_planner::model::{MeetingId, NoteAudience, Project};
use delegation_planner::project_file::{read_project, to_ron_string};

/// Markers put in every internal field of the CCAA–AFNOR sample (plain letters and digits,
/// so that no format escapes them), and one in a note for the programme.
const ITEM_NOTE: &str = "Qx7InternalItemNote";
const PERSON_NOTE: &str = "Qx7InternalPersonNote";
const ORGANISATION_NOTE: &str = "Qx7InternalOrganisationNote";
const REMARK: &str = "Qx7InternalRemark";
const PROGRAMME_NOTE: &str = "Qx7ProgrammeNote";

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_delegation-planner"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The CCAA–AFNOR sample with a marker in every internal field besides the sample's own
/// internal texts, saved in `dir`.
fn marked_project(dir: &Path) -> (PathBuf, Project) {
    let mut p = read_project(Path::new("saves/ccaa-afnor-paris-2024.ron")).unwrap();
    {
        let paris = p.meetings.get_mut("paris-2024").unwrap();
        let mut items = paris.items_mut();
        let first = items.next().unwrap();
        first.notes = format!("Seat the heads at the centre. {ITEM_NOTE}");
        let second = items.next().unwrap();
        second.notes = format!("Slides in both languages. {PROGRAMME_NOTE}");
        second.notes_audience = NoteAudience::Programme;
    }
    p.people.get_mut("huang-jixian").unwrap().notes = PERSON_NOTE.into();
    p.organisations.get_mut("ccaa").unwrap().notes = ORGANISATION_NOTE.into();
    p.commitments.get_mut("sharing-expertise").unwrap().remarks = REMARK.into();
    let file = dir.join("marked.ron");
    std::fs::write(&file, to_ron_string(&p).unwrap()).unwrap();
    (file, p)
}

/// Exports with the command line and returns the bytes written.
fn export(dir: &Path, file: &Path, what: &[&str], name: &str) -> Vec<u8> {
    let out = dir.join(name);
    let mut args = vec!["export"];
    args.extend_from_slice(what);
    args.extend([file.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{args:?}: {stdout}{stderr}");
    std::fs::read(out).unwrap()
}

/// The text nodes of an XML part, unescaped, in order.
fn xml_texts(xml: &str) -> Vec<String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Text(t) => out.push(t.decode().unwrap().into_owned()),
            Event::GeneralRef(r) => out.push(
                match String::from_utf8(r.to_vec()).unwrap().as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unexpected entity {other}"),
                }
                .to_owned(),
            ),
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Every XML part of a ZIP package (a .docx or .xlsx), by name.
fn parts(package: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            out.push((name, text));
        }
    }
    out
}

fn part(package: &[u8], name: &str) -> String {
    parts(package)
        .into_iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("{name} is in the package"))
        .1
}

/// What a reader of the file sees, without white space (a PDF line break may fall
/// anywhere): the PDF's text, the text of every XML part, the calendar unfolded and
/// unescaped, HTML without its tags, Markdown without its escapes.
fn readable(bytes: &[u8], extension: &str) -> String {
    let text = match extension {
        "pdf" => pdf_extract::extract_text_from_mem(bytes).unwrap(),
        "docx" | "xlsx" => parts(bytes)
            .iter()
            .flat_map(|(_, xml)| xml_texts(xml))
            .collect(),
        "ics" => String::from_utf8(bytes.to_vec())
            .unwrap()
            .replace("\r\n ", "")
            .replace("\\n", "\n")
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\\\", "\\"),
        "html" => {
            let html = String::from_utf8(bytes.to_vec()).unwrap();
            let mut text = String::new();
            let mut in_tag = false;
            for c in html.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            text.replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&")
        }
        "md" => String::from_utf8(bytes.to_vec()).unwrap().replace('\\', ""),
        _ => String::from_utf8(bytes.to_vec()).unwrap(),
    };
    squeeze(&text)
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every export a partner may receive, as `(command line, file name)`, in every language.
fn partner_exports() -> Vec<(Vec<String>, String)> {
    let mut out = Vec::new();
    let owned = |args: &[&str]| args.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>();
    for lang in ["en", "zh", "both"] {
        for format in ["md", "html", "pdf", "docx", "ics"] {
            out.push((
                owned(&[
                    "agenda",
                    "--meeting",
                    "paris-2024",
                    "--format",
                    format,
                    "--lang",
                    lang,
                ]),
                format!("agenda-{lang}.{format}"),
            ));
        }
        out.push((
            owned(&[
                "agenda",
                "--meeting",
                "paris-2024",
                "--format",
                "ics",
                "--per-item",
                "--lang",
                lang,
            ]),
            format!("agenda-items-{lang}.ics"),
        ));
        for format in ["md", "html", "pdf", "docx"] {
            out.push((
                owned(&[
                    "minutes",
                    "--meeting",
                    "paris-2024",
                    "--format",
                    format,
                    "--lang",
                    lang,
                ]),
                format!("minutes-{lang}.{format}"),
            ));
        }
        for format in ["csv", "xlsx", "html", "md", "pdf", "docx"] {
            out.push((
                owned(&[
                    "attendees",
                    "--meeting",
                    "paris-2024",
                    "--format",
                    format,
                    "--lang",
                    lang,
                ]),
                format!("attendees-{lang}.{format}"),
            ));
        }
        for format in ["csv", "md", "html", "pdf"] {
            out.push((
                owned(&["commitments", "--format", format, "--lang", lang]),
                format!("commitments-{lang}.{format}"),
            ));
        }
    }
    out.push((
        owned(&["attendees", "--format", "xlsx"]),
        "people.xlsx".into(),
    ));
    out.push((
        owned(&["attendees", "--format", "pdf"]),
        "people.pdf".into(),
    ));
    for face in ["both", "zh"] {
        out.push((
            owned(&[
                "name-cards",
                "--meeting",
                "paris-2024",
                "--face",
                face,
                "--allow-latin-on-zh",
            ]),
            format!("cards-{face}.pdf"),
        ));
    }
    out
}

fn extension(name: &str) -> &str {
    name.rsplit('.').next().unwrap()
}

#[test]
fn no_export_for_partners_holds_an_internal_note() {
    let dir = tempfile::tempdir().unwrap();
    let (file, project) = marked_project(dir.path());
    let internal: Vec<String> = project
        .internal_texts()
        .iter()
        .map(|t| squeeze(t))
        .collect();
    // The sample's own internal texts, and the markers.
    assert!(internal.len() >= 6, "{internal:?}");
    for marker in [ITEM_NOTE, PERSON_NOTE, ORGANISATION_NOTE, REMARK] {
        assert!(internal.iter().any(|t| t.contains(marker)), "{marker}");
    }
    let exports = partner_exports();
    assert!(exports.len() >= 64, "{}", exports.len());
    let mut programme_seen = 0;
    for (args, name) in exports {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let bytes = export(dir.path(), &file, &args, &name);
        let text = readable(&bytes, extension(&name));
        assert!(text.len() > 100, "{name} has text: {text}");
        for note in &internal {
            assert!(!text.contains(note.as_str()), "{name} prints {note}");
        }
        if name.starts_with("agenda") {
            // A note for the programme is printed in every agenda.
            assert!(text.contains(PROGRAMME_NOTE), "{name}: {text}");
            programme_seen += 1;
        }
    }
    assert_eq!(programme_seen, 18);
}

#[test]
fn the_planners_own_copy_has_the_notes_marked_internal() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = marked_project(dir.path());
    for lang in ["en", "zh", "both"] {
        for format in ["md", "html", "pdf", "docx", "ics"] {
            let name = format!("agenda-{lang}.{format}");
            let args = [
                "agenda",
                "--meeting",
                "paris-2024",
                "--format",
                format,
                "--lang",
                lang,
                "--with-notes",
            ];
            let text = readable(&export(dir.path(), &file, &args, &name), format);
            assert!(text.contains(ITEM_NOTE), "{name}");
            let mark = match lang {
                "zh" => "内部备注",
                "en" => "Internalnote",
                _ => "Internalnote内部备注",
            };
            assert!(
                text.contains(&format!("{mark}:Seattheheadsatthecentre."))
                    || text.contains(&format!("{mark}：Seattheheadsatthecentre.")),
                "{name} says the note is internal: {text}"
            );
            assert!(text.contains(PROGRAMME_NOTE), "{name}");
        }
        for format in ["csv", "xlsx", "html", "md", "pdf", "docx"] {
            let name = format!("attendees-{lang}.{format}");
            let args = [
                "attendees",
                "--meeting",
                "paris-2024",
                "--format",
                format,
                "--lang",
                lang,
                "--with-notes",
            ];
            let text = readable(&export(dir.path(), &file, &args, &name), format);
            assert!(text.contains(PERSON_NOTE), "{name}");
        }
        for format in ["csv", "md", "html", "pdf"] {
            let name = format!("commitments-{lang}.{format}");
            let args = [
                "commitments",
                "--format",
                format,
                "--lang",
                lang,
                "--with-notes",
            ];
            let text = readable(&export(dir.path(), &file, &args, &name), format);
            assert!(text.contains(REMARK), "{name}");
        }
    }
    // An organisation's notes are never printed: no document is about organisations.
    let args = [
        "attendees",
        "--format",
        "pdf",
        "--with-notes",
        "--lang",
        "both",
    ];
    let text = readable(&export(dir.path(), &file, &args, "all.pdf"), "pdf");
    assert!(!text.contains(ORGANISATION_NOTE));
    // The attendee list of the planners imports back with its notes.
    let csv = export(
        dir.path(),
        &file,
        &[
            "attendees",
            "--meeting",
            "paris-2024",
            "--format",
            "csv",
            "--with-notes",
        ],
        "notes.csv",
    );
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.lines().next().unwrap().ends_with(",Notes"), "{csv}");
}

/// The tables of a Word document: for each, whether its first row is a header row, the
/// widths of its grid (twips), its layout, and its rows' cells' texts with whether the
/// row is kept with the next and may not split.
struct WordTable {
    header_row: bool,
    grid: Vec<u32>,
    fixed: bool,
    rows: Vec<WordRow>,
}

struct WordRow {
    cells: Vec<String>,
    cant_split: bool,
    keep_next: bool,
}

fn word_tables(document: &str) -> Vec<WordTable> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(document);
    let mut tables: Vec<WordTable> = Vec::new();
    let mut in_text = false;
    // Inside a table: what comes after it (a heading kept with the next table) is not its.
    let mut in_table = false;
    loop {
        let event = reader.read_event().expect("well-formed XML");
        let (name, empty) = match &event {
            Event::Start(e) => (e.name().as_ref().to_vec(), false),
            Event::Empty(e) => (e.name().as_ref().to_vec(), true),
            Event::Text(t) if in_text => {
                let text = t.decode().unwrap().into_owned();
                if let Some(cell) = tables
                    .last_mut()
                    .and_then(|t| t.rows.last_mut())
                    .and_then(|r| r.cells.last_mut())
                {
                    cell.push_str(&text);
                }
                continue;
            }
            Event::End(e) => {
                match e.name().as_ref() {
                    b"w:t" => in_text = false,
                    b"w:tbl" => in_table = false,
                    _ => {}
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        let attr = |key: &[u8]| -> Option<String> {
            let (Event::Start(e) | Event::Empty(e)) = &event else {
                return None;
            };
            e.attributes()
                .flatten()
                .find(|a| a.key.as_ref() == key)
                .map(|a| String::from_utf8(a.value.to_vec()).unwrap())
        };
        fn row(tables: &mut [WordTable]) -> Option<&mut WordRow> {
            tables.last_mut().and_then(|t| t.rows.last_mut())
        }
        if name.as_slice() != b"w:tbl" && !in_table {
            continue;
        }
        match name.as_slice() {
            b"w:tbl" => {
                in_table = true;
                tables.push(WordTable {
                    header_row: false,
                    grid: Vec::new(),
                    fixed: false,
                    rows: Vec::new(),
                });
            }
            b"w:gridCol" => {
                if let Some(t) = tables.last_mut() {
                    t.grid.push(attr(b"w:w").unwrap().parse().unwrap());
                }
            }
            b"w:tblLayout" => {
                if let Some(t) = tables.last_mut() {
                    t.fixed = attr(b"w:type").as_deref() == Some("fixed");
                }
            }
            b"w:tr" => {
                if let Some(t) = tables.last_mut() {
                    t.rows.push(WordRow {
                        cells: Vec::new(),
                        cant_split: false,
                        keep_next: false,
                    });
                }
            }
            b"w:tblHeader" => {
                if let Some(t) = tables.last_mut()
                    && t.rows.len() == 1
                {
                    t.header_row = true;
                }
            }
            b"w:cantSplit" => {
                if let Some(r) = row(&mut tables) {
                    r.cant_split = true;
                }
            }
            b"w:keepNext" => {
                if let Some(r) = row(&mut tables) {
                    r.keep_next = true;
                }
            }
            b"w:tc" => {
                if let Some(r) = row(&mut tables) {
                    r.cells.push(String::new());
                }
            }
            b"w:t" if !empty => in_text = true,
            _ => {}
        }
    }
    tables
}

/// Twips a run of digits, colons and dashes needs in Word at 10.5 pt (Calibri's digits are
/// 0.507 em; 0.55 em leaves room) with Word's cell margins (2 × 108 twips).
fn twips_for(token: &str) -> u32 {
    let chars = token.chars().count() as f32;
    (chars * 0.55 * 10.5 * 20.0) as u32 + 216
}

#[test]
fn word_tables_print_with_repeated_headers_rows_that_hold_and_numbers_that_never_wrap() {
    let dir = tempfile::tempdir().unwrap();
    let (file, _) = marked_project(dir.path());
    let sino = Path::new("saves/sino-german-working-groups-2026.ron");
    let mut checked = 0;
    for lang in ["en", "zh", "both"] {
        for (source, what, meeting) in [
            (file.as_path(), "agenda", "paris-2024"),
            (file.as_path(), "minutes", "paris-2024"),
            (file.as_path(), "attendees", "paris-2024"),
            (sino, "agenda", "wg-berlin-2026"),
            (sino, "minutes", "wg-berlin-2026"),
        ] {
            let args = [
                what,
                "--meeting",
                meeting,
                "--format",
                "docx",
                "--lang",
                lang,
                "--author",
                "Secretariat, CCAA International Department",
            ];
            let name = format!("{what}-{meeting}-{lang}.docx");
            let docx = export(dir.path(), source, &args, &name);
            let tables = word_tables(&part(&docx, "word/document.xml"));
            assert!(!tables.is_empty(), "{name}");
            for (t, table) in tables.iter().enumerate() {
                assert!(table.header_row, "{name}: table {t} repeats its header row");
                assert!(table.fixed, "{name}: table {t} keeps its widths");
                assert!(
                    table.grid.iter().sum::<u32>() <= 11_906 - 2 * 1_134,
                    "{name}: table {t} fits the page"
                );
                assert!(table.rows.iter().all(|r| r.cant_split), "{name}: {t}");
                // The header stays with the first two rows, the last row with the one
                // before: never one row alone on a page; a table of four rows or fewer
                // stays whole.
                let body = &table.rows[1..];
                assert!(table.rows[0].keep_next, "{name}: {t}");
                if body.len() >= 2 {
                    assert!(body[0].keep_next, "{name}: {t}");
                    assert!(body[body.len() - 2].keep_next, "{name}: {t}");
                    assert!(!body[body.len() - 1].keep_next, "{name}: {t}");
                }
                if body.len() <= 4 {
                    assert!(
                        body.iter().rev().skip(1).all(|r| r.keep_next),
                        "{name}: {t}"
                    );
                }
                // Numbers, times, dates: each column is wide enough for every one of
                // them on one line.
                for row in &table.rows {
                    for (c, cell) in row.cells.iter().enumerate() {
                        for token in cell.split_whitespace().filter(|w| {
                            w.chars()
                                .all(|ch| ch.is_ascii_digit() || ":–-.()+".contains(ch))
                                && w.chars().any(|ch| ch.is_ascii_digit())
                        }) {
                            assert!(
                                table.grid[c] >= twips_for(token),
                                "{name}: table {t} column {c} ({} twips) is too narrow for {token}",
                                table.grid[c]
                            );
                        }
                    }
                }
                checked += 1;
            }
            // The document says what it is, who made it and when.
            let core = part(&docx, "docProps/core.xml");
            let texts = xml_texts(&core).concat();
            assert!(
                texts.contains("Secretariat, CCAA International Department"),
                "{core}"
            );
            assert!(
                !core.contains("unknown") && !core.contains("1970"),
                "{core}"
            );
            let year = chrono::Utc::now().format("%Y").to_string();
            assert!(core.contains(&format!(">{year}-")), "{core}");
            assert!(
                core.contains("<dc:title>") && !core.contains("<dc:title></dc:title>"),
                "{core}"
            );
        }
    }
    assert!(checked >= 40, "{checked} tables");
}

#[test]
fn every_page_of_the_minutes_says_draft_or_final() {
    let dir = tempfile::tempdir().unwrap();
    // A long record: every item's summary ten times over, so the minutes run over pages.
    let mut p = read_project(Path::new("saves/ccaa-afnor-paris-2024.ron")).unwrap();
    for item in p.meetings.get_mut("paris-2024").unwrap().items_mut() {
        item.outcome.summary.en = item.outcome.summary.en.repeat(10);
        item.outcome.summary.zh = item.outcome.summary.zh.repeat(10);
    }
    let file = dir.path().join("long.ron");
    std::fs::write(&file, to_ron_string(&p).unwrap()).unwrap();
    for (lang, mark) in [
        ("en", "Draft·versionof1Oct2024"),
        ("zh", "草稿·版本日期2024年10月1日"),
        ("both", "Draft·versionof1Oct2024/草稿·版本日期2024年10月1日"),
    ] {
        let args = |format| {
            [
                "minutes",
                "--meeting",
                "paris-2024",
                "--format",
                format,
                "--lang",
                lang,
                "--version-date",
                "2024-10-01",
            ]
        };
        // Draft, though the meeting's minutes are final: the mark comes from the meeting,
        // so set it back for this export.
        let mut draft = p.clone();
        draft.meetings.get_mut("paris-2024").unwrap().minutes_stage =
            delegation_planner::model::MinutesStage::Draft;
        let draft_file = dir.path().join(format!("draft-{lang}.ron"));
        std::fs::write(&draft_file, to_ron_string(&draft).unwrap()).unwrap();

        let pdf = export(dir.path(), &draft_file, &args("pdf"), "m.pdf");
        let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).unwrap();
        assert!(pages.len() >= 3, "{lang}: {} pages", pages.len());
        for (n, page) in pages.iter().enumerate() {
            assert!(
                squeeze(page).contains(mark),
                "{lang}: page {} says {mark}: {page}",
                n + 1
            );
        }
        // Word: the mark is the header, which Word prints on every page.
        let docx = export(dir.path(), &draft_file, &args("docx"), "m.docx");
        let header = parts(&docx)
            .into_iter()
            .filter(|(n, _)| n.starts_with("word/header"))
            .map(|(_, xml)| xml_texts(&xml).concat())
            .collect::<String>();
        assert!(squeeze(&header).contains(mark), "{lang}: {header}");
        let settings = part(&docx, "word/document.xml");
        assert!(
            settings.contains("w:headerReference"),
            "every page's header"
        );
        // HTML: the mark heads a table holding the whole document, and browsers repeat a
        // table's head at the top of every printed page.
        let html =
            String::from_utf8(export(dir.path(), &draft_file, &args("html"), "m.html")).unwrap();
        let head = html.find("<thead><tr><td><p class=\"mark\">").unwrap();
        let body = html.find("<tbody><tr><td>").unwrap();
        assert!(head < body && head < html.find("<h1>").unwrap(), "{html}");
        assert!(
            squeeze(&readable(&html.as_bytes()[head..body], "html")).contains(mark),
            "{html}"
        );
        assert!(html.contains("thead{display:table-header-group}"));
        assert!(
            html.trim_end()
                .ends_with("</td></tr></tbody>\n</table>\n</body>\n</html>")
        );
    }
}

#[test]
fn the_minutes_number_items_as_the_agenda_does_and_end_with_signatures() {
    let dir = tempfile::tempdir().unwrap();
    let sino = Path::new("saves/sino-german-working-groups-2026.ron");
    let agenda = String::from_utf8(export(
        dir.path(),
        sino,
        &[
            "agenda",
            "--meeting",
            "wg-berlin-2026",
            "--format",
            "md",
            "--lang",
            "en",
        ],
        "a.md",
    ))
    .unwrap();
    let minutes = String::from_utf8(export(
        dir.path(),
        sino,
        &[
            "minutes",
            "--meeting",
            "wg-berlin-2026",
            "--format",
            "md",
            "--lang",
            "en",
        ],
        "m.md",
    ))
    .unwrap();
    // Each numbered heading of the minutes is the agenda's row of that number.
    let mut headings = 0;
    for line in minutes.lines().filter(|l| l.starts_with("### ")) {
        let heading = &line[4..];
        let Some((number, title)) = heading.split_once(". ") else {
            continue;
        };
        let number: usize = number.parse().unwrap();
        let row = agenda
            .lines()
            .find(|l| l.starts_with(&format!("| {number} |")))
            .unwrap_or_else(|| panic!("the agenda has an item {number}: {agenda}"));
        assert!(row.contains(title), "{row} / {title}");
        headings += 1;
    }
    assert!(headings >= 3, "{minutes}");
    // Breaks and lunch carry no number in the agenda.
    for line in agenda
        .lines()
        .filter(|l| l.contains("Coffee") || l.contains("Lunch"))
    {
        assert!(line.starts_with("|  |"), "{line}");
    }

    // A signature block per side in the printed minutes: its name, room to sign, its head,
    // the date.
    let pdf = export(
        dir.path(),
        Path::new("saves/ccaa-afnor-paris-2024.ron"),
        &[
            "minutes",
            "--meeting",
            "paris-2024",
            "--format",
            "pdf",
            "--lang",
            "zh",
        ],
        "m.pdf",
    );
    let text = squeeze(&pdf_extract::extract_text_from_mem(&pdf).unwrap());
    let signatures = text
        .rfind("签字中国认证认可协会代表团法国标准化协会")
        .unwrap();
    let block = &text[signatures..];
    assert!(block.contains("签字："), "{block}");
    assert!(block.contains("黄继先"), "{block}");
    assert!(block.contains("Myriam AUGEREAU LANDAIS 女士".replace(' ', "").as_str()));
    assert!(block.contains("日期："), "{block}");
    // The heading of the block is on the block's page, never alone at the foot of the
    // page before.
    let pdf = export(
        dir.path(),
        Path::new("saves/ccaa-afnor-paris-2024.ron"),
        &[
            "minutes",
            "--meeting",
            "paris-2024",
            "--format",
            "pdf",
            "--lang",
            "both",
        ],
        "b.pdf",
    );
    let pages = pdf_extract::extract_text_from_mem_by_pages(&pdf).unwrap();
    let page = pages
        .iter()
        .find(|p| squeeze(p).contains("Signatures签字"))
        .unwrap();
    assert!(squeeze(page).contains("Date日期:"), "{page}");
    let docx = export(
        dir.path(),
        Path::new("saves/ccaa-afnor-paris-2024.ron"),
        &[
            "minutes",
            "--meeting",
            "paris-2024",
            "--format",
            "docx",
            "--lang",
            "both",
        ],
        "m.docx",
    );
    let tables = word_tables(&part(&docx, "word/document.xml"));
    let signature = tables.last().unwrap();
    assert_eq!(
        signature.rows[0].cells,
        [
            "CCAA delegation / 中国认证认可协会代表团",
            "AFNOR / 法国标准化协会"
        ]
    );
    assert!(signature.rows[1].cells[0].starts_with("Signature 签字:"));
    assert_eq!(
        signature.rows[2].cells,
        ["Mr. HUANG Jixian 黄继先", "Ms. Myriam AUGEREAU LANDAIS"]
    );
    assert!(signature.rows[4].cells[1].starts_with("Date 日期:"));
    // The signature block stays on one page.
    assert!(signature.rows[..4].iter().all(|r| r.keep_next));
}

#[test]
fn chinese_documents_write_chinese_names_first_and_nothing_only_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let sino = Path::new("saves/sino-german-working-groups-2026.ron");
    let agenda = readable(
        &export(
            dir.path(),
            sino,
            &[
                "agenda",
                "--meeting",
                "wg-berlin-2026",
                "--format",
                "pdf",
                "--lang",
                "zh",
            ],
            "a.pdf",
        ),
        "pdf",
    );
    assert!(agenda.contains("张伟"), "{agenda}");
    assert!(!agenda.contains("ZHANGWei"), "{agenda}");
    let ccaa = Path::new("saves/ccaa-afnor-paris-2024.ron");
    for what in ["minutes", "attendees"] {
        let md = String::from_utf8(export(
            dir.path(),
            ccaa,
            &[
                what,
                "--meeting",
                "paris-2024",
                "--format",
                "md",
                "--lang",
                "zh",
            ],
            &format!("{what}.md"),
        ))
        .unwrap();
        assert!(md.contains("Myriam AUGEREAU LANDAIS 女士"), "{md}");
        assert!(!md.contains("Ms. ") && !md.contains("Mr. "), "{md}");
        // No paragraph in English alone: every line with three English words or more
        // has Chinese in it too (names, standards and acronyms are Latin).
        for line in md.lines() {
            let words = line
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| w.len() > 2 && w.chars().any(|c| c.is_ascii_lowercase()))
                .count();
            let chinese = line.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            assert!(
                chinese || words < 3,
                "{what}: English alone in Chinese: {line}"
            );
        }
    }
}

#[test]
fn a_chinese_face_without_a_chinese_name_is_named_before_printing() {
    let dir = tempfile::tempdir().unwrap();
    let ccaa = "saves/ccaa-afnor-paris-2024.ron";
    let out = dir.path().join("cards.pdf");
    let (code, _, stderr) = run(&[
        "export",
        "name-cards",
        ccaa,
        "--meeting",
        "paris-2024",
        "--face",
        "zh",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(!out.exists(), "nothing written");
    for name in [
        "Ms. Myriam AUGEREAU LANDAIS",
        "Mr. August TSAI",
        "Ms. Cindy SHEN",
        "Mr. Peter ZHANG",
    ] {
        assert!(stderr.contains(name), "{stderr}");
    }
    assert!(stderr.contains("--allow-latin-on-zh"), "{stderr}");
    assert!(!stderr.contains("HUANG"), "{stderr}");
    // Both scripts on each face: nothing to name.
    let (code, _, stderr) = run(&[
        "export",
        "name-cards",
        ccaa,
        "--meeting",
        "paris-2024",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    // Asked for: the Chinese face carries the Latin name with the honorific after it.
    let (code, _, stderr) = run(&[
        "export",
        "name-cards",
        ccaa,
        "--meeting",
        "paris-2024",
        "--face",
        "zh",
        "--allow-latin-on-zh",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let text = squeeze(&pdf_extract::extract_text_from_mem(&std::fs::read(&out).unwrap()).unwrap());
    assert!(text.contains("MyriamAUGEREAULANDAIS女士"), "{text}");
    assert!(text.contains("PeterZHANG先生"), "{text}");
}

#[test]
fn spreadsheets_print_without_empty_columns_and_at_8_pt_or_more() {
    let dir = tempfile::tempdir().unwrap();
    let ccaa = Path::new("saves/ccaa-afnor-paris-2024.ron");
    let xlsx = export(
        dir.path(),
        ccaa,
        &["attendees", "--meeting", "paris-2024", "--format", "xlsx"],
        "a.xlsx",
    );
    let sheet = part(&xlsx, "xl/worksheets/sheet1.xml");
    // No e-mail and no phone in the sample: those two columns (I and J) are hidden.
    let columns: Vec<(u32, u32, f64, bool)> = sheet
        .split("<col ")
        .skip(1)
        .map(|c| {
            let c = c.split("/>").next().unwrap();
            let attr = |name: &str| {
                c.split(&format!("{name}=\""))
                    .nth(1)
                    .map(|v| v.split('"').next().unwrap().to_owned())
            };
            (
                attr("min").unwrap().parse().unwrap(),
                attr("max").unwrap().parse().unwrap(),
                attr("width").unwrap().parse().unwrap(),
                attr("hidden").as_deref() == Some("1"),
            )
        })
        .collect();
    let hidden: Vec<u32> = columns
        .iter()
        .filter(|c| c.3)
        .flat_map(|c| c.0..=c.1)
        .collect();
    assert_eq!(hidden, [9, 10], "{sheet}");
    assert!(sheet.contains("fitToPage=\"1\""), "{sheet}");
    assert!(sheet.contains("orientation=\"landscape\""), "{sheet}");
    assert!(sheet.contains("paperSize=\"9\""), "{sheet}");
    // The text prints at 8 pt or more: the printed columns fitted to landscape A4 (Excel's
    // column width: characters of 7 px, plus 5 px; 0.7 inch margins) at the fewest pages
    // across that allows it.
    let points: f64 = columns
        .iter()
        .filter(|c| !c.3)
        .map(|c| f64::from(c.1 - c.0 + 1) * (c.2 * 7.0 + 5.0) * 0.75)
        .sum();
    let printable = 297.0 / 25.4 * 72.0 - 1.4 * 72.0;
    let pages: f64 = if sheet.contains("fitToWidth=\"2\"") {
        2.0
    } else {
        1.0
    };
    let size = 11.0 * printable * pages / points;
    assert!(size >= 8.0, "{size} pt on {pages} pages");
    if pages > 1.0 {
        assert!(11.0 * printable / points < 8.0, "one page would do");
    }
    // Hidden, not left out: the file keeps the interchange layout and imports back.
    let strings = xml_texts(&part(&xlsx, "xl/sharedStrings.xml"));
    assert!(strings.iter().any(|s| s == "Email") && strings.iter().any(|s| s == "Phone"));
}

#[test]
fn html_prints_on_a4_and_keeps_names_dates_and_times_whole() {
    let dir = tempfile::tempdir().unwrap();
    let ccaa = Path::new("saves/ccaa-afnor-paris-2024.ron");
    for (what, extra) in [
        ("agenda", vec!["--meeting", "paris-2024"]),
        ("minutes", vec!["--meeting", "paris-2024"]),
        ("attendees", vec!["--meeting", "paris-2024"]),
        ("commitments", vec![]),
    ] {
        let mut args = vec![what, "--format", "html", "--lang", "both"];
        args.extend(extra);
        let html = String::from_utf8(export(dir.path(), ccaa, &args, "x.html")).unwrap();
        assert!(html.contains("@page{size:A4"), "{what}");
        assert!(html.contains(".nb,td.num{white-space:nowrap}"), "{what}");
        assert!(html.contains("<span class=\"nb\">"), "{what}: {html}");
    }
    let html = String::from_utf8(export(
        dir.path(),
        ccaa,
        &[
            "agenda",
            "--meeting",
            "paris-2024",
            "--format",
            "html",
            "--lang",
            "en",
        ],
        "a.html",
    ))
    .unwrap();
    assert!(
        html.contains("<span class=\"nb\">Mr. HUANG Jixian 黄继先</span>"),
        "{html}"
    );
    assert!(
        html.contains("<td class=\"time\">10:00–10:15</td>"),
        "{html}"
    );
}

#[test]
fn file_names_come_from_the_meetings_date_and_title() {
    use delegation_planner::export::ExportRequest;
    use delegation_planner::export::minutes::{MinutesFormat, MinutesMark};
    let p = read_project(Path::new("saves/ccaa-afnor-paris-2024.ron")).unwrap();
    let minutes = |language| ExportRequest::Minutes {
        meeting: MeetingId::from("paris-2024"),
        format: MinutesFormat::Docx,
        language,
        mark: MinutesMark::default(),
    };
    use delegation_planner::export::ExportLanguage;
    assert_eq!(
        minutes(ExportLanguage::En).file_name(&p),
        "2024-09-23 CCAA–AFNOR meeting at AFNOR headquarters — minutes.docx"
    );
    assert_eq!(
        minutes(ExportLanguage::Zh).file_name(&p),
        "2024-09-23 中国认证认可协会与法国标准化协会会谈 — 会谈纪要.docx"
    );
    let cards = ExportRequest::NameCards(MeetingId::from("paris-2024"), Default::default());
    assert_eq!(
        cards.file_name(&p),
        "2024-09-23 CCAA–AFNOR meeting at AFNOR headquarters — name cards.pdf"
    );
}
