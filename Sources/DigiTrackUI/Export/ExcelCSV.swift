import DigiTrackModel

extension ViewExport {
  /// The CSV of `--format csv --excel`, without its BOM (the writer puts the bytes in front).
  ///
  /// Excel reads a CSV with the separator and decimal mark of the system's region: a vi-VN
  /// Excel splits on `;` and reads `93,8` as a number, so the Vietnamese export writes those; an
  /// English one keeps `,` and `93.8`. The BOM is what makes any Excel read the file as UTF-8
  /// ("Hà Nội", not mojibake). Plain `--format csv` stays RFC 4180.
  public func excelCSV(view: ViewKind, province: Int?, filter: String = "") -> String {
    let tables = structured(view: view, filter: filter).tables
    let table = csvTable(view: view, province: province ?? data.aggregates.rankOrder.first ?? 0, tables: tables)
    let vietnamese = options.language == .vi
    return CSV.render(table, separator: vietnamese ? ";" : ",", decimalComma: vietnamese)
  }
}
