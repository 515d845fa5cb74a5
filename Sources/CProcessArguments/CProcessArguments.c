// CommandLine.arguments without reading /proc/self/maps.
//
// On Linux, Swift's runtime finds argc and argv before main by reading /proc/self/maps for the
// stack's bounds and walking back from `environ` (ArgvGrabber, a static initializer in the
// runtime's CommandLine.cpp): 125 k instructions of sscanf and the kernel writing out the
// process's ~80 mappings, 0.09 ms of every start, a few per cent of a one-shot search (issue 16).
// glibc hands argc and argv to every initializer, so newsdex defines the runtime's two entry
// points here, on what glibc hands it. A statically linked runtime (the release build) then
// never links the runtime's CommandLine.cpp, and its initializer never runs; should a runtime
// need another symbol of that file, the link fails loudly on the duplicate definitions. A
// shared runtime (the debug build) keeps its own: both read the same argv.
#include "CProcessArguments.h"

#include <stdlib.h>  // defines __GLIBC__ with glibc

#if defined(__linux__) && defined(__GLIBC__)

static int startArgc;
static char **startArgv;

static void capture(int argc, char **argv, char **envp) {
    (void)envp;
    startArgc = argc;
    startArgv = argv;
}

// glibc calls each function of .init_array with (argc, argv, envp), before any Swift code runs.
__attribute__((section(".init_array"), used)) static void (*const captureAtStart)(int, char **, char **) = capture;

char **cpa_arguments(int *count) {
    *count = startArgc;
    return startArgv;
}

// The runtime's entry points (swift/shims/RuntimeStubs.h), with its calling convention.
static char **overrideArgv;
static int overrideArgc;

__attribute__((swiftcall)) char **_swift_stdlib_getUnsafeArgvArgc(int *outArgLen) {
    if (overrideArgv) {
        *outArgLen = overrideArgc;
        return overrideArgv;
    }
    return cpa_arguments(outArgLen);
}

__attribute__((swiftcall)) void _swift_stdlib_overrideUnsafeArgvArgc(char **argv, int argc) {
    overrideArgv = argv;
    overrideArgc = argc;
}

#else

char **cpa_arguments(int *count) {
    *count = 0;
    return 0;
}

#endif
