import Testing
@testable import Bulletin

/// One expected quantity: the form it exercises, the input, the text it spans, its value, unit,
/// approximation, step and (for ranges) upper end. The table is the documentation of what the
/// quantity grammar reads; add a row with every rule added to `Grammar/`.
struct QuantityCase: CustomTestStringConvertible, Sendable {
    let form: String
    let input: String
    let text: String
    let value: Double
    let unit: String
    let approx: Approximation
    let step: Double
    let upper: Double?
    var testDescription: String { "\(form): \(input)" }

    init(_ form: String, _ input: String, _ text: String, _ value: Double, _ unit: String, _ approx: Approximation,
         _ step: Double, _ upper: Double? = nil) {
        self.form = form
        self.input = input
        self.text = text
        self.value = value
        self.unit = unit
        self.approx = approx
        self.step = step
        self.upper = upper
    }
}

let quantityCases: [QuantityCase] = [
    // Arabic numbers: decimals, thousands separators, fullwidth digits, bare table cells
    QuantityCase("arabic", "完成29245人", "29245人", 29_245, "人", .exact, 1),
    QuantityCase("arabic", "共计1,234,567人", "1,234,567人", 1_234_567, "人", .exact, 1),
    QuantityCase("arabic", "面积3.35平方米", "3.35平方米", 3.35, "m²", .exact, 0.01),
    QuantityCase("arabic", "完成２９２４５辆", "２９２４５辆", 29_245, "辆", .exact, 1),
    QuantityCase("arabic", "面积１２３．４平方米", "１２３．４平方米", 123.4, "m²", .exact, 0.1),
    QuantityCase("arabic", "新增0.5公里", "0.5公里", 0.5, "km", .exact, 0.1),
    QuantityCase("arabic", "建成12,000套", "12,000套", 12_000, "套", .exact, 1),
    QuantityCase("arabic", "共7人", "7人", 7, "人", .exact, 1),
    QuantityCase("arabic", "累计318.70公里", "318.70公里", 318.7, "km", .exact, 0.01),
    QuantityCase("arabic", "发放100000元", "100000元", 100_000, "元", .exact, 1),
    QuantityCase("arabic", "达到２．９７％", "２．９７％", 2.97, "%", .exact, 0.01),
    QuantityCase("arabic", "完成３６４８单", "３６４８单", 3648, "单", .exact, 1),
    QuantityCase("arabic", "完成 49 项", "49 项", 49, "项", .exact, 1),
    QuantityCase("arabic", "投入1,049.7元", "1,049.7元", 1049.7, "元", .exact, 0.1),
    QuantityCase("arabic", "共有3家", "3家", 3, "家", .exact, 1),
    QuantityCase("arabic", "实际完成 6", "6", 6, "", .exact, 1),
    QuantityCase("arabic", "合计 10", "10", 10, "", .exact, 1),
    QuantityCase("arabic", "新建4,581套(户)", "4,581套(户)", 4581, "套(户)", .exact, 1),
    QuantityCase("arabic", "种植10000株", "10000株", 10_000, "株", .exact, 1),
    QuantityCase("arabic", "面积0.25公顷", "0.25公顷", 0.25, "公顷", .exact, 0.01),
    QuantityCase("arabic", "实际完成 6 个", "6 个", 6, "个", .exact, 1),
    // Multipliers stay in the value (3.35万人 = 33500 人), also mixed 1万2千 and units that start like one (5千瓦)
    QuantityCase("multiplier", "城镇新增就业30万人", "30万人", 300_000, "人", .exact, 10_000),
    QuantityCase("multiplier", "完成政策性扶持创业3.35万人", "3.35万人", 33_500, "人", .exact, 100),
    QuantityCase("multiplier", "支付1.2亿元", "1.2亿元", 120_000_000, "元", .exact, 10_000_000),
    QuantityCase("multiplier", "投资5.6万亿元", "5.6万亿元", 5_600_000_000_000, "元", .exact, 100_000_000_000),
    QuantityCase("multiplier", "实施500万平方米", "500万平方米", 5_000_000, "m²", .exact, 10_000),
    QuantityCase("multiplier", "总产值1049.7亿元", "1049.7亿元", 104_970_000_000, "元", .exact, 10_000_000),
    QuantityCase("multiplier", "覆盖2.5千人", "2.5千人", 2500, "人", .exact, 100),
    QuantityCase("multiplier", "人口3百万人", "3百万人", 3_000_000, "人", .exact, 1_000_000),
    QuantityCase("multiplier", "资金1.5千万元", "1.5千万元", 15_000_000, "元", .exact, 1_000_000),
    QuantityCase("multiplier", "补贴2318.4万元", "2318.4万元", 23_184_000, "元", .exact, 1000),
    QuantityCase("multiplier", "1005万人次", "1005万人次", 10_050_000, "人次", .exact, 10_000),
    QuantityCase("multiplier", "照护服务时间共计79万小时", "79万小时", 790_000, "小时", .exact, 10_000),
    QuantityCase("multiplier", "新增装机5万千瓦", "5万千瓦", 50_000, "kW", .exact, 10_000),
    QuantityCase("multiplier", "产量3.2万吨", "3.2万吨", 32_000, "吨", .exact, 1000),
    QuantityCase("multiplier", "出口1.5亿美元", "1.5亿美元", 150_000_000, "美元", .exact, 10_000_000),
    QuantityCase("multiplier", "造林2万亩", "2万亩", 20_000, "亩", .exact, 10_000),
    QuantityCase("multiplier", "1万2千人", "1万2千人", 12_000, "人", .exact, 1000),
    QuantityCase("multiplier", "3亿5000万元", "3亿5000万元", 350_000_000, "元", .exact, 10_000),
    QuantityCase("multiplier", "供热面积达到2.6亿平方米", "2.6亿平方米", 260_000_000, "m²", .exact, 10_000_000),
    QuantityCase("multiplier", "装机5千瓦", "5千瓦", 5, "kW", .exact, 1),
    QuantityCase("multiplier", "全长3千米", "3千米", 3, "km", .exact, 1),
    QuantityCase("multiplier", "发电3亿千瓦时", "3亿千瓦时", 300_000_000, "kWh", .exact, 100_000_000),
    QuantityCase("multiplier", "建设30万平方米", "30万平方米", 300_000, "m²", .exact, 10_000),
    // Chinese numerals: 十 百 千 万 亿, 零 and 〇, 廿 卅, financial 壹贰叁, 一万二, 三点五, digit by digit
    QuantityCase("chinese", "完成二十七项", "二十七项", 27, "项", .exact, 1),
    QuantityCase("chinese", "新建一百零五所", "一百零五所", 105, "所", .exact, 1),
    QuantityCase("chinese", "培训两万三千人", "两万三千人", 23_000, "人", .exact, 1000),
    QuantityCase("chinese", "新增十一个", "十一个", 11, "个", .exact, 1),
    QuantityCase("chinese", "完成一万二人", "一万二人", 12_000, "人", .exact, 1000),
    QuantityCase("chinese", "完成两件市办实事", "两件", 2, "件", .exact, 1),
    QuantityCase("chinese", "廿三个", "廿三个", 23, "个", .exact, 1),
    QuantityCase("chinese", "卅五个", "卅五个", 35, "个", .exact, 1),
    QuantityCase("chinese", "壹佰贰拾辆", "壹佰贰拾辆", 120, "辆", .exact, 10),
    QuantityCase("chinese", "叁仟元", "叁仟元", 3000, "元", .exact, 1000),
    QuantityCase("chinese", "延长三点五公里", "三点五公里", 3.5, "km", .exact, 0.1),
    QuantityCase("chinese", "完成三千万元", "三千万元", 30_000_000, "元", .exact, 10_000_000),
    QuantityCase("chinese", "一千零一个", "一千零一个", 1001, "个", .exact, 1),
    QuantityCase("chinese", "新增十个", "十个", 10, "个", .exact, 10),
    QuantityCase("chinese", "三十所", "三十所", 30, "所", .exact, 10),
    QuantityCase("chinese", "二〇一九件", "二〇一九件", 2019, "件", .exact, 1),
    QuantityCase("chinese", "一〇五所", "一〇五所", 105, "所", .exact, 1),
    QuantityCase("chinese", "建成九十万平方米", "九十万平方米", 900_000, "m²", .exact, 100_000),
    QuantityCase("chinese", "三百五人", "三百五人", 350, "人", .exact, 10),
    QuantityCase("chinese", "一亿二千万元", "一亿二千万元", 120_000_000, "元", .exact, 10_000_000),
    QuantityCase("chinese", "五万亿元", "五万亿元", 5_000_000_000_000, "元", .exact, 1_000_000_000_000),
    QuantityCase("chinese", "两个", "两个", 2, "个", .exact, 1),
    QuantityCase("chinese", "四类社会组织", "四类", 4, "类", .exact, 1),
    QuantityCase("chinese", "八家", "八家", 8, "家", .exact, 1),
    QuantityCase("chinese", "一万零五百人", "一万零五百人", 10_500, "人", .exact, 100),
    QuantityCase("chinese", "十二点五公里", "十二点五公里", 12.5, "km", .exact, 0.1),
    QuantityCase("chinese", "零点五公顷", "零点五公顷", 0.5, "公顷", .exact, 0.1),
    QuantityCase("chinese", "七十二小时", "七十二小时", 72, "小时", .exact, 1),
    QuantityCase("chinese", "三个月", "三个月", 3, "个月", .exact, 1),
    QuantityCase("chinese", "六十天", "六十天", 60, "天", .exact, 10),
    QuantityCase("chinese", "九万九千九百九十九人", "九万九千九百九十九人", 99_999, "人", .exact, 1),
    QuantityCase("chinese", "二十万人次", "二十万人次", 200_000, "人次", .exact, 100_000),
    // Percentages, 百分之/千分之, percentage points, 成 and 倍
    QuantityCase("percent", "占年计划的104.4%", "104.4%", 104.4, "%", .exact, 0.1),
    QuantityCase("percent", "占比３４．３％", "３４．３％", 34.3, "%", .exact, 0.1),
    QuantityCase("percent", "增长100%", "100%", 100, "%", .exact, 1),
    QuantityCase("percent", "下降0.5%", "0.5%", 0.5, "%", .exact, 0.1),
    QuantityCase("percent", "提高百分之三十", "百分之三十", 30, "%", .exact, 10),
    QuantityCase("percent", "百分之十二点五", "百分之十二点五", 12.5, "%", .exact, 0.1),
    QuantityCase("percent", "百分之5", "百分之5", 5, "%", .exact, 1),
    QuantityCase("percent", "千分之三", "千分之三", 3, "‰", .exact, 1),
    QuantityCase("percent", "出生率8.5‰", "8.5‰", 8.5, "‰", .exact, 0.1),
    QuantityCase("percent", "高于全省1.7个百分点", "1.7个百分点", 1.7, "个百分点", .exact, 0.1),
    QuantityCase("percent", "提高2百分点", "2百分点", 2, "个百分点", .exact, 1),
    QuantityCase("percent", "下降三个百分点", "三个百分点", 3, "个百分点", .exact, 1),
    QuantityCase("percent", "九成", "九成", 90, "%", .exact, 10),
    QuantityCase("percent", "八成以上", "八成以上", 80, "%", .atLeast, 10),
    QuantityCase("percent", "增长1.5倍", "1.5倍", 1.5, "倍", .exact, 0.1),
    QuantityCase("percent", "增长两倍", "两倍", 2, "倍", .exact, 1),
    QuantityCase("percent", "实现翻一番", "翻一番", 2, "倍", .exact, 1),
    QuantityCase("percent", "力争翻两番", "翻两番", 4, "倍", .exact, 1),
    QuantityCase("percent", "棚改开工百分百", "百分百", 100, "%", .exact, 1),
    QuantityCase("percent", "百分之百完成", "百分之百", 100, "%", .exact, 1),
    QuantityCase("percent", "率达100.0%", "100.0%", 100, "%", .exact, 0.1),
    QuantityCase("percent", "增长12.50%", "12.50%", 12.5, "%", .exact, 0.01),
    QuantityCase("percent", "占比55.77%", "55.77%", 55.77, "%", .exact, 0.01),
    QuantityCase("percent", "下降５％左右", "５％左右", 5, "%", .about, 1),
    // Fractions
    QuantityCase("fraction", "三分之一", "三分之一", 0.333333, "fraction", .exact, 0),
    QuantityCase("fraction", "占总数的四分之三", "四分之三", 0.75, "fraction", .exact, 0),
    QuantityCase("fraction", "1/3", "1/3", 0.333333, "fraction", .exact, 0),
    QuantityCase("fraction", "2/3以上", "2/3以上", 0.666667, "fraction", .atLeast, 0),
    QuantityCase("fraction", "约五分之一", "约五分之一", 0.2, "fraction", .about, 0),
    QuantityCase("fraction", "十分之一", "十分之一", 0.1, "fraction", .exact, 0),
    QuantityCase("fraction", "超过一半即1/2", "1/2", 0.5, "fraction", .exact, 0),
    QuantityCase("fraction", "3/4左右", "3/4左右", 0.75, "fraction", .about, 0),
    // Ranges, 几 (十几 = 11–19), multipliers and units on either end
    QuantityCase("range", "建成2-3个省级中心", "2-3个", 2, "个", .range, 1, 3),
    QuantityCase("range", "建成2—3个", "2—3个", 2, "个", .range, 1, 3),
    QuantityCase("range", "建成2～3个", "2～3个", 2, "个", .range, 1, 3),
    QuantityCase("range", "建成2~3个", "2~3个", 2, "个", .range, 1, 3),
    QuantityCase("range", "新建10至15所", "10至15所", 10, "所", .range, 1, 15),
    QuantityCase("range", "用3到5年", "3到5年", 3, "年", .range, 1, 5),
    QuantityCase("range", "十几个", "十几个", 11, "个", .range, 1, 19),
    QuantityCase("range", "几十个", "几十个", 20, "个", .range, 10, 90),
    QuantityCase("range", "几百人", "几百人", 200, "人", .range, 100, 900),
    QuantityCase("range", "二十几所", "二十几所", 21, "所", .range, 1, 29),
    QuantityCase("range", "覆盖1.2万—1.5万人", "1.2万—1.5万人", 12_000, "人", .range, 1000, 15_000),
    QuantityCase("range", "覆盖1.2—1.5万人", "1.2—1.5万人", 12_000, "人", .range, 1000, 15_000),
    QuantityCase("range", "60-84周岁", "60-84周岁", 60, "周岁", .range, 1, 84),
    QuantityCase("range", "投资3至5亿元", "3至5亿元", 300_000_000, "元", .range, 100_000_000, 500_000_000),
    QuantityCase("range", "五至八个", "五至八个", 5, "个", .range, 1, 8),
    QuantityCase("range", "新增1.2万人—1.5万人", "1.2万人—1.5万人", 12_000, "人", .range, 1000, 15_000),
    QuantityCase("range", "3-5个百分点", "3-5个百分点", 3, "个百分点", .range, 1, 5),
    // Approximation markers before and after the number
    QuantityCase("approx", "为全市8000余辆公交车", "8000余辆", 8000, "辆", .over, 1),
    QuantityCase("approx", "4800余万平方米", "4800余万平方米", 48_000_000, "m²", .over, 10_000),
    QuantityCase("approx", "20多个", "20多个", 20, "个", .over, 1),
    QuantityCase("approx", "二十多个", "二十多个", 20, "个", .over, 10),
    QuantityCase("approx", "1.8万多名", "1.8万多名", 18_000, "名", .over, 1000),
    QuantityCase("approx", "共有约22.2万名小学生", "约22.2万名", 222_000, "名", .about, 1000),
    QuantityCase("approx", "大约300人", "大约300人", 300, "人", .about, 1),
    QuantityCase("approx", "带动就业近3万人", "近3万人", 30_000, "人", .nearly, 10_000),
    QuantityCase("approx", "将近100家", "将近100家", 100, "家", .nearly, 1),
    QuantityCase("approx", "接近50%", "接近50%", 50, "%", .nearly, 1),
    QuantityCase("approx", "超3000人次", "超3000人次", 3000, "人次", .over, 1),
    QuantityCase("approx", "超过500户", "超过500户", 500, "户", .over, 1),
    QuantityCase("approx", "逾200家", "逾200家", 200, "家", .over, 1),
    QuantityCase("approx", "安装不少于4000辆", "不少于4000辆", 4000, "辆", .atLeast, 1),
    QuantityCase("approx", "不低于90%", "不低于90%", 90, "%", .atLeast, 1),
    QuantityCase("approx", "至少5个", "至少5个", 5, "个", .atLeast, 1),
    QuantityCase("approx", "集中建设10个以上", "10个以上", 10, "个", .atLeast, 1),
    QuantityCase("approx", "增长10%以上", "10%以上", 10, "%", .atLeast, 1),
    QuantityCase("approx", "控制在4.0%以内", "4.0%以内", 4, "%", .atMost, 0.1),
    QuantityCase("approx", "不超过3天", "不超过3天", 3, "天", .atMost, 1),
    QuantityCase("approx", "最多200人", "最多200人", 200, "人", .atMost, 1),
    QuantityCase("approx", "5%以下", "5%以下", 5, "%", .under, 1),
    QuantityCase("approx", "增长7%左右", "7%左右", 7, "%", .about, 1),
    QuantityCase("approx", "50万人上下", "50万人上下", 500_000, "人", .about, 10_000),
    QuantityCase("approx", "约1.2亿元", "约1.2亿元", 120_000_000, "元", .about, 10_000_000),
    QuantityCase("approx", "3700余栋", "3700余栋", 3700, "栋", .over, 1),
    QuantityCase("approx", "740余处", "740余处", 740, "处", .over, 1),
    QuantityCase("approx", "2700余个", "2700余个", 2700, "个", .over, 1),
    QuantityCase("approx", "孵化创业实体3700余户", "3700余户", 3700, "户", .over, 1),
    QuantityCase("approx", "1300余名", "1300余名", 1300, "名", .over, 1),
    QuantityCase("approx", "近五万人", "近五万人", 50_000, "人", .nearly, 10_000),
    QuantityCase("approx", "约三成", "约三成", 30, "%", .about, 10),
    QuantityCase("approx", "不少于8000例", "不少于8000例", 8000, "例", .atLeast, 1),
    QuantityCase("approx", "不少于40处", "不少于40处", 40, "处", .atLeast, 1),
    QuantityCase("approx", "10个及以上", "10个及以上", 10, "个", .atLeast, 1),
    // Units of the lexicon, with aliases normalised
    QuantityCase("unit", "100人", "100人", 100, "人", .exact, 1),
    QuantityCase("unit", "100名", "100名", 100, "名", .exact, 1),
    QuantityCase("unit", "100人次", "100人次", 100, "人次", .exact, 1),
    QuantityCase("unit", "3万人次", "3万人次", 30_000, "人次", .exact, 10_000),
    QuantityCase("unit", "100户", "100户", 100, "户", .exact, 1),
    QuantityCase("unit", "100户籍人口", "100户籍人口", 100, "户籍人口", .exact, 1),
    QuantityCase("unit", "60所", "60所", 60, "所", .exact, 1),
    QuantityCase("unit", "60个", "60个", 60, "个", .exact, 1),
    QuantityCase("unit", "60处", "60处", 60, "处", .exact, 1),
    QuantityCase("unit", "60座", "60座", 60, "座", .exact, 1),
    QuantityCase("unit", "60辆", "60辆", 60, "辆", .exact, 1),
    QuantityCase("unit", "60台", "60台", 60, "台", .exact, 1),
    QuantityCase("unit", "60套", "60套", 60, "套", .exact, 1),
    QuantityCase("unit", "60套(户)", "60套(户)", 60, "套(户)", .exact, 1),
    QuantityCase("unit", "60套（户）", "60套（户）", 60, "套(户)", .exact, 1),
    QuantityCase("unit", "60张", "60张", 60, "张", .exact, 1),
    QuantityCase("unit", "60场", "60场", 60, "场", .exact, 1),
    QuantityCase("unit", "60批次", "60批次", 60, "批次", .exact, 1),
    QuantityCase("unit", "60家", "60家", 60, "家", .exact, 1),
    QuantityCase("unit", "60条", "60条", 60, "条", .exact, 1),
    QuantityCase("unit", "60项", "60项", 60, "项", .exact, 1),
    QuantityCase("unit", "60件", "60件", 60, "件", .exact, 1),
    QuantityCase("unit", "60只", "60只", 60, "只", .exact, 1),
    QuantityCase("unit", "60头", "60头", 60, "头", .exact, 1),
    QuantityCase("unit", "60株", "60株", 60, "株", .exact, 1),
    QuantityCase("unit", "60栋", "60栋", 60, "栋", .exact, 1),
    QuantityCase("unit", "60本", "60本", 60, "本", .exact, 1),
    QuantityCase("unit", "60例", "60例", 60, "例", .exact, 1),
    QuantityCase("unit", "60平方米", "60平方米", 60, "m²", .exact, 1),
    QuantityCase("unit", "60万平方米", "60万平方米", 600_000, "m²", .exact, 10_000),
    QuantityCase("unit", "60平米", "60平米", 60, "m²", .exact, 1),
    QuantityCase("unit", "60㎡", "60㎡", 60, "m²", .exact, 1),
    QuantityCase("unit", "60平方公里", "60平方公里", 60, "km²", .exact, 1),
    QuantityCase("unit", "60亩", "60亩", 60, "亩", .exact, 1),
    QuantityCase("unit", "60万亩", "60万亩", 600_000, "亩", .exact, 10_000),
    QuantityCase("unit", "60公顷", "60公顷", 60, "公顷", .exact, 1),
    QuantityCase("unit", "60米", "60米", 60, "m", .exact, 1),
    QuantityCase("unit", "60公里", "60公里", 60, "km", .exact, 1),
    QuantityCase("unit", "60千米", "60千米", 60, "km", .exact, 1),
    QuantityCase("unit", "60立方米", "60立方米", 60, "m³", .exact, 1),
    QuantityCase("unit", "60吨", "60吨", 60, "吨", .exact, 1),
    QuantityCase("unit", "60万吨", "60万吨", 600_000, "吨", .exact, 10_000),
    QuantityCase("unit", "60元", "60元", 60, "元", .exact, 1),
    QuantityCase("unit", "60万元", "60万元", 600_000, "元", .exact, 10_000),
    QuantityCase("unit", "60亿元", "60亿元", 6_000_000_000, "元", .exact, 100_000_000),
    QuantityCase("unit", "60美元", "60美元", 60, "美元", .exact, 1),
    QuantityCase("unit", "60亿美元", "60亿美元", 6_000_000_000, "美元", .exact, 100_000_000),
    QuantityCase("unit", "60年", "60年", 60, "年", .exact, 1),
    QuantityCase("unit", "60个月", "60个月", 60, "个月", .exact, 1),
    QuantityCase("unit", "60天", "60天", 60, "天", .exact, 1),
    QuantityCase("unit", "60小时", "60小时", 60, "小时", .exact, 1),
    QuantityCase("unit", "60万小时", "60万小时", 600_000, "小时", .exact, 10_000),
    QuantityCase("unit", "60千瓦", "60千瓦", 60, "kW", .exact, 1),
    QuantityCase("unit", "60万千瓦", "60万千瓦", 600_000, "kW", .exact, 10_000),
    QuantityCase("unit", "60千瓦时", "60千瓦时", 60, "kWh", .exact, 1),
    QuantityCase("unit", "60周岁", "60周岁", 60, "周岁", .exact, 1),
    QuantityCase("unit", "补贴为600元/人/年", "600元/人/年", 600, "元/人/年", .exact, 1),
    QuantityCase("unit", "单价3.5元/立方米", "3.5元/立方米", 3.5, "元/m³", .exact, 0.1),
    QuantityCase("unit", "60公斤", "60公斤", 60, "kg", .exact, 1),
    QuantityCase("unit", "60份", "60份", 60, "份", .exact, 1),
    // An object noun between number and verb keeps the unit
    QuantityCase("object", "60所幼儿园已全部开工", "60所", 60, "所", .exact, 1),
    QuantityCase("object", "19处已完成基础设施建设", "19处", 19, "处", .exact, 1),
    QuantityCase("object", "238家养老机构已全部完工", "238家", 238, "家", .exact, 1),
    QuantityCase("object", "726万平方米已完工", "726万平方米", 7_260_000, "m²", .exact, 10_000),
    QuantityCase("object", "11处婚姻家庭辅导中心已全部建成", "11处", 11, "处", .exact, 1),
    // Traditional characters and scraped pinyin glosses give the same values
    QuantityCase("traditional", "完成投資328.4億元", "328.4億元", 32_840_000_000, "元", .exact, 10_000_000),
    QuantityCase("traditional", "25個項目", "25個", 25, "个", .exact, 1),
    QuantityCase("traditional", "兩萬三千人", "兩萬三千人", 23_000, "人", .exact, 1000),
    QuantityCase("traditional", "兩萬餘人", "兩萬餘人", 20_000, "人", .over, 10_000),
    QuantityCase("traditional", "8000餘輛", "8000餘輛", 8000, "辆", .over, 1),
    QuantityCase("traditional", "500萬平方米", "500萬平方米", 5_000_000, "m²", .exact, 10_000),
    QuantityCase("traditional", "3項", "3項", 3, "项", .exact, 1),
    QuantityCase("traditional", "15130套(戶)", "15130套(戶)", 15_130, "套(户)", .exact, 1),
    QuantityCase("traditional", "1.2萬人", "1.2萬人", 12_000, "人", .exact, 1000),
    QuantityCase("traditional", "約3億元", "約3億元", 300_000_000, "元", .about, 100_000_000),
    QuantityCase("traditional", "開工率達74.6%", "74.6%", 74.6, "%", .exact, 0.1),
    QuantityCase("traditional", "超過500戶", "超過500戶", 500, "户", .over, 1),
    QuantityCase("traditional", "不少於40處", "不少於40處", 40, "处", .atLeast, 1),
    QuantityCase("traditional", "3個百分點", "3個百分點", 3, "个百分点", .exact, 1),
    QuantityCase("traditional", "重點(diǎn)項(xiàng)目47個(gè)", "47個", 47, "个", .exact, 1),
    // Added by the README's how-to for a new unit would go here.
]

@Test(arguments: quantityCases)
func quantityIsRead(_ c: QuantityCase) throws {
    let found = extract(c.input).quantities
    #expect(found.count == 1, "found \(found.map(\.text))")
    let q = try #require(found.first)
    #expect(q.text == c.text)
    // Values compare exactly for decimals, to a millionth for fractions.
    #expect(abs(q.value - c.value) <= max(1e-6, abs(c.value) * 1e-12), "value \(q.value)")
    #expect(q.unit == c.unit)
    #expect(q.approx == c.approx)
    #expect(q.step == c.step)
    #expect(q.upper == c.upper)
    // The span points at the quantity in the original text.
    let scalars = Array(c.input.unicodeScalars)
    #expect(String(String.UnicodeScalarView(scalars[q.span.start..<q.span.end])) == c.text)
}

/// Text that holds no quantity: years, dates, times, list markers, ordinals, document numbers,
/// phone numbers, names with digits, and words written with numeral characters.
struct NonQuantityCase: CustomTestStringConvertible, Sendable {
    let form: String
    let input: String
    var testDescription: String { "\(form): \(input)" }
    init(_ form: String, _ input: String) {
        self.form = form
        self.input = input
    }
}

let nonQuantityCases: [NonQuantityCase] = [
    // year
    NonQuantityCase("year", "2019年市办实事"),
    NonQuantityCase("year", "2019年度工作"),
    NonQuantityCase("year", "二〇一九年"),
    NonQuantityCase("year", "2021国际帆船赛"),
    // date
    NonQuantityCase("date", "截至11月底"),
    NonQuantityCase("date", "计划于12月20日前"),
    NonQuantityCase("date", "发布日期 : 2019-12-12"),
    NonQuantityCase("date", "2019.12.12发布"),
    NonQuantityCase("date", "2019/12/12发布"),
    NonQuantityCase("date", "12/20/2019发布"),
    NonQuantityCase("date", "1-10月项目累计"),
    NonQuantityCase("date", "1—6月份进展"),
    NonQuantityCase("date", "一季度进展"),
    NonQuantityCase("date", "前三季度"),
    NonQuantityCase("date", "5月中旬启用"),
    NonQuantityCase("date", "7月31日正式启动"),
    // time
    NonQuantityCase("time", "发布时间 09:44"),
    NonQuantityCase("time", "14:30:00开始"),
    // marker
    NonQuantityCase("marker", "1.就业方面"),
    NonQuantityCase("marker", "2、重点项目建设"),
    NonQuantityCase("marker", "一、促进就业"),
    NonQuantityCase("marker", "(三)加强监管"),
    NonQuantityCase("marker", "（3）推进改革"),
    NonQuantityCase("marker", "十一、其他"),
    // ordinal
    NonQuantityCase("ordinal", "第十一届青岛国际帆船周"),
    NonQuantityCase("ordinal", "居全省第6位"),
    NonQuantityCase("ordinal", "第三季度"),
    NonQuantityCase("ordinal", "“第一响应人”"),
    // docnumber
    NonQuantityCase("docnumber", "宁政发〔2006〕275号"),
    NonQuantityCase("docnumber", "青政办字[2019]12号"),
    // phone
    NonQuantityCase("phone", "电话:0532-85912345"),
    NonQuantityCase("phone", "服务热线12345"),
    NonQuantityCase("phone", "区号0532"),
    NonQuantityCase("phone", "手机 13800138000"),
    // name
    NonQuantityCase("name", "G20峰会"),
    NonQuantityCase("name", "5G网络"),
    NonQuantityCase("name", "青岛58中高新区校区"),
    NonQuantityCase("name", "PM2.5浓度"),
    NonQuantityCase("name", "COVID-19疫情"),
    NonQuantityCase("name", "H7N9防控"),
    NonQuantityCase("name", "华电9F燃气"),
    NonQuantityCase("name", "2019ICF桨板世锦赛"),
    NonQuantityCase("name", "入选500强"),
    NonQuantityCase("name", "DRG付费"),
    // word
    NonQuantityCase("word", "一方面"),
    NonQuantityCase("word", "统一部署"),
    NonQuantityCase("word", "一些问题"),
    NonQuantityCase("word", "万一发生"),
    NonQuantityCase("word", "十分重要"),
    NonQuantityCase("word", "一定要"),
    NonQuantityCase("word", "一体化发展"),
    NonQuantityCase("word", "千方百计"),
    NonQuantityCase("word", "一网通办"),
    NonQuantityCase("word", "一带一路"),
    NonQuantityCase("word", "一站式服务"),
    NonQuantityCase("word", "三农工作"),
    NonQuantityCase("word", "十四五规划"),
    NonQuantityCase("word", "千家万户"),
    NonQuantityCase("word", "做好几个方面"),
    NonQuantityCase("word", "两新一重"),
]

@Test(arguments: nonQuantityCases)
func notAQuantity(_ c: NonQuantityCase) {
    let found = extract(c.input).quantities
    #expect(found.isEmpty, "\(found.map(\.text))")
}

@Test func theTablesAreLargeEnough() {
    #expect(quantityCases.count + nonQuantityCases.count >= 250)
    #expect(nonQuantityCases.count >= 40)
}

@Test func datesAndYearsAreListedApart() {
    let result = extract("截至2019年11月底,计划于12月20日前完成,发布日期 2019-12-12。")
    #expect(result.quantities.isEmpty)
    #expect(result.dates.map(\.text) == ["2019年", "11月底", "12月", "20日", "2019-12-12"])
}

@Test func numbersTooLargeAreDiagnosedNotWrapped() {
    let digits = String(repeating: "9", count: 400)
    let result = extract("完成\(digits)人")
    #expect(result.quantities.isEmpty)
    #expect(result.diagnostics.contains { $0.message.contains("too many digits") })
    // Powers of ten move into the exponent, so a large multiplied amount keeps its exact value.
    let huge = extract("投资99999999999999万亿元")
    #expect(huge.quantities.first?.value == 9.9999999999999e25)
    #expect(huge.diagnostics.isEmpty)
}

@Test func everyUnitOfTheLexiconIsRead() throws {
    // Each unit of Grammar/units.tsv after a number gives that unit's canonical name.
    let text = String(decoding: try packageFile("Grammar/units.tsv"), as: UTF8.self)
    let table = try GrammarTable(file: "units.tsv", text: text, requiredColumns: ["unit", "canonical"])
    for row in table.rows {
        let q = extract("完成12\(row["unit"])。").quantities
        #expect(q.count == 1 && q.first?.unit == row["canonical"], "\(row["unit"]): \(q.map(\.unit))")
    }
}

@Test func aGrammarFileWithCRLFLineEndsReadsAsWithLF() throws {
    // Saved on Windows: every line ends in CR LF. The rows and their last cells carry no CR.
    let text = String(decoding: try packageFile("Grammar/units.tsv"), as: UTF8.self)
    let lf = try GrammarTable(file: "units.tsv", text: text, requiredColumns: ["unit", "canonical", "scale"])
    let crlf = try GrammarTable(file: "units.tsv", text: text.replacingOccurrences(of: "\n", with: "\r\n"),
                                requiredColumns: ["unit", "canonical", "scale"])
    #expect(crlf.columns == lf.columns && crlf.rows.count == lf.rows.count && lf.rows.count > 50)
    #expect(zip(crlf.rows, lf.rows).allSatisfy { $0.fields == $1.fields && $0.line == $1.line })
    var files = Grammar.embeddedFiles
    files["units.tsv"] = text.replacingOccurrences(of: "\n", with: "\r\n")
    let grammar = try Grammar(files: files)
    #expect(Extractor(grammar: grammar).extract(SourceText(text: "新建渔港12座,改造16处。")).quantities.map(\.unit) == ["座", "处"])
}
