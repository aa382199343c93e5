/// Distinct ranges that nest or are disjoint (as the elements of a page do), as a tree: each
/// range's children are the largest ranges strictly inside it, in source order. Built in
/// O(n log n), so walking down it costs only the children of the nodes on the way.
struct NestingTree {
    /// The distinct ranges, outermost first among those that start together.
    private(set) var ranges: [Range<Int>] = []
    private(set) var children: [[Int]] = []
    private var position: [Range<Int>: Int] = [:]

    init(_ input: [Range<Int>], steps: inout Int) {
        var unique = Array(Set(input))
        unique.sort { $0.lowerBound != $1.lowerBound ? $0.lowerBound < $1.lowerBound : $0.upperBound > $1.upperBound }
        ranges = unique
        children = Array(repeating: [], count: unique.count)
        var open: [Int] = []
        for (k, r) in unique.enumerated() {
            steps += 1
            while let top = open.last, ranges[top].upperBound <= r.lowerBound || ranges[top].upperBound < r.upperBound {
                steps += 1
                open.removeLast()
            }
            if let parent = open.last { children[parent].append(k) }
            open.append(k)
            position[r] = k
        }
    }

    func index(of range: Range<Int>) -> Int? { position[range] }
}
