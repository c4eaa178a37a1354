//! The exported functions, one file per core area (camelCase names for JS; data keys
//! stay the core's snake_case). Each converts, calls one core function, converts back.

mod ceremony;
mod draw;
mod enforcement;
mod intake;
mod model;
mod ops;
mod publish;
mod rules;
mod teams;
mod verify;

pub use ceremony::*;
pub use draw::*;
pub use enforcement::*;
pub use intake::*;
pub use model::*;
pub use ops::*;
pub use publish::*;
pub use rules::*;
pub use teams::*;
pub use verify::*;
