import DigiTrackModel
import DigiTrackSystem
import DigiTrackUI
import FoundationEssentials
import Glibc

// The commands' long help (discussions) and ArgumentParser's own words, in Vietnamese.

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
    Phím: mũi tên hoặc j/k để di chuyển, Enter mở một tỉnh, Esc quay lại, Tab chuyển giữa Tổng quan và Ma trận, / để lọc (Enter giữ bộ lọc, Esc xóa; trong màn hình tỉnh thì lọc đơn vị cấp xã), o chỉ hiện các dòng chưa xanh và n/N nhảy giữa các dòng đó, s và r để sắp xếp, [ và ] chuyển sang ngày báo cáo trước và sau, e xuất màn hình đang xem, ? hiện mọi phím, q thoát. Đây là các phím mặc định: mục "keys" trong config.json gán phím khác (docs/CONFIG.md), và màn hình trợ giúp, dòng gợi ý phím hiện đúng phím đã gán. Khi đầu ra chuẩn không phải cửa sổ dòng lệnh, hoặc TERM là dumb, thì in màn hình tổng quan dạng văn bản.

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
      Key to frame  từ lúc bấm phím đến khi khung hình được ghi xong ra cửa sổ giả 200×60 (chạy ncurses): di chuyển, Enter, Esc, Tab
      First frame   chương trình trên cửa sổ giả 200×60, từ lúc chạy đến màn hình đầy đủ đầu tiên
    Hãy chạy trên bản build release (swift build -c release). Thời gian phụ thuộc vào máy; xem docs/PERFORMANCE.md.

    Ví dụ:
      digitrack-tui bench                          1× và 10×, mỗi bước 5 lần
      digitrack-tui bench --scales 1,10,30 --runs 9
      digitrack-tui bench --data tinh.json
      digitrack-tui bench --parsers                đo thêm JSONDecoder của Foundation
      digitrack-tui bench --quick                  dữ liệu rất nhỏ, một lần: kiểm tra mọi thứ chạy được
      digitrack-tui bench --keys-only              chỉ đo phản hồi phím (callgrind: xem docs/PERFORMANCE.md)
    """,
  ]
}

extension CommandText {
  /// ArgumentParser's own words in a usage error or a help page, in Vietnamese when that is the
  /// language (its messages are English only); names, values and our own texts pass unchanged.
  /// Plain matching rather than regular expressions: Foundation's regex engine (ICU) cost 12 M
  /// instructions on every `--version` and `--help` (docs/PERFORMANCE.md, "Start-up").
  static func parserOutput(_ text: String) -> String {
    CommandLanguage.current == .vi ? vietnameseParserOutput(text) : text
  }

  static func vietnameseParserOutput(_ text: String) -> String {
    var bytes = Array(text.utf8)
    for phrase in parserPhrases {
      bytes = phrase.replacingAll(in: bytes)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// In order: a longer phrase before the shorter one it starts with.
  private static let parserPhrases: [ParserPhrase] = [
    ParserPhrase("^^Error: ", "Lỗi: "),
    ParserPhrase("Missing expected argument '{}'", "thiếu tham số bắt buộc '{}'"),
    ParserPhrase("Unknown option '{}'. Did you mean '{}'?", "không có tùy chọn '{}'. Có phải là '{}'?"),
    ParserPhrase("Unknown option '{}'", "không có tùy chọn '{}'"),
    ParserPhrase("Missing value for '{}'", "thiếu giá trị cho '{}'"),
    ParserPhrase("Unexpected argument '{}'", "tham số thừa '{}'"),
    ParserPhrase("The value '{}' is invalid for '{}'", "giá trị '{}' không hợp lệ cho '{}'"),
    ParserPhrase(". Please provide one of the following:", ". Hãy chọn một trong các giá trị sau:"),
    ParserPhrase(". Please provide one of {*}.", ". Hãy chọn một trong các giá trị {*}."),
    ParserPhrase("' and '", "' và '"),
    ParserPhrase("^Usage: ", "Cách dùng: "),
    ParserPhrase("^Help: ", "Hướng dẫn: "),
    ParserPhrase("See '{}' for more information.", "Xem '{}' để biết thêm."),
    ParserPhrase("See '{} <subcommand>' for detailed help.", "Xem '{} <lệnh-con>' để có hướng dẫn chi tiết."),
    ParserPhrase("^OVERVIEW: ", "TỔNG QUAN: "),
    ParserPhrase("^USAGE: ", "CÁCH DÙNG: "),
    ParserPhrase("^ARGUMENTS:", "THAM SỐ:"),
    ParserPhrase("^OPTIONS:", "TÙY CHỌN:"),
    ParserPhrase("^SUBCOMMANDS:", "LỆNH CON:"),
    ParserPhrase("Show the version.", "Hiện phiên bản."),
    ParserPhrase("Show help information.", "Hiện hướng dẫn này."),
    ParserPhrase("(default: ", "(mặc định: "),
    ParserPhrase(" (default)", " (mặc định)"),
  ]
}
