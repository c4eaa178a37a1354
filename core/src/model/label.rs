//! Enumerations with one canonical JSON string and Chinese / English labels for
//! spreadsheets.

/// Declares an enum whose serde form is one canonical snake_case string and which
/// also parses the labels found in exported spreadsheets (`from_label`).
macro_rules! labelled_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($err:expr) {
            $( $(#[$vmeta:meta])* $variant:ident = $canon:literal [ $($alias:literal),* $(,)? ], )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The canonical (JSON) string.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $canon),* }
            }

            /// The accepted spreadsheet labels besides the canonical string.
            #[must_use]
            pub const fn labels(self) -> &'static [&'static str] {
                match self { $($name::$variant => &[$($alias),*]),* }
            }

            /// Parses the canonical string (any case) or one of the labels; full-width
            /// characters and surrounding spaces are normalised first.
            ///
            /// # Errors
            /// The family's `*_unknown` validation code if nothing matches.
            pub fn from_label(input: &str) -> $crate::Result<Self> {
                let t = $crate::model::text::normalized_width(input);
                let t: &str = &t;
                for v in Self::ALL {
                    if t.eq_ignore_ascii_case(v.as_str())
                        || v.labels().iter().any(|l| l.eq_ignore_ascii_case(t))
                    {
                        return Ok(*v);
                    }
                }
                let expected: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                Err($crate::Error::new(
                    $err,
                    format!("unknown {} {:?}; expected one of {}", stringify!($name), input, expected.join(", ")),
                )
                .with_value(input))
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                let s = <::std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == s)
                    .ok_or_else(|| {
                        let expected: Vec<&str> = Self::ALL.iter().map(|v| v.as_str()).collect();
                        $crate::Error::new(
                            $err,
                            format!("unknown {} {:?}; expected one of {}", stringify!($name), s, expected.join(", ")),
                        )
                        .with_value(&*s)
                        .into_de()
                    })
            }
        }
    };
}

pub(crate) use labelled_enum;
