//! Merging two copies of a project by entity.

strings! {
    pub struct MergeStrings, EN, ZH;
    cmd_merge_copy => "Merge a copy…", "合并副本…";
    cmd_merge_copy_tip => "Bring in a colleague's copy of this project, person by person, meeting by meeting; what both changed is shown side by side to choose from", "按人员、会议逐条合并同事的项目副本；双方都修改过的内容并排显示，供您选择";
    cmd_resolve => "Resolve merge conflicts…", "解决合并冲突…";
    cmd_resolve_tip => "Choose between the versions a merge could not settle", "在合并未能自动决定的版本之间作出选择";
    pick_title => "Choose the copy to merge", "选择要合并的副本";
    title => "Merge", "合并";
    resolve_title => "Resolve merge conflicts", "解决合并冲突";
    from_file => "Copy", "副本";
    three_way => "Both copies come from a common version: only what each side changed since is compared.", "两个副本来自同一原始版本：只比较双方此后所做的修改。";
    two_way => "No common version of the two copies was found: every difference is a question. Mine is kept until you choose.", "未找到两个副本的共同原始版本：每处差异都需要您决定。在您选择之前保留我的版本。";
    recorded => "A merge made outside the app left these conflicts. Mine is in the project until you choose.", "在程序外进行的合并留下了这些冲突。在您选择之前，项目中保留的是我的版本。";
    incoming_heading => "What comes in", "将要合入的内容";
    incoming_none => "Nothing changes: your project already holds all of this copy.", "无需更改：您的项目已包含此副本的全部内容。";
    conflicts_heading => "Conflicts", "冲突";
    conflicts_none => "No conflicts: everything merges by itself.", "没有冲突：所有内容均可自动合并。";
    duplicates_heading => "Probable duplicates", "可能重复的人员";
    duplicates_hint => "Added on both sides under two entries; tick to keep one person (meetings and commitments follow).", "双方各自添加为不同条目；勾选后合并为一人（会议和合作事项随之更新）。";
    duplicate_merge => "Make one person", "合并为一人";
    col_base => "Common version", "共同版本";
    col_ours => "Mine", "我的";
    col_theirs => "Theirs", "对方的";
    use_base => "Use common", "采用共同版本";
    use_ours => "Use mine", "采用我的";
    use_theirs => "Use theirs", "采用对方的";
    all_ours => "Mine everywhere", "全部采用我的";
    all_theirs => "Theirs everywhere", "全部采用对方的";
    added => "Added", "新增";
    removed => "Removed", "删除";
    changed => "Changed", "修改";
    not_there => "(not there)", "（不存在）";
    empty => "(empty)", "（空）";
    apply => "Merge", "合并";
    apply_and_save => "Merge and save", "合并并保存";
    apply_resolved => "Apply choices", "应用选择";
    later => "Later", "稍后";
    kind_project => "Project", "项目";
    kind_organisation => "Organisation", "机构";
    kind_person => "Person", "人员";
    kind_meeting => "Meeting", "会议";
    kind_commitment => "Commitment", "合作事项";
    whole_entry => "The whole entry", "整个条目";
    order => "Order", "顺序";
    entry_no => "Entry {}", "第{}项";
    from_entry => "From entry {}", "自第{}项起";
    conflict_changed => "Changed on both sides", "双方都作了修改";
    conflict_text => "The same lines changed on both sides", "双方修改了相同的几行";
    conflict_removed_by_ours => "You deleted it; they changed it", "您删除了它，对方修改了它";
    conflict_removed_by_theirs => "They deleted it; you changed it", "对方删除了它，您修改了它";
    conflict_only_ours => "Only in your copy", "仅在您的副本中";
    conflict_only_theirs => "Only in their copy", "仅在对方的副本中";
    conflict_order => "Reordered on both sides", "双方都调整了顺序";
    merged_toast => "Merged", "已合并";
    merged_changes => "changes", "处修改";
    merged_conflicts => "conflicts decided", "处冲突已决定";
    reading => "Reading the copy", "正在读取副本";
    failed_title => "The copy could not be merged", "无法合并副本";
    same_file => "This is the project's own file. Choose the copy a colleague sent, or the file from the shared folder.", "这是本项目自身的文件。请选择同事发来的副本或共享文件夹中的文件。";
    changed_on_disk => "Merge…", "合并…";
    changed_on_disk_tip => "Merge the version on disk with yours, entity by entity, then save", "将磁盘上的版本与您的版本逐条合并，然后保存";
    pending_status => "merge conflicts wait for your choice", "处合并冲突等待您的选择";
    more_changes => "more", "更多";
}

/// The words for the fields of the project's entities, by field name: English, Chinese.
/// A field not listed here (one added later) is named from its field name.
pub const FIELDS: &[(&str, &str, &str)] = &[
    ("info", "Details", "项目信息"),
    ("title", "Title", "标题"),
    ("description", "Description", "描述"),
    ("en", "English", "英文"),
    ("zh", "Chinese", "中文"),
    ("honorific", "Honorific", "称谓"),
    ("family_name", "Family name", "姓"),
    ("given_name", "Given name", "名"),
    ("chinese_name", "Chinese name", "中文姓名"),
    ("name_order", "Name order", "姓名顺序"),
    ("organisation", "Organisation", "机构"),
    ("email", "E-mail", "电子邮件"),
    ("phone", "Phone", "电话"),
    ("notes", "Notes", "备注"),
    ("acronym", "Acronym", "简称"),
    ("name", "Name", "名称"),
    ("country", "Country", "国家或地区"),
    ("sector", "Sector", "类别"),
    ("kind", "Kind", "类型"),
    ("time_zone", "Time zone", "时区"),
    (
        "counterpart_time_zone",
        "Other side's time zone",
        "对方时区",
    ),
    ("venue", "Venue", "地点"),
    ("host", "Host", "主办方"),
    ("series", "Series", "系列"),
    ("edition", "Edition", "届次"),
    ("sides", "Sides", "参会方"),
    ("organisations", "Organisations", "机构"),
    ("attendees", "Attendees", "参会人员"),
    ("person", "Person", "人员"),
    ("side", "Side", "参会方"),
    ("role", "Role", "角色"),
    ("status", "Status", "状态"),
    ("rank", "Rank", "排序"),
    ("mode", "Mode", "参会方式"),
    ("days", "Programme", "日程"),
    ("date", "Date", "日期"),
    ("start", "Start", "开始时间"),
    ("planned_end", "Planned end", "计划结束时间"),
    ("items", "Agenda", "议程"),
    ("duration_minutes", "Duration (minutes)", "时长（分钟）"),
    ("fixed_start", "Fixed start", "固定开始时间"),
    ("speakers", "Speakers", "发言人"),
    ("guest_speakers", "Guest speakers", "特邀发言人"),
    ("outcome", "Outcome", "成果"),
    ("summary", "Summary", "纪要"),
    ("decisions", "Decisions", "决定"),
    ("minutes", "Minutes", "会议纪要"),
    ("minutes_stage", "Minutes stage", "纪要状态"),
    ("minutes_version", "Minutes version", "纪要版本日期"),
    ("expected_participants", "Expected participants", "预计人数"),
    ("parent", "Parent point", "上级事项"),
    ("agreed_at", "Agreed at", "商定于会议"),
    ("agreed_item", "Agreed under item", "商定于议题"),
    ("parties", "Parties", "相关方"),
    ("owners", "Owners", "负责人"),
    ("topics", "Topics", "主题"),
    ("due", "Due", "截止日期"),
    ("preconditions", "Preconditions", "前提条件"),
    ("progress", "Progress", "进展"),
    ("note", "Note", "说明"),
    ("meeting", "Meeting", "会议"),
];
