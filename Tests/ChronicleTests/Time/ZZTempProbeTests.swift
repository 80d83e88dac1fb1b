import Chronicle
import PropertyBased
import Testing
import Foundation

@Suite struct EDTFZZProbe {
  @Test func samples() async {
    await propertyCheck(count: 60, input: EDTFGenerators.expressionText) { text in
      let d = try EDTFDate(text)
      print("SAMPLE", text, "=>", d.description, "|", d.humanDescription())
    }
  }
  @Test func timing() throws {
    let texts = ["1985-04-12", "2004?-06-~11", "1992-02-25/1992-02-26", "201X", "1991-24", "[1667,1668,1670..1672]", "1985-04-12T23:20:30Z", "Y-17E7"]
    var dates: [EDTFDate] = []
    dates.reserveCapacity(200_000)
    let start = Date()
    for i in 0..<200_000 { dates.append(try EDTFDate(texts[i % texts.count])) }
    let parsed = Date()
    var shuffled = dates.shuffled()
    shuffled.sort()
    let sorted = Date()
    print("TIMING parse 200k:", parsed.timeIntervalSince(start), "sort:", sorted.timeIntervalSince(parsed))
  }
}
