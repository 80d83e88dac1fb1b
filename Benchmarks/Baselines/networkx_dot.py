"""Baseline: build a NetworkX MultiDiGraph from a timeline and write DOT with pydot."""
import json
import sys

import networkx as nx
from networkx.drawing.nx_pydot import write_dot

with open(sys.argv[1], encoding="utf-8") as file:
    data = json.load(file)
graph = nx.MultiDiGraph()
for entity in data["entities"]:
    label = entity.get("title") or entity.get("name")
    graph.add_node(entity["id"], label=label, kind=entity["kind"], date=entity.get("date", ""))
for relation in data["relations"]:
    graph.add_edge(relation["from"], relation["to"], label=relation["type"])
for entity in data["entities"]:
    if "place" in entity:
        graph.add_edge(entity["id"], entity["place"], label="located-in")
    if "partOf" in entity:
        graph.add_edge(entity["id"], entity["partOf"], label="part-of")
    if "parent" in entity:
        graph.add_edge(entity["id"], entity["parent"], label="located-in" if entity["kind"] == "place" else "part-of")
write_dot(graph, sys.argv[2])
