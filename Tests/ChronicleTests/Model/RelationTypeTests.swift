import Testing
@testable import Chronicle

struct RelationTypeTests {
  @Test(arguments: [
    ("participant", EntityKind.person, EntityKind.event, true),
    ("participant", .organisation, .event, true),
    ("participant", .place, .event, false),
    ("participant", .person, .document, false),
    ("authored", .person, .document, true),
    ("authored", .organisation, .document, true),
    ("authored", .document, .document, false),
    ("edited", .person, .document, true),
    ("signed", .person, .document, true),
    ("signed", .person, .event, false),
    ("issued", .organisation, .document, true),
    ("published", .organisation, .document, true),
    ("addressed-to", .document, .organisation, true),
    ("addressed-to", .document, .person, true),
    ("addressed-to", .document, .place, false),
    ("cites", .document, .document, true),
    ("cites", .document, .event, false),
    ("contained-in", .document, .document, true),
    ("reports", .document, .event, true),
    ("reports", .document, .person, false),
    ("mentions", .document, .place, true),
    ("mentions", .document, .person, true),
    ("mentions", .event, .person, false),
    ("located-in", .event, .place, true),
    ("located-in", .place, .place, true),
    ("located-in", .person, .place, false),
    ("part-of", .event, .event, true),
    ("part-of", .organisation, .organisation, true),
    ("part-of", .event, .organisation, false),
    ("part-of", .organisation, .event, false),
    ("precedes", .event, .event, true),
    ("precedes", .document, .event, false),
    ("member-of", .person, .organisation, true),
    ("member-of", .organisation, .organisation, true),
    ("member-of", .person, .person, false),
    ("represents", .person, .organisation, true),
    ("represents", .person, .place, false),
  ])
  func signatures(type: String, from: EntityKind, to: EntityKind, allowed: Bool) throws {
    let relationType = try #require(RelationType.builtIns.first { $0.id == type })
    #expect(relationType.allows(from: from, to: to) == allowed)
  }

  @Test func vocabularyIsUniqueAndBuiltIn() {
    let ids = RelationType.builtIns.map(\.id)
    #expect(Set(ids).count == ids.count)
    #expect(RelationType.builtIns.allSatisfy { $0.isBuiltIn })
    #expect(ids.count == 16)
  }

  @Test func signatureDescriptions() {
    #expect(RelationType.participant.signatureDescription == "person|organisation → event")
    #expect(RelationType.mentions.signatureDescription == "document → any")
    #expect(RelationType.partOf.signatureDescription == "event → event or organisation → organisation")
  }

  @Test func actorKinds() {
    #expect(EntityKind.allCases.filter(\.isActor) == [.person, .organisation])
    #expect(EntityKind.allCases.map(\.labelKey) == ["title", "name", "name", "name", "title"])
  }
}
