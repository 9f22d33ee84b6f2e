# The explorer's whole set-up: `make serve` and `make test` work on a fresh
# Debian machine with Go; they install what they lack.

BASE    ?= /
# REPORT_URL: where "report a problem with this rule" links go ({rule} is
# the rule id); empty means the template on the about page.
REPORT_URL ?=
OUT     ?= dist
ADDR    ?= 127.0.0.1:8080
VERSION ?= $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo dev)$(shell git diff --quiet HEAD 2>/dev/null || echo -dirty)
GO      ?= go
WASM    := .build/app.wasm
# Same flags for the explorer and the bench baseline (both live in this
# module). -l turns off inlining in this module's own packages only: the
# component code inlined little that mattered for speed (re-render and
# recompute measured the same) but repeated a lot of bytes, 43 KiB of brotli.
WASMFLAGS := -trimpath -ldflags="-s -w" -gcflags='obligations-explorer/...=-l'

export CHROMIUM ?= $(shell command -v chromium 2>/dev/null || echo /usr/bin/chromium)

.PHONY: all compile serve dist wasm test unit fuzz e2e e2e-dists bench deps browser npm-tools vet clean

all: dist

$(WASM): $(shell find app clauses build -name '*.go' -o -name '*.md' -o -name '*.tsv' 2>/dev/null) go.mod go.sum
	$(GO) run ./clauses/cmd/compile
	@mkdir -p .build
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o $@ ./build

wasm: $(WASM)

## compile: the Markdown corpus into clauses/compiled (run after editing it)
compile:
	$(GO) run ./clauses/cmd/compile

## dist: the static site in $(OUT)/ (make dist BASE=/explorer/ for a sub-path)
dist: $(WASM)
	$(GO) run ./build -out $(OUT) -base $(BASE) -version $(VERSION) -wasm $(WASM) $(if $(REPORT_URL),-report-url '$(REPORT_URL)')

## serve: build and serve on http://127.0.0.1:8080
serve: dist
	$(GO) run ./build -serve-only -out $(OUT) -base $(BASE) -serve $(ADDR)

## test: vet, unit tests, fuzz seed corpora, end-to-end tests in Chromium
test: deps vet unit e2e

vet:
	@test -z "$$(gofmt -l app build clauses e2e bench)" || (echo "gofmt needed:"; gofmt -l app build clauses e2e bench; exit 1)
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./build/...

# Unit tests; `go test` also runs every Fuzz function over its seed corpus.
unit:
	$(GO) test -count=1 ./...

# A short real fuzzing run of the URL parser (not part of `make test`).
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime 30s ./app/state/

e2e-dists: $(WASM)
	$(GO) run ./build -out .build/e2e/root -base / -version e2e-$(VERSION) -wasm $(WASM)
	$(GO) run ./build -out .build/e2e/explorer -base /explorer/ -version e2e-$(VERSION) -wasm $(WASM)

e2e: e2e-dists browser npm-tools
	E2E_ROOT=$(CURDIR)/.build/e2e/root E2E_EXPLORER=$(CURDIR)/.build/e2e/explorer \
	E2E_SHOTS=$(CURDIR)/.build/shots \
	$(GO) test -count=1 -tags e2e -timeout 20m ./e2e/

## bench: sizes and browser timings next to a minimal go-app build
bench: e2e-dists browser
	@mkdir -p .build/baseline
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o .build/baseline/app.wasm ./bench/baseline
	$(GO) run ./bench/baseline -out .build/baseline/dist -wasm .build/baseline/app.wasm
	$(GO) run ./bench -explorer .build/e2e/root -baseline .build/baseline/dist -out bench.tsv

deps: browser

# Chromium and CJK fonts from Debian's packages when missing.
browser:
	@if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then \
		echo "installing chromium and fonts-noto-cjk"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; \
	fi

# Pinned npm packages the end-to-end tests load into the page: ical.js, an
# iCalendar parser independent of the Go library that writes the .ics, and
# axe-core. Installed into e2e/node_modules when missing (npm from Debian's
# packages when it is missing too).
ICALJS_VERSION  := 2.2.1
AXECORE_VERSION := 4.14.1
npm-tools:
	@if ! grep -qs '"version": "$(ICALJS_VERSION)"' e2e/node_modules/ical.js/package.json || \
	    ! grep -qs '"version": "$(AXECORE_VERSION)"' e2e/node_modules/axe-core/package.json; then \
		if ! command -v npm >/dev/null 2>&1; then \
			echo "installing npm"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
		fi; \
		echo "installing ical.js@$(ICALJS_VERSION) axe-core@$(AXECORE_VERSION) into e2e/node_modules"; \
		npm install --prefix e2e --no-save --no-audit --no-fund ical.js@$(ICALJS_VERSION) axe-core@$(AXECORE_VERSION); \
	fi

clean:
	rm -rf .build dist bench.tsv
