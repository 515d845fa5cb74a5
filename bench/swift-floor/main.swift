// The floor of a one-shot search by a Swift program on Debian's libxapian (issue 16): the C++
// reference's search (bench/xapian-reference/search.cc, its `main` renamed `reference_main`)
// called from Swift, whose runtime is linked statically as newsdex's is. It does no more than
// the C++ reference and pays what every such program pays before its first line runs: the
// Swift runtime's start beside the loading of libstdc++ and libxapian. No newsdex search can
// take less; where this floor is behind a peer, so is any Swift program on libxapian.
// `make bench` builds it into bench/bin/swift-floor.
import Glibc

@_silgen_name("reference_main")
func referenceMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32

exit(referenceMain(CommandLine.argc, CommandLine.unsafeArgv))
