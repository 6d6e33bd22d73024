#!/usr/bin/env python3
"""Check data/code-names.toml against the oracles in this folder.

Usage:
  compare.py DATA_TOML [--registry STATUS_CODES_TOML] [--rust-status STATUS_RS]

Runs the four oracles (Python http.HTTPStatus, Node http.STATUS_CODES, Java
HttpURLConnection, Rust http crate status.rs) and compares each with the
matching [[ecosystem]] in DATA_TOML:
  * every name an oracle reports for a code in the registry must be in the data
    with the same constant and phrase (a field the oracle does not report must
    be absent from the data);
  * every entry in the data for that ecosystem must be reported by the oracle.
Codes that are not in the registry (default: status-codes.toml next to
DATA_TOML) are ignored. It also checks the basic shape of the whole file
(ids, ascending unique codes, codes in the registry, verified_by values).

The Rust status.rs path comes from --rust-status, else $HTTP_STATUS_RS, else
the http-1.4.0 crate in $CARGO_HOME (default ~/.cargo) registry sources.

Prints one line per mismatch and exits 1 if there is any; prints a summary and
exits 0 otherwise. Exits 2 on usage errors or when an oracle cannot run.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
IDS = {"go", "python", "node", "rust", "java", "spring", "dotnet", "aspnetcore",
       "rails", "symfony", "laravel"}
ORACLE_IDS = ("python", "node", "java", "rust")


def find_status_rs(arg):
    if arg:
        return arg
    if os.environ.get("HTTP_STATUS_RS"):
        return os.environ["HTTP_STATUS_RS"]
    cargo = os.environ.get("CARGO_HOME", os.path.expanduser("~/.cargo"))
    hits = sorted(glob.glob(os.path.join(cargo, "registry", "src", "*", "http-1.4.0", "src", "status.rs")))
    return hits[0] if hits else None


def run_oracle(cmd):
    try:
        res = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    except (OSError, subprocess.TimeoutExpired) as err:
        raise RuntimeError(f"{' '.join(cmd)}: {err}") from err
    if res.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {res.returncode}: {res.stderr.strip()}")
    try:
        data = json.loads(res.stdout)
    except json.JSONDecodeError as err:
        raise RuntimeError(f"{' '.join(cmd)} printed invalid JSON: {err}") from err
    return {int(k): v for k, v in data.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data")
    ap.add_argument("--registry")
    ap.add_argument("--rust-status")
    args = ap.parse_args()

    data_path = Path(args.data)
    reg_path = Path(args.registry) if args.registry else data_path.parent / "status-codes.toml"
    try:
        data = tomllib.load(open(data_path, "rb"))
        registry = {c["code"] for c in tomllib.load(open(reg_path, "rb"))["code"]}
    except (OSError, tomllib.TOMLDecodeError) as err:
        print(f"cannot load input: {err}", file=sys.stderr)
        return 2

    status_rs = find_status_rs(args.rust_status)
    if not status_rs or not os.path.isfile(status_rs):
        print("cannot find http-1.4.0 src/status.rs (use --rust-status or HTTP_STATUS_RS)", file=sys.stderr)
        return 2

    commands = {
        "python": [sys.executable, str(HERE / "python-names.py")],
        "node": ["node", str(HERE / "node-names.mjs")],
        "java": ["java", str(HERE / "JavaNames.java")],
        "rust": [sys.executable, str(HERE / "rust-http-names.py"), status_rs],
    }

    problems = []

    # Shape of the whole file.
    seen = set()
    ecosystems = {}
    for eco in data.get("ecosystem", []):
        eid = eco.get("id")
        where = f"[{eid}]"
        if eid not in IDS:
            problems.append(f"{where} unknown ecosystem id")
        if eid in seen:
            problems.append(f"{where} ecosystem listed twice")
        seen.add(eid)
        ecosystems[eid] = eco
        for key in ("label", "version", "source", "verified_by"):
            if not isinstance(eco.get(key), str) or not eco.get(key):
                problems.append(f"{where} missing {key}")
        if eco.get("verified_by") not in ("oracle", "source"):
            problems.append(f"{where} verified_by must be \"oracle\" or \"source\"")
        if eco.get("verified_by") == "oracle" and eid not in ORACLE_IDS:
            problems.append(f"{where} verified_by = \"oracle\" but there is no oracle for it")
        last = 0
        for entry in eco.get("name", []):
            code = entry.get("code")
            if not isinstance(code, int) or not 100 <= code <= 599:
                problems.append(f"{where} bad code {code!r}")
                continue
            if code <= last:
                problems.append(f"{where} {code}: codes must be unique and ascending")
            last = code
            if code not in registry:
                problems.append(f"{where} {code}: not in the registry")
            if not entry.get("constant") and not entry.get("phrase"):
                problems.append(f"{where} {code}: needs a constant or a phrase")
            extra = set(entry) - {"code", "constant", "phrase", "outdated"}
            if extra:
                problems.append(f"{where} {code}: unknown fields {sorted(extra)}")

    # Oracles.
    total = 0
    for eid in ORACLE_IDS:
        try:
            oracle = run_oracle(commands[eid])
        except RuntimeError as err:
            print(f"oracle for {eid} failed: {err}", file=sys.stderr)
            return 2
        eco = ecosystems.get(eid)
        if eco is None:
            problems.append(f"[{eid}] no [[ecosystem]] table for an oracle ecosystem")
            continue
        if eco.get("verified_by") != "oracle":
            problems.append(f"[{eid}] verified_by should be \"oracle\"")
        entries = {e["code"]: e for e in eco.get("name", []) if isinstance(e.get("code"), int)}
        for code, got in sorted(oracle.items()):
            if code not in registry:
                continue
            total += 1
            entry = entries.get(code)
            if entry is None:
                problems.append(f"[{eid}] {code}: missing; oracle says {json.dumps(got, ensure_ascii=False)}")
                continue
            for field in ("constant", "phrase"):
                want, have = got.get(field), entry.get(field)
                if want != have:
                    problems.append(f"[{eid}] {code}: {field} is {have!r} in the data, {want!r} from the oracle")
        for code in sorted(entries):
            if code not in oracle:
                problems.append(f"[{eid}] {code}: in the data but the oracle does not name it")

    for line in problems:
        print(line)
    if problems:
        print(f"{len(problems)} mismatch(es)", file=sys.stderr)
        return 1
    print(f"ok: {total} oracle names for registry codes match ({', '.join(ORACLE_IDS)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
