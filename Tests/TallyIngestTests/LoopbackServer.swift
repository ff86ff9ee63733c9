import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP server on 127.0.0.1 and a free port, serving fixed routes, for fetch tests.
final class LoopbackServer: Sendable {
    struct Route: Sendable {
        var status: HTTPResponseStatus = .ok
        var contentType = "text/html; charset=utf-8"
        var body: [UInt8]
        /// Seconds to wait before answering.
        var delay: Int64 = 0
    }

    let group: MultiThreadedEventLoopGroup
    let channel: any Channel
    let port: Int

    init(routes: [String: Route]) async throws {
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline().flatMap {
                    channel.pipeline.addHandler(Handler(routes: routes))
                }
            }
        channel = try await bootstrap.bind(host: "127.0.0.1", port: 0).get()
        port = channel.localAddress!.port!
    }

    var base: String { "http://127.0.0.1:\(port)" }

    func stop() async throws {
        try await channel.close()
        try await group.shutdownGracefully()
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let routes: [String: Route]
        init(routes: [String: Route]) { self.routes = routes }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head(let head) = unwrapInboundIn(data) else { return }
            let route = routes[head.uri] ?? Route(status: .notFound, contentType: "text/plain", body: Array("not found".utf8))
            let respond = {
                var headers = HTTPHeaders()
                headers.add(name: "Content-Type", value: route.contentType)
                headers.add(name: "Content-Length", value: String(route.body.count))
                context.write(self.wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: route.status, headers: headers))), promise: nil)
                context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: route.body)))), promise: nil)
                context.writeAndFlush(self.wrapOutboundOut(.end(nil)), promise: nil)
            }
            if route.delay > 0 {
                context.eventLoop.assumeIsolated().scheduleTask(in: .seconds(route.delay)) { respond() }
            } else {
                respond()
            }
        }
    }
}
