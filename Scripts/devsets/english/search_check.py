#!/usr/bin/env python3
"""Checks search answers on real text: names with possessives, phrases, "did you mean".

    search_check.py --newsdex BIN CORPUS [--db DIR] [--names N] [--also Arafat,Sharon]

CORPUS is a folder of article files, one folder per source (fetch.sh's abc/ is one source: give
its parent, or a folder holding `ABC -> .../abc`). The script indexes it with BIN into a
temporary index (or --db), then prints Markdown tables:

- names: the capitalised words the text most often writes with a possessive (Arafat's, Tinubu’s)
  and those given with --also,
  the articles `search` finds for Name, name, NAME and Name's, and the files a regular expression
  finds (the name, any case, alone or with 's, ’s, s or s');
- phrases: the two-word names most often written with a possessive (Yasser Arafat's), the
  articles `search '"Yasser Arafat"'` finds and the files the expression finds;
- suggestions: what `search` suggests for words the index has and for misspellings.

Standard library only; run it with the newsdex of before and after a change to compare.
"""
import argparse
import collections
import json
import pathlib
import re
import subprocess
import sys
import tempfile

POSSESSIVE = re.compile(r"\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s\b")
SUGGESTION_QUERIES = ["Israel", "Ariel Sharon", "Al Qaeda", "Hansen", "Arafatt", "Sharron", "Afganistan"]


def search(binary, db, query, *options):
    out = subprocess.run([binary, "search", "--db", db, "--format", "json", "--all-copies", *options, "--", query],
                         capture_output=True, text=True)
    if out.returncode > 1:
        sys.exit(f"search {query!r} failed: {out.stderr}")
    return json.loads(out.stdout)


def files_matching(texts, pattern):
    regex = re.compile(pattern, re.IGNORECASE)
    return sum(1 for text in texts if regex.search(text))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--newsdex", required=True)
    parser.add_argument("--db")
    parser.add_argument("--names", type=int, default=10, help="how many names and phrases to pick")
    parser.add_argument("--also", default="", help="more names to check, comma-separated: Arafat,Sharon")
    parser.add_argument("corpus")
    args = parser.parse_args()
    corpus = pathlib.Path(args.corpus)
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(corpus.rglob("*.txt"))]
    db = args.db or tempfile.mkdtemp(prefix="search-check-")
    subprocess.run([args.newsdex, "index", str(corpus), "--db", db, "--quiet"], check=False,
                   stderr=subprocess.DEVNULL)

    found = collections.Counter()
    for text in texts:
        for name in set(POSSESSIVE.findall(text)):
            found[name] += 1
    words = [n for n, _ in found.most_common() if " " not in n][: args.names]
    words += [n for n in args.also.split(",") if n and n not in words]
    phrases = [n for n, _ in found.most_common() if " " in n][: args.names]

    print(f"{len(texts)} files in {corpus}\n")
    print("| name | Name | name | NAME | Name's | files (regex) |")
    print("|---|---|---|---|---|---|")
    for name in words:
        counts = [search(args.newsdex, db, form, "--limit", "0")["total"]
                  for form in (name, name.lower(), name.upper(), name + "'s")]
        grep = files_matching(texts, r"(?<![\w'’])" + re.escape(name) + r"(?:['’]s|s['’]?)?(?!\w)")
        print(f"| {name} | " + " | ".join(map(str, counts)) + f" | {grep} |")

    print("\n| phrase | search | files (regex) |")
    print("|---|---|---|")
    for phrase in phrases:
        total = search(args.newsdex, db, f'"{phrase}"', "--limit", "0")["total"]
        grep = files_matching(texts, r"(?<![\w'’])" + r"\s+".join(map(re.escape, phrase.split()))
                              + r"(?:['’]s)?(?!\w)")
        print(f"| \"{phrase}\" | {total} | {grep} |")

    print("\n| query | hits | did you mean | hits with --correct |")
    print("|---|---|---|---|")
    for query in SUGGESTION_QUERIES:
        plain = search(args.newsdex, db, query, "--limit", "0")
        corrected = search(args.newsdex, db, query, "--limit", "0", "--correct")
        print(f"| `{query}` | {plain['total']} | {plain['suggestion'] or '—'} | "
              f"{corrected['total']} ({corrected['corrected_query'] or 'as typed'}) |")


if __name__ == "__main__":
    main()
