import TallyCore

/// A figure in a sentence on its way to becoming a claim.
struct Candidate {
    /// Token range of the figure (for a vague amount, of its words).
    var first: Int
    var last: Int
    var value: Int?
    var valueHigh: Int?
    var vague: String?
    var qualifier: Qualifier = .exact
    var who: Group = .people
    /// Whether a head noun said who ("33 minors"); a bare figure needs a nearby trigger.
    var hasHead = false
    /// The head noun implies a kind ("800,000 marchers").
    var nounKind: ClaimKind?
    var kind: ClaimKind?
    /// "100 each in Moscow and St Petersburg", "по 20 человек": one claim per place.
    var distributive = false
    /// "one of the detainees": the kind must come from a verb, not from the noun.
    var partitive = false
    var implicit = false
    /// "the victim was pronounced dead": a definite singular, trusted only for deaths.
    var definite = false
    /// Index of the token where the head noun starts, when there is one.
    var headToken: Int?
    /// The first word of the trigger that gave the kind ("shot", "wounded", "задержали").
    var trigger: String?
}
