//! The words the minutes print, in English and Chinese, and the lines made of them.

use chrono::NaiveDate;

use super::{CommitmentLine, ItemRecord, Record};
use crate::export::text::{ExportLanguage, date_span, short_date};
use crate::model::{Bilingual, Choice as _, MinutesStage};

/// Words the minutes print, in each language.
pub(super) struct Words {
    pub(super) en: &'static str,
    pub(super) zh: &'static str,
}

pub(super) const MINUTES: Words = Words {
    en: "Minutes",
    zh: "会谈纪要",
};
pub(super) const DATES: Words = Words {
    en: "Dates",
    zh: "日期",
};
pub(super) const VENUE: Words = Words {
    en: "Venue",
    zh: "地点",
};
pub(super) const HEAD: Words = Words {
    en: "Head of delegation",
    zh: "团长",
};
pub(super) const ATTENDEES: Words = Words {
    en: "Attendees",
    zh: "出席人员",
};
pub(super) const ABSENT: Words = Words {
    en: "Absent",
    zh: "缺席",
};
pub(super) const RECORD: Words = Words {
    en: "Record of the meeting",
    zh: "会谈记录",
};
pub(super) const SUMMARY: Words = Words {
    en: "Summary",
    zh: "纪要",
};
pub(super) const DECISION: Words = Words {
    en: "Decision",
    zh: "决定",
};
pub(super) const COMMITMENT: Words = Words {
    en: "Commitment",
    zh: "合作事项",
};
pub(super) const OWNERS: Words = Words {
    en: "Owners",
    zh: "负责方",
};
pub(super) const DUE: Words = Words {
    en: "Due",
    zh: "期限",
};
pub(super) const AGREED: Words = Words {
    en: "Agreed points",
    zh: "商定事项",
};
pub(super) const UNDER_ITEM: Words = Words {
    en: "Item",
    zh: "议题",
};
pub(super) const NOTES: Words = Words {
    en: "Notes",
    zh: "备注",
};
pub(super) const NOTHING_YET: Words = Words {
    en: "Nothing recorded yet.",
    zh: "尚无记录。",
};
pub(super) const VERSION: Words = Words {
    en: "version of",
    zh: "版本日期",
};

/// Text of `b` in one language (`zh`), falling back to the other one, cleaned for export.
pub(super) fn one(b: &Bilingual, zh: bool) -> String {
    crate::export::sanitize_cell(b.get(zh))
}

pub(super) fn word(w: &Words, lang: ExportLanguage) -> String {
    lang.label(w.en, w.zh)
}

pub(super) fn word_in(w: &Words, zh: bool) -> &'static str {
    if zh { w.zh } else { w.en }
}

/// `Draft · version of 30 Sep 2024`, `草稿 · 版本日期 2024年9月30日`, or both.
pub fn mark_text(stage: MinutesStage, version: NaiveDate, lang: ExportLanguage) -> String {
    let one_mark = |zh: bool| {
        let (label, date) = if zh {
            (stage.label_zh(), short_date(version, ExportLanguage::Zh))
        } else {
            (stage.label_en(), short_date(version, ExportLanguage::En))
        };
        format!("{label} · {} {date}", word_in(&VERSION, zh))
    };
    match lang {
        ExportLanguage::En => one_mark(false),
        ExportLanguage::Zh => one_mark(true),
        ExportLanguage::Both => format!("{} / {}", one_mark(false), one_mark(true)),
    }
}

/// `WANG Qian (CCAA delegation); Myriam AUGEREAU LANDAIS (AFNOR delegation)` in one
/// language.
pub(super) fn owners_text(owners: &[(Bilingual, Bilingual)], zh: bool) -> String {
    owners
        .iter()
        .map(|(side, name)| {
            if side.is_empty() {
                one(name, zh)
            } else if zh {
                format!("{}（{}）", one(name, zh), one(side, zh))
            } else {
                format!("{} ({})", one(name, zh), one(side, zh))
            }
        })
        .collect::<Vec<_>>()
        .join(if zh { "；" } else { "; " })
}

pub(super) fn due_text(due: Option<NaiveDate>, zh: bool) -> String {
    due.map(|d| {
        short_date(
            d,
            if zh {
                ExportLanguage::Zh
            } else {
                ExportLanguage::En
            },
        )
    })
    .unwrap_or_else(|| "—".to_owned())
}

/// One commitment on one line in one language: `Title — Owners: …; due 31 Dec 2025`,
/// `标题 — 负责方：…；期限 2025年12月31日`.
pub(super) fn commitment_text(c: &CommitmentLine, zh: bool) -> String {
    let (colon, semicolon) = if zh { ("：", "；") } else { (": ", "; ") };
    let mut text = one(&c.title, zh);
    let owners = owners_text(&c.owners, zh);
    if !owners.is_empty() {
        text.push_str(&format!(" — {}{colon}{owners}", word_in(&OWNERS, zh)));
    }
    if let Some(due) = c.due {
        text.push_str(&format!(
            "{semicolon}{} {}",
            word_in(&DUE, zh),
            due_text(Some(due), zh)
        ));
    }
    text
}

/// The rows of an item's table in both languages: `[label, English, Chinese]`.
pub(super) fn item_rows(item: &ItemRecord) -> Vec<[String; 3]> {
    let mut rows = Vec::new();
    if !item.summary.is_empty() {
        rows.push([
            word(&SUMMARY, ExportLanguage::Both),
            one(&item.summary, false),
            one(&item.summary, true),
        ]);
    }
    for (i, d) in item.decisions.iter().enumerate() {
        rows.push([
            format!("{} {}", word(&DECISION, ExportLanguage::Both), i + 1),
            one(d, false),
            one(d, true),
        ]);
    }
    for c in &item.commitments {
        rows.push([
            format!("{} {}", word(&COMMITMENT, ExportLanguage::Both), c.number)
                .trim_end()
                .to_owned(),
            commitment_text(c, false),
            commitment_text(c, true),
        ]);
    }
    rows
}

/// The header facts as `(label, value)` lines.
pub(super) fn facts(r: &Record, lang: ExportLanguage) -> Vec<(String, String)> {
    let mut out = vec![(word(&DATES, lang), date_span(r.dates.0, r.dates.1, lang))];
    if !r.venue.is_empty() {
        out.push((word(&VENUE, lang), lang.text(&r.venue)));
    }
    for side in &r.sides {
        if let Some((name, title)) = &side.head {
            let mut value = lang.text(name);
            if !title.is_empty() {
                value.push_str(&format!("{}{}", comma(lang), lang.text(title)));
            }
            out.push((
                format!("{} — {}", lang.text(&side.name), word(&HEAD, lang)),
                value,
            ));
        }
    }
    out
}

pub(super) fn title_line(r: &Record, lang: ExportLanguage) -> String {
    format!("{} — {}", word(&MINUTES, lang), lang.text(&r.title))
}

/// The comma between parts of a line: the full-width one in Chinese.
fn comma(lang: ExportLanguage) -> &'static str {
    if lang == ExportLanguage::Zh {
        "，"
    } else {
        ", "
    }
}

pub(super) fn attendee_line(a: &(Bilingual, Bilingual, Bilingual), lang: ExportLanguage) -> String {
    let mut line = lang.text(&a.0);
    for part in [&a.1, &a.2] {
        if !part.is_empty() {
            line.push_str(&format!("{}{}", comma(lang), lang.text(part)));
        }
    }
    line
}

pub(super) fn item_heading(item: &ItemRecord, lang: ExportLanguage) -> String {
    format!("{}. {}", item.number, lang.text(&item.title))
}
