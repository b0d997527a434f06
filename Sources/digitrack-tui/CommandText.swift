import DigiTrackModel
import DigiTrackSystem
import DigiTrackUI
import FoundationEssentials
import Glibc

/// The language of the command line, known before the arguments are parsed, so that `--help`
/// is already in it: `--lang` (or `--lang=`) in the raw arguments, else config.json's `lang`,
/// else Vietnamese. A malformed `--lang` or config.json is left to the parser and to
/// `UserConfig.load`, which report it; here it only falls through to the next choice.
enum CommandLanguage {
  static let current: Language = resolve(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ConfigFolder.environment)

  static func resolve(arguments: [String], environment: [String: String]) -> Language {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument == "--" { break }
      if argument == "--lang", index + 1 < arguments.count, let language = Language(rawValue: arguments[index + 1]) {
        return language
      }
      if argument.hasPrefix("--lang="), let language = Language(rawValue: String(argument.dropFirst(7))) {
        return language
      }
      index += 1
    }
    // The manual page is generated from the help (ASCII only, in English).
    if arguments.contains("--experimental-dump-help") { return .en }
    if case .success(let data) = BoundedFile.read(UserConfig.path(environment: environment)),
      let fields = (try? JSONTree.parse([UInt8](data))) as? [String: Any],
      let code = fields["lang"] as? String, let language = Language(rawValue: code)
    {
      return language
    }
    return .vi
  }
}

/// `text` in the command line's language: the Vietnamese of `CommandText.vietnamese`, or the
/// English itself. Help texts and fixed messages are written in English at their place in the
/// code and looked up here, so that every command file stays readable and the Vietnamese is in
/// one file.
func tr(_ english: String) -> String {
  CommandLanguage.current == .vi ? CommandText.vietnamese[english] ?? english : english
}

/// A message with values, in the command line's language.
func say(_ vi: String, _ en: String) -> String { CommandLanguage.current == .vi ? vi : en }

/// The command line's texts in Vietnamese (natural administrative wording), by their English.
enum CommandText {
  static let vietnamese: [String: String] = [
    // Commands
    "Track the digital transformation of the provinces, in the terminal.":
      "Theo dõi chuyển đổi số của các tỉnh, thành phố ngay trong cửa sổ dòng lệnh.",
    "Open the interactive dashboard (the default command).": "Mở bảng theo dõi tương tác (lệnh mặc định).",
    "Render a view without a terminal, for scripts and reports.":
      "Xuất một màn hình ra tệp, không cần mở bảng theo dõi, để dùng trong báo cáo và tập lệnh.",
    "Check data files against the DigiTrack format.": "Kiểm tra tệp dữ liệu theo định dạng DigiTrack.",
    "Write a blank form to fill in (or, with --demo, the demo dataset).":
      "Tạo mẫu báo cáo trống để điền (hoặc, với --demo, bộ dữ liệu mẫu).",
    "Write deterministic synthetic data at any scale, for tests and benchmarks.":
      "Tạo dữ liệu tổng hợp ở mọi quy mô, luôn như nhau với cùng tham số, để kiểm thử và đo hiệu năng.",
    "List the colour themes: built-in, installed and your own.":
      "Liệt kê các bộ màu: có sẵn, đã cài đặt và do người dùng tạo.",
    "Measure loading, rendering, key to frame and start-up against simdjson and Python.":
      "Đo thời gian nạp, hiển thị, phản hồi phím và khởi động, so với simdjson và Python.",
    "Write an .xlsx form for a province (or every province) to fill in.":
      "Tạo biểu mẫu .xlsx để một tỉnh (hoặc mọi tỉnh) điền báo cáo.",
    "Add filled-in .xlsx, .ods or .csv forms to a copy of a dataset.":
      "Đưa các biểu mẫu .xlsx, .ods hoặc .csv đã điền vào một bản sao của bộ dữ liệu.",
    "Combine datasets of the same plan into one, by report date.":
      "Gộp các bộ dữ liệu cùng một kế hoạch thành một, theo ngày báo cáo.",

    // Shared options
    "A DigiTrack JSON file; the built-in demo data when omitted.":
      "Tệp JSON DigiTrack; nếu bỏ trống, dùng dữ liệu mẫu có sẵn.",
    "A DigiTrack JSON file, or a folder whose .json, .xlsx, .ods and .csv files are parts of one dataset; the built-in demo data when omitted.":
      "Tệp JSON DigiTrack, hoặc một thư mục mà các tệp .json, .xlsx, .ods và .csv trong đó là các phần của cùng một bộ dữ liệu; nếu bỏ trống, dùng dữ liệu mẫu có sẵn.",
    "With --data DIR: decide conflicts between files, as merge does: newer, or a file's name.":
      "Với --data THƯ-MỤC: cách xử lý số liệu mâu thuẫn giữa các tệp, như lệnh merge: newer (tệp sửa sau cùng) hoặc tên một tệp.",
    "The report date changes are measured against: YYYY-MM-DD, dd/mm/yyyy, first or latest (default the previous one).":
      "Ngày báo cáo dùng để so sánh thay đổi: YYYY-MM-DD, dd/mm/yyyy, first (đầu tiên) hoặc latest (mới nhất); mặc định là kỳ liền trước.",
    "Refuse data files larger than this many MiB (default \(DatasetLoader.defaultMaxBytes >> 20)).":
      "Từ chối tệp dữ liệu lớn hơn số MiB này (mặc định \(DatasetLoader.defaultMaxBytes >> 20)).",
    "Refuse files larger than this many MiB (default \(DatasetLoader.defaultMaxBytes >> 20)).":
      "Từ chối tệp lớn hơn số MiB này (mặc định \(DatasetLoader.defaultMaxBytes >> 20)).",
    "Language of the interface and exports: vi (default) or en.":
      "Ngôn ngữ của giao diện, thông báo và tệp xuất: vi (mặc định) hoặc en.",
    "Write to this file instead of standard output (- is standard output).":
      "Ghi vào tệp này thay cho đầu ra chuẩn (- là đầu ra chuẩn).",
    "Replace the -o file if it exists (its mode and owner are kept).":
      "Ghi đè tệp -o nếu đã có (giữ nguyên quyền và chủ sở hữu của tệp).",
    "Replace the output file if it exists.": "Ghi đè tệp kết quả nếu đã có.",
    "The report date to show: YYYY-MM-DD, dd/mm/yyyy, first or latest (default latest).":
      "Ngày báo cáo cần xem: YYYY-MM-DD, dd/mm/yyyy, first (đầu tiên) hoặc latest (mới nhất, mặc định).",

    // dashboard
    "Colour theme (see `digitrack-tui themes`).": "Bộ màu (xem `digitrack-tui themes`).",
    "Folder for exports written with the e key (default: the working directory).":
      "Thư mục lưu tệp xuất bằng phím e (mặc định: thư mục hiện tại).",
    "Do not use the mouse.": "Không dùng chuột.",
    "No colour (attributes only); NO_COLOR in the environment does the same.":
      "Không dùng màu (chỉ đậm, gạch chân…); biến môi trường NO_COLOR cũng có tác dụng này.",

    // export
    "overview (default), matrix, province, overdue or trend.":
      "overview (tổng quan, mặc định), matrix (ma trận), province (tỉnh), overdue (quá hạn) hoặc trend (xu hướng).",
    "The province for --view province: a name (diacritics optional) or a code.":
      "Tỉnh, thành phố cho --view province: tên (có hoặc không dấu) hoặc mã.",
    "text (default), markdown, csv, json or xlsx.": "text (mặc định), markdown, csv, json hoặc xlsx (Excel).",
    "With --format csv: for Excel: a UTF-8 BOM, and in Vietnamese ; between fields and decimal commas.":
      "Với --format csv: dành cho Excel: thêm dấu BOM UTF-8, và khi dùng tiếng Việt thì phân cách trường bằng ; và dùng dấu phẩy thập phân.",
    "--excel goes with --format csv": "--excel chỉ dùng cùng --format csv",
    "Width in columns for text (default 100).": "Độ rộng tính theo cột cho định dạng text (mặc định 100).",
    "Keep only the provinces that match, as / does in the dashboard (overview and matrix); the export says it is filtered.":
      "Chỉ giữ các tỉnh khớp, như phím / trên bảng theo dõi (tổng quan và ma trận); tệp xuất ghi rõ là đã lọc.",

    // validate
    "The files to check.": "Các tệp cần kiểm tra.",

    // template and form
    "Write the demo dataset (illustrative figures marked) instead of a blank form.":
      "Ghi bộ dữ liệu mẫu (số liệu minh họa có đánh dấu) thay cho mẫu trống.",
    "Keep only this province: a name (diacritics optional) or a code.":
      "Chỉ giữ tỉnh, thành phố này: tên (có hoặc không dấu) hoặc mã.",
    "The form's report date (YYYY-MM-DD); with --demo, the report date to keep.":
      "Ngày báo cáo của mẫu (YYYY-MM-DD); với --demo, ngày báo cáo cần giữ.",
    "json (default): a DigiTrack dataset; xlsx: an Excel form.":
      "json (mặc định): bộ dữ liệu DigiTrack; xlsx: biểu mẫu Excel.",
    "With --format xlsx: prefill the form from this dataset.":
      "Với --format xlsx: điền sẵn biểu mẫu từ bộ dữ liệu này.",
    "Prefill from this DigiTrack JSON file.": "Điền sẵn từ tệp JSON DigiTrack này.",
    "Prefill from the built-in demo data.": "Điền sẵn từ dữ liệu mẫu có sẵn.",
    "Only this province: a code or a name.": "Chỉ tỉnh, thành phố này: mã hoặc tên.",
    "The report date of the form (YYYY-MM-DD or dd/mm/yyyy; default the newest).":
      "Ngày báo cáo của biểu mẫu (YYYY-MM-DD hoặc dd/mm/yyyy; mặc định là ngày mới nhất).",
    "The .xlsx file to write.": "Tệp .xlsx cần ghi.",

    // generate
    "Number of report dates (1 to 520), the last on 2025-12-29. Progress rises from one to the next, with some regressions and some lateness.":
      "Số kỳ báo cáo (1 đến 520), kỳ cuối ngày 29/12/2025. Tiến độ tăng dần qua các kỳ, có một số tiêu chí đi xuống và một số trễ hạn.",
    "Days between report dates (default 7: weekly).": "Số ngày giữa hai kỳ báo cáo (mặc định 7: hằng tuần).",
    "Number of provinces.": "Số tỉnh, thành phố.",
    "Number of commune-level units, spread over the provinces.": "Số đơn vị cấp xã, chia cho các tỉnh.",
    "Number of criteria (a fifth of them commune-level).": "Số tiêu chí (một phần năm là tiêu chí cấp xã).",
    "Number of report snapshots, a month apart.": "Số kỳ báo cáo, cách nhau một tháng.",
    "Random seed.": "Hạt giống ngẫu nhiên.",

    // import and merge
    "The filled-in forms.": "Các biểu mẫu đã điền.",
    "The dataset to add the reports to (it is not changed).":
      "Bộ dữ liệu cần bổ sung báo cáo (tệp này không bị thay đổi).",
    "Use this report date instead of the forms' (YYYY-MM-DD or dd/mm/yyyy).":
      "Dùng ngày báo cáo này thay cho ngày ghi trên biểu mẫu (YYYY-MM-DD hoặc dd/mm/yyyy).",
    "Cite this source (an id in the dataset's sources) for the imported figures; default \"illustrative\".":
      "Nguồn trích dẫn cho số liệu nhập (mã một nguồn trong sources của bộ dữ liệu); mặc định \"illustrative\".",
    "The dataset to write.": "Bộ dữ liệu cần ghi.",
    "Print the CPU time of each stage to standard error (for docs/PERFORMANCE.md).":
      "In thời gian CPU của từng bước ra đầu ra lỗi chuẩn (cho docs/PERFORMANCE.md).",
    "The datasets to combine.": "Các bộ dữ liệu cần gộp.",
    "Decide conflicts: newer, or a file's name.": "Cách xử lý xung đột: newer (tệp mới hơn) hoặc tên một tệp.",

    // bench
    "Scales to generate, comma-separated (1 = national).":
      "Các quy mô cần tạo, cách nhau bằng dấu phẩy (1 = toàn quốc).",
    "Measure this data file instead of generated data.": "Đo trên tệp dữ liệu này thay cho dữ liệu tổng hợp.",
    "Runs of each stage; the median is printed (default 5).": "Số lần chạy mỗi bước; in ra trung vị (mặc định 5).",
    "Key presses timed for key-to-frame (default 200).": "Số lần bấm phím được đo phản hồi (mặc định 200).",
    "Also time Foundation's JSONDecoder on the same files.":
      "Đo thêm JSONDecoder của Foundation trên cùng các tệp.",
    "Tiny data, one run, few keys: a smoke test, not a measurement.":
      "Dữ liệu rất nhỏ, một lần chạy, ít phím: chỉ để thử nhanh, không phải số đo.",
    "Only the key-to-frame section (to profile it, e.g. under callgrind).":
      "Chỉ phần phản hồi phím (để phân tích, ví dụ bằng callgrind).",
    // Fixed messages
    "--max-size must be between 1 and 65536 MiB": "--max-size phải từ 1 đến 65536 MiB",
    "; raise it with --max-size MIB": "; có thể nâng giới hạn bằng --max-size MIB",
    "give at least one file to validate": "hãy ghi ít nhất một tệp cần kiểm tra",
    "--export-dir is not an existing folder": "--export-dir không phải là thư mục đã có",
    "--view province needs --province NAME_OR_CODE": "--view province cần --province TÊN_HOẶC_MÃ",
    "--width must be between 20 and 1000": "--width phải từ 20 đến 1000",
    "--data goes with --format xlsx": "--data chỉ dùng cùng --format xlsx",
    "give --data FILE or --demo, not both": "hãy dùng --data TỆP hoặc --demo, không dùng cả hai",
    "--format xlsx needs -o FILE.xlsx (a workbook is not written to the terminal)":
      "--format xlsx cần -o TỆP.xlsx (sổ tính không ghi ra cửa sổ dòng lệnh)",
    "not a JSON object such as {\"theme\": \"light\", \"lang\": \"en\"}":
      "không phải đối tượng JSON dạng {\"theme\": \"light\", \"lang\": \"en\"}",
    "must be a theme name": "phải là tên một bộ màu",
    "must be \"vi\" or \"en\"": "phải là \"vi\" hoặc \"en\"",
    "must be a path (a string)": "phải là một đường dẫn (chuỗi)",
    "--runs must be between 1 and 1000": "--runs phải từ 1 đến 1000",
    "--keys must be between 1 and 100000": "--keys phải từ 1 đến 100000",
    "--scales takes positive whole numbers separated by commas, e.g. 1,10,30":
      "--scales nhận các số nguyên dương cách nhau bằng dấu phẩy, ví dụ 1,10,30",
    "give at least one form to import": "hãy ghi ít nhất một biểu mẫu cần nhập",
    "give at least two datasets to merge": "hãy ghi ít nhất hai bộ dữ liệu cần gộp",
    "--prefer must be newer or one of the files given": "--prefer phải là newer hoặc một trong các tệp đã ghi",
    "nothing to import: every status and count in the forms is empty; nothing written":
      "không có gì để nhập: mọi trạng thái và số liệu trong biểu mẫu đều trống; không ghi tệp nào",
  ]
}
