import Foundation
import Testing
@testable import Bulletin

/// How a percentage is linked to its actual and its target: each mechanism of `TargetResolver`
/// and of the claim extractor, with the tempting wrong links that must end unverifiable, never
/// inconsistent.
@Suite struct LinkingTests {
    /// The claim whose reported percentage is written `text` (the `occurrence`-th such claim).
    func claim(_ e: Extraction, _ text: String, _ occurrence: Int = 1) -> Claim? {
        let all = e.claims.filter { $0.reported.text == text }
        return occurrence <= all.count ? all[occurrence - 1] : nil
    }

    // MARK: The three new-user cases of the issue

    @Test func taskClauseInTheSameSentenceIsTheTarget() throws {
        let e = extract("全年新建保障房5000套，已完成4210套，占年计划的88.6%。\n")
        let c = try #require(claim(e, "88.6%"))
        #expect(c.actual?.value == 4210 && c.target?.value == 5000)
        #expect(c.status == .inconsistent && c.confidence == .high)
        #expect(e.hasFailures)
        let right = extract("全年新建保障房5000套，已完成4210套，占年计划的84.2%。\n")
        #expect(claim(right, "84.2%")?.status == .consistent)
    }

    @Test func distributivePairsTheDoneClauseNotThePlanClause() throws {
        let e = extract("全年计划新建中小学8所、幼儿园15所，上半年已开工中小学6所、幼儿园12所，分别占年计划的75%和80%。\n")
        let a = try #require(claim(e, "75%")), b = try #require(claim(e, "80%"))
        #expect(a.actual?.value == 6 && a.target?.value == 8 && a.status == .consistent)
        #expect(b.actual?.value == 12 && b.target?.value == 15 && b.status == .consistent)
        #expect(!e.hasFailures)
    }

    @Test func breakdownOfTheActualIsCheckedAgainstTheActual() throws {
        let e = extract("今年计划新建充电桩9000个，已建成6500个，占年计划的72.2%，其中城区2800个、镇街2200个、园区1500个。\n")
        #expect(claim(e, "72.2%")?.status == .consistent)
        let sum = try #require(e.checks.first { $0.rule == "breakdownSum" })
        #expect(sum.status == .pass && sum.message.contains("6500"))
        let short = extract("今年计划新建充电桩9000个，已建成6500个，占年计划的72.2%，其中城区2800个、镇街2200个、园区1300个。\n")
        #expect(short.checks.first { $0.rule == "breakdownSum" }?.status == .fail)
    }

    @Test func aDurationIsNotAnAmount() throws {
        let e = extract("推行企业开办0.5个工作日办结，办结率100%。\n")
        #expect(e.quantities.contains { $0.text == "0.5个工作日" && $0.kind == "duration" })
        #expect(claim(e, "100%")?.actual == nil)
        // Counted days are an amount: 322 of 365 days is 88.2%.
        let days = extract("全年空气质量优良天数322天，优良天数比率88.2%。\n")
        #expect(claim(days, "88.2%")?.actual?.value == 322)
    }

    // MARK: Scopes

    @Test func bracketAfterTheBasisStatesTheTargets() throws {
        let e = extract("截至9月底,累计完成培训90场,已超额完成年度目标(50场)的180%。\n"
            + "累计改造锅炉118台、累计改造管网23.4公里,分别完成年度目标(改造锅炉146台、改造管网40公里)的80.8%、58.5%。\n")
        #expect(claim(e, "180%")?.target?.value == 50 && claim(e, "180%")?.status == .consistent)
        #expect(claim(e, "80.8%")?.actual?.value == 118 && claim(e, "80.8%")?.target?.value == 146)
        #expect(claim(e, "58.5%")?.actual?.value == 23.4 && claim(e, "58.5%")?.target?.value == 40)
        #expect(e.claims.allSatisfy { $0.status == .consistent })
    }

    @Test func targetInAnEarlierParagraphOfTheSection() throws {
        let e = extract("今年全县安排重点项目30个,当年计划投资63.27亿元。\n截至12月底,完成投资77.57亿元,投资完成率122.6%。\n")
        let c = try #require(claim(e, "122.6%"))
        #expect(c.target?.value == 6_327_000_000 && c.targetSource == "section" && c.status == .consistent)
        let wrong = extract("今年全县安排重点项目30个,当年计划投资63.27亿元。\n截至12月底,完成投资70.57亿元,投资完成率122.6%。\n")
        #expect(claim(wrong, "122.6%")?.status == .inconsistent)
    }

    @Test func shareOfABreakdownPartIsOfItsTotal() throws {
        let e = extract("全市办理婚姻登记业务48987件,其中跨区办理6449件,占比13.1%。\n")
        let c = try #require(claim(e, "13.1%"))
        #expect(c.target?.value == 48987 && c.targetSource == "breakdown")
        #expect(c.status == .inconsistent)  // 13.16%: written truncated
    }

    @Test func aChangeAgainstLastYearIsNeitherActualNorPart() throws {
        let e = extract("全年财政总收入完成5130亿元,比上年增收1254亿元,增长32.4%。其中,税收收入4561亿元,比上年增收1149亿元,同比增长33.7%,占财政总收入的比重为88.9%。\n")
        let c = try #require(claim(e, "88.9%"))
        #expect(c.actual?.value == 456_100_000_000 && c.target?.value == 513_000_000_000)
        #expect(c.status == .consistent)
        #expect(!e.checks.contains { $0.rule == "breakdownSum" && $0.status == .fail })
    }

    @Test func wholeNamedInTheComposedPhrase() throws {
        let e = extract("今年全省12项民生工程共需筹集资金73.6亿元。截至8月底,已累计拨付资金46.3亿元,占年筹资总额的67.1%。\n")
        let c = try #require(claim(e, "67.1%"))
        #expect(c.target?.value == 7_360_000_000 && c.reported.basis == .share)
        // 筹资 only abbreviates 筹集资金: a candidate, so 62.9% is unverifiable, not inconsistent.
        #expect(c.status == .unverifiable && c.confidence == .low)
        // The noun as written wins over one that merely holds its characters (非税收入).
        let tax = "其中，税收收入12.27亿元，占78%；非税收入3.46亿元，占22%。个人所得税0.98亿元，占税收收入的8%。\n"
        #expect(claim(extract(tax), "8%")?.target?.value == 1_227_000_000)
        #expect(claim(extract(tax), "8%")?.status == .consistent)
        #expect(claim(extract(tax.replacingOccurrences(of: "0.98亿元", with: "0.58亿元")), "8%")?.status == .inconsistent)
        let composed = extract("增值税、营业税实现的收入4000亿元,占全部税收的40.8%。\n")
        #expect(claim(composed, "40.8%")?.reported.basis == .share)
    }

    @Test func rateWithItsBaseAndCountAcrossDoubledPunctuation() throws {
        let e = extract("县区直达资金合计33.88亿元,,已分配33.80亿元,未分配0.08亿元,,分配率99.8%。\n")
        let c = try #require(claim(e, "99.8%"))
        #expect(c.actual?.value == 3_380_000_000 && c.target?.value == 3_388_000_000 && c.status == .consistent)
    }

    @Test func aBareRateRefersBackToItsBaseButARateOfANamedPopulationDoesNot() throws {
        let e = extract("地方安排直达资金13.78亿元,,分配率99.5%。\n")
        #expect(claim(e, "99.5%")?.target?.value == 1_378_000_000 && claim(e, "99.5%")?.actual == nil)
        let past = extract("市本级直达资金45.66亿元,,未分配0.32亿元,,分配率99.3%。\n")
        #expect(claim(past, "99.3%")?.target?.value == 4_566_000_000 && claim(past, "99.3%")?.actual == nil)
        let named = extract("开展招聘活动26场,城镇登记失业率为2.91%。\n")
        #expect(claim(named, "2.91%")?.target == nil)
    }

    @Test func countedByNamesTheActual() throws {
        let e = extract("全国计划新开工改造老旧小区5.3万个。1—6月份,全国新开工改造老旧小区4.26万个、惠及居民742万户,按小区数计开工率80.4%。\n")
        let c = try #require(claim(e, "80.4%"))
        #expect(c.actual?.value == 42600 && c.status == .consistent)
    }

    // MARK: Tempting wrong links: unverifiable, never inconsistent

    @Test func anIntermediatePlanBesideTheYearsPlanIsUncertain() throws {
        let e = extract("社会民生类项目年初计划投资25亿元,市里已分解下达投资计划27.5亿元。截至9月底,该类项目完成投资22.5亿元,占年计划的90%。\n")
        let c = try #require(claim(e, "90%"))
        #expect(c.status != .inconsistent && c.confidence == .low)
    }

    @Test func thePlanOfTheTotalIsNotThePlanOfAPart() throws {
        let e = extract("全市安排重点项目458个,年度计划投资853.8亿元,完成投资622.2亿元,占年度投资计划的72.9%。其中133个续建项目完成投资454.31亿元,占年度计划的75%。\n")
        #expect(claim(e, "72.9%")?.status == .consistent)
        let part = try #require(claim(e, "75%"))
        #expect(part.status == .unverifiable && part.confidence == .low)
    }

    @Test func anotherClaimsCountIsNotTheWhole() throws {
        let e = extract("农村公路实施215.886公里,开工率100%,已完工126.214公里,完工率56.84%。\n")
        #expect(claim(e, "56.84%")?.status != .inconsistent)
    }

    @Test func aBoundStatesAConditionNotAFigure() throws {
        let e = extract("全国计划新开工改造老旧小区5.3万个,贵州、河北等11个省份开工率超过95%。\n")
        #expect(e.claims.allSatisfy { $0.status != .inconsistent })
    }

    @Test func aWholeWrittenAfterTheCountIsNotTheCount() throws {
        let e = extract("集中供水工程覆盖农村人口21.6万人，全县农村人口23.6万人，集中供水覆盖率91.5%。\n")
        #expect(claim(e, "91.5%")?.status != .inconsistent)
    }

    @Test func aRateOfAnotherPopulationAfterAGrowthAside() throws {
        let e = extract("全市参保总人数达到739.7万人,同比增长1.25%,建档立卡贫困人口参保率100%。\n")
        #expect(claim(e, "100%")?.actual == nil)
    }

    @Test func aShareDoesNotReachIntoAnotherShareOrParagraph() throws {
        let e = extract("共摸排待整治配套园208所,已有116处取得进展,占比55.77%。新认定市级示范幼儿园110所,省、市示范幼儿园总计达到728所,占比32.5%。\n")
        #expect(claim(e, "55.77%")?.status == .consistent)
        #expect(claim(e, "32.5%")?.status == .unverifiable)
    }

    @Test func aRateOfAPartIsOfTheTotalOnlyWhenItNamesNoOtherPopulation() throws {
        let e = extract("已筹集保障性租赁住房3960套,其中已配租入住2870套,入住率72.5%。\n")
        #expect(claim(e, "72.5%")?.target?.value == 3960 && claim(e, "72.5%")?.status == .consistent)
        let own = extract("已签约38.9万人,其中重点人群签约21.6万人,重点人群签约率82.5%。\n")
        #expect(claim(own, "82.5%")?.target == nil && claim(own, "82.5%")?.status == .unverifiable)
    }

    @Test func siblingSharesAddUpToTheirWhole() throws {
        let e = extract("全县现有养老机构50家,其中公办20家、占40%,民办30家、占60%。\n")
        #expect(e.claims.allSatisfy { $0.target?.value == 50 && $0.status == .consistent })
        #expect(e.checks.first { $0.rule == "partsOfWhole" }?.status == .pass)
        let short = extract("全县现有养老机构50家,其中公办20家、占40%,民办28家、占56%。\n")
        #expect(short.checks.first { $0.rule == "partsOfWhole" }?.status == .fail)
        let semicolon = extract("收入完成15.73亿元,为年度预算28.6亿元的55%。其中,税收收入12.27亿元,占78%;非税收入3.46亿元,占22%。\n")
        #expect(claim(semicolon, "22%")?.target?.value == 1_573_000_000)
        #expect(claim(semicolon, "78%")?.target?.value == 1_573_000_000)
    }

    @Test func aLabelledRateListCarriesItsBasisAndPairsParallelLists() throws {
        let e = extract("甲区、乙区、丙区分别承担改造任务28个、19个、15个,已完工分别为22个、11个、8个,完工率分别为:甲区78.6%;乙区57.9%;丙区53.3%。\n")
        #expect(e.claims.count == 3)
        #expect(e.claims.allSatisfy { $0.reported.basis == .rate && $0.status == .consistent })
        #expect(e.claims.map { $0.actual?.value } == [22, 11, 8] && e.claims.map { $0.target?.value } == [28, 19, 15])
        // Without the task list, no lone figure of the sentence is any percentage's target.
        let alone = extract("甲区、乙区、丙区已完工分别为22个、11个、8个,完工率分别为:甲区78.6%;乙区57.9%;丙区53.3%。\n")
        #expect(alone.claims.allSatisfy { $0.status == .unverifiable })
    }

    @Test func aPercentageGluedBeforeACountDoesNotOwnIt() throws {
        let e = extract("其中续建项目完成投资454.31亿元,占年度计划的75%124个新建项目已开工122个,开工率为 98.4%。\n")
        let c = try #require(claim(e, "98.4%"))
        #expect(c.actual?.value == 122 && c.target?.value == 124 && c.status == .consistent)
    }

    @Test func aRateNamedBeforeALabelledListIsItsBasis() throws {
        let e = extract("支付率低于全省平均进度的有:高新区41.8%,,市本级51.4%,连江62.6%。\n")
        #expect(e.claims.count == 3 && e.claims.allSatisfy { $0.reported.basis == .rate && $0.status == .unverifiable })
    }

    @Test func progressOfNamedWorkIsAPlanBasis() throws {
        let e = extract("截至9月底,累计完成总工程量70.8%。\n")
        #expect(claim(e, "70.8%")?.reported.basis == .plan)
    }

    @Test func aFarPlanIsOnlyACandidateWhenAPartOrTheClauseNamesAnotherWhole() throws {
        let plan = "全年计划投入资金67.21亿元,其中各级财政投入59.46亿元。\n"
        let part = extract(plan + "截至5月底,全市累计筹集财政资金55.79亿元,资金到位率达93.8%。\n")
        // The one part named like the count (财政) is its whole: 55.79 / 59.46 = 93.83%.
        #expect(claim(part, "93.8%")?.target?.value == 5_946_000_000 && claim(part, "93.8%")?.status == .consistent)
        let wrong = extract(plan + "截至5月底,全市累计筹集财政资金45.79亿元,资金到位率达93.8%。\n")
        #expect(claim(wrong, "93.8%")?.status == .inconsistent)
        let qualified = extract(plan + "截至5月底,全市累计拨付资金27.25亿元,已到位资金拨付进度达48.8%。\n")
        #expect(claim(qualified, "48.8%")?.confidence == .low && claim(qualified, "48.8%")?.status != .inconsistent)
        // A set total whose 其中 part is named no more like the count: the rate is of the total.
        let set = extract("一、总体\n全县重点项目50个,其中省、市重点项目11个。\n二、开工\n已开工项目26个,未开工项目24个,开工率为66%。\n")
        #expect(claim(set, "66%")?.target?.value == 50 && claim(set, "66%")?.status == .inconsistent)
    }

    @Test func aheadOfScheduleIsNotAShareOfTheSchedule() throws {
        let e = extract("上半年共完成投资额19.62亿元,占年度计划的74.9%,超序时进度24.9%。\n")
        #expect(claim(e, "24.9%")?.reported.basis == .other)
    }

    // MARK: Figures named, not written next to the percentage

    /// 税收收入增收额占财政收入增收额的比重: part and whole are the changes (比上年增收…) stated
    /// earlier under those names; 非税收入 is not 税收收入.
    @Test func sharesOfIncrementsAreFoundByName() throws {
        let text = "全市财政收入完成386.52亿元,比上年增收27.38亿元。其中,税收收入291.40亿元,比上年增收21.96亿元;非税收入95.12亿元,比上年增收5.42亿元。\n"
            + "税收收入增收额占财政收入增收额的比重为80.2%,非税收入增收额占财政收入增收额的比重为%@。\n"
        let e = extract(text.replacingOccurrences(of: "%@", with: "19.8%"))
        let tax = try #require(claim(e, "80.2%")), other = try #require(claim(e, "19.8%"))
        #expect(tax.actual?.value == 21.96e8 && tax.target?.value == 27.38e8 && tax.status == .consistent)
        #expect(other.actual?.value == 5.42e8 && other.target?.value == 27.38e8 && other.status == .consistent)
        let planted = extract(text.replacingOccurrences(of: "%@", with: "21.8%"))
        #expect(claim(planted, "21.8%")?.status == .inconsistent)
    }

    /// A whole named as a change is never a level of the same name, and a part named twice is no
    /// single figure: both stay unverifiable.
    @Test func incrementSharesNeedTheChangesStated() throws {
        let levels = extract("全市财政收入386.52亿元,其中税收收入291.40亿元。\n税收收入增收额占财政收入增收额的比重为75.4%。\n")
        let c = try #require(claim(levels, "75.4%"))
        #expect(c.target == nil && c.status == .unverifiable)
        let twice = extract("2023年税收收入比上年增收18.20亿元;2024年税收收入比上年增收21.96亿元,财政收入比上年增收27.38亿元。\n"
            + "税收收入增收额占财政收入增收额的比重为66.5%。\n")
        let t = try #require(claim(twice, "66.5%"))
        #expect(t.actual == nil && t.status != .inconsistent)
    }

    /// 占全部税收的: the whole is 税收收入, and 非税收入, which holds the same characters, is not it.
    @Test func aComplementIsNotTheNamedWhole() throws {
        let e = extract("其中,税收收入291.40亿元;非税收入95.12亿元。\n在税收收入中,增值税实现的收入占全部税收的41.7%。\n")
        let c = try #require(claim(e, "41.7%"))
        #expect(c.target?.value == 291.40e8 && c.status == .unverifiable)
    }

    /// 计划投入9.48亿元,其中…县本级2.9亿、乡镇及社会资金2.32亿: the unit written once holds for the
    /// list, and the part named like the actual is its plan; words of the next clause do not count.
    @Test func thePartNamedLikeTheActualIsItsPlan() throws {
        let text = "全县计划投入9.48亿元，其中中央补助4.26亿元、县本级2.9亿、乡镇及社会资金2.32亿。截至9月底，县本级配套资金2.9亿元已足额到位，占计划的%@；乡镇及社会资金到位1.86亿元，占计划的80.2%。\n"
        let e = extract(text.replacingOccurrences(of: "%@", with: "100%"))
        #expect(e.quantities.first { $0.text == "2.9亿" }?.unit == "元")
        let c = try #require(claim(e, "100%"))
        #expect(c.target?.text == "2.9亿" && c.status == .consistent)
        #expect(claim(e, "80.2%")?.target?.text == "2.32亿" && claim(e, "80.2%")?.status == .consistent)
        #expect(claim(extract(text.replacingOccurrences(of: "%@", with: "90%")), "90%")?.status == .inconsistent)
    }

    /// Two parts named as much like the actual (城区学校, 乡镇学校 for 学校补助): neither is its plan,
    /// and the total before 其中 is only a candidate.
    @Test func twoPartsNamedAlikeLeaveThePlanUncertain() throws {
        let e = extract("全年计划安排教育补助资金1.2亿元，其中城区学校0.45亿、乡镇学校0.75亿。\n已拨付学校补助0.36亿元，占计划的80%。\n")
        let c = try #require(claim(e, "80%"))
        #expect(c.status == .unverifiable && c.confidence == .low && c.target?.text == "1.2亿元")
        // A unit is not carried across a clause without 其中, nor to a figure with another multiplier.
        let apart = extract("投入1.2亿元，增长3.5亿。完成0.45万、0.75亿元。\n")
        #expect(apart.quantities.first { $0.text == "3.5亿" }?.unit == "")
        #expect(apart.quantities.first { $0.text == "0.45万" }?.unit == "")
    }

    /// 对X的贡献率依次为: a list of shares of the increment named X, whose parts are not stated.
    @Test func contributionRatesNameTheirWhole() throws {
        let e = extract("税收收入比上年增收21.96亿元。增值税、企业所得税和个人所得税对税收收入增收额的贡献率依次为41.3%、22.5%和9.8%。\n")
        for p in ["41.3%", "22.5%", "9.8%"] {
            let c = try #require(claim(e, p))
            #expect(c.reported.basis == .share && c.target?.value == 21.96e8 && c.status == .unverifiable)
        }
        #expect(e.checks.first { $0.rule == "distributiveCount" }?.status != .fail)
    }
}

/// The team-written bulletins that carry a spec (Corpus/NAME.spec.json: every percentage with the
/// verdict a careful reader gives): a planted error must be flagged, and nothing else may be.
@Test(arguments: corpusTexts().filter { FileManager.default.fileExists(atPath: packageRoot.appendingPathComponent(goldenPath(of: $0).replacingOccurrences(of: ".expected.json", with: ".spec.json")).path) })
func specVerdicts(_ path: String) throws {
    let specPath = goldenPath(of: path).replacingOccurrences(of: ".expected.json", with: ".spec.json")
    struct Spec: Decodable { struct Percent: Decodable { let text: String; let occurrence: Int; let verdict: String }; let percents: [Percent] }
    let spec = try JSONDecoder().decode(Spec.self, from: Data(try packageFile(specPath)))
    let e = try Extractor().extract(bytes: try packageFile(path), path: path)
    let source = try SourceText(bytes: try packageFile(path), path: path)
    let text = String(String.UnicodeScalarView(source.original))
    for p in spec.percents {
        // The span of the occurrence-th p.text, in code points.
        var from = text.startIndex, start: Int? = nil
        var found = 0
        while found < p.occurrence, let r = text.range(of: p.text, range: from..<text.endIndex) {
            from = r.upperBound
            // A whole percentage: 8% is not the end of 6.8%.
            if r.lowerBound > text.startIndex, let c = text[text.index(before: r.lowerBound)].unicodeScalars.first,
               c.properties.numericType != nil || c == "." { continue }
            start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: r.lowerBound)
            found += 1
        }
        if found < p.occurrence { start = nil }
        let s = try #require(start, "\(p.text) #\(p.occurrence) not in \(path)")
        let claim = e.claims.first { $0.reported.span.start < s + p.text.unicodeScalars.count && s < $0.reported.span.end }
        if p.verdict == "inconsistent" {
            #expect(claim?.status == .inconsistent, "planted error \(p.text) #\(p.occurrence) of \(path) not flagged")
        } else {
            #expect(claim?.status != .inconsistent, "\(p.text) #\(p.occurrence) of \(path) flagged, but the spec says \(p.verdict)")
        }
    }
}

/// A claims rule with a misspelt kind is an error naming its file and line, not a rule that is
/// silently never used.
@Test func misspeltClaimKindIsAnError() throws {
    var files = Grammar.embeddedFiles
    files["claims.tsv"] = (files["claims.tsv"] ?? "") + "wholeLeed\t占\t\n"
    #expect(throws: GrammarError.self) { try Grammar(files: files) }
    do { _ = try Grammar(files: files) } catch let error as GrammarError {
        #expect(error.reason.contains("wholeLeed") && error.file.hasSuffix("claims.tsv") && error.line > 1)
    }
}

/// The named-amounts table of a document with more than 2^28 entries sorts (bigram, entry) pairs
/// instead of packing each into one number; with the limit lowered to 0 the corpus documents take
/// that way, and every lookup finds what it finds packed.
struct NamedAmountsTests {
    @Test(arguments: corpusTexts().filter { $0.hasSuffix(".txt") })
    func pairsFindWhatPackedNumbersFind(_ path: String) throws {
        let grammar = Grammar.builtIn
        let layout = LayoutReader(source: try SourceText(bytes: packageFile(path), path: path), grammar: grammar).read()
        let source = layout.source
        let quantities = QuantityScanner(source: source, grammar: grammar, layout: layout)
            .scan(Tokenizer.tokenize(source.chars, startingWith: grammar.amountStarts)).quantities
        let structure = StructureParser(source: source, grammar: grammar).parse(layout: layout, quantities: quantities)
        let index = TextIndex(chars: source.chars, lines: structure.contentLines, quantities: quantities, grammar: grammar)
        let packed = NamedAmounts(chars: source.chars, index: index, grammar: grammar)
        let paired = NamedAmounts(chars: source.chars, index: index, grammar: grammar, packedEntryLimit: 0)
        let chars = source.chars
        var found = 0
        // Every run of two to four ideographs in the text as a noun, asked before its own place
        // and before the end, as a level and as a change.
        for start in chars.indices where chars[start].isHan {
            let length = chars[start...].prefix(4).prefix { $0.isHan }.count
            guard length >= 2 else { continue }
            let noun = Array(chars[start..<(start + length)])
            for before in [start, chars.count] {
                for change in [false, true] {
                    let a = packed.named(noun, change: change, before: before, limit: 3).map(\.range)
                    let b = paired.named(noun, change: change, before: before, limit: 3).map(\.range)
                    #expect(a == b, "\(path): \(String(String.UnicodeScalarView(noun))) before \(before)")
                    found += a.count
                }
            }
        }
        #expect(found > 0, "\(path): no lookup found an amount")
    }
}
