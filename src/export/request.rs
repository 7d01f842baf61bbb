//! [`ExportRequest`]: the one description of "export this, in this format and language",
//! used by the app (which asks where to save it) and the command line alike.

use chrono::{DateTime, NaiveDate, Utc};

use super::agenda::{self, AgendaFormat};
use super::attendees::{self, AttendeeFormat};
use super::commitments::{self, CommitmentsFormat};
use super::minutes::{self, MinutesFormat, MinutesMark};
use super::seating::{self, SeatingFormat, SeatingOptions};
use super::{ExportError, ExportLanguage};
use crate::model::followup::Filter;
use crate::model::{Meeting, MeetingId, Project};

/// What to export, in which format and language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExportRequest {
    /// A meeting's agenda.
    Agenda {
        /// The meeting.
        meeting: MeetingId,
        /// The format.
        format: AgendaFormat,
        /// The language.
        language: ExportLanguage,
    },
    /// All people, or a meeting's attendees.
    Attendees {
        /// The meeting, or everyone.
        meeting: Option<MeetingId>,
        /// The format.
        format: AttendeeFormat,
        /// The language of printed lists.
        language: ExportLanguage,
        /// Personal-data columns chosen explicitly (CSV and workbook only; none by
        /// default).
        personal: Vec<crate::import::attendees::Field>,
    },
    /// A meeting's minutes.
    Minutes {
        /// The meeting.
        meeting: MeetingId,
        /// The format.
        format: MinutesFormat,
        /// The language: both side by side is the 会谈纪要 layout.
        language: ExportLanguage,
        /// Draft or final and the version date, when not the meeting's own.
        mark: MinutesMark,
    },
    /// Name cards of a meeting's attendees (PDF), on this paper with these faces.
    NameCards(MeetingId, super::pdf::CardOptions),
    /// A meeting's seating plan.
    Seating {
        /// The meeting.
        meeting: MeetingId,
        /// The format.
        format: SeatingFormat,
        /// The language.
        language: ExportLanguage,
        /// What changes of the meeting's plan, and the paper.
        options: SeatingOptions,
    },
    /// Place cards of a meeting's seating plan, in seat order with their seat marked.
    PlaceCards {
        /// The meeting.
        meeting: MeetingId,
        /// What changes of the meeting's plan.
        options: SeatingOptions,
        /// The paper and the faces of the cards.
        cards: super::pdf::CardOptions,
    },
    /// The commitments a filter lets through, with due dates judged as of `today`.
    Commitments {
        /// The format.
        format: CommitmentsFormat,
        /// The language.
        language: ExportLanguage,
        /// Which commitments.
        filter: Box<Filter>,
        /// The day overdue and due-soon are judged from.
        today: NaiveDate,
    },
}

/// Whose copy a document is and who makes it, beyond what it shows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportOptions {
    /// The planners' own copy, internal notes included (each marked as such); by default a
    /// copy for partners, made from [`Project::for_partners`], holds no internal text.
    pub with_notes: bool,
    /// The author a Word document names in its properties; none when empty.
    pub author: String,
}

/// When and by whom a document is made: a calendar's DTSTAMP, a Word document's
/// properties.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// The moment of the export.
    pub now: DateTime<Utc>,
    /// Who makes it; empty when unknown.
    pub author: String,
}

impl Stamp {
    /// Made at `now` by nobody named.
    pub fn at(now: DateTime<Utc>) -> Self {
        Self {
            now,
            author: String::new(),
        }
    }

    /// The properties of a Word document titled `title` in `lang`, made now by the author.
    pub fn properties(&self, title: String, lang: ExportLanguage) -> super::docx::Properties {
        super::docx::Properties {
            title,
            author: self.author.clone(),
            made: self.now,
            chinese: lang == ExportLanguage::Zh,
        }
    }
}

/// A rendered export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The bytes of the file.
    pub bytes: Vec<u8>,
    /// For name cards, how many were drawn.
    pub cards: Option<usize>,
    /// Characters of a PDF that no font could draw (they print as boxes), sorted; the app
    /// and the command line name them to the user.
    pub unprintable: Vec<char>,
    /// Texts of a PDF too long to print whole, cut with `…`; the app and the command line
    /// say which.
    pub cut: Vec<super::pdf::CutText>,
}

impl ExportRequest {
    /// The file-name extension.
    pub fn extension(&self) -> &'static str {
        match self {
            Self::Agenda { format, .. } => format.extension(),
            Self::Minutes { format, .. } => format.extension(),
            Self::Attendees { format, .. } => format.extension(),
            Self::NameCards(..) | Self::PlaceCards { .. } => "pdf",
            Self::Seating { format, .. } => format.extension(),
            Self::Commitments { format, .. } => format.extension(),
        }
    }

    /// The language the document is written in (name cards have both on their faces).
    pub fn language(&self) -> Option<ExportLanguage> {
        match self {
            Self::Agenda { language, .. }
            | Self::Minutes { language, .. }
            | Self::Attendees { language, .. }
            | Self::Seating { language, .. }
            | Self::Commitments { language, .. } => Some(*language),
            Self::NameCards(..) | Self::PlaceCards { .. } => None,
        }
    }

    /// Writes the document in `lang` instead (nothing for name cards).
    pub fn set_language(&mut self, lang: ExportLanguage) {
        match self {
            Self::Agenda { language, .. }
            | Self::Minutes { language, .. }
            | Self::Attendees { language, .. }
            | Self::Seating { language, .. }
            | Self::Commitments { language, .. } => *language = lang,
            Self::NameCards(..) | Self::PlaceCards { .. } => {}
        }
    }

    /// The file name a user expects for the document, from the meeting's date and short
    /// title and what it is, in the document's language: `2024-09-23 CCAA–AFNOR meeting —
    /// minutes.docx`, `2024-09-23 中国认证认可协会与法国标准化协会会谈 — 会谈纪要.docx`; safe on
    /// every system whatever the title holds. Without the meeting (gone, or none), the
    /// file name [`Self::suggested_name`] gives.
    pub fn file_name(&self, project: &Project) -> String {
        let meeting = self.meeting().and_then(|id| project.meetings.get(id));
        let zh = self.language() == Some(ExportLanguage::Zh);
        let what = |en: &str, zh_word: &str| if zh { zh_word } else { en }.to_owned();
        let kind = match self {
            Self::Agenda { format, .. } => match format {
                AgendaFormat::Ics | AgendaFormat::IcsPerItem => what("calendar", "日程"),
                _ => what("agenda", "议程"),
            },
            Self::Minutes { .. } => what("minutes", "会谈纪要"),
            Self::Attendees {
                meeting: Some(_), ..
            } => what("participants", "参会人员名单"),
            Self::Attendees { meeting: None, .. } => what("people", "人员名单"),
            Self::NameCards(..) => what("name cards", "桌签"),
            Self::Seating { .. } => what("seating plan", "座次图"),
            Self::PlaceCards { .. } => what("place cards", "座签"),
            Self::Commitments { today, .. } => {
                let title = short_title(project.info.title.get(zh));
                let kind = what("follow-up of commitments", "合作事项跟进");
                let stem = if title.is_empty() {
                    format!("{today} {kind}")
                } else {
                    format!("{today} {title} — {kind}")
                };
                return super::sanitize::safe_file_name(&stem, self.extension());
            }
        };
        let Some(m) = meeting else {
            return self.suggested_name();
        };
        let title = short_title(m.title.get(zh));
        let stem = if title.is_empty() {
            format!("{} {kind}", m.start_date())
        } else {
            format!("{} {title} — {kind}", m.start_date())
        };
        super::sanitize::safe_file_name(&stem, self.extension())
    }

    /// A file name to suggest: `paris-2024-agenda.pdf`, safe on every system whatever the
    /// meeting id holds (`/`, `:`, invisible characters, a reserved Windows name).
    pub fn suggested_name(&self) -> String {
        let stem = match self {
            Self::Agenda { meeting, .. } => format!("{meeting}-agenda"),
            Self::Minutes { meeting, .. } => format!("{meeting}-minutes"),
            Self::Attendees {
                meeting: Some(m), ..
            } => format!("{m}-attendees"),
            Self::Attendees { meeting: None, .. } => "people".to_owned(),
            Self::NameCards(m, _) => format!("{m}-name-cards"),
            Self::Seating { meeting, .. } => format!("{meeting}-seating"),
            Self::PlaceCards { meeting, .. } => format!("{meeting}-place-cards"),
            Self::Commitments { .. } => "commitments".to_owned(),
        };
        super::sanitize::safe_file_name(&stem, self.extension())
    }

    /// The meeting the export is about, if it is about one.
    pub fn meeting(&self) -> Option<&MeetingId> {
        match self {
            Self::Agenda { meeting, .. }
            | Self::Minutes { meeting, .. }
            | Self::NameCards(meeting, _)
            | Self::Seating { meeting, .. }
            | Self::PlaceCards { meeting, .. } => Some(meeting),
            Self::Attendees { meeting, .. } => meeting.as_ref(),
            Self::Commitments { .. } => None,
        }
    }

    /// The bytes of the file.
    ///
    /// # Errors
    /// [`ExportError::MeetingGone`] when the meeting is not in `project`; the PDF or
    /// workbook errors of the format.
    pub fn render(&self, project: &Project) -> Result<Vec<u8>, ExportError> {
        self.render_with(project, &mut |_, _| true)
            .map(|rendered| rendered.bytes)
    }

    /// [`Self::render`], reporting the progress of name cards as `on_progress(done, total)`
    /// before each card and once at the end; when it returns false, rendering stops with
    /// [`ExportError::Cancelled`]. Other exports are made in one go and report nothing.
    ///
    /// # Errors
    /// As [`Self::render`], and [`ExportError::Cancelled`].
    pub fn render_with(
        &self,
        project: &Project,
        on_progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Rendered, ExportError> {
        self.render_at(project, Utc::now(), on_progress)
    }

    /// [`Self::render_with`] with the time an agenda's calendar entry is stamped with
    /// (`DTSTAMP`), for reproducible files.
    ///
    /// # Errors
    /// As [`Self::render_with`].
    pub fn render_at(
        &self,
        project: &Project,
        now: DateTime<Utc>,
        on_progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Rendered, ExportError> {
        self.render_as(project, &ExportOptions::default(), now, on_progress)
    }

    /// [`Self::render_at`] with `options`: a copy for partners (every internal text left
    /// out, see [`Project::for_partners`]) unless `options.with_notes`, and the author a
    /// Word document names.
    ///
    /// # Errors
    /// As [`Self::render_with`].
    pub fn render_as(
        &self,
        project: &Project,
        options: &ExportOptions,
        now: DateTime<Utc>,
        on_progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Rendered, ExportError> {
        let shared;
        let project = if options.with_notes {
            project
        } else {
            shared = project.for_partners();
            &shared
        };
        let stamp = Stamp {
            now,
            author: options.author.clone(),
        };
        let meeting = |id: &MeetingId| -> Result<&Meeting, ExportError> {
            project
                .meetings
                .get(id)
                .ok_or_else(|| ExportError::MeetingGone(id.clone()))
        };
        // The fonts note every character they cannot draw while a PDF is made, and the
        // layout every text it cuts.
        let ((rendered, unprintable), cut) = super::pdf::cut_during(|| {
            super::pdf::unprintable_during(|| -> Result<(Vec<u8>, Option<usize>), ExportError> {
                let bytes = match self {
                    Self::Agenda {
                        meeting: id,
                        format,
                        language,
                    } => {
                        let m = meeting(id)?;
                        let impossible =
                            m.days.iter().any(|d| !crate::model::date_in_range(d.date))
                                || m.items()
                                    .any(|i| i.duration_minutes > crate::model::MAX_ITEM_MINUTES);
                        if impossible {
                            return Err(ExportError::OutOfRange(id.clone()));
                        }
                        agenda::render(project, id, m, *format, *language, &stamp)?
                    }
                    Self::Minutes {
                        meeting: id,
                        format,
                        language,
                        mark,
                    } => minutes::render(
                        project,
                        id,
                        meeting(id)?,
                        (*format, *language),
                        *mark,
                        // The version date of undated minutes: the day it is where the
                        // user is, as the app and the command line show today.
                        now.with_timezone(&chrono::Local).date_naive(),
                        &stamp,
                    )?,
                    Self::Attendees {
                        meeting: id,
                        format,
                        language,
                        personal,
                    } => {
                        let m = id.as_ref().map(meeting).transpose()?;
                        attendees::render_stamped(project, m, *format, *language, &stamp, personal)?
                    }
                    Self::NameCards(id, options) => {
                        let (bytes, cards) = attendees::name_cards_with(
                            project,
                            meeting(id)?,
                            *options,
                            on_progress,
                        )?;
                        return Ok((bytes, Some(cards)));
                    }
                    Self::Commitments {
                        format,
                        language,
                        filter,
                        today,
                    } => commitments::render(project, filter, *format, *language, *today)?,
                    Self::Seating {
                        meeting: id,
                        format,
                        language,
                        options,
                    } => seating::render(project, meeting(id)?, *format, *language, options)?,
                    Self::PlaceCards {
                        meeting: id,
                        options,
                        cards,
                    } => {
                        let (bytes, count) = seating::place_cards(
                            project,
                            meeting(id)?,
                            options,
                            *cards,
                            on_progress,
                        )?;
                        return Ok((bytes, Some(count)));
                    }
                };
                Ok((bytes, None))
            })
        });
        let (bytes, cards) = rendered?;
        Ok(Rendered {
            bytes,
            cards,
            unprintable,
            cut,
        })
    }
}

/// The start of a title, whole words up to 40 characters (a Chinese title, up to 20
/// characters), for a file name.
fn short_title(title: &str) -> String {
    let title = super::sanitize_cell(title);
    let title = title.trim();
    let mut short = String::new();
    for word in title.split_whitespace() {
        let longer = if short.is_empty() {
            word.to_owned()
        } else {
            format!("{short} {word}")
        };
        if longer.chars().count() > 40 {
            break;
        }
        short = longer;
    }
    if short.is_empty() {
        short = title.chars().take(20).collect();
    }
    short
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Project {
        crate::samples::ccaa_afnor().unwrap()
    }

    #[test]
    fn names_extensions_and_meetings() {
        let paris = MeetingId::from("paris-2024");
        let agenda = ExportRequest::Agenda {
            meeting: paris.clone(),
            format: AgendaFormat::Pdf,
            language: ExportLanguage::Both,
        };
        assert_eq!(agenda.suggested_name(), "paris-2024-agenda.pdf");
        assert_eq!(agenda.meeting(), Some(&paris));
        let people = ExportRequest::Attendees {
            meeting: None,
            format: AttendeeFormat::Xlsx,
            language: ExportLanguage::En,
            personal: Vec::new(),
        };
        assert_eq!(people.suggested_name(), "people.xlsx");
        assert_eq!(people.meeting(), None);
        let cards = ExportRequest::NameCards(MeetingId::from("a/b:c"), Default::default());
        assert_eq!(cards.extension(), "pdf");
        assert!(!cards.suggested_name().contains(['/', ':']));
    }

    #[test]
    fn renders_like_the_format_modules_and_says_when_the_meeting_is_gone() {
        let project = sample();
        let paris = MeetingId::from("paris-2024");
        let meeting = &project.meetings[&paris];
        let now = chrono::TimeZone::with_ymd_and_hms(&Utc, 2025, 1, 2, 3, 4, 5).unwrap();
        let request = ExportRequest::Agenda {
            meeting: paris.clone(),
            format: AgendaFormat::Ics,
            language: ExportLanguage::Both,
        };
        let rendered = request.render_at(&project, now, &mut |_, _| true).unwrap();
        // A copy for partners: the agenda of the project without its internal notes.
        let shared = project.for_partners();
        let direct = agenda::render(
            &shared,
            &paris,
            &shared.meetings[&paris],
            AgendaFormat::Ics,
            ExportLanguage::Both,
            &Stamp::at(now),
        )
        .unwrap();
        assert_ne!(
            direct,
            agenda::render(
                &project,
                &paris,
                meeting,
                AgendaFormat::Ics,
                ExportLanguage::Both,
                &Stamp::at(now),
            )
            .unwrap(),
            "the sample has an internal note"
        );
        assert_eq!(
            rendered,
            Rendered {
                bytes: direct,
                cards: None,
                unprintable: Vec::new(),
                cut: Vec::new(),
            }
        );

        let csv = ExportRequest::Attendees {
            meeting: Some(paris.clone()),
            format: AttendeeFormat::Csv,
            language: ExportLanguage::Both,
            personal: Vec::new(),
        };
        assert_eq!(
            csv.render(&project).unwrap(),
            attendees::csv(&shared, Some(&shared.meetings[&paris])).into_bytes()
        );
        // The planners' own copy has the people's notes, in a column of their own.
        let own = csv
            .render_as(
                &project,
                &ExportOptions {
                    with_notes: true,
                    ..Default::default()
                },
                now,
                &mut |_, _| true,
            )
            .unwrap();
        assert_eq!(
            own.bytes,
            attendees::csv(&project, Some(meeting)).into_bytes()
        );
        let own = String::from_utf8(own.bytes).unwrap();
        assert!(own.contains(",Notes\r\n"), "{own}");
        assert!(own.contains("Head of the CCAA delegation."), "{own}");

        let gone = ExportRequest::NameCards(MeetingId::from("gone"), Default::default());
        let err = gone.render(&project).unwrap_err();
        assert!(matches!(err, ExportError::MeetingGone(ref id) if id.as_str() == "gone"));
        assert_eq!(err.to_string(), "the meeting `gone` no longer exists");
    }

    #[test]
    fn name_cards_report_progress_and_can_be_cancelled() {
        let project = sample();
        let request = ExportRequest::NameCards(MeetingId::from("paris-2024"), Default::default());
        let mut calls = Vec::new();
        let rendered = request
            .render_with(&project, &mut |done, total| {
                calls.push((done, total));
                true
            })
            .unwrap();
        let cards = rendered.cards.unwrap();
        assert!(cards > 0);
        assert_eq!(calls.last(), Some(&(cards, cards)));
        assert!(rendered.bytes.starts_with(b"%PDF"));

        let err = request
            .render_with(&project, &mut |done, _| done < 2)
            .unwrap_err();
        assert!(matches!(err, ExportError::Cancelled), "{err:?}");
    }
}
