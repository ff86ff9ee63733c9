import Foundation
import TallyText

extension InputResolver {
    /// How many documents the inputs hold, when it can be told cheaply beforehand (for a progress
    /// bar): the non-empty lines of corpus JSON lines, one per other visible file of a folder or
    /// path. Nil when an input is a URL, a feed, standard input or cannot be read; binary files in
    /// folders still count one, so this is an estimate.
    public static func documentCount(_ inputs: [String]) -> Int? {
        var total = 0
        for input in inputs {
            guard input != "-", !isURL(input), localFeed(input) == nil else { return nil }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else { return nil }
            if isFolder.boolValue {
                guard let walker = FileManager.default.enumerator(atPath: input) else { return nil }
                while let relative = walker.nextObject() as? String {
                    let name = (relative as NSString).lastPathComponent
                    if name.hasPrefix(".") {
                        if (walker.fileAttributes?[.type] as? FileAttributeType) == .typeDirectory { walker.skipDescendants() }
                        continue
                    }
                    guard (walker.fileAttributes?[.type] as? FileAttributeType) == .typeRegular else { continue }
                    let path = (input as NSString).appendingPathComponent(relative)
                    guard let n = documents(inFile: path) else { return nil }
                    total += n
                }
            } else {
                guard let n = documents(inFile: input) else { return nil }
                total += n
            }
        }
        return total
    }

    private static func documents(inFile path: String) -> Int? {
        guard InputKind.fromName(path) == .jsonLines else { return 1 }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var lines = 0
        var lineHasText = false
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk {
                if byte == 0x0A {
                    if lineHasText { lines += 1 }
                    lineHasText = false
                } else if byte != 0x20, byte != 0x0D, byte != 0x09 {
                    lineHasText = true
                }
            }
        }
        return lines + (lineHasText ? 1 : 0)
    }
}
