/// The words the generator builds names, titles, locators and notes from, as UTF-8.
///
/// Names mix scripts and spellings on purpose (`Łukasz`, `Öztürk`, `叶`, `O'Brien`,
/// `de la Cruz`), and ``hostile`` holds valid text that breaks careless writers:
/// quotes, backslashes (one at the very end), `\N`, markup, DOT syntax and keywords,
/// emoji, right-to-left text, combining marks, a tab, a line break and U+2028.
struct GeneratorVocabulary: Sendable {
  let givenNames: [[UInt8]]
  let surnames: [[UInt8]]
  let syllablesFirst: [[UInt8]]
  let syllablesMiddle: [[UInt8]]
  let syllablesLast: [[UInt8]]
  let eventTitles: [(prefix: [UInt8], suffix: [UInt8])]
  let eventDescriptions: [[UInt8]]
  let headlines: [(prefix: [UInt8], suffix: [UInt8])]
  let bookTitles: [[UInt8]]
  let chapterTitles: [[UInt8]]
  let ministries: [[UInt8]]
  let units: [[UInt8]]
  let newspaperWords: [[UInt8]]
  let courtWords: [[UInt8]]
  let ngoWords: [[UInt8]]
  let unOrgans: [[UInt8]]
  let intergovernmental: [[UInt8]]
  let positionTitles: [[UInt8]]
  let participantRoles: [[UInt8]]
  let locatorPrefixes: [[UInt8]]
  let stepLabels: [[UInt8]]
  let quotes: [[UInt8]]
  let notes: [[UInt8]]
  let qualifiers: [[UInt8]]
  let textValues: [[UInt8]]
  let hostile: [[UInt8]]

  /// The event properties claims are made about, with their unit (empty for none)
  /// and the usual size of the figure.
  let eventProperties: [(name: [UInt8], unit: [UInt8], scale: Int)]
  /// The event properties whose values are figures.
  let figureProperties: [(name: [UInt8], unit: [UInt8], scale: Int)]

  static let shared = GeneratorVocabulary()

  private init() {
    func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }
    func pairs(_ templates: [(String, String)]) -> [(prefix: [UInt8], suffix: [UInt8])] {
      templates.map { (Array($0.0.utf8), Array($0.1.utf8)) }
    }
    givenNames = bytes([
      "Yashar", "Anna", "Sergei", "Marie", "Ahmed", "Leyla", "Armen", "Gohar", "Aysel", "Thomas", "Aisha",
      "Dmitri", "Hovhannes", "Ilham", "Văn Minh", "José", "Zoë", "Łukasz", "Ömer", "Fatima", "Giorgi", "Nino",
      "Samuel", "Chloé", "Rashid", "Elmira", "Tigran", "Olga", "Hamid", "Sophie", "Siobhán", "Jürgen",
    ])
    surnames = bytes([
      "Aliyev", "Petrosyan", "Smith", "Dupont", "Ivanov", "Hasanov", "Mammadova", "Sargsyan", "Müller",
      "O'Brien", "García", "Nowak", "Kim", "Öztürk", "Wang", "de la Cruz", "Abdullayev", "Grigoryan",
      "Huseynov", "Beridze", "Rossi", "Novák", "Karimova", "Babayan", "Schmidt", "Lefèvre", "Kuznetsov",
      "Rahimov", "叶", "Nakamura", "Nguyễn", "Ó Briain",
    ])
    syllablesFirst = bytes([
      "Kho", "Ag", "Shu", "La", "Ba", "Ste", "Ga", "Fu", "Ter", "Mar", "Ka", "Qu", "Ze", "Go", "Ya", "Nak",
      "Ar", "Ish", "Bar", "Tov", "Ast", "Kel", "Sa", "Char", "Jab", "Gor", "Len", "Has",
    ])
    syllablesMiddle = bytes(["ja", "da", "sha", "chi", "pa", "ra", "ba", "zu", "ne", "li", "va", "ko", "", "", "", "ze"])
    syllablesLast = bytes([
      "ly", "m", "n", "kert", "kh", "li", "ni", "bad", "chay", "gan", "vaz", "lar", "tsk", "vo", "rud", "shen",
    ])
    eventTitles = pairs([
      ("Assault on ", ""), ("Shelling of ", ""), ("Ceasefire agreed in ", ""), ("Evacuation of civilians from ", ""),
      ("Arrest of journalists in ", ""), ("Protest in ", ""), ("Mass grave found near ", ""), ("Blockade of ", ""),
      ("Exchange of prisoners at ", ""), ("Negotiations in ", ""), ("Election in ", ""), ("Refugees arrive in ", ""),
      ("Airport at ", " closed"), ("Hostages released in ", ""), ("Visit of the Special Rapporteur to ", ""),
      ("Earthquake near ", ""), ("Bridge at ", " destroyed"), ("Curfew declared in ", ""),
      ("Humanitarian convoy reaches ", ""), ("Trial opens in ", ""),
    ])
    eventDescriptions = bytes([
      "Accounts differ on the number of victims.", "Reported by several newspapers the following day.",
      "The date is given differently in the sources.", "Witnesses describe the events at night.",
      "Part of a wider offensive.",
    ])
    headlines = pairs([
      ("Hundreds flee fighting in ", ""), ("Ceasefire collapses near ", ""), ("Witnesses describe attack on ", ""),
      ("Talks resume over ", ""), ("Aid workers reach ", ""), ("What happened in ", "?"), ("Inside ", ": a town under siege"),
    ])
    bookTitles = bytes([
      ": A History", ": War and Peace in the Caucasus", ": Memory and Conflict", ": The Road to the Ceasefire",
      " in Documents", ": Testimonies",
    ])
    chapterTitles = bytes(["The Events of the Winter", "Displacement", "Testimonies", "The Negotiations", "Aftermath"])
    ministries = bytes(["Foreign Affairs", "Defence", "Internal Affairs", "Justice"])
    units = bytes(["Motor Rifle Regiment", "Brigade", "Battalion", "Division"])
    newspaperWords = bytes(["Times", "Herald", "Daily", "Gazette", "Tribune", "Courier"])
    courtWords = bytes(["Supreme Court of ", "Constitutional Court of ", "District Court of "])
    ngoWords = bytes([" Human Rights Centre", " Refugee Council", " Memorial Society", " Helsinki Committee"])
    unOrgans = bytes([
      "United Nations Security Council", "United Nations General Assembly", "United Nations Human Rights Council",
      "Office of the United Nations High Commissioner for Refugees",
    ])
    intergovernmental = bytes([
      "Council of Europe", "Organization for Security and Co-operation in Europe", "Commonwealth of Independent States",
      "Organisation of Islamic Cooperation",
    ])
    positionTitles = bytes([
      "Permanent Representative to the United Nations", "Minister of Foreign Affairs", "Commander", "Correspondent",
      "Head of Mission", "Judge", "Spokesperson", "Editor",
    ])
    participantRoles = bytes(["perpetrator", "victim", "witness", "mediator", "negotiator", "observer", "commander"])
    locatorPrefixes = bytes(["para. ", "p. ", "footnote ", "annex, para. ", "section ", "pp. "])
    stepLabels = bytes(["circulated", "received", "published", "translated"])
    quotes = bytes([
      "the town was surrounded on all sides", "some 200 people were taken hostage", "no corridor was left open",
      "we saw the columns leave at night", "the figures cannot be confirmed independently",
    ])
    notes = bytes([
      "Date uncertain; sources differ.", "Transliteration varies between sources.", "Figure revised later.",
      "Identified from a photograph.", "Name as printed in the original.",
    ])
    qualifiers = bytes(["some", "more than", "at least", "about", "up to", "nearly"])
    textValues = bytes(["genocidal act", "massacre", "armed clashes", "unknown", "several hundred", "most of the population"])
    eventProperties = [
      ("civilians killed", "people", 400), ("wounded", "people", 800), ("taken hostage", "people", 300),
      ("missing", "people", 200), ("displaced", "people", 20_000), ("houses destroyed", "houses", 500),
      ("characterisation", "", 0),
    ].map { (Array($0.0.utf8), Array($0.1.utf8), $0.2) }
    figureProperties = eventProperties.filter { $0.scale > 0 }
    hostile = bytes([
      #"Say "no" to "quotes""#,
      #"C:\Archive\Letters\"#,
      #"\N is not a line break here, nor \n"#,
      "<b>x</b> &amp; <i>y</i>",
      "AT&T; Smith & Sons",
      #"{ } ; -> -- [label="x"] // edge"#,
      "graph node edge digraph subgraph strict",
      "🇺🇳 🏳️‍🌈 👩🏽‍⚖️ ✊🏿",
      "خوجالي / Ходжалы / Xocalı",
      "עדות בבית המשפט",
      "Cafe\u{301} de\u{301}cor, Z\u{324}\u{354}a\u{308}\u{356}lgo\u{30C}",
      "col 1\tcol 2",
      "first line\nsecond line",
      "# not a comment: - not a list",
      "- item, [a], {b}: c",
      "1abc",
      "null",
      "~",
      "no",
      "'single' ‘curly’ “double”",
      " leading and trailing spaces ",
      "%YAML 1.2 --- ...",
      "\u{200F}\u{202E}reversed\u{202C} text",
      "叶 and 🇺🇳",
      "before\u{2028}after",
      "percent 100% and ? and !tag",
    ])
  }
}
