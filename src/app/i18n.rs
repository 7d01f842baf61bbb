//! Every user-visible string of the app, in English and Simplified Chinese.
//!
//! One struct with one field per string, and one constant per language: a string missing
//! in either language is a compile error, not a blank label at run time.

use serde::{Deserialize, Serialize};

use crate::model::Choice;

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
    fixed_start => "Fixed start", "固定开始";
    speakers => "Speakers", "发言人";
    add_speaker => "Add speaker", "添加发言人";
    not_attending => "not attending", "未参会";
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
    opened => "Opened", "已打开";
    nothing_to_undo => "Nothing to undo", "没有可撤销的操作";
    nothing_to_redo => "Nothing to redo", "没有可重做的操作";
    unsaved_mark => "Unsaved changes", "有未保存的修改";
    missing_recent => "This file no longer exists; it was removed from the recent files.", "该文件已不存在，已从最近打开列表中移除。";
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
