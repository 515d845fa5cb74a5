#!/usr/bin/env python3
"""Same answers before and after a speed change (issue 16: no loss), without timing anything:
every bench query (bench/queries.txt) run with `--format json` by two newsdex builds, each over
its own index, compared as bench/run.py's baseline comparison compares them (ids of the top 10
with ties as sets, the total, whether it is exact, every facet's counts; each query also with
--facets). Snippets and captions are compared too, and their differences listed apart: they are
what a user reads, but not what the issue's no-loss rule counts.

    python3 bench/compare_answers.py BEFORE_BIN BEFORE_DB AFTER_BIN AFTER_DB

Exit 0 when hits, totals and facets are identical, 1 otherwise."""
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run  # noqa: E402  (bench/run.py: the query file reader and the answer reader)


def shown(binary, db, q):
    """Each hit's snippet and matching captions, by id, as the JSON output gives them."""
    proc = subprocess.run(run.newsdex_search_cmd(dict(q, facets=False), db, "json", binary),
                          capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        return {}
    return {hit["id"]: (hit.get("snippet"), json.dumps(hit.get("captions"), sort_keys=True))
            for hit in json.loads(proc.stdout)["results"]}


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    before_bin, before_db, after_bin, after_db = sys.argv[1:]
    queries = run.load_queries(os.path.join(os.path.dirname(os.path.abspath(__file__)), "queries.txt"))
    lost = 0
    snippet_diffs = 0
    for q in queries:
        diffs = run.answer_differences(run.answers(before_bin, before_db, q), run.answers(after_bin, after_db, q),
                                       width=100)
        label = f"{q['class']:14} {q['text']}"
        if diffs:
            lost += 1
            print(f"DIFFERENT {label}")
            for diff in diffs:
                print(f"    {diff}")
        s_before, s_after = shown(before_bin, before_db, q), shown(after_bin, after_db, q)
        for hit_id in sorted(set(s_before) & set(s_after)):
            if s_before[hit_id] != s_after[hit_id]:
                snippet_diffs += 1
                print(f"snippet   {label}  {hit_id}\n    before: {s_before[hit_id][0]}\n    after:  {s_after[hit_id][0]}")
                if s_before[hit_id][1] != s_after[hit_id][1]:
                    print(f"    captions before: {s_before[hit_id][1][:300]}\n    captions after:  {s_after[hit_id][1][:300]}")
    print(f"{len(queries) - lost} of {len(queries)} queries identical in hits, totals and facets; "
          f"{snippet_diffs} hits with another snippet or captions")
    sys.exit(1 if lost else 0)


if __name__ == "__main__":
    main()
