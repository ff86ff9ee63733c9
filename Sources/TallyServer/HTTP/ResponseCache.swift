import Hummingbird
import Synchronization
import TallyStore

/// Answers kept in memory while the store is unchanged: the routes that read every tally (the
/// tallies report, the overview, conflicts and map pages) look up the store's `changeCount` (one
/// indexed read) and, when it has not moved since the answer was made, send the kept bytes and
/// ETag instead of reading, encoding or rendering again.
///
/// Keyed by the route's own key (path, query, language). At most `limit` answers are kept; when
/// full, the answers of an older change count go first, then everything.
final class ResponseCache: Sendable {
    struct Entry: Sendable {
        let change: Int
        /// The body; for the tallies report, split around its `as_of` time (`parts.count == 2`),
        /// which is filled in per request.
        let parts: [ByteBuffer]
        let etag: String
    }

    private let entries = Mutex<[String: Entry]>([:])
    let limit: Int

    init(limit: Int = 512) { self.limit = limit }

    func entry(_ key: String, change: Int) -> Entry? {
        entries.withLock { entries in
            guard let entry = entries[key], entry.change == change else { return nil }
            return entry
        }
    }

    func keep(_ key: String, _ entry: Entry) {
        entries.withLock { entries in
            if entries.count >= limit, entries[key] == nil {
                entries = entries.filter { $0.value.change == entry.change }
                if entries.count >= limit { entries.removeAll() }
            }
            entries[key] = entry
        }
    }

    /// The cached answer of `key` if the store has not changed since it was made, else `make()`'s,
    /// kept for next time. `make` returns the body parts and the text its ETag is the hash of (a
    /// weak tag when `weak`). A change while `make` runs only makes the next request make it again.
    func answer(_ key: String, store: any Store, weak: Bool = false,
                make: () async throws -> (parts: [String], tag: String)) async throws -> Entry {
        let change = try await store.changeCount()
        if let hit = entry(key, change: change) { return hit }
        let made = try await make()
        let entry = Entry(change: change, parts: made.parts.map { ByteBuffer(string: $0) }, etag: CachedResponse.etag(of: made.tag, weak: weak))
        keep(key, entry)
        return entry
    }
}
