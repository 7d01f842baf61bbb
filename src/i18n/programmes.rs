//! Programmes and lists in the forms other offices write them: title, day and section lines, Word files.

strings! {
    pub struct ProgrammeStrings, EN, ZH;
    // Word files read directly (issue 22, the Word reader).
    read_word_table => "Word document, its table", "Word 文档中的表格";
    read_word_tables => "Word document, {n} tables", "Word 文档中的 {n} 个表格";
    read_word_text => "Word document, its text", "Word 文档的正文";
}
