import DigiTrackModel
import FoundationEssentials
import Glibc

/// The title line every view starts with. The report date, the data's name and the dataset
/// title's qualifier (the demo's "(dữ liệu mẫu)") survive every width down to the minimum; the
/// title itself is shortened first, then the next deadline is said briefly, and the snapshot's
/// label, the program's name, the word "Report" and the deadline are dropped, in that order.
extension RenderContext {
  /// `subject` names what the view shows (a province, the matrix); `dataName` is left out where
  /// the view's next line names the data anyway (the overview).
  func titleLine(subject: String?, width: Int, dataName: Bool = true) -> Line {
    let snapshot = data.snapshot
    let (body, qualifier) = splitTitle(text(dataset.title))
    let app = " \(strings.appName) \(glyphs.separator)"
    let subjectText = subject.map { " " + $0 } ?? ""
    let date = format.date(snapshot.date)
    let label = " (\(text(snapshot.label)))"
    let next = NextDeadline(plan: dataset.plan, on: snapshot.date)
    let deadline = next.map { " \(glyphs.separator) " + ui(strings.nextDeadline($0, date: format.date($0.date))) }
    let shortDeadline = next.map { " \(glyphs.separator) " + ui(strings.nextDeadlineShort($0)) }
    let name = dataName ? text(self.dataName) + " \(glyphs.separator) " : ""

    // Candidates from the fullest to the barest; the first that fits is drawn.
    struct Shape {
      var app = true, label = true, deadline = true, shortDeadline = false, reportWord = true
    }
    let shapes: [Shape] = [
      Shape(), Shape(deadline: false, shortDeadline: true), Shape(label: false, deadline: false, shortDeadline: true),
      Shape(app: false, label: false, deadline: false, shortDeadline: true),
      Shape(app: false, label: false, deadline: false, shortDeadline: true, reportWord: false),
      Shape(app: false, label: false, deadline: false, reportWord: false),
    ]
    func right(_ shape: Shape) -> String {
      " " + name + (shape.reportWord ? ui(strings.report) + " " : "") + date + (shape.label ? label : "")
        + (shape.deadline ? deadline ?? "" : "") + (shape.shortDeadline ? shortDeadline ?? "" : "") + " "
    }
    // The fullest shape with the title cut (but not below 8 columns of it), then without it.
    let fullLeft = app + subjectText
    let room =
      width - fullLeft.displayWidth - qualifier.displayWidth - right(shapes[0]).displayWidth
      - (subject == nil ? 1 : 3)
    if !body.isEmpty, room >= min(8, body.displayWidth) {
      let gap = subject == nil ? " " : " \(glyphs.separator) "
      return assemble(left: fullLeft + gap + fittedBody(body, room) + qualifier, right: right(shapes[0]), width: width)
    }
    for shape in shapes {
      let left = (shape.app ? app : "") + subjectText + qualifier
      if left.displayWidth + right(shape).displayWidth <= width {
        return assemble(left: left, right: right(shape), width: width)
      }
    }
    // Narrower than anything above: the subject is cut, the date and the qualifier stay.
    let bare = " " + name + date + " "
    let subjectRoom = max(0, width - bare.displayWidth - qualifier.displayWidth - 1)
    return assemble(
      left: " " + (subject ?? "").fitted(to: subjectRoom, ellipsis: glyphs.ellipsis) + qualifier, right: bare,
      width: width)
  }

  private func fittedBody(_ body: String, _ room: Int) -> String {
    body.displayWidth <= room ? body : body.fitted(to: room, ellipsis: glyphs.ellipsis)
  }

  private func assemble(left: String, right: String, width: Int) -> Line {
    var line = Line(fill: .title)
    line.append(left, .title)
    let room = width - left.displayWidth
    if room >= right.displayWidth { line.append(right.fitted(to: room, alignRight: true), .title) }
    return line
  }

  /// "Title (qualifier)" → ("Title", " (qualifier)"): a trailing parenthesis qualifies the title
  /// (the demo's "dữ liệu mẫu") and is kept when the title is shortened.
  func splitTitle(_ title: String) -> (body: String, qualifier: String) {
    guard title.hasSuffix(")"), let open = title.lastIndex(of: "("), open > title.startIndex else { return (title, "") }
    let body = title[..<open].trimmingSpaces()
    return (body, " " + title[open...])
  }
}

extension RenderContext {
  /// Appends the `*` legend to a line of `width` columns: the full words where they fit, the short
  /// ones where only they fit, nothing where neither does: the line's own text is never cut for it,
  /// and a legend cut in the middle of a word ("không phải số liệu chính thức" as "khôn") misleads.
  func appendIllustrativeLegend(to line: inout Line, width: Int) {
    for legend in [strings.illustrativeLegend, strings.illustrativeLegendShort] {
      let text = "  " + ui(legend)
      if line.width + text.displayWidth <= width {
        line.append(text, .illustrative)
        return
      }
    }
  }
}
