import Foundation
import Hummingbird
import HummingbirdTesting
import TallyCore
import TallyServer
import TallyStore
import Testing

/// Direct reports end to end on a live server over a real SQLite file: submitted by the public
/// (JSON and the form), reviewed by an editor (token and browser session with TOTP), counted in
/// the public tallies as case records, "fewer than N" below the threshold, audited.
struct ReportsTests {
    @Test func aReportIsQueuedSealedReviewedAndCounted() async throws {
        try await withCaseServer { client, f in
            let first = try await client.post("/api/v1/reports", json: reportJSON())
            #expect(first.status == .created, "\(first.text)")
            let id = try #require((first.json["id"] as? String).flatMap(Int.init))
            #expect(first.json["status"] as? String == "pending")
            // Sealed at rest: the name is not in the database file in the clear.
            let stored = try #require(try await f.store.report(id: id))
            #expect(stored.name?.hasPrefix("v1:") == true && stored.placeID == 524901)
            let bytes = try Data(contentsOf: URL(fileURLWithPath: f.sample.path)) + ((try? Data(contentsOf: URL(fileURLWithPath: f.sample.path + "-wal"))) ?? Data())
            #expect(bytes.range(of: Data("Anna Petrova".utf8)) == nil)
            #expect(bytes.range(of: Data("+7 900".utf8)) == nil)

            // The same person again: a duplicate the editor sees.
            let second = try await client.post("/api/v1/reports", json: reportJSON(name: "anna petrova"))
            let dup = try #require((second.json["id"] as? String).flatMap(Int.init))
            let queue = try await client.get("/api/v1/reports?status=pending", headers: f.auth(.editor))
            #expect(queue.status == .ok)
            let reports = try #require(queue.json["reports"] as? [[String: Any]])
            #expect(reports.count == 2)
            #expect(reports[0]["name"] as? String == "Anna Petrova" && reports[0]["circumstances"] as? String == "Held at the metro.\nBeaten.")
            #expect(reports[0]["duplicates"] as? [Int] == [dup])

            let verify = try await client.execute(uri: "/api/v1/reports/\(id)/verify", method: .post, headers: f.auth(.editor), body: nil)
            #expect(verify.status == .ok && verify.json["status"] as? String == "verified", "\(verify.text)")
            let merge = try await client.post("/api/v1/reports/\(dup)/merge", json: "{\"into\": \(id)}", headers: f.auth(.editor))
            #expect(merge.status == .ok && merge.json["merged_into"] as? Int == id, "\(merge.text)")
            let again = try await client.execute(uri: "/api/v1/reports/\(id)/reject", method: .post, headers: f.auth(.editor), body: nil)
            #expect(again.status == .conflict && again.errorCode == "conflict")

            // Public tallies: Moscow's case records join its other sources; in Kazan, where they are
            // the only source, one person is "fewer than 5".
            let moscow = try await client.get("/api/v1/tallies?kind=detained&place=Moscow&date=2026-03-14")
            #expect(moscow.text.contains("Tally case records") && !moscow.text.contains("Anna"), "\(moscow.text)")
            let kazan = try await client.post("/api/v1/reports", json: reportJSON(name: "Ivan Ivanov", city: "Kazan"))
            let kazanID = try #require((kazan.json["id"] as? String).flatMap(Int.init))
            _ = try await client.execute(uri: "/api/v1/reports/\(kazanID)/verify", method: .post, headers: f.auth(.editor), body: nil)
            let tallies = try await client.get("/api/v1/tallies?kind=detained&place=Kazan")
            let people = (tallies.json["tallies"] as? [[String: Any]])?.first { $0["who"] as? String == "people" }
            let best = try #require(people?["best"] as? [String: Any], "\(tallies.text)")
            #expect(best["vague"] as? String == "fewer than 5", "\(tallies.text)")
            // The reconciler reads an unknown vague amount as 1 (a true lower bound here, whatever the count).
            #expect(best["value"] as? Int == 1 && best["qualifier"] as? String == "about")
            #expect(best["source"] as? String == "Tally case records")
            let page = try await client.get("/places/551487")
            #expect(page.text.contains("fewer than 5") && !page.text.contains("Ivan"))
            // Viewers see the exact count; the public does not.
            let counts = try await client.get("/api/v1/cases/counts", headers: f.auth(.viewer))
            let rows = try #require(counts.json["counts"] as? [[String: Any]])
            #expect((rows.first?["counts"] as? [String: Int])?["people"] == 1 && (rows.first?["counts"] as? [String: Int])?["journalists"] == 1)
            #expect(try await client.get("/api/v1/cases/counts").status == .unauthorized)
            // No consent, no name in public.
            let named = try await client.get("/api/v1/cases/named")
            #expect(named.status == .ok && !named.text.contains("Anna"))

            let audit = try await client.get("/api/v1/audit?limit=500", headers: f.auth(.admin))
            let actions = (audit.json["entries"] as? [[String: Any]])?.compactMap { $0["action"] as? String } ?? []
            #expect(actions.suffix(6) == ["report.submit", "report.submit", "report.verify", "report.merge", "report.submit", "report.verify"], "\(actions)")
            let export = try await client.get("/api/v1/audit/export", headers: f.auth(.admin))
            #expect(export.status == .ok && export.text.split(separator: "\n").count == actions.count)
            #expect(!export.text.contains("Anna Petrova"))
            let metrics = try await client.get("/metrics")
            #expect(metrics.text.contains("tally_case_reports{status=\"verified\"} 2") && metrics.text.contains("tally_documents "))
        }
    }

    @Test func fiveVerifiedPeopleArePublishedAsAFigureAndConsentingNamesShow() async throws {
        try await withCaseServer(threshold: 3) { client, f in
            for n in 0..<3 {
                let r = try await client.post("/api/v1/reports", json: reportJSON(name: "Person \(n)", city: "Minsk", publish: n == 0))
                let id = try #require((r.json["id"] as? String).flatMap(Int.init))
                _ = try await client.execute(uri: "/api/v1/reports/\(id)/verify", method: .post, headers: f.auth(.editor), body: nil)
            }
            let tallies = try await client.get("/api/v1/tallies?kind=detained&place=Minsk&date=2026-03-14")
            let list = try #require(tallies.json["tallies"] as? [[String: Any]])
            let people = try #require(list.first { $0["who"] as? String == "people" })
            let best = try #require(people["best"] as? [String: Any])
            #expect(best["value"] as? Int == 3 && best["qualifier"] as? String == "at_least" && best["source"] as? String == "Tally case records")
            let named = try await client.get("/api/v1/cases/named")
            #expect((named.json["people"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["Person 0"])
        }
    }

    @Test func theFormNeedsItsCSRFTokenAndIsRateLimited() async throws {
        try await withCaseServer(reportsPerHour: 3) { client, f in
            let form = [("city", "Moscow"), ("date", "2026-03-14"), ("name", "Ivan"), ("categories", "minor"), ("outcomes", "released")]
            let without = try await client.post("/report", form: form)
            #expect(without.status == .forbidden && without.text.contains("CSRF"))
            let (token, cookie) = try await client.csrf()
            let wrong = try await client.post("/report", form: form + [("csrf", "x" + token)], headers: [.cookie: cookie])
            #expect(wrong.status == .forbidden)
            let ok = try await client.post("/report", form: form + [("csrf", token)], headers: [.cookie: cookie])
            #expect(ok.status == .created && ok.text.contains("waits for an editor"), "\(ok.text)")
            let stored = try await f.store.reports(status: .pending, after: nil, limit: 10)
            #expect(stored.count == 1 && stored[0].categories == [.minor] && stored[0].outcomes == [.released])
            // In Russian, by Accept-Language; the answer too.
            let russian = try await client.get("/report", headers: [.acceptLanguage: "ru-RU,ru;q=0.9,en;q=0.5", .cookie: cookie])
            #expect(russian.text.contains("Сообщить о задержании") && russian.text.contains("меньше 5") && russian.text.contains("action=\"/report?lang=ru\""))
            let thanks = try await client.post("/report?lang=ru", form: form + [("csrf", token)], headers: [.cookie: cookie])
            #expect(thanks.status == .created && thanks.text.contains("Сообщение получено"), "\(thanks.text)")
            _ = try await client.post("/api/v1/reports", json: reportJSON())
            let limited = try await client.post("/api/v1/reports", json: reportJSON())
            #expect(limited.status == .tooManyRequests && limited.errorCode == "rate_limited" && limited.headers[.retryAfter] != nil)
        }
    }

    @Test func editorsLogInWithTheirSecondFactorAndReviewInTheBrowser() async throws {
        try await withCaseServer { client, f in
            let editor = try #require(f.logins[.editor])
            let secret = try #require(editor.secret)
            #expect(try await client.login(editor.name, editor.password, code: nil) == nil)
            #expect(try await client.login(editor.name, "wrong password!", code: Accounts.code(secret: secret)) == nil)
            #expect(try await client.login(editor.name, editor.password, code: "000000") == nil || Accounts.code(secret: secret) == "000000")
            let session = try #require(try await client.login(editor.name, editor.password, code: Accounts.code(secret: secret)))
            #expect(!session.csrf.isEmpty)
            let r = try await client.post("/api/v1/reports", json: reportJSON(name: "<script>alert(1)</script>"))
            let id = try #require((r.json["id"] as? String).flatMap(Int.init))
            let review = try await client.get("/review", headers: [.cookie: session.cookie])
            #expect(review.status == .ok && review.text.contains("Report \(id)"))
            #expect(!review.text.contains("<script>alert") && review.text.contains("&lt;script&gt;"))
            // A session's write without its CSRF token is refused; with it, it goes through.
            let forged = try await client.post("/review/\(id)", form: [("decision", "verify")], headers: [.cookie: session.cookie])
            #expect(forged.status == .forbidden)
            let done = try await client.post("/review/\(id)", form: [("decision", "verify"), ("csrf", session.csrf)], headers: [.cookie: session.cookie])
            #expect(done.status == .seeOther, "\(done.text)")
            #expect(try await f.store.report(id: id)?.status == .verified)
            #expect(try await f.store.report(id: id)?.reviewedBy == "user:\(editor.name)")
            // A viewer logs in without a code and cannot review.
            let viewer = try #require(f.logins[.viewer])
            let viewerSession = try #require(try await client.login(viewer.name, viewer.password, code: nil))
            #expect(try await client.get("/review", headers: [.cookie: viewerSession.cookie]).status == .forbidden)
            // A disabled account's session and token stop working.
            _ = try await f.store.setDisabled(true, userNamed: editor.name, actor: "test")
            #expect(try await client.get("/review", headers: [.cookie: session.cookie]).status == .unauthorized)
            #expect(try await client.get("/api/v1/reports", headers: f.auth(.editor)).status == .unauthorized)
        }
    }

    @Test func withoutTheKeyTheServerServesPublicDataOnlyAndSaysWhy() async throws {
        try await withLiveServer { client, _ in
            let post = try await client.post("/api/v1/reports", json: reportJSON())
            #expect(post.status == .serviceUnavailable && post.errorCode == "read_only")
            #expect(post.text.contains("public data only"))
            #expect(try await client.get("/api/v1/tallies").status == .ok)
            #expect(try await client.get("/report").status == .ok)
        }
    }

    @Test func editorsIngestDocumentsThroughTheAPI() async throws {
        try await withCaseServer { client, f in
            let text = "More than 200 people were detained in Kazan on Sunday, according to Civic Monitor."
            let body = "{\"id\": \"kazan-1\", \"lang\": \"en\", \"published\": \"2026-03-16\", \"text\": \"\(text)\"}"
            #expect(try await client.post("/api/v1/documents", json: body).status == .unauthorized)
            #expect(try await client.post("/api/v1/documents", json: body, headers: f.auth(.viewer)).status == .forbidden)
            let posted = try await client.post("/api/v1/documents", json: body, headers: f.auth(.editor))
            #expect(posted.status == .created && posted.json["new"] as? Bool == true, "\(posted.text)")
            #expect((posted.json["claims"] as? Int ?? 0) >= 1)
            let again = try await client.post("/api/v1/documents", json: body, headers: f.auth(.editor))
            #expect(again.json["new"] as? Bool == false)
            #expect(try await client.get("/api/v1/documents/kazan-1").status == .ok)
            #expect(try await client.post("/api/v1/documents", json: "{\"text\": 5}", headers: f.auth(.editor)).status == .badRequest)

            // A page fetched by URL (here this server's own page of a stored report, on loopback).
            let url = "http://127.0.0.1:\(client.port ?? 0)/documents/wire-0315"
            let fetched = try await client.post("/api/v1/documents/fetch", json: "{\"url\": \"\(url)\"}", headers: f.auth(.editor))
            #expect(fetched.status == .created && fetched.json["new"] as? Int == 1, "\(fetched.text)")
            #expect((fetched.json["claims"] as? Int ?? 0) >= 1)
            let missing = try await client.post("/api/v1/documents/fetch", json: "{\"url\": \"http://127.0.0.1:\(client.port ?? 0)/no-such-page\"}",
                                                headers: f.auth(.editor))
            #expect(missing.status == .unprocessableContent && missing.errorCode == "invalid")
            for bad in ["{\"url\": \"file:///etc/passwd\"}", "{\"url\": \"javascript:alert(1)\"}", "{\"url\": 1}", "{}"] {
                #expect(try await client.post("/api/v1/documents/fetch", json: bad, headers: f.auth(.editor)).status == .badRequest, "\(bad)")
            }
            let actions = try await f.store.audit(after: nil, limit: 500).map(\.action)
            #expect(actions.filter { $0 == "document.ingest" }.count == 2 && actions.filter { $0 == "document.fetch" }.count == 1)
        }
    }
}
