/// What happened to the people a figure counts.
public enum ClaimKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Arrested, detained, taken into custody, rounded up, held.
    case detained
    case injured
    case killed
    /// The size of a crowd.
    case participants
    /// Charged, prosecuted, facing criminal or administrative cases.
    case charged
    /// Detainees handed draft summonses or conscripted.
    case drafted
}

/// Which people a figure counts: everyone, or a subgroup the text names.
public enum Group: String, Sendable, Hashable, Codable, CaseIterable {
    case people, journalists, minors, women, students, lawyers, police
}

/// How the stated number relates to the true one.
public enum Qualifier: String, Sendable, Hashable, Codable, CaseIterable {
    /// The number as stated, with no hedge.
    case exact
    /// "about", "around", "some", "около", "порядка".
    case about
    /// "more than", "at least", "свыше", "не менее".
    case atLeast = "at_least"
    /// "up to", "as high as", "nearly", "не более".
    case atMost = "at_most"
    /// An explicit range: "between 200 and 300", "20-30 тысяч".
    case range
}
