#!/usr/bin/env python3
"""Send request bytes exactly as given on stdin to HOST:PORT and write the
request followed by the response, byte for byte as on the wire, to stdout.

    printf 'GET / HTTP/1.1\\r\\nHost: 127.0.0.1:8080\\r\\nConnection: close\\r\\n\\r\\n' \\
      | python3 scripts/captures/raw-request.py 127.0.0.1 8080 > out.raw.http

The response is read until the server closes the connection (so the request
should say Connection: close or be HTTP/1.0) or until no byte has arrived for
--idle seconds (default 2). Nothing is decoded or normalised.
"""
import argparse
import socket
import sys


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("host")
    ap.add_argument("port", type=int)
    ap.add_argument("--idle", type=float, default=2.0)
    args = ap.parse_args()

    request = sys.stdin.buffer.read()
    if not request:
        print("raw-request: empty request on stdin", file=sys.stderr)
        return 2
    response = bytearray()
    with socket.create_connection((args.host, args.port), timeout=10) as s:
        s.sendall(request)
        s.settimeout(args.idle)
        while True:
            try:
                data = s.recv(65536)
            except socket.timeout:
                break
            if not data:
                break
            response += data
    sys.stdout.buffer.write(request)
    sys.stdout.buffer.write(response)
    sys.stdout.buffer.flush()
    return 0 if response else 1


if __name__ == "__main__":
    sys.exit(main())
