#!/bin/sh
# Tries the reliability promises of issue 13 as a new user would, on real news text: the 300 ABC
# stories of the gensim wheel (fetched by Scripts/devsets/english/fetch.sh into the git-ignored
# bench/out/; see its README for the licences), laid out as five sources. It indexes a folder of
# the corpus into an index of the whole, names paths that are missing or outside, kills runs with
# SIGKILL, cuts each table to half, and (as root) fills a small disk; it prints what newsdex said
# and did at each step. Nothing it writes is kept.
#   Scripts/trials/reliability.sh [NEWSDEX]     (default: .build/release/newsdex, else .build/debug/newsdex)
set -u
cd "$(dirname "$0")/../.."
N=${1:-}
if [ -z "$N" ]; then
  if [ -x .build/release/newsdex ]; then N=.build/release/newsdex; else N=.build/debug/newsdex; fi
fi
N=$(cd "$(dirname "$N")" && pwd)/$(basename "$N")
Scripts/devsets/english/fetch.sh >&2 || exit 1
stories=$(pwd)/bench/out/devsets/english/abc

work=$(mktemp -d)
trap 'umount "$work/disk" 2>/dev/null; rm -rf "$work"' EXIT
cd "$work"
i=0
for story in "$stories"/*.txt; do
  set -- ABC AAP SMH AGE NEWS
  shift $((i % 5)); mkdir -p "corpus/$1"; cp "$story" "corpus/$1/"
  i=$((i + 1))
done
say() { printf '\n== %s\n' "$*"; }
# Runs newsdex, printing the exit code and the first lines of what it said on stderr.
run() {
  "$N" "$@" >out.txt 2>err.txt; code=$?
  printf '$ newsdex %s\n  exit %s; stdout %s lines' "$*" "$code" "$(wc -l <out.txt)"
  if [ -s err.txt ]; then printf '; stderr: %s' "$(grep -v '^newsdex: duplicate' err.txt | head -2 | cut -c1-260)"; fi
  printf '\n'
}
documents() { "$N" stats --db index --format json 2>/dev/null | sed -n 's/^ *"documents" : \([0-9]*\).*/\1/p'; }
generations() { ls -a index | grep -c '^gen-'; }

say "the whole corpus: $(find corpus -name '*.txt' | wc -l) stories in $(ls corpus | wc -l) sources"
run index corpus --db index
echo "  documents: $(documents)"

say "one source changed (one story edited, one added, one gone), indexed alone"
first=$(ls corpus/AAP | head -1); second=$(ls corpus/AAP | sed -n 2p)
echo "An added paragraph about the bushfires." >>"corpus/AAP/$first"
cp "corpus/ABC/$(ls corpus/ABC | head -1)" corpus/AAP/new-story.txt
rm "corpus/AAP/$second"
run index corpus/AAP --db index
echo "  documents: $(documents) (the other four sources untouched)"
run check corpus --db index

say "paths that are missing or outside the corpus, a rebuild of one source"
before=$(documents)
run index corpus/AFP --db index
run check corpus/AFP --db index
mkdir -p elsewhere && cp corpus/ABC/"$(ls corpus/ABC | head -1)" elsewhere/
run index elsewhere --db index
run index --rebuild corpus/SMH --db index
echo "  documents: $(documents) (before: $before)"

say "three rebuilds killed with SIGKILL, then one run"
for delay in 0.3 0.8 1.5; do
  "$N" index --rebuild corpus --db index --quiet 2>/dev/null &
  pid=$!; sleep "$delay"; kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
  echo "  killed after ${delay}s: $(ls -a index | grep -c '^gen-') generation or part folders"
done
run search --db index --format ids bushfire
run index corpus --db index
echo "  generation folders: $(generations); $(du -sh index | cut -f1) on disk"

say "each table cut to half, in a copy"
id=$("$N" search --db index --format ids --limit 1 bushfire)
for table in postlist docdata termlist position spelling; do
  rm -rf damaged; cp -a index damaged
  file=$(ls -d damaged/gen-*)/$table.glass
  truncate -s $(($(stat -c %s "$file") / 2)) "$file"
  echo "-- $table"
  for command in "search bushfire" "search '\"hill top\"'" "search bushfre" "facets police" "show $id" "stats" \
    "check --deep corpus"; do
    eval "set -- $command"
    cmd=$1; shift
    run "$cmd" --db damaged "$@"
  done
done

say "a full disk (a 2 MB tmpfs)"
if [ "$(id -u)" = 0 ] && mkdir -p disk && mount -t tmpfs -o size=2m tmpfs disk 2>/dev/null; then
  run index corpus --db disk/index
  echo "  left on the disk: $(ls -A disk/index | tr '\n' ' ')($(du -sk disk | cut -f1) KB used)"
  mkdir -p small/ABC && cp corpus/ABC/"$(ls corpus/ABC | head -1)" small/ABC/
  run index small --db disk/index
  cp -r corpus/AAP small/
  run index small --db disk/index
  run search --db disk/index --format ids bushfire
  echo "  left on the disk: $(ls -A disk/index | tr '\n' ' ')($(du -sk disk | cut -f1) KB used)"
else
  echo "  skipped: mounting a tmpfs needs root"
fi
