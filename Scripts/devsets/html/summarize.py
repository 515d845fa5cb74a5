#!/usr/bin/env python3
"""One line per article of `newsdex parse --format json`: what to check by eye on a dev set.

    .build/release/newsdex parse devsets/html/pages --format json | Scripts/devsets/html/summarize.py
"""
import json
import sys

report = json.load(sys.stdin)
for article in report["articles"]:
    body = article["paragraphs"]
    start = body[0][:70] if body else "-"
    end = body[-1][-70:] if body else "-"
    print(f"== {article['id']}")
    print(f"   title   {article['title'][:100]}")
    print(f"   date    {article.get('date')}   authors {'; '.join(article['authors'])[:80] or '-'}   source {article['source']}")
    print(f"   body    {len(body)} paragraphs, {sum(len(p) for p in body)} chars: {start!r} … {end!r}")
    for caption in article["captions"][:4]:
        print(f"   caption {caption['text'][:70]!r} — {caption.get('credit')}")
    if len(article["captions"]) > 4:
        print(f"   caption … {len(article['captions']) - 4} more")
for rejection in report["rejections"]:
    print(f"!! rejected {rejection['path']}: {rejection['reason']}")
print(f"{len(report['articles'])} articles, {len(report['rejections'])} rejected, "
      f"{sum(len(a['captions']) for a in report['articles'])} captions", file=sys.stderr)
