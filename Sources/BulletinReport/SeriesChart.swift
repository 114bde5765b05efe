import Bulletin

/// A small inline SVG chart of one series: the actual (solid) and the target (dashed) at each
/// reading, in date order; a reading flagged as impossible is drawn red with its reason.
struct SeriesChart {
    let points: [SeriesPoint]
    /// The page (and claim) each reading links to, by document id.
    let pages: [String: String]

    static let width = 320.0, height = 140.0
    static let left = 44.0, right = 34.0, top = 12.0, bottom = 28.0

    func html() -> String {
        guard let first = points.first else { return "" }
        let caption = "\(first.issuer) · \(first.indicator.subject)" + (first.unit.isEmpty ? "" : " (\(first.unit))")
        let flags = points.compactMap(\.flagReason).map { HTML.text("li", "\($0)") }.joined()
        let svg = "<svg viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\"" + HTML.attributeList(["aria-label": caption]) + ">"
            + HTML.text("title", caption) + axes() + line(\.target, class: "target") + line(\.actual, class: "actual") + dots() + "</svg>"
        return HTML.element("figure", ["class": "series"],
            HTML.text("figcaption", caption) + svg + (flags.isEmpty ? "" : HTML.element("ul", ["class": "flags"], flags)))
    }

    private var maximum: Double {
        let values = points.flatMap { [$0.actual, $0.target].compactMap { $0 } }
        return max(values.max() ?? 1, 1e-9) * 1.1
    }

    private func x(_ k: Int) -> Double {
        let span = Self.width - Self.left - Self.right
        return points.count == 1 ? Self.left + span / 2 : Self.left + span * Double(k) / Double(points.count - 1)
    }

    private func y(_ value: Double) -> Double {
        Self.top + (Self.height - Self.top - Self.bottom) * (1 - value / maximum)
    }

    private static func number(_ v: Double) -> String { Figures.format(v, places: 1) }

    /// The baseline, the top value and each reading's date.
    private func axes() -> String {
        let base = y(0)
        var out = "<line class=\"axis\" x1=\"\(Self.number(Self.left))\" y1=\"\(Self.number(base))\" x2=\"\(Self.number(Self.width - Self.right))\" y2=\"\(Self.number(base))\"/>"
        out += HTML.element("text", ["x": "2", "y": Self.number(y(maximum / 1.1) + 4)], HTML.escape(Figures.format(maximum / 1.1)))
        out += HTML.element("text", ["x": "2", "y": Self.number(base)], "0")
        for (k, point) in points.enumerated() {
            out += HTML.element("text", ["x": Self.number(x(k)), "y": Self.number(Self.height - 8), "text-anchor": "middle"], HTML.escape(point.date))
        }
        return out
    }

    private func line(_ value: KeyPath<SeriesPoint, Double?>, class name: String) -> String {
        let coordinates = points.enumerated().compactMap { k, p in p[keyPath: value].map { "\(Self.number(x(k))),\(Self.number(y($0)))" } }
        guard coordinates.count > 1 else { return "" }
        return "<polyline class=\"\(name)\" points=\"\(coordinates.joined(separator: " "))\"/>"
    }

    /// A dot per figure, linking to the claim; a flagged reading's actual drawn red with its reason.
    private func dots() -> String {
        points.enumerated().map { k, point in
            let flagged = !point.flags.isEmpty
            let label = "\(point.date): actual \(point.actual.map { Figures.format($0) } ?? "—"), target \(point.target.map { Figures.format($0) } ?? "—"), \(Figures.format(point.percent))%"
                + (point.flagReason.map { "; " + $0 } ?? "")
            var dots = ""
            if let target = point.target {
                dots += circle(x(k), y(target), radius: 2.5, class: "dot-target", title: label)
            }
            if let actual = point.actual {
                dots += circle(x(k), y(actual), radius: flagged ? 5 : 3.5, class: flagged ? "dot-actual flagged" : "dot-actual", title: label)
            }
            guard let page = pages[point.document] else { return dots }
            return HTML.element("a", ["href": "\(page)#\(TextMarks.claimID(point.claim))"], dots)
        }.joined()
    }

    private func circle(_ cx: Double, _ cy: Double, radius: Double, class name: String, title: String) -> String {
        HTML.element("circle", ["class": name, "cx": Self.number(cx), "cy": Self.number(cy), "r": Self.number(radius)], HTML.text("title", title))
    }
}
