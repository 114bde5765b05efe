import Foundation
import Testing
@testable import Bulletin
@testable import BulletinReport

/// `bulletin report`: the annotated pages and the index, first as HTML text, then loaded in headless
/// Chromium and checked through the DOM. Screenshots go to .build/report-screens/.
@Suite(.serialized) struct ReportTests {
    let november = packageRoot.appendingPathComponent("Corpus/qingdao-2019-11-shishi.txt")
    let screens = packageRoot.appendingPathComponent(".build/report-screens")

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The November sample with 29245 made 24245: 104.4% of 2.8万 no longer adds up.
    func plantedError(in folder: URL) throws -> URL {
        let text = try String(contentsOf: november, encoding: .utf8)
        #expect(text.contains("29245"))
        let file = folder.appendingPathComponent("planted.txt")
        try Data(text.replacingOccurrences(of: "29245", with: "24245").utf8).write(to: file)
        return file
    }

    /// The November sample with markup in its title and a sentence: it must stay text.
    func scriptBulletin(in folder: URL) throws -> URL {
        var text = try String(contentsOf: november, encoding: .utf8)
        text = text.replacingOccurrences(of: "进展情况\n", with: "进展情况<script>alert(1)</script>\n", options: [], range: text.range(of: "进展情况\n"))
        text = text.replacingOccurrences(of: "有关情况如下", with: "有关情况如下<script>alert(1)</script><img src=x onerror=\"alert(2)\">")
        let file = folder.appendingPathComponent("script.txt")
        try Data(text.utf8).write(to: file)
        return file
    }

    /// The statuses of the claims in the document's JSON output.
    func jsonClaims(_ file: URL) throws -> [(text: String, status: String)] {
        let extraction = try Extractor().extract(bytes: Array(try Data(contentsOf: file)), path: file.path)
        let json = try JSONSerialization.jsonObject(with: Data(extraction.json().utf8)) as? [String: Any]
        let claims = try #require(json?["claims"] as? [[String: Any]])
        return claims.map { (($0["reported"] as? [String: Any])?["text"] as? String ?? "", $0["status"] as? String ?? "") }
    }

    func report(_ inputs: [URL], into folder: URL) throws {
        let (status, _, err) = try runBulletin(["report"] + inputs.map(\.path) + ["--out", folder.path])
        #expect(status == 0, "\(err)")
    }

    func page(_ folder: URL, _ name: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
    }

    // MARK: The HTML

    @Test func everyClaimHasItsElementWithItsStatus() throws {
        let folder = try temporaryDirectory()
        try report([november], into: folder)
        let html = try page(folder, "qingdao-2019-11-shishi.html")
        let claims = try jsonClaims(november)
        #expect(claims.count > 20)
        for (k, claim) in claims.enumerated() {
            #expect(html.contains("<span class=\"claim \(claim.status)\" id=\"claim-\(k)\" data-claim=\"\(k)\""), "claim \(k) \(claim.text)")
        }
        #expect(!html.contains("Not placed in the text above"))
        #expect(!html.contains("http://") && !html.contains("https://"), "a page loads nothing from the network")
    }

    @Test func markupInTheBulletinStaysText() throws {
        let folder = try temporaryDirectory()
        try report([try scriptBulletin(in: folder)], into: folder)
        let html = try page(folder, "script.html")
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<img"))
        // (The 1 and 2 are quantities, underlined.)
        #expect(html.contains("&lt;script&gt;alert(") && html.contains(")&lt;/script&gt;&lt;img src=x onerror=&quot;alert("))
        #expect(try page(folder, "index.html").contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func escapingCoversEveryMarkupCharacter() {
        #expect(HTML.escape("<a href=\"x\" title='y'>&</a>") == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(HTML.text("td", ["title": "\"><script>"], "</td>") == "<td title=\"&quot;&gt;&lt;script&gt;\">&lt;/td&gt;</td>")
    }

    @Test func anHTMLTableIsShownAsATableWithItsSpans() throws {
        let file = packageRoot.appendingPathComponent("Corpus/songlin-2023-q3-rowspan-table.html")
        let source = try SourceText(bytes: Array(try Data(contentsOf: file)), path: file.path)
        let extraction = Extractor().extract(source)
        let table = try #require(extraction.tables.first)
        #expect(table.headerRows >= 1)
        #expect(table.rows.joined().contains { $0.rows > 1 })
        let html = ReportWriter().documentPage(extraction, text: source.original)
        #expect(html.contains("<table><thead><tr><th"))
        #expect(html.contains("rowspan=\""))
        // The claims of the table's rows are marked inside its cells.
        let body = try #require(html.range(of: "<tbody>").map { String(html[$0.upperBound...]) })
        let cells = body.components(separatedBy: "</tbody>")[0]
        let inTable = extraction.claims.indices.filter { table.span.start <= extraction.claims[$0].reported.span.start
            && extraction.claims[$0].reported.span.end <= table.span.end }
        #expect(!inTable.isEmpty)
        #expect(inTable.allSatisfy { cells.contains("id=\"claim-\($0)\"") })
    }

    /// The title is the page's one heading: the article's own (with its marks) when the text has
    /// one, else the header's, named by the file.
    @Test func theTitleIsShownOnce() throws {
        func page(_ text: String) throws -> (String, Extraction) {
            let source = try SourceText(bytes: Array(text.utf8), path: "notes/bulletin.txt")
            let extraction = Extractor().extract(source)
            return (ReportWriter().documentPage(extraction, text: source.original), extraction)
        }
        let (titled, extraction) = try page("某区2024年民生实事项目上半年进展情况\n一、城乡建设\n1.改造老旧小区40个,已完成26个,占年计划的65%。\n")
        #expect(extraction.title == "某区2024年民生实事项目上半年进展情况")
        #expect(titled.components(separatedBy: "<h1").count - 1 == 1)
        #expect(titled.contains("<h1 class=\"doc-title\">"))
        let (untitled, bare) = try page("改造老旧小区40个,已完成26个,占年计划的65%。\n")
        #expect(bare.title == nil)
        #expect(untitled.components(separatedBy: "<h1").count - 1 == 1)
        #expect(untitled.contains("<h1>notes/bulletin.txt</h1>"))
    }

    @Test func aTextTableIsShownAsATableUnlessThatWouldDropText() throws {
        let pipes = packageRoot.appendingPathComponent("Corpus/lanshan-2023-h1-pipe-table.txt")
        let source = try SourceText(bytes: Array(try Data(contentsOf: pipes)), path: pipes.path)
        let extraction = Extractor().extract(source)
        #expect(!extraction.tables.isEmpty)
        #expect(extraction.tables.allSatisfy { DocumentBlocks.isShownWhole($0, text: source.original) })
        #expect(ReportWriter().documentPage(extraction, text: source.original).contains("<table>"))
        // A page-number line inside a table (— 2 —) is text the cells do not hold: shown as lines.
        let spaced = packageRoot.appendingPathComponent("Corpus/yunfeng-2023-h1-spaced-table.txt")
        let paged = try SourceText(bytes: Array(try Data(contentsOf: spaced)), path: spaced.path)
        let split = Extractor().extract(paged)
        #expect(split.tables.contains { !DocumentBlocks.isShownWhole($0, text: paged.original) })
        #expect(ReportWriter().documentPage(split, text: paged.original).contains("— 2 —"))
    }

    @Test func theIndexHasARowPerDocumentAndAChartPerSeries() throws {
        let folder = try temporaryDirectory()
        let series = packageRoot.appendingPathComponent("Tests/Fixtures/series")
        try report([series], into: folder)
        let index = try page(folder, "index.html")
        for month in ["08", "09", "10"] {
            #expect(index.contains("<a href=\"liuting-2024-\(month)-shishi.html\">"))
        }
        #expect(index.components(separatedBy: "<figure class=\"series\">").count - 1 == 3)
        // The September fixture's changed target is a flagged reading, drawn red with its reason.
        #expect(index.contains("dot-actual flagged") || index.contains("class=\"flags\""))
        #expect(index.contains("#claim-"))
    }

    @Test func pageNamesAreUniqueAndSafe() {
        #expect(ReportWriter.pageNames(["a/x.txt", "b/x.txt", "c/index.html", "d/a b#?.txt"])
            == ["x.html", "x-2.html", "index-2.html", "a-b--.html"])
    }

    @Test func unusableInputsAreReportedAndTheRestWritten() throws {
        let folder = try temporaryDirectory()
        let pdf = folder.appendingPathComponent("report.txt")
        try Data("%PDF-1.4\n%\u{00E2}\u{00E3}\n1 0 obj\n".utf8 + [0, 0, 0xFF]).write(to: pdf)
        let (status, _, err) = try runBulletin(["report", november.path, pdf.path, "--out", folder.appendingPathComponent("out").path])
        #expect(status == 2)
        #expect(err.contains("report.txt"), "\(err)")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out/qingdao-2019-11-shishi.html").path))
    }

    // MARK: In the browser

    @Test func theBrowserShowsEveryClaimAndExplainsTheInconsistentOne() throws {
        let chromium = try #require(Chromium.find(), Comment(rawValue: Chromium.missing))
        let folder = try temporaryDirectory()
        let planted = try plantedError(in: folder)
        try report([november, planted], into: folder)
        for (file, page) in [(november, "qingdao-2019-11-shishi.html"), (planted, "planted.html")] {
            let url = URL(string: folder.appendingPathComponent(page).absoluteString + "#selftest")!
            let run = try chromium.dumpDOM(url)
            #expect(run.console.isEmpty, "\(run.console)")
            let result = try #require(Chromium.selftestResult(run.dom), "no self-test result in \(page)")
            let shown = try #require(result["claims"] as? [[String: Any]])
            let claims = try jsonClaims(file)
            #expect(shown.count == claims.count)
            for (k, claim) in claims.enumerated() {
                let element = shown.first { $0["index"] as? Int == k }
                #expect(element?["status"] as? String == claim.status, "claim \(k) of \(page)")
                #expect(element?["text"] as? String == claim.text, "claim \(k) of \(page)")
            }
        }
        // In the planted copy, clicking the inconsistent claim opens its reason and outlines its figures.
        let run = try chromium.dumpDOM(URL(string: folder.appendingPathComponent("planted.html").absoluteString + "#selftest")!)
        let result = try #require(Chromium.selftestResult(run.dom))
        let clicked = try #require(result["clicked"] as? Int)
        #expect(try jsonClaims(planted)[clicked].status == "inconsistent")
        let panel = try #require(result["panel"] as? String)
        #expect(panel.contains("24245 / 28000 = 86.59%; rounding allows 85.07–88.17, but 104.4% is reported"))
        #expect(panel.contains("heading") && panel.contains("confidence".capitalized) && panel.contains("high"))
        #expect(Set(result["outlined"] as? [String] ?? []) == ["24245套(户)", "2.8万套(户)"])
        // n, n, p: the two problems (the failed check and the claim) in turn, then back.
        let steps = result["steps"] as? [String] ?? []
        #expect(steps.count == 3 && steps[0] != steps[1] && steps[2] == steps[0], "\(steps)")
        #expect(result["problems"] as? Int == 2)
        _ = try chromium.screenshot(URL(string: folder.appendingPathComponent("planted.html").absoluteString + "#open-claim-\(clicked)")!,
                                    to: screens.appendingPathComponent("planted.png"), height: 1300)
        _ = try chromium.screenshot(URL(string: folder.appendingPathComponent("planted.html").absoluteString + "#open-claim-\(clicked)")!,
                                    to: screens.appendingPathComponent("planted-phone.png"), width: 390, height: 844)
        _ = try chromium.screenshot(folder.appendingPathComponent("qingdao-2019-11-shishi.html"), to: screens.appendingPathComponent("november.png"))
        #expect(FileManager.default.fileExists(atPath: screens.appendingPathComponent("planted.png").path))
    }

    @Test func aBulletinWithAScriptRunsNoScript() throws {
        let chromium = try #require(Chromium.find(), Comment(rawValue: Chromium.missing))
        let folder = try temporaryDirectory()
        try report([try scriptBulletin(in: folder)], into: folder)
        let run = try chromium.dumpDOM(URL(string: folder.appendingPathComponent("script.html").absoluteString + "#selftest")!)
        let result = try #require(Chromium.selftestResult(run.dom))
        #expect(result["alerted"] as? Bool == false)
        #expect(!run.dom.contains("data-alerted=\"yes\""))
        #expect(result["images"] as? Int == 0)
        #expect(result["scripts"] as? Int == 2, "only the page's own two scripts")
        #expect((result["text"] as? String)?.contains("有关情况如下<script>alert(1)</script><img src=x onerror=\"alert(2)\">") == true,
                "the markup is shown as text")
        #expect(run.console.isEmpty, "\(run.console)")
        // The probe itself works: a page whose script does call alert() is caught.
        let probe = folder.appendingPathComponent("probe.html")
        try Data(try page(folder, "script.html").replacingOccurrences(of: "<main>", with: "<main><script>alert(1)</script>").utf8).write(to: probe)
        let caught = try chromium.dumpDOM(URL(string: probe.absoluteString + "#selftest")!)
        #expect(caught.dom.contains("data-alerted=\"yes\""))
    }

    @Test func everyCorpusPageOpensWithoutConsoleErrors() throws {
        let chromium = try #require(Chromium.find(), Comment(rawValue: Chromium.missing))
        let folder = try temporaryDirectory()
        let corpus = packageRoot.appendingPathComponent("Corpus")
        let series = packageRoot.appendingPathComponent("Tests/Fixtures/series")
        try report([corpus, series], into: folder)
        let run = try chromium.dumpDOM(URL(string: folder.appendingPathComponent("index.html").absoluteString + "#selftest")!, budget: 60000)
        let result = try #require(Chromium.selftestResult(run.dom), "the index did not finish loading its pages")
        let documents = corpusTexts().count + 3
        #expect(result["documents"] as? Int == documents)
        #expect(result["loaded"] as? Int == documents)
        #expect((result["sorted"] as? [String])?.count == documents)
        #expect((result["charts"] as? Int ?? 0) >= 3)
        #expect(run.console.isEmpty, "\(run.console)")
        _ = try chromium.screenshot(folder.appendingPathComponent("index.html"), to: screens.appendingPathComponent("index.png"))
        let seriesOnly = try temporaryDirectory()
        try report([series], into: seriesOnly)
        _ = try chromium.screenshot(seriesOnly.appendingPathComponent("index.html"), to: screens.appendingPathComponent("series.png"), height: 700)
        // The console is really read: a page that throws is heard.
        let broken = folder.appendingPathComponent("broken.html")
        try Data("<!DOCTYPE html><p>x</p><script>undefinedFunction();</script>".utf8).write(to: broken)
        #expect(try chromium.dumpDOM(broken).console.contains { $0.contains("undefinedFunction") })
    }
}
