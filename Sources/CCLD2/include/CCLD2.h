/* CCLD2: a plain C API over the Compact Language Detector 2 (Debian's libcld2).
 *
 * The only code in newsdex that includes CLD2's headers is CCLD2.cpp. CLD2 is C++; every
 * function here is noexcept and catches whatever it throws, so no C++ exception crosses this
 * boundary. Policy (what counts as reliable, which codes newsdex stores) lives in Swift.
 *
 * CLD2 keeps no state between calls: its tables are static data compiled into the library, so
 * these functions may be called from any number of threads at once.
 *
 * libcld2 is opened (dlopen) on first use, not linked: a process that detects no language, such
 * as every search, never loads it.
 */
#ifndef CCLD2_H
#define CCLD2_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#define CLD_NOEXCEPT noexcept
#else
#define CLD_NOEXCEPT
#endif

typedef enum cld_status {
    CLD_OK = 0,
    CLD_INVALID_UTF8,    /* the text is not valid UTF-8 (nothing was detected) */
    CLD_TOO_LONG,        /* the text is longer than CLD2 takes in one call (2 GiB) */
    CLD_NO_MEMORY,       /* std::bad_alloc */
    CLD_UNKNOWN,         /* anything else thrown */
    CLD_NO_LIBRARY       /* libcld2 could not be loaded: see cld_library_load */
} cld_status;

/* Loads libcld2 (cld_library_name()) once per process; later calls return the first call's
 * answer. Returns 1 when it is loaded, else 0 and, in `*reason` when not NULL, what the dynamic
 * loader said (static storage). cld_detect calls it itself; call it first to report a missing
 * library before any work. */
int cld_library_load(const char **reason) CLD_NOEXCEPT;

/* The file name cld_library_load opens ("libcld2.so.0"); static storage. */
const char *cld_library_name(void) CLD_NOEXCEPT;

/* The most likely languages of `text` (`text_len` bytes of UTF-8, plain text, not HTML), most
 * likely first, as CLD2 reports them (ExtDetectLanguageSummaryCheckUTF8 without hints).
 *
 * For i in 0..2, `codes[i]` receives CLD2's code for the i-th language ("en", "zh-Hant", "un" for
 * none): a NUL-terminated string in static storage, valid for the life of the process, never
 * freed; `percents[i]` the share of the text's letters in that language (0..100).
 * `*reliable` is 1 when CLD2 judges the first language reliable (enough text, clearly ahead of the
 * second), else 0. `*text_bytes` receives how many bytes of letters CLD2 scored.
 *
 * Returns CLD_OK, CLD_INVALID_UTF8 (outputs set to "un", 0), CLD_TOO_LONG, CLD_NO_MEMORY,
 * CLD_UNKNOWN or CLD_NO_LIBRARY. Outputs are written only on CLD_OK and CLD_INVALID_UTF8. An empty text gives "un". */
cld_status cld_detect(const char *text, size_t text_len, const char *codes[3], int percents[3],
                      int *reliable, int *text_bytes) CLD_NOEXCEPT;

/* The version of the detector ("V2.0 - 20141016"); "" when libcld2 cannot be loaded. Static
 * storage; never fails. */
const char *cld_version(void) CLD_NOEXCEPT;

#ifdef __cplusplus
}
#endif

#endif /* CCLD2_H */
