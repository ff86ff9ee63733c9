import Foundation
import TallyCore

/// Claims written for other tools: CSV for spreadsheets, GeoJSON for maps, JSON lines for programs.
public enum ClaimExport {
    /// The CSV columns, in the order of the claim JSON.
    public static let columns = ["doc", "kind", "who", "value", "value_high", "qualifier", "vague", "place", "place_id",
                                 "country", "lat", "lon", "date", "source", "source_class", "evidence", "span_start",
                                 "span_end", "implicit"]

    /// RFC 4180 CSV with a header line.
    public static func csv(_ claims: [Claim]) -> String {
        let writer = CSVWriter(columns: columns)
        var out = writer.header
        for c in claims {
            out += writer.row([
                c.doc, c.kind.rawValue, c.who.rawValue, c.quantity.value.map(String.init), c.quantity.valueHigh.map(String.init),
                c.quantity.qualifier.rawValue, c.quantity.vague, c.place?.name, c.place?.geonameID.map(String.init),
                c.place?.country, c.place?.latitude.map { String($0) }, c.place?.longitude.map { String($0) },
                c.date?.description, c.source?.name, c.source?.sourceClass.rawValue, c.evidence,
                String(c.span.start), String(c.span.end), c.implicit ? "true" : "false",
            ])
        }
        return out
    }

    /// An RFC 7946 FeatureCollection: one Point feature per claim at its place's coordinates
    /// (longitude first), `null` geometry for claims without a located place.
    public static func geoJSON(_ claims: [Claim]) throws -> String {
        let features: [GeoJSON.Feature] = claims.map { c in
            let point: GeoJSON.Point? = {
                guard let lat = c.place?.latitude, let lon = c.place?.longitude else { return nil }
                return GeoJSON.Point(coordinates: [lon, lat])
            }()
            return GeoJSON.Feature(geometry: point, properties: c)
        }
        return try GeoJSON.encode(GeoJSON.FeatureCollection(features: features))
    }

    /// One claim JSON object per line (the `tally extract` shape), fields in the order of SCHEMA.md.
    public static func jsonLines(_ claims: [Claim]) -> String {
        var out = ""
        for claim in claims { out += jsonLine(claim) + "\n" }
        return out
    }

    /// One claim as a JSON object with its fields in schema order: doc, kind, who, value, value_high,
    /// qualifier, vague, place, date, source, evidence, then place_id, country, lat, lon, span, number_span.
    public static func jsonLine(_ c: Claim) -> String {
        var fields: [(String, String)] = [
            ("doc", JSONText.string(c.doc)), ("kind", JSONText.string(c.kind.rawValue)), ("who", JSONText.string(c.who.rawValue)),
            ("value", JSONText.number(c.quantity.value)), ("value_high", JSONText.number(c.quantity.valueHigh)),
            ("qualifier", JSONText.string(c.quantity.qualifier.rawValue)), ("vague", JSONText.string(c.quantity.vague)),
            ("place", JSONText.string(c.place?.name)), ("date", JSONText.string(c.date?.description)),
            ("source", JSONText.string(c.source?.name)), ("evidence", JSONText.string(c.evidence)),
            ("place_id", JSONText.number(c.place?.geonameID)), ("country", JSONText.string(c.place?.country)),
            ("lat", JSONText.number(c.place?.latitude)), ("lon", JSONText.number(c.place?.longitude)),
            ("span", "[\(c.span.start),\(c.span.end)]"), ("number_span", "[\(c.numberSpan.start),\(c.numberSpan.end)]"),
        ]
        if c.implicit { fields.append(("implicit", "true")) }
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}
