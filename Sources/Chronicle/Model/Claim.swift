/// What a source asserts about a quantity or property of an entity, attributed.
///
/// Claims on the same property of the same subject may differ; the graph keeps them
/// side by side and reports a ``Disagreement`` rather than choosing one.
///
///     // "Time reported that the Azerbaijanis claim 1,324 civilians have been slaughtered",
///     // cited from the 2021 letter, footnote 5:
///     var claim = Claim(subject: "khojaly-assault", property: "civilians killed",
///                       value: .number(ClaimNumber(1324)))
///     claim.claimant = "azerbaijanis"
///     claim.reportedBy = "time-article"
///     claim.sources = [Citation(document: "letter-2021", locator: "footnote 5")]
public struct Claim: Hashable, Sendable {
  /// An optional id, so that relations and notes can refer to the claim.
  public var id: String?
  /// The id of the entity the claim is about.
  public var subject: String
  /// What is asserted about it: `civilians killed`, `wounded`, `taken hostage`,
  /// `missing`, `population`… (an open vocabulary).
  public var property: String
  /// The value asserted.
  public var value: ClaimValue
  /// The unit or a description of what is counted (`people`, `mass graves`).
  public var unit: String?
  /// The qualifying words as written with the figure: `some`, `more than`, `at least`.
  public var qualifier: String?
  /// The id of who asserts it, when not the citing document's author.
  public var claimant: String?
  /// The id of who reported someone else's claim (a newspaper reporting a figure).
  public var reportedBy: String?
  /// When the claim was made or the date the figure refers to.
  public var date: EDTFDate?
  /// A free note.
  public var note: String?
  /// The sources: where the claim is written.
  public var sources: [Citation]
  /// Where the claim was read from; takes no part in equality.
  public var provenance: Provenance

  /// Creates a claim.
  public init(
    subject: String, property: String, value: ClaimValue, unit: String? = nil, qualifier: String? = nil,
    claimant: String? = nil, reportedBy: String? = nil, sources: [Citation] = []
  ) {
    self.id = nil
    self.subject = subject
    self.property = property
    self.value = value
    self.unit = unit
    self.qualifier = qualifier
    self.claimant = claimant
    self.reportedBy = reportedBy
    self.date = nil
    self.note = nil
    self.sources = sources
    self.provenance = Provenance()
  }

  /// The value with its qualifying words and unit, for people: `some 200 people`.
  public func valueText(ascii: Bool = false) -> String {
    var parts: [String] = []
    if let qualifier, !qualifier.isEmpty { parts.append(qualifier) }
    parts.append(value.displayText(ascii: ascii))
    if let unit, !unit.isEmpty { parts.append(unit) }
    return parts.joined(separator: " ")
  }

  /// The fields that make two claims the same when files are merged: everything but
  /// the note. Sources count, so the same figure stated by two documents stays two
  /// attributed claims.
  var mergeKey: MergeKey {
    MergeKey(id: id, subject: subject, property: property, value: value, unit: unit, qualifier: qualifier,
             claimant: claimant, reportedBy: reportedBy, date: date, sources: sources)
  }

  struct MergeKey: Hashable {
    var id: String?
    var subject: String
    var property: String
    var value: ClaimValue
    var unit: String?
    var qualifier: String?
    var claimant: String?
    var reportedBy: String?
    var date: EDTFDate?
    var sources: [Citation]
  }
}

/// Two or more claims about the same property of the same subject that give
/// different values.
public struct Disagreement: Hashable, Sendable {
  /// The id of the entity the claims are about.
  public var subject: String
  /// The property they disagree on.
  public var property: String
  /// The claims, in the graph's order (as read), all kept.
  public var claims: [Claim]

  /// Creates a disagreement.
  public init(subject: String, property: String, claims: [Claim]) {
    self.subject = subject
    self.property = property
    self.claims = claims
  }
}
