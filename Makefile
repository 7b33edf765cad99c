# LEE — build, test and check every module of the workspace.
# Modules are found by their go.mod, never listed by hand.
MODULES := $(sort $(patsubst ./%/go.mod,%,$(shell find . -mindepth 2 -maxdepth 2 -name go.mod)))
# ARCH is the Lambda architecture of make bootstrap and make package: arm64 (Graviton, the
# cheaper one, and deploy/template.yaml's default) or amd64 (Lambda's x86_64).
ARCH ?= arm64
GO ?= go
# LEE runs the repository's own tool; LEE=path/to/lee uses a prebuilt one.
LEE ?= $(GO) run ./tools/cmd/lee
GOTEST_FLAGS ?= -race -count=1
export CGO_ENABLED ?= 1
# The AWS Lambda Runtime Interface Emulator, pinned; the end-to-end tests run the bootstrap under it.
RIE_VERSION := v0.0.0-20261030222936-bef5c4ba774d
export PATH := $(or $(shell $(GO) env GOBIN),$(shell $(GO) env GOPATH)/bin):$(PATH)
# Amazon's SMAPI model and TypeScript, pinned; tools/skill type-checks the files lee skill
# writes against the model's types. The folder is per version, so a new pin installs afresh.
SMAPI_MODEL_VERSION := 1.24.0
SMAPI_RUNTIME_VERSION := 1.4.0
TYPESCRIPT_VERSION := 5.9.3
export LEE_SMAPI_MODEL ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/lee/smapi-$(SMAPI_MODEL_VERSION)-ts$(TYPESCRIPT_VERSION)

FUZZTIME ?= 5s

# The per-module targets (test/%, testoff/%, vet/%, tidy/%) are pattern rules;
# they must not be listed in .PHONY, where make skips pattern-rule search and
# would silently do nothing. FORCE makes them run every time instead.
.PHONY: all test fmt vet tidy sync synccheck check consumer bootstrap demo clean rie smapi fuzz allocs package FORCE
FORCE:

all: test

## test: everything CI runs — format, vet, tests in workspace mode and with GOWORK=off, checks;
## it ends by saying whether Amazon's Alexa conformance suite ran (see LEE_ALEXA_DATA).
test: rie smapi fmt synccheck vet check $(addprefix test/,$(MODULES)) $(addprefix testoff/,$(MODULES)) allocs consumer fuzz
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

## check: the repository's own rules (versions, import rules, no doc link out of the repository,
## nothing the bootstrap cannot reach unless documented). Before the tests: deadcode's check
## downloads the pinned tool, which TestCheckDeadcodeOnATree then takes from the module cache.
check:
	$(GO) run ./tools/cmd/lee check versions
	$(GO) run ./tools/cmd/lee check imports
	$(GO) run ./tools/cmd/lee check docs
	$(GO) run ./tools/cmd/lee check deadcode

## consumer: release patches in a temporary clone and use them from outside the workspace (TestConsumer).
consumer:
	cd tools && $(GO) test -count=1 -run '^TestConsumer$$' ./cmd/lee -args -consumer

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

## allocs: every allocation guard of every module, without the race detector.
# The race detector changes allocation counts, so the guards skip under -race,
# which is how test/% runs everything. A guard is a test whose name contains
# "Alloc" (TestXxxAllocations, TestXxxDoesNotAllocate); the packages holding
# one are found by grep, not listed by hand, and only their guards run.
allocs:
	@set -e; dirs=$$(grep -l '^func Test[A-Za-z0-9_]*Alloc' $$(git ls-files '*_test.go') | xargs -n1 dirname | sort -u); \
	for mod in $$(echo "$$dirs" | sed 's|/.*||' | sort -u); do \
	  pkgs=$$(echo "$$dirs" | grep -E "^$$mod(/|$$)" | sed "s|^$$mod|.|"); \
	  echo "allocs $$mod:" $$pkgs; \
	  (cd $$mod && $(GO) test -count=1 -run Alloc $$pkgs); \
	done

## rie: install the pinned Runtime Interface Emulator when it is missing.
rie:
	@command -v aws-lambda-rie >/dev/null 2>&1 || $(GO) install github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@$(RIE_VERSION)

## smapi: install Amazon's SMAPI model and TypeScript with npm when missing (skipped without npm).
smapi:
	@if [ -f "$(LEE_SMAPI_MODEL)/.installed" ]; then exit 0; fi; \
	if ! command -v npm >/dev/null 2>&1; then \
	  echo "smapi: npm not found: the check of lee skill's files against Amazon's SMAPI model will be skipped"; exit 0; fi; \
	echo "smapi: installing ask-smapi-model@$(SMAPI_MODEL_VERSION) and typescript@$(TYPESCRIPT_VERSION) into $(LEE_SMAPI_MODEL)"; \
	mkdir -p "$(LEE_SMAPI_MODEL)" && \
	npm install --prefix "$(LEE_SMAPI_MODEL)" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error \
	  ask-smapi-model@$(SMAPI_MODEL_VERSION) ask-sdk-model-runtime@$(SMAPI_RUNTIME_VERSION) typescript@$(TYPESCRIPT_VERSION) && \
	touch "$(LEE_SMAPI_MODEL)/.installed"

## demo: the main job, locally — the function against the simulator's demo home.
demo:
	$(MAKE) bootstrap ARCH=$(shell $(GO) env GOARCH)
	$(GO) run ./tools/cmd/lee demo --binary dist/bootstrap

## bootstrap: the Lambda binary, dist/bootstrap, for linux/$(ARCH). The build's flags are
## defined once, in tools/harness (lee build prints the command it runs).
bootstrap:
	$(LEE) build --arch $(ARCH) --out dist/bootstrap

## package: dist/lee-<version>-<arch>.zip (bootstrap only, reproducible), its .sha256, and
## dist/lee-<version>.zip, the copy deploy/template.yaml deploys.
package: bootstrap
	$(LEE) package --binary dist/bootstrap --arch $(ARCH) --out dist

clean:
	rm -rf dist
