#!/usr/bin/env python3
"""Checks that the JSON Schema and `chronicle validate --strict` agree.

Every timeline under Examples/ and Tests/ChronicleTests/Fixtures/Schema/valid must
pass both; every one under Tests/ChronicleTests/Fixtures/Schema/invalid must fail
both. YAML is read with every scalar kept as text except plain numbers, as
Chronicle reads it (no booleans, dates or nulls from implicit typing).
"""
import json, pathlib, re, subprocess, sys

import jsonschema
import yaml

root = pathlib.Path(__file__).resolve().parent.parent
schema = json.loads((root / "Schema/chronicle.schema.json").read_text())
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
chronicle = sys.argv[1] if len(sys.argv) > 1 else str(root / ".build/debug/chronicle")

class TextLoader(yaml.SafeLoader):
    pass

# Keep only the int and float resolvers: 'no', '1992-02-26' and '~' stay text.
TextLoader.yaml_implicit_resolvers = {}
number = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")
TextLoader.add_implicit_resolver("tag:yaml.org,2002:float", number, list("-0123456789"))

def load(path):
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix == ".json":
        return json.loads(text)
    return yaml.load(text, Loader=TextLoader)

def files(folder):
    return sorted(p for p in folder.rglob("*") if p.suffix in (".json", ".yaml", ".yml"))

failures = 0
checked = 0
groups = [(True, files(root / "Examples")), (True, files(root / "Tests/ChronicleTests/Fixtures/Schema/valid")),
          (False, files(root / "Tests/ChronicleTests/Fixtures/Schema/invalid"))]
for expected_valid, paths in groups:
    for path in paths:
        if "Package" in path.parts or ".build" in str(path):
            continue
        checked += 1
        try:
            errors = list(validator.iter_errors(load(path)))
        except Exception as error:  # unparsable files are invalid for the schema too
            errors = [error]
        schema_valid = not errors
        # Files of one example folder are merged, as the README runs them.
        merged = files(path.parent) if "Examples" in path.parts else [path]
        run = subprocess.run([chronicle, "validate", "--strict", *map(str, merged)], capture_output=True, text=True)
        chronicle_valid = run.returncode == 0
        relative = path.relative_to(root)
        if schema_valid != expected_valid or chronicle_valid != expected_valid:
            failures += 1
            print(f"DISAGREE {relative}: expected {'valid' if expected_valid else 'invalid'}, "
                  f"schema says {'valid' if schema_valid else 'invalid'}, chronicle says {'valid' if chronicle_valid else 'invalid'}")
            for error in errors[:3]:
                print("   schema:", getattr(error, "message", error))
            if run.stderr:
                print("   chronicle:", run.stderr.strip().splitlines()[0])
print(f"schema check: {checked} files, {failures} disagreements")
sys.exit(1 if failures else 0)
