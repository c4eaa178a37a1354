//! How each table's row becomes a model record.

use std::collections::BTreeSet;

use super::headers::Table;
use super::table::{Record, RowReader, UniqueKey};
use crate::model::{
    Authority, CheckKind, CheckRecord, CreditClass, DepartmentCode, DivisionCode, Enterprise,
    Inspector, InspectorId, ItemId, Level, RegistrationStatus, RiskGrade, Uscc,
};
use crate::{Error, ModelCode, Result};

fn text(s: &str) -> Result<String> {
    Ok(s.to_owned())
}

impl Record for Enterprise {
    const TABLE: Table = Table::Enterprises;
    const LITERAL_FIELDS: &'static [&'static str] = &["uscc"];
    const UNIQUE: Option<(&'static str, ModelCode)> =
        Some(("uscc", ModelCode::EnterpriseDuplicate));

    fn key(&self) -> Option<String> {
        Some(self.uscc.as_str().to_owned())
    }

    fn unique_key(&self) -> Option<UniqueKey> {
        Some(UniqueKey::Uscc(self.uscc))
    }

    fn validate(&self) -> Result<()> {
        Enterprise::validate(self)
    }

    fn from_row(r: &mut RowReader<'_>) -> Option<Self> {
        let uscc = r.req("uscc", Uscc::parse);
        let name = r.req("name", text);
        let division = r.req("division", DivisionCode::parse);
        let town = r.opt("town", text);
        let credit_class = r.req("credit_class", CreditClass::from_label);
        let food_risk_grade = r.opt("food_risk_grade", RiskGrade::from_label);
        let categories = r.categories("categories");
        let status = r.req("status", RegistrationStatus::from_label);
        let abnormal = r.flag("abnormal", false);
        let serious_violation = r.flag("serious_violation", false);
        let complaints = r.count("complaints");
        let avoid = r.multi("avoid_inspectors", InspectorId::parse);
        Some(Self {
            uscc: uscc?,
            name: name?,
            division: division?,
            town: town?,
            credit_class: credit_class?,
            food_risk_grade: food_risk_grade?,
            categories: categories?,
            status: status?,
            abnormal: abnormal?,
            serious_violation: serious_violation?,
            complaints: complaints?.unwrap_or(0),
            avoid_inspectors: avoid?.into_iter().collect(),
        })
    }
}

impl Record for Inspector {
    const TABLE: Table = Table::Inspectors;
    const LITERAL_FIELDS: &'static [&'static str] = &["id"];
    const UNIQUE: Option<(&'static str, ModelCode)> = Some(("id", ModelCode::InspectorDuplicate));

    fn key(&self) -> Option<String> {
        Some(self.id.as_str().to_owned())
    }

    fn validate(&self) -> Result<()> {
        Ok(())
    }

    fn from_row(r: &mut RowReader<'_>) -> Option<Self> {
        let id = r.req("id", InspectorId::parse);
        let name = r.opt("name", text);
        let department = r.req("department", DepartmentCode::parse);
        let certified = r.req_flag("certified");
        let qualifications = r.texts("qualifications");
        let conflicts = r.multi("conflicts", Uscc::parse);
        let capacity = r.count("capacity");
        let active = r.flag("active", true);
        Some(Self {
            id: id?,
            name: name?,
            department: department?,
            certified: certified?,
            qualifications: qualifications?.into_iter().collect::<BTreeSet<_>>(),
            conflicts: conflicts?.into_iter().collect(),
            capacity: capacity?,
            active: active?,
        })
    }
}

fn authority_id(s: &str) -> Result<String> {
    if s.trim().is_empty() {
        return Err(Error::new(
            ModelCode::TextEmpty,
            "authority id must not be empty",
        ));
    }
    Ok(s.to_owned())
}

impl Record for CheckRecord {
    const TABLE: Table = Table::History;
    const LITERAL_FIELDS: &'static [&'static str] = &["task_id", "visit_id", "uscc"];
    const UNIQUE: Option<(&'static str, ModelCode)> = None;

    fn key(&self) -> Option<String> {
        None
    }

    fn validate(&self) -> Result<()> {
        self.authority.validate()
    }

    fn from_row(r: &mut RowReader<'_>) -> Option<Self> {
        let task_id = r.req("task_id", text);
        let visit_id = r.opt("visit_id", text);
        let uscc = r.req("uscc", Uscc::parse);
        let date = r.date("date");
        let authority_id = r.req("authority_id", authority_id);
        let authority_name = r.opt("authority_name", text);
        let department = r.req("department", DepartmentCode::parse);
        let level = r.req("level", Level::from_label);
        let jurisdiction = r.req("jurisdiction", DivisionCode::parse);
        let items = r.multi("items", ItemId::parse);
        let kind = r.req("kind", CheckKind::from_label);
        let inspectors = r.multi("inspectors", InspectorId::parse);
        let authority = Authority {
            id: authority_id?,
            department: department?,
            level: level?,
            jurisdiction: jurisdiction?,
            name: authority_name?,
        };
        if let Err(e) = authority.validate() {
            let field = match e.details().field.as_deref() {
                Some("id") => "authority_id",
                _ => "jurisdiction",
            };
            r.record_error(field, e);
            return None;
        }
        Some(Self {
            task_id: task_id?,
            visit_id: visit_id?,
            uscc: uscc?,
            date: date?,
            authority,
            items: items?,
            kind: kind?,
            inspectors: inspectors?,
        })
    }
}
