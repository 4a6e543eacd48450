//! Where each object of a JSON text starts, by its path from the root, so
//! a posting read from JSON is reported with the line it starts on.
//! serde_json's `Value` keeps no positions; this is one quick pass over
//! text serde_json has already accepted.

use std::collections::HashMap;

/// One step from a container to a value in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    Key(String),
    Index(usize),
}

/// Byte offsets of the `{` of every object in valid JSON `text`, by path
/// (the root object has the empty path). A key given twice keeps its last
/// object, as serde_json keeps its last value.
pub fn object_starts(text: &str) -> HashMap<Vec<Seg>, usize> {
    enum Frame {
        Object {
            key: Option<String>,
            expect_key: bool,
        },
        Array {
            index: usize,
        },
    }
    let mut out = HashMap::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut path: Vec<Seg> = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(b.len());
                if let Some(Frame::Object { key, expect_key }) = frames.last_mut()
                    && *expect_key
                {
                    *key = text
                        .get(start..end)
                        .and_then(|k| serde_json::from_str::<String>(k).ok());
                    *expect_key = false;
                }
            }
            open @ (b'{' | b'[') => {
                if let Some(parent) = frames.last() {
                    path.push(match parent {
                        Frame::Object { key, .. } => Seg::Key(key.clone().unwrap_or_default()),
                        Frame::Array { index } => Seg::Index(*index),
                    });
                }
                if open == b'{' {
                    out.insert(path.clone(), i);
                    frames.push(Frame::Object {
                        key: None,
                        expect_key: true,
                    });
                } else {
                    frames.push(Frame::Array { index: 0 });
                }
            }
            b'}' | b']' => {
                frames.pop();
                if !frames.is_empty() {
                    path.pop();
                }
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn objects_by_path() {
        let t = r#"{"@graph": [ {"a": "}{\"x"}, [1, {"b": 2}] ], "k": {"q\u0041": {}}}"#;
        let s = object_starts(t);
        let at = |p: &[Seg]| s.get(p).copied();
        assert_eq!(at(&[]), Some(0));
        let first = vec![Seg::Key("@graph".into()), Seg::Index(0)];
        assert_eq!(at(&first), t.find("{\"a\""));
        let nested = vec![Seg::Key("@graph".into()), Seg::Index(1), Seg::Index(1)];
        assert_eq!(at(&nested), t.find("{\"b\""));
        let escaped_key = vec![Seg::Key("k".into()), Seg::Key("qA".into())];
        assert_eq!(at(&escaped_key), t.rfind("{}"));
    }
}
