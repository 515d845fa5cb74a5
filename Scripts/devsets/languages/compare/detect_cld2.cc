// One line per file: path, CLD2 code, reliable (1/0), percent, second code. For compare.py.
// usage: detect_cld2 MAXBYTES FILE... (MAXBYTES 0: whole file)
#include <cstdio>
#include <cstdlib>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include <cstdio>
#include <string>
#include <fstream>
#include <sstream>
#include <chrono>
// usage: cld2 maxbytes file... ; prints file \t code \t reliable \t percent
int main(int argc, char **argv) {
  size_t maxb = atoi(argv[1]);
  for (int i = 2; i < argc; i++) {
    std::ifstream f(argv[i]); std::stringstream ss; ss << f.rdbuf(); std::string s = ss.str();
    if (maxb && s.size() > maxb) { s.resize(maxb); while (!s.empty() && (s.back() & 0xC0) == 0x80) s.pop_back(); if(!s.empty() && (s.back()&0x80)) s.pop_back(); }
    CLD2::Language l3[3]; int p3[3]; double n3[3]; int tb; bool rel;
    CLD2::CLDHints hints = {nullptr, nullptr, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE};
    int valid;
    CLD2::Language l = CLD2::ExtDetectLanguageSummaryCheckUTF8(s.data(), (int)s.size(), true, &hints, 0, l3, p3, n3, nullptr, &tb, &rel, &valid);
    printf("%s\t%s\t%d\t%d\t%s\n", argv[i], CLD2::LanguageCode(l), rel, p3[0], CLD2::LanguageCode(l3[1]));
  }
}
