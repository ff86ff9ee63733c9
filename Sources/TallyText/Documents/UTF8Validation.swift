/// Decoding bytes as UTF-8 text, keeping what is valid and saying where it was not.
public enum UTF8Validation {
    /// The byte offset of the first byte that does not start or continue a valid UTF-8
    /// sequence, or `nil` when every byte is valid.
    public static func firstInvalidOffset(in bytes: some Collection<UInt8>) -> Int? {
        var offset = 0
        var remaining = 0       // continuation bytes still expected
        var sequenceStart = 0
        var lowerBound: UInt8 = 0x80
        var upperBound: UInt8 = 0xBF
        for b in bytes {
            if remaining > 0 {
                guard b >= lowerBound, b <= upperBound else { return sequenceStart }
                remaining -= 1
                lowerBound = 0x80
                upperBound = 0xBF
            } else if b >= 0x80 {
                sequenceStart = offset
                switch b {
                case 0xC2...0xDF: remaining = 1
                case 0xE0: remaining = 2; lowerBound = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: remaining = 2
                case 0xED: remaining = 2; upperBound = 0x9F
                case 0xF0: remaining = 3; lowerBound = 0x90
                case 0xF1...0xF3: remaining = 3
                case 0xF4: remaining = 3; upperBound = 0x8F
                default: return offset
                }
            }
            offset += 1
        }
        return remaining > 0 ? sequenceStart : nil
    }

    /// The text of `bytes`, with every invalid sequence replaced by U+FFFD, and the offset of
    /// the first invalid byte (nil when the input was valid UTF-8). A leading BOM is dropped.
    public static func decode(_ bytes: [UInt8]) -> (text: String, firstInvalid: Int?) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let invalid = firstInvalidOffset(in: body)
        return (String(decoding: body, as: UTF8.self), invalid.map { $0 + (bytes.count - body.count) })
    }
}
