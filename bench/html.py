#!/usr/bin/env python3
"""Saved pages and web archives (issue 14): what reading and extracting a generated HTML page costs
beside indexing it, how exactly the generated articles come back out of their pages, and what
indexing a web archive of them costs in time and memory (the same pages, one WARC of N and one of
4N: memory must not grow with the archive).

Writes its table into bench/RESULTS.md between the <!-- html:begin/end --> markers.
Usage: bench/html.py [--pages 2000] [--seed 11] [--repeat 3]
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys

from report_section import write_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWSDEX = os.path.join(ROOT, ".build/release/newsdex")
GENERATOR = os.path.join(ROOT, ".build/release/newsdex-corpus")
RESULTS = os.path.join(ROOT, "bench/RESULTS.md")


def timed(cmd, stdout=subprocess.DEVNULL):
    """CPU seconds (user + system) and peak RSS (KiB) of a command, under /usr/bin/time -v."""
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=stdout, stderr=subprocess.PIPE, text=True)
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr[-400:]}")
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr))
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1))
    return cpu, rss


def median_run(cmd, repeat, before=None):
    runs = []
    for _ in range(repeat):
        if before:
            before()
        runs.append(timed(cmd))
    cpus = sorted(r[0] for r in runs)
    return cpus[len(cpus) // 2], max(r[1] for r in runs)


def generate(work, pages, seed, fmt, warc=None, jsonl=None):
    corpus = os.path.join(work, f"corpus-{fmt}")
    if not os.path.exists(corpus):
        cmd = [GENERATOR, "--articles", str(pages), "--seed", str(seed), "--format", fmt, "--out", corpus + ".tmp"]
        if warc:
            cmd += ["--warc", warc]
        if jsonl:
            cmd += ["--jsonl", jsonl]
        subprocess.run(cmd, check=True)
        os.rename(corpus + ".tmp", corpus)
    return corpus


def accuracy(parsed, truth_file):
    truth = {}
    with open(truth_file) as f:
        for line in f:
            record = json.loads(line)
            truth[record["id"]] = record
    exact = {"title": 0, "date": 0, "author": 0, "source": 0, "body": 0, "captions": 0}
    for article in parsed["articles"]:
        expected = truth.get(os.path.basename(article["id"]).split("_")[0])
        if not expected:
            continue
        exact["title"] += article["title"] == expected["title"]
        exact["date"] += article["date"] == expected["date"]
        exact["author"] += article["authors"] == [expected["author"]]
        exact["source"] += article["source"] == expected["source"]
        exact["body"] += article["paragraphs"] == expected["body"]
        pairs = lambda captions: sorted((c["text"], c["credit"]) for c in captions)
        exact["captions"] += pairs(article["captions"]) == pairs(expected["captions"])
    return exact, len(truth)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench/out"))
    args = parser.parse_args()

    work = os.path.join(args.out, f"html-{args.pages}")
    os.makedirs(work, exist_ok=True)
    warc, big_warc = os.path.join(work, "pages.warc.gz"), os.path.join(work, "pages-4x.warc.gz")
    truth = os.path.join(work, "truth.jsonl")
    html = generate(work, args.pages, args.seed, "html", warc=warc, jsonl=truth)
    text = generate(work, args.pages, args.seed, "text")
    if not os.path.exists(big_warc):
        subprocess.run([GENERATOR, "--articles", str(4 * args.pages), "--seed", str(args.seed), "--format", "html",
                        "--out", os.path.join(work, "scratch"), "--warc", big_warc], check=True)
        shutil.rmtree(os.path.join(work, "scratch"))
    page_bytes = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(html) for f in fs)

    # Reading and extracting: `newsdex parse` over every page (its JSON output included, so the
    # figure is an upper bound), against indexing the same pages from scratch on one thread.
    parse_html, _ = median_run([NEWSDEX, "parse", html, "--corpus", html, "--format", "json"], args.repeat)
    parse_text, _ = median_run([NEWSDEX, "parse", text, "--corpus", text, "--format", "json"], args.repeat)
    db = os.path.join(work, "index")
    index_cmd = lambda corpus, database: [NEWSDEX, "index", corpus, "--db", database, "--rebuild", "--jobs", "1", "--quiet"]
    index_html, _ = median_run(index_cmd(html, db), args.repeat)
    index_text, _ = median_run(index_cmd(text, db + "-text"), args.repeat)
    ratio = parse_html / index_html

    parsed = json.loads(subprocess.run([NEWSDEX, "parse", html, "--corpus", html, "--format", "json"],
                                       capture_output=True, text=True).stdout)
    exact, total = accuracy(parsed, truth)

    # Web archives: the same pages, and four times as many, indexed from one WARC each.
    warc_db, big_db = os.path.join(work, "index-warc"), os.path.join(work, "index-warc-4x")
    warc_cpu, warc_rss = median_run(index_cmd(warc, warc_db), args.repeat)
    big_cpu, big_rss = median_run(index_cmd(big_warc, big_db), 1)
    unchanged_cpu, _ = median_run([NEWSDEX, "index", warc, "--db", warc_db, "--jobs", "1", "--quiet"], args.repeat)

    per = lambda seconds: seconds / args.pages * 1000
    table = f"""<!-- html:begin -->
### Saved pages and web archives (issue 14)

{args.pages} generated articles written as saved news pages (`newsdex-corpus --format html`, seed {args.seed}:
three layouts — a WordPress theme, a JSON-LD publisher, a table layout — with a cookie banner, menus, share
bars, ads, a newsletter box, related links, comments, footers and inline scripts; {page_bytes // args.pages // 1024} KiB a page),
the same articles as plain text, and a web archive of the pages (gzip per record, with request records).
CPU seconds, median of {args.repeat}, one thread. Command: `python3 bench/html.py --pages {args.pages}`.

| figure | value |
|---|---|
| read and extract a page (`newsdex parse`, JSON output included) | {per(parse_html):.2f} ms ({per(parse_text):.2f} ms for the same article as text) |
| index a page (`newsdex index --rebuild --jobs 1`) | {per(index_html):.2f} ms ({per(index_text):.2f} ms as text) |
| reading and extracting / indexing | {ratio:.2f} (target: at most 0.20) |
| pages read exactly as generated: title, date, author, source | {exact['title']}, {exact['date']}, {exact['author']}, {exact['source']} of {total} |
| pages read exactly as generated: every paragraph, every caption with its credit | {exact['body']}, {exact['captions']} of {total} |
| index the web archive of {args.pages} pages | {warc_cpu:.1f} s, peak RSS {warc_rss // 1024} MiB |
| index a web archive of {4 * args.pages} pages | {big_cpu:.1f} s, peak RSS {big_rss // 1024} MiB |
| index the unchanged web archive again | {unchanged_cpu:.2f} s |
<!-- html:end -->"""
    print(table)
    write_section(RESULTS, "html", table)


if __name__ == "__main__":
    sys.exit(main())
