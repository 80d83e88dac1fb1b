/// Something that can be written inside a ``Timeline`` block: an entity, a relation,
/// a claim or a relation type.
public protocol TimelineContent: Sendable {
  /// Adds itself to a builder, reporting problems (such as an invalid date) as diagnostics.
  func add(to builder: inout TimelineBuilder)
}

/// Collects the contents of a ``Timeline`` block, with `if`, `if … else` and `for`.
@resultBuilder
public enum TimelineContentBuilder {
  /// Joins the statements of a block.
  public static func buildBlock(_ parts: [any TimelineContent]...) -> [any TimelineContent] { parts.flatMap { $0 } }
  /// Wraps one statement.
  public static func buildExpression(_ content: any TimelineContent) -> [any TimelineContent] { [content] }
  /// Accepts a list of contents, such as the result of `map`.
  public static func buildExpression(_ contents: [any TimelineContent]) -> [any TimelineContent] { contents }
  /// Supports `if` without `else`.
  public static func buildOptional(_ part: [any TimelineContent]?) -> [any TimelineContent] { part ?? [] }
  /// Supports the first branch of `if … else`.
  public static func buildEither(first part: [any TimelineContent]) -> [any TimelineContent] { part }
  /// Supports the second branch of `if … else`.
  public static func buildEither(second part: [any TimelineContent]) -> [any TimelineContent] { part }
  /// Supports `for … in`.
  public static func buildArray(_ parts: [[any TimelineContent]]) -> [any TimelineContent] { parts.flatMap { $0 } }
}

/// Builds and validates a timeline written in Swift.
///
///     let graph = try Timeline(title: "Two letters") {
///       Document("letter-2021", "Letter dated 17 February 2021", type: "letter", date: "2021-02-17")
///       Person("yashar-aliyev", "Yashar Aliyev")
///       Relation(from: "yashar-aliyev", type: "signed", to: "letter-2021",
///                sources: [Citation("letter-2021", "signature")])
///       Event("khojaly-assault", "Assault on Khojaly", date: "1992-02-25/1992-02-26",
///             sources: [Citation("letter-2021", "para. 2")])
///     }
///
/// - Throws: ``TimelineError`` with every error found (warnings do not throw).
public func Timeline(
  title: String? = nil, @TimelineContentBuilder _ content: () -> [any TimelineContent]
) throws(TimelineError) -> TimelineGraph {
  try TimelineBuilder(title: title, content).build()
}

extension TimelineBuilder {
  /// Creates a builder holding the contents of a ``Timeline`` block.
  public init(title: String? = nil, @TimelineContentBuilder _ content: () -> [any TimelineContent]) {
    self.init()
    self.title = title
    for part in content() { part.add(to: &self) }
  }
}

extension Entity: TimelineContent {
  /// Adds the entity.
  public func add(to builder: inout TimelineBuilder) { builder.add(self) }
}

extension Relation: TimelineContent {
  /// Adds the relation.
  public func add(to builder: inout TimelineBuilder) { builder.add(self) }
}

extension Claim: TimelineContent {
  /// Adds the claim.
  public func add(to builder: inout TimelineBuilder) { builder.add(self) }
}

extension RelationType: TimelineContent {
  /// Declares the relation type.
  public func add(to builder: inout TimelineBuilder) { builder.declare(self) }
}

extension Citation {
  /// A citation of a document with an optional locator: `Citation("letter-2021", "footnote 5")`.
  public init(_ document: String, _ locator: String? = nil, quote: String? = nil) {
    self.init(document: document, locator: locator, quote: quote)
  }
}

extension TimelineBuilder {
  /// Parses a date written in code, reporting an invalid one as a diagnostic.
  mutating func parseDate(_ text: String?, for id: String, field: String) -> EDTFDate? {
    guard let text else { return nil }
    do {
      return try EDTFDate(text)
    } catch {
      report(Diagnostic(.error, .invalidDate, "'\(text)': \(error.message)", path: "\(id).\(field)"))
      return nil
    }
  }
}
