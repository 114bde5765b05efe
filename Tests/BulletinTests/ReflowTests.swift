import Testing
@testable import Bulletin

/// Text converted from PDF: paragraphs wrapped at the page's width and spaces around numbers.
struct ReflowTests {
    func normalised(_ text: String) -> String {
        String(String.UnicodeScalarView(LayoutReader(source: SourceText(text: text), grammar: .builtIn).source.chars))
    }

    /// What must not change between a text and its PDF conversion: quantities, claims, checks.
    func essence(_ e: Extraction) -> [String] {
        e.quantities.map { "\($0.value)\($0.unit) \($0.approx)" }
            + e.claims.map { "\($0.section ?? 0).\($0.item ?? 0) \($0.reported.value) \($0.reported.basis) \($0.actual?.value ?? -1)/\($0.target?.value ?? -1) \($0.status)" }
            + e.checks.map { "\($0.rule) \($0.status)" }
    }

    /// Corpus/dongchuan-2021-10-shishi-pdftotext.txt is Corpus/dongchuan-2021-10-shishi-errors.txt
    /// printed to PDF by LibreOffice and converted back with pdftotext.
    @Test func pdfConversionExtractsLikeTheText() throws {
        let text = try Extractor().extract(bytes: packageFile("Corpus/dongchuan-2021-10-shishi-errors.txt"), path: "a")
        let pdf = try Extractor().extract(bytes: packageFile("Corpus/dongchuan-2021-10-shishi-pdftotext.txt"), path: "b")
        #expect(essence(pdf) == essence(text))
        #expect(pdf.sections.count == text.sections.count)
        #expect(pdf.publisher == text.publisher)
        #expect(pdf.summary.claims.inconsistent == 1)
    }

    static let wrapped = """
        一、就业创业
        1、就业创业：发放创业担保贷款 1285 万元，扶持 126 人自主创业；全年新增城镇就业 6840 人，完成年度
        目标 6000 人的 114%，城镇登记失业率控制在 3.2%以内。
        2、教育提升：投资 868 万元，完成第三中学、实验小学东校区塑胶操场改造；分别投资 96 万元和 74.5 万
        元，为育才幼儿园、城南幼儿园增设户外活动场地，其中 2 处已投入使用，剩余 1 处正在施工，预计年底
        前完工。
        二、存在的问题

        """

    @Test func wrappedLinesAreJoined() {
        #expect(normalised(Self.wrapped) == """
            一、就业创业
            1、就业创业:发放创业担保贷款1285万元,扶持126人自主创业;全年新增城镇就业6840人,完成年度目标6000人的114%,城镇登记失业率控制在3.2%以内。
            2、教育提升:投资868万元,完成第三中学、实验小学东校区塑胶操场改造;分别投资96万元和74.5万元,为育才幼儿园、城南幼儿园增设户外活动场地,其中2处已投入使用,剩余1处正在施工,预计年底前完工。
            二、存在的问题

            """)
        let e = extract(Self.wrapped)
        #expect(e.claims.first?.target?.text == "6000 人")
        #expect(e.claims.first?.status == .consistent)
        // Spans still quote the original, line break and spaces included.
        #expect(e.quantities.first { $0.value == 745000 }?.text == "74.5 万\n元")
    }

    /// A page break inside a wrapped paragraph: the page number and the form feed are left out,
    /// and the paragraph reads on.
    @Test func pageNumbersBetweenPages() {
        let text = Self.wrapped.replacingOccurrences(of: "完成年度\n目标", with: "完成年度\n— 2 —\n\u{0C}目标")
            + "第 3 页 共 5 页\n\u{0C}三、意见和建议\n"
        let e = extract(text)
        #expect(!e.quantities.contains { $0.unit.isEmpty })  // no bare numbers: the page numbers are gone
        #expect(e.claims.first?.target?.text == "6000 人")
        #expect(e.claims.first?.status == .consistent)
        #expect(e.sections.map(\.title) == ["就业创业", "存在的问题", "意见和建议"])
        #expect(normalised("1.完成5项。\n- 12 -\n2.完成6项。\n") == "1.完成5项。\n2.完成6项。\n")
    }

    /// Lines of ordinary length are never joined, and a document with numbers set off by spaces
    /// only here and there (an inline table) keeps them.
    @Test func ordinaryTextIsLeftAlone() {
        let text = "一、公交\n1.新辟线路12条。\n城关镇 青溪镇 合计\n年度目标 3 5 8\n实际完成 2 3 5\n二、充电桩\n"
        #expect(normalised(text) == text)
        // One paragraph per line, of varied lengths: the text is not wrapped, so a line without a
        // full stop stays a line of its own.
        func words(_ n: Int) -> String { String(repeating: "全市上下认真贯彻落实各项决策部署", count: n) }
        let paragraphs = [words(1) + "。", words(3), words(2) + "。", "2.新辟线路12条。", words(4) + "。"].joined(separator: "\n")
        #expect(normalised(paragraphs) == paragraphs)
    }
}
