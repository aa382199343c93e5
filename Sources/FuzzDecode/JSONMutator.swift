import Foundation

#if FUZZING
@_silgen_name("LLVMFuzzerMutate")
private func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int
#else
/// Replay builds have no libFuzzer and never mutate.
private func LLVMFuzzerMutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int) -> Int { size }
#endif

/// A structure-aware mutation for JSON inputs: parse, change one value of the tree (a number to
/// an edge value, a string to a hostile one, a key removed, an element duplicated or dropped, a
/// value replaced by another type or by a subtree from elsewhere), write it back. Inputs that
/// are not JSON, and one mutation in eight, get libFuzzer's byte mutations instead, so both
/// the JSON parser's error paths and our decoders' value checks are exercised.
enum JSONMutator {
    static func mutate(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
        var rng = Generator(state: UInt64(seed) | 1 << 40)
        let input = Data(bytes: data, count: size)
        guard rng.below(8) != 0,
              let tree = try? JSONSerialization.jsonObject(with: input, options: [.fragmentsAllowed]) else {
            return LLVMFuzzerMutate(data, size, maxSize)
        }
        var paths: [[PathStep]] = []
        collect(tree, [], into: &paths)
        let target = paths[rng.below(paths.count)]
        let donor = value(in: tree, at: paths[rng.below(paths.count)])
        let mutated = replace(in: tree, at: target[...]) { old in change(old, donor: donor, &rng) }
        guard let out = try? JSONSerialization.data(withJSONObject: mutated, options: [.fragmentsAllowed, .withoutEscapingSlashes]),
              out.count <= maxSize else {
            return LLVMFuzzerMutate(data, size, maxSize)
        }
        out.copyBytes(to: data, count: out.count)
        return out.count
    }

    enum PathStep { case key(String), index(Int) }

    /// Every value's path, the root included.
    static func collect(_ value: Any, _ path: [PathStep], into paths: inout [[PathStep]]) {
        paths.append(path)
        if let object = value as? [String: Any] {
            for (k, v) in object { collect(v, path + [.key(k)], into: &paths) }
        } else if let array = value as? [Any] {
            for (i, v) in array.enumerated() { collect(v, path + [.index(i)], into: &paths) }
        }
    }

    static func value(in tree: Any, at path: [PathStep]) -> Any {
        var v = tree
        for step in path {
            switch step {
            case .key(let k): v = (v as? [String: Any])?[k] ?? NSNull()
            case .index(let i): v = (v as? [Any]).flatMap { i < $0.count ? $0[i] : nil } ?? NSNull()
            }
        }
        return v
    }

    /// `tree` with the value at `path` replaced by `transform` of it. A `nil` from `transform`
    /// removes the key or element.
    static func replace(in tree: Any, at path: ArraySlice<PathStep>, _ transform: (Any) -> Any?) -> Any {
        guard let step = path.first else { return transform(tree) ?? NSNull() }
        switch step {
        case .key(let k):
            guard var object = tree as? [String: Any], let child = object[k] else { return tree }
            if path.count == 1 { object[k] = transform(child) } else { object[k] = replace(in: child, at: path.dropFirst(), transform) }
            return object
        case .index(let i):
            guard var array = tree as? [Any], i < array.count else { return tree }
            if path.count == 1 {
                if let new = transform(array[i]) { array[i] = new } else { array.remove(at: i) }
            } else {
                array[i] = replace(in: array[i], at: path.dropFirst(), transform)
            }
            return array
        }
    }

    nonisolated(unsafe) static let numbers: [Any] = [0, -1, 1, 2, 31, 32, 59, 60, 366, 1911, 9999, 10000, Int32.max, Int64.max, Int64.min,
                                 -0.0, 0.5, 1e308, 4294967296]
    static let strings: [String] = [
        "", "gongwen/1", "gongwen/2", "document", "error", "section", "paragraph", "heading", "date", "dateRange",
        "money", "personCount", "percentage", "title", "documentNumber", "phone", "email", "CNY", "USD", "X",
        "2020-02-30", "2020-13-01", "99999-01-01", "-0001-01-01", "2020", "2020-05", "1.5", "-3", "00",
        "99999999999999999999999999999999999999", "999999999999999999999999999999999999999", "1e5", "0.000000001",
        "1.2.3", "一、", "《", "〔2012〕", "\u{0}", "\u{FFFD}", "\u{10FFFF}", "\u{202E}", "a\"b\\c",
        String(repeating: "年", count: 300),
    ]

    static func change(_ old: Any, donor: Any, _ rng: inout Generator) -> Any? {
        switch rng.below(8) {
        case 0: return nil
        case 1: return donor
        case 2: return [NSNull(), true, "x", 7, [Any](), [String: Any]()][rng.below(6)]
        case 3: return numbers[rng.below(numbers.count)]
        case 4: return strings[rng.below(strings.count)]
        case 5:
            if var array = old as? [Any], !array.isEmpty {
                array.insert(array[rng.below(array.count)], at: rng.below(array.count + 1))
                return array
            }
            return donor
        case 6:
            if let n = old as? NSNumber { return n.int64Value &+ Int64(rng.below(5)) &- 2 }
            if let s = old as? String, !s.isEmpty {
                var scalars = Array(s.unicodeScalars)
                scalars.remove(at: rng.below(scalars.count))
                return String(String.UnicodeScalarView(scalars))
            }
            return old
        default:
            if var object = old as? [String: Any] {
                object[strings[rng.below(strings.count)]] = donor
                return object
            }
            return strings[rng.below(strings.count)]
        }
    }

    struct Generator {
        var state: UInt64
        mutating func below(_ n: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(1, n)))
        }
    }
}
