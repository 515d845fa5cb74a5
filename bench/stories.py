#!/usr/bin/env python3
"""Story clustering on a generated archive: pairwise precision and recall against the generator's
ground truth, and what clustering costs at index time (newsdex with and without --no-stories).

Writes its table into bench/RESULTS.md between the <!-- stories:begin/end --> markers.
Usage: bench/stories.py [--articles 10000] [--duplicates 0.3] [--seed 7] [--shard-processes 3]

With --shard-processes N it also builds N shards of the archive from N processes at once
(`newsdex index --shard I/N`, as N machines would), serves each with xapian-tcpsrv on 127.0.0.1,
and scores the stories a stub of their `remote` lines finds: copies routed to different shards
must still be one story.
"""
import argparse
import socket
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


def stories_found(db, articles):
    """path -> story id of every article, as `newsdex search --all-copies` reports it."""
    out = subprocess.run([NEWSDEX, "search", "--db", db, "--from", "1900",
                          "--all-copies", "--format", "jsonl", "--limit", "all"],
                         check=True, capture_output=True, text=True).stdout
    return {hit["path"]: hit["story"] for hit in map(json.loads, out.splitlines())}


def score(truth, found):
    """(precision, recall, true positives, predicted pairs, expected pairs, groups found, true groups)."""
    expected_groups, found_groups = defaultdict(set), defaultdict(set)
    for path, story in truth.items():
        expected_groups[story].add(path)
        if path in found:
            found_groups[found[path]].add(path)
    expected, predicted = pairs(expected_groups), pairs(found_groups)
    true_positives = len(expected & predicted)
    precision = true_positives / len(predicted) if predicted else 1.0
    recall = true_positives / len(expected) if expected else 1.0
    return precision, recall, true_positives, len(predicted), len(expected), len(found_groups), len(expected_groups)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sharded_stories(corpus, work, count, articles):
    """Builds `count` shards from `count` processes at once, serves them, returns (stories, seconds)."""
    dbs = [os.path.join(work, f"shard-{i}-of-{count}") for i in range(count)]
    start = time.perf_counter()
    procs = [subprocess.Popen([NEWSDEX, "index", corpus, "--db", db, "--rebuild", "--jobs", "1", "--quiet",
                               "--shard", f"{i}/{count}"]) for i, db in enumerate(dbs)]
    if any(p.wait() != 0 for p in procs):
        raise RuntimeError("a shard build failed")
    seconds = time.perf_counter() - start
    servers, stub = [], os.path.join(work, f"shards-{count}.stub")
    try:
        with open(stub, "w") as f:
            for db in dbs:
                port = free_port()
                # Its own session: xapian-tcpsrv signals its whole process group on exit.
                servers.append(subprocess.Popen(["xapian-tcpsrv", "--interface", "127.0.0.1", "--port", str(port),
                                                 "--quiet", db], start_new_session=True))
                f.write(f"remote 127.0.0.1:{port}\n")
        time.sleep(1)
        return stories_found(stub, articles), seconds
    finally:
        for server in servers:
            server.kill()
            server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--duplicates", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench/out"))
    parser.add_argument("--repeat", type=int, default=3,
                        help="full builds of each kind, alternated; the median is reported")
    parser.add_argument("--shard-processes", type=int, default=0,
                        help="also score N shards built by N processes and searched through a remote stub")
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

    precision, recall, true_positives, predicted, expected, found_groups, expected_groups = score(
        truth, stories_found(os.path.join(work, "index"), args.articles))
    sharded_rows = ""
    if args.shard_processes > 1:
        n = args.shard_processes
        found, seconds = sharded_stories(corpus, work, n, args.articles)
        p, r, tp, pred, _, groups, _ = score(truth, found)
        sharded_rows = (f"| {n} shards from {n} processes (`--shard I/{n}`), searched through xapian-tcpsrv | "
                        f"precision {p:.4f} ({tp} of {pred}), recall {r:.4f}, {groups} stories; built in {seconds:.1f} s |\n")
    cost = (with_stories - without) / without * 100

    copies = args.articles - expected_groups
    table = f"""<!-- stories:begin -->
### Story clustering (issue 9)

Generated archive: {args.articles} articles, of which {copies} are near-duplicate copies (seed {args.seed};
retitled, a paragraph dropped, one word in ten changed, captions swapped, and combinations).
Command: `python3 bench/stories.py --articles {args.articles}{f" --shard-processes {args.shard_processes}" if args.shard_processes > 1 else ""}`.

| figure | value |
|---|---|
| pairwise precision | {precision:.4f} ({true_positives} of {predicted} pairs put together are copies) |
| pairwise recall | {recall:.4f} ({true_positives} of {expected} pairs of copies put together) |
| stories found / true stories | {found_groups} / {expected_groups} |
{sharded_rows}| full build, `--jobs 1` (median of {args.repeat}) | {with_stories:.1f} s with clustering, {without:.1f} s with `--no-stories` |
| cost of clustering | {cost:+.1f}% of indexing time (target: at most +10%) |
<!-- stories:end -->"""
    print(table)
    write_section(RESULTS, "stories", table)


if __name__ == "__main__":
    sys.exit(main())
