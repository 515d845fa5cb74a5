# newsdex: `make index` builds and indexes corpus/ into index/; `make test` runs every test.
# Both install libxapian-dev (and xapian-tools) with apt-get when they are missing.

SWIFT   ?= swift
PREFIX  ?= /usr/local
CORPUS  ?= corpus
DB      ?= index
BIN     := .build/release/newsdex
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build index search test clean man completions install uninstall

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

# make search Q='"parade ground" source:LBC'
export Q
search: build
	@$(BIN) search --db $(DB) -- "$$Q"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The man page, from the same declarations as --help (swift-argument-parser's generate-manual).
man: deps
	mkdir -p .build/man
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --output-directory .build/man

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
	install -m 644 .build/man/newsdex.1 $(DESTDIR)$(PREFIX)/share/man/man1/newsdex.1
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
