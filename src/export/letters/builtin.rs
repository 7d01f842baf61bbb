//! The built-in templates: a Chinese visa invitation letter (邀请函, with what the consulates
//! ask of an M or F visa invitation), a Schengen visa invitation letter, and a certificate
//! of attendance, each in Chinese and English.
//!
//! Each is written once as the PDF engine's blocks with `{{placeholders}}` (every one with
//! its language, `{{name_zh}}`, `{{dates_en}}`, so that a bilingual letter has both). The
//! Word file made from those blocks is an ordinary template (a user can save it, put it on
//! their letterhead and choose it again); the PDF is laid out by the app's own engine from
//! the same blocks, filled.

use crate::export::ExportLanguage;
use crate::export::pdf::Block;

/// A template that comes with the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, clap::ValueEnum)]
pub enum Builtin {
    /// Invitation letter for a Chinese visa (M or F), 邀请函.
    ChinaVisa,
    /// Invitation letter for a Schengen visa.
    SchengenVisa,
    /// Certificate of attendance, 参会证明.
    Attendance,
}

impl Builtin {
    /// Every built-in template, in menu order.
    pub const ALL: [Self; 3] = [Self::ChinaVisa, Self::SchengenVisa, Self::Attendance];

    /// The name the command line takes (`china-visa`).
    pub fn key(self) -> &'static str {
        match self {
            Self::ChinaVisa => "china-visa",
            Self::SchengenVisa => "schengen-visa",
            Self::Attendance => "attendance",
        }
    }

    /// The built-in template named `key`.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|b| b.key() == key)
    }

    /// What it is called in English and in Chinese.
    pub fn label(self, zh: bool) -> &'static str {
        match (self, zh) {
            (Self::ChinaVisa, false) => "Invitation letter for a Chinese visa",
            (Self::ChinaVisa, true) => "来华签证邀请函",
            (Self::SchengenVisa, false) => "Invitation letter for a Schengen visa",
            (Self::SchengenVisa, true) => "申根签证邀请函",
            (Self::Attendance, false) => "Certificate of attendance",
            (Self::Attendance, true) => "参会证明",
        }
    }

    /// The blocks of the letter in `language`: `Both` is the two letters one after the
    /// other, each on its own pages (Chinese first for a Chinese visa, whose consulates
    /// read it; English first otherwise).
    pub fn blocks(self, language: ExportLanguage) -> Vec<Block> {
        let zh_first = self == Self::ChinaVisa;
        match language {
            ExportLanguage::En => self.blocks_in(false),
            ExportLanguage::Zh => self.blocks_in(true),
            ExportLanguage::Both => {
                let mut blocks = self.blocks_in(zh_first);
                blocks.push(Block::PageBreak);
                blocks.extend(self.blocks_in(!zh_first));
                blocks
            }
        }
    }

    /// The text of the page header of the Word template (the host's name, in the first
    /// language of the letter).
    pub fn header(self, language: ExportLanguage) -> &'static str {
        match (language, self) {
            (ExportLanguage::Zh, _) => "{{host_zh}}",
            (ExportLanguage::En, _) => "{{host_en}}",
            (ExportLanguage::Both, Self::ChinaVisa) => "{{host_zh}} {{host_en}}",
            (ExportLanguage::Both, _) => "{{host_en}} {{host_zh}}",
        }
    }

    fn blocks_in(self, zh: bool) -> Vec<Block> {
        match (self, zh) {
            (Self::ChinaVisa, true) => china_visa_zh(),
            (Self::ChinaVisa, false) => china_visa_en(),
            (Self::SchengenVisa, true) => schengen_zh(),
            (Self::SchengenVisa, false) => schengen_en(),
            (Self::Attendance, true) => attendance_zh(),
            (Self::Attendance, false) => attendance_en(),
        }
    }
}

fn p(text: &str) -> Block {
    Block::Paragraph(text.to_owned())
}

fn h(text: &str) -> Block {
    Block::Heading(text.to_owned())
}

/// A two-column table of labels and values.
fn facts(rows: &[(&str, &str)]) -> Block {
    Block::Table {
        widths: vec![1.0, 2.4],
        header: Vec::new(),
        rows: rows
            .iter()
            .map(|(label, value)| vec![(*label).to_owned(), (*value).to_owned()])
            .collect(),
    }
}

/// The table of the delegation's members: one row, repeated per member.
fn members(header: [&str; 6], row: [&str; 6]) -> Block {
    Block::Table {
        widths: vec![0.6, 1.9, 1.0, 1.5, 1.4, 1.8],
        header: header.iter().map(|s| (*s).to_owned()).collect(),
        rows: vec![row.iter().map(|s| (*s).to_owned()).collect()],
    }
}

fn china_visa_zh() -> Vec<Block> {
    vec![
        Block::Title("邀请函".to_owned()),
        p("中华人民共和国驻外使领馆："),
        p(
            "兹邀请{{name_zh}}（护照号码：{{passport_number}}）于{{arrival_zh}}至{{departure_zh}}来华，{{purpose_zh}}。访问期间的费用安排如下：{{costs_zh}}",
        ),
        h("被邀请人信息"),
        facts(&[
            ("姓名（与护照一致）", "{{latin_name}}"),
            ("性别", "{{gender_zh}}"),
            ("出生日期", "{{date_of_birth_zh}}"),
            ("国籍", "{{nationality}}"),
            ("护照号码", "{{passport_number}}"),
            ("护照有效期至", "{{passport_expiry_zh}}"),
            ("工作单位", "{{organisation_zh}}"),
            ("职务", "{{title_zh}}"),
        ]),
        h("访问信息"),
        facts(&[
            ("访问事由", "{{purpose_zh}}"),
            ("入境和离境日期", "{{arrival_zh}}至{{departure_zh}}"),
            ("访问地点", "{{venues_zh}}"),
            (
                "与邀请单位的关系",
                "{{host_zh}}邀请的{{organisation_zh}}代表团成员",
            ),
            ("费用承担", "{{costs_zh}}"),
        ]),
        h("代表团成员"),
        members(
            ["序号", "姓名", "性别", "出生日期", "护照号码", "职务"],
            [
                "{{member.index}}",
                "{{member.latin_name}}",
                "{{member.gender_zh}}",
                "{{member.date_of_birth_zh}}",
                "{{member.passport_number}}",
                "{{member.title_zh}}",
            ],
        ),
        h("邀请单位信息"),
        facts(&[
            ("单位名称", "{{host_zh}}"),
            ("地址", "{{host_address_zh}}"),
            ("联系电话", "{{host_phone}}"),
            ("法定代表人", "{{host_representative_zh}}"),
        ]),
        Block::Spacer(18.0),
        p("邀请单位（盖章）：{{host_zh}}"),
        p("法定代表人或授权人签字：{{signatory_zh}}　{{signatory_title_zh}}"),
        p("日期：{{today_zh}}"),
    ]
}

fn china_visa_en() -> Vec<Block> {
    vec![
        Block::Title("Invitation Letter".to_owned()),
        p("To the Embassy or Consulate General of the People's Republic of China"),
        p(
            "{{host_en}} invites {{name_en}} (passport No. {{passport_number}}) to visit China from {{arrival_en}} to {{departure_en}} {{purpose_en}}. The costs of the visit are borne as follows: {{costs_en}}",
        ),
        h("The invitee"),
        facts(&[
            ("Full name (as in the passport)", "{{latin_name}}"),
            ("Gender", "{{gender_en}}"),
            ("Date of birth", "{{date_of_birth_en}}"),
            ("Nationality", "{{nationality}}"),
            ("Passport No.", "{{passport_number}}"),
            ("Passport valid until", "{{passport_expiry_en}}"),
            ("Organisation", "{{organisation_en}}"),
            ("Title", "{{title_en}}"),
        ]),
        h("The visit"),
        facts(&[
            ("Purpose", "{{purpose_en}}"),
            ("Arrival and departure", "{{arrival_en}} – {{departure_en}}"),
            ("Places to visit", "{{venues_en}}"),
            (
                "Relationship with the inviting organisation",
                "Member of the delegation of {{organisation_en}} invited by {{host_en}}",
            ),
            ("Costs", "{{costs_en}}"),
        ]),
        h("Members of the delegation"),
        members(
            [
                "No.",
                "Name",
                "Gender",
                "Date of birth",
                "Passport No.",
                "Title",
            ],
            [
                "{{member.index}}",
                "{{member.latin_name}}",
                "{{member.gender_en}}",
                "{{member.date_of_birth_en}}",
                "{{member.passport_number}}",
                "{{member.title_en}}",
            ],
        ),
        h("The inviting organisation"),
        facts(&[
            ("Name", "{{host_en}}"),
            ("Address", "{{host_address_en}}"),
            ("Phone", "{{host_phone}}"),
            ("Legal representative", "{{host_representative_en}}"),
        ]),
        Block::Spacer(18.0),
        p("Stamp of the inviting organisation: {{host_en}}"),
        p(
            "Signature of the legal representative or authorised person: {{signatory_en}}, {{signatory_title_en}}",
        ),
        p("Date: {{today_en}}"),
    ]
}

fn schengen_en() -> Vec<Block> {
    vec![
        Block::Title("Letter of Invitation".to_owned()),
        p("To the Visa Section of the Embassy or Consulate of {{host_country}}"),
        p("{{today_en}}"),
        p("Subject: invitation of {{name_en}}, {{title_en}}, {{organisation_en}}"),
        p("Dear Sir or Madam,"),
        p(
            "{{host_en}} invites {{name_en}} {{purpose_en}}, which takes place on {{dates_en}} in {{venues_en}}. We would be grateful if a visa could be issued for this visit.",
        ),
        h("The invitee"),
        facts(&[
            ("Full name (as in the passport)", "{{latin_name}}"),
            ("Gender", "{{gender_en}}"),
            ("Date of birth", "{{date_of_birth_en}}"),
            ("Nationality", "{{nationality}}"),
            ("Passport No.", "{{passport_number}}"),
            ("Passport valid until", "{{passport_expiry_en}}"),
            ("Organisation", "{{organisation_en}}"),
            ("Title", "{{title_en}}"),
        ]),
        h("The visit"),
        facts(&[
            ("Purpose", "{{purpose_en}}"),
            (
                "Dates of entry and departure",
                "{{arrival_en}} – {{departure_en}}",
            ),
            ("Places", "{{venues_en}}"),
            ("Accommodation", "{{accommodation_en}}"),
            ("Costs", "{{costs_en}}"),
        ]),
        h("Members of the delegation"),
        members(
            [
                "No.",
                "Name",
                "Gender",
                "Date of birth",
                "Passport No.",
                "Title",
            ],
            [
                "{{member.index}}",
                "{{member.latin_name}}",
                "{{member.gender_en}}",
                "{{member.date_of_birth_en}}",
                "{{member.passport_number}}",
                "{{member.title_en}}",
            ],
        ),
        h("The inviting organisation"),
        facts(&[
            ("Name", "{{host_en}}"),
            ("Address", "{{host_address_en}}"),
            ("Phone", "{{host_phone}}"),
        ]),
        p("Please do not hesitate to contact us for any further information."),
        p("Yours faithfully,"),
        Block::Spacer(24.0),
        p("{{signatory_en}}\n{{signatory_title_en}}\n{{host_en}}"),
    ]
}

fn schengen_zh() -> Vec<Block> {
    vec![
        Block::Title("邀请函（申根签证）".to_owned()),
        p("致{{host_country}}驻华使领馆签证处："),
        p("{{today_zh}}"),
        p("事由：邀请{{organisation_zh}}{{title_zh}}{{name_zh}}"),
        p(
            "{{host_zh}}邀请{{name_zh}}于{{dates_zh}}在{{venues_zh}}{{purpose_zh}}。恳请贵馆为此次访问签发签证。",
        ),
        h("被邀请人信息"),
        facts(&[
            ("姓名（与护照一致）", "{{latin_name}}"),
            ("性别", "{{gender_zh}}"),
            ("出生日期", "{{date_of_birth_zh}}"),
            ("国籍", "{{nationality}}"),
            ("护照号码", "{{passport_number}}"),
            ("护照有效期至", "{{passport_expiry_zh}}"),
            ("工作单位", "{{organisation_zh}}"),
            ("职务", "{{title_zh}}"),
        ]),
        h("访问信息"),
        facts(&[
            ("访问事由", "{{purpose_zh}}"),
            ("入境和离境日期", "{{arrival_zh}}至{{departure_zh}}"),
            ("访问地点", "{{venues_zh}}"),
            ("住宿", "{{accommodation_zh}}"),
            ("费用承担", "{{costs_zh}}"),
        ]),
        h("代表团成员"),
        members(
            ["序号", "姓名", "性别", "出生日期", "护照号码", "职务"],
            [
                "{{member.index}}",
                "{{member.latin_name}}",
                "{{member.gender_zh}}",
                "{{member.date_of_birth_zh}}",
                "{{member.passport_number}}",
                "{{member.title_zh}}",
            ],
        ),
        h("邀请单位信息"),
        facts(&[
            ("单位名称", "{{host_zh}}"),
            ("地址", "{{host_address_zh}}"),
            ("联系电话", "{{host_phone}}"),
        ]),
        p("如需更多信息，请随时与我们联系。"),
        Block::Spacer(24.0),
        p("{{signatory_zh}}\n{{signatory_title_zh}}\n{{host_zh}}"),
    ]
}

fn attendance_en() -> Vec<Block> {
    vec![
        Block::Title("Certificate of Attendance".to_owned()),
        Block::Spacer(12.0),
        p("This is to certify that"),
        h("{{name_en}}"),
        p("{{title_en}}, {{organisation_en}}"),
        p("attended the {{meeting_title_en}}, held in {{venues_en}} on {{dates_en}}."),
        Block::Spacer(36.0),
        p("{{signatory_en}}\n{{signatory_title_en}}\n{{host_en}}"),
        p("{{today_en}}"),
    ]
}

fn attendance_zh() -> Vec<Block> {
    vec![
        Block::Title("参会证明".to_owned()),
        Block::Spacer(12.0),
        p("兹证明"),
        h("{{name_zh}}"),
        p("{{organisation_zh}}　{{title_zh}}"),
        p("于{{dates_zh}}在{{venues_zh}}参加了{{meeting_title_zh}}。"),
        p("特此证明。"),
        Block::Spacer(36.0),
        p("{{host_zh}}\n{{signatory_zh}}　{{signatory_title_zh}}"),
        p("{{today_zh}}"),
    ]
}
