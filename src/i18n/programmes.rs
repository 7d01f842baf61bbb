//! Programmes and lists in the forms other offices write them: title, day and section lines, Word files.

strings! {
    pub struct ProgrammeStrings, EN, ZH;
    // What each line of a pasted programme gave (issue 22, the text parser).
    lines_heading => "What each line gave", "每一行的识别结果";
    col_line => "Line", "行";
    col_gave => "Read as", "识别为";
    role_title => "Programme title", "日程标题";
    role_day => "Day line: {day}", "日期行：{day}";
    role_section => "Section: {half} (times below are {half})", "时段：{half}（以下时间按{half}计）";
    role_item => "Item", "议程项";
    role_note => "Note under line {line}", "第 {line} 行议程项的备注";
    role_ignored => "Ignored: {why}", "未使用：{why}";
    half_morning => "morning", "上午";
    half_midday => "midday", "中午";
    half_afternoon => "afternoon", "下午";
    half_evening => "evening", "晚上";
    ignored_under_title => "a line under the title (place, dates)", "标题下方的说明（地点、日期）";
    ignored_nothing => "nothing to read", "没有可识别的内容";
    ignored_note_without_item => "a chair or note with no item under it", "主持人或备注下方没有议程项";
    title_offered => "Title (line {line}): {title}", "标题（第 {line} 行）：{title}";
    note_title_from_text => "Line {line}: the programme's title becomes the meeting's title", "第 {line} 行：日程标题将作为会议标题";
    note_title_kept => "Line {line}: the meeting keeps its own title; the programme's title is not used", "第 {line} 行：会议保留原标题，未使用日程标题";
    note_end_before_start => "Line {line}: the range ends at {end}, before it starts at {start}; the end was not used and the length is assumed", "第 {line} 行：结束时间 {end} 早于开始时间 {start}；未使用结束时间，时长为估计值";
    note_time_before_previous => "Line {line}: {time} is before the end of the item above ({end}) and was not used; the item follows the one before", "第 {line} 行：{time} 早于上一项的结束时间（{end}），未使用；该项紧接上一项";
    chair => "chair", "主持";
    hour_out_of_range => "{n} is not an hour of the day (0–23): the time stays {time}", "{n} 不是有效的小时数（0–23）：时间仍为 {time}";
    // Word files read directly (issue 22, the Word reader).
    read_word_table => "Word document, its table", "Word 文档中的表格";
    read_word_tables => "Word document, {n} tables", "Word 文档中的 {n} 个表格";
    read_word_text => "Word document, its text", "Word 文档的正文";
    open_programme => "Open a file…", "打开文件…";
    open_programme_tip => "Read a programme from a Word document (.docx), a text file or a workbook: its text comes into the box above", "从 Word 文档（.docx）、文本文件或电子表格读取日程：其文字会填入上方文本框";
    open_programme_failed => "The programme could not be read", "无法读取日程文件";
}
