import FoundationEssentials
import Glibc

/// Every message the loader gives, in Vietnamese and in English, in one place.
///
/// The decoders call these only when something is wrong (through `DecodeContext.error`'s
/// autoclosure), so a file that loads never builds a message. The place (`tinh.json:12:7:`, a JSON
/// path) is not part of a message: it stays the same in both languages, for tools to read.
/// Values from the file (ids, dates, numbers) are shown as the file writes them.
extension LocalizedText {
  static func both(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

  // MARK: Types of value

  static func noun(_ kind: JSONValue.Kind) -> LocalizedText {
    switch kind {
    case .null: both("null", "null")
    case .bool: both("một giá trị true/false", "a boolean")
    case .integer: both("một số nguyên", "an integer")
    case .number: both("một số", "a number")
    case .string: both("một chuỗi", "a string")
    case .array: both("một mảng", "an array")
    case .object: both("một đối tượng", "an object")
    }
  }

  /// "expected a string, found an array"
  static func expected(_ what: LocalizedText, found kind: JSONValue.Kind) -> LocalizedText {
    let found = noun(kind)
    return both("cần \(what.vi), nhưng gặp \(found.vi)", "expected \(what.en), found \(found.en)")
  }

  static let aString = both("một chuỗi", "a string")
  static let anIdentifier = both("một mã định danh dạng chuỗi", "an identifier string")
  static let aDate = both("một ngày dạng \"YYYY-MM-DD\"", "a date \"YYYY-MM-DD\"")
  static let aWholeNumber = both("một số nguyên", "a whole number")
  static let aNumber = both("một số", "a number")
  static let aBoolean = both("true hoặc false", "true or false")
  static let anArray = both("một mảng", "an array")
  static let anObject = both("một đối tượng", "an object")
  static let aStatusMap = both(
    "một đối tượng ánh xạ mã tiêu chí sang trạng thái", "an object mapping criterion ids to statuses")
  static let aCountMap = both(
    "một đối tượng ánh xạ mã tiêu chí cấp xã sang số đơn vị", "an object mapping commune-level criterion ids to counts")
  static let aPhaseMap = both(
    "một đối tượng dạng {\"1\": true, \"src\": \"…\"}", "an object such as {\"1\": true, \"src\": \"…\"}")
  static func oneOf(_ allowed: String) -> LocalizedText {
    both("một trong các giá trị \(allowed)", "one of \(allowed)")
  }

  /// What a reference names, for "unknown region \"X\"".
  static func kindName(_ kind: String) -> LocalizedText {
    switch kind {
    case "region": both("vùng", "region")
    case "province": both("tỉnh, thành phố", "province")
    case "province code": both("mã tỉnh, thành phố", "province code")
    case "criterion": both("tiêu chí", "criterion")
    case "criterion id": both("mã tiêu chí", "criterion id")
    case "task group": both("nhóm nhiệm vụ", "task group")
    case "pillar": both("trụ cột", "pillar")
    case "block": both("khối", "block")
    case "source": both("nguồn", "source")
    default: both(kind, kind)
    }
  }

  // MARK: Single values

  static func textTooLong(characters: Int) -> LocalizedText {
    let limit = FormatSpec.maxTextLength
    return both(
      "văn bản quá dài (\(characters) ký tự; tối đa \(limit) ký tự)",
      "text is too long (\(characters) characters; at most \(limit))")
  }
  // MARK: doneOn (the day a status was done)

  static func doneOnNotGreen(_ word: String) -> LocalizedText {
    both(
      "có doneOn nhưng trạng thái là \(word); chỉ trạng thái xanh mới là đã hoàn thành",
      "doneOn is given, but the status is \(word); only a green status is done")
  }

  static func doneOnAfterSnapshot(_ done: String, _ date: String) -> LocalizedText {
    both("doneOn \(done) sau ngày của kỳ số liệu \(date)", "doneOn \(done) is after the snapshot's date \(date)")
  }

  static let mustNotBeEmpty = both("không được để trống", "must not be empty")
  static func notAnIdentifier(_ shown: String) -> LocalizedText {
    both(
      "\(shown) không phải là mã định danh hợp lệ (\("1–32 ký tự trong A–Z a–z 0–9 _ . -"))",
      "\(shown) is not a valid identifier (\(FormatSpec.identifierRule))")
  }
  static func notADate(_ shown: String) -> LocalizedText {
    both(
      "\(shown) không phải là ngày có thật theo dạng YYYY-MM-DD", "\(shown) is not a real date in the form YYYY-MM-DD")
  }
  static func notWhole(_ number: Double) -> LocalizedText {
    both("cần một số nguyên, nhưng gặp \(number)", "expected a whole number, found \(number)")
  }
  static func wholeWrittenAsDecimal(_ number: Double) -> LocalizedText {
    both(
      "số nguyên phải viết không có phần thập phân hay số mũ (gặp \(number))",
      "expected a whole number written as an integer, without a fraction or exponent (found \(number))")
  }
  static let outOfRange = both("số nằm ngoài phạm vi cho phép", "number is out of range")
  static func negative(_ number: Int) -> LocalizedText {
    both("không được là số âm (gặp \(number))", "must not be negative (found \(number))")
  }
  static func countTooLarge(_ number: Int) -> LocalizedText {
    both(
      "\(number) quá lớn đối với một số đếm (tối đa \(FormatSpec.maxCount))",
      "\(number) is too large for a count (at most \(FormatSpec.maxCount))")
  }
  static func notFiniteAmount(_ number: Double) -> LocalizedText {
    both(
      "phải là số hữu hạn, từ 0 trở lên (gặp \(number))", "must be a finite number, zero or more (found \(number))")
  }
  static func amountTooLarge(_ number: Double) -> LocalizedText {
    both(
      "tối đa là \(FormatSpec.maxAmountText) (gặp \(number))",
      "must be at most \(FormatSpec.maxAmountText) (found \(number))")
  }
  static func notOneOf(_ shown: String, _ allowed: String) -> LocalizedText {
    both("\(shown) không thuộc các giá trị \(allowed)", "\(shown) is not one of \(allowed)")
  }

  // MARK: Objects and keys

  static func unknownKey(_ shown: String, allowed: String) -> LocalizedText {
    both("khóa \(shown) không hợp lệ (các khóa được dùng: \(allowed))", "unknown key \(shown) (allowed: \(allowed))")
  }
  static func duplicateKey(_ key: String) -> LocalizedText {
    both("khóa \"\(key)\" xuất hiện hai lần", "duplicate key \"\(key)\"")
  }
  static func missingKey(_ key: String) -> LocalizedText {
    both("thiếu khóa bắt buộc \"\(key)\"", "missing required key \"\(key)\"")
  }
  static func duplicateID(_ kind: LocalizedText?, _ id: String) -> LocalizedText {
    guard let kind else { return both("mã \"\(id)\" bị trùng", "duplicate id \"\(id)\"") }
    return both("mã \(kind.vi) \"\(id)\" bị trùng", "duplicate \(kind.en) id \"\(id)\"")
  }
  static func duplicateCode(_ kind: LocalizedText, _ code: String) -> LocalizedText {
    both("mã \(kind.vi) \"\(code)\" bị trùng", "duplicate \(kind.en) code \"\(code)\"")
  }
  static func unknownReference(_ kind: String, _ shown: String) -> LocalizedText {
    let name = kindName(kind)
    return both("không có \(name.vi) \(shown)", "unknown \(name.en) \(shown)")
  }

  // MARK: The cap

  static func moreErrors(_ hidden: Int, cap: Int) -> LocalizedText {
    both(
      "còn \(hidden) lỗi khác không hiển thị (chỉ liệt kê tối đa \(cap) lỗi)",
      "\(hidden) more error(s) not shown (at most \(cap) are listed)")
  }
  static func moreWarnings(_ hidden: Int, cap: Int) -> LocalizedText {
    both(
      "còn \(hidden) cảnh báo khác không hiển thị (chỉ liệt kê tối đa \(cap) cảnh báo)",
      "\(hidden) more warning(s) not shown (at most \(cap) are listed)")
  }

  // MARK: Rules of the format

  static func wrongFormat(_ found: LocalizedText) -> LocalizedText {
    let version = Dataset.formatVersion
    return both(
      "cần \"\(version)\", nhưng gặp \(found.vi); phiên bản DigiTrack này đọc định dạng phiên bản 1",
      "expected \"\(version)\", found \(found.en); this DigiTrack reads format version 1")
  }
  static func asOfBeforeFirst(_ asOf: CalendarDate, _ first: CalendarDate) -> LocalizedText {
    both(
      "ngày asOf \(asOf) sớm hơn kỳ số liệu đầu tiên (\(first))", "asOf \(asOf) is before the first snapshot (\(first))"
    )
  }
  static func notAnURL(_ shown: String) -> LocalizedText {
    both("\(shown) không phải là địa chỉ http(s)", "\(shown) is not an http(s) URL")
  }
  static let illustrativeReserved = both(
    "\"illustrative\" được dành cho số liệu không có nguồn", "\"illustrative\" is reserved for figures without a source"
  )
  static func unknownSource(_ id: String) -> LocalizedText {
    both(
      "không có nguồn \"\(id)\" (ghi mã của một mục trong sources, hoặc \"illustrative\")",
      "unknown source \"\(id)\" (give the id of an entry in sources, or \"illustrative\")")
  }
  static func phaseBeforeIssued(_ deadline: CalendarDate, _ issued: CalendarDate) -> LocalizedText {
    both(
      "thời hạn giai đoạn 1 (\(deadline)) sớm hơn ngày ban hành kế hoạch (\(issued))",
      "phase 1 deadline \(deadline) is before the plan was issued (\(issued))")
  }
  static func phaseNumbering(expected: Int, found: Int) -> LocalizedText {
    both(
      "các giai đoạn được đánh số 1, 2, … theo thứ tự: cần \(expected), nhưng gặp \(found)",
      "phases are numbered 1, 2, … in order: expected \(expected), found \(found)")
  }
  static func phaseDeadlineOrder(_ deadline: CalendarDate, previous: Int, _ previousDeadline: CalendarDate)
    -> LocalizedText
  {
    both(
      "thời hạn các giai đoạn phải tăng dần: \(deadline) không sau thời hạn giai đoạn \(previous) (\(previousDeadline))",
      "phase deadlines must increase: \(deadline) is not after phase \(previous)'s \(previousDeadline)")
  }
  static let needsAPhase = both("kế hoạch cần ít nhất một giai đoạn", "the plan needs at least one phase")
  static let needsAProvincialCriterion = both(
    "kế hoạch cần ít nhất một tiêu chí cấp tỉnh", "the plan needs at least one provincial-level criterion")
  static func unknownPhase(_ phase: Int, count: Int) -> LocalizedText {
    both(
      "không có giai đoạn \(phase) (kế hoạch có \(count) giai đoạn)", "unknown phase \(phase) (the plan has \(count))")
  }
  static func sameProvinceName(_ shown: String, first: Int) -> LocalizedText {
    both(
      "\(shown) trùng với tên tại provinces[\(first)].name (tên phải khác nhau, không kể chữ hoa và dấu)",
      "\(shown) is also the name of provinces[\(first)].name (names must differ, ignoring case and diacritics)")
  }
  static func unitSum(_ sum: Int, total: Int) -> LocalizedText {
    both(
      "wards + communes + specialZones = \(sum), nhưng total là \(total)",
      "wards + communes + specialZones = \(sum), but total is \(total)")
  }
  static func snapshotOrder(_ date: CalendarDate, after previous: CalendarDate) -> LocalizedText {
    both(
      "các kỳ số liệu phải theo thứ tự ngày tăng dần: \(date) không sau \(previous)",
      "snapshots must be in increasing date order: \(date) is not after \(previous)")
  }
  static let needsASnapshot = both("cần ít nhất một kỳ số liệu", "at least one snapshot is needed")
  static let targetAboveZero = both("chỉ tiêu phải lớn hơn 0", "a target must be above zero")
  static func valueAboveTarget(_ amount: Double, _ target: Double) -> LocalizedText {
    both("giá trị \(amount) vượt chỉ tiêu \(target)", "value \(amount) is above its target \(target)")
  }
  static func secondReport(_ code: String) -> LocalizedText {
    both(
      "tỉnh \"\(code)\" có hai báo cáo trong cùng một kỳ số liệu",
      "a second report for province \"\(code)\" in the same snapshot")
  }
  static func doneAboveTotal(_ done: Int, _ total: Int) -> LocalizedText {
    both("done (\(done)) lớn hơn total (\(total))", "done (\(done)) is more than total (\(total))")
  }
  static func provincialTotal(_ total: Int, declared: Int) -> LocalizedText {
    both(
      "total là \(total), nhưng kế hoạch có \(declared) tiêu chí cấp tỉnh",
      "total is \(total), but the plan has \(declared) provincial-level criteria")
  }
  static func doneNotGreen(_ done: Int, green: Int) -> LocalizedText {
    both(
      "done là \(done), nhưng các trạng thái có \(green) tiêu chí xanh",
      "done is \(done), but the statuses have \(green) green")
  }
  static func notAPhaseKey(_ shown: String, count: Int) -> LocalizedText {
    both(
      "\(shown) không phải là số giai đoạn của kế hoạch (1–\(count)) hay \"src\"",
      "\(shown) is not a phase number of the plan (1–\(count)) or \"src\"")
  }
  static func wrongLevel(_ id: String, is level: Level, wanted: Level) -> LocalizedText {
    func vi(_ level: Level) -> String { level == .provincial ? "cấp tỉnh" : "cấp xã" }
    return both(
      "\(id) là tiêu chí \(vi(level)), không phải \(vi(wanted))",
      "\(id) is a \(level.rawValue)-level criterion, not \(wanted.rawValue)-level")
  }
  static func redBeforeDeadline(phase: Int, _ deadline: CalendarDate) -> LocalizedText {
    both(
      "đỏ (trễ hạn) trước thời hạn giai đoạn \(phase) (\(deadline)); có phải là vàng?",
      "red (late) before the phase \(phase) deadline \(deadline); did you mean yellow?")
  }

  // MARK: Commune-level counts

  static func communeTotal(_ given: Int, expected: Int) -> LocalizedText {
    both(
      "total là \(given), nhưng tỉnh có \(expected) đơn vị cấp xã",
      "total is \(given), but the province has \(expected) commune-level units")
  }
  static func greenAboveTotal(_ green: Int, _ total: Int) -> LocalizedText {
    both("green (\(green)) lớn hơn total (\(total))", "green (\(green)) is more than total (\(total))")
  }
  static func greenNotCounted(_ green: Int, counted: Int) -> LocalizedText {
    both(
      "green là \(green), nhưng có \(counted) đơn vị đạt xanh mọi tiêu chí",
      "green is \(green), but \(counted) of the units are green on every criterion")
  }
  static func byCriterionNotCounted(_ id: String, _ given: Int, counted: Int) -> LocalizedText {
    both(
      "byCriterion.\(id) là \(given), nhưng có \(counted) đơn vị đạt xanh tiêu chí này",
      "byCriterion.\(id) is \(given), but \(counted) of the units are green on it")
  }
  static func notACommuneCriterion(_ shown: String) -> LocalizedText {
    both(
      "\(shown) không phải là tiêu chí cấp xã của kế hoạch", "\(shown) is not a commune-level criterion of the plan")
  }
  static func countAboveUnits(_ count: Int, _ total: Int) -> LocalizedText {
    both(
      "\(count) lớn hơn số đơn vị cấp xã (\(total))", "\(count) is more than the \(total) commune-level units")
  }
  static func criterionBelowGreen(_ count: Int, _ id: String, green: Int) -> LocalizedText {
    both(
      "\(count) đơn vị đạt xanh tiêu chí \(id), nhưng có \(green) đơn vị đạt xanh mọi tiêu chí",
      "\(count) communes green on \(id), but \(green) are green on every criterion")
  }
  static func unitsListed(_ listed: Int, total: Int) -> LocalizedText {
    both(
      "liệt kê \(listed) đơn vị, nhưng tỉnh có \(total)", "\(listed) units listed, but the province has \(total)")
  }

  // MARK: Reading the file

  static func cannotOpen(_ reason: LocalizedText) -> LocalizedText {
    both("không mở được tệp: \(reason.vi)", "cannot open: \(reason.en)")
  }
  static func cannotRead(_ reason: LocalizedText) -> LocalizedText {
    both("không đọc được tệp: \(reason.vi)", "cannot read: \(reason.en)")
  }
  static let isDirectory = both("là một thư mục, không phải tệp dữ liệu", "is a directory, not a data file")
  static func notRegular(_ mode: mode_t) -> LocalizedText {
    let kind: LocalizedText =
      switch mode {
      case S_IFIFO: both("một FIFO (đường ống có tên)", "a FIFO (named pipe)")
      case S_IFCHR: both("một thiết bị ký tự", "a character device")
      case S_IFBLK: both("một thiết bị khối", "a block device")
      case S_IFSOCK: both("một socket", "a socket")
      default: both("một tệp đặc biệt", "a special file")
      }
    return both("là \(kind.vi), không phải tệp thông thường", "is \(kind.en), not a regular file")
  }
  static func tooLarge(limit: String, size: String) -> LocalizedText {
    both(
      "tệp lớn hơn giới hạn \(limit) (từ \(size) trở lên)",
      "\(DatasetLoader.tooLargePrefix)\(limit) limit (\(size) or more)")
  }
  static let utf16 = both(
    "tệp được mã hóa UTF-16 hoặc UTF-32; hãy lưu lại dưới dạng UTF-8", "the file is UTF-16 or UTF-32; save it as UTF-8")
  static let emptyFile = both("tệp rỗng", "the file is empty")
  static let notUTF8 = both("tệp không đúng mã UTF-8 tại đây", "the file is not valid UTF-8 here")
  static func invalidJSON(_ detail: LocalizedText) -> LocalizedText {
    both("JSON không hợp lệ: \(detail.vi)", "invalid JSON: \(detail.en)")
  }

  /// The system's reason for a failed call, in the user's language: the common ones in words
  /// (English as the C library says them), any other with its number (`errno 5`); never English
  /// beside a Vietnamese message.
  public static func systemError(_ code: Int32) -> LocalizedText {
    switch code {
    case ENOENT: both("không có tệp hoặc thư mục này", "No such file or directory")
    case EACCES: both("không có quyền truy cập", "Permission denied")
    case EPERM: both("thao tác không được phép", "Operation not permitted")
    case EEXIST: both("tệp đã tồn tại", "File exists")
    case EISDIR: both("đây là một thư mục", "Is a directory")
    case ENOSPC: both("ổ đĩa đã hết dung lượng", "No space left on device")
    case EROFS: both("ổ đĩa chỉ cho phép đọc", "Read-only file system")
    case ENOTDIR: both("một phần của đường dẫn không phải là thư mục", "Not a directory")
    case ELOOP: both("quá nhiều liên kết tượng trưng lồng nhau", "Too many levels of symbolic links")
    default: both("lỗi hệ thống (mã errno \(code))", "\(String(cString: strerror(code))) (errno \(code))")
    }
  }
}
