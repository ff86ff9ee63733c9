/// The filter as SQL, written once for both backends.
extension ClaimFilter {
    /// A value bound to a condition's one `?`.
    enum Bound {
        case text(String)
        case integer(Int)
    }

    /// The conditions of a `WHERE` over `claims c JOIN documents d`, each with `?` for its value.
    var conditions: [(sql: String, value: Bound)] {
        var out: [(String, Bound)] = []
        if let kind { out.append(("c.kind = ?", .text(kind.rawValue))) }
        if let placeID { out.append(("c.place_id = ?", .integer(placeID))) }
        if let placeName { out.append(("lower(c.place) = lower(?)", .text(placeName))) }
        if let document { out.append(("d.id = ?", .text(document))) }
        if let documentSeq { out.append(("c.document_seq = ?", .integer(documentSeq))) }
        if let source { out.append(("c.source = ?", .text(source))) }
        if let after { out.append(("c.id > ?", .integer(after))) }
        return out
    }
}
