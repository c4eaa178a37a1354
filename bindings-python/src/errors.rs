//! Core `Error` → Python exception of the family's class (defined in Python, so that it
//! subclasses `ValueError` under abi3 and can be imported and caught by users).

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;

static RAISE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Converts a core error into the matching `shuangsuiji` exception.
pub fn to_pyerr(py: Python<'_>, err: &shuangsuiji::Error) -> PyErr {
    let details = serde_json::to_string(err.details()).unwrap_or_else(|_| "{}".to_owned());
    let built = RAISE
        .get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            Ok(py
                .import("shuangsuiji._errors")?
                .getattr("_from_core")?
                .unbind())
        })
        .and_then(|factory| {
            factory.call1(
                py,
                (
                    err.message(),
                    err.code().as_str(),
                    err.family().as_str(),
                    details,
                    err.message_en(),
                ),
            )
        });
    match built {
        Ok(exc) => {
            let exc = exc.into_bound(py);
            match exc
                .get_type()
                .is_subclass_of::<pyo3::exceptions::PyBaseException>()
            {
                Ok(true) => PyErr::from_value(exc),
                _ => pyo3::exceptions::PyValueError::new_err(err.to_string()),
            }
        }
        Err(e) => e,
    }
}

/// Extension to turn `Result<T, shuangsuiji::Error>` into `PyResult<T>`.
pub trait IntoPy<T> {
    /// Converts the error side.
    fn py_err(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> IntoPy<T> for Result<T, shuangsuiji::Error> {
    fn py_err(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_pyerr(py, &e))
    }
}
