import Testing
@testable import Bulletin

/// One expected quantity: the text it spans, its value, unit, approximation and step.
struct QuantityCase: CustomTestStringConvertible, Sendable {
    let input: String
    let text: String
    let value: Double
    let unit: String
    let approx: Approximation
    let step: Double
    var testDescription: String { input }

    init(_ input: String, _ text: String, _ value: Double, _ unit: String, _ approx: Approximation = .exact, step: Double) {
        self.input = input
        self.text = text
        self.value = value
        self.unit = unit
        self.approx = approx
        self.step = step
    }
}

let quantityCases: [QuantityCase] = [
    // Arabic numbers, decimals, separators, fullwidth digits
    QuantityCase("已启动改造29245套(户)", "29245套(户)", 29245, "套(户)", step: 1),
    QuantityCase("共计1,234,567人", "1,234,567人", 1_234_567, "人", step: 1),
    QuantityCase("完成２９２４５辆", "２９２４５辆", 29245, "辆", step: 1),
    QuantityCase("面积１２３．４平方米", "１２３．４平方米", 123.4, "m²", step: 0.1),
    // Multipliers stay in the value
    QuantityCase("完成政策性扶持创业3.35万人", "3.35万人", 33500, "人", step: 100),
    QuantityCase("支付1.2亿元", "1.2亿元", 120_000_000, "元", step: 10_000_000),
    QuantityCase("实施节能保暖工程500万平方米", "500万平方米", 5_000_000, "m²", step: 10000),
    QuantityCase("投资5.6万亿元", "5.6万亿元", 5_600_000_000_000, "元", step: 100_000_000_000),
    QuantityCase("装机5千瓦", "5千瓦", 5, "kW", step: 1),
    // Chinese numerals
    QuantityCase("完成二十七项", "二十七项", 27, "项", step: 1),
    QuantityCase("新建一百零五所", "一百零五所", 105, "所", step: 1),
    QuantityCase("培训两万三千人", "两万三千人", 23000, "人", step: 1000),
    QuantityCase("新增十一个", "十一个", 11, "个", step: 1),
    QuantityCase("完成一万二人", "一万二人", 12000, "人", step: 1000),
    QuantityCase("完成两件市办实事", "两件", 2, "件", step: 1),
    QuantityCase("廿三个", "廿三个", 23, "个", step: 1),
    QuantityCase("壹佰贰拾辆", "壹佰贰拾辆", 120, "辆", step: 10),
    QuantityCase("延长三点五公里", "三点五公里", 3.5, "km", step: 0.1),
    QuantityCase("完成三千万元", "三千万元", 30_000_000, "元", step: 10_000_000),
    // Percentages and percentage points
    QuantityCase("占年计划的104.4%", "104.4%", 104.4, "%", step: 0.1),
    QuantityCase("占比３４．３％", "３４．３％", 34.3, "%", step: 0.1),
    QuantityCase("高于全省1.7个百分点", "1.7个百分点", 1.7, "个百分点", step: 0.1),
    // Approximation markers
    QuantityCase("为全市8000余辆公交车", "8000余辆", 8000, "辆", .over, step: 1),
    QuantityCase("共有约22.2万名小学生", "约22.2万名", 222_000, "名", .about, step: 1000),
    QuantityCase("带动就业近3万人", "近3万人", 30000, "人", .nearly, step: 10000),
    QuantityCase("安装不少于4000辆", "不少于4000辆", 4000, "辆", .atLeast, step: 1),
    QuantityCase("集中建设10个以上重点学科", "10个以上", 10, "个", .atLeast, step: 1),
    QuantityCase("20多个", "20多个", 20, "个", .over, step: 1),
    QuantityCase("4800余万平方米在建工程", "4800余万平方米", 48_000_000, "m²", .over, step: 10000),
    QuantityCase("对4类社会组织实行直接登记", "4类", 4, "类", step: 1),
    QuantityCase("超过500户", "超过500户", 500, "户", .over, step: 1),
    QuantityCase("控制在4.0%以内", "4.0%以内", 4.0, "%", .atMost, step: 0.1),
    QuantityCase("增长7%左右", "7%左右", 7, "%", .about, step: 1),
    // Units, traditional characters, compound and ranges
    QuantityCase("检测77773批次", "77773批次", 77773, "批次", step: 1),
    QuantityCase("1005万人次", "1005万人次", 10_050_000, "人次", step: 10000),
    QuantityCase("完成投資328.4億元", "328.4億元", 32_840_000_000, "元", step: 10_000_000),
    QuantityCase("25個項目", "25個", 25, "个", step: 1),
    QuantityCase("补贴为600元/人/年", "600元/人/年", 600, "元/人/年", step: 1),
    QuantityCase("建成2-3个省级中心", "2-3个", 2, "个", .range, step: 1),
    QuantityCase("照护服务时间共计79万小时", "79万小时", 790_000, "小时", step: 10000),
    QuantityCase("60所幼儿园已全部开工", "60所", 60, "所", step: 1),
]

@Test(arguments: quantityCases)
func quantityIsRead(_ c: QuantityCase) throws {
    let found = extract(c.input).quantities
    #expect(found.count == 1, "found \(found.map(\.text))")
    let q = try #require(found.first)
    #expect(q.text == c.text)
    #expect(q.value == c.value)
    #expect(q.unit == c.unit)
    #expect(q.approx == c.approx)
    #expect(q.step == c.step)
    // The span points at the quantity in the original text.
    let scalars = Array(c.input.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[q.span.start..<q.span.end])) == c.text)
}

/// Text that holds no quantity: years, dates, markers, ordinals, codes, names with digits, words
/// with numeral characters.
let nonQuantities: [String] = [
    "2019年市办实事",
    "截至11月底",
    "计划于12月20日前并网",
    "发布日期 : 2019-12-12",
    "1.就业方面,目标顺利实现。",
    "一、促进城乡就业创业",
    "第十一届青岛国际帆船周",
    "宁政发〔2006〕275号",
    "青岛58中高新区校区",
    "G20峰会和5G网络",
    "一方面,推进学前教育",
    "1-10月项目累计",
    "发布日期:2020-05-14 09:44",
    "一季度进展情况",
    "2021国际OP级帆船世界锦标赛",
    "统一部署",
]

@Test(arguments: nonQuantities)
func notAQuantity(_ text: String) {
    #expect(extract(text).quantities.isEmpty, "\(extract(text).quantities.map(\.text))")
}

@Test func numbersTooLargeAreDiagnosedNotWrapped() {
    let digits = String(repeating: "9", count: 400)
    let result = extract("完成\(digits)人")
    #expect(result.quantities.isEmpty)
    #expect(result.diagnostics.contains { $0.message.contains("too many digits") })
}

@Test func datesAreListedApart() {
    let result = extract("截至2019年11月底,计划于12月20日前完成。")
    #expect(result.quantities.isEmpty)
    #expect(result.dates.map(\.text) == ["2019年", "11月底", "12月20日"] || result.dates.map(\.text) == ["2019年", "11月底", "12月", "20日"])
}
