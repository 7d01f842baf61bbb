//! The words for what hostile or mistaken input meets (issue 21, the part outside the
//! import readers), in Simplified Chinese beside the English of each type's `Display`: an
//! export aimed at a project's lock or temporary file; a name, title or id with control
//! characters, a direction override, or too long.

use crate::model::{MAX_FIELD_CHARS, ProblemKind, ProblemLocation, TextField, code_point};
use crate::project_file::OutputRefusal;

/// An export refused because its name is a project's lock file or a temporary file of a
/// save, in Chinese (without the closing advice, which the caller adds).
pub(super) fn side_file_zh(refusal: &OutputRefusal) -> &'static str {
    match refusal {
        OutputRefusal::TheLock => {
            "这是项目的锁文件（.NAME.lock），导出会在其他程序持有锁时替换掉它"
        }
        _ => "这个文件名是项目保存时使用的临时文件名，下次保存项目时它会被删除",
    }
}

/// A name, title or id field, in Chinese.
fn field_zh(field: TextField) -> &'static str {
    match field {
        TextField::Id => "编号",
        TextField::FamilyName => "姓",
        TextField::GivenName => "名",
        TextField::ChineseName => "中文姓名",
        TextField::JobTitleEn => "英文职务",
        TextField::JobTitleZh => "中文职务",
        TextField::Acronym => "简称",
        TextField::NameEn => "英文名称",
        TextField::NameZh => "中文名称",
        TextField::TitleEn => "英文标题",
        TextField::TitleZh => "中文标题",
        TextField::GuestSpeaker => "特邀发言人",
        TextField::SeriesEn => "系列会议英文名称",
        TextField::SeriesZh => "系列会议中文名称",
    }
}

/// A problem with the text of a name, title or id, in Chinese.
pub(super) fn text_problem_zh(kind: &ProblemKind) -> String {
    match kind {
        ProblemKind::ControlCharacter { field, character } => format!(
            "{}中含有控制字符（{}），它显示为空白或会扰乱终端；请删除该字符后重新输入",
            field_zh(*field),
            code_point(*character)
        ),
        ProblemKind::BidiControl { field, character } => format!(
            "{}中含有文字方向控制符（{}），会使文字反向或错乱显示；请删除该字符后重新输入",
            field_zh(*field),
            code_point(*character)
        ),
        ProblemKind::FieldTooLong { field, chars } => format!(
            "{}长达 {} 个字符，超过了名称、标题或编号允许的 {} 个字符；请缩短",
            field_zh(*field),
            super::thousands(*chars),
            super::thousands(MAX_FIELD_CHARS)
        ),
        other => other.to_string(),
    }
}

/// Where a problem is, in Chinese, for the locations this file added: an organisation (by
/// `name` when the UI knows it, else by id) and the project.
pub(super) fn location_zh(location: &ProblemLocation, name: Option<&str>) -> String {
    match (location, name) {
        (ProblemLocation::Organisation(_), Some(name)) => format!("机构“{name}”"),
        (ProblemLocation::Organisation(id), None) => {
            format!("机构“{}”", crate::model::clip_for_message(id.as_str()))
        }
        _ => "项目".to_owned(),
    }
}

/// The body of the dialog saying that an export cut texts too long to print, in
/// `language`: what happened, each text, what to do, the file last.
pub fn cut_texts_text(
    cut: &[crate::export::pdf::CutText],
    path: &std::path::Path,
    language: super::Language,
) -> String {
    use crate::export::pdf::{CutReason, MAX_PRINTED_CHARS};
    let t = language.strings();
    let mut text = t.inputs.export_cut_body.to_owned();
    for c in cut {
        let template = match c.reason {
            CutReason::TooLong => t.inputs.cut_too_long,
            CutReason::NoRoom => t.inputs.cut_no_room,
        };
        text.push_str("\n• ");
        text.push_str(
            &template
                .replace("{text}", &crate::model::clip_for_message(&c.beginning))
                .replace("{chars}", &super::thousands(c.chars))
                .replace("{max}", &super::thousands(MAX_PRINTED_CHARS - 1)),
        );
    }
    format!("{text}\n\n{}", path.display())
}
