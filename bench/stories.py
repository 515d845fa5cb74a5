#!/usr/bin/env python3
"""Story clustering on a generated archive: pairwise precision and recall against the generator's
ground truth, and what clustering costs at index time (newsdex with and without --no-stories).

Writes its table into bench/RESULTS.md between the <!-- stories:begin/end --> markers.
Usage: bench/stories.py [--articles 10000] [--duplicates 0.3] [--seed 7]
"""
import argparse
import itertools
import json
import os
import subprocess
import sys
import time
from collections import defaultdict

from report_section import write_section

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWSDEX = os.path.join(ROOT, ".build/release/newsdex")
GENERATOR = os.path.join(ROOT, ".build/release/newsdex-corpus")
RESULTS = os.path.join(ROOT, "bench/RESULTS.md")


def pairs(groups):
    """Every unordered pair of paths that share a group."""
    result = set()
    for members in groups.values():
        for a, b in itertools.combinations(sorted(members), 2):
            result.add((a, b))
    return result


def index(corpus, db, extra):
    start = time.perf_counter()
    subprocess.run([NEWSDEX, "index", corpus, "--db", db, "--rebuild", "--jobs", "1", "--quiet"] + extra, check=True)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--duplicates", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench/out"))
    parser.add_argument("--repeat", type=int, default=3,
                        help="full builds of each kind, alternated; the median is reported")
    args = parser.parse_args()

    work = os.path.join(args.out, f"stories-{args.articles}")
    corpus, truth_file = os.path.join(work, "corpus"), os.path.join(work, "truth.tsv")
    if not os.path.exists(truth_file):
        os.makedirs(work, exist_ok=True)
        subprocess.run([GENERATOR, "--articles", str(args.articles), "--seed", str(args.seed), "--out", corpus,
                        "--duplicates", str(args.duplicates), "--truth", truth_file], check=True)

    truth = {}
    with open(truth_file) as f:
        next(f)
        for line in f:
            path, story = line.rstrip("\n").split("\t")
            truth[path] = story

    # Alternate the two kinds of build and take medians: a shared machine's load comes and goes.
    with_times, without_times = [], []
    for _ in range(args.repeat):
        with_times.append(index(corpus, os.path.join(work, "index"), []))
        without_times.append(index(corpus, os.path.join(work, "index-no-stories"), ["--no-stories"]))
    with_stories, without = sorted(with_times)[len(with_times) // 2], sorted(without_times)[len(without_times) // 2]

    out = subprocess.run([NEWSDEX, "search", "--db", os.path.join(work, "index"), "--from", "1900",
                          "--all-copies", "--format", "jsonl", "--limit", str(args.articles * 2)],
                         check=True, capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        hit = json.loads(line)
        found[hit["path"]] = hit["story"]

    expected_groups, found_groups = defaultdict(set), defaultdict(set)
    for path, story in truth.items():
        expected_groups[story].add(path)
        if path in found:
            found_groups[found[path]].add(path)
    expected, predicted = pairs(expected_groups), pairs(found_groups)
    true_positives = len(expected & predicted)
    precision = true_positives / len(predicted) if predicted else 1.0
    recall = true_positives / len(expected) if expected else 1.0
    cost = (with_stories - without) / without * 100

    copies = sum(len(m) - 1 for m in expected_groups.values())
    table = f"""<!-- stories:begin -->
### Story clustering (issue 9)

Generated archive: {args.articles} articles, of which {copies} are near-duplicate copies (seed {args.seed};
retitled, a paragraph dropped, one word in ten changed, captions swapped, and combinations).
Command: `python3 bench/stories.py --articles {args.articles}`.

| figure | value |
|---|---|
| pairwise precision | {precision:.4f} ({true_positives} of {len(predicted)} pairs put together are copies) |
| pairwise recall | {recall:.4f} ({true_positives} of {len(expected)} pairs of copies put together) |
| stories found / true stories | {len(found_groups)} / {len(expected_groups)} |
| full build, `--jobs 1` (median of {args.repeat}) | {with_stories:.1f} s with clustering, {without:.1f} s with `--no-stories` |
| cost of clustering | {cost:+.1f}% of indexing time (target: at most +10%) |
<!-- stories:end -->"""
    print(table)
    write_section(RESULTS, "stories", table)


if __name__ == "__main__":
    sys.exit(main())
