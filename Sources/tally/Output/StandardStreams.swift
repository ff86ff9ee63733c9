import Foundation

/// Writes to standard output and standard error without Foundation's buffering surprises.
enum StandardStreams {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One line on standard error, prefixed with the program name.
    static func note(_ text: String) {
        FileHandle.standardError.write(Data("tally: \(text)\n".utf8))
    }
}
