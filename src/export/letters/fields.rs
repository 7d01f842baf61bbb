//! The fields a letter template can name, and their values for one person at one meeting in
//! the letter's language.
//!
//! Every field of a person, their organisation and side, the meeting and its host, and the
//! letter details of the meeting; `{{member.…}}` gives a person field of each member of the
//! delegation in a repeated table row, `{{day.…}}` a field of each day of the programme. Any
//! text field takes `_en` or `_zh` to be written in that language whatever the letter's
//! (`{{name_zh}}`, `{{title_en}}`, `{{member.name_zh}}`). Dates are written the way each
//! language writes them (`12 March 1985`, `1985年3月12日`).

use chrono::{Datelike as _, NaiveDate};

use crate::export::ExportLanguage;
use crate::model::{
    Attendee, Choice, CustomFieldKind, Gender, Honorific, Meeting, Organisation, Person, PersonId,
    Project,
};

/// What a field describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldScope {
    /// The person the letter is for (and, as `member.…`, each member of the delegation).
    Person,
    /// The meeting, its host and its letter details.
    Meeting,
    /// A day of the programme, as `day.…` in a repeated row.
    Day,
}

/// A field a template can name: its name, its scope, and what it is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// The placeholder's name (`passport_number`).
    pub name: &'static str,
    /// What it describes.
    pub scope: FieldScope,
    /// What it is called in English.
    pub en: &'static str,
    /// What it is called in Chinese.
    pub zh: &'static str,
}

const fn field(
    name: &'static str,
    scope: FieldScope,
    en: &'static str,
    zh: &'static str,
) -> FieldInfo {
    FieldInfo {
        name,
        scope,
        en,
        zh,
    }
}

/// Every field a template can name (the project's custom personal fields come on top).
pub const FIELDS: &[FieldInfo] = &[
    field(
        "name",
        FieldScope::Person,
        "Name (formal)",
        "姓名（正式称呼）",
    ),
    field(
        "latin_name",
        FieldScope::Person,
        "Name in Latin script",
        "拉丁字母姓名",
    ),
    field(
        "chinese_name",
        FieldScope::Person,
        "Chinese name",
        "中文姓名",
    ),
    field("family_name", FieldScope::Person, "Family name", "姓"),
    field("given_name", FieldScope::Person, "Given name", "名"),
    field("honorific", FieldScope::Person, "Honorific", "称谓"),
    field("title", FieldScope::Person, "Title", "职务"),
    field("organisation", FieldScope::Person, "Organisation", "单位"),
    field(
        "organisation_acronym",
        FieldScope::Person,
        "Organisation acronym",
        "单位简称",
    ),
    field(
        "organisation_country",
        FieldScope::Person,
        "Organisation's country",
        "单位所在国家",
    ),
    field(
        "organisation_address",
        FieldScope::Person,
        "Organisation's address",
        "单位地址",
    ),
    field(
        "organisation_phone",
        FieldScope::Person,
        "Organisation's phone",
        "单位电话",
    ),
    field("email", FieldScope::Person, "Email", "电子邮箱"),
    field("phone", FieldScope::Person, "Phone", "电话"),
    field("gender", FieldScope::Person, "Gender", "性别"),
    field(
        "date_of_birth",
        FieldScope::Person,
        "Date of birth",
        "出生日期",
    ),
    field("nationality", FieldScope::Person, "Nationality", "国籍"),
    field(
        "passport_number",
        FieldScope::Person,
        "Passport No.",
        "护照号码",
    ),
    field(
        "passport_expiry",
        FieldScope::Person,
        "Passport expiry",
        "护照有效期",
    ),
    field(
        "role",
        FieldScope::Person,
        "Role at the meeting",
        "会议角色",
    ),
    field(
        "side",
        FieldScope::Person,
        "Side (delegation)",
        "所属代表团",
    ),
    field("index", FieldScope::Person, "No. in the list", "序号"),
    field(
        "meeting_title",
        FieldScope::Meeting,
        "Meeting title",
        "会议名称",
    ),
    field(
        "meeting_kind",
        FieldScope::Meeting,
        "Kind of meeting",
        "会议类型",
    ),
    field("first_date", FieldScope::Meeting, "First day", "开始日期"),
    field("last_date", FieldScope::Meeting, "Last day", "结束日期"),
    field("dates", FieldScope::Meeting, "Dates", "日期"),
    field("arrival", FieldScope::Meeting, "Arrival", "入境日期"),
    field("departure", FieldScope::Meeting, "Departure", "离境日期"),
    field("day_count", FieldScope::Meeting, "Number of days", "天数"),
    field("venue", FieldScope::Meeting, "Venue", "地点"),
    field("venues", FieldScope::Meeting, "Places to visit", "访问地点"),
    field(
        "host",
        FieldScope::Meeting,
        "Host (inviting organisation)",
        "邀请单位",
    ),
    field(
        "host_acronym",
        FieldScope::Meeting,
        "Host's acronym",
        "邀请单位简称",
    ),
    field(
        "host_address",
        FieldScope::Meeting,
        "Host's address",
        "邀请单位地址",
    ),
    field(
        "host_phone",
        FieldScope::Meeting,
        "Host's phone",
        "邀请单位电话",
    ),
    field(
        "host_country",
        FieldScope::Meeting,
        "Host's country",
        "邀请单位所在国家",
    ),
    field(
        "host_representative",
        FieldScope::Meeting,
        "Host's legal representative",
        "邀请单位法定代表人",
    ),
    field(
        "purpose",
        FieldScope::Meeting,
        "Purpose of the visit",
        "访问事由",
    ),
    field("costs", FieldScope::Meeting, "Who pays", "费用承担"),
    field(
        "accommodation",
        FieldScope::Meeting,
        "Accommodation",
        "住宿",
    ),
    field("signatory", FieldScope::Meeting, "Signatory", "签发人"),
    field(
        "signatory_title",
        FieldScope::Meeting,
        "Signatory's title",
        "签发人职务",
    ),
    field(
        "head_of_delegation",
        FieldScope::Meeting,
        "Head of delegation",
        "团长",
    ),
    field(
        "delegation_size",
        FieldScope::Meeting,
        "Size of the delegation",
        "代表团人数",
    ),
    field("today", FieldScope::Meeting, "Today's date", "今天的日期"),
    field(
        "project_title",
        FieldScope::Meeting,
        "Project title",
        "项目名称",
    ),
    field("date", FieldScope::Day, "Date of the day", "当日日期"),
    field("weekday", FieldScope::Day, "Day of the week", "星期"),
    field("start", FieldScope::Day, "Start time", "开始时间"),
    field("end", FieldScope::Day, "Planned end", "计划结束时间"),
    field("day_title", FieldScope::Day, "Title of the day", "当日标题"),
    field("day_venue", FieldScope::Day, "Venue of the day", "当日地点"),
];

/// The parts of a placeholder's name: its repeat scope, its field, and the language a
/// `_en`/`_zh` suffix asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldName<'n> {
    /// `member` or `day`, for `member.name`, `day.date`.
    pub scope: Option<&'n str>,
    /// The field (`name`, or a custom field's key).
    pub field: &'n str,
    /// The language a suffix asks for.
    pub language: Option<ExportLanguage>,
}

/// Splits a placeholder's name; `None` when it names no field of `project`.
pub fn field_name<'n>(name: &'n str, project: &Project) -> Option<FieldName<'n>> {
    let (scope, rest) = match name.split_once('.') {
        Some((scope, rest)) => (Some(scope), rest),
        None => (None, name),
    };
    let known = |field: &str| match scope {
        Some("member") => is_person_field(field, project),
        Some("day") => FIELDS
            .iter()
            .any(|f| f.scope == FieldScope::Day && f.name == field),
        Some(_) => false,
        None => {
            FIELDS
                .iter()
                .any(|f| f.scope != FieldScope::Day && f.name == field)
                || project.custom_field(field).is_some()
        }
    };
    if known(rest) {
        return Some(FieldName {
            scope,
            field: rest,
            language: None,
        });
    }
    for (suffix, language) in [("_en", ExportLanguage::En), ("_zh", ExportLanguage::Zh)] {
        if let Some(base) = rest.strip_suffix(suffix)
            && known(base)
        {
            return Some(FieldName {
                scope,
                field: base,
                language: Some(language),
            });
        }
    }
    None
}

fn is_person_field(field: &str, project: &Project) -> bool {
    FIELDS
        .iter()
        .any(|f| f.scope == FieldScope::Person && f.name == field)
        || project.custom_field(field).is_some()
}

/// What a field is called, for the list of missing values: the catalogue's words, or a
/// custom field's name.
pub fn field_label(field: &str, project: &Project, zh: bool) -> String {
    if let Some(info) = FIELDS.iter().find(|f| f.name == field) {
        return (if zh { info.zh } else { info.en }).to_owned();
    }
    match project.custom_field(field) {
        Some(custom) => custom.name.get(zh).to_owned(),
        None => field.to_owned(),
    }
}

/// Everything a letter for one person at one meeting is made from.
#[derive(Clone, Debug)]
pub struct LetterContext<'a> {
    /// The project.
    pub project: &'a Project,
    /// The meeting.
    pub meeting: &'a Meeting,
    /// The person the letter is for.
    pub person: &'a PersonId,
    /// The members of the person's delegation the letter lists, in protocol order.
    pub members: Vec<&'a PersonId>,
    /// The letter's language (of every field without `_en` or `_zh`).
    pub language: ExportLanguage,
    /// The day the letter is dated.
    pub today: NaiveDate,
}

impl LetterContext<'_> {
    /// The value of the placeholder `name` (`row`: the member or day of a repeated row);
    /// `None` when the project has no value for it.
    pub fn value(&self, name: &str, row: Option<(&'static str, usize)>) -> Option<String> {
        let parsed = field_name(name, self.project)?;
        let lang = parsed.language.unwrap_or(self.language);
        let value = match (parsed.scope, row) {
            (Some("member"), Some(("member", i))) => {
                let id = self.members.get(i)?;
                if parsed.field == "index" {
                    Some((i + 1).to_string())
                } else {
                    self.person_value(id, parsed.field, lang)
                }
            }
            (Some("day"), Some(("day", i))) => self.day_value(i, parsed.field, lang),
            (Some(_), _) => None,
            (None, _) => self
                .meeting_value(parsed.field, lang)
                .or_else(|| self.person_value(self.person, parsed.field, lang)),
        };
        value
            .map(|v| crate::export::sanitize_cell(v.trim()))
            .filter(|v| !v.is_empty())
    }

    fn attendee(&self, id: &PersonId) -> Option<&Attendee> {
        self.meeting.attendees.iter().find(|a| &a.person == id)
    }

    fn organisation_of(&self, person: &Person) -> Option<&Organisation> {
        person
            .organisation
            .as_ref()
            .and_then(|o| self.project.organisations.get(o))
    }

    fn person_value(&self, id: &PersonId, field: &str, lang: ExportLanguage) -> Option<String> {
        let p = self.project.people.get(id)?;
        let org = self.organisation_of(p);
        let personal = &p.personal;
        Some(match field {
            "name" => formal_name(p, lang),
            "latin_name" => p.latin_name(),
            // The space that aligns `方 艳` in a list has no place in a letter.
            "chinese_name" => crate::model::normalize_chinese_name(&p.chinese_name),
            "family_name" => p.family_name.trim().to_uppercase(),
            "given_name" => p.given_name.trim().to_owned(),
            "honorific" if p.honorific == Honorific::None => return None,
            "honorific" => lang.label(p.honorific.abbreviation(), p.honorific.label_zh()),
            "title" => lang.text(&p.title),
            "organisation" => organisation_name(org?, lang),
            "organisation_acronym" => org?.acronym.clone(),
            "organisation_country" => org?.country.clone(),
            "organisation_address" => lang.text(&org?.address),
            "organisation_phone" => org?.phone.clone(),
            "email" => p.email.clone(),
            "phone" => p.phone.clone(),
            "gender" if personal.gender == Gender::Unspecified => return None,
            "gender" => lang.choice(personal.gender),
            "date_of_birth" => letter_date(personal.date_of_birth?, lang),
            "nationality" => personal.nationality.clone(),
            "passport_number" => personal.passport_number.clone(),
            "passport_expiry" => letter_date(personal.passport_expiry?, lang),
            "role" => lang.choice(self.attendee(id)?.role),
            "side" => {
                let side = self.attendee(id)?.side.as_ref()?;
                lang.text(&self.meeting.side(side)?.name)
            }
            custom => {
                let definition = self.project.custom_field(custom)?;
                let value = personal.custom.get(custom)?;
                match definition.kind {
                    CustomFieldKind::Date => match value.trim().parse::<NaiveDate>() {
                        Ok(date) => letter_date(date, lang),
                        Err(_) => value.clone(),
                    },
                    CustomFieldKind::Text | CustomFieldKind::Number => value.clone(),
                }
            }
        })
    }

    fn host(&self) -> Option<&Organisation> {
        self.meeting
            .host
            .as_ref()
            .and_then(|h| self.project.organisations.get(h))
    }

    /// The person's delegation: their side's head first.
    fn head_of_delegation(&self, lang: ExportLanguage) -> Option<String> {
        let side = self.attendee(self.person).and_then(|a| a.side.clone());
        let order = self.meeting.precedence(&self.project.people, side.as_ref());
        let head = order.first()?;
        let person = self.project.people.get(&head.person)?;
        Some(formal_name(person, lang))
    }

    fn meeting_value(&self, field: &str, lang: ExportLanguage) -> Option<String> {
        let m = self.meeting;
        let letter = &m.letter;
        let first = m.days.first().map(|d| d.date);
        let last = m.days.iter().map(|d| d.date).max();
        Some(match field {
            "meeting_title" => lang.text(&m.title),
            "meeting_kind" => lang.choice(m.kind),
            "first_date" => letter_date(first?, lang),
            "last_date" => letter_date(last?, lang),
            // One day as a letter writes a date (`23 September 2024`), several as a span.
            "dates" if first == last => letter_date(first?, lang),
            "dates" => crate::export::text::date_span(first?, last?, lang),
            "arrival" => letter_date(letter.arrival.or(first)?, lang),
            "departure" => letter_date(letter.departure.or(last)?, lang),
            "day_count" => m.days.len().to_string(),
            "venue" => lang.text(&m.venue),
            "venues" => {
                let mut places: Vec<String> = Vec::new();
                for day in &m.days {
                    let venue = if day.venue.is_empty() {
                        &m.venue
                    } else {
                        &day.venue
                    };
                    let text = lang.text(venue);
                    if !text.trim().is_empty() && !places.contains(&text) {
                        places.push(text);
                    }
                }
                places.join(if lang == ExportLanguage::Zh {
                    "；"
                } else {
                    "; "
                })
            }
            "host" => organisation_name(self.host()?, lang),
            "host_acronym" => self.host()?.acronym.clone(),
            "host_address" => lang.text(&self.host()?.address),
            "host_phone" => self.host()?.phone.clone(),
            "host_country" => self.host()?.country.clone(),
            "host_representative" => lang.text(&self.host()?.representative),
            "purpose" if letter.purpose.is_empty() => {
                let title = lang.text(&m.title);
                if title.trim().is_empty() {
                    return None;
                }
                match lang {
                    ExportLanguage::Zh => format!("出席{title}"),
                    ExportLanguage::En => format!("to attend the {title}"),
                    ExportLanguage::Both => format!("to attend the {title}（出席会议）"),
                }
            }
            "purpose" => lang.text(&letter.purpose),
            "costs" => lang.text(&letter.costs),
            "accommodation" => lang.text(&letter.accommodation),
            "signatory" if letter.signatory.is_empty() => lang.text(&self.host()?.representative),
            "signatory" => lang.text(&letter.signatory),
            "signatory_title" => lang.text(&letter.signatory_title),
            "head_of_delegation" => self.head_of_delegation(lang)?,
            "delegation_size" => self.members.len().to_string(),
            "today" => letter_date(self.today, lang),
            "project_title" => lang.text(&self.project.info.title),
            _ => return None,
        })
    }

    fn day_value(&self, i: usize, field: &str, lang: ExportLanguage) -> Option<String> {
        let day = self.meeting.days.get(i)?;
        Some(match field {
            "date" => letter_date(day.date, lang),
            "weekday" => {
                const ZH: [&str; 7] = [
                    "星期一",
                    "星期二",
                    "星期三",
                    "星期四",
                    "星期五",
                    "星期六",
                    "星期日",
                ];
                let n = day.date.weekday().num_days_from_monday() as usize;
                let en = day.date.format("%A").to_string();
                lang.label(&en, ZH.get(n).copied().unwrap_or_default())
            }
            "start" => day.start.format("%H:%M").to_string(),
            "end" => day.planned_end?.format("%H:%M").to_string(),
            "day_title" => lang.text(&day.title),
            "day_venue" if day.venue.is_empty() => lang.text(&self.meeting.venue),
            "day_venue" => lang.text(&day.venue),
            _ => return None,
        })
    }
}

/// A date as a letter writes it: `12 March 1985`, `1985年3月12日`, or both joined by ` / `.
pub fn letter_date(date: NaiveDate, lang: ExportLanguage) -> String {
    let en = date.format("%-d %B %Y").to_string();
    let zh = format!("{}年{}月{}日", date.year(), date.month(), date.day());
    match lang {
        ExportLanguage::En => en,
        ExportLanguage::Zh => zh,
        ExportLanguage::Both => format!("{en} / {zh}"),
    }
}

/// An organisation's full name: `AFNOR Group`, `法国标准化协会`, or both.
fn organisation_name(o: &Organisation, lang: ExportLanguage) -> String {
    if o.name.is_empty() {
        o.acronym.clone()
    } else {
        lang.text(&o.name)
    }
}

/// A name as a letter addresses the person: `Mr. HUANG Jixian` in English, `黄继先先生` in
/// Chinese (`Myriam AUGEREAU LANDAIS女士` for a name with no Chinese form), `Mr. HUANG
/// Jixian 黄继先` in both.
pub fn formal_name(p: &Person, lang: ExportLanguage) -> String {
    match lang {
        ExportLanguage::En if !p.latin_name().is_empty() => p.formal_name_latin(),
        ExportLanguage::En | ExportLanguage::Both => p.formal_name(),
        ExportLanguage::Zh => {
            let chinese = crate::model::normalize_chinese_name(&p.chinese_name);
            let name = if chinese.is_empty() {
                p.latin_name()
            } else {
                chinese
            };
            match p.honorific {
                Honorific::None => name,
                h => format!("{name}{}", h.label_zh()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_split_into_scope_field_and_language() {
        let project = Project::default();
        let parsed = field_name("member.name_zh", &project).unwrap();
        assert_eq!(parsed.scope, Some("member"));
        assert_eq!(parsed.field, "name");
        assert_eq!(parsed.language, Some(ExportLanguage::Zh));
        assert_eq!(
            field_name("passport_number", &project).unwrap().language,
            None
        );
        assert!(field_name("pasport_number", &project).is_none());
        assert!(field_name("day.passport_number", &project).is_none());
        assert!(field_name("date", &project).is_none());
        assert_eq!(field_name("day.date", &project).unwrap().scope, Some("day"));
    }

    #[test]
    fn dates_in_each_language() {
        let d = NaiveDate::from_ymd_opt(1985, 3, 12).unwrap();
        assert_eq!(letter_date(d, ExportLanguage::En), "12 March 1985");
        assert_eq!(letter_date(d, ExportLanguage::Zh), "1985年3月12日");
    }
}
