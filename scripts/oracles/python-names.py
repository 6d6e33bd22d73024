#!/usr/bin/env python3
"""Oracle: print the names Python's http.HTTPStatus gives each status code.

Output: one JSON object on stdout, {"<code>": {"constant": "HTTPStatus.NAME",
"phrase": "..."}}, read from the running interpreter (no hard-coded list).
Aliases are not listed: iterating an Enum yields canonical members only.
"""
import http
import json
import sys


def main() -> int:
    out = {}
    for status in http.HTTPStatus:
        out[str(int(status))] = {
            "constant": f"HTTPStatus.{status.name}",
            "phrase": status.phrase,
        }
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
