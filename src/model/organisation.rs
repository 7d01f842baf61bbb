use serde::{Deserialize, Serialize};

use super::{Bilingual, choice_enum};

/// An organisation taking part in the cooperation: a standards body, a ministry, a company…
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organisation {
    /// Short name as people write it (`CCAA`, `AFNOR`).
    #[serde(default)]
    pub acronym: String,
    /// Full name in both languages.
    #[serde(default)]
    pub name: Bilingual,
    /// Country or region, as written by the user (`China`, `France`, `EU`).
    #[serde(default)]
    pub country: String,
    /// What kind of organisation it is, for statistics and protocol.
    #[serde(default)]
    pub sector: Sector,
    /// Free notes.
    #[serde(default)]
    pub notes: String,
    /// Postal address in both languages, as an invitation letter gives it. Not written
    /// when empty.
    #[serde(default, skip_serializing_if = "super::personal::is_default")]
    pub address: Bilingual,
    /// Switchboard phone, as an invitation letter gives it. Not written when empty.
    #[serde(default, skip_serializing_if = "super::personal::is_default")]
    pub phone: String,
    /// The legal representative (法定代表人), who signs invitation letters. Not written
    /// when empty.
    #[serde(default, skip_serializing_if = "super::personal::is_default")]
    pub representative: Bilingual,
}

impl Organisation {
    /// The acronym when there is one, else the name in the preferred language.
    pub fn short_name(&self, prefer_chinese: bool) -> &str {
        if prefer_chinese && !self.name.zh.trim().is_empty() {
            return &self.name.zh;
        }
        if self.acronym.trim().is_empty() {
            self.name.get(prefer_chinese)
        } else {
            &self.acronym
        }
    }
}

/// The sector of an organisation.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Sector {
    /// Ministries, agencies, embassies.
    Government,
    /// Companies and industry associations.
    Industry,
    /// Non-governmental organisations.
    Ngo,
    /// National or international standards bodies (AFNOR, DIN, SAC).
    StandardsBody,
    /// Certification bodies (CQC, AFNOR Certification).
    CertificationBody,
    /// Accreditation bodies and their associations (CNAS, COFRAC, CCAA).
    AccreditationBody,
    /// Universities and research institutes.
    Academia,
    /// International organisations (EU delegation, UN bodies).
    InternationalOrganisation,
    /// Anything else.
    #[default]
    Other,
}

choice_enum!(Sector {
    Government => ("government", "Government", "政府"),
    Industry => ("industry", "Industry", "产业"),
    Ngo => ("ngo", "NGO", "非政府组织"),
    StandardsBody => ("standards-body", "Standards body", "标准化机构"),
    CertificationBody => ("certification-body", "Certification body", "认证机构"),
    AccreditationBody => ("accreditation-body", "Accreditation body", "认可机构"),
    Academia => ("academia", "Academia", "学术机构"),
    InternationalOrganisation => ("international-organisation", "International organisation", "国际组织"),
    Other => ("other", "Other", "其他"),
});
