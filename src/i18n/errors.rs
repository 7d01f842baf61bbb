//! The words the user reads when something goes wrong, in English and Simplified Chinese:
//! every error of the library (loading, saving, exporting, reading a list) and every
//! problem [`crate::model::validate`] finds.
//!
//! The English is the command line's (each error's `Display`, or [`LoadError::message`]);
//! the command line itself stays English. Text from outside the app (the system's message
//! for a failed read, ron's or a library's own words) is quoted as it comes.

use std::fmt::Display;

use super::{Language, save_step};
use crate::export::ExportError;
use crate::export::attendees::AttendeeExportError;
use crate::export::pdf::PdfError;
use crate::model::{Problem, ProblemKind, ProblemLocation, Project};
use crate::project_file::{
    FORMAT_VERSION, LoadError, NodeKind, OutputRefusal, Protection, SaveError, SyntaxReason,
};

/// A value with words for the user in each language of the interface.
pub trait Localized {
    /// What happened and what to do, in `language`.
    fn localized(&self, language: Language) -> String;
}

/// `en` or `zh`, made only for the language asked for.
pub(super) fn say(
    language: Language,
    en: impl FnOnce() -> String,
    zh: impl FnOnce() -> String,
) -> String {
    match language {
        Language::English => en(),
        Language::Chinese => zh(),
    }
}

impl Localized for LoadError {
    /// The message without the path, as [`LoadError::message`] in English. In Chinese a
    /// position is named first (`第 4 行第 23 列：…`), since the `FILE:LINE:COL` of the
    /// English is no way to say it in Chinese.
    fn localized(&self, language: Language) -> String {
        say(language, || self.message(), || self.chinese())
    }
}

impl LoadError {
    fn chinese(&self) -> String {
        let text = match self {
            Self::Io { source, .. } => {
                format!("无法读取文件（{source}）；请检查文件是否存在，以及您是否有权读取")
            }
            Self::TooLarge { size, max, .. } => format!(
                "文件大小为 {size} 字节，超过了项目文件的上限 {max} 字节；它可能不是项目文件"
            ),
            Self::Empty { .. } => {
                "文件是空的，可能在复制时被截断了：请在同一文件夹中查找备份文件 NAME.ron.bak"
                    .to_owned()
            }
            Self::Utf16 { .. } => {
                "文件以 UTF-16 编码保存；请在文本编辑器中另存为 UTF-8 编码后再打开".to_owned()
            }
            Self::Utf32 { .. } => {
                "文件以 UTF-32 编码保存；请在文本编辑器中另存为 UTF-8 编码后再打开".to_owned()
            }
            Self::NotAFile { kind, .. } => format!(
                "这不是普通文件（而是{}），不是项目文件；请选择一个 .ron 文件",
                node_kind_zh(*kind)
            ),
            Self::NotUtf8 { .. } => {
                "这里不是 UTF-8 文本；文件可能已损坏，或者不是项目文件".to_owned()
            }
            Self::Syntax { reason, .. } => reason.localized(Language::Chinese),
            Self::NewerVersion {
                found, supported, ..
            } => format!(
                "该文件由更新版本的 Delegation Planner 创建（格式 {found}），本版本只能读取格式 {supported}；请更新程序后再打开"
            ),
        };
        match self.position() {
            Some((line, column)) => format!("第 {line} 行第 {column} 列：{text}"),
            None => text,
        }
    }
}

/// What a path that is not a regular file is, in Chinese.
pub fn node_kind_zh(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Folder => "文件夹",
        NodeKind::Fifo => "命名管道（FIFO）",
        NodeKind::Device => "设备",
        NodeKind::Socket => "套接字",
        NodeKind::Other => "特殊文件",
    }
}

/// The body of the dialog saying a project could not be opened: the message as a sentence,
/// then where (the path last). The English is what the app shows today:
/// `Message.\n\nFILE:LINE:COL`.
pub fn load_error_text(err: &LoadError, language: Language) -> String {
    let path = err.path().display();
    match language {
        Language::English => {
            let location = match err.position() {
                Some((line, column)) => format!("{path}:{line}:{column}"),
                None => path.to_string(),
            };
            let mut message = err.message();
            if let Some(first) = message.get(..1) {
                message = first.to_uppercase() + message.get(1..).unwrap_or_default();
            }
            format!("{message}.\n\n{location}")
        }
        Language::Chinese => format!("{}。\n\n{path}", err.localized(language)),
    }
}

impl Localized for SyntaxReason {
    fn localized(&self, language: Language) -> String {
        say(language, || self.to_string(), || syntax_chinese(self))
    }
}

fn syntax_chinese(reason: &SyntaxReason) -> String {
    let backup = "可能在复制时被截断了。请查找备份文件（NAME.ron.bak）";
    match reason {
        SyntaxReason::NotAProject {
            starts_with: Some(found),
        } => format!(
            "这不是 Delegation Planner 项目文件（文件以“{found}”开头，而项目文件以“V{FORMAT_VERSION}(”开头）"
        ),
        SyntaxReason::NotAProject { starts_with: None } => format!(
            "这不是 Delegation Planner 项目文件（项目文件以“V{FORMAT_VERSION}(”开头）"
        ),
        SyntaxReason::UnknownVersion { found } => {
            format!("未知的格式版本“{found}”；本版本读取格式 V{FORMAT_VERSION}")
        }
        SyntaxReason::UnknownField {
            found,
            place,
            expected,
        } => format!(
            "{}有未知字段“{found}”。该文件可能由更新版本的 Delegation Planner 创建；请更新程序，或删除该字段。已知字段：{}",
            place_zh(place.as_deref()),
            expected.join("、")
        ),
        SyntaxReason::MissingField { field, place } => {
            format!("{}缺少字段“{field}”", place_zh(place.as_deref()))
        }
        SyntaxReason::CutOff { detail: None } => format!("文件提前结束，{backup}"),
        SyntaxReason::CutOff {
            detail: Some(detail),
        } => format!("文件提前结束（{detail}），{backup}"),
        SyntaxReason::NumberTooLarge => "这个数字太大，或者在不能为负数的地方出现了负数".to_owned(),
        SyntaxReason::ExpectedInteger => "这里应当是一个整数".to_owned(),
        SyntaxReason::ExpectedString => "这里应当是用双引号括起来的文本".to_owned(),
        SyntaxReason::ExpectedIdentifier => "这里应当是字段名或取值".to_owned(),
        SyntaxReason::TrailingCharacters => "项目内容结束后还有多余的文字；请将其删除".to_owned(),
        SyntaxReason::BadDateTime => {
            "这个日期或时间不存在，或者没有按“2024-09-23”“14:30:00”的格式书写".to_owned()
        }
        SyntaxReason::UnknownTimeZone { name } => format!(
            "未知的时区（{name}）；请使用“Europe/Paris”“Asia/Shanghai”这样的时区名称"
        ),
        SyntaxReason::TooDeep => "文件的嵌套层次太深，不可能是项目文件".to_owned(),
        SyntaxReason::RonExtensions => {
            "文件开启了 RON 扩展（`#![enable(…)]`），会改变其余内容的读取方式；Delegation Planner 从不写入这样的内容。请删除这一行，再重新打开文件".to_owned()
        }
        SyntaxReason::Other(message) => format!("文件内容有误（{message}）"),
    }
}

/// `Person 中` → `Person 中`: the type a field belongs to, when ron names it.
fn place_zh(place: Option<&str>) -> String {
    place.map(|o| format!("{o} 中")).unwrap_or_default()
}

impl Localized for SaveError {
    /// The body of the dialog saying a save failed: which step, what the system said, what
    /// is on disk now and what to do, the path last — the text the app builds from
    /// [`super::Strings::save_failed_at`] and [`super::Strings::save_incomplete_at`].
    fn localized(&self, language: Language) -> String {
        let t = language.strings();
        let fill = |template: &str, step, source: &std::io::Error| {
            template
                .replace("{step}", save_step(t, step))
                .replace("{error}", &source.to_string())
        };
        match self {
            Self::Io { path, step, source } => {
                format!(
                    "{}\n\n{}",
                    fill(t.save_failed_at, *step, source),
                    path.display()
                )
            }
            Self::Incomplete {
                path, step, source, ..
            } => format!(
                "{}\n\n{}",
                fill(t.save_incomplete_at, *step, source),
                path.display()
            ),
            Self::Serialize(message) => say(
                language,
                || self.to_string(),
                || format!("无法把项目写成文本（{message}），没有保存任何内容。"),
            ),
            Self::Protected { path, protection } => {
                let text = match protection {
                    Protection::ReadOnly => t.save_protected_read_only.to_owned(),
                    Protection::Immutable => t.save_protected_immutable.to_owned(),
                    Protection::NotAFile(kind) => t.save_protected_not_a_file.replace(
                        "{kind}",
                        &say(
                            language,
                            || kind.to_string(),
                            || node_kind_zh(*kind).to_owned(),
                        ),
                    ),
                };
                format!("{text}\n\n{}", path.display())
            }
            Self::ChangedOnDisk { path, .. } => {
                format!("{}\n\n{}", t.file_changed_body, path.display())
            }
            Self::Locked { path } => format!(
                "{}\n\n{}",
                t.save_locked.replace(
                    "{seconds}",
                    &crate::project_file::LOCK_WAIT.as_secs().to_string()
                ),
                path.display()
            ),
            Self::TooLarge { path, size, max } => format!(
                "{}\n\n{}",
                t.save_too_large
                    .replace("{size}", &crate::project_file::megabytes(*size))
                    .replace("{max}", &crate::project_file::megabytes(*max)),
                path.display()
            ),
        }
    }
}

impl Localized for OutputRefusal {
    fn localized(&self, language: Language) -> String {
        say(
            language,
            || {
                let mut text = self.to_string();
                if let Some(first) = text.get(..1) {
                    text = first.to_uppercase() + text.get(1..).unwrap_or_default();
                }
                format!("{text}. Nothing was written; choose another file.")
            },
            || {
                let what = match self {
                    OutputRefusal::TheProject => "这是项目文件本身，导出会替换掉项目".to_owned(),
                    OutputRefusal::TheBackup => {
                        "这是项目的备份文件（.bak），导出会替换掉备份".to_owned()
                    }
                    OutputRefusal::AProject => {
                        "这是一个 Delegation Planner 项目文件，导出会替换掉它".to_owned()
                    }
                    OutputRefusal::NotAFile(kind) => {
                        format!("这是{}，不是普通文件", node_kind_zh(*kind))
                    }
                    OutputRefusal::TheLock | OutputRefusal::ATempFile => {
                        super::errors_hostile::side_file_zh(self).to_owned()
                    }
                };
                format!("{what}。没有写入任何内容；请选择其他文件。")
            },
        )
    }
}

/// The title of the dialog saying a save failed: not saved, or saved but not completely.
pub fn save_error_title(err: &SaveError, language: Language) -> &'static str {
    let t = language.strings();
    match err {
        SaveError::Incomplete { .. } => t.dlg_save_incomplete,
        SaveError::Protected { .. } => t.save_protected_title,
        SaveError::ChangedOnDisk { .. } => t.file_changed_title,
        SaveError::Io { .. }
        | SaveError::Locked { .. }
        | SaveError::TooLarge { .. }
        | SaveError::Serialize(_) => t.dlg_save_failed,
    }
}

impl Localized for PdfError {
    fn localized(&self, language: Language) -> String {
        say(
            language,
            || self.to_string(),
            || match self {
                Self::Font(name) => {
                    format!("无法读取程序内置的 {name} 字体；请重新安装 Delegation Planner")
                }
                Self::Write(err) => format!("无法写入 PDF：{err}"),
                Self::PageSize { width, height } => {
                    format!("无法写入 PDF：页面尺寸 {width} × {height} 磅无效")
                }
                Self::Cancelled => "已取消".to_owned(),
            },
        )
    }
}

/// "Could not make the PDF" and "could not make the workbook", around their reason.
fn pdf_failed(err: &PdfError, language: Language) -> String {
    say(
        language,
        || format!("could not make the PDF: {err}"),
        || format!("无法生成 PDF：{}", err.localized(language)),
    )
}

fn xlsx_failed(err: &impl Display, language: Language) -> String {
    say(
        language,
        || format!("could not make the workbook: {err}"),
        || format!("无法生成 Excel 工作簿：{err}"),
    )
}

impl Localized for ExportError {
    fn localized(&self, language: Language) -> String {
        match self {
            Self::Pdf(err) => pdf_failed(err, language),
            Self::Xlsx(err) => xlsx_failed(err, language),
            Self::Docx(err) => docx_failed(err, language),
            Self::MeetingGone(id) => say(
                language,
                || self.to_string(),
                || format!("会议“{id}”已不存在"),
            ),
            Self::Cancelled => say(language, || self.to_string(), || "已取消".to_owned()),
            Self::OutOfRange(id) => say(
                language,
                || self.to_string(),
                || {
                    format!(
                        "会议“{}”的日期不在 1900 年至 2200 年之间，或有议程项超过一天；请先更正，再导出",
                        q(id)
                    )
                },
            ),
        }
    }
}

impl Localized for AttendeeExportError {
    fn localized(&self, language: Language) -> String {
        match self {
            Self::Pdf(err) => pdf_failed(err, language),
            Self::Xlsx(err) => xlsx_failed(err, language),
            Self::Docx(err) => docx_failed(err, language),
        }
    }
}

/// A Word document that could not be made: only a bug can do it (it is made in memory).
fn docx_failed(err: &crate::export::docx::DocxError, language: Language) -> String {
    say(
        language,
        || format!("could not make the Word document: {err}"),
        || format!("无法生成 Word 文档：{err}"),
    )
}

impl Localized for Problem {
    /// The problem by ids, as the command line prints it in English. The UI names the
    /// entities instead: see [`describe_problem`].
    fn localized(&self, language: Language) -> String {
        say(
            language,
            || self.to_string(),
            || {
                format!(
                    "{}：{}",
                    location_by_id_zh(&self.location),
                    kind_zh(&self.kind, None)
                )
            },
        )
    }
}

/// An id or a name as a message quotes it: at most 200 characters.
fn q(text: &impl std::borrow::Borrow<str>) -> std::borrow::Cow<'_, str> {
    crate::model::clip_for_message(text.borrow())
}

fn location_by_id_zh(location: &ProblemLocation) -> String {
    match location {
        ProblemLocation::Person(id) => format!("人员“{}”", q(id)),
        ProblemLocation::Meeting(id) => format!("会议“{}”", q(id)),
        ProblemLocation::Side { meeting, side } => {
            format!("会议“{}”的参会方“{}”", q(meeting), q(side))
        }
        ProblemLocation::Day {
            meeting,
            number,
            date,
        } => {
            format!("会议“{}”第 {number} 天（{date}）", q(meeting))
        }
        ProblemLocation::AgendaItem { meeting, item } => {
            format!("会议“{}”的议程项“{}”", q(meeting), q(item))
        }
        ProblemLocation::Commitment(id) => format!("合作事项“{}”", q(id)),
        ProblemLocation::Progress { commitment, date } => {
            format!("合作事项“{}”{date} 的进展记录", q(commitment))
        }
        ProblemLocation::Organisation(_) | ProblemLocation::Project => {
            super::errors_hostile::location_zh(location, None)
        }
    }
}

/// What is wrong, in Chinese; `project` names the people that do exist.
fn kind_zh(kind: &ProblemKind, project: Option<&Project>) -> String {
    let person = |id: &crate::model::PersonId| {
        project
            .and_then(|p| p.people.get(id))
            .map(crate::model::Person::display_name)
            .filter(|name| !name.trim().is_empty())
    };
    match kind {
        ProblemKind::MissingOrganisation(o) => format!("编号为“{}”的机构不存在", q(o)),
        ProblemKind::MissingHost(o) => format!("编号为“{}”的主办机构不存在", q(o)),
        ProblemKind::DuplicateSide(s) => format!("参会方编号“{}”被重复使用", q(s)),
        ProblemKind::MissingAttendee(p) => format!("编号为“{}”的参会人员不存在", q(p)),
        ProblemKind::DuplicateAttendee(p) => match person(p) {
            Some(name) => format!("{name} 在参会名单中出现了两次"),
            None => format!("编号为“{}”的人员在参会名单中出现了两次", q(p)),
        },
        ProblemKind::AttendeeOnMissingSide { person: p, side } => {
            let who = match person(p) {
                Some(name) => format!("参会人员 {name} "),
                None => format!("编号为“{}”的参会人员", q(p)),
            };
            format!("{who}被安排在编号为“{}”的参会方，但该参会方不存在", q(side))
        }
        ProblemKind::DuplicateItem(i) => format!("议程项编号“{}”被重复使用", q(i)),
        ProblemKind::MissingSpeaker(p) => format!("编号为“{}”的发言人不存在", q(p)),
        ProblemKind::OwnParent => "被设为自己的上级事项".to_owned(),
        ProblemKind::MissingParent(c) => format!("编号为“{}”的上级合作事项不存在", q(c)),
        ProblemKind::MissingMeeting(m) => format!("编号为“{}”的会议不存在", q(m)),
        ProblemKind::MissingParty(o) => format!("编号为“{}”的相关机构不存在", q(o)),
        ProblemKind::MissingOwnerPerson(p) => format!("编号为“{}”的负责人不存在", q(p)),
        ProblemKind::MissingOwnerOrganisation(o) => format!("编号为“{}”的负责机构不存在", q(o)),
        ProblemKind::MissingPrecondition(c) => format!("编号为“{}”的前提事项不存在", q(c)),
        ProblemKind::ParentLoop => "其上级事项形成了循环".to_owned(),
        ProblemKind::DayPastMidnight { end } => format!(
            "日程超过午夜：议程项于 {} {} 结束",
            end.date(),
            end.format("%H:%M")
        ),
        ProblemKind::DayTooLong { minutes } => format!(
            "全天共 {} 小时 {:02} 分钟，超过 16 小时",
            minutes / 60,
            minutes % 60
        ),
        ProblemKind::ItemTooLong { minutes } => {
            format!(
                "时长为 {minutes} 分钟，超过了一天（{} 分钟）",
                crate::model::MAX_ITEM_MINUTES
            )
        }
        ProblemKind::DateOutOfRange(date) => format!(
            "日期 {date} 不在 {} 年至 {} 年之间",
            crate::model::YEARS.start(),
            crate::model::YEARS.end()
        ),
        ProblemKind::ControlCharacter { .. }
        | ProblemKind::BidiControl { .. }
        | ProblemKind::FieldTooLong { .. } => super::errors_hostile::text_problem_zh(kind),
    }
}

/// What is wrong, in English; `project` names the people that do exist.
fn kind_en(kind: &ProblemKind, project: &Project) -> String {
    let person = |id: &crate::model::PersonId| {
        project
            .people
            .get(id)
            .map(crate::model::Person::display_name)
            .filter(|name| !name.trim().is_empty())
    };
    match kind {
        ProblemKind::DuplicateAttendee(p) => match person(p) {
            Some(name) => format!("{} is listed twice as an attendee", q(&name)),
            None => kind.to_string(),
        },
        ProblemKind::AttendeeOnMissingSide { person: p, side } => match person(p) {
            Some(name) => format!(
                "attendee {} is on side `{}`, which does not exist",
                q(&name),
                q(side)
            ),
            None => kind.to_string(),
        },
        other => other.to_string(),
    }
}

/// A validation problem for the UI, in `language`: the entities that exist by their names
/// (`Meeting “CCAA–AFNOR bilateral meeting”`, `Person HUANG Jixian 黄继先`), the ones
/// missing by the id that points nowhere (`host organisation `nobody` does not exist`).
pub fn describe_problem(project: &Project, problem: &Problem, language: Language) -> String {
    let zh = language.prefers_chinese();
    let location = Names { project, zh }.location(&problem.location);
    match language {
        Language::English => format!("{location}: {}", kind_en(&problem.kind, project)),
        Language::Chinese => format!("{location}：{}", kind_zh(&problem.kind, Some(project))),
    }
}

/// Looks up the names of the entities a problem is found in.
struct Names<'p> {
    project: &'p Project,
    zh: bool,
}

impl Names<'_> {
    /// `text` when it has any, else the id.
    fn or_id(text: &str, id: &impl std::borrow::Borrow<str>) -> String {
        let text = text.trim();
        if text.is_empty() {
            q(id).into_owned()
        } else {
            q(&text).into_owned()
        }
    }

    fn meeting(&self, id: &crate::model::MeetingId) -> String {
        let title = self
            .project
            .meetings
            .get(id)
            .map(|m| m.title.get(self.zh).to_owned())
            .unwrap_or_default();
        Self::or_id(&title, id)
    }

    fn commitment(&self, id: &crate::model::CommitmentId) -> String {
        let title = self
            .project
            .commitments
            .get(id)
            .map(|c| c.title.get(self.zh).to_owned())
            .unwrap_or_default();
        Self::or_id(&title, id)
    }

    fn location(&self, location: &ProblemLocation) -> String {
        let zh = self.zh;
        match location {
            ProblemLocation::Person(id) => {
                let name = self
                    .project
                    .people
                    .get(id)
                    .map(crate::model::Person::display_name)
                    .unwrap_or_default();
                let name = Self::or_id(&name, id);
                if zh {
                    format!("人员 {name}")
                } else {
                    format!("Person {name}")
                }
            }
            ProblemLocation::Meeting(id) => {
                let title = self.meeting(id);
                if zh {
                    format!("会议“{title}”")
                } else {
                    format!("Meeting “{title}”")
                }
            }
            ProblemLocation::Side { meeting, side } => {
                let name = self
                    .project
                    .meetings
                    .get(meeting)
                    .and_then(|m| m.side(side))
                    .map(|s| s.name.get(zh).to_owned())
                    .unwrap_or_default();
                let (title, name) = (self.meeting(meeting), Self::or_id(&name, side));
                if zh {
                    format!("会议“{title}”的参会方“{name}”")
                } else {
                    format!("Meeting “{title}”, side “{name}”")
                }
            }
            ProblemLocation::Day {
                meeting,
                number,
                date,
            } => {
                let title = self.meeting(meeting);
                if zh {
                    format!("会议“{title}”第 {number} 天（{date}）")
                } else {
                    format!("Meeting “{title}”, day {number} ({date})")
                }
            }
            ProblemLocation::AgendaItem { meeting, item } => {
                let name = self
                    .project
                    .meetings
                    .get(meeting)
                    .and_then(|m| m.item(item))
                    .map(|i| i.title.get(zh).to_owned())
                    .unwrap_or_default();
                let (title, name) = (self.meeting(meeting), Self::or_id(&name, item));
                if zh {
                    format!("会议“{title}”的议程项“{name}”")
                } else {
                    format!("Meeting “{title}”, agenda item “{name}”")
                }
            }
            ProblemLocation::Commitment(id) => {
                let title = self.commitment(id);
                if zh {
                    format!("合作事项“{title}”")
                } else {
                    format!("Commitment “{title}”")
                }
            }
            ProblemLocation::Progress { commitment, date } => {
                let title = self.commitment(commitment);
                if zh {
                    format!("合作事项“{title}”{date} 的进展记录")
                } else {
                    format!("Commitment “{title}”, progress of {date}")
                }
            }
            ProblemLocation::Organisation(id) => {
                let name = self
                    .project
                    .organisations
                    .get(id)
                    .map(|o| o.name.get(zh).to_owned())
                    .unwrap_or_default();
                let name = Self::or_id(&name, id);
                if zh {
                    super::errors_hostile::location_zh(location, Some(&name))
                } else {
                    format!("Organisation “{name}”")
                }
            }
            ProblemLocation::Project if zh => super::errors_hostile::location_zh(location, None),
            ProblemLocation::Project => "The project".to_owned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};
    use std::sync::Arc;

    use super::*;
    use crate::import::attendees::CsvError;
    use crate::import::list::ListError;
    use crate::import::source::NotAList;
    use crate::import::workbook::WorkbookError;
    use crate::model::MeetingId;
    use crate::project_file::{Fingerprint, SaveStep};

    /// Both texts exist and differ (a Chinese text that equals the English one was not
    /// translated).
    fn check(what: &str, value: &impl Localized) -> (String, String) {
        let en = value.localized(Language::English);
        let zh = value.localized(Language::Chinese);
        assert!(!en.trim().is_empty(), "{what}: no English");
        assert!(!zh.trim().is_empty(), "{what}: no Chinese");
        assert_ne!(en, zh, "{what}: the Chinese is the English");
        assert!(
            zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "{what}: no Chinese in {zh:?}"
        );
        (en, zh)
    }

    fn io(message: &str) -> std::io::Error {
        std::io::Error::other(message.to_owned())
    }

    /// Every reason once. The match has no catch-all, so a new variant does not compile
    /// until it is listed here, and so gets its tests.
    fn syntax_reasons() -> Vec<SyntaxReason> {
        let all = vec![
            SyntaxReason::NotAProject {
                starts_with: Some("Project".into()),
            },
            SyntaxReason::NotAProject { starts_with: None },
            SyntaxReason::UnknownVersion { found: "V0".into() },
            SyntaxReason::UnknownField {
                found: "nickname".into(),
                place: Some("Person".into()),
                expected: vec!["family_name".into(), "given_name".into()],
            },
            SyntaxReason::UnknownField {
                found: "nickname".into(),
                place: None,
                expected: Vec::new(),
            },
            SyntaxReason::MissingField {
                field: "date".into(),
                place: Some("Meeting".into()),
            },
            SyntaxReason::CutOff { detail: None },
            SyntaxReason::CutOff {
                detail: Some("expected end of string".into()),
            },
            SyntaxReason::NumberTooLarge,
            SyntaxReason::ExpectedInteger,
            SyntaxReason::ExpectedString,
            SyntaxReason::ExpectedIdentifier,
            SyntaxReason::TrailingCharacters,
            SyntaxReason::BadDateTime,
            SyntaxReason::UnknownTimeZone {
                name: "'Europe/Atlantis'".into(),
            },
            SyntaxReason::TooDeep,
            SyntaxReason::RonExtensions,
            SyntaxReason::Other("duplicate field named `family_name`".into()),
        ];
        for reason in &all {
            match reason {
                SyntaxReason::NotAProject { .. }
                | SyntaxReason::UnknownVersion { .. }
                | SyntaxReason::UnknownField { .. }
                | SyntaxReason::MissingField { .. }
                | SyntaxReason::CutOff { .. }
                | SyntaxReason::NumberTooLarge
                | SyntaxReason::ExpectedInteger
                | SyntaxReason::ExpectedString
                | SyntaxReason::ExpectedIdentifier
                | SyntaxReason::TrailingCharacters
                | SyntaxReason::BadDateTime
                | SyntaxReason::UnknownTimeZone { .. }
                | SyntaxReason::TooDeep
                | SyntaxReason::RonExtensions
                | SyntaxReason::Other(_) => {}
            }
        }
        all
    }

    fn load_errors() -> Vec<LoadError> {
        let path = || PathBuf::from("paris.ron");
        let mut all = vec![
            LoadError::Io {
                path: path(),
                source: io("No such file or directory"),
            },
            LoadError::TooLarge {
                path: path(),
                size: 300_000_000,
                max: 268_435_456,
            },
            LoadError::Empty { path: path() },
            LoadError::Utf16 { path: path() },
            LoadError::Utf32 { path: path() },
            LoadError::NotAFile {
                path: path(),
                kind: NodeKind::Fifo,
            },
            LoadError::NotUtf8 {
                path: path(),
                line: 4,
                column: 23,
            },
            LoadError::NewerVersion {
                path: path(),
                line: 1,
                column: 1,
                found: "V2".into(),
                supported: "V1".into(),
            },
        ];
        all.extend(
            syntax_reasons()
                .into_iter()
                .map(|reason| LoadError::Syntax {
                    path: path(),
                    line: 331,
                    column: 16,
                    reason,
                }),
        );
        for err in &all {
            match err {
                LoadError::Io { .. }
                | LoadError::TooLarge { .. }
                | LoadError::Empty { .. }
                | LoadError::Utf16 { .. }
                | LoadError::Utf32 { .. }
                | LoadError::NotAFile { .. }
                | LoadError::NotUtf8 { .. }
                | LoadError::Syntax { .. }
                | LoadError::NewerVersion { .. } => {}
            }
        }
        all
    }

    #[test]
    fn load_errors_in_both_languages() {
        for err in load_errors() {
            let (en, zh) = check(&format!("{err:?}"), &err);
            assert_eq!(en, err.message(), "the English is the command line's");
            match err.position() {
                Some((line, column)) => assert!(
                    zh.starts_with(&format!("第 {line} 行第 {column} 列：")),
                    "{zh}"
                ),
                None => assert!(!zh.starts_with('第'), "{zh}"),
            }
            for language in [Language::English, Language::Chinese] {
                assert!(
                    load_error_text(&err, language).ends_with("paris.ron")
                        || load_error_text(&err, language).contains("paris.ron:")
                );
            }
        }
    }

    #[test]
    fn a_real_load_error_names_its_line_and_column_in_chinese() {
        let err = crate::project_file::parse_project(
            "V1((\n  people: {\n    \"a\": (family_name: 7),\n  },\n))\n".as_bytes(),
            Path::new("paris.ron"),
        )
        .unwrap_err();
        assert!(matches!(err, LoadError::Syntax { .. }), "{err:?}");
        assert_eq!(err.position(), Some((3, 23)));
        let zh = err.localized(Language::Chinese);
        assert_eq!(zh, "第 3 行第 23 列：这里应当是用双引号括起来的文本");
        assert_eq!(
            load_error_text(&err, Language::English),
            "Expected a text in double quotes here.\n\nparis.ron:3:23"
        );
        assert_eq!(
            load_error_text(&err, Language::Chinese),
            "第 3 行第 23 列：这里应当是用双引号括起来的文本。\n\nparis.ron"
        );
    }

    #[test]
    fn save_errors_read_as_the_save_dialog_did() {
        let steps = [
            SaveStep::Lock,
            SaveStep::CreateTemp,
            SaveStep::Write,
            SaveStep::Flush,
            SaveStep::Permissions,
            SaveStep::Sync,
            SaveStep::Backup,
            SaveStep::Rename,
            SaveStep::InstallBackup,
            SaveStep::SyncDirectory,
        ];
        let path = PathBuf::from("/shared/paris.ron");
        for step in steps {
            let failed = SaveError::Io {
                path: path.clone(),
                step,
                source: io("disk full"),
            };
            let (en, zh) = check("save failed", &failed);
            let t = super::super::EN;
            assert_eq!(
                en,
                format!(
                    "{}\n\n/shared/paris.ron",
                    t.save_failed_at
                        .replace("{step}", save_step(&t, step))
                        .replace("{error}", "disk full")
                )
            );
            assert!(zh.contains(save_step(&super::super::ZH, step)), "{zh}");
            assert!(zh.ends_with("\n\n/shared/paris.ron"), "{zh}");
            assert_eq!(
                save_error_title(&failed, Language::Chinese),
                super::super::ZH.dlg_save_failed
            );
            let incomplete = SaveError::Incomplete {
                path: path.clone(),
                step,
                source: io("disk full"),
                saved: Fingerprint {
                    size: 1,
                    modified: None,
                    sha256: String::new(),
                },
            };
            check("save incomplete", &incomplete);
            assert_eq!(
                save_error_title(&incomplete, Language::English),
                super::super::EN.dlg_save_incomplete
            );
        }
        let serialize = SaveError::Serialize(
            crate::project_file::WriteError::Message("a map key must be a string".into()).into(),
        );
        let (en, _) = check("serialize", &serialize);
        assert_eq!(en, serialize.to_string());
    }

    #[test]
    fn refused_saves_and_exports_in_both_languages() {
        let path = || PathBuf::from("/shared/paris.ron");
        let refused = [
            SaveError::Protected {
                path: path(),
                protection: Protection::ReadOnly,
            },
            SaveError::Protected {
                path: path(),
                protection: Protection::Immutable,
            },
            SaveError::Protected {
                path: path(),
                protection: Protection::NotAFile(NodeKind::Device),
            },
            SaveError::Locked { path: path() },
            SaveError::TooLarge {
                path: path(),
                size: 300 << 20,
                max: 256 << 20,
            },
            SaveError::ChangedOnDisk {
                path: path(),
                change: crate::project_file::DiskChange::Missing,
            },
        ];
        for err in &refused {
            let (en, zh) = check("refused save", err);
            assert!(en.ends_with("\n\n/shared/paris.ron"), "{en}");
            assert!(zh.ends_with("\n\n/shared/paris.ron"), "{zh}");
            assert!(!en.contains('{') && !zh.contains('{'), "{en} {zh}");
            // The command line's English never sends the user to a menu of the app.
            assert!(!err.to_string().contains("Save as"), "{err}");
        }
        for refusal in [
            OutputRefusal::TheProject,
            OutputRefusal::TheBackup,
            OutputRefusal::AProject,
            OutputRefusal::TheLock,
            OutputRefusal::ATempFile,
            OutputRefusal::NotAFile(NodeKind::Folder),
            OutputRefusal::NotAFile(NodeKind::Fifo),
            OutputRefusal::NotAFile(NodeKind::Socket),
            OutputRefusal::NotAFile(NodeKind::Other),
        ] {
            check("refused export", &refusal);
        }
    }

    fn pdf_errors() -> Vec<PdfError> {
        let all = vec![
            PdfError::Font("Noto Sans SC"),
            PdfError::Write(krilla::error::KrillaError::DuplicateNamedDestination(
                Arc::new("x".into()),
            )),
            PdfError::PageSize {
                width: 0.0,
                height: 1.0,
            },
            PdfError::Cancelled,
        ];
        for err in &all {
            match err {
                PdfError::Font(_)
                | PdfError::Write(_)
                | PdfError::PageSize { .. }
                | PdfError::Cancelled => {}
            }
        }
        all
    }

    #[test]
    fn export_errors_in_both_languages() {
        let xlsx = || rust_xlsxwriter::XlsxError::ParameterError("bad".into());
        for err in pdf_errors() {
            let (en, _) = check("pdf", &err);
            assert_eq!(en, err.to_string());
            let attendees = AttendeeExportError::Pdf(err);
            let (en, _) = check("attendee pdf", &attendees);
            assert_eq!(en, attendees.to_string());
        }
        let attendees = AttendeeExportError::Xlsx(xlsx());
        assert_eq!(check("attendee xlsx", &attendees).0, attendees.to_string());
        let all = [
            ExportError::MeetingGone(MeetingId::from("paris-2024")),
            ExportError::Pdf(PdfError::Font("DejaVu Sans")),
            ExportError::Xlsx(xlsx()),
            ExportError::Docx(docx_rs::DocxError::Unknown.into()),
            ExportError::Cancelled,
            ExportError::OutOfRange(MeetingId::from("paris-2024")),
        ];
        for err in &all {
            match err {
                ExportError::MeetingGone(_)
                | ExportError::Pdf(_)
                | ExportError::Xlsx(_)
                | ExportError::Docx(_)
                | ExportError::Cancelled
                | ExportError::OutOfRange(_) => {}
            }
            let (en, _) = check("export", err);
            assert_eq!(en, err.to_string());
        }
    }

    #[test]
    fn list_errors_in_both_languages() {
        use crate::import::source::DecodeError;
        let all = [
            ListError::Io(io("permission denied")),
            ListError::Csv(CsvError::Encoding(DecodeError {
                encoding: "UTF-8",
                line: 3,
                column: 7,
            })),
            ListError::NotAList(NotAList::Image("PNG")),
            ListError::NotAList(NotAList::Project),
            ListError::Workbook(WorkbookError::NoSuchSheet {
                wanted: "Guests".into(),
                sheets: vec!["Sheet1".into()],
            }),
            ListError::Workbook(WorkbookError::Unreadable("bad zip".into())),
            ListError::Workbook(WorkbookError::Empty),
            ListError::UnknownEncoding("klingon".into()),
            ListError::Csv(CsvError::Empty),
            ListError::Csv(CsvError::Malformed {
                line: 2,
                source: csv::Error::from(io("broken pipe")),
            }),
            ListError::NoNameColumn {
                headers: vec!["Phone".into(), "Email".into()],
            },
            ListError::NoPerson,
            ListError::Input(crate::import::gate::InputError::NotFound),
            ListError::Input(crate::import::gate::InputError::NotAFile(NodeKind::Fifo)),
            ListError::Input(crate::import::gate::InputError::Encrypted),
            ListError::Input(crate::import::gate::InputError::Damaged("cut short".into())),
            ListError::Input(crate::import::gate::InputError::Limit(
                crate::import::limits::LimitExceeded::new(
                    crate::import::limits::Limit::Cells,
                    Some(90_000_000),
                )
                .at("sheet “Liste”"),
            )),
            ListError::Input(crate::import::gate::InputError::Limit(
                crate::import::limits::LimitExceeded::new(crate::import::limits::Limit::Time, None),
            )),
            ListError::Input(crate::import::gate::InputError::Panic(
                crate::import::boundary::ReaderPanic {
                    reader: "calamine",
                    message: "range end index 4100 out of range".into(),
                },
            )),
            ListError::Workbook(WorkbookError::Binary),
        ];
        for err in &all {
            match err {
                ListError::Input(_) => {}
                ListError::Io(_)
                | ListError::Csv(CsvError::Encoding(_) | CsvError::Empty)
                | ListError::Csv(CsvError::Malformed { .. })
                | ListError::NoNameColumn { .. }
                | ListError::NotAList(_)
                | ListError::Workbook(_)
                | ListError::UnknownEncoding(_)
                | ListError::NoPerson => {}
            }
            let (en, _) = check("list", err);
            assert_eq!(en, err.to_string());
        }
    }

    fn kinds() -> Vec<ProblemKind> {
        let all = vec![
            ProblemKind::MissingOrganisation("nowhere".into()),
            ProblemKind::MissingHost("nowhere".into()),
            ProblemKind::DuplicateSide("cn".into()),
            ProblemKind::MissingAttendee("ghost".into()),
            ProblemKind::DuplicateAttendee("huang-jixian".into()),
            ProblemKind::DuplicateAttendee("ghost".into()),
            ProblemKind::AttendeeOnMissingSide {
                person: "huang-jixian".into(),
                side: "mars".into(),
            },
            ProblemKind::DuplicateItem("item-1".into()),
            ProblemKind::MissingSpeaker("ghost".into()),
            ProblemKind::OwnParent,
            ProblemKind::MissingParent("gone".into()),
            ProblemKind::MissingMeeting("gone".into()),
            ProblemKind::MissingParty("nowhere".into()),
            ProblemKind::MissingOwnerPerson("ghost".into()),
            ProblemKind::MissingOwnerOrganisation("nowhere".into()),
            ProblemKind::MissingPrecondition("gone".into()),
            ProblemKind::ParentLoop,
            ProblemKind::DayPastMidnight {
                end: chrono::NaiveDate::from_ymd_opt(2024, 9, 24)
                    .unwrap()
                    .and_hms_opt(1, 30, 0)
                    .unwrap(),
            },
            ProblemKind::DayTooLong { minutes: 17 * 60 },
            ProblemKind::ItemTooLong { minutes: 1500 },
            ProblemKind::ItemTooLong { minutes: u32::MAX },
            ProblemKind::DateOutOfRange(chrono::NaiveDate::MIN),
        ];
        let mut all = all;
        for field in crate::model::TextField::ALL {
            all.extend([
                ProblemKind::ControlCharacter {
                    field,
                    character: '\u{1b}',
                },
                ProblemKind::BidiControl {
                    field,
                    character: '\u{202e}',
                },
                ProblemKind::FieldTooLong {
                    field,
                    chars: 52_428_800,
                },
            ]);
        }
        for kind in &all {
            match kind {
                ProblemKind::MissingOrganisation(_)
                | ProblemKind::MissingHost(_)
                | ProblemKind::DuplicateSide(_)
                | ProblemKind::MissingAttendee(_)
                | ProblemKind::DuplicateAttendee(_)
                | ProblemKind::AttendeeOnMissingSide { .. }
                | ProblemKind::DuplicateItem(_)
                | ProblemKind::MissingSpeaker(_)
                | ProblemKind::OwnParent
                | ProblemKind::MissingParent(_)
                | ProblemKind::MissingMeeting(_)
                | ProblemKind::MissingParty(_)
                | ProblemKind::MissingOwnerPerson(_)
                | ProblemKind::MissingOwnerOrganisation(_)
                | ProblemKind::MissingPrecondition(_)
                | ProblemKind::ParentLoop
                | ProblemKind::DayPastMidnight { .. }
                | ProblemKind::DayTooLong { .. }
                | ProblemKind::ItemTooLong { .. }
                | ProblemKind::DateOutOfRange(_)
                | ProblemKind::ControlCharacter { .. }
                | ProblemKind::BidiControl { .. }
                | ProblemKind::FieldTooLong { .. } => {}
            }
        }
        all
    }

    fn locations() -> Vec<ProblemLocation> {
        let paris = || MeetingId::from("paris-2024");
        let all = vec![
            ProblemLocation::Person("huang-jixian".into()),
            ProblemLocation::Meeting(paris()),
            ProblemLocation::Side {
                meeting: paris(),
                side: "ghost-side".into(),
            },
            ProblemLocation::Day {
                meeting: paris(),
                number: 2,
                date: chrono::NaiveDate::from_ymd_opt(2024, 9, 24).unwrap(),
            },
            ProblemLocation::AgendaItem {
                meeting: paris(),
                item: "ghost-item".into(),
            },
            ProblemLocation::Commitment("mutual-recognition".into()),
            ProblemLocation::Progress {
                commitment: "mutual-recognition".into(),
                date: chrono::NaiveDate::from_ymd_opt(2024, 9, 23).unwrap(),
            },
            ProblemLocation::Organisation("ccaa".into()),
            ProblemLocation::Organisation("ghost-org".into()),
            ProblemLocation::Project,
        ];
        for location in &all {
            match location {
                ProblemLocation::Person(_)
                | ProblemLocation::Meeting(_)
                | ProblemLocation::Side { .. }
                | ProblemLocation::Day { .. }
                | ProblemLocation::AgendaItem { .. }
                | ProblemLocation::Commitment(_)
                | ProblemLocation::Progress { .. }
                | ProblemLocation::Organisation(_)
                | ProblemLocation::Project => {}
            }
        }
        all
    }

    #[test]
    fn every_problem_in_both_languages_by_id_and_by_name() {
        let project = crate::samples::ccaa_afnor().unwrap();
        for location in locations() {
            for kind in kinds() {
                let problem = Problem {
                    location: location.clone(),
                    kind,
                };
                let (en, _) = check(&problem.to_string(), &problem);
                assert_eq!(en, problem.to_string());
                let en = describe_problem(&project, &problem, Language::English);
                let zh = describe_problem(&project, &problem, Language::Chinese);
                assert!(!en.is_empty() && !zh.is_empty());
                assert_ne!(en, zh);
                assert!(!zh.contains(": "), "a Chinese colon: {zh}");
            }
        }
    }

    #[test]
    fn the_ui_names_what_exists_and_gives_the_id_of_what_does_not() {
        let mut project = crate::samples::ccaa_afnor().unwrap();
        let paris = MeetingId::from("paris-2024");
        project.meetings.get_mut(&paris).unwrap().host = Some("nobody".into());
        let problems = crate::model::validate(&project);
        let [problem] = problems.as_slice() else {
            panic!("{problems:?}");
        };
        let title = project.meetings[&paris].title.clone();
        assert_eq!(
            describe_problem(&project, problem, Language::English),
            format!(
                "Meeting “{}”: host organisation `nobody` does not exist",
                title.en
            )
        );
        assert_eq!(
            describe_problem(&project, problem, Language::Chinese),
            format!("会议“{}”：编号为“nobody”的主办机构不存在", title.zh)
        );
        let twice = Problem {
            location: ProblemLocation::Meeting(paris),
            kind: ProblemKind::DuplicateAttendee("huang-jixian".into()),
        };
        assert!(
            describe_problem(&project, &twice, Language::English)
                .ends_with(": HUANG Jixian 黄继先 is listed twice as an attendee")
        );
        assert_eq!(
            twice.localized(Language::Chinese),
            "会议“paris-2024”：编号为“huang-jixian”的人员在参会名单中出现了两次"
        );
    }
}
