import Hummingbird
import TallyCore
import TallyStore

/// Case records beyond the public tallies.
///
/// - `GET /api/v1/cases/counts` (viewer and above): exact counts of verified case records per place and day.
/// - `GET /api/v1/cases/named` (anyone): verified people whose name may be published, with city and day.
struct CasesController {
    let cases: CaseServices

    func addRoutes(to router: some RouterMethods<TallyRequestContext>) {
        router.get("cases/counts") { request, context in
            _ = try context.require(.viewer)
            _ = try QueryParameters(request, allowed: [])
            var groups: [CaseRecordDocuments.Group: [CaseReport]] = [:]
            for r in try await cases.store.allReports(status: .verified) { groups[CaseRecordDocuments.Group(r), default: []].append(r) }
            let counts = groups.values.map { reports in
                let first = reports[0]
                var counts: [String: Int] = [:]
                for c in CaseRecordDocuments.counts(reports) {
                    counts[c.kind == .detained ? c.who.rawValue : c.kind.rawValue] = c.count
                }
                return APICaseCount(city: first.city, placeID: first.placeID, date: first.date.description, counts: counts)
            }.sorted { ($0.date, $0.city) > ($1.date, $1.city) }
            return try ReportsController.json(APIList(items: counts, key: "counts"))
        }
        router.get("cases/named") { request, _ in
            _ = try QueryParameters(request, allowed: [])
            let key = try cases.key()
            let named = try await cases.store.allReports(status: .verified).filter(\.publishName).compactMap { r -> APINamedCase? in
                guard let name = try key.open(r.name) else { return nil }
                return APINamedCase(name: name, city: r.city, date: r.date.description)
            }
            return try ReportsController.json(APIList(items: named, key: "people"))
        }
    }
}
