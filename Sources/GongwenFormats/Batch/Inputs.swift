import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One path found on disk, in the order it will be converted.
struct PlannedInput: Sendable {
    enum Kind: Sendable {
        case file
        case zip, tar, tarGz, gzip
        case failure(BatchFailure, format: String)
    }

    var display: String
    var fsPath: String
    var mirror: String
    var kind: Kind
    var size: Int
}

/// Walks the command-line inputs: folders recursively in sorted path order (symbolic links
/// followed, loops reported), hidden files and OS litter (`.DS_Store`, `Thumbs.db`, `__MACOSX`)
/// skipped, the output itself skipped.
struct InputPlanner {
    var excluded: Set<String> = []

    static func kind(forName name: String) -> PlannedInput.Kind {
        let lower = name.lowercased()
        if lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") { return .tarGz }
        if lower.hasSuffix(".tar") { return .tar }
        if lower.hasSuffix(".zip") { return .zip }
        if lower.hasSuffix(".gz") { return .gzip }
        return .file
    }

    static func isLitter(_ name: String) -> Bool {
        name == ".DS_Store" || name == "Thumbs.db" || name == "desktop.ini" || name == "__MACOSX" || name.hasPrefix("._")
    }

    func plan(_ inputs: [String]) throws -> [PlannedInput] {
        var out: [PlannedInput] = []
        for input in inputs {
            var st = stat()
            guard stat(input, &st) == 0 else {
                var lst = stat()
                if lstat(input, &lst) == 0 {
                    // A link given by name that cannot be followed: an error record, not a usage error.
                    out.append(failure(display: input, mirror: Self.baseName(input), errno == ELOOP ? BatchErrorCode.symlinkLoop : BatchErrorCode.unreadable,
                                       errno == ELOOP ? "symbolic link loop" : "broken symbolic link"))
                    continue
                }
                throw BatchUsageError(path: input, "no such file or folder")
            }
            let display = Self.trimmed(input)
            if (st.st_mode & S_IFMT) == S_IFDIR {
                var found: [PlannedInput] = []
                let real = FileIO.realPath(input) ?? input
                walk(fsPath: input, display: display == "." ? "" : display, mirror: Self.baseName(display), ancestors: [real], into: &found)
                found.sort { $0.display.utf8.lexicographicallyPrecedes($1.display.utf8) }
                out += found
            } else {
                if let r = FileIO.realPath(input), excluded.contains(r) { continue }
                out.append(planFile(display: display, fsPath: input, mirror: Self.baseName(display), st: st))
            }
        }
        return out
    }

    private func planFile(display: String, fsPath: String, mirror: String, st: stat) -> PlannedInput {
        guard (st.st_mode & S_IFMT) == S_IFREG else {
            return failure(display: display, mirror: mirror, BatchErrorCode.unsupportedFormat, "not a regular file (device, socket or pipe)")
        }
        return PlannedInput(display: display, fsPath: fsPath, mirror: mirror, kind: Self.kind(forName: display), size: Int(st.st_size))
    }

    private func failure(display: String, mirror: String, _ code: String, _ message: String) -> PlannedInput {
        PlannedInput(display: display, fsPath: "", mirror: mirror, kind: .failure(BatchFailure(code, message), format: Formats.label(forName: display)), size: 0)
    }

    private func walk(fsPath: String, display: String, mirror: String, ancestors: Set<String>, into out: inout [PlannedInput]) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: fsPath) } catch {
            // The errno's words, not Foundation's NSCocoaErrorDomain text.
            let reason: String
            if let dir = opendir(fsPath) { closedir(dir); reason = "\(error)" } else { reason = String(cString: strerror(errno)) }
            out.append(failure(display: display, mirror: mirror, BatchErrorCode.unreadable, "cannot list the folder: \(reason)"))
            return
        }
        for name in names where !name.hasPrefix(".") && !Self.isLitter(name) {
            let childFS = fsPath.hasSuffix("/") ? fsPath + name : fsPath + "/" + name
            let childDisplay = display.isEmpty ? name : display.hasSuffix("/") ? display + name : display + "/" + name
            let childMirror = mirror.isEmpty ? name : mirror + "/" + name
            var lst = stat()
            guard lstat(childFS, &lst) == 0 else {
                out.append(failure(display: childDisplay, mirror: childMirror, BatchErrorCode.unreadable, String(cString: strerror(errno))))
                continue
            }
            var st = lst
            let isLink = (lst.st_mode & S_IFMT) == S_IFLNK
            if isLink {
                guard stat(childFS, &st) == 0 else {
                    let loop = errno == ELOOP
                    out.append(failure(display: childDisplay, mirror: childMirror, loop ? BatchErrorCode.symlinkLoop : BatchErrorCode.unreadable,
                                       loop ? "symbolic link loop" : "broken symbolic link"))
                    continue
                }
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                let real = FileIO.realPath(childFS) ?? childFS
                if ancestors.contains(real) {
                    out.append(failure(display: childDisplay, mirror: childMirror, BatchErrorCode.symlinkLoop,
                                       "symbolic link back to an enclosing folder (\(real)); not followed"))
                    continue
                }
                walk(fsPath: childFS, display: childDisplay, mirror: childMirror, ancestors: ancestors.union([real]), into: &out)
            } else {
                if let r = FileIO.realPath(childFS), excluded.contains(r) { continue }
                out.append(planFile(display: childDisplay, fsPath: childFS, mirror: childMirror, st: st))
            }
        }
    }

    static func trimmed(_ path: String) -> String {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        while p.hasPrefix("./"), p.count > 2 { p.removeFirst(2) }
        return p
    }

    static func baseName(_ path: String) -> String {
        let p = trimmed(path)
        if p == "." || p == "/" { return "" }
        return p.split(separator: "/").last.map(String.init) ?? p
    }

    /// A member name safe to use under an output folder.
    static func safeRelative(_ name: String) -> String {
        name.split(separator: "/").filter { $0 != "." && !$0.isEmpty }.map { $0 == ".." ? "_" : String($0) }.joined(separator: "/")
    }
}

/// Reads archives member by member and hands each member on as an input item, in archive order.
struct ArchiveExpander {
    let maxBytes: Int
    let limits: ZipLimits
    let maxDepth: Int
    /// Asked before a member is read (its `source.path` and mirror): false skips it unread.
    /// Workers announce members here, and a replacement worker skips what was already done.
    var willRead: ((_ display: String, _ mirror: String) -> Bool)?

    init(options: BatchOptions) {
        maxBytes = options.maxBytes
        limits = ZipLimits(maxBytes: options.maxBytes, maxRatio: options.maxCompressionRatio)
        maxDepth = options.maxArchiveDepth
    }

    enum Source {
        case path(String)
        case bytes([UInt8])
    }

    static func isMemberJunk(_ name: String) -> Bool {
        let parts = name.split(separator: "/")
        if parts.contains("__MACOSX") { return true }
        guard let last = parts.last else { return true }
        return last == ".DS_Store" || last == "Thumbs.db" || last.hasPrefix("._")
    }

    /// Emits one item per member; archive-level problems become one error record for the archive.
    func expand(_ kind: PlannedInput.Kind, source: Source, display: String, mirror: String, depth: Int, emit: (InputItem) -> Void) {
        var emitted = 0
        func counting(_ item: InputItem) {
            emitted += 1
            emit(item)
        }
        func archiveFailure(_ f: BatchFailure) {
            counting(InputItem(path: display, id: nil, mirror: mirror, payload: .failure(f, format: Formats.label(forName: display))))
        }
        do {
            switch kind {
            case .zip:
                let archive: Archive
                switch source {
                case .path(let p): archive = try ZipReading.open(path: p)
                case .bytes(let b): archive = try ZipReading.open(bytes: b)
                }
                for entry in archive where entry.type == .file {
                    let name = ZipReading.name(of: entry)
                    if Self.isMemberJunk(name) || name.hasSuffix("/") { continue }
                    let member = member(display: display, mirror: mirror, name: name)
                    if let willRead, !willRead(member.display, member.mirror) { emitted += 1; continue }
                    do {
                        let bytes = try ZipReading.read(entry, from: archive, limits: limits, name: name)
                        emitMember(bytes, name: name, member: member, depth: depth, emit: counting)
                    } catch let f as BatchFailure {
                        counting(InputItem(path: member.display, id: nil, mirror: member.mirror, payload: .failure(f, format: Formats.label(forName: name))))
                    }
                }
            case .tar, .tarGz:
                let raw: ByteSource
                switch source {
                case .path(let p): raw = try FileSource(path: p)
                case .bytes(let b): raw = MemorySource(b)
                }
                let stream: ByteSource
                if case .tarGz = kind { stream = try GzipSource(raw) } else { stream = raw }
                try expandTar(TarReader(stream), display: display, mirror: mirror, depth: depth, emit: counting, skipped: { emitted += 1 })
            case .gzip:
                // Streamed from a file: a 300 MB `.txt.gz` costs `--max-bytes` of memory, not its size.
                let bytes: [UInt8]
                switch source {
                case .path(let p): bytes = try Gzip.decompress(file: p, limit: maxBytes)
                case .bytes(let b): bytes = try Gzip.decompress(b, limit: maxBytes)
                }
                if bytes.count >= 262, bytes[257..<262].elementsEqual("ustar".utf8) {
                    try expandTar(TarReader(MemorySource(bytes)), display: display, mirror: mirror, depth: depth, emit: counting, skipped: { emitted += 1 })
                } else {
                    var name = InputPlanner.baseName(display)
                    if name.lowercased().hasSuffix(".gz") { name.removeLast(3) }
                    let member = member(display: display, mirror: mirror, name: name)
                    if let willRead, !willRead(member.display, member.mirror) { emitted += 1; return }
                    emitMember(bytes, name: name, member: member, depth: depth, emit: counting)
                }
            case .file, .failure:
                break
            }
        } catch let f as BatchFailure {
            archiveFailure(f)
        } catch {
            archiveFailure(BatchFailure(BatchErrorCode.unreadable, "\(error)"))
        }
        if emitted == 0 {
            archiveFailure(BatchFailure(BatchErrorCode.empty, "the archive holds no files"))
        }
    }

    private func expandTar(_ reader: TarReader, display: String, mirror: String, depth: Int, emit: (InputItem) -> Void, skipped: () -> Void) throws {
        while let entry = try reader.next() {
            if Self.isMemberJunk(entry.name) || entry.name.hasSuffix("/") { continue }
            let member = member(display: display, mirror: mirror, name: entry.name)
            if let willRead, !willRead(member.display, member.mirror) { skipped(); continue }
            do {
                guard let body = try reader.readBody(limit: maxBytes) else {
                    emit(InputItem(path: member.display, id: nil, mirror: member.mirror, payload: .failure(
                        BatchFailure(BatchErrorCode.tooLarge, "\(entry.size) bytes is over the limit of \(maxBytes) bytes (--max-bytes)", bytes: entry.size),
                        format: Formats.label(forName: entry.name))))
                    continue
                }
                emitMember(body, name: entry.name, member: member, depth: depth, emit: emit)
            } catch let f as BatchFailure {
                var f = f
                if f.bytes == 0 { f.bytes = entry.size }
                emit(InputItem(path: member.display, id: nil, mirror: member.mirror, payload: .failure(f, format: Formats.label(forName: entry.name))))
                if f.code == BatchErrorCode.truncatedArchive || f.code == BatchErrorCode.unreadable { return }
            }
        }
    }

    private func member(display: String, mirror: String, name: String) -> (display: String, mirror: String) {
        (display + "!/" + name, mirror + "/" + InputPlanner.safeRelative(name))
    }

    private func emitMember(_ bytes: [UInt8], name: String, member: (display: String, mirror: String), depth: Int, emit: (InputItem) -> Void) {
        let kind = InputPlanner.kind(forName: name)
        if case .file = kind {
            emit(InputItem(path: member.display, id: nil, mirror: member.mirror, payload: .bytes(bytes, format: nil)))
            return
        }
        guard depth + 1 < maxDepth else {
            emit(InputItem(path: member.display, id: nil, mirror: member.mirror, payload: .failure(
                BatchFailure(BatchErrorCode.archiveBomb, "archives nested more than \(maxDepth) deep", bytes: bytes.count), format: Formats.label(forName: name))))
            return
        }
        expand(kind, source: .bytes(bytes), display: member.display, mirror: member.mirror, depth: depth + 1, emit: emit)
    }
}
