import Foundation

/// Renders rows as left-aligned columns, for `--format table` and `list`.
struct TableRenderer {
    var headers: [String]
    var rows: [[String]] = []
    /// Cells longer than this are cut with an ellipsis.
    var maxCellWidth = 48

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        func cut(_ cell: String) -> String {
            let flat = cell.replacingOccurrences(of: "\n", with: " ")
            return flat.count > maxCellWidth ? String(flat.prefix(maxCellWidth - 1)) + "…" : flat
        }
        let all = ([headers] + rows).map { $0.map(cut) }
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all { for (column, cell) in row.enumerated() where column < widths.count { widths[column] = max(widths[column], cell.count) } }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
