public import Hummingbird
public import NIOCore

/// The request context of every Tally route: Hummingbird's core, the client's address (for rate
/// limits only: never logged) and the account the request was made with, if any.
public struct TallyRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?
    /// Set by `AuthenticationMiddleware` from a session cookie or a bearer token.
    var account: Account?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
