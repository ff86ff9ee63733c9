import Foundation
import PostgresNIO

/// A PostgreSQL server for tests: `TALLY_TEST_POSTGRES_URL` when set (a role that may create
/// databases, with password authentication), else a throwaway cluster started once per test
/// process on 127.0.0.1 and stopped when the process ends.
///
/// Every test takes its own fresh database (`withFreshDatabase`), so tests run in parallel.
public enum TestPostgres {
    /// Where the server is and how to log in as its administrator.
    public struct Server: Sendable {
        public var host: String
        public var port: Int
        public var user: String
        public var password: String
        public var adminDatabase: String

        /// `postgres://user:password@host:port/database`.
        public func url(database: String, user: String? = nil, password: String? = nil) -> String {
            var c = URLComponents()
            c.scheme = "postgres"
            c.user = user ?? self.user
            c.password = password ?? self.password
            c.host = host
            c.port = port
            c.path = "/" + database
            return c.string!
        }
    }

    public struct StartError: Error, CustomStringConvertible {
        public var description: String
    }

    static let environment = ProcessInfo.processInfo.environment

    /// The folder with `initdb` and `pg_ctl`: the newest /usr/lib/postgresql/*/bin.
    static let binDirectory: String? = {
        if let dir = environment["TALLY_TEST_POSTGRES_BIN"] { return dir }
        let root = "/usr/lib/postgresql"
        let versions = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return versions.compactMap { v -> (Int, String)? in
            let bin = "\(root)/\(v)/bin"
            guard let n = Int(v), FileManager.default.isExecutableFile(atPath: bin + "/initdb") else { return nil }
            return (n, bin)
        }.max { $0.0 < $1.0 }?.1
    }()

    /// Whether the PostgreSQL tests run: always in CI (`CI` set), where they must not be skipped;
    /// elsewhere when a server URL is given or the binaries are installed.
    public static var enabled: Bool {
        environment["TALLY_TEST_POSTGRES_URL"] != nil || binDirectory != nil || isCI
    }

    static var isCI: Bool {
        guard let ci = environment["CI"]?.lowercased() else { return false }
        return !["", "0", "false", "no"].contains(ci)
    }

    public static let skipNote = "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb) and TALLY_TEST_POSTGRES_URL is unset: PostgreSQL tests skipped"

    /// The server, started on first use (once per process). The start (initdb, pg_ctl) blocks, so it
    /// runs on a thread of its own: the tests' cooperative threads (two on two cores) keep running.
    public static func server() async throws -> Server { try await starting.value.get() }

    static let starting = Task<Result<Server, StartError>, Never> {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: start()) }.start()
        }
    }

    static func start() -> Result<Server, StartError> {
        if let text = environment["TALLY_TEST_POSTGRES_URL"] {
            guard let c = URLComponents(string: text), let host = c.host, let user = c.user else {
                return .failure(StartError(description: "TALLY_TEST_POSTGRES_URL is not postgres://user:password@host:port/database"))
            }
            let db = c.path.hasPrefix("/") ? String(c.path.dropFirst()) : c.path
            return .success(Server(host: host, port: c.port ?? 5432, user: user, password: c.password ?? "",
                                   adminDatabase: db.isEmpty ? "postgres" : db))
        }
        guard let bin = binDirectory else {
            return .failure(StartError(description: "PostgreSQL binaries not found (install postgresql, or set TALLY_TEST_POSTGRES_URL)"))
        }
        return Result { try ThrowawayCluster.start(bin: bin) }.mapError { $0 as? StartError ?? StartError(description: "\($0)") }
    }

    /// Runs `body` with the URL of a new, empty database, dropped afterwards.
    public static func withFreshDatabase<T>(_ body: (_ url: String, _ server: Server) async throws -> T) async throws -> T {
        let server = try await server()
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await admin(server) { try await $0.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger) }
        do {
            let value = try await body(server.url(database: name), server)
            try? await admin(server) { try await $0.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger) }
            return value
        } catch {
            try? await admin(server) { try await $0.query(PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \(name) WITH (FORCE)"), logger: logger) }
            throw error
        }
    }

    /// Runs SQL statements on a database (for tests that arrange a state: foreign tables, constraints).
    public static func execute(_ statements: [String], database: String) async throws {
        let server = try await server()
        let connection = try await PostgresConnection.connect(configuration: configuration(server, database: database), id: 1, logger: logger)
        do {
            for sql in statements { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The first column of the first row of a query, as an integer (0 when there is no row).
    public static func scalar(_ sql: String, database: String) async throws -> Int {
        let server = try await server()
        let connection = try await PostgresConnection.connect(configuration: configuration(server, database: database), id: 1, logger: logger)
        do {
            var value = 0
            for try await v in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(Int.self) { value = v }
            try await connection.close()
            return value
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The database name at the end of a `postgres://…/name` URL.
    public static func databaseName(_ url: String) -> String {
        String(URLComponents(string: url)?.path.dropFirst() ?? "")
    }

    static let logger: Logger = {
        var l = Logger(label: "tally.test-postgres")
        l.logLevel = .critical
        return l
    }()

    static func configuration(_ server: Server, database: String) -> PostgresConnection.Configuration {
        .init(host: server.host, port: server.port, username: server.user, password: server.password, database: database, tls: .disable)
    }

    static func admin(_ server: Server, _ body: (PostgresConnection) async throws -> Void) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: configuration(server, database: server.adminDatabase), id: 1, logger: logger)
        do {
            try await body(connection)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// A port nothing listens on right now (for tests of an unreachable server, and for the cluster).
    public static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        return bound ? Int(UInt16(bigEndian: address.sin_port)) : 55_432
    }
}

/// initdb + pg_ctl in a temporary folder, with scram-sha-256 logins, fsync off.
enum ThrowawayCluster {
    static func start(bin: String) throws -> TestPostgres.Server {
        let asRoot = getuid() == 0
        let folder = try makeTemporaryFolder()
        let data = folder + "/data"
        let password = "tally-test-" + UUID().uuidString.prefix(8).lowercased()
        let pwfile = folder + "/pwfile"
        try Data((password + "\n").utf8).write(to: URL(fileURLWithPath: pwfile))
        if asRoot {
            // The server refuses to run as root: the folder goes to the postgres user.
            try run(["/bin/chown", "-R", "postgres:postgres", folder])
        }
        func asOwner(_ arguments: [String]) -> [String] { asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] + arguments : arguments }
        try run(asOwner([bin + "/initdb", "-D", data, "-U", "postgres", "-A", "scram-sha-256", "--pwfile", pwfile,
                         "--no-sync", "-E", "UTF8", "--locale", "C"]))
        var lastError: (any Error)?
        for _ in 0..<3 {
            let port = TestPostgres.freePort()
            let options = "-c listen_addresses=127.0.0.1 -p \(port) -k \(folder) -c fsync=off -c synchronous_commit=off "
                + "-c full_page_writes=off -c max_connections=300"
            do {
                try run(asOwner([bin + "/pg_ctl", "-D", data, "-l", folder + "/log", "-w", "-t", "60", "-o", options, "start"]))
                guardStop(bin: bin, data: data, folder: folder, asRoot: asRoot)
                return TestPostgres.Server(host: "127.0.0.1", port: port, user: "postgres", password: password, adminDatabase: "postgres")
            } catch {
                lastError = error
            }
        }
        let log = (try? String(contentsOfFile: folder + "/log", encoding: .utf8)) ?? ""
        throw TestPostgres.StartError(description: "PostgreSQL did not start: \(lastError.map { "\($0)" } ?? "")\n\(log.suffix(2000))")
    }

    /// A detached watcher: when this test process is gone (however it ended), it stops the server
    /// and removes the folder.
    static func guardStop(bin: String, data: String, folder: String, asRoot: Bool) {
        let stop = (asRoot ? "/usr/sbin/runuser -u postgres -- " : "") + "'\(bin)/pg_ctl' -D '\(data)' -m immediate stop"
        let script = "while kill -0 \(getpid()) 2>/dev/null; do sleep 0.5; done; \(stop); rm -rf '\(folder)'"
        _ = try? spawn(["/usr/bin/setsid", "/bin/sh", "-c", script], output: "/dev/null")
    }

    static func makeTemporaryFolder() throws -> String {
        var template = Array((NSTemporaryDirectory() + "tally-pg-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw TestPostgres.StartError(description: "cannot make a temporary folder") }
        return String(cString: made)
    }

    /// Runs a command to its end; throws with its output when it fails.
    ///
    /// posix_spawn and waitpid, not Foundation's Process: on Linux, Process notices the end of a
    /// child by a descriptor the child inherits, and the server `pg_ctl start` leaves running keeps
    /// it open, so `waitUntilExit` would never return.
    static func run(_ arguments: [String]) throws {
        let output = NSTemporaryDirectory() + "tally-pg-\(UUID().uuidString).out"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let pid = try spawn(arguments, output: output)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw TestPostgres.StartError(description: "waitpid failed for \(arguments[0]): errno \(errno)") }
        }
        let exited = status & 0x7f == 0
        let code = (status >> 8) & 0xff
        guard exited, code == 0 else {
            let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            throw TestPostgres.StartError(description: "\(arguments.joined(separator: " ")) failed (status \(status)): \(text.suffix(1500))")
        }
    }

    /// Adds "close every descriptor from 3 on" to `actions`: glibc's
    /// `posix_spawn_file_actions_addclosefrom_np` (2.34 and later), looked up at run time because
    /// Swift's Glibc module does not declare it.
    static func closeOthers(_ actions: inout posix_spawn_file_actions_t) {
        typealias AddCloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: AddCloseFrom.self)(&actions, 3)
    }

    /// Starts a command with standard input from /dev/null and its output to the file `output`.
    ///
    /// No other descriptor of the test process reaches the child: the server and the watcher
    /// outlive every test, and a pipe they inherited from a test running a command at that moment
    /// would never reach its end, so that test's read would wait for ever (seen once in a full run).
    static func spawn(_ arguments: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        closeOthers(&actions)
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, argv, environ)
        guard rc == 0 else { throw TestPostgres.StartError(description: "cannot start \(arguments[0]): error \(rc)") }
        return pid
    }
}
