import DigiTrackModel

/// The narrowest text export of each view: the dashboard's own minimum, where every figure and
/// its mark still fits whole (tested at every width from it up). Narrower, a number would be cut
/// (`5.30` for 5.300.000), so the export is refused instead.
extension ViewExport {
  public static func minimumWidth(for view: ViewKind) -> Int { AppState.minimumWidth }

  /// The message refusing `width` for a text export of `view`, or nil when it is wide enough.
  public static func widthRefusal(_ width: Int, view: ViewKind, language: Language) -> String? {
    let minimum = minimumWidth(for: view)
    guard width < minimum else { return nil }
    switch language {
    case .vi:
      return
        "--width \(width) quá hẹp cho bản xuất văn bản của màn hình \(Strings.for(.vi).viewName(view)): tối thiểu "
        + "\(minimum) cột, "
        + "để không số liệu nào bị cắt (markdown, csv và json không phụ thuộc độ rộng)"
    case .en:
      return
        "--width \(width) is too narrow for a text export of the \(Strings.for(.en).viewName(view)) view: the minimum "
        + "is \(minimum) "
        + "columns, so that no figure is cut (markdown, csv and json do not depend on the width)"
    }
  }
}
