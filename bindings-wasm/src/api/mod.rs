//! The exported functions, one file per core area (camelCase names for JS; data keys
//! stay the core's snake_case). Each converts, calls one core function, converts back.

mod model;

pub use model::*;
