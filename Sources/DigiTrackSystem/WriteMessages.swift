import DigiTrackModel
import FoundationEssentials
import Glibc

/// What the atomic writer says when a file cannot be written, in Vietnamese and in English, in
/// one place. The system's reasons come from `LocalizedText.systemError` in the model.
extension LocalizedText {
  static let writeIsDirectory = LocalizedText(vi: "đây là một thư mục", en: "is a directory")
  static let tooManyLinks = LocalizedText(
    vi: "quá nhiều liên kết tượng trưng lồng nhau", en: "too many levels of symbolic links")
  /// The folder of `-o` is missing: named, since "No such file or directory" does not say which.
  static func missingFolder(_ folder: String) -> LocalizedText {
    LocalizedText(vi: "chưa có thư mục \(folder)", en: "the folder \(folder) does not exist")
  }
  static func cannotKeepOwner(_ owner: String, _ reason: LocalizedText) -> LocalizedText {
    LocalizedText(
      vi: "không giữ được chủ sở hữu của tệp (\(owner)): \(reason.vi); tệp không bị thay",
      en: "cannot keep its owner (\(owner)): \(reason.en); not replaced")
  }
  static func alreadyExists(_ named: String) -> LocalizedText {
    LocalizedText(
      vi: "\(named): tệp đã có; không ghi đè (thêm --force để ghi đè)",
      en: "\(named): already exists; not replaced (add --force to replace it)")
  }
  static func tooManyExports(_ folder: String) -> LocalizedText {
    LocalizedText(
      vi: "\(folder): có quá nhiều tệp xuất cùng một thời điểm",
      en: "\(folder): too many exports with the same time stamp")
  }
}
