// Xapian's objects are not thread-safe, so neither are their wrappers: each is owned by one
// thread, or used under its owner's lock (as Newsdex's ShardWriters does). Said here explicitly,
// as GRDB says it of its Database, so that passing one to another thread is a compile error in
// Swift 6 rather than a silent race.

@available(*, unavailable) extension Database: Sendable {}
@available(*, unavailable) extension Document: Sendable {}
@available(*, unavailable) extension Enquire: Sendable {}
@available(*, unavailable) extension MatchSet: Sendable {}
@available(*, unavailable) extension Query: Sendable {}
@available(*, unavailable) extension QueryParser: Sendable {}
@available(*, unavailable) extension SimpleStopper: Sendable {}
@available(*, unavailable) extension Stem: Sendable {}
@available(*, unavailable) extension TermGenerator: Sendable {}
@available(*, unavailable) extension ValueCountMatchSpy: Sendable {}
