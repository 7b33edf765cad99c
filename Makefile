# LEE — build, test and check every module of the workspace.
# Modules are found by their go.mod, never listed by hand.
MODULES := $(sort $(patsubst ./%/go.mod,%,$(shell find . -mindepth 2 -maxdepth 2 -name go.mod)))
ARCH ?= amd64
GO ?= go
GOTEST_FLAGS ?= -race -count=1
export CGO_ENABLED ?= 1

.PHONY: all test fmt vet tidy sync check bootstrap demo clean $(addprefix test/,$(MODULES)) \
	$(addprefix vet/,$(MODULES)) $(addprefix tidy/,$(MODULES)) $(addprefix testoff/,$(MODULES))

all: test

## test: everything CI runs — format, vet, tests in workspace mode and with GOWORK=off, checks.
test: fmt vet $(addprefix test/,$(MODULES)) $(addprefix testoff/,$(MODULES)) check

## test/<module>: the module's tests in workspace mode.
test/%:
	cd $* && $(GO) test $(GOTEST_FLAGS) ./...

## testoff/<module>: the module's tests alone, as a consumer of the module sees it.
testoff/%:
	cd $* && GOWORK=off $(GO) test $(GOTEST_FLAGS) ./...

## fmt: fail when gofmt would change a file.
fmt:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet: $(addprefix vet/,$(MODULES))
vet/%:
	cd $* && $(GO) vet ./...

## tidy: go mod tidy in every module.
tidy: $(addprefix tidy/,$(MODULES))
tidy/%:
	cd $* && $(GO) mod tidy

## sync: go work sync, then tidy every module.
sync:
	$(GO) work sync
	$(MAKE) tidy

## check: the repository's own rules (versions, import rules).
check:
	$(GO) run ./tools/cmd/lee check versions
	$(GO) run ./tools/cmd/lee check imports

## bootstrap: the Lambda binary, dist/bootstrap (ARCH=arm64 for Graviton).
bootstrap:
	mkdir -p dist
	cd function && CGO_ENABLED=0 GOOS=linux GOARCH=$(ARCH) $(GO) build -tags lambda.norpc -trimpath -ldflags "-s -w" -o ../dist/bootstrap .

clean:
	rm -rf dist
