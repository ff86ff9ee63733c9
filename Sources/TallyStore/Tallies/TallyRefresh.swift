import TallyCore
import TallyReconcile

/// Keeping the `tallies` table right after a batch, inside the batch's transaction.
///
/// The steps are pure; each backend runs the reads and writes between them in its own way
/// (`SQLiteStore+Tallies.swift`, `PostgresStore+Tallies.swift`):
///
/// 1. `families`: the families (kind, who, place) the batch's new claims belong to;
/// 2. the backend reads the days each already has dated tallies on → `plan(existingDays:)` says which
///    tallies change (`Reconciler.changedTallies`) and which claims to read (`reads`);
/// 3. the backend reads those claims → `familyRows(members:)` reconciles them
///    (`Reconciler.familyTallies`) into rows that replace the old ones (`replacedKeys`);
/// 4. the backend replaces the rows, records new national places, and reads the tallies of every
///    country check the changes touch → `checkWrites` redoes them (`Reconciler.countryCheck`).
struct TallyRefresh {
    /// The new claims of the batch, by family, in the order they were stored.
    let new: [String: [ReconcileInput]]
    /// Families in sorted order (PostgreSQL locks them in this order).
    let families: [String]
    private(set) var changes: [String: Reconciler.FamilyChange] = [:]

    init(new inputs: [ReconcileInput]) {
        var byFamily: [String: [ReconcileInput]] = [:]
        for input in inputs { byFamily[Reconciler.familyKey(input.claim), default: []].append(input) }
        new = byFamily
        families = byFamily.keys.sorted()
    }

    /// Places the new claims name at country level.
    var nationalPlaces: Set<Int> { Reconciler.nationalPlaces(new.values.flatMap { $0.map(\.claim) }) }

    /// The countries of the new claims (PostgreSQL locks their checks).
    var countries: Set<String> { Set(new.values.flatMap { $0.compactMap(\.claim.place?.country) }) }

    /// What to read of one family to redo its changed tallies.
    struct Read: Sendable {
        var family: String
        /// Dated claims of these days.
        var days: [String]
        /// Undated claims published on these days (empty when `allUndated`).
        var undatedPublished: [String]
        /// Every undated claim of the family (the undated tally is redone).
        var allUndated: Bool
    }

    mutating func plan(existingDays: [String: Set<Day>]) -> [Read] {
        families.map { family in
            let change = Reconciler.changedTallies(existingDays: existingDays[family] ?? [], new: new[family]!)
            changes[family] = change
            return Read(family: family, days: change.days.map(\.description).sorted(),
                        undatedPublished: change.undated ? [] : change.undatedPublished.map(\.description).sorted(),
                        allUndated: change.undated)
        }
    }

    /// Keys of the rows the new ones replace (some may not exist yet; an undated tally may go).
    var replacedKeys: [String] {
        families.flatMap { family in
            changes[family]!.tallies.map { TallyRow.key(family: family, date: $0) }
        }.sorted()
    }

    /// The changed tallies of every family, reconciled from `members` (each family's claims as read).
    func familyRows(members: [String: [ReconcileInput]]) -> [TallyRow] {
        families.flatMap { family in
            let change = changes[family]!
            return Reconciler.familyTallies(members[family] ?? [], datedDays: change.datedDays, only: change.tallies)
                .map { TallyRow(family: family, tally: $0) }
        }
    }

    /// The country checks to redo: those of the rows replaced, removed or written, and of every
    /// tally of a place that has just become national.
    static func checkKeys(_ groups: [CountryCheck.Key]...) -> [CountryCheck.Key] {
        Array(Set(groups.flatMap { $0 }))
    }

    /// What a check changes: country conflict flags by row id, and the derived rows that replace
    /// those of the checked keys.
    struct CheckWrites: Sendable {
        var flags: [(id: Int, conflict: Bool)] = []
        var removedDerived: [String] = []
        var derived: [TallyRow] = []
    }

    /// A stored tally as a country check reads it.
    struct CheckedRow: Sendable {
        var id: Int
        var tally: Tally
        var countryConflict: Bool
    }

    static func checkWrites(_ rows: [CountryCheck.Key: [CheckedRow]], keys: [CountryCheck.Key], national: Set<Int>) -> CheckWrites {
        var writes = CheckWrites()
        for key in keys {
            let list = (rows[key] ?? []).sorted { $0.id < $1.id }
            let check = Reconciler.countryCheck(key, list.map(\.tally), national: national)
            for (row, flag) in zip(list, check.flagged) where row.countryConflict != flag {
                writes.flags.append((row.id, flag))
            }
            writes.removedDerived.append(TallyRow.derivedKey(key))
            if let derived = check.derived { writes.derived.append(TallyRow(derived: derived)) }
        }
        writes.removedDerived.sort()
        return writes
    }
}
