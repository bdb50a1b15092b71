import Foundation

/// What one timeline file yielded: its records, the ids it declares and the references it
/// makes (checked across all files later), and the bytes that go into the dataset version.
struct TimelineFileContents {
    var fileName: String
    var jsonBytes: [UInt8] = []
    var articleBytes: [UInt8] = []
    var source: Source?
    var article: Article?
    var actors: [TimelineActor] = []
    var places: [Place] = []
    var events: [TimelineEvent] = []
    var declarations: [RecordDeclaration] = []
    var references: [PendingReference] = []

    init(fileName: String) {
        self.fileName = fileName
    }
}
