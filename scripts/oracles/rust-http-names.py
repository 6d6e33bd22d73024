#!/usr/bin/env python3
"""Oracle: print the StatusCode constants of the Rust `http` crate.

Usage: rust-http-names.py PATH/TO/http-1.x/src/status.rs

Parses the `status_codes! { ... }` macro table in that file. Each entry has
the form `(429, TOO_MANY_REQUESTS, "Too Many Requests");`. Output: one JSON
object on stdout, {"<code>": {"constant": "StatusCode::NAME", "phrase": "..."}}.
Exits 2 if the file cannot be read or has no table.
"""
import json
import re
import sys

ENTRY = re.compile(r'^\s*\(\s*(\d{3})\s*,\s*([A-Z][A-Z0-9_]*)\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)\s*;', re.M)


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: rust-http-names.py PATH/TO/status.rs", file=sys.stderr)
        return 2
    try:
        text = open(sys.argv[1], encoding="utf-8").read()
    except OSError as err:
        print(f"cannot read {sys.argv[1]}: {err}", file=sys.stderr)
        return 2
    start = text.find("status_codes! {")
    if start < 0:
        print("no `status_codes! {` table found", file=sys.stderr)
        return 2
    # The table ends at the first line that is just "}" after its start.
    end = text.find("\n}", start)
    table = text[start:end if end > 0 else len(text)]
    out = {}
    for m in ENTRY.finditer(table):
        code, name, phrase = m.groups()
        out[code] = {"constant": f"StatusCode::{name}", "phrase": json.loads(f'"{phrase}"')}
    if not out:
        print("the status_codes! table has no entries", file=sys.stderr)
        return 2
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
