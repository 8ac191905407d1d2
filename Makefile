# bitext — common tasks. `make demo` and `make test` are the two set-up commands in README.md.
GO ?= go
BIN := bin/bitext
# What `bitext version` prints: the tag (or commit) this tree is at, -dirty when changed.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)

.PHONY: all build demo test bench fmt clean

all: build

build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/bitext

# Translate the sample article offline and write article.html.
demo: build
	./$(BIN) translate testdata/article.txt -o article.html
	@echo "Open $(CURDIR)/article.html in a browser."

# The whole test suite; CI runs exactly this.
test:
	./scripts/test-deps
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# Benchmarks with the figures the issues ask for.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin article.html
