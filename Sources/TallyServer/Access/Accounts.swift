public import Foundation
import HummingbirdBcrypt
import HummingbirdOTP
import TallyCore
public import TallyStore

/// Accounts: adding one (bcrypt password hash, a TOTP secret for editors and admins, sealed),
/// API tokens, and checking a login. Used by the server and by `tally user`.
public enum Accounts {
    /// Passwords are at least this long.
    public static let minimumPassword = 12
    /// bcrypt's cost: 2^12 rounds.
    static let cost: UInt8 = 12

    /// Adds an account. Returns it and, for an editor or admin, the `otpauth://` URL of its
    /// second factor (shown once, for an authenticator app).
    public static func add(name: String, role: Role, password: String, store: any CaseStore, key: PersonalDataKey,
                           actor: String) async throws -> (user: UserRecord, authenticatorURL: String?) {
        guard !name.isEmpty, name.utf8.count <= 64,
              name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || "._-@".unicodeScalars.contains($0) }) else {
            throw TallyError(.invalidInput, input: "name", "an account name is 1–64 letters, digits or . _ - @")
        }
        guard password.count >= minimumPassword, password.utf8.count <= 72 else {
            throw TallyError(.invalidInput, input: "password", "a password is \(minimumPassword) to 72 bytes long")
        }
        let secret = role.needsSecondFactor ? newSecret() : nil
        let user = try await store.addUser(
            NewUser(name: name, role: role, passwordHash: await offThePool { Bcrypt.hash(password, cost: cost) },
                    totpSecret: try key.seal(secret)),
            actor: actor)
        let url = secret.map { TOTP(secret: $0).createAuthenticatorURL(label: name, issuer: "Tally") }
        return (user, url)
    }

    /// A new API token for the account: its text (shown once) and its record (the store keeps only the hash).
    public static func addToken(for user: UserRecord, label: String, store: any CaseStore, actor: String) async throws -> (token: String, record: TokenRecord) {
        let token = "tally_" + PersonalDataKey.randomToken()
        let record = try await store.addToken(userID: user.id, label: label, hash: PersonalDataKey.tokenHash(token), actor: actor)
        return (token, record)
    }

    /// The account when `password` (and, for an editor or admin, the TOTP `code`) is right; nil otherwise.
    public static func check(name: String, password: String, code: String?, store: any CaseStore, key: PersonalDataKey,
                             now: Date = Date()) async throws -> UserRecord? {
        guard name.utf8.count <= 64, password.utf8.count <= 200 else { return nil }
        guard let user = try await store.user(named: name), !user.disabled else {
            // As slow as a wrong password, so the time taken does not tell which names exist.
            _ = await offThePool { Bcrypt.verify(password, hash: dummyHash) }
            return nil
        }
        guard await offThePool({ Bcrypt.verify(password, hash: user.passwordHash) }) else { return nil }
        guard user.role.needsSecondFactor else { return user }
        guard let sealed = user.totpSecret, let secret = try key.open(sealed), let code, code.count == 6, let n = Int(code) else { return nil }
        let totp = TOTP(secret: secret)
        return [-30.0, 0, 30].contains(where: { totp.compute(date: now.addingTimeInterval($0)) == n }) ? user : nil
    }

    /// The current code of a TOTP secret (tests, and a check after setup).
    public static func code(secret: String, at date: Date = Date()) -> String {
        String(format: "%06d", TOTP(secret: secret).compute(date: date))
    }

    /// Runs bcrypt (a second of CPU at cost 12 in a debug build) on a thread of Dispatch's, not on
    /// one of the few cooperative threads every request and test needs.
    static func offThePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }

    /// A hash of no one's password, checked when the name is unknown.
    static let dummyHash = Bcrypt.hash(PersonalDataKey.randomToken(), cost: cost)

    /// 20 random characters of the base-32 alphabet: the secret's bytes are the HMAC key.
    static func newSecret() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))] })
    }
}
