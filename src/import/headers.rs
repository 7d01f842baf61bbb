//! Column headers as people write them, in English, Chinese, French and German, or both
//! languages at once (`单位 Organisation`), recognised as the fields of a person.

use std::collections::BTreeMap;

/// A field a column of a list can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// Mr., Ms. … (`Civilité`, `Anrede`, `称谓`).
    Honorific,
    /// A whole name in either script (`姓名`, `Name`, `英文名`), split as written.
    Name,
    /// Family name (`Nom`, `Nachname`, `姓`).
    FamilyName,
    /// Given name (`Prénom`, `Vorname`, `名`).
    GivenName,
    /// Name in Chinese characters.
    ChineseName,
    /// Which name comes first.
    NameOrder,
    /// Gender (`性别`): gives the honorific when there is none.
    Gender,
    /// Organisation, in either script (acronym, English or Chinese name).
    Organisation,
    /// Organisation's Chinese name.
    OrganisationZh,
    /// Department (`部门`): goes into the title.
    Department,
    /// Job title, in either script.
    Title,
    /// Chinese title.
    TitleZh,
    /// Professional title (`职称`): kept in the notes.
    Qualification,
    /// E-mail.
    Email,
    /// Phone.
    Phone,
    /// Notes (`备注`).
    Notes,
    /// The side at a meeting (`Side`, `代表团`).
    Side,
    /// The role at a meeting.
    Role,
    /// The invitation status at a meeting.
    Status,
    /// The protocol order at a meeting.
    Order,
    /// On site or remote.
    Attendance,
    /// Date of birth (`出生日期`, `Date de naissance`, `Geburtsdatum`): personal data.
    DateOfBirth,
    /// Nationality (`国籍`, `Nationalité`, `Staatsangehörigkeit`): personal data.
    Nationality,
    /// Passport number (`护照号`, `N° de passeport`, `Reisepassnummer`): personal data.
    PassportNumber,
    /// The passport's date of expiry (`护照有效期`, `Gültig bis`): personal data.
    PassportExpiry,
}

impl Field {
    /// The CSV header of this field in the interchange layout (and its English label).
    pub fn header(self) -> &'static str {
        crate::model::Choice::label_en(self)
    }

    /// Fields that describe a place at a meeting rather than the person.
    pub fn is_attendance(self) -> bool {
        matches!(
            self,
            Self::Side | Self::Role | Self::Status | Self::Order | Self::Attendance
        )
    }

    /// Fields that are personal data (see [`crate::model::PersonalData`]): gender, date
    /// of birth, nationality, passport. The e-mail and phone of the interchange layout are
    /// contact details a list for the logistics team carries.
    pub fn is_personal(self) -> bool {
        matches!(
            self,
            Self::Gender
                | Self::DateOfBirth
                | Self::Nationality
                | Self::PassportNumber
                | Self::PassportExpiry
        )
    }

    /// Fields printed on a name card: a change to one means the card is printed again.
    pub fn on_name_card(self) -> bool {
        matches!(
            self,
            Self::Honorific
                | Self::FamilyName
                | Self::GivenName
                | Self::ChineseName
                | Self::NameOrder
                | Self::Organisation
                | Self::Title
                | Self::TitleZh
        )
    }

    /// Fields a column may hold in either script, each cell going to its own script's field.
    pub fn is_script_aware(self) -> bool {
        matches!(
            self,
            Self::Name
                | Self::Organisation
                | Self::OrganisationZh
                | Self::Title
                | Self::TitleZh
                | Self::Department
        )
    }

    /// Recognises a header, in any of the four languages or as a bilingual pair.
    pub fn from_header(header: &str) -> Option<Self> {
        match recognise(header) {
            Some(Recognised::Field(f)) => Some(f),
            _ => None,
        }
    }
}

crate::model::choice_enum!(Field {
    Honorific => ("honorific", "Honorific", "称谓"),
    Name => ("name", "Name", "姓名"),
    FamilyName => ("family-name", "Family name", "姓"),
    GivenName => ("given-name", "Given name", "名"),
    ChineseName => ("chinese-name", "Chinese name", "中文姓名"),
    NameOrder => ("name-order", "Name order", "姓名顺序"),
    Gender => ("gender", "Gender", "性别"),
    Organisation => ("organisation", "Organisation", "单位"),
    OrganisationZh => ("organisation-zh", "Organisation (Chinese)", "单位（中文）"),
    Department => ("department", "Department", "部门"),
    Title => ("title", "Title", "职务"),
    TitleZh => ("title-zh", "Title (Chinese)", "职务（中文）"),
    Qualification => ("qualification", "Professional title", "职称"),
    Email => ("email", "Email", "电子邮箱"),
    Phone => ("phone", "Phone", "电话"),
    Notes => ("notes", "Notes", "备注"),
    Side => ("side", "Side", "所属方"),
    Role => ("role", "Role", "角色"),
    Status => ("status", "Status", "状态"),
    Order => ("order", "Order", "顺序"),
    Attendance => ("attendance", "Attendance", "参会方式"),
    DateOfBirth => ("date-of-birth", "Date of birth", "出生日期"),
    Nationality => ("nationality", "Nationality", "国籍"),
    PassportNumber => ("passport-number", "Passport No.", "护照号"),
    PassportExpiry => ("passport-expiry", "Passport expiry", "护照有效期"),
});

/// What a header says its column is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recognised {
    /// A field of the person.
    Field(Field),
    /// A column lists keep that holds nothing to import (`序号`, `No.`, `Country`): it marks
    /// the header row but is ignored.
    Ignored,
}

/// Header words, folded (lower case, no accents, spaces or punctuation), by field.
const WORDS: &[(Field, &[&str])] = &[
    (
        Field::Honorific,
        &[
            "honorific",
            "salutation",
            "civilite",
            "anrede",
            "称谓",
            "称呼",
            "courtesytitle",
            "mrms",
        ],
    ),
    (
        Field::Name,
        &[
            "name",
            "fullname",
            "姓名",
            "名字",
            "英文名",
            "英文姓名",
            "englishname",
            "nameenglish",
            "拼音",
            "pinyin",
            "nomcomplet",
            "participant",
            "participants",
            "delegate",
            "attendee",
            "参会人员",
            "人员",
            "代表姓名",
            "vollstandigername",
        ],
    ),
    (
        Field::FamilyName,
        &[
            "familyname",
            "lastname",
            "surname",
            "姓",
            "姓氏",
            "nom",
            "nomdefamille",
            "nachname",
            "familienname",
        ],
    ),
    (
        Field::GivenName,
        &[
            "givenname",
            "firstname",
            "forename",
            "名",
            "prenom",
            "vorname",
        ],
    ),
    (
        Field::ChineseName,
        &[
            "chinesename",
            "中文名",
            "中文姓名",
            "namechinese",
            "汉字姓名",
        ],
    ),
    (Field::NameOrder, &["nameorder", "姓名顺序"]),
    (
        Field::Gender,
        &["gender", "sex", "性别", "性別", "sexe", "geschlecht"],
    ),
    (
        Field::Organisation,
        &[
            "organisation",
            "organization",
            "org",
            "company",
            "institution",
            "affiliation",
            "agency",
            "employer",
            "单位",
            "單位",
            "机构",
            "機構",
            "工作单位",
            "所在单位",
            "单位名称",
            "公司",
            "organisme",
            "societe",
            "entreprise",
            "etablissement",
            "unternehmen",
            "firma",
            "behorde",
        ],
    ),
    (
        Field::OrganisationZh,
        &[
            "organisationchinese",
            "organizationchinese",
            "单位中文",
            "中文单位",
            "机构中文",
            "机构中文名",
        ],
    ),
    (
        Field::Department,
        &[
            "department",
            "dept",
            "division",
            "部门",
            "部門",
            "处室",
            "所在部门",
            "service",
            "abteilung",
            "referat",
        ],
    ),
    (
        Field::Title,
        &[
            "title",
            "position",
            "jobtitle",
            "function",
            "职务",
            "職務",
            "职位",
            "職位",
            "岗位",
            "fonction",
            "poste",
            "titre",
            "funktion",
            "designation",
            "titleenglish",
        ],
    ),
    (Field::TitleZh, &["titlechinese", "中文职务", "职务中文"]),
    (
        Field::Qualification,
        &[
            "职称",
            "職稱",
            "professionaltitle",
            "academictitle",
            "akademischergrad",
        ],
    ),
    (
        Field::Email,
        &[
            "email",
            "mail",
            "emailaddress",
            "courriel",
            "adresseelectronique",
            "邮箱",
            "郵箱",
            "电子邮箱",
            "電子郵件",
            "电子邮件",
            "邮件",
            "电邮",
        ],
    ),
    (
        Field::Phone,
        &[
            "phone",
            "telephone",
            "tel",
            "mobile",
            "mobilephone",
            "cell",
            "手机",
            "电话",
            "電話",
            "联系电话",
            "手机号",
            "手机号码",
            "联系方式",
            "portable",
            "telefon",
            "handy",
            "mobil",
        ],
    ),
    (
        Field::Notes,
        &[
            "notes",
            "note",
            "remarks",
            "comment",
            "comments",
            "备注",
            "備註",
            "remarques",
            "bemerkung",
            "anmerkungen",
        ],
    ),
    (
        Field::Side,
        &[
            "side",
            "delegation",
            "代表团",
            "所属方",
            "参会方",
            "delegationside",
        ],
    ),
    (Field::Role, &["role", "角色", "身份", "rolle"]),
    (Field::Status, &["status", "状态", "statut"]),
    (
        Field::Order,
        &[
            "order",
            "rank",
            "protocolorder",
            "排序",
            "顺序",
            "ordre",
            "rang",
            "reihenfolge",
        ],
    ),
    (
        Field::Attendance,
        &[
            "attendance",
            "mode",
            "参会方式",
            "出席方式",
            "participation",
        ],
    ),
    (
        Field::DateOfBirth,
        &[
            "dateofbirth",
            "birthdate",
            "dob",
            "birthday",
            "born",
            "出生日期",
            "出生年月",
            "出生年月日",
            "生日",
            "出生",
            "datedenaissance",
            "naissance",
            "nele",
            "geburtsdatum",
            "geboren",
            "geburtstag",
        ],
    ),
    (
        Field::Nationality,
        &[
            "nationality",
            "citizenship",
            "国籍",
            "國籍",
            "nationalite",
            "staatsangehorigkeit",
            "nationalitat",
        ],
    ),
    (
        Field::PassportNumber,
        &[
            "passportno",
            "passportnumber",
            "passportnr",
            "passport",
            "passportn",
            "护照号",
            "护照号码",
            "护照",
            "護照號碼",
            "护照编号",
            "numerodepasseport",
            "ndepasseport",
            "nodepasseport",
            "passeport",
            "reisepassnummer",
            "reisepassnr",
            "passnummer",
            "passnr",
            "reisepass",
        ],
    ),
    (
        Field::PassportExpiry,
        &[
            "passportexpiry",
            "passportexpirydate",
            "passportvalidity",
            "passportvaliduntil",
            "expirydate",
            "dateofexpiry",
            "expiry",
            "expires",
            "validuntil",
            "护照有效期",
            "护照有效期至",
            "有效期",
            "有效期至",
            "dateexpiration",
            "datedexpiration",
            "expiration",
            "validitedupasseport",
            "gultigbis",
            "ablaufdatum",
            "gultigkeit",
        ],
    ),
];

/// Headers of columns that are recognised but hold nothing to import.
const IGNORED: &[&str] = &[
    "序号",
    "编号",
    "no",
    "nr",
    "n",
    "number",
    "numero",
    "lfdnr",
    "#",
    "country",
    "国家",
    "pays",
    "land",
    "signature",
    "签名",
    "签到",
];

/// A header folded for comparison: lower case, Latin accents removed, no spaces or
/// punctuation, full-width forms as ASCII.
fn fold(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in super::names::halfwidth(header).chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'À' | 'Á' | 'Â' | 'Ä' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'Î' | 'Ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'Û' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ß' => 's',
            _ => c,
        };
        if c == '#' {
            out.push(c);
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn lookup(folded: &str) -> Option<Recognised> {
    if folded.is_empty() {
        return None;
    }
    if IGNORED.contains(&folded) {
        return Some(Recognised::Ignored);
    }
    WORDS
        .iter()
        .find(|(_, words)| words.contains(&folded))
        .map(|(f, _)| Recognised::Field(*f))
}

/// What a header says its column is: the whole header first (`Organisation (Chinese)`),
/// then each language of a bilingual one (`单位 Organisation`, `姓名/Name`).
pub fn recognise(header: &str) -> Option<Recognised> {
    if let Some(r) = lookup(&fold(header)) {
        return Some(r);
    }
    let (latin, chinese) = super::names::split_by_script(header, true);
    if latin.is_empty() || chinese.is_empty() {
        // `Name:` `E-mail *` (required marks) come through the fold above; a Chinese
        // header with a note in brackets (`职务（必填）`) is its first word.
        let head = header
            .split(['(', '（', '[', '【'])
            .next()
            .unwrap_or_default();
        return if head == header {
            None
        } else {
            lookup(&fold(head))
        };
    }
    lookup(&fold(&chinese)).or_else(|| lookup(&fold(&latin)))
}

/// The field each column maps to, recognised from the headers. A field may fill several
/// columns (`手机` and `电话`; `职务` and `Title`): their cells are joined, each in its own
/// script where the field has two.
pub fn guess_mapping(headers: &[String]) -> Vec<Option<Field>> {
    headers
        .iter()
        .map(|h| match recognise(h) {
            Some(Recognised::Field(f)) => Some(f),
            _ => None,
        })
        .collect()
}

/// How many cells of `row` are recognised headers, and whether one of them is a name.
pub fn header_score(row: &[String]) -> (usize, bool) {
    let mut recognised = 0;
    let mut name = false;
    for cell in row {
        match recognise(cell) {
            Some(Recognised::Field(f)) => {
                recognised += 1;
                name |= matches!(
                    f,
                    Field::Name | Field::FamilyName | Field::GivenName | Field::ChineseName
                );
            }
            Some(Recognised::Ignored) => recognised += 1,
            None => {}
        }
    }
    (recognised, name)
}

/// The key a set of headers is remembered by (for a mapping the user chose): the folded
/// headers in order.
pub fn header_set_key(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| h.trim().to_lowercase())
        .collect::<Vec<_>>()
        .join("\u{1F}")
}

/// A mapping as kept in the settings: each column's field key, empty for ignored.
pub fn mapping_to_keys(mapping: &[Option<Field>]) -> Vec<String> {
    mapping
        .iter()
        .map(|f| {
            f.map(|f| crate::model::Choice::key(f).to_owned())
                .unwrap_or_default()
        })
        .collect()
}

/// A mapping from the settings, `None` when it does not fit `columns` columns.
pub fn mapping_from_keys(keys: &[String], columns: usize) -> Option<Vec<Option<Field>>> {
    if keys.len() != columns {
        return None;
    }
    let by_key: BTreeMap<&str, Field> = <Field as crate::model::Choice>::ALL
        .iter()
        .map(|f| (crate::model::Choice::key(*f), *f))
        .collect();
    keys.iter()
        .map(|k| {
            if k.is_empty() {
                Some(None)
            } else {
                by_key.get(k.as_str()).map(|f| Some(*f))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(headers: &[&str]) -> Vec<Option<Field>> {
        guess_mapping(&headers.iter().map(|h| (*h).to_owned()).collect::<Vec<_>>())
    }

    #[test]
    fn headers_in_four_languages_and_bilingual() {
        use Field::*;
        assert_eq!(
            fields(&[
                "序号",
                "姓名",
                "性别",
                "单位",
                "部门",
                "职务",
                "职称",
                "手机",
                "电话",
                "邮箱",
                "电子邮箱",
                "英文名"
            ]),
            [
                None,
                Some(Name),
                Some(Gender),
                Some(Organisation),
                Some(Department),
                Some(Title),
                Some(Qualification),
                Some(Phone),
                Some(Phone),
                Some(Email),
                Some(Email),
                Some(Name)
            ]
        );
        assert_eq!(
            fields(&[
                "Civilité",
                "Nom",
                "Prénom",
                "Organisme",
                "Fonction",
                "Courriel",
                "Téléphone"
            ]),
            [
                Some(Honorific),
                Some(FamilyName),
                Some(GivenName),
                Some(Organisation),
                Some(Title),
                Some(Email),
                Some(Phone)
            ]
        );
        assert_eq!(
            fields(&[
                "Anrede",
                "Nachname",
                "Vorname",
                "Organisation",
                "Funktion",
                "E-Mail",
                "Telefon"
            ]),
            [
                Some(Honorific),
                Some(FamilyName),
                Some(GivenName),
                Some(Organisation),
                Some(Title),
                Some(Email),
                Some(Phone)
            ]
        );
        assert_eq!(
            fields(&[
                "单位 Organisation",
                "姓名/Name",
                "Organisation (Chinese)",
                "职务（必填）",
                "Title (Chinese)"
            ]),
            [
                Some(Organisation),
                Some(Name),
                Some(OrganisationZh),
                Some(Title),
                Some(TitleZh)
            ]
        );
        assert_eq!(header_score(&["共计 3 人".to_owned()]), (0, false));
        assert_eq!(
            fields(&[
                "Passport No.",
                "护照号",
                "Date of birth",
                "出生日期",
                "Nationality",
                "国籍",
                "Geburtsdatum",
                "Date de naissance",
                "N° de passeport",
                "Staatsangehörigkeit",
                "Gültig bis",
                "护照有效期",
                "Date of expiry"
            ]),
            [
                Some(PassportNumber),
                Some(PassportNumber),
                Some(DateOfBirth),
                Some(DateOfBirth),
                Some(Nationality),
                Some(Nationality),
                Some(DateOfBirth),
                Some(DateOfBirth),
                Some(PassportNumber),
                Some(Nationality),
                Some(PassportExpiry),
                Some(PassportExpiry),
                Some(PassportExpiry)
            ]
        );
    }

    #[test]
    fn remembered_mappings_come_back() {
        let mapping = vec![Some(Field::Name), None, Some(Field::Phone)];
        let keys = mapping_to_keys(&mapping);
        assert_eq!(mapping_from_keys(&keys, 3), Some(mapping));
        assert_eq!(mapping_from_keys(&keys, 2), None);
        assert_eq!(mapping_from_keys(&["bogus".to_owned()], 1), None);
    }
}
