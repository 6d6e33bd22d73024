//! Where each value of a JSON text starts, by JSON pointer (RFC 6901).
//!
//! serde_json gives no positions for values, so [`PositionIndex::build`]
//! scans the text once, tracking the pointer of every value and member name
//! it passes. Lines and columns are 1-based; columns count Unicode scalar
//! values (chars), not bytes, from the start of the line. The scanner never
//! panics: on text that is not valid JSON it records what it reached.

use std::collections::BTreeMap;
use std::iter::Peekable;
use std::str::Chars;

use serde::{Deserialize, Serialize};

/// A 1-based place in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub const START: Pos = Pos { line: 1, column: 1 };
}

/// Positions of the values and member names of one JSON text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PositionIndex {
    values: BTreeMap<String, Pos>,
    keys: BTreeMap<String, Pos>,
}

/// Deeper nesting than this is not indexed (serde_json itself refuses more
/// than 128 levels).
const MAX_DEPTH: usize = 256;

impl PositionIndex {
    /// Scans `text` once.
    pub fn build(text: &str) -> PositionIndex {
        let mut scanner = Scanner {
            chars: text.chars().peekable(),
            line: 1,
            column: 1,
            consumed: 0,
            index: PositionIndex::default(),
        };
        scanner.value(String::new(), 0);
        scanner.index
    }

    /// Where the value at `pointer` starts.
    pub fn value(&self, pointer: &str) -> Option<Pos> {
        self.values.get(pointer).copied()
    }

    /// Where the name of the member at `pointer` starts (its opening quote).
    pub fn key(&self, pointer: &str) -> Option<Pos> {
        self.keys.get(pointer).copied()
    }

    /// The value's position, else the nearest ancestor's, else 1:1.
    pub fn locate(&self, pointer: &str) -> Pos {
        let mut current = pointer;
        loop {
            if let Some(pos) = self.value(current) {
                return pos;
            }
            match current.rfind('/') {
                Some(cut) => current = &current[..cut],
                None => return Pos::START,
            }
        }
    }

    /// The member name's position, else [`PositionIndex::locate`].
    pub fn locate_key(&self, pointer: &str) -> Pos {
        self.key(pointer).unwrap_or_else(|| self.locate(pointer))
    }

    /// Every indexed value pointer, in order.
    pub fn pointers(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }
}

/// Escapes one reference token of a JSON pointer (RFC 6901 §3).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// `parent` + "/" + escaped `token`.
pub fn child(parent: &str, token: &str) -> String {
    format!("{parent}/{}", escape_token(token))
}

/// A 1-based position from serde_json's line and byte column, with the
/// column converted to chars (serde_json counts bytes, and reports 0 at the
/// very end of a line).
pub fn from_serde(text: &str, line: usize, byte_column: usize) -> Pos {
    let line = line.max(1);
    let content = text.split('\n').nth(line - 1).unwrap_or("");
    let mut cut = byte_column.min(content.len());
    while cut > 0 && !content.is_char_boundary(cut) {
        cut -= 1;
    }
    let column = content[..cut].chars().count().max(1);
    Pos { line: to_u32(line), column: to_u32(column) }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

struct Scanner<'a> {
    chars: Peekable<Chars<'a>>,
    line: u32,
    column: u32,
    consumed: usize,
    index: PositionIndex,
}

impl Scanner<'_> {
    fn pos(&self) -> Pos {
        Pos { line: self.line, column: self.column }
    }

    fn peek(&mut self) -> Option<char> {
        self.chars.peek().copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.chars.next()?;
        self.consumed += 1;
        if c == '\n' {
            self.line = self.line.saturating_add(1);
            self.column = 1;
        } else {
            self.column = self.column.saturating_add(1);
        }
        Some(c)
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n' | '\r')) {
            self.bump();
        }
    }

    fn value(&mut self, pointer: String, depth: usize) {
        self.skip_ws();
        if depth > MAX_DEPTH {
            return;
        }
        let start = self.pos();
        match self.peek() {
            None => {}
            Some('{') => {
                self.index.values.insert(pointer.clone(), start);
                self.bump();
                self.object(&pointer, depth);
            }
            Some('[') => {
                self.index.values.insert(pointer.clone(), start);
                self.bump();
                self.array(&pointer, depth);
            }
            Some('"') => {
                self.index.values.insert(pointer, start);
                self.string();
            }
            Some(_) => {
                self.index.values.insert(pointer, start);
                while let Some(c) = self.peek() {
                    if matches!(c, ',' | ']' | '}' | ':' | '"' | ' ' | '\t' | '\n' | '\r') {
                        break;
                    }
                    self.bump();
                }
            }
        }
    }

    fn object(&mut self, pointer: &str, depth: usize) {
        loop {
            self.skip_ws();
            let before = self.consumed;
            match self.peek() {
                Some('}') => {
                    self.bump();
                    return;
                }
                Some('"') => {
                    let key_pos = self.pos();
                    let raw = self.string();
                    // The raw text includes the quotes and escapes; let
                    // serde_json decode it exactly as it decoded the key.
                    let key = serde_json::from_str::<String>(&raw).unwrap_or(raw);
                    let member = child(pointer, &key);
                    self.index.keys.insert(member.clone(), key_pos);
                    self.skip_ws();
                    if self.peek() == Some(':') {
                        self.bump();
                    }
                    self.value(member, depth + 1);
                    self.skip_ws();
                    match self.peek() {
                        Some(',') => {
                            self.bump();
                        }
                        Some('}') => {}
                        _ => return,
                    }
                }
                _ => return,
            }
            if self.consumed == before {
                return;
            }
        }
    }

    fn array(&mut self, pointer: &str, depth: usize) {
        let mut item = 0usize;
        loop {
            self.skip_ws();
            let before = self.consumed;
            match self.peek() {
                Some(']') => {
                    self.bump();
                    return;
                }
                None => return,
                Some(_) => {
                    self.value(format!("{pointer}/{item}"), depth + 1);
                    item += 1;
                    self.skip_ws();
                    match self.peek() {
                        Some(',') => {
                            self.bump();
                        }
                        Some(']') => {}
                        _ => return,
                    }
                }
            }
            if self.consumed == before {
                return;
            }
        }
    }

    /// Consumes a string from its opening quote; returns its raw text.
    fn string(&mut self) -> String {
        let mut raw = String::new();
        if let Some(quote) = self.bump() {
            raw.push(quote);
        }
        while let Some(c) = self.bump() {
            raw.push(c);
            match c {
                '\\' => {
                    if let Some(escaped) = self.bump() {
                        raw.push(escaped);
                    }
                }
                '"' => break,
                _ => {}
            }
        }
        raw
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, column: u32) -> Option<Pos> {
        Some(Pos { line, column })
    }

    #[test]
    fn multi_line_values_and_keys() {
        let text =
            "{\n  \"title\": \"Not Found\",\n  \"a/b~c\": [1, {\"x\": null}],\n  \"é\": true\n}";
        let index = PositionIndex::build(text);
        assert_eq!(index.value(""), at(1, 1));
        assert_eq!(index.value("/title"), at(2, 12));
        assert_eq!(index.key("/title"), at(2, 3));
        assert_eq!(index.value("/a~1b~0c"), at(3, 12));
        assert_eq!(index.value("/a~1b~0c/0"), at(3, 13));
        assert_eq!(index.value("/a~1b~0c/1"), at(3, 16));
        assert_eq!(index.value("/a~1b~0c/1/x"), at(3, 22));
        assert_eq!(index.value("/é"), at(4, 8));
    }

    #[test]
    fn escapes_and_unicode_in_strings_and_keys() {
        let text = r#"{"q\"uote": "a\\\"b", "\u00e9t\u00e9": "ü€😀", "n": 1}"#;
        let index = PositionIndex::build(text);
        assert_eq!(index.value("/q\"uote"), at(1, 13));
        assert_eq!(index.value("/été"), at(1, 40));
        // "ü€😀" is three chars wide plus quotes: the next key starts after.
        assert_eq!(index.key("/n"), at(1, 47));
        assert_eq!(index.value("/n"), at(1, 52));
    }

    #[test]
    fn duplicate_keys_keep_the_last_like_serde_json() {
        let index = PositionIndex::build("{\"a\": 1,\n\"a\": 2}");
        assert_eq!(index.value("/a"), at(2, 6));
    }

    #[test]
    fn broken_text_never_panics() {
        for text in
            ["", "{", "[", "{\"a\"", "[1,", "{\"a\":}", "[}", "\"abc", "{,}", "[[[[", "{\"a\" 1}"]
        {
            let _ = PositionIndex::build(text);
        }
        let deep = "[".repeat(10_000);
        let _ = PositionIndex::build(&deep);
    }

    #[test]
    fn locate_falls_back_to_ancestors() {
        let index = PositionIndex::build("{\"a\": {\"b\": 1}}");
        assert_eq!(index.locate("/a/missing"), Pos { line: 1, column: 7 });
        assert_eq!(index.locate("/zzz"), Pos::START);
    }

    #[test]
    fn serde_positions_become_char_columns() {
        let text = "{\"é\": tru}";
        let Err(error) = serde_json::from_str::<serde_json::Value>(text) else {
            panic!("invalid JSON parsed");
        };
        let pos = from_serde(text, error.line(), error.column());
        assert_eq!(pos.line, 1);
        assert!(pos.column <= 10 && pos.column >= 7, "{pos:?}");
    }
}

/// The char offset of 1-based `line` and `column` in `text` (what a text
/// editor's selection counts), clamped to the line's end: the page puts the
/// cursor at a finding with it.
pub fn char_offset(text: &str, line: u32, column: u32) -> u32 {
    let mut offset = 0u32;
    for (number, content) in text.split('\n').enumerate() {
        let count = u32::try_from(content.chars().count()).unwrap_or(u32::MAX);
        if number + 1 == line as usize {
            return offset.saturating_add(column.saturating_sub(1).min(count));
        }
        offset = offset.saturating_add(count).saturating_add(1);
    }
    offset
}

#[cfg(test)]
mod char_offset_tests {
    use super::char_offset;

    #[test]
    fn lines_and_columns_become_offsets() {
        let text = "{\n  \"status\": \"404\"\n}";
        assert_eq!(char_offset(text, 1, 1), 0);
        assert_eq!(char_offset(text, 2, 3), 4);
        assert_eq!(char_offset(text, 2, u32::MAX), 19);
        assert_eq!(char_offset("é\nx", 2, 1), 2, "chars, not bytes");
    }
}
