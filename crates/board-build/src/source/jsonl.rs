//! JSON Lines: one post per line, an object with the same fields as the tables.

use std::path::Path;

use serde_json::Value;

use crate::record::{set_field, Column, Located, Record};
use crate::text::clean;
use board_core::content::{Attachment, Block};

/// A file given as an object: `{"name": "예산.hwp", "url": "…", "size": 335872, "downloads": 3}`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FileEntry {
    name: String,
    url: String,
    #[serde(default)]
    size: Option<u64>,
    #[serde(default)]
    downloads: Option<u64>,
}

impl FileEntry {
    fn check(self) -> Result<Attachment, String> {
        let url = board_core::safe_url::allowed(&self.url, &board_core::safe_url::WEB_SCHEMES)
            .ok_or_else(|| format!("file address {:?} is not http(s) or relative", self.url))?;
        let name = clean(&self.name);
        if name.is_empty() {
            return Err("a file needs a name".into());
        }
        Ok(Attachment {
            kind: Attachment::kind_of(&name),
            name,
            url,
            size: self.size,
            downloads: self.downloads,
        })
    }
}
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
                    let mut blocks = Vec::new();
                    for item in items {
                        let Value::String(s) = item else {
                            return Err(err(format!("field {key:?}: paragraphs must be text")));
                        };
                        // Each item is a paragraph (of HTML, when it looks like HTML).
                        if crate::html_blocks::looks_like_html(s) {
                            blocks.extend(crate::html_blocks::blocks(s));
                        } else {
                            let p = clean(s);
                            if !p.is_empty() {
                                blocks.push(Block::text_paragraph(&p));
                            }
                        }
                    }
                    r.blocks = Some(blocks).filter(|b| !b.is_empty());
                }
                (Column::Notice, Value::Bool(b)) => r.notice = Some(*b),
                (Column::Attachments, Value::Array(items)) => {
                    for item in items {
                        match item {
                            Value::String(s) => set_field(&mut r, col, s).map_err(err)?,
                            Value::Object(_) => {
                                let a = serde_json::from_value::<FileEntry>(item.clone())
                                    .map_err(|e| err(format!("field {key:?}: {e}")))?;
                                r.attachments.push(a.check().map_err(err)?);
                            }
                            _ => {
                                return Err(err(format!(
                                    "field {key:?}: a file is an address or an object"
                                )))
                            }
                        }
                    }
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
            rows[0].record.blocks.as_ref().unwrap(),
            &[Block::text_paragraph("x"), Block::text_paragraph("y")]
        );
        assert_eq!(rows[1].record.no, Some(2));
        assert_eq!(rows[1].record.source.as_ref().unwrap().org, "환경부");
        assert_eq!(rows[1].place.to_string(), "t.jsonl:3");
    }

    #[test]
    fn notices_files_and_html_bodies() {
        let rows = p(r#"{"no":1,"title":"a","date":"2025-01-02","notice":true,"body":"<p>가<b>나</b></p>","attachments":["https://x.kr/f/%EC%98%88%EC%82%B0.hwp",{"name":"일정.pdf","url":"/f/2.pdf","size":1024}]}"#).unwrap();
        let r = &rows[0].record;
        assert_eq!(r.notice, Some(true));
        assert_eq!(r.blocks.as_ref().unwrap().len(), 1);
        let names: Vec<&str> = r.attachments.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["예산.hwp", "일정.pdf"]);
        assert_eq!(r.attachments[1].size, Some(1024));
        let e =
            p(r#"{"no":1,"attachments":[{"name":"x","url":"javascript:alert(1)"}]}"#).unwrap_err();
        assert!(e.to_string().contains("not http(s) or relative"), "{e}");
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
