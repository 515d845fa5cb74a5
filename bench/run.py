#!/usr/bin/env python3
"""newsdex benchmark driver: indexes one generated corpus with newsdex and its peers, times a fixed
set of queries on each, and regenerates bench/RESULTS.md (raw figures go to bench/out/results-*.json).

Usage (normally through `make bench`):
  bench/run.py [--size 10k] [--corpus DIR] [--repeat 20] [--inproc-repeat 200] [--engines a,b,...]

Engines: newsdex, xapian-cpp, xapian-py, fts5, tantivy, ripgrep (queries only).
Peers that cannot run are reported as n/a with the reason; the rest still run.
"""
import argparse
import csv
import datetime
import json
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
OUT = os.path.join(BENCH, "out")
BIN = os.path.join(BENCH, "bin")
NEWSDEX = os.path.join(ROOT, ".build", "release", "newsdex")
DEBIAN_PYTHON = "/usr/bin/python3"  # has python3-xapian; pyenv's python3 may not
ENGINES = ["newsdex", "xapian-cpp", "xapian-py", "fts5", "tantivy", "ripgrep"]
LABELS = {
    "newsdex": "newsdex", "newsdex-j1": "newsdex --jobs 1", "newsdex-j2": "newsdex --jobs 2",
    "xapian-cpp": "Xapian C++ reference", "xapian-py": "Xapian Python (python3-xapian)",
    "fts5": "SQLite FTS5 (porter)", "tantivy": "Tantivy (PyPI, en_stem)", "ripgrep": "ripgrep (no index)",
}


def log(message):
    print(f"bench: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Measuring


def timed(cmd, shell=False, env=None):
    """Runs a command under /usr/bin/time -v; returns (seconds, peak RSS in KiB, stdout)."""
    wrapped = ["/usr/bin/time", "-v"] + (["/bin/sh", "-c", cmd] if shell else cmd)
    start = time.perf_counter()
    proc = subprocess.run(wrapped, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        detail = proc.stderr.split("\tCommand being timed")[0].strip()[-300:]
        raise RuntimeError(f"exit {proc.returncode}: {detail}")
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    return seconds, int(rss.group(1)) if rss else None, proc.stdout


def dir_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    total = 0
    for dirpath, _, names in os.walk(path):
        for name in names:
            total += os.path.getsize(os.path.join(dirpath, name))
    return total


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p * (len(ordered) - 1))))]


def one_shot(cmd, repeat, shell=False):
    """Runs a search process `repeat` times; returns (p50 ms, p95 ms, stdout of the first run)."""
    times, first = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.run(cmd, shell=shell, capture_output=True, text=True)
        times.append((time.perf_counter() - start) * 1000)
        # rg exits 1 on no match, and xargs 123 when a later stage finds none: both are answers.
        if proc.returncode not in ((0, 1, 123) if shell else (0,)):
            raise RuntimeError(f"{cmd} exited {proc.returncode}: {proc.stderr[-400:]}")
        if first is None:
            first = proc.stdout
    return percentile(times, 0.5), percentile(times, 0.95), first


# ---------------------------------------------------------------------------------------------
# Queries: bench/queries.txt is neutral; each engine gets its own translation.


def load_queries(path):
    queries = []
    for line in open(path, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t") + ["", "", "", ""]
        queries.append({"class": cols[0], "text": cols[1], "source": cols[2], "person": cols[3],
                        "facets": cols[4] == "yes"})
    return queries


def parts(text):
    """Splits neutral query text into words and "quoted phrases"."""
    return [m.group(1) or m.group(2) for m in re.finditer(r'"([^"]+)"|(\S+)', text)]


def xapian_args(q):
    """Query string (AND by default op) and filter terms for the Xapian peers."""
    text = q["text"] + (f' "{q["person"]}"' if q["person"] else "")
    filters = ["XS" + q["source"].lower()] if q["source"] else []
    return text, filters


def fts5_match(q):
    items = [f'"{p}"' if " " in p else p for p in parts(q["text"])]
    expr = "{title body} : (" + " AND ".join(items) + ")"
    if q["person"]:
        expr += f' AND {{title body}} : "{q["person"]}"'
    if q["source"]:
        expr += f' AND source : "{q["source"]}"'
    return expr.replace("'", "''")


def fts5_sql(q, count=False):
    match = fts5_match(q)
    if count:
        return f"SELECT count(*) FROM fts WHERE fts MATCH '{match}';"
    sql = f"SELECT path FROM fts WHERE fts MATCH '{match}' ORDER BY rank LIMIT 10;"
    if q["facets"]:
        sql += f" SELECT 'facet', source, count(*) FROM fts WHERE fts MATCH '{match}' GROUP BY source;"
    return sql


def tantivy_query(q):
    items = [f'+"{p}"' if " " in p else f"+{p}" for p in parts(q["text"])]
    if q["person"]:
        items.append(f'+"{q["person"]}"')
    if q["source"]:
        items.append(f"+source:{q['source']}")
    return " ".join(items)


def ripgrep_cmd(q, corpus):
    """A pipeline of `rg -l -i` stages, one per word/phrase: no stemming, filters approximated."""
    where = os.path.join(corpus, q["source"]) if q["source"] else corpus
    patterns = []
    for p in parts(q["text"]):
        patterns.append(["-w", "-e", r"\s+".join(re.escape(w) for w in p.split())])
    if q["person"]:
        patterns.append(["-F", "-e", q["person"]])
    stages = [shlex.join(["rg", "-l", "-i"] + patterns[0] + [where])]
    for pattern in patterns[1:]:
        stages.append(shlex.join(["xargs", "-r", "-d", "\n", "rg", "-l", "-i"] + pattern))
    return " | ".join(stages)


def newsdex_search_cmd(q, db):
    # The newsdex search CLI as the lead specified it; adjust here if the flags change.
    cmd = [NEWSDEX, "search", "--db", db, "--format", "json"]
    if q["source"]:
        cmd += ["--source", q["source"]]
    if q["person"]:
        cmd += ["--person", q["person"]]
    if q["facets"]:
        cmd += ["--facets"]
    return cmd + ["--", q["text"]]


def newsdex_count(stdout):
    try:
        data = json.loads(stdout)
    except ValueError:
        return None
    for key in ("total", "count", "matches", "estimated", "matchesEstimated"):
        if isinstance(data, dict) and isinstance(data.get(key), int):
            return data[key]
    return None


# ---------------------------------------------------------------------------------------------
# Availability


def newsdex_available(sub):
    """Whether the built newsdex has the subcommand: ArgumentParser answers `newsdex X --help` with
    the root help (exit 0) when X is unknown, so look for the subcommand's own --db option."""
    if not os.access(NEWSDEX, os.X_OK):
        return False
    proc = subprocess.run([NEWSDEX, sub, "--help"], capture_output=True, text=True)
    return proc.returncode == 0 and "--db" in proc.stdout


def tantivy_python():
    for python in (sys.executable, "python3", DEBIAN_PYTHON):
        if subprocess.run([python, "-c", "import tantivy"], capture_output=True).returncode == 0:
            return python
    return None


# ---------------------------------------------------------------------------------------------
# Indexing


def write_fts5_inputs(corpus, work):
    """The CSV and SQL that load FTS5 in one sqlite3 process (title = first non-empty line)."""
    csv_path = os.path.join(work, "fts5-corpus.csv")
    with open(csv_path, "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, quoting=csv.QUOTE_ALL)
        for path in corpus_files(corpus):
            lines = open(path, encoding="utf-8", errors="replace").read().split("\n")
            k = next((i for i, line in enumerate(lines) if line.strip()), 0)
            rel = os.path.relpath(path, corpus)
            writer.writerow([rel, rel.split(os.sep)[0], lines[k] if lines else "", "\n".join(lines[k + 1:])])
    sql_path = os.path.join(work, "fts5-load.sql")
    with open(sql_path, "w") as out:
        out.write("CREATE TABLE docs(path TEXT, source TEXT, title TEXT, body TEXT);\n"
                  f".import --csv {csv_path} docs\n"
                  "CREATE VIRTUAL TABLE fts USING fts5(path UNINDEXED, source, title, body, "
                  "tokenize='porter unicode61');\n"
                  "INSERT INTO fts SELECT path, source, title, body FROM docs;\n"
                  "DROP TABLE docs;\nVACUUM;\n")
    return sql_path


def corpus_files(corpus):
    files = []
    for dirpath, _, names in os.walk(corpus):
        files.extend(os.path.join(dirpath, n) for n in names if n.endswith(".txt"))
    return sorted(files)


def index_engines(args, corpus, docs, nbytes, engines, work):
    results, dbs = {}, {}

    def record(name, cmd, db, shell=False, compact=False):
        log(f"indexing with {LABELS.get(name, name)}")
        try:
            seconds, rss, _ = timed(cmd, shell=shell)
        except Exception as error:  # one failing engine must not stop the others
            results[name] = {"error": str(error)[:300]}
            log(f"  failed: {error}")
            return
        entry = {"seconds": seconds, "docs_per_s": docs / seconds, "mb_per_s": nbytes / 1e6 / seconds,
                 "peak_rss_mib": rss / 1024 if rss else None, "size_mib": dir_bytes(db) / 1048576}
        if compact:
            compacted = db + ".compact"
            shutil.rmtree(compacted, ignore_errors=True)
            subprocess.run(["xapian-compact", db, compacted], check=True, capture_output=True)
            entry["compact_size_mib"] = dir_bytes(compacted) / 1048576
        results[name] = entry
        dbs[name] = db
        log(f"  {docs / seconds:,.0f} docs/s, {entry['size_mib']:.0f} MiB")

    def fresh(name):
        path = os.path.join(work, name)
        shutil.rmtree(path, ignore_errors=True)
        if os.path.exists(path):
            os.remove(path)
        return path

    if "newsdex" in engines:
        if newsdex_available("index"):
            db = fresh("newsdex")
            for jobs in (1, 2):
                record(f"newsdex-j{jobs}", [NEWSDEX, "index", corpus, "--db", db, "--jobs", str(jobs),
                                            "--quiet", "--format", "json", "--rebuild"], db, compact=True)
            if "newsdex-j2" in results and "error" not in results["newsdex-j2"]:
                record("newsdex-incremental-unchanged", [NEWSDEX, "index", corpus, "--db", db, "--jobs", "2",
                                                         "--quiet", "--format", "json"], db)
                changed = changed_corpus(corpus, work)
                record("newsdex-incremental-1pct", [NEWSDEX, "index", changed, "--db", db, "--jobs", "2",
                                                    "--quiet", "--format", "json"], db)
                dbs["newsdex"] = db
        else:
            results["newsdex-j1"] = results["newsdex-j2"] = {"error": "n/a (newsdex index not available)"}
            log("newsdex: n/a (newsdex index not available)")
    if "xapian-cpp" in engines:
        db = fresh("xapian-cpp")
        record("xapian-cpp", [os.path.join(BIN, "xapian-index"), corpus, db], db, compact=True)
    if "xapian-py" in engines:
        db = fresh("xapian-py")
        record("xapian-py", [DEBIAN_PYTHON, os.path.join(BENCH, "peers", "xapian_peer.py"), "index", corpus, db],
               db, compact=True)
    if "fts5" in engines:
        db = fresh("fts5.db")
        sql = write_fts5_inputs(corpus, work)
        record("fts5", f"sqlite3 {shlex.quote(db)} < {shlex.quote(sql)}", db, shell=True)
    if "tantivy" in engines:
        python = tantivy_python()
        if python:
            db = fresh("tantivy")
            record("tantivy", [python, os.path.join(BENCH, "peers", "tantivy_peer.py"), "index", corpus, db], db)
        else:
            results["tantivy"] = {"error": "n/a (python module tantivy missing: pip install tantivy)"}
    return results, dbs


def changed_corpus(corpus, work):
    """A hard-linked copy of the corpus with 1% of the files rewritten (new files, so the
    originals stay untouched): what an incremental run sees after a day of corrections."""
    copy = os.path.join(work, "corpus-changed")
    shutil.rmtree(copy, ignore_errors=True)
    subprocess.run(["cp", "-al", corpus, copy], check=True)
    files = corpus_files(copy)
    rng = random.Random(1)
    for path in rng.sample(files, max(1, len(files) // 100)):
        text = open(path, encoding="utf-8").read()
        os.remove(path)
        with open(path, "w", encoding="utf-8") as out:
            out.write(text + "\nThis article was amended after publication.\n")
    return copy


# ---------------------------------------------------------------------------------------------
# Searching


def search_engines(args, queries, corpus, dbs, engines, work):
    per_engine = {}
    tantivy_py = tantivy_python()
    for engine in engines:
        if engine != "ripgrep" and engine not in dbs:
            continue
        if engine == "newsdex" and not newsdex_available("search"):
            per_engine[engine] = {"error": "n/a (newsdex search not available)"}
            continue
        log(f"searching with {LABELS[engine]} ({len(queries)} queries x {args.repeat})")
        rows = []
        for q in queries:
            try:
                rows.append(search_one(engine, q, corpus, dbs, args.repeat, tantivy_py))
            except Exception as error:
                rows.append({"error": str(error)[:200]})
        per_engine[engine] = {"queries": rows}
    if "xapian-cpp" in dbs:
        log(f"in-process Xapian C++ ({args.inproc_repeat} runs per query)")
        path = os.path.join(work, "queries-xapian.tsv")
        with open(path, "w") as out:
            for q in queries:
                text, filters = xapian_args(q)
                out.write(f"{text}\t{' '.join(filters)}\t{'yes' if q['facets'] else 'no'}\n")
        proc = subprocess.run([os.path.join(BIN, "xapian-search"), "--bench", str(args.inproc_repeat),
                               dbs["xapian-cpp"], path], capture_output=True, text=True, check=True)
        per_engine["xapian-cpp-inprocess"] = {"queries": [json.loads(line) for line in proc.stdout.splitlines()]}
    return per_engine


def search_one(engine, q, corpus, dbs, repeat, tantivy_py):
    shell, count = False, None
    if engine == "xapian-cpp":
        text, filters = xapian_args(q)
        cmd = [os.path.join(BIN, "xapian-search"), dbs[engine], text]
        for term in filters:
            cmd += ["--filter", term]
        cmd += ["--facets"] if q["facets"] else []
    elif engine == "xapian-py":
        text, filters = xapian_args(q)
        cmd = [DEBIAN_PYTHON, os.path.join(BENCH, "peers", "xapian_peer.py"), "search", dbs[engine], text]
        for term in filters:
            cmd += ["--filter", term]
        cmd += ["--facets"] if q["facets"] else []
        exact = subprocess.run(cmd + ["--exact"], capture_output=True, text=True, check=True).stdout
        count = int(exact.split()[1])
    elif engine == "fts5":
        cmd = ["sqlite3", "-readonly", dbs[engine], fts5_sql(q)]
        count = int(subprocess.run(["sqlite3", "-readonly", dbs[engine], fts5_sql(q, count=True)],
                                   capture_output=True, text=True, check=True).stdout.strip())
    elif engine == "tantivy":
        peer = os.path.join(BENCH, "peers", "tantivy_peer.py")
        cmd = [tantivy_py, peer, "search", dbs[engine], tantivy_query(q)] + (["--facets"] if q["facets"] else [])
        count = int(subprocess.run([tantivy_py, peer, "count", dbs[engine], tantivy_query(q)],
                                   capture_output=True, text=True, check=True).stdout.strip())
    elif engine == "ripgrep":
        cmd, shell = ripgrep_cmd(q, corpus), True
    elif engine == "newsdex":
        cmd = newsdex_search_cmd(q, dbs["newsdex"])
    p50, p95, out = one_shot(cmd, repeat, shell=shell)
    if engine == "ripgrep":
        count = len([line for line in out.splitlines() if line.strip()])
    elif engine == "newsdex":
        count = newsdex_count(out)
    elif engine == "xapian-cpp":
        count = None  # exact counts come from the in-process run
    return {"p50_ms": p50, "p95_ms": p95, "count": count}


# ---------------------------------------------------------------------------------------------
# Report


def machine():
    cpu = "unknown"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = next((line.split()[1] for line in open("/proc/meminfo") if line.startswith("MemTotal")), "0")
    return {"nproc": os.cpu_count(), "ram_gib": round(int(mem) / 1048576, 1), "cpu": cpu,
            "kernel": platform.release()}


def fmt(value, digits=1, suffix=""):
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{suffix}"
    return f"{value:,}{suffix}"


def median_of(rows, key):
    values = [r[key] for r in rows if isinstance(r, dict) and r.get(key) is not None]
    return statistics.median(values) if values else None


def write_report(path, meta, indexing, searching, queries):
    lines = []
    add = lines.append
    m = meta["machine"]
    add("# newsdex benchmark results")
    add("")
    add("Regenerated by `bench/run.py` (via `make bench`); do not edit by hand. Raw figures: "
        f"`bench/out/{os.path.basename(meta['raw_json'])}`.")
    add("")
    add(f"- **Date**: {meta['date']}")
    add(f"- **Machine**: {m['cpu']}, {m['nproc']} cores, {m['ram_gib']} GiB RAM, Linux {m['kernel']}")
    add(f"- **Command**: `{meta['command']}`")
    add(f"- **Corpus**: `{meta['corpus']}`: {meta['docs']:,} articles, {meta['bytes'] / 1e6:.1f} MB "
        f"({meta['bytes'] / 1048576:.1f} MiB), generated by `newsdex-corpus --seed {meta['seed']}`")
    if meta.get("loadavg"):
        add(f"- **Load average** at start: {meta['loadavg']}")
    if meta.get("note"):
        add(f"- **Note**: {meta['note']}")
    add(f"- **Search repeats**: one-shot {meta['repeat']}× per query (p50/p95 of process wall time, "
        f"start-up included); in-process {meta['inproc_repeat']}× per query")
    add("")
    add("## Indexing")
    add("")
    add("| Engine | docs/s | MB/s | wall s | peak RSS MiB | index MiB | compacted MiB |")
    add("|---|---:|---:|---:|---:|---:|---:|")
    order = ["newsdex-j1", "newsdex-j2", "newsdex-incremental-unchanged", "newsdex-incremental-1pct",
             "xapian-cpp", "xapian-py", "fts5", "tantivy"]
    for name in order:
        if name not in indexing:
            continue
        r = indexing[name]
        label = LABELS.get(name, name.replace("newsdex-incremental-", "newsdex incremental, ")
                           .replace("1pct", "1% changed"))
        if "error" in r:
            add(f"| {label} | {r['error']} | | | | | |")
            continue
        add(f"| {label} | {fmt(r['docs_per_s'], 0)} | {fmt(r['mb_per_s'], 2)} | {fmt(r['seconds'], 2)} | "
            f"{fmt(r['peak_rss_mib'], 0)} | {fmt(r['size_mib'], 1)} | {fmt(r.get('compact_size_mib'), 1)} |")
    add("")
    add("Notes: MB = 10⁶ bytes of article text. Peak RSS from `/usr/bin/time -v`. Xapian peers use the same "
        "TermGenerator calls as newsdex (english stemmer, STEM_SOME, positions, title as `S` and unprefixed, "
        "`Q` id term, `replace_document`, one commit, default flush threshold) with no article parsing "
        "(title = first non-empty line). FTS5: one `sqlite3` process runs `.import` of a prepared CSV and "
        "`INSERT INTO fts SELECT …` (`tokenize='porter unicode61'`), then VACUUM; CSV preparation not timed. "
        "Tantivy: default writer (it picks its own thread count), Python start-up and file reading included. "
        "newsdex incremental: unchanged corpus, then a hard-linked copy with 1% of files rewritten.")
    add("")
    add("## Search latency (ms)")
    add("")
    engines = [e for e in ["newsdex", "xapian-cpp", "xapian-py", "fts5", "tantivy", "ripgrep"] if e in searching]
    header = "| # | class | query | " + " | ".join(f"{LABELS[e]} p50 / p95" for e in engines) + \
             " | Xapian C++ in-process p50 / p95 | newsdex in-process p50 / p95 |"
    add(header)
    add("|" + "---|" * (len(engines) + 5))
    inproc = searching.get("xapian-cpp-inprocess", {}).get("queries", [])
    for i, q in enumerate(queries):
        desc = q["text"] + (f" @{q['source']}" if q["source"] else "") + \
            (f" +person:{q['person']}" if q["person"] else "") + (" +facets" if q["facets"] else "")
        cells = []
        for e in engines:
            rows = searching[e].get("queries")
            r = rows[i] if rows else {"error": searching[e].get("error", "n/a")}
            cells.append(r.get("error", "n/a")[:40] if "error" in r else f"{r['p50_ms']:.1f} / {r['p95_ms']:.1f}")
        ip = inproc[i] if i < len(inproc) else None
        cells.append(f"{ip['p50_ms']:.3f} / {ip['p95_ms']:.3f}" if ip else "–")
        cells.append("(slot: Swift benchmark)")
        add(f"| {i + 1} | {q['class']} | `{desc.replace('|', '/')}` | " + " | ".join(cells) + " |")
    summary = []
    for e in engines:
        rows = searching[e].get("queries") or []
        summary.append(f"{fmt(median_of(rows, 'p50_ms'), 1)} / {fmt(median_of(rows, 'p95_ms'), 1)}")
    summary.append(f"{fmt(median_of(inproc, 'p50_ms'), 3)} / {fmt(median_of(inproc, 'p95_ms'), 3)}")
    summary.append("(slot)")
    add("| | **median over queries** | | " + " | ".join(summary) + " |")
    add("")
    add("One-shot = a new process per query (open the index, parse, top 10, print), as a CLI user sees it. "
        "Queries are ANDs (Xapian peers set the default operator to AND). Filters: Xapian peers use a boolean "
        "term `XS<source>` and the person as a phrase; FTS5 column filters; Tantivy `+source:` term and phrase; "
        "ripgrep approximates: source = folder, person = fixed string, one `rg -l -i` stage per word "
        "(no stemming, whole-word match). Facets = counts per source over all matches "
        "(Xapian ValueCountMatchSpy, FTS5 GROUP BY, Tantivy terms aggregation, none for ripgrep). "
        "newsdex in-process numbers come from the Swift benchmark (not wired yet).")
    add("")
    add("## Result counts per query")
    add("")
    count_engines = [e for e in ["newsdex", "xapian-cpp", "xapian-py", "fts5", "tantivy", "ripgrep"]
                     if e in searching or (e == "xapian-cpp" and inproc)]
    add("| # | query | " + " | ".join(LABELS[e] for e in count_engines) + " |")
    add("|" + "---|" * (len(count_engines) + 2))
    for i, q in enumerate(queries):
        cells = []
        for e in count_engines:
            if e == "xapian-cpp":
                cells.append(fmt(inproc[i]["count"]) if i < len(inproc) else "–")
                continue
            rows = searching[e].get("queries")
            r = rows[i] if rows else {}
            cells.append("err" if "error" in r else fmt(r.get("count")))
        desc = q["text"] + (f" @{q['source']}" if q["source"] else "") + (f" +{q['person']}" if q["person"] else "")
        add(f"| {i + 1} | `{desc}` | " + " | ".join(cells) + " |")
    add("")
    add("Counts differ by design where tokenizers differ: Porter (FTS5) and Tantivy's en_stem vs Xapian's "
        "Snowball english with STEM_SOME; ripgrep matches surface forms only, and its person/source filters "
        "are approximations.")
    add("")
    add("## newsdex relative to each peer")
    add("")
    nd = {k: v for k, v in indexing.items() if k.startswith("newsdex-j") and "error" not in v}
    best = max(nd.values(), key=lambda r: r["docs_per_s"]) if nd else None
    nd_rows = searching.get("newsdex", {}).get("queries") or []
    nd_p50 = median_of(nd_rows, "p50_ms")
    add("| Peer | indexing docs/s (newsdex ÷ peer, best of --jobs 1/2) | one-shot median p50 (peer ÷ newsdex) |")
    add("|---|---:|---:|")
    for peer in ["xapian-cpp", "xapian-py", "fts5", "tantivy", "ripgrep"]:
        pi = indexing.get(peer)
        idx = f"{best['docs_per_s'] / pi['docs_per_s']:.2f}×" if best and pi and "error" not in pi else "n/a"
        pp = median_of(searching.get(peer, {}).get("queries") or [], "p50_ms")
        srch = f"{pp / nd_p50:.2f}×" if nd_p50 and pp else "n/a"
        add(f"| {LABELS[peer]} | {idx} | {srch} |")
    if not nd:
        add("")
        add("newsdex: n/a (newsdex index not available in this tree when the bench ran).")
    add("")
    with open(path, "w") as out:
        out.write("\n".join(lines))


# ---------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", default=os.environ.get("BENCH_SIZE", "10k"))
    parser.add_argument("--corpus")
    parser.add_argument("--seed", default=os.environ.get("BENCH_SEED", "1"))
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "20")))
    parser.add_argument("--inproc-repeat", type=int, default=200)
    parser.add_argument("--engines", default=",".join(ENGINES))
    parser.add_argument("--queries", default=os.path.join(BENCH, "queries.txt"))
    parser.add_argument("--report", default=os.path.join(BENCH, "RESULTS.md"))
    parser.add_argument("--from-json", help="only regenerate the report from a raw results file")
    args = parser.parse_args()
    if args.from_json:
        raw = json.load(open(args.from_json))
        write_report(args.report, raw["meta"], raw["indexing"], raw["search"], raw["queries"])
        return
    corpus = args.corpus or os.path.join(OUT, f"corpus-{args.size}")
    if not os.path.isdir(corpus):
        sys.exit(f"bench: no corpus at {corpus}; run `make corpus-{args.size}` first")
    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    work = os.path.join(OUT, f"indexes-{args.size}")
    os.makedirs(work, exist_ok=True)

    loadavg = " ".join(open("/proc/loadavg").read().split()[:3])
    files = corpus_files(corpus)
    nbytes = sum(os.path.getsize(f) for f in files)
    log(f"corpus {corpus}: {len(files):,} articles, {nbytes / 1e6:.1f} MB")
    queries = load_queries(args.queries)
    indexing, dbs = index_engines(args, corpus, len(files), nbytes, engines, work)
    searching = search_engines(args, queries, corpus, dbs, engines, work)

    stamp = datetime.datetime.now(datetime.timezone.utc)
    raw = os.path.join(OUT, f"results-{args.size}-{stamp:%Y%m%dT%H%M%SZ}.json")
    meta = {"date": stamp.strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
            "command": os.environ.get("BENCH_COMMAND", "python3 " + " ".join(sys.argv)),
            "corpus": os.path.relpath(corpus, ROOT), "docs": len(files), "bytes": nbytes, "seed": args.seed,
            "repeat": args.repeat, "loadavg": loadavg, "note": os.environ.get("BENCH_NOTE"), "inproc_repeat": args.inproc_repeat, "raw_json": raw}
    with open(raw, "w") as out:
        json.dump({"meta": meta, "queries": queries, "indexing": indexing, "search": searching}, out, indent=1)
    write_report(args.report, meta, indexing, searching, queries)
    log(f"wrote {os.path.relpath(args.report, ROOT)} and {os.path.relpath(raw, ROOT)}")


if __name__ == "__main__":
    main()
