/// The columns of the timeline view: one tick per year (or per month when the dates
/// span fewer than three years), in order, then a `no date` column when needed; and
/// the ranks (Graphviz's layers, left to right) each column is drawn in.
///
///     let axis = DOTTimeAxis(scene: scene, byKind: false)
///     axis.ticks.map(\.label)   // ["1991", "1992", "2019", "2021", "no date"]
///     axis.ranks[axis.rank[3]]   // the rank entity 3 stands in, with its column
///
/// A dated event or document stands under the tick of its earliest day (its latest,
/// when the start is open or unknown); events and documents without a day stand
/// under `no date`. Every other drawn entity stands with the nearest of those it is
/// joined to by drawn edges or claim attributions (the earlier column on a tie), or
/// under `no date` when it is joined to none. It stands in a rank just before the
/// tick's when it is the tail of the edge that placed it (an author, a participant)
/// and just after when it is the head (a place), so that most edges run left to right
/// between neighbouring ranks. A disagreement box stands in a rank just after its
/// subject's.
///
/// With `byKind`, each kind gets ranks of its own within a column (and disagreement
/// boxes one after the documents), so no two entities of different kinds share a
/// rank: Graphviz cannot route an edge between two nodes of one rank that lie in
/// different clusters. Built in O(n log n): a sort of the ticks and of the ranks and
/// a breadth-first search.
struct DOTTimeAxis: Sendable {
  struct Tick: Sendable {
    /// `1992`, `February 1992`, `44 BCE` or `no date`.
    var label: String
    /// The year, or nil for `no date`.
    var year: Int?
  }

  /// One layer of the drawing.
  struct Rank: Sendable {
    /// The tick this rank belongs to.
    var column: Int
    /// Whether the tick itself stands in this rank.
    var holdsTick: Bool
    /// Entities: dated ones chronologically, then the others in graph order.
    var entities: [Int] = []
    /// Disagreement boxes (indices into the scene's notes).
    var notes: [Int] = []
  }

  private(set) var ticks: [Tick] = []
  private(set) var ranks: [Rank] = []
  /// Per entity: the index of its rank, or -1 when it is not drawn.
  private(set) var rank: [Int32]
  /// Per disagreement box: the index of its rank.
  private(set) var noteRank: [Int32]
  /// Per tick: the index of the rank it stands in.
  private(set) var tickRank: [Int]

  private struct Key: Hashable, Comparable {
    var year: Int
    /// 1–12, or 0 for the year as a whole (which comes before its months).
    var month: Int

    static func < (lhs: Key, rhs: Key) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }
  }

  init(scene: DOTScene, byKind: Bool) {
    let graph = scene.graph
    let count = graph.count
    var column = [Int32](repeating: -1, count: count)
    // -1 before the tick's rank, 0 in it, 1 after it.
    var offset = [Int8](repeating: 0, count: count)

    // Which day each dated entity stands at, and whether months are worth a column.
    var days: [(entity: Int, day: CalendarDay, monthly: Bool)] = []
    days.reserveCapacity(graph.chronological.count)
    var years: Set<Int> = []
    for index in graph.chronological where scene.isDrawn[index.int] {
      guard let date = graph[index].date, let day = date.earliest ?? date.latest else { continue }
      days.append((index.int, day, Self.isMonthly(date)))
      if years.count < 3 { years.insert(day.year) }
    }
    let byMonth = years.count < 3

    var keyPosition: [Key: Int] = [:]
    var keys: [Key] = []
    for (entity, day, monthly) in days {
      let key = Key(year: day.year, month: byMonth && monthly ? day.month : 0)
      if let position = keyPosition[key] {
        column[entity] = Int32(position)
      } else {
        keyPosition[key] = keys.count
        column[entity] = Int32(keys.count)
        keys.append(key)
      }
    }
    // Keys were met in chronological order of earliest days, which open starts can
    // break; renumber them in order.
    let order = keys.indices.sorted { keys[$0] < keys[$1] }
    var renumbered = [Int32](repeating: 0, count: keys.count)
    for (newPosition, oldPosition) in order.enumerated() { renumbered[oldPosition] = Int32(newPosition) }
    var ticks = order.map { Tick(label: Self.label(keys[$0]), year: keys[$0].year) }
    for (entity, _, _) in days { column[entity] = renumbered[Int(column[entity])] }

    // Events and documents without a day stand under `no date`.
    let noDate = Int32(ticks.count)
    var undated: [Int] = []
    for (position, entity) in graph.entities.enumerated()
    where scene.isDrawn[position] && column[position] < 0 && entity.kind.hasTitle {
      column[position] = noDate
      undated.append(position)
    }

    // Everything else stands with its nearest placed neighbour; the search starts
    // column by column so that the earlier column wins a tie.
    let adjacency = Self.adjacency(scene: scene)
    var queue = days.indices.sorted { (column[days[$0].entity], $0) < (column[days[$1].entity], $1) }
      .map { days[$0].entity }
    queue += undated
    let sources = queue.count
    var head = 0
    while head < queue.count {
      let node = queue[head]
      head += 1
      for slot in adjacency.slots(of: node) {
        let neighbour = Int(adjacency.targets[slot])
        guard scene.isDrawn[neighbour], column[neighbour] < 0 else { continue }
        column[neighbour] = column[node]
        offset[neighbour] = adjacency.isHead[slot] ? min(offset[node] + 1, 1) : max(offset[node] - 1, -1)
        queue.append(neighbour)
      }
    }
    var unplaced: [Int] = []
    for position in 0..<count where scene.isDrawn[position] && column[position] < 0 {
      column[position] = noDate
      unplaced.append(position)
    }
    if !undated.isEmpty || !unplaced.isEmpty {
      ticks.append(Tick(label: "no date", year: nil))
    }

    // Ranks: per column, a slot for each offset (and, by kind, each kind); the tick
    // stands in slot 0, with the events.
    let kinds = EntityKind.allCases.count
    func slot(_ entity: Int) -> Int {
      let kind = byKind ? EntityKind.allCases.firstIndex(of: graph.entities[entity].kind) ?? 0 : 0
      return Int(offset[entity]) * (kinds + 1) + kind
    }
    let noteSlot = byKind ? kinds : 1
    var slots: [(column: Int, slot: Int)] = ticks.indices.map { ($0, 0) }
    for position in 0..<count where column[position] >= 0 { slots.append((Int(column[position]), slot(position))) }
    for note in scene.notes where column[note.subject] >= 0 { slots.append((Int(column[note.subject]), noteSlot)) }
    slots.sort { ($0.column, $0.slot) < ($1.column, $1.slot) }
    var rankOfSlot: [Int: Int32] = [:]
    var ranks: [Rank] = []
    let stride = 3 * (kinds + 1)
    for (tick, value) in slots {
      let key = tick * stride + value + (kinds + 1)
      guard rankOfSlot[key] == nil else { continue }
      rankOfSlot[key] = Int32(ranks.count)
      ranks.append(Rank(column: tick, holdsTick: value == 0))
    }
    func rankIndex(_ column: Int32, _ value: Int) -> Int32 {
      rankOfSlot[Int(column) * stride + value + (kinds + 1)] ?? 0
    }
    var rank = [Int32](repeating: -1, count: count)
    var placed = Array(queue[sources...]) + unplaced
    placed.sort()
    for entity in days.map(\.entity) + undated + placed {
      rank[entity] = rankIndex(column[entity], slot(entity))
      ranks[Int(rank[entity])].entities.append(entity)
    }
    var noteRank = [Int32](repeating: 0, count: scene.notes.count)
    for (position, note) in scene.notes.enumerated() where column[note.subject] >= 0 {
      noteRank[position] = rankIndex(column[note.subject], noteSlot)
      ranks[Int(noteRank[position])].notes.append(position)
    }
    self.ticks = ticks
    self.ranks = ranks
    self.rank = rank
    self.noteRank = noteRank
    self.tickRank = ticks.indices.map { Int(rankIndex(Int32($0), 0)) }
  }

  /// Whether a date gives a month: month, day or time precision, or an interval
  /// whose start does.
  private static func isMonthly(_ date: EDTFDate) -> Bool {
    func monthly(_ precision: EDTFPrecision?) -> Bool {
      guard let precision else { return false }
      return precision != .year && precision != .season
    }
    if let precision = date.precision { return monthly(precision) }
    // The start read in place (`interval` would make an `EDTFDate` of it, with its text).
    if case .interval(.date(let start), _) = date.expression { return monthly(start.precision) }
    return false
  }

  private static func label(_ key: Key) -> String {
    let year = yearLabel(key.year)
    guard key.month >= 1, key.month <= 12 else { return year }
    return EDTFDate.monthNames[key.month - 1] + " " + year
  }

  /// `1992`; `44 BCE` for -43 and `1 BCE` for 0, as EDTF counts years.
  static func yearLabel(_ year: Int) -> String {
    year >= 1 ? String(year) : String(1 - year) + " BCE"
  }

  /// Drawn edges and claim attributions (from the subject to the claimant or
  /// reporter), both ways, as offset tables.
  static func adjacency(scene: DOTScene, heads: Bool = true, leavingOut marked: [Bool]? = nil) -> Adjacency {
    Adjacency(scene: scene, heads: heads, leavingOut: marked)
  }

  /// Adjacency in both directions: the neighbours of `n` are
  /// `targets[offsets[n] ..< offsets[n + 1]]`; `isHead` tells whether the neighbour
  /// is the edge's head.
  struct Adjacency {
    var offsets: [Int32]
    var targets: [Int32]
    /// Empty unless asked for.
    var isHead: [Bool]

    /// The drawn edges of `scene`, then its claim attributions, each neighbour listed
    /// in the order of the pairs; built from the scene in place, without a list of the
    /// pairs. `heads`: whether to fill ``isHead``; a pair both of whose ends are
    /// `marked` is left out.
    init(scene: DOTScene, heads: Bool, leavingOut marked: [Bool]? = nil) {
      let count = scene.graph.count
      let edges = scene.graph.edges.stored
      /// Calls `body` with each pair (from, to) not both of whose ends are marked, in
      /// order or from the last.
      func forEachPair(backwards: Bool = false, _ body: (Int, Int) -> Void) {
        func pair(_ from: Int, _ to: Int) {
          if let marked, marked[from], marked[to] { return }
          body(from, to)
        }
        if backwards {
          for note in scene.notes.reversed() {
            for attribution in note.attributions.reversed() { pair(note.subject, attribution.entity) }
          }
          for position in scene.edges.reversed() { pair(Int(edges[position].from), Int(edges[position].to)) }
        } else {
          for position in scene.edges { pair(Int(edges[position].from), Int(edges[position].to)) }
          for note in scene.notes {
            for attribution in note.attributions { pair(note.subject, attribution.entity) }
          }
        }
      }
      var offsets = [Int32](repeating: 0, count: count + 1)
      var pairs = 0
      forEachPair { from, to in
        offsets[from + 1] += 1
        offsets[to + 1] += 1
        pairs += 1
      }
      for position in 0..<count { offsets[position + 1] += offsets[position] }
      var targets = [Int32](repeating: 0, count: pairs * 2)
      var isHead = [Bool](repeating: false, count: heads ? pairs * 2 : 0)
      // offsets[n + 1] is where the neighbours of n end; it walks back to where they
      // start as the pairs are placed from the last (the tail's neighbour after the
      // head's, as the pair lists them the other way round), and the table is then
      // moved one place down.
      forEachPair(backwards: true) { from, to in
        offsets[to + 1] -= 1
        targets[Int(offsets[to + 1])] = Int32(from)
        offsets[from + 1] -= 1
        targets[Int(offsets[from + 1])] = Int32(to)
        if heads { isHead[Int(offsets[from + 1])] = true }
      }
      for position in 0..<count { offsets[position] = offsets[position + 1] }
      offsets[count] = Int32(pairs * 2)
      self.offsets = offsets
      self.targets = targets
      self.isHead = isHead
    }

    /// The positions in `targets` of a node's neighbours.
    func slots(of node: Int) -> Range<Int> {
      Int(offsets[node])..<Int(offsets[node + 1])
    }
  }
}
