//! `shuangsuiji ops`: JSON operations over stdin/stdout, one per line.

use std::io::{BufRead, Write};
use std::process::ExitCode;

use serde_json::{Map, Value, json};
use shuangsuiji::ops::run_operation;
use shuangsuiji::{Error, InputCode};

/// Answers every request line of `input` on `output` until end of input. Blank lines are
/// skipped. Exit 0 at end of input, 2 if reading or writing fails.
pub fn serve(mut input: impl BufRead, mut output: impl Write) -> ExitCode {
    let mut line = Vec::new();
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => return ExitCode::SUCCESS,
            Ok(_) => {}
            Err(e) => {
                eprintln!("shuangsuiji ops: {e}");
                return ExitCode::from(crate::exit::USAGE);
            }
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let answer = answer(&line);
        let written = serde_json::to_writer(&mut output, &answer)
            .map_err(std::io::Error::from)
            .and_then(|()| output.write_all(b"\n"))
            .and_then(|()| output.flush());
        if let Err(e) = written {
            eprintln!("shuangsuiji ops: {e}");
            return ExitCode::from(crate::exit::USAGE);
        }
    }
}

/// The answer to one request line.
fn answer(line: &[u8]) -> Value {
    let mut out = Map::new();
    let result = serde_json::from_slice::<Value>(line)
        .map_err(|e| Error::from_json(&e))
        .and_then(|req| {
            if let Some(id) = req.get("id") {
                out.insert("id".into(), id.clone());
            }
            request(&req)
        });
    match result {
        Ok(v) => out.insert("result".into(), v),
        Err(e) => out.insert(
            "error".into(),
            serde_json::to_value(&e).unwrap_or_else(|_| json!({"code": e.code().as_str()})),
        ),
    };
    Value::Object(out)
}

fn request(req: &Value) -> shuangsuiji::Result<Value> {
    let Some(obj) = req.as_object() else {
        return Err(shape("the request is not a JSON object", "request"));
    };
    if let Some(k) = obj
        .keys()
        .find(|k| !["op", "input", "id"].contains(&k.as_str()))
    {
        return Err(shape(&format!("unknown request key {k:?}"), k));
    }
    let Some(op) = obj.get("op").and_then(Value::as_str) else {
        return Err(shape("the request has no string \"op\"", "op"));
    };
    run_operation(op, obj.get("input").unwrap_or(&json!({})))
}

fn shape(message: &str, field: &str) -> Error {
    Error::new(InputCode::JsonShape, message).with_field(field)
}
