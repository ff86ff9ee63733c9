import TallyCore
import TallyReconcile
import TallyStore

/// Which tallies a route shows: the filters of `tally report` (`kind`, `place`, `date`, `as_of`).
struct TallyQuery: Sendable, Hashable {
    var kind: ClaimKind?
    /// A place name in any case; a derived country tally also matches its country code.
    var place: String?
    var date: Day?
    /// Only documents published up to this day.
    var asOf: Day?

    func matches(_ t: Tally) -> Bool {
        guard kind == nil || t.kind == kind, date == nil || t.date == date else { return false }
        guard let place = place?.lowercased() else { return true }
        return t.place?.lowercased() == place || (t.derived && t.country?.lowercased() == place)
    }
}

/// The tallies the server shows: the store's own, kept up to date by every ingest (an indexed
/// read), or for `as_of` a reconcile of the claims published by then.
///
/// The one place that decides how tallies are read, as `tally report` does.
/// `history: false` leaves the histories out of the store's tallies (made from the claims, costly
/// over the whole store; the overview does not show them).
func readTallies(_ query: TallyQuery, from store: any Store, history: Bool = true) async throws -> [Tally] {
    guard let asOf = query.asOf else {
        return try await store.tallies(TallyFilter(kind: query.kind, place: query.place, date: query.date, history: history))
    }
    var options = ReconcileOptions()
    options.asOf = asOf
    return Reconciler.tallies(try await store.reconcileInputs(asOf: asOf), options: options).filter(query.matches)
}
