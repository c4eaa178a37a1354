//! The exported functions: the core's table operations, generated from the table
//! ([`table`]), the deprecated old names ([`deprecated`]), and, one file per core area,
//! the hand-written rest — each saying why it is not a table operation (a handle, a fast
//! path, or a result shape the table answers differently). camelCase names for JS; data
//! keys stay the core's snake_case. Each converts, calls one core function, converts
//! back.

mod deprecated;
mod disclosure;
mod draw;
mod intake;
mod model;
mod ops;
mod publish;
pub mod table;

pub use deprecated::*;
pub use disclosure::*;
pub use draw::*;
pub use intake::*;
pub use model::*;
pub use ops::*;
pub use publish::*;
