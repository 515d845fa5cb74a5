// The seed articles, as fixtures: copies of the two articles in corpus/ (which `make index` reads
// and users may change), so tests read files of their own.
import Foundation

public enum Seeds {
    /// A corpus folder: AFP/001_….txt and LBC/000_….txt.
    public static var corpus: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent("Seeds")
    }

    public static let lbcPath = "LBC/000_satellite-images-show-north-korean-special-forces-deployed-in-russia.txt"
    public static let afpPath = "AFP/001_n-korea-sending-large-scale-troop-deployment-to-russia.txt"
}
