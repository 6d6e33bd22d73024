#!/usr/bin/env python3
"""Writes tests/support/schema_suite_files.rs: every JSON file of the vendored
JSON-Schema-Test-Suite, compiled in with include_str! so the suite runs the
same natively and in wasm (which has no file system)."""
import os

ROOT = os.path.join(os.path.dirname(__file__), "..")
SUITE = os.path.join(ROOT, "tests/fixtures/json-schema-test-suite")
OUT = os.path.join(ROOT, "tests/support/schema_suite_files.rs")

files = sorted(
    os.path.relpath(os.path.join(directory, name), SUITE)
    for directory, _, names in os.walk(SUITE)
    for name in names
    if name.endswith(".json")
)
lines = [
    "//! Every file of the vendored JSON-Schema-Test-Suite (tests/fixtures/json-schema-test-suite),",
    "//! compiled in so the suite runs the same natively and in wasm, where no file",
    "//! system exists. Generated; `tests/json_schema_suite.rs` fails if it no longer",
    "//! matches the directory (regenerate with `python3 scripts/list-schema-suite.py`).",
    "",
    "/// (path inside the suite, contents).",
    "pub const SUITE_FILES: &[(&str, &str)] = &[",
]
lines += [f'    ("{f}", include_str!("../fixtures/json-schema-test-suite/{f}")),' for f in files]
lines.append("];")
with open(OUT, "w") as out:
    out.write("\n".join(lines) + "\n")
print(f"{len(files)} files listed in {os.path.relpath(OUT, ROOT)}")
