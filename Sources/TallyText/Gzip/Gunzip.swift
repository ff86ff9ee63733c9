import CZlib
import TallyCore

/// Decompresses gzip data (`.html.gz` pages) with the system zlib.
public enum Gunzip {
    /// True when `bytes` start with the gzip magic number.
    public static func isGzip(_ bytes: some Collection<UInt8>) -> Bool {
        var it = bytes.makeIterator()
        return it.next() == 0x1F && it.next() == 0x8B
    }

    /// The decompressed bytes of a gzip stream (concatenated members are joined).
    /// - Throws: `TallyError.invalidInput` naming `input` when the data is corrupt or truncated,
    ///   `tooLarge` when the output would pass `maximumBytes`.
    public static func decompress(_ bytes: [UInt8], input: String? = nil, maximumBytes: Int = 256 << 20) throws(TallyError) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw TallyError(.invalidInput, input: input, "cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var out = [UInt8]()
        // The gzip trailer ends with the uncompressed size (mod 2^32): one allocation, usually.
        var expected = bytes.count * 4
        if bytes.count >= 18 {
            let n = bytes.count
            let size = Int(bytes[n - 4]) | Int(bytes[n - 3]) << 8 | Int(bytes[n - 2]) << 16 | Int(bytes[n - 1]) << 24
            if size > 0, size <= maximumBytes { expected = size + 1 }
        }
        out.reserveCapacity(min(expected, maximumBytes + 1))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        var failure: TallyError?
        bytes.withUnsafeBufferPointer { src in
            stream.next_in = UnsafeMutablePointer(mutating: src.baseAddress)
            stream.avail_in = UInt32(src.count)
            while true {
                chunk.withUnsafeMutableBufferPointer { dst in
                    stream.next_out = dst.baseAddress
                    stream.avail_out = UInt32(dst.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    out.append(contentsOf: dst[0..<(dst.count - Int(stream.avail_out))])
                }
                if out.count > maximumBytes {
                    failure = TallyError(.tooLarge, input: input,
                        "decompressed page is over the \(maximumBytes)-byte limit")
                    return
                }
                if status == Z_STREAM_END {
                    // Another gzip member may follow.
                    if stream.avail_in > 0, inflateReset(&stream) == Z_OK { continue }
                    return
                }
                if status != Z_OK {
                    failure = TallyError(.invalidInput, input: input, location: "byte \(stream.total_in)",
                        "corrupt gzip data (\(status == Z_BUF_ERROR ? "truncated" : "invalid stream"))")
                    return
                }
                if stream.avail_in == 0, stream.avail_out != 0 {
                    failure = TallyError(.invalidInput, input: input, "truncated gzip data")
                    return
                }
            }
        }
        if let failure { throw failure }
        return out
    }
}
