//! The template environment shared by every page: the common print stylesheet and
//! autoescaping (every template name ends in `.html`).

use minijinja::Environment;
use serde::Serialize;
use shuangsuiji::Error;

/// The print stylesheet every page includes (`{% include "print.css" %}` is not used:
/// CSS is inserted as a variable marked safe, it holds no data).
pub(crate) const PRINT_CSS: &str = include_str!("../templates/print.css");

/// Renders `source` (registered as `name`, which must end in `.html` so that values are
/// escaped) with `context`.
///
/// # Errors
/// `internal_invariant`: the template does not compile or render — a bug of this crate,
/// never caused by the data.
pub(crate) fn render<S: Serialize>(name: &str, source: &str, context: &S) -> Result<String, Error> {
    debug_assert!(name.ends_with(".html"), "autoescaping needs a .html name");
    let mut env = Environment::new();
    env.add_template(name, source)
        .map_err(|e| Error::internal(format!("template {name}: {e}")))?;
    let ctx = minijinja::Value::from(minijinja::value::Serde(context));
    env.get_template(name)
        .and_then(|t| t.render(minijinja::context! { page => ctx, print_css => minijinja::Value::from_safe_string(PRINT_CSS.to_owned()) }))
        .map_err(|e| Error::internal(format!("template {name}: {e}")))
}
