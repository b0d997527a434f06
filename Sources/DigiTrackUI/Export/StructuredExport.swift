import DigiTrackModel
import FoundationEssentials
import Glibc

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
  public func render(
    view: ViewKind, province: Int?, format: ExportFormat, width: Int, filter: String = "",
    ordering: ProvinceOrdering = .standard
  ) -> String {
    let (tables, note) = structured(view: view, width: width, filter: filter, ordering: ordering)
    let province = province ?? data.aggregates.rankOrder.first ?? 0
    switch format {
    case .text:
      return text(view: view, province: province, width: width, filter: filter)
    case .csv:
      return CSV.render(csvTable(view: view, province: province, tables: tables))
    case .markdown:
      return markdown(view: view, province: province, tables: tables, filterNote: note, width: width)
    case .json:
      return json(view: view, province: province, tables: tables, filter: note == nil ? nil : filter)
    }
  }

  /// The tables of a structured export and its filter note: UTF-8 whatever the locale, the
  /// provinces `filter` matches (overview and matrix), the note nil for a province's view.
  func structured(
    view: ViewKind, width: Int = 100, filter: String, ordering: ProvinceOrdering = .standard
  ) -> (tables: ExportTables, filterNote: String?) {
    var dataOptions = options
    dataOptions.unicode = true
    var state = AppState(data: data, options: dataOptions, width: width, height: 100_000)
    state.filter = filter
    state.sort = ordering.sort
    state.reversed = ordering.reversed
    state.openOnly = ordering.openOnly
    state.orderRows()
    if view == .matrix { state.screen = .matrix }
    if view == .overdue { state.screen = .overdue }
    if view == .trend { state.screen = .trend(back: .overview) }
    return (ExportTables(context: state.context, order: state.order), view == .province ? nil : state.filterNote())
  }

  /// The one table a CSV holds. Every row says its report date, so a CSV read on its own (or
  /// appended to others) is dated; the trend's rows are in long form, each with its own date.
  func csvTable(view: ViewKind, province: Int, tables: ExportTables) -> ExportTable {
    let date = data.snapshot.date
    switch view {
    case .overview: return tables.provinces().dated(date)
    case .matrix: return tables.matrixWithLegend().dated(date)
    case .province: return tables.criteria(province: province).dated(date)
    case .overdue: return tables.overdue().dated(date)
    case .trend: return tables.trendRows()
    }
  }

  private func markdown(
    view: ViewKind, province: Int, tables: ExportTables, filterNote: String?, width: Int = 100
  ) -> String {
    let context = tables.context
    let escape = Markdown.escape
    let document = self.document(view: view, province: province, tables: tables, filterNote: filterNote)
    var out = "# \(escape(document.title))\n\n"
    out += "\(escape(document.heading[0])) · \(escape(document.heading[1]))\n\n"
    var notes = document.heading.dropFirst(2)
    if view == .province { notes = notes.dropLast() }
    for note in notes {
      out += note == filterNote ? "**\(escape(note))**\n\n" : "> \(note)\n\n"
    }
    if view == .province {
      out += "## \(escape(context.text(data.dataset.provinces[province].name)))\n\n"
      out += markdownHeadline(province: province, context: context)
    }
    let format = context.format
    if view == .overdue {
      let list = tables.overdueList
      out +=
        (list.entries.isEmpty
          ? context.strings.overdueNone
          : escape(
            context.strings.overdueSummary(
              entries: list.entries.count, criteria: list.byCriterion.count,
              provinces: "\(format.integer(list.provinceCount))/\(format.integer(data.dataset.provinces.count))")))
        + "\n\n"
    }
    if view == .trend {
      // The chart as the screen draws it (always in Unicode: Markdown is data), then the figures.
      let chart = ViewExport(data: data, options: DisplayOptions(language: context.language))
      out += Markdown.codeBlock(chart.text(view: .trend, province: nil, width: width))
    }
    out += markdownLegend(view: view, context: context)
    for table in document.tables {
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
    // The next deadline and the days left to it, as every screen's title line says them.
    let next = NextDeadline(plan: data.dataset.plan, on: snapshot.date)
    fields.append(("nextDeadline", next.map { JSONText.string($0.date.description) } ?? "null"))
    fields.append(("daysToNextDeadline", next.map { String($0.daysLeft) } ?? "null"))
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
      // Each phase's count on its own: a phase counted from published flags cites them.
      let phaseSources = national.phaseCountDerivations.map(derived)
      fields.append(("phaseGreenSources", "[" + phaseSources.joined(separator: ", ") + "]"))
      fields.append(("communesGreenSource", derived(national.communesDerivation)))
      fields.append(("rankSource", derived(data.aggregates.rankDerivation)))
      if let change = data.change {
        // Against the compared date: improvements and regressions apart, never netted.
        fields.append(("compareWith", JSONText.string(change.fromDate.description)))
        fields.append(("criteriaImproved", "\(change.criteria.improvements)"))
        fields.append(("criteriaRegressed", "\(change.criteria.regressions)"))
        fields.append(("greenProvincesImproved", "\(change.greenProvinces.improvements)"))
        fields.append(("greenProvincesRegressed", "\(change.greenProvinces.regressions)"))
        fields.append(("changeSource", derived(change.derivation)))
      }
      fields.append(("provinces", JSONText.objects(tables.provinces())))
    case .matrix:
      fields.append(("provinces", JSONText.objects(tables.matrix())))
      fields.append(("criteria", JSONText.objects(tables.criteriaLegend())))
    case .trend:
      fields.append(
        ("dates", "[" + data.trend.dates.map { JSONText.string($0.description) }.joined(separator: ", ") + "]"))
      fields.append(("series", JSONText.objects(tables.trendRows())))
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
    case .overdue:
      let list = tables.overdueList
      fields.append(("overdueCount", "\(list.entries.count)"))
      fields.append(("provincesOverdue", "\(list.provinceCount)"))
      fields.append(("provinceCount", "\(data.dataset.provinces.count)"))
      fields.append(("overdue", JSONText.objects(tables.overdue())))
      fields.append(("byCriterion", JSONText.objects(tables.overdueByCriterion())))
    }
    fields.append(("sources", JSONText.objects(tables.sources())))
    return "{\n" + fields.map { "  \(JSONText.string($0.0)): \($0.1)" }.joined(separator: ",\n") + "\n}\n"
  }
}

enum CSV {
  /// RFC 4180 with `,`; `separator: ";"` and `decimalComma` for a Vietnamese Excel (`--excel`).
  static func render(_ table: ExportTable, separator: String = ",", decimalComma: Bool = false) -> String {
    let quoted = separator.unicodeScalars.first ?? ","
    var out = table.columns.map { field($0.key, separator: quoted) }.joined(separator: separator) + "\r\n"
    for row in table.rows {
      out += row.map { value($0, separator: quoted, decimalComma: decimalComma) }.joined(separator: separator) + "\r\n"
    }
    return out
  }

  static func value(_ value: ExportValue, separator: Unicode.Scalar = ",", decimalComma: Bool = false) -> String {
    switch value {
    case .text(let text): field(text, separator: separator)
    case .integer(let number), .communeCount(let number, _): String(number)
    case .number(let number):
      decimalComma ? JSONText.number(number).replacingEvery(".", with: ",") : JSONText.number(number)
    case .flag(let flag?), .phase(let flag?, _): flag ? "true" : "false"
    case .date(let date): date.description
    case .flag(nil), .phase(nil, _), .none: ""
    }
  }

  /// RFC 4180 quoting, and a leading quote for text a spreadsheet would run as a formula: a cell
  /// that starts with = + - @, a tab or a carriage return (OWASP's CSV-injection list).
  static func field(_ text: String, separator: Unicode.Scalar = ",") -> String {
    var text = text
    if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
    // By scalar: "\r\n" is one Character, equal to neither "\r" nor "\n".
    guard text.unicodeScalars.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingEvery("\"", with: "\"\"") + "\""
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
          if column.key == "timeliness",
            let value = Timeliness(id: text, days: table.integer("timeliness_days", in: row))
          {
            return value.glyph(.unicode, unicode: true).trimmingSpaces + " " + strings.timeliness(value)
          }
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

  /// Text as a fenced code block, with a fence longer than any run of backticks inside it.
  static func codeBlock(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    return fence + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence + "\n\n"
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
