import Bulletin

/// What a document page marks in the text, worked out from the `Extraction` alone: every quantity
/// (by kind), every claim's reported percentage (by status), the figures claims rest on that are
/// not quantities of their own, and the place of every failed check.
struct TextMarks {
    /// One marked stretch of the text, half-open in Unicode scalar offsets of the original.
    struct Mark {
        enum Kind {
            /// `quantities[index]`.
            case quantity(Int)
            /// `claims[index]`'s reported percentage.
            case claim(Int)
            /// A figure a claim names (actual, target, partOf) that is no quantity of the list.
            case figure(Int)
            /// Where `checks[index]` (a failed one) stands; empty.
            case check(Int)
        }
        let start: Int
        let end: Int
        let kind: Kind
    }

    /// All marks, by start, longer ones first (so that they enclose the shorter ones).
    let marks: [Mark]
    /// The element id of the figure at each span (a quantity or an extra figure).
    let figureIDs: [Span: String]
    /// Figures claims name that are not in `quantities`, in order (`Kind.figure`).
    let extraFigures: [Quantity]

    init(_ extraction: Extraction) {
        var marks: [Mark] = []
        var ids: [Span: String] = [:]
        for (k, quantity) in extraction.quantities.enumerated() where ids[quantity.span] == nil {
            ids[quantity.span] = Self.quantityID(k)
            marks.append(Mark(start: quantity.span.start, end: quantity.span.end, kind: .quantity(k)))
        }
        var extra: [Quantity] = []
        for claim in extraction.claims {
            for figure in [claim.actual, claim.target, claim.partOf].compactMap({ $0 }) where ids[figure.span] == nil {
                ids[figure.span] = Self.figureID(extra.count)
                marks.append(Mark(start: figure.span.start, end: figure.span.end, kind: .figure(extra.count)))
                extra.append(figure)
            }
        }
        for (k, claim) in extraction.claims.enumerated() {
            marks.append(Mark(start: claim.reported.span.start, end: claim.reported.span.end, kind: .claim(k)))
        }
        for (k, check) in extraction.checks.enumerated() where check.status == .fail {
            let at = check.span?.start ?? 0
            marks.append(Mark(start: at, end: at, kind: .check(k)))
        }
        // Checks first at a place, then longer marks, then claims around the quantity they report.
        self.marks = marks.sorted { ($0.start, -$0.end, $0.order) < ($1.start, -$1.end, $1.order) }
        figureIDs = ids
        extraFigures = extra
    }

    static func quantityID(_ k: Int) -> String { "q\(k)" }
    static func figureID(_ k: Int) -> String { "f\(k)" }
    static func claimID(_ k: Int) -> String { "claim-\(k)" }
    static func checkID(_ k: Int) -> String { "check-\(k)" }
}

extension TextMarks.Mark {
    /// Among marks of one span: a check's place, then a claim, then the figure it encloses.
    var order: Int {
        switch kind {
        case .check: 0
        case .claim: 1
        case .quantity, .figure: 2
        }
    }
}
