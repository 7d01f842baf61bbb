//! Programmes and lists in the forms other offices write them: title, day and section lines, Word files.

strings! {
    pub struct ProgrammeStrings, EN, ZH;
    // Word files read directly (issue 22, the Word reader).
    read_word_table => "Word document, its table", "Word 文档中的表格";
    read_word_tables => "Word document, {n} tables", "Word 文档中的 {n} 个表格";
    read_word_text => "Word document, its text", "Word 文档的正文";
    open_programme => "Open a file…", "打开文件…";
    open_programme_tip => "Read a programme from a Word document (.docx), a text file or a workbook: its text comes into the box above", "从 Word 文档（.docx）、文本文件或电子表格读取日程：其文字会填入上方文本框";
    open_programme_failed => "The programme could not be read", "无法读取日程文件";
}
