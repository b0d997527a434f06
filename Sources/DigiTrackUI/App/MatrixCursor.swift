/// The matrix's column cursor. ← → (and h l, as in vim) move it one column and the band on
/// screen follows it; H L jump a whole band, the cursor to that band's first column.
extension AppState {
  mutating func moveMatrixColumn(to column: Int) {
    let view = matrixView
    matrixColumn = min(max(0, column), max(0, view.columns.count - 1))
    matrixBand = view.band(ofColumn: matrixColumn)
  }

  mutating func moveMatrixBand(by step: Int) {
    let view = matrixView
    let band = min(max(0, matrixBand + step), view.bandCount - 1)
    moveMatrixColumn(to: band * view.perBand)
  }
}
