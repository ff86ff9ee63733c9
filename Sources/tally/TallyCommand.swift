import ArgumentParser

/// The `tally` command: extract, reconcile and publish sourced counts of people.
@main
struct TallyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Turn reports of a crackdown into one trustworthy, sourced count.",
        subcommands: [
            Extract.self,
            Bench.self,
            Ingest.self,
            Report.self,
            Export.self,
            Text.self,
            Serve.self,
            User.self,
        ])
}
