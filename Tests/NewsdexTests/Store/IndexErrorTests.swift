import Foundation
import Testing
import Xapian
@testable import Newsdex

@Suite struct IndexErrorTests {
    func classified(_ error: any Error) -> IndexError { IndexError.from(error, index: "idx") }

    @Test func xapianErrorsAreClassifiedByTheirCodeAndTheSystemErrorBehindThem() {
        #expect(classified(XapianError(code: .databaseNotFound, message: "")).code == .missing)
        #expect(classified(XapianError(code: .databaseLocked, message: "")).code == .locked(pid: nil))
        #expect(classified(XapianError(code: .databaseCorrupt, message: "")).code == .corrupt)
        #expect(classified(XapianError(code: .databaseModified, message: "")).code == .modified)
        // A failed write is a DatabaseError to Xapian; the disk being full is what it is.
        let full = classified(XapianError(code: .database, message: "Error writing block 7", systemError: ENOSPC))
        #expect(full.code == .noSpace(needed: nil, available: nil) && full.detail == "Error writing block 7")
        #expect(classified(XapianError(code: .databaseOpening, message: "", systemError: EACCES)).code == .permissionDenied)
        #expect(classified(XapianError(code: .database, message: "", systemError: EROFS)).code == .permissionDenied)
        #expect(classified(XapianError(code: .queryParser, message: "")).code == .other)
    }

    @Test func aNetworkErrorNamesTheShardXapianSaysFailed() {
        let error = classified(XapianError(code: .network, message: "write failed", context: "remote:tcp(127.0.0.1:7442)"))
        #expect(error.code == .unreachable && error.part == "127.0.0.1:7442")
        #expect(classified(XapianError(code: .networkTimeout, message: "")).part == nil)
        #expect(IndexError.remoteName(in: "remote:tcp([::1]:7331)") == "[::1]:7331")
        #expect(IndexError.remoteName(in: "") == nil)
    }

    @Test func foundationErrorsAreClassifiedByTheirSystemError() {
        let full = NSError(domain: NSCocoaErrorDomain, code: CocoaError.fileWriteUnknown.rawValue,
                           userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))])
        #expect(classified(full).code == .noSpace(needed: nil, available: nil))
        #expect(classified(CocoaError(.fileWriteNoPermission)).code == .permissionDenied)
        #expect(classified(POSIXError(.EROFS)).code == .permissionDenied)
        #expect(classified(POSIXError(.EIO)).code == .unwritable)
    }

    @Test func aRecordThatDoesNotDecodeIsAnUnreadableDocument() {
        let error = classified(StoredDocumentError(document: "document 7", detail: "its stored data is not valid JSON"))
        #expect(error.code == .unreadableDocument && error.part == "document 7")
        #expect(!(error.detail ?? "").contains("DecodingError"))
    }

    @Test func theSpaceAFullDiskWantedIsAddedOnlyToAFullDisk() {
        let full = IndexError(.noSpace(needed: nil, available: nil), index: "idx").withSpace(needed: 10, available: 2)
        #expect(full.code == .noSpace(needed: 10, available: 2))
        #expect(IndexError(.corrupt, index: "idx").withSpace(needed: 10, available: 2).code == .corrupt)
    }
}
