//! JSON Lines: one post per line, an object with the same fields as the tables.

use std::path::Path;

use serde_json::Value;

use crate::record::{set_field, Column, Located, Record};
use crate::text::clean;
use crate::{Error, Place};

pub fn parse(path: &Path, text: &str) -> Result<Vec<Located>, Error> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        let err = |cause: String| Error::at(path, line_no, cause);
        let obj = match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(o)) => o,
            Ok(_) => return Err(err("expected a JSON object for one post".into())),
            Err(e) => return Err(err(format!("not JSON: {e}"))),
        };
        let mut r = Record::default();
        for (key, value) in &obj {
            let col =
                Column::from_name(key).ok_or_else(|| err(format!("unknown field {key:?}")))?;
            match (col, value) {
                (_, Value::Null) => {}
                (_, Value::String(s)) => set_field(&mut r, col, s).map_err(err)?,
                (Column::No | Column::Views, Value::Number(n)) => {
                    set_field(&mut r, col, &n.to_string()).map_err(err)?
                }
                (Column::Body, Value::Array(items)) => {
                    let mut paragraphs = Vec::new();
                    for item in items {
                        let Value::String(s) = item else {
                            return Err(err(format!("field {key:?}: paragraphs must be text")));
                        };
                        let p = clean(s);
                        if !p.is_empty() {
                            paragraphs.push(p);
                        }
                    }
                    r.paragraphs = Some(paragraphs).filter(|p| !p.is_empty());
                }
                _ => return Err(err(format!("field {key:?}: unexpected {value}"))),
            }
        }
        out.push(Located {
            place: Place::new(path, line_no),
            record: r,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Vec<Located>, Error> {
        parse(Path::new("t.jsonl"), text)
    }

    #[test]
    fn reads_posts_with_either_key_language() {
        let rows = p("{\"no\":1,\"title\":\"a\",\"date\":\"2025-01-02\",\"views\":5,\"body\":[\"x\",\"\",\"y\"]}\n\n{\"번호\":\"2\",\"제목\":\"b\",\"출처\":\"(2025.01.03 환경부)\"}\n").unwrap();
        assert_eq!(
            rows[0].record.paragraphs.as_ref().unwrap(),
            &["x".to_string(), "y".to_string()]
        );
        assert_eq!(rows[1].record.no, Some(2));
        assert_eq!(rows[1].record.source.as_ref().unwrap().org, "환경부");
        assert_eq!(rows[1].place.to_string(), "t.jsonl:3");
    }

    #[test]
    fn errors_name_line_and_cause() {
        assert_eq!(
            p("{\"no\":1,\"stars\":5}").unwrap_err().to_string(),
            "t.jsonl:1: unknown field \"stars\""
        );
        assert!(p("{\"no\":1}\n{oops")
            .unwrap_err()
            .to_string()
            .starts_with("t.jsonl:2: not JSON"));
        assert!(p("[1]")
            .unwrap_err()
            .to_string()
            .starts_with("t.jsonl:1: expected a JSON object"));
        assert_eq!(
            p("{\"views\":1.5}").unwrap_err().to_string(),
            "t.jsonl:1: 조회수 \"1.5\" is not a whole number"
        );
        assert!(p("{\"title\":true}")
            .unwrap_err()
            .to_string()
            .starts_with("t.jsonl:1: field \"title\": unexpected"));
    }
}
