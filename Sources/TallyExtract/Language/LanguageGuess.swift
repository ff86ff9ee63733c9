/// Tells Russian from English by the share of Cyrillic letters.
enum LanguageGuess {
    static func code(for bytes: [UInt8]) -> String {
        var cyrillic = 0
        var latin = 0
        var i = 0
        let end = min(bytes.count, 8192)
        while i < end {
            let b = bytes[i]
            if b == 0xD0 || b == 0xD1 {
                cyrillic += 1
                i += 2
                continue
            }
            if (b >= 65 && b <= 90) || (b >= 97 && b <= 122) { latin += 1 }
            i += 1
        }
        return cyrillic * 2 > latin ? "ru" : "en"
    }
}
