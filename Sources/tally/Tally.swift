import ArgumentParser

/// The `tally` command: extract, reconcile and publish sourced counts of people.
@main
struct Tally: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tally",
        abstract: "Turn reports of a crackdown into one trustworthy, sourced count.",
        subcommands: [
            Extract.self,
            Bench.self,
            Serve.self,
        ])
}
