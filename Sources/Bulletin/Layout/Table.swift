/// A table, whatever shape it came in (one cell per line, space- or tab-separated rows, markdown
/// pipes, an HTML table): columns with their headers and roles, and rows of cells aligned to them.
struct Table: Sendable {
    enum Shape: String, Sendable {
        /// One cell per line (a web table copied as text), cells maybe ending in " |".
        case cellPerLine
        /// One row per line, cells separated by spaces, tabs or pipes.
        case rowPerLine
        /// An HTML table read from its tags (rowspan and colspan laid out).
        case html
    }

    /// What a column holds.
    enum Role: Equatable, Sendable {
        /// `unit`: the unit of the row's bare figures (单位: 个, 公里).
        case number, label, unit, target, actual
        /// A percentage of the row's target or a rate, with its basis.
        case ratio(Basis)
        case other

        var isRatio: Bool { if case .ratio = self { return true } else { return false } }
        /// Whether the column holds one of an indicator's figures: target, actual or ratio.
        var isIndicator: Bool { self == .target || self == .actual || isRatio }
    }

    /// A column: its header cell (目标任务) and the group header above it (城镇新增就业(人)).
    struct Column: Sendable {
        let header: Range<Int>?
        let group: Range<Int>?
        let role: Role
    }

    /// A row: its number (序号) if any, one cell per column (nil where it has none), and whether it
    /// totals the others (合计, 全市). A row spanning several (rowspan) gives sub-rows that keep
    /// the spanning cells' ranges as `parentLabel`.
    struct Row: Sendable {
        let number: Int?
        let numberRange: Range<Int>?
        let cells: [Range<Int>?]
        let isTotal: Bool
        var parentLabel: Range<Int>? = nil
        /// A breakdown of the row above it (其中…, or indented under it): not one of the rows a
        /// total row adds up.
        var isSubRow = false
        /// A sub-row's own name: its label without the 其中 that opens it (高校毕业生).
        var subRowName: Range<Int>? = nil
    }

    let shape: Shape
    let columns: [Column]
    let rows: [Row]
    /// Indices into `Layout.lines`: the header lines and every line of the table.
    let headerLines: Range<Int>
    let lines: Range<Int>

    /// The column of row labels: the one headed 地区, 项目名称 …, else the first that is not row numbers.
    var labelColumn: Int? {
        columns.firstIndex { $0.role == .label } ?? columns.firstIndex { $0.role != .number }
    }

    /// The column of units (单位), if any.
    var unitColumn: Int? { columns.firstIndex { $0.role == .unit } }
}
