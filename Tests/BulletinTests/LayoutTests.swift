import Testing
@testable import Bulletin

/// Layout rules found on pages of other cities: tables that carry on the items' numbering,
/// headings with several targets, 其中 followed by an unrelated amount.
struct LayoutTests {
    static let tableAfterItems = """
        一、就业（新增城镇就业2.2万人）
        1.就业方面。新增城镇就业1.31万人，完成年计划的59.5%。
        二、其他项目
        序号
        项目
        进展情况
        2
        新建公共停车泊位5000个
        已建成公共停车泊位3850个，完成年度目标的77%。
        3
        新建农村公路100公里
        已建成农村公路62公里，完成年度目标的56%。

        """

    @Test func tableRowsCarryOnTheItemsNumbering() {
        let e = extract(Self.tableAfterItems)
        #expect(e.sections.map { $0.items.map(\.number) } == [[1], [2, 3]])
        // Row numbers are markers, not quantities.
        #expect(!e.quantities.contains { $0.text == "2" || $0.text == "3" })
        let numbering = e.checks.filter { $0.rule == "numbering" }
        #expect(numbering.map(\.status) == [.pass, .pass, .pass])
        #expect(numbering.last?.message == "items table: 2 numbered 2–3 in order, after the items before them")
        #expect(e.claims.map(\.status) == [.consistent, .consistent, .inconsistent])
    }

    @Test func aTableStartingLaterWithNothingBeforeIsAGap() {
        let e = extract("序号\n项目\n进展情况\n3\n新建道路100公里\n已建成62公里，完成年度目标的62%。\n")
        #expect(e.items.map(\.number) == [3])
        #expect(e.checks.first { $0.rule == "numbering" }?.message == "items table: starts at 3")
    }

    /// An item's label clause (老旧小区改造方面) shares every word with the item and states no
    /// amount: the target is the heading clause that does.
    @Test func headingClauseWithAnAmountWinsOverTheLabel() {
        let e = extract("""
            一、城市建设（改造老旧小区45个，新建改造城市道路30公里）
            1.老旧小区改造方面。已开工改造老旧小区38个，占年计划的84.4%。

            """)
        #expect(e.claims.first?.target?.text == "45个")
        #expect(e.claims.first?.status == .consistent)
    }

    /// 其中竣工5所，新增学位1650个: the 学位 are not part of the 12所, and 1650个 takes its
    /// target from the heading.
    @Test func breakdownStopsAtAnAmountOfAnotherKind() {
        let e = extract("""
            二、教育（新建幼儿园12所，新增学位3600个）
            3.学前教育方面。已开工幼儿园12所，其中竣工5所，新增学位1650个，完成年计划的45.8%。

            """)
        let breakdown = e.checks.first { $0.rule == "breakdownSum" }
        #expect(breakdown?.message == "part 5所 is within the total 12所")
        #expect(e.claims.first?.partOf == nil)
        #expect(e.claims.first?.target?.text == "3600个")
        #expect(e.claims.first?.status == .consistent)
    }
}

/// Phrasings from statistical reports: a basis after the percentage, a set named before the
/// clause that reports on one of its members, programmes named by a number of years.
struct PhrasingTests {
    @Test func basisAfterThePercentage() {
        let e = extract("4个结构性指标均实现10%以上增长;民间投资实现5.2%的下降。\n")
        #expect(e.claims.map(\.reported.basis) == [.growth, .growth])
        #expect(e.claims.map(\.reported.signedValue) == [10, -5.2])
        // 均: the 4 indicators each grew; 4个 is not what grew.
        #expect(e.claims.first?.actual == nil)
    }

    @Test func aSetNamedBeforeIsNotTheActual() {
        let e = extract("4个结构性指标中,生态环保投资增长12.5%。\n完成投资88.7亿元,同比增长15.3%。\n")
        #expect(e.claims.map { $0.actual?.text } == [nil, "88.7亿元"])
    }

    @Test func programmeNamesAreNotAmounts() {
        let e = extract("启动基层特色专科建设三年行动计划,编制五年规划,完成3年任务。\n")
        #expect(e.quantities.map(\.text) == ["3年"])
    }
}
