# newsdex: `make index` builds and indexes corpus/ into index/; `make test` runs every test.
# Both install libxapian-dev (and xapian-tools) with apt-get when they are missing.

SWIFT   ?= swift
PREFIX  ?= /usr/local
CORPUS  ?= corpus
DB      ?= index
BIN     := .build/release/newsdex
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build index search test clean

all: index

# Debian's libxapian-dev gives <xapian.h> and libxapian; xapian-tools gives xapian-tcpsrv.
deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists xapian-core \
	    || ! command -v xapian-tcpsrv >/dev/null 2>&1; then \
	  echo "make: Xapian is missing; installing libxapian-dev, xapian-tools and pkg-config with apt-get" >&2; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libxapian-dev xapian-tools pkg-config >&2; \
	fi

build: deps
	$(SWIFT) build -c release --product newsdex

index: build
	$(BIN) index $(CORPUS) --db $(DB)

search: build
	@$(BIN) search --db $(DB) -- $(Q)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
	find $(DB) -mindepth 1 ! -name README.md ! -name .gitignore -exec rm -rf {} +

# A local example of a sharded index served by Xapian's own remote backend: `make cluster` builds
# $(CLUSTER_DB)/ from $(CORPUS) in $(CLUSTER_SHARDS) shards, serves shard i with xapian-tcpsrv on
# 127.0.0.1:$(CLUSTER_PORT)+i, and writes cluster.stub; `make cluster-stop` stops the servers.
CLUSTER_DB     ?= index-sharded
CLUSTER_SHARDS ?= 3
CLUSTER_PORT   ?= 7331
CLUSTER_RUN    ?= .cluster

.PHONY: cluster cluster-stop

cluster: build cluster-stop
	$(BIN) index $(CORPUS) --db $(CLUSTER_DB) --shards $(CLUSTER_SHARDS) --quiet
	@mkdir -p $(CLUSTER_RUN); gen=$$(sed -n 's/^auto //p' $(CLUSTER_DB)/XAPIANDB); : > cluster.stub.tmp; \
	for i in $$(seq 0 $$(($(CLUSTER_SHARDS) - 1))); do \
	  port=$$(($(CLUSTER_PORT) + i)); \
	  xapian-tcpsrv --interface 127.0.0.1 --port $$port --timeout 30000 --quiet \
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
