//! The result categories of a random spot check (随机抽查结果), as versioned data with
//! provenance.
//!
//! Only two categories have a legal definition, in 企业公示信息抽查办法 (2014 总局令第67号,
//! revised 2025-03-18 by 总局令第101号) \[V]: 不予配合情节严重 (Art. 10 ¶3, defined in
//! Art. 11 by four cases) and 通过登记的住所（经营场所）无法联系 (Art. 14, three cases; Art.
//! 13 sends it to the abnormal-operation list). The others are the terms used in practice
//! on 国家企业信用信息公示系统; no text defines them, so they are marked
//! `secondary` with a note saying so (RULES-ADDENDUM.md, Addendum 2). The table has a
//! version ([`CATEGORY_TABLE_VERSION`]); a change of wording or meaning is a new version.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::OutcomeCode;
use crate::model::label::labelled_enum;
use crate::model::{Provenance, Verification};

/// The version of the category table ([`categories`]).
pub const CATEGORY_TABLE_VERSION: &str = "2025.1";

labelled_enum! {
    /// The standard result category of one checked item. JSON: the snake_case code;
    /// spreadsheets may give the Chinese term.
    pub enum FindingCategory (OutcomeCode::FindingCategoryUnknown) {
        /// 未发现问题 (practice).
        NoProblem = "no_problem" ["未发现问题"],
        /// 未按规定公示应当公示的信息 (practice).
        InfoNotPublished = "info_not_published" ["未按规定公示应当公示的信息"],
        /// 公示信息隐瞒真实情况、弄虚作假 (practice).
        InfoFalse = "info_false" ["公示信息隐瞒真实情况、弄虚作假", "公示信息隐瞒真实情况弄虚作假"],
        /// 通过登记的住所（经营场所）无法联系 (抽查办法 Art. 14 \[V]).
        Unreachable = "unreachable" ["通过登记的住所（经营场所）无法联系", "通过登记的住所(经营场所)无法联系"],
        /// 发现问题已责令改正 (practice): needs a `rectification` follow-up.
        Corrected = "corrected" ["发现问题已责令改正"],
        /// 发现问题待后续处理 (practice).
        PendingFollowUp = "pending_follow_up" ["发现问题待后续处理"],
        /// 不予配合情节严重 (抽查办法 Arts. 10 ¶3, 11 \[V]).
        RefusedSerious = "refused_serious" ["不予配合情节严重", "不配合检查情节严重"],
        /// 未发现开展本次抽查涉及的经营活动 (practice).
        NoActivity = "no_activity" ["未发现开展本次抽查涉及的经营活动"],
    }
}

impl FindingCategory {
    /// The Chinese term published on 国家企业信用信息公示系统.
    ///
    /// ```
    /// use shuangsuiji::outcomes::FindingCategory;
    /// assert_eq!(FindingCategory::RefusedSerious.label(), "不予配合情节严重");
    /// ```
    #[must_use]
    pub const fn label(self) -> &'static str {
        self.labels()[0]
    }

    /// Whether the category says nothing was found (no follow-up may go with it).
    #[must_use]
    pub const fn is_clean(self) -> bool {
        matches!(self, Self::NoProblem | Self::NoActivity)
    }
}

/// One row of the category table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryEntry {
    /// The category.
    pub category: FindingCategory,
    /// The published Chinese term.
    pub label: String,
    /// Whether a legal text defines it (only the two of 抽查办法 Arts. 11 and 14).
    pub legal_definition: bool,
    /// Where it comes from.
    pub provenance: Provenance,
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

const REVISION_NOTE: &str = "effective_from is the date of the 2025 revision (总局令第101号); the text seen does not state a later date of entry into force";

const RULES: &str = "企业公示信息抽查办法（2014年工商总局令第67号公布，2025年总局令第101号修订）";

/// The category table of version [`CATEGORY_TABLE_VERSION`], in declaration order.
///
/// ```
/// use shuangsuiji::outcomes::categories;
/// use shuangsuiji::model::Verification;
/// let table = categories();
/// assert_eq!(table.len(), 8);
/// let legal: Vec<_> = table.iter().filter(|c| c.legal_definition).map(|c| c.label.as_str()).collect();
/// assert_eq!(legal, ["通过登记的住所（经营场所）无法联系", "不予配合情节严重"]);
/// assert!(table.iter().filter(|c| !c.legal_definition)
///     .all(|c| c.provenance.verification == Verification::Secondary));
/// ```
#[must_use]
pub fn categories() -> Vec<CategoryEntry> {
    FindingCategory::ALL
        .iter()
        .map(|&category| {
            let (legal, article, note) = match category {
                FindingCategory::Unreachable => (
                    true,
                    Some("第十四条（认定）; 第十三条（列入经营异常名录）"),
                    Some(REVISION_NOTE),
                ),
                FindingCategory::RefusedSerious => {
                    (true, Some("第十条第三款（公示）; 第十一条（认定）"), Some(REVISION_NOTE))
                }
                _ => (
                    false,
                    None,
                    Some("practice: the term used on 国家企业信用信息公示系统; no legal text defines it"),
                ),
            };
            CategoryEntry {
                category,
                label: category.label().to_owned(),
                legal_definition: legal,
                provenance: Provenance {
                    document: if legal {
                        RULES.to_owned()
                    } else {
                        "国家企业信用信息公示系统 抽查检查结果用语".to_owned()
                    },
                    article: article.map(str::to_owned),
                    verification: if legal {
                        Verification::Verified
                    } else {
                        Verification::Secondary
                    },
                    effective_from: if legal { date(2025, 3, 18) } else { None },
                    effective_to: None,
                    note: note.map(str::to_owned),
                },
            }
        })
        .collect()
}
