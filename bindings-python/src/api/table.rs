//! The core's table operations (`shuangsuiji::ops`), one `#[pyfunction]` each, generated
//! from the core's `for_each_operation!`: same name as the table, the table's arguments
//! in its order (each may be `None`: absent), JSON text out. Each wrapper only turns its
//! Python values into the core's `ops::Arg`s ([`arg`]), calls the operation's `call`
//! (without the GIL) and converts the result or the error — no rules and no defaults.
//! The Python layer (`python/shuangsuiji/__init__.py`) adds the input conveniences
//! (paths, `Catalog` objects, dates) and `json.loads` of the result.

use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyInt, PyString};
use shuangsuiji::ops::Arg;

use crate::errors::IntoPy;

static DUMPS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// A Python value as the core's `ops::Arg`: `None` absent, `str` a string, `bytes` /
/// `bytearray` bytes, an `int` (not a `bool`) an integer; anything else (dict, list,
/// float, bool, date …) its JSON text by the package's `_dumps`. The operation's
/// reader decides what it accepts (`argument_type` naming the argument otherwise).
fn arg(py: Python<'_>, value: Option<&Bound<'_, PyAny>>) -> PyResult<Arg<'static>> {
    let Some(v) = value.filter(|v| !v.is_none()) else {
        return Ok(Arg::Absent);
    };
    if let Ok(s) = v.cast::<PyString>() {
        return Ok(Arg::Str(Cow::Owned(s.to_cow()?.into_owned())));
    }
    if let Ok(b) = v.cast::<PyBytes>() {
        return Ok(Arg::Bytes(Cow::Owned(b.as_bytes().to_vec())));
    }
    if let Ok(b) = v.cast::<PyByteArray>() {
        return Ok(Arg::Bytes(Cow::Owned(b.to_vec())));
    }
    if v.is_instance_of::<PyInt>() && !v.is_instance_of::<PyBool>() {
        return Ok(v
            .extract::<u64>()
            .map_or_else(|_| Arg::Other(describe(v)), Arg::Int));
    }
    let dumps = DUMPS.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        Ok(py.import("shuangsuiji")?.getattr("_dumps")?.unbind())
    })?;
    match dumps.call1(py, (v,)).and_then(|t| t.extract::<String>(py)) {
        Ok(text) => Ok(Arg::Json(Cow::Owned(text))),
        Err(_) => Ok(Arg::Other(describe(v))),
    }
}

/// `type repr` of a value, for an `argument_type` error.
fn describe(v: &Bound<'_, PyAny>) -> String {
    let ty = v
        .get_type()
        .name()
        .map_or_else(|_| "?".to_owned(), |n| n.to_string());
    let shown = v.repr().map_or_else(|_| String::new(), |r| r.to_string());
    format!("{ty} {shown}")
}

/// Expands the core's operation list into one `#[pyfunction]` per operation and
/// [`register`].
macro_rules! py_operations {
    ($($name:ident / $js:ident : $ts:literal ($args:ty) [$($field:ident),*] $(($($param:ident),*))?;)*) => {
        $( py_operation!($name ($args) [$($field),*] $(($($param),*))?); )*

        /// Registers every generated function.
        pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $( m.add_function(wrap_pyfunction!($name, m)?)?; )*
            Ok(())
        }
    };
}

/// One operation's `#[pyfunction]`: parameters in the call order (the read order unless
/// the table gives another), values handed to the core in the read order.
macro_rules! py_operation {
    ($name:ident ($args:ty) [$($field:ident),*]) => {
        py_operation!($name ($args) [$($field),*] ($($field),*));
    };
    ($name:ident ($args:ty) [$($field:ident),*] ($($param:ident),*)) => {
        #[doc = concat!(
            "The core's `", stringify!($name), "` operation (`shuangsuiji.operations()`): ",
            "the table's parameters in its order, the result as JSON text."
        )]
        #[pyfunction]
        #[pyo3(signature = ($($param),*))]
        #[allow(clippy::too_many_arguments)] // one per table argument (`verify_draw` has 7)
        fn $name(py: Python<'_>, $($param: Option<&Bound<'_, PyAny>>),*) -> PyResult<String> {
            let args = vec![$(arg(py, $field)?),*];
            py.detach(|| <$args>::call(args)).py_err(py)
        }
    };
}

shuangsuiji::for_each_operation!(py_operations);
