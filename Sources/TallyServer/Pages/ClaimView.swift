import TallyCore
import TallyStore

/// A claim as the pages show it: its figure, what and whom it counts, who said it, the sentence,
/// and the link to that sentence in its document.
struct ClaimView {
    let anchor: String
    let figure: String
    let kind: String
    let who: String
    let place: String?
    let placeHref: String?
    let source: String
    let date: String
    let published: String?
    let evidence: String
    let href: String

    init(_ stored: StoredClaim, _ c: PageRenderer.Context) {
        let claim = stored.claim, language = c.language
        anchor = "claim-\(stored.id)"
        figure = PageStrings.figure(value: claim.quantity.value, high: claim.quantity.valueHigh, qualifier: claim.quantity.qualifier,
                                    vague: claim.quantity.vague, language)
        kind = PageStrings.kind(claim.kind, language)
        who = PageStrings.group(claim.who, language)
        place = claim.place?.name
        placeHref = c.placeHref(name: claim.place?.name, id: claim.place?.geonameID)
        source = claim.source?.name ?? c.t.unattributed
        date = claim.date?.description ?? c.t.unknownDate
        published = stored.published?.description
        evidence = claim.evidence
        href = c.claimHref(doc: claim.doc, claim: stored.id)
    }
}
