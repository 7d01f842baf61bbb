//! Reading files given to an import: what a file is, the limits, and why one is refused.

strings! {
    pub struct InputStrings, EN, ZH;
    damaged_title => "Some bytes are not UTF-8", "有些字节不是有效的 UTF-8";
    damaged_hint => "The file is read as UTF-8, but for the bytes below: they show as ? in the preview. Correct those lines in the file and open it again, or choose the file's encoding above if it is not UTF-8.", "文件按 UTF-8 读取，但下列字节不是 UTF-8：它们在预览中显示为 ?。请在文件中改正这些行后重新打开；如果文件不是 UTF-8，请在上方选择它的编码。";
    damaged_more => "…and more after these", "……之后还有更多";
    // Dates of a pasted programme that the calendar does not have (issue 21).
    note_no_such_date => "Line {line}: “{written}” is not a date: {why}. Correct it in the text above to add the items.", "第 {line} 行：“{written}”不是有效日期：{why}。请在上面的文本中改正后再添加议程项。";
    no_such_month => "there is no month {month}", "没有 {month} 月";
    no_such_day => "{month} {year} has {days} days", "{year} 年 {month} 月只有 {days} 天";
    no_such_day_meeting_year => "{month} {year} has {days} days (no year is written, so the date falls in {year}; write the year if another is meant)", "{year} 年 {month} 月只有 {days} 天（未写年份，按会议日期推算为 {year} 年；如指其他年份，请写明年份）";
    year_out_of_range => "the year {year} is not between {from} and {to}", "年份 {year} 不在 {from} 年至 {to} 年之间";
    add_blocked_by_dates => "Correct the dates marked in red first", "请先改正标为红色的日期";
    // PDF texts too long to print whole (issue 21).
    export_cut_title => "Exported, with texts shortened", "已导出，部分文字被截短";
    export_cut_body => "The file was written. These texts are too long to print and were cut, marked with … where they stop; shorten them in the project to print them whole:", "文件已写入。以下文字过长，无法完整打印，已截断并在截断处标出 …；如需完整打印，请在项目中缩短这些文字：";
    cut_too_long => "“{text}” ({chars} characters): cut after {max} characters", "“{text}”（{chars} 个字符）：在第 {max} 个字符后截断";
    cut_no_room => "“{text}” ({chars} characters): does not fit its place even at the smallest size", "“{text}”（{chars} 个字符）：即使用最小字号也放不下";
}
