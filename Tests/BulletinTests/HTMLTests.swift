import Foundation
import Testing
@testable import Bulletin

/// Saved HTML pages: reduced to the plain text of the article, which spans then point into.
struct HTMLTests {
    func plain(_ html: String) -> String {
        String(String.UnicodeScalarView(HTMLText.read(Array(html.unicodeScalars), words: HTMLText.Words(.builtIn)).text))
    }

    @Test func recognisesPages() {
        for page in ["<!DOCTYPE html><html>", "\u{FEFF}  <html lang=zh>", "<HEAD><title>x</title>", "<div>x</div><body>", "<?xml version=\"1.0\"?>\n<!DOCTYPE html>", "<!-- saved from url -->\n<html>",
                     // A mark after a space joins it into one whitespace character, which is skipped.
                     " \u{301}<html>"] {
            #expect(HTMLText.looksLikeHTML(Array(page.unicodeScalars)), "\(page)")
        }
        for text in ["一、就业方面", "<1>完成5项", "完成率<95%", "\u{FEFF}\n 2019年<html>", "Report <html>"] {
            #expect(!HTMLText.looksLikeHTML(Array(text.unicodeScalars)), "\(text)")
        }
    }

    @Test func tagsEntitiesAndBlocks() {
        let html = """
            <html><head><title>关于实事进展的通报_某市人民政府</title><script>var s = "<p>完成99%</p>";</script>
            <style>p { color: red }</style></head><body>
            <p>关于实事进展的通报</p><p>开展&ldquo;春风行动&rdquo;&nbsp;26场，&#20013;&#x4E2D;&amp;&lt;&gt;&unknown;</p>
            <!-- 注释：完成88% --><div>第一行<br/>第二行</div>
            <table><tr><td>序号</td><td>项目</td></tr><tr><td>1</td><td><p>新建道路</p></td></tr></table>
            </body></html>
            """
        #expect(plain(html) == "关于实事进展的通报\n开展“春风行动” 26场，中中&<>&unknown;\n第一行\n第二行\n序号\n项目\n1\n新建道路\n")
    }

    /// Page chrome (a nav, a footer, a breadcrumb or share bar named by its class) stays in the
    /// plain text on lines of its own; the Layout stage takes it for boilerplate, so its figures
    /// are no quantities and its first line is no title.
    @Test func chromeIsBoilerplate() throws {
        let html = """
            <html><body><div class="top-nav"><a>首页</a>今年完成88%</div><nav>政务公开</nav>
            <div id="breadcrumb">当前位置：首页</div><div class="article"><p>正文完成5项。</p>
            <span class="share">分享到</span></div><footer>访问量12345次</footer><form><p>完成7项。</p></form></body></html>
            """
        #expect(plain(html) == "首页今年完成88%\n政务公开\n当前位置：首页\n正文完成5项。\n分享到\n访问量12345次\n完成7项。\n")
        let source = try SourceText(bytes: Array(html.utf8), path: "page.html")
        let layout = LayoutReader(source: source, grammar: .builtIn).read()
        #expect(layout.lines.map { source.text($0.range) } == ["正文完成5项。", "完成7项。"])
        #expect(layout.boilerplate.count == 5)
        let e = Extractor().extract(source)
        #expect(e.quantities.map(\.text) == ["5项", "7项"])
        #expect(e.title == nil)
    }

    @Test func titleOnlyWhenTheArticleHasNone() {
        #expect(plain("<html><head><title>某市2021年实事进展_某市人民政府</title></head><body><p>完成5项。</p></body></html>")
            == "某市2021年实事进展\n完成5项。\n")
        #expect(plain("<html><head><title>某市人民政府</title></head><body><h1>实事进展</h1><p>完成5项。</p></body></html>")
            == "实事进展\n完成5项。\n")
        #expect(plain("<html><head><title>2021-2022年实事进展 - 某市人民政府</title></head><body><p>完成5项。</p></body></html>")
            == "2021-2022年实事进展\n完成5项。\n")
    }

    /// A line break in the page source is a space, except between two Chinese characters (as
    /// browsers render it).
    @Test func sourceLineBreaks() {
        #expect(plain("<html><body><p>扶持创业\n   1142人，返乡\n   创业</p></body></html>") == "扶持创业 1142人，返乡创业\n")
    }

    @Test func pageExtractsFromItsPlainText() throws {
        let html = "<html><head><meta charset=gbk><title>x</title></head><body><h1>某市实事进展情况</h1>"
            + "<p>一、就业（新增城镇就业2.2万人）</p><p>1.就业方面。新增城镇就业1.31万人，完成年计划的59.5%。</p></body></html>"
        let bytes = try ICU.encode(html, as: "GB18030")
        let source = try SourceText(bytes: bytes, path: "page.html")
        #expect(source.encoding == "GB18030 (HTML)")
        let text = String(String.UnicodeScalarView(source.original))
        #expect(text == "某市实事进展情况\n一、就业（新增城镇就业2.2万人）\n1.就业方面。新增城镇就业1.31万人，完成年计划的59.5%。\n")
        let e = Extractor().extract(source)
        #expect(e.title == "某市实事进展情况")
        #expect(e.claims.map(\.status) == [.consistent])
        // Spans point into the plain text.
        let claim = try #require(e.claims.first)
        #expect(Array(text.unicodeScalars)[claim.reported.span.start..<claim.reported.span.end].map(String.init).joined() == "59.5%")
    }

    @Test func pageWithNoTextIsRefused() {
        #expect(throws: InputError.notText(reason: "an HTML page with no text", line: nil)) {
            try SourceText(bytes: Array("<html><head><script>x()</script></head><body> </body></html>".utf8), path: "x")
        }
    }

    /// A repair made while decoding names the line of the page's file, not of the plain text.
    @Test func decodingDiagnosticsNameTheLineOfThePage() throws {
        let bytes = Array("<html>\n<body>\n<p>完成5项".utf8) + [0xFF] + Array("。</p>\n</body></html>".utf8)
        let e = try Extractor().extract(bytes: bytes, path: "x")
        #expect(e.diagnostics.map(\.message) == ["line 3: invalid UTF-8 (bytes FF) replaced with U+FFFD"])
        #expect(e.diagnostics.first?.span == nil)
    }
}
