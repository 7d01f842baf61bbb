//! Every user-visible string of the app, in English and Simplified Chinese.
//!
//! One struct with one field per string, and one constant per language: a string missing
//! in either language is a compile error, not a blank label at run time.

use serde::{Deserialize, Serialize};

use crate::model::Choice;
pub mod errors;
pub use errors::{Localized, describe_problem};

/// The language of the user interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Language {
    /// English.
    #[default]
    English,
    /// Simplified Chinese.
    Chinese,
}

impl Language {
    /// The strings of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Self::English => &EN,
            Self::Chinese => &ZH,
        }
    }

    /// True for Chinese; bilingual data then shows its Chinese text first.
    pub fn prefers_chinese(self) -> bool {
        self == Self::Chinese
    }

    /// The label of a model choice (a sector, a status…) in this language.
    pub fn choice<C: Choice>(self, choice: C) -> &'static str {
        match self {
            Self::English => choice.label_en(),
            Self::Chinese => choice.label_zh(),
        }
    }
}

macro_rules! strings {
    ($($field:ident => $en:literal, $zh:literal;)+) => {
        /// The user-interface strings of one language.
        #[derive(Debug)]
        pub struct Strings {
            $(
                #[doc = $en]
                pub $field: &'static str,
            )+
        }

        /// English strings.
        pub const EN: Strings = Strings { $($field: $en,)+ };
        /// Simplified Chinese strings.
        pub const ZH: Strings = Strings { $($field: $zh,)+ };
    };
}

strings! {
    app_name => "Delegation Planner", "代表团会务助手";
    menu_file => "File", "文件";
    menu_edit => "Edit", "编辑";
    menu_view => "View", "视图";
    cmd_new => "New", "新建";
    cmd_new_tip => "Start an empty project", "新建空白项目";
    cmd_open => "Open…", "打开…";
    cmd_open_tip => "Open a project file (.ron)", "打开项目文件 (.ron)";
    cmd_open_recent => "Open recent", "最近打开";
    cmd_no_recent => "No recent files", "没有最近打开的文件";
    cmd_save => "Save", "保存";
    cmd_save_tip => "Save the project to its file", "保存项目到当前文件";
    cmd_save_as => "Save as…", "另存为…";
    cmd_save_as_tip => "Save the project to a new file", "将项目保存为新文件";
    cmd_quit => "Quit", "退出";
    cmd_quit_tip => "Close Delegation Planner", "关闭程序";
    cmd_undo => "Undo", "撤销";
    cmd_undo_tip => "Undo the last change", "撤销上一步修改";
    cmd_redo => "Redo", "重做";
    cmd_redo_tip => "Redo the change just undone", "重做刚撤销的修改";
    cmd_english => "English", "English";
    cmd_chinese => "中文", "中文";
    cmd_language_tip => "Language of the user interface", "界面语言";
    cmd_light => "Light theme", "浅色主题";
    cmd_dark => "Dark theme", "深色主题";
    cmd_theme_tip => "Colour theme", "配色主题";
    cmd_show_project => "Project", "项目";
    cmd_show_meetings => "Meetings", "会议";
    cmd_show_people => "People", "人员";
    cmd_show_organisations => "Organisations", "机构";
    cmd_show_commitments => "Commitments", "合作事项";
    cmd_show_tip => "Show this list", "显示此列表";
    cmd_palette => "Command palette…", "命令面板…";
    cmd_palette_tip => "Find any command by typing part of its name, in English or Chinese", "输入名称的一部分（中英文均可）查找任何命令";
    cmd_palette_hint => "Type a command…", "输入命令…";
    cmd_palette_none => "No command matches.", "没有匹配的命令。";
    cmd_next_item => "Next item", "下一项";
    cmd_next_item_tip => "Select the next entry of the list shown", "选择当前列表中的下一项";
    cmd_previous_item => "Previous item", "上一项";
    cmd_previous_item_tip => "Select the previous entry of the list shown", "选择当前列表中的上一项";
    cmd_zoom_in => "Zoom in", "放大";
    cmd_zoom_out => "Zoom out", "缩小";
    cmd_zoom_reset => "Actual size", "实际大小";
    cmd_zoom_tip => "Size of everything in the window", "窗口中所有内容的大小";
    cmd_export_agenda_tip => "The agenda of the meeting shown, in both languages", "当前会议的议程（双语）";
    cmd_export_attendees_tip => "The attendees of the meeting shown, by side in protocol order", "当前会议的参会人员，按参会方和礼宾顺序";
    cmd_export_attendees => "Export attendees", "导出参会名单";
    cmd_export_people => "Export everyone", "导出全部人员";
    cmd_export_people_tip => "Every person in the project", "项目中的所有人员";
    cmd_needs_meeting => "Select a meeting in Meetings first", "请先在“会议”中选择一个会议";
    menu_export => "Export", "导出";
    menu_help => "Help", "帮助";
    sample_suffix => "sample, not saved yet", "示例，尚未保存";
    untitled => "Untitled project", "未命名项目";
    search_hint => "Search…", "搜索…";
    add_person => "Add person", "添加人员";
    add_organisation => "Add organisation", "添加机构";
    add_meeting => "Add meeting", "添加会议";
    add_commitment => "Add commitment", "添加合作事项";
    delete => "Delete", "删除";
    delete_tip => "Delete; references to it are removed too (Undo brings everything back)", "删除，并移除对它的引用（可撤销）";
    remove => "Remove", "移除";
    move_up => "Move up (Alt+↑)", "上移 (Alt+↑)";
    move_down => "Move down (Alt+↓)", "下移 (Alt+↓)";
    none_choice => "(none)", "（无）";
    empty_people => "No people yet. Add the first person with “Add person”.", "还没有人员。点击“添加人员”添加第一位。";
    empty_organisations => "No organisations yet. Add one with “Add organisation”.", "还没有机构。点击“添加机构”添加。";
    empty_meetings => "No meetings yet. Plan the first one with “Add meeting”.", "还没有会议。点击“添加会议”安排第一次会议。";
    empty_commitments => "No commitments yet. Record a point agreed at a meeting with “Add commitment”.", "还没有合作事项。点击“添加合作事项”记录会上商定的要点。";
    no_match => "Nothing matches the search.", "没有符合搜索条件的结果。";
    n_found => "{n} found", "找到 {n} 项";
    select_hint => "Select an entry in the list to see and edit it.", "在列表中选择一项以查看和编辑。";
    col_name => "Name", "姓名";
    col_organisation => "Organisation", "机构";
    col_title => "Title", "职务";
    col_date => "Date", "日期";
    col_status => "Status", "状态";
    col_due => "Due", "截止";
    col_acronym => "Acronym", "简称";
    col_country => "Country", "国家/地区";
    col_sector => "Sector", "类别";
    project_title => "Title", "标题";
    project_description => "Description", "说明";
    project_counts => "In this project", "本项目包含";
    english => "English", "英文";
    chinese => "Chinese", "中文";
    honorific => "Honorific", "称谓";
    family_name => "Family name", "姓";
    given_name => "Given name", "名";
    chinese_name => "Chinese name", "中文姓名";
    name_order => "Name order", "姓名顺序";
    organisation => "Organisation", "机构";
    title => "Title", "职务";
    email => "Email", "电子邮件";
    phone => "Phone", "电话";
    notes => "Notes", "备注";
    shown_as => "Shown as", "显示为";
    acronym => "Acronym", "简称";
    name => "Name", "名称";
    country => "Country", "国家/地区";
    sector => "Sector", "类别";
    meeting_id => "Id", "编号";
    meeting_title => "Title", "标题";
    kind => "Kind", "类型";
    date => "Date", "日期";
    start_time => "Start", "开始时间";
    planned_end => "Planned end", "计划结束";
    time_zone => "Time zone", "时区";
    counterpart_time_zone => "Counterpart's time zone", "对方时区";
    venue => "Venue", "地点";
    host => "Host", "东道机构";
    series => "Series", "系列";
    series_name => "Series name", "系列名称";
    edition => "Edition", "届次";
    in_series => "Part of a series", "属于系列活动";
    expected_participants => "Expected participants", "预计人数";
    has_expected => "Large event", "大型活动";
    details => "Details", "基本信息";
    sides => "Sides", "参会方";
    add_side => "Add side", "添加参会方";
    side => "Side", "所属方";
    side_name => "Side name", "参会方名称";
    attendees => "Attendees", "参会人员";
    add_attendee => "Add attendee", "添加参会人员";
    role => "Role", "角色";
    status => "Status", "状态";
    rank => "Rank", "排序";
    mode => "Attendance", "参会方式";
    agenda => "Agenda", "议程";
    add_item => "Add item", "添加议程项";
    item_title => "Item title", "议程标题";
    duration => "Duration (min)", "时长（分钟）";
    col_duration => "Duration", "时长";
    col_time => "Time", "时间";
    times_in => "Times at the venue · for the counterpart", "会场时间 · 对方时间";
    fixed_start => "Fixed start", "固定开始";
    speakers => "Speakers", "发言人";
    add_speaker => "Add speaker", "添加发言人";
    not_attending => "not attending", "未参会";
    attending => "attending", "已在名单中";
    click_to_edit_attendee => "Click to change the side, role, status or order", "点击修改代表团、角色、状态或顺序";
    search_people => "Search by name, organisation, title…", "按姓名、机构、职务搜索…";
    minutes => "Minutes", "会议纪要";
    total => "Total", "合计";
    runs_past_end => "The agenda runs past the planned end", "议程超出计划结束时间";
    commitment_title => "Title", "标题";
    description => "Description", "说明";
    parent => "Sub-point of", "上级事项";
    agreed_at => "Agreed at", "商定于";
    parties => "Parties", "相关方";
    owners => "Owners", "负责人";
    add_owner => "Add owner", "添加负责人";
    add_party => "Add party", "添加合作方";
    owner_person => "Person", "个人";
    owner_organisation => "Organisation", "机构";
    topics => "Topics", "主题";
    topics_hint => "Comma-separated, e.g. ISO 50001, ESG", "用逗号分隔，如 ISO 50001, ESG";
    due => "Due", "截止日期";
    has_due => "Has a due date", "设截止日期";
    preconditions => "Preconditions", "前提条件";
    add_condition => "Add condition", "添加条件";
    add_dependency => "Add dependency", "添加依赖事项";
    condition => "Condition", "条件";
    depends_on => "Depends on", "依赖于";
    progress => "Progress", "进展记录";
    add_progress => "Add progress note", "添加进展";
    note => "Note", "内容";
    sets_status => "Sets status", "更新状态";
    meeting => "Meeting", "会议";
    // Follow-up of commitments: the due view, filters, the meeting's sections, the overview.
    due_all => "All", "全部";
    due_overdue => "Overdue", "已逾期";
    due_within_30 => "Due within 30 days", "30 天内到期";
    due_within_90 => "Due within 90 days", "90 天内到期";
    due_within_31_90 => "Due in 31 to 90 days", "31 至 90 天内到期";
    due_no_date => "No due date", "无截止日期";
    as_of => "As of", "截至";
    as_of_tip => "Overdue and due dates count from today's date", "逾期和到期均按今天的日期计算";
    filter => "Filter", "筛选";
    filter_status => "Filter by status", "按状态筛选";
    filter_party => "Filter by party", "按相关方筛选";
    filter_owner => "Filter by owner", "按负责人筛选";
    filter_topic => "Filter by topic", "按主题筛选";
    filter_meeting => "Filter by meeting agreed at", "按商定会议筛选";
    all_statuses => "All statuses", "全部状态";
    open_statuses => "Open (not done or dropped)", "未完成（不含已完成、已放弃）";
    all_parties => "All parties", "全部相关方";
    all_owners => "All owners", "全部负责人";
    all_topics => "All topics", "全部主题";
    all_meetings => "All meetings", "全部会议";
    clear_filters => "Clear filters", "清除筛选";
    no_match_filters => "Nothing matches the search and filters. Use “Clear filters” to see every commitment.", "没有符合搜索和筛选条件的事项。点击“清除筛选”查看全部合作事项。";
    export_commitments => "Export commitments", "导出合作事项";
    export_commitments_tip => "The commitments the filters show: a follow-up report grouped by status, or a spreadsheet", "导出当前筛选出的合作事项：按状态分组的跟进报告或电子表格";
    format_csv => "CSV (spreadsheet)", "CSV（电子表格）";
    add_sub_point => "Add sub-point", "添加子事项";
    add_sub_point_tip => "A sub-point under this point, with the same meeting, parties, owners and due date", "在此事项下添加子事项，沿用会议、相关方、负责人和截止日期";
    new_sub_point => "New sub-point", "新子事项";
    overdue_by_days => "Overdue by {n} days", "已逾期 {n} 天";
    due_today => "Due today", "今天到期";
    due_in_days => "Due in {n} days", "{n} 天后到期";
    empty_progress => "No progress recorded yet. Add a dated note with “Add progress note”.", "还没有进展记录。点击“添加进展”添加带日期的记录。";
    series_review => "Open commitments of the series", "本系列未完成的合作事项";
    review_hint => "Statuses changed here are logged with this meeting and dated its day; the note goes into that log entry, for the minutes.", "在此更改的状态将记入本次会议的进展记录（日期为会议当天）；备注写入该条记录，供会议纪要使用。";
    review_no_series => "This meeting is not part of a series. Tick “Part of a series” under Details, or use “Plan next meeting…”, to review the commitments of earlier meetings here.", "本次会议不属于任何系列。在“基本信息”中勾选“属于系列活动”，或使用“安排下次会议…”，即可在此回顾以往会议的合作事项。";
    review_nothing_open => "No open commitments from earlier meetings of this series.", "本系列以往会议没有未完成的合作事项。";
    minutes_note_hint => "Note for the minutes", "纪要备注";
    review_due_tip => "Overdue and due dates here count from the meeting's day", "此处的逾期和到期按会议当天计算";
    review_item_disabled => "Nothing to review yet: this meeting has no earlier meeting in its series", "暂无可回顾内容：本系列在此之前没有会议";
    logged_here => "Logged here", "本次记录";
    agreed_here => "Points agreed at this meeting", "本次会议商定的事项";
    agreed_here_empty => "No points recorded for this meeting yet. Add each point agreed with “Add point”, then its sub-points.", "本次会议还没有记录商定事项。点击“添加事项”逐条记录，再添加子事项。";
    add_point_here => "Add point", "添加事项";
    add_point_here_tip => "A commitment agreed at this meeting, between the organisations of its sides", "记录在本次会议上商定的合作事项，相关方为各参会方机构";
    open_commitment => "Open", "打开";
    open_commitment_tip => "Show this commitment in the commitments view", "在合作事项视图中查看";
    review_item => "Review of commitments", "合作事项进展回顾";
    review_item_tip => "Add an agenda item listing every open commitment of the series (again: refresh the list)", "添加议程项，列出本系列所有未完成的合作事项（再次点击则更新列表）";
    overview => "Overview", "概览";
    upcoming_meetings => "Upcoming meetings", "即将举行的会议";
    no_upcoming_meetings => "No meeting from today on. Plan one in Meetings with “Add meeting” or “Plan next meeting…”.", "今天以后没有会议。可在“会议”中点击“添加会议”或“安排下次会议…”。";
    open_meeting_tip => "Show this meeting", "查看此会议";
    today => "today", "今天";
    in_days => "in {n} days", "{n} 天后";
    and_more => "and {n} more", "另有 {n} 项";
    show_all_tip => "Show them all in Commitments", "在“合作事项”中查看全部";
    overdue_commitments => "Overdue", "已逾期";
    nothing_overdue => "Nothing is overdue.", "没有逾期事项。";
    nothing_due_30 => "Nothing falls due in the next 30 days.", "未来 30 天内没有到期事项。";
    nothing_due_90 => "Nothing else falls due in the next 90 days.", "未来 90 天内没有其他到期事项。";
    commitments_by_status => "Commitments by status", "合作事项状态统计";
    show_with_status_tip => "Show the commitments with this status", "查看该状态的合作事项";
    open_of_total => "{open} of {total} still open", "共 {total} 项，{open} 项未完成";
    dlg_unsaved_title => "Unsaved changes", "有未保存的修改";
    dlg_unsaved_body => "This project has changes that are not saved. Save them first?", "此项目有未保存的修改。是否先保存？";
    dlg_save => "Save", "保存";
    dlg_discard => "Discard changes", "放弃修改";
    dlg_cancel => "Cancel", "取消";
    dlg_ok => "OK", "确定";
    dlg_open_failed => "Could not open the project", "无法打开项目";
    dlg_save_failed => "Could not save the project", "无法保存项目";
    dlg_problems_title => "The project has problems", "项目存在问题";
    dlg_problems_body => "The project was opened, but some references point nowhere. They are shown with ▲ and can be fixed in the editors:", "项目已打开，但部分引用无效。它们以 ▲ 标示，可在编辑器中修正：";
    dlg_path_title => "Type the file path", "输入文件路径";
    dlg_path_open => "Open", "打开";
    dlg_path_save => "Save", "保存";
    dlg_path_exists => "This file exists and will be replaced (its previous version is kept as .bak).", "该文件已存在，将被覆盖（旧版本保存为 .bak）。";
    dlg_file => "File path", "文件路径";
    saved => "Saved", "已保存";
    import_done => "Added {people} people and {organisations} organisations; {matched} already in the project", "新增 {people} 人、{organisations} 个机构，匹配已有 {matched} 人";
    saving => "Saving", "正在保存";
    problems_found => "{n} problems", "{n} 个问题";
    problems_tip => "References that point nowhere; see the list in Project", "无效的引用；详见“项目”中的列表";
    problems_title => "Problems found", "发现的问题";
    validating => "Checking references…", "正在检查引用…";
    opened => "Opened", "已打开";
    nothing_to_undo => "Nothing to undo", "没有可撤销的操作";
    nothing_to_redo => "Nothing to redo", "没有可重做的操作";
    unsaved_mark => "Unsaved changes", "有未保存的修改";
    missing_recent => "This file no longer exists; it was removed from the recent files.", "该文件已不存在，已从最近打开列表中移除。";
    recovery_title => "Recover unsaved changes?", "恢复未保存的修改？";
    recovery_body => "Delegation Planner closed before these changes were saved. A recovery copy of them was kept.", "代表团会务助手上次关闭时，这些修改尚未保存。已为它们保留了一份恢复副本。";
    recovery_project => "Project", "项目";
    recovery_file => "File", "文件";
    recovery_never_saved => "not saved to a file yet", "尚未保存为文件";
    recovery_written => "Copy written", "副本写入时间";
    recovery_contents => "Contains", "内容";
    recovery_restore => "Restore", "恢复";
    recovery_restore_tip => "Open these changes; save them to keep them", "打开这些修改；保存后才会写入文件";
    recovery_later => "Not now", "暂不处理";
    recovery_later_tip => "Keep the copy and ask again at the next start", "保留副本，下次启动时再询问";
    recovery_delete => "Delete copy…", "删除副本…";
    recovery_restored => "Restored the unsaved changes of", "已恢复未保存的修改：";
    recovery_failed => "Could not write the recovery copy of your unsaved changes", "无法写入未保存修改的恢复副本";
    delete_recovery_title => "Delete the recovery copy?", "删除恢复副本？";
    delete_recovery_body => "The changes in it were never saved and will be lost. This cannot be undone.", "其中的修改从未保存，删除后将丢失，且无法撤销。";
    delete_recovery_confirm => "Delete, losing those changes", "删除（放弃这些修改）";
    file_changed_title => "The file was changed by someone else", "文件已被他人修改";
    file_changed_body => "Since you opened or last saved it, this file was changed on disk by another person or program. Saving now would replace their changes with yours.", "自您打开或上次保存以来，磁盘上的这个文件已被其他人或程序修改。现在保存会用您的版本覆盖他们的修改。";
    file_changed_at => "Changed on disk", "磁盘上修改于";
    file_size_now => "Size now", "当前大小";
    bytes => "bytes", "字节";
    file_missing_title => "The file was deleted or moved", "文件已被删除或移动";
    file_missing_body => "The file is no longer where you opened it: it was deleted, moved or renamed, or its drive is not connected. Save it there again, or choose another place.", "文件已不在原位置：可能已被删除、移动或重命名，或所在的驱动器未连接。可以重新保存到原位置，或另选位置。";
    overwrite => "Overwrite with my version", "用我的版本覆盖";
    overwrite_tip => "Their changes are replaced; the version now on disk is kept as NAME.ron.bak", "覆盖对方的修改；磁盘上现有的版本保存为 NAME.ron.bak";
    save_here_again => "Save it here again", "重新保存到原位置";
    reload => "Reload theirs…", "重新加载对方的版本…";
    reload_tip => "Open the file as it is on disk, losing your unsaved changes", "打开磁盘上的版本，放弃您未保存的修改";
    reload_title => "Reload and lose your changes?", "重新加载并放弃您的修改？";
    reload_body => "Your unsaved changes will be lost and the file will be opened as it is on disk. This cannot be undone.", "您未保存的修改将丢失，并打开磁盘上的版本。此操作无法撤销。";
    reload_confirm => "Reload, losing my changes", "重新加载（放弃我的修改）";
    dlg_save_incomplete => "The project was saved, but not completely", "项目已保存，但未全部完成";
    save_failed_at => "Saving failed while {step} ({error}). The file on disk was not changed and your changes are still here, unsaved. Check free space and permissions, or use Save as… to choose another folder.", "保存在“{step}”这一步失败（{error}）。磁盘上的文件没有改动，您的修改仍在，尚未保存。请检查磁盘空间和权限，或用“另存为…”选择其他文件夹。";
    save_incomplete_at => "The new version is in place, but {step} failed ({error}). Your changes are still here; save again to be sure they are safely on disk.", "新版本已写入，但“{step}”这一步失败（{error}）。您的修改仍在；请再保存一次，以确保已安全写入磁盘。";
    step_create_temp => "creating a temporary file", "创建临时文件";
    step_write => "writing the file", "写入文件";
    step_flush => "flushing the file", "刷新缓冲区";
    step_permissions => "keeping the file's permissions", "保留文件权限";
    step_sync => "syncing to disk", "同步到磁盘";
    step_backup => "copying the previous version", "复制旧版本";
    step_rename => "replacing the file", "替换文件";
    step_install_backup => "keeping the previous version as .bak", "将旧版本保存为 .bak";
    step_sync_dir => "syncing the folder", "同步文件夹";
    new_person => "New person", "新人员";
    new_organisation => "New organisation", "新机构";
    new_meeting => "New meeting", "新会议";
    new_commitment => "New commitment", "新合作事项";
    new_item => "New item", "新议程项";
    new_side => "New side", "新参会方";
    empty_agenda => "No agenda items yet. Add one, or paste a draft agenda from an e-mail.", "还没有议程。请添加议程项，或粘贴邮件中的议程草稿。";
    paste_agenda => "Paste agenda…", "粘贴议程…";
    paste_agenda_tip => "Turn a draft agenda from an e-mail into items, one per line", "将邮件中的议程草稿（每行一项）转为议程";
    paste_agenda_title => "Paste a draft agenda", "粘贴议程草稿";
    paste_agenda_body => "One item per line, e.g. “14:00 10 min Opening speech — Dr. Betty XU”, “16:30–17:30 Reception”, “1h30 Working lunch”. Check the preview, correct the text if needed, then add.", "每行一项，例如“14:00 10 min 开幕致辞 — 黄继先”、“16:30–17:30 招待会”、“1h30 工作午餐”。请核对预览，必要时修改文字，然后添加。";
    draft_agenda => "Draft agenda", "议程草稿";
    append_agenda => "Add after the current items", "追加到现有议程之后";
    replace_agenda => "Replace the current agenda", "替换现有议程";
    add_items => "Add items", "添加议程";
    speaker_not_found => "not found, kept in notes", "未找到，已记入备注";
    duration_assumed => "assumed", "估计";
    lines_skipped => "Lines that gave no item", "未识别的行";
    nothing_parsed => "No agenda item recognised yet.", "尚未识别出议程项。";
    export_agenda => "Export agenda", "导出议程";
    exported => "Exported", "已导出";
    export_failed => "Could not export", "无法导出";
    format_pdf => "PDF (print)", "PDF（打印）";
    format_html => "HTML (print, web)", "HTML（打印、网页）";
    format_md => "Markdown", "Markdown";
    format_ics => "Calendar entry (.ics)", "日历事件 (.ics)";
    lang_both => "Both languages", "双语";
    gap_minutes => "min gap", "分钟间隔";
    overlap_minutes => "min overlap with the previous item", "分钟与上一项重叠";
    drag_to_reorder => "Click to edit; drag to reorder (or Alt+↑ / Alt+↓)", "点击编辑；拖动调整顺序（或 Alt+↑ / Alt+↓）";
    next_meeting => "Plan next meeting…", "安排下次会议…";
    next_meeting_tip => "The next meeting of this series: same sides and times, edition + 1, nothing stale", "本系列的下次会议：沿用参会方和时间，届次加一，不带旧内容";
    next_meeting_title => "Plan the next meeting of the series", "安排本系列下次会议";
    alternate_host => "The other side hosts (swap time zones, new venue)", "由对方主办（互换时区，新地点）";
    create => "Create", "创建";
    empty_attendees => "No attendees yet. Add people one by one, or import the list you received (pasted text or CSV).", "还没有参会人员。可逐一添加，或导入收到的名单（粘贴文字或 CSV）。";
    no_side => "No side", "未分组";
    move_up_protocol => "Earlier in protocol order", "礼宾顺序提前";
    move_down_protocol => "Later in protocol order", "礼宾顺序推后";
    import_list => "Import list…", "导入名单…";
    import_list_tip => "Paste a list from an e-mail or open a CSV; check the preview before anything changes", "粘贴邮件中的名单或打开 CSV；确认预览后才会更改";
    export_list => "Export list", "导出名单";
    name_cards => "Name cards…", "桌签…";
    name_cards_tip => "A PDF of folded table cards, one per attendee, readable from both sides", "生成折叠桌签 PDF，每位参会人员一张，两面可读";
    format_xlsx => "Excel workbook (.xlsx)", "Excel 工作簿 (.xlsx)";
    statistics => "Participant statistics", "参会统计";
    participants => "Participants", "参会人员";
    no_participants => "No participants to count yet.", "尚无可统计的参会人员。";
    import_title => "Import an attendee list", "导入参会名单";
    import_body => "Paste the list as it arrived (e.g. “Mr. HUANG Jixian 黄继先 中国认证认可协会 常务副会长兼秘书长>Executive Vice President,CCAA, Ms. …”), one person per line, or open a CSV. Correct the preview, then add.", "粘贴收到的名单（如“Mr. HUANG Jixian 黄继先 中国认证认可协会 常务副会长兼秘书长>Executive Vice President,CCAA, Ms. …”），每行一人，或打开 CSV。修改预览后再添加。";
    pasted_list => "Pasted list", "粘贴的名单";
    open_csv => "Open CSV…", "打开 CSV…";
    csv_columns => "Columns", "列";
    ignore_column => "(ignore)", "（忽略）";
    existing_person => "already in the project", "已在项目中";
    new_person_mark => "new", "新增";
    new_org_mark => "new organisation", "新机构";
    check_fields => "check", "请核对";
    add_people => "Add people", "添加人员";
    also_to_meeting => "Also add them to this meeting", "同时加入本次会议";
    sort_by => "Sort", "排序";
    possible_duplicate => "Possibly the same person", "可能是同一人";
    opening => "Opening", "正在打开";
    phase_reading => "Reading the file", "读取文件";
    phase_parsing => "Reading the project", "解析项目";
    phase_checking => "Checking references", "检查引用";
    phase_rows => "Reading rows", "读取数据行";
    phase_matching => "Matching people and organisations", "匹配人员和机构";
    phase_drawing_cards => "Drawing name cards", "绘制桌签";
    phase_rendering => "Preparing the file", "生成文件";
    phase_writing => "Writing the file", "写入文件";
    phase_adding => "Adding the people", "添加人员";
    import_stale => "The project changed while the list was being added, so nothing was added. Add the list again.", "添加名单期间项目发生了变化，因此未添加任何内容。请重新添加名单。";
    exporting => "Exporting", "正在导出";
    importing => "Reading", "正在读取";
    cancelling => "Cancelling…", "正在取消…";
    cancelled => "Cancelled", "已取消";
    busy => "Please wait until the current task has finished", "请等待当前任务完成";
    job_failed => "Something went wrong", "出现错误";
    job_failed_body => "The task stopped with an internal error. Nothing was changed; please try again, and report the message below if it happens again.", "任务因内部错误而中止，未作任何更改。请重试；如再次发生，请报告以下信息。";
    cards_unit => "cards", "张桌签";
    merge_into_this => "Merge into this person", "合并到此人";
    merge_tip => "Every meeting, agenda item and commitment of the other entry will point to this person; empty fields are filled from it (undo restores both)", "另一条目的会议、议程和合作事项将改为指向此人，空白字段由其补全（可撤销）";
    // Panels (arch-ui)
    sorting_people => "Sorting {n} people…", "正在排序 {n} 位人员…";
    // Attendee lists as users receive them (issue 12): new strings go right below.
    // Visit programmes over several days (issue 13): new strings go right below.
    format_ics_per_item => "Calendar, one event per item (.ics)", "日历，每个议程项一个事件 (.ics)";
    add_item_tip => "Add an item at the end of the selected day", "在所选日期末尾添加议程项";
    add_day => "Add day", "添加一天";
    add_day_tip => "Add a day after the last one, with the same start and planned end", "在最后一天之后添加一天，开始和计划结束时间相同";
    day_number => "Day {n}", "第 {n} 天";
    day_select_tip => "Select the day to edit its date, times, title and venue; drop an item here to move it to the start of this day", "选择此日以编辑日期、时间、标题和地点；将议程项拖放到此处可移至当天开头";
    move_day_up => "Move this day's programme one day earlier (the dates stay in order)", "将当天议程提前一天（日期顺序不变）";
    move_day_down => "Move this day's programme one day later (the dates stay in order)", "将当天议程推后一天（日期顺序不变）";
    remove_day => "Remove day", "删除此日";
    remove_day_tip => "Remove this day and its items (Undo brings them back)", "删除此日及其议程项（可撤销）";
    remove_last_day => "A meeting keeps at least one day", "会议至少保留一天";
    day_past_midnight => "runs past midnight", "超过午夜";
    day_too_long => "longer than 16 hours", "超过 16 小时";
    guest => "guest", "嘉宾";
    days_count => "{n} days", "共 {n} 天";
    one_day => "1 day", "共 1 天";
    day_before_previous => "Before the previous day", "早于前一天";
    day_title => "Day title", "当日标题";
    day_venue => "Day venue", "当日地点";
    day_venue_hint => "Leave the day's venue empty when it is the meeting's venue.", "当日地点与会议地点相同时请留空。";
    item_day => "Day", "日期";
    item_day_tip => "Move the item to the end of another day", "将议程项移至另一天末尾";
    guest_speakers => "Guest speakers", "嘉宾发言人";
    guest_speakers_tip => "Speakers who are not in the project, as written; they appear in every export", "不在项目人员中的发言人（按原文）；会出现在所有导出文件中";
    add_guest => "Add guest speaker", "添加嘉宾发言人";
    dates_hint => "Each day of the programme has its own date and times: edit them under Agenda", "议程中每一天都有自己的日期和时间：请在“议程”中编辑";
    zone_search_hint => "Search by city, country or zone", "按城市、国家或时区搜索";
    zones_likely => "Likely for this meeting", "本次会议可能使用的时区";
    zones_all => "All time zones", "全部时区";
    day_column => "Day", "日期";
    time_unread => "time not read", "时间无法识别";
    add_as_person => "add as a person", "添加为人员";
    add_as_person_tip => "Add this speaker to the project's people (with the organisation written in brackets) and make them the item's speaker; otherwise they stay on the item as a guest speaker", "将此发言人添加到项目人员（括号中的机构一并添加）并设为议程项发言人；否则作为嘉宾发言人保留在议程项中";
    note_date_from_text => "{day} takes its date from the text: {date}", "{day}采用文本中的日期：{date}";
    note_new_day => "{day} is added: {date}", "将添加{day}：{date}";
    note_weekday_differs => "Line {line}: the weekday written is not that of {date}", "第 {line} 行：所写星期与 {date} 不符";
    note_start_moves => "{day} will start at {to} instead of {from}", "{day}的开始时间将由 {from} 改为 {to}";
    note_runs_past_end => "{day} will end at {end}, after its planned end {planned}", "{day}将于 {end} 结束，晚于计划结束时间 {planned}";
    note_past_midnight => "{day} will run past midnight: check the times and durations", "{day}将超过午夜：请检查时间和时长";
    note_time_not_used => "Line {line}: {time} is before the day's start and was not used; the item follows the one before", "第 {line} 行：{time} 早于当天开始时间，未采用；该议程项紧接上一项";
    note_time_unread => "Line {line}: “{text}” is not a time of day and was not used; the item follows the one before", "第 {line} 行：“{text}”不是有效时间，未采用；该议程项紧接上一项";
    note_days_removed => "Replacing the programme removes the meeting's last {n} day(s) (Undo brings them back)", "替换议程将删除会议最后 {n} 天（可撤销）";
    next_meeting_days => "Days", "日程";
    next_meeting_no_items => "The days are copied without their items.", "复制日程安排，不含议程项。";
    next_meeting_changed => "Years moved", "已更新年份";
    // Nothing lost from any path (issue 14): new strings go right below.
    step_lock => "taking the lock on the file", "锁定文件";
    save_protected_title => "This file is protected", "此文件受保护";
    save_protected_read_only => "The file is read-only: its owner may not change it, so Delegation Planner leaves it as it is. Your changes are still here, unsaved. Save them to another file with Save as…, or make the file writable and save again.", "该文件为只读：其所有者不能修改它，因此 Delegation Planner 不会改动它。您的修改仍在，尚未保存。请用“另存为…”保存到其他文件，或将文件设为可写后再保存。";
    save_protected_immutable => "The system marks this file as immutable or append-only, so nobody may replace it, not even an administrator. Your changes are still here, unsaved. Save them to another file with Save as….", "系统将此文件标记为不可更改或仅可追加，任何人（包括管理员）都不能替换它。您的修改仍在，尚未保存。请用“另存为…”保存到其他文件。";
    save_protected_not_a_file => "This path is {kind}, not a project file, so nothing was written there. Your changes are still here, unsaved. Save them to a file with Save as….", "该路径是{kind}，不是项目文件，因此没有写入任何内容。您的修改仍在，尚未保存。请用“另存为…”保存到文件。";
    save_locked => "Another program is saving this file right now and kept it locked for {seconds} seconds. Nothing was written and your changes are still here; save again in a moment.", "另一个程序正在保存这个文件，已锁定 {seconds} 秒。没有写入任何内容，您的修改仍在；请稍后再保存。";
    save_too_large => "The project would be {size} MB, more than the {max} MB a project file may have, and could not be opened again. Nothing was written and your changes are still here. Remove what made it grow (a very long note, a list imported twice), or split the project.", "项目将达到 {size} MB，超过了项目文件 {max} MB 的上限，保存后将无法再打开。没有写入任何内容，您的修改仍在。请删除使其变大的内容（很长的备注、重复导入的名单），或拆分项目。";
    deleted_entry => "Deleted {name}", "已删除 {name}";
    undo_delete_tip => "Bring it back, with every reference to it (Ctrl+Z)", "恢复该条目及其所有引用（Ctrl+Z）";
    deleted_hint => "Deleted. Undo (Ctrl+Z) brings it back; select an entry in the list to edit it.", "已删除。撤销（Ctrl+Z）可恢复；在列表中选择条目即可编辑。";
    long_text_shown => "{n} characters: too long to edit here, so only the beginning is shown.", "共 {n} 个字符，过长，无法在此编辑，只显示开头部分。";
    long_text_all => "{n} characters: too long to edit here, shown in full below.", "共 {n} 个字符，过长，无法在此编辑，下面显示全文。";
    show_all => "Show all", "全部显示";
    show_less => "Show less", "收起";
    dlg_path_exists_export => "This file exists and will be replaced.", "该文件已存在，将被覆盖。";
    // Print-ready documents and a fully bilingual app (issue 15): new strings go right below.
    open_folder => "Open folder", "打开文件夹";
    open_folder_tip => "Show the folder of this file in the file manager", "在文件管理器中打开该文件所在的文件夹";
    open_folder_failed => "Could not open the folder", "无法打开文件夹";
    project_file_kind => "Delegation Planner project", "代表团会务助手项目";
    dlg_open_project => "Open a project", "打开项目";
    dlg_save_project => "Save the project", "保存项目";
    dlg_export_file => "Export to a file", "导出到文件";
    unit_min => "min", "分钟";
    one_person => "1 person", "1 人";
    n_people => "{n} people", "{n} 人";
    one_organisation => "1 organisation", "1 个机构";
    n_organisations => "{n} organisations", "{n} 个机构";
    import_added => "Added {people} and {organisations}; {matched} already in the project", "新增 {people}、{organisations}，匹配已有 {matched} 人";
    month_names => "January,February,March,April,May,June,July,August,September,October,November,December", "1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月";
    weekday_initials => "Mo,Tu,We,Th,Fr,Sa,Su", "一,二,三,四,五,六,日";
    date_format => "{d} {month} {y}", "{y}年{m}月{d}日";
    date_today => "Today", "今天";
    date_previous_month => "Previous month", "上个月";
    date_next_month => "Next month", "下个月";
    date_previous_year => "Previous year", "上一年";
    date_next_year => "Next year", "下一年";
    date_pick_tip => "Choose the date on a calendar", "在日历中选择日期";
    head_comes_first => "The head of delegation comes first: change the role to move someone above them", "团长始终排在首位：如需调整，请先更改角色";
    name_cards_title => "Name cards", "桌签";
    name_cards_body => "Folded table cards, one per attendee (those who declined are left out), in protocol order.", "折叠桌签，每位参会人员一张（已谢绝者除外），按礼宾顺序排列。";
    card_size => "Card size", "桌签尺寸";
    card_a4 => "A4, folded (297 × 105 mm)", "A4 对折（297 × 105 毫米）";
    card_a5 => "A5 tent (210 × 74 mm)", "A5 三角桌签（210 × 74 毫米）";
    card_two => "Two A5 tents per A4 sheet", "每张 A4 纸两个 A5 桌签";
    card_face => "Facing the guests", "朝向来宾的一面";
    card_face_both => "Chinese and English on both sides", "两面均为中英文";
    card_face_zh => "Chinese (English on the back)", "中文（背面英文）";
    card_face_en => "English (Chinese on the back)", "英文（背面中文）";
    save_dots => "Save…", "保存…";
    unprintable_title => "Some characters cannot be printed", "部分字符无法打印";
    unprintable_body => "No font on this computer has these characters, so they would print as empty boxes:", "本机没有任何字体包含以下字符，打印出来会是空白方框：";
    unprintable_advice => "Install a font that has them (a CJK Extension B font for rare name characters) and export again, or correct the text. The file has not been written yet.", "请安装包含这些字符的字体（生僻姓名用字需 CJK 扩展 B 字体）后重新导出，或修改文字。文件尚未写入。";
    save_anyway => "Save anyway", "仍然保存";
    browse_title_open => "Open a file", "打开文件";
    browse_title_save => "Save to a file", "保存到文件";
    browse_no_dialog => "No file dialog is available on this system; choose the file here.", "本系统没有可用的文件对话框，请在此选择文件。";
    browse_folder => "Folder", "文件夹";
    browse_up => "Up", "上一级";
    browse_up_tip => "The folder that contains this one", "上一级文件夹";
    browse_home => "Home", "主文件夹";
    browse_recent => "Recent folders", "最近使用的文件夹";
    browse_file_name => "File name", "文件名";
    browse_empty => "No matching files in this folder.", "此文件夹中没有相应的文件。";
    browse_unreadable => "This folder cannot be read.", "无法读取此文件夹。";
    no_file_dialog => "No file dialog is available on this desktop (no XDG desktop portal and no zenity); installing xdg-desktop-portal-gtk or zenity gives one. Meanwhile, choose the file here.", "此桌面没有可用的文件对话框（没有 XDG 桌面门户，也没有 zenity）；安装 xdg-desktop-portal-gtk 或 zenity 即可使用。现在请在此选择文件。";
    file_dialog_no_answer => "The file dialog could not be shown (the desktop portal did not answer). Choose the file here instead.", "无法显示文件对话框（桌面门户没有响应）。请改在此选择文件。";
    browse_relative => "A file name alone is saved in the folder shown above.", "只填写文件名时，文件保存在上面显示的文件夹中。";
    // Minutes, outcomes and Word documents (issue 16): new strings go right below.
    format_docx => "Word document (.docx)", "Word 文档 (.docx)";
    export_minutes => "Minutes", "会谈纪要";
    take_minutes => "Take minutes", "记录纪要";
    take_minutes_tip => "Write the minutes during the meeting: a field per agenda item (Tab moves to the next item), decisions and commitments of the item you are on, attendance with one click", "在会议进行中记录纪要：每个议题一个输入框（Tab 键转到下一议题），为当前议题添加决定和合作事项，一键记录出席情况";
    leave_minutes => "Back to the meeting", "返回会议";
    add_decision => "Add decision", "添加决定";
    add_decision_tip => "Add a decision to the agenda item you are writing the minutes of", "为正在记录纪要的议题添加一项决定";
    minutes_add_commitment => "Add commitment", "添加合作事项";
    add_commitment_tip => "Add a commitment agreed under the agenda item you are writing the minutes of; it is followed up in Commitments", "为正在记录纪要的议题添加一项合作事项；之后在“合作事项”中跟进";
    minutes_decision => "Decision", "决定";
    minutes_commitments => "Commitments", "合作事项";
    minutes_attendance => "Attendance", "出席情况";
    present => "Present", "出席";
    absent => "Absent", "缺席";
    not_marked => "Not marked", "未标记";
    attendance_tip => "Click: present, absent", "点击：出席、缺席";
    minutes_stage => "Minutes are", "纪要状态";
    minutes_version => "Version dated", "版本日期";
    minutes_no_items => "This meeting has no agenda items yet. Add them in the agenda, or paste a programme (Ctrl+Shift+V), then take the minutes item by item.", "此会议还没有议程项。请先在议程中添加，或粘贴日程（Ctrl+Shift+V），再逐项记录纪要。";
    minutes_no_attendees => "No attendees yet: add them in the meeting's attendee list.", "尚无出席人员：请在会议的出席人员名单中添加。";
    summary_en => "Summary in English (Tab: next item)", "英文纪要（Tab：下一议题）";
    summary_zh => "Summary in Chinese (Tab: next item)", "中文纪要（Tab：下一议题）";
    decision_en => "Decision in English", "英文决定";
    decision_zh => "Decision in Chinese", "中文决定";
    commitment_en => "Commitment in English", "英文合作事项";
    commitment_zh => "Commitment in Chinese", "中文合作事项";
    more_attendees => "… and {n} more: mark them in the attendee list", "……另有 {n} 人：请在出席人员名单中标记";
    minutes_open_commitment => "Open in Commitments", "在合作事项中打开";
    new_commitment_title => "New commitment", "新合作事项";
    agreed_item => "Agenda item", "议题";
    no_commitment_owner => "no owner yet", "尚无负责方";
    cmd_export_minutes_tip => "Save the minutes of the selected meeting: the sides and heads of delegation, attendees by side, each item's summary, decisions and commitments, and every agreed point, in English and Chinese side by side", "保存所选会议的会谈纪要：双方及团长、按代表团排列的出席人员、各议题的纪要、决定和合作事项，以及全部商定事项，中英文对照";
}

/// The menu label of an agenda export format.
pub fn agenda_format(t: &Strings, format: crate::export::agenda::AgendaFormat) -> &'static str {
    use crate::export::agenda::AgendaFormat;
    match format {
        AgendaFormat::Pdf => t.format_pdf,
        AgendaFormat::Html => t.format_html,
        AgendaFormat::Md => t.format_md,
        AgendaFormat::Ics => t.format_ics,
        AgendaFormat::IcsPerItem => t.format_ics_per_item,
        AgendaFormat::Docx => t.format_docx,
    }
}

/// The menu label of an attendee-list export format.
pub fn attendee_format(
    t: &Strings,
    format: crate::export::attendees::AttendeeFormat,
) -> &'static str {
    use crate::export::attendees::AttendeeFormat;
    match format {
        AttendeeFormat::Xlsx => t.format_xlsx,
        AttendeeFormat::Csv => t.format_csv,
        AttendeeFormat::Pdf => t.format_pdf,
        AttendeeFormat::Html => t.format_html,
        AttendeeFormat::Md => t.format_md,
        AttendeeFormat::Docx => t.format_docx,
    }
}

/// The menu label of a commitments export format.
pub fn commitments_format(
    t: &Strings,
    format: crate::export::commitments::CommitmentsFormat,
) -> &'static str {
    use crate::export::commitments::CommitmentsFormat;
    match format {
        CommitmentsFormat::Pdf => t.format_pdf,
        CommitmentsFormat::Html => t.format_html,
        CommitmentsFormat::Md => t.format_md,
        CommitmentsFormat::Csv => t.format_csv,
    }
}

/// The menu label of a minutes export format.
pub fn minutes_format(t: &Strings, format: crate::export::minutes::MinutesFormat) -> &'static str {
    use crate::export::minutes::MinutesFormat;
    match format {
        MinutesFormat::Docx => t.format_docx,
        MinutesFormat::Pdf => t.format_pdf,
        MinutesFormat::Html => t.format_html,
        MinutesFormat::Md => t.format_md,
    }
}

/// The name of a step of a project save, for "Saving failed while {step}".
pub fn save_step(t: &Strings, step: crate::project_file::SaveStep) -> &'static str {
    use crate::project_file::SaveStep;
    match step {
        SaveStep::Lock => t.step_lock,
        SaveStep::CreateTemp => t.step_create_temp,
        SaveStep::Write => t.step_write,
        SaveStep::Flush => t.step_flush,
        SaveStep::Permissions => t.step_permissions,
        SaveStep::Sync => t.step_sync,
        SaveStep::Backup => t.step_backup,
        SaveStep::Rename => t.step_rename,
        SaveStep::InstallBackup => t.step_install_backup,
        SaveStep::SyncDirectory => t.step_sync_dir,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_string_is_empty() {
        // The Debug output lists every field; an empty string shows as `""`.
        for strings in [&EN, &ZH] {
            let debug = format!("{strings:?}");
            assert!(!debug.contains(": \"\""), "an empty UI string: {debug}");
        }
    }
}
