import ArgumentParser
import Foundation
import TallyCore
import TallyServer
import TallyStore

extension TallyCommand {
    /// `tally user add|list|disable|enable|token`: accounts of the server's private half.
    struct User: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage accounts (admin, editor, viewer) and their API tokens.",
            subcommands: [Add.self, List.self, Disable.self, Enable.self, Token.self])

        /// The store and the personal-data key, as `tally serve` finds them.
        struct Options: ParsableArguments {
            @OptionGroup var store: StoreOptions

            @Option(name: .customLong("key-file"),
                    help: ArgumentHelp("Personal-data key file (default: the --db file's name + .key, or tally.key; env TALLY_KEY wins).",
                                       valueName: "file"))
            var keyFile: String?

            var resolvedKeyFile: String { keyFile ?? store.defaultKeyFile }

            func with<T>(_ body: (any Store & CaseStore) async throws -> T) async throws -> T {
                try await store.with { store in
                    guard let cases = store as? any Store & CaseStore else {
                        throw TallyError(.configuration, "this store keeps no accounts")
                    }
                    return try await body(cases)
                }
            }

            func key(_ store: any CaseStore) async throws -> PersonalDataKey {
                switch try await PersonalDataKey.resolve(store: store, keyFile: resolvedKeyFile) {
                case .ready(let key): return key
                case .missing(let reason): throw TallyError(.configuration, input: "key", reason)
                }
            }
        }

        struct Add: AsyncParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Add an account; the password is read from the first line of standard input.",
                discussion: "Editors and admins get a TOTP second factor: its otpauth:// URL is printed once, for an authenticator app.")

            @OptionGroup var options: Options
            @Argument(help: "The account's name (letters, digits, . _ - @).") var name: String
            @Option(help: "admin, editor or viewer.") var role: String

            func run() async throws {
                guard let role = Role(rawValue: role) else { throw ValidationError("--role takes admin, editor or viewer") }
                guard let password = readLine(strippingNewline: true), !password.isEmpty else {
                    throw ValidationError("give the password on standard input (one line)")
                }
                try await fail {
                    try await options.with { store in
                        let key = try await options.key(store)
                        let (user, url) = try await Accounts.add(name: name, role: role, password: password, store: store, key: key, actor: "cli")
                        print("added \(user.name) (\(user.role.rawValue))")
                        if let url { print("second factor: \(url)") }
                    }
                }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List the accounts.")
            @OptionGroup var options: Options

            func run() async throws {
                try await fail {
                    try await options.with { store in
                        for u in try await store.users() {
                            print([u.name, u.role.rawValue, u.disabled ? "disabled" : "active", u.totpSecret == nil ? "password" : "password+totp"]
                                .joined(separator: "\t"))
                        }
                    }
                }
            }
        }

        struct Disable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Disable an account: its logins, sessions and tokens stop working.")
            @OptionGroup var options: Options
            @Argument var name: String

            func run() async throws { try await setDisabled(true, name, options) }
        }

        struct Enable: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Enable a disabled account again.")
            @OptionGroup var options: Options
            @Argument var name: String

            func run() async throws { try await setDisabled(false, name, options) }
        }

        struct Token: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create an API token for an account (printed once; the store keeps its hash).")
            @OptionGroup var options: Options
            @Argument var name: String
            @Option(help: "What the token is for.") var label: String = "api"

            func run() async throws {
                try await fail {
                    try await options.with { store in
                        guard let user = try await store.user(named: name) else {
                            throw TallyError(.notFound, input: name, "no account has this name")
                        }
                        let (token, _) = try await Accounts.addToken(for: user, label: label, store: store, actor: "cli")
                        print(token)
                    }
                }
            }
        }
    }
}

private func setDisabled(_ disabled: Bool, _ name: String, _ options: TallyCommand.User.Options) async throws {
    try await fail {
        try await options.with { store in
            guard try await store.setDisabled(disabled, userNamed: name, actor: "cli") != nil else {
                throw TallyError(.notFound, input: name, "no account has this name")
            }
            print("\(disabled ? "disabled" : "enabled") \(name)")
        }
    }
}

/// One line on standard error and exit 2 for a `TallyError`.
private func fail(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let error as TallyError {
        StandardStreams.note("error: \(error)")
        throw ExitCode(2)
    }
}
