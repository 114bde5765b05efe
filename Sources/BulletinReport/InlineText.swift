import Bulletin

/// Writes stretches of the text as HTML with their marks around them. Marks nest: one that would
/// cross the end of an enclosing mark (or of the stretch) is cut there. Each mark is written once,
/// in the first stretch holding its start; `unwritten` lists those no stretch held.
struct InlineText {
    let text: [Unicode.Scalar]
    let marks: [TextMarks.Mark]
    /// The opening and closing tags of a mark.
    let tags: (TextMarks.Mark) -> (open: String, close: String)
    private(set) var written: Set<Int> = []

    init(text: [Unicode.Scalar], marks: [TextMarks.Mark], tags: @escaping (TextMarks.Mark) -> (open: String, close: String)) {
        self.text = text
        self.marks = marks
        self.tags = tags
    }

    /// The marks no stretch has written yet.
    var unwritten: [TextMarks.Mark] {
        marks.indices.filter { !written.contains($0) }.map { marks[$0] }
    }

    /// The text of `start..<end` with the marks starting in it (a mark without length also at `end`).
    mutating func render(_ start: Int, _ end: Int) -> String {
        var out = ""
        var open: [(end: Int, close: String)] = []
        var m = firstMark(atOrAfter: start)
        for position in start...end {
            while let top = open.last, top.end <= position {
                out += top.close
                open.removeLast()
            }
            while m < marks.count, marks[m].start == position, position < end || marks[m].start == marks[m].end {
                out += openMark(m, limit: open.last?.end ?? end, into: &open)
                m += 1
            }
            if position < end { out += HTML.escape(text[position..<position + 1]) }
        }
        return out + open.reversed().map(\.close).joined()
    }

    /// Opens mark `m` (cut at `limit`); one without length is closed at once.
    private mutating func openMark(_ m: Int, limit: Int, into open: inout [(end: Int, close: String)]) -> String {
        guard written.insert(m).inserted else { return "" }
        let mark = marks[m]
        let (start, close) = tags(mark)
        let end = min(mark.end, limit)
        if end <= mark.start { return start + close }
        open.append((end, close))
        return start
    }

    private func firstMark(atOrAfter position: Int) -> Int {
        var lo = 0, hi = marks.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if marks[mid].start < position { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}
