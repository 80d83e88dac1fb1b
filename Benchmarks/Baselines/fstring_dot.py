"""Baseline: the DOT writer people write in an afternoon, with f-strings.

Quotes every id and label and escapes backslashes and double quotes, so it is
correct for ordinary text; no clusters, no time axis, no legend.
"""
import json
import sys

SHAPES = {"event": "box", "person": "ellipse", "organisation": "hexagon", "place": "house", "document": "note"}


def quoted(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


with open(sys.argv[1], encoding="utf-8") as file:
    data = json.load(file)

lines = ["digraph timeline {", "  rankdir=LR;", "  node [fontname=Helvetica];"]
for entity in data["entities"]:
    label = entity.get("title") or entity.get("name")
    if "date" in entity:
        label = f"{label}\n{entity['date']}"
    lines.append(f"  {quoted(entity['id'])} [label={quoted(label)}, shape={SHAPES[entity['kind']]}];")
for relation in data["relations"]:
    attributes = f"label={quoted(relation['type'])}"
    if "role" in relation:
        attributes += f", taillabel={quoted(relation['role'])}"
    lines.append(f"  {quoted(relation['from'])} -> {quoted(relation['to'])} [{attributes}];")
for entity in data["entities"]:
    for field, kind in (("place", "located-in"), ("partOf", "part-of"), ("parent", "part-of")):
        if field in entity:
            lines.append(f"  {quoted(entity['id'])} -> {quoted(entity[field])} [label={quoted(kind)}, style=dashed];")
lines.append("}")

with open(sys.argv[2], "w", encoding="utf-8") as out:
    out.write("\n".join(lines))
    out.write("\n")
