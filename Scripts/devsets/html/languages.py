#!/usr/bin/env python3
"""Languages of saved pages: which pages state one, and where what they state and what CLD2 reads
in their text differ (the pages to check by eye), from `newsdex parse --format json`.

    .build/release/newsdex parse devsets/html/pages --corpus devsets/html/pages --format json \
      | Scripts/devsets/html/languages.py
"""
import collections
import json
import sys

report = json.load(sys.stdin)
stated = detected = agree = 0
languages = collections.Counter()
differ = []
overruled = []
for article in report["articles"]:
    languages_ = article["languages"]
    languages[languages_["article"]] += 1
    if "overruled_statement" in languages_:
        overruled.append((article["id"], languages_["overruled_statement"], languages_["article"], article["title"]))
        continue
    if not languages_["stated"]:
        detected += 1
        continue
    stated += 1
    reads_as = article.get("detected_language")
    if reads_as in (languages_["article"], "und", None):
        agree += 1
    else:
        differ.append((article["id"], languages_["article"], reads_as, article["title"]))

total = len(report["articles"])
print(f"{total} articles: {stated} state their language, {detected} do not (detected)")
print(f"stated and read alike (or CLD2 unsure): {agree}; stated one language, the text reads as another: {len(differ)}")
for page, said, reads_as, title in differ:
    print(f"   {page}: says {said}, reads as {reads_as}: {title[:60]}")
print(f"the markup said one language, a sure reading of enough text another, and the text won: {len(overruled)}")
for page, said, reads_as, title in overruled:
    print(f"   {page}: says {said}, indexed as {reads_as}: {title[:60]}")
print("indexed as: " + ", ".join(f"{code} {count}" for code, count in languages.most_common()))
