//! The words for letters that could not be made (a template that cannot be used, values
//! missing, a PDF asked of a Word template), in English and Simplified Chinese. The English
//! is each error's `Display`, which the command line prints.

use super::Language;
use super::errors::{Localized, say};
use crate::export::letters::{LetterError, TemplateError, TemplateProblems};

impl Localized for TemplateError {
    fn localized(&self, language: Language) -> String {
        say(
            language,
            || self.to_string(),
            || {
                match self {
                Self::TooLarge { size, max } => {
                    format!("模板文件大小为 {size} 字节，超过了信函模板的上限 {max} 字节")
                }
                Self::OldWord => "这是 Word 97–2003 文档（.doc）；请在 Word 或 LibreOffice 中打开并另存为 Word 文档（.docx）".to_owned(),
                Self::NotZip(reason) => format!("这不是 Word 文档（.docx）：{reason}"),
                Self::NoDocument => "该文件中没有 Word 文档内容（缺少 word/document.xml）：它可能是电子表格或其他类型的文件；请选择 .docx 文件".to_owned(),
                Self::Macros => "这是启用宏的 Word 文档（.docm）；请另存为不含宏的 Word 文档（.docx）".to_owned(),
                Self::TooManyMembers { count, max } => {
                    format!("模板中包含 {count} 个文件，超过了 Word 文档的上限 {max} 个")
                }
                Self::PartTooLarge { part, max } => {
                    format!("模板的 {part} 部分解压后超过 {max} 字节")
                }
                Self::Unreadable { part, reason } => format!("无法读取模板的 {part} 部分：{reason}"),
                Self::Xml { part, source } => format!("模板的 {part} 部分不是有效的 XML：{source}"),
            }
            },
        )
    }
}

fn problems_zh(p: &TemplateProblems) -> String {
    let mut lines = Vec::new();
    for (name, close) in &p.unknown {
        lines.push(match close {
            Some(c) => format!("{{{{{name}}}}} 不是可用字段，是否应为 {{{{{c}}}}}？"),
            None => format!("{{{{{name}}}}} 不是可用字段"),
        });
    }
    for text in &p.unclosed {
        lines.push(format!(
            "占位符没有结束：{{{{{text}…（每个占位符须在同一段落中以 }}}} 结束）"
        ));
    }
    for name in &p.outside_row {
        lines.push(format!(
            "{{{{{name}}}}} 必须放在表格行中，该行会为每人重复一次"
        ));
    }
    format!("无法使用该模板：{}", lines.join("；"))
}

impl Localized for LetterError {
    fn localized(&self, language: Language) -> String {
        say(
            language,
            || self.to_string(),
            || {
                match self {
                Self::Template(err) => err.localized(language),
                Self::NoMeeting(id) => format!("项目中没有会议“{id}”"),
                Self::NoPerson(id) => format!("项目中没有人员“{id}”"),
                Self::NobodyChosen => "没有可发信的人员：请先勾选人员".to_owned(),
                Self::PdfNeedsBuiltin => "只有内置信函可生成 PDF；自己的模板请生成 Word 文件（再用 Word 或 LibreOffice 打印为 PDF）".to_owned(),
                Self::Placeholders(p) => problems_zh(p),
                Self::Missing(missing) => format!("缺少 {} 项信息，未生成任何信函", missing.len()),
                Self::Pdf(err) => err.localized(language),
                Self::Cancelled => "已取消".to_owned(),
            }
            },
        )
    }
}
