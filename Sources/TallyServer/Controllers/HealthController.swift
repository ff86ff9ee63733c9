import Hummingbird

/// `/healthz`: answers 200 with a tiny JSON body while the process serves requests.
///
/// Used by load balancers and by `scripts` that wait for the server to come up.
struct HealthController {
    /// The health body; a struct so the JSON shape is typed.
    struct Health: ResponseEncodable {
        let status: String
    }

    /// Registers `GET /healthz`.
    func addRoutes(to router: Router<TallyRequestContext>) {
        router.get("healthz") { _, _ -> Health in
            Health(status: "ok")
        }
    }
}
