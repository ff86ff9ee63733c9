import TallyCore

/// Place names from GeoNames (CC BY 4.0), resolved to `Place`s.
public struct Gazetteer: Sendable {}
