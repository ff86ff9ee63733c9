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

/// The tallies the server shows, reconciled from the stored claims on each request.
///
/// The one place that decides how tallies are read: to serve the store's materialised tallies
/// instead, change this body (keeping the reconciling path for `asOf`).
func readTallies(_ query: TallyQuery, from store: any Store) async throws -> [Tally] {
    var options = ReconcileOptions()
    options.asOf = query.asOf
    return Reconciler.tallies(try await store.reconcileInputs(asOf: query.asOf), options: options).filter(query.matches)
}
