import ArgumentParser
import Chronicle

/// The filters shared by `export`, `render` and `stats`.
struct FilterOptions: ParsableArguments {
  @Option(help: ArgumentHelp("Keep events and documents dated on or after this EDTF date's earliest day.", valueName: "date"))
  var from: String?

  @Option(help: ArgumentHelp("Keep events and documents dated on or before this EDTF date's latest day.", valueName: "date"))
  var to: String?

  @Option(help: ArgumentHelp("Keep only these kinds (comma-separated: event,person,organisation,place,document).", valueName: "kinds"))
  var kinds: String?

  @Option(help: ArgumentHelp("Keep only these relation types (comma-separated, e.g. cites,reports).", valueName: "types"))
  var relations: String?

  @Option(help: ArgumentHelp("Keep only what lies within --depth edges of this entity id.", valueName: "id"))
  var focus: String?

  @Option(help: "How many edges from --focus to go.")
  var depth: Int = 1

  @Option(help: ArgumentHelp("Keep only entities whose id, name, title, aliases, description or notes contain this text (ignoring case and accents).", valueName: "text"))
  var match: String?

  func validate() throws {
    if depth < 0 { throw ValidationError("--depth must be 0 or more; got \(depth)") }
    if let match, match.allSatisfy(\.isWhitespace) {
      throw ValidationError("--match needs some text to look for")
    }
    _ = try filter()
  }

  /// The part of `graph` these options keep; a usage error when --focus names no entity
  /// (rather than an empty drawing), saying so when an id differs only in Unicode
  /// normalisation (ids are compared code point by code point).
  func apply(to graph: TimelineGraph) throws -> TimelineGraph {
    if let focus, graph.index(of: focus) == nil {
      if let twin = graph.entities.first(where: { $0.id == focus })?.id {
        throw ValidationError(
          "--focus '\(focus)': no entity has that id; '\(twin)' differs from it only in Unicode normalisation")
      }
      throw ValidationError("--focus '\(focus)': no entity has that id")
    }
    return graph.filtered(by: try filter())
  }

  /// The library filter these options describe, or a usage error naming the bad value.
  func filter() throws -> GraphFilter {
    var filter = GraphFilter(focus: focus, depth: depth, match: match)
    if let from { filter.from = try date(from, option: "--from") }
    if let to { filter.to = try date(to, option: "--to") }
    if let kinds {
      var set = Set<EntityKind>()
      for name in kinds.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
        guard let kind = EntityKind(rawValue: name) else {
          throw ValidationError("--kinds: unknown kind '\(name)'; expected event, person, organisation, place or document")
        }
        set.insert(kind)
      }
      filter.kinds = set
    }
    if let relations {
      filter.relationTypes = Set(relations.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
    }
    return filter
  }

  private func date(_ text: String, option: String) throws -> EDTFDate {
    do {
      return try EDTFDate(text)
    } catch {
      throw ValidationError("\(option) '\(text)': \(error.message)")
    }
  }
}
