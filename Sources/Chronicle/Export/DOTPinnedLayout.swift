/// The positions of a timeline drawn with ``DOTOptions/Layout/pinned``: Chronicle
/// places every node and Graphviz only draws and routes the edges (`neato -n2`).
///
///     let layout = DOTPinnedLayout(scene: scene, sizes: sizes)
///     layout.position[4]   // where entity 4 stands, in points (nil: not drawn)
///     layout.ticks         // the year (or month) ticks along the axis
///
/// - **x** comes from the date on a real time scale: an event or document stands at
///   its earliest day (its latest when the start is open). Where two consecutive dates
///   are so far apart that the gap would pass ``maximumGap`` points, the gap is
///   shortened to that and the axis is drawn dashed there, so sparse centuries do not
///   push the drawing apart. The scale is chosen so that the drawing comes out about
///   wider than it is tall (the lanes are never packed evenly).
/// - **Lanes**: events and documents stand in lanes above the axis, each in the lane
///   nearest the axis where it overlaps nothing; people, organisations, places and
///   disagreement boxes stand in lanes below it, as near as they can to the median x
///   of the dated entities they are joined to (or of what those are joined to),
///   moving sideways or down where that place is taken, so their edges are short and
///   fan out. Undated events and documents, and what is joined to nothing dated, stand
///   in a `no date` column after the axis.
///
/// Built in O(n log n): sorts, a breadth-first search and interval partitioning
/// with two heaps.
struct DOTPinnedLayout: Sendable {
  /// A point in Graphviz's coordinates: points, y growing upwards.
  struct Point: Hashable, Sendable {
    var x: Int
    var y: Int
  }

  /// The size a node is expected to take, in points.
  struct Size: Hashable, Sendable {
    var width: Double
    var height: Double
  }

  /// A tick of the axis.
  struct Tick: Hashable, Sendable {
    var label: String
    var position: Point
    /// Whether the axis from the previous tick to this one crosses a shortened gap.
    var afterGap: Bool
  }

  /// An item of a lane: an entity (or a disagreement box, numbered after the entities),
  /// the x it would like, and its size.
  private typealias Item = (item: Int, x: Double, size: Size)

  /// Above this many entities, the lanes above the axis are built on a second thread.
  static let parallelItems = 20_000

  /// The space between two nodes side by side, and between two lanes.
  static let horizontalGap = 18.0
  static let verticalGap = 16.0
  /// The longest stretch of axis between two consecutive dates.
  static let maximumGap = 160.0
  /// The least space between two ticks.
  static let tickSpacing = 72.0

  /// Per entity: its position, or nil when it is not drawn.
  private(set) var position: [Point?]
  /// Per disagreement box: its position.
  private(set) var notePosition: [Point]
  /// The ticks, left to right; the last is `no date` when that column is used.
  private(set) var ticks: [Tick] = []
  /// The lowest y of the drawing (the bottom of the lowest lane).
  private(set) var bottom: Int = 0
  /// The x where the drawing ends on the right.
  private(set) var right: Int = 0
  /// The x where the drawing starts on the left.
  private(set) var left: Int = 0

  /// Lays out `scene`; `onTwoThreads` (by default, above ``parallelItems`` entities)
  /// builds the lanes above the axis on a second thread. The layout is the same.
  init(scene: DOTScene, sizes: [Size], noteSizes: [Size], onTwoThreads: Bool? = nil) {
    let graph = scene.graph
    let entities = graph.entities
    let count = graph.count
    var centreX = [Double](repeating: .nan, count: count)

    // Dated events and documents, chronologically.
    var dated: [(entity: Int, day: Int)] = []
    dated.reserveCapacity(graph.chronological.count)
    for index in graph.chronological where scene.isDrawn[index.int] {
      guard let date = entities[index.int].date, let day = date.earliest ?? date.latest else { continue }
      dated.append((index.int, day.dayNumber))
    }
    let scale = Self.scale(days: dated.map(\.day), sizes: sizes, of: dated)
    for (entity, day) in dated { centreX[entity] = scale.x(day) }

    // Events and documents without a day stand in the `no date` column after the axis.
    let noDateX = scale.end + Self.maximumGap
    var undatedTitled: [Int] = []
    var placedRound = [Int32](repeating: -1, count: count)
    for entity in dated { placedRound[entity.entity] = 0 }
    for entity in 0..<count where scene.isDrawn[entity] && placedRound[entity] < 0 && entities[entity].kind.hasTitle {
      centreX[entity] = noDateX
      placedRound[entity] = 0
      undatedTitled.append(entity)
    }

    // Lanes above the axis: dated events and documents, then undated ones, by where
    // they start; for a large drawing on a second thread, while the others are placed
    // below. The two write different entities' x (the others'), and read only those
    // of the entities they place.
    // What is placed before the search (the dated entities chronologically, then the
    // undated events and documents), as 32-bit numbers: the days are no longer needed.
    var titled = [Int32]()
    titled.reserveCapacity(dated.count + undatedTitled.count)
    for (entity, _) in dated { titled.append(Int32(entity)) }
    for entity in undatedTitled { titled.append(Int32(entity)) }
    dated = []
    var placedFirst = [Bool](repeating: false, count: count)
    for entity in titled { placedFirst[Int(entity)] = true }
    var upper: [(start: Double, entity: Int32)] = []
    var upperLanes: (lane: [Int32], centre: [Int]) = ([], [])
    var unplaced: [Int] = []
    centreX.withUnsafeMutableBufferPointer { centreX in
      func placeUpper() -> (lane: [Int32], centre: [Int]) {
        upper.reserveCapacity(titled.count)
        for entity in titled { upper.append((centreX[Int(entity)] - sizes[Int(entity)].width / 2, entity)) }
        upper.sort { ($0.start, $0.entity) < ($1.start, $1.entity) }
        return Self.lanes(upper, x: centreX, sizes: sizes, origin: 28)
      }
      func placeOthers() {
        // The others stand with their nearest placed neighbours: at the median x of those
        // placed in the previous round of a breadth-first search.
        // An edge between two entities placed before the search (events and
        // documents) neither reaches nor places anyone: left out.
        let adjacency = DOTTimeAxis.adjacency(scene: scene, heads: false, leavingOut: placedFirst)
        var frontier = titled
        var round: Int32 = 0
        var xs: [Double] = []
        while !frontier.isEmpty {
          round += 1
          var candidates: [Int32] = []
          for node in frontier {
            for slot in adjacency.slots(of: Int(node)) {
              let neighbour = Int(adjacency.targets[slot])
              guard scene.isDrawn[neighbour], placedRound[neighbour] < 0 else { continue }
              placedRound[neighbour] = round
              candidates.append(Int32(neighbour))
            }
          }
          candidates.sort()
          for candidate in candidates {
            let entity = Int(candidate)
            xs.removeAll(keepingCapacity: true)
            for slot in adjacency.slots(of: entity) {
              let neighbour = Int(adjacency.targets[slot])
              if placedRound[neighbour] >= 0, placedRound[neighbour] < round { xs.append(centreX[neighbour]) }
            }
            xs.sort()
            centreX[entity] = xs.isEmpty ? scale.end : xs[xs.count / 2]
          }
          frontier = candidates
        }

        // What is joined to nothing stands in the `no date` column too.
        for entity in 0..<count where scene.isDrawn[entity] && placedRound[entity] < 0 {
          centreX[entity] = noDateX
          unplaced.append(entity)
        }
      }
      if onTwoThreads ?? (count > Self.parallelItems) {
        let pieces = TwoThreads.run { piece -> (lane: [Int32], centre: [Int])? in
          if piece == 0 { return placeUpper() }
          placeOthers()
          return nil
        }
        upperLanes = pieces.first.flatMap { $0 } ?? placeUpper()
      } else {
        placeOthers()
        upperLanes = placeUpper()
      }
    }
    var position = [Point?](repeating: nil, count: count)
    for (slot, item) in upper.enumerated() {
      let entity = Int(item.entity)
      position[entity] = Point(x: Int(centreX[entity].rounded()), y: upperLanes.centre[Int(upperLanes.lane[slot])])
    }
    upperLanes = ([], [])

    // Lanes below: people, organisations, places, then disagreement boxes; the items
    // are numbered entities first, notes after them.
    var lower: [(item: Int, x: Double, size: Size)] = []
    for entity in 0..<count where scene.isDrawn[entity] && !entities[entity].kind.hasTitle {
      lower.append((entity, centreX[entity], sizes[entity]))
    }
    for (note, box) in scene.notes.enumerated() {
      let x = centreX[box.subject].isNaN ? noDateX : centreX[box.subject]
      lower.append((count + note, x, noteSizes[note]))
    }
    lower.sort { ($0.x, $0.item) < ($1.x, $1.item) }
    let (lowerX, lowerY) = Self.spread(lower, origin: -40)
    var notePosition = [Point](repeating: Point(x: 0, y: 0), count: scene.notes.count)
    for (slot, item) in lower.enumerated() {
      let point = Point(x: Int(lowerX[slot].rounded()), y: lowerY[slot])
      if item.item < count { position[item.item] = point } else { notePosition[item.item - count] = point }
      lower[slot].x = lowerX[slot]
    }

    // Ticks along the axis at y = 0.
    var ticks = scale.ticks()
    if !undatedTitled.isEmpty || !unplaced.isEmpty {
      ticks.append(Tick(label: "no date", position: Point(x: Int(noDateX.rounded()), y: 0), afterGap: true))
    }
    var lowest = lowerY.min() ?? -40
    var leftmost = ticks.first.map { Double($0.position.x) } ?? 0
    var rightmost = ticks.last.map { Double($0.position.x) } ?? 0
    for (slot, item) in lower.enumerated() {
      lowest = min(lowest, lowerY[slot] - Int(item.size.height / 2))
    }
    for item in upper {
      let entity = Int(item.entity)
      leftmost = min(leftmost, centreX[entity] - sizes[entity].width / 2)
      rightmost = max(rightmost, centreX[entity] + sizes[entity].width / 2)
    }
    for item in lower {
      leftmost = min(leftmost, item.x - item.size.width / 2)
      rightmost = max(rightmost, item.x + item.size.width / 2)
    }
    self.position = position
    self.notePosition = notePosition
    self.ticks = ticks
    self.bottom = lowest
    self.left = Int(leftmost.rounded(.down))
    self.right = Int(rightmost.rounded(.up))
  }

  // MARK: Lanes

  /// Puts entities, sorted by where they start (their x less half their width), into
  /// lanes going up from `origin`: each keeps its x and goes into the lane nearest the
  /// axis whose last item ends before it starts. Returns each item's lane and each
  /// lane's y (its centre). Lanes are as tall as their tallest item.
  private static func lanes(
    _ items: [(start: Double, entity: Int32)], x: UnsafeMutableBufferPointer<Double>, sizes: [Size], origin: Int
  ) -> (lane: [Int32], centre: [Int]) {
    var laneOf = [Int32](repeating: 0, count: items.count)
    var laneHeight: [Double] = []
    // Busy lanes by the x where they become free; free lanes by number.
    var busy = MinimumHeap<LaneEnd>()
    var free = MinimumHeap<Int>()
    for (slot, item) in items.enumerated() {
      let entity = Int(item.entity)
      let size = sizes[entity]
      while let first = busy.first, first.end + horizontalGap <= item.start {
        busy.removeFirst()
        free.insert(first.lane)
      }
      let lane: Int
      if let first = free.first {
        free.removeFirst()
        lane = first
      } else {
        lane = laneHeight.count
        laneHeight.append(0)
      }
      laneOf[slot] = Int32(lane)
      laneHeight[lane] = max(laneHeight[lane], size.height)
      busy.insert(LaneEnd(end: x[entity] + size.width / 2, lane: lane))
    }
    var centre: [Int] = []
    centre.reserveCapacity(laneHeight.count)
    var edge = Double(origin)
    for height in laneHeight {
      centre.append(Int((edge + height / 2).rounded()))
      edge += height + verticalGap
    }
    return (laneOf, centre)
  }

  /// Puts items, sorted by the x they would like, into lanes going down from
  /// `origin`, each where it costs least: the distance it is moved to the right to
  /// overlap nothing, plus ``laneCost`` per lane away from the axis. So what is joined
  /// to one date spreads sideways as well as down, and its edges and their labels fan
  /// out instead of lying on top of each other. Returns each item's x and y.
  private static func spread(_ items: [(item: Int, x: Double, size: Size)], origin: Int) -> (x: [Double], y: [Int]) {
    var laneEnd: [Double] = []
    var laneHeight: [Double] = []
    var xs: [Double] = []
    var laneOf: [Int] = []
    xs.reserveCapacity(items.count)
    laneOf.reserveCapacity(items.count)
    for item in items {
      let half = item.size.width / 2
      var best = (cost: Double.infinity, lane: laneEnd.count, x: item.x)
      if laneEnd.count < maximumLanes { best.cost = Double(laneEnd.count) * laneCost }
      for lane in laneEnd.indices {
        // An item is never moved left, so a lane costs at least its distance from the
        // axis: once that is no less than the best cost, no lane further out is better.
        if Double(lane) * laneCost >= best.cost { break }
        let x = max(item.x, laneEnd[lane] + horizontalGap + half)
        let cost = (x - item.x) + Double(lane) * laneCost
        if cost < best.cost { best = (cost, lane, x) }
      }
      if best.lane == laneEnd.count {
        laneEnd.append(0)
        laneHeight.append(0)
      }
      laneEnd[best.lane] = best.x + half
      laneHeight[best.lane] = max(laneHeight[best.lane], item.size.height)
      xs.append(best.x)
      laneOf.append(best.lane)
    }
    var centre: [Int] = []
    var edge = Double(origin)
    for height in laneHeight {
      centre.append(Int((edge - height / 2).rounded()))
      edge -= height + verticalGap
    }
    return (xs, laneOf.map { centre[$0] })
  }

  /// What moving an item one lane further from the axis costs, in points of moving it
  /// sideways.
  static let laneCost = 90.0
  /// The most lanes below the axis; past them items only move sideways.
  static let maximumLanes = 400

  private struct LaneEnd: Comparable {
    var end: Double
    var lane: Int

    static func < (lhs: LaneEnd, rhs: LaneEnd) -> Bool { (lhs.end, lhs.lane) < (rhs.end, rhs.lane) }
  }

  // MARK: Time scale

  /// The time scale, chosen from the dates and the sizes of what stands at them.
  private static func scale(days: consuming [Int], sizes: [Size], of dated: [(entity: Int, day: Int)]) -> TimeScale {
    var distinct = days
    distinct.sort()
    var unique: [Int] = []
    unique.reserveCapacity(distinct.count)
    for day in distinct where unique.last != day { unique.append(day) }
    guard unique.count > 1 else { return TimeScale(days: unique, xs: unique.map { _ in 0 }, pointsPerDay: 1) }

    // Width for an aspect of about 3:1 if the items were spread evenly.
    var area = 0.0
    for (entity, _) in dated {
      let size = sizes[entity]
      area += (size.width + horizontalGap) * (size.height + verticalGap)
    }
    let target = (6 * area).squareRoot()
    var gaps: [Double] = []
    gaps.reserveCapacity(unique.count - 1)
    for position in unique.indices.dropFirst() { gaps.append(Double(unique[position] - unique[position - 1])) }
    func width(_ pointsPerDay: Double) -> Double {
      gaps.reduce(0) { $0 + min($1 * pointsPerDay, maximumGap) }
    }
    // The widest the gaps allow is every gap at its maximum.
    var low = 0.0
    var high = maximumGap / (gaps.min() ?? 1)
    if width(high) > target {
      for _ in 0..<64 {
        let middle = (low + high) / 2
        if width(middle) < target { low = middle } else { high = middle }
      }
    }
    var xs = [0.0]
    xs.reserveCapacity(unique.count)
    for gap in gaps { xs.append(xs[xs.count - 1] + min(gap * high, maximumGap)) }
    return TimeScale(days: unique, xs: xs, pointsPerDay: high)
  }

  /// Maps day numbers to x: linear between consecutive dates, shortened gaps included.
  struct TimeScale {
    /// The distinct days, ascending, and their x.
    var days: [Int]
    var xs: [Double]
    /// Points per day where no gap is shortened.
    var pointsPerDay: Double

    var end: Double { xs.last ?? 0 }

    /// The x of the day of one of the dates.
    func x(_ day: Int) -> Double {
      guard !days.isEmpty else { return 0 }
      var low = 0
      var high = days.count - 1
      if day <= days[low] { return xs[low] - min(Double(days[low] - day) * pointsPerDay, maximumGap) }
      if day >= days[high] { return xs[high] + min(Double(day - days[high]) * pointsPerDay, maximumGap) }
      while high - low > 1 {
        let middle = (low + high) / 2
        if days[middle] <= day { low = middle } else { high = middle }
      }
      let fraction = Double(day - days[low]) / Double(days[high] - days[low])
      return xs[low] + fraction * (xs[high] - xs[low])
    }

    /// Whether the stretch between two x values crosses a shortened gap.
    func crossesGap(from start: Double, to end: Double) -> Bool {
      for position in days.indices.dropFirst() where xs[position] > start && xs[position - 1] < end {
        if Double(days[position] - days[position - 1]) * pointsPerDay > maximumGap + 0.5 { return true }
      }
      return false
    }

    /// Year ticks (month ticks when the dates span less than two years) at least
    /// ``DOTPinnedLayout/tickSpacing`` apart, on round numbers of years.
    func ticks() -> [Tick] {
      guard let first = days.first, let last = days.last,
        let start = CalendarDay(dayNumber: first), let stop = CalendarDay(dayNumber: last)
      else { return [] }
      var candidates: [(label: String, day: Int)] = []
      if stop.year - start.year < 2 {
        var month = CalendarDay(year: start.year, month: start.month, day: 1)
        while let current = month, current.dayNumber <= last {
          candidates.append((EDTFDate.monthNames[current.month - 1] + " " + DOTTimeAxis.yearLabel(current.year), current.dayNumber))
          month = current.addingMonths(1)
        }
      } else {
        // Round steps, so that there are at most a few thousand candidates.
        let span = stop.year - start.year + 1
        var step = 1
        for candidate in [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000] where span / candidate <= 2000 {
          step = candidate
          break
        }
        while span / step > 2000 { step *= 10 }
        var year = start.year - (((start.year % step) + step) % step)
        if year < start.year { year += step }
        while year <= stop.year {
          if let day = CalendarDay(year: year, month: 1, day: 1) {
            candidates.append((DOTTimeAxis.yearLabel(year), day.dayNumber))
          }
          year += step
        }
        if candidates.isEmpty, let day = CalendarDay(year: start.year, month: 1, day: 1) {
          candidates.append((DOTTimeAxis.yearLabel(start.year), day.dayNumber))
        }
      }
      // Keep a candidate when it stands far enough from the last one kept.
      var ticks: [Tick] = []
      var lastX = -Double.infinity
      for (label, day) in candidates {
        let x = self.x(day)
        guard x - lastX >= tickSpacing else { continue }
        let afterGap = ticks.isEmpty ? false : crossesGap(from: lastX, to: x)
        ticks.append(Tick(label: label, position: Point(x: Int(x.rounded()), y: 0), afterGap: afterGap))
        lastX = x
      }
      return ticks
    }
  }

  // MARK: Sizes

  /// The size Graphviz will give a node with this label, roughly: Helvetica at
  /// `fontSize` averages about 0.56 em a character; ellipses, hexagons and houses
  /// need more room around their text than boxes.
  static func size(of text: DOTText, shape: String, fontSize: Double = 11) -> Size {
    var measure = Measure()
    for line in text.lines { measure.add(line.text, limit: line.wraps ? text.width : Int.max) }
    return measure.size(shape: shape, fontSize: fontSize)
  }

  /// The columns and lines of a label, line by line, for ``size(of:shape:fontSize:)``
  /// without building the label.
  struct Measure {
    /// The longest line, in Unicode scalars.
    private(set) var columns = 0
    private(set) var lines = 0

    /// Adds a line of the label that wraps at spaces once it passes `limit` characters.
    mutating func add(_ text: String, limit: Int) {
      // Characters counted as Unicode scalars (UTF-8 bytes that start one): close
      // enough for a size Graphviz recomputes anyway.
      var line = Line(limit: limit, columns: columns, lines: lines + 1)
      // The bytes in place when the string has them so (a native string does).
      if text.utf8.withContiguousStorageIfAvailable({ line.add($0) }) == nil { line.add(text.utf8) }
      line.endWord()
      columns = max(line.columns, line.current)
      lines = line.lines
    }

    /// The count of one line of a label as it wraps.
    private struct Line {
      let limit: Int
      var columns: Int
      var lines: Int
      /// The columns of the current line and of the word being read.
      var current = 0
      var word = 0

      init(limit: Int, columns: Int, lines: Int) {
        self.limit = limit
        self.columns = columns
        self.lines = lines
      }

      mutating func add(_ utf8: some Sequence<UInt8>) {
        var previous: UInt8 = 0
        for byte in utf8 {
          defer { previous = byte }
          switch byte {
          case 0x20:
            endWord()
          case 0x0A where previous == 0x0D:
            continue
          case 0x0A, 0x0D:
            endWord()
            columns = max(columns, current)
            lines += 1
            current = 0
          default:
            if byte & 0xC0 != 0x80 { word += 1 }
          }
        }
      }

      mutating func endWord() {
        if current > 0, current + 1 + word > limit {
          columns = max(columns, current)
          lines += 1
          current = word
        } else {
          current += (current > 0 ? 1 : 0) + word
        }
        word = 0
      }
    }

    /// The node's size: Helvetica at `fontSize` averages about 0.56 em a character;
    /// ellipses, hexagons and houses need more room around their text than boxes.
    func size(shape: String, fontSize: Double = 11) -> Size {
      let textWidth = Double(columns) * fontSize * 0.56
      let textHeight = Double(max(lines, 1)) * fontSize * 1.2
      let factor: Double
      switch shape {
      case "ellipse", "hexagon", "house": factor = 1.42
      default: factor = 1
      }
      return Size(width: max(54, textWidth * factor + 18), height: max(36, textHeight * factor + 9))
    }
  }
}
