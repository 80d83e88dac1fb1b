/// A binary min-heap: the least element first. Insertion and removal in O(log n).
///
///     var heap = MinimumHeap<Int>()
///     heap.insert(3); heap.insert(1)
///     heap.first        // 1
///     heap.removeFirst()
struct MinimumHeap<Element: Comparable> {
  private var storage: [Element] = []

  var first: Element? { storage.first }

  mutating func insert(_ element: Element) {
    storage.append(element)
    var child = storage.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard storage[child] < storage[parent] else { break }
      storage.swapAt(child, parent)
      child = parent
    }
  }

  mutating func removeFirst() {
    guard !storage.isEmpty else { return }
    storage.swapAt(0, storage.count - 1)
    storage.removeLast()
    var parent = 0
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var least = parent
      if left < storage.count, storage[left] < storage[least] { least = left }
      if right < storage.count, storage[right] < storage[least] { least = right }
      if least == parent { return }
      storage.swapAt(parent, least)
      parent = least
    }
  }
}
