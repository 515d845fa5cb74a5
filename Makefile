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
