import Testing

@testable import DigiTrackModel

/// The generator's messages name its parameters through the caller: the model does not know the
/// command line's flag names.
@Suite struct GeneratorMessageTests {
  @Test func messagesNameTheParametersAsTheCallerSays() throws {
    let cases: [(SyntheticDataset, SyntheticDataset.Invalid.Parameter, String)] = [
      (SyntheticDataset(provinces: 0, communes: 10), .provinces, "provinces must be between 1 and 10000"),
      (
        SyntheticDataset(provinces: 34, communes: 33), .communes,
        "communes must be at least provinces (one per province) and at most 10000000"
      ),
      (SyntheticDataset(criteria: 0), .criteria, "criteria must be between 1 and 999"),
      (SyntheticDataset(snapshots: 521), .snapshots, "snapshots must be between 1 and 520"),
      (SyntheticDataset(every: 0), .every, "every must be between 1 and 366"),
    ]
    for (generator, parameter, neutral) in cases {
      do {
        try generator.validate()
        Issue.record("\(neutral): validate() did not throw")
      } catch {
        #expect(error.parameter == parameter)
        #expect(error.message { $0.rawValue } == neutral)
        #expect(error.message { "<\($0.rawValue)>" }.hasPrefix("<\(parameter.rawValue)> must be"))
      }
    }
  }
}
