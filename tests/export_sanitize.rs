//! One sanitizer for every export: a project whose every text holds control characters
//! (ESC, BEL, NUL), bidi overrides and isolates, zero-width characters and HTML
//! (`<script>`, `<img onerror>`) is exported in every format; each file is opened as its
//! reader would (text, HTML, Markdown, CSV parsed, XLSX unzipped, ICS parsed, PDF text
//! extracted) and holds none of them, and its HTML is text, never markup.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::io::Read as _;

use delegation_planner::export::agenda::AgendaFormat;
use delegation_planner::export::attendees::AttendeeFormat;
use delegation_planner::export::commitments::CommitmentsFormat;
use delegation_planner::export::minutes::{MinutesFormat, MinutesMark};
use delegation_planner::export::{ExportLanguage, ExportRequest};
use delegation_planner::model::followup::Filter;
use delegation_planner::model::{Bilingual, MeetingId, Project, Series};

/// What a hostile file puts in every text: a terminal escape, a bell, a NUL, a right-to-left
/// override and an isolate, a zero-width space, and two kinds of HTML that run code.
const HOSTILE: &str = "\u{1b}[31m\u{7}\u{0}\u{202E}lave\u{2066}\u{200B}<script>alert(1)</script><img src=x onerror=alert(2)>";

/// The characters that must never reach an export.
const FORBIDDEN: [char; 6] = [
    '\u{1b}', '\u{7}', '\u{0}', '\u{202E}', '\u{2066}', '\u{200B}',
];

fn hostile(b: &mut Bilingual) {
    b.en.push_str(HOSTILE);
    b.zh.push_str(HOSTILE);
}

fn hostile_project() -> Project {
    let mut p = delegation_planner::samples::ccaa_afnor().unwrap();
    hostile(&mut p.info.title);
    let ids: Vec<_> = p.organisations.keys().cloned().collect();
    for id in ids {
        let o = p.organisations.get_mut(&id).unwrap();
        o.acronym.push_str(HOSTILE);
        hostile(&mut o.name);
    }
    let ids: Vec<_> = p.people.keys().cloned().collect();
    for id in ids {
        let person = p.people.get_mut(&id).unwrap();
        person.family_name.push_str(HOSTILE);
        person.given_name.push_str(HOSTILE);
        person.chinese_name.push_str(HOSTILE);
        hostile(&mut person.title);
    }
    let ids: Vec<_> = p.meetings.keys().cloned().collect();
    for id in ids {
        let m = p.meetings.get_mut(&id).unwrap();
        hostile(&mut m.title);
        hostile(&mut m.venue);
        m.series = Some(Series {
            name: Bilingual::new(format!("Series{HOSTILE}"), format!("系列{HOSTILE}")),
            edition: 3,
        });
        for side in &mut m.sides {
            hostile(&mut side.name);
        }
        for item in m.items_mut() {
            hostile(&mut item.title);
            item.notes.push_str(HOSTILE);
            hostile(&mut item.outcome.summary);
            item.outcome.decisions.push(Bilingual::new(
                format!("Decision{HOSTILE}"),
                format!("决定{HOSTILE}"),
            ));
        }
        m.minutes.push_str(HOSTILE);
    }
    let ids: Vec<_> = p.commitments.keys().cloned().collect();
    for id in ids {
        let c = p.commitments.get_mut(&id).unwrap();
        hostile(&mut c.title);
        hostile(&mut c.description);
        for topic in &mut c.topics {
            topic.push_str(HOSTILE);
        }
        for entry in &mut c.progress {
            hostile(&mut entry.note);
        }
    }
    p
}

fn every_request() -> Vec<ExportRequest> {
    let meeting = || MeetingId::from("paris-2024");
    let mut all = Vec::new();
    for language in [ExportLanguage::En, ExportLanguage::Zh, ExportLanguage::Both] {
        for format in AgendaFormat::ALL {
            all.push(ExportRequest::Agenda {
                meeting: meeting(),
                format,
                language,
            });
        }
        for format in AttendeeFormat::ALL {
            for m in [None, Some(meeting())] {
                all.push(ExportRequest::Attendees {
                    meeting: m,
                    format,
                    language,
                    personal: delegation_planner::workspace::letters::personal_columns(true),
                });
            }
        }
        for format in MinutesFormat::ALL {
            all.push(ExportRequest::Minutes {
                meeting: meeting(),
                format,
                language,
                mark: MinutesMark::default(),
            });
        }
        for format in CommitmentsFormat::ALL {
            all.push(ExportRequest::Commitments {
                format,
                language,
                filter: Box::default(),
                today: chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
            });
        }
    }
    all.push(ExportRequest::NameCards(meeting(), Default::default()));
    all
}

/// The text a reader of the file sees.
fn text_of(request: &ExportRequest, bytes: &[u8]) -> String {
    match request.extension() {
        "pdf" => pdf_extract::extract_text_from_mem(bytes).unwrap(),
        "xlsx" => {
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            archive
                .by_name("xl/sharedStrings.xml")
                .unwrap()
                .read_to_string(&mut xml)
                .unwrap();
            xml
        }
        "docx" => {
            // The body, the header and the footer, as Word reads them.
            let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut xml = String::new();
            for part in ["word/document.xml", "word/header1.xml", "word/footer1.xml"] {
                archive
                    .by_name(part)
                    .unwrap()
                    .read_to_string(&mut xml)
                    .unwrap();
            }
            xml
        }
        "csv" => {
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(text.as_bytes());
            let mut cells = Vec::new();
            for record in reader.records() {
                cells.extend(record.unwrap().iter().map(str::to_owned));
            }
            cells.join("\n")
        }
        "ics" => {
            let text = String::from_utf8(bytes.to_vec()).unwrap();
            let _: icalendar::Calendar = text.parse().unwrap();
            text
        }
        _ => String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

#[test]
fn no_control_character_bidi_override_or_live_html_in_any_export() {
    let project = hostile_project();
    let _ = Filter::default();
    for request in every_request() {
        let bytes = request.render(&project).unwrap();
        let text = text_of(&request, &bytes);
        let what = format!("{request:?}");
        for c in FORBIDDEN {
            assert!(
                !text.contains(c),
                "{what}: U+{:04X} reached the file",
                u32::from(c)
            );
        }
        // The hostile text is there, as text: something of every field was exported.
        assert!(text.contains("lave"), "{what}: {text}");
        let lower = text.to_lowercase();
        match request.extension() {
            "html" => {
                assert!(
                    !lower.contains("<script") && !lower.contains("<img"),
                    "{what}: live HTML"
                );
                assert!(lower.contains("&lt;script&gt;"), "{what}");
            }
            "md" => {
                // Every `<` is escaped: Markdown renderers show it, never run it.
                let bytes = text.as_bytes();
                for (i, b) in bytes.iter().enumerate() {
                    if *b == b'<' {
                        assert!(i > 0 && bytes[i - 1] == b'\\', "{what}: a bare < at {i}");
                    }
                }
                assert!(lower.contains("\\<script\\>"), "{what}");
            }
            _ => {}
        }
    }
}
