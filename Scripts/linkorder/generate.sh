#!/bin/sh
# Writes Scripts/linkorder/newsdex.order: the functions a one-shot `newsdex search` (and
# `--version`, `show`, `--facets`) runs, then the data it touches, for the linker to lay out
# together at the start of the executable's code and of each data section (see README.md).
#
#   sh Scripts/linkorder/generate.sh > Scripts/linkorder/newsdex.order
#
# Needs valgrind, python3, a release build (`make build`) and an index of the corpus (`make index`).
set -eu
BIN=${BIN:-.build/release/newsdex}
DB=${DB:-index}
[ -x "$BIN" ] || { echo "generate.sh: no $BIN: run make build" >&2; exit 1; }
[ -e "$DB" ] || { echo "generate.sh: no index at $DB: run make index" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "generate.sh: needs valgrind (apt-get install valgrind)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Valgrind cannot read the compressed debug sections of the build: a copy without them.
strip --strip-debug -o "$work/newsdex" "$BIN"
id=$("$BIN" search --db "$DB" --format ids --limit 1 -- troops 2>/dev/null)
n=0
trace() {
    n=$((n + 1))
    valgrind --tool=callgrind --demangle=no --compress-strings=no --compress-pos=no \
        --callgrind-out-file="$work/trace.$n" "$work/newsdex" "$@" >/dev/null 2>&1 || true
    valgrind --tool=lackey --trace-mem=yes --log-file="$work/memory.$n" \
        "$work/newsdex" "$@" >/dev/null 2>&1 || true
}
trace --version
trace search --db "$DB" -- troops
trace search --db "$DB" -- '"parade ground"' police
trace search --db "$DB" --format ids -- troops
# More hits than shown, as most searches of a real archive have (a note on standard error).
trace search --db "$DB" --format ids --limit 1 -- troops
trace search --db "$DB" --limit 1 -- troops
trace search --db "$DB" --format json -- troops OR parade
trace search --db "$DB" --facets -- troops
trace search --db "$DB" --source LBC -- troops
trace search --db "$DB" --kind caption -- troops
trace show --db "$DB" "$id"
# Each function of newsdex's own code that ran, once, in the order the traces list them; those
# the linker can only move with their whole object's code (the static libraries' and objects'
# plain .text: the standard library, most of Foundation) after the others.
static=$(dirname "$(readlink -f "$(command -v swiftc)")")/../lib/swift_static/linux
for file in $(ls "$work"/trace.* | sort -t. -k2 -n); do
    awk -v bin="$work/newsdex" '
        /^ob=/ { ours = (substr($0, 4) == bin) }
        /^fn=/ && ours { name = substr($0, 4); if (name !~ /^0x/) print name }' "$file"
done | awk '!seen[$0]++' |
    python3 "$(dirname "$0")/whole_sections_last.py" "$static"/*.a "$(dirname "$BIN")"/*.build/*.o
# Then each variable and constant they touched (the once-tokens and caches of lazy globals and
# metadata, Foundation's tables), in the order first touched: written at start, each page of
# them is a page fault, so the fewer pages they share the better.
python3 "$(dirname "$0")/data_symbols.py" "$work/newsdex" \
    $(ls "$work"/memory.* | sort -t. -k2 -n)
