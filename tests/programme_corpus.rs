//! Programmes as other offices write them, in each language's conventions (English,
//! French, German, Chinese; day lines in Spanish, Italian, Russian and Japanese too): each
//! pasted over a one-day meeting that starts at 10:00, replacing its programme, and every
//! item of the result checked (day, start, end, title, speakers, chairs), with the days'
//! dates, the title offered, and the preview's day numbers equal to the result's.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use chrono::{NaiveDate, NaiveTime};
use delegation_planner::import::agenda_text::{self, LineRole};
use delegation_planner::model::{Meeting, Project};

struct Case {
    name: &'static str,
    text: &'static str,
    /// The programme's title offered to the meeting (`""`: no title line).
    title: &'static str,
    /// The dates of the meeting's days after the paste.
    days: &'static [&'static str],
    /// `day start-end title [speaker; speaker] {chair}`.
    items: &'static [&'static str],
}

fn meeting() -> Meeting {
    let mut m = Meeting::new(
        NaiveDate::from_ymd_opt(2025, 5, 12).unwrap(),
        chrono_tz::Europe::Berlin,
    );
    // The old start, which a written time always wins over.
    m.days[0].start = NaiveTime::from_hms_opt(10, 0, 0).unwrap();
    m
}

fn hm(t: chrono::DateTime<chrono_tz::Tz>) -> String {
    t.format("%H:%M").to_string()
}

/// Every item of the meeting as `day start-end title [speakers] {chairs}`.
fn rendered(m: &Meeting) -> Vec<String> {
    let mut out = Vec::new();
    for (d, day) in m.days.iter().enumerate() {
        for (item, slot) in day.items.iter().zip(day.schedule(m.time_zone)) {
            let title = match (item.title.en.is_empty(), item.title.zh.is_empty()) {
                (false, false) => format!("{} | {}", item.title.en, item.title.zh),
                (false, true) => item.title.en.clone(),
                _ => item.title.zh.clone(),
            };
            let people: Vec<String> = item
                .speakers
                .iter()
                .map(|p| p.as_str().to_owned())
                .chain(item.guest_speakers.iter().cloned())
                .collect();
            let chairs: Vec<String> = item
                .chairs
                .iter()
                .map(|p| p.as_str().to_owned())
                .chain(item.guest_chairs.iter().cloned())
                .collect();
            let mut line = format!("{} {}-{} {title}", d + 1, hm(slot.start), hm(slot.end));
            if !people.is_empty() {
                line.push_str(&format!(" [{}]", people.join("; ")));
            }
            if !chairs.is_empty() {
                line.push_str(&format!(" {{{}}}", chairs.join("; ")));
            }
            out.push(line);
        }
    }
    out
}

fn check(case: &Case, project: &Project) {
    let m = meeting();
    let preview = agenda_text::parse(case.text, project, Some(&m));
    let plan = agenda_text::plan(&m, &preview, true);
    assert!(
        plan.blocking().next().is_none(),
        "{}: blocked {:?}",
        case.name,
        plan.notes
    );
    let result = &plan.meeting;
    assert_eq!(rendered(result), case.items, "{}", case.name);
    let dates: Vec<String> = result.days.iter().map(|d| d.date.to_string()).collect();
    assert_eq!(dates, case.days, "{}: days", case.name);
    let title = preview
        .title
        .as_ref()
        .map(|t| t.title.both())
        .unwrap_or_default();
    assert_eq!(title, case.title, "{}: title", case.name);
    if !case.title.is_empty() {
        assert_eq!(
            result.title.both(),
            case.title,
            "{}: meeting title",
            case.name
        );
        assert!(
            preview.lines.iter().all(|l| l.title != case.title),
            "{}: the title is never an item",
            case.name
        );
    }
    // The preview's day of each item is the result's.
    let mut by_day = vec![0usize; result.days.len()];
    for line in &preview.lines {
        by_day[plan.targets[line.day]] += 1;
    }
    let counts: Vec<usize> = result.days.iter().map(|d| d.items.len()).collect();
    assert_eq!(by_day, counts, "{}: preview and result days", case.name);
    // Every non-blank line is accounted for.
    let non_blank = case.text.lines().filter(|l| !l.trim().is_empty()).count();
    assert_eq!(preview.classes.len(), non_blank, "{}: lines", case.name);
    let items = preview
        .classes
        .iter()
        .filter(|c| matches!(c.role, LineRole::Item(_)))
        .count();
    assert_eq!(items, preview.lines.len(), "{}", case.name);
}

const CASES: &[Case] = &[
    // ---- English ----
    Case {
        name: "en: the issue's Berlin visit, title line and two days",
        text: "Programme — CCAA delegation visit to Berlin, 12–13 May 2025\n\nMonday, 12 May 2025\n09:00 Welcome — Dr. Betty XU\n09:30–11:00 Standards dialogue\n11:00 Coffee break (15 min)\n\nTuesday, 13 May 2025\n10:00 Visit of the DIN laboratories\n12:00 Lunch\n",
        title: "CCAA delegation visit to Berlin, 12–13 May 2025",
        days: &["2025-05-12", "2025-05-13"],
        items: &[
            "1 09:00-09:30 Welcome [Dr. Betty XU]",
            "1 09:30-11:00 Standards dialogue",
            "1 11:00-11:15 Coffee break",
            "2 10:00-12:00 Visit of the DIN laboratories",
            "2 12:00-12:30 Lunch",
        ],
    },
    Case {
        name: "en: am/pm and noon",
        text: "Agenda\n9:00 am Registration\n9:30 am Opening remarks by Mr. John SMITH\nnoon Lunch\n1:30 pm Site visit\n3 pm–4 pm Wrap-up\n",
        title: "Agenda",
        days: &["2025-05-12"],
        items: &[
            "1 09:00-09:30 Registration",
            "1 09:30-12:00 Opening remarks [Mr. John SMITH]",
            "1 12:00-13:30 Lunch",
            "1 13:30-15:00 Site visit",
            "1 15:00-16:00 Wrap-up",
        ],
    },
    Case {
        name: "en: morning and afternoon sessions with chairs",
        text: "Morning session\nChair: Ms. Anna LEE\n9:00 Keynote — Prof. Ian WRIGHT\n10:00 Panel\nAfternoon session\n2:00 Workshop A\n3:30 Closing\n",
        title: "",
        days: &["2025-05-12"],
        items: &[
            "1 09:00-10:00 Keynote [Prof. Ian WRIGHT] {Ms. Anna LEE}",
            "1 10:00-14:00 Panel {Ms. Anna LEE}",
            "1 14:00-15:30 Workshop A",
            "1 15:30-16:00 Closing",
        ],
    },
    Case {
        name: "en: durations only, no times",
        text: "Opening — 10 min\nPresentation of the scheme (45 minutes)\nQ&A 20 min\nTour of the lab 1 hour\n",
        title: "",
        days: &["2025-05-12"],
        items: &[
            "1 10:00-10:10 Opening",
            "1 10:10-10:55 Presentation of the scheme",
            "1 10:55-11:15 Q&A",
            "1 11:15-12:15 Tour of the lab",
        ],
    },
    Case {
        name: "en: day numbers with notes under items",
        text: "Day 1\n09:00 Arrival at CQC\n   Venue: Building A, Room 301\n10:00 Talks\nDay 2\n09:30 Factory visit\n(bus leaves the hotel at 8:45)\n",
        title: "",
        days: &["2025-05-12", "2025-05-13"],
        items: &[
            "1 09:00-10:00 Arrival at CQC",
            "1 10:00-10:30 Talks",
            "2 09:30-10:00 Factory visit",
        ],
    },
    Case {
        name: "en: chaired by cue and a moderator line",
        text: "Schedule of the workshop\n10:00–10:45 Certification in the EU (Chair: Dr. Betty XU)\n10:45–11:30 Round table\nModeration: Mr. Tom BAKER\n",
        title: "Schedule of the workshop",
        days: &["2025-05-12"],
        items: &[
            "1 10:00-10:45 Certification in the EU {Dr. Betty XU}",
            "1 10:45-11:30 Round table {Mr. Tom BAKER}",
        ],
    },
    Case {
        name: "en: US dates and bullets",
        text: "May 12, 2025\n• 8:30 Breakfast meeting\n• 10:00 Briefing by Ms. Kate MOSS\nMay 13, 2025\n• 9:00 Departure\n",
        title: "",
        days: &["2025-05-12", "2025-05-13"],
        items: &[
            "1 08:30-10:00 Breakfast meeting",
            "1 10:00-10:30 Briefing [Ms. Kate MOSS]",
            "2 09:00-09:30 Departure",
        ],
    },
    Case {
        name: "en: separators and ignored rules",
        text: "Itinerary\n=====\n14:00 Welcome\n-----\n14:30 Presentation — Dr. Betty XU, Mr. XIAO Han\n15:30 End\n",
        title: "Itinerary",
        days: &["2025-05-12"],
        items: &[
            "1 14:00-14:30 Welcome",
            "1 14:30-15:30 Presentation [Dr. Betty XU; Mr. XIAO Han]",
            "1 15:30-16:00 End",
        ],
    },
    Case {
        name: "en: evening section",
        text: "Evening\n7:00 Reception\n8:00 Dinner\n",
        title: "",
        days: &["2025-05-12"],
        items: &["1 19:00-20:00 Reception", "1 20:00-20:30 Dinner"],
    },
    Case {
        name: "en: weekday day lines with titles",
        text: "Monday — Technical day\n09:00 Lab tour\nTuesday — Policy day\n09:00 Ministry meeting\n",
        title: "",
        days: &["2025-05-12", "2025-05-13"],
        items: &["1 09:00-09:30 Lab tour", "2 09:00-09:30 Ministry meeting"],
    },
    // ---- French ----
    Case {
        name: "fr: programme de la visite, 9h30 and midi",
        text: "Programme de la visite de la délégation chinoise\nLundi 12 mai 2025\n9h30 Accueil des participants\n10h – 11h30 Présentation par M. Jean DUPONT\nmidi Déjeuner\n14h Visite du laboratoire\n",
        title: "Programme de la visite de la délégation chinoise",
        days: &["2025-05-12"],
        items: &[
            "1 09:30-10:00 Accueil des participants",
            "1 10:00-11:30 Présentation [M. Jean DUPONT]",
            "1 12:00-14:00 Déjeuner",
            "1 14:00-14:30 Visite du laboratoire",
        ],
    },
    Case {
        name: "fr: 9 h 30 with spaces, ranges with à",
        text: "Mardi 13 mai\n9 h 30 à 10 h 15 Ouverture\n10 h 15 à 12 h Table ronde\n",
        title: "",
        days: &["2025-05-13"],
        items: &["1 09:30-10:15 Ouverture", "1 10:15-12:00 Table ronde"],
    },
    Case {
        name: "fr: matin and après-midi sections",
        text: "Matin\n9h Accueil\n10h Atelier\nAprès-midi\n14h30 Visite\n16h Clôture\n",
        title: "",
        days: &["2025-05-12"],
        items: &[
            "1 09:00-10:00 Accueil",
            "1 10:00-14:30 Atelier",
            "1 14:30-16:00 Visite",
            "1 16:00-16:30 Clôture",
        ],
    },
    Case {
        name: "fr: durées en heures",
        text: "Ordre du jour\nAccueil (30 min)\nPrésentation du CQC (1 heure)\nVisite 1h30\n",
        title: "Ordre du jour",
        days: &["2025-05-12"],
        items: &[
            "1 10:00-10:30 Accueil",
            "1 10:30-11:30 Présentation du CQC",
            "1 11:30-13:00 Visite",
        ],
    },
    Case {
        name: "fr: jour 1, jour 2 and a lieu note",
        text: "Jour 1 – lundi 12 mai\n14h Réunion de travail\nLieu : salle Europe\nJour 2 – mardi 13 mai\n9h Départ\n",
        title: "",
        days: &["2025-05-12", "2025-05-13"],
        items: &["1 14:00-14:30 Réunion de travail", "2 09:00-09:30 Départ"],
    },
    Case {
        name: "fr: modération and intervenant",
        text: "Programme – Journée franco-chinoise\n15h00 Table ronde\nModération : Mme Claire MARTIN\n16h00 Conclusion, intervenant : M. Paul NOIR\n",
        title: "Journée franco-chinoise",
        days: &["2025-05-12"],
        items: &[
            "1 15:00-16:00 Table ronde {Mme Claire MARTIN}",
            "1 16:00-16:30 Conclusion [M. Paul NOIR]",
        ],
    },
    Case {
        name: "fr: soir section",
        text: "Soir\n7h30 Dîner officiel\n",
        title: "",
        days: &["2025-05-12"],
        items: &["1 19:30-20:00 Dîner officiel"],
    },
    Case {
        name: "fr: ranges ending at midi",
        text: "Vendredi 16 mai 2025\n10h – midi Atelier de normalisation\nmidi – 14h Déjeuner\n",
        title: "",
        days: &["2025-05-16"],
        items: &[
            "1 10:00-12:00 Atelier de normalisation",
            "1 12:00-14:00 Déjeuner",
        ],
    },
    // ---- German ----
    Case {
        name: "de: the issue's Uhr ranges, durations and durch",
        text: "Programm – Jahrestreffen der Normungsorganisationen\nMontag, 12. Mai 2025\n09:00 – 09:15 Uhr  Begrüßung durch Herrn Helge Engelhard, BMWi\n09:15 – 11:15 Uhr  Arbeitssitzung (2 Std.)\n11:15 Uhr  Kaffeepause\n11:30 Uhr  Vortrag (90 Min.)\n",
        title: "Jahrestreffen der Normungsorganisationen",
        days: &["2025-05-12"],
        items: &[
            "1 09:00-09:15 Begrüßung [Herr Helge Engelhard (BMWi)]",
            "1 09:15-11:15 Arbeitssitzung",
            "1 11:15-11:30 Kaffeepause",
            "1 11:30-13:00 Vortrag",
        ],
    },
    Case {
        name: "de: 9.30 Uhr and bis",
        text: "Dienstag, 13. Mai\n9.30 Uhr bis 10.30 Uhr Führung durch das Labor\n10.30 Uhr Gespräch mit Frau Dr. Anna Schmidt\nMittag Mittagessen\n",
        title: "",
        days: &["2025-05-13"],
        items: &[
            "1 09:30-10:30 Führung durch das Labor",
            "1 10:30-12:00 Gespräch mit Frau Dr. Anna Schmidt",
            "1 12:00-12:30 Mittagessen",
        ],
    },
    Case {
        name: "de: Vormittag and Nachmittag sections",
        text: "Vormittag\n9 Uhr Eröffnung\n10 Uhr Fachgespräch\nNachmittag\n2 Uhr Besichtigung\n4 Uhr Abschluss\n",
        title: "",
        days: &["2025-05-12"],
        items: &[
            "1 09:00-10:00 Eröffnung",
            "1 10:00-14:00 Fachgespräch",
            "1 14:00-16:00 Besichtigung",
            "1 16:00-16:30 Abschluss",
        ],
    },
    Case {
        name: "de: Tag 1, Tag 2 and Moderation",
        text: "Tag 1 – 12.5.2025\n14:00 Podiumsdiskussion\nModeration: Herr Max Weber\nTag 2 – 13.5.2025\n09:00 Workshop (1 Std.)\n",
        title: "",
        days: &["2025-05-12", "2025-05-13"],
        items: &[
            "1 14:00-14:30 Podiumsdiskussion {Herr Max Weber}",
            "2 09:00-10:00 Workshop",
        ],
    },
    Case {
        name: "de: Tagesordnung with von",
        text: "Tagesordnung\n10:00 Uhr Vorstellung von DIN\n10:30 Uhr Vortrag von Dr. Klaus Berg\n11:00 Uhr Ende\n",
        title: "Tagesordnung",
        days: &["2025-05-12"],
        items: &[
            "1 10:00-10:30 Vorstellung [DIN]",
            "1 10:30-11:00 Vortrag [Dr. Klaus Berg]",
            "1 11:00-11:30 Ende",
        ],
    },
    Case {
        name: "de: Abend section",
        text: "Abend\n19:00 Uhr Empfang\n20:00 Uhr Abendessen (2 Std.)\n",
        title: "",
        days: &["2025-05-12"],
        items: &["1 19:00-20:00 Empfang", "1 20:00-22:00 Abendessen"],
    },
    // ---- Chinese ----
    Case {
        name: "zh: the issue's title line, 上午 and 下午 sections",
        text: "欧盟代表团访问中国质量认证中心日程安排\n5月12日（星期一）\n上午\n9:30—10:00 欢迎致辞  刘江\n10:00—11:30 座谈交流\n下午\n2:00—3:00 参观实验室\n3:00—4:00 总结\n",
        title: "欧盟代表团访问中国质量认证中心日程安排",
        days: &["2025-05-12"],
        items: &[
            "1 09:30-10:00 欢迎致辞 [刘江]",
            "1 10:00-11:30 座谈交流",
            "1 14:00-15:00 参观实验室",
            "1 15:00-16:00 总结",
        ],
    },
    Case {
        name: "zh: 主持人 line and 主讲",
        text: "5月12日\n主持人：王伟\n9:00 开幕式\n9:30 主题报告 主讲：李明\n10:30 茶歇\n",
        title: "",
        days: &["2025-05-12"],
        items: &[
            "1 09:00-09:30 开幕式 {王伟}",
            "1 09:30-10:30 主题报告 [李明] {王伟}",
            "1 10:30-11:00 茶歇 {王伟}",
        ],
    },
    Case {
        name: "zh: 14时30分 and 点半, durations 半小时 and 2小时",
        text: "议程\n14时30分 参观（半小时）\n15时 座谈会（2小时）\n下午5点半 晚宴\n",
        title: "议程",
        days: &["2025-05-12"],
        items: &[
            "1 14:30-15:00 参观",
            "1 15:00-17:00 座谈会",
            "1 17:30-18:00 晚宴",
        ],
    },
    Case {
        name: "zh: 上午9:00 forms and ranges with 至 and 到",
        text: "2025年5月12日\n上午9:00至10:00 签到\n上午10:00到11:00 致辞：张华\n下午2:00-3:00 参观\n",
        title: "",
        days: &["2025-05-12"],
        items: &[
            "1 09:00-10:00 签到",
            "1 10:00-11:00 致辞 [张华]",
            "1 14:00-15:00 参观",
        ],
    },
    Case {
        name: "zh: two days with 第一天, 第二天",
        text: "第一天 5月12日\n9:00 会谈\n12:00 午餐\n第二天 5月13日\n9:00 考察工厂\n",
        title: "",
        days: &["2025-05-12", "2025-05-13"],
        items: &[
            "1 09:00-12:00 会谈",
            "1 12:00-12:30 午餐",
            "2 09:00-09:30 考察工厂",
        ],
    },
    Case {
        name: "zh: 发言人 and 主持 cues, 晚上 section",
        text: "5月12日\n下午\n3:00 圆桌讨论 主持：陈静 发言人：赵强、孙丽\n晚上\n6:30 欢迎晚宴\n",
        title: "",
        days: &["2025-05-12"],
        items: &[
            "1 15:00-18:30 圆桌讨论 [赵强; 孙丽] {陈静}",
            "1 18:30-19:00 欢迎晚宴",
        ],
    },
    Case {
        name: "zh: bilingual title and titles",
        text: "中欧标准化合作研讨会 议程 Agenda\n9:00 开幕式 Opening\n9:30 主旨发言 Keynote — Dr. Betty XU\n",
        title: "Agenda 中欧标准化合作研讨会 议程",
        days: &["2025-05-12"],
        items: &[
            "1 09:00-09:30 Opening | 开幕式",
            "1 09:30-10:00 Keynote | 主旨发言 [Dr. Betty XU]",
        ],
    },
    Case {
        name: "zh: full-width times and notes",
        text: "５月１２日\n９：００－１０：００ 会见\n（地点：第一会议室）\n１０：００－１１：００ 参观\n",
        title: "",
        days: &["2025-05-12"],
        items: &["1 09:00-10:00 会见", "1 10:00-11:00 参观"],
    },
    // ---- Spanish, Italian, Russian, Japanese day lines ----
    Case {
        name: "es: lunes, 12 de mayo de 2025",
        text: "Programa de la visita\nlunes, 12 de mayo de 2025\n9:00 Bienvenida\nmartes, 13 de mayo de 2025\n10:00 Visita\n",
        title: "Programa de la visita",
        days: &["2025-05-12", "2025-05-13"],
        items: &["1 09:00-09:30 Bienvenida", "2 10:00-10:30 Visita"],
    },
    Case {
        name: "it: lunedì 12 maggio 2025",
        text: "lunedì 12 maggio 2025\n9:30 Benvenuto\nmartedì 13 maggio 2025\n9:30 Visita al laboratorio\n",
        title: "",
        days: &["2025-05-12", "2025-05-13"],
        items: &[
            "1 09:30-10:00 Benvenuto",
            "2 09:30-10:00 Visita al laboratorio",
        ],
    },
    Case {
        name: "ru: понедельник, 12 мая 2025 г.",
        text: "понедельник, 12 мая 2025 г.\n10:00 Встреча делегаций\nвторник, 13 мая 2025 г.\n11:00 Посещение лаборатории\n",
        title: "",
        days: &["2025-05-12", "2025-05-13"],
        items: &[
            "1 10:00-10:30 Встреча делегаций",
            "2 11:00-11:30 Посещение лаборатории",
        ],
    },
    Case {
        name: "ja: 2025年5月12日（月）",
        text: "2025年5月12日（月）\n9:00 開会\n2025年5月13日（火）\n9:00 見学\n",
        title: "",
        days: &["2025-05-12", "2025-05-13"],
        items: &["1 09:00-09:30 開会", "2 09:00-09:30 見学"],
    },
    // ---- Mixed and hard cases ----
    Case {
        name: "items before the first day line go to it",
        text: "Programme\n9:00 Arrival\n12 May 2025\n10:00 Talks\n",
        title: "Programme",
        days: &["2025-05-12"],
        items: &["1 09:00-10:00 Arrival", "1 10:00-10:30 Talks"],
    },
    Case {
        name: "a day line without a date follows the day before",
        text: "12 May 2025\n9:00 A\nDay 2\n9:00 B\n",
        title: "",
        days: &["2025-05-12", "2025-05-13"],
        items: &["1 09:00-09:30 A", "2 09:00-09:30 B"],
    },
    Case {
        name: "an end before its start is not a long item",
        text: "14:00 Opening\n16:00–15:00 Typo\n16:30 Next\n",
        title: "",
        days: &["2025-05-12"],
        items: &[
            "1 14:00-16:00 Opening",
            "1 16:00-16:30 Typo",
            "1 16:30-17:00 Next",
        ],
    },
    Case {
        name: "an earlier time after a later item is not used",
        text: "14:00 Talks\n16:00 Tour\n9h30 Reception\n",
        title: "",
        days: &["2025-05-12"],
        items: &[
            "1 14:00-16:00 Talks",
            "1 16:00-16:30 Tour",
            "1 16:30-17:00 Reception",
        ],
    },
    Case {
        name: "a programme title over a Chinese day and a section chair",
        text: "日程安排\n5月12日\n下午 主持人：刘江\n2:00 签约仪式\n3:00 参观\n",
        title: "日程安排",
        days: &["2025-05-12"],
        items: &["1 14:00-15:00 签约仪式 {刘江}", "1 15:00-15:30 参观 {刘江}"],
    },
    Case {
        name: "de: capitalised nouns after von and durch are no speakers",
        text: "Mittwoch, 14. Mai 2025\n10:00 Uhr Vorstellung von Projekten\n11:00 Uhr Rundgang durch Werk 2\n12:00 Uhr Grußwort von Helge Engelhard\n",
        title: "",
        days: &["2025-05-14"],
        items: &[
            "1 10:00-11:00 Vorstellung von Projekten",
            "1 11:00-12:00 Rundgang durch Werk 2",
            "1 12:00-12:30 Grußwort [Helge Engelhard]",
        ],
    },
    Case {
        name: "de: a morning hour under Nachmittag stays a morning hour, and is not used",
        text: "Nachmittag\n2 Uhr Laborbesichtigung (90 Min.)\n   Ort: Gebäude B\n9h30 Empfang\n",
        title: "",
        days: &["2025-05-12"],
        items: &["1 14:00-15:30 Laborbesichtigung", "1 15:30-16:00 Empfang"],
    },
];

#[test]
fn a_corpus_of_programmes_reads_as_written() {
    assert!(CASES.len() >= 40, "{} programmes", CASES.len());
    let project = Project::default();
    let mut failures = Vec::new();
    for case in CASES {
        if let Err(e) = std::panic::catch_unwind(|| check(case, &project)) {
            let text = e
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                .unwrap_or_default();
            failures.push(text);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
