#!/usr/bin/python3
"""Checks what SnippetWindow (Sources/Newsdex/Search/SnippetWindow.swift) relies on: for every word
Xapian's term generator reads, Snowball's English stem less its last two letters is in the word,
and for a word of ASCII letters and digits alone, begins it.
Words: the system dictionaries (Debian's wamerican and wbritish) and every term of the files
under the folders given (real news: the dev sets of Scripts/devsets, fetched, never committed).
Needs Debian's python3-xapian. Prints the words that break it and their count (0 expected).
  Scripts/trials/english_stems.py [FOLDER ...]
"""
import glob
import os
import sys

import xapian


def terms(text):
    generator = xapian.TermGenerator()
    document = xapian.Document()
    generator.set_document(document)
    generator.index_text(text)
    for item in document.termlist():
        term = item.term.decode("utf-8", "ignore")
        if term and not term.startswith("Z"):
            yield term


words = set()
for dictionary in ["/usr/share/dict/american-english", "/usr/share/dict/british-english"]:
    if os.path.exists(dictionary):
        with open(dictionary, encoding="utf-8", errors="ignore") as f:
            words.update(terms(f.read()))
for folder in sys.argv[1:]:
    for path in glob.glob(os.path.join(folder, "**", "*"), recursive=True):
        if os.path.isfile(path):
            with open(path, encoding="utf-8", errors="ignore") as f:
                words.update(terms(f.read()))

stemmer = xapian.Stem("english")
broken = [w for w in words if stemmer(w.encode()).decode("utf-8", "ignore")[:-2] not in w]
for word in sorted(broken)[:50]:
    print(word, stemmer(word.encode()).decode("utf-8", "ignore"))
print(f"{len(broken)} of {len(words)} words have an English stem less two letters that is not in them")
plain = [w for w in words if w.isascii() and w.isalnum()]
unbegun = [w for w in plain if not w.startswith(stemmer(w.encode()).decode("utf-8", "ignore")[:-2])]
for word in sorted(unbegun)[:50]:
    print(word, stemmer(word.encode()).decode("utf-8", "ignore"))
print(f"{len(unbegun)} of {len(plain)} words of ASCII letters and digits do not begin with it")
