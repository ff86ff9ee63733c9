import ArgumentParser
import TallyCore
import TallyText

/// How inputs are read, for every command that reads documents.
struct DocumentOptions: ParsableArguments {
    enum Language: String, ExpressibleByArgument, CaseIterable, Sendable { case auto, en, ru }

    @Option(help: "Language of the inputs; auto detects it per document.")
    var lang: Language = .auto

    @Option(help: ArgumentHelp("Publication date for inputs that carry none; resolves 'yesterday' and weekdays.",
                               valueName: "YYYY-MM-DD"))
    var published: String?

    func validate() throws {
        if let published, Day(published) == nil {
            throw ValidationError("--published takes a date as YYYY-MM-DD, not '\(published)'")
        }
    }

    /// The reader options these flags stand for.
    var readerOptions: DocumentReader.Options {
        var options = DocumentReader.Options()
        options.language = lang == .auto ? nil : lang.rawValue
        options.published = published.flatMap { Day($0) }
        return options
    }
}
