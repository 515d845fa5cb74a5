#!/usr/bin/env python3
"""Archives of millions (issue 19): peak memory of first builds against the archive's size, growth
of the live generation after 1% and 10% updates, and full builds spread over 1, 2 and 3 shard
processes (`newsdex index --shard I/N`). Prints one JSON line per measurement (append them to a
file with --log) and a Markdown table of what it measured.

Usage:
  bench/scale.py rss --sizes 10k,50k,100k,200k      # first builds, --jobs 2, peak RSS
  bench/scale.py growth --size 10k --fractions 0.01,0.1
  bench/scale.py shards --size 100k --processes 1,2,3

Corpora are generated with newsdex-corpus --seed 1 into bench/out/corpus-SIZE when absent. Run it
under `nice -n 19` on a shared machine; the load average is recorded with each figure.
"""
import argparse
import json
import os
import random
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NEWSDEX = os.environ.get("NEWSDEX", os.path.join(ROOT, ".build/release/newsdex"))
GENERATOR = os.path.join(ROOT, ".build/release/newsdex-corpus")
OUT = os.path.join(ROOT, "bench/out")


def articles(size):
    return int(size.lower().replace("k", "000").replace("m", "000000"))


def corpus(size):
    path = os.path.join(OUT, f"corpus-{size}")
    if not os.path.isdir(path):
        subprocess.run([GENERATOR, "--articles", str(articles(size)), "--seed", "1", "--out", path + ".tmp"],
                       check=True)
        os.rename(path + ".tmp", path)
    return path


def load():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def timed(cmd):
    """Runs cmd under /usr/bin/time -v: (wall seconds, peak RSS MiB, CPU seconds, stdout)."""
    start = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode not in (0, 3):
        raise RuntimeError(f"{' '.join(cmd)}: exit {proc.returncode}: {proc.stderr[-500:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr).group(1)) / 1024
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", proc.stderr))
    return seconds, rss, cpu, proc.stdout


def dir_bytes(path):
    total = 0
    for dirpath, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(dirpath, name))
    return total


def live_generation(db):
    for line in open(os.path.join(db, "XAPIANDB")):
        words = line.split()
        if len(words) == 2 and words[0] == "auto":
            return os.path.join(db, words[1])
    raise RuntimeError(f"{db} has no generation")


def emit(args, record):
    record.update(load=load(), newsdex=NEWSDEX)
    line = json.dumps(record)
    print(line, flush=True)
    if args.log:
        with open(args.log, "a") as f:
            f.write(line + "\n")


def rss(args):
    for size in args.sizes.split(","):
        source = corpus(size)
        db = os.path.join(OUT, f"scale-rss-{size}")
        shutil.rmtree(db, ignore_errors=True)
        seconds, peak, cpu, _ = timed([NEWSDEX, "index", source, "--db", db, "--jobs", str(args.jobs), "--quiet"])
        emit(args, dict(kind="rss", size=size, articles=articles(size), jobs=args.jobs, seconds=round(seconds, 1),
                        cpu=round(cpu, 1), peak_mib=round(peak), index_mib=round(dir_bytes(live_generation(db)) / 2**20, 1)))
        if not args.keep:
            shutil.rmtree(db, ignore_errors=True)


def changed_copy(source, fraction, work):
    """A hard-linked copy of the corpus with `fraction` of its files rewritten (a sentence appended)."""
    copy = os.path.join(work, f"corpus-changed-{fraction}")
    shutil.rmtree(copy, ignore_errors=True)
    subprocess.run(["cp", "-al", os.path.realpath(source), copy], check=True)
    files = sorted(os.path.join(d, n) for d, _, names in os.walk(copy) for n in names if n.endswith(".txt"))
    for path in random.Random(1).sample(files, max(1, int(len(files) * fraction))):
        text = open(path, encoding="utf-8").read()
        os.remove(path)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text + "\nThis article was amended after publication.\n")
    return copy


def growth(args):
    source = corpus(args.size)
    work = os.path.join(OUT, f"scale-growth-{args.size}")
    os.makedirs(work, exist_ok=True)
    extra = ["--shards", str(args.shards)] if args.shards > 1 else []
    for fraction in [float(f) for f in args.fractions.split(",")]:
        changed = changed_copy(source, fraction, work)
        fresh, updated = os.path.join(work, "fresh"), os.path.join(work, "updated")
        for db in (fresh, updated):
            shutil.rmtree(db, ignore_errors=True)
        timed([NEWSDEX, "index", changed, "--db", fresh, "--jobs", str(args.jobs), "--quiet"] + extra)
        # The index to update is built from a corpus folder that then becomes the changed corpus
        # (an index updates only the corpus it recorded): a hard-linked copy of the original,
        # replaced by the changed copy, whose unchanged files are the same files.
        live = os.path.join(work, "corpus")
        shutil.rmtree(live, ignore_errors=True)
        subprocess.run(["cp", "-al", os.path.realpath(source), live], check=True)
        timed([NEWSDEX, "index", live, "--db", updated, "--jobs", str(args.jobs), "--quiet"] + extra)
        shutil.rmtree(live)
        os.rename(changed, live)
        before = dir_bytes(live_generation(updated))
        generation_before = live_generation(updated)
        # A shard an update does not write stays the same files (hard links into the new
        # generation): the inode of its postlist table tells which shards were written.
        shard_inodes = {}
        if args.shards > 1:
            shard_inodes = {n: os.stat(os.path.join(generation_before, n, "postlist.glass")).st_ino
                            for n in os.listdir(generation_before) if n.startswith("shard-")}
        seconds, peak, cpu, _ = timed([NEWSDEX, "index", live, "--db", updated, "--jobs", str(args.jobs), "--quiet"])
        after_gen = live_generation(updated)
        after = dir_bytes(after_gen)
        fresh_bytes = dir_bytes(live_generation(fresh))
        record = dict(kind="growth", size=args.size, fraction=fraction, shards=args.shards,
                      fresh_mib=round(fresh_bytes / 2**20, 1), before_mib=round(before / 2**20, 1),
                      after_mib=round(after / 2**20, 1), growth_pct=round((after / fresh_bytes - 1) * 100, 1),
                      new_generation=after_gen != generation_before, update_seconds=round(seconds, 1),
                      update_peak_mib=round(peak))
        if args.shards > 1:
            record["shards_written"] = sum(
                1 for n, inode in shard_inodes.items()
                if os.stat(os.path.join(after_gen, n, "postlist.glass")).st_ino != inode)
        emit(args, record)


def shards(args):
    source = corpus(args.size)
    work = os.path.join(OUT, f"scale-shards-{args.size}")
    for count in [int(n) for n in args.processes.split(",")]:
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        start = time.perf_counter()
        procs = []
        for i in range(count):
            cmd = [NEWSDEX, "index", source, "--db", os.path.join(work, f"shard-{i}"), "--jobs", str(args.jobs),
                   "--quiet"] + (["--shard", f"{i}/{count}"] if count > 1 else [])
            procs.append(subprocess.Popen(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL,
                                          stderr=subprocess.PIPE, text=True))
        peaks = []
        for proc in procs:
            err = proc.communicate()[1]
            if proc.returncode != 0:
                raise RuntimeError(err[-500:])
            peaks.append(int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", err).group(1)) / 1024)
        seconds = time.perf_counter() - start
        emit(args, dict(kind="shards", size=args.size, processes=count, jobs=args.jobs, seconds=round(seconds, 1),
                        peak_mib_each=[round(p) for p in peaks],
                        index_mib_each=[round(dir_bytes(live_generation(os.path.join(work, f"shard-{i}"))) / 2**20, 1)
                                        for i in range(count)]))
    shutil.rmtree(work, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--log", help="append each JSON line to this file")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("rss")
    p.add_argument("--sizes", default="10k,50k,100k,200k")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--keep", action="store_true")
    p = sub.add_parser("growth")
    p.add_argument("--size", default="10k")
    p.add_argument("--fractions", default="0.01,0.1")
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--shards", type=int, default=1)
    p = sub.add_parser("shards")
    p.add_argument("--size", default="100k")
    p.add_argument("--processes", default="1,2,3")
    p.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    {"rss": rss, "growth": growth, "shards": shards}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
