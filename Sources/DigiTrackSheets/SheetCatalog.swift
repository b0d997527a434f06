import DigiTrackModel

/// Every problem the spreadsheet code reports, in Vietnamese and in English, in one place: the
/// readers of `.xlsx`, `.ods` and `.csv` files, the form importer, `merge` and `--data DIR`.
///
/// Translators read them here; the checks call them by name. The place (`tinh.ods: Tiêu chí cấp
/// tỉnh!E24:`) is not part of a message: `FormProblem` puts it in front, the same in both languages.
/// Values from the file (ids, codes, what a person typed) are shown as the file writes them. The
/// summary lines of the commands, already resolved to one language, are in `SheetMessages`.
extension LocalizedText {
  /// The only way to make a message of this catalog: private, so that none is written elsewhere.
  private static func text(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

  // MARK: Files and containers

  /// The system's reason, as `strerror` gives it. `import` tells a missing file by this message.
  static func cannotOpen(_ reason: String) -> LocalizedText {
    text("không mở được tệp: \(reason)", "cannot open the file: \(reason)")
  }

  static let cannotRead = text("không đọc được tệp", "cannot read the file")

  static func fileTooLarge(mebibytes: Int) -> LocalizedText {
    text("lớn hơn \(mebibytes) MiB: không đọc", "larger than \(mebibytes) MiB: refused")
  }

  static let emptyFile = text("tệp trống, không phải bảng tính", "the file is empty, not a spreadsheet")

  /// By the extension alone.
  static let notASpreadsheetExtension = text(
    "không phải bảng tính: hãy dùng tệp .xlsx, .ods hoặc .csv",
    "not a spreadsheet: give an .xlsx, an .ods or a .csv file")

  static let oldExcelExtension = text(
    "tệp Excel 97-2003 cũ: hãy lưu lại dạng .xlsx", "an old Excel 97-2003 file: save it as .xlsx")

  /// An OLE file that holds an `EncryptionInfo` stream.
  static let passwordProtected = text(
    "tệp bảng tính có mật khẩu (tệp OLE mã hóa): hãy lưu lại không đặt mật khẩu",
    "the workbook is password-protected (an encrypted OLE file): save it again without a password")

  /// An OLE file without encryption, given as `.xlsx`.
  static let oldExcelContent = text(
    "đây là tệp Excel 97-2003 (.xls) cũ, không phải .xlsx: hãy lưu lại dạng Excel Workbook (.xlsx)",
    "this is an old Excel 97-2003 (.xls) file, not .xlsx: save it as an Excel workbook (.xlsx)")

  /// `kind` is the extension the file was given: `xlsx` or `ods`.
  static func notAZipArchive(kind: String) -> LocalizedText {
    text(
      "không phải bảng tính: tệp .\(kind) là một tệp nén ZIP, còn tệp này thì không",
      "not a spreadsheet: an .\(kind) file is a ZIP archive, and this file is not one")
  }

  static func unreadableZipArchive(_ error: String) -> LocalizedText {
    text(
      "không phải bảng tính: không đọc được tệp nén ZIP (\(error))",
      "not a spreadsheet: the ZIP archive cannot be read (\(error))")
  }

  static let noWorkbookPart = text(
    "không phải bảng tính: tệp ZIP không có xl/workbook.xml không phải tệp .xlsx",
    "not a spreadsheet: a ZIP archive without xl/workbook.xml is not an .xlsx workbook")

  static let noSheets = text("tệp bảng tính trống: không có trang nào", "the workbook is empty: it has no sheets")

  static func sheetWithoutPart(_ sheet: String) -> LocalizedText {
    text(
      "trang \"\(sheet)\" không có phần dữ liệu trong tệp (tệp bị hỏng)",
      "sheet \"\(sheet)\" has no part in the workbook (damaged file)")
  }

  static func missingPart(_ path: String) -> LocalizedText {
    text("tệp bảng tính thiếu phần \(path) (tệp bị hỏng)", "the workbook has no part \(path) (damaged file)")
  }

  static func partTooLarge(_ path: String, mebibytes: UInt64) -> LocalizedText {
    text(
      "\(path) giải nén ra hơn \(mebibytes) MiB (bom ZIP, hoặc lớn hơn mọi biểu mẫu rất nhiều): không đọc",
      "\(path) inflates to more than \(mebibytes) MiB (a ZIP bomb, or far larger than any form): refused")
  }

  static func workbookTooLarge(mebibytes: UInt64) -> LocalizedText {
    text(
      "tệp bảng tính giải nén ra tổng cộng hơn \(mebibytes) MiB: không đọc",
      "the workbook inflates to more than \(mebibytes) MiB in all: refused")
  }

  /// `reason` is the dynamic loader's, naming the library.
  static func xmlReaderMissing(_ reason: String) -> LocalizedText {
    text(
      "không đọc được bảng tính: thiếu thư viện libxml2 (\(reason)); cài gói libxml2",
      "cannot read the workbook: the libxml2 library is missing (\(reason)); install the libxml2 package")
  }

  /// `message` is libxml2's, in English, with its line and column.
  static func brokenXML(_ path: String, _ message: String) -> LocalizedText {
    text("\(path): lỗi XML: \(message)", "\(path): \(message)")
  }

  static func cannotInflate(_ path: String, _ error: String) -> LocalizedText {
    text("không giải nén được \(path) (tệp bị hỏng: \(error))", "\(path) cannot be inflated (damaged file: \(error))")
  }

  static func checksumMismatch(_ path: String) -> LocalizedText {
    text(
      "không giải nén được \(path) (tệp bị hỏng: tổng kiểm tra không khớp)",
      "\(path) cannot be inflated (damaged file: its checksum does not match)")
  }

  // MARK: OpenDocument (.ods)

  static let noODSContent = text(
    "không phải bảng tính: tệp ZIP không có content.xml không phải tệp .ods",
    "not a spreadsheet: a ZIP archive without content.xml is not an .ods spreadsheet")

  /// `mimetype` names another kind of OpenDocument file (a text, a presentation).
  static func notAnODSSpreadsheet(_ mimetype: String) -> LocalizedText {
    text(
      "không phải bảng tính: tệp OpenDocument này là \(mimetype)",
      "not a spreadsheet: this OpenDocument file is \(mimetype)")
  }

  /// LibreOffice's password: the manifest lists how `content.xml` is encrypted.
  static let odsPasswordProtected = text(
    "tệp bảng tính có mật khẩu (content.xml được mã hóa): hãy lưu lại không đặt mật khẩu",
    "the spreadsheet is password-protected (content.xml is encrypted): save it again without a password")

  /// `number-rows-repeated` × `number-columns-repeated` of cells that hold a value.
  static func repeatedCellsTooMany(_ path: String, mebibytes: UInt64) -> LocalizedText {
    text(
      "\(path): các ô lặp lại (number-rows-repeated, number-columns-repeated) trải ra hơn \(mebibytes) MiB (bom ZIP, hoặc lớn hơn mọi biểu mẫu rất nhiều): không đọc",
      "\(path): its repeated cells (number-rows-repeated, number-columns-repeated) expand to more than \(mebibytes) MiB (a ZIP bomb, or far larger than any form): refused"
    )
  }

  // MARK: CSV

  static let csvIsAWorkbook = text(
    "đây là tệp bảng tính Excel, không phải tệp CSV: hãy đặt đuôi .xlsx",
    "this is a workbook, not a CSV file: give it the .xlsx extension")

  static let csvNotUTF8 = text(
    "không phải văn bản UTF-8: hãy lưu CSV dạng \"CSV UTF-8\"", "not UTF-8 text: save the CSV as \"CSV UTF-8\"")

  // MARK: A form as a whole

  static let emptyWorkbook = text(
    "tệp bảng tính trống: không trang nào có ô dữ liệu", "the workbook is empty: no sheet holds any cell")

  /// The headers are the Vietnamese ones, as the forms write them.
  static func noHeaderRow(idHeader: String, codeHeader: String) -> LocalizedText {
    text(
      "không có dòng tiêu đề (dòng có \"\(idHeader)\" hoặc \"\(codeHeader)\")",
      "no header row (the row with \"\(idHeader)\" or \"\(codeHeader)\")")
  }

  /// `expected`: the sheet names, quoted and joined.
  static func noDigiTrackSheet(expected: String) -> LocalizedText {
    text(
      "tệp không có trang nào của DigiTrack (cần \(expected), hoặc tên tiếng Anh của chúng)",
      "no DigiTrack sheet in this workbook (expected \(expected), or their English names)")
  }

  static func communeRowsWithoutProvincialRows(_ province: String) -> LocalizedText {
    text(
      "\(province) có dòng cấp xã nhưng không có dòng tiêu chí cấp tỉnh",
      "\(province) has commune-level rows but no provincial criteria rows")
  }

  static func notADate(_ typed: String) -> LocalizedText {
    text(
      "\"\(typed)\" không phải ngày (31/01/2026 hoặc 2026-01-31)",
      "\"\(typed)\" is not a date (31/01/2026 or 2026-01-31)")
  }

  /// `sheet`: the sheet of the earlier date; nil for a CSV file.
  static func reportDateDiffers(_ date: CalendarDate, from earlier: CalendarDate, sheet: String?) -> LocalizedText {
    text(
      "ngày báo cáo \(date) khác ngày \(earlier) ở \(sheet ?? "trang khác")",
      "report date \(date) differs from \(earlier) in \(sheet ?? "another sheet")")
  }

  static func noReportDate(label: String) -> LocalizedText {
    text(
      "biểu mẫu không ghi ngày báo cáo (\"\(label)\"): dùng --snapshot NGÀY",
      "the form gives no report date (\"\(label)\"): give --snapshot DATE")
  }

  static func formForAnotherPlan(_ code: String, tracked: String) -> LocalizedText {
    text(
      "biểu mẫu dành cho kế hoạch \(code), nhưng dữ liệu theo dõi kế hoạch \(tracked)",
      "the form is for plan \(code), but the dataset tracks \(tracked)")
  }

  /// `headers`: the missing columns' headers, quoted, in the form's language.
  static func headerWithoutColumns(_ headers: [String]) -> LocalizedText {
    text(
      "dòng tiêu đề không có cột " + headers.joined(separator: " hoặc "),
      "the header row has no column " + headers.joined(separator: " or "))
  }

  // MARK: Rows of provincial criteria

  static let noCriterionID = text("dòng này không có mã tiêu chí", "no criterion id in this row")

  static func communeCriterionInProvincialSheet(_ id: String) -> LocalizedText {
    text(
      "\"\(id)\" là tiêu chí cấp xã: ghi ở trang cấp xã",
      "\"\(id)\" is a commune-level criterion: it belongs in the commune-level sheet")
  }

  static func notAProvincialCriterion(_ id: String, plan: String) -> LocalizedText {
    text(
      "\"\(id)\" không phải tiêu chí cấp tỉnh của kế hoạch \(plan)",
      "\"\(id)\" is not a provincial criterion of plan \(plan)")
  }

  /// `earlierRow` is one-based, as a spreadsheet numbers rows.
  static func criterionTwice(_ id: String, province: String, earlierRow: Int) -> LocalizedText {
    text(
      "\(id) của \(province) bị ghi hai lần (đã có ở dòng \(earlierRow))",
      "\(id) of \(province) appears twice (also in row \(earlierRow))")
  }

  static func missingCriterionRows(_ province: String, ids: [String]) -> LocalizedText {
    text(
      "\(province) thiếu dòng của " + ids.joined(separator: ", ")
        + " (dòng bị xóa? mỗi tiêu chí cần có dòng của mình; chưa báo cáo thì để trống trạng thái)",
      "\(province) has no row for " + ids.joined(separator: ", ")
        + " (a deleted row? every criterion needs its row; leave the status empty for not reported)")
  }

  static func notAProvinceCode(_ code: String) -> LocalizedText {
    text(
      "\"\(code)\" không phải mã của tỉnh, thành phố nào trong dữ liệu",
      "\"\(code)\" is not the code of a province in the dataset")
  }

  static let noProvince = text("dòng này không có tỉnh, thành phố", "no province in this row")

  static func notAProvince(_ name: String) -> LocalizedText {
    text("\"\(name)\" không phải tỉnh, thành phố nào trong dữ liệu", "\"\(name)\" is not a province in the dataset")
  }

  /// `suggestion`: the nearest status word, if one is close; else `words`, quoted, are listed.
  static func notAStatus(_ typed: String, suggestion: String?, words: [String]) -> LocalizedText {
    if let suggestion {
      return text(
        "trạng thái \"\(typed)\" không hợp lệ (có phải là \"\(suggestion)\"?)",
        "\"\(typed)\" is not a status (did you mean \"\(suggestion)\"?)")
    }
    return text(
      "trạng thái \"\(typed)\" không hợp lệ; dùng \(words.joined(separator: ", ")) hoặc để trống",
      "\"\(typed)\" is not a status (use \(words.joined(separator: ", ")), or leave it empty)")
  }

  // MARK: Commune-level sheets

  static func criterionTwoColumns(_ id: String) -> LocalizedText {
    text("tiêu chí \(id) có hai cột", "criterion \(id) has two columns")
  }

  static func notACommuneCriterion(_ header: String, plan: String) -> LocalizedText {
    text(
      "\"\(header)\" không phải tiêu chí cấp xã của kế hoạch \(plan)",
      "\"\(header)\" is not a commune-level criterion of plan \(plan)")
  }

  static func missingCriterionColumns(_ ids: [String]) -> LocalizedText {
    text(
      "thiếu cột của tiêu chí cấp xã " + ids.joined(separator: ", "),
      "no column for commune-level criteria " + ids.joined(separator: ", "))
  }

  static func headerWithoutColumn(_ header: String) -> LocalizedText {
    text("dòng tiêu đề không có cột \"\(header)\"", "the header row has no column \"\(header)\"")
  }

  static let noUnitCode = text("dòng này không có mã đơn vị", "no unit code in this row")

  static func unitTwice(_ code: String, earlierRow: Int) -> LocalizedText {
    text(
      "đơn vị \(code) bị ghi hai lần (đã có ở dòng \(earlierRow))",
      "unit \(code) appears twice (also in row \(earlierRow))")
  }

  static func notAUnitOf(_ code: String, province: String) -> LocalizedText {
    text("\(code) không phải đơn vị của \(province)", "unit \(code) is not a unit of \(province)")
  }

  /// `folded`: what was typed, folded (lower case, no diacritics).
  static func notAUnitKind(_ folded: String) -> LocalizedText {
    text(
      "\"\(folded)\" không phải loại đơn vị (phường, xã, đặc khu)",
      "\"\(folded)\" is not a kind of unit (ward, commune, special zone)")
  }

  /// The first ten codes are named, then how many in all.
  static func missingUnitRows(_ province: String, codes: [String]) -> LocalizedText {
    let listed = codes.prefix(10).joined(separator: ", ")
    return text(
      "\(province) thiếu dòng của đơn vị " + listed + (codes.count > 10 ? ", … (tổng cộng \(codes.count))" : "")
        + " (dòng bị xóa?)",
      "\(province) has no row for unit" + (codes.count > 1 ? "s " : " ") + listed
        + (codes.count > 10 ? ", … (\(codes.count) in all)" : "") + " (a deleted row?)")
  }

  static func unitRowsCount(_ province: String, total: Int, rows: Int) -> LocalizedText {
    text(
      "\(province) có \(total) đơn vị cấp xã, nhưng chỉ có \(rows) dòng liệt kê",
      "\(province) has \(total) commune-level units, but \(rows) rows list them")
  }

  static func provinceTwice(_ province: String, earlierRow: Int) -> LocalizedText {
    text(
      "\(province) bị ghi hai lần (đã có ở dòng \(earlierRow))", "\(province) appears twice (also in row \(earlierRow))"
    )
  }

  static func countAboveUnits(_ count: Int, total: Int, province: String) -> LocalizedText {
    text(
      "\(count) lớn hơn số \(total) đơn vị cấp xã của \(province)",
      "\(count) is more than the \(total) commune-level units of \(province)")
  }

  static func notACount(_ typed: String, total: Int) -> LocalizedText {
    text(
      "\"\(typed)\" không phải số đơn vị (số nguyên từ 0 đến \(total))",
      "\"\(typed)\" is not a count (a whole number from 0 to \(total))")
  }

  static func greenAboveACriterion(_ green: Int, smallest: Int) -> LocalizedText {
    text(
      "\(green) đơn vị xanh mọi tiêu chí, nhưng một tiêu chí chỉ có \(smallest) đơn vị xanh",
      "\(green) units green on every criterion, but only \(smallest) on one of them")
  }

  // MARK: Joining reports: import, merge, --data DIR

  /// The label of a snapshot that `import` starts.
  static let importedFromForms = text("Số liệu nhập từ biểu mẫu", "Imported from forms")

  static func sameProvinceAndDate(_ province: String, date: CalendarDate, earlierFile: String) -> LocalizedText {
    text(
      "\(province) ngày \(date) cũng có trong \(earlierFile): mỗi tỉnh, thành phố và ngày chỉ dùng một biểu mẫu",
      "\(province) at \(date) is also in \(earlierFile): give one form per province and date")
  }

  /// `vi`, `en`: the loader's own message in each language.
  static func combinedInvalid(vi: String, en: String) -> LocalizedText {
    text("dữ liệu sau khi gộp không hợp lệ: \(vi)", "the combined dataset is not valid: \(en)")
  }

  static func otherPlan(_ code: String, than file: String, baseCode: String) -> LocalizedText {
    text(
      "theo dõi kế hoạch \(code) với bộ tiêu chí khác \(file) (\(baseCode))",
      "tracks plan \(code) with other criteria than \(file) (\(baseCode))")
  }

  static func otherProvinces(than file: String) -> LocalizedText {
    text("có danh sách tỉnh, thành phố khác \(file)", "has other provinces than \(file)")
  }

  static func conflict(with file: String, _ difference: LocalizedText) -> LocalizedText {
    text(
      "mâu thuẫn với \(file): \(difference.vi); dùng --prefer newer hoặc --prefer TỆP",
      "conflicts with \(file): \(difference.en); give --prefer newer or --prefer FILE")
  }

  /// `thereVI`, `hereVI`: the status words in Vietnamese; the English names the JSON's.
  static func statusDiffers(_ id: String, there: Status, here: Status, thereVI: String, hereVI: String)
    -> LocalizedText
  {
    text(
      "\(id) ở tệp kia là \(thereVI), ở tệp này là \(hereVI)", "\(id) is \(there.jsonName) there, \(here.jsonName) here"
    )
  }

  static let publishedCountDiffers = text("số đơn vị đã công bố khác nhau", "the published count differs")

  static func communesGreenDiffer(there: String?, here: String?) -> LocalizedText {
    text(
      "số đơn vị cấp xã xanh: \(there ?? "không có") ở tệp kia, \(here ?? "không có") ở tệp này",
      "communes green: \(there ?? "none") there, \(here ?? "none") here")
  }

  static let communeCountsDiffer = text(
    "số đơn vị cấp xã theo tiêu chí khác nhau", "commune counts per criterion differ")
  static let communeUnitsDiffer = text("danh sách đơn vị cấp xã khác nhau", "the commune-level units differ")
  static let phaseFlagsDiffer = text("các mốc giai đoạn đã công bố khác nhau", "the published phase flags differ")

  static func cannotReadFolder(_ reason: LocalizedText) -> LocalizedText {
    text("không đọc được thư mục: \(reason.vi)", "cannot read the folder: \(reason.en)")
  }

  static let noReadableDataset = text(
    "không có tệp dữ liệu .json nào đọc được để lấy kế hoạch và danh sách tỉnh, thành phố",
    "no readable .json dataset to give the plan and provinces")

  static func otherPlanOrProvinces(than file: String) -> LocalizedText {
    text(
      "theo dõi kế hoạch khác hoặc tỉnh, thành phố khác với \(file); bị bỏ qua",
      "tracks another plan or other provinces than \(file); left out")
  }
}
