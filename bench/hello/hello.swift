// The floor for `newsdex --version` (issue 16): what a Swift program costs to start when the
// Swift runtime is linked statically, as newsdex is. `make bench` builds it into bench/bin.
print("hello, world")
