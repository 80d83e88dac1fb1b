"""Baseline: parse a timeline with Python's standard json module (no validation)."""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as file:
    data = json.load(file)
print(len(data["entities"]), len(data["relations"]), len(data["claims"]), file=sys.stderr)
