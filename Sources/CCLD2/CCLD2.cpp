// The implementation of CCLD2.h: the only file in newsdex that includes CLD2's headers.
#include "CCLD2.h"

// compact_lang_det.h uses FILE without including <cstdio> itself.
#include <cstdio>
#include <climits>
#include <new>

#include <dlfcn.h>
#include <pthread.h>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

namespace {

// libcld2 exports C++ functions only, so each is looked up by its mangled name (Itanium ABI, as
// g++ and clang write it on Linux) into a pointer of the type the header declares: a header that
// changed a signature would change the name, and loading would fail rather than call wrongly.
struct Functions {
    decltype(&CLD2::ExtDetectLanguageSummaryCheckUTF8) detect;
    decltype(&CLD2::LanguageCode) languageCode;
    decltype(&CLD2::DetectLanguageVersion) version;
};

const char soname[] = "libcld2.so.0";
Functions cld2;
pthread_once_t load_once = PTHREAD_ONCE_INIT;
bool loaded = false;
char load_error[512];

template <typename Pointer>
bool lookUp(void *library, const char *name, Pointer &pointer) {
    pointer = reinterpret_cast<Pointer>(dlsym(library, name));
    if (!pointer) std::snprintf(load_error, sizeof load_error, "%s has no %s", soname, name);
    return pointer != nullptr;
}

void load() {
    void *library = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *reason = dlerror();
        std::snprintf(load_error, sizeof load_error, "%s", reason ? reason : "dlopen failed");
        return;
    }
    loaded = lookUp(library,
                    "_ZN4CLD233ExtDetectLanguageSummaryCheckUTF8EPKcibPKNS_8CLDHintsEiPNS_8Language"
                    "EPiPdPSt6vectorINS_11ResultChunkESaISA_EES7_PbS7_",
                    cld2.detect) &&
             lookUp(library, "_ZN4CLD212LanguageCodeENS_8LanguageE", cld2.languageCode) &&
             lookUp(library, "_ZN4CLD221DetectLanguageVersionEv", cld2.version);
}

}  // namespace

extern "C" int cld_library_load(const char **reason) noexcept {
    pthread_once(&load_once, load);
    if (reason) *reason = loaded ? nullptr : load_error;
    return loaded ? 1 : 0;
}

extern "C" const char *cld_library_name(void) noexcept { return soname; }

extern "C" cld_status cld_detect(const char *text, size_t text_len, const char *codes[3],
                                 int percents[3], int *reliable, int *text_bytes) noexcept {
    if (!cld_library_load(nullptr)) return CLD_NO_LIBRARY;
    try {
        if (text_len > static_cast<size_t>(INT_MAX)) return CLD_TOO_LONG;
        CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
        CLD2::Language languages[3] = {CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE,
                                       CLD2::UNKNOWN_LANGUAGE};
        int shares[3] = {0, 0, 0};
        double scores[3] = {0, 0, 0};
        int scored = 0;
        int valid_prefix = 0;
        bool is_reliable = false;
        cld2.detect(text_len ? text : "", static_cast<int>(text_len), true, &hints, 0, languages,
                    shares, scores, nullptr, &scored, &is_reliable, &valid_prefix);
        bool valid = valid_prefix >= static_cast<int>(text_len);
        for (int i = 0; i < 3; i++) {
            codes[i] = valid ? cld2.languageCode(languages[i]) : "un";
            percents[i] = valid ? shares[i] : 0;
        }
        *reliable = valid && is_reliable ? 1 : 0;
        *text_bytes = valid ? scored : 0;
        return valid ? CLD_OK : CLD_INVALID_UTF8;
    } catch (const std::bad_alloc &) {
        return CLD_NO_MEMORY;
    } catch (...) {
        return CLD_UNKNOWN;
    }
}

extern "C" const char *cld_version(void) noexcept {
    if (!cld_library_load(nullptr)) return "";
    try {
        return cld2.version();
    } catch (...) {
        return "";
    }
}
