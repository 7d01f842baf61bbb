//! The first hour in the app: dates typed, layouts that hold, live minutes that keep up.

strings! {
    pub struct FirstHourStrings, EN, ZH;
    // Dates typed as well as picked.
    weekday_names => "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday", "星期一,星期二,星期三,星期四,星期五,星期六,星期日";
    month_short => "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec", "1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月";
    date_hint => "e.g. 12 May 2025", "例如 2025年5月12日";
    date_field_tip => "Type a date (2025-05-12, 12 May 2025, 12.05.2025, 2025年5月12日) or pick it on the calendar. Numbers are read day first. Enter keeps it, Escape goes back.", "输入日期（2025年5月12日、2025-05-12、12.05.2025、12 May 2025），或在日历中选择。数字写法按先日后月读取。回车确认，Esc 取消。";
    calendar_button => "Calendar", "日历";
    date_reads_as => "→ {date}", "→ {date}";
    calendar_jump_month => "Show this month", "显示该月";
    meeting_dates_tip => "The first day of the programme: type or pick it, and the other days move with it. Each day's own date and times are under Agenda.", "议程第一天：输入或选择后，其余各天随之移动。每一天的日期和时间可在“议程”中单独修改。";
    // Meeting ids from the meeting's date.
    short_name => "Short name", "简称";
    short_name_tip => "Names the meeting's files (berlin-2025-agenda.pdf) and calendar entries. Made from the first day until something is exported; then it stays, unless you rename it here.", "用于会议文件名（如 berlin-2025-agenda.pdf）和日历条目。在导出任何文件之前随第一天的日期生成；导出后保持不变，除非在此重命名。";
    short_name_empty => "A short name needs letters or digits (a–z, 0–9)", "简称须含字母或数字（a–z、0–9）";
    short_name_taken => "Another meeting already has the short name {name}", "已有会议使用简称 {name}";
    short_name_kept => "kept since the first export", "首次导出后保持不变";
    // Plan next meeting: texts to review.
    review_texts => "Check before it goes out", "发出前请核对";
    review_texts_tip => "Copied from the last edition, these texts name its place, host or a year: correct them after creating the meeting if they no longer hold.", "以下文字沿用上一届，提到了上一届的地点、东道主或年份：如已不适用，请在创建会议后修改。";
    review_names => "names {word}", "提到“{word}”";
    // File › Open given a list or a programme.
    offer_title => "Not a project file", "不是项目文件";
    importable_files => "Lists and programmes (imported)", "名单和日程（导入）";
    offer_list => "It looks like an attendee list. Import its people into the open project?", "看起来是一份参会名单。要把其中的人员导入当前项目吗？";
    offer_programme => "It looks like a meeting programme. Import it into a meeting's agenda?", "看起来是一份会议日程。要把它导入到某次会议的议程吗？";
    offer_meeting => "Meeting", "会议";
    offer_no_meeting => "No meeting (people only)", "不指定会议（仅导入人员）";
    import_as_list => "Import as attendee list…", "作为参会名单导入…";
    import_as_programme => "Import as programme…", "作为日程导入…";
    programme_needs_meeting => "A programme goes into a meeting's agenda: add a meeting first, or choose one.", "日程需导入到某次会议的议程中：请先添加会议，或选择一次会议。";
    offer_preview_note => "Nothing changes until you confirm the import's preview.", "确认导入预览之前，项目不会有任何改动。";
    // Deleting a person says what went with them.
    deleted_with => "{deleted}, and with it: {list}", "{deleted}，并随之移除：{list}";
    refs_attendee_one => "attendee at 1 meeting", "1 场会议的参会";
    refs_attendee_many => "attendee at {n} meetings", "{n} 场会议的参会";
    refs_speaker_one => "speaker of 1 item", "1 个议程项的发言";
    refs_speaker_many => "speaker of {n} items", "{n} 个议程项的发言";
    refs_owner_one => "owner of 1 commitment", "1 项合作事项的负责";
    refs_owner_many => "owner of {n} commitments", "{n} 项合作事项的负责";
    // Live minutes.
    remove_owner_tip => "Remove this owner", "移除该负责方";
    // Keyboard: every dialog's default button on Enter.
    default_key => "Enter", "回车键（Enter）";
}
