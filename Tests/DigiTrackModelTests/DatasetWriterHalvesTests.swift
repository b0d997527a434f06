import Testing

@testable import DigiTrackModel

/// A snapshot's reports written in two halves side by side (`Writer.reports`) give the bytes of
/// one pass, wherever the halves meet and whichever provinces have not reported.
@Suite struct DatasetWriterHalvesTests {
  @Test(arguments: [1, 7, 42])
  func halvesWriteTheBytesOfOnePass(seed: UInt64) throws {
    print("DatasetWriterHalvesTests seed \(seed)")
    let bytes = try SyntheticDataset(provinces: 5, communes: 120, criteria: 12, snapshots: 2, seed: seed).json()
    var dataset = try DatasetLoader().load(bytes: bytes, name: "synthetic.json").dataset
    let onePass = DatasetWriter.json(dataset, unitsToSplit: .max)
    #expect(DatasetWriter.json(dataset, unitsToSplit: 1) == onePass)
    #expect(DatasetWriter.json(dataset) == onePass)
    // A province that has not reported is left out of both halves alike.
    dataset.snapshots[0].reports[Int(seed % 5)] = nil
    #expect(DatasetWriter.json(dataset, unitsToSplit: 1) == DatasetWriter.json(dataset, unitsToSplit: .max))
  }
}
