/// A place a figure covers: a city or a country, as named by GeoNames.
public struct Place: Sendable, Hashable, Codable {
    /// Whether the place is a populated place or a whole country.
    public enum Level: String, Sendable, Hashable, Codable {
        case city, country
    }

    /// GeoNames English name ("Saint Petersburg", "Russia").
    public var name: String
    /// GeoNames id, when the place came from the gazetteer.
    public var geonameID: Int?
    /// ISO 3166-1 alpha-2 country code ("RU").
    public var country: String?
    public var latitude: Double?
    public var longitude: Double?
    public var level: Level

    public init(name: String, geonameID: Int? = nil, country: String? = nil,
                latitude: Double? = nil, longitude: Double? = nil, level: Level = .city) {
        self.name = name
        self.geonameID = geonameID
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
        self.level = level
    }
}
