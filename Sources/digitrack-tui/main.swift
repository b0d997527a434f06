import DigiTrackModel
import DigiTrackUI
do {
  let loaded = try DemoDataset.load()
  let data = DashboardData(dataset: loaded.dataset, sourceName: DemoDataset.name)
  let args = CommandLine.arguments
  let width = args.count > 1 ? Int(args[1]) ?? 100 : 100
  let view = args.count > 2 ? ViewKind(rawValue: args[2]) ?? .overview : .overview
  let lang = args.count > 3 ? Language(rawValue: args[3]) ?? .vi : .vi
  let export = ViewExport(data: data, options: DisplayOptions(language: lang))
  print(export.text(view: view, province: export.province(named: "lang son"), width: width), terminator: "")
} catch { print(error) }
