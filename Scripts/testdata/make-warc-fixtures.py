#!/usr/bin/env python3
"""Writes the web archive fixtures of Tests/NewsdexTests/Fixtures/WARC/ with warcio, laid out as
real crawlers lay them out (warcinfo, request/response pairs, revisits, metadata, images, a
chunked and gzip-encoded response), then breaks copies in the ways interrupted crawls break.

Run it in a virtual environment outside the repository; the outputs are committed, not warcio:

    python3 -m venv ~/.cache/newsdex/warcio && ~/.cache/newsdex/warcio/bin/pip install warcio
    ~/.cache/newsdex/warcio/bin/python Scripts/testdata/make-warc-fixtures.py

The pages are the HTML fixtures written for this repository (no publisher's page is archived).
The records' dates, ids and payloads are fixed, so the files are the same on every run.
"""
import gzip
import io
import os
import uuid
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[2]
PAGES = ROOT / "Tests/NewsdexTests/Fixtures/HTML"
OUT = ROOT / "Tests/NewsdexTests/Fixtures/WARC"

record_numbers = iter(range(1, 10_000))


def record_id():
    # Fixed ids: the same file on every run.
    return "<urn:uuid:%s>" % uuid.UUID(int=next(record_numbers))


def chunked(body: bytes, size: int = 700) -> bytes:
    out = b""
    for start in range(0, len(body), size):
        piece = body[start:start + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


def write_archive(path: Path, gzip_records: bool, version: str = "WARC/1.0"):
    global record_numbers
    record_numbers = iter(range(1, 10_000))
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzip_records, warc_version=version)

    def write(record_type, uri, payload, http_headers=None, date="2024-03-11T09:00:00Z",
              content_type=None, extra=None):
        headers = {"WARC-Record-ID": record_id(), "WARC-Date": date}
        headers.update(extra or {})
        record = writer.create_warc_record(
            uri, record_type, payload=io.BytesIO(payload), http_headers=http_headers,
            warc_content_type=content_type, warc_headers_dict=headers)
        writer.write_record(record)

    write("warcinfo", None, b"software: newsdex test fixtures\r\nformat: WARC File Format 1.0\r\n",
          content_type="application/warc-fields")

    def fetch(uri, status, headers, body, date):
        request = StatusAndHeaders("GET /%s HTTP/1.1" % uri.split("/", 3)[-1],
                                   [("Host", uri.split("/")[2]), ("User-Agent", "fixture-crawler/1.0")],
                                   is_http_request=True)
        write("request", uri, b"", http_headers=request, date=date)
        write("response", uri, body,
              http_headers=StatusAndHeaders(status, headers, protocol="HTTP/1.1"), date=date)

    html = "text/html; charset=utf-8"
    # 1. A WordPress article, plain.
    fetch("https://coastlinecourier.example/2024/03/11/harbour-ferry-strike-ends/", "200 OK",
          [("Content-Type", html)], (PAGES / "wordpress.html").read_bytes(), "2024-03-11T09:00:00Z")
    # 2. A JSON-LD publisher page, sent chunked and gzip-encoded, as recorded by a proxy.
    page = (PAGES / "publisher-jsonld.html").read_bytes()
    fetch("https://continentalwire.example/business/2023/08/14/drought-river-barges", "200 OK",
          [("Content-Type", html), ("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")],
          chunked(gzip.compress(page, mtime=0)), "2023-08-14T07:00:00Z")
    # 3. An image: not an article.
    fetch("https://coastlinecourier.example/wp-content/uploads/2024/03/ferry.jpg", "200 OK",
          [("Content-Type", "image/jpeg")], b"\xff\xd8\xff\xe0" + bytes(200), "2024-03-11T09:00:01Z")
    # 4. A page without a date of its own, in Windows-1252 as the HTTP header says (its <meta>
    #    says nothing): the crawl date stands in.
    undated = ("<html><head><title>Caf\u00e9 owners fight \u201cterrace tax\u201d</title></head><body><article>"
               "<h1>Caf\u00e9 owners fight \u201cterrace tax\u201d</h1>"
               "<p>Owners of the caf\u00e9s along the quay say a new charge on outdoor tables will cost them up to "
               "\u20ac4,000 a season, and they have asked the town council to think again.</p>"
               "<p>The council will vote on the charge on 18 May. Its finance committee has proposed halving "
               "the rate for businesses with fewer than five employees.</p></article></body></html>")
    fetch("http://gazette-du-lac.example/terrace-tax.html", "200 OK",
          [("Content-Type", "text/html; charset=windows-1252")], undated.encode("cp1252"), "2006-05-03T18:20:00Z")
    # 5. A page that is gone: not an article.
    fetch("https://coastlinecourier.example/missing", "404 Not Found", [("Content-Type", html)],
          b"<html><body><h1>Not found</h1></body></html>", "2024-03-11T09:00:02Z")
    # 6. A revisit of the first page (the same payload as before): skipped.
    write("revisit", "https://coastlinecourier.example/2024/03/11/harbour-ferry-strike-ends/", b"",
          http_headers=StatusAndHeaders("200 OK", [("Content-Type", html)], protocol="HTTP/1.1"),
          date="2024-03-12T09:00:00Z",
          extra={"WARC-Profile": "http://netpreserve.org/warc/1.0/revisit/identical-payload-digest",
                 "WARC-Refers-To-Target-URI": "https://coastlinecourier.example/2024/03/11/harbour-ferry-strike-ends/",
                 "WARC-Refers-To-Date": "2024-03-11T09:00:00Z"})
    # 7. Metadata about the crawl: skipped.
    write("metadata", "https://coastlinecourier.example/2024/03/11/harbour-ferry-strike-ends/",
          b"outlink: https://coastlinecourier.example/news/\r\n", content_type="application/warc-fields",
          date="2024-03-11T09:00:03Z")
    # 8. An AMP page stored as a resource record (as archiving tools store a saved page).
    write("resource", "https://www.alpinetimes.example/travel/night-trains-return-alpine-line",
          (PAGES / "amp.html").read_bytes(), content_type="text/html", date="2023-12-10T06:00:00Z")

    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def write_languages_archive(path: Path):
    """Pages that state their language only in HTTP, or in both HTTP and the page."""
    global record_numbers
    record_numbers = iter(range(1, 10_000))
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True, warc_version="WARC/1.0")

    def response(uri, headers, body, date):
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body),
            http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1"),
            warc_headers_dict={"WARC-Record-ID": record_id(), "WARC-Date": date})
        writer.write_record(record)

    html = "text/html; charset=utf-8"
    # 1. The page says nothing of its language; the server's Content-Language does.
    spanish = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>El puerto amplía el muelle de "
               "pescadores</title></head><body><article><h1>El puerto amplía el muelle de pescadores</h1>"
               "<p>Las obras de ampliación del muelle de pescadores comenzarán en septiembre y durarán "
               "catorce meses, según anunció ayer la autoridad portuaria.</p>"
               "<p>La cofradía de pescadores celebró la noticia, aunque pidió que los barcos puedan seguir "
               "descargando durante las obras.</p></article></body></html>")
    response("https://diariodelacosta.example/local/muelle-pescadores",
             [("Content-Type", html), ("Content-Language", "es-ES")], spanish.encode(), "2024-06-05T10:00:00Z")
    # 2. The server says English for every page; the page itself says Italian, and is.
    italian = ("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>Riapre il rifugio "
               "del passo dopo la frana</title></head><body><article><h1>Riapre il rifugio del passo dopo "
               "la frana</h1><p>Il rifugio del passo, chiuso da marzo per una frana sulla strada di accesso, "
               "riaprirà sabato con una nuova passerella in legno costruita dai volontari.</p>"
               "<p>Il gestore ha ringraziato i volontari e i vigili del fuoco che hanno lavorato per tre "
               "settimane.</p></article></body></html>")
    response("https://valledelleaquile.example/notizie/rifugio-riapre",
             [("Content-Type", html), ("Content-Language", "en")], italian.encode(), "2024-06-05T11:00:00Z")
    path.write_bytes(buffer.getvalue())


def records_of(data: bytes):
    """(offset, length) of each gzip member of a member-per-record file."""
    members = []
    offset = 0
    while offset < len(data):
        decompressor = __import__("zlib").decompressobj(16 + 15)
        decompressor.decompress(data[offset:])
        length = len(data) - offset - len(decompressor.unused_data)
        members.append((offset, length))
        offset += length
    return members


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    per_record = write_archive(OUT / "crawl.warc.gz", gzip_records=True)
    plain = write_archive(OUT / "crawl.warc", gzip_records=False)
    write_archive(OUT / "crawl-1.1.warc.gz", gzip_records=True, version="WARC/1.1")
    # One gzip stream for the whole file, as `gzip crawl.warc` makes it.
    (OUT / "crawl-one-stream.warc.gz").write_bytes(gzip.compress(plain, mtime=0))

    write_languages_archive(OUT / "languages.warc.gz")

    members = records_of(per_record)
    # The last member cut short, as an interrupted crawl leaves it.
    (OUT / "broken-truncated.warc.gz").write_bytes(per_record[:members[-1][0] + members[-1][1] // 2])
    # A member of corrupt data in the middle (the third record: the first page's response).
    start, length = members[2]
    corrupt = bytearray(per_record)
    for i in range(start + 20, start + length - 10):
        corrupt[i] ^= 0x5A
    (OUT / "broken-corrupt-member.warc.gz").write_bytes(bytes(corrupt))
    # Uncompressed: a wrong Content-Length (the second page's response says 40 bytes fewer) and,
    # further on, a record whose header is not a WARC header (the missing page's request).
    text = plain
    second = text.index(b"WARC-Target-URI: https://continentalwire.example/business/2023/08/14/drought-river-barges",
                        text.index(b"WARC-Type: response", text.index(b"continentalwire")))
    header_start = text.rindex(b"WARC/1.0\r\n", 0, second)
    length_at = text.index(b"Content-Length: ", header_start)
    length_end = text.index(b"\r\n", length_at)
    old_length = int(text[length_at + 16:length_end])
    text = text[:length_at + 16] + str(old_length - 40).encode() + text[length_end:]
    missing = text.index(b"WARC-Target-URI: https://coastlinecourier.example/missing")
    missing_request = text.rindex(b"WARC/1.0\r\n", 0, missing)
    text = text[:missing_request] + b"WARX/1.0\r\n" + text[missing_request + len(b"WARC/1.0\r\n"):]
    (OUT / "broken-lengths.warc").write_bytes(text)
    for name in sorted(os.listdir(OUT)):
        print(name, (OUT / name).stat().st_size)


if __name__ == "__main__":
    main()
