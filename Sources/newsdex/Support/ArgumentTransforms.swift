// Parsers for options whose help says their default in words: an option parsed by a transform
// shows no default of its own in help (a machine's core count, say, would be wrong in a man page).
import ArgumentParser

/// A whole number, as `Int` would parse it.
@Sendable func wholeNumber(_ text: String) throws -> Int {
    guard let value = Int(text) else { throw ValidationError("not a whole number") }
    return value
}
