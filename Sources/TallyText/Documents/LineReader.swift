import Foundation

/// Reads a file line by line in fixed-size chunks, so a file of any size streams in bounded memory.
///
/// A line longer than `maxLineBytes` is not kept whole: it is reported once as too long and
/// the reader moves on to the next line.
struct LineReader {
    enum Line {
        case line(number: Int, bytes: ArraySlice<UInt8>)
        case tooLong(number: Int)
    }

    let handle: FileHandle
    let maxLineBytes: Int
    let chunkSize = 1 << 20

    /// Calls `body` for each line (without its `\n` or `\r\n`), in order.
    func forEachLine(_ body: (Line) async throws -> Void) async throws {
        var pending: [UInt8] = []
        var number = 0
        var overflowing = false
        while true {
            let chunk = try handle.read(upToCount: chunkSize) ?? Data()
            if chunk.isEmpty { break }
            var start = chunk.startIndex
            while let newline = chunk[start...].firstIndex(of: 0x0A) {
                if !overflowing { pending.append(contentsOf: chunk[start..<newline]) }
                number += 1
                try await emit(&pending, number: number, overflowing: overflowing, body)
                overflowing = false
                start = chunk.index(after: newline)
            }
            if !overflowing {
                pending.append(contentsOf: chunk[start...])
                if pending.count > maxLineBytes {
                    overflowing = true
                    pending = []
                }
            }
        }
        if !pending.isEmpty || overflowing {
            number += 1
            try await emit(&pending, number: number, overflowing: overflowing, body)
        }
    }

    private func emit(_ pending: inout [UInt8], number: Int, overflowing: Bool,
                      _ body: (Line) async throws -> Void) async throws {
        defer { pending.removeAll(keepingCapacity: true) }
        if overflowing || pending.count > maxLineBytes {
            try await body(.tooLong(number: number))
            return
        }
        var end = pending.endIndex
        if end > 0, pending[end - 1] == 0x0D { end -= 1 }
        try await body(.line(number: number, bytes: pending[..<end]))
    }
}
