import Foundation
import Testing

/// The parts of a workbook are checked against their CRC-32 as they are inflated (by zlib, not by
/// ZIPFoundation's byte loop): a form whose sheet does not match its checksum is refused.
@Suite struct ChecksumTests {
  @Test func aPartWithAWrongChecksumIsRefused() throws {
    let folder = try Run.folder()
    _ = try Demo.form(in: folder)
    // Flips the CRC of the provincial sheet in its local header and in the central directory,
    // leaving the deflated bytes alone, so only the checksum can tell.
    try Run.python(
      """
      import struct, zipfile
      data = bytearray(open('lang-son.xlsx', 'rb').read())
      info = zipfile.ZipFile('lang-son.xlsx').getinfo('xl/worksheets/sheet1.xml')
      wrong = struct.pack('<I', info.CRC ^ 0xFFFFFFFF)
      data[info.header_offset + 14:info.header_offset + 18] = wrong
      position = 0
      while True:
          position = data.find(b'PK\\x01\\x02', position)
          assert position >= 0
          length = struct.unpack('<H', data[position + 28:position + 30])[0]
          if data[position + 46:position + 46 + length] == b'xl/worksheets/sheet1.xml':
              data[position + 16:position + 20] = wrong
              break
          position += 4
      open('damaged.xlsx', 'wb').write(data)
      """, in: folder)
    #expect(try Run.tui(["template", "--demo", "-o", "demo.json"], in: folder).status == 0)
    let stderr = try BadFormTests.refused("damaged.xlsx", in: folder)
    #expect(stderr.contains("checksum does not match"), "\(stderr)")
  }
}
