// Uses Chronicle's public API the way a library user would.
//
//   cd Examples/ChronicleExample && swift run ChronicleExample [output-folder]
//
// 1. Builds a small timeline with the result-builder DSL and prints its chronology.
// 2. Reads the two Khojaly letters, merges them, and asks questions of the graph:
//    which documents both letters cite, and what is dated 1992.
// 3. Writes the timeline view of the 1992 events as DOT.
import Chronicle
import Foundation

// main.swift → ChronicleExample → Sources → ChronicleExample → Examples → the package root.
let root = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
let outputFolder = CommandLine.arguments.dropFirst().first ?? FileManager.default.temporaryDirectory.path

// 1. A timeline written in code.
let sketch = try Timeline(title: "A sketch in code") {
  Document("letter-2021", "Letter dated 17 February 2021 from the Permanent Representative of Azerbaijan to the United Nations addressed to the Secretary-General",
           type: "letter", date: "2021-02-17")
  Person("yashar-aliyev", "Yashar Aliyev")
  Relation(from: "yashar-aliyev", type: "signed", to: "letter-2021", sources: [Citation("letter-2021", "signature")])
  Place("khojaly", "Khojaly", sources: [Citation("letter-2021", "para. 1")])
  Event("assault", "Events at Khojaly (as described in the 2021 letter)", date: "1992-02-25/1992-02-26",
        place: "khojaly", sources: [Citation("letter-2021", "para. 2")])
  Relation(from: "letter-2021", type: "reports", to: "assault", sources: [Citation("letter-2021", "para. 2")])
  Claim(subject: "assault", property: "civilians killed", value: .number(ClaimNumber(613)),
        sources: [Citation("letter-2021", "para. 3")])
}
print(ChronologyExporter(options: ChronologyOptions(width: 72)).export(sketch))

// 2. The shipped example, read from its files.
let files = ["letter-2021.yaml", "letter-2025.yaml"].map { root.appendingPathComponent("Examples/Khojaly/\($0)").path }
let result = TimelineReader.validate(contentsOf: files)
for diagnostic in result.diagnostics { print(diagnostic) }
guard !result.hasErrors else { exit(1) }
let graph = result.graph

func cited(by letter: String) -> Set<String> {
  guard let index = graph.index(of: letter) else { return [] }
  return Set(graph.outgoing(from: index, type: "cites").map { graph[$0.to].id })
}
let both = cited(by: "letter-2021").intersection(cited(by: "letter-2025")).sorted()
print("Documents cited by both letters (\(both.count)):")
for id in both { print("  - \(graph.entity(id: id)?.label ?? id)") }

let year1992 = try graph.entities(between: EDTFDate("1992"), and: EDTFDate("1992"))
print("\nDated in or overlapping 1992 (\(year1992.count)):")
for index in year1992 {
  let entity = graph[index]
  print("  \(entity.date?.humanDescription() ?? "undated"): \(entity.label)")
}

for disagreement in graph.disagreements {
  print("\nSources differ on '\(disagreement.property)' of '\(disagreement.subject)':")
  for claim in disagreement.claims {
    let who = [claim.claimant.map { "claimed by \(graph.entity(id: $0)?.label ?? $0)" },
               claim.reportedBy.map { "reported by \(graph.entity(id: $0)?.label ?? $0)" }].compactMap { $0 }
    let sources = claim.sources.map { "\($0.document)\($0.locator.map { ", \($0)" } ?? "")" }
    print("  \(claim.valueText())\(who.isEmpty ? "" : " (" + who.joined(separator: ", ") + ")") [\(sources.joined(separator: "; "))]")
  }
}

// 3. DOT of what is dated 1992, with the entities around it.
let only1992 = graph.filtered(by: GraphFilter(from: try EDTFDate("1992"), to: try EDTFDate("1992")))
let dotPath = URL(fileURLWithPath: outputFolder).appendingPathComponent("khojaly-1992.dot").path
try OutputFile.write(DOTExporter().export(only1992), to: dotPath)
print("\nWrote \(dotPath)")
