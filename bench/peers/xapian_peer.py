#!/usr/bin/python3
"""Python peer over python3-xapian: the same calls as bench/xapian-reference, for one-shot figures.

Run with /usr/bin/python3 (Debian's, which has the xapian module).
  xapian_peer.py index CORPUS DB
  xapian_peer.py search DB QUERY [--filter TERM]... [--facets] [--exact]
(--exact: count every match, so "estimate" is the exact total)
"""
import json
import os
import sys
import time

import xapian


def index(corpus, db_path):
    start = time.perf_counter()
    files = []
    for dirpath, _, names in os.walk(corpus):
        files.extend(os.path.join(dirpath, n) for n in names if n.endswith(".txt"))
    files.sort()
    db = xapian.WritableDatabase(db_path, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_stemmer(xapian.Stem("english"))
    tg.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
    total = 0
    for path in files:
        with open(path, "rb") as f:
            data = f.read()
        total += len(data)
        text = data.decode("utf-8", "replace")
        lines = text.split("\n")
        k = next((i for i, line in enumerate(lines) if line.strip()), 0)
        title, body = lines[k] if lines else "", "\n".join(lines[k + 1:])
        rel = os.path.relpath(path, corpus)
        source = rel.split(os.sep)[0]
        doc = xapian.Document()
        tg.set_document(doc)
        tg.index_text(title, 1, "S")
        tg.index_text(title)
        tg.increase_termpos()
        tg.index_text(body)
        doc.add_boolean_term("XS" + source.lower())
        doc.add_value(0, source)
        doc.set_data(rel)
        idterm = "Q" + rel
        doc.add_boolean_term(idterm)
        db.replace_document(idterm, doc)
    db.commit()
    print(json.dumps({"docs": len(files), "bytes": total, "seconds": round(time.perf_counter() - start, 3)}))


def search(db_path, text, filters, facets, exact=False):
    db = xapian.Database(db_path)
    qp = xapian.QueryParser()
    qp.set_database(db)
    qp.set_stemmer(xapian.Stem("english"))
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_default_op(xapian.Query.OP_AND)
    flags = (xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_PHRASE
             | xapian.QueryParser.FLAG_BOOLEAN | xapian.QueryParser.FLAG_LOVEHATE)
    query = qp.parse_query(text, flags)
    for term in filters:
        query = xapian.Query(xapian.Query.OP_FILTER, query, xapian.Query(term))
    enquire = xapian.Enquire(db)
    enquire.set_query(query)
    spy = xapian.ValueCountMatchSpy(0)
    if facets:
        enquire.add_matchspy(spy)
    mset = enquire.get_mset(0, 10, db.get_doccount() if facets or exact else 0)
    print("estimate", mset.get_matches_estimated())
    for m in mset:
        print(m.document.get_data().decode())
    if facets:
        for item in spy.values():
            print("facet", item.term.decode(), item.termfreq)


def main(argv):
    if len(argv) == 4 and argv[1] == "index":
        index(argv[2], argv[3])
    elif len(argv) >= 4 and argv[1] == "search":
        filters, facets, exact, rest = [], False, False, argv[4:]
        while rest:
            if rest[0] == "--filter" and len(rest) > 1:
                filters.append(rest[1])
                rest = rest[2:]
            else:
                facets = facets or rest[0] == "--facets"
                exact = exact or rest[0] == "--exact"
                rest = rest[1:]
        search(argv[2], argv[3], filters, facets, exact)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
