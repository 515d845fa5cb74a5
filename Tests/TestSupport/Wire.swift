// Wire copy written for the tests, in the style of agency and broadcaster stories: possessives
// with straight and curly apostrophes (`Putin’s`, `PUTIN'S`, `Putins'`, `Yasser Arafat’s`), a
// story stored on one long line (`ABC/one-line-story.txt`), captions with credits, bylines, and
// words Xapian's own spelling correction used to replace though the index has them (`Israel` by
// `israeli`, `Ariel` by `are`, `Al` by `all`). The events are invented; nothing is copied.
import Foundation

public enum Wire {
    /// A corpus folder, one folder per source (AFP, AP, ABC, BBC, DW, REUTERS).
    public static var corpus: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures").appendingPathComponent("Wire")
    }
}
