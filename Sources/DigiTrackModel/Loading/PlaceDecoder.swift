import FoundationEssentials
import Glibc
import Synchronization

/// The places: regions, provinces and their commune-level unit counts.
extension DatasetDecoder {
  // MARK: - Regions and provinces

  func regions(_ value: JSONValue) -> [Region]? {
    guard let list = context.array(value) else {
      ids.markUnavailable("region")
      return nil
    }
    var regions: [Region] = []
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard let fields = Fields(element, FormatSpec.region, context: context) else { return }
        let id = fields.value("id").flatMap { v in context.at("id") { context.identifier(v) } }
        let name = fields.value("name").flatMap { v in context.at("name") { context.text(v) } }
        let provenance = provenance(fields)
        guard let id else { return }
        if ids.regions[id] != nil {
          context.error(.duplicateID(.kindName("region"), id), key: "id")
          return
        }
        guard let name, let provenance else {
          ids.markBroken("region", id)
          return
        }
        ids.regions[id] = regions.count
        regions.append(Region(id: id, name: name, provenance: provenance))
      }
    }
    return regions
  }

  func decodeProvinces(_ value: JSONValue) {
    guard let list = context.array(value) else {
      ids.markUnavailable("province")
      return
    }
    // Each name (as `nameKey` folds it) and the position of the province that has it.
    var names: [String: Int] = [:]
    for (position, element) in list.enumerated() {
      context.at(position) {
        guard let fields = Fields(element, FormatSpec.province, context: context) else { return }
        let code = fields.value("code").flatMap { v in context.at("code") { context.identifier(v) } }
        let name = fields.value("name").flatMap { v in context.at("name") { context.string(v) } }
        if let name {
          let key = Self.nameKey(name)
          if let first = names[key] {
            context.error(.sameProvinceName(quoted(name), first: first), key: "name")
          } else {
            names[key] = position
          }
        }
        var aliases: [String] = []
        if let value = fields.value("aliases") {
          context.at("aliases") {
            guard let list = context.array(value) else { return }
            for (index, alias) in list.enumerated() {
              if let text = context.at(index, { context.string(alias) }) { aliases.append(text) }
            }
          }
        }
        let type = fields.value("type").flatMap { v in
          context.at("type") { context.word(v, FormatSpec.provinceTypes) }
        }
        let region: Int? = fields.value("region").flatMap { v in
          context.at("region") {
            guard let id = context.identifier(v) else { return nil }
            guard let index = ids.regions[id] else {
              if !ids.isBroken("region", id) { context.error(.unknownReference("region", "\"\(id)\"")) }
              return nil
            }
            return index
          }
        }
        let units = fields.value("units").flatMap { v in context.at("units") { unitCounts(v) } }
        guard let code else { return }
        if ids.provinces[code] != nil {
          context.error(.duplicateCode(.kindName("province"), code), key: "code")
          return
        }
        guard let name, let type, let region, let units else {
          ids.markBroken("province", code)
          return
        }
        ids.provinces[code] = provinces.count
        provinces.append(
          Province(code: code, name: name, aliases: aliases, type: type, region: region, units: units))
      }
    }
  }

  /// A province name as two names that must differ are compared: as search compares them
  /// (`SafeText.searchKey`: no case, no diacritics, đ as d, runs of spaces, dots and hyphens as one
  /// space), so that search can tell every two provinces apart. "Thanh Hóa", "THANH HOA" and
  /// "Thanh Hoá" are one name. Folded a character at a time, each non-ASCII character once per
  /// process: `searchKey` on a whole name costs microseconds, 34 of them a fifth of a load.
  static func nameKey(_ name: String) -> String {
    var key = ""
    var space = false
    for character in name {
      if character == " " || character == "." || character == "-" {
        space = !key.isEmpty
        continue
      }
      if space {
        key.append(" ")
        space = false
      }
      if let ascii = character.asciiValue {
        key.unicodeScalars.append(
          Unicode.Scalar((UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(ascii) ? ascii + 32 : ascii))
      } else {
        key += foldedCharacters.withLock { cache in
          if let folded = cache[character] { return folded }
          let folded = SafeText.searchKey(String(character))
          cache[character] = folded
          return folded
        }
      }
    }
    return key
  }

  func unitCounts(_ value: JSONValue) -> UnitCounts? {
    guard let fields = Fields(value, FormatSpec.provinceUnits, context: context) else { return nil }
    let total = fields.value("total").flatMap { v in context.at("total") { context.count(v) } }
    let wards = fields.value("wards").flatMap { v in context.at("wards") { context.count(v) } }
    let communes = fields.value("communes").flatMap { v in context.at("communes") { context.count(v) } }
    let zones = fields.value("specialZones").flatMap { v in context.at("specialZones") { context.count(v) } }
    let provenance = provenance(fields)
    guard let total, let wards, let communes, let zones, let provenance else { return nil }
    let sum = wards + communes + zones  // each at most DecodeContext.maxCount: no overflow
    if sum != total {
      context.error(.unitSum(sum, total: total))
      return nil
    }
    return UnitCounts(total: total, wards: wards, communes: communes, specialZones: zones, provenance: provenance)
  }
}

/// Non-ASCII characters of province names, folded as `SafeText.searchKey` folds them.
private let foldedCharacters = Mutex<[Character: String]>([:])
