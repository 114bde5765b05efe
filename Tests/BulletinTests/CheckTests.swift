import Foundation
import Testing
@testable import Bulletin

/// A small bulletin in the shape of a monthly 市办实事 report, with figures that can be varied.
func monthlyBulletin(built: String = "29245", reported: String = "104.4%", parts: (String, String) = ("5632户", "1200套"),
                     partPercents: String = "112.6%和120%", preamble: String = "3件5项", met: String = "4项",
                     completion: String = "100%", numbers: [String] = ["1", "2", "3", "4", "5"]) -> String {
    """
    2019年市办实事11月份进展情况
    发布日期 : 2019-12-12 来源 : 市政府办公厅

    截至11月底,\(preamble)市办实事总体进展顺利,\(met)已实现年度目标。有关情况如下:

    一、改善居住条件,启动棚户区改造2.8万套(户),完成住房保障6000套(户)

    \(numbers[0]).棚户区改造方面,已启动改造\(built)套(户),占年计划的\(reported)。

    \(numbers[1]).住房保障方面,已完成住房保障6832套(户),其中租赁补贴\(parts.0)、实物配租\(parts.1),分别占年计划的\(partPercents)。

    二、强化医疗保障,新建院前急救站20处

    \(numbers[2]).急救站建设方面,20处已全部完工,占年计划的\(completion)。

    \(numbers[3]).医保待遇方面,全市共有1005万人次享受相关待遇。

    三、推进文化惠民,建设健身场地100处

    \(numbers[4]).健身场地建设方面,100处已全部建成,占年计划的100%,其中笼式足球场80处、体育公园2处、儿童健身乐园18处。
    """
}

func checks(_ extraction: Extraction, _ rule: String) -> [Check] {
    extraction.checks.filter { $0.rule == rule }
}

@Test func percentOfHeadingTargetIsConsistent() throws {
    let result = extract(monthlyBulletin())
    let claim = try #require(result.claims.first { $0.item == 1 })
    #expect(claim.reported.basis == .plan)
    #expect(claim.actual?.value == 29245)
    #expect(claim.target?.value == 28000)
    #expect(claim.targetSource == "heading")
    #expect(claim.status == .consistent)
    #expect(!result.hasFailures)
}

@Test func wrongPercentageIsInconsistent() throws {
    let result = extract(monthlyBulletin(reported: "114.4%"))
    let claim = try #require(result.claims.first { $0.item == 1 })
    #expect(claim.status == .inconsistent)
    #expect(checks(result, "percentOfTarget").contains { $0.status == .fail })
    #expect(result.hasFailures)
}

@Test func wrongCountIsInconsistent() throws {
    let result = extract(monthlyBulletin(built: "24245"))
    #expect(result.claims.first { $0.item == 1 }?.status == .inconsistent)
}

@Test func unstatedTargetIsUnverifiableWithImpliedTarget() throws {
    let result = extract(monthlyBulletin())
    let parts = result.claims.filter { $0.item == 2 }
    #expect(parts.count == 2)
    #expect(parts.allSatisfy { $0.status == .unverifiable })
    let implied = parts.compactMap { $0.impliedTarget?.value.rounded() }
    #expect(implied == [5002, 1000])
    #expect(checks(result, "impliedTargetsSum").map(\.status) == [.pass])
}

@Test func impliedTargetsThatDoNotAddUpFail() {
    // 5632 at 80% implies 7040; with 1000 that is far from the heading's 6000.
    let result = extract(monthlyBulletin(partPercents: "80%和120%"))
    #expect(checks(result, "impliedTargetsSum").map(\.status) == [.fail])
}

@Test func breakdownSums() {
    let good = extract(monthlyBulletin())
    #expect(checks(good, "breakdownSum").map(\.status) == [.pass, .pass])
    let bad = extract(monthlyBulletin(parts: ("5632户", "1900套")))
    #expect(checks(bad, "breakdownSum").first?.status == .fail)
}

@Test func distributiveCounts() {
    let good = extract(monthlyBulletin())
    #expect(checks(good, "distributiveCount").map(\.status) == [.pass])
    let bad = extract(monthlyBulletin(partPercents: "112.6%、120%和99%"))
    #expect(checks(bad, "distributiveCount").map(\.status) == [.fail])
}

@Test func completionWording() {
    let good = extract(monthlyBulletin())
    #expect(checks(good, "completion").allSatisfy { $0.status == .pass })
    #expect(checks(good, "completion").count == 2)
    let bad = extract(monthlyBulletin(completion: "90%"))
    #expect(checks(bad, "completion").contains { $0.status == .fail })
}

@Test func numbering() {
    let good = extract(monthlyBulletin())
    #expect(checks(good, "numbering").map(\.status) == [.pass, .pass])
    let gap = extract(monthlyBulletin(numbers: ["1", "2", "4", "5", "6"]))
    #expect(checks(gap, "numbering").contains { $0.status == .fail && $0.message.contains("gap between 2 and 4") })
    let repeated = extract(monthlyBulletin(numbers: ["1", "2", "2", "3", "4"]))
    #expect(checks(repeated, "numbering").contains { $0.status == .fail && $0.message.contains("2 repeated") })
}

@Test func preambleCounts() {
    let good = extract(monthlyBulletin())
    #expect(checks(good, "preambleCount").map(\.status) == [.pass, .pass])
    let bad = extract(monthlyBulletin(preamble: "4件6项"))
    #expect(checks(bad, "preambleCount").map(\.status) == [.fail, .fail])
}

@Test func preambleMetCount() {
    // Items 1, 2, 3 and 5 show the target met; item 4 gives no figure.
    let plausible = extract(monthlyBulletin(met: "4项"))
    #expect(checks(plausible, "preambleMet").map(\.status) == [.unverifiable])
    let tooMany = extract(monthlyBulletin(met: "6项"))
    #expect(checks(tooMany, "preambleMet").map(\.status) == [.fail])
    let tooFew = extract(monthlyBulletin(met: "3项"))
    #expect(checks(tooFew, "preambleMet").map(\.status) == [.fail])
}

@Test func metadata() {
    let result = extract(monthlyBulletin())
    #expect(result.title == "2019年市办实事11月份进展情况")
    #expect(result.published == "2019-12-12")
    #expect(result.publisher == "市政府办公厅")
    #expect(result.sections.map(\.number) == [1, 2, 3])
    #expect(result.sections[0].targets.map(\.value) == [28000, 6000])
    #expect(result.sections[0].items.map(\.label) == ["棚户区改造", "住房保障"])
}

@Test func basesOfPercentages() {
    let text = """
    全市城镇新增就业40.2万人,同比增长8.9%,城镇登记失业率2.97%。固定资产投资同比下降12.7%。
    共摸排待整治配套园208所,已有116处取得突破性进展,占比55.77%。农村危房改造489户全部开工,已完工473户,完工率96.7%。
    年度计划投资565.6亿元。累计完成投资482.0亿元,占年度投资计划的85.2%。
    """
    let claims = extract(text).claims
    #expect(claims.map(\.reported.basis) == [.growth, .rate, .growth, .share, .rate, .plan])
    #expect(claims[2].reported.signedValue == -12.7)
    #expect(claims[1].actual == nil)  // 失业率 is not a rate of the 40.2万 new jobs
    #expect(claims[3].target?.value == 208)
    #expect(claims[3].status == .consistent)
    #expect(claims[4].target?.value == 489)
    #expect(claims[4].status == .consistent)
    #expect(claims[5].target?.value == 56_560_000_000)
    #expect(claims[5].status == .consistent)
}

@Test func boilerplateStaysOutOfClaims() {
    let text = """
    扫一扫在手机打开当前页某市部门上半年工作成绩单
    字体大小: 打印
    上半年完成住房保障4581套(户),占年计划的76.4%。返回搜狐,查看更多
    推荐阅读 完成100%
    """
    let result = extract(text)
    #expect(result.title == "某市部门上半年工作成绩单")
    #expect(result.claims.count == 1)
    #expect(result.quantities.map(\.text) == ["4581套(户)", "76.4%"])
}
