# LEE — build, test and check every module of the workspace.
# Modules are found by their go.mod, never listed by hand.
MODULES := $(sort $(patsubst ./%/go.mod,%,$(shell find . -mindepth 2 -maxdepth 2 -name go.mod)))
ARCH ?= amd64
GO ?= go
GOTEST_FLAGS ?= -race -count=1
export CGO_ENABLED ?= 1
# The AWS Lambda Runtime Interface Emulator, pinned; the end-to-end tests run the bootstrap under it.
RIE_VERSION := v0.0.0-20261030222936-bef5c4ba774d
export PATH := $(or $(shell $(GO) env GOBIN),$(shell $(GO) env GOPATH)/bin):$(PATH)

FUZZTIME ?= 5s

# The per-module targets (test/%, testoff/%, vet/%, tidy/%) are pattern rules;
# they must not be listed in .PHONY, where make skips pattern-rule search and
# would silently do nothing. FORCE makes them run every time instead.
.PHONY: all test fmt vet tidy sync synccheck check bootstrap demo clean rie fuzz package FORCE
FORCE:

all: test

## test: everything CI runs — format, vet, tests in workspace mode and with GOWORK=off, checks;
## it ends by saying whether Amazon's Alexa conformance suite ran (see LEE_ALEXA_DATA).
test: rie fmt synccheck vet $(addprefix test/,$(MODULES)) $(addprefix testoff/,$(MODULES)) check fuzz
	@$(GO) run ./tools/cmd/lee check alexa-data

## test/<module>: the module's tests in workspace mode.
test/%: FORCE
	cd $* && $(GO) test $(GOTEST_FLAGS) ./...

## testoff/<module>: the module's tests alone, as a consumer of the module sees it.
testoff/%: FORCE
	cd $* && GOWORK=off $(GO) test $(GOTEST_FLAGS) ./...

## fmt: fail when gofmt would change a file.
fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go') 2>&1); if [ -n "$$out" ]; then echo "gofmt would change (or could not read):"; echo "$$out"; exit 1; fi

vet: $(addprefix vet/,$(MODULES))
vet/%: FORCE
	cd $* && $(GO) vet ./...

## tidy: go mod tidy in every module.
tidy: $(addprefix tidy/,$(MODULES))
tidy/%: FORCE
	cd $* && $(GO) mod tidy

## sync: go work sync, then tidy every module.
sync:
	$(GO) work sync
	$(MAKE) tidy

## synccheck: fail when make sync would change a go.mod, go.sum or go.work.
synccheck: sync
	@git diff --exit-code --stat -- go.work $(foreach m,$(MODULES),$(m)/go.mod $(m)/go.sum) || \
	  { echo "make sync changed the files above: run it and commit the result"; exit 1; }

## check: the repository's own rules (versions, import rules, no doc link out of the repository).
check:
	$(GO) run ./tools/cmd/lee check versions
	$(GO) run ./tools/cmd/lee check imports
	$(GO) run ./tools/cmd/lee check docs

## fuzz: every Fuzz target of every module, FUZZTIME each (found by grep, not listed by hand).
# A run fails only on a finding. Go 1.26's fuzz engine can end a clean run with
# "context deadline exceeded" and no reproducer (golang/go#75804): that alone
# is reported and not counted as a finding.
fuzz:
	@set -e; for f in $$(grep -l '^func Fuzz' $$(git ls-files '*_test.go')); do \
	  dir=$$(dirname $$f); mod=$${dir%%/*}; pkg=.$${dir#$$mod}; \
	  for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
	    echo "fuzz $$mod $$pkg $$t ($(FUZZTIME))"; corpus=$$dir/testdata/fuzz/$$t; \
	    before=$$(ls $$corpus 2>/dev/null | wc -l); \
	    if out=$$(cd $$mod && $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg 2>&1); then \
	      echo "$$out" | tail -n 1; continue; fi; \
	    after=$$(ls $$corpus 2>/dev/null | wc -l); \
	    if [ "$$after" -eq "$$before" ] && echo "$$out" | grep -q 'context deadline exceeded'; then \
	      echo "fuzz $$t: engine deadline without a reproducer (golang/go#75804), not a finding"; continue; fi; \
	    echo "$$out"; exit 1; \
	  done; \
	done

## rie: install the pinned Runtime Interface Emulator when it is missing.
rie:
	@command -v aws-lambda-rie >/dev/null 2>&1 || $(GO) install github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@$(RIE_VERSION)

## demo: the main job, locally — the function against the simulator's demo home.
demo:
	$(MAKE) bootstrap ARCH=$(shell $(GO) env GOARCH)
	$(GO) run ./tools/cmd/lee demo --binary dist/bootstrap

## bootstrap: the Lambda binary, dist/bootstrap (ARCH=arm64 for Graviton).
bootstrap:
	mkdir -p dist
	cd function && CGO_ENABLED=0 GOOS=linux GOARCH=$(ARCH) $(GO) build -tags lambda.norpc -trimpath -ldflags "-s -w" -o ../dist/bootstrap .

## package: dist/lee-<version>-<arch>.zip (bootstrap only, reproducible) and its .sha256.
package: bootstrap
	$(GO) run ./tools/cmd/lee package --binary dist/bootstrap --arch $(ARCH) --out dist

clean:
	rm -rf dist
