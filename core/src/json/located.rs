//! JSON deserialisation that says *where* a shape error is: the path of the offending
//! value (`[3].credit_class`, `items[0].strata[1].quota`) becomes the error's `field`,
//! so a clerk sees which record and which field to fix, not only a line and column.

use serde::de::DeserializeOwned;

use crate::{Error, Result};

fn located(e: &serde_path_to_error::Error<serde_json::Error>) -> Error {
    let err = Error::from_json(e.inner());
    if e.inner().classify() != serde_json::error::Category::Data {
        // A syntax error has a line and column but no meaningful value path.
        return err;
    }
    // `?` marks a segment serde could not name (e.g. inside an untagged enum): keep the
    // part of the path before it.
    let path = e.path().to_string();
    let known = path
        .find(".?")
        .or_else(|| path.find('?'))
        .map_or(path.as_str(), |i| &path[..i]);
    if known.is_empty() || known == "." {
        err
    } else {
        err.within(known)
    }
}

/// `serde_json::from_str` after [`check_json_text`](crate::json::limits::check_json_text)
/// (size, depth, duplicate keys), with the path of a shape error as `field`.
pub(crate) fn from_str<T: DeserializeOwned>(text: &str) -> Result<T> {
    crate::json::limits::check_json_text(text)?;
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| located(&e))?;
    de.end().map_err(|e| Error::from_json(&e))?;
    Ok(value)
}

/// `serde_json::from_value`, with the path of a shape error as `field`.
pub(crate) fn from_value<T: DeserializeOwned>(value: serde_json::Value) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| located(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_errors_name_the_record_and_field() {
        let e = from_str::<Vec<crate::model::Enterprise>>(
            r#"[{"uscc": "91350100M000100Y43", "name": "a", "division": "150581",
                 "credit_class": "B", "status": "active", "categories": []},
                {"uscc": "91350100MA00000155", "name": "b", "division": "150581",
                 "credit_class": "Z", "status": "active", "categories": []}]"#,
        )
        .unwrap_err();
        assert_eq!(e.code().as_str(), "credit_class_unknown");
        assert_eq!(e.details().field.as_deref(), Some("[1].credit_class"));
        assert!(e.details().extra.contains_key("line"), "{e:?}");
    }

    #[test]
    fn syntax_errors_keep_their_position_and_no_path() {
        let e = from_str::<Vec<u32>>("[1, 2").unwrap_err();
        assert_eq!(e.code().as_str(), "json_syntax");
        let e = from_str::<Vec<u32>>("[1] x").unwrap_err();
        assert_eq!(e.code().as_str(), "json_syntax");
        assert_eq!(from_str::<Vec<u32>>(" [1] ").unwrap(), vec![1]);
    }

    #[test]
    fn values_name_the_path_too() {
        let v = serde_json::json!({"a": [1, "x"]});
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct S {
            a: Vec<u32>,
        }
        let e = from_value::<S>(v).unwrap_err();
        assert_eq!(e.code().as_str(), "json_shape");
        assert_eq!(e.details().field.as_deref(), Some("a[1]"));
    }
}
