//! A new meeting starts from its sides: the dialog asks for the host and the visiting
//! organisations (known ones, or new ones typed by name), and the meeting is made with
//! them: the host, two sides named after them in both languages, a title, the venue's
//! time zone and the visitors' beside it.

use chrono::NaiveDate;

use super::{Dialog, Effect, Workspace};
use crate::document::Edit;
use crate::i18n::Language;
use crate::model::{Bilingual, Meeting, MeetingId, Organisation, OrganisationId, Project};

/// An organisation chosen in the dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OrganisationChoice {
    /// One of the project's.
    Known(OrganisationId),
    /// A new one, by the name (or acronym) typed.
    New(String),
}

/// The form of the new-meeting dialog.
#[derive(Clone, Debug, PartialEq)]
pub struct NewMeetingForm {
    /// The meeting's (first) date.
    pub date: NaiveDate,
    /// The host organisations, the meeting's host first.
    pub hosts: Vec<OrganisationChoice>,
    /// The visiting organisations.
    pub visitors: Vec<OrganisationChoice>,
    /// What is typed in the host search.
    pub host_query: String,
    /// What is typed in the visitors' search.
    pub visitor_query: String,
}

impl NewMeetingForm {
    /// An empty form for a meeting on `date`.
    pub fn new(date: NaiveDate) -> Self {
        Self {
            date,
            hosts: Vec::new(),
            visitors: Vec::new(),
            host_query: String::new(),
            visitor_query: String::new(),
        }
    }

    /// Whether the meeting can be made with sides: a host and a visitor at least.
    pub fn has_sides(&self) -> bool {
        !self.hosts.is_empty() && !self.visitors.is_empty()
    }
}

/// An organisation from what was typed: an acronym (`DIN`), a Chinese name, an English
/// name, or both scripts (`AFNOR 法国标准化协会`).
pub fn organisation_from_text(text: &str) -> Organisation {
    let (en, zh) = crate::import::names::split_by_script(text, true);
    let mut org = Organisation {
        name: Bilingual::new("", zh),
        ..Default::default()
    };
    if crate::import::names::looks_like_acronym(&en) {
        org.acronym = en;
    } else {
        org.name.en = en;
    }
    org
}

/// The edit that makes the meeting of `form` (one undo step): the new organisations, and
/// the meeting with its host, sides (when there are host and visitors), title and time
/// zones. `sides` false makes it without sides. Returns the edit and the new meeting's id.
pub fn new_meeting_edit(
    project: &Project,
    form: &NewMeetingForm,
    sides: bool,
    fallback_zone: chrono_tz::Tz,
) -> (Edit, MeetingId) {
    let mut edits = Vec::new();
    // The project's organisations and those this form adds, for fresh ids and names.
    let mut scratch = Project {
        organisations: project.organisations.clone(),
        ..Default::default()
    };
    let mut resolve = |choices: &[OrganisationChoice]| -> Vec<OrganisationId> {
        let mut ids = Vec::new();
        for choice in choices {
            let id = match choice {
                OrganisationChoice::Known(id) => id.clone(),
                OrganisationChoice::New(text) => {
                    let org = organisation_from_text(text);
                    let base = crate::import::romanize::id_base(org.short_name(false));
                    let id = scratch.new_organisation_id(&base);
                    scratch.organisations.insert(id.clone(), org.clone());
                    edits.push(Edit::PutOrganisation(id.clone(), org));
                    id
                }
            };
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    };
    let hosts = resolve(&form.hosts);
    let visitors = resolve(&form.visitors);
    let organisations = scratch.organisations;
    let zone_of = |orgs: &[OrganisationId]| {
        orgs.iter()
            .filter_map(|o| organisations.get(o))
            .find_map(|o| {
                crate::model::zones::zones_of_country(&o.country)
                    .first()
                    .copied()
            })
    };
    let time_zone = zone_of(&hosts).unwrap_or(fallback_zone);
    let mut meeting = Meeting::new(form.date, time_zone);
    meeting.counterpart_time_zone = zone_of(&visitors).filter(|z| *z != time_zone);
    meeting.host = hosts.first().cloned();
    let (en, zh) = (Language::English.strings(), Language::Chinese.strings());
    if sides && !hosts.is_empty() && !visitors.is_empty() {
        let people = &project.people;
        meeting.add_side_of(
            &organisations,
            people,
            &visitors,
            crate::i18n::side_naming(false),
        );
        meeting.add_side_of(
            &organisations,
            people,
            &hosts,
            crate::i18n::side_naming(true),
        );
        let plain = crate::model::SideNaming::PLAIN;
        let host = crate::model::side_name(&organisations, &hosts, plain);
        let visiting = crate::model::side_name(&organisations, &visitors, plain);
        meeting.title = Bilingual::new(
            en.protocol
                .meeting_of_sides
                .replace("{visiting}", &visiting.en)
                .replace("{host}", &host.en),
            zh.protocol
                .meeting_of_sides
                .replace("{visiting}", &visiting.zh)
                .replace("{host}", &host.zh),
        );
    } else {
        meeting.title = Bilingual::new(en.new_meeting, zh.new_meeting);
    }
    let id = project.new_meeting_id_on(form.date);
    edits.push(Edit::PutMeeting(id.clone(), Box::new(meeting)));
    (Edit::Batch(edits), id)
}

impl Workspace {
    /// Opens the new-meeting dialog, for a meeting today.
    pub(super) fn ask_new_meeting(&mut self) {
        self.dialog = Some(Dialog::NewMeeting(Box::new(NewMeetingForm::new(
            self.today,
        ))));
    }

    /// Makes the meeting of the dialog's form and shows it.
    pub(super) fn create_meeting(&mut self, form: &NewMeetingForm, sides: bool) {
        self.dialog = None;
        // Without a host's country to go by: the zone of the last meeting.
        let fallback = self
            .doc
            .project()
            .meetings
            .values()
            .next_back()
            .map_or(chrono_tz::Europe::Paris, |m| m.time_zone);
        let (edit, id) = new_meeting_edit(self.doc.project(), form, sides, fallback);
        if self.apply_edit(edit, None) {
            self.effects.push(Effect::ShowMeeting(id));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_meeting_is_made_from_its_host_and_visitors() {
        let project = crate::samples::ccaa_afnor().unwrap();
        let mut form = NewMeetingForm::new(NaiveDate::from_ymd_opt(2025, 11, 4).unwrap());
        form.hosts = vec![OrganisationChoice::New("DIN 德国标准化学会".into())];
        form.visitors = vec![OrganisationChoice::Known("ccaa".into())];
        let (edit, id) = new_meeting_edit(&project, &form, true, chrono_tz::UTC);
        let mut p = project.clone();
        edit.apply(&mut p);
        let din = &p.organisations[&OrganisationId::from("din")];
        assert_eq!(
            (din.acronym.as_str(), din.name.zh.as_str()),
            ("DIN", "德国标准化学会")
        );
        let m = &p.meetings[&id];
        assert_eq!(m.host, Some(OrganisationId::from("din")));
        let names: Vec<(&str, &str)> = m
            .sides
            .iter()
            .map(|s| (s.name.en.as_str(), s.name.zh.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("CCAA delegation", "中国认证认可协会代表团"),
                ("DIN", "德国标准化学会")
            ]
        );
        assert_eq!(m.title.en, "CCAA–DIN meeting");
        assert_eq!(m.title.zh, "中国认证认可协会与德国标准化学会会谈");
        // CCAA is in China: Beijing time beside the host's (DIN has no country yet).
        assert_eq!(m.time_zone, chrono_tz::UTC);
        assert_eq!(m.counterpart_time_zone, Some(chrono_tz::Asia::Shanghai));
        // Without sides: a plain new meeting, its host kept.
        let (edit, id) = new_meeting_edit(&project, &form, false, chrono_tz::UTC);
        let mut p = project.clone();
        edit.apply(&mut p);
        assert!(p.meetings[&id].sides.is_empty());
    }
}
