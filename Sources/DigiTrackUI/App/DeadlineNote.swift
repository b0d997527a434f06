import DigiTrackModel

/// Every screen says how many days are left to the next deadline (issue 11). The title line says
/// it where there is room; where the title is full (a long subject and data name at 80 columns),
/// the status line says it on screen and a line under the title says it in a text export.
extension AppState {
  /// The next deadline briefly ("GĐ2 còn 2 ngày") when `page`'s title line does not say it, or
  /// nil when it does or when every deadline has passed.
  func deadlineNote(missingFrom page: Page, short: Bool = true) -> String? {
    guard let next = NextDeadline(plan: data.dataset.plan, on: data.snapshot.date) else { return nil }
    let brief = context.ui(context.strings.nextDeadlineShort(next))
    let full = context.ui(context.strings.nextDeadline(next, date: context.format.date(next.date)))
    let title = page.top.first.map { $0.spans.map(\.text).joined() } ?? ""
    guard !title.containsText(brief), !title.containsText(full) else { return nil }
    return short ? brief : full
  }
}
