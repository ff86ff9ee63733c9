import Foundation
import Testing

/// `tally user add|list|disable|enable|token` over a real SQLite file, with the key file it makes.
struct UserCommandTests {
    @Test func accountsAreAddedListedDisabledAndGetTokens() throws {
        let dir = try Scratch()
        let db = dir.path + "/tally.db"
        let add = try TallyProcess.run(["user", "add", "--db", db, "--role", "editor", "ed"], stdin: "a long enough password\n")
        #expect(add.status == 0, "\(add.stderr)")
        #expect(add.stdoutLines.first == "added ed (editor)")
        #expect(add.stdoutLines.last?.hasPrefix("second factor: otpauth://totp/ed?secret=") == true)
        // The key file was made beside the database, readable by its owner only.
        let mode = (try FileManager.default.attributesOfItem(atPath: db + ".key")[.posixPermissions] as? NSNumber)?.intValue
        #expect(mode == 0o600)
        let viewer = try TallyProcess.run(["user", "add", "--db", db, "--role", "viewer", "vic"], stdin: "another long password\n")
        #expect(viewer.stdoutLines == ["added vic (viewer)"])
        #expect(try TallyProcess.run(["user", "add", "--db", db, "--role", "viewer", "vic"], stdin: "another long password\n").status == 2)
        let short = try TallyProcess.run(["user", "add", "--db", db, "--role", "admin", "ada"], stdin: "short\n")
        #expect(short.status == 2 && short.stderr.contains("password"))
        #expect(try TallyProcess.run(["user", "add", "--db", db, "--role", "boss", "bo"], stdin: "a long enough password\n").status != 0)

        #expect(try TallyProcess.run(["user", "list", "--db", db]).stdoutLines == ["ed\teditor\tactive\tpassword+totp", "vic\tviewer\tactive\tpassword"])
        let token = try TallyProcess.run(["user", "token", "--db", db, "vic"])
        #expect(token.status == 0 && token.stdout.hasPrefix("tally_") && token.stdout.count > 30)
        #expect(try TallyProcess.run(["user", "disable", "--db", db, "vic"]).stdoutLines == ["disabled vic"])
        #expect(try TallyProcess.run(["user", "list", "--db", db]).stdoutLines.last == "vic\tviewer\tdisabled\tpassword")
        #expect(try TallyProcess.run(["user", "disable", "--db", db, "nobody"]).status == 2)
        #expect(try TallyProcess.run(["user", "enable", "--db", db, "vic"]).stdoutLines == ["enabled vic"])

        // Without its key, the store's accounts cannot get a second factor: one line, exit 2.
        try FileManager.default.removeItem(atPath: db + ".key")
        let keyless = try TallyProcess.run(["user", "add", "--db", db, "--role", "admin", "ada"], stdin: "a long enough password\n")
        #expect(keyless.status == 2 && keyless.stderr.contains("sealed with a key that is not here"))
    }
}
