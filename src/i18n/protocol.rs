//! Sides of a meeting made from its organisations, precedence within a side, and the person picker.

strings! {
    pub struct ProtocolStrings, EN, ZH;
    // The new-meeting dialog: a meeting starts from its sides.
    new_meeting_title => "New meeting", "新建会议";
    new_meeting_intro => "A meeting starts from its sides: who hosts it and who visits. Each becomes a side made of its organisations, and everyone added later goes to the side of their organisation.", "会议从参会各方开始：谁主办，谁来访。各自组成一方，之后添加的人员按所属机构归入相应一方。";
    host_organisations => "Host", "主办方";
    host_organisations_tip => "The organisation or organisations receiving the visit. The first one is the meeting's host.", "接待来访的一个或多个机构。第一个机构为会议主办单位。";
    visiting_organisations => "Visiting", "来访方";
    visiting_organisations_tip => "The organisation or organisations of the visiting delegation: one side.", "来访代表团的一个或多个机构，组成一方。";
    search_organisations => "Find an organisation…", "查找机构…";
    find_organisation => "Find or add an organisation…", "查找或新建机构…";
    add_new_organisation => "+ New organisation “{name}”", "+ 新建机构“{name}”";
    no_organisation_chosen => "None yet", "尚未选择";
    create_meeting => "Create meeting", "创建会议";
    create_without_sides => "Create without sides", "不设参会方，直接创建";
    create_without_sides_tip => "For a training or a roundtable: sides can be added later under Sides.", "适用于培训或圆桌会议：参会方可稍后在“参会方”中添加。";
    create_needs_sides => "Choose at least one host and one visiting organisation.", "请至少选择一个主办机构和一个来访机构。";
    remove_organisation => "Remove {name}", "移除{name}";
    // How sides made from organisations are named, in each language's own words
    // (`{names}`: their acronyms or names).
    host_side_name => "{names}", "{names}";
    visiting_side_name => "{names} delegation", "{names}代表团";
    meeting_of_sides => "{visiting}–{host} meeting", "{visiting}与{host}会谈";
    // Precedence in the attendance list.
    col_why => "Why here", "排序依据";
    why_role => "by role", "按角色";
    why_rank => "rank {n}", "位次 {n}";
    why_hand => "by hand", "手动调整";
    why_role_tip => "Placed by role ({role}). No rank: after the ranked people of that role, in the order of the list as notified.", "按角色（{role}）排序。未设位次：排在该角色已设位次的人员之后，按名单报送顺序。";
    why_rank_tip => "Placed by role ({role}), then by rank {n}, set on the person (1 comes first).", "按角色（{role}），再按个人位次 {n} 排序（1 最靠前）。";
    why_hand_tip => "Moved here by hand. “Reset order” on the side's heading puts everyone back by role and rank.", "手动调整至此。点击该方标题旁的“恢复默认顺序”，即按角色和位次重新排序。";
    drag_handle => "Move {name}", "移动{name}";
    drag_handle_tip => "Drag to another place among the people of the same role. Role and rank place everyone; a move by hand stays until the order is reset.", "拖动到同一角色人员中的其他位置。默认按角色和位次排序；手动调整会一直保留，直到恢复默认顺序。";
    rank => "Rank", "位次";
    rank_of => "Rank of {name}", "{name}的位次";
    rank_tip => "Precedence rank of this person: among people of the same role on a side, 1 comes first, and the ranked before the unranked. Kept on the person, for every meeting. 0: no rank.", "此人的礼宾位次：同一方同一角色中，1 最靠前，设了位次者排在未设者之前。保存在人员信息中，适用于所有会议。0 表示不设位次。";
    reset_order => "Reset order", "恢复默认顺序";
    reset_order_tip => "Forget the moves by hand on this side: role, rank and the list's order place everyone again.", "取消此方的手动调整：重新按角色、位次和名单顺序排列。";
    kept_in_role => "{name} stays among the people of the same role ({role}): only a change of role moves someone past another role.", "{name}仍位于同一角色（{role}）的人员之中：只有更改角色才能越过其他角色的人员。";
    move_not_past_role => "Only a change of role moves someone past another role.", "只有更改角色才能越过其他角色的人员。";
    regroup_hint => "The rows regroup when the pointer leaves the list.", "指针移出列表后，各行重新排序。";
    // Sides, for the attendees.
    no_side_hint => "Their organisation is on no side of this meeting.", "其所属机构不在本次会议的任何一方。";
    put_on_side => "Put {org} on a side", "将{org}归入一方";
    put_on_side_tip => "Its attendees move to that side, each to their place by role and rank.", "其参会人员将移入该方，并按角色和位次排列。";
    new_side_of => "+ New side: {org}", "+ 新建一方：{org}";
    no_organisation => "no organisation", "无所属机构";
    sides_made_from => "Sides are made from organisations, when the meeting is created or under Sides below.", "参会方由机构组成：在创建会议时设定，或在下方“参会方”中添加。";
    side_of_org_tip => "Ticking an organisation moves its attendees to this side (and takes it off any other side).", "勾选机构后，其参会人员将移入此方（该机构同时移出其他各方）。";
    add_side_of => "+ Side from an organisation", "+ 由机构新建一方";
    sides_intro => "Each side is a delegation made of organisations; attendees go to the side of their organisation.", "每一方是由若干机构组成的代表团；参会人员按所属机构归入相应一方。";
    // Name order.
    transliterated => "Transliterated name", "音译外国人名";
    transliterated_tip => "The Chinese name transliterates a foreign name (安娜·施密特 for Anna Schmidt): the Latin name keeps the given name first. A middle dot (·) in the Chinese name says so too.", "中文名为外国人名的音译（如 Anna Schmidt 译作“安娜·施密特”）：拉丁字母姓名保持名在前。中文名中带间隔号（·）时亦同。";
    // Person pickers.
    at_this_meeting => "At this meeting", "本次会议人员";
    everyone => "Everyone", "全部人员";
    of_the_sides => "Of the sides' organisations", "参会各方机构人员";
    already_speaking => "speaking", "已发言";
    already_owner => "owner already", "已是负责人";
    picker_keys => "↑ ↓ to choose, Enter to take, Esc to close", "↑ ↓ 选择，回车确认，Esc 关闭";
    // The import preview.
    preview_side => "Side", "所属方";
    preview_no_side => "▲ no side", "▲ 无所属方";
    preview_no_side_tip => "{org} is on no side of this meeting: tick it on a side under Sides, or choose the side in the list afterwards.", "{org}不在本次会议的任何一方：可在“参会方”中勾选，或导入后在名单中选择。";
    preview_without_side => "{n} will have no side: {orgs} on no side of this meeting. Tick them on a side under Sides first, or choose the side in the list afterwards.", "{n} 人将无所属方：{orgs}不在本次会议的任何一方。可先在“参会方”中勾选，或导入后在名单中选择。";
}

/// How a side made from organisations is named in both languages: the host's by their
/// names (`AFNOR`, `法国标准化协会`), a visiting one as a delegation (`CCAA delegation`,
/// `中国认证认可协会代表团`).
pub fn side_naming(host: bool) -> crate::model::SideNaming<'static> {
    if host {
        crate::model::SideNaming {
            en: EN.host_side_name,
            zh: ZH.host_side_name,
        }
    } else {
        crate::model::SideNaming {
            en: EN.visiting_side_name,
            zh: ZH.visiting_side_name,
        }
    }
}
