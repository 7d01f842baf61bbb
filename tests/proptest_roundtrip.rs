//! Property tests: every project survives a save and a load unchanged, whatever its text
//! holds (Chinese, right-to-left scripts, emoji, control, zero-width and bidi characters,
//! quotes and RON syntax), and the parsers of pasted agendas, pasted attendee lists and CSV
//! files never panic on any input.
//!
//! 1,000 cases per property by default; `PROPTEST_CASES=100000 cargo test --release --test
//! proptest_roundtrip` runs 100,000 (9 minutes on two cores once built; the round trip
//! through real files runs a tenth as many, each costs disk syncs).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)] // Test helpers may panic: a panic is a failed test.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::{NaiveDate, NaiveTime};
use delegation_planner::model::seating::{
    BanquetOptions, DoorFacing, InterpreterSeat, Party, Placement as SeatPlacement, Row, Seat,
    SeatingLayout, SeatingPlan, SeniorSide, TableShape, TalksOptions,
};
use delegation_planner::model::{
    AgendaItem, AgendaItemKind, AttendanceMode, AttendanceRole, AttendanceStatus, Attendee,
    Bilingual, Choice, Commitment, CommitmentId, CommitmentStatus, CustomField, CustomFieldKind,
    Day, EntityMap, Gender, Honorific, ItemId, LetterDetails, Meeting, MeetingId, MeetingKind,
    MinutesStage, NameOrder, NoteAudience, Organisation, OrganisationId, Outcome, Owner, Person,
    PersonId, PersonalData, Placement, Precondition, ProgressEntry, Project, ProjectInfo, Sector,
    Series, Side, SideId,
};
use delegation_planner::project_file::{
    parse_project, parse_project_fast, parse_project_reference, read_project, save_project,
    to_ron_string, to_ron_string_reference,
};
use proptest::prelude::*;

/// Cases per property: `PROPTEST_CASES` when set, else 1,000.
fn config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1000);
    ProptestConfig {
        cases,
        // Shrinking a big project takes long; what failed is printed anyway.
        max_shrink_iters: 2000,
        ..ProptestConfig::default()
    }
}

/// Pieces of text that have broken parsers and displays before.
const ATOMS: &[&str] = &[
    "HUANG Jixian",
    "黄继先",
    "方 艳",
    "堃喆昇玥珺祎彧镕",
    "\u{3000}",
    "مرحبا",
    "שלום",
    "\u{202E}",
    "\u{202B}",
    "\u{2066}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{200B}",
    "\u{200C}",
    "\u{200D}",
    "\u{2060}",
    "\u{FEFF}",
    "🎉",
    "👨\u{200D}👩\u{200D}👧",
    "🇨🇳",
    "❤\u{FE0F}",
    "\0",
    "\u{7}",
    "\u{1B}[31m",
    "\u{7F}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\r\n",
    "\r",
    "\n",
    "\t",
    " ",
    "\"",
    "\\",
    "'",
    "\"#",
    "r#\"",
    "#![enable(implicit_some)]",
    "/*",
    "*/",
    "//",
    "),",
    "\\u{202E}",
    "Ł ő ů ß",
    "e\u{301}",
    "\u{10FFFF}",
    "\u{FFFD}",
];

/// Any text: random Unicode, or a mix of the atoms above and plain words.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any::<String>(),
        3 => prop::collection::vec(
            prop_oneof![prop::sample::select(ATOMS).prop_map(str::to_owned), "[a-zA-Z0-9 .-]{0,8}"],
            0..6,
        )
        .prop_map(|parts| parts.concat()),
        1 => Just(String::new()),
    ]
}

fn bilingual() -> impl Strategy<Value = Bilingual> {
    (text(), text()).prop_map(|(en, zh)| Bilingual { en, zh })
}

fn choice<C: Choice + std::fmt::Debug>() -> impl Strategy<Value = C> {
    prop::sample::select(C::ALL)
}

fn date() -> impl Strategy<Value = NaiveDate> {
    // Years 1 to 9999: what RON files can hold and chrono can print and read back.
    (1i32..=9999, 1u32..=366).prop_map(|(year, day)| {
        NaiveDate::from_yo_opt(year, day)
            .or_else(|| NaiveDate::from_yo_opt(year, 365))
            .unwrap()
    })
}

fn time() -> impl Strategy<Value = NaiveTime> {
    prop_oneof![
        // Whole minutes, as the app writes them.
        (0u32..24, 0u32..60).prop_map(|(h, m)| NaiveTime::from_hms_opt(h, m, 0).unwrap()),
        // Seconds and nanoseconds, as a hand-edited file may have them, leap second included.
        (0u32..86_400, 0u32..2_000_000_000).prop_map(|(secs, nanos)| {
            let nanos = if secs % 60 == 59 {
                nanos
            } else {
                nanos % 1_000_000_000
            };
            NaiveTime::from_num_seconds_from_midnight_opt(secs, nanos).unwrap()
        }),
    ]
}

fn time_zone() -> impl Strategy<Value = chrono_tz::Tz> {
    prop::sample::select(chrono_tz::TZ_VARIANTS.as_slice())
}

fn organisation() -> impl Strategy<Value = Organisation> {
    (
        (text(), bilingual(), text(), choice::<Sector>(), text()),
        (bilingual(), text(), bilingual()),
    )
        .prop_map(
            |((acronym, name, country, sector, notes), (address, phone, representative))| {
                Organisation {
                    acronym,
                    name,
                    country,
                    sector,
                    notes,
                    address,
                    phone,
                    representative,
                }
            },
        )
}

/// Personal data: often none (the block is then not written), else any of it, custom
/// fields included.
fn personal() -> impl Strategy<Value = PersonalData> {
    prop_oneof![
        Just(PersonalData::default()),
        (
            choice::<Gender>(),
            prop::option::of(date()),
            text(),
            text(),
            prop::option::of(date()),
            prop::collection::btree_map(text(), text(), 0..3),
        )
            .prop_map(
                |(gender, date_of_birth, nationality, passport_number, passport_expiry, custom)| {
                    PersonalData {
                        gender,
                        date_of_birth,
                        nationality,
                        passport_number,
                        passport_expiry,
                        custom,
                    }
                }
            ),
    ]
}

fn person() -> impl Strategy<Value = Person> {
    (
        (choice::<Honorific>(), text(), text(), text()),
        (choice::<NameOrder>(), prop::option::of(text())),
        (bilingual(), text(), text(), text()),
        personal(),
        (prop::option::of(any::<u32>()), any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                (honorific, family_name, given_name, chinese_name),
                (name_order, organisation),
                (title, email, phone, notes),
                personal,
                (rank, transliterated, name_order_chosen),
            )| Person {
                honorific,
                family_name,
                given_name,
                chinese_name,
                name_order,
                organisation: organisation.map(OrganisationId),
                title,
                email,
                phone,
                notes,
                personal,
                rank,
                transliterated,
                name_order_chosen,
            },
        )
}

fn attendee() -> impl Strategy<Value = Attendee> {
    (
        text(),
        prop::option::of(text()),
        choice::<AttendanceRole>(),
        choice::<AttendanceStatus>(),
        any::<u32>(),
        choice::<AttendanceMode>(),
        prop::option::of(prop::option::of(text())),
    )
        .prop_map(|(person, side, role, status, rank, mode, placement)| {
            let mut a = Attendee::new(PersonId(person));
            a.placement = placement.map(|after| match after {
                Some(p) => Placement::After(PersonId(p)),
                None => Placement::First,
            });
            a.side = side.map(SideId);
            a.role = role;
            a.status = status;
            a.rank = rank;
            a.mode = mode;
            a
        })
}

fn agenda_item() -> impl Strategy<Value = AgendaItem> {
    (
        text(),
        bilingual(),
        choice::<AgendaItemKind>(),
        any::<u32>(),
        prop::option::of(time()),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
        (text(), choice::<NoteAudience>()),
        (bilingual(), prop::collection::vec(bilingual(), 0..3)),
        (
            prop::collection::vec(text(), 0..3),
            prop::collection::vec(text(), 0..3),
        ),
    )
        .prop_map(
            |(
                id,
                title,
                kind,
                duration_minutes,
                fixed_start,
                speakers,
                guest_speakers,
                (notes, notes_audience),
                (summary, decisions),
                (chairs, guest_chairs),
            )| {
                AgendaItem {
                    id: ItemId(id),
                    title,
                    kind,
                    duration_minutes,
                    fixed_start,
                    speakers: speakers.into_iter().map(PersonId).collect(),
                    guest_speakers,
                    chairs: chairs.into_iter().map(PersonId).collect(),
                    guest_chairs,
                    notes,
                    notes_audience,
                    outcome: Outcome { summary, decisions },
                }
            },
        )
}

/// A day of a programme: any date and times, titles and venues in any script, any items.
fn day() -> impl Strategy<Value = Day> {
    (
        date(),
        time(),
        prop::option::of(time()),
        bilingual(),
        bilingual(),
        prop::collection::vec(agenda_item(), 0..4),
    )
        .prop_map(|(date, start, planned_end, title, venue, items)| Day {
            date,
            start,
            planned_end,
            title,
            venue,
            items,
        })
}

fn meeting() -> impl Strategy<Value = Meeting> {
    (
        (bilingual(), choice::<MeetingKind>(), date()),
        (time_zone(), prop::option::of(time_zone())),
        (
            bilingual(),
            prop::option::of(text()),
            prop::option::of((bilingual(), any::<u32>())),
        ),
        (
            prop::collection::vec(
                (text(), bilingual(), prop::collection::vec(text(), 0..3)),
                0..3,
            ),
            prop::collection::vec(attendee(), 0..4),
            prop::collection::vec(day(), 1..4),
        ),
        (
            (text(), text()),
            prop::option::of(any::<u32>()),
            choice::<MinutesStage>(),
            prop::option::of(date()),
        ),
        (
            bilingual(),
            bilingual(),
            bilingual(),
            bilingual(),
            bilingual(),
        ),
        (prop::option::of(date()), prop::option::of(date())),
        prop::option::of(seating_plan()),
    )
        .prop_map(
            |(
                (title, kind, date),
                (time_zone, counterpart_time_zone),
                (venue, host, series),
                (sides, attendees, days),
                ((minutes, minutes_zh), expected_participants, minutes_stage, minutes_version),
                (purpose, costs, accommodation, signatory, signatory_title),
                (arrival, departure),
                seating,
            )| {
                let mut m = Meeting::new(date, time_zone);
                m.title = title;
                m.kind = kind;
                m.counterpart_time_zone = counterpart_time_zone;
                m.venue = venue;
                m.host = host.map(OrganisationId);
                m.series = series.map(|(name, edition)| Series { name, edition });
                m.sides = sides
                    .into_iter()
                    .map(|(id, name, orgs)| Side {
                        id: SideId(id),
                        name,
                        organisations: orgs.into_iter().map(OrganisationId).collect(),
                    })
                    .collect();
                m.attendees = attendees;
                m.days = days;
                m.minutes = minutes;
                m.minutes_zh = minutes_zh;
                m.minutes_stage = minutes_stage;
                m.minutes_version = minutes_version;
                m.expected_participants = expected_participants;
                m.letter = LetterDetails {
                    purpose,
                    arrival,
                    departure,
                    costs,
                    accommodation,
                    signatory,
                    signatory_title,
                };
                m.seating = seating.unwrap_or_default();
                m
            },
        )
}

/// A seating plan with any options and placements (V4), seats anywhere an `i32` or a
/// `u32` reaches.
fn seating_plan() -> impl Strategy<Value = SeatingPlan> {
    let seat = prop_oneof![
        (any::<bool>(), any::<bool>(), any::<i32>()).prop_map(|(hosts, behind, place)| {
            Seat::Talks {
                party: if hosts { Party::Hosts } else { Party::Guests },
                row: if behind { Row::Behind } else { Row::Table },
                place,
            }
        }),
        (any::<u32>(), any::<u32>()).prop_map(|(table, seat)| Seat::Banquet { table, seat }),
    ];
    (
        (choice::<SeatingLayout>(), choice::<SeniorSide>()),
        (
            choice::<TableShape>(),
            choice::<DoorFacing>(),
            choice::<InterpreterSeat>(),
            prop::option::of(any::<u32>()),
        ),
        (any::<u32>(), prop::option::of(any::<u32>())),
        prop::collection::vec((text(), seat, any::<bool>()), 0..4),
    )
        .prop_map(
            |(
                (layout, senior),
                (shape, door, interpreter, seats_per_side),
                banquet,
                placements,
            )| {
                SeatingPlan {
                    layout,
                    senior,
                    talks: TalksOptions {
                        shape,
                        door,
                        interpreter,
                        seats_per_side,
                    },
                    banquet: BanquetOptions {
                        seats_per_table: banquet.0,
                        tables: banquet.1,
                    },
                    placements: placements
                        .into_iter()
                        .map(|(person, seat, locked)| SeatPlacement {
                            person: PersonId(person),
                            seat,
                            locked,
                        })
                        .collect(),
                }
            },
        )
}

// `..Default::default()` after every field: a field added later (with its default) must
// not break this test.
#[allow(clippy::needless_update)]
fn commitment() -> impl Strategy<Value = Commitment> {
    let owner = prop_oneof![
        text().prop_map(|p| Owner::Person(PersonId(p))),
        text().prop_map(|o| Owner::Organisation(OrganisationId(o))),
    ];
    let precondition = prop_oneof![
        text().prop_map(|c| Precondition::Commitment(CommitmentId(c))),
        bilingual().prop_map(Precondition::Condition),
    ];
    let progress = (
        date(),
        bilingual(),
        prop::option::of(choice::<CommitmentStatus>()),
        prop::option::of(text()),
    )
        .prop_map(|(date, note, status, meeting)| ProgressEntry {
            date,
            note,
            status,
            meeting: meeting.map(MeetingId),
        });
    (
        (
            bilingual(),
            bilingual(),
            prop::option::of(text()),
            prop::option::of(text()),
        ),
        (
            prop::collection::vec(text(), 0..3),
            prop::collection::vec(owner, 0..3),
            prop::collection::vec(text(), 0..3),
        ),
        (
            choice::<CommitmentStatus>(),
            prop::option::of(date()),
            prop::option::of(text()),
        ),
        (
            prop::collection::vec(precondition, 0..3),
            prop::collection::vec(progress, 0..3),
            text(),
        ),
    )
        .prop_map(
            |(
                (title, description, parent, agreed_at),
                (parties, owners, topics),
                (status, due, agreed_item),
                (preconditions, progress, remarks),
            )| {
                Commitment {
                    title,
                    description,
                    parent: parent.map(CommitmentId),
                    agreed_at: agreed_at.map(MeetingId),
                    agreed_item: agreed_item.map(ItemId),
                    parties: parties.into_iter().map(OrganisationId).collect(),
                    owners,
                    topics,
                    status,
                    due,
                    preconditions,
                    progress,
                    remarks,
                    ..Default::default()
                }
            },
        )
}

#[allow(clippy::needless_update)]
fn project() -> impl Strategy<Value = Project> {
    (
        (bilingual(), bilingual()),
        prop::collection::btree_map(text(), organisation(), 0..4),
        prop::collection::btree_map(text(), person(), 0..5),
        prop::collection::btree_map(text(), meeting(), 0..3),
        prop::collection::btree_map(text(), commitment(), 0..4),
        prop::collection::vec((text(), bilingual(), choice::<CustomFieldKind>()), 0..3),
    )
        .prop_map(
            |((title, description), organisations, people, meetings, commitments, fields)| {
                Project {
                    info: ProjectInfo { title, description },
                    organisations: keyed(organisations, OrganisationId),
                    people: keyed(people, PersonId),
                    meetings: keyed(meetings, MeetingId),
                    commitments: keyed(commitments, CommitmentId),
                    personal_fields: fields
                        .into_iter()
                        .map(|(key, name, kind)| CustomField { key, name, kind })
                        .collect(),
                    ..Default::default()
                }
            },
        )
}

fn keyed<K: Ord + Clone, V: Clone>(
    map: BTreeMap<String, V>,
    id: impl Fn(String) -> K,
) -> EntityMap<K, V> {
    map.into_iter().map(|(k, v)| (id(k), v)).collect()
}

proptest! {
    #![proptest_config(config())]

    /// `load(save(p)) == p`, and saving what was loaded gives the same text again.
    #[test]
    fn every_project_round_trips(p in project()) {
        let text = to_ron_string(&p).unwrap();
        let back = parse_project(text.as_bytes(), Path::new("generated.ron"))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&back, &p);
        prop_assert_eq!(to_ron_string(&back).unwrap(), text);
    }

    /// The fast writer writes exactly what ron writes, and the fast reader reads that text
    /// (it must not leave the app's own files to ron) into exactly what ron reads.
    #[test]
    fn fast_writer_and_reader_agree_with_ron(p in project()) {
        let text = to_ron_string(&p).unwrap();
        prop_assert_eq!(&text, &to_ron_string_reference(&p).unwrap());
        let fast = parse_project_fast(text.as_bytes());
        prop_assert!(fast.is_some(), "the fast reader refused a saved project:\n{}", text);
        prop_assert_eq!(fast.as_ref(), Some(&p));
        prop_assert_eq!(parse_project_reference(text.as_bytes(), Path::new("p.ron")).unwrap(), p);
    }

    /// Edited by hand or damaged, whatever the fast reader accepts, ron reads the same:
    /// random cuts, insertions of RON syntax and replacements anywhere in a saved project.
    #[test]
    fn fast_reader_accepts_nothing_ron_reads_differently(
        p in project(),
        edits in prop::collection::vec((any::<prop::sample::Index>(), 0usize..4, edit_text()), 1..4),
    ) {
        let mut text = to_ron_string(&p).unwrap();
        for (at, cut, insert) in edits {
            let mut start = at.index(text.len() + 1);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            text.replace_range(start..end, &insert);
        }
        differential(text.as_bytes())?;
    }

    /// Whatever text is pasted as an agenda, the parser answers and never panics.
    #[test]
    fn pasted_agendas_never_panic(lines in prop::collection::vec(text(), 0..8)) {
        let pasted = lines.join("\n");
        let sample = delegation_planner::samples::ccaa_afnor().unwrap();
        let meeting = sample.meetings.values().next();
        let _ = delegation_planner::import::agenda_text::parse(&pasted, &sample, meeting);
    }

    /// Whatever text is pasted as an attendee list, the parser answers and never panics.
    #[test]
    fn pasted_attendee_lists_never_panic(lines in prop::collection::vec(text(), 0..8)) {
        let pasted = lines.join("\n");
        let sample = delegation_planner::samples::ccaa_afnor().unwrap();
        let _ = delegation_planner::import::attendees_text::parse(&pasted, &sample);
    }

    /// A CSV of any shape (any bytes, or rows of any cells with any delimiter, quoting and
    /// line breaks) is read, mapped and previewed without a panic.
    #[test]
    fn csv_files_of_any_shape_never_panic(
        rows in prop::collection::vec(prop::collection::vec(text(), 0..6), 0..6),
        delimiter in prop::sample::select(vec![",", ";", "\t", "|"]),
        quote in any::<bool>(),
        bom in any::<bool>(),
        raw in prop::option::of(prop::collection::vec(any::<u8>(), 0..300)),
    ) {
        use delegation_planner::import::attendees::{guess_mapping, read_csv, rows_to_people};
        let bytes = raw.unwrap_or_else(|| {
            let mut text = if bom { "\u{FEFF}".to_owned() } else { String::new() };
            for row in &rows {
                let cells: Vec<String> = row
                    .iter()
                    .map(|c| if quote { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() })
                    .collect();
                text.push_str(&cells.join(delimiter));
                text.push_str("\r\n");
            }
            text.into_bytes()
        });
        let sample = delegation_planner::samples::ccaa_afnor().unwrap();
        if let Ok(table) = read_csv(&bytes) {
            let mapping = guess_mapping(&table.headers);
            let _ = rows_to_people(&table, &mapping, &sample);
        }
    }
}

proptest! {
    // Through real files (atomic save, fsync): fewer cases, each costs disk syncs.
    #![proptest_config(ProptestConfig { cases: config().cases / 10, ..config() })]

    #[test]
    fn every_project_round_trips_through_a_file(p in project()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.ron");
        save_project(&path, &p).unwrap();
        prop_assert_eq!(read_project(&path).unwrap(), p);
    }
}

/// What a person editing a file, or damage, may put in it.
fn edit_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            " ",
            "\n",
            "\t",
            ",",
            ",,",
            "(",
            ")",
            "[",
            "]",
            "{",
            "}",
            ":",
            "\"",
            "'",
            "\\",
            "//",
            "// c\n",
            "/*",
            "*/",
            "/* c */",
            "/* /* */ */",
            "r#\"",
            "\"#",
            "r\"",
            "#",
            "Some(",
            "None",
            "Some(\"x\")",
            "0",
            "-1",
            "+1",
            "1.5",
            "0x1",
            "1_0",
            "007",
            "4294967296",
            "true",
            "V1",
            "V2",
            "V3",
            "V4",
            "days: [],",
            "guest_speakers: [\"x\"],",
            "\\u{41}",
            "\\u{110000}",
            "\\x41",
            "\\n",
            "\u{85}",
            "\u{2028}",
            "\u{200E}",
            "\u{FEFF}",
            "中",
            "x:",
            "x: 1,",
            "r#x",
            "Project",
            "notes: \"\",",
            "honorific: Mr,",
            "rank: 2,",
            "\\\n",
        ])
        .prop_map(str::to_owned),
        text(),
    ]
}

/// Whenever the fast reader accepts `bytes`, ron accepts them too and reads the same.
fn differential(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Some(fast) = parse_project_fast(bytes) {
        match parse_project_reference(bytes, Path::new("edited.ron")) {
            Ok(reference) => prop_assert_eq!(fast, reference),
            Err(err) => prop_assert!(
                false,
                "the fast reader accepted what ron refuses ({err}):\n{}",
                String::from_utf8_lossy(bytes)
            ),
        }
    }
    Ok(())
}
