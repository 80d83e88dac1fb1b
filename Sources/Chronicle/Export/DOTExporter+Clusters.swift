extension DOTExporter {
  /// Organisations nest at most this deep; a deeper one starts a new top-level box.
  static let maximumClusterDepth = 16

  /// The clusters the options ask for, and the nodes outside any cluster, each in
  /// the graph's order (ticks, then entities, then disagreement boxes).
  func groups(_ scene: DOTScene, axis: DOTTimeAxis?) -> (groups: [DOTGroup], loose: [DOTGroup.Item]) {
    let ticks = axis.map { axis in axis.ranks.indices.map { Self.holder(axis, rank: $0) } } ?? []
    let entities = scene.isDrawn.indices.filter { scene.isDrawn[$0] }
    let notes = Array(scene.notes.indices)
    switch options.clustering {
    case .none:
      return ([], ticks + entities.map { .entity($0) } + notes.map { .note($0) })
    case .year:
      return axis.map { yearGroups($0) } ?? yearGroups(scene)
    case .kind:
      if let axis { return (kindGroups(scene, axis: axis), ticks + notes.map { .note($0) }) }
      return (kindGroups(scene, entities: entities), ticks + notes.map { .note($0) })
    case .organisation:
      let (groups, looseEntities) = organisationGroups(scene)
      return (groups, ticks + looseEntities.map { .entity($0) } + notes.map { .note($0) })
    }
  }

  /// The node that keeps a rank in its place: its tick, or an invisible node.
  static func holder(_ axis: DOTTimeAxis, rank: Int) -> DOTGroup.Item {
    axis.ranks[rank].holdsTick ? .tick(axis.ranks[rank].column) : .rankHolder(rank)
  }

  // MARK: Years

  /// Timeline: one box per year around its ticks and what stands with them.
  private func yearGroups(_ axis: DOTTimeAxis) -> (groups: [DOTGroup], loose: [DOTGroup.Item]) {
    var groups: [DOTGroup] = []
    var loose: [DOTGroup.Item] = []
    var lastYear: Int?
    for (position, rank) in axis.ranks.enumerated() {
      let items = [Self.holder(axis, rank: position)] + rank.entities.map { .entity($0) } + rank.notes.map { .note($0) }
      guard let year = axis.ticks[rank.column].year else {
        loose += items
        continue
      }
      if year != lastYear {
        groups.append(DOTGroup(id: DOTID("cluster_year_", groups.count), attributes: yearAttributes(year)))
        lastYear = year
      }
      groups[groups.count - 1].items += items
    }
    return (groups, loose)
  }

  /// Network: one box per year of the dated events and documents; disagreement boxes
  /// go with their subject.
  private func yearGroups(_ scene: DOTScene) -> (groups: [DOTGroup], loose: [DOTGroup.Item]) {
    var yearOf: [Int: Int] = [:]
    for index in scene.graph.chronological where scene.isDrawn[index.int] {
      guard let date = scene.graph[index].date, let day = date.earliest ?? date.latest else { continue }
      yearOf[index.int] = day.year
    }
    let years = Set(yearOf.values).sorted()
    var slot: [Int: Int] = [:]
    var groups: [DOTGroup] = []
    for year in years {
      slot[year] = groups.count
      groups.append(DOTGroup(id: DOTID("cluster_year_", groups.count), attributes: yearAttributes(year)))
    }
    var loose: [DOTGroup.Item] = []
    for entity in scene.isDrawn.indices where scene.isDrawn[entity] {
      if let year = yearOf[entity], let group = slot[year] {
        groups[group].items.append(.entity(entity))
      } else {
        loose.append(.entity(entity))
      }
    }
    for (position, note) in scene.notes.enumerated() {
      if let year = yearOf[note.subject], let group = slot[year] {
        groups[group].items.append(.note(position))
      } else {
        loose.append(.note(position))
      }
    }
    return (groups, loose)
  }

  private func yearAttributes(_ year: Int) -> DOTAttributes {
    var attributes = DOTAttributes()
    var label = DOTText(width: Int.max)
    label.appendUnwrapped(DOTTimeAxis.yearLabel(year))
    attributes.set("label", label)
    attributes.set("style", "dashed,rounded")
    attributes.set("color", "#888888")
    attributes.set("fontcolor", "#404040")
    attributes.set("fontsize", "12")
    attributes.set("labeljust", "l")
    return attributes
  }

  // MARK: Kinds

  /// Network: one box per kind.
  private func kindGroups(_ scene: DOTScene, entities: [Int]) -> [DOTGroup] {
    var byKind: [EntityKind: [DOTGroup.Item]] = [:]
    for entity in entities { byKind[scene.graph.entities[entity].kind, default: []].append(.entity(entity)) }
    var groups: [DOTGroup] = []
    for (position, kind) in EntityKind.allCases.enumerated() {
      guard let items = byKind[kind] else { continue }
      groups.append(DOTGroup(id: DOTID("cluster_kind_", position), attributes: kindAttributes(kind), items: items))
    }
    return groups
  }

  /// Timeline: one box per kind in each rank, which holds one kind only. Boxes that
  /// span the whole axis (swimlanes) make Graphviz 2.43 fail to route edges that
  /// cross them; a box within one rank never lies across an edge's path.
  private func kindGroups(_ scene: DOTScene, axis: DOTTimeAxis) -> [DOTGroup] {
    var groups: [DOTGroup] = []
    for rank in axis.ranks {
      guard let first = rank.entities.first else { continue }
      let kind = scene.graph.entities[first].kind
      groups.append(DOTGroup(
        id: DOTID("cluster_kind_", groups.count), attributes: kindAttributes(kind), items: rank.entities.map { .entity($0) }))
    }
    return groups
  }

  private func kindAttributes(_ kind: EntityKind) -> DOTAttributes {
    var attributes = DOTAttributes()
    var label = DOTText(width: Int.max)
    label.appendUnwrapped(Self.pluralName(kind))
    attributes.set("label", label)
    attributes.set("style", "filled,rounded")
    attributes.set("fillcolor", "#f5f5f5")
    attributes.set("color", "#bbbbbb")
    attributes.set("fontsize", "12")
    attributes.set("labeljust", "l")
    return attributes
  }

  static func pluralName(_ kind: EntityKind) -> String {
    switch kind {
    case .event: "Events"
    case .document: "Documents"
    case .person: "People"
    case .organisation: "Organisations"
    case .place: "Places"
    }
  }

  // MARK: Organisations

  /// One box per organisation that has members or sub-organisations, nested as they
  /// are; a person goes in the first organisation it is a member of or represents
  /// (by edge), or else holds a position in. Returns the entities outside any box.
  private func organisationGroups(_ scene: DOTScene) -> ([DOTGroup], [Int]) {
    let graph = scene.graph
    let count = graph.count
    func isOrganisation(_ entity: Int) -> Bool {
      scene.isDrawn[entity] && graph.entities[entity].kind == .organisation
    }
    var parent = [Int](repeating: -1, count: count)
    var home = [Int](repeating: -1, count: count)
    for edge in graph.edges {
      let from = edge.from.int
      let to = edge.to.int
      guard scene.isDrawn[from], isOrganisation(to), from != to else { continue }
      switch (graph.entities[from].kind, edge.type) {
      case (.organisation, RelationType.partOf.id) where parent[from] < 0: parent[from] = to
      case (.person, RelationType.memberOf.id), (.person, RelationType.represents.id):
        if home[from] < 0 { home[from] = to }
      default: break
      }
    }
    for (position, entity) in graph.entities.enumerated() where entity.kind == .person && scene.isDrawn[position] && home[position] < 0 {
      for held in entity.positions {
        guard let id = held.organisation, let organisation = graph.index(of: id)?.int, isOrganisation(organisation) else { continue }
        home[position] = organisation
        break
      }
    }
    Self.cutCycles(&parent)
    Self.limitDepth(&parent, maximum: Self.maximumClusterDepth)

    var children = [[Int]](repeating: [], count: count)
    var members = [[Int]](repeating: [], count: count)
    for entity in 0..<count where parent[entity] >= 0 { children[parent[entity]].append(entity) }
    for entity in 0..<count where home[entity] >= 0 { members[home[entity]].append(entity) }
    let hasBox = (0..<count).map { isOrganisation($0) && (!children[$0].isEmpty || !members[$0].isEmpty) }

    // Built deepest first, so that a box's nested boxes exist when it is built.
    var depth = [Int](repeating: 0, count: count)
    var order: [Int] = []
    for entity in 0..<count where isOrganisation(entity) {
      var level = 0
      var current = parent[entity]
      while current >= 0 {
        level += 1
        current = parent[current]
      }
      depth[entity] = level
      if hasBox[entity] { order.append(entity) }
    }
    order.sort { (depth[$1], $0) < (depth[$0], $1) }
    var built: [Int: DOTGroup] = [:]
    for organisation in order {
      var group = DOTGroup(id: DOTID("cluster_org_", organisation), attributes: organisationAttributes(organisation, graph: graph))
      group.items = [.entity(organisation)] + members[organisation].map { .entity($0) }
      for child in children[organisation] {
        if let nested = built.removeValue(forKey: child) {
          group.children.append(nested)
        } else {
          group.items.append(.entity(child))
        }
      }
      built[organisation] = group
    }
    let top = order.filter { parent[$0] < 0 }.sorted()
    let boxed = Set(order).union((0..<count).filter { home[$0] >= 0 || (parent[$0] >= 0) })
    let loose = (0..<count).filter { scene.isDrawn[$0] && !boxed.contains($0) }
    return (top.compactMap { built[$0] }, loose)
  }

  private func organisationAttributes(_ organisation: Int, graph: TimelineGraph) -> DOTAttributes {
    var attributes = DOTAttributes()
    attributes.set("style", "filled,rounded")
    attributes.set("fillcolor", "#fff6ec")
    attributes.set("color", DOTStyle.node(.organisation).color)
    // A cluster without a label of its own would show the graph's title.
    var label = DOTText(width: lineLength)
    label.append(graph.entities[organisation].label, name: "name")
    attributes.set("label", label)
    attributes.set("fontsize", "12")
    attributes.set("labeljust", "l")
    var tooltip = DOTText(width: Int.max, escaping: .tooltip)
    tooltip.appendUnwrapped("id: " + graph.entities[organisation].id)
    tooltip.appendWhole(of: label)
    attributes.set("tooltip", tooltip)
    return attributes
  }

  /// Clears the parent of one organisation in each cycle, so the nesting is a forest.
  static func cutCycles(_ parent: inout [Int]) {
    var state = [UInt8](repeating: 0, count: parent.count)  // 0 new, 1 on the path, 2 done
    for start in parent.indices where state[start] == 0 {
      var path: [Int] = []
      var current = start
      while current >= 0, state[current] == 0 {
        state[current] = 1
        path.append(current)
        current = parent[current]
      }
      if current >= 0, state[current] == 1, let last = path.last { parent[last] = -1 }
      for node in path { state[node] = 2 }
    }
  }

  /// Clears the parent of organisations at depths that are multiples of `maximum`,
  /// so that no box nests deeper than that.
  static func limitDepth(_ parent: inout [Int], maximum: Int) {
    var depth = [Int](repeating: -1, count: parent.count)
    for start in parent.indices where depth[start] < 0 {
      var path: [Int] = []
      var current = start
      while current >= 0, depth[current] < 0 {
        path.append(current)
        current = parent[current]
      }
      var level = current >= 0 ? depth[current] : -1
      for node in path.reversed() {
        level += 1
        depth[node] = level
      }
    }
    for node in parent.indices where depth[node] > 0 && depth[node] % maximum == 0 { parent[node] = -1 }
  }
}
