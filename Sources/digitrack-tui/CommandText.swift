import DigiTrackModel
import DigiTrackSystem
import DigiTrackUI
import Foundation

/// The language of the command line, known before the arguments are parsed, so that `--help`
/// is already in it: `--lang` (or `--lang=`) in the raw arguments, else config.json's `lang`,
/// else Vietnamese. A malformed `--lang` or config.json is left to the parser and to
/// `UserConfig.load`, which report it; here it only falls through to the next choice.
enum CommandLanguage {
  static let current: Language = resolve(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)

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
      let fields = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
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
    "Add filled-in .xlsx or .csv forms to a copy of a dataset.":
      "Đưa các biểu mẫu .xlsx hoặc .csv đã điền vào một bản sao của bộ dữ liệu.",
    "Combine datasets of the same plan into one, by report date.":
      "Gộp các bộ dữ liệu cùng một kế hoạch thành một, theo ngày báo cáo.",

    // Shared options
    "A DigiTrack JSON file; the built-in demo data when omitted.":
      "Tệp JSON DigiTrack; nếu bỏ trống, dùng dữ liệu mẫu có sẵn.",
    "A DigiTrack JSON file, or a folder whose .json, .xlsx and .csv files are parts of one dataset; the built-in demo data when omitted.":
      "Tệp JSON DigiTrack, hoặc một thư mục mà các tệp .json, .xlsx và .csv trong đó là các phần của cùng một bộ dữ liệu; nếu bỏ trống, dùng dữ liệu mẫu có sẵn.",
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
    "Also time Foundation's JSONSerialization on the same files.":
      "Đo thêm JSONSerialization của Foundation trên cùng các tệp.",
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

extension CommandText {
  /// A command's `--help` discussion: `english` as written in the command, or its Vietnamese.
  static func discussion(_ command: String, _ english: String) -> String {
    guard CommandLanguage.current == .vi, let text = discussions[command] else { return english }
    return text
  }

  static let discussions: [String: String] = [
    "digitrack-tui": """
    Không có lệnh con thì mở bảng theo dõi với dữ liệu mẫu có sẵn, hoặc với --data TỆP. Định dạng dữ liệu: docs/FORMAT.md (phiên bản \(Dataset.formatVersion)).

    Ví dụ:
      digitrack-tui                          mở bảng theo dõi với dữ liệu mẫu
      digitrack-tui --data tinh.json --lang en
      digitrack-tui export --view matrix --width 200 -o matrix.txt
      digitrack-tui validate tinh.json
      digitrack-tui bench                    đo thời gian nạp và hiển thị, so với Python (docs/PERFORMANCE.md)
    """,
    "dashboard": """
    Phím: mũi tên hoặc j/k để di chuyển, Enter mở một tỉnh, Esc quay lại, Tab chuyển giữa Tổng quan và Ma trận, / để lọc (Enter giữ bộ lọc, Esc xóa; trong màn hình tỉnh thì lọc đơn vị cấp xã), o chỉ hiện các dòng chưa xanh và n/N nhảy giữa các dòng đó, s và r để sắp xếp, [ và ] chuyển sang ngày báo cáo trước và sau, e xuất màn hình đang xem, ? hiện mọi phím, q thoát. Khi đầu ra chuẩn không phải cửa sổ dòng lệnh, hoặc TERM là dumb, thì in màn hình tổng quan dạng văn bản.

    Ví dụ:
      digitrack-tui
      digitrack-tui --data tinh.json --lang en --export-dir ~/bao-cao
      digitrack-tui --snapshot 31/07/2025
    """,
    "export": """
    text đúng như bảng theo dõi hiển thị màn hình đó ở độ rộng đó, không màu, kể cả các dòng phải cuộn mới thấy. csv và json dùng tên cột tiếng Anh cố định và số không định dạng; markdown dùng ngôn ngữ đã chọn. -o không bao giờ ghi đè tệp đã có nếu không có --force (khi đó giữ nguyên quyền và chủ sở hữu); thiết bị như /dev/null được ghi trực tiếp, và -o - là đầu ra chuẩn.

    Ví dụ:
      digitrack-tui export
      digitrack-tui export --view province --province "lang son" --lang en
      digitrack-tui export --data tinh.json --view matrix --width 200 -o matrix.txt
      digitrack-tui export --format csv -o tinh.csv
      digitrack-tui export --snapshot 2025-07-31
    """,
    "validate": """
    In một dòng cho mỗi lỗi: TỆP:DÒNG:CỘT: lỗi: NỘI-DUNG cho lỗi cú pháp, TỆP:DÒNG:CỘT: lỗi: ĐƯỜNG-DẪN-JSON (TỈNH): QUY-TẮC cho các lỗi khác, dòng và cột là vị trí của giá trị (tối đa 100 lỗi mỗi tệp). Cảnh báo không làm tệp bị từ chối. Mã thoát: 0 mọi tệp hợp lệ; 1 có tệp không hợp lệ; 2 có tệp không đọc được (không có, là thư mục, quá lớn); 64 dùng sai lệnh.

    Ví dụ:
      digitrack-tui validate tinh.json
      digitrack-tui validate bao-cao/*.json
    """,
    "template": """
    Mẫu trống gồm kế hoạch, các tỉnh và số đơn vị cấp xã, một ngày báo cáo (hôm nay, trừ khi có --snapshot) và mọi trạng thái là "not_reported": điền các trạng thái và ghi nguồn (docs/FORMAT.md). --demo ghi bộ dữ liệu mẫu, trong đó số liệu không có nguồn được đánh dấu "illustrative". --province chỉ giữ một tỉnh; --snapshot đặt ngày của mẫu, hoặc với --demo thì chỉ giữ ngày báo cáo đó. -o không bao giờ ghi đè tệp đã có nếu không có --force (khi đó giữ nguyên quyền và chủ sở hữu); thiết bị như /dev/null được ghi trực tiếp, và -o - là đầu ra chuẩn.

    --format xlsx ghi cùng mẫu đó thành sổ tính Excel để điền (lệnh `form` cũng vậy): điền sẵn từ --data BỘ-DỮ-LIỆU.json (hoặc --demo) theo báo cáo mới nhất không sau --snapshot, nếu không thì để trống; --lang chọn ngôn ngữ của biểu mẫu. Đọc lại bằng `import`.

    Ví dụ:
      digitrack-tui template -o tinh.json
      digitrack-tui template --format xlsx --data tinh.json --province "Lạng Sơn" --snapshot 2026-01-31 -o lang-son.xlsx
      digitrack-tui template --province "lang son" --snapshot 2026-03-31 -o lang-son.json
      digitrack-tui template --demo -o demo.json --force
      digitrack-tui template --demo | less
    """,
    "generate": """
    Mọi số liệu đều được đánh dấu minh họa và mọi tên đều ghi là mẫu. Cùng tham số và hạt giống luôn cho cùng một tệp. Quy mô toàn quốc là 34 tỉnh, thành phố và 3321 đơn vị cấp xã. -o không bao giờ ghi đè tệp đã có nếu không có --force (khi đó giữ nguyên quyền và chủ sở hữu); thiết bị như /dev/null được ghi trực tiếp, và -o - là đầu ra chuẩn.

    Ví dụ:
      digitrack-tui generate --provinces 34 --communes 3321 --criteria 40 -o national.json
      digitrack-tui generate --provinces 34 --communes 33210 --criteria 40 --seed 7 -o x10.json
    """,
    "themes": """
    Mỗi dòng một bộ màu: tên, nguồn gốc và công dụng. Tự tạo bộ màu bằng tệp TÊN.json trong $XDG_CONFIG_HOME/digitrack/themes (hoặc ~/.config/digitrack/themes); định dạng xem docs/THEMES.md.

    Ví dụ:
      digitrack-tui themes
      digitrack-tui --theme light
    """,
    "import": """
    Báo cáo của mỗi biểu mẫu được đưa vào theo ngày báo cáo ghi trên biểu mẫu (hoặc --snapshot NGÀY): thay báo cáo của tỉnh nếu bộ dữ liệu đã có ngày đó, hoặc mở một kỳ số liệu mới. Trạng thái có thể viết tiếng Việt hoặc tiếng Anh, có hoặc không dấu, chữ hoa hay thường; ô trống là chưa báo cáo. Mỗi lỗi ghi rõ tệp, trang tính và ô; mọi lỗi được liệt kê cùng lúc và không ghi gì nếu còn lỗi. Mã thoát: 0 đã ghi; 1 biểu mẫu hoặc bộ dữ liệu không hợp lệ; 2 không đọc hoặc không ghi được tệp.

    Ví dụ:
      digitrack-tui import lang-son.xlsx --into tinh.json -o tinh-moi.json
      digitrack-tui import bao-cao/*.xlsx --into tinh.json --snapshot 31/01/2026 -o tinh-moi.json
    """,
    "merge": """
    Tệp đầu tiên cho tiêu đề, các vùng và các tỉnh; mọi tệp phải theo cùng một kế hoạch và cùng các tỉnh. Xung đột là khi hai tệp báo cáo cùng một tỉnh vào cùng một ngày với số liệu khác nhau: mỗi xung đột được liệt kê kèm cả hai tệp, và không ghi gì trừ khi --prefer quyết định (newer: tệp sửa sau cùng; TỆP: tệp đó). Mã thoát: 0 đã ghi; 1 không hợp lệ hoặc có xung đột; 2 không đọc hoặc không ghi được tệp.

    Ví dụ:
      digitrack-tui merge bac.json nam.json -o toan-quoc.json
      digitrack-tui merge a.json b.json --prefer b.json -o ab.json
    """,
    "form": """
    Biểu mẫu ghi ngày báo cáo và mã kế hoạch ở đầu, một trang tính các tiêu chí cấp tỉnh với danh sách chọn trạng thái, một trang tính các đơn vị cấp xã (hoặc số lượng) và phần hướng dẫn. Các cột tham chiếu được khóa. Điền xong thì đọc lại bằng `import`.

    Ví dụ:
      digitrack-tui form --demo --province "lang son" --snapshot 2026-01-31 -o lang-son.xlsx
      digitrack-tui form --data tinh.json -o bieu-mau.xlsx
    """,
    "bench": """
    Tạo dữ liệu tổng hợp ở từng quy mô (1× là toàn quốc: 34 tỉnh, thành phố, 3321 đơn vị cấp xã, 40 tiêu chí) trong một thư mục tạm, hoặc đo --data TỆP, rồi in trung vị:
      Stages        nạp (giải mã và kiểm tra), tổng hợp, hiển thị từng màn hình thành văn bản ở độ rộng 200
      Start-up      --version so với true (một chương trình C), thời gian thực và bộ nhớ đỉnh (RSS)
      End to end    `export --view matrix --width 200 -o /dev/null` so với mức sàn simdjson On-Demand (digitrack-floor) và json.load của CPython chạy trực tiếp với -S, dưới dạng tiến trình con
      Growth        từng bước và bộ nhớ ở mọi quy mô, theo tỉ lệ so với quy mô đầu tiên
      Key to frame  từ lúc bấm phím đến khi ncurses vẽ xong, trên cửa sổ giả 200×60: di chuyển, Enter, Esc, Tab
      First frame   chương trình trên cửa sổ giả 200×60, từ lúc chạy đến màn hình đầy đủ đầu tiên
    Hãy chạy trên bản build release (swift build -c release). Thời gian phụ thuộc vào máy; xem docs/PERFORMANCE.md.

    Ví dụ:
      digitrack-tui bench                          1× và 10×, mỗi bước 5 lần
      digitrack-tui bench --scales 1,10,30 --runs 9
      digitrack-tui bench --data tinh.json
      digitrack-tui bench --parsers                đo thêm JSONSerialization của Foundation
      digitrack-tui bench --quick                  dữ liệu rất nhỏ, một lần: kiểm tra mọi thứ chạy được
      digitrack-tui bench --keys-only              chỉ đo phản hồi phím (callgrind: xem docs/PERFORMANCE.md)
    """,
  ]
}

extension CommandText {
  /// ArgumentParser's own words in a usage error or a help page, in Vietnamese when that is the
  /// language (its messages are English only); names, values and our own texts pass unchanged.
  static func parserOutput(_ text: String) -> String {
    guard CommandLanguage.current == .vi else { return text }
    var text = text
    let patterns: [(String, String)] = [
      (#"^Error: "#, "Lỗi: "),
      (#"Missing expected argument '(.*?)'"#, "thiếu tham số bắt buộc '$1'"),
      (#"Unknown option '(.*?)'. Did you mean '(.*?)'\?"#, "không có tùy chọn '$1'. Có phải là '$2'?"),
      (#"Unknown option '(.*?)'"#, "không có tùy chọn '$1'"),
      (#"Missing value for '(.*?)'"#, "thiếu giá trị cho '$1'"),
      (#"Unexpected argument '(.*?)'"#, "tham số thừa '$1'"),
      (#"The value '(.*?)' is invalid for '(.*?)'"#, "giá trị '$1' không hợp lệ cho '$2'"),
      (#"\. Please provide one of the following:"#, ". Hãy chọn một trong các giá trị sau:"),
      (#"\. Please provide one of (.*)\."#, ". Hãy chọn một trong các giá trị $1."),
      (#"' and '"#, "' và '"),
      (#"(?m)^Usage: "#, "Cách dùng: "),
      (#"(?m)^Help: "#, "Hướng dẫn: "),
      (#"See '(.*?)' for more information\."#, "Xem '$1' để biết thêm."),
      (#"See '(.*?) <subcommand>' for detailed help\."#, "Xem '$1 <lệnh-con>' để có hướng dẫn chi tiết."),
      (#"(?m)^OVERVIEW: "#, "TỔNG QUAN: "),
      (#"(?m)^USAGE: "#, "CÁCH DÙNG: "),
      (#"(?m)^ARGUMENTS:"#, "THAM SỐ:"),
      (#"(?m)^OPTIONS:"#, "TÙY CHỌN:"),
      (#"(?m)^SUBCOMMANDS:"#, "LỆNH CON:"),
      (#"Show the version\."#, "Hiện phiên bản."),
      (#"Show help information\."#, "Hiện hướng dẫn này."),
      (#"\(default: "#, "(mặc định: "),
      (#" \(default\)"#, " (mặc định)"),
    ]
    for (pattern, replacement) in patterns {
      text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
    }
    return text
  }
}

// MARK: Messages with values

extension CommandText {
  static var errorLabel: String { Diagnostic.Severity.error.label[CommandLanguage.current] }

  static func cannotWrite(_ path: String, _ problem: LocalizedText) -> String {
    say(
      "\(path): lỗi: không ghi được tệp: \(problem.vi)", "\(path): error: cannot write: \(problem.en)")
  }

  static func valid(_ file: String, _ dataset: Dataset) -> String {
    let (provinces, criteria, snapshots) = (
      dataset.provinces.count, dataset.plan.criteria.count, dataset.snapshots.count
    )
    return say(
      "\(file): hợp lệ: \(provinces) tỉnh, thành phố, \(criteria) tiêu chí, \(snapshots) kỳ số liệu",
      "\(file): valid: \(provinces) provinces, \(criteria) criteria, \(snapshots) snapshot(s)")
  }

  static func availableThemes(_ names: [String]) -> String {
    let list = names.joined(separator: ", ")
    return say("các bộ màu hiện có: \(list) (digitrack-tui themes)", "available themes: \(list) (digitrack-tui themes)")
  }

  /// `--province son` matched none or several: the ones that match, or all when none does.
  static func noSingleProvince(_ query: String, candidates: [String], matched: Bool) -> String {
    let list = candidates.joined(separator: ", ")
    if matched {
      return say(
        "lỗi: \"\(query)\" khớp với nhiều tỉnh, thành phố: \(list); hãy ghi mã hoặc tên đầy đủ hơn",
        "error: \"\(query)\" matches several provinces: \(list); give a code or a fuller name")
    }
    return say(
      "lỗi: không có tỉnh, thành phố nào khớp với \"\(query)\"; hãy ghi mã hoặc tên, ví dụ: \(list)",
      "error: no province matches \"\(query)\"; give a code or a name: \(list)")
  }

  static func noReportAt(_ snapshot: String, flag: String = "--snapshot", dates: String) -> String {
    say(
      "lỗi: \(flag) \(snapshot): dữ liệu không có báo cáo vào ngày đó; các ngày có báo cáo: \(dates)",
      "error: \(flag) \(snapshot): the data has no report at that date; it has: \(dates)")
  }

  static func badSnapshot(_ snapshot: String, flag: String = "--snapshot") -> String {
    say(
      "\(flag) phải là YYYY-MM-DD, dd/mm/yyyy, first hoặc latest, không phải \"\(snapshot)\"",
      "\(flag) must be YYYY-MM-DD, dd/mm/yyyy, first or latest, not \"\(snapshot)\"")
  }

  static func badISOSnapshot(_ snapshot: String) -> String {
    say(
      "--snapshot phải là ngày viết theo dạng YYYY-MM-DD, không phải \"\(snapshot)\"",
      "--snapshot must be a date written YYYY-MM-DD, not \"\(snapshot)\"")
  }

  static func demoHasNoReport(_ date: CalendarDate, dates: String) -> String {
    say(
      "dữ liệu mẫu không có báo cáo ngày \(date); các ngày có báo cáo: \(dates)",
      "the demo has no report dated \(date); its dates are \(dates)")
  }

  static func configProblem(_ path: String, _ problem: String) -> String { "\(path): \(errorLabel): \(problem)" }

  static func unknownConfigKey(_ key: String) -> String {
    say(
      "khóa \"\(key)\" không hợp lệ (các khóa được dùng: theme, lang, data, exportDir)",
      "unknown key \"\(key)\" (allowed: theme, lang, data, exportDir)")
  }

  static func themeLine(origin: ThemeCatalog.Origin) -> String {
    switch origin {
    case .builtIn: say("có sẵn", "built-in")
    case .installed(let path): say("đã cài đặt: \(path)", "installed: \(path)")
    case .user(let path): say("của người dùng: \(path)", "user: \(path)")
    }
  }

  static func brokenTheme(_ problem: String) -> String { say("  [lỗi: \(problem)]", "  [broken: \(problem)]") }

  static func mergedInvalid(_ output: String, _ error: LoadError) -> String {
    let details = error.description(in: CommandLanguage.current)
    return say(
      "\(output): lỗi: bộ dữ liệu sau khi gộp không hợp lệ:\n\(details)",
      "\(output): error: the merged dataset is not valid:\n\(details)")
  }

  static func notADate(_ text: String) -> String {
    say(
      "--snapshot \(text) không phải là ngày (YYYY-MM-DD hoặc dd/mm/yyyy)",
      "--snapshot \(text) is not a date (YYYY-MM-DD or dd/mm/yyyy)")
  }

  static func noTemporaryFolder(_ reason: LocalizedText) -> LocalizedText {
    LocalizedText(vi: "không tạo được thư mục tạm: \(reason.vi)", en: "no temporary folder: \(reason.en)")
  }
}
