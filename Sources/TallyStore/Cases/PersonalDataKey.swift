import Crypto
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TallyCore

/// The key that seals personal fields at rest: AES-256-GCM, one random nonce per value.
///
/// Comes from the environment variable `TALLY_KEY` (32 bytes, base64) or a key file (the same
/// text), which `resolve` creates on first run with mode 0600. A sealed value is
/// `v1:` + base64(nonce ‖ ciphertext ‖ tag), so a value sealed twice never looks the same.
public struct PersonalDataKey: Sendable {
    let key: SymmetricKey

    /// The environment variable that may hold the key.
    public static let environmentVariable = "TALLY_KEY"
    /// The setting that proves a key is the store's: a known text sealed with it.
    static let checkSetting = "personal_data_key_check"
    static let checkText = "tally personal data key"

    public init(bytes: some ContiguousBytes) throws {
        let data = bytes.withUnsafeBytes { Data($0) }
        guard data.count == 32 else {
            throw TallyError(.configuration, input: "key", "a personal-data key is 32 bytes (base64 of 32 random bytes)")
        }
        key = SymmetricKey(data: data)
    }

    /// A key from its base64 text (`openssl rand -base64 32`).
    public init(base64 text: String) throws {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TallyError(.configuration, input: "key", "a personal-data key is base64 text of 32 bytes")
        }
        try self.init(bytes: data)
    }

    /// A new random key.
    public static func random() -> PersonalDataKey {
        // 32 random bytes are always a valid key.
        try! PersonalDataKey(bytes: SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) })
    }

    public var base64: String { key.withUnsafeBytes { Data($0).base64EncodedString() } }

    /// Seals `text`; nil stays nil.
    public func seal(_ text: String?) throws -> String? {
        guard let text else { return nil }
        let box = try AES.GCM.seal(Data(text.utf8), using: key)
        guard let combined = box.combined else {
            throw TallyError(.configuration, "AES-GCM gave no combined form for the standard nonce size")
        }
        return "v1:" + combined.base64EncodedString()
    }

    /// Opens a value `seal` made with this key; a value sealed with another key, or changed, fails.
    public func open(_ sealed: String?) throws -> String? {
        guard let sealed else { return nil }
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))) else {
            throw TallyError(.invalidInput, input: "sealed value", "not a value sealed by Tally")
        }
        do {
            let plain = try AES.GCM.open(try AES.GCM.SealedBox(combined: data), using: key)
            return String(decoding: plain, as: UTF8.self)
        } catch {
            throw TallyError(.configuration, input: "key", "a sealed value does not open with this key")
        }
    }

    /// A keyed hash (HMAC-SHA-256, hex) of a person's name, the day and the city, each folded to
    /// lower case with spaces collapsed: equal for two reports of the same person, useless without the key.
    public func personKey(name: String, date: Day, city: String) -> String {
        func fold(_ s: String) -> String {
            s.lowercased().split(whereSeparator: { $0.isWhitespace || $0.isPunctuation }).joined(separator: " ")
        }
        let message = Data("\(fold(name))\u{1F}\(date)\u{1F}\(fold(city))".utf8)
        let code = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return code.map { String(format: "%02x", $0) }.joined()
    }

    /// The SHA-256 of a token's text, hex: what the store keeps of an API token.
    public static func tokenHash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// URL-safe random text of `bytes` random bytes (tokens, session ids, CSRF tokens).
    public static func randomToken(bytes: Int = 32) -> String {
        let raw = SymmetricKey(size: SymmetricKeySize(bitCount: bytes * 8)).withUnsafeBytes { Data($0) }
        return raw.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}

/// Whether the server has the store's key, and if not, why.
public enum KeyState: Sendable {
    case ready(PersonalDataKey)
    /// Without the key the server serves public data only; the reason says what to do.
    case missing(reason: String)

    public var key: PersonalDataKey? {
        if case .ready(let key) = self { return key }
        return nil
    }
}

extension PersonalDataKey {
    /// Finds the store's key: `TALLY_KEY` when set, else the key file at `keyFile`, created
    /// (mode 0600) on first run when the store has no sealed data yet. A key that does not open the
    /// store's check value, a key file others can read, or a missing key for a store that has
    /// sealed data gives `.missing` with the reason, and nothing is written.
    public static func resolve(store: any CaseStore, keyFile: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) async throws -> KeyState {
        let check = try await store.setting(checkSetting)
        let key: PersonalDataKey
        if let text = environment[environmentVariable], !text.isEmpty {
            do { key = try PersonalDataKey(base64: text) } catch {
                return .missing(reason: "\(environmentVariable) is not base64 text of 32 bytes")
            }
        } else if FileManager.default.fileExists(atPath: keyFile) {
            let attributes = try? FileManager.default.attributesOfItem(atPath: keyFile)
            let mode = (attributes?[.posixPermissions] as? NSNumber)?.intValue ?? 0o777
            guard mode & 0o077 == 0 else {
                return .missing(reason: "the key file \(keyFile) may be read by others (mode \(String(mode, radix: 8))); chmod 600 it")
            }
            guard let text = try? String(contentsOfFile: keyFile, encoding: .utf8), let k = try? PersonalDataKey(base64: text) else {
                return .missing(reason: "the key file \(keyFile) does not hold base64 text of 32 bytes")
            }
            key = k
        } else if check != nil {
            return .missing(reason: "this store's personal data was sealed with a key that is not here; set \(environmentVariable) or give its --key-file")
        } else {
            key = PersonalDataKey.random()
            do { try key.write(to: keyFile) } catch {
                return .missing(reason: "cannot create the key file \(keyFile) (\(error)); set \(environmentVariable) or give another --key-file")
            }
        }
        let stored = try await store.settingIfAbsent(checkSetting, try key.seal(checkText)!)
        guard (try? key.open(stored)) == checkText else {
            return .missing(reason: "the key given does not open this store's personal data")
        }
        return .ready(key)
    }

    /// Writes the key as base64 to a new file only its owner may read (fails if the file exists).
    public func write(to path: String) throws {
        let fd = systemOpen(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard fd >= 0 else { throw TallyError(.unreadable, input: path, String(cString: strerror(errno))) }
        defer { _ = systemClose(fd) }
        let bytes = Array((base64 + "\n").utf8)
        guard bytes.withUnsafeBytes({ systemWrite(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw TallyError(.unreadable, input: path, "the key could not be written")
        }
    }
}

private func systemOpen(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { open(path, flags, mode) }
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, bytes, count) }
private func systemClose(_ fd: Int32) -> Int32 { close(fd) }
