#!/usr/bin/env python3
"""Tantivy peer (PyPI `tantivy`): en_stem tokenizer with positions, source as a raw fast field.

  tantivy_peer.py index CORPUS DIR
  tantivy_peer.py search DIR QUERY [--facets]     QUERY in tantivy's syntax (the driver translates)
  tantivy_peer.py count DIR QUERY                  exact number of matches
"""
import json
import os
import shutil
import sys
import time

import tantivy


def schema():
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("path", stored=True, tokenizer_name="raw")
    builder.add_text_field("source", stored=False, fast=True, tokenizer_name="raw")
    builder.add_text_field("title", tokenizer_name="en_stem", index_option="position")
    builder.add_text_field("body", tokenizer_name="en_stem", index_option="position")
    return builder.build()


def index(corpus, out):
    start = time.perf_counter()
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    idx = tantivy.Index(schema(), path=out)
    # Default writer: tantivy picks its thread count (2 here) and a 128 MB heap.
    writer = idx.writer()
    files = []
    for dirpath, _, names in os.walk(corpus):
        files.extend(os.path.join(dirpath, n) for n in names if n.endswith(".txt"))
    files.sort()
    total = 0
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        total += len(data)
        lines = data.decode("utf-8", "replace").split("\n")
        k = next((i for i, line in enumerate(lines) if line.strip()), 0)
        rel = os.path.relpath(path, corpus)
        writer.add_document(tantivy.Document(
            path=rel, source=rel.split(os.sep)[0], title=lines[k] if lines else "",
            body="\n".join(lines[k + 1:])))
    writer.commit()
    writer.wait_merging_threads()
    print(json.dumps({"docs": len(files), "bytes": total, "seconds": round(time.perf_counter() - start, 3)}))


def search(out, text, facets, count_only=False):
    idx = tantivy.Index.open(out)
    searcher = idx.searcher()
    query = idx.parse_query(text, ["title", "body"])
    if count_only:
        print(searcher.search(query, 1, count=True).count)
        return
    result = searcher.search(query, 10, count=False)
    for _, address in result.hits:
        print(searcher.doc(address)["path"][0])
    if facets:
        agg = searcher.aggregate(query, {"sources": {"terms": {"field": "source", "size": 100}}})
        for bucket in agg["sources"]["buckets"]:
            print("facet", bucket["key"], bucket["doc_count"])


def main(argv):
    if len(argv) == 4 and argv[1] == "index":
        index(argv[2], argv[3])
    elif len(argv) >= 4 and argv[1] == "search":
        search(argv[2], argv[3], "--facets" in argv[4:])
    elif len(argv) == 4 and argv[1] == "count":
        search(argv[2], argv[3], False, count_only=True)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
