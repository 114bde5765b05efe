import Testing
@testable import Bulletin

/// Progress tables in every shape become claims through the Layout stage; total rows are checked.
struct TableTests {
    /// Header cells and the role `Grammar/tables.tsv` gives them.
    @Test(arguments: [
        ("目标任务", Table.Role.target), ("年度计划(万元)", .target), ("工作目标", .target),
        ("进度", .actual), ("已完成数", .actual), ("1-8月实际完成情况", .actual), ("累计完成", .actual),
        ("完成比例(%)", .ratio(.plan)), ("占年任务之比", .ratio(.plan)), ("完成目标(%)", .ratio(.plan)),
        ("完成率", .ratio(.rate)), ("1-8月实际完成率%", .ratio(.rate)), ("开工率", .ratio(.rate)),
        ("序号", .number), ("地区", .label), ("新开工小区数(个)", .other), ("失业率低于(%)", .other),
        ("单位", .unit), ("责任单位", .other),
    ])
    func headerRoles(_ header: String, _ role: Table.Role) {
        let source = SourceText(text: header)
        let reader = TableReader(source: source, grammar: .builtIn, lines: [0..<source.chars.count])
        #expect(reader.role(of: 0..<source.chars.count) == role, "\(header)")
    }

    /// The 完成情况表 of the issue, flattened one cell per line with blank lines between: two
    /// indicators under group headers, 目标任务 broken over two lines, ratios without %.
    static let minsheng = """
        地区

        城镇新增就业(人)

        城镇失业人员再就业(人)

        目标
        任务

        进度

        完成比例(%)

        目标
        任务

        进度

        完成比例(%)

        全市

        27800

        52242

        187.9

        6500

        7020

        108.0

        东坡区

        15000

        28600

        190.7

        3500

        3850

        110.0

        彭山区

        12800

        23642

        184.7

        3000

        3170

        105.7

        """

    @Test func groupedTableGivesAClaimPerRowAndIndicator() {
        let e = extract(Self.minsheng)
        #expect(e.claims.count == 6)
        #expect(e.claims.allSatisfy { $0.status == .consistent && $0.targetSource == "table" })
        #expect(e.claims.map(\.subject) == ["城镇新增就业 · 全市", "城镇失业人员再就业 · 全市", "城镇新增就业 · 东坡区",
                                            "城镇失业人员再就业 · 东坡区", "城镇新增就业 · 彭山区", "城镇失业人员再就业 · 彭山区"])
        #expect(e.claims[0].rules == ["basis:header(完成比例(%))", "target:column(目标任务)", "actual:column(进度)"])
        #expect(e.checks.filter { $0.rule == "breakdownSum" }.map(\.status) == [.pass, .pass, .pass, .pass])
    }

    @Test func aWrongTotalRowFails() {
        let e = extract(Self.minsheng.replacingOccurrences(of: "52242", with: "53242"))
        let sums = e.checks.filter { $0.rule == "breakdownSum" }
        #expect(sums.map(\.status) == [.pass, .fail, .pass, .pass])
        #expect(sums[1].message.contains("2 rows add up to 52242"))
    }

    /// Rows one per line, cells between spaces, pipes or tabs; the header repeated on a new page.
    @Test(arguments: [
        "序号 地区 目标任务 完成 完成率\n1 东区 200 150 75%\n2 西区 100 90 90%\n合计 300 240 80%\n",
        "| 序号 | 地区 | 目标任务 | 完成 | 完成率 |\n|---|---|---|---|---|\n| 1 | 东区 | 200 | 150 | 75% |\n| 2 | 西区 | 100 | 90 | 90% |\n| | 合计 | 300 | 240 | 80% |\n",
        "序号\t地区\t目标任务\t完成\t完成率\n1\t东区\t200\t150\t75%\n\n— 2 —\n\n序号\t地区\t目标任务\t完成\t完成率\n2\t西区\t100\t90\t90%\n合计\t300\t240\t80%\n",
    ])
    func rowShapes(_ text: String) {
        let e = extract(text)
        #expect(e.claims.map(\.reported.value) == [75, 90, 80])
        #expect(e.claims.allSatisfy { $0.status == .consistent })
        #expect(e.checks.filter { $0.rule == "breakdownSum" }.map(\.status) == [.pass, .pass])
        #expect(e.items.map(\.number) == [1, 2])
    }

    @Test func aWrongRatioCellIsInconsistent() {
        let e = extract("序号 地区 目标任务 完成 完成率\n1 东区 200 150 85%\n")
        #expect(e.claims.map(\.status) == [.inconsistent])
    }

    /// One cell per line ending in " |", the unit written only in the target cell, and a row
    /// spanning two sub-rows.
    @Test func cellsEndingInPipes() {
        let rows = ["序号", "项目名称", "目标任务", "完成", "完成率%", "1", "新增就业", "1300人", "700", "54%",
                    "2", "社保扩面", "参保人数", "6300人", "7558", "119%", "征缴基金", "8000万", "6480", "81%",
                    "3", "新增床位", "80个", "62", "78%"]
        let e = extract(rows.map { $0 + " |\n" }.joined())
        #expect(e.claims.map(\.status) == [.consistent, .inconsistent, .consistent, .consistent])
        #expect(e.claims[0].actual?.unit == "人")
        #expect(e.claims[2].actual?.value == 64_800_000)
        #expect(e.items.map(\.number) == [1, 2, 3])
    }

    @Test func targetInTheItemNameAndARateWhereLowerIsBetter() {
        let e = extract("""
            | 项目 | 完成 | 完成目标(%) |
            |---|---|---|
            | 新建社区食堂50个 | 56 | 112% |

            """)
        #expect(e.claims.count == 1)
        #expect(e.claims.first?.target?.value == 50)
        #expect(e.claims.first?.rules.contains("target:label") == true)
        let rate = extract("| 指标 | 年度目标 | 完成 | 完成比例(%) |\n|---|---|---|---|\n| 城镇登记失业率低于(%) | 4.3 | 4.2 | 103 |\n")
        #expect(rate.claims.map(\.status) == [.unverifiable])
        #expect(rate.claims.first?.reason.contains("lower is better") == true)
    }

    /// An HTML table read from its tags: 序号 and a project spanning two rows (rowspan), 项目名称
    /// over two columns and a project over both (colspan), and a planted error in a ratio cell.
    @Test func htmlTableFromItsTags() throws {
        let html = """
            <html><body><h1>某区民生实事完成情况</h1><table>
            <tr><th>序号</th><th colspan="2">项目名称</th><th>目标任务</th><th>完成</th><th>完成率</th></tr>
            <tr><td rowspan="2">1</td><td rowspan="2">普惠性幼儿园</td><td>新建幼儿园</td><td>12所</td><td>9</td><td>75%</td></tr>
            <tr><td>新增学位</td><td>3600个</td><td>2340</td><td>60.5%</td></tr>
            <tr><td>2</td><td colspan="2">农村公路</td><td>350公里</td><td>301</td><td>86%</td></tr>
            </table></body></html>
            """
        let source = try SourceText(bytes: Array(html.utf8), path: "page.html")
        #expect(LayoutReader(source: source, grammar: .builtIn).read().tables.map(\.shape) == [.html])
        let e = Extractor().extract(source)
        #expect(e.claims.map(\.status) == [.consistent, .inconsistent, .consistent])
        #expect(e.claims.map(\.subject) == ["普惠性幼儿园 · 新建幼儿园", "普惠性幼儿园 · 新增学位", "农村公路"])
        #expect(e.items.map(\.number) == [1, 2])
        #expect(e.items.last?.cells.map(\.text) == ["农村公路", "350公里", "301", "86%"])
    }

    /// Two header rows from the tags (a group header over its columns) and a 合计 over 序号 and 地区.
    @Test func htmlGroupHeaderAndTotalRow() throws {
        let html = """
            <html><body><table>
            <tr><td rowspan="2">序号</td><td rowspan="2">地区</td><td colspan="3">新增城镇就业(人)</td></tr>
            <tr><td>目标任务</td><td>进度</td><td>完成比例(%)</td></tr>
            <tr><td>1</td><td>东区</td><td>200</td><td>150</td><td>75.0</td></tr>
            <tr><td>2</td><td>西区</td><td>100</td><td>90</td><td>90.0</td></tr>
            <tr><td colspan="2">合计</td><td>300</td><td>250</td><td>83.3</td></tr>
            </table></body></html>
            """
        let source = try SourceText(bytes: Array(html.utf8), path: "page.html")
        let table = try #require(LayoutReader(source: source, grammar: .builtIn).read().tables.first)
        #expect(table.columns.map { $0.group.map { source.text($0) } } == [nil, nil, "新增城镇就业(人)", "新增城镇就业(人)", "新增城镇就业(人)"])
        #expect(table.rows.map(\.isTotal) == [false, false, true])
        let e = Extractor().extract(source)
        #expect(e.claims.map(\.subject) == ["新增城镇就业 · 东区", "新增城镇就业 · 西区", "新增城镇就业 · 合计"])
        #expect(e.claims.map(\.status) == [.consistent, .consistent, .consistent])
        #expect(e.checks.filter { $0.rule == "breakdownSum" }.map(\.status) == [.pass, .fail])
    }

    /// Rows one per line under two header lines (group headers over 目标任务 / 进度 / 完成比例(%)),
    /// with a district broken down into sub-rows (其中…, indented): the total row adds up only the
    /// districts, so it holds; added with the sub-rows it would not.
    static let groupedRows = """
        地区      城镇新增就业(人)              城镇失业人员再就业(人)
                  目标任务  进度    完成比例(%)  目标任务  进度    完成比例(%)
        全市      27800     52242   187.9        6500      7020    108.0
        东坡区    15000     28600   190.7        3500      3850    110.0
          其中:城区  9000   17000   188.9        2000      2200    110.0
            乡镇      6000   11600   193.3        1500      1650    110.0
        彭山区    12800     23642   184.7        3000      3170    105.7

        """

    @Test func twoHeaderLinesAndSubRows() {
        let e = extract(Self.groupedRows)
        #expect(e.claims.count == 10)
        #expect(e.claims.allSatisfy { $0.status == .consistent })
        #expect(e.claims.prefix(2).map(\.subject) == ["城镇新增就业 · 全市", "城镇失业人员再就业 · 全市"])
        let sums = e.checks.filter { $0.rule == "breakdownSum" }
        #expect(sums.map(\.status) .allSatisfy { $0 == .pass })
        #expect(sums.count == 8)
        #expect(sums.first?.message.contains("2 rows add up to 27800") == true)
        #expect(sums.last?.message == "东坡区 城镇失业人员再就业(人) 进度: its sub-rows 2200 + 1650 are within the row's 3850")
        let layout = LayoutReader(source: SourceText(text: Self.groupedRows), grammar: .builtIn).read()
        #expect(layout.tables.first?.rows.map(\.isSubRow) == [false, false, true, true, false])
    }

    @Test func aWrongTotalOverSubRowsFails() {
        let e = extract(Self.groupedRows.replacingOccurrences(of: "7020 ", with: "7120 "))
        #expect(e.checks.filter { $0.rule == "breakdownSum" }.map(\.status).prefix(4) == [.pass, .pass, .pass, .fail])
    }

    /// Sub-rows that add up to more than the row they break down fail.
    @Test func subRowsBeyondTheirRowFail() {
        let e = extract(Self.groupedRows.replacingOccurrences(of: "17000", with: "27000"))
        let sums = e.checks.filter { $0.rule == "breakdownSum" && $0.message.hasPrefix("东坡区") }
        #expect(sums.map(\.status) == [.pass, .fail, .pass, .pass])
    }

    /// A column of units (单位) gives each row's bare figures their unit.
    @Test func aUnitColumnGivesTheRowsUnits() {
        let e = extract("序号 项目 单位 目标任务 完成 完成率\n1 新建幼儿园 所 12 9 75%\n2 农村公路 公里 350 301 86%\n")
        #expect(e.claims.map { $0.actual?.unit } == ["所", "km"])
        #expect(e.claims.map { $0.target?.unit } == ["所", "km"])
        #expect(e.claims.allSatisfy { $0.status == .consistent })
    }

    /// A data table inside a page-layout table is read; spans of any size, cells outside rows and
    /// tables never closed are read without harm, and give no claims.
    @Test func tablesInsideTablesAndBrokenTags() throws {
        let html = """
            <html><body><table width="100%"><tr><td>首页</td><td>政务公开</td></tr>
            <tr><td colspan="2"><h1>某县民生实事完成情况</h1>
            <table><tr><td>序号</td><td>项目</td><td>目标任务</td><td>完成</td><td>完成率</td></tr>
            <tr><td>1</td><td>新建幼儿园</td><td>12所</td><td>9</td><td>75%</td></tr>
            <tr><td>2</td><td>农村公路</td><td>350公里</td><td>301</td><td>80%</td></tr></table>
            </td></tr></table>
            <td>目标</td><table><tr><td rowspan="0" colspan="99999">完成率</td></tr><tr></tr>
            <tr><td rowspan="9">1</td><td>2</td></tr><tr><th colspan="x">3</th>
            """
        let source = try SourceText(bytes: Array(html.utf8), path: "page.html")
        #expect(LayoutReader(source: source, grammar: .builtIn).read().tables.map(\.rows.count) == [2])
        let e = Extractor().extract(source)
        #expect(e.claims.map(\.status) == [.consistent, .inconsistent])
    }
}
