//! Documents for partners: the export dialog, internal notes left out, minutes that hold up.

strings! {
    pub struct DocumentStrings, EN, ZH;
    export_title => "Export", "导出";
    export_language => "Language of the document", "文件语言";
    export_with_notes => "Include internal notes (our own copy)", "包含内部备注（仅供本方使用）";
    export_with_notes_hint => "Internal notes and remarks are printed, each marked as internal. Do not send this copy to partners.", "内部备注和说明将被打印，并逐条标明“内部”。请勿将此版本发给对方。";
    export_for_partners_hint => "A copy for partners: internal notes and remarks are left out; notes marked for the programme are printed.", "对外版本：不含内部备注和说明；标为“列入议程”的备注会打印。";
    export_file_name => "Suggested file name:", "建议文件名：";
    cards_latin_title => "No Chinese name", "缺少中文姓名";
    cards_latin_body => "The Chinese face of these cards would carry the Latin name of:", "以下人员没有中文姓名，桌签中文面将印出其拉丁文姓名：";
    cards_latin_advice => "Add their Chinese names in People first, or save to print the Latin names with the Chinese honorific.", "请先在“人员”中补充中文姓名，或直接保存，以拉丁文姓名加中文称谓打印。";
}
