//! A plain table with Chinese headers — the shape the bindings turn into data frames:
//! [`crate::export::Table`], which also writes it as CSV or xlsx.

pub use crate::export::Table;
