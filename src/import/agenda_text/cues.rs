//! Who speaks and who chairs, from the words programmes write before names: `by`, `par`,
//! `durch`, `von`, `主持人：`, `主讲：`, `致辞：`, `发言人：`, `Moderation:`, `Chair:`; and a
//! Chinese name after a Chinese title, set apart by spaces (`欢迎致辞  刘江`).

/// What a cue says the names after it do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueRole {
    /// They speak (`主讲：`, `by`, `par`, `durch`).
    Speaker,
    /// They chair or host the item (`主持人：`, `Chair:`, `Moderation:`).
    Chair,
}

/// Labels followed by names, written with a colon (full-width colons are plain by now).
/// The label's own word is the title when nothing stands before it (`致辞：刘江`).
const LABELS: [(&str, CueRole); 25] = [
    ("主持人", CueRole::Chair),
    ("主持", CueRole::Chair),
    ("主席", CueRole::Chair),
    ("chairs", CueRole::Chair),
    ("chair", CueRole::Chair),
    ("moderator", CueRole::Chair),
    ("moderation", CueRole::Chair),
    ("modération", CueRole::Chair),
    ("présidence", CueRole::Chair),
    ("vorsitz", CueRole::Chair),
    ("host", CueRole::Chair),
    ("主讲人", CueRole::Speaker),
    ("主讲", CueRole::Speaker),
    ("致辞人", CueRole::Speaker),
    ("致辞", CueRole::Speaker),
    ("发言人", CueRole::Speaker),
    ("发言", CueRole::Speaker),
    ("报告人", CueRole::Speaker),
    ("speakers", CueRole::Speaker),
    ("speaker", CueRole::Speaker),
    ("intervenants", CueRole::Speaker),
    ("intervenant", CueRole::Speaker),
    ("orateur", CueRole::Speaker),
    ("referentin", CueRole::Speaker),
    ("referent", CueRole::Speaker),
];

/// Words before the speakers, without a colon; the names after them start with a capital
/// letter or an honorific (`Visit by bus` keeps its title).
const WORDS: [&str; 4] = [" by ", " par ", " durch ", " von "];

/// One cue found in a line: where it starts and ends (byte offsets), and its role.
#[derive(Clone, Copy, Debug)]
struct Found {
    start: usize,
    end: usize,
    role: CueRole,
    /// The label's own word, for a title that is only the label (`致辞：刘江`).
    label: &'static str,
}

fn is_boundary_before(text: &str, at: usize) -> bool {
    text.get(..at)
        .and_then(|b| b.chars().next_back())
        .is_none_or(|c| !c.is_alphanumeric() || super::titles::is_cjk(c))
}

/// Every labelled cue of a line (`Chair: X`, `主持人:X`), in order. Each colon is looked
/// at once, with the word before it (a time's colon, after a digit, at a glance): a line
/// costs its length, whatever the number of labels.
fn labels_in(text: &str) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    for (colon, _) in text.match_indices(':') {
        let before = text.get(..colon).unwrap_or_default().trim_end();
        if before.ends_with(|c: char| c.is_ascii_digit()) || before.is_empty() {
            continue;
        }
        let end = colon + 1;
        // The longest label ending here (`主持人` before `主持`).
        let hit = LABELS.iter().find(|(label, _)| {
            before.len() >= label.len()
                && before.is_char_boundary(before.len() - label.len())
                && before
                    .get(before.len() - label.len()..)
                    .is_some_and(|tail| tail.to_lowercase() == *label)
        });
        if let Some((label, role)) = hit {
            let start = before.len() - label.len();
            if is_boundary_before(text, start) {
                found.push(Found {
                    start,
                    end,
                    role: *role,
                    label,
                });
            }
        }
    }
    found
}

/// The word cue of a line (` durch Herrn X`), the last one whose names look like names.
fn word_in(text: &str) -> Option<Found> {
    let mut best: Option<Found> = None;
    for word in WORDS {
        // The words as written in running text: lower case.
        if let Some(pos) = text.rfind(word) {
            let end = pos + word.len();
            let after = text.get(end..).unwrap_or_default();
            let named = reads_as_names(after);
            if named && best.is_none_or(|b| pos > b.start) {
                best = Some(Found {
                    start: pos,
                    end,
                    role: CueRole::Speaker,
                    label: "",
                });
            }
        }
    }
    best
}

/// Names after a cue, with the role the cue gives them.
pub(super) type Group = (CueRole, String);

/// Honorifics that start a name after `by`, `par`, `durch`, `von`.
const HONORIFICS: [&str; 16] = [
    "Mr.", "Ms.", "Mrs.", "Dr.", "Prof.", "H.E.", "S.E.", "M.", "Mme", "Monsieur", "Madame",
    "Herrn", "Herr", "Frau", "Mr", "Ms",
];

/// Whether the text after a word cue reads as names: an honorific, a Chinese name, an
/// acronym (`DIN`, `CQC`), or capitalised words without digits (`Helge Engelhard`); German
/// nouns are capitalised too, so one capitalised word (`von Projekten`) is not a name.
fn reads_as_names(after: &str) -> bool {
    let first = after
        .split([',', ';', '('])
        .next()
        .unwrap_or_default()
        .trim();
    let words: Vec<&str> = first.split_whitespace().collect();
    let Some(head) = words.first() else {
        return false;
    };
    if HONORIFICS.contains(head) || head.starts_with(super::titles::is_cjk) {
        return true;
    }
    let acronym = words.len() == 1
        && head.chars().filter(char::is_ascii_uppercase).count() >= 2
        && head.chars().all(|c| c.is_ascii_alphabetic());
    let capitalised = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && !w.contains(|c: char| c.is_ascii_digit())
        });
    acronym || capitalised
}

/// A line's text split at its cues: the title (empty when the line starts with its cue),
/// and each group of names with its role.
pub(super) fn split_cues(text: &str) -> Option<(String, Vec<Group>)> {
    split_cues_labelled(text).map(|(title, groups, _)| (title, groups))
}

/// [`split_cues`], and the label of a Chinese cue that starts the line (`致辞：刘江`), which
/// is the item's title when the line is an item.
pub(super) fn split_cues_labelled(
    text: &str,
) -> Option<(String, Vec<Group>, Option<&'static str>)> {
    let mut found = labels_in(text);
    if found.is_empty() {
        found.extend(word_in(text));
    }
    let first = found.first()?;
    let mut groups = Vec::new();
    for (k, cue) in found.iter().enumerate() {
        let end = found.get(k + 1).map_or(text.len(), |next| next.start);
        let names = text.get(cue.end..end).unwrap_or_default();
        let names = names
            .trim()
            .trim_end_matches([')', '）', ';', '；', ',', '，', '—', '–', '-', '|'])
            .trim();
        if !names.is_empty() {
            groups.push((cue.role, names.to_owned()));
        }
    }
    let before = text.get(..first.start).unwrap_or_default();
    let title = before
        .trim()
        .trim_end_matches(['(', '（', ';', '；', ',', '，', '—', '–', '-', '|', '/'])
        .trim()
        .to_owned();
    let label =
        (title.is_empty() && first.label.chars().any(super::titles::is_cjk)).then_some(first.label);
    Some((title, groups, label))
}

/// The most common Chinese family names: a last word of two to four Chinese characters
/// starting with one of these reads as a name (`刘江`), not as the end of a title.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// Whether a word reads as a Chinese personal name: two to four Chinese characters, the
/// first (or first two) a family name.
pub(super) fn looks_like_chinese_name(word: &str) -> bool {
    let n = word.chars().count();
    if !(2..=4).contains(&n) || !word.chars().all(super::titles::is_cjk) {
        return false;
    }
    word.chars().next().is_some_and(|c| SURNAMES.contains(c))
}

/// A Chinese title and a trailing name set apart by two spaces or more (`欢迎致辞  刘江`):
/// the title and the name, when the title is Chinese.
pub(super) fn split_trailing_name(title: &str) -> Option<(&str, &str)> {
    let trimmed = title.trim_end();
    let cut = trimmed.rfind(|c: char| c.is_whitespace())?;
    let name = trimmed.get(cut..)?.trim();
    let before = trimmed.get(..cut)?;
    // Two spaces or a tab: a column, not a word of the title.
    let gap_ok = before.ends_with(char::is_whitespace) || trimmed.get(cut..)?.starts_with('\t');
    let before = before.trim_end();
    if !gap_ok || before.is_empty() || !super::titles::mostly_chinese(before) {
        return None;
    }
    name.chars()
        .all(super::titles::is_cjk)
        .then_some((before, name))
}

/// `Herrn` (the dative after `durch` and `von`) written as `Herr`, so that the name reads as
/// it would on a list.
pub(super) fn nominative(name: &str) -> String {
    match name.strip_prefix("Herrn ") {
        Some(rest) => format!("Herr {rest}"),
        None => name.to_owned(),
    }
}
