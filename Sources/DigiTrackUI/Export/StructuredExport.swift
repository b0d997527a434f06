import DigiTrackModel
import Foundation

/// The export formats beside plain text.
public enum ExportFormat: String, Sendable, CaseIterable {
  case text
  case markdown
  case csv
  case json
}

extension ViewExport {
  /// Renders a view in any format. `width` matters for text only.
  ///
  /// CSV, JSON and Markdown are data: they are always UTF-8 with every name as the file spells
  /// it, whatever the locale. Only the text export, which is what a terminal draws, follows
  /// `options.unicode` and falls back to ASCII.
  /// `filter` keeps the provinces it matches (as `/` does) in the overview and matrix, and every
  /// format says so: a line in text and Markdown, a `filter` field in JSON.
  public func render(view: ViewKind, province: Int?, format: ExportFormat, width: Int, filter: String = "") -> String {
    var dataOptions = options
    dataOptions.unicode = true
    var state = AppState(data: data, options: dataOptions, width: width, height: 100_000)
    state.filter = filter
    state.reorder()
    if view == .matrix { state.screen = .matrix }
    let tables = ExportTables(context: state.context, order: state.order)
    let province = province ?? data.aggregates.rankOrder.first ?? 0
    let note = view == .province ? nil : state.filterNote()
    switch format {
    case .text:
      return text(view: view, province: province, width: width, filter: filter)
    case .csv:
      // Every row says its report date, so a CSV read on its own (or appended to others) is dated.
      let date = data.snapshot.date
      switch view {
      case .overview: return CSV.render(tables.provinces().dated(date))
      case .matrix: return CSV.render(tables.matrix().dated(date))
      case .province: return CSV.render(tables.criteria(province: province).dated(date))
      }
    case .markdown:
      return markdown(view: view, province: province, tables: tables, filterNote: note)
    case .json:
      return json(view: view, province: province, tables: tables, filter: note == nil ? nil : filter)
    }
  }

  private func markdown(view: ViewKind, province: Int, tables: ExportTables, filterNote: String?) -> String {
    let context = tables.context
    let snapshot = data.snapshot
    let escape = Markdown.escape
    var out = "# \(escape(context.text(data.dataset.title)))\n\n"
    out +=
      "\(context.ui(context.strings.report)): \(context.format.date(snapshot.date)) (\(escape(context.text(snapshot.label))))"
    out += " · \(context.ui(context.strings.data)): \(escape(context.dataName))\n\n"
    if data.dataset.hasIllustrativeFigures {
      out += "> \(context.ui(context.strings.illustrativeLegend))\n\n"
    }
    if view != .overview, data.dataset.plan.provenance.isIllustrative {
      out += "> \(context.ui(context.strings.modelledPlan))\n\n"
    }
    if let filterNote { out += "**\(escape(filterNote))**\n\n" }
    let format = context.format
    var sections: [ExportTable]
    switch view {
    case .overview: sections = [tables.metrics(), tables.provinces()]
    case .matrix: sections = [tables.matrix()]
    case .province:
      out += "## \(escape(context.text(data.dataset.provinces[province].name)))\n\n"
      out += markdownHeadline(province: province, context: context)
      sections = [tables.criteria(province: province), tables.communeCriteria(province: province)]
    }
    out += markdownLegend(view: view, context: context)
    sections.append(tables.sources())
    for table in sections {
      out += Markdown.render(table, format: format, strings: context.strings) + "\n"
    }
    return out
  }

  private func json(view: ViewKind, province: Int, tables: ExportTables, filter: String?) -> String {
    let snapshot = data.snapshot
    var fields: [(String, String)] = [
      ("format", JSONText.string("digitrack-export/1")),
      ("view", JSONText.string(view.rawValue)),
      ("title", JSONText.string(tables.context.text(data.dataset.title))),
      ("snapshot", JSONText.string(snapshot.date.description)),
      ("data", JSONText.string(tables.context.dataName)),
    ]
    // Present only on a filtered export, so an unfiltered one stays byte for byte as before.
    if let filter { fields.append(("filter", JSONText.string(tables.context.text(filter)))) }
    let national = data.aggregates.national
    let derived = { (derivation: Derivation) in JSONText.value(tables.derivedSource(derivation)) }
    // The plan (criteria, phase split, block names): "illustrative" when it is modelled.
    fields.append(("planSource", JSONText.value(tables.sourceID(data.dataset.plan.provenance))))
    switch view {
    case .overview:
      fields.append(("metrics", JSONText.objects(tables.metrics())))
      fields.append(("provincesFullyGreen", "\(national.fullyGreen)"))
      fields.append(("provinceCount", "\(national.provinceCount)"))
      fields.append(("phaseGreen", "[" + national.phaseGreen.map(String.init).joined(separator: ", ") + "]"))
      fields.append(("communesGreen", "\(national.communes.done)"))
      fields.append(("communesTotal", "\(national.communes.total)"))
      // Where each national roll-up comes from, beside it: "illustrative" or the ids it cites.
      fields.append(("provincesFullyGreenSource", derived(national.fullyGreenDerivation)))
      fields.append(("phaseGreenSource", derived(national.phaseGreenDerivation)))
      fields.append(("communesGreenSource", derived(national.communesDerivation)))
      fields.append(("rankSource", derived(data.aggregates.rankDerivation)))
      fields.append(("provinces", JSONText.objects(tables.provinces())))
    case .matrix:
      fields.append(("provinces", JSONText.objects(tables.matrix())))
    case .province:
      let code = data.dataset.provinces[province].code
      // The province's own row of the overview table, built once.
      var row = tables.provinces()
      row.rows = row.rows.filter { $0[1] == .text(code) }
      fields.append(("province", JSONText.objects(row)))
      fields.append(("criteria", JSONText.objects(tables.criteria(province: province))))
      let detail = ProvinceDetail(dataset: data.dataset, aggregates: data.aggregates, province: province)
      fields.append(("breakdownSource", derived(detail.breakdownDerivation)))
      if let change = detail.change { fields.append(("changeSource", derived(change.derivation))) }
      fields.append(("communeCriteria", JSONText.objects(tables.communeCriteria(province: province))))
    }
    fields.append(("sources", JSONText.objects(tables.sources())))
    return "{\n" + fields.map { "  \(JSONText.string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
  }
}

enum CSV {
  static func render(_ table: ExportTable) -> String {
    var out = table.columns.map { field($0.key) }.joined(separator: ",") + "\r\n"
    for row in table.rows {
      out += row.map(value).joined(separator: ",") + "\r\n"
    }
    return out
  }

  static func value(_ value: ExportValue) -> String {
    switch value {
    case .text(let text): field(text)
    case .integer(let number), .communeCount(let number, _): String(number)
    case .number(let number): JSONText.number(number)
    case .flag(let flag?), .phase(let flag?, _): flag ? "true" : "false"
    case .date(let date): date.description
    case .flag(nil), .phase(nil, _), .none: ""
    }
  }

  /// RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula: a cell
  /// that starts with = + - @, a tab or a carriage return (OWASP's CSV-injection list).
  static func field(_ text: String) -> String {
    var text = text
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
    // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
    guard text.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}

enum Markdown {
  /// A human table: numbers, percentages and statuses as the language writes them.
  static func render(_ table: ExportTable, format: NumberFormat, strings: Strings) -> String {
    var out = "## \(escape(table.title))\n\n"
    let titles = table.columns.map { $0.title.isEmpty ? $0.key : $0.title }
    out += "| " + titles.map(escape).joined(separator: " | ") + " |\n"
    out += "|" + table.columns.map { _ in "---|" }.joined() + "\n"
    for row in table.rows {
      let cells = zip(table.columns, row).map { column, value -> String in
        switch value {
        case .text(let text):
          if let status = Status(jsonName: text) {
            // The status column spells the status out; the matrix's criterion columns stay compact.
            let glyph = Glyphs.unicode.status(status)
            return column.key == "status" ? glyph + " " + (strings.statusNames[status] ?? text) : glyph
          }
          if text == "illustrative" && column.key.hasSuffix("source") { return strings.illustrativeMark }
          if column.key == "qualifier", let qualifier = Metric.Qualifier(rawValue: text) {
            return qualifier == .over ? strings.over : strings.about
          }
          return escape(text)
        case .integer(let number): return format.integer(number)
        case .number(let number):
          return column.key.hasSuffix("percent") ? format.percent(number / 100) : format.number(number)
        case .flag(let flag?): return flag ? "✓" : "✗"
        case .phase(_, let status): return Glyphs.unicode.status(status)
        case .communeCount(let count, let total):
          let ratio = Ratio(count, of: total)
          let glyph = CommuneLevel(ratio).map { Glyphs.unicode.communeLevel($0) } ?? Glyphs.unicode.status(.notReported)
          return glyph + " " + format.percent(ratio, strings: strings)
        case .date(let date): return format.date(date)
        case .flag(nil), .none: return "–"
        }
      }
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// Text from the data as literal Markdown text, so a name renders as itself and nothing else:
  /// `<` and `&` become entities (no raw HTML, no `&lt;` turning into `<`), and the punctuation
  /// that can start inline syntax — emphasis, code, links and images, strikethrough, table
  /// cells, backslashes — is backslash-escaped. Block syntax (`#`, `>`, `-` at the start of a
  /// line) needs nothing: data text never starts a line of the report.
  static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "&": out += "&amp;"
      case "\\", "`", "*", "_", "[", "]", "|", "~": out += "\\" + String(character)
      default: out.append(character)
      }
    }
    return out
  }
}

enum JSONText {
  static func string(_ text: String) -> String { DatasetWriter.quoted(text) }

  static func number(_ value: Double) -> String {
    guard value.isFinite else { return "null" }
    if value.rounded() == value, value.magnitude < 9e15 { return String(Int(value)) }
    return String(value)
  }

  static func value(_ value: ExportValue) -> String {
    switch value {
    case .text(let text): string(text)
    case .integer(let number), .communeCount(let number, _): String(number)
    case .number(let number): self.number(number)
    case .flag(let flag?), .phase(let flag?, _): flag ? "true" : "false"
    case .date(let date): string(date.description)
    case .flag(nil), .phase(nil, _), .none: "null"
    }
  }

  static func objects(_ table: ExportTable) -> String {
    let objects = table.rows.map { row in
      "{" + zip(table.columns, row).map { "\(string($0.key)): \(value($1))" }.joined(separator: ", ") + "}"
    }
    return objects.isEmpty ? "[]" : "[\n    " + objects.joined(separator: ",\n    ") + "\n  ]"
  }
}
