import Foundation

/// Reading inputs and writing outputs for the commands, with one-line errors.
enum CLIIO {
    struct InputError: Error, CustomStringConvertible {
        var description: String
    }

    static func readInput(_ path: String) throws -> [UInt8] {
        if path == "-" {
            return Array(FileHandle.standardInput.readDataToEndOfFile())
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(description: "no such file: \(path)")
        }
        guard !isDirectory.boolValue else {
            throw InputError(description: "\(path) is a folder; use 'gongwen convert' for folders and archives")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(description: "cannot read \(path) (permission denied?)")
        }
        return Array(data)
    }

    static func writeStdout(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func fail(_ message: String) {
        FileHandle.standardError.write(Data("gongwen: \(message)\n".utf8))
    }
}

enum FileHandleOutput {
    static func stderr(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }
}
