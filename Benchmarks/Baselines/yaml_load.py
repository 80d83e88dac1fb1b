"""Baseline: parse a YAML timeline with PyYAML's libyaml-based C loader (no validation)."""
import sys

import yaml

with open(sys.argv[1], "rb") as file:
    data = yaml.load(file, Loader=yaml.CSafeLoader)
print(len(data["entities"]), len(data["relations"]), len(data["claims"]), file=sys.stderr)
