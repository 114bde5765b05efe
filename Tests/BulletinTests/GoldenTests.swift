import Foundation
import Testing
@testable import Bulletin

/// Each `Corpus/NAME.txt` (or `NAME.html`) must extract to exactly `Corpus/NAME.expected.json`. After a change that
/// alters output on purpose, run `Scripts/update-golden` and review the diff line by line.
@Test(arguments: corpusTexts())
func goldenOutput(_ path: String) throws {
    let expectedPath = goldenPath(of: path)
    let expected = String(decoding: try packageFile(expectedPath), as: UTF8.self)
    let actual = try Extractor().extract(bytes: try packageFile(path), path: path).json() + "\n"
    if actual != expected {
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
        Issue.record("""
            \(path) differs from \(expectedPath) at line \(line + 1):
              expected: \(line < e.count ? String(e[line]) : "<end>")
              actual:   \(line < a.count ? String(a[line]) : "<end>")
            Run Scripts/update-golden if the change is intended, and review the diff.
            """)
    }
}

@Test func corpusHasGoldenFiles() {
    #expect(corpusTexts().count >= 2)
}

/// Spans are code point offsets into the decoded original: text[start:end] is the quoted text.
@Test(arguments: corpusTexts())
func spansQuoteTheOriginal(_ path: String) throws {
    let source = try SourceText(bytes: try packageFile(path), path: path)
    let extraction = Extractor().extract(source)
    func quoted(_ span: Span) -> String { String(String.UnicodeScalarView(source.original[span.start..<span.end])) }
    for q in extraction.quantities { #expect(quoted(q.span) == q.text) }
    for c in extraction.claims {
        #expect(quoted(c.reported.span) == c.reported.text)
        if let a = c.actual { #expect(quoted(a.span) == a.text) }
        #expect(quoted(c.reported.phraseSpan).hasSuffix(c.reported.text))
    }
    for s in extraction.sections { #expect(quoted(s.span).contains(s.title)) }
}

/// The November sample, as the issue's acceptance describes it.
@Test func novemberSample() throws {
    let path = "Corpus/qingdao-2019-11-shishi.txt"
    let result = try Extractor().extract(bytes: try packageFile(path), path: path)
    #expect(result.sections.count == 10)
    #expect(result.sections.flatMap(\.items).count == 27)
    #expect(result.claims.count == 29)
    let plan = result.claims.filter { $0.reported.basis == .plan }
    #expect(plan.count == 27)
    #expect(result.claims.filter { $0.reported.basis == .share }.count == 1)
    #expect(result.claims.filter { $0.reported.basis == .rate }.count == 1)
    let fromHeading = plan.filter { $0.targetSource == "heading" }
    #expect(fromHeading.count == 17)
    #expect(fromHeading.allSatisfy { $0.status == .consistent })
    let unverifiable = plan.filter { $0.status == .unverifiable }
    #expect(Set(unverifiable.compactMap(\.item)) == [6, 8, 17, 21])
    #expect(unverifiable.count == 10)
    #expect(unverifiable.allSatisfy { $0.impliedTarget != nil })
    #expect(result.checks.filter { $0.rule == "impliedTargetsSum" }.map(\.status) == [.pass])
    #expect(result.checks.filter { $0.rule == "preambleCount" }.map(\.status) == [.pass, .pass])
    #expect(!result.hasFailures)
}
