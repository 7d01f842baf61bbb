//! Synthetic projects of a chosen size, for benchmarks, load tests and trying the app on a
//! registry-sized project (`delegation-planner generate --people 100000 -o big.ron`).
//!
//! The data looks like the real thing: people with Chinese and European names (both
//! orders, some with characters outside the common set), bilingual titles, organisations
//! of every sector, a meeting series with sides and a large training with thousands of
//! attendees, long agendas and a tree of commitments with progress logs. Generation is
//! deterministic: the same [`Size`] and seed always give the same project, byte for byte
//! once saved.

use chrono::{Days, NaiveDate, NaiveTime};

use crate::model::{
    AgendaItem, AgendaItemKind, AttendanceMode, AttendanceRole, AttendanceStatus, Attendee,
    Bilingual, Choice as _, Commitment, CommitmentId, CommitmentStatus, Honorific, ItemId, Meeting,
    MeetingId, MeetingKind, NameOrder, Organisation, OrganisationId, Owner, Person, PersonId,
    Precondition, ProgressEntry, Project, ProjectInfo, Sector, Series, Side, SideId,
};

/// How big a synthetic project is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    /// People in the registry.
    pub people: usize,
    /// Organisations they belong to.
    pub organisations: usize,
    /// Meetings (the first is the large training; the rest form a bilateral series).
    pub meetings: usize,
    /// Attendees of the large training (at most `people`).
    pub attendees: usize,
    /// Agenda items of the large training.
    pub agenda_items: usize,
    /// Commitments, about a third of them sub-points.
    pub commitments: usize,
}

impl Size {
    /// A project scaled from its number of people: organisations, meetings, the large
    /// training's attendance and agenda, and commitments grow with it.
    pub fn people(people: usize) -> Self {
        Self {
            people,
            organisations: (people / 40).clamp(3, 5_000),
            meetings: (people / 2_000).clamp(2, 60),
            attendees: (people / 5).min(20_000),
            agenda_items: (people / 50).clamp(4, 2_000),
            commitments: (people / 10).clamp(3, 10_000),
        }
    }
}

/// A small deterministic generator (SplitMix64), so the output never depends on a crate's
/// version or the platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // The modulo bias is irrelevant for test data.
        usize::try_from(self.next() % (n as u64)).unwrap_or(0)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let i = self.below(items.len());
        items.get(i)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Chinese family names with their pinyin, the common ones first.
const CN_FAMILY: &[(&str, &str)] = &[
    ("王", "WANG"),
    ("李", "LI"),
    ("张", "ZHANG"),
    ("刘", "LIU"),
    ("陈", "CHEN"),
    ("杨", "YANG"),
    ("黄", "HUANG"),
    ("赵", "ZHAO"),
    ("吴", "WU"),
    ("周", "ZHOU"),
    ("徐", "XU"),
    ("孙", "SUN"),
    ("马", "MA"),
    ("朱", "ZHU"),
    ("胡", "HU"),
    ("郭", "GUO"),
    ("何", "HE"),
    ("林", "LIN"),
    ("罗", "LUO"),
    ("方", "FANG"),
    ("欧阳", "OUYANG"),
    ("司马", "SIMA"),
];

/// Chinese given-name syllables with their pinyin, a few rare characters among them.
const CN_GIVEN: &[(&str, &str)] = &[
    ("伟", "wei"),
    ("芳", "fang"),
    ("娜", "na"),
    ("敏", "min"),
    ("静", "jing"),
    ("丽", "li"),
    ("强", "qiang"),
    ("磊", "lei"),
    ("军", "jun"),
    ("洋", "yang"),
    ("勇", "yong"),
    ("艳", "yan"),
    ("杰", "jie"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("继", "ji"),
    ("先", "xian"),
    ("镕", "rong"),
    ("堃", "kun"),
    ("喆", "zhe"),
    ("玥", "yue"),
    ("珺", "jun"),
    ("彧", "yu"),
];

const EU_FAMILY: &[&str] = &[
    "MARTIN",
    "BERNARD",
    "DUBOIS",
    "AUGEREAU LANDAIS",
    "MÜLLER",
    "SCHMIDT",
    "ROSSI",
    "GARCÍA",
    "NOWAK",
    "JANSSENS",
    "O'NEILL",
    "VAN DER BERG",
    "LEFÈVRE",
    "SØRENSEN",
];

const EU_GIVEN: &[&str] = &[
    "Myriam",
    "Olivier",
    "Anne",
    "Jean-Luc",
    "Sophie",
    "Klaus",
    "Giulia",
    "Élodie",
    "Marek",
    "Inês",
    "Pieter",
    "Zoë",
    "François",
    "Ingrid",
];

const TITLES: &[(&str, &str)] = &[
    ("Director General", "总经理"),
    ("Deputy Director", "副主任"),
    ("Head of International Affairs", "国际合作部部长"),
    ("Project Manager", "项目经理"),
    ("Senior Auditor", "高级审核员"),
    ("Standards Officer", "标准化专员"),
    ("Counsellor", "参赞"),
    ("Trade Commissioner", "商务专员"),
    ("Secretary-General", "秘书长"),
    ("Business Development Manager", "业务拓展经理"),
    ("Interpreter", "翻译"),
];

const ORG_STEMS: &[(&str, &str, &str)] = &[
    ("Certification and Accreditation", "认证认可", "CCA"),
    ("Standardisation", "标准化", "STD"),
    ("Quality Certification", "质量认证", "QC"),
    ("Chamber of Commerce", "商会", "COC"),
    ("Testing and Inspection", "检验检测", "TIC"),
    ("Trade Promotion", "贸易促进", "TP"),
    ("Energy Management", "能源管理", "EM"),
    ("Food Safety", "食品安全", "FS"),
];

const PLACES: &[(&str, &str, &str)] = &[
    ("Beijing", "北京", "CN"),
    ("Shanghai", "上海", "CN"),
    ("Shenzhen", "深圳", "CN"),
    ("Paris", "巴黎", "FR"),
    ("Berlin", "柏林", "DE"),
    ("Brussels", "布鲁塞尔", "BE"),
    ("Milan", "米兰", "IT"),
    ("Warsaw", "华沙", "PL"),
];

const TOPICS: &[&str] = &[
    "ISO 50001",
    "ISO 22000",
    "ISO/IEC 27001",
    "ISO/IEC 42001",
    "ESG",
    "training",
    "mutual recognition",
    "carbon footprint",
];

const ITEM_TITLES: &[(&str, &str, AgendaItemKind)] = &[
    (
        "Opening remarks",
        "开幕致辞",
        AgendaItemKind::OpeningRemarks,
    ),
    (
        "Presentation of the certification scheme",
        "认证制度介绍",
        AgendaItemKind::Presentation,
    ),
    (
        "Discussion of cooperation points",
        "合作要点讨论",
        AgendaItemKind::Discussion,
    ),
    ("Coffee break", "茶歇", AgendaItemKind::Break),
    ("Working lunch", "工作午餐", AgendaItemKind::Meal),
    (
        "Signing of the memorandum",
        "签署谅解备忘录",
        AgendaItemKind::Signing,
    ),
    ("Laboratory visit", "参观实验室", AgendaItemKind::Visit),
];

const COMMITMENT_TITLES: &[(&str, &str)] = &[
    ("Joint certification of", "联合认证"),
    ("Mutual recognition of audits for", "审核结果互认："),
    ("Training programme on", "培训项目："),
    ("Exchange of experts on", "专家交流："),
    ("Pilot project for", "试点项目："),
];

/// A synthetic project of `size`, the same for the same `size` and `seed`.
pub fn generate(size: Size, seed: u64) -> Project {
    let mut rng = Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B);
    let mut project = Project {
        info: ProjectInfo {
            title: Bilingual::new(
                format!("Synthetic registry of {} people", size.people),
                format!("{}人的模拟名录", size.people),
            ),
            description: Bilingual::new(
                "Generated for benchmarks and load tests.",
                "为性能测试生成的数据。",
            ),
        },
        ..Project::default()
    };

    let org_ids = organisations(&mut rng, &mut project, size.organisations);
    let person_ids = people(&mut rng, &mut project, size.people, &org_ids);
    let meeting_ids = meetings(&mut rng, &mut project, size, &org_ids, &person_ids);
    commitments(
        &mut rng,
        &mut project,
        size.commitments,
        &org_ids,
        &person_ids,
        &meeting_ids,
    );
    project
}

fn organisations(rng: &mut Rng, project: &mut Project, n: usize) -> Vec<OrganisationId> {
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let (place_en, place_zh, country) = rng
            .pick(PLACES)
            .copied()
            .unwrap_or(("Beijing", "北京", "CN"));
        let (stem_en, stem_zh, stem_acr) = rng.pick(ORG_STEMS).copied().unwrap_or(("", "", ""));
        let chinese = country == "CN";
        let name = if chinese {
            Bilingual::new(
                format!("{place_en} {stem_en} Centre No. {}", i + 1),
                format!("{place_zh}{stem_zh}中心第{}号", i + 1),
            )
        } else {
            Bilingual::new(
                format!("{place_en} {stem_en} Association {}", i + 1),
                format!("{place_zh}{stem_zh}协会{}", i + 1),
            )
        };
        let sector = Sector::ALL
            .get(i % Sector::ALL.len())
            .copied()
            .unwrap_or_default();
        let id = OrganisationId(format!("org-{:05}", i + 1));
        project.organisations.insert(
            id.clone(),
            Organisation {
                acronym: format!("{stem_acr}{}", i + 1),
                name,
                country: country.to_owned(),
                sector,
                notes: String::new(),
                ..Organisation::default()
            },
        );
        ids.push(id);
    }
    ids
}

fn people(
    rng: &mut Rng,
    project: &mut Project,
    n: usize,
    orgs: &[OrganisationId],
) -> Vec<PersonId> {
    let mut ids = Vec::with_capacity(n);
    for i in 0..n {
        let mut person = if rng.chance(60) {
            let (family_zh, family) = rng.pick(CN_FAMILY).copied().unwrap_or(("王", "WANG"));
            let (g1_zh, g1) = rng.pick(CN_GIVEN).copied().unwrap_or(("伟", "wei"));
            let two = rng.chance(70);
            let (g2_zh, g2) = if two {
                rng.pick(CN_GIVEN).copied().unwrap_or(("明", "ming"))
            } else {
                ("", "")
            };
            let mut given: String = format!("{g1}{g2}");
            if let Some(first) = given.get(..1) {
                given = first.to_uppercase() + given.get(1..).unwrap_or("");
            }
            let chinese = if !two && family_zh.chars().count() == 1 && rng.chance(50) {
                // Two-character names are often written with an alignment space.
                format!("{family_zh} {g1_zh}")
            } else {
                format!("{family_zh}{g1_zh}{g2_zh}")
            };
            Person {
                family_name: family.to_owned(),
                given_name: given,
                chinese_name: chinese,
                name_order: NameOrder::FamilyFirst,
                ..Person::default()
            }
        } else {
            Person {
                family_name: rng.pick(EU_FAMILY).copied().unwrap_or("MARTIN").to_owned(),
                given_name: rng.pick(EU_GIVEN).copied().unwrap_or("Anne").to_owned(),
                name_order: NameOrder::GivenFirst,
                ..Person::default()
            }
        };
        person.honorific = *rng.pick(Honorific::ALL).unwrap_or(&Honorific::None);
        person.organisation = rng.pick(orgs).cloned();
        let (title_en, title_zh) = rng.pick(TITLES).copied().unwrap_or(("", ""));
        person.title = Bilingual::new(title_en, title_zh);
        person.email = format!(
            "{}.{}{}@example.org",
            person.given_name.to_lowercase().replace(' ', ""),
            person.family_name.to_lowercase().replace(' ', ""),
            i
        );
        if rng.chance(40) {
            person.phone = format!("+86 10 {:04} {:04}", rng.below(10_000), rng.below(10_000));
        }
        if rng.chance(5) {
            person.notes = "Vegetarian; needs an interpreter. 素食；需要翻译。".to_owned();
        }
        let id = PersonId(format!("p{:06}", i + 1));
        project.people.insert(id.clone(), person);
        ids.push(id);
    }
    ids
}

fn meetings(
    rng: &mut Rng,
    project: &mut Project,
    size: Size,
    orgs: &[OrganisationId],
    people: &[PersonId],
) -> Vec<MeetingId> {
    let start = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap_or_default();
    let nine = NaiveTime::from_hms_opt(9, 0, 0).unwrap_or(NaiveTime::MIN);
    let mut ids = Vec::with_capacity(size.meetings);
    for m in 0..size.meetings {
        let date = start
            .checked_add_days(Days::new(u64::try_from(m * 17).unwrap_or(0)))
            .unwrap_or(start);
        let china_hosts = m % 2 == 0;
        let (zone, counterpart) = if china_hosts {
            (chrono_tz::Asia::Shanghai, chrono_tz::Europe::Brussels)
        } else {
            (chrono_tz::Europe::Brussels, chrono_tz::Asia::Shanghai)
        };
        let mut meeting = Meeting::new(date, zone);
        meeting.counterpart_time_zone = Some(counterpart);
        for day in &mut meeting.days {
            day.start = nine;
        }
        let half = orgs.len() / 2;
        let side_a = Side {
            id: SideId("cn".to_owned()),
            name: Bilingual::new("Chinese delegation", "中方代表团"),
            organisations: orgs.iter().take(half.clamp(1, 3)).cloned().collect(),
        };
        let side_b = Side {
            id: SideId("eu".to_owned()),
            name: Bilingual::new("European delegation", "欧方代表团"),
            organisations: orgs.iter().skip(half).take(3).cloned().collect(),
        };
        meeting.host = if china_hosts {
            side_a.organisations.first().cloned()
        } else {
            side_b.organisations.first().cloned()
        };
        meeting.sides = vec![side_a, side_b];
        let (attendees, items) = if m == 0 {
            meeting.kind = MeetingKind::Training;
            meeting.title = Bilingual::new(
                "Global Certification Made in China — online training",
                "“全球认证中国造”线上培训",
            );
            meeting.venue = Bilingual::new("Online", "线上");
            meeting.expected_participants = u32::try_from(size.attendees).ok();
            meeting.series = Some(Series {
                name: Bilingual::new("Global Certification Made in China", "全球认证中国造"),
                edition: 10,
            });
            (size.attendees.min(people.len()), size.agenda_items)
        } else {
            meeting.kind = MeetingKind::Bilateral;
            meeting.title = Bilingual::new("Annual bilateral meeting", "年度双边会谈");
            let (place_en, place_zh, _) = PLACES
                .get(if china_hosts { 0 } else { 3 })
                .copied()
                .unwrap_or(("", "", ""));
            meeting.venue = Bilingual::new(place_en, place_zh);
            meeting.series = Some(Series {
                name: Bilingual::new("Annual bilateral meeting", "年度双边会谈"),
                edition: u32::try_from(m).unwrap_or(1),
            });
            (12.min(people.len()), 8)
        };
        let planned_end = NaiveTime::from_hms_opt(17, 30, 0);
        for day in &mut meeting.days {
            day.planned_end = planned_end;
        }
        // Attendees: a contiguous stretch of the registry, so meetings overlap in people.
        let offset = rng.below(people.len().saturating_sub(attendees).max(1));
        for (rank, person) in people.iter().skip(offset).take(attendees).enumerate() {
            let mut attendee = Attendee::new(person.clone());
            attendee.side = Some(SideId(if rank % 2 == 0 { "cn" } else { "eu" }.to_owned()));
            attendee.role = match rank {
                0 | 1 => AttendanceRole::HeadOfDelegation,
                2 | 3 => AttendanceRole::Deputy,
                _ if rng.chance(10) => AttendanceRole::Speaker,
                _ => AttendanceRole::Member,
            };
            attendee.status = *rng
                .pick(AttendanceStatus::ALL)
                .unwrap_or(&AttendanceStatus::Invited);
            attendee.rank = u32::try_from(rank / 2 + 1).unwrap_or(u32::MAX);
            attendee.mode = if m == 0 && rng.chance(90) {
                AttendanceMode::Remote
            } else {
                AttendanceMode::OnSite
            };
            meeting.attendees.push(attendee);
        }
        for i in 0..items {
            let (en, zh, kind) = ITEM_TITLES.get(i % ITEM_TITLES.len()).copied().unwrap_or((
                "",
                "",
                AgendaItemKind::Discussion,
            ));
            let speakers = meeting
                .attendees
                .get(rng.below(meeting.attendees.len()))
                .map(|a| vec![a.person.clone()])
                .unwrap_or_default();
            // A long programme runs over days of at most ITEMS_PER_DAY items (at most
            // 12 h each), as a training series would.
            let day_index = i / ITEMS_PER_DAY;
            while meeting.days.len() <= day_index {
                let day = meeting.next_day();
                meeting.days.push(day);
            }
            let Some(day) = meeting.days.get_mut(day_index) else {
                continue;
            };
            day.items.push(AgendaItem {
                id: ItemId(format!("item-{}", i + 1)),
                title: Bilingual::new(format!("{en} ({})", i + 1), format!("{zh}（{}）", i + 1)),
                kind,
                duration_minutes: [10, 15, 20, 30, 45]
                    .get(rng.below(5))
                    .copied()
                    .unwrap_or(15),
                fixed_start: None,
                speakers,
                guest_speakers: Vec::new(),
                chairs: Vec::new(),
                guest_chairs: Vec::new(),
                notes: if rng.chance(20) {
                    "Slides to be sent in advance. 请提前发送幻灯片。".to_owned()
                } else {
                    String::new()
                },
                notes_audience: crate::model::NoteAudience::Internal,
                outcome: crate::model::Outcome::default(),
            });
        }
        let id = MeetingId(format!("meeting-{:03}", m + 1));
        project.meetings.insert(id.clone(), meeting);
        ids.push(id);
    }
    ids
}

/// Items per day of a long synthetic programme: 16 items of at most 45 minutes fit in a
/// day that `check` accepts.
const ITEMS_PER_DAY: usize = 16;

fn commitments(
    rng: &mut Rng,
    project: &mut Project,
    n: usize,
    orgs: &[OrganisationId],
    people: &[PersonId],
    meetings: &[MeetingId],
) {
    let base = NaiveDate::from_ymd_opt(2026, 1, 12).unwrap_or_default();
    let mut top_level: Vec<CommitmentId> = Vec::new();
    for i in 0..n {
        let id = CommitmentId(format!("c{:05}", i + 1));
        let (en, zh) = rng.pick(COMMITMENT_TITLES).copied().unwrap_or(("", ""));
        let topic = rng.pick(TOPICS).copied().unwrap_or("ESG");
        // About a third are sub-points of an earlier point.
        let parent = if i % 3 == 2 {
            top_level.get(rng.below(top_level.len())).cloned()
        } else {
            None
        };
        let status = *rng
            .pick(CommitmentStatus::ALL)
            .unwrap_or(&CommitmentStatus::Agreed);
        let agreed_at = rng.pick(meetings).cloned();
        let due = rng.chance(80).then(|| {
            base.checked_add_days(Days::new(u64::try_from(rng.below(720)).unwrap_or(0)))
                .unwrap_or(base)
        });
        let mut parties: Vec<OrganisationId> = Vec::new();
        for _ in 0..2 {
            if let Some(o) = rng.pick(orgs)
                && !parties.contains(o)
            {
                parties.push(o.clone());
            }
        }
        let owners = match rng.pick(people) {
            Some(p) if rng.chance(70) => vec![Owner::Person(p.clone())],
            _ => parties
                .first()
                .cloned()
                .map(Owner::Organisation)
                .into_iter()
                .collect(),
        };
        let preconditions = if rng.chance(10) {
            vec![Precondition::Condition(Bilingual::new(
                "Formal approval by the authority",
                "主管部门正式批准",
            ))]
        } else {
            Vec::new()
        };
        let progress = (0..rng.below(3))
            .map(|k| ProgressEntry {
                date: base
                    .checked_add_days(Days::new(u64::try_from(k * 30).unwrap_or(0)))
                    .unwrap_or(base),
                note: Bilingual::new("Experts met online.", "专家进行了线上交流。"),
                status: None,
                meeting: None,
            })
            .collect();
        if parent.is_none() {
            top_level.push(id.clone());
        }
        project.commitments.insert(
            id,
            Commitment {
                title: Bilingual::new(format!("{en} {topic}"), format!("{zh}{topic}")),
                description: Bilingual::new(
                    format!("Point {} agreed between the parties.", i + 1),
                    format!("双方商定的第{}项合作要点。", i + 1),
                ),
                parent,
                agreed_at,
                agreed_item: None,
                parties,
                owners,
                topics: vec![topic.to_owned()],
                status,
                due,
                preconditions,
                progress,
                remarks: String::new(),
            },
        );
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn sizes_are_as_asked_and_the_project_is_valid() {
        let size = Size::people(10_000);
        let project = generate(size, 1);
        assert_eq!(project.people.len(), 10_000);
        assert_eq!(project.organisations.len(), size.organisations);
        assert_eq!(project.meetings.len(), size.meetings);
        assert_eq!(project.commitments.len(), size.commitments);
        let training = project.meetings.values().next().unwrap();
        assert_eq!(training.attendees.len(), size.attendees);
        assert_eq!(training.item_count(), size.agenda_items);
        assert!(crate::model::validate(&project).is_empty());
        let chinese = project
            .people
            .values()
            .filter(|p| !p.chinese_name.is_empty())
            .count();
        assert!(chinese > 4_000 && chinese < 8_000, "{chinese}");
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(
            generate(Size::people(500), 7),
            generate(Size::people(500), 7)
        );
        assert_ne!(
            generate(Size::people(500), 7),
            generate(Size::people(500), 8)
        );
    }
}
