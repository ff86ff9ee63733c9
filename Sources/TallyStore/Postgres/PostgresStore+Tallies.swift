import PostgresNIO
import TallyCore
import TallyReconcile

/// The `tallies` table on PostgreSQL: the same rows as SQLite's, refreshed inside each ingest's
/// transaction by a fixed number of set-based statements (arrays as parameters), whatever the batch.
///
/// Writers run in parallel, so a refresh first takes transaction-scoped advisory locks, after its
/// documents and claims are inserted and before it reads or writes a tally: one per family it
/// redoes, then one per country of its claims (whose checks it redoes), each set in sorted order.
/// A second writer on the same family or country waits until the first commits, then reads (READ
/// COMMITTED: each statement sees what is committed) the first's claims and tallies too. Locks are
/// all taken before any tally row is touched, families before countries, so waits cannot form a
/// cycle (a country check never waits on a row another writer holds while waiting for it).
extension PostgresStore {
    static let tallySchema: [PostgresQuery] = [
        "ALTER TABLE claims ADD COLUMN family text, ADD COLUMN published text",
        "UPDATE claims c SET published = d.published FROM documents d WHERE d.seq = c.document_seq",
        "CREATE INDEX claims_by_family ON claims (family, date, published)",
        """
        CREATE TABLE tallies (
            id bigserial PRIMARY KEY,
            key text NOT NULL UNIQUE,
            family text,
            kind text NOT NULL,
            who text NOT NULL,
            place text,
            place_id bigint,
            country text,
            date text NOT NULL,
            place_match text,
            best_value bigint,
            best_qualifier text NOT NULL,
            best_source text,
            best_doc text NOT NULL,
            best_vague text,
            low bigint,
            high bigint,
            claims bigint NOT NULL,
            sources text NOT NULL,
            own_conflict boolean NOT NULL,
            country_conflict boolean NOT NULL,
            derived boolean NOT NULL,
            history text NOT NULL
        )
        """,
    ] + TallyRow.indexes.map { name, columns in PostgresQuery(unsafeSQL: "CREATE INDEX \(name) ON tallies (\(columns))") } + [
        "CREATE TABLE national_places (place_id bigint PRIMARY KEY)",
    ]

    /// The step `v4 tally sources`: what each tally keeps of its sources (`TallyState`), so that a
    /// batch adds its claims to a tally without reading the tally's other claims again. Every tally
    /// is made again (`fillTallies`).
    static let tallySourcesSchema: [PostgresQuery] = [
        "ALTER TABLE tallies ADD COLUMN first_published text, ADD COLUMN first_seq bigint, ADD COLUMN first_number bigint",
        """
        CREATE TABLE tally_sources (
            tally_key text NOT NULL,
            source text NOT NULL,
            first_published text,
            first_seq bigint NOT NULL,
            first_number bigint NOT NULL,
            doc text NOT NULL,
            published text,
            seq bigint NOT NULL,
            number_start bigint NOT NULL,
            value bigint,
            value_high bigint,
            qualifier text NOT NULL,
            vague text,
            source_name text,
            source_class text,
            implicit boolean NOT NULL,
            PRIMARY KEY (tally_key, source)
        )
        """,
        "CREATE TABLE store_changes (id int PRIMARY KEY CHECK (id = 1), count bigint NOT NULL)",
        "INSERT INTO store_changes (id, count) VALUES (1, 0)",
        "DELETE FROM tallies",
    ]

    /// The Swift part of the step `v2 tallies`: every stored claim learns its family. (The tallies
    /// themselves are made by the step `v4 tally sources`.)
    static func fillFamilies(_ connection: PostgresConnection, logger: Logger) async throws {
        var existing: [(id: Int, input: ReconcileInput)] = []
        let sql = "SELECT \(memberColumns) FROM claims c JOIN documents d ON d.seq = c.document_seq ORDER BY c.id"
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
            if let member = try member(row) { existing.append((member.id, member.input)) }
        }
        for chunk in existing.chunked(rowsPerStatement) {
            var binds = PostgresBindings(capacity: 2)
            binds.append(PostgresColumn(chunk.map(\.id)))
            binds.append(PostgresColumn(chunk.map { Reconciler.familyKey($0.input.claim) }))
            try await connection.query(PostgresQuery(unsafeSQL: """
                UPDATE claims SET family = u.family FROM unnest($1::bigint[], $2::text[]) AS u(id, family) WHERE claims.id = u.id
                """, binds: binds), logger: logger)
        }
    }

    /// The Swift part of the step `v4 tally sources`: the tallies of what is already stored are made.
    static func fillTallies(_ connection: PostgresConnection, logger: Logger) async throws {
        var existing: [ReconcileInput] = []
        let sql = "SELECT \(memberColumns) FROM claims c JOIN documents d ON d.seq = c.document_seq ORDER BY c.id"
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) {
            if let member = try member(row) { existing.append(member.input) }
        }
        try await refreshTallies(connection, new: existing, logger: logger)
    }

    static let memberColumns = """
        c.id, c.kind, c.who, c.value, c.value_high, c.qualifier, c.vague, c.place, c.place_id, c.country, c.place_level,
        c.date, c.source, c.source_class, d.id, d.published, c.document_seq, c.family, c.number_start, c.implicit
        """

    /// A claim as reconciliation reads it (`memberColumns`), with its row id and family.
    static func member(_ row: PostgresRow) throws -> (id: Int, family: String?, input: ReconcileInput)? {
        let r = row.makeRandomAccess()
        guard let kind = ClaimKind(rawValue: try r[1].decode(String.self)), let who = Group(rawValue: try r[2].decode(String.self)),
              let qualifier = Qualifier(rawValue: try r[5].decode(String.self)) else { return nil }
        let place = try r[7].decode(String?.self).map { name in
            Place(name: name, geonameID: try r[8].decode(Int?.self), country: try r[9].decode(String?.self),
                  level: Place.Level(rawValue: try r[10].decode(String?.self) ?? "city") ?? .city)
        }
        let source = try r[12].decode(String?.self).map { name in
            Source(name: name, sourceClass: SourceClass(rawValue: try r[13].decode(String?.self) ?? "") ?? .media)
        }
        let claim = Claim(
            doc: try r[14].decode(String.self), kind: kind, who: who,
            quantity: Quantity(value: try r[3].decode(Int?.self), valueHigh: try r[4].decode(Int?.self), qualifier: qualifier,
                               vague: try r[6].decode(String?.self)),
            place: place, date: try r[11].decode(String?.self).flatMap { Day($0) }, source: source, evidence: "",
            span: TextSpan(start: 0, end: 0), numberSpan: TextSpan(start: try r[18].decode(Int.self), end: try r[18].decode(Int.self)),
            implicit: try r[19].decode(Bool.self))
        let input = ReconcileInput(claim: claim, published: try r[15].decode(String?.self).flatMap { Day($0) },
                                   sequence: try r[16].decode(Int.self))
        return (try r[0].decode(Int.self), try r[17].decode(String?.self), input)
    }

    /// Advisory lock classes (first key of the two-key form; the migration lock is `migrationLock`).
    enum LockClass: Int32 { case family = 2, country = 3 }

    /// Takes transaction-scoped advisory locks on `names` in sorted order of their hashes.
    static func lock(_ names: some Sequence<String>, _ kind: LockClass, on connection: PostgresConnection, logger: Logger) async throws {
        let hashes = Set(names.map { name -> Int in
            var h: UInt32 = 0x811c_9dc5
            for b in name.utf8 { h = (h ^ UInt32(b)) &* 0x0100_0193 }
            return Int(Int32(bitPattern: h))
        }).sorted()
        guard !hashes.isEmpty else { return }
        var binds = PostgresBindings(capacity: 1)
        binds.append(PostgresColumn(hashes))
        // OFFSET 0 keeps the sorted subquery from being flattened: the locks are taken in its order.
        try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT count(pg_advisory_xact_lock(\(kind.rawValue), k::int)) FROM (SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k OFFSET 0) s
            """, binds: binds), logger: logger)
    }

    /// Redoes the tallies the new claims change, and the country checks those touch.
    static func refreshTallies(_ connection: PostgresConnection, new: [ReconcileInput], logger: Logger) async throws {
        guard !new.isEmpty else { return }
        var refresh = TallyRefresh(new: new)
        try await lock(refresh.families, .family, on: connection, logger: logger)
        try await lock(refresh.countries, .country, on: connection, logger: logger)

        var existing: [String: Set<Day>] = [:]
        let probed = refresh.probedDays.sorted { $0.key < $1.key }.flatMap { family, days in days.map { (family, $0) } }
        var binds = PostgresBindings(capacity: 2)
        binds.append(PostgresColumn(probed.map(\.0)))
        binds.append(PostgresColumn(probed.map(\.1)))
        for try await (family, date) in try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT t.family, t.date FROM tallies t JOIN unnest($1::text[], $2::text[]) AS u(family, date)
                ON t.family = u.family AND t.date = u.date
            """, binds: binds), logger: logger).decode((String, String).self) {
            if let day = Day(date) { existing[family, default: []].insert(day) }
        }
        let whole = refresh.needingAllDays(found: existing)
        if !whole.isEmpty {
            binds = PostgresBindings(capacity: 1)
            binds.append(PostgresColumn(whole))
            for try await (family, date) in try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT family, date FROM tallies WHERE family = ANY($1::text[]) AND date <> ''
                """, binds: binds), logger: logger).decode((String, String).self) {
                if let day = Day(date) { existing[family, default: []].insert(day) }
            }
        }
        let reads = refresh.plan(existingDays: existing)
        let writes = refresh.rows(members: try await members(reads, on: connection, logger: logger),
                                  states: try await states(refresh.grown.map(\.key), on: connection, logger: logger))

        var keys: [CountryCheck.Key] = []
        binds = PostgresBindings(capacity: 1)
        binds.append(PostgresColumn(refresh.deletedKeys(writes)))
        keys += try await checkKeys(PostgresQuery(unsafeSQL: """
            DELETE FROM tallies WHERE key = ANY($1::text[]) RETURNING kind, who, country, date, place_id, derived
            """, binds: binds), on: connection, logger: logger)
        let split = writes.split
        let updated = try await update(split.update, on: connection, logger: logger)
        try await insert(split.insert + split.update.filter { !updated.contains($0.key) }, on: connection, logger: logger)
        keys += writes.tallies.compactMap { CountryCheck.Key($0.tally) }
        if !refresh.rebuiltKeys.isEmpty {
            binds = PostgresBindings(capacity: 1)
            binds.append(PostgresColumn(refresh.rebuiltKeys))
            try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM tally_sources WHERE tally_key = ANY($1::text[])", binds: binds),
                                       logger: logger)
        }
        try await insertPicks(writes.picks, on: connection, logger: logger)

        binds = PostgresBindings(capacity: 1)
        binds.append(PostgresColumn(refresh.nationalPlaces.sorted()))
        var newlyNational: [Int] = []
        for try await id in try await connection.query(PostgresQuery(unsafeSQL: """
            INSERT INTO national_places (place_id) SELECT unnest($1::bigint[]) ON CONFLICT DO NOTHING RETURNING place_id
            """, binds: binds), logger: logger).decode(Int.self) {
            newlyNational.append(id)
        }
        if !newlyNational.isEmpty {
            binds = PostgresBindings(capacity: 1)
            binds.append(PostgresColumn(newlyNational))
            keys += try await checkKeys(PostgresQuery(unsafeSQL: """
                SELECT kind, who, country, date, place_id, derived FROM tallies WHERE place_id = ANY($1::bigint[])
                """, binds: binds), on: connection, logger: logger)
        }
        try await check(TallyRefresh.checkKeys(keys), on: connection, logger: logger)
    }

    /// What the tallies of `keys` keep (`TallyState`), for those that exist: two statements.
    static func states(_ keys: [String], on connection: PostgresConnection, logger: Logger) async throws -> [String: TallyState] {
        guard !keys.isEmpty else { return [:] }
        var binds = PostgresBindings(capacity: 1)
        binds.append(PostgresColumn(keys))
        var heads: [String: (kind: ClaimKind, who: Group, claims: Int, place: Place?, first: MemberOrder?)] = [:]
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT key, kind, who, claims, place, place_id, country, first_published, first_seq, first_number
            FROM tallies WHERE key = ANY($1::text[])
            """, binds: binds), logger: logger) {
            let r = row.makeRandomAccess()
            guard let kind = ClaimKind(rawValue: try r[1].decode(String.self)), let who = Group(rawValue: try r[2].decode(String.self)) else {
                continue
            }
            let place = try r[4].decode(String?.self).map {
                Place(name: $0, geonameID: try r[5].decode(Int?.self), country: try r[6].decode(String?.self))
            }
            let first = try r[8].decode(Int?.self).map {
                MemberOrder(published: try r[7].decode(String?.self).flatMap { Day($0) }, sequence: $0, numberStart: try r[9].decode(Int.self))
            }
            heads[try r[0].decode(String.self)] = (kind, who, try r[3].decode(Int.self), place, first)
        }
        var picks: [String: [TallyState.Pick]] = [:]
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT \(TallyRow.pickColumns) FROM tally_sources WHERE tally_key = ANY($1::text[])
            """, binds: binds), logger: logger) {
            let p = row.makeRandomAccess()
            let key = try p[0].decode(String.self)
            guard let head = heads[key], let qualifier = Qualifier(rawValue: try p[11].decode(String.self)) else { continue }
            let figure = TallyRow.figure(
                doc: try p[5].decode(String.self), published: try p[6].decode(String?.self), seq: try p[7].decode(Int.self),
                numberStart: try p[8].decode(Int.self), value: try p[9].decode(Int?.self), valueHigh: try p[10].decode(Int?.self),
                qualifier: qualifier, vague: try p[12].decode(String?.self), sourceName: try p[13].decode(String?.self),
                sourceClass: try p[14].decode(String?.self), implicit: try p[15].decode(Bool.self), kind: head.kind, who: head.who)
            let first = MemberOrder(published: try p[2].decode(String?.self).flatMap { Day($0) }, sequence: try p[3].decode(Int.self),
                                    numberStart: try p[4].decode(Int.self))
            picks[key, default: []].append(TallyState.Pick(source: try p[1].decode(String.self), first: first, figure: figure))
        }
        var out: [String: TallyState] = [:]
        for (key, head) in heads {
            out[key] = TallyState(picks: picks[key] ?? [], claims: head.claims, first: head.first, place: head.place)
        }
        return out
    }

    /// Inserts or updates kept sources (`tally_sources`), set-based.
    static func insertPicks(_ picks: [(key: String, pick: TallyState.Pick)], on connection: PostgresConnection,
                            logger: Logger) async throws {
        for chunk in picks.chunked(rowsPerStatement) {
            let figures = chunk.map(\.pick.figure)
            var binds = PostgresBindings(capacity: 16)
            binds.append(PostgresColumn(chunk.map(\.key)))
            binds.append(PostgresColumn(chunk.map(\.pick.source)))
            binds.append(PostgresColumn(chunk.map { $0.pick.first.published?.description }))
            binds.append(PostgresColumn(chunk.map(\.pick.first.sequence)))
            binds.append(PostgresColumn(chunk.map(\.pick.first.numberStart)))
            binds.append(PostgresColumn(figures.map(\.claim.doc)))
            binds.append(PostgresColumn(figures.map { $0.published?.description }))
            binds.append(PostgresColumn(figures.map(\.sequence)))
            binds.append(PostgresColumn(figures.map(\.claim.numberSpan.start)))
            binds.append(PostgresColumn(figures.map(\.claim.quantity.value)))
            binds.append(PostgresColumn(figures.map(\.claim.quantity.valueHigh)))
            binds.append(PostgresColumn(figures.map(\.claim.quantity.qualifier.rawValue)))
            binds.append(PostgresColumn(figures.map(\.claim.quantity.vague)))
            binds.append(PostgresColumn(figures.map { $0.claim.source?.name }))
            binds.append(PostgresColumn(figures.map { $0.claim.source?.sourceClass.rawValue }))
            binds.append(PostgresColumn(figures.map(\.claim.implicit)))
            try await connection.query(PostgresQuery(unsafeSQL: """
                INSERT INTO tally_sources (\(TallyRow.pickColumns))
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::text[], $8::bigint[],
                    $9::bigint[], $10::bigint[], $11::bigint[], $12::text[], $13::text[], $14::text[], $15::text[], $16::boolean[])
                ON CONFLICT (tally_key, source) DO UPDATE SET first_published = excluded.first_published,
                    first_seq = excluded.first_seq, first_number = excluded.first_number, doc = excluded.doc,
                    published = excluded.published, seq = excluded.seq, number_start = excluded.number_start,
                    value = excluded.value, value_high = excluded.value_high, qualifier = excluded.qualifier,
                    vague = excluded.vague, source_name = excluded.source_name, source_class = excluded.source_class,
                    implicit = excluded.implicit
                """, binds: binds), logger: logger)
        }
    }

    static func checkKeys(_ query: PostgresQuery, on connection: PostgresConnection, logger: Logger) async throws -> [CountryCheck.Key] {
        var keys: [CountryCheck.Key] = []
        for try await (kind, who, country, date, placeID, derived) in try await connection.query(query, logger: logger)
            .decode((String, String, String?, String, Int?, Bool).self) {
            guard !derived, placeID != nil, let country, let kind = ClaimKind(rawValue: kind), let who = Group(rawValue: who) else { continue }
            keys.append(CountryCheck.Key(kind: kind, who: who, country: country, date: Day(date)))
        }
        return keys
    }

    /// The claims each read asks for, by family, in the order they were stored.
    static func members(_ reads: [TallyRefresh.Read], on connection: PostgresConnection,
                        logger: Logger) async throws -> [String: [ReconcileInput]] {
        var datedFamilies: [String] = [], datedDays: [String] = []
        var windowFamilies: [String] = [], windowDays: [String] = []
        var allUndated: [String] = []
        for read in reads {
            for day in read.days { datedFamilies.append(read.family); datedDays.append(day) }
            for day in read.undatedPublished { windowFamilies.append(read.family); windowDays.append(day) }
            if read.allUndated { allUndated.append(read.family) }
        }
        var binds = PostgresBindings(capacity: 5)
        binds.append(PostgresColumn(datedFamilies))
        binds.append(PostgresColumn(datedDays))
        binds.append(PostgresColumn(windowFamilies))
        binds.append(PostgresColumn(windowDays))
        binds.append(PostgresColumn(allUndated))
        let from = "FROM claims c JOIN documents d ON d.seq = c.document_seq"
        let sql = """
            SELECT \(memberColumns) \(from) JOIN unnest($1::text[], $2::text[]) AS u(family, date) ON c.family = u.family AND c.date = u.date
            UNION ALL
            SELECT \(memberColumns) \(from) JOIN unnest($3::text[], $4::text[]) AS w(family, published)
                ON c.family = w.family AND c.date IS NULL AND c.published = w.published
            UNION ALL
            SELECT \(memberColumns) \(from) WHERE c.date IS NULL AND c.family = ANY($5::text[])
            ORDER BY 1
            """
        var out: [String: [ReconcileInput]] = [:]
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
            if let m = try member(row), let family = m.family { out[family, default: []].append(m.input) }
        }
        return out
    }

    static func insert(_ rows: [TallyRow], on connection: PostgresConnection, logger: Logger) async throws {
        for chunk in rows.chunked(rowsPerStatement) {
            let ts = chunk.map(\.tally)
            var binds = PostgresBindings(capacity: 24)
            binds.append(PostgresColumn(chunk.map(\.key)))
            binds.append(PostgresColumn(chunk.map(\.family)))
            binds.append(PostgresColumn(ts.map(\.kind.rawValue)))
            binds.append(PostgresColumn(ts.map(\.who.rawValue)))
            binds.append(PostgresColumn(ts.map(\.place)))
            binds.append(PostgresColumn(ts.map(\.placeID)))
            binds.append(PostgresColumn(ts.map(\.country)))
            binds.append(PostgresColumn(ts.map { TallyRow.day($0.date) }))
            binds.append(PostgresColumn(chunk.map(\.placeMatch)))
            appendFigures(chunk, to: &binds)
            binds.append(PostgresColumn(chunk.map(\.countryConflict)))
            binds.append(PostgresColumn(ts.map(\.derived)))
            appendFirst(chunk, to: &binds)
            try await connection.query(PostgresQuery(unsafeSQL: """
                INSERT INTO tallies (key, family, kind, who, place, place_id, country, date, place_match, best_value, best_qualifier,
                    best_source, best_doc, best_vague, low, high, claims, sources, own_conflict, country_conflict, derived, history,
                    first_published, first_seq, first_number)
                SELECT c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, '', c22, c23, c24
                FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::text[], $8::text[],
                    $9::text[], $10::bigint[], $11::text[], $12::text[], $13::text[], $14::text[], $15::bigint[], $16::bigint[],
                    $17::bigint[], $18::text[], $19::boolean[], $20::boolean[], $21::boolean[], $22::text[], $23::bigint[], $24::bigint[])
                    AS u(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, c23, c24)
                """, binds: binds), logger: logger)
        }
    }

    /// The figure columns of `rows` as array parameters, in `TallyRow.figureColumns` order up to
    /// `own_conflict` (the insert and the in-place update bind them alike).
    static func appendFigures(_ rows: ArraySlice<TallyRow>, to binds: inout PostgresBindings) {
        let ts = rows.map(\.tally)
        binds.append(PostgresColumn(ts.map(\.best.value)))
        binds.append(PostgresColumn(ts.map(\.best.qualifier.rawValue)))
        binds.append(PostgresColumn(ts.map(\.best.source)))
        binds.append(PostgresColumn(ts.map(\.best.doc)))
        binds.append(PostgresColumn(ts.map(\.best.vague)))
        binds.append(PostgresColumn(ts.map(\.low)))
        binds.append(PostgresColumn(ts.map(\.high)))
        binds.append(PostgresColumn(ts.map(\.claims)))
        binds.append(PostgresColumn(rows.map(\.sourcesText)))
        binds.append(PostgresColumn(ts.map(\.conflict)))
    }

    /// Where each of `rows` starts in history (`first_published`, `first_seq`, `first_number`).
    static func appendFirst(_ rows: ArraySlice<TallyRow>, to binds: inout PostgresBindings) {
        binds.append(PostgresColumn(rows.map { $0.first?.published?.description }))
        binds.append(PostgresColumn(rows.map { $0.first?.sequence }))
        binds.append(PostgresColumn(rows.map { $0.first?.numberStart }))
    }

    /// Writes changed tallies' figures into their stored rows (`TallyRow.figureColumns`, none indexed,
    /// so PostgreSQL can update them without touching an index); returns the keys of the rows updated.
    static func update(_ rows: [TallyRow], on connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        var updated = Set<String>()
        for chunk in rows.chunked(rowsPerStatement) {
            var binds = PostgresBindings(capacity: 14)
            binds.append(PostgresColumn(chunk.map(\.key)))
            appendFigures(chunk, to: &binds)
            appendFirst(chunk, to: &binds)
            let set = TallyRow.figureColumns.enumerated().map { "\($1) = u.c\($0 + 2)" }.joined(separator: ", ")
            for try await key in try await connection.query(PostgresQuery(unsafeSQL: """
                UPDATE tallies SET \(set)
                FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[],
                    $9::bigint[], $10::text[], $11::boolean[], $12::text[], $13::bigint[], $14::bigint[])
                    AS u(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14)
                WHERE tallies.key = u.c1 RETURNING tallies.key
                """, binds: binds), logger: logger).decode(String.self) {
                updated.insert(key)
            }
        }
        return updated
    }

    /// A stored tally without its history (`TallyRow.columns`); its `conflict` is its own
    /// figures' only, `countryConflict` the country check's.
    static func tally(_ row: PostgresRow) throws -> (tally: Tally, countryConflict: Bool)? {
        let r = row.makeRandomAccess()
        guard let kind = ClaimKind(rawValue: try r[0].decode(String.self)), let who = Group(rawValue: try r[1].decode(String.self)),
              let qualifier = Qualifier(rawValue: try r[7].decode(String.self)) else { return nil }
        let t = Tally(
            kind: kind, who: who, place: try r[2].decode(String?.self), placeID: try r[3].decode(Int?.self),
            country: try r[4].decode(String?.self), date: Day(try r[5].decode(String.self)),
            best: Tally.Best(value: try r[6].decode(Int?.self), qualifier: qualifier, source: try r[8].decode(String?.self),
                             doc: try r[9].decode(String.self), vague: try r[10].decode(String?.self)),
            low: try r[11].decode(Int?.self), high: try r[12].decode(Int?.self), claims: try r[13].decode(Int.self),
            sources: TallyRow.sources(try r[14].decode(String.self)), conflict: try r[15].decode(Bool.self),
            derived: try r[17].decode(Bool.self), history: [])
        return (t, try r[16].decode(Bool.self))
    }

    /// Redoes the country checks of `keys` under their countries' locks (already held by a refresh).
    static func check(_ keys: [CountryCheck.Key], on connection: PostgresConnection, logger: Logger) async throws {
        guard !keys.isEmpty else { return }
        try await lock(keys.map(\.country), .country, on: connection, logger: logger)
        var national = Set<Int>()
        for try await id in try await connection.query("SELECT place_id FROM national_places", logger: logger).decode(Int.self) {
            national.insert(id)
        }
        var binds = PostgresBindings(capacity: 4)
        binds.append(PostgresColumn(keys.map(\.kind.rawValue)))
        binds.append(PostgresColumn(keys.map(\.who.rawValue)))
        binds.append(PostgresColumn(keys.map(\.country)))
        binds.append(PostgresColumn(keys.map { TallyRow.day($0.date) }))
        var rows: [CountryCheck.Key: [TallyRefresh.CheckedRow]] = [:]
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT \(TallyRefresh.checkColumns), kind, who, country, date FROM tallies
            WHERE (kind, who, country, date) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]))
                AND NOT derived AND place_id IS NOT NULL
            """, binds: binds), logger: logger) {
            let r = row.makeRandomAccess()
            guard let kind = ClaimKind(rawValue: try r[9].decode(String.self)), let who = Group(rawValue: try r[10].decode(String.self)),
                  let qualifier = Qualifier(rawValue: try r[4].decode(String.self)) else { continue }
            let key = CountryCheck.Key(kind: kind, who: who, country: try r[11].decode(String.self), date: Day(try r[12].decode(String.self)))
            rows[key, default: []].append(TallyRefresh.checkedRow(
                key, id: try r[0].decode(Int.self), place: try r[1].decode(String?.self), placeID: try r[2].decode(Int?.self),
                value: try r[3].decode(Int?.self), qualifier: qualifier, doc: try r[5].decode(String.self),
                vague: try r[6].decode(String?.self), high: try r[7].decode(Int?.self), countryConflict: try r[8].decode(Bool.self)))
        }
        let writes = TallyRefresh.checkWrites(rows, keys: keys, national: national)
        if !writes.flags.isEmpty {
            binds = PostgresBindings(capacity: 2)
            binds.append(PostgresColumn(writes.flags.map(\.id)))
            binds.append(PostgresColumn(writes.flags.map(\.conflict)))
            try await connection.query(PostgresQuery(unsafeSQL: """
                UPDATE tallies SET country_conflict = u.c FROM unnest($1::bigint[], $2::boolean[]) AS u(id, c) WHERE tallies.id = u.id
                """, binds: binds), logger: logger)
        }
        if !writes.removedDerived.isEmpty {
            binds = PostgresBindings(capacity: 1)
            binds.append(PostgresColumn(writes.removedDerived))
            try await connection.query(PostgresQuery(unsafeSQL: "DELETE FROM tallies WHERE key = ANY($1::text[])", binds: binds), logger: logger)
        }
        let updated = try await update(writes.derived, on: connection, logger: logger)
        try await insert(writes.derived.filter { !updated.contains($0.key) }, on: connection, logger: logger)
    }

    public func tallies(_ filter: TallyFilter) async throws -> [Tally] {
        var conditions: [String] = []
        var binds = PostgresBindings(capacity: 3)
        if let kind = filter.kind { binds.append(kind.rawValue); conditions.append("kind = $\(binds.count)") }
        if let date = filter.date { binds.append(date.description); conditions.append("date = $\(binds.count)") }
        if let place = filter.place { binds.append(place.lowercased()); conditions.append("place_match = $\(binds.count)") }
        let sql = "SELECT \(TallyRow.columns), family FROM tallies"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
        do {
            var national = Set<Int>()
            for try await id in try await client.query("SELECT place_id FROM national_places", logger: logger).decode(Int.self) {
                national.insert(id)
            }
            var tallies: [Tally] = [], families: [String?] = []
            for try await row in try await client.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
                guard let (t, countryConflict) = try Self.tally(row) else { continue }
                var merged = t
                merged.conflict = t.conflict || countryConflict
                tallies.append(merged)
                families.append(try row.makeRandomAccess()[18].decode(String?.self))
            }
            if filter.history {
                let histories = try await histories(families: Set(families.compactMap { $0 }))
                for i in tallies.indices {
                    guard let family = families[i] else { continue }
                    tallies[i].history = histories[TallyRow.key(family: family, date: tallies[i].date)] ?? []
                }
            }
            return Reconciler.sorted(tallies, nationalPlaces: national)
        } catch {
            throw Self.describe(error, url: url, connecting: false)
        }
    }

    /// The histories of every tally of `families`, by tally key, made from their claims (one statement).
    func histories(families: Set<String>) async throws -> [String: [Tally.HistoryPoint]] {
        guard !families.isEmpty else { return [:] }
        var binds = PostgresBindings(capacity: 1)
        binds.append(PostgresColumn(families.sorted()))
        var members: [String: [ReconcileInput]] = [:]
        for try await row in try await client.query(PostgresQuery(unsafeSQL: """
            SELECT \(Self.memberColumns) FROM claims c JOIN documents d ON d.seq = c.document_seq
            WHERE c.family = ANY($1::text[]) ORDER BY c.id
            """, binds: binds), logger: logger) {
            if let m = try Self.member(row), let family = m.family { members[family, default: []].append(m.input) }
        }
        var out: [String: [Tally.HistoryPoint]] = [:]
        for (family, list) in members {
            for (key, history) in TallyRow.histories(family: family, members: list) { out[key] = history }
        }
        return out
    }
}
