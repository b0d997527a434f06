/// Every stage and memory figure per scale, as a ratio of the first scale.
enum Growth {
  static func table(stages: [StageResult], endToEnd: [EndToEndResult], startup: ChildMeasurer.Measurement)
    -> TextTable
  {
    var table = TextTable(["stage"] + stages.flatMap { [$0.label, "×"] })
    func row(_ name: String, _ values: [Double], _ show: (Double) -> String) {
      guard !values.isEmpty else { return }
      table.add([name] + values.flatMap { [show($0), Format.ratio($0 / max(values[0], 1e-12))] })
    }
    let bytes = { (value: Double) in Format.bytes(Int(value)) }
    for (index, name) in StageResult.names.enumerated() {
      row(name, stages.map { $0.times[index] }, Format.duration)
    }
    row("load in a child", endToEnd.map { max(0, $0.validate.wall - startup.wall) }, Format.duration)
    row("end to end wall", endToEnd.map(\.ours.wall), Format.duration)
    row("end to end RSS", endToEnd.map { Double($0.ours.peakRSS) }, bytes)
    row("validate RSS", endToEnd.map { Double($0.validate.peakRSS) }, bytes)
    if endToEnd.allSatisfy({ $0.floor != nil }) {
      row("floor wall", endToEnd.compactMap { $0.floor?.wall }, Format.duration)
      row("floor RSS", endToEnd.compactMap { $0.floor.map { Double($0.peakRSS) } }, bytes)
    }
    if endToEnd.allSatisfy({ $0.python != nil }) {
      row("python wall", endToEnd.compactMap { $0.python?.wall }, Format.duration)
      row("python RSS", endToEnd.compactMap { $0.python.map { Double($0.peakRSS) } }, bytes)
    }
    return table
  }
}
