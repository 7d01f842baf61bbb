//! The words for a file refused by the import gate (issue 21): not a file, over a limit
//! (which, and its value), damaged, password-protected, a reader that failed, a
//! programme file that is no programme, bytes that are not UTF-8. The English is each
//! error's `Display`, which the command line prints; the Chinese names the same limit and
//! value. Limit values and sizes use the UI's own words (`64 MB`, `2,500,000 个单元格`).

use super::Language;
use super::errors::{Localized, node_kind_zh, say};
use crate::import::boundary::ReaderPanic;
use crate::import::gate::InputError;
use crate::import::limits::{Limit, LimitExceeded, bytes_en, grouped};
use crate::import::programme_file::ProgrammeError;
use crate::import::source::{BadBytes, NotAList};

impl Localized for LimitExceeded {
    fn localized(&self, language: Language) -> String {
        say(language, || self.to_string(), || limit_zh(self))
    }
}

/// The Chinese of a refusal for a limit.
fn limit_zh(e: &LimitExceeded) -> String {
    let amount = |n: u64| {
        if e.limit.is_bytes() {
            bytes_en(n)
        } else {
            grouped(n)
        }
    };
    let what = match e.limit {
        Limit::FileBytes => "文件太大",
        Limit::Rows => "文件的行数太多",
        Limit::Cells => "工作簿的单元格太多",
        Limit::LineBytes => "有一行太长",
        Limit::ZipMemberBytes => "文件中的某个部分解压后太大",
        Limit::ZipTotalBytes => "文件解压后太大",
        Limit::ZipEntries => "文件包含的部分太多",
        Limit::SharedStrings => "工作簿包含（或声明）的文本太多",
        Limit::Time => "读取文件用时过长",
    };
    let place = e
        .place
        .as_ref()
        .map(|p| format!("（{}）", place_zh(p)))
        .unwrap_or_default();
    let found = match (e.found, e.limit) {
        (_, Limit::Time) | (None, _) => String::new(),
        (Some(n), _) => format!("：{}", amount(n)),
    };
    let value = e.limit.value();
    let limit = match e.limit {
        Limit::Time => format!("{value} 秒"),
        Limit::Cells => format!("{} 个单元格（行数 × 列数）", amount(value)),
        Limit::Rows => format!("{} 行", amount(value)),
        Limit::ZipEntries => format!("{} 个部分", amount(value)),
        Limit::SharedStrings => format!("{} 条文本", amount(value)),
        _ => amount(value),
    };
    format!("{what}{place}{found}；上限为 {limit}；未导入任何内容")
}

/// A place in a file, in Chinese: `line 4` → `第 4 行`, `sheet “A”` → `工作表“A”`.
fn place_zh(place: &str) -> String {
    if let Some(line) = place.strip_prefix("line ") {
        return format!("第 {line} 行");
    }
    if let Some(rest) = place.strip_prefix("sheet ") {
        return match rest.split_once(", ") {
            Some((n, "declared")) => format!("第 {n} 个工作表，声明的范围"),
            Some((n, "used")) => format!("第 {n} 个工作表，使用的范围"),
            _ => format!("工作表{rest}"),
        };
    }
    place.to_owned()
}

impl Localized for ReaderPanic {
    fn localized(&self, language: Language) -> String {
        say(
            language,
            || self.to_string(),
            || {
                format!(
                    "{} 读取程序在读取此文件时出错（{}）；文件已损坏，或是为破坏读取程序而制作的：请在生成它的程序中打开并重新保存",
                    self.reader, self.message
                )
            },
        )
    }
}

impl Localized for InputError {
    fn localized(&self, language: Language) -> String {
        match self {
            Self::Limit(e) => e.localized(language),
            Self::Panic(e) => e.localized(language),
            _ => say(
                language,
                || self.to_string(),
                || match self {
                    Self::NotFound => {
                        "没有这个文件；请检查文件名和所在文件夹；未导入任何内容".to_owned()
                    }
                    Self::NotAFile(kind) => {
                        format!("这是{}，不是文件；未导入任何内容", node_kind_zh(*kind))
                    }
                    Self::Io(err) => format!("无法读取文件（{err}）；未导入任何内容"),
                    Self::Damaged(reason) => format!(
                        "文件已损坏（{reason}）；请在生成它的程序中打开并重新保存；未导入任何内容"
                    ),
                    Self::Encrypted => {
                        "文件设有密码保护；请另存一份没有密码的副本后导入；未导入任何内容"
                            .to_owned()
                    }
                    Self::Limit(_) | Self::Panic(_) => String::new(),
                },
            ),
        }
    }
}

impl Localized for ProgrammeError {
    fn localized(&self, language: Language) -> String {
        match self {
            Self::Input(e) => e.localized(language),
            Self::Workbook(e) => super::list_errors::workbook_text(e, language),
            _ => say(
                language,
                || self.to_string(),
                || {
                    match self {
                    Self::NotAProgramme(what) => format!("{}；未导入任何内容", not_a_programme_zh(*what)),
                    Self::WordDocument => "这是旧版 Word（.doc）或 OpenDocument 文本（.odt）文件，无法导入；请另存为 Word 文档（.docx）后导入，或把日程复制出来粘贴；未导入任何内容".to_owned(),
                    Self::Decode(err) => format!(
                        "第 {} 行第 {} 列：文字不是有效的 {} 编码；未导入任何内容",
                        err.line, err.column, err.encoding
                    ),
                    Self::Input(_) | Self::Workbook(_) => String::new(),
                }
                },
            ),
        }
    }
}

/// What a file that is not a programme is, in Chinese.
fn not_a_programme_zh(what: NotAList) -> String {
    match what {
        NotAList::Empty => "文件是空的".to_owned(),
        NotAList::Image(kind) => format!("这是一张 {kind} 图片，不是日程"),
        NotAList::Pdf => "这是 PDF 文档；请把日程复制出来后粘贴".to_owned(),
        NotAList::WordDocument => "这是文字处理文档".to_owned(),
        NotAList::Presentation => "这是演示文稿，不是日程".to_owned(),
        NotAList::Archive(kind) => format!("这是 {kind} 压缩包；请先解压"),
        NotAList::Project => {
            "这是代表团会务助手的项目文件：请用“打开”来打开它（文件 > 打开…）".to_owned()
        }
        NotAList::Program => "这是一个程序，不是日程".to_owned(),
        NotAList::Binary => "这是二进制数据，不是日程（文本文件）".to_owned(),
    }
}

/// Bytes that are not UTF-8, with their line, in `language`.
pub fn bad_bytes_text(bad: &BadBytes, language: Language) -> String {
    say(
        language,
        || bad.to_string(),
        || {
            format!(
                "第 {} 行第 {} 列：{} 不是有效的 UTF-8（显示为 ?）",
                bad.line,
                bad.column,
                bad.hex()
            )
        },
    )
}
