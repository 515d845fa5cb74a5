#!/usr/bin/env python3
"""Scores newsdex's language detection and inflected search on the real-news development set.

    python3 Scripts/devsets/languages/evaluate.py [--devset /work/devsets/languages] [--newsdex BIN]

The development set is a folder of plain-text news articles, one folder per language
(es/01.txt ...), as described in README.md beside this script; it is not in the repository.
Prints, per language, how many articles newsdex detects right, undetermined or wrong (with
`newsdex parse --format json`), then indexes the set and runs each inflected query of QUERIES
below, with and without `--lang`, reporting whether the expected article is found.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

# (language, query, the article that holds another form of the word, and that form)
QUERIES = [
    ("es", "reformar", "es/09.txt", "reforma"),
    ("es", "elección", "es/04.txt", "elecciones"),
    ("es", "aprobar", "es/12.txt", "aprobada"),
    ("fr", "blesser", "fr/13.txt", "blessé"),
    ("fr", "incendies", "fr/14.txt", "incendie"),
    ("fr", "gouvernements", "fr/01.txt", "gouvernement"),
    ("de", "verletzten", "de/09.txt", "verletzt, Verletzte"),
    ("de", "unfälle", "de/10.txt", "Unfall"),
    ("de", "krankenhäuser", "de/07.txt", "Krankenhaus"),
    ("ru", "обращение", "ru/06.txt", "обращением, обращения"),
    ("ru", "землетрясениями", "ru/09.txt", "землетрясение"),
    ("ru", "пожары", "ru/10.txt", "пожар"),
    ("ar", "حكومة", "ar/02.txt", "الحكومة"),
    ("ar", "حكومات", "ar/05.txt", "الحكومة"),
    ("zh", "地震", "zh/07.txt", "地震"),
    ("zh", "救援", "zh/04.txt", "救援"),
    ("zh", "汇率", "zh/11.txt", "汇率"),
    ("ja", "津波", "ja/10.txt", "津波"),
    ("ja", "会見", "ja/02.txt", "記者会見"),
    ("ko", "기자", "ko/01.txt", "기자회견"),
    ("pt", "anunciou", "pt/02.txt", "anunciado"),
    ("it", "ministro", "it/01.txt", "ministri"),
]


def run(args, check=True):
    proc = subprocess.run(args, capture_output=True, text=True)
    if check and proc.returncode not in (0, 1, 3):
        sys.exit(f"evaluate: {' '.join(args)} exited {proc.returncode}: {proc.stderr[-500:]}")
    return proc


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--devset", default="/work/devsets/languages")
    parser.add_argument("--newsdex", default=".build/release/newsdex")
    args = parser.parse_args()
    languages = sorted(d for d in os.listdir(args.devset) if os.path.isdir(os.path.join(args.devset, d)))

    print("Detection (article language, title and body):")
    print("| language | articles | right | undetermined | wrong |")
    print("|---|---|---|---|---|")
    totals = collections.Counter()
    for language in languages:
        folder = os.path.join(args.devset, language)
        parsed = json.loads(run([args.newsdex, "parse", "--format", "json", "--corpus", args.devset, folder]).stdout)
        counts = collections.Counter()
        wrong = []
        for article in parsed["articles"]:
            got = article["languages"]["article"]
            kind = "right" if got == language else "und" if got == "und" else "wrong"
            counts[kind] += 1
            if kind == "wrong":
                wrong.append(f"{article['id']}→{got}")
        totals.update(counts)
        n = sum(counts.values())
        print(f"| {language} | {n} | {counts['right']} | {counts['und']} | {counts['wrong']}"
              + (f" ({', '.join(wrong)})" if wrong else "") + " |")
    n = sum(totals.values())
    print(f"| all | {n} | {totals['right']} ({100 * totals['right'] / n:.0f}%) | {totals['und']} | {totals['wrong']} |")

    with tempfile.TemporaryDirectory() as work:
        db = os.path.join(work, "index")
        run([args.newsdex, "index", args.devset, "--db", db, "--quiet", "--no-stories"])
        print("\nInflected search (the query's form is not in the article; `--lang` parses with that language only):")
        print("| language | query | article | form in the text | found | found with --lang |")
        print("|---|---|---|---|---|---|")
        found_all = found_lang = 0
        for language, query, expected, form in QUERIES:
            base = [args.newsdex, "search", "--db", db, "--format", "ids", "--limit", "1000", "--all-copies"]
            plain = run(base + ["--", query]).stdout.split()
            with_lang = run(base + ["--lang", language, "--", query]).stdout.split()
            hit, hit_lang = expected in plain, expected in with_lang
            found_all += hit
            found_lang += hit_lang
            print(f"| {language} | {query} | {expected} | {form} | {'yes' if hit else 'NO'} | {'yes' if hit_lang else 'NO'} |")
        print(f"\n{found_all}/{len(QUERIES)} found without --lang, {found_lang}/{len(QUERIES)} with it.")


if __name__ == "__main__":
    main()
