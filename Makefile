# crosscheck — build and test.
#   make test       install what the tests need (PostgreSQL, Chromium) and run every test
#   make build      build ./bin/crosscheck
#   make bench      Go benchmarks for the pipeline
#   make eval       score the language layer on ../shared/eval (dev splits)
GO      ?= go
BIN     ?= bin/crosscheck
EVAL    ?= ../shared/eval

.PHONY: all build test test-deps test-go fuzz bench eval fmt vet

all: build

build:
	CGO_ENABLED=0 $(GO) build -trimpath -o $(BIN) ./cmd/crosscheck

# test installs PostgreSQL and Chromium when missing (Debian), then runs the whole suite.
test: test-deps test-go

test-deps:
	@bash scripts/install-test-deps.sh

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 40m ./...

fuzz:
	@bash scripts/fuzz.sh

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

eval: build
	@for t in ner temporal attribution stance clustering; do bash $(EVAL)/run.sh $$t dev ./$(BIN) 2>/dev/null | tail -n 1; done

fmt:
	gofmt -w $$(git ls-files '*.go')

vet:
	$(GO) vet ./...
