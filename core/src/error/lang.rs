//! The language of human messages: Chinese by default, English on request.

use serde::{Deserialize, Serialize};

/// The language an error message or a label is written in. The default is Chinese
/// ([`Lang::Zh`]); bindings store a user's choice and pass it here, never a default of
/// their own.
///
/// ```
/// use shuangsuiji::Lang;
/// assert_eq!(Lang::default(), Lang::Zh);
/// assert_eq!(Lang::from_code("en"), Some(Lang::En));
/// assert_eq!(Lang::from_code("fr"), None);
/// assert_eq!(Lang::En.as_str(), "en");
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Lang {
    /// Chinese (简体中文), the default.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: &'static [Lang] = &[Lang::Zh, Lang::En];

    /// The language's code: `zh` or `en`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language whose code is `code` (`zh` or `en`), if any.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|l| l.as_str() == code)
    }
}
