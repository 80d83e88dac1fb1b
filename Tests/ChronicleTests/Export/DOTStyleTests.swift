import Testing
@testable import Chronicle

struct DOTStyleTests {
  @Test func kindsDifferInShapeNotOnlyInColour() {
    let shapes = EntityKind.allCases.map { DOTStyle.node($0).shape } + [DOTStyle.disagreement.shape + DOTStyle.disagreement.style]
    #expect(Set(shapes).count == shapes.count)
  }

  @Test func relationTypesDifferInLineStyleOrArrowheadNotOnlyInColour() {
    let styles = RelationType.builtIns.map { DOTStyle.edge($0.id) }
      + [DOTStyle.declared, DOTStyle.claimSubject, DOTStyle.attribution, DOTStyle.axis]
    let looks = styles.map { [$0.style, $0.arrowhead, $0.penwidth] }
    #expect(Set(looks).count == looks.count, "two edge styles look alike in greyscale")
  }

  @Test func bordersMarkDates() {
    #expect(DOTStyle.style(.event, border: .solid) == "filled,rounded")
    #expect(DOTStyle.style(.event, border: .dashed) == "dashed,filled,rounded")
    #expect(DOTStyle.style(.document, border: .dotted) == "dotted,filled")
  }

  @Test func undeclaredTypesShareOneStyle() {
    #expect(DOTStyle.edge("countersigned") == DOTStyle.declared)
    #expect(!DOTStyle.hasOwnStyle("countersigned"))
    #expect(RelationType.builtIns.allSatisfy { DOTStyle.hasOwnStyle($0.id) })
  }
}
