/* One line per file: path, textcat result ("[es--utf8]", "[es--utf8][gl--utf8]", "UNKNOWN", "SHORT").
   For compare.py. usage: detect_textcat MAXBYTES FILE... (MAXBYTES 0: whole file) */
#include <textcat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  size_t maxb = atoi(argv[1]);
  void *h = special_textcat_Init("/usr/share/libexttextcat/fpdb.conf", "/usr/share/libexttextcat/");
  if (!h) { fprintf(stderr, "init failed\n"); return 1; }
  for (int i = 2; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb"); static char buf[1<<24]; size_t n = fread(buf, 1, sizeof buf - 1, f); fclose(f);
    if (maxb && n > maxb) { n = maxb; while (n && (buf[n-1] & 0xC0) == 0x80) n--; if (n && (buf[n-1]&0x80)) n--; }
    buf[n] = 0;
    char *r = textcat_Classify(h, buf, n);
    printf("%s\t%s\n", argv[i], r);
  }
  textcat_Done(h);
}
