//! The words the minutes print, in English and Chinese, and the lines made of them.

use chrono::NaiveDate;

use super::{CommitmentLine, ItemRecord, Name, Record};
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
    en: "Summary of the talks",
    zh: "会谈综述",
};
pub(super) const PROPOSED_POINTS: Words = Words {
    en: "Points proposed, not yet agreed",
    zh: "提议事项（尚未商定）",
};
pub(super) const PROPOSED: Words = Words {
    en: "proposed",
    zh: "提议",
};
pub(super) const SIGNATURES: Words = Words {
    en: "Signatures",
    zh: "签字",
};
pub(super) const SIGNATURE: Words = Words {
    en: "Signature",
    zh: "签字",
};
pub(super) const DATE: Words = Words {
    en: "Date",
    zh: "日期",
};
pub(super) const NAME: Words = Words {
    en: "Name",
    zh: "姓名",
};
pub(super) const TITLE: Words = Words {
    en: "Title",
    zh: "职务",
};
pub(super) const ORGANISATION: Words = Words {
    en: "Organisation",
    zh: "机构",
};
/// In place of a paragraph not yet written in the document's language: a Chinese
/// document holds no English paragraph, nor an English one a Chinese paragraph.
pub(super) const NOT_TRANSLATED: Words = Words {
    en: "(English text to come)",
    zh: "（中文稿待补）",
};
pub(super) const NOTHING_YET: Words = Words {
    en: "Nothing recorded yet.",
    zh: "尚无记录。",
};
pub(super) const VERSION: Words = Words {
    en: "version of",
    zh: "版本日期",
};

/// Text of `b` in one language (`zh`), falling back to the other one, cleaned for export:
/// for titles and names, which a reader needs even untranslated.
pub(super) fn one(b: &Bilingual, zh: bool) -> String {
    crate::export::sanitize_cell(b.get(zh))
}

/// A paragraph of `b` in one language (`zh`), cleaned for export; when only the other
/// language has it, a mark that the translation is to come, never the other language.
pub(super) fn para(b: &Bilingual, zh: bool) -> String {
    let own = if zh { &b.zh } else { &b.en };
    if own.trim().is_empty() && !b.is_empty() {
        word_in(&NOT_TRANSLATED, zh).to_owned()
    } else {
        crate::export::sanitize_cell(own.trim())
    }
}

/// A paragraph in `lang`: [`para`], both languages one after the other.
pub(super) fn para_in(b: &Bilingual, lang: ExportLanguage) -> String {
    match lang {
        ExportLanguage::En => para(b, false),
        ExportLanguage::Zh => para(b, true),
        ExportLanguage::Both => format!("{}\n{}", para(b, false), para(b, true)),
    }
}

/// A name in one language.
pub(super) fn name_in(name: &Name, zh: bool) -> String {
    let lang = if zh {
        ExportLanguage::Zh
    } else {
        ExportLanguage::En
    };
    crate::export::sanitize_cell(name.get(lang))
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
pub(super) fn owners_text(owners: &[(Bilingual, Name)], zh: bool) -> String {
    owners
        .iter()
        .map(|(side, name)| {
            if side.is_empty() {
                name_in(name, zh)
            } else if zh {
                format!("{}（{}）", name_in(name, zh), one(side, zh))
            } else {
                format!("{} ({})", name_in(name, zh), one(side, zh))
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
    if c.proposed {
        let proposed = word_in(&PROPOSED, zh);
        text = if zh {
            format!("{text}（{proposed}）")
        } else {
            format!("{text} ({proposed})")
        };
    }
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
            para(&item.summary, false),
            para(&item.summary, true),
        ]);
    }
    for (i, d) in item.decisions.iter().enumerate() {
        rows.push([
            format!("{} {}", word(&DECISION, ExportLanguage::Both), i + 1),
            para(d, false),
            para(d, true),
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
            let mut value = crate::export::sanitize_cell(name.get(lang));
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

pub(super) fn attendee_line(a: &(Name, Bilingual, Bilingual), lang: ExportLanguage) -> String {
    format!(
        "{}{}",
        crate::export::sanitize_cell(a.0.get(lang)),
        attendee_rest(a, lang)
    )
}

/// What follows an attendee's name on their line: `, title, organisation`.
pub(super) fn attendee_rest(a: &(Name, Bilingual, Bilingual), lang: ExportLanguage) -> String {
    let mut rest = String::new();
    for part in [&a.1, &a.2] {
        if !part.is_empty() {
            rest.push_str(&format!("{}{}", comma(lang), lang.text(part)));
        }
    }
    rest
}

/// `3. Title`, as the agenda numbers the item; a break has no number.
pub(super) fn item_heading(item: &ItemRecord, lang: ExportLanguage) -> String {
    match item.number {
        Some(n) => format!("{n}. {}", lang.text(&item.title)),
        None => lang.text(&item.title),
    }
}

/// `(Item 3)` after an agreed point, when its item has a number.
pub(super) fn under_item(item: Option<usize>, lang: ExportLanguage) -> String {
    item.map(|n| format!(" ({} {n})", word(&UNDER_ITEM, lang)))
        .unwrap_or_default()
}
