import Foundation
import GRDB
import TallyCore
import TallyReconcile

/// The `tallies` table on SQLite: made by the step `v2 tallies`, refreshed inside each ingest's
/// transaction (`TallyRefresh` says what to redo), read by `tallies(_:)`.
extension SQLiteStore {
    /// The schema step that keeps tallies: claims learn their family and publication day, and the
    /// tallies of what is already stored are made once.
    static func addTallies(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE claims ADD COLUMN family TEXT")
        try db.execute(sql: "ALTER TABLE claims ADD COLUMN published TEXT")
        try db.execute(sql: "UPDATE claims SET published = (SELECT published FROM documents WHERE seq = claims.document_seq)")
        let update = try db.makeStatement(sql: "UPDATE claims SET family = ? WHERE id = ?")
        let rows = try Row.fetchAll(db, sql: "SELECT \(memberColumns) FROM claims c JOIN documents d ON d.seq = c.document_seq ORDER BY c.id")
        for row in rows {
            guard let input = member(row) else { continue }
            try update.execute(arguments: [Reconciler.familyKey(input.claim), row[0] as Int64])
        }
        try db.execute(sql: "CREATE INDEX claims_by_family ON claims (family, date, published)")
        try db.execute(sql: """
            CREATE TABLE tallies (
                id INTEGER PRIMARY KEY,
                key TEXT NOT NULL UNIQUE,
                family TEXT,
                kind TEXT NOT NULL,
                who TEXT NOT NULL,
                place TEXT,
                place_id INTEGER,
                country TEXT,
                date TEXT NOT NULL,
                place_match TEXT,
                best_value INTEGER,
                best_qualifier TEXT NOT NULL,
                best_source TEXT,
                best_doc TEXT NOT NULL,
                best_vague TEXT,
                low INTEGER,
                high INTEGER,
                claims INTEGER NOT NULL,
                sources TEXT NOT NULL,
                own_conflict INTEGER NOT NULL,
                country_conflict INTEGER NOT NULL,
                derived INTEGER NOT NULL,
                history TEXT NOT NULL
            )
            """)
        for (name, columns) in TallyRow.indexes {
            try db.execute(sql: "CREATE INDEX \(name) ON tallies (\(columns))")
        }
        try db.execute(sql: "CREATE TABLE national_places (place_id INTEGER PRIMARY KEY)")
        // The tallies themselves are made by the next step, `v4 tally sources`, with what they keep.
    }

    /// The schema step that keeps each tally's sources (`tally_sources`, `TallyState`) so that a
    /// batch adds its claims to a tally without reading the tally's other claims again, and the
    /// store's change count (`store_changes`); every tally is made again from all stored claims.
    static func addTallySources(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE tallies ADD COLUMN first_published TEXT")
        try db.execute(sql: "ALTER TABLE tallies ADD COLUMN first_seq INTEGER")
        try db.execute(sql: "ALTER TABLE tallies ADD COLUMN first_number INTEGER")
        try db.execute(sql: """
            CREATE TABLE tally_sources (
                tally_key TEXT NOT NULL,
                source TEXT NOT NULL,
                first_published TEXT,
                first_seq INTEGER NOT NULL,
                first_number INTEGER NOT NULL,
                doc TEXT NOT NULL,
                published TEXT,
                seq INTEGER NOT NULL,
                number_start INTEGER NOT NULL,
                value INTEGER,
                value_high INTEGER,
                qualifier TEXT NOT NULL,
                vague TEXT,
                source_name TEXT,
                source_class TEXT,
                implicit INTEGER NOT NULL,
                PRIMARY KEY (tally_key, source)
            ) WITHOUT ROWID
            """)
        try db.execute(sql: "CREATE TABLE store_changes (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL)")
        try db.execute(sql: "INSERT INTO store_changes (id, count) VALUES (1, 0)")
        try db.execute(sql: "DELETE FROM tallies")
        var existing: [ReconcileInput] = []
        let rows = try Row.fetchCursor(db, sql: "SELECT \(memberColumns) FROM claims c JOIN documents d ON d.seq = c.document_seq ORDER BY c.id")
        while let row = try rows.next() { if let input = member(row) { existing.append(input) } }
        try refreshTallies(db, new: existing)
    }

    static let memberColumns = """
        c.id, c.kind, c.who, c.value, c.value_high, c.qualifier, c.vague, c.place, c.place_id, c.country, c.place_level,
        c.date, c.source, c.source_class, d.id AS doc_id, d.published AS doc_published, c.document_seq, c.number_start, c.implicit
        """

    /// A claim as reconciliation reads it (`memberColumns`, by position: faster than by name; no
    /// evidence or coordinates: tallies do not use them).
    static func member(_ row: Row) -> ReconcileInput? {
        guard let kind = ClaimKind(rawValue: row[1]), let who = Group(rawValue: row[2]),
              let qualifier = Qualifier(rawValue: row[5]) else { return nil }
        let place = (row[7] as String?).map { name in
            Place(name: name, geonameID: row[8], country: row[9], level: Place.Level(rawValue: row[10] ?? "city") ?? .city)
        }
        let source = (row[12] as String?).map { Source(name: $0, sourceClass: SourceClass(rawValue: row[13] ?? "") ?? .media) }
        let claim = Claim(
            doc: row[14], kind: kind, who: who,
            quantity: Quantity(value: row[3], valueHigh: row[4], qualifier: qualifier, vague: row[6]),
            place: place, date: (row[11] as String?).flatMap { Day($0) }, source: source, evidence: "",
            span: TextSpan(start: 0, end: 0), numberSpan: TextSpan(start: row[17], end: row[17]), implicit: row[18])
        return ReconcileInput(claim: claim, published: (row[15] as String?).flatMap { Day($0) }, sequence: row[16])
    }

    /// Redoes the tallies the new claims change, and the country checks those touch.
    static func refreshTallies(_ db: Database, new: [ReconcileInput]) throws {
        guard !new.isEmpty else { return }
        var refresh = TallyRefresh(new: new)
        let probe = try db.cachedStatement(sql: "SELECT date FROM tallies WHERE family = ? AND date IN (SELECT value FROM json_each(?))")
        let days = try db.cachedStatement(sql: "SELECT date FROM tallies WHERE family = ? AND date <> ''")
        var existing: [String: Set<Day>] = [:]
        func read(_ statement: Statement, _ arguments: StatementArguments) throws -> Set<Day> {
            var set = Set<Day>()
            let cursor = try String.fetchCursor(statement, arguments: arguments)
            while let day = try cursor.next() { if let d = Day(day) { set.insert(d) } }
            return set
        }
        for (family, probed) in refresh.probedDays { existing[family] = try read(probe, [family, jsonArray(probed)]) }
        for family in refresh.needingAllDays(found: existing) { existing[family] = try read(days, [family]) }
        let reads = refresh.plan(existingDays: existing)
        let writes = refresh.rows(members: try members(db, reads), states: try states(db, refresh.grown.map(\.key)))

        var keys: [CountryCheck.Key] = []
        let delete = try db.cachedStatement(sql: "DELETE FROM tallies WHERE key = ? RETURNING kind, who, country, date, place_id, derived")
        for key in refresh.deletedKeys(writes) {
            let cursor = try Row.fetchCursor(delete, arguments: [key])
            while let row = try cursor.next() { if let k = checkKey(row) { keys.append(k) } }
        }
        let split = writes.split
        var inserted = split.insert
        for row in split.update where try !update(db, row) { inserted.append(row) }
        try insert(db, inserted)
        keys += writes.tallies.compactMap { CountryCheck.Key($0.tally) }
        let forget = try db.cachedStatement(sql: "DELETE FROM tally_sources WHERE tally_key = ?")
        for key in refresh.rebuiltKeys { try forget.execute(arguments: [key]) }
        try insertPicks(db, writes.picks)

        let addNational = try db.cachedStatement(sql: "INSERT INTO national_places (place_id) VALUES (?) ON CONFLICT DO NOTHING")
        let ofPlace = try db.cachedStatement(sql: "SELECT kind, who, country, date, place_id, derived FROM tallies WHERE place_id = ?")
        for id in refresh.nationalPlaces.sorted() {
            try addNational.execute(arguments: [id])
            if db.changesCount > 0 { keys += try Row.fetchAll(ofPlace, arguments: [id]).compactMap(checkKey) }
        }
        try check(db, keys: TallyRefresh.checkKeys(keys))
    }

    /// What the tallies of `keys` keep (`TallyState`), for those that exist: two statements for
    /// the whole batch (the keys as one JSON array), not two per tally.
    static func states(_ db: Database, _ keys: [String]) throws -> [String: TallyState] {
        guard !keys.isEmpty else { return [:] }
        let list = jsonArray(keys)
        let tallies = try db.cachedStatement(sql: """
            SELECT key, kind, who, claims, place, place_id, country, first_published, first_seq, first_number
            FROM tallies WHERE key IN (SELECT value FROM json_each(?))
            """)
        var heads: [String: (kind: ClaimKind, who: Group, claims: Int, place: Place?, first: MemberOrder?)] = [:]
        let rows = try Row.fetchCursor(tallies, arguments: [list])
        while let row = try rows.next() {
            guard let kind = ClaimKind(rawValue: row[1]), let who = Group(rawValue: row[2]) else { continue }
            let place = (row[4] as String?).map { Place(name: $0, geonameID: row[5], country: row[6]) }
            let first = (row[8] as Int?).map { MemberOrder(published: (row[7] as String?).flatMap { Day($0) }, sequence: $0, numberStart: row[9]) }
            heads[row[0]] = (kind, who, row[3], place, first)
        }
        let sources = try db.cachedStatement(sql: """
            SELECT \(TallyRow.pickColumns) FROM tally_sources WHERE tally_key IN (SELECT value FROM json_each(?))
            """)
        var picks: [String: [TallyState.Pick]] = [:]
        let cursor = try Row.fetchCursor(sources, arguments: [list])
        while let p = try cursor.next() {
            let key: String = p[0]
            guard let head = heads[key], let qualifier = Qualifier(rawValue: p[11]) else { continue }
            let figure = TallyRow.figure(doc: p[5], published: p[6], seq: p[7], numberStart: p[8], value: p[9], valueHigh: p[10],
                                         qualifier: qualifier, vague: p[12], sourceName: p[13], sourceClass: p[14], implicit: p[15],
                                         kind: head.kind, who: head.who)
            picks[key, default: []].append(TallyState.Pick(source: p[1], first: MemberOrder(published: (p[2] as String?).flatMap { Day($0) },
                                                                                          sequence: p[3], numberStart: p[4]), figure: figure))
        }
        var out: [String: TallyState] = [:]
        for (key, head) in heads {
            out[key] = TallyState(picks: picks[key] ?? [], claims: head.claims, first: head.first, place: head.place)
        }
        return out
    }

    /// Strings as a JSON array, for `json_each` (quotes, backslashes and control characters escaped).
    static func jsonArray(_ strings: [String]) -> String {
        var out = "["
        for (i, s) in strings.enumerated() {
            if i > 0 { out += "," }
            out += "\""
            if s.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
                for u in s.unicodeScalars {
                    switch u.value {
                    case 0x22: out += "\\\""
                    case 0x5C: out += "\\\\"
                    case 0..<0x20: out += "\\u00" + (u.value < 0x10 ? "0" : "") + String(u.value, radix: 16)
                    default: out.unicodeScalars.append(u)
                    }
                }
            } else {
                out += s
            }
            out += "\""
        }
        return out + "]"
    }

    static func insertPicks(_ db: Database, _ picks: [(key: String, pick: TallyState.Pick)]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT OR REPLACE INTO tally_sources (\(TallyRow.pickColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        for (key, p) in picks {
            let f = p.figure, q = f.claim.quantity
            try statement.execute(arguments: [
                key, p.source, p.first.published?.description, p.first.sequence, p.first.numberStart, f.claim.doc, f.published?.description,
                f.sequence, f.claim.numberSpan.start, q.value, q.valueHigh, q.qualifier.rawValue, q.vague, f.claim.source?.name,
                f.claim.source?.sourceClass.rawValue, f.claim.implicit,
            ])
        }
    }

    static func checkKey(_ row: Row) -> CountryCheck.Key? {
        guard !(row["derived"] as Bool), (row["place_id"] as Int?) != nil, let country: String = row["country"],
              let kind = ClaimKind(rawValue: row["kind"]), let who = Group(rawValue: row["who"]) else { return nil }
        return CountryCheck.Key(kind: kind, who: who, country: country, date: Day(row["date"] as String))
    }

    /// The claims each read asks for, in the order they were stored.
    static func members(_ db: Database, _ reads: [TallyRefresh.Read]) throws -> [String: [ReconcileInput]] {
        let dated = try db.cachedStatement(sql: """
            SELECT \(memberColumns) FROM claims c JOIN documents d ON d.seq = c.document_seq
            WHERE c.family = ? AND c.date IN (SELECT value FROM json_each(?))
            """)
        let undatedOn = try db.cachedStatement(sql: """
            SELECT \(memberColumns) FROM claims c JOIN documents d ON d.seq = c.document_seq
            WHERE c.family = ? AND c.date IS NULL AND c.published IN (SELECT value FROM json_each(?))
            """)
        let undated = try db.cachedStatement(sql: """
            SELECT \(memberColumns) FROM claims c JOIN documents d ON d.seq = c.document_seq
            WHERE c.family = ? AND c.date IS NULL
            """)
        var out: [String: [ReconcileInput]] = [:]
        for read in reads {
            var list: [(id: Int64, input: ReconcileInput)] = []
            func collect(_ cursor: RowCursor) throws {
                while let row = try cursor.next() { if let m = member(row) { list.append((row[0], m)) } }
            }
            try collect(try Row.fetchCursor(dated, arguments: [read.family, jsonArray(read.days)]))
            if read.allUndated {
                try collect(try Row.fetchCursor(undated, arguments: [read.family]))
            } else if !read.undatedPublished.isEmpty {
                try collect(try Row.fetchCursor(undatedOn, arguments: [read.family, jsonArray(read.undatedPublished)]))
            }
            list.sort { $0.id < $1.id }
            out[read.family] = list.map(\.input)
        }
        return out
    }


    static func insert(_ db: Database, _ rows: [TallyRow]) throws {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO tallies (key, family, kind, who, place, place_id, country, date, place_match, best_value, best_qualifier,
                best_source, best_doc, best_vague, low, high, claims, sources, own_conflict, country_conflict, derived, history,
                first_published, first_seq, first_number)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)
            """)
        for r in rows {
            let t = r.tally
            try statement.execute(arguments: [
                r.key, r.family, t.kind.rawValue, t.who.rawValue, t.place, t.placeID, t.country, TallyRow.day(t.date), r.placeMatch,
                t.best.value, t.best.qualifier.rawValue, t.best.source, t.best.doc, t.best.vague, t.low, t.high, t.claims,
                r.sourcesText, t.conflict, r.countryConflict, t.derived,
                r.first?.published?.description, r.first?.sequence, r.first?.numberStart,
            ])
        }
    }

    static let updateSQL = "UPDATE tallies SET " + TallyRow.figureColumns.map { "\($0) = ?" }.joined(separator: ", ") + " WHERE key = ?"

    /// Writes a changed tally's figures into its stored row (`TallyRow.figureColumns`, none indexed);
    /// false when no row has its key.
    static func update(_ db: Database, _ r: TallyRow) throws -> Bool {
        let statement = try db.cachedStatement(sql: updateSQL)
        let t = r.tally
        try statement.execute(arguments: [
            t.best.value, t.best.qualifier.rawValue, t.best.source, t.best.doc, t.best.vague, t.low, t.high, t.claims,
            r.sourcesText, t.conflict, r.first?.published?.description, r.first?.sequence, r.first?.numberStart, r.key,
        ])
        return db.changesCount > 0
    }

    /// Redoes the country checks of `keys`: flags on national tallies, derived tallies updated,
    /// added or removed.
    static func check(_ db: Database, keys: [CountryCheck.Key]) throws {
        guard !keys.isEmpty else { return }
        let national = Set(try Int.fetchAll(db, sql: "SELECT place_id FROM national_places"))
        let read = try db.cachedStatement(sql: """
            SELECT \(TallyRefresh.checkColumns) FROM tallies
            WHERE kind = ? AND who = ? AND country = ? AND date = ? AND derived = 0 AND place_id IS NOT NULL
            """)
        var rows: [CountryCheck.Key: [TallyRefresh.CheckedRow]] = [:]
        for key in keys {
            var list: [TallyRefresh.CheckedRow] = []
            let cursor = try Row.fetchCursor(read, arguments: [key.kind.rawValue, key.who.rawValue, key.country, TallyRow.day(key.date)])
            while let row = try cursor.next() {
                guard let qualifier = Qualifier(rawValue: row[4]) else { continue }
                list.append(TallyRefresh.checkedRow(key, id: row[0], place: row[1], placeID: row[2], value: row[3], qualifier: qualifier,
                                                    doc: row[5], vague: row[6], high: row[7], countryConflict: row[8]))
            }
            rows[key] = list
        }
        let writes = TallyRefresh.checkWrites(rows, keys: keys, national: national)
        let flag = try db.cachedStatement(sql: "UPDATE tallies SET country_conflict = ? WHERE id = ?")
        for (id, conflict) in writes.flags { try flag.execute(arguments: [conflict, id]) }
        let delete = try db.cachedStatement(sql: "DELETE FROM tallies WHERE key = ?")
        for key in writes.removedDerived { try delete.execute(arguments: [key]) }
        var added: [TallyRow] = []
        for row in writes.derived where try !update(db, row) { added.append(row) }
        try insert(db, added)
    }

    /// A stored tally without its history (`TallyRow.columns`, by position); its
    /// `conflict` is its own figures' only, `countryConflict` the country check's.
    static func tally(_ row: Row) -> (tally: Tally, countryConflict: Bool)? {
        guard let kind = ClaimKind(rawValue: row[0]), let who = Group(rawValue: row[1]),
              let qualifier = Qualifier(rawValue: row[7]) else { return nil }
        let t = Tally(
            kind: kind, who: who, place: row[2], placeID: row[3], country: row[4], date: Day(row[5] as String),
            best: Tally.Best(value: row[6], qualifier: qualifier, source: row[8], doc: row[9], vague: row[10]),
            low: row[11], high: row[12], claims: row[13], sources: TallyRow.sources(row[14]),
            conflict: row[15], derived: row[17], history: [])
        return (t, row[16])
    }

    public func tallies(_ filter: TallyFilter) async throws -> [Tally] {
        do {
            return try await pool.read { db in
                var conditions: [String] = []
                var arguments: StatementArguments = []
                if let kind = filter.kind { conditions.append("kind = ?"); arguments += [kind.rawValue] }
                if let date = filter.date { conditions.append("date = ?"); arguments += [date.description] }
                if let place = filter.place { conditions.append("place_match = ?"); arguments += [place.lowercased()] }
                let sql = "SELECT \(TallyRow.columns), family FROM tallies"
                    + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
                let national = Set(try Int.fetchAll(db, sql: "SELECT place_id FROM national_places"))
                var tallies: [Tally] = [], families: [String?] = []
                let cursor = try Row.fetchCursor(db, sql: sql, arguments: arguments)
                while let row = try cursor.next() {
                    guard let (t, country) = Self.tally(row) else { continue }
                    var merged = t
                    merged.conflict = t.conflict || country
                    tallies.append(merged)
                    families.append(row[18])
                }
                if filter.history {
                    let histories = try Self.histories(db, families: Set(families.compactMap { $0 }))
                    for i in tallies.indices {
                        guard let family = families[i] else { continue }
                        tallies[i].history = histories[TallyRow.key(family: family, date: tallies[i].date)] ?? []
                    }
                }
                return Reconciler.sorted(tallies, nationalPlaces: national)
            }
        } catch let error as DatabaseError {
            throw Self.describe(error, path: path)
        }
    }

    /// The histories of every tally of `families`, by tally key: made from the claims when asked
    /// for (they are not kept: every batch would rewrite them), one indexed read per family.
    static func histories(_ db: Database, families: Set<String>) throws -> [String: [Tally.HistoryPoint]] {
        let read = try db.cachedStatement(sql: """
            SELECT \(memberColumns) FROM claims c JOIN documents d ON d.seq = c.document_seq WHERE c.family = ? ORDER BY c.id
            """)
        var out: [String: [Tally.HistoryPoint]] = [:]
        for family in families.sorted() {
            var members: [ReconcileInput] = []
            let cursor = try Row.fetchCursor(read, arguments: [family])
            while let row = try cursor.next() { if let m = member(row) { members.append(m) } }
            for (key, history) in TallyRow.histories(family: family, members: members) { out[key] = history }
        }
        return out
    }
}
