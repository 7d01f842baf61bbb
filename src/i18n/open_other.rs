//! Words for a file given to File › Open that is no project (issue 27): what it is, in
//! each language.

use std::path::Path;

use super::Language;
use crate::import::source::{Content, NotAList, WordKind, WorkbookKind};

/// What the file is, as a noun phrase: "an Excel workbook", "Excel 工作簿".
pub fn content_name(content: Content, language: Language) -> String {
    let zh = language == Language::Chinese;
    let (en, cn) = match content {
        Content::Workbook(WorkbookKind::Xlsx) => ("an Excel workbook", "Excel 工作簿"),
        Content::Workbook(WorkbookKind::Xlsb) => ("an Excel binary workbook", "Excel 二进制工作簿"),
        Content::Workbook(WorkbookKind::Xls) => {
            ("an Excel 97–2003 workbook", "Excel 97–2003 工作簿")
        }
        Content::Workbook(WorkbookKind::Ods) => {
            ("an OpenDocument spreadsheet", "OpenDocument 电子表格")
        }
        Content::WordDocument(WordKind::Docx) => ("a Word document", "Word 文档"),
        Content::WordDocument(WordKind::Doc) => {
            ("an old Word (.doc) document", "旧版 Word（.doc）文档")
        }
        Content::WordDocument(WordKind::Odt) => ("an OpenDocument text", "OpenDocument 文本"),
        Content::Text => ("a text or CSV file", "文本或 CSV 文件"),
        Content::Refused(what) => return refused_name(what, language),
    };
    (if zh { cn } else { en }).to_owned()
}

/// What a file nothing in the app reads is: "a PNG image", "PNG 图片".
fn refused_name(what: NotAList, language: Language) -> String {
    let zh = language == Language::Chinese;
    match what {
        NotAList::Empty => (if zh { "空文件" } else { "an empty file" }).to_owned(),
        NotAList::Image(kind) if zh => format!("{kind} 图片"),
        NotAList::Image(kind) => format!("a {kind} image"),
        NotAList::Pdf => (if zh { "PDF 文档" } else { "a PDF document" }).to_owned(),
        NotAList::WordDocument => (if zh {
            "文字处理文档"
        } else {
            "a word-processor document"
        })
        .to_owned(),
        NotAList::Presentation => (if zh { "演示文稿" } else { "a presentation" }).to_owned(),
        NotAList::Archive(kind) if zh => format!("{kind} 压缩包"),
        NotAList::Archive(kind) => format!("a {kind} archive"),
        NotAList::Project => (if zh { "项目文件" } else { "a project file" }).to_owned(),
        NotAList::Program => (if zh { "程序" } else { "a program" }).to_owned(),
        NotAList::Binary => (if zh { "二进制数据" } else { "binary data" }).to_owned(),
    }
}

/// The file's name, for the sentences below.
fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// Why a file that the app does not read at all could not be opened, and what to do.
pub fn not_a_project_text(path: &Path, what: NotAList, language: Language) -> String {
    let file = name(path);
    let kind = refused_name(what, language);
    if language == Language::Chinese {
        format!(
            "“{file}”是{kind}，不是代表团会务助手的项目文件，也不是可导入的名单或日程；未打开任何文件。请选择 .ron 项目文件；名单或日程请用 Excel、CSV、Word 或文本文件。"
        )
    } else {
        format!(
            "“{file}” is {kind}, not a Delegation Planner project, nor a list or programme that can be imported; nothing was opened. Choose a .ron project file, or for a list or programme an Excel, CSV, Word or text file."
        )
    }
}

/// What the offer says of the file: "“guests.xlsx” is an Excel workbook, not a
/// Delegation Planner project."
pub fn offer_text(path: &Path, content: Content, language: Language) -> String {
    let file = name(path);
    let kind = content_name(content, language);
    if language == Language::Chinese {
        format!("“{file}”是{kind}，不是代表团会务助手的项目文件。")
    } else {
        format!("“{file}” is {kind}, not a Delegation Planner project.")
    }
}
