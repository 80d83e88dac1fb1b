import Testing
@testable import Chronicle

struct TimelineDSLTests {
  @Test func buildsAGraphFromCode() throws {
    let cities = ["Khojaly", "Aghdam"]
    let graph = try Timeline(title: "Two letters") {
      Document("letter-2021", "Letter dated 17 February 2021", type: "letter", date: "2021-02-17")
      Person("yashar-aliyev", "Yashar Aliyev", positions: [Position(title: "Permanent Representative", organisation: "azerbaijan")])
      Organisation("azerbaijan", "Azerbaijan", type: "state")
      Relation(from: "yashar-aliyev", type: "signed", to: "letter-2021", sources: [Citation("letter-2021", "signature")])
      for city in cities {
        Place(city.lowercased(), city)
        Relation(from: "letter-2021", type: "mentions", to: city.lowercased())
      }
      if cities.count > 1 {
        Event("assault", "Assault", date: "1992-02-25/1992-02-26", place: "khojaly", sources: [Citation("letter-2021", "para. 2")])
      } else {
        Event("other", "Other", date: "1992")
      }
      Claim(subject: "assault", property: "civilians killed", value: .number(ClaimNumber(613)),
            sources: [Citation("letter-2021", "para. 3")])
    }
    #expect(graph.title == "Two letters")
    #expect(graph.count == 6)
    #expect(graph.entity(id: "assault")?.date?.description == "1992-02-25/1992-02-26")
    #expect(graph.relations.count == 3)
    #expect(graph.edges.count == 4)  // the event's place adds located-in
    #expect(graph.claims.count == 1)
  }

  @Test func invalidDatesInCodeAreErrorsNotTraps() {
    #expect(throws: TimelineError.self) {
      try Timeline {
        Event("e", "E", date: "1992-02-30")
      }
    }
    do {
      _ = try Timeline { Event("e", "E", date: "1992-02-30") }
    } catch {
      #expect(error.diagnostics.map(\.code) == [.invalidDate])
      #expect(error.diagnostics.first?.path == "e.date")
    }
  }
}
