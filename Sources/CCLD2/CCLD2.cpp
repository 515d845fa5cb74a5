// The implementation of CCLD2.h: the only file in newsdex that includes CLD2's headers.
#include "CCLD2.h"

// compact_lang_det.h uses FILE without including <cstdio> itself.
#include <cstdio>
#include <climits>
#include <new>

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

extern "C" cld_status cld_detect(const char *text, size_t text_len, const char *codes[3],
                                 int percents[3], int *reliable, int *text_bytes) noexcept {
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
        CLD2::ExtDetectLanguageSummaryCheckUTF8(
            text_len ? text : "", static_cast<int>(text_len), true, &hints, 0, languages, shares,
            scores, nullptr, &scored, &is_reliable, &valid_prefix);
        bool valid = valid_prefix >= static_cast<int>(text_len);
        for (int i = 0; i < 3; i++) {
            codes[i] = valid ? CLD2::LanguageCode(languages[i]) : "un";
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
    try {
        return CLD2::DetectLanguageVersion();
    } catch (...) {
        return "";
    }
}
