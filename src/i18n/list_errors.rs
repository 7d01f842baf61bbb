//! The words for a list that could not be read for import (not a list, not in the
//! encoding chosen, no such sheet…), in English and Simplified Chinese. The English is each
//! error's `Display`, which the command line prints.

use super::Language;
use super::errors::{Localized, say};
use crate::import::attendees::CsvError;
use crate::import::list::ListError;
use crate::import::source::NotAList;
use crate::import::workbook::WorkbookError;

impl Localized for CsvError {
    fn localized(&self, language: Language) -> String {
        say(
            language,
            || self.to_string(),
            || match self {
                Self::Encoding(err) => format!(
                    "第 {} 行第 {} 列：文字不是有效的 {} 编码；请选择文件保存时所用的编码",
                    err.line, err.column, err.encoding
                ),
                Self::Empty => "文件中没有任何数据行".to_owned(),
                Self::Malformed { line, source } => format!("第 {line} 行无法读取（{source}）"),
            },
        )
    }
}

impl Localized for ListError {
    fn localized(&self, language: Language) -> String {
        match self {
            Self::Csv(err) => err.localized(language),
            Self::Io(err) => say(
                language,
                || self.to_string(),
                || format!("无法读取名单（{err}）"),
            ),
            Self::NoNameColumn { headers } => say(
                language,
                || self.to_string(),
                || {
                    format!(
                        "没有哪一列是姓名：表头中须有“姓”“名”“姓名”（或 Family name、Given name、Chinese name）这样的列名（现有的列：{}）",
                        headers.join("、")
                    )
                },
            ),
            Self::NoPerson => say(
                language,
                || self.to_string(),
                || "名单中没有找到任何人员，未作任何更改".to_owned(),
            ),
            Self::NotAList(what) => say(language, || self.to_string(), || not_a_list_zh(*what)),
            Self::Workbook(err) => workbook_text(err, language),
            Self::Input(err) => err.localized(language),
            Self::UnknownEncoding(name) => say(
                language,
                || self.to_string(),
                || {
                    format!(
                        "没有名为“{name}”的编码；可尝试 UTF-8、GB18030、Big5、Windows-1252、UTF-16LE 或 UTF-16BE"
                    )
                },
            ),
        }
    }
}

/// Why a workbook could not be read, in `language`.
pub(super) fn workbook_text(err: &WorkbookError, language: Language) -> String {
    if let WorkbookError::Input(input) = err {
        return input.localized(language);
    }
    say(
        language,
        || err.to_string(),
        || match err {
            WorkbookError::Unreadable(reason) => format!(
                "无法读取该工作簿（{reason}）；请在电子表格软件中打开并重新保存，或另存为 CSV"
            ),
            WorkbookError::NoSuchSheet { wanted, sheets } => format!(
                "工作簿中没有名为“{wanted}”的工作表；现有的工作表：{}",
                sheets.join("、")
            ),
            WorkbookError::Empty => "工作簿的每个工作表都是空的".to_owned(),
            WorkbookError::Binary => {
                "这是 Excel 二进制工作簿（.xlsb），无法导入；请另存为 Excel 工作簿（.xlsx）后导入"
                    .to_owned()
            }
            WorkbookError::Input(input) => input.localized(language),
        },
    )
}

/// What a file that is not a list is, in Chinese; nothing was imported.
fn not_a_list_zh(what: NotAList) -> String {
    let text = match what {
        NotAList::Empty => "文件是空的".to_owned(),
        NotAList::Image(kind) => format!("这是一张 {kind} 图片，不是名单"),
        NotAList::Pdf => "这是 PDF 文档；请复制其中的表格后粘贴，或向对方索取电子表格".to_owned(),
        NotAList::WordDocument => "这是旧版 Word（.doc）或 OpenDocument 文本（.odt）文件；请另存为 Word 文档（.docx）后导入，或复制其中的表格粘贴到导入窗口".to_owned(),
        NotAList::Presentation => "这是演示文稿，不是名单".to_owned(),
        NotAList::Archive(kind) => format!("这是 {kind} 压缩包；请先解压"),
        NotAList::Project => {
            "这是代表团会务助手的项目文件：请用“打开”来打开它（文件 > 打开…）".to_owned()
        }
        NotAList::Program => "这是一个程序，不是名单".to_owned(),
        NotAList::Binary => "这是二进制数据，不是名单（电子表格、CSV 或文本文件）".to_owned(),
    };
    format!("{text}；未导入任何内容")
}
