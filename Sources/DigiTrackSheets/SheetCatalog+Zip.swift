import DigiTrackModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: ZIP reader (ZipArchive)

/// Why the ZIP reader refused an archive or a part, in both languages: the reason that the
/// catalog's `unreadableZipArchive` and `cannotInflate` messages quote. Apart from SheetCatalog.swift,
/// which is near its size limit; the messages around the reasons stay there.
enum ZipMessages {
  private static func text(_ vi: String, _ en: String) -> LocalizedText { LocalizedText(vi: vi, en: en) }

  static func reason(_ error: ZipError) -> LocalizedText {
    switch error {
    case .unreadable(let code):
      let system = String(cString: strerror(code))
      return text("lỗi khi đọc tệp: \(system)", "reading failed: \(system)")
    case .noEndRecord:
      return text(
        "không thấy bản ghi kết thúc danh mục (tệp bị cắt cụt, hoặc không phải tệp ZIP)",
        "no end of central directory record (a truncated file, or not a ZIP archive)")
    case .brokenRecord(.zip64End):
      return text("bản ghi kết thúc ZIP64 bị hỏng", "its ZIP64 end record is damaged")
    case .brokenRecord(.directoryEntry(let index)):
      return text(
        "mục thứ \(index + 1) của danh mục bị hỏng", "entry \(index + 1) of its central directory is damaged")
    case .brokenRecord(.zip64Extra(let index)):
      return text(
        "trường ZIP64 của mục thứ \(index + 1) bị hỏng hoặc bị thiếu",
        "the ZIP64 field of entry \(index + 1) is damaged or missing")
    case .directoryOutsideFile:
      return text(
        "danh mục nằm ngoài phạm vi tệp (tệp bị cắt cụt)",
        "its central directory lies outside the file (a truncated file)")
    case .entryOutsideFile(let index):
      return text(
        "mục thứ \(index + 1) trỏ ra ngoài phần dữ liệu của tệp", "entry \(index + 1) points outside the file's data")
    case .severalDisks:
      return text(
        "tệp nén được chia thành nhiều phần, không được hỗ trợ",
        "the archive spans several disks, which is not supported")
    case .tooManyEntries(let count):
      return text(
        "danh mục khai \(count) mục, nhiều hơn số mục nó có thể chứa",
        "its directory claims \(count) entries, more than it can hold")
    case .pastEndOfFile:
      return text(
        "dữ liệu vượt quá cuối tệp (tệp bị cắt cụt)", "its data runs past the end of the file (a truncated file)")
    case .encrypted:
      return text("phần này được mã hóa bằng mật khẩu", "the part is encrypted with a password")
    case .unsupportedMethod(let method):
      return text(
        "phương thức nén \(method) không được hỗ trợ (chỉ hỗ trợ lưu nguyên và deflate)",
        "compression method \(method) is not supported (only stored and deflate)")
    case .brokenLocalHeader:
      return text("tiêu đề cục bộ của phần này bị hỏng", "its local header is damaged")
    case .brokenDeflate(let message):
      return text("dữ liệu nén deflate bị hỏng: \(message)", "its deflate data is damaged: \(message)")
    case .sizeMismatch(let expected, let actual):
      return text(
        "giải nén ra \(actual) byte, trong khi danh mục ghi \(expected) byte",
        "it inflates to \(actual) bytes, its directory says \(expected)")
    case .checksumMismatch:
      return text("tổng kiểm tra không khớp", "its checksum does not match")
    }
  }
}

extension LocalizedText {
  /// The catalog's message with the reason in the same language.
  static func unreadableZipArchive(_ error: ZipError) -> LocalizedText {
    let reason = ZipMessages.reason(error)
    return LocalizedText(vi: unreadableZipArchive(reason.vi).vi, en: unreadableZipArchive(reason.en).en)
  }

  /// A wrong checksum keeps the catalog's own message.
  static func cannotInflate(_ path: String, _ error: ZipError) -> LocalizedText {
    if error == .checksumMismatch { return checksumMismatch(path) }
    let reason = ZipMessages.reason(error)
    return LocalizedText(vi: cannotInflate(path, reason.vi).vi, en: cannotInflate(path, reason.en).en)
  }
}
