"""Baseline: parse a timeline with orjson (Rust, no validation)."""
import sys

import orjson

with open(sys.argv[1], "rb") as file:
    data = orjson.loads(file.read())
print(len(data["entities"]), len(data["relations"]), len(data["claims"]), file=sys.stderr)
