"""Baseline: a plain chronology, sorted by the date text and printed by year.

Sorting EDTF text as strings puts '../1992' and '/1992' first, '1992-21' (spring)
after '1992-12', and ignores qualifiers: fast, and wrong in the ways Chronicle's
chronological order is not.
"""
import json
import sys

with open(sys.argv[1], encoding="utf-8") as file:
    data = json.load(file)

rows = []
for entity in data["entities"]:
    if entity["kind"] in ("event", "document") and "date" in entity:
        sources = ", ".join(f"{s['document']} {s.get('locator', '')}".strip() for s in entity.get("sources", []))
        rows.append((entity["date"], entity.get("title") or entity.get("name"), entity["kind"], sources))
rows.sort(key=lambda row: (row[0], row[1]))

with open(sys.argv[2], "w", encoding="utf-8") as out:
    year = None
    for date, title, kind, sources in rows:
        heading = date.lstrip("./")[:4]
        if heading != year:
            year = heading
            out.write(f"\n{year}\n")
        line = f"  {date:<24} {title}"
        if kind == "document":
            line += " [document]"
        if sources:
            line += f" ({sources})"
        out.write(line + "\n")
